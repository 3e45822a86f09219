//! The rows a page of referrals or cases refers to, fetched once per page with one batched
//! DataLoader call per table (`load_many`). Per-item `load_one` calls batch too, but how many
//! batches they make depends on how the executor interleaves the items (async-graphql polls long
//! lists in slices); fetching for the whole page first makes the statement count fixed: the same for
//! 5 items as for 50. Single items (`case(id)`, a mutation's answer) use the loaders directly.
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use async_graphql::Context;
use async_graphql::dataloader::Loader;
use entity::{advocacy_case, child, meeting, referral, staff_user};
use sea_orm::DbErr;

use crate::error::ApiResult;
use crate::error::loaded;
use crate::graphql::ContextExt;
use crate::graphql::loaders::{
    CaseByReferralKey, ChildKey, DbLoader, Loaders, MeetingKey, ReferralKey, StaffKey,
};

/// A page's related rows. `None`: that table was not fetched for the page (nothing on it asked
/// for it); its rows then come from the loaders if something does.
#[derive(Default)]
pub struct Related {
    children: Option<HashMap<ChildKey, child::Model>>,
    meetings: Option<HashMap<MeetingKey, meeting::Model>>,
    referrals: Option<HashMap<ReferralKey, referral::Model>>,
    cases: HashMap<CaseByReferralKey, advocacy_case::Model>,
    staff: Option<HashMap<StaffKey, staff_user::Model>>,
}

/// Where an item finds its related rows: its page's prefetch, or the per-request loaders.
#[derive(Clone, Default)]
pub struct Lookup(Option<Arc<Related>>);

async fn many<K>(
    loaders: &Loaders,
    keys: Vec<K>,
) -> ApiResult<HashMap<K, <DbLoader as Loader<K>>::Value>>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    DbLoader: Loader<K, Error = Arc<DbErr>>,
{
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    loaded(loaders.load_many(keys).await)
}

impl Lookup {
    /// For a page of referrals: children, meetings, allocations, and the staff named on them.
    pub async fn for_referrals(ctx: &Context<'_>, rows: &[referral::Model]) -> ApiResult<Self> {
        let loaders = ctx.loaders()?;
        let mut related = Related {
            children: Some(
                many(
                    loaders,
                    rows.iter()
                        .filter_map(|r| r.child_id.map(ChildKey))
                        .collect(),
                )
                .await?,
            ),
            meetings: Some(
                many(
                    loaders,
                    rows.iter()
                        .filter_map(|r| r.meeting_id.map(MeetingKey))
                        .collect(),
                )
                .await?,
            ),
            cases: many(
                loaders,
                rows.iter().map(|r| CaseByReferralKey(r.id)).collect(),
            )
            .await?,
            ..Default::default()
        };
        let staff = rows
            .iter()
            .filter_map(|r| r.referrer_id)
            .chain(related.cases.values().map(|c| c.advocate_id))
            .map(StaffKey)
            .collect();
        related.staff = Some(many(loaders, staff).await?);
        Ok(Self(Some(Arc::new(related))))
    }

    /// For a page of cases whose referrals are shown: the referrals, their children and meetings,
    /// and the staff named on them. (What the caseload itself shows is read with the page.)
    pub async fn for_cases(ctx: &Context<'_>, rows: &[&advocacy_case::Model]) -> ApiResult<Self> {
        let loaders = ctx.loaders()?;
        let referrals = many(
            loaders,
            rows.iter().map(|c| ReferralKey(c.referral_id)).collect(),
        )
        .await?;
        let staff = referrals
            .values()
            .filter_map(|r| r.referrer_id)
            .chain(rows.iter().map(|c| c.advocate_id))
            .map(StaffKey)
            .collect();
        let related = Related {
            children: Some(
                many(loaders, rows.iter().map(|c| ChildKey(c.child_id)).collect()).await?,
            ),
            meetings: Some(
                many(
                    loaders,
                    rows.iter().map(|c| MeetingKey(c.meeting_id)).collect(),
                )
                .await?,
            ),
            referrals: Some(referrals),
            staff: Some(many(loaders, staff).await?),
            // The page's cases are the allocations of their referrals.
            cases: rows
                .iter()
                .map(|c| (CaseByReferralKey(c.referral_id), (*c).clone()))
                .collect(),
            ..Default::default()
        };
        Ok(Self(Some(Arc::new(related))))
    }

    async fn get<K, V: Clone>(
        &self,
        ctx: &Context<'_>,
        key: K,
        pick: impl Fn(&Related) -> Option<&HashMap<K, V>>,
    ) -> ApiResult<Option<V>>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        DbLoader: Loader<K, Value = V, Error = Arc<DbErr>>,
    {
        match self.0.as_deref().and_then(pick) {
            // The page fetched every key its items hold: absent means there is no such row.
            Some(fetched) => Ok(fetched.get(&key).cloned()),
            None => loaded(ctx.loaders()?.load_one(key).await),
        }
    }

    pub async fn child(&self, ctx: &Context<'_>, id: i32) -> ApiResult<Option<child::Model>> {
        self.get(ctx, ChildKey(id), |r| r.children.as_ref()).await
    }

    pub async fn meeting(&self, ctx: &Context<'_>, id: i32) -> ApiResult<Option<meeting::Model>> {
        self.get(ctx, MeetingKey(id), |r| r.meetings.as_ref()).await
    }

    pub async fn referral(&self, ctx: &Context<'_>, id: i32) -> ApiResult<Option<referral::Model>> {
        self.get(ctx, ReferralKey(id), |r| r.referrals.as_ref())
            .await
    }

    pub async fn case_of_referral(
        &self,
        ctx: &Context<'_>,
        referral_id: i32,
    ) -> ApiResult<Option<advocacy_case::Model>> {
        self.get(ctx, CaseByReferralKey(referral_id), |r| Some(&r.cases))
            .await
    }

    pub async fn staff(&self, ctx: &Context<'_>, id: i32) -> ApiResult<Option<staff_user::Model>> {
        self.get(ctx, StaffKey(id), |r| r.staff.as_ref()).await
    }
}

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
use entity::enums::ViewsStatus;
use entity::{advocacy_case, child, meeting, referral, staff_user};
use sea_orm::DbErr;

use crate::cases::PageRow;
use crate::error::ApiResult;
use crate::error::loaded;
use crate::graphql::ContextExt;
use crate::graphql::loaders::{
    CaseByReferralKey, ChildKey, DbLoader, Loaders, MeetingKey, OpenUrgentHelpKey, ReferralKey,
    StaffKey, ViewsForMeetingKey,
};

/// A page's related rows. `None`: that table was not fetched for the page (nothing on it asked
/// for it); its rows then come from the loaders if something does.
#[derive(Default)]
pub struct Related {
    children: HashMap<ChildKey, child::Model>,
    meetings: HashMap<MeetingKey, meeting::Model>,
    referrals: Option<HashMap<ReferralKey, referral::Model>>,
    cases: HashMap<CaseByReferralKey, advocacy_case::Model>,
    staff: Option<HashMap<StaffKey, staff_user::Model>>,
    views: HashMap<ViewsForMeetingKey, ViewsStatus>,
    urgent: HashMap<OpenUrgentHelpKey, u32>,
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
            children: many(
                loaders,
                rows.iter()
                    .filter_map(|r| r.child_id.map(ChildKey))
                    .collect(),
            )
            .await?,
            meetings: many(
                loaders,
                rows.iter()
                    .filter_map(|r| r.meeting_id.map(MeetingKey))
                    .collect(),
            )
            .await?,
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

    /// For a page of cases (read with their children and meetings): views, urgent help, and when
    /// `with_referrals` (the page shows them) the referrals and the staff named on them.
    pub async fn for_cases(
        ctx: &Context<'_>,
        page: &[PageRow],
        with_referrals: bool,
    ) -> ApiResult<Self> {
        let loaders = ctx.loaders()?;
        let rows: Vec<&advocacy_case::Model> = page.iter().map(|r| &r.case).collect();
        let mut related = Related {
            children: page
                .iter()
                .filter_map(|r| r.child.clone())
                .map(|c| (ChildKey(c.id), c))
                .collect(),
            meetings: page
                .iter()
                .filter_map(|r| r.meeting.clone())
                .map(|m| (MeetingKey(m.id), m))
                .collect(),
            views: many(
                loaders,
                rows.iter()
                    .map(|c| ViewsForMeetingKey {
                        child_id: c.child_id,
                        meeting_id: c.meeting_id,
                    })
                    .collect(),
            )
            .await?,
            urgent: many(
                loaders,
                rows.iter().map(|c| OpenUrgentHelpKey(c.child_id)).collect(),
            )
            .await?,
            // The page's cases are the allocations of their referrals.
            cases: rows
                .iter()
                .map(|c| (CaseByReferralKey(c.referral_id), (*c).clone()))
                .collect(),
            ..Default::default()
        };
        if with_referrals {
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
            related.staff = Some(many(loaders, staff).await?);
            related.referrals = Some(referrals);
        }
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
        self.get(ctx, ChildKey(id), |r| Some(&r.children)).await
    }

    pub async fn meeting(&self, ctx: &Context<'_>, id: i32) -> ApiResult<Option<meeting::Model>> {
        self.get(ctx, MeetingKey(id), |r| Some(&r.meetings)).await
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

    pub async fn views(
        &self,
        ctx: &Context<'_>,
        key: ViewsForMeetingKey,
    ) -> ApiResult<Option<ViewsStatus>> {
        self.get(ctx, key, |r| Some(&r.views)).await
    }

    pub async fn open_urgent_help(&self, ctx: &Context<'_>, child_id: i32) -> ApiResult<u32> {
        Ok(self
            .get(ctx, OpenUrgentHelpKey(child_id), |r| Some(&r.urgent))
            .await?
            .unwrap_or(0))
    }
}

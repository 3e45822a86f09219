//! Honest consent (issue 20): the family and everyone at the meeting receive no share, so the
//! advocate hands them the printed statement and records the day. The child sees, for each audience
//! they agreed to, whether their views have reached it.
use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::{Audience, ViewsStatus};
use entity::{views, views_handed, views_share};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TryInsertResult,
};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::{TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::policy::views::hand_statement;
use crate::views::advocate::{allocated_case, views_of_case};
use crate::views::received::consent_of;

/// Record that the case's advocate handed the printed statement (the version the child last sent)
/// to `audience` on `given_on`. Recording the same version and audience again changes nothing.
pub async fn hand(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
    audience: Audience,
    given_on: NaiveDate,
    now: DateTime<Utc>,
) -> ApiResult<views_handed::Model> {
    let (staff, case) = allocated_case(db, viewer, case_id).await?;
    if given_on > crate::dates::uk_today(now) {
        return Err(ApiError::bad_input(
            "givenOn",
            "The day it was handed over cannot be in the future.",
        ));
    }
    let txn = crate::db::begin_write(db).await?;
    let views = views_of_case(&txn, &case)
        .await?
        .filter(|v| v.status != ViewsStatus::Draft)
        .ok_or_else(|| {
            ApiError::conflict(
                "The child has not sent their views yet: there is no statement to hand over.",
            )
        })?;
    hand_statement(audience, consent_of(&views))?;
    let row = views_handed::ActiveModel {
        local_authority_id: Set(views.local_authority_id),
        views_id: Set(views.id),
        version: Set(views.version),
        audience: Set(audience),
        given_on: Set(given_on),
        recorded_by: Set(staff.id),
        created_at: Set(now),
        ..Default::default()
    };
    let written = views_handed::Entity::insert(row)
        .on_conflict_do_nothing_on([
            views_handed::Column::ViewsId,
            views_handed::Column::Version,
            views_handed::Column::Audience,
        ])
        .exec_without_returning(&txn)
        .await?;
    if matches!(written, TryInsertResult::Inserted(n) if n > 0) {
        audit::record(
            &txn,
            TenantId(views.local_authority_id),
            audit::actor(viewer),
            AuditAction::StatementHanded,
            Subject::new("views", views.id),
            Some(json!({ "audience": audience, "version": views.version, "givenOn": given_on })),
        )
        .await?;
    }
    let saved = views_handed::Entity::find()
        .filter(views_handed::Column::ViewsId.eq(views.id))
        .filter(views_handed::Column::Version.eq(views.version))
        .filter(views_handed::Column::Audience.eq(audience))
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::Internal("handed statement not saved".into()))?;
    txn.commit().await?;
    Ok(saved)
}

/// Whether the child's views have reached one audience they agreed to, and when it first did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    pub audience: Audience,
    pub shared_at: Option<DateTime<Utc>>,
    pub given_on: Option<NaiveDate>,
}

/// For each audience the child agrees to now, in the order they choose them, where their views went.
pub async fn reach(conn: &impl ConnectionTrait, views: &views::Model) -> ApiResult<Vec<Reach>> {
    let consent = consent_of(views);
    let shares = views_share::Entity::find()
        .filter(views_share::Column::ViewsId.eq(views.id))
        .order_by_asc(views_share::Column::SharedAt)
        .all(conn)
        .await?;
    let handed = views_handed::Entity::find()
        .filter(views_handed::Column::ViewsId.eq(views.id))
        .order_by_asc(views_handed::Column::GivenOn)
        .all(conn)
        .await?;
    Ok(crate::views::content::AUDIENCES
        .iter()
        .copied()
        .filter(|a| consent.allows(*a))
        .map(|audience| Reach {
            audience,
            shared_at: shares
                .iter()
                .find(|s| s.audience == audience)
                .map(|s| s.shared_at),
            given_on: handed
                .iter()
                .find(|h| h.audience == audience)
                .map(|h| h.given_on),
        })
        .collect())
}

//! The child's settings for their own pages: younger-child mode (ages 4–8: bigger pictures and icons,
//! fewer words, a read-aloud button), chosen by the child or set by their advocate.
pub mod graphql;
pub mod language;
pub mod names;

use entity::enums::CaseStatus;
use entity::{advocacy_case, child};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::{TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::policy::preferences::{ChildFacts, change, target};

/// Turn younger-child mode on or off for the child the viewer may change (audited); the new value.
pub async fn set_younger_mode(
    db: &DatabaseConnection,
    viewer: &Viewer,
    named: Option<i32>,
    on: bool,
) -> ApiResult<bool> {
    let child_id = target(viewer, named)?;
    let txn = crate::db::begin_write(db).await?;
    let child = child::Entity::find_by_id(child_id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    let open_case_advocates: Vec<i32> = advocacy_case::Entity::find()
        .select_only()
        .column(advocacy_case::Column::AdvocateId)
        .filter(advocacy_case::Column::LocalAuthorityId.eq(child.local_authority_id))
        .filter(advocacy_case::Column::ChildId.eq(child.id))
        .filter(advocacy_case::Column::Status.ne(CaseStatus::Closed))
        .into_tuple()
        .all(&txn)
        .await?;
    change(
        viewer,
        &ChildFacts {
            id: child.id,
            tenant: child.local_authority_id,
            open_case_advocates,
        },
    )?;
    child::Entity::update_many()
        .col_expr(child::Column::YoungerMode, Expr::value(on))
        .filter(child::Column::Id.eq(child.id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        TenantId(child.local_authority_id),
        audit::actor(viewer),
        AuditAction::YoungerModeSet,
        Subject::new("child", child.id),
        Some(json!({ "on": on })),
    )
    .await?;
    txn.commit().await?;
    Ok(on)
}

//! "I need help now": recorded at once, raised with the child's advocate, acknowledged by them.
use std::collections::HashMap;

use chrono::Utc;
use entity::enums::ActorKind;
use entity::{advocacy_case, child, urgent_help};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use super::advocate::allocated_case;
use super::open_case;
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{ChildViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::events::Event;
use crate::graphql::pagination::Page;
use crate::notify::{self, Notice, Told};

/// The request, the advocate to tell at once (none when the child has no open case), and who is
/// told by e-mail.
#[derive(Debug, Clone)]
pub struct Raised {
    pub help: urgent_help::Model,
    pub advocate_id: Option<i32>,
    pub told: Vec<Told>,
}

impl Raised {
    pub fn event(&self) -> Option<Event> {
        self.advocate_id.map(|advocate_id| Event::UrgentHelpRaised {
            tenant: TenantId(self.help.local_authority_id),
            advocate_id,
            urgent_help_id: self.help.id,
        })
    }
}

/// One open request in the advocate's list.
#[derive(Debug, Clone)]
pub struct OpenRequest {
    pub help: urgent_help::Model,
    pub child: child::Model,
}

pub async fn raise(
    db: &DatabaseConnection,
    child: &ChildViewer,
    message: Option<String>,
) -> ApiResult<Raised> {
    let case = open_case(db, child, None).await?;
    let advocate_id = case.as_ref().map(|c| c.advocate_id);
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let help = urgent_help::ActiveModel {
        local_authority_id: Set(child.tenant.0),
        child_id: Set(child.child_id),
        case_id: Set(case.as_ref().map(|c| c.id)),
        message: Set(message),
        raised_at: Set(now),
        acknowledged_at: Set(None),
        acknowledged_by: Set(None),
        created_at: Set(now),
        // With no advocate to pick it up, it goes to the duty contacts at once.
        escalated_at: Set(advocate_id.is_none().then_some(now)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        child.tenant,
        (ActorKind::Child, Some(child.child_id)),
        AuditAction::UrgentHelpRaised,
        Subject::new("urgent_help", help.id),
        Some(json!({ "caseId": help.case_id })),
    )
    .await?;
    let notice = match advocate_id {
        Some(advocate_id) => Notice::UrgentHelpRaised {
            help_id: help.id,
            advocate_id,
        },
        None => Notice::UrgentHelpEscalated { help_id: help.id },
    };
    let told = notify::enqueue(&txn, child.tenant, notice, now).await?;
    txn.commit().await?;
    Ok(Raised {
        help,
        advocate_id,
        told,
    })
}

/// Requests not yet acknowledged on the viewer's cases, newest first (four statements per page).
pub async fn open_for_advocate(
    db: &DatabaseConnection,
    viewer: &Viewer,
    page: Page,
) -> ApiResult<(Vec<OpenRequest>, u64)> {
    let staff = crate::policy::staff_in(viewer, &[entity::enums::StaffRole::Advocate])?;
    let my_cases = Query::select()
        .column(advocacy_case::Column::Id)
        .from(advocacy_case::Entity)
        .and_where(advocacy_case::Column::AdvocateId.eq(staff.id))
        .and_where(advocacy_case::Column::LocalAuthorityId.eq(staff.tenant.0))
        .to_owned();
    let query = urgent_help::Entity::find()
        .filter(urgent_help::Column::LocalAuthorityId.eq(staff.tenant.0))
        .filter(urgent_help::Column::AcknowledgedAt.is_null())
        .filter(urgent_help::Column::CaseId.in_subquery(my_cases));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(urgent_help::Column::RaisedAt)
        .order_by_desc(urgent_help::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    let children: HashMap<i32, child::Model> = child::Entity::find()
        .filter(child::Column::Id.is_in(rows.iter().map(|r| r.child_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let items = rows
        .into_iter()
        .filter_map(|help| {
            let child = children.get(&help.child_id)?.clone();
            Some(OpenRequest { help, child })
        })
        .collect();
    Ok((items, total))
}

/// The case's advocate says they have seen it. Acknowledging twice changes nothing.
pub async fn acknowledge(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
) -> ApiResult<OpenRequest> {
    crate::policy::staff_in(viewer, &[entity::enums::StaffRole::Advocate])?;
    let help = urgent_help::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|h| viewer.tenant() == Some(TenantId(h.local_authority_id)))
        .ok_or(ApiError::NotFound("Urgent help request"))?;
    let case_id = help
        .case_id
        .ok_or(ApiError::NotFound("Urgent help request"))?;
    let (staff, _case) = allocated_case(db, viewer, case_id)
        .await
        .map_err(|e| match e {
            ApiError::NotFound(_) => ApiError::NotFound("Urgent help request"),
            other => other,
        })?;
    let child = child::Entity::find_by_id(help.child_id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::Internal("urgent help without child".into()))?;
    if help.acknowledged_at.is_some() {
        return Ok(OpenRequest { help, child });
    }
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let result = urgent_help::Entity::update_many()
        .set(urgent_help::ActiveModel {
            acknowledged_at: Set(Some(now)),
            acknowledged_by: Set(Some(staff.id)),
            ..Default::default()
        })
        .filter(urgent_help::Column::Id.eq(help.id))
        .filter(urgent_help::Column::AcknowledgedAt.is_null())
        .exec(&txn)
        .await?;
    if result.rows_affected == 1 {
        audit::record(
            &txn,
            staff.tenant,
            (ActorKind::Staff, Some(staff.id)),
            AuditAction::UrgentHelpAcknowledged,
            Subject::new("urgent_help", help.id),
            None,
        )
        .await?;
    }
    txn.commit().await?;
    let help = urgent_help::Entity::find_by_id(help.id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::Internal("urgent help vanished".into()))?;
    Ok(OpenRequest { help, child })
}

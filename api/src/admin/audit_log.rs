//! Reading the audit trail of one authority, newest first, narrowed by who, what and when.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::enums::ActorKind;
use entity::{api_key, audit_event, staff_user};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor_kind: Option<ActorKind>,
    /// Exact action text, e.g. `views.read`.
    pub action: Option<String>,
    /// Exact subject table, e.g. `staff_user`.
    pub subject_type: Option<String>,
    /// From this moment (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// Up to this moment (exclusive).
    pub to: Option<DateTime<Utc>>,
}

impl AuditFilter {
    pub fn check(&self) -> ApiResult<()> {
        if let Some(from) = self.from {
            crate::dates::moment("from", from)?;
        }
        if let Some(to) = self.to {
            crate::dates::moment("to", to)?;
        }
        match (self.from, self.to) {
            (Some(from), Some(to)) if to <= from => Err(ApiError::bad_input(
                "to",
                "The end of the period must be after its start.",
            )),
            _ => Ok(()),
        }
    }
}

/// An event with the name of whoever did it, where we know one.
pub struct AuditEntry {
    pub event: audit_event::Model,
    pub actor_name: Option<String>,
}

pub async fn audit_log(
    db: &DatabaseConnection,
    tenant: TenantId,
    filter: &AuditFilter,
    page: Page,
) -> ApiResult<(Vec<AuditEntry>, u64)> {
    filter.check()?;
    let mut query =
        audit_event::Entity::find().filter(audit_event::Column::LocalAuthorityId.eq(tenant.0));
    if let Some(kind) = filter.actor_kind {
        query = query.filter(audit_event::Column::ActorKind.eq(kind));
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_event::Column::Action.eq(action.as_str()));
    }
    if let Some(subject) = &filter.subject_type {
        query = query.filter(audit_event::Column::SubjectType.eq(subject.as_str()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_event::Column::OccurredAt.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_event::Column::OccurredAt.lt(to));
    }
    let total = query.clone().count(db).await?;
    let events = query
        .order_by_desc(audit_event::Column::OccurredAt)
        .order_by_desc(audit_event::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    let names = actor_names(db, tenant, &events).await?;
    Ok((
        events
            .into_iter()
            .map(|event| AuditEntry {
                actor_name: event
                    .actor_id
                    .and_then(|id| names.get(&(event.actor_kind, id)).cloned()),
                event,
            })
            .collect(),
        total,
    ))
}

/// Names of the staff and API keys on one page, in two queries, inside the authority only.
/// Children are not named here: the audit shows that a child acted, not who.
async fn actor_names(
    db: &DatabaseConnection,
    tenant: TenantId,
    events: &[audit_event::Model],
) -> ApiResult<HashMap<(ActorKind, i32), String>> {
    let ids = |kind: ActorKind| -> Vec<i32> {
        let mut ids: Vec<i32> = events
            .iter()
            .filter(|e| e.actor_kind == kind)
            .filter_map(|e| e.actor_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let mut names = HashMap::new();
    let staff = ids(ActorKind::Staff);
    if !staff.is_empty() {
        for row in staff_user::Entity::find()
            .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
            .filter(staff_user::Column::Id.is_in(staff))
            .all(db)
            .await?
        {
            names.insert((ActorKind::Staff, row.id), row.name);
        }
    }
    let keys = ids(ActorKind::ApiKey);
    if !keys.is_empty() {
        for row in api_key::Entity::find()
            .filter(api_key::Column::LocalAuthorityId.eq(tenant.0))
            .filter(api_key::Column::Id.is_in(keys))
            .all(db)
            .await?
        {
            names.insert((ActorKind::ApiKey, row.id), row.name);
        }
    }
    Ok(names)
}

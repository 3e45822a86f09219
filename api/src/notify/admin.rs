//! What an admin sets up for notices (webhook endpoints, duty contacts) and the delivery log.
use chrono::Utc;
use entity::enums::{ActorKind, NoticeChannel};
use entity::{duty_contact, notice, webhook_endpoint};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use crate::admin::staff::Email;
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{StaffViewer, TenantId};
use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;

const MAX_ENDPOINTS: u64 = 10;

/// An absolute http(s) address with a host, nothing else.
fn endpoint_url(raw: &str) -> ApiResult<String> {
    let bad = || {
        ApiError::bad_input(
            "url",
            "Enter the full address of your endpoint, like https://cms.example.gov.uk/myvoice-hooks.",
        )
    };
    let url = reqwest::Url::parse(raw.trim()).map_err(|_| bad())?;
    let ok = matches!(url.scheme(), "https" | "http")
        && url.host_str().is_some()
        && url.username().is_empty()
        && url.password().is_none()
        && raw.len() <= 500;
    if ok { Ok(url.to_string()) } else { Err(bad()) }
}

/// Add an endpoint; the secret it is signed with is returned here only.
pub async fn add_endpoint(
    db: &DatabaseConnection,
    staff: &StaffViewer,
    url: &str,
) -> ApiResult<(webhook_endpoint::Model, String)> {
    let url = endpoint_url(url)?;
    let active = endpoints(db, staff.tenant).await?;
    if active.len() as u64 >= MAX_ENDPOINTS {
        return Err(ApiError::conflict(format!(
            "An authority can have up to {MAX_ENDPOINTS} webhook endpoints. Remove one first."
        )));
    }
    if active.iter().any(|e| e.url == url) {
        return Err(ApiError::conflict("That endpoint is already set up."));
    }
    let secret = format!("whsec_{}", crate::auth::secrets::random_token(32));
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let endpoint = webhook_endpoint::ActiveModel {
        local_authority_id: Set(staff.tenant.0),
        url: Set(url),
        secret: Set(secret.clone()),
        active: Set(true),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::WebhookEndpointAdded,
        Subject::new("webhook_endpoint", endpoint.id),
        Some(json!({ "url": endpoint.url })),
    )
    .await?;
    txn.commit().await?;
    Ok((endpoint, secret))
}

/// Stop sending to an endpoint. Notices already waiting for it are not sent either.
pub async fn remove_endpoint(
    db: &DatabaseConnection,
    staff: &StaffViewer,
    id: i32,
) -> ApiResult<webhook_endpoint::Model> {
    let endpoint = webhook_endpoint::Entity::find_by_id(id)
        .filter(webhook_endpoint::Column::LocalAuthorityId.eq(staff.tenant.0))
        .filter(webhook_endpoint::Column::Active.eq(true))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Webhook endpoint"))?;
    let txn = crate::db::begin_write(db).await?;
    let mut row: webhook_endpoint::ActiveModel = endpoint.into();
    row.active = Set(false);
    let endpoint = row.update(&txn).await?;
    audit::record(
        &txn,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::WebhookEndpointRemoved,
        Subject::new("webhook_endpoint", endpoint.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(endpoint)
}

pub async fn endpoints(
    db: &DatabaseConnection,
    tenant: TenantId,
) -> ApiResult<Vec<webhook_endpoint::Model>> {
    Ok(webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::LocalAuthorityId.eq(tenant.0))
        .filter(webhook_endpoint::Column::Active.eq(true))
        .order_by_asc(webhook_endpoint::Column::Id)
        .all(db)
        .await?)
}

/// Removed ones too: the delivery log names where earlier notices went.
pub async fn every_endpoint(
    db: &DatabaseConnection,
    tenant: TenantId,
) -> ApiResult<Vec<webhook_endpoint::Model>> {
    Ok(webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::LocalAuthorityId.eq(tenant.0))
        .all(db)
        .await?)
}

pub async fn add_duty_contact(
    db: &DatabaseConnection,
    staff: &StaffViewer,
    name: &str,
    email: &str,
) -> ApiResult<duty_contact::Model> {
    let name = crate::text::required("name", name, crate::text::SHORT)?;
    let email = Email::parse(email)?;
    let txn = crate::db::begin_write(db).await?;
    let contact = duty_contact::ActiveModel {
        local_authority_id: Set(staff.tenant.0),
        name: Set(name),
        email: Set(email.as_ref().to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        crate::referrals::unique_to_conflict(e, "That e-mail address is already a duty contact.")
    })?;
    audit::record(
        &txn,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::DutyContactAdded,
        Subject::new("duty_contact", contact.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(contact)
}

pub async fn remove_duty_contact(
    db: &DatabaseConnection,
    staff: &StaffViewer,
    id: i32,
) -> ApiResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let gone = duty_contact::Entity::delete_many()
        .filter(duty_contact::Column::Id.eq(id))
        .filter(duty_contact::Column::LocalAuthorityId.eq(staff.tenant.0))
        .exec(&txn)
        .await?;
    if gone.rows_affected == 0 {
        return Err(ApiError::NotFound("Duty contact"));
    }
    audit::record(
        &txn,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::DutyContactRemoved,
        Subject::new("duty_contact", id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn duty_contacts(
    db: &DatabaseConnection,
    tenant: TenantId,
) -> ApiResult<Vec<duty_contact::Model>> {
    Ok(duty_contact::Entity::find()
        .filter(duty_contact::Column::LocalAuthorityId.eq(tenant.0))
        .order_by_asc(duty_contact::Column::Name)
        .all(db)
        .await?)
}

/// The authority's notices, newest first: the delivery log.
pub async fn notices(
    db: &DatabaseConnection,
    tenant: TenantId,
    channel: Option<NoticeChannel>,
    page: Page,
) -> ApiResult<(Vec<notice::Model>, u64)> {
    let mut query = notice::Entity::find().filter(notice::Column::LocalAuthorityId.eq(tenant.0));
    if let Some(channel) = channel {
        query = query.filter(notice::Column::Channel.eq(channel));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(notice::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

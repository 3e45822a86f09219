//! Who hears about each notice by e-mail. Only active staff; agencies at their contact address and
//! their staff; the authority's duty contacts for urgent help nobody else can pick up.
use std::collections::BTreeSet;

use entity::enums::{CaseStatus, StaffRole};
use entity::{advocacy_case, agency, child, duty_contact, meeting, meeting_child, staff_user};
use sea_orm::sea_query::IntoCondition;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::Notice;
use crate::auth::TenantId;
use crate::error::ApiResult;

/// Who was told of a child's request for help (the child's page says so in its own words).
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[graphql(name = "ToldWho")]
pub enum Told {
    /// The child's advocate.
    Advocate,
    /// The authority's duty contacts: the team that acts when a child is not safe.
    DutyTeam,
    /// The advocacy service's coordinators.
    Coordinators,
}

impl Told {
    pub fn child_words(self) -> &'static str {
        match self {
            Self::Advocate => "your advocate",
            Self::DutyTeam => "the team at the council who help children who are not safe",
            Self::Coordinators => "the people who run the advocacy service",
        }
    }
}

/// The e-mail addresses to send `notice` to, and who they are for the child's page.
pub(super) async fn emails(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    notice: Notice,
) -> ApiResult<(Vec<Told>, BTreeSet<String>)> {
    let mut told = Vec::new();
    let mut to = BTreeSet::new();
    match notice {
        Notice::ReferralReceived { .. } => {
            to.extend(role(conn, tenant, StaffRole::Coordinator).await?);
        }
        Notice::CaseAllocated { advocate_id, .. } | Notice::ChildQuestion { advocate_id, .. } => {
            to.extend(staff(conn, tenant, advocate_id).await?);
        }
        Notice::UrgentHelpRaised { advocate_id, .. } => {
            let advocate = staff(conn, tenant, advocate_id).await?;
            if !advocate.is_empty() {
                told.push(Told::Advocate);
            }
            to.extend(advocate);
        }
        Notice::UrgentHelpEscalated { .. } => {
            let duty = duty(conn, tenant).await?;
            if !duty.is_empty() {
                told.push(Told::DutyTeam);
            }
            let coordinators = role(conn, tenant, StaffRole::Coordinator).await?;
            if !coordinators.is_empty() {
                told.push(Told::Coordinators);
            }
            to.extend(duty);
            to.extend(coordinators);
        }
        Notice::ViewsShared { recipient_id, .. } => {
            to.extend(staff(conn, tenant, recipient_id).await?);
        }
        Notice::OutcomeSent { agency_id, .. } | Notice::OutcomeChase { agency_id, .. } => {
            to.extend(agency_addresses(conn, tenant, agency_id).await?);
        }
        Notice::MeetingMoved { meeting_id, .. } | Notice::MeetingCancelled { meeting_id } => {
            to.extend(meeting_people(conn, tenant, meeting_id).await?);
        }
    }
    Ok((told, to))
}

/// The e-mail addresses of the authority's active staff who match `who`.
async fn active_emails(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    who: impl IntoCondition,
) -> ApiResult<Vec<String>> {
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .filter(staff_user::Column::Active.eq(true))
        .filter(who)
        .all(conn)
        .await?
        .into_iter()
        .map(|s| s.email)
        .collect())
}

async fn staff(conn: &impl ConnectionTrait, tenant: TenantId, id: i32) -> ApiResult<Vec<String>> {
    active_emails(conn, tenant, staff_user::Column::Id.eq(id)).await
}

async fn role(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    role: StaffRole,
) -> ApiResult<Vec<String>> {
    active_emails(conn, tenant, staff_user::Column::Role.eq(role)).await
}

/// The meeting's social worker and chair, the social workers of its children, and the advocates of
/// its open cases (who tell the child).
async fn meeting_people(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    meeting_id: i32,
) -> ApiResult<Vec<String>> {
    let Some(meeting) = meeting::Entity::find_by_id(meeting_id)
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
    else {
        return Ok(Vec::new());
    };
    let mut ids: Vec<i32> = [meeting.social_worker_id, meeting.chair_id]
        .into_iter()
        .flatten()
        .collect();
    let children = meeting_child::Entity::find()
        .filter(meeting_child::Column::MeetingId.eq(meeting_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|mc| mc.child_id);
    ids.extend(
        child::Entity::find()
            .filter(child::Column::Id.is_in(children))
            .all(conn)
            .await?
            .into_iter()
            .filter_map(|c| c.social_worker_id),
    );
    ids.extend(
        advocacy_case::Entity::find()
            .filter(advocacy_case::Column::MeetingId.eq(meeting_id))
            .filter(advocacy_case::Column::Status.ne(CaseStatus::Closed))
            .all(conn)
            .await?
            .into_iter()
            .map(|c| c.advocate_id),
    );
    active_emails(conn, tenant, staff_user::Column::Id.is_in(ids)).await
}

async fn duty(conn: &impl ConnectionTrait, tenant: TenantId) -> ApiResult<Vec<String>> {
    Ok(duty_contact::Entity::find()
        .filter(duty_contact::Column::LocalAuthorityId.eq(tenant.0))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| d.email)
        .collect())
}

async fn agency_addresses(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    agency_id: i32,
) -> ApiResult<Vec<String>> {
    let mut to: Vec<String> = agency::Entity::find_by_id(agency_id)
        .filter(agency::Column::LocalAuthorityId.eq(tenant.0))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|a| a.contact_email)
        .collect();
    let staff = staff_user::Column::AgencyId.eq(agency_id);
    to.extend(active_emails(conn, tenant, staff).await?);
    Ok(to)
}

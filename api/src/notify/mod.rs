//! Nobody has to sign in to find out (issue 19): each thing someone must hear about becomes a
//! notice in the outbox, written in the same transaction as the change (`enqueue`), so a change
//! that commits is always told and one that rolls back never is. A worker (`worker`) delivers the
//! notices: e-mail to staff, agencies and duty contacts, signed webhooks to integrators. Each
//! notice is one row per recipient under a unique key, so the same event never reaches the same
//! recipient twice, however many instances run.
//!
//! Notices carry no child's words and no names: only what is needed to follow a link and sign in.
pub mod admin;
pub mod graphql;
mod messages;
mod recipients;
pub mod schedule;
pub mod settings;
mod transport;
pub mod worker;

use chrono::{DateTime, Utc};
use entity::enums::{NoticeChannel, NoticeTopic};
use entity::{notice, webhook_endpoint};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::auth::TenantId;
use crate::error::ApiResult;
use crate::graphql::ids::NodeKind;
pub use recipients::Told;
pub use settings::{Clock, MailSettings, NotifySettings};

/// Something that happened that people must hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A referral arrived in the coordinators' inbox.
    ReferralReceived { referral_id: i32 },
    /// A case was allocated to this advocate.
    CaseAllocated { case_id: i32, advocate_id: i32 },
    /// A child asked for help now: their advocate must see it.
    UrgentHelpRaised { help_id: i32, advocate_id: i32 },
    /// A request for help nobody acknowledged in time, or from a child with no advocate: to the
    /// duty contacts and the coordinators.
    UrgentHelpEscalated { help_id: i32 },
    /// A child's views were shared with this member of staff.
    ViewsShared { share_id: i32, recipient_id: i32 },
    /// A meeting's outcome was sent to this agency.
    OutcomeSent {
        distribution_id: i32,
        agency_id: i32,
    },
    /// The agency has not acknowledged the outcome in time.
    OutcomeChase {
        distribution_id: i32,
        agency_id: i32,
    },
    /// A meeting moved; `version` (the move's time in milliseconds) tells one move from the next.
    MeetingMoved { meeting_id: i32, version: i64 },
    /// A meeting was called off.
    MeetingCancelled { meeting_id: i32 },
    /// A child answered a message "I have a question": to their advocate (the case, when open).
    ChildQuestion {
        message_id: i32,
        advocate_id: i32,
        case_id: Option<i32>,
    },
}

impl Notice {
    pub fn topic(self) -> NoticeTopic {
        match self {
            Self::ReferralReceived { .. } => NoticeTopic::ReferralReceived,
            Self::CaseAllocated { .. } => NoticeTopic::CaseAllocated,
            Self::UrgentHelpRaised { .. } => NoticeTopic::UrgentHelpRaised,
            Self::UrgentHelpEscalated { .. } => NoticeTopic::UrgentHelpEscalated,
            Self::ViewsShared { .. } => NoticeTopic::ViewsShared,
            Self::OutcomeSent { .. } => NoticeTopic::OutcomeSent,
            Self::OutcomeChase { .. } => NoticeTopic::OutcomeChase,
            Self::MeetingMoved { .. } => NoticeTopic::MeetingMoved,
            Self::MeetingCancelled { .. } => NoticeTopic::MeetingCancelled,
            Self::ChildQuestion { .. } => NoticeTopic::ChildQuestion,
        }
    }

    /// What it is about, as an opaque id an integrator can look up.
    fn subject(self) -> (NodeKind, i32) {
        match self {
            Self::ReferralReceived { referral_id } => (NodeKind::Referral, referral_id),
            Self::CaseAllocated { case_id, .. } => (NodeKind::Case, case_id),
            Self::UrgentHelpRaised { help_id, .. } | Self::UrgentHelpEscalated { help_id } => {
                (NodeKind::UrgentHelp, help_id)
            }
            Self::ViewsShared { share_id, .. } => (NodeKind::ViewsShare, share_id),
            Self::OutcomeSent {
                distribution_id, ..
            }
            | Self::OutcomeChase {
                distribution_id, ..
            } => (NodeKind::OutcomeDistribution, distribution_id),
            Self::MeetingMoved { meeting_id, .. } | Self::MeetingCancelled { meeting_id } => {
                (NodeKind::Meeting, meeting_id)
            }
            Self::ChildQuestion { message_id, .. } => (NodeKind::ChildMessage, message_id),
        }
    }

    /// Tells apart notices about the same thing that happened more than once (a meeting moved
    /// twice); empty for things that happen once.
    fn occurrence(self) -> String {
        match self {
            Self::MeetingMoved { version, .. } => format!(":{version}"),
            _ => String::new(),
        }
    }

    /// The page that shows it, relative to the public address.
    fn link(self) -> String {
        match self {
            Self::ReferralReceived { referral_id } => {
                format!("/staff/referrals/{}", NodeKind::Referral.id(referral_id).0)
            }
            Self::CaseAllocated { case_id, .. } => {
                format!("/staff/cases/{}", NodeKind::Case.id(case_id).0)
            }
            Self::ViewsShared { share_id, .. } => {
                format!(
                    "/staff/shared-views/{}",
                    NodeKind::ViewsShare.id(share_id).0
                )
            }
            Self::ChildQuestion {
                case_id: Some(case_id),
                ..
            } => format!("/staff/cases/{}", NodeKind::Case.id(case_id).0),
            // The staff home lists open requests for help and outcomes waiting to be acknowledged.
            _ => "/staff".to_string(),
        }
    }
}

/// The name webhook receivers see, e.g. `referral.received`.
pub fn event_name(topic: NoticeTopic) -> &'static str {
    match topic {
        NoticeTopic::ReferralReceived => "referral.received",
        NoticeTopic::CaseAllocated => "case.allocated",
        NoticeTopic::UrgentHelpRaised => "urgent_help.raised",
        NoticeTopic::UrgentHelpEscalated => "urgent_help.escalated",
        NoticeTopic::ViewsShared => "views.shared",
        NoticeTopic::OutcomeSent => "outcome.sent",
        NoticeTopic::OutcomeChase => "outcome.chased",
        NoticeTopic::MeetingMoved => "meeting.moved",
        NoticeTopic::MeetingCancelled => "meeting.cancelled",
        NoticeTopic::ChildQuestion => "child_message.question",
    }
}

/// Write the notice for each of its recipients, inside the caller's transaction. Returns who is
/// told by e-mail (for the child's page after urgent help). Enqueueing the same notice again adds
/// nothing.
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    notice: Notice,
    now: DateTime<Utc>,
) -> ApiResult<Vec<Told>> {
    let topic = notice.topic();
    let (kind, raw) = notice.subject();
    let key = format!("{}:{raw}{}", event_name(topic), notice.occurrence());
    let link = notice.link();
    let payload = json!({ "subject": { "type": kind.name(), "id": kind.id(raw).0 } }).to_string();
    let (told, addresses) = recipients::emails(conn, tenant, notice).await?;
    let endpoints = webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::LocalAuthorityId.eq(tenant.0))
        .filter(webhook_endpoint::Column::Active.eq(true))
        .all(conn)
        .await?;
    let row = |channel: NoticeChannel, recipient: String| notice::ActiveModel {
        local_authority_id: Set(tenant.0),
        topic: Set(topic),
        channel: Set(channel),
        dedupe_key: Set(format!("{key}:{channel:?}:{recipient}").to_lowercase()),
        recipient: Set(recipient),
        link: Set(link.clone()),
        payload: Set(payload.clone()),
        due_at: Set(now),
        attempts: Set(0),
        created_at: Set(now),
        ..Default::default()
    };
    let rows: Vec<_> = addresses
        .into_iter()
        .map(|a| row(NoticeChannel::Email, a))
        .chain(
            endpoints
                .into_iter()
                .map(|e| row(NoticeChannel::Webhook, e.id.to_string())),
        )
        .collect();
    if !rows.is_empty() {
        notice::Entity::insert_many(rows)
            .on_conflict_do_nothing_on([notice::Column::DedupeKey])
            .exec_without_returning(conn)
            .await?;
    }
    Ok(told)
}

//! The append-only audit trail: who read or changed what, and when. A child may one day ask.
use chrono::Utc;
use entity::audit_event;
use entity::enums::ActorKind;
use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{ActiveEnum, ActiveModelTrait, ConnectionTrait, DbErr, Set};

use crate::auth::{TenantId, Viewer};

/// What happened. The stored text (`views.read`) is part of the audit's meaning: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    StaffSignedIn,
    StaffSignInFailed,
    ChildSignedIn,
    ChildSignInFailed,
    ChildAccessIssued,
    ApiKeyCreated,
    ApiKeyRevoked,
    /// Someone other than the child read the content of the child's views.
    ViewsRead,
    /// A social worker (or their case-management system) referred a child for an advocate.
    ReferralCreated,
    /// A child or family asked for an advocate themselves.
    ReferralSelfReferral,
    /// The coordinator accepted a referral.
    ReferralAccepted,
    /// The coordinator declined a referral, with a reason.
    ReferralDeclined,
    /// The coordinator allocated an advocate: a case was opened.
    CaseAllocated,
    /// Parental agreement was recorded after the referral was made.
    ReferralAgreementRecorded,
    /// The coordinator linked a self-referral to a child and a meeting.
    ReferralLinked,
    /// The referral was withdrawn, with a reason.
    ReferralWithdrawn,
    /// The coordinator took a declined or withdrawn referral back into the inbox.
    ReferralReopened,
    /// The advocate first gave the child a way in: the work with the child has started.
    CaseStarted,
    /// The piece of advocacy was closed, with a reason.
    CaseClosed,
    /// The coordinator reopened a closed piece of advocacy.
    CaseReopened,
    /// A case-management system created or changed a child by its own reference.
    ChildUpserted,
    /// A case-management system created or changed a meeting by its own reference.
    MeetingUpserted,
    /// The child saved their views as a draft (a new version of the draft).
    ViewsDraftSaved,
    /// The child said their views are finished; a version was frozen.
    ViewsSubmitted,
    /// The advocate sent the child's views to the people the child agreed to.
    ViewsShared,
    /// The advocate handed the printed statement of the views to the family or the meeting.
    StatementHanded,
    /// A child asked for help now.
    UrgentHelpRaised,
    /// The advocate saw the child's request for help now.
    UrgentHelpAcknowledged,
    /// The advocate wrote a note of their own on a case.
    AdvocateNoteAdded,
    /// The chair recorded (or re-recorded) the meeting: whiteboard and outcome.
    MeetingRecorded,
    /// The chair sent a meeting's outcome to agencies.
    OutcomeDistributed,
    /// An agency acknowledged receiving a meeting's outcome.
    OutcomeAcknowledged,
    /// The child, or their advocate, turned younger-child mode on or off for the child's pages.
    YoungerModeSet,
    /// The child named their meeting or the parts of their views in their own words (the names are
    /// not in the audit).
    ChildNamesSet,
    /// The child chose the language of their own pages.
    ChildLanguageSet,
    /// An admin added a member of staff (with a one-time link to choose a password).
    StaffInvited,
    /// An admin deactivated a member of staff: they can no longer sign in.
    StaffDeactivated,
    /// An admin lifted the lock wrong passwords had put on a member of staff's sign-in.
    StaffSignInUnlocked,
    /// An admin added an endpoint for signed webhooks.
    WebhookEndpointAdded,
    /// An admin removed a webhook endpoint: nothing more is sent to it.
    WebhookEndpointRemoved,
    /// An admin added a duty contact for urgent help nobody picked up.
    DutyContactAdded,
    /// An admin removed a duty contact.
    DutyContactRemoved,
    /// `myvoice authority create` made the local authority and its first admin.
    AuthorityCreated,
    /// A one-time link to set a member of staff's password was made (by the command line or an admin).
    PasswordLinkIssued,
    /// A member of staff set their password with a one-time link; their earlier sessions ended.
    PasswordSetWithLink,
    /// An admin imported staff, children and meetings from CSV files (counts, not contents).
    RecordsImported,
    /// An admin added a partner agency.
    AgencyCreated,
    /// An admin changed a partner agency's name, kind or contact address.
    AgencyUpdated,
    /// A member of staff added a child by hand.
    ChildCreated,
    /// A member of staff changed a child's record.
    ChildUpdated,
    /// A member of staff set up a meeting (perhaps the follow-up of another).
    MeetingCreated,
    /// The meeting was moved to another time or place, with a reason.
    MeetingMoved,
    /// The meeting was cancelled, with a reason; the children's views stay with them.
    MeetingCancelled,
    /// The child's advocate or chair sent the child a short message (never its words here).
    ChildMessageSent,
    /// The child first saw a message on their page.
    ChildMessageSeen,
    /// The child answered a message ("thank you" or "I have a question").
    ChildMessageReplied,
    /// The advocate wrote down the child's views from a visit or a paper sheet.
    ViewsRecordedByAdvocate,
    /// The child (on their phone) or the advocate (in person, with the day) confirmed the words.
    ViewsConfirmed,
    /// An admin set how long one kind of record is kept (issue 22).
    RetentionPeriodSet,
    /// The retention job removed one kind of record that was due (the kind and how many rows).
    RetentionRemoved,
    /// The retention job ran for the day (how many rows in all, how many children were held).
    RetentionRun,
    /// An admin put a child's record under a legal hold, with a reason.
    LegalHoldPlaced,
    /// An admin lifted a legal hold, with a reason.
    LegalHoldLifted,
    /// An admin asked for a child's record to be erased; another admin must confirm.
    ErasureRequested,
    /// A second admin confirmed the erasure: the child's record was removed (kinds and rows).
    ErasureConfirmed,
    /// An erasure request was cancelled before anything was removed.
    ErasureCancelled,
    /// An admin downloaded everything held about a child (subject access); never its contents.
    ChildRecordExported,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StaffSignedIn => "staff.signed_in",
            Self::StaffSignInFailed => "staff.sign_in_failed",
            Self::ChildSignedIn => "child.signed_in",
            Self::ChildSignInFailed => "child.sign_in_failed",
            Self::ChildAccessIssued => "child_access.issued",
            Self::ApiKeyCreated => "api_key.created",
            Self::ApiKeyRevoked => "api_key.revoked",
            Self::ViewsRead => "views.read",
            Self::ReferralCreated => "referral.created",
            Self::ReferralSelfReferral => "referral.self_referral",
            Self::ReferralAccepted => "referral.accepted",
            Self::ReferralDeclined => "referral.declined",
            Self::CaseAllocated => "case.allocated",
            Self::ReferralAgreementRecorded => "referral.agreement_recorded",
            Self::ReferralLinked => "referral.linked",
            Self::ReferralWithdrawn => "referral.withdrawn",
            Self::ReferralReopened => "referral.reopened",
            Self::CaseStarted => "case.started",
            Self::CaseClosed => "case.closed",
            Self::CaseReopened => "case.reopened",
            Self::ChildUpserted => "child.upserted",
            Self::MeetingUpserted => "meeting.upserted",
            Self::ViewsDraftSaved => "views.draft_saved",
            Self::ViewsSubmitted => "views.submitted",
            Self::ViewsShared => "views.shared",
            Self::StatementHanded => "views.statement_handed",
            Self::UrgentHelpRaised => "urgent_help.raised",
            Self::UrgentHelpAcknowledged => "urgent_help.acknowledged",
            Self::AdvocateNoteAdded => "advocate_note.added",
            Self::MeetingRecorded => "meeting.recorded",
            Self::OutcomeDistributed => "outcome.distributed",
            Self::OutcomeAcknowledged => "outcome.acknowledged",
            Self::YoungerModeSet => "child.younger_mode_set",
            Self::ChildNamesSet => "child.names_set",
            Self::ChildLanguageSet => "child.language_set",
            Self::StaffInvited => "staff.invited",
            Self::StaffDeactivated => "staff.deactivated",
            Self::StaffSignInUnlocked => "staff.sign_in_unlocked",
            Self::WebhookEndpointAdded => "webhook_endpoint.added",
            Self::WebhookEndpointRemoved => "webhook_endpoint.removed",
            Self::DutyContactAdded => "duty_contact.added",
            Self::DutyContactRemoved => "duty_contact.removed",
            Self::AuthorityCreated => "local_authority.created",
            Self::PasswordLinkIssued => "staff.password_link_issued",
            Self::PasswordSetWithLink => "staff.password_set",
            Self::RecordsImported => "records.imported",
            Self::AgencyCreated => "agency.created",
            Self::AgencyUpdated => "agency.updated",
            Self::ChildCreated => "child.created",
            Self::ChildUpdated => "child.updated",
            Self::MeetingCreated => "meeting.created",
            Self::MeetingMoved => "meeting.moved",
            Self::MeetingCancelled => "meeting.cancelled",
            Self::ChildMessageSent => "child_message.sent",
            Self::ChildMessageSeen => "child_message.seen",
            Self::ChildMessageReplied => "child_message.replied",
            Self::ViewsRecordedByAdvocate => "views.recorded_by_advocate",
            Self::ViewsConfirmed => "views.confirmed",
            Self::RetentionPeriodSet => "retention.period_set",
            Self::RetentionRemoved => "retention.removed",
            Self::RetentionRun => "retention.run",
            Self::LegalHoldPlaced => "legal_hold.placed",
            Self::LegalHoldLifted => "legal_hold.lifted",
            Self::ErasureRequested => "erasure.requested",
            Self::ErasureConfirmed => "erasure.confirmed",
            Self::ErasureCancelled => "erasure.cancelled",
            Self::ChildRecordExported => "child.record_exported",
        }
    }
}

/// The row an event is about.
#[derive(Debug, Clone, Copy)]
pub struct Subject {
    pub kind: &'static str,
    pub id: Option<i32>,
}

impl Subject {
    pub fn new(kind: &'static str, id: i32) -> Self {
        Self { kind, id: Some(id) }
    }
}

pub fn actor(viewer: &Viewer) -> (ActorKind, Option<i32>) {
    match viewer {
        Viewer::Anonymous => (ActorKind::Anonymous, None),
        Viewer::Staff(s) => (ActorKind::Staff, Some(s.id)),
        Viewer::Child(c) => (ActorKind::Child, Some(c.child_id)),
        Viewer::Integrator(i) => (ActorKind::ApiKey, Some(i.key_id)),
    }
}

/// Write one event, inside the caller's transaction when it has one.
pub async fn record(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    actor: (ActorKind, Option<i32>),
    action: AuditAction,
    subject: Subject,
    detail: Option<serde_json::Value>,
) -> Result<(), DbErr> {
    event(tenant, actor, action, subject, detail)
        .insert(conn)
        .await
        .map(|_| ())
}

/// One anonymous event for each row `rows` selects as `(local_authority_id, id)`, in one statement
/// whether it selects none, one or several: a failed sign-in writes the same statements whether
/// the account or code exists or not.
pub async fn record_anonymous_each(
    conn: &impl ConnectionTrait,
    mut rows: SelectStatement,
    action: AuditAction,
    subject_kind: &'static str,
) -> Result<(), DbErr> {
    rows.expr(Expr::val(ActorKind::Anonymous.to_value()))
        .expr(Expr::val(action.as_str()))
        .expr(Expr::val(subject_kind))
        .expr(Expr::val(Utc::now()));
    let mut insert = Query::insert();
    insert
        .into_table(audit_event::Entity)
        .columns([
            audit_event::Column::LocalAuthorityId,
            audit_event::Column::SubjectId,
            audit_event::Column::ActorKind,
            audit_event::Column::Action,
            audit_event::Column::SubjectType,
            audit_event::Column::OccurredAt,
        ])
        .select_from(rows)
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    conn.execute(&insert).await.map(|_| ())
}

/// One event, not yet written: for work that writes its events with a batch's.
pub fn event(
    tenant: TenantId,
    (actor_kind, actor_id): (ActorKind, Option<i32>),
    action: AuditAction,
    subject: Subject,
    detail: Option<serde_json::Value>,
) -> audit_event::ActiveModel {
    audit_event::ActiveModel {
        local_authority_id: Set(tenant.0),
        actor_kind: Set(actor_kind),
        actor_id: Set(actor_id),
        action: Set(action.as_str().to_owned()),
        subject_type: Set(subject.kind.to_owned()),
        subject_id: Set(subject.id),
        detail: Set(detail),
        occurred_at: Set(Utc::now()),
        ..Default::default()
    }
}

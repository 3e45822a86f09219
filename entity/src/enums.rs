//! Closed sets of values, stored as short snake_case text. The migrations repeat each list in a CHECK
//! constraint, so adding a variant here needs a migration too (SQLite: a table rebuild).
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// A partner agency invited to conferences; each must receive the conference outcome.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// The police (for example the public protection or child abuse investigation team).
    Police,
    /// Health services: health visitor, school nurse, hospital or community health staff.
    Health,
    /// The child's school, nursery or college, and education welfare.
    Education,
    /// The child's or family's GP practice.
    Gp,
    /// The housing provider or the council's housing service.
    Housing,
    /// The probation service.
    Probation,
    /// Any other agency invited to the conference.
    Other,
}

/// What a member of staff does; decides what they may see and do.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// An independent advocate: works only for the child and presents only the child's views.
    Advocate,
    /// The child's allocated social worker; usually makes the advocacy referral.
    SocialWorker,
    /// Independent Safeguarding Reviewing Officer: chairs child protection conferences (CP chair)
    /// and children looked after reviews (IRO).
    Isro,
    /// The advocacy coordinator: receives referrals and allocates advocates.
    Coordinator,
    /// Someone from a partner agency who receives conference outcomes.
    Agency,
    /// Looks after the service's set-up and staff accounts.
    Admin,
}

/// The kind of meeting (or piece of advocacy) a referral is for.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Initial child protection conference: decides whether a child protection plan is needed.
    InitialChildProtectionConference,
    /// Child protection review conference: reviews the child protection plan.
    ChildProtectionReview,
    /// Child in need (CiN) meeting: reviews the child in need plan.
    ChildInNeedMeeting,
    /// Core group meeting: the group that carries out the child protection plan between conferences.
    CoreGroupMeeting,
    /// Children looked after (CLA) review, chaired by the IRO, for a child in the council's care.
    ChildrenLookedAfterReview,
    /// Disruption meeting, held when a placement has broken down.
    DisruptionMeeting,
    /// Transfer conference, held when the child moves between local authorities.
    TransferConference,
    /// Family group conference (FGC): family-led planning; views are not sent to the chair beforehand.
    FamilyGroupConference,
    /// Advice and assistance: no meeting, the child wants help with something.
    AdviceAndAssistance,
    /// Helping the child make a complaint.
    Complaint,
}

/// Whether the meeting has happened.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// Booked and not yet held.
    Scheduled,
    /// The meeting took place; the outcome can be recorded.
    Held,
    /// Called off.
    Cancelled,
}

/// Who asked for an advocate.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum ReferralSource {
    /// Referred by the child's social worker.
    SocialWorker,
    /// The child or family asked the advocacy service themselves (phone or e-mail).
    SelfReferral,
}

/// Parental agreement to the advocacy referral.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum ParentalAgreement {
    /// Parents or carers agreed to the referral.
    Given,
    /// Parents or carers did not agree.
    Refused,
    /// Not asked yet, or no answer yet.
    Pending,
    /// Not needed: the child is looked after by the local authority.
    NotRequiredLookedAfter,
}

/// Where a referral is in the coordinator's hands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Arrived; the coordinator has not acted on it yet.
    Received,
    /// Waiting for parental agreement.
    PendingConsent,
    /// Accepted; an advocate will be allocated.
    Accepted,
    /// Not taken on; the reason must be recorded.
    Declined,
    /// Withdrawn by the referrer, the child or the family.
    Withdrawn,
}

/// Where a piece of advocacy work is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// An advocate has been allocated.
    Allocated,
    /// The advocate is meeting the child and recording their wishes and feelings.
    InProgress,
    /// The child's views have been sent, with the child's consent, before the meeting.
    ViewsShared,
    /// The piece of advocacy is finished; each piece stands alone.
    Closed,
}

/// How the child says they feel, chosen by the child.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum Feeling {
    /// Very happy.
    VeryHappy,
    /// Happy.
    Happy,
    /// Okay.
    Okay,
    /// Sad.
    Sad,
    /// Very sad.
    VerySad,
    /// Worried.
    Worried,
    /// Angry.
    Angry,
}

/// How the child wants to take part in their meeting.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceChoice {
    /// The child goes to the meeting (some or all of it).
    Attend,
    /// The child goes with their advocate supporting them.
    AttendWithAdvocate,
    /// The child does not go; the advocate speaks for them.
    AdvocateSpeaksForMe,
    /// Only the child's written views go to the meeting.
    WrittenViewsOnly,
    /// The child chooses not to take part.
    NotTakingPart,
}

/// Where the child's views are: still being written, finished, or sent.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum ViewsStatus {
    /// Still being written by the child (with their advocate); nobody else sees it.
    Draft,
    /// The child has said it is finished.
    Submitted,
    /// Sent, with the child's consent, to the people the child chose.
    Shared,
}

/// Who the child agreed may see their views.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The child's social worker.
    SocialWorker,
    /// The chair of the meeting (the ISRO: CP chair or IRO).
    Chair,
    /// The child's parents, carers or family.
    Family,
    /// Everyone at the meeting.
    Meeting,
}

/// Who did something recorded in the audit trail.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A signed-in member of staff.
    Staff,
    /// A child signed in with their access code.
    Child,
    /// Another system calling with an API key.
    ApiKey,
    /// myvoice itself (scheduled jobs, migrations, the demo seed).
    System,
    /// Nobody signed in (for example a failed sign-in).
    Anonymous,
}

/// What a notice in the outbox is about (issue 19: nobody has to sign in to find out).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum NoticeTopic {
    /// A referral for advocacy arrived (to the coordinators).
    ReferralReceived,
    /// A case was allocated (to the advocate).
    CaseAllocated,
    /// A child asked for help now (to their advocate, or straight to the duty contacts).
    UrgentHelpRaised,
    /// Nobody acknowledged a request for help in time (to the duty contacts and coordinators).
    UrgentHelpEscalated,
    /// A child's views were shared (to the social worker or chair).
    ViewsShared,
    /// A meeting's outcome was sent (to the agency).
    OutcomeSent,
    /// An agency has not acknowledged an outcome (to the agency, again).
    OutcomeChase,
    /// A meeting moved to another time or place.
    MeetingMoved,
    /// A meeting was called off.
    MeetingCancelled,
    /// A child answered a message "I have a question" (to their advocate).
    ChildQuestion,
}

/// How a notice travels.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(20))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum NoticeChannel {
    /// E-mail to a member of staff, an agency or a duty contact.
    Email,
    /// A signed HTTP POST to an integrator's endpoint.
    Webhook,
}

/// A part of the child's views a point can come from: one of the three houses, or their free words.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum ViewPart {
    /// Things the child worries about.
    Worries,
    /// Things that are going well.
    GoingWell,
    /// What the child wants to happen.
    WantToHappen,
    /// Anything else the child wanted to say (one point).
    FreeWords,
}

/// How the meeting answered one point the child made.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// The meeting agreed.
    Agreed,
    /// Not this time, because …
    NotThisTime,
    /// We will talk about it at …
    TalkAboutLater,
    /// The child's advocate will explain the answer to them.
    AdvocateWillExplain,
}

/// The only answers a child can give to a message (no chat, so no free text).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(20))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum MessageReply {
    /// "Thank you".
    ThankYou,
    /// "I have a question": the child's advocate is told.
    HaveAQuestion,
}

/// Who wrote a child's views down.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(20))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum ViewsAuthor {
    /// The child, on their phone.
    Child,
    /// The child's advocate, from a visit or a paper sheet, until the child confirms them.
    Advocate,
}

/// How a child confirmed the words their advocate wrote for them.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(20))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum ConfirmedHow {
    /// The child said "Yes, that is right" on their phone.
    OnPhone,
    /// The child told their advocate in person (the advocate recorded the day).
    InPerson,
}

//! The meeting enums as GraphQL sees them. Defined once here (GraphQL names must be unique in the
//! schema): any capability that shows a meeting's kind or status uses these.
use async_graphql::Enum;
use entity::enums;

/// The kind of meeting, or piece of advocacy with no meeting.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::MeetingKind")]
pub enum MeetingKind {
    /// Initial child protection conference: decides whether a child protection plan is needed.
    InitialChildProtectionConference,
    /// Child protection review conference: reviews the child protection plan.
    ChildProtectionReview,
    /// Child in need (CiN) meeting: reviews the child in need plan.
    ChildInNeedMeeting,
    /// Core group meeting: carries out the child protection plan between conferences.
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
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::MeetingStatus")]
pub enum MeetingStatus {
    /// Booked and not yet held.
    Scheduled,
    /// The meeting took place and its record has been written.
    Held,
    /// Called off.
    Cancelled,
}

/// Who the child may choose to see their views for a meeting of this kind. Views are not sent
/// ahead of a family group conference (the family makes the plan there), and advice or a
/// complaint has no meeting to chair.
pub fn allowed_audiences(kind: enums::MeetingKind) -> &'static [enums::Audience] {
    use enums::Audience::*;
    use enums::MeetingKind as K;
    match kind {
        K::FamilyGroupConference => &[Family, Meeting],
        K::AdviceAndAssistance | K::Complaint => &[SocialWorker],
        _ => &[SocialWorker, Chair, Family, Meeting],
    }
}

/// What the meeting is, in plain words for the child's own pages (reading age about 8, no jargon).
pub fn in_plain_words(kind: enums::MeetingKind) -> &'static str {
    use enums::MeetingKind as K;
    match kind {
        K::InitialChildProtectionConference => {
            "A meeting where grown-ups who help keep you safe talk about what needs to happen."
        }
        K::ChildProtectionReview => "A meeting to check how the plan to keep you safe is going.",
        K::ChildInNeedMeeting => {
            "A meeting to check how the plan to help you and your family is going."
        }
        K::CoreGroupMeeting => "A small meeting to check the plan to keep you safe is being done.",
        K::ChildrenLookedAfterReview => "Your review meeting: how things are going where you live.",
        K::DisruptionMeeting => {
            "A meeting about why things did not work out where you were living."
        }
        K::TransferConference => "A meeting about moving to a different council's team.",
        K::FamilyGroupConference => "A meeting where your family makes a plan together.",
        K::AdviceAndAssistance => "Help from your advocate with something you want to sort out.",
        K::Complaint => "Help from your advocate to say you are not happy about something.",
    }
}

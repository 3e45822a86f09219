//! The words of UK children's social care, for staff pages.
use crate::model::MeetingKind;

pub fn meeting(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::InitialChildProtectionConference => "Initial CP conference",
        MeetingKind::ChildProtectionReview => "Review CP conference",
        MeetingKind::ChildInNeedMeeting => "CiN meeting",
        MeetingKind::CoreGroupMeeting => "Core group",
        MeetingKind::ChildrenLookedAfterReview => "CLA review",
        MeetingKind::DisruptionMeeting => "Disruption meeting",
        MeetingKind::TransferConference => "Transfer conference",
        MeetingKind::FamilyGroupConference => "FGC",
        MeetingKind::AdviceAndAssistance => "Advice and assistance",
        MeetingKind::Complaint => "Complaint",
    }
}

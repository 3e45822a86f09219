//! The words of UK children's social care, for staff pages.
use crate::model::{MeetingKind, ParentalAgreement, ReferralStatus};

/// The child's language as staff read it: "Polish (pl)" for a code the child's pages speak, or as
/// written on the record; with "interpreter needed" when one is.
pub fn language(language: &str, interpreter_needed: bool) -> String {
    let name = match crate::text::Lang::parse(language) {
        Some(crate::text::Lang::En) => "English".to_owned(),
        Some(crate::text::Lang::Cy) => "Welsh".to_owned(),
        Some(crate::text::Lang::Pl) => "Polish".to_owned(),
        Some(crate::text::Lang::Ar) => "Arabic".to_owned(),
        None if language.trim().is_empty() => "English".to_owned(),
        None => language.trim().to_owned(),
    };
    if interpreter_needed {
        format!("{name}: interpreter needed")
    } else {
        name
    }
}

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

/// A referral's status, as the social worker and the coordinator read it.
pub fn referral_status(status: ReferralStatus) -> &'static str {
    match status {
        ReferralStatus::Received => "Received: waiting for the coordinator",
        ReferralStatus::PendingConsent => "Waiting for parental agreement",
        ReferralStatus::Accepted => "Accepted: an advocate will be allocated",
        ReferralStatus::Declined => "Declined",
        ReferralStatus::Withdrawn => "Withdrawn",
    }
}

/// Parental agreement, briefly (the inbox and the referral).
pub fn agreement(agreement: ParentalAgreement) -> &'static str {
    match agreement {
        ParentalAgreement::Given => "Given",
        ParentalAgreement::Refused => "Refused",
        ParentalAgreement::Pending => "Not given yet",
        ParentalAgreement::NotRequiredLookedAfter => "Not needed (looked after)",
    }
}

/// "Leo (5)" or "Mia (11, looked after)".
pub fn child(name: &str, age: i64, looked_after: bool) -> String {
    if looked_after {
        format!("{name} ({age}, looked after)")
    } else {
        format!("{name} ({age})")
    }
}

/// Who a child agreed may see their views, as staff say it.
pub fn audience(audience: crate::model::Audience) -> &'static str {
    use crate::model::Audience;
    match audience {
        Audience::SocialWorker => "Social worker",
        Audience::Chair => "Chair (ISRO)",
        Audience::Family => "Family",
        Audience::Meeting => "Everyone at the meeting",
    }
}

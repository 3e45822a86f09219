//! The API's enums as the pages use them. They cross from server to browser, so they live here,
//! spelled as the schema spells them.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MeetingKind {
    InitialChildProtectionConference,
    ChildProtectionReview,
    ChildInNeedMeeting,
    CoreGroupMeeting,
    ChildrenLookedAfterReview,
    DisruptionMeeting,
    TransferConference,
    FamilyGroupConference,
    AdviceAndAssistance,
    Complaint,
}

impl MeetingKind {
    /// Who the child may choose to see their views. Views are not sent ahead of a family group
    /// conference (the family makes the plan there), and a complaint or advice has no chair.
    pub fn audiences(self) -> &'static [Audience] {
        use Audience::*;
        match self {
            Self::FamilyGroupConference => &[Family, Meeting],
            Self::AdviceAndAssistance | Self::Complaint => &[SocialWorker],
            _ => &[SocialWorker, Chair, Family, Meeting],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MeetingStatus {
    Scheduled,
    Held,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Feeling {
    VeryHappy,
    Happy,
    Okay,
    Sad,
    VerySad,
    Worried,
    Angry,
}

impl Feeling {
    pub const ALL: [Feeling; 7] = [
        Self::VeryHappy,
        Self::Happy,
        Self::Okay,
        Self::Sad,
        Self::VerySad,
        Self::Worried,
        Self::Angry,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AttendanceChoice {
    Attend,
    AttendWithAdvocate,
    AdvocateSpeaksForMe,
    WrittenViewsOnly,
    NotTakingPart,
}

impl AttendanceChoice {
    pub const ALL: [AttendanceChoice; 5] = [
        Self::Attend,
        Self::AttendWithAdvocate,
        Self::AdvocateSpeaksForMe,
        Self::WrittenViewsOnly,
        Self::NotTakingPart,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Audience {
    SocialWorker,
    Chair,
    Family,
    Meeting,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ViewsStatus {
    Draft,
    Submitted,
    Shared,
}

/// The five short steps of "my views", in order. The URL names are the child's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Worries,
    GoingWell,
    WantToHappen,
    Feelings,
    AnythingElse,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Self::Worries,
        Self::GoingWell,
        Self::WantToHappen,
        Self::Feelings,
        Self::AnythingElse,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Worries => "worries",
            Self::GoingWell => "going-well",
            Self::WantToHappen => "want-to-happen",
            Self::Feelings => "feelings",
            Self::AnythingElse => "anything-else",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|step| step.slug() == slug)
    }

    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Self> {
        self.number().checked_sub(2).map(|i| Self::ALL[i])
    }

    pub fn href(self) -> String {
        format!("/me/views/{}", self.slug())
    }

    /// Steps whose answer is a list of short items (the three houses).
    pub fn is_list(self) -> bool {
        matches!(self, Self::Worries | Self::GoingWell | Self::WantToHappen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_walk_forward_and_back_in_order() {
        assert_eq!(Step::Worries.previous(), None);
        assert_eq!(Step::Worries.next(), Some(Step::GoingWell));
        assert_eq!(Step::AnythingElse.next(), None);
        assert_eq!(Step::AnythingElse.previous(), Some(Step::Feelings));
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
    }

    #[test]
    fn family_group_conference_views_are_not_offered_to_the_chair() {
        assert!(
            !MeetingKind::FamilyGroupConference
                .audiences()
                .contains(&Audience::Chair)
        );
        assert!(
            MeetingKind::ChildProtectionReview
                .audiences()
                .contains(&Audience::Chair)
        );
    }
}

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
    /// Every kind, in the order the pages list them.
    pub const ALL: [MeetingKind; 10] = [
        Self::InitialChildProtectionConference,
        Self::ChildProtectionReview,
        Self::ChildInNeedMeeting,
        Self::CoreGroupMeeting,
        Self::ChildrenLookedAfterReview,
        Self::DisruptionMeeting,
        Self::TransferConference,
        Self::FamilyGroupConference,
        Self::AdviceAndAssistance,
        Self::Complaint,
    ];

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

/// A part of the child's views a point comes from ("You said → we decided").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ViewPart {
    Worries,
    GoingWell,
    WantToHappen,
    FreeWords,
}

/// How the meeting answered a point the child made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AnswerKind {
    Agreed,
    NotThisTime,
    TalkAboutLater,
    AdvocateWillExplain,
}

impl AnswerKind {
    pub const ALL: [AnswerKind; 4] = [
        Self::Agreed,
        Self::NotThisTime,
        Self::TalkAboutLater,
        Self::AdvocateWillExplain,
    ];

    /// The value a form sends, as the schema spells it.
    pub fn code(self) -> &'static str {
        match self {
            Self::Agreed => "AGREED",
            Self::NotThisTime => "NOT_THIS_TIME",
            Self::TalkAboutLater => "TALK_ABOUT_LATER",
            Self::AdvocateWillExplain => "ADVOCATE_WILL_EXPLAIN",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ViewsStatus {
    Draft,
    Submitted,
    Shared,
}

/// A part of the child's views, saved on its own (`saveViewsPart`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ViewsPart {
    Worries,
    GoingWell,
    WantToHappen,
    Feeling,
    FreeWords,
    Attendance,
    SharedWith,
}

/// What a member of staff does here; each role has its own pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StaffRole {
    Advocate,
    SocialWorker,
    Isro,
    Coordinator,
    Agency,
    Admin,
}

impl StaffRole {
    /// The role as staff say it.
    pub fn title(self) -> &'static str {
        match self {
            Self::Advocate => "Advocate",
            Self::SocialWorker => "Social worker",
            Self::Isro => "ISRO",
            Self::Coordinator => "Advocacy coordinator",
            Self::Agency => "Partner agency",
            Self::Admin => "Administrator",
        }
    }
}

/// Where a referral is in the coordinator's hands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReferralStatus {
    Received,
    PendingConsent,
    Accepted,
    Declined,
    Withdrawn,
}

/// Whether the parents or carers agree to a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ParentalAgreement {
    Given,
    Refused,
    Pending,
    NotRequiredLookedAfter,
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

    /// The schema's values of `enum name`, read from `schema.graphql`.
    fn schema_values(name: &str) -> Vec<String> {
        let schema = include_str!("../../schema.graphql");
        let start = schema
            .find(&format!("\nenum {name} {{"))
            .unwrap_or_else(|| panic!("schema.graphql has no enum {name}"));
        let body = &schema[start..];
        let body = &body[body.find('{').unwrap_or(0) + 1..body.find('}').unwrap_or(0)];
        // Values are the lines that are not descriptions (held between triple quotes).
        let mut in_doc = false;
        let mut values = Vec::new();
        for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if line == "\"\"\"" {
                in_doc = !in_doc;
                continue;
            }
            if line.starts_with("\"\"\"") {
                continue;
            }
            if !in_doc {
                values.push(line.split_whitespace().next().unwrap_or(line).to_owned());
            }
        }
        values
    }

    /// Every value the schema can send decodes into ours, and we send none it lacks.
    fn same_as_schema<T>(name: &str, ours: &[T])
    where
        T: Serialize + serde::de::DeserializeOwned,
    {
        let theirs = schema_values(name);
        for value in &theirs {
            serde_json::from_value::<T>(serde_json::Value::String(value.clone()))
                .unwrap_or_else(|_| panic!("{name}::{value} is in the schema but not in model.rs"));
        }
        let ours: Vec<String> = ours
            .iter()
            .map(|v| {
                serde_json::to_value(v)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(
            ours.len(),
            theirs.len(),
            "{name}: model.rs has {ours:?}, the schema {theirs:?}"
        );
    }

    #[test]
    fn the_shared_enums_match_the_schema() {
        use MeetingKind as K;
        same_as_schema(
            "MeetingKind",
            &[
                K::InitialChildProtectionConference,
                K::ChildProtectionReview,
                K::ChildInNeedMeeting,
                K::CoreGroupMeeting,
                K::ChildrenLookedAfterReview,
                K::DisruptionMeeting,
                K::TransferConference,
                K::FamilyGroupConference,
                K::AdviceAndAssistance,
                K::Complaint,
            ],
        );
        use MeetingStatus as M;
        same_as_schema("MeetingStatus", &[M::Scheduled, M::Held, M::Cancelled]);
        same_as_schema("Feeling", &Feeling::ALL);
        same_as_schema("AttendanceChoice", &AttendanceChoice::ALL);
        use Audience as A;
        same_as_schema(
            "Audience",
            &[A::SocialWorker, A::Chair, A::Family, A::Meeting],
        );
        use ViewsStatus as V;
        same_as_schema("ViewsStatus", &[V::Draft, V::Submitted, V::Shared]);
        use ViewsPart as P;
        same_as_schema(
            "ViewsPart",
            &[
                P::Worries,
                P::GoingWell,
                P::WantToHappen,
                P::Feeling,
                P::FreeWords,
                P::Attendance,
                P::SharedWith,
            ],
        );
        use StaffRole as R;
        same_as_schema(
            "StaffRole",
            &[
                R::Advocate,
                R::SocialWorker,
                R::Isro,
                R::Coordinator,
                R::Agency,
                R::Admin,
            ],
        );
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

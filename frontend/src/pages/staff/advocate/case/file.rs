//! What the case page knows about one case, and the rule for when its views can be shared.
use serde::{Deserialize, Serialize};

use super::super::live::Urgent;
use crate::components::{Authorship, ViewsWords};
use crate::model::{Audience, MeetingKind, ParentalAgreement, ViewsStatus};
use crate::pages::staff::api::StaffUser;

/// Longest note the API accepts.
pub const NOTE_MAX: usize = 2000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFile {
    pub user: StaffUser,
    pub id: String,
    pub child: ChildFacts,
    pub meeting: MeetingFacts,
    pub referral: ReferralFacts,
    pub views: Option<ViewsShown>,
    pub history: Vec<ViewsShown>,
    pub notes: Vec<Note>,
    pub urgent: Vec<Urgent>,
    pub outcome: Outcome,
    /// Closed (`closeCase`): the reason it was closed, kept with it.
    pub closed: Option<String>,
    /// The statement of the sent views, and where they went; none before the child sends.
    pub statement: Option<super::statement::StatementFacts>,
    /// The child's opaque ID (messages are sent to the child).
    pub child_id: String,
    /// Messages to the child (from the advocate or the chair), newest first, with the answers.
    pub messages: Vec<super::words::SentMessage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildFacts {
    pub name: String,
    pub age: i64,
    pub looked_after: bool,
    pub communication_needs: Option<String>,
    /// "Polish: interpreter needed" (staff::words::language).
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingFacts {
    pub kind: MeetingKind,
    pub when: Option<String>,
    pub place: Option<String>,
    /// The meeting's time has passed.
    pub past: bool,
    pub soon: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralFacts {
    pub received: String,
    pub referrer: Option<String>,
    pub self_referral: bool,
    pub parental_agreement: ParentalAgreement,
    pub reason: Option<String>,
    pub how_to_contact: Option<String>,
    pub communication_needs: Option<String>,
    pub lives_with: Option<String>,
    pub visit_risks: Option<String>,
    pub other: Option<String>,
    pub completeness: i64,
    pub missing: Vec<String>,
    pub lead_time_days: Option<i64>,
    pub lead_time_warning: Option<String>,
}

/// The child's views (or one submitted version of them), as the child wrote them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewsShown {
    pub version: i64,
    pub status: ViewsStatus,
    pub submitted: Option<String>,
    pub words: ViewsWords,
    /// Who the child agreed may see them.
    pub shared_with: Vec<Audience>,
    /// Whether the advocate wrote them down, and whether the child confirmed that.
    pub authorship: Authorship,
}

impl ViewsShown {
    pub fn shared_with(&self, audience: Audience) -> bool {
        self.shared_with.contains(&audience)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub author: String,
    pub body: String,
    pub written: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Recorded {
        staff_words: Option<String>,
        child_words: Option<String>,
        recorded: String,
    },
    NotYet,
}

/// Why "Share with social worker and chair" cannot be pressed now, derived from the case's data
/// by the same rules the API applies (api/src/views/share.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareBlock {
    FamilyGroupConference,
    MeetingPassed,
    NotSubmitted,
    AlreadyShared,
    NoConsent,
}

impl ShareBlock {
    pub fn of(case: &CaseFile) -> Option<Self> {
        if case.meeting.kind == MeetingKind::FamilyGroupConference {
            return Some(Self::FamilyGroupConference);
        }
        if case.meeting.past {
            return Some(Self::MeetingPassed);
        }
        let Some(views) = case.views.as_ref() else {
            return Some(Self::NotSubmitted);
        };
        match views.status {
            ViewsStatus::Draft => Some(Self::NotSubmitted),
            ViewsStatus::Shared => Some(Self::AlreadyShared),
            ViewsStatus::Submitted
                if !views.shared_with(Audience::SocialWorker)
                    && !views.shared_with(Audience::Chair) =>
            {
                Some(Self::NoConsent)
            }
            ViewsStatus::Submitted => None,
        }
    }

    pub fn reason(self, child: &str) -> String {
        match self {
            Self::FamilyGroupConference => "Family group conference: views are not sent in advance. \
                The family plans together at the conference, where the child or you share the views \
                with the family meeting only."
                .into(),
            Self::MeetingPassed => "The meeting has already happened, so the views can no longer be sent before it.".into(),
            Self::NotSubmitted => format!(
                "Not submitted yet: {child} has not said the views are finished."
            ),
            Self::AlreadyShared => format!(
                "Already shared: this version was sent. You can share again after {child} submits a new version."
            ),
            Self::NoConsent => format!(
                "No consent: {child} has not agreed to the social worker or the chair seeing the views."
            ),
        }
    }
}

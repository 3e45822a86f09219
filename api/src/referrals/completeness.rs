//! How complete a referral is: what an advocate needs to target the work, and what is missing.
//! The audit found sparse referrals; the coordinator sees the gaps at a glance and can ask for them.
use entity::enums::{MeetingKind, ParentalAgreement};
use entity::{meeting, referral};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Condition, Query};

/// One piece of information an advocate needs from a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Reason,
    MeetingKindAndDate,
    HowToContactChild,
    CommunicationNeeds,
    LivesWith,
    VisitRisks,
    ParentalAgreement,
}

impl Item {
    pub const ALL: [Self; 7] = [
        Self::Reason,
        Self::MeetingKindAndDate,
        Self::HowToContactChild,
        Self::CommunicationNeeds,
        Self::LivesWith,
        Self::VisitRisks,
        Self::ParentalAgreement,
    ];

    /// What the coordinator reads in the list of gaps.
    pub fn label(self) -> &'static str {
        match self {
            Self::Reason => "Reason for the referral",
            Self::MeetingKindAndDate => "Meeting kind and date",
            Self::HowToContactChild => "How to contact the child",
            Self::CommunicationNeeds => "Communication needs",
            Self::LivesWith => "Who the child lives with",
            Self::VisitRisks => "Risks for a visit",
            Self::ParentalAgreement => "Parental agreement (given, or child looked after)",
        }
    }
}

/// Score 0–100 (the share of items present) and the items still missing, in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    pub score: u8,
    pub missing: Vec<Item>,
}

/// Kinds of advocacy with no meeting time: their kind alone is enough.
fn needs_no_date(kind: MeetingKind) -> bool {
    matches!(
        kind,
        MeetingKind::AdviceAndAssistance | MeetingKind::Complaint
    )
}

/// Agreement given, or not needed because the child is looked after.
pub fn agreement_settled(agreement: ParentalAgreement) -> bool {
    matches!(
        agreement,
        ParentalAgreement::Given | ParentalAgreement::NotRequiredLookedAfter
    )
}

/// Text is stored trimmed, and blank is stored as NULL, so "present" is simply `Some`.
pub fn assess(referral: &referral::Model, meeting: Option<&meeting::Model>) -> Completeness {
    let present = |item: Item| match item {
        Item::Reason => referral.reason.is_some(),
        Item::MeetingKindAndDate => {
            meeting.is_some_and(|m| m.scheduled_at.is_some() || needs_no_date(m.kind))
        }
        Item::HowToContactChild => referral.how_to_contact_child.is_some(),
        Item::CommunicationNeeds => referral.communication_needs.is_some(),
        Item::LivesWith => referral.lives_with.is_some(),
        Item::VisitRisks => referral.visit_risks.is_some(),
        Item::ParentalAgreement => agreement_settled(referral.parental_agreement),
    };
    let missing: Vec<Item> = Item::ALL.into_iter().filter(|i| !present(*i)).collect();
    let have = Item::ALL.len() - missing.len();
    Completeness {
        score: (have * 100 / Item::ALL.len()) as u8,
        missing,
    }
}

/// The same rule as `assess`, as SQL on `referral`, so the inbox can filter and count on it.
/// Keep the two in step; the integration tests check they agree.
pub fn complete_condition() -> Condition {
    let dated_meetings = Query::select()
        .column(meeting::Column::Id)
        .from(meeting::Entity)
        .cond_where(
            Condition::any()
                .add(meeting::Column::ScheduledAt.is_not_null())
                .add(
                    meeting::Column::Kind
                        .is_in([MeetingKind::AdviceAndAssistance, MeetingKind::Complaint]),
                ),
        )
        .to_owned();
    Condition::all()
        .add(referral::Column::Reason.is_not_null())
        .add(referral::Column::MeetingId.in_subquery(dated_meetings))
        .add(referral::Column::HowToContactChild.is_not_null())
        .add(referral::Column::CommunicationNeeds.is_not_null())
        .add(referral::Column::LivesWith.is_not_null())
        .add(referral::Column::VisitRisks.is_not_null())
        .add(referral::Column::ParentalAgreement.is_in([
            ParentalAgreement::Given,
            ParentalAgreement::NotRequiredLookedAfter,
        ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use entity::enums::{MeetingStatus, ReferralSource, ReferralStatus};

    fn full_referral() -> referral::Model {
        let now = Utc::now();
        referral::Model {
            id: 1,
            local_authority_id: 1,
            child_id: Some(1),
            meeting_id: Some(1),
            source: ReferralSource::SocialWorker,
            referrer_id: Some(1),
            self_referral_contact: None,
            reason: Some("Wants help to say how she feels about contact".into()),
            how_to_contact_child: Some("Through her foster carer".into()),
            lives_with: Some("Foster carers".into()),
            visit_risks: Some("None known".into()),
            communication_needs: Some("None".into()),
            other_information: None,
            parental_agreement: ParentalAgreement::Given,
            status: ReferralStatus::Received,
            decline_reason: None,
            withdrawal_reason: None,
            received_at: now,
            created_at: now,
        }
    }

    fn meeting(kind: MeetingKind, dated: bool) -> meeting::Model {
        let now = Utc::now();
        meeting::Model {
            id: 1,
            local_authority_id: 1,
            kind,
            scheduled_at: dated.then_some(now),
            place: None,
            chair_id: None,
            social_worker_id: None,
            status: MeetingStatus::Scheduled,
            worried_about_now: None,
            complicating_factors: None,
            going_well: None,
            signs_of_safety: None,
            plan: None,
            outcome_staff_words: None,
            outcome_child_words: None,
            recorded_at: None,
            created_at: now,
            external_ref: None,
            moved_at: None,
            move_reason: None,
            cancelled_at: None,
            cancel_reason: None,
            follow_up_of_id: None,
        }
    }

    #[test]
    fn a_full_referral_scores_100_with_nothing_missing() {
        let m = meeting(MeetingKind::ChildInNeedMeeting, true);
        let result = assess(&full_referral(), Some(&m));
        assert_eq!(result.score, 100);
        assert!(result.missing.is_empty());
    }

    #[test]
    fn missing_items_are_listed_in_order_and_lower_the_score() {
        let mut r = full_referral();
        r.lives_with = None;
        r.visit_risks = None;
        r.parental_agreement = ParentalAgreement::Pending;
        let m = meeting(MeetingKind::ChildInNeedMeeting, false);
        let result = assess(&r, Some(&m));
        assert_eq!(
            result.missing,
            vec![
                Item::MeetingKindAndDate,
                Item::LivesWith,
                Item::VisitRisks,
                Item::ParentalAgreement
            ]
        );
        assert_eq!(result.score, 42); // 3 of 7
    }

    #[test]
    fn a_self_referral_with_no_meeting_misses_the_meeting_and_agreement() {
        let mut r = full_referral();
        r.meeting_id = None;
        r.parental_agreement = ParentalAgreement::Pending;
        let result = assess(&r, None);
        assert_eq!(
            result.missing,
            vec![Item::MeetingKindAndDate, Item::ParentalAgreement]
        );
        assert_eq!(result.score, 71);
    }

    #[test]
    fn looked_after_counts_as_agreement_and_undated_advice_counts_as_a_meeting() {
        let mut r = full_referral();
        r.parental_agreement = ParentalAgreement::NotRequiredLookedAfter;
        let m = meeting(MeetingKind::AdviceAndAssistance, false);
        assert_eq!(assess(&r, Some(&m)).score, 100);
        r.parental_agreement = ParentalAgreement::Refused;
        assert_eq!(assess(&r, Some(&m)).missing, vec![Item::ParentalAgreement]);
    }

    #[test]
    fn every_item_has_a_label() {
        for item in Item::ALL {
            assert!(!item.label().is_empty());
        }
    }
}

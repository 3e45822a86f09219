//! Checking a referral before it is sent: the same completeness, lead-time and Route1 rules as
//! `create` runs, on a draft that is never written. The social worker's form shows the result as a
//! meter, a list of what is missing, the lead time and anything that would stop the referral.
use chrono::{DateTime, Utc};
use entity::enums::{ParentalAgreement, ReferralSource, ReferralStatus};
use entity::{child, meeting, referral};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::completeness::{self, Completeness};
use super::lead_time::LeadTime;
use super::{Details, check_meeting, duplicate, rules};
use crate::error::{ApiError, ApiResult};
use crate::policy::referrals::{Assessor, refer_for};

/// A draft as typed: text not yet checked, so a box that is too long is reported, not refused.
#[derive(Debug, Clone)]
pub struct Draft {
    pub child_id: i32,
    pub meeting_id: i32,
    pub parental_agreement: ParentalAgreement,
    pub texts: Vec<(&'static str, Option<String>)>,
}

/// Something that would stop the referral being made as it stands, tied to the input field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Assessment {
    pub completeness: Completeness,
    /// From today to the meeting; `None` when the meeting has no date.
    pub lead_time: Option<LeadTime>,
    pub looked_after: bool,
    /// Where the referral would start (received, or waiting for parental agreement); `None` while
    /// the agreement chosen is not allowed for this child.
    pub starts_as: Option<ReferralStatus>,
    pub problems: Vec<Problem>,
}

impl Problem {
    fn from_error(error: ApiError, fallback: &'static str) -> ApiResult<Self> {
        match error {
            ApiError::BadUserInput { field, message } => Ok(Self {
                field: field.unwrap_or(fallback),
                message,
            }),
            ApiError::Conflict { message, .. } => Ok(Self {
                field: fallback,
                message,
            }),
            other => Err(other),
        }
    }
}

/// Assess `draft` as of `now` for `assessor`. Only a child or meeting the assessor may not see is
/// an error (NOT_FOUND across authorities, FORBIDDEN for another social worker's child); every
/// rule the draft breaks is a `Problem`, so the form can show them all at once.
pub async fn assess(
    db: &DatabaseConnection,
    assessor: Assessor,
    draft: Draft,
    now: DateTime<Utc>,
) -> ApiResult<Assessment> {
    let tenant = assessor.tenant();
    let child = child::Entity::find_by_id(draft.child_id)
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    let meeting = meeting::Entity::find_by_id(draft.meeting_id)
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))?;
    if let Some(referrer) = assessor.referrer() {
        refer_for(referrer, &child, &meeting)?;
    }

    let mut problems = Vec::new();
    if let Err(error) = check_meeting(db, &child, &meeting, now).await {
        problems.push(Problem::from_error(error, "meetingId")?);
    }
    let meeting_day = meeting.scheduled_at.unwrap_or(now).date_naive();
    if let Err(error) = rules::check_age(child.date_of_birth, meeting_day) {
        problems.push(Problem::from_error(error, "childId")?);
    }
    let agreement = draft.parental_agreement;
    let starts_as = match rules::initial_status(agreement, child.looked_after) {
        Ok(status) => Some(status),
        Err(error) => {
            problems.push(Problem::from_error(error, "parentalAgreement")?);
            None
        }
    };
    let existing = referral::Entity::find()
        .filter(referral::Column::ChildId.eq(child.id))
        .filter(referral::Column::MeetingId.eq(meeting.id))
        .one(db)
        .await?;
    if let Some(existing) = existing {
        problems.push(Problem::from_error(duplicate(existing.id), "meetingId")?);
    }

    let mut details = Details::default();
    for (field, raw) in draft.texts {
        let text = match crate::text::optional(field, raw.as_deref(), crate::text::LONG) {
            Ok(text) => text,
            Err(error) => {
                problems.push(Problem::from_error(error, field)?);
                // Too long or unstorable is still "said": the meter counts it, the problem says why.
                raw
            }
        };
        let slot = match field {
            "reason" => &mut details.reason,
            "howToContactChild" => &mut details.how_to_contact_child,
            "communicationNeeds" => &mut details.communication_needs,
            "livesWith" => &mut details.lives_with,
            "visitRisks" => &mut details.visit_risks,
            "otherInformation" => &mut details.other_information,
            _ => continue,
        };
        *slot = text;
    }
    let unsaved = unsaved(tenant.0, &child, &meeting, agreement, details, now);
    Ok(Assessment {
        completeness: completeness::assess(&unsaved, Some(&meeting)),
        lead_time: meeting.scheduled_at.map(|at| LeadTime::between(now, at)),
        looked_after: child.looked_after,
        starts_as,
        problems,
    })
}

/// The row `create` would insert, kept in memory only.
fn unsaved(
    tenant: i32,
    child: &child::Model,
    meeting: &meeting::Model,
    agreement: ParentalAgreement,
    d: Details,
    now: DateTime<Utc>,
) -> referral::Model {
    referral::Model {
        id: 0,
        local_authority_id: tenant,
        child_id: Some(child.id),
        meeting_id: Some(meeting.id),
        source: ReferralSource::SocialWorker,
        referrer_id: None,
        self_referral_contact: None,
        reason: d.reason,
        how_to_contact_child: d.how_to_contact_child,
        communication_needs: d.communication_needs,
        lives_with: d.lives_with,
        visit_risks: d.visit_risks,
        other_information: d.other_information,
        parental_agreement: agreement,
        status: ReferralStatus::Received,
        decline_reason: None,
        withdrawal_reason: None,
        received_at: now,
        created_at: now,
    }
}

//! The chair's record of a meeting: the five whiteboard headings, and the outcome in staff words and
//! in the child's words. Recording marks the meeting held; recording again updates the record.
use chrono::{DateTime, Duration, Utc};
use entity::enums::MeetingStatus;
use entity::meeting;
use sea_orm::{ActiveModelTrait, DatabaseConnection, IntoActiveModel, Set};
use serde_json::json;

use crate::answers::{self, Answer};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{StaffViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::text;

/// The outcome told back to the child is short and plain: a paragraph, not a report.
pub const CHILD_WORDS_MAX: usize = text::LONG;
/// Whiteboard headings and the outcome in staff words.
pub const STAFF_WORDS_MAX: usize = text::VERY_LONG;
/// A meeting may be recorded from the day before its time (records are often started in the room).
pub const RECORD_AHEAD: Duration = Duration::days(1);

/// The record as the chair typed it, before any checks.
#[derive(Debug, Default, Clone)]
pub struct RawRecord<'a> {
    pub worried_about_now: Option<&'a str>,
    pub complicating_factors: Option<&'a str>,
    pub going_well: Option<&'a str>,
    pub signs_of_safety: Option<&'a str>,
    pub plan: &'a str,
    pub outcome_staff_words: &'a str,
    pub outcome_child_words: &'a str,
}

/// A checked record: bounded, clean text; the plan and both outcome texts present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    pub worried_about_now: Option<String>,
    pub complicating_factors: Option<String>,
    pub going_well: Option<String>,
    pub signs_of_safety: Option<String>,
    pub plan: String,
    pub outcome_staff_words: String,
    pub outcome_child_words: String,
}

impl MeetingRecord {
    pub fn parse(raw: &RawRecord<'_>) -> ApiResult<Self> {
        let staff = |field, value| text::optional(field, value, STAFF_WORDS_MAX);
        Ok(Self {
            worried_about_now: staff("worriedAboutNow", raw.worried_about_now)?,
            complicating_factors: staff("complicatingFactors", raw.complicating_factors)?,
            going_well: staff("goingWell", raw.going_well)?,
            signs_of_safety: staff("signsOfSafety", raw.signs_of_safety)?,
            plan: text::required("plan", raw.plan, STAFF_WORDS_MAX)?,
            outcome_staff_words: text::required(
                "outcomeStaffWords",
                raw.outcome_staff_words,
                STAFF_WORDS_MAX,
            )?,
            outcome_child_words: text::required(
                "outcomeChildWords",
                raw.outcome_child_words,
                CHILD_WORDS_MAX,
            )?,
        })
    }
}

/// Whether a meeting in this state may be recorded at `now`.
pub fn check_recordable(meeting: &meeting::Model, now: DateTime<Utc>) -> ApiResult<()> {
    if meeting.status == MeetingStatus::Cancelled {
        return Err(ApiError::bad_input(
            "meetingId",
            "the meeting was cancelled: there is nothing to record",
        ));
    }
    match meeting.scheduled_at {
        Some(at) if at > now + RECORD_AHEAD => Err(ApiError::bad_input(
            "meetingId",
            "the meeting has not happened yet (it can be recorded from the day before)",
        )),
        _ => Ok(()),
    }
}

/// Write the record and the chair's answers to the child's points in one transaction with its audit
/// event. The caller has asked the policy (`chair` chairs the meeting). Every point of the views
/// shared with the chair must have an answer after this write, or nothing is written.
pub async fn record(
    db: &DatabaseConnection,
    chair: &StaffViewer,
    tenant: TenantId,
    meeting_id: i32,
    (record, given): (MeetingRecord, Vec<Answer>),
    now: DateTime<Utc>,
) -> ApiResult<meeting::Model> {
    let txn = crate::db::begin_write(db).await?;
    let current = super::find(&txn, meeting_id).await?;
    check_recordable(&current, now)?;
    let shared = answers::points::shared_with_chairs(&txn, &[(meeting_id, Some(chair.id))]).await?;
    let existing = answers::points::answers_of(&txn, shared.iter().map(|s| s.views.id)).await?;
    let rows = answers::check(&shared, &existing, &given)?;
    let answered = rows.len();
    answers::write(&txn, tenant, chair, meeting_id, rows, now).await?;
    let rerecorded = current.recorded_at.is_some();
    let mut row = current.into_active_model();
    row.worried_about_now = Set(record.worried_about_now);
    row.complicating_factors = Set(record.complicating_factors);
    row.going_well = Set(record.going_well);
    row.signs_of_safety = Set(record.signs_of_safety);
    row.plan = Set(Some(record.plan));
    row.outcome_staff_words = Set(Some(record.outcome_staff_words));
    row.outcome_child_words = Set(Some(record.outcome_child_words));
    row.status = Set(MeetingStatus::Held);
    row.recorded_at = Set(Some(now));
    let saved = row.update(&txn).await?;
    // The audit keeps that it happened and how many points were answered, never the words.
    audit::record(
        &txn,
        tenant,
        audit::actor(&Viewer::Staff(chair.clone())),
        AuditAction::MeetingRecorded,
        Subject::new("meeting", saved.id),
        Some(if answered > 0 {
            json!({ "rerecorded": rerecorded, "answers": answered })
        } else {
            json!({ "rerecorded": rerecorded })
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw<'a>() -> RawRecord<'a> {
        RawRecord {
            plan: "Weekly visits by the social worker.",
            outcome_staff_words: "Child protection plan under the category of neglect.",
            outcome_child_words: "You said you want to see your brother. The meeting decided you will.",
            ..Default::default()
        }
    }

    fn field(error: ApiError) -> Option<&'static str> {
        match error {
            ApiError::BadUserInput { field, .. } => field,
            _ => None,
        }
    }

    #[test]
    fn the_plan_and_both_outcomes_are_required() {
        assert!(MeetingRecord::parse(&raw()).is_ok());
        let no_plan = RawRecord {
            plan: "  ",
            ..raw()
        };
        assert_eq!(
            field(MeetingRecord::parse(&no_plan).unwrap_err()),
            Some("plan")
        );
        let no_child_words = RawRecord {
            outcome_child_words: "",
            ..raw()
        };
        assert_eq!(
            field(MeetingRecord::parse(&no_child_words).unwrap_err()),
            Some("outcomeChildWords")
        );
    }

    #[test]
    fn child_words_are_shorter_than_staff_words() {
        let long_child = "x".repeat(CHILD_WORDS_MAX + 1);
        let too_long = RawRecord {
            outcome_child_words: &long_child,
            ..raw()
        };
        assert_eq!(
            field(MeetingRecord::parse(&too_long).unwrap_err()),
            Some("outcomeChildWords")
        );
        let long_staff = "x".repeat(CHILD_WORDS_MAX + 1);
        let fine = RawRecord {
            outcome_staff_words: &long_staff,
            ..raw()
        };
        assert!(MeetingRecord::parse(&fine).is_ok());
        let control = RawRecord {
            going_well: Some("ok\u{7}"),
            ..raw()
        };
        assert_eq!(
            field(MeetingRecord::parse(&control).unwrap_err()),
            Some("goingWell")
        );
    }
}

//! The oversight measures as pure functions over rows already loaded, so each rule is tested without a
//! database. Referral completeness and lead time use the referral rules themselves
//! (`crate::referrals`), so the oversight page and the inbox never disagree.
use chrono::{DateTime, Datelike, Utc};
use entity::enums::{AttendanceChoice, MeetingStatus};

pub use crate::referrals::lead_time::working_days_between;

/// `YYYY-MM` of an instant (UTC).
pub fn month_of(at: DateTime<Utc>) -> String {
    format!("{:04}-{:02}", at.year(), at.month())
}

/// `part` of `whole` as a percentage with one decimal; none when there is nothing to measure.
pub fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (1000.0 * part as f64 / whole as f64).round() / 10.0)
}

/// The middle value (the mean of the two middle values for an even count); none for no values.
pub fn median(mut values: Vec<i64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid] as f64
    } else {
        (values[mid - 1] + values[mid]) as f64 / 2.0
    })
}

/// Choices that put the child's voice in the room: they go, go with their advocate, or their
/// advocate speaks for them.
pub fn attendance_heard(choice: Option<AttendanceChoice>) -> bool {
    matches!(
        choice,
        Some(
            AttendanceChoice::Attend
                | AttendanceChoice::AttendWithAdvocate
                | AttendanceChoice::AdvocateSpeaksForMe
        )
    )
}

/// One child's views for a meeting, as far as the measure needs them.
#[derive(Debug, Clone, Default)]
pub struct ViewsFacts {
    pub attendance: Option<AttendanceChoice>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// When each version was shared with someone.
    pub shared_at: Vec<DateTime<Utc>>,
}

/// The child was heard at a meeting at `meeting_at` when their views were shared before it, or they
/// chose to attend (or have their advocate speak) and submitted their views before it.
pub fn heard(views: &[ViewsFacts], meeting_at: DateTime<Utc>) -> bool {
    views.iter().any(|v| {
        v.shared_at.iter().any(|s| *s < meeting_at)
            || (attendance_heard(v.attendance) && v.submitted_at.is_some_and(|s| s < meeting_at))
    })
}

/// A meeting counts for "children heard" once its time has passed, unless it was cancelled.
pub fn counts_as_happened(status: MeetingStatus, at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    status != MeetingStatus::Cancelled && at <= now
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
    }

    #[test]
    fn medians_and_percentages() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![7, 1, 3]), Some(3.0));
        assert_eq!(median(vec![4, 1, 3, 10]), Some(3.5));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(3, 3), Some(100.0));
        assert_eq!(month_of(at(30, 23)), "2026-11");
    }

    #[test]
    fn heard_means_shared_in_time_or_there_in_person() {
        let meeting = at(20, 10);
        let shared_late = ViewsFacts {
            shared_at: vec![at(20, 11)],
            ..Default::default()
        };
        assert!(!heard(std::slice::from_ref(&shared_late), meeting));
        let shared = ViewsFacts {
            shared_at: vec![at(19, 9)],
            ..Default::default()
        };
        assert!(heard(&[shared_late, shared], meeting));
        let attending = ViewsFacts {
            attendance: Some(AttendanceChoice::AdvocateSpeaksForMe),
            submitted_at: Some(at(18, 9)),
            ..Default::default()
        };
        assert!(heard(std::slice::from_ref(&attending), meeting));
        let written_only = ViewsFacts {
            attendance: Some(AttendanceChoice::WrittenViewsOnly),
            submitted_at: Some(at(18, 9)),
            ..Default::default()
        };
        assert!(!heard(&[written_only], meeting));
        let draft = ViewsFacts {
            attendance: Some(AttendanceChoice::Attend),
            ..Default::default()
        };
        assert!(!heard(&[draft], meeting));
    }
}

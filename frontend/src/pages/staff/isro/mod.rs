//! The ISRO's pages (CP chair / IRO): the meetings they chair, the children's views received before
//! each, the meeting record with the whiteboard and the outcome, and sending the outcome to agencies.
pub mod home;
pub mod meeting;
pub mod record;

#[cfg(feature = "ssr")]
pub mod server {
    use serde::Deserialize;

    /// A time as staff read it, in UK time: "Tue 1 Dec 2026, 10:00".
    pub fn uk_time(rfc3339: &str) -> Option<String> {
        let at = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
        Some(
            at.with_timezone(&chrono_tz::Europe::London)
                .format("%a %-d %b %Y, %H:%M")
                .to_string(),
        )
    }

    /// The same instant, however the API spelled it.
    pub fn same_instant(a: &str, b: &str) -> bool {
        match (
            chrono::DateTime::parse_from_rfc3339(a),
            chrono::DateTime::parse_from_rfc3339(b),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        }
    }

    /// A views share as `viewsSharedWithMe` lists it.
    #[derive(Debug, Clone, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Share {
        pub views_id: String,
        pub child_first_name: String,
        pub meeting_kind: crate::model::MeetingKind,
        pub meeting_at: Option<String>,
        pub shared_at: String,
        pub read_at: Option<String>,
    }

    pub const SHARES: &str = "viewsSharedWithMe(first: 100) { edges { node { viewsId childFirstName meetingKind meetingAt sharedAt readAt } } }";

    /// Whether a share is for this meeting. The share names the meeting by its kind and time and
    /// the child by first name (the API gives no meeting ID there), which together pick one
    /// meeting of one chair.
    pub fn is_for(
        share: &Share,
        kind: crate::model::MeetingKind,
        at: Option<&str>,
        children: &[String],
    ) -> bool {
        let first = share
            .child_first_name
            .split_whitespace()
            .next()
            .unwrap_or_default();
        share.meeting_kind == kind
            && match (share.meeting_at.as_deref(), at) {
                (Some(a), Some(b)) => same_instant(a, b),
                (None, None) => true,
                _ => false,
            }
            && children.iter().any(|c| c == first)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::model::MeetingKind;

        fn share(name: &str, at: &str) -> Share {
            Share {
                views_id: "v".into(),
                child_first_name: name.into(),
                meeting_kind: MeetingKind::ChildrenLookedAfterReview,
                meeting_at: Some(at.into()),
                shared_at: "2026-11-20T10:00:00Z".into(),
                read_at: None,
            }
        }

        #[test]
        fn staff_times_are_in_uk_time() {
            assert_eq!(
                uk_time("2026-07-01T09:30:00Z").as_deref(),
                Some("Wed 1 Jul 2026, 10:30")
            );
            assert_eq!(
                uk_time("2026-12-01T10:00:00+00:00").as_deref(),
                Some("Tue 1 Dec 2026, 10:00")
            );
        }

        #[test]
        fn a_share_belongs_to_the_meeting_of_its_kind_time_and_child() {
            let children = vec!["Mia".to_owned()];
            let at = "2026-12-01T10:00:00+00:00";
            let kind = MeetingKind::ChildrenLookedAfterReview;
            assert!(is_for(
                &share("Mia Rose", "2026-12-01T10:00:00Z"),
                kind,
                Some(at),
                &children
            ));
            assert!(!is_for(&share("Leo", at), kind, Some(at), &children));
            assert!(!is_for(
                &share("Mia", "2026-12-02T10:00:00Z"),
                kind,
                Some(at),
                &children
            ));
            assert!(!is_for(
                &share("Mia", at),
                MeetingKind::CoreGroupMeeting,
                Some(at),
                &children
            ));
        }
    }
}

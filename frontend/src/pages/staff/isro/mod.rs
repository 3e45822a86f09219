//! The ISRO's pages (CP chair / IRO): the meetings they chair, the children's views received before
//! each, the meeting record with the whiteboard and the outcome, and sending the outcome to agencies.
pub mod home;
pub mod meeting;
pub mod record;

#[cfg(feature = "ssr")]
pub mod server {
    use chrono::{DateTime, Utc};

    use crate::model::MeetingKind;

    /// What a share from `viewsSharedWithMe` says about the meeting it is for.
    pub struct Share<'a> {
        pub child_first_name: &'a str,
        pub meeting_kind: MeetingKind,
        pub meeting_at: Option<DateTime<Utc>>,
    }

    impl Share<'_> {
        /// Whether the share is for this meeting. The share names the meeting by its kind and time
        /// and the child by first name (the API gives no meeting ID there), which together pick
        /// one meeting of one chair.
        pub fn is_for(
            &self,
            kind: MeetingKind,
            at: Option<DateTime<Utc>>,
            children: &[String],
        ) -> bool {
            let first = self
                .child_first_name
                .split_whitespace()
                .next()
                .unwrap_or_default();
            self.meeting_kind == kind
                && self.meeting_at == at
                && children.iter().any(|c| c == first)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn at(rfc3339: &str) -> DateTime<Utc> {
            rfc3339.parse().expect("a time")
        }

        fn share<'a>(name: &'a str, when: &str) -> Share<'a> {
            Share {
                child_first_name: name,
                meeting_kind: MeetingKind::ChildrenLookedAfterReview,
                meeting_at: Some(at(when)),
            }
        }

        #[test]
        fn a_share_belongs_to_the_meeting_of_its_kind_time_and_child() {
            let children = vec!["Mia".to_owned()];
            let when = Some(at("2026-12-01T10:00:00+00:00"));
            let kind = MeetingKind::ChildrenLookedAfterReview;
            assert!(share("Mia Rose", "2026-12-01T10:00:00Z").is_for(kind, when, &children));
            assert!(!share("Leo", "2026-12-01T10:00:00Z").is_for(kind, when, &children));
            assert!(!share("Mia", "2026-12-02T10:00:00Z").is_for(kind, when, &children));
            assert!(!share("Mia", "2026-12-01T10:00:00Z").is_for(
                MeetingKind::CoreGroupMeeting,
                when,
                &children
            ));
        }
    }
}

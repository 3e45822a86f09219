crate::operations!("src/pages/staff/social_worker/change_meeting/ops.graphql" => MeetingChangePage, MoveMeeting, CancelMeeting);

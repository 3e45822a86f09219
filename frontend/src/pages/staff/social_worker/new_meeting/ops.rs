crate::operations!("src/pages/staff/social_worker/new_meeting/ops.graphql" => NewMeetingPage, CreateMeeting);

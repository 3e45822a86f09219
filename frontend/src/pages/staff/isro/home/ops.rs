crate::operations!("src/pages/staff/isro/home/ops.graphql" => MyMeetings);

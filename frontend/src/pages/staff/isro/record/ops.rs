crate::operations!("src/pages/staff/isro/record/ops.graphql" => RecordMeeting);

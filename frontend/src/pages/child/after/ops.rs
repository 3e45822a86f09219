crate::operations!("src/pages/child/after/ops.graphql" => AfterMeeting);

crate::operations!("src/pages/staff/isro/meeting/ops.graphql" => Meeting, DistributeOutcome, SendChairMessage);

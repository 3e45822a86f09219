crate::operations!("src/pages/staff/coordinator/inbox/ops.graphql" => ReferralInbox);

crate::operations!("src/pages/staff/advocate/slip/ops.graphql" => IssueChildAccess);

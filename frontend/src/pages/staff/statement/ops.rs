crate::operations!("src/pages/staff/statement/ops.graphql" => Statement);

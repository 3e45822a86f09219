crate::operations!("src/pages/staff/caseload/ops.graphql" => Caseload);

crate::operations!("src/pages/staff/agency/ops.graphql" => Outcomes, Acknowledge);

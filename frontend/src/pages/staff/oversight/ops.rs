crate::operations!("src/pages/staff/oversight/ops.graphql" => Oversight);

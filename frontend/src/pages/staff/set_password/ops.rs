crate::operations!("src/pages/staff/set_password/ops.graphql" => SetPassword);

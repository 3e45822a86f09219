crate::operations!("src/pages/staff/sign_in/ops.graphql" => SignIn);

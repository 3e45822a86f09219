crate::operations!("src/pages/child/sign_in/ops.graphql" => ChildSignIn);

crate::operations!("src/pages/public/ask/ops.graphql" => Ask);

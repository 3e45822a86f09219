crate::operations!("src/pages/child/data/ops.graphql" => ChildHome);

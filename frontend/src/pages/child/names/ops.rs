crate::operations!("src/pages/child/names/ops.graphql" => SetNames);

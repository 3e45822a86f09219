crate::operations!("src/pages/child/meeting/ops.graphql" => SetEasier);

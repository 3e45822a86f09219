crate::operations!("src/pages/child/views/ops.graphql" => SaveViewsPart);

crate::operations!("src/pages/child/who_read/ops.graphql" => WhoRead);

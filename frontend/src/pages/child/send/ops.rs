crate::operations!("src/pages/child/send/ops.graphql" => SendViews);

crate::operations!("src/pages/child/not_safe/ops.graphql" => AskForHelp);

crate::operations!("src/pages/child/meeting/for_you/ops.graphql" => ReplyToMessage, ConfirmMyViews);

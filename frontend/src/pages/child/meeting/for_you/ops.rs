crate::operations!("src/pages/child/meeting/for_you/ops.graphql" => ForYou, ReplyToMessage, ConfirmMyViews);

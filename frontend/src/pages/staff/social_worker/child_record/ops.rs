crate::operations!("src/pages/staff/social_worker/child_record/ops.graphql" => NewChildPage, ChangeChildPage, CreateChild, UpdateChild, CreateAdvice);

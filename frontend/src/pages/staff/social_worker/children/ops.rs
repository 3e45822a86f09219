crate::operations!("src/pages/staff/social_worker/children/ops.graphql" => MyChildren);

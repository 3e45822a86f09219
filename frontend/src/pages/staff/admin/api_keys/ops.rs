crate::operations!("src/pages/staff/admin/api_keys/ops.graphql" => ListKeys, CreateKey, RevokeKey);

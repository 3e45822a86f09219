crate::operations!("src/pages/staff/admin/retention/ops.graphql" => RetentionPeriods, SetRetentionPeriod);

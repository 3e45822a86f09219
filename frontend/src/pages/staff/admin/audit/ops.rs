crate::operations!("src/pages/staff/admin/audit/ops.graphql" => AuditLog);

crate::operations!("src/pages/staff/admin/import/ops.graphql" => ImportRecords, ImportCheck);

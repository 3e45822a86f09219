crate::operations!("src/pages/staff/admin/export/ops.graphql" => ExportChildRecord, ExportPage);

crate::operations!("src/pages/staff/admin/agencies/ops.graphql" => ListAgencies, CreateAgency, UpdateAgency);

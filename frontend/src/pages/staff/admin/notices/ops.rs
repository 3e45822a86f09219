crate::operations!("src/pages/staff/admin/notices/ops.graphql" => NoticeSetUp, AddDutyContact, RemoveDutyContact, AddEndpoint, RemoveEndpoint);

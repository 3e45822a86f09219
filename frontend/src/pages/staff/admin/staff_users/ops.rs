crate::operations!("src/pages/staff/admin/staff_users/ops.graphql" => StaffList, InviteStaff, DeactivateStaff, IssuePasswordLink);

crate::operations!("src/pages/staff/api/ops.graphql" => Whoami, Refresh, SignOut);

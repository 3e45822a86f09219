crate::operations!("src/pages/staff/advocate/live/ops.graphql" => OpenUrgentHelp, UrgentHelpRaised);

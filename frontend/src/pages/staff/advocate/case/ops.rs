crate::operations!("src/pages/staff/advocate/case/ops.graphql" => Case, AddAdvocateNote, AcknowledgeUrgentHelp, ShareCaseViews, CloseCase, RecordStatementHanded);

crate::operations!("src/pages/staff/admin/children/ops.graphql" => FindChildren, ChildRecord, PlaceHold, LiftHold, RequestErasure, ConfirmErasure, CancelErasure);

crate::operations!("src/pages/staff/social_worker/refer/ops.graphql" => ReferralFormOpen, ReferralFormChecked, AssessReferral, CreateReferral);

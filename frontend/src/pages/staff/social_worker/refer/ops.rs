crate::operations!("src/pages/staff/social_worker/refer/ops.graphql" => ReferralChoices, AssessReferral, CreateReferral);

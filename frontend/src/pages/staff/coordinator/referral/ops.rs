crate::operations!("src/pages/staff/coordinator/referral/ops.graphql" => ReferralOne, ReferralToDecide, Accept, Decline, Allocate);

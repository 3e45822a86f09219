//! The advocacy coordinator's pages: the referral inbox (the first page) and one referral, to
//! accept, decline with a reason, or allocate an advocate (the one who knows the child first).
pub mod inbox;
pub mod referral;

//! The social worker's pages: my children and their meetings (the first page), "Request an
//! advocate" with its completeness meter, the sent referral, and the views children shared; a
//! child's record, a new meeting, and moving or cancelling one, entered by hand.
pub mod by_hand;
pub mod change_meeting;
pub mod child_record;
pub mod children;
pub mod new_meeting;
pub mod refer;
pub mod shared;

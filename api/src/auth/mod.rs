//! Who is asking: staff passwords, children's access codes and PINs.
mod child_code;
mod password;

pub use child_code::{AccessCode, AccessCodeError, Pin, PinError};
pub use password::{PasswordError, hash_secret, verify_secret};

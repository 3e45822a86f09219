//! argon2id for staff passwords and children's PINs: slow on purpose, salted, PHC strings in the database.
use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};

#[derive(Debug, thiserror::Error)]
#[error("could not hash a secret: {0}")]
pub struct PasswordError(String);

pub fn hash_secret(secret: &str) -> Result<String, PasswordError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| PasswordError(e.to_string()))
}

/// A hash of nothing anyone knows, with the same parameters as every stored one: checking a secret
/// against it costs what a real check costs. Made once, at start (`prepare`).
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let unguessable = super::secrets::random_token(32);
    hash_secret(&unguessable).unwrap_or_default()
});

/// Make the dummy hash now, so the first unknown sign-in is not slower than the others.
pub fn prepare() {
    LazyLock::force(&DUMMY_HASH);
}

/// False for a wrong secret and for a stored hash that cannot be read: either way, no entry.
pub fn verify_secret(secret: &str, stored_hash: &str) -> bool {
    verify_or_spend(secret, Some(stored_hash))
}

/// Check `secret` against `stored_hash`; without one (an unknown account or code), or with one that
/// cannot be read, check it against the dummy hash and say no. Either way the same argon2 work is
/// done, so the time taken does not tell whether an account or code exists.
pub fn verify_or_spend(secret: &str, stored_hash: Option<&str>) -> bool {
    let argon2 = Argon2::default();
    match stored_hash.and_then(|h| PasswordHash::new(h).ok()) {
        Some(parsed) => argon2.verify_password(secret.as_bytes(), &parsed).is_ok(),
        None => {
            if let Ok(dummy) = PasswordHash::new(&DUMMY_HASH) {
                let _ = argon2.verify_password(secret.as_bytes(), &dummy);
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_secret_verifies_and_a_wrong_one_does_not() {
        let hash = hash_secret("demo-password").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_secret("demo-password", &hash));
        assert!(!verify_secret("demo-passwore", &hash));
        assert!(!verify_secret("demo-password", "not a hash"));
    }

    #[test]
    fn without_a_stored_hash_nothing_verifies() {
        assert!(!verify_or_spend("demo-password", None));
        assert!(DUMMY_HASH.starts_with("$argon2id$"));
    }
}

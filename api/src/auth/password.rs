//! argon2id for staff passwords and children's PINs: slow on purpose, salted, PHC strings in the database.
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

/// False for a wrong secret and for a stored hash that cannot be read: either way, no entry.
pub fn verify_secret(secret: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(secret.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
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
}

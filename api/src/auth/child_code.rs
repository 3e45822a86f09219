//! The access code and PIN an advocate gives a child. Codes are looked up by digest; PINs are argon2id hashed.
use super::secrets::{digest, random_from};

/// An access code such as `DEMO-0001` or `K7QF-2MXP`. Case, spaces and dashes are forgiven when typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessCode(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AccessCodeError {
    #[error("an access code has 8 letters or numbers, like ABCD-1234")]
    Malformed,
}

impl AccessCode {
    pub fn parse(raw: &str) -> Result<Self, AccessCodeError> {
        let normalised: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if normalised.len() == 8 && normalised.chars().all(|c| c.is_ascii_alphanumeric()) {
            Ok(Self(normalised))
        } else {
            Err(AccessCodeError::Malformed)
        }
    }

    /// A fresh code from letters and digits that cannot be confused (no 0/O, 1/I).
    pub fn generate() -> Self {
        Self(random_from(b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8))
    }

    /// Hex SHA-256 of the normalised code: what the database keeps and looks up.
    pub fn digest(&self) -> String {
        digest(&self.0)
    }

    /// As printed for the child: two groups of four.
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..4], &self.0[4..])
    }
}

/// A 4 to 6 digit PIN.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PinError {
    #[error("a PIN is 4 to 6 numbers")]
    Malformed,
}

impl Pin {
    pub fn parse(raw: &str) -> Result<Self, PinError> {
        let raw = raw.trim();
        if (4..=6).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_digit()) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(PinError::Malformed)
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A fresh 4-digit PIN: easy for a young child to remember, safe with the 5-try lockout.
    pub fn generate() -> Self {
        Self(random_from(b"0123456789", 4))
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_forgiving_about_case_spaces_and_dashes() {
        let a = AccessCode::parse("demo-0001").unwrap();
        let b = AccessCode::parse(" DEMO 0001 ").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.digest(), b.digest());
        assert_eq!(a.display(), "DEMO-0001");
    }

    #[test]
    fn malformed_codes_and_pins_are_refused() {
        for raw in ["", "DEMO-001", "DEMO-00011", "DÉMO-0001", "DEMO_0001"] {
            assert_eq!(
                AccessCode::parse(raw),
                Err(AccessCodeError::Malformed),
                "{raw}"
            );
        }
        for raw in ["", "123", "1234567", "12a4"] {
            assert_eq!(Pin::parse(raw), Err(PinError::Malformed), "{raw}");
        }
        assert!(Pin::parse("2468").is_ok());
    }

    #[test]
    fn different_codes_have_different_digests() {
        assert_ne!(
            AccessCode::parse("DEMO-0001").unwrap().digest(),
            AccessCode::parse("DEMO-0002").unwrap().digest()
        );
    }
}

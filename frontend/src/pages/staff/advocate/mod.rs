//! The advocate's pages beyond the caseload: one case (referral, the child's views exactly as
//! written, versions, notes, urgent help, sharing, the sign-in code) and the child's printable
//! sign-in slip. Live urgent-help alerts come over graphql-ws when JavaScript is on.
pub mod case;
pub mod live;
pub mod slip;

/// A case ID as the API gives it (base64url), safe to put in an address; anything else is refused.
pub fn case_href(case_id: &str) -> Option<String> {
    let ok = !case_id.is_empty()
        && case_id.len() <= 100
        && case_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| format!("/staff/cases/{case_id}"))
}

#[cfg(test)]
mod tests {
    use super::case_href;

    #[test]
    fn only_opaque_ids_make_an_address() {
        assert_eq!(
            case_href("QWR2b2NhY3lDYXNlOjE").as_deref(),
            Some("/staff/cases/QWR2b2NhY3lDYXNlOjE")
        );
        assert_eq!(case_href(""), None);
        assert_eq!(case_href("../../admin"), None);
        assert_eq!(case_href("a?b=c"), None);
    }
}

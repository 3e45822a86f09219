//! Free text from users, checked once at the edge: trimmed, required when it must be, bounded,
//! and free of control characters (line breaks and tabs are fine).
use crate::error::{ApiError, ApiResult};

/// Short labels: names, places, e-mail addresses.
pub const SHORT: usize = 200;
/// Paragraphs: reasons, notes, one item of a child's views.
pub const LONG: usize = 2_000;
/// The longest free text we keep (meeting records, "anything else I want to say").
pub const VERY_LONG: usize = 10_000;

/// Required text of at most `max` characters.
pub fn required(field: &'static str, raw: &str, max: usize) -> ApiResult<String> {
    optional(field, Some(raw), max)?
        .ok_or_else(|| ApiError::bad_input(field, format!("{field} is required.")))
}

/// Optional text: absent or blank is `None`.
pub fn optional(field: &'static str, raw: Option<&str>, max: usize) -> ApiResult<Option<String>> {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > max {
        return Err(ApiError::bad_input(
            field,
            format!("{field} is too long: at most {max} characters."),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(ApiError::bad_input(
            field,
            format!("{field} contains characters we cannot store."),
        ));
    }
    Ok(Some(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_bounded_and_clean() {
        assert_eq!(required("reason", "  worried  ", 20).unwrap(), "worried");
        assert!(required("reason", "   ", 20).is_err());
        assert!(required("reason", &"x".repeat(21), 20).is_err());
        assert!(required("reason", "bad\u{0}byte", 20).is_err());
        assert_eq!(
            required("reason", "line one\nline two", 20).unwrap(),
            "line one\nline two"
        );
        assert_eq!(optional("reason", Some(" "), 20).unwrap(), None);
    }
}

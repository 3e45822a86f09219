//! Dates and times as people here read them, in UK time.
use chrono::{DateTime, Utc};

/// "Tuesday 1 December at 10:00": how the child's pages and staff lists say when something is.
pub fn in_words(at: &DateTime<Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::London)
        .format("%A %-d %B at %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        rfc3339.parse().expect("a time")
    }

    #[test]
    fn times_are_told_in_uk_time() {
        assert_eq!(
            in_words(&at("2026-07-01T09:30:00Z")),
            "Wednesday 1 July at 10:30"
        );
        assert_eq!(
            in_words(&at("2026-12-01T10:00:00Z")),
            "Tuesday 1 December at 10:00"
        );
    }
}

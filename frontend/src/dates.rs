//! Dates and times as people here read them, in UK time.
use chrono::{DateTime, Utc};

/// "Tuesday 1 December at 10:00": how the child's pages and staff lists say when something is.
pub fn in_words(at: &DateTime<Utc>) -> String {
    uk(at, "%A %-d %B at %H:%M")
}

/// How a child's page says a day: "Tuesday 1 December".
pub const CHILD_DAY: &str = "%A %-d %B";

/// The day of a moment, in UK time, as a child's page says it.
pub fn child_day(at: &DateTime<Utc>) -> String {
    uk(at, CHILD_DAY)
}

/// "Tue 1 Dec 2026, 10:00": meetings and what was sent, on the ISRO's and agencies' pages.
pub fn staff_time(at: &DateTime<Utc>) -> String {
    uk(at, "%a %-d %b %Y, %H:%M")
}

/// "23 Nov 2026, 18:44": a log's time, on the admin's pages.
pub fn log_time(at: &DateTime<Utc>) -> String {
    uk(at, "%-d %b %Y, %H:%M")
}

/// "7 December 2026": a day, on a printed slip.
pub fn day(at: &DateTime<Utc>) -> String {
    uk(at, "%-d %B %Y")
}

fn uk(at: &DateTime<Utc>, format: &str) -> String {
    at.with_timezone(&chrono_tz::Europe::London)
        .format(format)
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

    #[test]
    fn staff_times_are_in_uk_time() {
        assert_eq!(
            staff_time(&at("2026-07-01T09:30:00Z")),
            "Wed 1 Jul 2026, 10:30"
        );
        assert_eq!(
            staff_time(&at("2026-12-01T10:00:00+00:00")),
            "Tue 1 Dec 2026, 10:00"
        );
        assert_eq!(log_time(&at("2026-11-23T18:44:00Z")), "23 Nov 2026, 18:44");
        assert_eq!(day(&at("2026-12-07T23:30:00Z")), "7 December 2026");
    }
}

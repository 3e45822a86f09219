//! Dates and times as people here read them, in UK time. Staff pages say them in English; the
//! child's pages in the child's language (`child_when`, `child_day`), from the catalogues.
use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::text::Lang;

/// "Tuesday 1 December at 10:00": how the child's pages and staff lists say when something is.
pub fn in_words(at: &DateTime<Utc>) -> String {
    uk(at, "%A %-d %B at %H:%M")
}

/// When something is, on a child's page, in the page's language: "Tuesday 1 December at 10:00",
/// "Dydd Mawrth 1 Rhagfyr am 10:00", "wtorek, 1 grudnia, godz. 10:00".
pub fn child_when(at: &DateTime<Utc>) -> String {
    when_in(crate::text::current(), at)
}

pub fn when_in(lang: Lang, at: &DateTime<Utc>) -> String {
    let local = at.with_timezone(&chrono_tz::Europe::London);
    let time = local.format("%H:%M").to_string();
    words_for(lang, local.date_naive(), Some(time))
}

/// The day of a moment, in UK time, as a child's page says it: "Tuesday 1 December".
pub fn child_day(at: &DateTime<Utc>) -> String {
    let local = at.with_timezone(&chrono_tz::Europe::London);
    words_for(crate::text::current(), local.date_naive(), None)
}

/// A calendar day as a child's page says it, in the page's language.
pub fn child_date(day: NaiveDate) -> String {
    words_for(crate::text::current(), day, None)
}

pub fn day_in(lang: Lang, day: NaiveDate) -> String {
    words_for(lang, day, None)
}

/// Day and month names, and the order of the parts, come from the catalogue (`date_day`,
/// `date_when`), so each language says a date its own way (Polish months in the genitive).
fn words_for(lang: Lang, day: NaiveDate, time: Option<String>) -> String {
    use crate::text::{Arg, say};
    let weekday = say(
        lang,
        &format!("weekday_{}", day.weekday().number_from_monday()),
        &[],
    );
    let month = say(lang, &format!("month_{}", day.month()), &[]);
    let mut args = vec![
        ("weekday", Arg::from(weekday)),
        ("day", Arg::from(i64::from(day.day()))),
        ("month", Arg::from(month)),
    ];
    match time {
        Some(time) => {
            args.push(("time", Arg::from(time)));
            say(lang, "date_when", &args)
        }
        None => say(lang, "date_day", &args),
    }
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
    fn a_child_reads_the_time_in_their_language() {
        let at = at("2026-12-01T10:00:00Z");
        assert_eq!(when_in(Lang::En, &at), "Tuesday 1 December at 10:00");
        assert_eq!(when_in(Lang::Cy, &at), "Dydd Mawrth 1 Rhagfyr am 10:00");
        assert_eq!(when_in(Lang::Pl, &at), "wtorek, 1 grudnia, godz. 10:00");
        assert!(when_in(Lang::Ar, &at).contains("الثلاثاء"));
        assert!(when_in(Lang::Ar, &at).contains("ديسمبر"));
        let day = NaiveDate::from_ymd_opt(2026, 7, 1).expect("a day");
        assert_eq!(day_in(Lang::Cy, day), "Dydd Mercher 1 Gorffennaf");
        assert_eq!(day_in(Lang::Pl, day), "środa, 1 lipca");
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

//! Lead time: how many working days an advocate has between receiving a referral and the meeting.
//! Route1 asks for referrals "in good time" so the child can attend if they want to; the audit found
//! advocacy requested too late. Pure functions over dates, so the rule is tested without a database.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

/// Fewer working days than this and the child can rarely attend: the advocate needs time to be
/// allocated, meet the child (often after school), record their views and send them before the
/// meeting. A working week is the least Route1 can usually do this in.
pub const MIN_WORKING_DAYS_FOR_CHILD_TO_ATTEND: i64 = 5;

/// A meeting this many working days away or fewer is flagged on the advocate's caseload.
pub const MEETING_SOON_WORKING_DAYS: i64 = 3;

/// England and Wales bank holidays (gov.uk), including substitute days. Dates outside this table
/// count as ordinary days; extend it each year.
const BANK_HOLIDAYS: &[(i32, u32, u32)] = &[
    (2026, 1, 1),
    (2026, 4, 3),
    (2026, 4, 6),
    (2026, 5, 4),
    (2026, 5, 25),
    (2026, 8, 31),
    (2026, 12, 25),
    (2026, 12, 28),
    (2027, 1, 1),
    (2027, 3, 26),
    (2027, 3, 29),
    (2027, 5, 3),
    (2027, 5, 31),
    (2027, 8, 30),
    (2027, 12, 27),
    (2027, 12, 28),
];

fn bank_holidays() -> impl Iterator<Item = NaiveDate> {
    BANK_HOLIDAYS
        .iter()
        .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn is_weekday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Monday to Friday and not a bank holiday.
pub fn is_working_day(day: NaiveDate) -> bool {
    is_weekday(day) && !bank_holidays().any(|h| h == day)
}

/// Working days after `from`, up to and including `to` ("the meeting is N working days away");
/// 0 when `to` is not after `from`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let days = (to - from).num_days();
    if days <= 0 {
        return 0;
    }
    // Whole weeks hold five weekdays each; only the few days left over are looked at one by one.
    let weeks = days / 7;
    let tail_start = from + Duration::days(weeks * 7);
    let tail = (1..=days % 7)
        .filter(|&i| is_weekday(tail_start + Duration::days(i)))
        .count() as i64;
    let holidays = bank_holidays()
        .filter(|&h| h > from && h <= to && is_weekday(h))
        .count() as i64;
    weeks * 5 + tail - holidays
}

/// The lead time of a referral received at `received_at` for a meeting at `meeting_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadTime {
    pub working_days: i64,
    pub too_short_for_child_to_attend: bool,
}

impl LeadTime {
    pub fn between(received_at: DateTime<Utc>, meeting_at: DateTime<Utc>) -> Self {
        let working_days = working_days_between(received_at.date_naive(), meeting_at.date_naive());
        Self {
            working_days,
            too_short_for_child_to_attend: working_days < MIN_WORKING_DAYS_FOR_CHILD_TO_ATTEND,
        }
    }

    /// What staff are told when the lead time is too short; `None` when it is long enough.
    pub fn warning(&self) -> Option<String> {
        self.too_short_for_child_to_attend.then(|| {
            let days = match self.working_days {
                1 => "1 working day".to_owned(),
                n => format!("{n} working days"),
            };
            format!(
                "Only {days} before the meeting: the advocate may not be able to meet the child in \
                 time for them to attend. Referrals need at least \
                 {MIN_WORKING_DAYS_FOR_CHILD_TO_ATTEND} working days."
            )
        })
    }
}

/// Whether a meeting at `meeting_at` is at most `MEETING_SOON_WORKING_DAYS` working days after `now`.
pub fn meeting_soon(now: DateTime<Utc>, meeting_at: DateTime<Utc>) -> bool {
    meeting_at >= now
        && working_days_between(now.date_naive(), meeting_at.date_naive())
            <= MEETING_SOON_WORKING_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
    }

    #[test]
    fn weekends_do_not_count() {
        // Mon 2 Nov 2026 → Mon 9 Nov 2026: Tue, Wed, Thu, Fri, Mon.
        assert_eq!(working_days_between(day(2026, 11, 2), day(2026, 11, 9)), 5);
        // Fri → Mon is one working day away.
        assert_eq!(working_days_between(day(2026, 11, 6), day(2026, 11, 9)), 1);
        // Same day, or the meeting before the referral: none.
        assert_eq!(working_days_between(day(2026, 11, 9), day(2026, 11, 9)), 0);
        assert_eq!(working_days_between(day(2026, 11, 9), day(2026, 11, 2)), 0);
        // Sat → Sun: none.
        assert_eq!(working_days_between(day(2026, 11, 7), day(2026, 11, 8)), 0);
    }

    #[test]
    fn long_spans_match_counting_day_by_day() {
        let from = day(2026, 1, 1);
        for n in 0..800 {
            let to = from + Duration::days(n);
            let slow = (1..=n)
                .filter(|&i| is_working_day(from + Duration::days(i)))
                .count() as i64;
            assert_eq!(working_days_between(from, to), slow, "to {to}");
        }
    }

    #[test]
    fn bank_holidays_do_not_count() {
        // Easter 2026: Good Friday 3 April and Easter Monday 6 April.
        assert_eq!(working_days_between(day(2026, 4, 2), day(2026, 4, 7)), 1);
        // Christmas 2027: 27 and 28 December are the substitute days.
        assert_eq!(
            working_days_between(day(2027, 12, 24), day(2027, 12, 29)),
            1
        );
        assert!(!is_working_day(day(2026, 12, 28)));
        assert!(is_working_day(day(2026, 12, 29)));
    }

    #[test]
    fn every_listed_bank_holiday_is_a_real_date_on_a_weekday() {
        assert_eq!(bank_holidays().count(), BANK_HOLIDAYS.len());
        assert!(bank_holidays().all(is_weekday));
    }

    #[test]
    fn under_five_working_days_is_too_short_for_the_child_to_attend() {
        let short = LeadTime::between(at(2026, 11, 2), at(2026, 11, 6));
        assert_eq!(short.working_days, 4);
        assert!(short.too_short_for_child_to_attend);
        assert!(short.warning().unwrap().contains("Only 4 working days"));
        let enough = LeadTime::between(at(2026, 11, 2), at(2026, 11, 9));
        assert_eq!(enough.working_days, 5);
        assert!(!enough.too_short_for_child_to_attend);
        assert_eq!(enough.warning(), None);
    }

    #[test]
    fn a_meeting_within_three_working_days_is_soon() {
        let now = at(2026, 11, 6); // a Friday
        assert!(meeting_soon(now, at(2026, 11, 11))); // Wednesday: 3 working days
        assert!(!meeting_soon(now, at(2026, 11, 12))); // Thursday: 4
        assert!(!meeting_soon(now, at(2026, 11, 5)), "already held");
    }
}

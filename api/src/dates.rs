//! Days and moments from users, checked once at the edge. GraphQL's date scalars take any day chrono
//! can hold (years -262143 to +262142): the day after the last one overflowed and panicked, and far
//! years sort and store differently on SQLite and PostgreSQL. myvoice's dates are meetings, births
//! and the audit trail, so anything outside 1900 to 2999 is a mistake.
use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{ApiError, ApiResult};

/// The first day a user may name.
pub const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a real day");
/// The last day a user may name.
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(2999, 12, 31).expect("a real day");

/// A day between `FIRST_DAY` and `LAST_DAY`, both included.
pub fn day(field: &'static str, day: NaiveDate) -> ApiResult<NaiveDate> {
    if (FIRST_DAY..=LAST_DAY).contains(&day) {
        Ok(day)
    } else {
        Err(out_of_range(field))
    }
}

/// A moment on a day between `FIRST_DAY` and `LAST_DAY` (in UTC).
pub fn moment(field: &'static str, moment: DateTime<Utc>) -> ApiResult<DateTime<Utc>> {
    day(field, moment.date_naive()).map(|_| moment)
}

/// The day it is now in the UK, where every authority using myvoice is.
pub fn uk_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&chrono_tz::Europe::London).date_naive()
}

fn out_of_range(field: &'static str) -> ApiError {
    ApiError::bad_input(
        field,
        format!("{field} must be between {FIRST_DAY} and {LAST_DAY}."),
    )
}

#[cfg(test)]
mod tests {
    use async_graphql::{ScalarType, Value};
    use chrono::{Datelike, Duration, TimeZone};
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn days_outside_the_years_we_keep_are_bad_input() {
        assert!(day("to", NaiveDate::MAX).is_err());
        assert!(day("to", NaiveDate::MIN).is_err());
        assert!(day("to", FIRST_DAY).is_ok() && day("to", LAST_DAY).is_ok());
        assert!(day("to", FIRST_DAY - Duration::days(1)).is_err());
        assert!(day("to", LAST_DAY + Duration::days(1)).is_err());
        assert!(moment("from", DateTime::<Utc>::MAX_UTC).is_err());
        assert!(moment("from", Utc.with_ymd_and_hms(2026, 12, 6, 10, 0, 0).unwrap()).is_ok());
    }

    fn any_day() -> impl Strategy<Value = NaiveDate> {
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("in chrono's range"))
    }

    proptest! {
        #[test]
        fn any_accepted_day_has_a_next_day_and_round_trips_as_text(d in any_day()) {
            if let Ok(d) = day("from", d) {
                prop_assert!(d.succ_opt().is_some() && d.pred_opt().is_some());
                prop_assert_eq!(d.to_string().parse::<NaiveDate>().ok(), Some(d));
                prop_assert_eq!(d.to_string().len(), 10);
            } else {
                prop_assert!(!(FIRST_DAY..=LAST_DAY).contains(&d));
            }
        }

        /// Whatever text arrives in GraphQL's date scalars: a day we keep, or bad input.
        #[test]
        fn any_text_as_a_date_is_a_day_we_keep_or_refused(text in "[-+]?[0-9]{1,7}-[0-9]{1,2}-[0-9]{1,2}|\\PC*") {
            let parsed = <NaiveDate as ScalarType>::parse(Value::String(text.clone()));
            if let Ok(d) = parsed.map_err(|_| ()).and_then(|d| day("to", d).map_err(|_| ())) {
                prop_assert!(d.succ_opt().is_some());
                prop_assert_eq!(<NaiveDate as ScalarType>::to_value(&d), Value::String(d.to_string()));
            }
            let parsed = <DateTime<Utc> as ScalarType>::parse(Value::String(text));
            if let Ok(m) = parsed.map_err(|_| ()).and_then(|m| moment("to", m).map_err(|_| ())) {
                let back = <DateTime<Utc> as ScalarType>::to_value(&m);
                prop_assert_eq!(<DateTime<Utc> as ScalarType>::parse(back).ok(), Some(m));
            }
        }

        #[test]
        fn any_moment_is_accepted_exactly_when_its_day_is(secs in proptest::num::i64::ANY) {
            if let Some(m) = DateTime::<Utc>::from_timestamp(secs, 0) {
                prop_assert_eq!(moment("to", m).is_ok(), day("to", m.date_naive()).is_ok());
            }
        }
    }
}

//! The Route1 referral rules that need no database: age, parental agreement, the starting status.
use chrono::NaiveDate;
use entity::enums::{ParentalAgreement, ReferralStatus};

use crate::error::{ApiError, ApiResult};

/// Any child aged 4 or over involved with children's social care may have an advocate.
pub const MIN_AGE: u32 = 4;

/// Age in whole years on `day`.
pub fn age_on(date_of_birth: NaiveDate, day: NaiveDate) -> u32 {
    day.years_since(date_of_birth).unwrap_or(0)
}

/// Fails when the child is under `MIN_AGE` on the day of the meeting.
pub fn check_age(date_of_birth: NaiveDate, meeting_day: NaiveDate) -> ApiResult<()> {
    if age_on(date_of_birth, meeting_day) >= MIN_AGE {
        return Ok(());
    }
    Err(ApiError::bad_input(
        "childId",
        format!(
            "The child must be aged {MIN_AGE} or over on the day of the meeting ({}).",
            meeting_day.format("%-d %B %Y")
        ),
    ))
}

/// Where a new referral starts: received when parental agreement is settled (given, or not needed for
/// a looked-after child), otherwise waiting for it. "Not needed" is only true of a looked-after child.
pub fn initial_status(
    agreement: ParentalAgreement,
    looked_after: bool,
) -> ApiResult<ReferralStatus> {
    match agreement {
        ParentalAgreement::NotRequiredLookedAfter if !looked_after => Err(ApiError::bad_input(
            "parentalAgreement",
            "Parental agreement is only not required when the child is looked after by the \
             local authority. Ask the parents or carers, or choose PENDING.",
        )),
        ParentalAgreement::Given | ParentalAgreement::NotRequiredLookedAfter => {
            Ok(ReferralStatus::Received)
        }
        // Agreement is not needed for a looked-after child, whatever the parents said.
        ParentalAgreement::Pending | ParentalAgreement::Refused if looked_after => {
            Ok(ReferralStatus::Received)
        }
        ParentalAgreement::Pending | ParentalAgreement::Refused => {
            Ok(ReferralStatus::PendingConsent)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn four_on_the_day_of_the_meeting_is_old_enough() {
        let born = day(2022, 12, 10);
        assert!(check_age(born, day(2026, 12, 10)).is_ok());
        let err = check_age(born, day(2026, 12, 9)).unwrap_err();
        assert!(
            matches!(err, ApiError::BadUserInput { field: Some("childId"), ref message } if message.contains("9 December 2026"))
        );
        assert_eq!(age_on(born, day(2020, 1, 1)), 0);
    }

    #[test]
    fn agreement_decides_where_a_referral_starts() {
        use ParentalAgreement::*;
        assert_eq!(
            initial_status(Given, false).unwrap(),
            ReferralStatus::Received
        );
        assert_eq!(
            initial_status(Pending, false).unwrap(),
            ReferralStatus::PendingConsent
        );
        assert_eq!(
            initial_status(Refused, false).unwrap(),
            ReferralStatus::PendingConsent
        );
        assert_eq!(
            initial_status(NotRequiredLookedAfter, true).unwrap(),
            ReferralStatus::Received
        );
        assert_eq!(
            initial_status(Pending, true).unwrap(),
            ReferralStatus::Received
        );
        assert!(matches!(
            initial_status(NotRequiredLookedAfter, false),
            Err(ApiError::BadUserInput {
                field: Some("parentalAgreement"),
                ..
            })
        ));
    }
}

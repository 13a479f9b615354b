//! What a clerk sees of a licence's standing: the stored status, with
//! "expiring" and "expired" worked out from the dates.

use super::LicenceStatus;
use chrono::{Days, NaiveDate};

/// How many days before expiry a licence counts as expiring.
pub const EXPIRING_WITHIN_DAYS: u64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Valid,
    Expiring,
    Expired,
    Suspended,
    Revoked,
    Cancelled,
}

pub fn standing(
    status: LicenceStatus,
    expires_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Standing {
    match status {
        LicenceStatus::Suspended => Standing::Suspended,
        LicenceStatus::Revoked => Standing::Revoked,
        LicenceStatus::Cancelled => Standing::Cancelled,
        LicenceStatus::Valid => match expires_on {
            Some(e) if e < today => Standing::Expired,
            Some(e) if e <= today + Days::new(EXPIRING_WITHIN_DAYS) => Standing::Expiring,
            _ => Standing::Valid,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn a_valid_licence_expires_by_its_date() {
        let today = d(11, 27);
        assert_eq!(
            standing(LicenceStatus::Valid, Some(d(11, 26)), today),
            Standing::Expired
        );
        assert_eq!(
            standing(LicenceStatus::Valid, Some(d(11, 27)), today),
            Standing::Expiring
        );
        assert_eq!(
            standing(LicenceStatus::Valid, Some(d(12, 27)), today),
            Standing::Expiring
        );
        assert_eq!(
            standing(LicenceStatus::Valid, Some(d(12, 28)), today),
            Standing::Valid
        );
        assert_eq!(standing(LicenceStatus::Valid, None, today), Standing::Valid);
    }

    #[test]
    fn a_revoked_or_suspended_licence_stays_so_whatever_its_date() {
        let today = d(11, 27);
        assert_eq!(
            standing(LicenceStatus::Revoked, Some(d(12, 28)), today),
            Standing::Revoked
        );
        assert_eq!(
            standing(LicenceStatus::Suspended, Some(d(1, 1)), today),
            Standing::Suspended
        );
    }
}

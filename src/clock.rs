//! The one place the program learns what day and time it is.
//!
//! An office database runs on the server's clock and nothing a user sets
//! changes it. A demo database may be pinned to a day (`HRSS_TODAY`), for a
//! rehearsal or a test that must read the same on any day: its date is then
//! that day, whatever the wall clock says, and its time of day the wall
//! clock's, so leases and refreshes still move.

use crate::domain::calendar::{office_date, office_offset};
use chrono::{DateTime, NaiveDate, Utc};

/// The variable that pins a demo database's day.
pub const TODAY_VAR: &str = "HRSS_TODAY";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    /// The server's clock.
    #[default]
    System,
    /// A demo's rehearsal day: every "today" is this date.
    Pinned(NaiveDate),
}

impl Clock {
    /// The office's date now (Beijing time).
    pub fn today(&self) -> NaiveDate {
        match self {
            Clock::System => office_date(Utc::now()),
            Clock::Pinned(day) => *day,
        }
    }

    /// The instant now: on a pinned clock, the pinned day at the wall clock's
    /// office time of day.
    pub fn now(&self) -> DateTime<Utc> {
        let wall = Utc::now();
        match self {
            Clock::System => wall,
            Clock::Pinned(day) => pinned_instant(*day, wall),
        }
    }

    pub fn is_pinned(&self) -> bool {
        matches!(self, Clock::Pinned(_))
    }
}

/// `wall`'s office time of day on `day`.
fn pinned_instant(day: NaiveDate, wall: DateTime<Utc>) -> DateTime<Utc> {
    let local = wall.with_timezone(&office_offset());
    day.and_time(local.time())
        .and_local_timezone(office_offset())
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(wall)
}

/// Reads a pinned day as the variable gives it: None when unset or empty,
/// Err with the text when it is not a date.
pub fn parse_pin(value: Option<&str>) -> Result<Option<NaiveDate>, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| v.chars().take(40).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_pinned_clock_keeps_its_day_whatever_the_time_of_day() {
        // 23:50 and 00:10 Beijing time (15:50 and 16:10 UTC).
        for wall in ["2026-12-31T15:50:00Z", "2026-12-31T16:10:00Z"] {
            let wall: DateTime<Utc> = wall.parse().unwrap();
            let at = pinned_instant(d(2026, 11, 27), wall);
            assert_eq!(office_date(at), d(2026, 11, 27));
            assert_eq!(
                at.with_timezone(&office_offset()).time(),
                wall.with_timezone(&office_offset()).time()
            );
        }
        assert_eq!(Clock::Pinned(d(2026, 11, 27)).today(), d(2026, 11, 27));
        assert_eq!(
            office_date(Clock::Pinned(d(2027, 2, 9)).now()),
            d(2027, 2, 9)
        );
    }

    #[test]
    fn the_system_clock_is_the_wall_clocks_office_date() {
        // This test is of the clock itself, so it reads the wall clock.
        let before = office_date(Utc::now());
        let today = Clock::System.today();
        let after = office_date(Utc::now());
        assert!(before <= today && today <= after);
        assert!(!Clock::System.is_pinned());
    }

    #[test]
    fn a_pin_is_a_date_or_nothing() {
        assert_eq!(parse_pin(None), Ok(None));
        assert_eq!(parse_pin(Some(" ")), Ok(None));
        assert_eq!(parse_pin(Some("2027-02-09")), Ok(Some(d(2027, 2, 9))));
        assert_eq!(parse_pin(Some("2027-02-30")), Err("2027-02-30".into()));
        assert_eq!(parse_pin(Some("tomorrow")), Err("tomorrow".into()));
    }
}

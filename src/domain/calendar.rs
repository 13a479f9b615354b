//! The working-day calendar (工作日): weekends, public holidays and the
//! make-up working days (调休) of the State Council's yearly notice.
//!
//! The tables are data (`data/calendar.toml`, loaded into the database), never
//! code. A year without a published table counts weekends only and every
//! deadline that touches it is marked provisional.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One year's notice as shipped in the data file and stored in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarYear {
    pub year: i32,
    /// False until the State Council's notice for the year is loaded.
    pub published: bool,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub holidays: Vec<HolidaySpan>,
    /// Weekend days that are working days (调休).
    #[serde(default)]
    pub workdays: Vec<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidaySpan {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The data file's shape: `[[year]]` tables.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CalendarFile {
    pub year: Vec<CalendarYear>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// The file is not valid TOML of the expected shape.
    Parse(String),
    /// A date lies outside the year it is listed under.
    OutsideYear { year: i32, date: NaiveDate },
    /// A span ends before it starts.
    BackwardSpan { name: String },
    /// A published year must list at least one holiday.
    EmptyPublishedYear(i32),
    /// A day listed twice: in two holiday spans, or as holiday and make-up day.
    Twice(NaiveDate),
    /// A make-up working day that is not a Saturday or Sunday.
    WeekdayMakeUp(NaiveDate),
    /// A year listed twice in one file.
    YearTwice(i32),
    /// A year outside 1949–2200.
    YearOutOfRange(i32),
}

impl CalendarFile {
    /// Parses and checks a calendar data file.
    pub fn parse(text: &str) -> Result<Self, CalendarError> {
        let file: CalendarFile =
            toml::from_str(text).map_err(|e| CalendarError::Parse(e.message().to_string()))?;
        let mut years = BTreeSet::new();
        for y in &file.year {
            if !years.insert(y.year) {
                return Err(CalendarError::YearTwice(y.year));
            }
            y.check()?;
        }
        Ok(file)
    }
}

impl CalendarYear {
    pub fn check(&self) -> Result<(), CalendarError> {
        if !(1949..=2200).contains(&self.year) {
            return Err(CalendarError::YearOutOfRange(self.year));
        }
        if self.published && self.holidays.is_empty() {
            return Err(CalendarError::EmptyPublishedYear(self.year));
        }
        for span in &self.holidays {
            if span.to < span.from {
                return Err(CalendarError::BackwardSpan {
                    name: span.name.clone(),
                });
            }
            for d in [span.from, span.to] {
                if d.year() != self.year {
                    return Err(CalendarError::OutsideYear {
                        year: self.year,
                        date: d,
                    });
                }
            }
        }
        let mut seen = BTreeSet::new();
        for (d, _) in self.holiday_dates() {
            if !seen.insert(d) {
                return Err(CalendarError::Twice(d));
            }
        }
        for &d in &self.workdays {
            if d.year() != self.year {
                return Err(CalendarError::OutsideYear {
                    year: self.year,
                    date: d,
                });
            }
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(CalendarError::WeekdayMakeUp(d));
            }
            if !seen.insert(d) {
                return Err(CalendarError::Twice(d));
            }
        }
        Ok(())
    }

    /// Every holiday date of the year, with its name.
    pub fn holiday_dates(&self) -> impl Iterator<Item = (NaiveDate, &str)> {
        self.holidays.iter().flat_map(|s| {
            s.from
                .iter_days()
                .take_while(move |d| *d <= s.to)
                .map(move |d| (d, s.name.as_str()))
        })
    }
}

/// A computed date and whether it rests on a year with no published table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub date: NaiveDate,
    pub provisional: bool,
}

#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    /// Holiday dates with the holiday's name, so an explanation can say "春节".
    holidays: BTreeMap<NaiveDate, String>,
    workdays: BTreeSet<NaiveDate>,
    published: BTreeMap<i32, bool>,
}

impl WorkCalendar {
    pub fn from_years<'a>(years: impl IntoIterator<Item = &'a CalendarYear>) -> Self {
        let mut cal = WorkCalendar::default();
        for y in years {
            cal.published.insert(y.year, y.published);
            // An unpublished year counts weekends only, whatever it lists.
            if y.published {
                cal.holidays
                    .extend(y.holiday_dates().map(|(d, name)| (d, name.to_string())));
                cal.workdays.extend(y.workdays.iter().copied());
            }
        }
        cal
    }

    pub fn is_published(&self, year: i32) -> bool {
        self.published.get(&year).copied().unwrap_or(false)
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.workdays.contains(&d) {
            return true;
        }
        if self.holidays.contains_key(&d) {
            return false;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The name of the public holiday `d` falls in, from a published year.
    pub fn holiday_name(&self, d: NaiveDate) -> Option<&str> {
        self.holidays.get(&d).map(String::as_str)
    }

    /// A weekend day that is a working day by the year's 调休.
    pub fn is_make_up_day(&self, d: NaiveDate) -> bool {
        self.workdays.contains(&d)
    }

    /// The `n`th working day after `from` (`from` itself is not counted):
    /// "within 5 working days of receipt" ends on `add_working_days(receipt, 5)`.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> Deadline {
        let mut provisional = !self.is_published(from.year());
        let mut d = from;
        let mut left = n;
        while left > 0 {
            let Some(next) = d.succ_opt() else { break };
            d = next;
            provisional |= !self.is_published(d.year());
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        Deadline {
            date: d,
            provisional,
        }
    }

    /// The `n`th working day before `from` (`from` itself is not counted):
    /// the mirror of `add_working_days`, for "N days before an event".
    pub fn sub_working_days(&self, from: NaiveDate, n: u32) -> Deadline {
        let mut provisional = !self.is_published(from.year());
        let mut d = from;
        let mut left = n;
        while left > 0 {
            let Some(prev) = d.pred_opt() else { break };
            d = prev;
            provisional |= !self.is_published(d.year());
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        Deadline {
            date: d,
            provisional,
        }
    }

    /// A period in calendar months: it ends on the same day-of-month `n`
    /// months on, or on that month's last day when it has no such day
    /// (民法典 art. 201); a last day that is not a working day moves on as in
    /// `add_calendar_days`.
    pub fn add_calendar_months(&self, from: NaiveDate, n: u32) -> Deadline {
        let d = from
            .checked_add_months(Months::new(n))
            .unwrap_or(NaiveDate::MAX);
        self.carry_to_working_day(d)
    }

    /// A period in calendar days whose last day, if not a working day, moves
    /// to the next working day (行政处罚法 art. 85 with 民事诉讼法 art. 85).
    pub fn add_calendar_days(&self, from: NaiveDate, n: u32) -> Deadline {
        let d = from
            .checked_add_days(Days::new(u64::from(n)))
            .unwrap_or(NaiveDate::MAX);
        self.carry_to_working_day(d)
    }

    /// `d`, or the first working day after it.
    fn carry_to_working_day(&self, mut d: NaiveDate) -> Deadline {
        let mut provisional = !self.is_published(d.year());
        while !self.is_working_day(d) {
            let Some(next) = d.succ_opt() else { break };
            d = next;
            provisional |= !self.is_published(d.year());
        }
        Deadline {
            date: d,
            provisional,
        }
    }

    /// Working days in `(from, to]`; negative when `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .count() as i64
    }
}

/// The office keeps China Standard Time whatever the server's zone: a filing
/// received at 00:30 in Beijing counts from that Beijing date.
pub fn office_offset() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).expect("valid offset")
}

/// The office date of an instant.
pub fn office_date(at: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    at.with_timezone(&office_offset()).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn shipped() -> WorkCalendar {
        let file = CalendarFile::parse(include_str!("../../data/calendar.toml")).unwrap();
        WorkCalendar::from_years(&file.year)
    }

    #[test]
    fn a_make_up_saturday_is_a_working_day_and_a_holiday_weekday_is_not() {
        let cal = shipped();
        assert!(cal.is_working_day(d(2026, 10, 10))); // Saturday, 调休
        assert!(!cal.is_working_day(d(2026, 10, 5))); // Monday, National Day
        assert!(!cal.is_working_day(d(2026, 11, 28))); // plain Saturday
        assert!(cal.is_working_day(d(2026, 11, 27))); // plain Friday
    }

    #[test]
    fn five_working_days_across_national_day_count_the_make_up_saturday() {
        let cal = shipped();
        // Received Wed 30 Sep 2026: 8 Oct, 9 Oct, Sat 10 Oct (调休), 12 Oct, 13 Oct.
        let due = cal.add_working_days(d(2026, 9, 30), 5);
        assert_eq!(due.date, d(2026, 10, 13));
        assert!(!due.provisional);
    }

    #[test]
    fn spring_festival_2025_is_skipped_and_its_make_up_days_counted() {
        let cal = shipped();
        // Fri 24 Jan 2025 + 2: Sun 26 Jan (调休), Mon 27 Jan.
        assert_eq!(cal.add_working_days(d(2025, 1, 24), 2).date, d(2025, 1, 27));
        // Mon 27 Jan + 1: 28 Jan–4 Feb off → Wed 5 Feb.
        assert_eq!(cal.add_working_days(d(2025, 1, 27), 1).date, d(2025, 2, 5));
    }

    #[test]
    fn a_deadline_reaching_an_unpublished_year_is_provisional() {
        let cal = shipped();
        let due = cal.add_working_days(d(2026, 12, 20), 10);
        assert!(due.provisional);
        assert!(!cal.add_working_days(d(2026, 12, 1), 5).provisional);
    }

    #[test]
    fn counting_between_two_dates_matches_adding() {
        let cal = shipped();
        let from = d(2026, 9, 15);
        let due = cal.add_working_days(from, 60);
        assert_eq!(cal.working_days_between(from, due.date), 60);
        assert_eq!(cal.working_days_between(due.date, from), -60);
        assert_eq!(cal.working_days_between(from, from), 0);
    }

    #[test]
    fn a_calendar_day_period_ending_on_a_holiday_moves_to_the_next_working_day() {
        let cal = shipped();
        // 15 Sep + 15 days = 30 Sep (Wed, working) stays.
        assert_eq!(
            cal.add_calendar_days(d(2026, 9, 15), 15).date,
            d(2026, 9, 30)
        );
        // 20 Sep + 15 days = 5 Oct (holiday) → 8 Oct.
        assert_eq!(
            cal.add_calendar_days(d(2026, 9, 20), 15).date,
            d(2026, 10, 8)
        );
    }

    #[test]
    fn a_bad_calendar_file_is_refused_with_the_reason() {
        let wrong_year = r#"
            [[year]]
            year = 2025
            published = true
            holidays = [{ name = "元旦", from = "2026-01-01", to = "2026-01-01" }]
        "#;
        assert!(matches!(
            CalendarFile::parse(wrong_year),
            Err(CalendarError::OutsideYear { year: 2025, .. })
        ));
        assert!(matches!(
            CalendarFile::parse("year = 3"),
            Err(CalendarError::Parse(_))
        ));
        let overlap = r#"
            [[year]]
            year = 2028
            published = true
            holidays = [{ name = "a", from = "2028-01-01", to = "2028-01-03" },
                        { name = "b", from = "2028-01-03", to = "2028-01-04" }]
        "#;
        assert!(matches!(
            CalendarFile::parse(overlap),
            Err(CalendarError::Twice(_))
        ));
        let weekday = r#"
            [[year]]
            year = 2028
            published = true
            holidays = [{ name = "a", from = "2028-01-01", to = "2028-01-01" }]
            workdays = ["2028-01-05"]
        "#;
        assert!(matches!(
            CalendarFile::parse(weekday),
            Err(CalendarError::WeekdayMakeUp(_))
        ));
        let twice =
            "[[year]]\nyear = 2027\npublished = false\n[[year]]\nyear = 2027\npublished = false\n";
        assert_eq!(
            CalendarFile::parse(twice).unwrap_err(),
            CalendarError::YearTwice(2027)
        );
    }

    #[test]
    fn the_shipped_make_up_days_fall_on_weekends_and_nothing_is_listed_twice() {
        let file = CalendarFile::parse(include_str!("../../data/calendar.toml")).unwrap();
        assert!(file.year.iter().any(|y| y.year == 2026 && y.published));
    }

    #[test]
    fn an_unpublished_years_days_are_not_applied() {
        let y = CalendarYear {
            year: 2027,
            published: false,
            source: String::new(),
            holidays: vec![HolidaySpan {
                name: "guess".into(),
                from: d(2027, 2, 8),
                to: d(2027, 2, 8),
            }],
            workdays: vec![],
        };
        let cal = WorkCalendar::from_years([&y]);
        assert!(cal.is_working_day(d(2027, 2, 8)));
    }

    #[test]
    fn holiday_names_and_make_up_days_are_kept_for_explanations() {
        let cal = shipped();
        assert_eq!(cal.holiday_name(d(2026, 2, 17)), Some("春节"));
        assert_eq!(cal.holiday_name(d(2026, 2, 14)), None);
        assert!(cal.is_make_up_day(d(2026, 2, 14)));
        assert!(!cal.is_make_up_day(d(2026, 2, 21)));
    }

    #[test]
    fn counting_back_skips_holidays_and_counts_make_up_days() {
        let cal = shipped();
        // Wed 25 Feb 2026 back 3: 24, then 15–23 off, Sat 14 (调休), Fri 13.
        let back = cal.sub_working_days(d(2026, 2, 25), 3);
        assert_eq!(back.date, d(2026, 2, 13));
        assert!(!back.provisional);
        assert!(cal.sub_working_days(d(2027, 1, 5), 3).provisional);
    }

    #[test]
    fn a_month_period_ends_on_the_same_day_or_the_months_last_day_and_leaves_holidays() {
        let cal = shipped();
        assert_eq!(
            cal.add_calendar_months(d(2026, 3, 9), 6).date,
            d(2026, 9, 9)
        );
        // 31 Aug + 1 month: 30 Sep (Wed) has no 31st.
        assert_eq!(
            cal.add_calendar_months(d(2026, 8, 31), 1).date,
            d(2026, 9, 30)
        );
        // 1 Apr + 6 months = 1 Oct, National Day → 8 Oct.
        assert_eq!(
            cal.add_calendar_months(d(2026, 4, 1), 6).date,
            d(2026, 10, 8)
        );
    }

    #[test]
    fn dates_at_the_end_of_time_do_not_panic() {
        let cal = shipped();
        let due = cal.add_working_days(NaiveDate::MAX - Days::new(3), 10);
        assert_eq!(due.date, NaiveDate::MAX);
        assert_eq!(
            cal.add_calendar_days(NaiveDate::MAX, 5).date,
            NaiveDate::MAX
        );
    }
}

//! The month's figures the chief reports upward: filings received and
//! decided (by clerk and by day), cases registered (by matter), inspections
//! planned and done, and for the twelve months ending with it, the same
//! counted month by month. Counted here from the records' dates, so the
//! screen and the report always agree.

use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// Reads `2026-11` or `202611`.
    pub fn parse(s: &str) -> Option<Month> {
        let digits: String = s.trim().chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 6 {
            return None;
        }
        let year = digits[..4].parse().ok()?;
        let month = digits[4..].parse().ok()?;
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a month's first day")
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                month: self.month - 1,
                ..self
            }
        }
    }

    /// The twelve months ending with this one, oldest first.
    pub fn last_twelve(self) -> Vec<Month> {
        let mut m = self;
        let mut out = vec![m];
        for _ in 0..11 {
            m = m.prev();
            out.push(m);
        }
        out.reverse();
        out
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

/// The records the figures are counted from (the store reads them for the
/// twelve months ending with the month asked).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    /// Filings received: the office day each arrived.
    pub received: Vec<NaiveDate>,
    /// Of those, resubmissions after a one-time notice (a second visit).
    pub resubmitted: Vec<NaiveDate>,
    /// Filings decided: the office day, approved or not, and by whom.
    pub decided: Vec<(NaiveDate, bool, String)>,
    /// Cases registered: the day, and the matters of their complaint.
    pub cases: Vec<(NaiveDate, Vec<String>)>,
    /// Cases opened (立案): the day, and the case's matters.
    pub opened: Vec<(NaiveDate, Vec<String>)>,
    /// Cases closed (结案): the day of the act, and the case's matters.
    pub closed: Vec<(NaiveDate, Vec<String>)>,
    /// Inspections: planned on, done on.
    pub inspections: Vec<(NaiveDate, Option<NaiveDate>)>,
}

/// A month's figures, with the twelve months' series ending with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthFigures {
    pub received: u64,
    /// Of the filings received, those that came back corrected after a
    /// one-time notice: how many needed a second visit (二次补正).
    pub resubmitted: u64,
    pub approved: u64,
    pub returned: u64,
    /// (clerk, approved, returned), most decisions first.
    pub by_clerk: Vec<(String, u64, u64)>,
    /// Decisions on each day of the month (index 0 is the 1st).
    pub by_day: Vec<u64>,
    pub cases_registered: u64,
    /// (matter code, cases registered with it), most first.
    pub by_matter: Vec<(String, u64)>,
    /// (matter code, cases opened with it, cases closed with it) in the
    /// month, each matter met once, by code.
    pub matters_opened_closed: Vec<(String, u64, u64)>,
    pub inspections_planned: u64,
    pub inspections_done: u64,
    /// Of those planned in the month, done (in any month).
    pub planned_done: u64,
    /// The twelve months (oldest first): filings decided, cases registered,
    /// inspections done.
    pub months: Vec<Month>,
    pub decided_series: Vec<u64>,
    pub cases_series: Vec<u64>,
    pub inspections_series: Vec<u64>,
}

fn days_in(m: Month) -> u32 {
    (m.next().first_day() - m.first_day()).num_days() as u32
}

/// Counts the month's figures from the records.
pub fn figures(r: &Records, month: Month) -> MonthFigures {
    let inside = |d: &NaiveDate| Month::of(*d) == month;
    let mut f = MonthFigures {
        received: r.received.iter().filter(|d| inside(d)).count() as u64,
        resubmitted: r.resubmitted.iter().filter(|d| inside(d)).count() as u64,
        by_day: vec![0; days_in(month) as usize],
        ..Default::default()
    };
    let mut clerks: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for (day, approved, clerk) in r.decided.iter().filter(|(d, ..)| inside(d)) {
        let e = clerks.entry(clerk.as_str()).or_default();
        if *approved {
            f.approved += 1;
            e.0 += 1;
        } else {
            f.returned += 1;
            e.1 += 1;
        }
        f.by_day[day.day0() as usize] += 1;
    }
    f.by_clerk = clerks
        .into_iter()
        .map(|(c, (a, b))| (c.to_string(), a, b))
        .collect();
    f.by_clerk
        .sort_by(|a, b| (b.1 + b.2).cmp(&(a.1 + a.2)).then(a.0.cmp(&b.0)));
    let mut matters: BTreeMap<&str, u64> = BTreeMap::new();
    for (_, ms) in r.cases.iter().filter(|(d, _)| inside(d)) {
        f.cases_registered += 1;
        for m in ms {
            *matters.entry(m.as_str()).or_default() += 1;
        }
    }
    f.by_matter = matters
        .into_iter()
        .map(|(m, n)| (m.to_string(), n))
        .collect();
    f.by_matter
        .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // A case with two matters counts under each.
    let mut both: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for (_, ms) in r.opened.iter().filter(|(d, _)| inside(d)) {
        for m in ms {
            both.entry(m.as_str()).or_default().0 += 1;
        }
    }
    for (_, ms) in r.closed.iter().filter(|(d, _)| inside(d)) {
        for m in ms {
            both.entry(m.as_str()).or_default().1 += 1;
        }
    }
    f.matters_opened_closed = both
        .into_iter()
        .map(|(m, (o, c))| (m.to_string(), o, c))
        .collect();
    for (planned, done) in &r.inspections {
        if inside(planned) {
            f.inspections_planned += 1;
            f.planned_done += u64::from(done.is_some());
        }
        if done.as_ref().is_some_and(inside) {
            f.inspections_done += 1;
        }
    }
    f.months = month.last_twelve();
    let count = |days: &mut dyn Iterator<Item = NaiveDate>| {
        let mut per: BTreeMap<Month, u64> = BTreeMap::new();
        for d in days {
            *per.entry(Month::of(d)).or_default() += 1;
        }
        f.months
            .iter()
            .map(|m| per.get(m).copied().unwrap_or(0))
            .collect::<Vec<_>>()
    };
    f.decided_series = count(&mut r.decided.iter().map(|(d, ..)| *d));
    f.cases_series = count(&mut r.cases.iter().map(|(d, _)| *d));
    f.inspections_series = count(&mut r.inspections.iter().filter_map(|(_, d)| *d));
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_step_across_years_and_read_as_written() {
        let nov = Month::parse("2026-11").unwrap();
        assert_eq!(Month::parse("202611"), Some(nov));
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(
            nov.next().next(),
            Month {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(
            Month {
                year: 2027,
                month: 1
            }
            .prev(),
            Month {
                year: 2026,
                month: 12
            }
        );
        let twelve = nov.last_twelve();
        assert_eq!(
            (twelve[0].to_string(), twelve[11].to_string()),
            ("2025-12".into(), "2026-11".into())
        );
    }

    #[test]
    fn a_months_figures_count_only_its_days_and_the_series_each_month() {
        let r = Records {
            received: vec![d(2026, 11, 2), d(2026, 11, 30), d(2026, 10, 31)],
            resubmitted: vec![d(2026, 11, 30), d(2026, 10, 31)],
            decided: vec![
                (d(2026, 11, 3), true, "王芳".into()),
                (d(2026, 11, 3), false, "王芳".into()),
                (d(2026, 11, 20), true, "李娜".into()),
                (d(2026, 10, 5), true, "李娜".into()),
                (d(2025, 11, 5), true, "李娜".into()),
            ],
            cases: vec![
                (d(2026, 11, 9), vec!["wages".into(), "contracts".into()]),
                (d(2026, 11, 10), vec!["wages".into()]),
                (d(2026, 9, 1), vec!["insurance".into()]),
            ],
            inspections: vec![
                (d(2026, 11, 1), Some(d(2026, 11, 5))),
                (d(2026, 11, 20), None),
                (d(2026, 10, 28), Some(d(2026, 11, 2))),
            ],
            opened: vec![
                (d(2026, 11, 12), vec!["wages".into(), "contracts".into()]),
                (d(2026, 10, 30), vec!["wages".into()]),
            ],
            closed: vec![
                (d(2026, 11, 30), vec!["insurance".into()]),
                (d(2026, 12, 1), vec!["wages".into()]),
            ],
        };
        let f = figures(
            &r,
            Month {
                year: 2026,
                month: 11,
            },
        );
        assert_eq!((f.received, f.approved, f.returned), (2, 2, 1));
        assert_eq!(f.resubmitted, 1, "the second visit of the month only");
        assert_eq!(f.by_clerk, [("王芳".into(), 1, 1), ("李娜".into(), 1, 0)]);
        assert_eq!((f.by_day.len(), f.by_day[2], f.by_day[19]), (30, 2, 1));
        assert_eq!(f.cases_registered, 2);
        assert_eq!(f.by_matter, [("wages".into(), 2), ("contracts".into(), 1)]);
        assert_eq!(
            f.matters_opened_closed,
            [
                ("contracts".into(), 1, 0),
                ("insurance".into(), 0, 1),
                ("wages".into(), 1, 0)
            ]
        );
        assert_eq!(
            (f.inspections_planned, f.planned_done, f.inspections_done),
            (2, 1, 2)
        );
        // Dec 2025 … Nov 2026: Nov 2025 is outside, Oct and Nov inside.
        assert_eq!(f.decided_series.len(), 12);
        assert_eq!((f.decided_series[10], f.decided_series[11]), (1, 3));
        assert_eq!(f.decided_series.iter().sum::<u64>(), 4);
        assert_eq!(f.cases_series[9], 1);
        assert_eq!((f.inspections_series[10], f.inspections_series[11]), (0, 2));
    }
}

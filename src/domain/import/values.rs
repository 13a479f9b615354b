//! A spreadsheet cell read as the value a column wants — text, a date, a
//! month, yuan, a count — or the problem with it, in words a clerk can act on.

use super::Problem;
use super::cell::{Cell, MAX_CELL_BYTES};
use chrono::{Datelike, Days, NaiveDate};

/// Excel's day 0 (its 1900 leap-year bug included, as Excel counts).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date")
}

/// What Excel serial number `n` stands for, if it is a plausible day.
pub fn serial_date(n: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&n) || n.fract() != 0.0 {
        return None;
    }
    excel_epoch().checked_add_days(Days::new(n as u64))
}

/// A cell as text: None when empty.
pub fn text(cell: &Cell) -> Result<Option<String>, Problem> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(t) => {
            let t = t.trim();
            Ok((!t.is_empty()).then(|| t.to_string()))
        }
        // A whole number Excel kept exactly (a phone, an account, a code).
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Ok(Some(format!("{n:.0}"))),
        Cell::Number(n) => Err(Problem::DigitsLost(format!("{n:e}"))),
        Cell::Date(d) => Ok(Some(d.to_string())),
        Cell::Formula(f) => Err(Problem::Formula(f.clone())),
        Cell::TooLong(n) => Err(Problem::TooLong {
            len: *n,
            max: MAX_CELL_BYTES,
        }),
    }
}

/// A code of 18 characters: a number cell has lost its last digits already.
pub fn code(cell: &Cell) -> Result<Option<String>, Problem> {
    match cell {
        Cell::Number(n) if n.abs() >= 1.0e15 => Err(Problem::DigitsLost(format!("{n:e}"))),
        other => text(other),
    }
}

/// A day: a date cell, or text as `2026-03-01`, `2026/3/1`, `2026.03.01`,
/// `20260301` or `2026年3月1日`. A bare serial number is refused, with the
/// day it would be, since a CSV cannot say it was meant as one.
pub fn date(cell: &Cell) -> Result<Option<NaiveDate>, Problem> {
    let t = match cell {
        Cell::Date(d) => return Ok(Some(*d)),
        Cell::Number(n) => {
            return Err(Problem::SerialDate {
                serial: format!("{n}"),
                day: serial_date(*n),
            });
        }
        other => match text(other)? {
            None => return Ok(None),
            Some(t) => t,
        },
    };
    if let Some(d) = parse_day(&t) {
        return Ok(Some(d));
    }
    match t.parse::<f64>() {
        Ok(n) if t.len() <= 7 => Err(Problem::SerialDate {
            serial: t.clone(),
            day: serial_date(n),
        }),
        _ => Err(Problem::Date(t)),
    }
}

fn parse_day(t: &str) -> Option<NaiveDate> {
    let t = t.trim();
    // A date-time as some exports write it: the day is enough.
    let t = t.split([' ', 'T']).next().unwrap_or(t);
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some(d);
        }
    }
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(t, "%Y%m%d").ok();
    }
    None
}

/// A month as `YYYYMM`: `202603`, `2026-03`, `2026/3`, `2026年3月`, or a
/// date cell.
pub fn month(cell: &Cell) -> Result<Option<i64>, Problem> {
    let t = match cell {
        Cell::Date(d) => return Ok(Some(i64::from(d.year()) * 100 + i64::from(d.month()))),
        Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
        other => match text(other)? {
            None => return Ok(None),
            Some(t) => t,
        },
    };
    let digits: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let (y, m) = match digits.as_slice() {
        [ym] if ym.len() == 6 => (&ym[..4], &ym[4..]),
        [y, m] if y.len() == 4 && m.len() <= 2 => (*y, *m),
        _ => return Err(Problem::Month(t)),
    };
    match (y.parse::<i64>(), m.parse::<i64>()) {
        (Ok(y), Ok(m)) if (1990..=2200).contains(&y) && (1..=12).contains(&m) => {
            Ok(Some(y * 100 + m))
        }
        _ => Err(Problem::Month(t)),
    }
}

/// Yuan (as typed, or a number cell) into fen; none below zero.
pub fn yuan(cell: &Cell) -> Result<Option<i64>, Problem> {
    match cell {
        Cell::Number(n) if n.is_finite() && *n >= 0.0 && *n < 1.0e13 => {
            Ok(Some((n * 100.0).round() as i64))
        }
        Cell::Number(n) => Err(Problem::Amount(format!("{n}"))),
        other => match text(other)? {
            None => Ok(None),
            Some(t) => {
                let plain = t.trim_start_matches(['¥', '￥']).trim_end_matches('元');
                crate::domain::fines::parse_yuan(plain)
                    .map(Some)
                    .ok_or(Problem::Amount(t))
            }
        },
    }
}

/// A count: a whole number, none below zero.
pub fn count(cell: &Cell) -> Result<Option<i64>, Problem> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 1.0e12 => Ok(Some(*n as i64)),
        Cell::Number(n) => Err(Problem::Count(format!("{n}"))),
        other => match text(other)? {
            None => Ok(None),
            Some(t) => t
                .replace(',', "")
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .map(Some)
                .ok_or(Problem::Count(t)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_are_read_as_the_office_writes_them() {
        for s in [
            "2026-03-01",
            "2026/3/1",
            "2026.03.01",
            "20260301",
            "2026年3月1日",
            "2026-03-01 00:00:00",
        ] {
            assert_eq!(date(&t(s)), Ok(Some(day(2026, 3, 1))), "{s}");
        }
        assert_eq!(
            date(&Cell::Date(day(2026, 3, 1))),
            Ok(Some(day(2026, 3, 1)))
        );
        assert_eq!(date(&Cell::Empty), Ok(None));
        assert_eq!(
            date(&t("2026-02-30")),
            Err(Problem::Date("2026-02-30".into()))
        );
    }

    #[test]
    fn a_serial_number_for_a_day_is_refused_naming_the_day() {
        assert_eq!(
            date(&t("45352")),
            Err(Problem::SerialDate {
                serial: "45352".into(),
                day: Some(day(2024, 3, 1))
            })
        );
        assert_eq!(
            date(&Cell::Number(45352.0)),
            Err(Problem::SerialDate {
                serial: "45352".into(),
                day: Some(day(2024, 3, 1))
            })
        );
    }

    #[test]
    fn months_amounts_and_counts() {
        for s in ["202603", "2026-03", "2026/3", "2026年3月"] {
            assert_eq!(month(&t(s)), Ok(Some(202603)), "{s}");
        }
        assert_eq!(month(&Cell::Number(202603.0)), Ok(Some(202603)));
        assert_eq!(month(&t("2026-13")), Err(Problem::Month("2026-13".into())));
        assert_eq!(yuan(&t("6,420.50")), Ok(Some(642_050)));
        assert_eq!(yuan(&t("￥6420元")), Ok(Some(642_000)));
        assert_eq!(yuan(&Cell::Number(6420.5)), Ok(Some(642_050)));
        assert_eq!(yuan(&t("-5")), Err(Problem::Amount("-5".into())));
        assert_eq!(count(&t("1,200")), Ok(Some(1200)));
        assert_eq!(count(&Cell::Number(2.5)), Err(Problem::Count("2.5".into())));
    }

    #[test]
    fn an_id_number_stored_as_a_number_has_lost_digits() {
        assert!(matches!(
            code(&Cell::Number(110101199003078515.0)),
            Err(Problem::DigitsLost(_))
        ));
        assert_eq!(
            text(&Cell::Number(13800138000.0)),
            Ok(Some("13800138000".into()))
        );
        assert_eq!(
            text(&Cell::Formula("=A1&B1".into())),
            Err(Problem::Formula("=A1&B1".into()))
        );
    }
}

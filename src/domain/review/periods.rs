//! Contribution periods of a transfer (转移接续): "2015-01 至 2020-12", several
//! separated by commas or semicolons. The periods carried in must not overlap
//! one another nor the months already paid here (one month is paid once).

use chrono::{Datelike, NaiveDate};

/// Months as a running number (year × 12 + month − 1), so ranges compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month(i32);

impl Month {
    pub fn of(d: NaiveDate) -> Month {
        Month(d.year() * 12 + d.month0() as i32)
    }

    fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once(['-', '.', '/', '年'])?;
        let y: i32 = y
            .trim()
            .parse()
            .ok()
            .filter(|y| (1950..=2200).contains(y))?;
        let m: u32 = m.trim().trim_end_matches('月').parse().ok()?;
        (1..=12).contains(&m).then(|| Month(y * 12 + m as i32 - 1))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:04}-{:02}",
            self.0.div_euclid(12),
            self.0.rem_euclid(12) + 1
        )
    }
}

/// A span of months, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Month,
    pub to: Month,
}

impl Period {
    pub fn overlaps(&self, other: &Period) -> bool {
        self.from <= other.to && other.from <= self.to
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}—{}", self.from, self.to)
    }
}

/// The periods written in a filing, or the first piece that is not one
/// (an unreadable month, or an end before its start).
pub fn parse_periods(text: &str) -> Result<Vec<Period>, String> {
    let mut out = Vec::new();
    for piece in text
        .split([',', ';', '，', '；', '、', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let bad = || piece.to_string();
        let (a, b) = ["至", "~", "～", "–", "—", " to "]
            .iter()
            .find_map(|sep| piece.split_once(sep))
            .or_else(|| hyphen_range(piece))
            .ok_or_else(bad)?;
        let (from, to) = (
            Month::parse(a).ok_or_else(bad)?,
            Month::parse(b).ok_or_else(bad)?,
        );
        if to < from {
            return Err(bad());
        }
        out.push(Period { from, to });
    }
    Ok(out)
}

/// A range written with a hyphen: "2015.01-2018.06" (one hyphen), or
/// "2015-01-2018-06" (three: the middle one splits).
fn hyphen_range(piece: &str) -> Option<(&str, &str)> {
    let at: Vec<usize> = piece.match_indices('-').map(|(i, _)| i).collect();
    let split = match at.as_slice() {
        [one] => *one,
        [_, middle, _] => *middle,
        _ => return None,
    };
    Some((&piece[..split], &piece[split + 1..]))
}

/// The first pair of declared periods that overlap, in the order written.
pub fn first_overlap(periods: &[Period]) -> Option<(Period, Period)> {
    periods.iter().enumerate().find_map(|(i, a)| {
        periods[i + 1..]
            .iter()
            .find(|b| a.overlaps(b))
            .map(|b| (*a, *b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(y: i32, mo: u32) -> Month {
        Month::of(NaiveDate::from_ymd_opt(y, mo, 1).unwrap())
    }

    #[test]
    fn periods_are_read_in_the_ways_clerks_write_them() {
        let p = parse_periods("2015-01 至 2018-06；2019年3月~2020年12月, 2021.01—2021.02").unwrap();
        assert_eq!(
            p,
            [
                Period {
                    from: m(2015, 1),
                    to: m(2018, 6)
                },
                Period {
                    from: m(2019, 3),
                    to: m(2020, 12)
                },
                Period {
                    from: m(2021, 1),
                    to: m(2021, 2)
                },
            ]
        );
        assert_eq!(p[0].to_string(), "2015-01—2018-06");
    }

    #[test]
    fn a_range_written_with_a_hyphen_is_read() {
        let want = [Period {
            from: m(2015, 1),
            to: m(2018, 6),
        }];
        assert_eq!(parse_periods("2015.01-2018.06").unwrap(), want);
        assert_eq!(parse_periods("2015-01-2018-06").unwrap(), want);
        assert!(parse_periods("2015-01-2018").is_err());
    }

    #[test]
    fn an_unreadable_or_backward_period_is_named() {
        assert_eq!(
            parse_periods("2015-01 至 2018-13"),
            Err("2015-01 至 2018-13".into())
        );
        assert_eq!(
            parse_periods("2018-01 至 2015-01"),
            Err("2018-01 至 2015-01".into())
        );
        assert_eq!(parse_periods("自2015年起"), Err("自2015年起".into()));
    }

    #[test]
    fn overlapping_periods_are_found_and_touching_ones_are_not() {
        let p = parse_periods("2015-01 至 2018-06; 2018-07 至 2019-12").unwrap();
        assert_eq!(first_overlap(&p), None);
        let q = parse_periods("2015-01 至 2018-06; 2018-06 至 2019-12").unwrap();
        assert_eq!(first_overlap(&q), Some((q[0], q[1])));
    }
}

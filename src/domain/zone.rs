//! Zone supervision with periodic rotation (分区域监管、定期轮换): each
//! zone is watched by an inspector team, and the teams move on every
//! quarter so that no team keeps a zone two quarters running.

use chrono::{Datelike, NaiveDate};

/// A rotation period: a calendar quarter, counted from year 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period(pub i64);

impl Period {
    /// The quarter holding `day`.
    pub fn of(day: NaiveDate) -> Period {
        Period(i64::from(day.year()) * 4 + i64::from(day.month0() / 3))
    }

    /// Reads "2026Q4" (also lowercase q).
    pub fn parse(text: &str) -> Option<Period> {
        let (y, q) = text
            .trim()
            .to_ascii_uppercase()
            .split_once('Q')
            .map(|(y, q)| (y.parse::<i64>().ok(), q.parse::<i64>().ok()))?;
        let (y, q) = (y?, q?);
        ((1..=9999).contains(&y) && (1..=4).contains(&q)).then_some(Period(y * 4 + q - 1))
    }

    pub fn year(self) -> i64 {
        self.0.div_euclid(4)
    }

    pub fn quarter(self) -> i64 {
        self.0.rem_euclid(4) + 1
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}Q{}", self.year(), self.quarter())
    }
}

/// Each zone (in the order given) with the index of its team in `teams`
/// for the period: zone i gets team (i + period) mod n. With two teams or
/// more, no zone keeps its team into the next period; none when there are
/// no teams.
pub fn rotation(zones: usize, teams: usize, period: Period) -> Vec<Option<usize>> {
    (0..zones)
        .map(|z| {
            (teams > 0).then(|| {
                let shift = usize::try_from(period.0.rem_euclid(teams as i64)).unwrap_or(0);
                (z + shift) % teams
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_a_quarter_read_and_written_alike() {
        let p = Period::of(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        assert_eq!(p.to_string(), "2026Q4");
        assert_eq!(Period::parse("2026q4"), Some(p));
        assert_eq!(Period::parse("2027Q1"), Some(Period(p.0 + 1)));
        assert_eq!(
            Period::of(NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()),
            Period(p.0 + 1)
        );
        for bad in ["2026Q5", "2026Q0", "2026", "Q3", "二〇二六Q1", "2026Q1x"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn teams_rotate_so_no_zone_keeps_its_team_next_quarter() {
        let p = Period::parse("2026Q4").unwrap();
        for teams in 2..6 {
            for zones in 1..9 {
                let now = rotation(zones, teams, p);
                let next = rotation(zones, teams, Period(p.0 + 1));
                for z in 0..zones {
                    assert_ne!(now[z], next[z], "{zones} zones, {teams} teams");
                    assert!(now[z].unwrap() < teams);
                }
                // Every team has a zone when there are enough zones.
                if zones >= teams {
                    for t in 0..teams {
                        assert!(now.contains(&Some(t)));
                    }
                }
            }
        }
        // Over n quarters each zone meets every one of n teams.
        let mut seen: Vec<Option<usize>> =
            (0..3).map(|k| rotation(1, 3, Period(p.0 + k))[0]).collect();
        seen.sort();
        assert_eq!(seen, vec![Some(0), Some(1), Some(2)]);
        assert_eq!(rotation(2, 0, p), vec![None, None]);
        assert_eq!(rotation(2, 1, p), vec![Some(0), Some(0)]);
    }
}

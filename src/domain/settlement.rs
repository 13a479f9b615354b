//! Settlement-data audit of agreement institutions (DOMAIN.md §6): monthly
//! figures per institution are compared with the institution's zone and
//! with its own history; each flag names its rule and the figures behind
//! it, so an auditor can check it before it becomes an audit task.

use std::collections::HashMap;

/// One institution's figures for one month. Money in fen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthFigures {
    pub institution: i64,
    pub zone: String,
    /// YYYYMM
    pub month: u32,
    pub visits: i64,
    pub outpatient_cost: i64,
    pub persons: i64,
}

/// The thresholds of the rules (set by the office; these are defaults).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    /// Cost per visit above this multiple of the zone's median that month.
    pub cost_per_visit_vs_zone: f64,
    /// Visits per person served above this.
    pub visits_per_person: f64,
    /// Cost this multiple of the institution's own mean of the months before.
    pub jump_vs_own_history: f64,
    /// Months of history a jump is judged against, at least.
    pub history_months: usize,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            cost_per_visit_vs_zone: 2.0,
            visits_per_person: 6.0,
            jump_vs_own_history: 2.5,
            history_months: 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// Cost per visit (fen) against the zone's median that month.
    CostPerVisit {
        cost_per_visit: i64,
        zone_median: i64,
    },
    /// Visits per person served.
    VisitsPerPerson { visits: i64, persons: i64 },
    /// The month's cost against the mean of the months before.
    Jump { cost: i64, own_mean: i64 },
}

impl Rule {
    /// The figures behind the flag, as stored with its audit task.
    pub fn figures(&self) -> String {
        match self {
            Rule::CostPerVisit {
                cost_per_visit,
                zone_median,
            } => {
                format!("cost_per_visit={cost_per_visit} zone_median={zone_median}")
            }
            Rule::VisitsPerPerson { visits, persons } => {
                format!("visits={visits} persons={persons}")
            }
            Rule::Jump { cost, own_mean } => format!("cost={cost} own_mean={own_mean}"),
        }
    }

    /// Reads a rule back from its code and stored figures (an audit task's).
    pub fn parse(code: &str, figures: &str) -> Option<Rule> {
        let value = |key: &str| -> Option<i64> {
            figures
                .split_whitespace()
                .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
        };
        Some(match code {
            "cost-per-visit" => Rule::CostPerVisit {
                cost_per_visit: value("cost_per_visit")?,
                zone_median: value("zone_median")?,
            },
            "visits-per-person" => Rule::VisitsPerPerson {
                visits: value("visits")?,
                persons: value("persons")?,
            },
            "sudden-jump" => Rule::Jump {
                cost: value("cost")?,
                own_mean: value("own_mean")?,
            },
            _ => return None,
        })
    }

    pub fn code(&self) -> &'static str {
        match self {
            Rule::CostPerVisit { .. } => "cost-per-visit",
            Rule::VisitsPerPerson { .. } => "visits-per-person",
            Rule::Jump { .. } => "sudden-jump",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub institution: i64,
    pub month: u32,
    pub rule: Rule,
}

fn median(mut v: Vec<i64>) -> i64 {
    if v.is_empty() {
        return 0;
    }
    let mid = v.len() / 2;
    *v.select_nth_unstable(mid).1
}

/// Flags every month of every institution that breaks a rule, in order of
/// institution then month.
pub fn audit(figures: &[MonthFigures], rules: &Rules) -> Vec<Flag> {
    // Cost per visit of each (zone, month), for the medians.
    let mut per_zone: HashMap<(&str, u32), Vec<i64>> = HashMap::new();
    for f in figures.iter().filter(|f| f.visits > 0) {
        per_zone
            .entry((f.zone.as_str(), f.month))
            .or_default()
            .push(f.outpatient_cost / f.visits);
    }
    let medians: HashMap<(&str, u32), i64> =
        per_zone.into_iter().map(|(k, v)| (k, median(v))).collect();
    let mut by_institution: HashMap<i64, Vec<&MonthFigures>> = HashMap::new();
    for f in figures {
        by_institution.entry(f.institution).or_default().push(f);
    }
    let mut ids: Vec<i64> = by_institution.keys().copied().collect();
    ids.sort_unstable();
    let mut flags = Vec::new();
    for id in ids {
        let mut months = by_institution.remove(&id).unwrap_or_default();
        months.sort_by_key(|f| f.month);
        for (i, f) in months.iter().enumerate() {
            if f.visits > 0 {
                let cpv = f.outpatient_cost / f.visits;
                let m = medians
                    .get(&(f.zone.as_str(), f.month))
                    .copied()
                    .unwrap_or(0);
                if m > 0 && cpv as f64 > rules.cost_per_visit_vs_zone * m as f64 {
                    flags.push(Flag {
                        institution: id,
                        month: f.month,
                        rule: Rule::CostPerVisit {
                            cost_per_visit: cpv,
                            zone_median: m,
                        },
                    });
                }
            }
            if f.persons > 0 && f.visits as f64 > rules.visits_per_person * f.persons as f64 {
                flags.push(Flag {
                    institution: id,
                    month: f.month,
                    rule: Rule::VisitsPerPerson {
                        visits: f.visits,
                        persons: f.persons,
                    },
                });
            }
            if i >= rules.history_months {
                let before = &months[..i];
                let mean =
                    before.iter().map(|b| b.outpatient_cost).sum::<i64>() / before.len() as i64;
                if mean > 0 && f.outpatient_cost as f64 > rules.jump_vs_own_history * mean as f64 {
                    flags.push(Flag {
                        institution: id,
                        month: f.month,
                        rule: Rule::Jump {
                            cost: f.outpatient_cost,
                            own_mean: mean,
                        },
                    });
                }
            }
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(
        institution: i64,
        zone: &str,
        month: u32,
        visits: i64,
        cost: i64,
        persons: i64,
    ) -> MonthFigures {
        MonthFigures {
            institution,
            zone: zone.into(),
            month,
            visits,
            outpatient_cost: cost,
            persons,
        }
    }

    /// Five ordinary clinics in a zone, a year long.
    fn ordinary() -> Vec<MonthFigures> {
        (1..=5)
            .flat_map(|i| {
                (1..=12).map(move |m| month(i, "LQ-01", 202600 + m, 1000, 1000 * 150_00, 400))
            })
            .collect()
    }

    #[test]
    fn ordinary_figures_raise_no_flag() {
        assert!(audit(&ordinary(), &Rules::default()).is_empty());
    }

    #[test]
    fn a_cost_per_visit_far_above_the_zones_median_is_flagged_with_its_figures() {
        let mut f = ordinary();
        f.push(month(9, "LQ-01", 202605, 1000, 1000 * 400_00, 400));
        let flags = audit(&f, &Rules::default());
        assert_eq!(
            flags,
            [Flag {
                institution: 9,
                month: 202605,
                rule: Rule::CostPerVisit {
                    cost_per_visit: 400_00,
                    zone_median: 150_00
                }
            }]
        );
    }

    #[test]
    fn too_many_visits_per_person_and_a_sudden_jump_are_flagged() {
        let mut f = ordinary();
        // Clinic 3 in October: 7 visits a person, and its cost jumps three-fold.
        let oct = f
            .iter_mut()
            .find(|x| x.institution == 3 && x.month == 202610)
            .unwrap();
        oct.visits = 2800;
        oct.outpatient_cost = 2800 * 150_00;
        let flags = audit(&f, &Rules::default());
        let codes: Vec<(i64, u32, &str)> = flags
            .iter()
            .map(|x| (x.institution, x.month, x.rule.code()))
            .collect();
        assert_eq!(
            codes,
            [(3, 202610, "visits-per-person"), (3, 202610, "sudden-jump")]
        );
    }

    #[test]
    fn a_jump_needs_enough_history_and_empty_months_do_not_divide_by_zero() {
        let f = vec![
            month(1, "LQ-02", 202601, 10, 1_000_00, 5),
            month(1, "LQ-02", 202602, 0, 0, 0),
            month(1, "LQ-02", 202603, 10, 9_000_00, 5),
        ];
        assert!(
            audit(&f, &Rules::default()).is_empty(),
            "two months are too few to judge"
        );
    }

    #[test]
    fn a_rule_reads_back_from_its_code_and_figures() {
        for rule in [
            Rule::CostPerVisit {
                cost_per_visit: 91_00,
                zone_median: 30_00,
            },
            Rule::VisitsPerPerson {
                visits: 900,
                persons: 100,
            },
            Rule::Jump {
                cost: 5_000_00,
                own_mean: 1_000_00,
            },
        ] {
            assert_eq!(Rule::parse(rule.code(), &rule.figures()), Some(rule));
        }
        assert_eq!(Rule::parse("sudden-jump", "cost=1"), None);
        assert_eq!(Rule::parse("other", "cost=1 own_mean=2"), None);
        // `cost=` must not be read out of `cost_per_visit=`.
        assert_eq!(
            Rule::parse("sudden-jump", "cost_per_visit=5 own_mean=2"),
            None
        );
    }
}

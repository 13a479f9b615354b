//! Contribution-base filings (缴费基数申报): one person's base, an employer's
//! yearly declaration checked person by person against the band and its
//! financial statement, and a retiree's pension base against the published
//! figure for the retirement year.

use super::{FilingFacts, Problem, amount};
use crate::domain::ResidentId;
use crate::domain::contribution::base_band;
use crate::domain::mask::mask_id_number;
use chrono::Datelike;
use serde_json::Value;
use std::collections::HashSet;

/// How far (in thousandths) a yearly declaration's wage total may stray from
/// the financial statement's before the two are said to disagree: payroll
/// rounding and year-end bonuses booked a month apart, not under-declaring.
pub const STATEMENT_TOLERANCE_PERMILLE: i64 = 10;

/// The year a base is declared for: the declaration's own, else the year
/// it was received (as the store looks the average wage up).
fn declared_year(f: &FilingFacts) -> i64 {
    f.declared
        .get("year")
        .and_then(Value::as_i64)
        .unwrap_or(i64::from(f.received_on.year()))
}

/// A base against the band of the average wage and the wage it must follow.
fn base_problems(base: i64, wage: Option<i64>, average: Option<i64>, out: &mut Vec<Problem>) {
    if let Some(avg) = average {
        let (floor, ceiling) = base_band(avg);
        if base < floor {
            out.push(Problem::BaseBelowBand { base, floor });
        } else if base > ceiling {
            out.push(Problem::BaseAboveBand { base, ceiling });
        }
    }
    if let Some(w) = wage {
        // The base follows the wage up to the ceiling: below the wage is under-declaring.
        let ceiling = average.map_or(i64::MAX, |a| base_band(a).1);
        if base < w.min(ceiling) {
            out.push(Problem::BaseBelowWage { base, wage: w });
        }
    }
}

pub(super) fn check(f: &FilingFacts, p: &mut Vec<Problem>) {
    let d = &f.declared;
    if d.get("pension_base").is_some() {
        return pension(f, p);
    }
    if let Some(rows) = d.get("persons") {
        return yearly_declaration(f, rows, p);
    }
    let base = amount(d, "base", p);
    let wage = amount(d, "wage", p);
    match base {
        Some(_) if f.average_wage.is_none() => p.push(Problem::NoAverageWage {
            year: declared_year(f),
        }),
        None if f.person.is_none() && !p.iter().any(|x| matches!(x, Problem::BadAmount(_))) => {
            p.push(Problem::NoDeclaredPersons)
        }
        _ => {}
    }
    if let Some(b) = base {
        base_problems(b, wage, f.average_wage, p);
    }
}

/// A retiree's pension base must be the figure published for the year they retired.
fn pension(f: &FilingFacts, p: &mut Vec<Problem>) {
    let d = &f.declared;
    let base = amount(d, "pension_base", p);
    if let Some(x) = &f.person
        && x.status != "retired"
    {
        p.push(Problem::PersonNotRetired);
    }
    let Some(year) = d.get("retirement_year").and_then(Value::as_i64) else {
        p.push(Problem::NoRetirementYear);
        return;
    };
    match (base, f.pension_figure) {
        (_, None) => p.push(Problem::NoPensionFigure { year }),
        (Some(base), Some(published)) if base != published => {
            p.push(Problem::PensionBaseMismatch {
                base,
                published,
                year,
            })
        }
        _ => {}
    }
}

/// An employer's yearly declaration: each listed person on their own, then
/// the wage total against the annual financial statement when one was filed.
fn yearly_declaration(f: &FilingFacts, rows: &Value, p: &mut Vec<Problem>) {
    let rows = rows.as_array().map(Vec::as_slice).unwrap_or_default();
    if rows.is_empty() {
        p.push(Problem::NoDeclaredPersons);
        return;
    }
    if f.average_wage.is_none() {
        // Said once for the whole declaration, not once a row.
        p.push(Problem::NoAverageWage {
            year: declared_year(f),
        });
    }
    let insured: HashSet<&str> = f
        .employer
        .as_ref()
        .map(|e| e.insured.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let mut seen = HashSet::new();
    let mut monthly_total: i64 = 0;
    for (n, row) in rows.iter().enumerate() {
        let mut found = Vec::new();
        let id = super::text(row, "id_number").unwrap_or("");
        match ResidentId::parse(id, f.today) {
            Err(_) => found.push(Problem::BadIdNumber(mask_id_number(id))),
            Ok(rid) => {
                let canonical = rid.as_str().to_string();
                if !seen.insert(canonical.clone()) {
                    found.push(Problem::ListedTwice);
                } else if !insured.contains(canonical.as_str()) {
                    found.push(Problem::NotInsuredHere);
                }
            }
        }
        let base = amount(row, "base", &mut found);
        let wage = amount(row, "wage", &mut found);
        monthly_total = monthly_total.saturating_add(wage.unwrap_or(0));
        match base {
            Some(b) => base_problems(b, wage, f.average_wage, &mut found),
            None if !found.iter().any(|x| matches!(x, Problem::BadAmount(_))) => {
                found.push(Problem::BadAmount("base".into()))
            }
            None => {}
        }
        p.extend(found.into_iter().map(|problem| Problem::InRow {
            row: n + 1,
            person: mask_id_number(id),
            problem: Box::new(problem),
        }));
    }
    if let Some(statement) = amount(&f.declared, "statement_wage_total", p) {
        let declared = monthly_total.saturating_mul(12);
        let off = (declared - statement).abs();
        if off.saturating_mul(1000) > statement.saturating_mul(STATEMENT_TOLERANCE_PERMILLE) {
            p.push(Problem::StatementMismatch {
                declared,
                statement,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::facts;
    use super::super::{FilingKind, check};
    use super::*;
    use serde_json::json;

    fn codes(f: &FilingFacts) -> Vec<&'static str> {
        check(f).iter().map(Problem::code).collect()
    }

    #[test]
    fn a_base_below_sixty_percent_of_the_average_wage_is_a_problem() {
        let f = facts(
            FilingKind::ContributionBase,
            json!({"base": 4_199_99, "wage": 4_000_00}),
        );
        assert_eq!(
            check(&f),
            [Problem::BaseBelowBand {
                base: 4_199_99,
                floor: 4_200_00
            }]
        );
    }

    #[test]
    fn a_base_above_three_times_the_average_wage_or_below_the_wage_is_a_problem() {
        let high = facts(
            FilingKind::ContributionBase,
            json!({"base": 21_000_01, "wage": 30_000_00}),
        );
        assert_eq!(codes(&high), ["base-above-band"]);
        let under = facts(
            FilingKind::ContributionBase,
            json!({"base": 6_000_00, "wage": 9_000_00}),
        );
        assert_eq!(codes(&under), ["base-below-wage"]);
        let capped = facts(
            FilingKind::ContributionBase,
            json!({"base": 21_000_00, "wage": 30_000_00}),
        );
        assert!(codes(&capped).is_empty(), "the ceiling caps a high wage");
        let mut no_avg = facts(
            FilingKind::ContributionBase,
            json!({"base": 8_000_00, "year": 2031}),
        );
        no_avg.average_wage = None;
        assert_eq!(check(&no_avg), [Problem::NoAverageWage { year: 2031 }]);
        let junk = facts(
            FilingKind::ContributionBase,
            json!({"base": "lots", "wage": -5}),
        );
        assert_eq!(codes(&junk), ["amount-invalid", "amount-invalid"]);
    }

    const A: &str = "360426199101010071";
    const B: &str = "11010519491231002X";

    fn yearly(rows: Value, statement: Option<i64>) -> FilingFacts {
        let mut declared = json!({"year": 2026, "persons": rows});
        if let Some(s) = statement {
            declared["statement_wage_total"] = json!(s);
        }
        let mut f = facts(FilingKind::ContributionBase, declared);
        f.person = None;
        f.employer.as_mut().unwrap().insured = vec![A.into(), B.into()];
        f
    }

    #[test]
    fn a_clean_yearly_declaration_that_agrees_with_its_statement_has_no_problem() {
        let f = yearly(
            json!([
                {"id_number": A, "base": 8_000_00, "wage": 8_000_00},
                {"id_number": B, "base": 4_200_00, "wage": 3_000_00},
            ]),
            Some((8_000_00 + 3_000_00) * 12),
        );
        assert_eq!(check(&f), []);
    }

    #[test]
    fn a_yearly_declaration_is_checked_person_by_person() {
        let f = yearly(
            json!([
                {"id_number": A, "base": 4_000_00, "wage": 4_000_00},
                {"id_number": "36042619910102009X", "base": 8_000_00, "wage": 8_000_00},
                {"id_number": "130102199003071233", "base": 8_000_00, "wage": 8_000_00},
                {"id_number": A, "base": 6_000_00, "wage": 9_000_00},
            ]),
            None,
        );
        let found = check(&f);
        let rows: Vec<(usize, &str)> = found
            .iter()
            .map(|p| match p {
                Problem::InRow { row, problem, .. } => (*row, problem.code()),
                other => panic!("not a row's problem: {other:?}"),
            })
            .collect();
        assert_eq!(
            rows,
            [
                (1, "base-below-band"),
                (2, "id-number-invalid"),
                (3, "person-not-insured-here"),
                (4, "person-listed-twice"),
                (4, "base-below-wage"),
            ]
        );
        // The row names its person masked, and the code is the row's problem's.
        assert_eq!(
            found[1],
            Problem::InRow {
                row: 2,
                person: "360426********009X".into(),
                problem: Box::new(Problem::BadIdNumber("360426********009X".into())),
            }
        );
        assert_eq!(found[1].code(), "id-number-invalid");
    }

    #[test]
    fn a_yearly_declaration_far_from_its_statement_or_empty_is_a_problem() {
        let rows = json!([{"id_number": A, "base": 8_000_00, "wage": 8_000_00}]);
        let within = yearly(rows.clone(), Some(8_000_00 * 12 + 96_000));
        assert_eq!(codes(&within), Vec::<&str>::new(), "1 % is rounding");
        let off = yearly(rows, Some(8_000_00 * 12 * 2));
        assert_eq!(
            check(&off),
            [Problem::StatementMismatch {
                declared: 96_000_00,
                statement: 192_000_00
            }]
        );
        assert_eq!(codes(&yearly(json!([]), None)), ["persons-missing"]);
        let mut no_avg = yearly(json!([{"id_number": A, "base": 1, "wage": 1}]), None);
        no_avg.average_wage = None;
        assert_eq!(codes(&no_avg), ["average-wage-missing"], "said once");
    }

    fn retiree(declared: Value, published: Option<i64>) -> FilingFacts {
        let mut f = facts(FilingKind::ContributionBase, declared);
        f.person.as_mut().unwrap().status = "retired".into();
        f.pension_figure = published;
        f
    }

    #[test]
    fn a_retirees_pension_base_must_be_the_published_figure_of_the_retirement_year() {
        let good = retiree(
            json!({"retirement_year": 2024, "pension_base": 6_830_00}),
            Some(6_830_00),
        );
        assert_eq!(check(&good), []);
        let wrong = retiree(
            json!({"retirement_year": 2024, "pension_base": 7_000_00}),
            Some(6_830_00),
        );
        assert_eq!(
            check(&wrong),
            [Problem::PensionBaseMismatch {
                base: 7_000_00,
                published: 6_830_00,
                year: 2024
            }]
        );
        let unknown = retiree(
            json!({"retirement_year": 1990, "pension_base": 7_000_00}),
            None,
        );
        assert_eq!(codes(&unknown), ["pension-figure-missing"]);
        let mut working = retiree(json!({"pension_base": 7_000_00}), None);
        working.person.as_mut().unwrap().status = "active".into();
        assert_eq!(
            codes(&working),
            ["person-not-retired", "retirement-year-missing"]
        );
    }
}

//! Demo filings that carry more than one person's facts: employers' yearly
//! base declarations (some with a wrong row or a total that disagrees with
//! the financial statement) and retirees' pension bases (some not the
//! published figure), with the published pension figures they are checked
//! against.

use super::{CLERKS, DEMO_AVERAGE_WAGE, DemoInputs, Dice, ymd};
use crate::domain::FilingKind;
use crate::domain::contribution::{base_band, clamp_base};
use crate::store::model::*;
use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc};
use std::collections::HashMap;

const YEARLY: usize = 12;
const RETIREES: usize = 10;
const DEMO_SOURCE: &str = "演示数值，非官方公布数 / demo figure, not the published one";

/// The demo's published pension base for a year: 3,000 yuan in 2010, about
/// 5 % more each year.
fn pension_figure(year: i32) -> i64 {
    let mut fen: i64 = 3_000_00;
    for _ in 2010..year {
        fen = fen * 105 / 100;
    }
    fen
}

fn received(d: &mut Dice, today: NaiveDate) -> chrono::DateTime<Utc> {
    let day = today - Days::new(d.range(0, 12) as u64);
    Utc.with_ymd_and_hms(
        day.year(),
        day.month(),
        day.day(),
        2 + d.range(0, 6) as u32,
        d.range(0, 59) as u32,
        0,
    )
    .single()
    .expect("valid time")
}

/// Every material of the kind, present and valid unless `missing` names it.
fn materials(out: &mut DemoData, input: &DemoInputs<'_>, id: i64, missing: Option<&str>) {
    let kind = FilingKind::ContributionBase.code();
    for (_, material, _) in input.checklists.iter().filter(|(k, ..)| k == kind) {
        let present = missing != Some(material.as_str());
        out.materials.push(MaterialRow {
            filing_id: id,
            material: material.clone(),
            present,
            valid: present,
        });
    }
}

pub(super) fn generate(d: &mut Dice, out: &mut DemoData, input: &DemoInputs<'_>, today: NaiveDate) {
    out.pension_figures = (2010..=today.year())
        .map(|year| FigureRow {
            year: i64::from(year),
            region: "河北省".into(),
            monthly: pension_figure(year),
            source: DEMO_SOURCE.into(),
            effective_from: ymd(year, 1, 1),
        })
        .collect();
    let mut next_id = out.filings.iter().map(|f| f.id).max().unwrap_or(0) + 1;
    yearly(d, out, input, today, &mut next_id);
    retirees(d, out, input, today, &mut next_id);
}

fn yearly(
    d: &mut Dice,
    out: &mut DemoData,
    input: &DemoInputs<'_>,
    today: NaiveDate,
    next_id: &mut i64,
) {
    let (lo, hi) = base_band(DEMO_AVERAGE_WAGE);
    let mut staff_of: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, p) in out.persons.iter().enumerate() {
        if let (Some(e), crate::domain::PersonStatus::Active) = (p.employer_id, p.status) {
            staff_of.entry(e).or_default().push(i);
        }
    }
    let mut employers: Vec<i64> = staff_of
        .iter()
        .filter(|(_, v)| v.len() >= 2)
        .map(|(e, _)| *e)
        .collect();
    employers.sort_unstable();
    for n in 0..YEARLY.min(employers.len()) {
        let employer = employers[(n * 7919) % employers.len()];
        let staff = &staff_of[&employer];
        let mut rows = Vec::new();
        let mut monthly = 0;
        for &i in staff.iter().take(30) {
            let wage = d.range(lo / 2, hi / 2);
            monthly += wage;
            rows.push(serde_json::json!({
                "id_number": out.persons[i].id_number,
                "name": out.persons[i].name,
                "wage": wage,
                "base": clamp_base(wage, DEMO_AVERAGE_WAGE),
            }));
        }
        // Filings 0–5 are clean; the others each carry one kind of mistake.
        match n {
            6 | 7 => {
                // A base declared below the person's wage.
                let r = &mut rows[0];
                let wage = r["wage"].as_i64().unwrap_or(lo).max(lo + 1_000_00);
                r["wage"] = wage.into();
                r["base"] = (wage - 800_00).into();
            }
            8 => {
                // Someone insured elsewhere, listed by mistake.
                let other = out.persons.iter().find(|p| {
                    p.employer_id != Some(employer)
                        && p.status == crate::domain::PersonStatus::Active
                });
                if let Some(p) = other {
                    rows.push(serde_json::json!({
                        "id_number": p.id_number, "name": p.name,
                        "wage": lo, "base": lo,
                    }));
                }
            }
            _ => {}
        }
        let statement = match n {
            // The financial statement's wages are well above what was declared.
            9 | 10 => monthly * 12 * (110 + d.range(0, 15)) / 100,
            // Not filed: nothing to compare with.
            11 => 0,
            // Rounding only, within the 1 % allowance.
            _ => monthly * 12 + d.range(0, monthly / 10),
        };
        let mut declared = serde_json::json!({
            "year": today.year(),
            "employer_uscc": out.employers[(employer - 1) as usize].uscc,
            "persons": rows,
        });
        if statement > 0 {
            declared["statement_wage_total"] = statement.into();
        }
        let id = *next_id;
        *next_id += 1;
        out.filings.push(FilingRow {
            id,
            kind: FilingKind::ContributionBase,
            status: "pending".into(),
            employer_id: Some(employer),
            person_id: None,
            received_at: received(d, today),
            declared: declared.to_string(),
            assigned_to: Some(*d.pick(&CLERKS)),
        });
        materials(
            out,
            input,
            id,
            (statement == 0).then_some("financial-statement"),
        );
    }
}

fn retirees(
    d: &mut Dice,
    out: &mut DemoData,
    input: &DemoInputs<'_>,
    today: NaiveDate,
    next_id: &mut i64,
) {
    let retired: Vec<usize> = out
        .persons
        .iter()
        .enumerate()
        .filter(|(_, p)| p.status == crate::domain::PersonStatus::Retired)
        .map(|(i, _)| i)
        .take(RETIREES * 50)
        .collect();
    for n in 0..RETIREES.min(retired.len()) {
        let p = &out.persons[retired[(n * 37) % retired.len()]];
        let birth: i32 = p.id_number[6..10].parse().unwrap_or(1960);
        let year = (birth + 60).min(today.year());
        // Three in ten use last year's figure by mistake.
        let used = if n % 10 < 3 { year - 1 } else { year };
        let declared = serde_json::json!({
            "id_number": p.id_number,
            "retirement_year": year,
            "pension_base": pension_figure(used),
        });
        let id = *next_id;
        *next_id += 1;
        out.filings.push(FilingRow {
            id,
            kind: FilingKind::ContributionBase,
            status: "pending".into(),
            employer_id: None,
            person_id: Some(p.id),
            received_at: received(d, today),
            declared: declared.to_string(),
            assigned_to: Some(*d.pick(&CLERKS)),
        });
        materials(out, input, id, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pension_figure_grows_from_three_thousand_yuan() {
        assert_eq!(pension_figure(2010), 3_000_00);
        assert_eq!(pension_figure(2011), 3_150_00);
        assert!(pension_figure(2026) > pension_figure(2025));
    }
}

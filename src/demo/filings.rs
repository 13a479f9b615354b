//! Pending and decided filings of one person each, all six kinds, some
//! with deliberate errors for review to catch.

use super::names::*;
use super::{CLERKS, DEMO_AVERAGE_WAGE, DemoInputs, Dice, phone, ymd};
use crate::domain::FilingKind;
use crate::domain::contribution::base_band;
use crate::store::model::*;
use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc};

/// The kinds the demo's persons file; an employer's registration is
/// received at the counter only, so the demo stays as it was.
const DEMO_KINDS: [FilingKind; 6] = [
    FilingKind::Enroll,
    FilingKind::Suspend,
    FilingKind::Cancel,
    FilingKind::Transfer,
    FilingKind::ChangeDetails,
    FilingKind::ContributionBase,
];

pub(super) fn generate(d: &mut Dice, out: &mut DemoData, input: &DemoInputs<'_>, today: NaiveDate) {
    let (lo, hi) = base_band(DEMO_AVERAGE_WAGE);
    let persons = out.persons.len();
    let employers = out.employers.len();
    // 300 pending across all six kinds, and 200 decided before them.
    for n in 0..500usize {
        let id = n as i64 + 1;
        let kind = DEMO_KINDS[n % DEMO_KINDS.len()];
        let pending = n < 300;
        let person = d.below(persons);
        let p = &out.persons[person];
        let employer = p.employer_id.unwrap_or(d.below(employers) as i64 + 1);
        let age_days = if pending {
            d.range(0, 20)
        } else {
            d.range(21, 200)
        };
        let received = today - Days::new(age_days as u64);
        let at = Utc
            .with_ymd_and_hms(
                received.year(),
                received.month(),
                received.day(),
                1 + d.range(0, 8) as u32,
                d.range(0, 59) as u32,
                0,
            )
            .single()
            .expect("valid time");
        let wrong_id = d.chance(0.04);
        let mut employer_uscc = out.employers[(employer - 1) as usize].uscc.clone();
        if d.chance(0.03) {
            // A typing slip in the credit code: its check character no longer fits.
            let last = employer_uscc.pop().unwrap_or('0');
            employer_uscc.push(if last == 'A' { 'B' } else { 'A' });
        }
        let mut id_number = p.id_number.clone();
        if wrong_id {
            // One digit off: the checksum no longer matches.
            let last = id_number.pop().unwrap_or('0');
            id_number.push(if last == '1' { '2' } else { '1' });
        }
        let declared = match kind {
            FilingKind::RegisterEmployer => serde_json::json!({}),
            FilingKind::Enroll => serde_json::json!({
                "id_number": id_number, "name": p.name,
                "hired_on": (received - Days::new(d.range(1, 45) as u64)).to_string(),
                "wage": d.range(lo, hi / 2),
            }),
            FilingKind::Suspend => serde_json::json!({
                "id_number": id_number,
                "reason": d.pick(&["离职", "停薪留职", "服兵役"]),
                "effective_on": ymd(received.year(), received.month(), 1).to_string(),
            }),
            FilingKind::Cancel => serde_json::json!({
                "id_number": id_number,
                "reason": d.pick(&["death", "emigration", "retirement", "duplicate"]),
            }),
            FilingKind::Transfer => {
                let from_region = *d.pick(&[
                    "石家庄市桥西区",
                    "保定市莲池区",
                    "邢台市信都区",
                    "北京市朝阳区",
                ]);
                let (start, extra) = (d.range(0, 8), d.range(0, 6));
                // Mostly the months before this job began; one in seven
                // reaches into the months already paid here, on purpose.
                let periods = match p.hired_on {
                    Some(h) if extra > 0 => {
                        let end = ymd(h.year(), h.month(), 1) - Days::new(1);
                        let from = (i64::from(end.year()) - 1 - start).max(1995);
                        format!("{from}-01 至 {}-{:02}", end.year(), end.month())
                    }
                    _ => format!("{}-01 至 {}-12", 2010 + start, 2019 + extra),
                };
                serde_json::json!({
                    "id_number": id_number, "from_region": from_region,
                    "to_region": "石家庄市鹿泉区", "periods": periods,
                })
            }
            FilingKind::ChangeDetails => {
                let field = *d.pick(&["phone", "name", "bank_account"]);
                // Drawn the same way for every field, so the rest of the demo stays put.
                let digits = phone(d);
                let n: usize = digits[3..].parse().unwrap_or(0);
                let new = match field {
                    "name" => format!(
                        "{}{}",
                        SURNAMES[n % SURNAMES.len()],
                        GIVEN[n / 7 % GIVEN.len()]
                    ),
                    "bank_account" => format!("622202{digits}00"),
                    _ => digits,
                };
                serde_json::json!({"id_number": id_number, "field": field, "new": new})
            }
            FilingKind::ContributionBase => {
                // Some declarations fall outside the 60–300 % band on purpose.
                let base = match d.below(8) {
                    0 => lo - d.range(1_00, 1_000_00),
                    1 => hi + d.range(1_00, 5_000_00),
                    _ => d.range(lo, hi),
                };
                // Mostly the wage itself; now and then a base declared below it.
                let wage = if d.chance(0.1) {
                    base + d.range(100_00, 2_000_00)
                } else {
                    base
                };
                serde_json::json!({
                    "id_number": id_number, "year": today.year(),
                    "base": base, "wage": wage,
                })
            }
        };
        let mut declared = declared;
        declared["employer_uscc"] = serde_json::Value::String(employer_uscc);
        out.filings.push(FilingRow {
            id,
            kind,
            status: if pending {
                "pending"
            } else if d.chance(0.8) {
                "approved"
            } else {
                "returned"
            }
            .into(),
            employer_id: Some(employer),
            person_id: Some(p.id),
            received_at: at,
            declared: declared.to_string(),
            assigned_to: Some(*d.pick(&CLERKS)),
        });
        for (k, material, _required) in input.checklists.iter() {
            if k != kind.code() {
                continue;
            }
            let present = !d.chance(0.08);
            out.materials.push(MaterialRow {
                filing_id: id,
                material: material.clone(),
                present,
                valid: present && !d.chance(0.05),
            });
        }
    }
}

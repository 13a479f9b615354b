//! The checks of an enrollment filing (参保申报审核): everything a clerk
//! would check by eye, each finding a problem with a code and a sentence the
//! clerk can read aloud (the sentences are in `i18n`). The checklist of
//! materials comes from the database, not from here.

use super::contribution::base_band;
use super::{FilingKind, ResidentId, Uscc};
use chrono::{Datelike, NaiveDate};
use serde_json::Value;

/// Registration is due within this many days of hire (社会保险法 art. 58).
pub const REGISTRATION_DAYS: i64 = 30;

/// Reasons a cancellation may give.
pub const CANCEL_REASONS: [&str; 5] = [
    "death",
    "emigration",
    "retirement",
    "duplicate",
    "other-insurance",
];

/// One material of the filing against its checklist line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaterialFact {
    pub material: String,
    pub required: bool,
    /// None when the filing does not list it at all.
    pub present: Option<bool>,
    pub valid: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerFact {
    pub uscc: String,
    pub status: String,
    pub arrears: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFact {
    pub id_number: String,
    pub status: String,
    pub employer_id: Option<i64>,
    pub last_paid_month: Option<NaiveDate>,
}

/// What the checks need to know about one filing.
#[derive(Debug, Clone, PartialEq)]
pub struct FilingFacts {
    pub kind: FilingKind,
    pub employer_id: Option<i64>,
    pub received_on: NaiveDate,
    pub declared: Value,
    pub materials: Vec<MaterialFact>,
    pub employer: Option<EmployerFact>,
    pub person: Option<PersonFact>,
    /// The prior-year average monthly wage for the declared year, in fen.
    pub average_wage: Option<i64>,
    pub today: NaiveDate,
}

/// What is wrong, with what the sentence needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    MissingMaterial(String),
    InvalidMaterial(String),
    BadIdNumber(String),
    BadUscc(String),
    NoEmployer,
    EmployerInactive,
    AlreadyEnrolled,
    LateRegistration {
        days: i64,
    },
    PersonNotActive,
    NoReason,
    EffectiveBeforeLastPaid {
        effective: NaiveDate,
        last_paid: NaiveDate,
    },
    BadCancelReason(String),
    EmployerArrears {
        fen: i64,
    },
    NoRegions,
    NoTransferPeriods,
    NoChangedField,
    BadNewIdNumber,
    BaseBelowBand {
        base: i64,
        floor: i64,
    },
    BaseAboveBand {
        base: i64,
        ceiling: i64,
    },
    BaseBelowWage {
        base: i64,
        wage: i64,
    },
    NoAverageWage {
        year: i64,
    },
    BadAmount(String),
}

impl Problem {
    /// A stable code for scripts and exports.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            MissingMaterial(_) => "material-missing",
            InvalidMaterial(_) => "material-invalid",
            BadIdNumber(_) => "id-number-invalid",
            BadUscc(_) => "uscc-invalid",
            NoEmployer => "employer-unknown",
            EmployerInactive => "employer-inactive",
            AlreadyEnrolled => "already-enrolled",
            LateRegistration { .. } => "registration-late",
            PersonNotActive => "person-not-active",
            NoReason => "reason-missing",
            EffectiveBeforeLastPaid { .. } => "effective-before-last-paid",
            BadCancelReason(_) => "cancel-reason-invalid",
            EmployerArrears { .. } => "employer-arrears",
            NoRegions => "regions-missing",
            NoTransferPeriods => "periods-missing",
            NoChangedField => "changed-field-missing",
            BadNewIdNumber => "new-id-number-invalid",
            BaseBelowBand { .. } => "base-below-band",
            BaseAboveBand { .. } => "base-above-band",
            BaseBelowWage { .. } => "base-below-wage",
            NoAverageWage { .. } => "average-wage-missing",
            BadAmount(_) => "amount-invalid",
        }
    }
}

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn date(v: &Value, key: &str) -> Option<NaiveDate> {
    text(v, key).and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// An amount in fen: a JSON integer, never negative.
fn amount(v: &Value, key: &str, problems: &mut Vec<Problem>) -> Option<i64> {
    match v.get(key) {
        None | Some(Value::Null) => None,
        Some(x) => match x.as_i64().filter(|n| *n >= 0) {
            Some(n) => Some(n),
            None => {
                problems.push(Problem::BadAmount(key.to_string()));
                None
            }
        },
    }
}

/// Every problem of a filing, all at once: a correction notice lists them
/// together, never one at a time.
pub fn check(f: &FilingFacts) -> Vec<Problem> {
    let mut p = Vec::new();
    for m in &f.materials {
        match (m.required, m.present, m.valid) {
            (true, Some(true), Some(true)) | (false, None, _) | (false, Some(false), _) => {}
            (true, None | Some(false), _) => p.push(Problem::MissingMaterial(m.material.clone())),
            (_, Some(true), _) => p.push(Problem::InvalidMaterial(m.material.clone())),
        }
    }
    let d = &f.declared;
    if let Some(id) = text(d, "id_number")
        && ResidentId::parse(id, f.today).is_err()
    {
        p.push(Problem::BadIdNumber(super::mask::mask_id_number(id)));
    }
    if let Some(u) = text(d, "employer_uscc")
        && Uscc::parse(u).is_err()
    {
        p.push(Problem::BadUscc(u.to_string()));
    }
    match &f.employer {
        None if f.employer_id.is_some() || text(d, "employer_uscc").is_some() => {
            p.push(Problem::NoEmployer)
        }
        Some(e) if e.status != "active" => p.push(Problem::EmployerInactive),
        _ => {}
    }
    let person_active = f.person.as_ref().is_some_and(|x| x.status == "active");
    match f.kind {
        FilingKind::Enroll => {
            if let Some(x) = &f.person
                && person_active
                && x.employer_id.is_some()
                && x.employer_id != f.employer_id
            {
                p.push(Problem::AlreadyEnrolled);
            }
            if let Some(hired) = date(d, "hired_on") {
                let days = (f.received_on - hired).num_days();
                if days > REGISTRATION_DAYS {
                    p.push(Problem::LateRegistration { days });
                }
            }
        }
        FilingKind::Suspend => {
            if !person_active {
                p.push(Problem::PersonNotActive);
            }
            if text(d, "reason").is_none() {
                p.push(Problem::NoReason);
            }
            if let (Some(effective), Some(last_paid)) = (
                date(d, "effective_on"),
                f.person.as_ref().and_then(|x| x.last_paid_month),
            ) && effective < last_paid
            {
                p.push(Problem::EffectiveBeforeLastPaid {
                    effective,
                    last_paid,
                });
            }
        }
        FilingKind::Cancel => match text(d, "reason") {
            None => p.push(Problem::NoReason),
            Some(r) if !CANCEL_REASONS.contains(&r) => {
                p.push(Problem::BadCancelReason(r.to_string()))
            }
            Some(_) => {
                if f.person.is_none()
                    && let Some(e) = &f.employer
                    && e.arrears > 0
                {
                    p.push(Problem::EmployerArrears { fen: e.arrears });
                }
            }
        },
        FilingKind::Transfer => {
            if text(d, "from_region").is_none() || text(d, "to_region").is_none() {
                p.push(Problem::NoRegions);
            }
            if text(d, "periods").is_none() {
                p.push(Problem::NoTransferPeriods);
            }
        }
        FilingKind::ChangeDetails => match text(d, "field") {
            None => p.push(Problem::NoChangedField),
            Some("id_number") => {
                if text(d, "new").is_none_or(|n| ResidentId::parse(n, f.today).is_err()) {
                    p.push(Problem::BadNewIdNumber);
                }
            }
            Some(_) => {}
        },
        FilingKind::ContributionBase => {
            let base = amount(d, "base", &mut p);
            let wage = amount(d, "wage", &mut p);
            let year = d
                .get("year")
                .and_then(Value::as_i64)
                .unwrap_or(i64::from(f.today.year()));
            match (base, f.average_wage) {
                (Some(_), None) => p.push(Problem::NoAverageWage { year }),
                (Some(b), Some(avg)) => {
                    let (floor, ceiling) = base_band(avg);
                    if b < floor {
                        p.push(Problem::BaseBelowBand { base: b, floor });
                    } else if b > ceiling {
                        p.push(Problem::BaseAboveBand { base: b, ceiling });
                    }
                }
                _ => {}
            }
            if let (Some(b), Some(w)) = (base, wage) {
                // The base follows the wage up to the ceiling: below the wage is under-declaring.
                let ceiling = f.average_wage.map_or(i64::MAX, |a| base_band(a).1);
                if b < w.min(ceiling) {
                    p.push(Problem::BaseBelowWage { base: b, wage: w });
                }
            }
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn facts(kind: FilingKind, declared: Value) -> FilingFacts {
        FilingFacts {
            kind,
            employer_id: Some(1),
            received_on: d(2026, 11, 20),
            declared,
            materials: vec![MaterialFact {
                material: "id-card".into(),
                required: true,
                present: Some(true),
                valid: Some(true),
            }],
            employer: Some(EmployerFact {
                uscc: "91110000600037341L".into(),
                status: "active".into(),
                arrears: 0,
            }),
            person: Some(PersonFact {
                id_number: "360426199101010071".into(),
                status: "active".into(),
                employer_id: Some(1),
                last_paid_month: Some(d(2026, 10, 1)),
            }),
            average_wage: Some(7_000_00),
            today: d(2026, 11, 27),
        }
    }

    fn codes(f: &FilingFacts) -> Vec<&'static str> {
        check(f).iter().map(Problem::code).collect()
    }

    #[test]
    fn a_clean_filing_of_every_kind_has_no_problem() {
        let clean = [
            (
                FilingKind::Enroll,
                json!({"id_number": "360426199101010071", "hired_on": "2026-11-01"}),
            ),
            (
                FilingKind::Suspend,
                json!({"reason": "离职", "effective_on": "2026-11-01"}),
            ),
            (FilingKind::Cancel, json!({"reason": "death"})),
            (
                FilingKind::Transfer,
                json!({"from_region": "保定市", "to_region": "鹿泉区", "periods": "2015-01 至 2020-12"}),
            ),
            (
                FilingKind::ChangeDetails,
                json!({"field": "phone", "new": "13812345678"}),
            ),
            (
                FilingKind::ContributionBase,
                json!({"base": 8_000_00, "wage": 8_000_00}),
            ),
        ];
        for (kind, declared) in clean {
            assert_eq!(
                codes(&facts(kind, declared)),
                Vec::<&str>::new(),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn a_missing_or_invalid_required_material_is_a_problem_and_an_optional_one_is_not() {
        let mut f = facts(FilingKind::Cancel, json!({"reason": "death"}));
        f.materials = vec![
            MaterialFact {
                material: "cancel-form".into(),
                required: true,
                present: None,
                valid: None,
            },
            MaterialFact {
                material: "cancel-proof".into(),
                required: true,
                present: Some(true),
                valid: Some(false),
            },
            MaterialFact {
                material: "extra".into(),
                required: false,
                present: None,
                valid: None,
            },
        ];
        assert_eq!(codes(&f), ["material-missing", "material-invalid"]);
    }

    #[test]
    fn bad_checksums_and_an_inactive_employer_are_problems() {
        let mut f = facts(
            FilingKind::Suspend,
            json!({"reason": "离职", "id_number": "36042619910102009X", "employer_uscc": "91110000600037341N"}),
        );
        f.employer.as_mut().unwrap().status = "cancelled".into();
        assert_eq!(
            codes(&f),
            ["id-number-invalid", "uscc-invalid", "employer-inactive"]
        );
        f.employer = None;
        assert!(codes(&f).contains(&"employer-unknown"));
    }

    #[test]
    fn an_enrollment_late_or_for_someone_enrolled_elsewhere_is_flagged() {
        let mut f = facts(FilingKind::Enroll, json!({"hired_on": "2026-09-01"}));
        f.person.as_mut().unwrap().employer_id = Some(2);
        assert_eq!(codes(&f), ["already-enrolled", "registration-late"]);
        let on_time = facts(FilingKind::Enroll, json!({"hired_on": "2026-10-21"}));
        assert!(codes(&on_time).is_empty(), "30 days is still on time");
    }

    #[test]
    fn a_suspension_needs_an_active_person_a_reason_and_a_date_after_the_last_paid_month() {
        let mut f = facts(FilingKind::Suspend, json!({"effective_on": "2026-09-01"}));
        f.person.as_mut().unwrap().status = "retired".into();
        assert_eq!(
            codes(&f),
            [
                "person-not-active",
                "reason-missing",
                "effective-before-last-paid"
            ]
        );
    }

    #[test]
    fn a_cancellation_needs_a_listed_reason_and_an_employer_without_arrears() {
        assert_eq!(
            codes(&facts(FilingKind::Cancel, json!({"reason": "bored"}))),
            ["cancel-reason-invalid"]
        );
        let mut f = facts(FilingKind::Cancel, json!({"reason": "duplicate"}));
        f.person = None;
        f.employer.as_mut().unwrap().arrears = 1_200_00;
        assert_eq!(codes(&f), ["employer-arrears"]);
    }

    #[test]
    fn a_transfer_needs_regions_and_periods() {
        assert_eq!(
            codes(&facts(
                FilingKind::Transfer,
                json!({"from_region": "保定市"})
            )),
            ["regions-missing", "periods-missing"]
        );
    }

    #[test]
    fn a_change_of_id_number_needs_a_valid_new_number() {
        assert_eq!(
            codes(&facts(FilingKind::ChangeDetails, json!({}))),
            ["changed-field-missing"]
        );
        let bad = facts(
            FilingKind::ChangeDetails,
            json!({"field": "id_number", "new": "36042619910102009X"}),
        );
        assert_eq!(codes(&bad), ["new-id-number-invalid"]);
        let good = facts(
            FilingKind::ChangeDetails,
            json!({"field": "id_number", "new": "360426199101010071"}),
        );
        assert!(codes(&good).is_empty());
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

    #[test]
    fn an_invalid_id_in_a_problem_is_kept_masked() {
        let f = facts(
            FilingKind::Cancel,
            json!({"reason": "death", "id_number": "36042619910102009X"}),
        );
        assert_eq!(
            check(&f)[0],
            Problem::BadIdNumber("360426********009X".into())
        );
    }
}

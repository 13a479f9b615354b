//! The checks of an enrollment filing (参保申报审核): everything a clerk
//! would check by eye, each finding a problem with a code and a sentence the
//! clerk can read aloud (the sentences are in `i18n`). The checklist of
//! materials comes from the database, not from here.

mod base;
pub mod periods;

pub use base::STATEMENT_TOLERANCE_PERMILLE;

use super::{FilingKind, ResidentId, Uscc};
use chrono::NaiveDate;
use periods::{Month, first_overlap, parse_periods};
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
    /// ID numbers of the persons actively insured with it; read only for a
    /// yearly declaration (which must list no one else) and for the
    /// employer's own cancellation (which must leave no one).
    pub insured: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFact {
    pub id_number: String,
    pub status: String,
    pub employer_id: Option<i64>,
    pub hired_on: Option<NaiveDate>,
    pub last_paid_month: Option<NaiveDate>,
}

/// A published figure: the day it takes effect, its region, the amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub effective_from: NaiveDate,
    pub region: String,
    pub monthly: i64,
}

/// The figure in force on `on`: the latest to have taken effect by then,
/// for `region` when the office names one (else any, the first by name).
/// A base is checked against the average wage in force on the day it was
/// filed, not the one published for the year it names: the new year's
/// figure takes effect in July, and a filing of March is measured against
/// last year's.
pub fn in_force<'a>(
    figures: &'a [Published],
    on: NaiveDate,
    region: &str,
) -> Option<&'a Published> {
    figures
        .iter()
        .filter(|f| f.effective_from <= on)
        .filter(|f| region.is_empty() || f.region == region)
        .max_by(|a, b| {
            a.effective_from
                .cmp(&b.effective_from)
                .then_with(|| b.region.cmp(&a.region))
        })
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
    /// The published pension base (计发基数) for the declared retirement year, in fen.
    pub pension_figure: Option<i64>,
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
    /// The filing names an ID number the register does not have.
    NoPerson,
    /// An employer cancelling while persons are still insured with it.
    EmployerHasInsured {
        count: usize,
    },
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
    /// A period that cannot be read (as written).
    BadPeriod(String),
    PeriodsOverlap {
        first: String,
        second: String,
    },
    /// A period carried in overlaps the months already paid here.
    PeriodPaidHere {
        period: String,
        paid: String,
    },
    NoChangedField,
    UnknownField(String),
    NoNewValue,
    /// Changing a name or an ID number needs the supporting document.
    ChangeNeedsProof(String),
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
    PersonNotRetired,
    NoRetirementYear,
    NoPensionFigure {
        year: i64,
    },
    PensionBaseMismatch {
        base: i64,
        published: i64,
        year: i64,
    },
    /// A yearly declaration that lists no one.
    NoDeclaredPersons,
    NotInsuredHere,
    ListedTwice,
    /// The declared yearly wage total against the financial statement's.
    StatementMismatch {
        declared: i64,
        statement: i64,
    },
    /// An employer registering whose credit code the register already has.
    EmployerRegistered,
    /// An employer registering without its name.
    NoEmployerName,
    /// One row of a yearly declaration; `person` is the masked ID number.
    InRow {
        row: usize,
        person: String,
        problem: Box<Problem>,
    },
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
            NoPerson => "person-unknown",
            EmployerHasInsured { .. } => "employer-has-insured",
            AlreadyEnrolled => "already-enrolled",
            LateRegistration { .. } => "registration-late",
            PersonNotActive => "person-not-active",
            NoReason => "reason-missing",
            EffectiveBeforeLastPaid { .. } => "effective-before-last-paid",
            BadCancelReason(_) => "cancel-reason-invalid",
            EmployerArrears { .. } => "employer-arrears",
            NoRegions => "regions-missing",
            NoTransferPeriods => "periods-missing",
            BadPeriod(_) => "period-invalid",
            PeriodsOverlap { .. } => "periods-overlap",
            PeriodPaidHere { .. } => "period-paid-here",
            NoChangedField => "changed-field-missing",
            UnknownField(_) => "changed-field-unknown",
            NoNewValue => "new-value-missing",
            ChangeNeedsProof(_) => "change-proof-missing",
            BadNewIdNumber => "new-id-number-invalid",
            BaseBelowBand { .. } => "base-below-band",
            BaseAboveBand { .. } => "base-above-band",
            BaseBelowWage { .. } => "base-below-wage",
            NoAverageWage { .. } => "average-wage-missing",
            BadAmount(_) => "amount-invalid",
            PersonNotRetired => "person-not-retired",
            NoRetirementYear => "retirement-year-missing",
            NoPensionFigure { .. } => "pension-figure-missing",
            PensionBaseMismatch { .. } => "pension-base-mismatch",
            NoDeclaredPersons => "persons-missing",
            NotInsuredHere => "person-not-insured-here",
            ListedTwice => "person-listed-twice",
            StatementMismatch { .. } => "statement-mismatch",
            EmployerRegistered => "employer-registered",
            NoEmployerName => "employer-name-missing",
            InRow { problem, .. } => problem.code(),
        }
    }

    /// Every code a problem can have, for the queue's filter by problem.
    pub const CODES: &'static [&'static str] = &[
        "material-missing",
        "material-invalid",
        "id-number-invalid",
        "uscc-invalid",
        "employer-unknown",
        "employer-inactive",
        "person-unknown",
        "employer-has-insured",
        "already-enrolled",
        "registration-late",
        "person-not-active",
        "reason-missing",
        "effective-before-last-paid",
        "cancel-reason-invalid",
        "employer-arrears",
        "regions-missing",
        "periods-missing",
        "period-invalid",
        "periods-overlap",
        "period-paid-here",
        "changed-field-missing",
        "changed-field-unknown",
        "new-value-missing",
        "change-proof-missing",
        "new-id-number-invalid",
        "base-below-band",
        "base-above-band",
        "base-below-wage",
        "average-wage-missing",
        "amount-invalid",
        "person-not-retired",
        "retirement-year-missing",
        "pension-figure-missing",
        "pension-base-mismatch",
        "persons-missing",
        "person-not-insured-here",
        "person-listed-twice",
        "statement-mismatch",
        "employer-registered",
        "employer-name-missing",
    ];
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

/// The periods carried in: readable, not overlapping one another, and not
/// overlapping the months already paid here (from hire to the last paid month).
fn transfer_periods(f: &FilingFacts, p: &mut Vec<Problem>) {
    let Some(written) = text(&f.declared, "periods") else {
        p.push(Problem::NoTransferPeriods);
        return;
    };
    let periods = match parse_periods(written) {
        Ok(x) if x.is_empty() => return p.push(Problem::NoTransferPeriods),
        Ok(x) => x,
        Err(piece) => return p.push(Problem::BadPeriod(piece)),
    };
    if let Some((a, b)) = first_overlap(&periods) {
        p.push(Problem::PeriodsOverlap {
            first: a.to_string(),
            second: b.to_string(),
        });
    }
    if let Some(x) = &f.person
        && let (Some(hired), Some(last)) = (x.hired_on, x.last_paid_month)
        && hired <= last
    {
        let here = periods::Period {
            from: Month::of(hired),
            to: Month::of(last),
        };
        if let Some(clash) = periods.iter().find(|q| q.overlaps(&here)) {
            p.push(Problem::PeriodPaidHere {
                period: clash.to_string(),
                paid: here.to_string(),
            });
        }
    }
}

/// The details a change may touch.
pub const CHANGEABLE: [&str; 4] = ["name", "phone", "bank_account", "id_number"];

/// The material that supports a change of name or ID number.
pub const CHANGE_PROOF: &str = "change-proof";

fn change_details(f: &FilingFacts, p: &mut Vec<Problem>) {
    let d = &f.declared;
    let Some(field) = text(d, "field") else {
        return p.push(Problem::NoChangedField);
    };
    if !CHANGEABLE.contains(&field) {
        return p.push(Problem::UnknownField(field.to_string()));
    }
    let new = text(d, "new");
    if field == "id_number" {
        if new.is_none_or(|n| ResidentId::parse(n, f.today).is_err()) {
            p.push(Problem::BadNewIdNumber);
        }
    } else if new.is_none() {
        p.push(Problem::NoNewValue);
    }
    if matches!(field, "name" | "id_number") {
        let proven = f.materials.iter().any(|m| {
            m.material == CHANGE_PROOF && m.present == Some(true) && m.valid == Some(true)
        });
        // Already said when the checklist itself requires the document.
        let said = p.iter().any(|x| {
            matches!(x, Problem::MissingMaterial(m) | Problem::InvalidMaterial(m) if m == CHANGE_PROOF)
        });
        if !proven && !said {
            p.push(Problem::ChangeNeedsProof(field.to_string()));
        }
    }
}

/// Every problem of a filing, all at once: a correction notice lists them
/// together, never one at a time.
pub fn check(f: &FilingFacts) -> Vec<Problem> {
    let mut p = Vec::new();
    for m in &f.materials {
        match (m.required, m.present, m.valid) {
            (_, Some(true), Some(true)) | (false, None, _) | (false, Some(false), _) => {}
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
        // An employer registering is new: the register must not have it.
        _ if f.kind == FilingKind::RegisterEmployer => {
            if f.employer.is_some() {
                p.push(Problem::EmployerRegistered);
            }
            if text(d, "employer_name").is_none() {
                p.push(Problem::NoEmployerName);
            }
        }
        None if f.employer_id.is_some() || text(d, "employer_uscc").is_some() => {
            p.push(Problem::NoEmployer)
        }
        Some(e) if e.status != "active" => p.push(Problem::EmployerInactive),
        _ => {}
    }
    let person_active = f.person.as_ref().is_some_and(|x| x.status == "active");
    // A filing about a registered person names one the register has; only an
    // enrollment or a transfer in may bring someone new.
    let about_someone = text(d, "id_number").is_some();
    if about_someone
        && f.person.is_none()
        && !matches!(f.kind, FilingKind::Enroll | FilingKind::Transfer)
    {
        p.push(Problem::NoPerson);
    }
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
            if !person_active && f.person.is_some() {
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
            // The employer's own cancellation: no arrears, no one still insured.
            Some(_) if f.person.is_none() && !about_someone => {
                if let Some(e) = &f.employer {
                    if e.arrears > 0 {
                        p.push(Problem::EmployerArrears { fen: e.arrears });
                    }
                    if !e.insured.is_empty() {
                        p.push(Problem::EmployerHasInsured {
                            count: e.insured.len(),
                        });
                    }
                }
            }
            Some(_) => {}
        },
        FilingKind::Transfer => {
            if text(d, "from_region").is_none() || text(d, "to_region").is_none() {
                p.push(Problem::NoRegions);
            }
            transfer_periods(f, &mut p);
        }
        FilingKind::ChangeDetails => change_details(f, &mut p),
        FilingKind::ContributionBase => base::check(f, &mut p),
        FilingKind::RegisterEmployer => {}
    }
    p
}

#[cfg(test)]
mod tests;

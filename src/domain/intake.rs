//! Receiving a filing at the counter (收件登记): what a filing must carry
//! before it is written — its kind's fields in the form the checks read, the
//! real day it was received (not after today), the channel it came by — and
//! the day it must be decided by. Whether what it declares is right is the
//! checks' business (`review`), run at once after it is received, so the
//! clerk sees the problems before the applicant leaves.

use super::calendar::{Deadline, WorkCalendar, office_date, office_offset};
use super::import::values;
use super::kinds::{Channel, FilingKind};
use crate::i18n::Lang;
use crate::sheet::Cell;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

/// A filing is decided within this many working days of its receipt
/// (the office's 办结时限).
pub const DECISION_WORKING_DAYS: u32 = 10;

/// A paper received longer ago than this is not keyed in as received: the
/// office's register of receipts would have had it.
pub const LATEST_BACKDATE_DAYS: i64 = 366;

/// The longest value a field takes (a name, a reason, a period list).
pub const FIELD_MAX_CHARS: usize = 200;

/// What a field's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Text,
    /// A day, `YYYY-MM-DD`.
    Date,
    /// A year, four digits.
    Year,
    /// Yuan as written (`6,420.00`), kept in fen.
    Yuan,
}

/// One field a kind declares: its code (the key the checks read), what it
/// is, whether it must be given, and its labels.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub code: &'static str,
    pub ty: FieldType,
    pub required: bool,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Field {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

const fn f(
    code: &'static str,
    ty: FieldType,
    required: bool,
    zh: &'static str,
    en: &'static str,
) -> Field {
    Field {
        code,
        ty,
        required,
        zh,
        en,
    }
}

use FieldType::{Date, Text, Year, Yuan};

const ID: Field = f("id_number", Text, true, "公民身份号码", "ID number");

const ENROLL: &[Field] = &[
    ID,
    f("name", Text, true, "姓名", "Name"),
    f("phone", Text, false, "联系电话", "Phone"),
    f("hired_on", Date, true, "入职日期", "Hired on"),
    f("wage", Yuan, false, "月工资（元）", "Monthly wage (yuan)"),
];
const SUSPEND: &[Field] = &[
    ID,
    f("reason", Text, true, "中断原因", "Reason"),
    f("effective_on", Date, true, "中断日期", "Effective on"),
];
// Without an ID number, the employer's own cancellation.
const CANCEL: &[Field] = &[
    f("id_number", Text, false, "公民身份号码", "ID number"),
    f("reason", Text, true, "注销原因", "Reason"),
];
const TRANSFER: &[Field] = &[
    ID,
    f("from_region", Text, true, "转出地", "From region"),
    f("to_region", Text, true, "转入地", "To region"),
    f("periods", Text, true, "缴费期间", "Periods"),
];
const CHANGE_DETAILS: &[Field] = &[
    ID,
    f("field", Text, true, "变更项目", "Field changed"),
    f("old", Text, false, "原值", "Old value"),
    f("new", Text, true, "新值", "New value"),
];
const CONTRIBUTION_BASE: &[Field] = &[
    ID,
    f("year", Year, true, "申报年度", "Year"),
    f("base", Yuan, true, "缴费基数（元）", "Base (yuan)"),
    f("wage", Yuan, false, "月工资（元）", "Monthly wage (yuan)"),
];

/// The fields each kind declares, in the order a form asks them.
pub fn fields(kind: FilingKind) -> &'static [Field] {
    match kind {
        FilingKind::Enroll => ENROLL,
        FilingKind::Suspend => SUSPEND,
        FilingKind::Cancel => CANCEL,
        FilingKind::Transfer => TRANSFER,
        FilingKind::ChangeDetails => CHANGE_DETAILS,
        FilingKind::ContributionBase => CONTRIBUTION_BASE,
    }
}

/// One material as the clerk found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaterialTick {
    pub material: String,
    pub present: bool,
    pub valid: bool,
    pub note: String,
}

/// A filing as received, before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub kind: FilingKind,
    pub employer_uscc: String,
    /// (field code, value as typed).
    pub fields: Vec<(String, String)>,
    pub materials: Vec<MaterialTick>,
    pub received_on: NaiveDate,
    pub channel: Channel,
    /// The returned filing this one corrects, after its one-time notice.
    pub resubmits: Option<i64>,
}

/// The returned filing a resubmission names, as the register has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    pub id: i64,
    pub kind: FilingKind,
    pub status: String,
    pub employer_uscc: Option<String>,
    /// The person's ID number it declared, if any.
    pub id_number: Option<String>,
    /// Whether another filing already answers its notice.
    pub answered: bool,
}

/// Whether `r` may be received as the resubmission of `original`: a filing
/// returned with a one-time notice comes back once, the same kind, from the
/// same employer, about the same person.
pub fn fits_original(r: &Receipt, original: &Original) -> Result<(), ReceiptError> {
    if original.status != "returned" {
        return Err(ReceiptError::NotReturned(original.id));
    }
    if original.kind != r.kind {
        return Err(ReceiptError::OtherKind(original.id, original.kind));
    }
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    if !original
        .employer_uscc
        .as_deref()
        .is_some_and(|u| same(u, &r.employer_uscc))
    {
        return Err(ReceiptError::OtherParty(original.id));
    }
    let declared = r
        .fields
        .iter()
        .find(|(k, _)| k == "id_number")
        .map(|(_, v)| v.as_str());
    match (original.id_number.as_deref(), declared) {
        (None, None) => {}
        (Some(a), Some(b)) if same(a, b) => {}
        _ => return Err(ReceiptError::OtherParty(original.id)),
    }
    if original.answered {
        return Err(ReceiptError::AlreadyResubmitted(original.id));
    }
    Ok(())
}

/// Why a receipt cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptError {
    ReceivedAfterToday(NaiveDate),
    ReceivedTooLongAgo(NaiveDate),
    NoEmployer,
    UnknownField(String),
    FieldTwice(String),
    MissingField(&'static str),
    TooLong(&'static str),
    BadDate(&'static str, String),
    BadYear(&'static str, String),
    BadAmount(&'static str, String),
    /// A material not on the kind's checklist (given, the checklist).
    UnknownMaterial(String, Vec<String>),
    MaterialTwice(String),
    /// Valid although not present.
    ValidButAbsent(String),
    /// A resubmission of a filing that was not returned.
    NotReturned(i64),
    /// A returned filing whose notice another filing already answers.
    AlreadyResubmitted(i64),
    /// A resubmission of another kind than the filing returned.
    OtherKind(i64, FilingKind),
    /// A resubmission from another employer, or about another person.
    OtherParty(i64),
}

/// What is written: the declared fields (as the checks read them), and the
/// materials, every one of the checklist's (those not ticked: absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub declared: Value,
    pub materials: Vec<MaterialTick>,
}

/// Checks a receipt's form against the kind's fields and checklist
/// (`checklist`: the kind's materials), `today` being the office's day.
pub fn accept(
    r: &Receipt,
    checklist: &[String],
    today: NaiveDate,
) -> Result<Accepted, ReceiptError> {
    if r.received_on > today {
        return Err(ReceiptError::ReceivedAfterToday(r.received_on));
    }
    if (today - r.received_on).num_days() > LATEST_BACKDATE_DAYS {
        return Err(ReceiptError::ReceivedTooLongAgo(r.received_on));
    }
    if r.employer_uscc.trim().is_empty() {
        return Err(ReceiptError::NoEmployer);
    }
    let known = fields(r.kind);
    let mut declared = Map::new();
    declared.insert(
        "employer_uscc".into(),
        Value::String(r.employer_uscc.trim().to_string()),
    );
    for (code, value) in &r.fields {
        let Some(field) = known.iter().find(|f| f.code == code.as_str()) else {
            return Err(ReceiptError::UnknownField(code.chars().take(40).collect()));
        };
        if declared.contains_key(field.code) {
            return Err(ReceiptError::FieldTwice(field.code.to_string()));
        }
        let value = value.trim();
        if value.chars().count() > FIELD_MAX_CHARS {
            return Err(ReceiptError::TooLong(field.code));
        }
        if value.is_empty() {
            continue;
        }
        let typed = match field.ty {
            Text => Value::String(value.to_string()),
            Date => {
                let day = values::date(&Cell::Text(value.to_string()))
                    .ok()
                    .flatten()
                    .ok_or_else(|| ReceiptError::BadDate(field.code, short(value)))?;
                Value::String(day.to_string())
            }
            Year => value
                .parse::<i64>()
                .ok()
                .filter(|y| (1990..=2100).contains(y))
                .map(Value::from)
                .ok_or_else(|| ReceiptError::BadYear(field.code, short(value)))?,
            Yuan => values::yuan(&Cell::Text(value.to_string()))
                .ok()
                .flatten()
                .filter(|fen| *fen >= 0)
                .map(Value::from)
                .ok_or_else(|| ReceiptError::BadAmount(field.code, short(value)))?,
        };
        declared.insert(field.code.to_string(), typed);
    }
    if let Some(missing) = known
        .iter()
        .find(|f| f.required && !declared.contains_key(f.code))
    {
        return Err(ReceiptError::MissingField(missing.code));
    }
    let mut materials: Vec<MaterialTick> = Vec::new();
    for m in &r.materials {
        if !checklist.contains(&m.material) {
            return Err(ReceiptError::UnknownMaterial(
                short(&m.material),
                checklist.to_vec(),
            ));
        }
        if materials.iter().any(|x| x.material == m.material) {
            return Err(ReceiptError::MaterialTwice(m.material.clone()));
        }
        if m.valid && !m.present {
            return Err(ReceiptError::ValidButAbsent(m.material.clone()));
        }
        if m.note.chars().count() > FIELD_MAX_CHARS {
            return Err(ReceiptError::TooLong("note"));
        }
        materials.push(m.clone());
    }
    // What was not ticked was not handed in: the checks will say so.
    for c in checklist {
        if !materials.iter().any(|m| &m.material == c) {
            materials.push(MaterialTick {
                material: c.clone(),
                present: false,
                valid: false,
                note: String::new(),
            });
        }
    }
    Ok(Accepted {
        declared: Value::Object(declared),
        materials,
    })
}

/// When a filing came in: now, for a paper received today; the office's
/// morning (09:00) of the day it came, for one keyed in later.
pub fn received_at(received_on: NaiveDate, now: DateTime<Utc>) -> DateTime<Utc> {
    if office_date(now) == received_on {
        return now;
    }
    received_on
        .and_hms_opt(9, 0, 0)
        .and_then(|t| t.and_local_timezone(office_offset()).single())
        .map_or(now, |t| t.with_timezone(&Utc))
}

/// The day a filing received on `received_on` must be decided by.
pub fn decide_by(cal: &WorkCalendar, received_on: NaiveDate) -> Deadline {
    cal.add_working_days(received_on, DECISION_WORKING_DAYS)
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn checklist() -> Vec<String> {
        vec!["身份证复印件".into(), "劳动合同".into()]
    }

    fn enrol(fields: &[(&str, &str)]) -> Receipt {
        Receipt {
            kind: FilingKind::Enroll,
            employer_uscc: "91130110MA0CXXXX0X".into(),
            fields: fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            materials: vec![MaterialTick {
                material: "身份证复印件".into(),
                present: true,
                valid: true,
                note: String::new(),
            }],
            received_on: d(2026, 11, 27),
            channel: Channel::Window,
            resubmits: None,
        }
    }

    const TODAY: (i32, u32, u32) = (2026, 11, 27);

    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn an_enrollment_is_written_in_the_shape_the_checks_read() {
        let r = enrol(&[
            ("id_number", "130110199003071234"),
            ("name", " 王立新 "),
            ("hired_on", "2026/11/2"),
            ("wage", "6,420.00"),
        ]);
        let a = accept(&r, &checklist(), today()).unwrap();
        assert_eq!(a.declared["name"], "王立新");
        assert_eq!(a.declared["hired_on"], "2026-11-02");
        assert_eq!(a.declared["wage"], 6_420_00);
        assert_eq!(a.declared["employer_uscc"], "91130110MA0CXXXX0X");
        // The contract was not ticked: recorded as not handed in.
        let contract = a
            .materials
            .iter()
            .find(|m| m.material == "劳动合同")
            .unwrap();
        assert!(!contract.present && !contract.valid);
        assert_eq!(a.materials.len(), 2);
    }

    #[test]
    fn a_paper_is_received_on_a_real_day_not_after_today() {
        let mut r = enrol(&[
            ("id_number", "130110199003071234"),
            ("name", "王立新"),
            ("hired_on", "2026-11-02"),
        ]);
        r.received_on = d(2026, 11, 28);
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::ReceivedAfterToday(d(2026, 11, 28)))
        );
        r.received_on = d(2025, 11, 1);
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::ReceivedTooLongAgo(d(2025, 11, 1)))
        );
        // Keyed in a week late: received on the day it came.
        r.received_on = d(2026, 11, 20);
        assert!(accept(&r, &checklist(), today()).is_ok());
    }

    #[test]
    fn each_kind_asks_its_own_fields_and_refuses_others() {
        let r = enrol(&[("id_number", "130110199003071234"), ("name", "王立新")]);
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::MissingField("hired_on"))
        );
        let r = enrol(&[
            ("id_number", "130110199003071234"),
            ("name", "王立新"),
            ("hired_on", "2026-11-02"),
            ("base", "5000"),
        ]);
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::UnknownField("base".into()))
        );
        let r = enrol(&[
            ("id_number", "130110199003071234"),
            ("name", "王立新"),
            ("hired_on", "十一月"),
        ]);
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::BadDate("hired_on", "十一月".into()))
        );
        let mut r = enrol(&[
            ("id_number", "130110199003071234"),
            ("year", "26"),
            ("base", "abc"),
        ]);
        r.kind = FilingKind::ContributionBase;
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::BadYear("year", "26".into()))
        );
        // The employer's own cancellation names no one.
        let mut r = enrol(&[("reason", "other-insurance")]);
        r.kind = FilingKind::Cancel;
        assert!(accept(&r, &checklist(), today()).is_ok());
    }

    #[test]
    fn materials_are_the_kinds_own_each_once() {
        let mut r = enrol(&[
            ("id_number", "130110199003071234"),
            ("name", "王立新"),
            ("hired_on", "2026-11-02"),
        ]);
        r.materials.push(MaterialTick {
            material: "户口本".into(),
            present: true,
            valid: true,
            note: String::new(),
        });
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::UnknownMaterial("户口本".into(), checklist()))
        );
        r.materials.pop();
        r.materials.push(r.materials[0].clone());
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::MaterialTwice("身份证复印件".into()))
        );
        r.materials.pop();
        r.materials[0].present = false;
        assert_eq!(
            accept(&r, &checklist(), today()),
            Err(ReceiptError::ValidButAbsent("身份证复印件".into()))
        );
    }

    #[test]
    fn a_returned_filing_comes_back_once_the_same_kind_from_the_same_party() {
        let r = enrol(&[
            ("id_number", "130110199003071234"),
            ("name", "王立新"),
            ("hired_on", "2026-11-02"),
        ]);
        let original = Original {
            id: 41,
            kind: FilingKind::Enroll,
            status: "returned".into(),
            employer_uscc: Some("91130110ma0cxxxx0x".into()),
            id_number: Some("130110199003071234".into()),
            answered: false,
        };
        assert_eq!(fits_original(&r, &original), Ok(()));
        let pending = Original {
            status: "pending".into(),
            ..original.clone()
        };
        assert_eq!(
            fits_original(&r, &pending),
            Err(ReceiptError::NotReturned(41))
        );
        let answered = Original {
            answered: true,
            ..original.clone()
        };
        assert_eq!(
            fits_original(&r, &answered),
            Err(ReceiptError::AlreadyResubmitted(41))
        );
        let other_kind = Original {
            kind: FilingKind::Transfer,
            ..original.clone()
        };
        assert_eq!(
            fits_original(&r, &other_kind),
            Err(ReceiptError::OtherKind(41, FilingKind::Transfer))
        );
        let someone_else = Original {
            id_number: Some("11010519491231002X".into()),
            ..original.clone()
        };
        assert_eq!(
            fits_original(&r, &someone_else),
            Err(ReceiptError::OtherParty(41))
        );
        let other_employer = Original {
            employer_uscc: Some("91130110MA0CYYYY0Y".into()),
            ..original
        };
        assert_eq!(
            fits_original(&r, &other_employer),
            Err(ReceiptError::OtherParty(41))
        );
    }

    #[test]
    fn a_paper_keyed_in_later_is_received_on_its_own_day() {
        let now: DateTime<Utc> = "2026-11-27T06:30:00Z".parse().unwrap();
        assert_eq!(received_at(d(2026, 11, 27), now), now);
        let earlier = received_at(d(2026, 11, 20), now);
        assert_eq!(earlier.to_rfc3339(), "2026-11-20T01:00:00+00:00");
        assert_eq!(office_date(earlier), d(2026, 11, 20));
    }

    #[test]
    fn a_filing_is_decided_within_ten_working_days() {
        let file =
            super::super::calendar::CalendarFile::parse(include_str!("../../data/calendar.toml"))
                .unwrap();
        let cal = WorkCalendar::from_years(&file.year);
        // Friday 27 November 2026: two weeks of working days on.
        assert_eq!(decide_by(&cal, d(2026, 11, 27)).date, d(2026, 12, 11));
    }
}

//! Receiving a filing at the counter (收件登记): what a filing must carry
//! before it is written — its kind's fields in the form the checks read, the
//! real day it was received (not after today), the channel it came by — and
//! the day it must be decided by. Whether what it declares is right is the
//! checks' business (`review`), run at once after it is received, so the
//! clerk sees the problems before the applicant leaves.

use super::calendar::{Deadline, WorkCalendar, office_date, office_offset};
use super::import::Cell;
use super::import::values;
use super::kinds::{Channel, FilingKind};
use crate::lang::Lang;
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
const RETIREE_PENSION_BASE: &[Field] = &[
    ID,
    f("retirement_year", Year, true, "退休年度", "Retirement year"),
    f(
        "pension_base",
        Yuan,
        true,
        "养老金计发基数（元）",
        "Pension base (yuan)",
    ),
];
// The persons come from the employer's spreadsheet, not from fields.
const YEARLY_BASE: &[Field] = &[
    f("year", Year, true, "申报年度", "Year"),
    f(
        "statement_wage_total",
        Yuan,
        false,
        "财务报表工资总额（元）",
        "Statement wage total (yuan)",
    ),
];
// The credit code is the receipt's own (`employer_uscc`).
const REGISTER_EMPLOYER: &[Field] = &[
    f("employer_name", Text, true, "单位名称", "Employer name"),
    f(
        "legal_rep",
        Text,
        false,
        "法定代表人",
        "Legal representative",
    ),
    f("address", Text, false, "单位地址", "Address"),
    f("town", Text, false, "乡镇街道", "Town"),
    f("zone", Text, false, "监管片区", "Zone"),
    f("established_on", Date, false, "成立日期", "Established on"),
];

/// What the counter receives: a filing of one kind, or — for a
/// contribution-base filing — one of its three shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    Enroll,
    Suspend,
    Cancel,
    Transfer,
    ChangeDetails,
    /// One person's contribution base.
    ContributionBase,
    /// A retiree's pension base (退休人员养老金基数).
    RetireePensionBase,
    /// An employer's yearly base declaration, its persons from a spreadsheet.
    YearlyBase,
    /// An employer registering for the first time (参保单位登记).
    RegisterEmployer,
}

impl Form {
    pub const ALL: [Form; 9] = [
        Form::Enroll,
        Form::Suspend,
        Form::Cancel,
        Form::Transfer,
        Form::ChangeDetails,
        Form::ContributionBase,
        Form::RetireePensionBase,
        Form::YearlyBase,
        Form::RegisterEmployer,
    ];

    /// The kind of filing it is written as.
    pub fn kind(self) -> FilingKind {
        match self {
            Form::Enroll => FilingKind::Enroll,
            Form::Suspend => FilingKind::Suspend,
            Form::Cancel => FilingKind::Cancel,
            Form::Transfer => FilingKind::Transfer,
            Form::ChangeDetails => FilingKind::ChangeDetails,
            Form::ContributionBase | Form::RetireePensionBase | Form::YearlyBase => {
                FilingKind::ContributionBase
            }
            Form::RegisterEmployer => FilingKind::RegisterEmployer,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Form::RetireePensionBase => "retiree-pension-base",
            Form::YearlyBase => "yearly-base",
            other => other.kind().code(),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Form::ContributionBase => {
                lang.pick("个人缴费基数申报", "Contribution base (one person)")
            }
            Form::RetireePensionBase => lang.pick("退休人员养老金基数", "Retiree pension base"),
            Form::YearlyBase => lang.pick("单位年度缴费基数申报", "Yearly base declaration"),
            other => other.kind().label(lang),
        }
    }

    /// Its code or either label (any case), as typed or as a spreadsheet
    /// holds it; a contribution-base filing by its kind's name is one
    /// person's.
    pub fn from_any(text: &str) -> Option<Form> {
        let t = text.trim();
        Form::ALL
            .iter()
            .copied()
            .find(|f| {
                f.code().eq_ignore_ascii_case(t)
                    || f.label(Lang::Zh) == t
                    || f.label(Lang::En).eq_ignore_ascii_case(t)
            })
            .or_else(|| match FilingKind::from_any(t)? {
                FilingKind::ContributionBase => Some(Form::ContributionBase),
                k => Form::ALL.iter().copied().find(|f| f.kind() == k),
            })
    }

    /// The fields it declares, in the order a form asks them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Form::Enroll => ENROLL,
            Form::Suspend => SUSPEND,
            Form::Cancel => CANCEL,
            Form::Transfer => TRANSFER,
            Form::ChangeDetails => CHANGE_DETAILS,
            Form::ContributionBase => CONTRIBUTION_BASE,
            Form::RetireePensionBase => RETIREE_PENSION_BASE,
            Form::YearlyBase => YEARLY_BASE,
            Form::RegisterEmployer => REGISTER_EMPLOYER,
        }
    }
}

/// One person of an employer's yearly base declaration, amounts in fen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseRow {
    pub id_number: String,
    pub name: String,
    pub wage: i64,
    pub base: i64,
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
    pub form: Form,
    pub employer_uscc: String,
    /// (field code, value as typed).
    pub fields: Vec<(String, String)>,
    pub materials: Vec<MaterialTick>,
    pub received_on: NaiveDate,
    pub channel: Channel,
    /// The returned filing this one corrects, after its one-time notice.
    pub resubmits: Option<i64>,
    /// A yearly declaration's persons, read from its spreadsheet.
    pub persons: Vec<BaseRow>,
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
    if original.kind != r.form.kind() {
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
    /// Hired before the birth day the ID number gives (that day).
    HiredBeforeBirth(NaiveDate),
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
    /// A credit code that fails its checksum (an employer registering).
    BadUscc(String),
    /// A yearly declaration without its persons' spreadsheet.
    NoPersons,
    /// Persons given with a form that takes none.
    PersonsNotTaken,
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
    // An employer registering brings a code no register has checked yet.
    if r.form == Form::RegisterEmployer && super::Uscc::parse(r.employer_uscc.trim()).is_err() {
        return Err(ReceiptError::BadUscc(short(r.employer_uscc.trim())));
    }
    let known = r.form.fields();
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
    let day = |k: &str| {
        declared
            .get(k)
            .and_then(Value::as_str)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    if let (Some(hired), Some(id)) = (day("hired_on"), declared.get("id_number"))
        && let Some(born) = id
            .as_str()
            .and_then(|s| super::ResidentId::parse(s, today).ok())
            .and_then(|r| r.born_after(hired))
    {
        return Err(ReceiptError::HiredBeforeBirth(born));
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
    match (r.form == Form::YearlyBase, r.persons.is_empty()) {
        (true, true) => return Err(ReceiptError::NoPersons),
        (false, false) => return Err(ReceiptError::PersonsNotTaken),
        (true, false) => {
            let rows = r
                .persons
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "id_number": p.id_number, "name": p.name, "wage": p.wage, "base": p.base,
                    })
                })
                .collect();
            declared.insert("persons".into(), Value::Array(rows));
        }
        (false, true) => {}
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
mod tests;

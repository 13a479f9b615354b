//! Registers imported from the office's spreadsheets: the columns of each
//! kind (headed in Chinese or English), and every row checked with the
//! domain's rules — checksums, dates, amounts, known kinds and statuses, a
//! natural key given once. What a row refers to elsewhere (an employer by
//! its credit code, a licence by its number, a zone) is resolved by the
//! workflow against the database.

pub mod cell;
mod columns;
pub mod filings;
pub mod values;

use columns::{EMPLOYER, LICENCE, PERSON, SETTLEMENT};

use super::resident_id::{ResidentId, ResidentIdError};
use super::uscc::{Uscc, UsccError};
use super::{EmployerStatus, LicenceKind, LicenceStatus, PersonStatus};
pub use cell::Cell;
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    Licences,
    Employers,
    Persons,
    Settlements,
    /// Filings from the upstream declaration system (网上申报), received
    /// as the counter receives them.
    Filings,
}

impl ImportKind {
    pub const ALL: [ImportKind; 5] = [
        ImportKind::Licences,
        ImportKind::Employers,
        ImportKind::Persons,
        ImportKind::Settlements,
        ImportKind::Filings,
    ];

    pub fn parse(s: &str) -> Option<ImportKind> {
        match s.trim() {
            "licences" | "licence" | "许可证" => Some(ImportKind::Licences),
            "employers" | "employer" | "参保单位" => Some(ImportKind::Employers),
            "persons" | "person" | "参保人员" => Some(ImportKind::Persons),
            "settlements" | "settlement" | "结算数据" => Some(ImportKind::Settlements),
            "filings" | "filing" | "网上申报" | "申报" => Some(ImportKind::Filings),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Licences => "licences",
            ImportKind::Employers => "employers",
            ImportKind::Persons => "persons",
            ImportKind::Settlements => "settlements",
            ImportKind::Filings => "filings",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            ImportKind::Licences => LICENCE,
            ImportKind::Employers => EMPLOYER,
            ImportKind::Persons => PERSON,
            ImportKind::Settlements => SETTLEMENT,
            ImportKind::Filings => filings::FILING,
        }
    }

    /// The columns that together name a record: given once in a file.
    pub fn key(self) -> &'static [&'static str] {
        match self {
            ImportKind::Licences => &["number"],
            ImportKind::Employers => &["uscc"],
            ImportKind::Persons => &["id_number"],
            ImportKind::Settlements => &["licence_id", "month"],
            ImportKind::Filings => &["upstream_no"],
        }
    }

    /// Where the key's columns stand among the kind's columns.
    pub fn key_at(self) -> Vec<usize> {
        let cols = self.columns();
        self.key()
            .iter()
            .filter_map(|k| cols.iter().position(|c| c.key == *k))
            .collect()
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Text of at most this many characters.
    Text(usize),
    IdNumber,
    Uscc,
    Date,
    Month,
    Yuan,
    Count,
    PersonStatus,
    EmployerStatus,
    LicenceKind,
    LicenceStatus,
    /// A zone's code or name (resolved against the zones).
    Zone,
    /// An employer by its credit code (resolved to its id).
    Employer,
    /// A licence by its number (resolved to its id).
    Licence,
    /// What a filing is (`intake::Form`), by code or label.
    FilingForm,
}

/// A column: its key (the database's column), its Chinese header, the other
/// headers it goes by, what it holds, and whether a file must have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub zh: &'static str,
    pub aliases: &'static [&'static str],
    pub ty: Type,
    pub required: bool,
}

pub(crate) const fn col(
    key: &'static str,
    zh: &'static str,
    aliases: &'static [&'static str],
    ty: Type,
    required: bool,
) -> Column {
    Column {
        key,
        zh,
        aliases,
        ty,
        required,
    }
}

/// A checked value, as the database stores it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    Text(String),
    Int(Option<i64>),
    Date(Option<NaiveDate>),
    /// An empty cell of an optional column: a new record gets the column's
    /// default, an existing one keeps what it has.
    Empty,
}

/// What the database holds in a column of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Text,
    Int,
    Date,
}

impl Type {
    pub fn stored(self) -> Stored {
        match self {
            Type::Date => Stored::Date,
            Type::Month | Type::Yuan | Type::Count | Type::Employer | Type::Licence => Stored::Int,
            _ => Stored::Text,
        }
    }
}

/// A new record's value of a column its file left empty (or lacks).
pub fn default_value(c: &Column) -> Value {
    match c.ty {
        Type::PersonStatus | Type::EmployerStatus => Value::Text("active".into()),
        Type::LicenceStatus => Value::Text("valid".into()),
        Type::Yuan | Type::Count => Value::Int(Some(0)),
        Type::Date => Value::Date(None),
        Type::Employer | Type::Licence | Type::Month => Value::Int(None),
        // No zone: NULL, as the register has it.
        Type::Zone => Value::Empty,
        _ => Value::Text(String::new()),
    }
}

/// What is wrong with a cell (or a row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    IdNumber(ResidentIdError),
    Uscc(UsccError),
    Date(String),
    /// A day written as Excel's serial number, with the day it would be.
    SerialDate {
        serial: String,
        day: Option<NaiveDate>,
    },
    Month(String),
    Amount(String),
    Count(String),
    /// Not one of the allowed values (a status, a kind).
    Unknown {
        value: String,
        allowed: Vec<String>,
    },
    /// Longer than the column allows (characters), or a huge cell (bytes).
    TooLong {
        len: usize,
        max: usize,
    },
    /// A line break in a one-line column: a quote left open, most likely.
    LineBreak,
    /// A control character, a direction override or another character no
    /// record should carry (NUL, ESC, C1, U+202E…).
    Control(char),
    /// More cells than the header has columns: an unquoted comma, most likely.
    ExtraCells(usize),
    Formula(String),
    /// A long code kept by the spreadsheet as a number: its last digits are gone.
    DigitsLost(String),
    /// The same record twice in the file: the first line it was on.
    Duplicate(usize),
    NoEmployer(String),
    NoLicence(String),
    NoZone(String),
    ExpiresBeforeIssued,
    /// Hired before the ID number's birth day.
    HiredBeforeBirth(NaiveDate),
    /// A filing's row the counter would refuse, and why.
    Receipt(super::intake::Form, super::intake::ReceiptError),
    /// A filing about a person the register does not have (masked).
    NoPerson(String),
    /// An employer registering whose credit code the register has.
    EmployerRegistered(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    /// The column's header as the file has it (or its Chinese header).
    pub column: String,
    pub problem: Problem,
}

/// Why a file's header does not fit the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    /// No header the kind knows.
    NothingMatched,
    /// These columns are required and absent (their Chinese headers).
    Missing(Vec<&'static str>),
    /// Two headers for one column.
    Twice(String, String),
}

/// Which file column each of the kind's columns is in, and the headers
/// that matched nothing (ignored, and said).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub columns: &'static [Column],
    pub at: Vec<Option<usize>>,
    pub ignored: Vec<String>,
}

impl Mapping {
    /// The keys of the columns the file has.
    pub fn present(&self) -> Vec<&'static str> {
        self.columns
            .iter()
            .zip(&self.at)
            .filter(|(_, a)| a.is_some())
            .map(|(c, _)| c.key)
            .collect()
    }
}

fn norm(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Matches a file's headers to the kind's columns.
pub fn map_headers(kind: ImportKind, headers: &[String]) -> Result<Mapping, HeaderProblem> {
    map_columns(kind.columns(), headers)
}

/// Matches a file's headers to these columns.
pub fn map_columns(cols: &'static [Column], headers: &[String]) -> Result<Mapping, HeaderProblem> {
    let mut at: Vec<Option<usize>> = vec![None; cols.len()];
    let mut ignored = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let n = norm(h);
        if n.is_empty() {
            continue;
        }
        let found = cols.iter().position(|c| {
            norm(c.key) == n || norm(c.zh) == n || c.aliases.iter().any(|a| norm(a) == n)
        });
        match found {
            Some(j) => match at[j] {
                Some(first) => return Err(HeaderProblem::Twice(headers[first].clone(), h.clone())),
                None => at[j] = Some(i),
            },
            None => ignored.push(h.clone()),
        }
    }
    if at.iter().all(Option::is_none) {
        return Err(HeaderProblem::NothingMatched);
    }
    let missing: Vec<&'static str> = cols
        .iter()
        .zip(&at)
        .filter(|(c, a)| c.required && a.is_none())
        .map(|(c, _)| c.zh)
        .collect();
    if !missing.is_empty() {
        return Err(HeaderProblem::Missing(missing));
    }
    Ok(Mapping {
        columns: cols,
        at,
        ignored,
    })
}

/// Checks one row: every column's value (a column the file lacks gets its
/// default), or every problem found in it.
pub fn check_row(
    m: &Mapping,
    headers: &[String],
    line: usize,
    cells: &[Cell],
    today: NaiveDate,
) -> Result<Vec<Value>, Vec<RowProblem>> {
    let mut out = Vec::with_capacity(m.at.len());
    let mut problems = Vec::new();
    let extra = cells
        .iter()
        .skip(headers.len())
        .filter(|c| !c.is_empty())
        .count();
    if extra > 0 {
        problems.push((
            usize::MAX,
            RowProblem {
                line,
                column: headers.last().cloned().unwrap_or_default(),
                problem: Problem::ExtraCells(extra),
            },
        ));
    }
    for (c, at) in m.columns.iter().zip(&m.at) {
        let cell = at.and_then(|i| cells.get(i)).unwrap_or(&Cell::Empty);
        match value(c, cell, today) {
            Ok(v) => out.push(v),
            Err(problem) => {
                let column = at
                    .and_then(|i| headers.get(i))
                    .cloned()
                    .unwrap_or_else(|| c.zh.to_string());
                problems.push((
                    at.unwrap_or(usize::MAX),
                    RowProblem {
                        line,
                        column,
                        problem,
                    },
                ));
                out.push(Value::Int(None));
            }
        }
    }
    if problems.is_empty()
        && let (Some(issued), Some(expires)) = (
            date_of(m, &out, "issued_on"),
            date_of(m, &out, "expires_on"),
        )
        && expires < issued
    {
        problems.push((
            usize::MAX,
            RowProblem {
                line,
                column: "有效期至".to_string(),
                problem: Problem::ExpiresBeforeIssued,
            },
        ));
    }
    if problems.is_empty()
        && let (Some(hired), Some(Value::Text(id))) = (
            date_of(m, &out, "hired_on"),
            m.columns
                .iter()
                .position(|c| c.key == "id_number")
                .and_then(|i| out.get(i)),
        )
        && let Some(born) = ResidentId::parse(id, today)
            .ok()
            .and_then(|r| r.born_after(hired))
    {
        problems.push((
            usize::MAX,
            RowProblem {
                line,
                column: "入职日期".to_string(),
                problem: Problem::HiredBeforeBirth(born),
            },
        ));
    }
    if problems.is_empty() {
        return Ok(out);
    }
    // Left to right, as the clerk reads the row.
    problems.sort_by_key(|(at, _)| *at);
    Err(problems.into_iter().map(|(_, p)| p).collect())
}

fn date_of(m: &Mapping, values: &[Value], key: &str) -> Option<NaiveDate> {
    let i = m.columns.iter().position(|c| c.key == key)?;
    match values.get(i)? {
        Value::Date(d) => *d,
        _ => None,
    }
}

fn value(c: &Column, cell: &Cell, today: NaiveDate) -> Result<Value, Problem> {
    use values as v;
    if cell.is_empty() {
        return if c.required {
            Err(Problem::Missing)
        } else {
            Ok(Value::Empty)
        };
    }
    let present = |x: Option<String>| x.ok_or(Problem::Missing);
    Ok(match c.ty {
        Type::Text(max) => {
            let t = present(v::text(cell)?)?;
            let n = t.chars().count();
            if n > max {
                return Err(Problem::TooLong { len: n, max });
            }
            // Every column is one line: a break means a quote left open
            // swallowed the lines after it.
            if t.contains(['\n', '\r']) {
                return Err(Problem::LineBreak);
            }
            if let Some(c) = crate::domain::text::first_harmful(&t) {
                return Err(Problem::Control(c));
            }
            Value::Text(t)
        }
        Type::IdNumber => {
            let t = present(v::code(cell)?)?;
            Value::Text(
                ResidentId::parse(&t, today)
                    .map_err(Problem::IdNumber)?
                    .to_string(),
            )
        }
        // The employer's credit code, checked here, its id found later.
        Type::Uscc | Type::Employer => {
            let t = present(v::code(cell)?)?;
            Value::Text(Uscc::parse(&t).map_err(Problem::Uscc)?.to_string())
        }
        Type::Licence | Type::Zone => {
            let t = present(v::text(cell)?)?;
            if t.contains(['\n', '\r']) {
                return Err(Problem::LineBreak);
            }
            if let Some(c) = crate::domain::text::first_harmful(&t) {
                return Err(Problem::Control(c));
            }
            Value::Text(t)
        }
        Type::Date => Value::Date(Some(v::date(cell)?.ok_or(Problem::Missing)?)),
        Type::Month => Value::Int(Some(v::month(cell)?.ok_or(Problem::Missing)?)),
        Type::Yuan => Value::Int(Some(v::yuan(cell)?.ok_or(Problem::Missing)?)),
        Type::Count => Value::Int(Some(v::count(cell)?.ok_or(Problem::Missing)?)),
        Type::PersonStatus => Value::Text(vocabulary(
            cell,
            PersonStatus::ALL
                .iter()
                .map(|x| x.label(crate::lang::Lang::Zh)),
            |t| {
                PersonStatus::from_any(t)
                    .map(PersonStatus::code)
                    .or(match t {
                        "在职" | "正常" | "参保" | "正常参保" | "在保" => {
                            Some("active")
                        }
                        "暂停" | "暂停缴费" | "中断" => Some("suspended"),
                        "注销" | "终止" | "终止参保" => Some("cancelled"),
                        "退休人员" | "离退休" => Some("retired"),
                        _ => None,
                    })
            },
        )?),
        Type::EmployerStatus => Value::Text(vocabulary(
            cell,
            EmployerStatus::ALL
                .iter()
                .map(|x| x.label(crate::lang::Lang::Zh)),
            |t| {
                EmployerStatus::from_any(t)
                    .map(EmployerStatus::code)
                    .or(match t {
                        "正常" | "在册" | "参保" => Some("active"),
                        "暂停" => Some("suspended"),
                        "注销" | "终止" => Some("cancelled"),
                        _ => None,
                    })
            },
        )?),
        Type::LicenceStatus => Value::Text(vocabulary(
            cell,
            LicenceStatus::ALL
                .iter()
                .map(|x| x.label(crate::lang::Lang::Zh)),
            |t| {
                LicenceStatus::from_any(t)
                    .map(LicenceStatus::code)
                    .or(match t {
                        "正常" | "在用" => Some("valid"),
                        "吊销" => Some("revoked"),
                        "注销" => Some("cancelled"),
                        _ => None,
                    })
            },
        )?),
        Type::FilingForm => Value::Text(vocabulary(
            cell,
            super::intake::Form::ALL
                .iter()
                .map(|x| x.label(crate::lang::Lang::Zh)),
            |t| super::intake::Form::from_any(t).map(super::intake::Form::code),
        )?),
        Type::LicenceKind => Value::Text(vocabulary(
            cell,
            LicenceKind::ALL
                .iter()
                .map(|x| x.label(crate::lang::Lang::Zh)),
            |t| {
                LicenceKind::from_any(t)
                    .or(match t {
                        "人力资源服务机构" | "人力资源服务" => {
                            Some(LicenceKind::HrService)
                        }
                        "民办职业培训学校" | "培训学校" => {
                            Some(LicenceKind::TrainingSchool)
                        }
                        "定点医疗机构" | "定点医院" | "医院" | "诊所" => {
                            Some(LicenceKind::DesignatedClinic)
                        }
                        "定点药店" | "定点零售药店" | "药店" => {
                            Some(LicenceKind::DesignatedPharmacy)
                        }
                        "工伤协议机构" => Some(LicenceKind::WorkInjuryAgreement),
                        _ => None,
                    })
                    .map(LicenceKind::code)
            },
        )?),
    })
}

/// A status or kind as a spreadsheet holds it; unknown, the allowed named.
fn vocabulary<'a>(
    cell: &Cell,
    allowed: impl Iterator<Item = &'a str>,
    find: impl Fn(&str) -> Option<&'static str>,
) -> Result<String, Problem> {
    let t = values::text(cell)?.ok_or(Problem::Missing)?;
    find(&t)
        .map(str::to_string)
        .ok_or_else(|| Problem::Unknown {
            value: t,
            allowed: allowed.map(str::to_string).collect(),
        })
}

/// Rows naming a record already named on an earlier line.
pub fn duplicates(kind: ImportKind, rows: &[(usize, Vec<Value>)]) -> Vec<RowProblem> {
    let cols = kind.columns();
    let key_at = kind.key_at();
    let mut seen: HashMap<Vec<&Value>, usize> = HashMap::with_capacity(rows.len());
    let mut out = Vec::new();
    for (line, values) in rows {
        let key: Vec<&Value> = key_at.iter().map(|i| &values[*i]).collect();
        if let Some(first) = seen.get(&key) {
            out.push(RowProblem {
                line: *line,
                column: cols[key_at[0]].zh.to_string(),
                problem: Problem::Duplicate(*first),
            });
        } else {
            seen.insert(key, *line);
        }
    }
    out
}

#[cfg(test)]
mod tests;

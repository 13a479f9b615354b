//! Registers imported from the office's spreadsheets: the columns of each
//! kind (headed in Chinese or English), and every row checked with the
//! domain's rules — checksums, dates, amounts, known kinds and statuses, a
//! natural key given once. What a row refers to elsewhere (an employer by
//! its credit code, a licence by its number, a zone) is resolved by the
//! workflow against the database.

pub mod values;

use super::resident_id::{ResidentId, ResidentIdError};
use super::uscc::{Uscc, UsccError};
use super::{EmployerStatus, LicenceKind, LicenceStatus, PersonStatus};
use crate::sheet::Cell;
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    Licences,
    Employers,
    Persons,
    Settlements,
}

impl ImportKind {
    pub const ALL: [ImportKind; 4] = [
        ImportKind::Licences,
        ImportKind::Employers,
        ImportKind::Persons,
        ImportKind::Settlements,
    ];

    pub fn parse(s: &str) -> Option<ImportKind> {
        match s.trim() {
            "licences" | "licence" | "许可证" => Some(ImportKind::Licences),
            "employers" | "employer" | "参保单位" => Some(ImportKind::Employers),
            "persons" | "person" | "参保人员" => Some(ImportKind::Persons),
            "settlements" | "settlement" | "结算数据" => Some(ImportKind::Settlements),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Licences => "licences",
            ImportKind::Employers => "employers",
            ImportKind::Persons => "persons",
            ImportKind::Settlements => "settlements",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            ImportKind::Licences => LICENCE,
            ImportKind::Employers => EMPLOYER,
            ImportKind::Persons => PERSON,
            ImportKind::Settlements => SETTLEMENT,
        }
    }

    /// The columns that together name a record: given once in a file.
    pub fn key(self) -> &'static [&'static str] {
        match self {
            ImportKind::Licences => &["number"],
            ImportKind::Employers => &["uscc"],
            ImportKind::Persons => &["id_number"],
            ImportKind::Settlements => &["licence_id", "month"],
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

const fn col(
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

const PERSON: &[Column] = &[
    col(
        "id_number",
        "公民身份号码",
        &["身份证号", "身份证号码", "证件号码", "社会保障号码"],
        Type::IdNumber,
        true,
    ),
    col("name", "姓名", &[], Type::Text(50), true),
    col(
        "phone",
        "联系电话",
        &["手机号", "手机号码", "电话"],
        Type::Text(30),
        false,
    ),
    col(
        "bank_account",
        "银行账号",
        &["银行卡号"],
        Type::Text(40),
        false,
    ),
    col(
        "employer_id",
        "单位统一社会信用代码",
        &["employer_uscc", "单位信用代码", "统一社会信用代码"],
        Type::Employer,
        false,
    ),
    col("status", "参保状态", &["状态"], Type::PersonStatus, false),
    col(
        "hired_on",
        "入职日期",
        &["参加工作日期", "参保日期"],
        Type::Date,
        false,
    ),
    col(
        "contribution_base",
        "缴费基数",
        &["缴费基数（元）", "缴费基数(元)"],
        Type::Yuan,
        false,
    ),
];

const EMPLOYER: &[Column] = &[
    col(
        "uscc",
        "统一社会信用代码",
        &["信用代码", "单位统一社会信用代码"],
        Type::Uscc,
        true,
    ),
    col("name", "单位名称", &["名称"], Type::Text(100), true),
    col("legal_rep", "法定代表人", &["法人"], Type::Text(50), false),
    col("address", "单位地址", &["地址"], Type::Text(200), false),
    col("town", "乡镇街道", &["乡镇", "街道"], Type::Text(50), false),
    col("zone", "监管片区", &["片区"], Type::Zone, false),
    col(
        "status",
        "单位状态",
        &["状态", "参保状态"],
        Type::EmployerStatus,
        false,
    ),
    col("established_on", "成立日期", &[], Type::Date, false),
    col(
        "arrears",
        "欠费金额",
        &["欠费金额（元）", "欠费"],
        Type::Yuan,
        false,
    ),
];

const LICENCE: &[Column] = &[
    col(
        "kind",
        "许可类别",
        &["类别", "证照类别"],
        Type::LicenceKind,
        true,
    ),
    col(
        "number",
        "许可证号",
        &["licence_no", "证书编号", "协议编号", "编号"],
        Type::Text(60),
        true,
    ),
    col(
        "holder",
        "机构名称",
        &["持证单位", "单位名称", "名称"],
        Type::Text(100),
        true,
    ),
    col("uscc", "统一社会信用代码", &["信用代码"], Type::Uscc, true),
    col(
        "legal_rep",
        "法定代表人",
        &["法人", "负责人"],
        Type::Text(50),
        false,
    ),
    col(
        "address",
        "地址",
        &["机构地址", "经营场所"],
        Type::Text(200),
        false,
    ),
    col("district", "所在区县", &["区县"], Type::Text(50), false),
    col("zone", "监管片区", &["片区"], Type::Zone, false),
    col("issued_on", "发证日期", &["签订日期"], Type::Date, true),
    col(
        "expires_on",
        "有效期至",
        &["有效期", "到期日期"],
        Type::Date,
        false,
    ),
    col("status", "状态", &["许可状态"], Type::LicenceStatus, false),
];

const SETTLEMENT: &[Column] = &[
    col(
        "licence_id",
        "许可证号",
        &["licence_no", "协议编号", "机构编号"],
        Type::Licence,
        true,
    ),
    col("month", "结算月份", &["月份"], Type::Month, true),
    col("visits", "就诊人次", &["人次"], Type::Count, true),
    col(
        "outpatient_cost",
        "门诊费用",
        &["门诊费用（元）", "费用"],
        Type::Yuan,
        true,
    ),
    col(
        "persons",
        "服务参保人数",
        &["参保人数", "人数"],
        Type::Count,
        true,
    ),
];

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
    pub kind: ImportKind,
    pub at: Vec<Option<usize>>,
    pub ignored: Vec<String>,
}

impl Mapping {
    /// The keys of the columns the file has.
    pub fn present(&self) -> Vec<&'static str> {
        self.kind
            .columns()
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
    let cols = kind.columns();
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
    Ok(Mapping { kind, at, ignored })
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
    for (c, at) in m.kind.columns().iter().zip(&m.at) {
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
    if problems.is_empty() {
        return Ok(out);
    }
    // Left to right, as the clerk reads the row.
    problems.sort_by_key(|(at, _)| *at);
    Err(problems.into_iter().map(|(_, p)| p).collect())
}

fn date_of(m: &Mapping, values: &[Value], key: &str) -> Option<NaiveDate> {
    let i = m.kind.columns().iter().position(|c| c.key == key)?;
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
                .map(|x| x.label(crate::i18n::Lang::Zh)),
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
                .map(|x| x.label(crate::i18n::Lang::Zh)),
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
                .map(|x| x.label(crate::i18n::Lang::Zh)),
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
        Type::LicenceKind => Value::Text(vocabulary(
            cell,
            LicenceKind::ALL
                .iter()
                .map(|x| x.label(crate::i18n::Lang::Zh)),
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

//! Importing a register from a spreadsheet, for the command line and the
//! screen alike: the file read (any of the office's encodings, or a
//! workbook), every row checked, what rows refer to found in the database,
//! and then all of it written in one transaction — or, with any problem,
//! nothing, and each problem listed.

use crate::domain::Staff;
use crate::domain::import::{
    ImportKind, Mapping, Problem, RowProblem, Type, Value, check_row, duplicates, map_headers,
};
use crate::domain::permissions::{Act, may};
use crate::i18n::{self, Lang};
use crate::sheet;
use crate::store::{ImportCounts, Store};
use crate::workflow::Cx;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// What an import found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    pub kind: ImportKind,
    pub encoding: &'static str,
    pub rows: usize,
    /// Every problem, by line; nothing was written when there is one.
    pub problems: Vec<RowProblem>,
    /// Headers the kind does not know (ignored).
    pub ignored: Vec<String>,
    /// What was written; None on a dry run or with problems.
    pub counts: Option<ImportCounts>,
}

impl ImportOutcome {
    pub fn bad_rows(&self) -> usize {
        let mut lines: Vec<usize> = self.problems.iter().map(|p| p.line).collect();
        lines.dedup();
        lines.len()
    }
}

fn may_import(staff: &Staff, kind: ImportKind) -> bool {
    match kind {
        ImportKind::Licences => may(staff, Act::ImportLicences),
        ImportKind::Settlements => may(staff, Act::ImportSettlements),
        ImportKind::Employers | ImportKind::Persons => may(staff, Act::ImportRegister),
        ImportKind::Filings => may(staff, Act::ReceiveFiling),
    }
}

/// Reads, checks and (unless `dry_run` or a problem) writes a file. Err is
/// a sentence about the whole file (unreadable, wrong header, refused).
pub async fn import_file(
    cx: &Cx<'_>,
    kind: ImportKind,
    path: &Path,
    encoding: Option<&str>,
    dry_run: bool,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<ImportOutcome, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    if !may_import(staff, kind) {
        return Err(i18n::import_not_allowed(lang, kind));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| i18n::sheet_error(lang, &sheet::SheetError::Io(e.to_string())))?;
    let digest = hex::encode(Sha256::digest(&bytes));
    let sheet = sheet::parse(bytes, sheet::is_xlsx(path), encoding)
        .map_err(|e| i18n::sheet_error(lang, &e))?;
    let mapping =
        map_headers(kind, &sheet.headers).map_err(|e| i18n::header_problem(lang, kind, &e))?;
    let mut problems = Vec::new();
    let sheet::Sheet {
        headers,
        rows: cells,
        encoding: read_as,
    } = sheet;
    let total = cells.len();
    let mut rows: Vec<(usize, Vec<Value>)> = Vec::with_capacity(total);
    for (line, cells) in &cells {
        let line = *line;
        match check_row(&mapping, &headers, line, cells, today) {
            Ok(v) => rows.push((line, v)),
            Err(p) => problems.extend(p),
        }
    }
    problems.extend(duplicates(kind, &rows));
    if kind == ImportKind::Filings {
        return filings(
            store,
            staff,
            lang,
            today,
            FileRead {
                mapping,
                headers,
                rows,
                problems,
                total,
                encoding: read_as,
            },
            dry_run,
            progress,
        )
        .await;
    }
    problems.extend(resolve(store, lang, &mapping, &headers, &mut rows).await?);
    problems.sort_by_key(|p| p.line);
    let mut outcome = ImportOutcome {
        kind,
        encoding: read_as,
        rows: total,
        problems,
        ignored: mapping.ignored.clone(),
        counts: None,
    };
    if !outcome.problems.is_empty() || dry_run {
        return Ok(outcome);
    }
    let mut values: Vec<Vec<Value>> = rows.into_iter().map(|(_, v)| v).collect();
    // In key order the key's index grows at its end, page by page, instead
    // of everywhere at once: several times faster on a large register.
    let key_at = kind.key_at();
    values.sort_unstable_by(|a, b| {
        key_at
            .iter()
            .map(|i| a[*i].cmp(&b[*i]))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let counts = store
        .import_rows(
            &staff.login,
            kind,
            &mapping.present(),
            &values,
            &digest[..16],
            progress,
        )
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    outcome.counts = Some(counts);
    Ok(outcome)
}

/// A file as read and checked cell by cell.
struct FileRead {
    mapping: Mapping,
    headers: Vec<String>,
    rows: Vec<(usize, Vec<Value>)>,
    problems: Vec<RowProblem>,
    total: usize,
    encoding: &'static str,
}

/// A batch of filings: received as the counter receives them, all or none
/// (the rows' own problems first: nothing is received then).
async fn filings(
    store: &Store,
    staff: &Staff,
    lang: Lang,
    today: NaiveDate,
    read: FileRead,
    dry_run: bool,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<ImportOutcome, String> {
    let FileRead {
        mapping,
        headers,
        rows,
        mut problems,
        total,
        encoding,
    } = read;
    let header_of = |key: &str| {
        let cols = mapping.columns;
        let j = cols.iter().position(|c| c.key == key);
        j.and_then(|j| mapping.at[j])
            .and_then(|i| headers.get(i).cloned())
            .or_else(|| j.map(|j| cols[j].zh.to_string()))
            .unwrap_or_else(|| key.to_string())
    };
    let stop = !problems.is_empty();
    let batch = super::intake::receive_batch(
        store,
        staff,
        today,
        &rows,
        &header_of,
        dry_run || stop,
        progress,
    )
    .await
    .map_err(|e| i18n::store_error(lang, &e))?;
    problems.extend(batch.problems);
    problems.sort_by_key(|p| p.line);
    let written = problems.is_empty() && !dry_run;
    Ok(ImportOutcome {
        kind: ImportKind::Filings,
        encoding,
        rows: total,
        problems,
        ignored: mapping.ignored.clone(),
        counts: written.then_some(ImportCounts {
            rows: total as u64,
            inserted: batch.received.len() as u64,
            updated: 0,
        }),
    })
}

/// Finds what rows refer to — an employer by credit code, a licence by
/// number, a zone by code or name — putting ids and codes in their place.
async fn resolve(
    store: &Store,
    lang: Lang,
    m: &Mapping,
    headers: &[String],
    rows: &mut [(usize, Vec<Value>)],
) -> Result<Vec<RowProblem>, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let cols = m.columns;
    let mut problems = Vec::new();
    for (j, c) in cols.iter().enumerate() {
        let Some(file_col) = m.at[j] else { continue };
        let header = headers.get(file_col).cloned().unwrap_or_default();
        let table: HashMap<String, Value> = match c.ty {
            Type::Employer => store
                .employer_ids()
                .await
                .map_err(fail)?
                .into_iter()
                .map(|(k, id)| (k, Value::Int(Some(id))))
                .collect(),
            Type::Licence => store
                .licence_ids()
                .await
                .map_err(fail)?
                .into_iter()
                .map(|(k, id)| (k, Value::Int(Some(id))))
                .collect(),
            Type::Zone => store
                .zones()
                .await
                .map_err(fail)?
                .into_iter()
                .flat_map(|(code, name)| {
                    [
                        (code.clone(), Value::Text(code.clone())),
                        (name, Value::Text(code)),
                    ]
                })
                .collect(),
            _ => continue,
        };
        for (line, values) in rows.iter_mut() {
            let Value::Text(given) = &values[j] else {
                continue; // empty: nothing named
            };
            match table.get(given) {
                Some(v) => values[j] = v.clone(),
                None => problems.push(RowProblem {
                    line: *line,
                    column: header.clone(),
                    problem: match c.ty {
                        Type::Employer => Problem::NoEmployer(given.clone()),
                        Type::Licence => Problem::NoLicence(given.clone()),
                        _ => Problem::NoZone(given.clone()),
                    },
                }),
            }
        }
    }
    Ok(problems)
}

/// An import asked for at the desk: the register, the file as typed (`~/`
/// is the user's home), the encoding if not detected, for real or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskImport {
    pub kind: ImportKind,
    pub file: String,
    pub encoding: Option<String>,
    pub dry_run: bool,
}

/// Runs the import the desk asks for, as the command line's: problems are
/// written beside the file and the first said. Ok is what was done; Err
/// why nothing was.
pub async fn from_desk(cx: &Cx<'_>, ask: &DeskImport) -> Result<String, String> {
    let Cx { lang, .. } = *cx;
    let (kind, dry_run) = (ask.kind, ask.dry_run);
    // `~/` as a shell would read it: the desk's users type their home so.
    let path = match ask.file.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().unwrap_or_default().join(rest),
        None => std::path::PathBuf::from(&ask.file),
    };
    let started = std::time::Instant::now();
    let o = import_file(
        cx,
        kind,
        &path,
        ask.encoding.as_deref(),
        dry_run,
        &|_, _| {},
    )
    .await?;
    if let Some(first) = o.problems.first()
        && dry_run
    {
        // A dry run writes no report: the count and the first problem.
        return Err(format!(
            "{} {}",
            i18n::dry_run_problems(lang, o.bad_rows(), o.problems.len()),
            i18n::row_problem_line(lang, first.line, &first.column, &first.problem)
        ));
    }
    if let Some(first) = o.problems.first() {
        let mut report = report_path(&path);
        // A folder it cannot be written to: the first problem is still said.
        if sheet::write_private(&report, report_csv(lang, &o.problems).as_bytes()).is_err() {
            report = std::path::PathBuf::from("-");
        }
        return Err(format!(
            "{} {}",
            i18n::import_refused(
                lang,
                o.bad_rows(),
                o.problems.len(),
                &report.display().to_string()
            ),
            i18n::row_problem_line(lang, first.line, &first.column, &first.problem)
        ));
    }
    Ok(match o.counts {
        None => i18n::import_checked(lang, kind, o.rows, o.encoding),
        Some(c) => i18n::import_done(lang, kind, &c, o.encoding, started.elapsed().as_secs_f64()),
    })
}

/// Where the report of a file's problems goes: beside it, `NAME.errors.csv`.
pub fn report_path(input: &Path) -> std::path::PathBuf {
    let stem = input
        .file_stem()
        .map_or_else(|| "import".into(), |s| s.to_string_lossy().into_owned());
    input.with_file_name(format!("{stem}.errors.csv"))
}

/// The problems as CSV (for a spreadsheet): line, column, problem.
pub fn report_csv(lang: Lang, problems: &[RowProblem]) -> String {
    super::cases::csv_table(
        i18n::report_head(lang),
        problems.iter().map(|p| {
            [
                p.line.to_string(),
                p.column.clone(),
                i18n::import_problem(lang, &p.problem),
            ]
        }),
    )
}

//! Receiving a filing at the counter (收件登记): the one call the command
//! line (and, later, the screen) makes. The filing is written pending with
//! its materials and its audit entry, then checked at once, so the clerk
//! reads its problems before the applicant leaves.

use crate::domain::FilingKind;
use crate::domain::Staff;
use crate::domain::calendar::Deadline;
use crate::domain::import::filings::{ChecklistLine, receipt_of};
use crate::domain::import::{Problem, RowProblem, Value};
use crate::domain::intake::{
    Form, Original, Receipt, accept, decide_by, fits_original, received_at,
};
use crate::domain::permissions::Act;
use crate::i18n::{self, Lang};
use crate::store::{ReceivedFiling, Store};
use crate::workflow::Cx;
use chrono::NaiveDate;

/// A filing received: its number, the day it must be decided by, and what
/// the checks found, each as a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub id: i64,
    pub decide_by: Deadline,
    pub problems: Vec<String>,
}

/// Receives `receipt` as `staff` on `today`. Err is one sentence; nothing is
/// written then.
pub async fn receive(cx: &Cx<'_>, receipt: &Receipt) -> Result<Received, String> {
    let Cx {
        store,
        calendar: cal,
        staff,
        lang,
        today,
    } = *cx;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    cx.allowed(Act::ReceiveFiling)?;
    // One written form of the code (upper case, full-width folded), as the
    // register keeps it.
    let uscc = crate::domain::Uscc::parse(receipt.employer_uscc.trim()).map_or_else(
        |_| receipt.employer_uscc.trim().to_uppercase(),
        |u| u.to_string(),
    );
    let form = receipt.form;
    let known = store.employer_by_uscc(&uscc).await.map_err(fail)?;
    // An employer registering is one the register does not have yet.
    let employer_id = match (form == Form::RegisterEmployer, known) {
        (true, None) => None,
        (true, Some(_)) => return Err(i18n::employer_already_registered(lang, &uscc)),
        (false, Some((id, _))) => Some(id),
        (false, None) => return Err(i18n::no_employer_with(lang, &uscc)),
    };
    let mut receipt = receipt.clone();
    receipt.employer_uscc = uscc.clone();
    if let Some(zone) = receipt
        .fields
        .iter_mut()
        .find(|(k, v)| k == "zone" && !v.trim().is_empty())
    {
        // A zone by its code or its name, written as its code.
        let zones = store.zones().await.map_err(fail)?;
        let given = zone.1.trim().to_string();
        let code = zones
            .into_iter()
            .find(|(code, name)| *code == given || *name == given)
            .map(|(code, _)| code)
            .ok_or_else(|| i18n::no_zone_named(lang, &given))?;
        zone.1 = code;
    }
    let receipt = &receipt;
    let checklist: Vec<String> = store
        .material_requirements()
        .await
        .map_err(fail)?
        .into_iter()
        .filter(|(kind, ..)| kind == form.kind().code())
        .map(|(_, material, _)| material)
        .collect();
    if let Some(original) = receipt.resubmits {
        let row = store
            .filing_original(original)
            .await
            .map_err(fail)?
            .ok_or_else(|| i18n::no_such_filing(lang, original))?;
        let declared: serde_json::Value = serde_json::from_str(&row.declared).unwrap_or_default();
        let o = Original {
            id: original,
            kind: FilingKind::parse(&row.kind)
                .ok_or_else(|| i18n::no_such_filing(lang, original))?,
            status: row.status,
            // An employer's registration names no registered employer.
            employer_uscc: row.employer_uscc.or_else(|| {
                declared
                    .get("employer_uscc")
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            }),
            id_number: declared
                .get("id_number")
                .and_then(|v| v.as_str())
                .map(str::to_string),
            answered: row.answered != 0,
        };
        fits_original(receipt, &o).map_err(|e| i18n::receipt_error(lang, form, &e))?;
    }
    let accepted =
        accept(receipt, &checklist, today).map_err(|e| i18n::receipt_error(lang, form, &e))?;
    let filing = to_write(receipt, employer_id, accepted, store.clock().now(), None);
    let id =
        store
            .receive_filing(staff, &filing)
            .await
            .map_err(|e| match (e, receipt.resubmits) {
                // Another desk answered the same notice a moment before.
                (crate::store::StoreError::Duplicate(_), Some(original)) => i18n::receipt_error(
                    lang,
                    form,
                    &crate::domain::intake::ReceiptError::AlreadyResubmitted(original),
                ),
                (e, _) => fail(e),
            })?;
    // What the checks find is recorded for the queue's filter, and said.
    let found = super::recheck(store, today, Some(&[id]))
        .await
        .map_err(fail)?;
    let problems = found.get(&id).map_or(&[][..], Vec::as_slice);
    Ok(Received {
        id,
        decide_by: decide_by(cal, receipt.received_on),
        problems: super::sentences(store, lang, problems).await?,
    })
}

/// A receipt accepted, as the store writes it: the person by the ID number
/// it declares, the day it came (at `now`'s time of day when that is today).
fn to_write(
    receipt: &Receipt,
    employer_id: Option<i64>,
    accepted: crate::domain::intake::Accepted,
    now: chrono::DateTime<chrono::Utc>,
    upstream_no: Option<String>,
) -> ReceivedFiling {
    ReceivedFiling {
        kind: receipt.form.kind().code().to_string(),
        employer_id,
        id_number: accepted
            .declared
            .get("id_number")
            .and_then(|v| v.as_str())
            .map(|s| s.to_uppercase()),
        received_at: received_at(receipt.received_on, now),
        declared: accepted.declared.to_string(),
        channel: receipt.channel.code().to_string(),
        materials: accepted
            .materials
            .into_iter()
            .map(|m| (m.material, m.present, m.valid, m.note))
            .collect(),
        resubmits: receipt.resubmits,
        upstream_no,
    }
}

/// What a batch found, and the numbers of the filings it received.
pub(super) struct Batch {
    pub problems: Vec<RowProblem>,
    pub received: Vec<i64>,
}

/// A batch of filings from the upstream declaration system, each row
/// checked as the counter checks a paper (`accept`), what it names found
/// (its employer — or, registering, none yet —, its zone, its person unless
/// an enrollment or a transfer brings them), and then every filing not
/// received before written in one transaction. Problems: nothing written.
pub(super) async fn receive_batch(
    store: &Store,
    staff: &Staff,
    today: NaiveDate,
    rows: &[(usize, Vec<Value>)],
    header_of: &(dyn Fn(&str) -> String + Sync),
    dry_run: bool,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<Batch, crate::store::StoreError> {
    let requirements = store.material_requirements().await?;
    let names = store.material_names().await?;
    let checklist = |form: Form| -> Vec<ChecklistLine> {
        requirements
            .iter()
            .filter(|(kind, ..)| kind == form.kind().code())
            .map(|(_, code, _)| {
                names
                    .iter()
                    .find(|(c, ..)| c == code)
                    .cloned()
                    .unwrap_or_else(|| (code.clone(), code.clone(), code.clone()))
            })
            .collect()
    };
    let employers = store.employer_ids().await?;
    let zones = store.zones().await?;
    // A declaration received before is left as it is, unchecked: what it
    // names may have changed since (an employer it registered now exists).
    let numbers: Vec<String> = rows
        .iter()
        .filter_map(|(_, v)| match v.first() {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let before = store.upstream_received(&numbers).await?;
    let mut problems = Vec::new();
    let mut filings = Vec::with_capacity(rows.len());
    let mut asked: Vec<(usize, String)> = Vec::new();
    for (line, values) in rows {
        if matches!(values.first(), Some(Value::Text(t)) if before.contains(t)) {
            continue;
        }
        let mut problem = |key: &str, p: Problem| {
            problems.push(RowProblem {
                line: *line,
                column: header_of(key),
                problem: p,
            })
        };
        let (upstream_no, mut receipt) = match receipt_of(values, checklist) {
            Ok(x) => x,
            Err((key, p)) => {
                problem(key, p);
                continue;
            }
        };
        let form = receipt.form;
        let uscc = receipt.employer_uscc.clone();
        let employer_id = match (form == Form::RegisterEmployer, employers.get(&uscc)) {
            (true, None) => None,
            (true, Some(_)) => {
                problem("employer_uscc", Problem::EmployerRegistered(uscc));
                continue;
            }
            (false, Some(id)) => Some(*id),
            (false, None) => {
                problem("employer_uscc", Problem::NoEmployer(uscc));
                continue;
            }
        };
        if let Some(zone) = receipt.fields.iter_mut().find(|(k, _)| k == "zone") {
            match zones.iter().find(|(c, n)| *c == zone.1 || *n == zone.1) {
                Some((code, _)) => zone.1 = code.clone(),
                None => {
                    problem("zone", Problem::NoZone(zone.1.clone()));
                    continue;
                }
            }
        }
        let codes: Vec<String> = checklist(form).into_iter().map(|(c, ..)| c).collect();
        let accepted = match accept(&receipt, &codes, today) {
            Ok(a) => a,
            Err(e) => {
                problem("kind", Problem::Receipt(form, e));
                continue;
            }
        };
        let filing = to_write(
            &receipt,
            employer_id,
            accepted,
            store.clock().now(),
            Some(upstream_no),
        );
        // Only an enrollment or a transfer in brings someone new.
        if let Some(n) = &filing.id_number
            && !matches!(form, Form::Enroll | Form::Transfer)
        {
            asked.push((*line, n.clone()));
        }
        filings.push(filing);
    }
    let wanted: Vec<String> = asked.iter().map(|(_, n)| n.clone()).collect();
    let known = store.persons_known(&wanted).await?;
    for (line, n) in asked {
        if !known.contains(&n) {
            problems.push(RowProblem {
                line,
                column: header_of("id_number"),
                problem: Problem::NoPerson(crate::domain::mask::mask_id_number(&n)),
            });
        }
    }
    if !problems.is_empty() || dry_run {
        return Ok(Batch {
            problems,
            received: Vec::new(),
        });
    }
    // Those received before (by upstream number) are not received again.
    let (received, _known) = store.receive_filings(staff, &filings, progress).await?;
    // Received and committed: checks that cannot run now run when the
    // queue is next read, and the batch is not reported as failed.
    if let Err(e) = super::recheck(store, today, Some(&received)).await {
        tracing::warn!(error = %crate::logging::safe(&e.to_string()), "batch received, not checked");
    }
    Ok(Batch { problems, received })
}

/// The employer a clerk typed, as the lookup finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmployerFound {
    /// (credit code, name)
    One(String, String),
    /// Several match: (credit code, name) each, for a chooser.
    Several(Vec<(String, String)>),
    None,
}

/// Finds the employer a clerk typed: by credit code, or by name, pinyin or
/// initials as the lookup finds them; a name typed in full is that one.
pub async fn find_employer(
    store: &Store,
    index: Option<&crate::search::Index>,
    typed: &str,
) -> Result<EmployerFound, crate::store::StoreError> {
    let typed = typed.trim();
    if let Ok(u) = crate::domain::Uscc::parse(typed) {
        return Ok(match store.employer_by_uscc(u.as_str()).await? {
            Some((_, name)) => EmployerFound::One(u.to_string(), name),
            None => EmployerFound::None,
        });
    }
    let Some(ix) = index.filter(|_| !typed.is_empty()) else {
        return Ok(EmployerFound::None);
    };
    let hits = ix
        .search(typed, crate::search::KindFilter::Employers, 8, None, None)
        .unwrap_or_default();
    let found: Vec<(String, String)> = hits
        .top
        .iter()
        .map(|h| (ix.uscc(h.index).to_string(), ix.name(h.index).to_string()))
        .collect();
    // A name typed in full is that employer, when only one bears it (a
    // cancelled firm and its successor may share a name: then choose).
    let same: Vec<&(String, String)> = found.iter().filter(|(_, n)| n == typed).collect();
    Ok(match (same.as_slice(), found.as_slice()) {
        ([(u, n)], _) => EmployerFound::One(u.clone(), n.clone()),
        (_, []) => EmployerFound::None,
        (_, [(u, n)]) => EmployerFound::One(u.clone(), n.clone()),
        _ => EmployerFound::Several(found),
    })
}

/// The largest persons' spreadsheet a yearly declaration takes: some
/// 100,000 rows, more than any employer of a district has.
pub const PERSONS_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A yearly declaration's persons read from its spreadsheet, as `import`
/// reads a register: any of the office's encodings or a workbook, every row
/// checked, each person once. Err is a sentence about the whole file, or
/// every bad row (nothing is received then).
fn read_persons(
    lang: Lang,
    today: NaiveDate,
    path: &std::path::Path,
) -> Result<Result<Vec<crate::domain::intake::BaseRow>, Vec<RowProblem>>, String> {
    use crate::domain::import::filings::base_rows;
    let bytes = std::fs::read(path)
        .map_err(|e| i18n::sheet_error(lang, &crate::sheet::SheetError::Io(e.to_string())))?;
    let sheet = crate::sheet::parse(bytes, crate::sheet::is_xlsx(path), None)
        .map_err(|e| i18n::sheet_error(lang, &e))?;
    base_rows(&sheet.headers, &sheet.rows, today).map_err(|e| {
        i18n::header_problem_of(
            lang,
            crate::domain::intake::Form::YearlyBase.label(lang),
            crate::domain::import::filings::BASE_ROWS,
            &e,
        )
    })
}

/// A yearly declaration's persons from `path`; with bad rows, their report
/// is written beside the file (`NAME.errors.csv`, as `import` does) and
/// Err says so, with the first problem.
pub fn persons_from(
    lang: Lang,
    today: NaiveDate,
    path: &std::path::Path,
) -> Result<Vec<crate::domain::intake::BaseRow>, String> {
    let problems = match read_persons(lang, today, path)? {
        Ok(rows) => return Ok(rows),
        Err(p) => p,
    };
    let report = super::import::report_path(path);
    let shown = match crate::sheet::write_private(
        &report,
        super::import::report_csv(lang, &problems).as_bytes(),
    ) {
        Ok(()) => report.display().to_string(),
        Err(_) => "-".to_string(),
    };
    let mut lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    lines.dedup();
    let first = &problems[0];
    Err(format!(
        "{} {}",
        i18n::persons_refused(lang, lines.len(), problems.len(), &shown),
        i18n::row_problem_line(lang, first.line, &first.column, &first.problem)
    ))
}

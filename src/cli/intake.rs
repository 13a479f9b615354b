//! `hrss-desk filings receive` and `filings list`: a filing received at the
//! counter from the command line, and the pending filings with the day each
//! must be decided by.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::intake::{Form, MaterialTick, Receipt};
use crate::domain::mask::mask_id_number;
use crate::domain::{Channel, FilingKind, WorkCalendar};
use crate::i18n::{self, Lang, printable};
use std::io::Write;
use std::process::ExitCode;

/// What `filings receive` was given, as typed.
#[derive(Debug, Clone, clap::Args)]
pub struct ReceiveArgs {
    /// 业务类型：enroll suspend cancel transfer change-details contribution-base retiree-pension-base yearly-base register-employer / The kind
    #[arg(long)]
    pub kind: String,
    /// 参保单位统一社会信用代码 / The employer's credit code
    #[arg(long = "employer-uscc")]
    pub employer_uscc: String,
    /// 申报项目，项目=值，可重复（如 --field id_number=… --field name=王立新） / A declared field, FIELD=VALUE, repeatable
    #[arg(long = "field", value_name = "FIELD=VALUE")]
    pub fields: Vec<String>,
    /// 材料，材料=present|missing|invalid[:备注]，逗号分隔 / Materials, MATERIAL=present|missing|invalid[:note], comma-separated
    #[arg(long, value_delimiter = ',', value_name = "MATERIAL=STATE")]
    pub materials: Vec<String>,
    /// 实际收件日期（缺省今天，不得晚于今天） / The day the papers came (default today, not after it)
    #[arg(long)]
    pub received: Option<String>,
    /// 收件渠道：window（窗口）、post（邮寄）、online（网上申报） / How it came: window, post or online
    #[arg(long, default_value = "window")]
    pub channel: String,
    /// 补正后重新提交：所补正的退回申报编号 / A resubmission: the number of the returned filing it corrects
    #[arg(long)]
    pub resubmits: Option<i64>,
    /// 单位年度缴费基数申报的人员明细表（.xlsx 或 CSV） / A yearly declaration's persons (.xlsx or CSV)
    #[arg(long, value_name = "FILE")]
    pub persons: Option<std::path::PathBuf>,
}

/// Reads `MATERIAL=present|missing|invalid[:note]`.
fn tick(lang: Lang, text: &str) -> Result<MaterialTick, Failure> {
    let bad = || Failure::new(2, i18n::bad_material_tick(lang, text));
    let (material, state) = text.split_once('=').ok_or_else(bad)?;
    let (state, note) = state.split_once(':').unwrap_or((state, ""));
    let (present, valid) = match state.trim() {
        "present" | "有效" => (true, true),
        "invalid" | "无效" => (true, false),
        "missing" | "未交" => (false, false),
        _ => return Err(bad()),
    };
    Ok(MaterialTick {
        material: material.trim().to_string(),
        present,
        valid,
        note: note.trim().to_string(),
    })
}

/// Reads the typed arguments into a receipt; Err is a usage error (exit 2).
fn receipt(lang: Lang, a: &ReceiveArgs, today: chrono::NaiveDate) -> Result<Receipt, Failure> {
    let kind = Form::from_any(&a.kind)
        .ok_or_else(|| Failure::new(2, i18n::unknown_filing_kind(lang, &a.kind)))?;
    let channel = Channel::from_any(&a.channel)
        .ok_or_else(|| Failure::new(2, i18n::unknown_channel(lang, &a.channel)))?;
    let fields = a
        .fields
        .iter()
        .map(|p| {
            p.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.to_string()))
                .ok_or_else(|| Failure::new(2, i18n::bad_field_pair(lang, p)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let materials = a
        .materials
        .iter()
        .filter(|m| !m.trim().is_empty())
        .map(|m| tick(lang, m))
        .collect::<Result<Vec<_>, _>>()?;
    let received_on = match &a.received {
        None => today,
        Some(d) => crate::domain::import::values::date(&crate::sheet::Cell::Text(d.clone()))
            .ok()
            .flatten()
            .ok_or_else(|| Failure::new(2, i18n::bad_date(lang, d)))?,
    };
    Ok(Receipt {
        form: kind,
        employer_uscc: a.employer_uscc.clone(),
        fields,
        materials,
        received_on,
        channel,
        resubmits: a.resubmits,
        persons: Vec::new(),
    })
}

pub async fn receive(g: &Global, lang: Lang, a: &ReceiveArgs) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let today = o.store.clock().today();
    let mut r = receipt(lang, a, today)?;
    if let Some(file) = &a.persons {
        r.persons = crate::workflow::intake::persons_from(lang, today, file)
            .map_err(|e| Failure::new(1, e))?;
    }
    let done = crate::workflow::intake::receive(&cx, &r).await;
    o.store.close().await;
    let got = done.map_err(|e| Failure::new(1, e))?;
    println!(
        "{}",
        i18n::filing_received(
            lang,
            got.id,
            r.form,
            got.decide_by.date,
            &got.problems,
            r.resubmits
        )
    );
    if got.decide_by.provisional {
        println!("{}", i18n::provisional_note(lang));
    }
    println!("{}", i18n::receipt_hint(lang, got.id));
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct Listed {
    id: i64,
    kind: &'static str,
    received_on: chrono::NaiveDate,
    decide_by: chrono::NaiveDate,
    employer_uscc: Option<String>,
    person_id_masked: Option<String>,
    problems: usize,
    /// The returned filing it corrects.
    resubmits: Option<i64>,
}

/// The pending filings, oldest first, each with the day it must be decided
/// by and how many problems the checks find.
pub async fn list(g: &Global, lang: Lang, json: bool) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let today = o.store.clock().today();
    let cal = WorkCalendar::from_years(&o.store.calendar_years().await.map_err(fail)?);
    let mut filings = o
        .store
        .pending_filing_facts(today, None)
        .await
        .map_err(fail)?;
    o.store.close().await;
    filings.sort_by_key(|f| (f.facts.received_on, f.id));
    let rows: Vec<Listed> = filings
        .iter()
        .map(|f| Listed {
            id: f.id,
            kind: f.facts.kind.code(),
            received_on: f.facts.received_on,
            decide_by: crate::domain::intake::decide_by(&cal, f.facts.received_on).date,
            employer_uscc: f.employer_uscc.clone(),
            // Someone new to the register, by the number their filing declares.
            person_id_masked: f
                .person_id_number
                .as_deref()
                .or_else(|| f.facts.declared.get("id_number").and_then(|v| v.as_str()))
                .map(mask_id_number),
            problems: crate::domain::review::check(&f.facts).len(),
            resubmits: f.resubmits,
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = Failure::output;
    if json {
        crate::cli::write_json(&mut out, &rows)?;
        writeln!(out).map_err(io)?;
    } else {
        for r in &rows {
            let kind = FilingKind::parse(r.kind).map_or(r.kind, |k| k.label(lang));
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                r.id,
                kind,
                r.received_on,
                r.decide_by,
                printable(r.employer_uscc.as_deref().unwrap_or("-")),
                r.person_id_masked.as_deref().unwrap_or("-"),
                i18n::problem_count(lang, r.problems),
            )
            .map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

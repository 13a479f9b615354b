//! `hrss-desk filings check`: every pending filing with its problems, for a
//! batch pre-check before the counter opens.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::calendar::office_date;
use crate::domain::mask::mask_id_number;
use crate::domain::review::check;
use crate::i18n::{self, Lang, printable};
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum FilingsCommand {
    /// 预审全部待审核申报 / Check every pending filing
    Check {
        /// 以 JSON 输出 / Write JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(serde::Serialize)]
struct JsonProblem {
    code: &'static str,
    message: String,
}

#[derive(serde::Serialize)]
struct JsonFiling {
    id: i64,
    kind: &'static str,
    employer_uscc: Option<String>,
    person_id_masked: Option<String>,
    problems: Vec<JsonProblem>,
}

pub async fn run(g: &Global, lang: Lang, cmd: FilingsCommand) -> Result<ExitCode, Failure> {
    let FilingsCommand::Check { json } = cmd;
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let today = office_date(chrono::Utc::now());
    let filings = o.store.pending_filing_facts(today).await.map_err(fail)?;
    let names: HashMap<String, (String, String)> = o
        .store
        .material_names()
        .await
        .map_err(fail)?
        .into_iter()
        .map(|(code, zh, en)| (code, (zh, en)))
        .collect();
    o.store.close().await;
    let material = |code: &str| -> String {
        names.get(code).map_or_else(
            || code.to_string(),
            |(zh, en)| lang.pick(zh, en).to_string(),
        )
    };
    let checked: Vec<JsonFiling> = filings
        .iter()
        .map(|f| JsonFiling {
            id: f.id,
            kind: f.facts.kind.code(),
            employer_uscc: f.employer_uscc.clone(),
            person_id_masked: f.person_id_number.as_deref().map(mask_id_number),
            problems: check(&f.facts)
                .iter()
                .map(|p| JsonProblem {
                    code: p.code(),
                    message: i18n::problem(lang, p, &material),
                })
                .collect(),
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = Failure::output;
    if json {
        serde_json::to_writer(&mut out, &checked).map_err(|e| Failure::output(e.into()))?;
        writeln!(out).map_err(io)?;
    } else {
        for f in &checked {
            let kind = crate::domain::FilingKind::parse(f.kind).map_or(f.kind, |k| k.label(lang));
            let problems = if f.problems.is_empty() {
                lang.pick("无问题", "no problems").to_string()
            } else {
                f.problems
                    .iter()
                    .map(|p| p.message.as_str())
                    .collect::<Vec<_>>()
                    .join(lang.pick("；", "; "))
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                f.id,
                kind,
                printable(f.employer_uscc.as_deref().unwrap_or("-")),
                f.person_id_masked.as_deref().unwrap_or("-"),
                printable(&problems)
            )
            .map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    let any = checked.iter().any(|f| !f.problems.is_empty());
    Ok(if any {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

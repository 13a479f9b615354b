//! `hrss-desk filings check`: every pending filing with its problems, for a
//! batch pre-check before the counter opens.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::mask::mask_id_number;
use crate::domain::review::check;
use crate::i18n::{self, Lang, printable};
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum FilingsCommand {
    /// 收件登记一件申报（收件后立即预审） / Receive a filing at the counter (checked at once)
    Receive(super::intake::ReceiveArgs),
    /// 待审核申报及办结期限 / The pending filings with the day each must be decided by
    List {
        /// 以 JSON 输出 / Write JSON
        #[arg(long)]
        json: bool,
    },
    /// 预审全部待审核申报 / Check every pending filing
    Check {
        /// 以 JSON 输出 / Write JSON
        #[arg(long)]
        json: bool,
    },
    /// 办结申报 / Approve a filing
    Approve {
        id: i64,
        /// 科室负责人带理由办结有问题的申报 / A section chief approves over problems, with this reason
        #[arg(long = "override")]
        override_reason: Option<String>,
    },
    /// 退回更正，附一次性告知书 / Return a filing with a one-time correction notice
    Return {
        id: i64,
        /// 告知书内容（缺省时按审核问题自动起草） / The notice's text (drafted from the problems when left out)
        #[arg(long)]
        notice: Option<String>,
    },
    /// 导出退回申报的一次性告知书 / Print the correction notice of a returned filing
    Notice { id: i64 },
    /// 批量办结检查无问题的待审申报（同界面 T 后 a） / Approve every pending filing the checks find clean (as T then a on screen)
    ApproveClean {
        /// 最多办结几件 / At most this many
        #[arg(long)]
        limit: Option<usize>,
    },
}

/// Approves the clean pending filings, oldest number first, each in a
/// transaction of its own: a batch stopped halfway leaves each filing
/// approved whole or untouched.
async fn approve_clean(g: &Global, lang: Lang, limit: Option<usize>) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let me = &acting.staff;
    // Refused before the pending filings are checked (which records what
    // is found).
    use crate::domain::permissions::{Act, may};
    if !may(me, Act::DecideFiling) {
        return Err(Failure::new(1, i18n::act_refused(lang, Act::DecideFiling)));
    }
    let today = o.store.clock().today();
    let mut ids = crate::workflow::clean_filings(&o.store, lang, today)
        .await
        .map_err(|e| Failure::new(1, e))?;
    ids.truncate(limit.unwrap_or(usize::MAX));
    let done = crate::workflow::approve_all(&cx, &ids, &[]).await;
    o.store.close().await;
    match done {
        Ok(sentence) => {
            println!("{sentence}");
            Ok(ExitCode::SUCCESS)
        }
        Err(why) => Err(Failure::new(1, why)),
    }
}

/// Prints the notice stored with a returned filing, as the clerk sent it.
async fn notice(g: &Global, lang: Lang, id: i64) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let sent = notice_sent(&o.store, lang, id).await;
    o.store.close().await;
    for line in sent?.lines() {
        println!("{}", printable(line));
    }
    Ok(ExitCode::SUCCESS)
}

/// The notice of returned filing `id` as it was sent: its text and the day
/// to correct by stored with it.
async fn notice_sent(store: &crate::store::Store, lang: Lang, id: i64) -> Result<String, Failure> {
    let detail = store
        .detail(crate::store::ListKind::Filings, id)
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    match detail {
        Some(crate::store::Detail::Filing {
            decision: Some(d),
            reason,
            intake,
            ..
        }) if d == "return" => Ok(i18n::notice_as_sent(&reason, intake.correction_due)),
        _ => Err(Failure::new(1, i18n::filing_not_returned(lang, id))),
    }
}

/// Approves or returns one filing.
async fn decide(
    g: &Global,
    lang: Lang,
    id: i64,
    approve: bool,
    text: Option<String>,
) -> Result<ExitCode, Failure> {
    use crate::domain::decision::Decision;
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let decision = if approve {
        Decision::Approve
    } else {
        Decision::Return
    };
    let draft = crate::workflow::draft(&cx, id, decision)
        .await
        .map_err(|e| Failure::new(1, e))?;
    if let Some(why) = &draft.refused {
        return Err(Failure::new(1, why.clone()));
    }
    // A return without a notice of its own sends the drafted one.
    let text = match decision {
        Decision::Return => text.unwrap_or_else(|| draft.notice.clone()),
        Decision::Approve => text.unwrap_or_default(),
    };
    let done = crate::workflow::decide(&cx, id, draft.version, decision, &text).await;
    // The notice as the return stored it, with the day to correct by.
    let sent = match (&done, approve) {
        (Ok(_), false) => Some(notice_sent(&o.store, lang, id).await),
        _ => None,
    };
    o.store.close().await;
    println!("{}", done.map_err(|e| Failure::new(1, e))?);
    if let Some(sent) = sent {
        for line in sent?.lines() {
            println!("{}", printable(line));
        }
    }
    Ok(ExitCode::SUCCESS)
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
    let json = match cmd {
        FilingsCommand::Check { json } => json,
        FilingsCommand::Approve {
            id,
            override_reason,
        } => return decide(g, lang, id, true, override_reason).await,
        FilingsCommand::Return { id, notice } => return decide(g, lang, id, false, notice).await,
        FilingsCommand::Notice { id } => return notice(g, lang, id).await,
        FilingsCommand::ApproveClean { limit } => return approve_clean(g, lang, limit).await,
        FilingsCommand::Receive(a) => return super::intake::receive(g, lang, &a).await,
        FilingsCommand::List { json } => return super::intake::list(g, lang, json).await,
    };
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let today = o.store.clock().today();
    let filings = o
        .store
        .pending_filing_facts(today, None)
        .await
        .map_err(fail)?;
    let names: HashMap<String, (String, String)> = o
        .store
        .material_names()
        .await
        .map_err(fail)?
        .into_iter()
        .map(|(code, zh, en)| (code, (zh, en)))
        .collect();
    // The pre-check also refreshes what the queue's filter by problem sees.
    let found: Vec<(i64, Vec<crate::domain::review::Problem>)> =
        filings.iter().map(|f| (f.id, check(&f.facts))).collect();
    let tallies: Vec<(i64, Vec<(String, i64)>)> = found
        .iter()
        .map(|(id, p)| (*id, crate::workflow::tally(p)))
        .collect();
    o.store
        .record_problems(true, &tallies)
        .await
        .map_err(fail)?;
    o.store.close().await;
    let material = |code: &str| -> String {
        names.get(code).map_or_else(
            || code.to_string(),
            |(zh, en)| lang.pick(zh, en).to_string(),
        )
    };
    let checked: Vec<JsonFiling> = filings
        .iter()
        .zip(&found)
        .map(|(f, (_, problems))| JsonFiling {
            id: f.id,
            kind: f.facts.kind.code(),
            employer_uscc: f.employer_uscc.clone(),
            person_id_masked: f.person_id_number.as_deref().map(mask_id_number),
            problems: problems
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
        crate::cli::write_json(&mut out, &checked)?;
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

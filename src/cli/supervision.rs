//! `hrss-desk inspect record …` and `hrss-desk sanction …`: an inspection's
//! record item by item, and a licence's sanction ladder.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global, parse_day};
use crate::domain::check_items::Outcome;
use crate::domain::ladder::Step;
use crate::i18n::{self, Lang, printable};
use crate::workflow::supervision as work;
use chrono::NaiveDate;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum InspectCommand {
    /// 逐项记录检查结果 / Record an inspection item by item
    Record {
        id: i64,
        /// 项目=passed|na|failed:发现的问题 / ITEM=passed|na|failed:finding (repeat)
        #[arg(long = "item")]
        items: Vec<String>,
        /// 其余项目记为 passed 或 na / The items not named: passed or na
        #[arg(long)]
        rest: Option<String>,
        /// 来源：routine、campaign、complaint、media、tracking（缺省按线索或专项行动，否则 routine） / How it came about (default: from its lead or campaign, else routine)
        #[arg(long)]
        origin: Option<String>,
        /// 方式：open、unannounced、records、data / How it was done
        #[arg(long, default_value = "open")]
        approach: String,
    },
    /// 检查队列：待检查和审核任务 / The queue: pending inspections and open audit tasks
    Queue,
}

#[derive(Debug, clap::Subcommand)]
pub enum SanctionCommand {
    /// 按阶梯作出处理（科室负责人） / Take a step of the ladder (section chief)
    ///
    /// 警告、没收、罚款、停止招生、吊销为行政处罚：立案后按处罚程序办理，
    /// 送达后生效 / Penalties open a case and take effect when its decision is served
    Add {
        licence: i64,
        /// 步骤代码，如 rectify、warn-rectify、revoke、interview、suspend-agreement、lift / The step's code
        step: String,
        /// 期限：整改期限或中止协议的最后一日 / The last day: a deadline, or a suspension's end
        #[arg(long = "until", alias = "deadline", value_parser = parse_day)]
        until: Option<NaiveDate>,
        /// 作出之日（默认今天） / The day it was decided (default today)
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        /// 处罚案件的来源（默认 patrol） / A penalty case's source (default patrol)
        #[arg(long, default_value = "patrol")]
        source: String,
        /// 处罚所依据的检查 / The inspection a penalty follows
        #[arg(long)]
        from_inspection: Option<i64>,
        #[arg(long)]
        reason: String,
    },
    /// 逾期未复查的整改 / Rectifications past their deadline without a re-inspection
    Due {
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum SettlementCommand {
    /// 导入协议机构月度结算数据（CSV，- 为标准输入） / Import monthly settlement figures (CSV; - for stdin)
    Import { file: String },
    /// 结算数据审核：标出异常并建立审核任务 / Audit the figures: flag outliers, open audit tasks
    Audit,
}

pub async fn settlement(
    g: &Global,
    lang: Lang,
    cmd: SettlementCommand,
) -> Result<ExitCode, Failure> {
    let text = match &cmd {
        SettlementCommand::Import { file } if file == "-" => {
            let mut t = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut t)
                .map_err(|e| Failure::new(1, i18n::cannot_read(lang, "-", &e.to_string())))?;
            Some(t)
        }
        SettlementCommand::Import { file } => Some(
            std::fs::read_to_string(file)
                .map_err(|e| Failure::new(1, i18n::cannot_read(lang, file, &e.to_string())))?,
        ),
        SettlementCommand::Audit => None,
    };
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let out = match text {
        Some(t) => work::import_settlements(&cx, &t)
            .await
            .map(|n| i18n::settlements_imported(lang, n)),
        None => match work::audit_settlements(&cx).await {
            Ok((flags, new)) => {
                let numbers: std::collections::HashMap<i64, String> = o
                    .store
                    .agreement_licences()
                    .await
                    .map_err(|e| Failure::store(lang, &e))?
                    .into_iter()
                    .collect();
                let mut lines: Vec<String> = flags
                    .iter()
                    .map(|f| {
                        let n = numbers.get(&f.institution).map_or("-", String::as_str);
                        i18n::settlement_flag(lang, n, f)
                    })
                    .collect();
                lines.push(i18n::audit_done(lang, flags.len(), new));
                Ok(lines.join("\n"))
            }
            Err(e) => Err(e),
        },
    };
    o.store.close().await;
    println!("{}", out.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}

/// "ledger=failed:台账不全" → (ledger, Failed("台账不全")).
fn outcome(s: &str) -> Option<Outcome> {
    match s.trim() {
        "passed" => Some(Outcome::Passed),
        "na" => Some(Outcome::NotApplicable),
        other => other
            .strip_prefix("failed")
            .map(|f| Outcome::Failed(f.trim_start_matches([':', '：']).to_string())),
    }
}

pub async fn inspect(g: &Global, lang: Lang, cmd: InspectCommand) -> Result<ExitCode, Failure> {
    let InspectCommand::Record {
        id,
        items,
        rest,
        origin,
        approach,
    } = cmd
    else {
        let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
        let rows = o
            .store
            .inspection_queue()
            .await
            .map_err(|e| Failure::store(lang, &e))?;
        o.store.close().await;
        println!("{}", work::queue_lines(lang, &rows).join("\n"));
        return Ok(ExitCode::SUCCESS);
    };
    let mut named = Vec::new();
    for it in &items {
        let parsed = it
            .split_once('=')
            .and_then(|(code, o)| outcome(o).map(|o| (code.trim().to_string(), o)));
        named.push(parsed.ok_or_else(|| Failure::new(2, i18n::bad_item(lang, it)))?);
    }
    let rest = match rest.as_deref() {
        None => None,
        Some(r) => Some(
            outcome(r)
                .filter(|o| !matches!(o, Outcome::Failed(_)))
                .ok_or_else(|| Failure::new(2, i18n::bad_item(lang, r)))?,
        ),
    };
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let r = work::record(
        &cx,
        id,
        &named,
        rest,
        origin.as_deref().map(str::trim),
        approach.trim(),
    )
    .await;
    o.store.close().await;
    println!("{}", r.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}

pub async fn sanction(g: &Global, lang: Lang, cmd: SanctionCommand) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let today = o.store.clock().today();
    let out = match cmd {
        SanctionCommand::Add {
            licence,
            step,
            until,
            on,
            source,
            from_inspection,
            reason,
        } => {
            let s = Step::parse(step.trim())
                .ok_or_else(|| Failure::new(2, i18n::unknown_step(lang, &step)))?;
            let source = crate::domain::CaseSource::from_any(source.trim()).ok_or_else(|| {
                Failure::new(
                    2,
                    crate::cli::cases::unknown(
                        lang,
                        "案件来源",
                        "source",
                        &source,
                        crate::domain::CaseSource::ALL.iter().map(|s| s.code()),
                    ),
                )
            })?;
            let t = work::TakeStep {
                licence,
                step: s,
                on: on.unwrap_or(today),
                until,
                reason: &reason,
                source,
                from_inspection,
            };
            work::sanction(&cx, &t)
                .await
                .map_err(|e| Failure::new(1, e))?
        }
        SanctionCommand::Due { on } => {
            let due = work::rectifications_due(&o.store, lang, on.unwrap_or(today))
                .await
                .map_err(|e| Failure::new(1, e))?;
            due.iter()
                .map(|r| {
                    let step = r.step.label(lang);
                    format!(
                        "{}\t{}\t{}\t{}",
                        printable(&r.number),
                        printable(&r.holder),
                        step,
                        r.deadline
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
    };
    o.store.close().await;
    if !out.is_empty() {
        println!("{out}");
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, clap::Subcommand)]
pub enum RegisterCommand {
    /// 机构信息公开名录（CSV） / The public register of licence holders (CSV)
    Export {
        /// 许可类别（缺省全部） / Licence kind (default: all)
        #[arg(long, default_value = "")]
        kind: String,
    },
}

pub async fn register(g: &Global, lang: Lang, cmd: RegisterCommand) -> Result<ExitCode, Failure> {
    let RegisterCommand::Export { kind } = cmd;
    if !kind.is_empty() && crate::domain::LicenceKind::parse(kind.trim()).is_none() {
        return Err(Failure::new(2, i18n::unknown_licence_kind(lang, &kind)));
    }
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let rows = o
        .store
        .public_register(kind.trim())
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    o.store.close().await;
    // The CSV ends its own lines (CRLF).
    print!(
        "{}",
        crate::workflow::supervision::register_csv(lang, &rows)
    );
    Ok(ExitCode::SUCCESS)
}

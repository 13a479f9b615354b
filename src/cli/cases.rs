//! `hrss-desk cases …`: the open cases' deadlines, and a case's moves,
//! assignment and file from the command line.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global, parse_day};
use crate::domain::{CaseFileKind, CaseMove, DecisionKind, ServiceMethod, fines};
use crate::i18n::{self, Lang, printable};
use crate::workflow::cases as work;
use chrono::NaiveDate;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum CasesCommand {
    /// 在办案件，按屏幕上的视图（--view overdue、due-soon、unassigned、mine、stage:…、matter:…） / Open cases, by the screen's views
    List {
        /// 视图代码（缺省 all） / The view's code (default all)
        #[arg(long, default_value = "all")]
        view: String,
        /// 以 JSON 输出 / Write JSON
        #[arg(long)]
        json: bool,
    },
    /// 在办案件的下一期限 / Open cases with their next deadline
    Due {
        /// 以该日计算（YYYY-MM-DD，缺省为今天） / Compute as of this day (default today)
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        /// 以 JSON 输出 / Write JSON
        #[arg(long)]
        json: bool,
    },
    /// 办理案件的一步（如 open、investigate、prior-notice、decide） / Make a step of the procedure
    Move {
        id: i64,
        /// 步骤代码 / The step's code
        step: String,
        /// 处罚依据条款（decide；prior-notice 时为拟处罚） / The article (decide; the proposed penalty at prior-notice)
        #[arg(long)]
        article: Option<String>,
        /// 罚款（没收、应付）金额，元 / The amount in yuan: the fine, the gains, what is owed (decide)
        #[arg(long, alias = "amount")]
        fine: Option<String>,
        /// 决定种类：warning、fine、confiscation、no-penalty、handling、order（缺省 fine） / The decision's kind
        #[arg(long)]
        outcome: Option<String>,
        /// 欠缴之日（按日加收滞纳金，si-86-arrears） / The day the arrears fell due (si-86-arrears)
        #[arg(long, value_parser = parse_day)]
        since: Option<NaiveDate>,
        /// 改正期限（order）或预计中止至（suspend） / The order's deadline, or a suspension's expected end
        #[arg(long, alias = "deadline", value_parser = parse_day)]
        until: Option<NaiveDate>,
        /// 批准人（suspend、extend） / Who approved it (suspend, extend)
        #[arg(long, default_value = "")]
        approved_by: String,
        /// 受侵害劳动者人数 / Affected workers (decide)
        #[arg(long, default_value_t = 0)]
        workers: i64,
        /// 应付金额，元 / The amount owed in yuan (decide)
        #[arg(long)]
        owed: Option<String>,
        /// 说明 / A note for the case's history
        #[arg(long, default_value = "")]
        note: String,
        /// 实际办理（送达）日期，缺省为今天 / The act's real day (default today)
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        /// 送达方式：direct、left、post、notice、electronic（缺省 direct） / How the paper was served
        #[arg(long)]
        served_by: Option<String>,
    },
    /// 登记案件（巡视、审查、专项检查、审计、举报、投诉、群体性事件、移送） / Register a case from any source
    Open(super::case_open::OpenOpts),
    /// 简易程序：登记当场作出的警告或罚款 / Record a warning or fine decided on the spot
    OnTheSpot(super::case_open::SpotOpts),
    /// 案件全貌：办理经过（每步的实际日期和登记时间）、案卷、缴款、下一期限 / A case whole, with its history
    Show {
        id: i64,
        /// 以 JSON 输出 / Write JSON
        #[arg(long)]
        json: bool,
        /// 显示投诉（举报）人完整身份（须写明理由，记入审计日志） / Show the informant in full (with a reason, audited)
        #[arg(long, requires = "reason")]
        reveal: bool,
        /// 查看理由 / Why
        #[arg(long)]
        reason: Option<String>,
    },
    /// 登记缴款（罚款、加处罚款） / Record a payment of the decision
    Pay {
        id: i64,
        /// 金额，元 / The amount in yuan
        #[arg(long)]
        amount: String,
        /// 缴款日期，缺省为今天 / The day it was paid (default today)
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        /// 缴款凭证号 / The receipt's number
        #[arg(long, default_value = "")]
        receipt: String,
    },
    /// 指派承办人和监察员（科室负责人） / Assign the case officer and inspectors (section chief)
    Assign {
        id: i64,
        /// 承办人登录名 / The case officer's login
        #[arg(long)]
        officer: String,
        /// 监察员登录名，逗号分隔（至少2名） / Inspectors' logins, comma-separated (two at least)
        #[arg(long, value_delimiter = ',')]
        inspectors: Vec<String>,
    },
    /// 登记证据或文书 / Add evidence or a document to the case file
    File {
        id: i64,
        /// 种类代码，如 inquiry-record / The kind's code, e.g. inquiry-record
        kind: String,
        /// 原件存放处 / Where the original is kept
        #[arg(long)]
        kept_at: String,
        #[arg(long, default_value = "")]
        note: String,
        /// 取得（制作）日期，缺省为今天 / The day it was taken or made (default today)
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
    },
}

#[derive(serde::Serialize)]
struct JsonDue<'a> {
    id: i64,
    stage: &'a str,
    respondent: &'a str,
    next_deadline: Option<String>,
    deadline_rule: Option<&'static str>,
    working_days_left: Option<i64>,
    overdue: bool,
}

pub async fn run(g: &Global, lang: Lang, cmd: CasesCommand) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let today = o.store.clock().today();
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let cal = &acting.calendar;
    let done = |r: Result<String, String>| -> Result<ExitCode, Failure> {
        let s = r.map_err(|e| Failure::new(1, e))?;
        println!("{s}");
        Ok(ExitCode::SUCCESS)
    };
    match cmd {
        CasesCommand::List { view, json } => {
            let r = super::case_list::run(&cx, lang, &view, json).await;
            o.store.close().await;
            r
        }
        CasesCommand::Due { on, json } => {
            let on = on.unwrap_or(today);
            let settings = work::settings(&o.store).await;
            let clocks = o.store.open_case_clocks().await.map_err(fail)?;
            o.store.close().await;
            let list = work::due_list(cal, &clocks, on, settings);
            print_due(&list, lang, json)?;
            Ok(ExitCode::SUCCESS)
        }
        c @ CasesCommand::Move { .. } => {
            let r = take_step(&cx, lang, today, c).await?;
            o.store.close().await;
            done(r)
        }
        CasesCommand::Assign {
            id,
            officer,
            inspectors,
        } => {
            let logins: Vec<&str> = inspectors
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect();
            let r = work::assign(&cx, id, officer.trim(), &logins).await;
            o.store.close().await;
            done(r)
        }
        CasesCommand::Open(opts) => {
            let r = super::case_open::open(&cx, opts).await;
            o.store.close().await;
            r
        }
        CasesCommand::OnTheSpot(opts) => {
            let r = super::case_open::on_the_spot(&cx, opts).await;
            o.store.close().await;
            r
        }
        CasesCommand::Show {
            id,
            json,
            reveal,
            reason,
        } => {
            let r = if reveal {
                let why = reason.unwrap_or_default();
                crate::workflow::case_acts::show_revealed(&cx, id, &why).await
            } else {
                crate::workflow::case_acts::show(&o.store, cal, lang, today, id).await
            };
            o.store.close().await;
            let shown = r.map_err(|e| Failure::new(1, e))?;
            super::case_show::print(lang, &shown, json)
        }
        CasesCommand::Pay {
            id,
            amount,
            on,
            receipt,
        } => {
            let fen = fines::parse_yuan(&amount)
                .filter(|f| *f > 0)
                .ok_or_else(|| Failure::new(2, i18n::not_money(lang, &amount)))?;
            let r =
                crate::workflow::case_acts::pay(&cx, id, fen, on.unwrap_or(today), &receipt).await;
            o.store.close().await;
            done(r)
        }
        CasesCommand::File {
            id,
            kind,
            kept_at,
            note,
            on,
        } => {
            let k = CaseFileKind::parse(kind.trim())
                .ok_or_else(|| Failure::new(2, i18n::unknown_file_kind(lang, &kind)))?;
            let on = on.unwrap_or(today);
            if on > today {
                return Err(Failure::new(
                    2,
                    i18n::act_date_refusal(
                        lang,
                        &crate::domain::procedure::acts::DateRefusal::InFuture { today },
                    ),
                ));
            }
            let r = work::add_to_file(&cx, id, k, on, &kept_at, &note).await;
            o.store.close().await;
            done(r)
        }
    }
}

/// "There is no such X; use one of …" for a code typed on the command line.
pub(super) fn unknown<'a>(
    lang: Lang,
    zh: &str,
    en: &str,
    code: &str,
    all: impl Iterator<Item = &'a str>,
) -> String {
    let list: Vec<&str> = all.collect();
    i18n::unknown_code(lang, zh, en, code, &list)
}

/// The cases due, as lines (tab-separated) or JSON, on standard output.
fn print_due(list: &[work::CaseDue], lang: Lang, json: bool) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = Failure::output;
    if json {
        let rows: Vec<JsonDue> = list
            .iter()
            .map(|c| JsonDue {
                id: c.id,
                stage: c.stage.code(),
                respondent: &c.respondent,
                next_deadline: c.deadline.as_ref().map(|d| d.due.to_string()),
                deadline_rule: c.deadline.as_ref().map(|d| d.rule.code()),
                working_days_left: c.working_days_left,
                overdue: c.overdue,
            })
            .collect();
        crate::cli::write_json(&mut out, &rows)?;
        writeln!(out).map_err(io)?;
    } else {
        for c in list {
            let stage = c.stage.label(lang);
            let (due, left, how) = match &c.deadline {
                Some(d) => (
                    d.due.to_string(),
                    c.working_days_left.map_or("-".into(), |n| n.to_string()),
                    d.describe(lang == Lang::Zh),
                ),
                None => ("-".into(), "-".into(), String::new()),
            };
            let flag = match (c.mass_incident, c.overdue) {
                (true, true) => lang.pick("群体性·超期", "mass·OVERDUE"),
                (true, false) => lang.pick("群体性", "mass"),
                (false, true) => lang.pick("超期", "OVERDUE"),
                (false, false) => "",
            };
            // First the id `cases move` and `cases show` take.
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                c.id,
                printable(&c.number),
                stage,
                printable(&c.respondent),
                due,
                left,
                flag,
                printable(&how)
            )
            .map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(())
}

/// `cases move`: the step, its outcome, fine and service read from the
/// arguments (a word the program does not know is refused, exit 2), then
/// taken. Ok holds the workflow's answer.
async fn take_step(
    cx: &crate::workflow::Cx<'_>,
    lang: Lang,
    today: NaiveDate,
    cmd: CasesCommand,
) -> Result<Result<String, String>, Failure> {
    let CasesCommand::Move {
        id,
        step,
        article,
        fine,
        workers,
        owed,
        note,
        on,
        served_by,
        outcome,
        since,
        until,
        approved_by,
    } = cmd
    else {
        unreachable!("only `cases move` comes here")
    };
    let mut m = CaseMove::parse(step.trim())
        .ok_or_else(|| Failure::new(2, i18n::unknown_move(lang, &step)))?;
    let kind = match outcome.as_deref().map(str::trim) {
        None => DecisionKind::Fine,
        Some(code) => DecisionKind::parse(code).ok_or_else(|| {
            Failure::new(
                2,
                unknown(
                    lang,
                    "决定种类",
                    "decision kind",
                    code,
                    DecisionKind::ALL.iter().map(|s| s.code()),
                ),
            )
        })?,
    };
    // An order to rectify is a step of its own, asked as an outcome too.
    if m == CaseMove::Decide && kind == DecisionKind::Order {
        m = CaseMove::Order;
    }
    let money = |v: Option<String>| -> Result<i64, Failure> {
        match v {
            None => Ok(0),
            Some(s) => {
                fines::parse_yuan(&s).ok_or_else(|| Failure::new(2, i18n::not_money(lang, &s)))
            }
        }
    };
    let amount = match &fine {
        None => None,
        Some(_) => Some(money(fine.clone())?),
    };
    let basis = fines::Basis {
        workers,
        owed: money(owed)?,
        since,
        until: None,
    };
    let decision = match (m, &article) {
        (CaseMove::Decide | CaseMove::PriorNotice | CaseMove::Renotice, Some(a)) => {
            Some(crate::domain::procedure::decide::Asked {
                kind,
                article: a.trim(),
                basis,
                amount,
            })
        }
        _ => None,
    };
    let served_by = match served_by.as_deref().map(str::trim) {
        None => ServiceMethod::Direct,
        Some(code) => ServiceMethod::parse(code).ok_or_else(|| {
            Failure::new(
                2,
                unknown(
                    lang,
                    "送达方式",
                    "service method",
                    code,
                    ServiceMethod::ALL.iter().map(|s| s.code()),
                ),
            )
        })?,
    };
    let step = work::Step {
        m,
        on: on.unwrap_or(today),
        served_by,
        decision,
        note: &note,
        approved_by: &approved_by,
        until,
    };
    Ok(work::make_move_on(cx, id, &step).await)
}

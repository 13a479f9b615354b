//! `hrss-desk complaints …`: complaint intake from the command line.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global, parse_day};
use crate::domain::InspectionMatter;
use crate::domain::complaint::Intake;
use crate::i18n::{self, Lang};
use crate::workflow::complaints::{self as work, Complainant};
use chrono::NaiveDate;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum ComplaintsCommand {
    /// 登记投诉 / Register a complaint
    Add {
        /// 投诉人姓名 / The complainant's name
        #[arg(long)]
        complainant: String,
        /// 投诉人公民身份号码 / The complainant's ID number
        #[arg(long, default_value = "")]
        id_number: String,
        /// 投诉人电话 / The complainant's phone
        #[arg(long, default_value = "")]
        phone: String,
        /// 被投诉单位统一社会信用代码 / The respondent's credit code
        #[arg(long)]
        respondent_uscc: Option<String>,
        /// 被投诉单位名称（无信用代码时） / The respondent's name (without a credit code)
        #[arg(long, default_value = "")]
        respondent: String,
        /// 投诉事项代码，逗号分隔（如 wages,contracts） / Matter codes, comma-separated
        #[arg(long, value_delimiter = ',')]
        matters: Vec<String>,
        /// 投诉事实 / The facts
        #[arg(long, default_value = "")]
        facts: String,
        /// 渠道：window、hotline、online、letter、referred / The channel
        #[arg(long)]
        channel: String,
        /// 收到日期（缺省今天） / The day received (default today)
        #[arg(long, value_parser = parse_day)]
        received: Option<NaiveDate>,
        /// 违法行为（或其终了）日期 / When the violation happened or ended
        #[arg(long, value_parser = parse_day)]
        violation_on: Option<NaiveDate>,
        /// 群体性事件 / From a mass incident
        #[arg(long)]
        mass: bool,
    },
    /// 待受理投诉，最早收到的在前（--all 列出全部） / Complaints waiting for their decision, oldest first
    List {
        /// 列出全部投诉（含已决定的） / Every complaint, decided ones too
        #[arg(long)]
        all: bool,
        /// 以 JSON 输出 / Write JSON
        #[arg(long)]
        json: bool,
    },
    /// 按规则作出受理决定（科室负责人） / Decide on a complaint as the rules lead (section chief)
    Decide {
        id: i64,
        /// 属劳动争议，告知申请仲裁 / A labour dispute: refer to arbitration
        #[arg(long)]
        dispute: bool,
        /// 非本局管辖：书面告知投诉人向此部门提出（劳社部令25号第十八条） / Not ours: tell the complainant in writing to complain here
        #[arg(long, value_name = "NAME", conflicts_with = "dispute")]
        elsewhere: Option<String>,
        /// 说明（至多200字） / A note for the record (at most 200 characters)
        #[arg(long, default_value = "")]
        note: String,
    },
}

pub async fn run(g: &Global, lang: Lang, cmd: ComplaintsCommand) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let today = o.store.clock().today();
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let r = match cmd {
        ComplaintsCommand::Add {
            complainant,
            id_number,
            phone,
            respondent_uscc,
            respondent,
            matters,
            facts,
            channel,
            received,
            violation_on,
            mass,
        } => {
            let mut parsed = Vec::new();
            for m in matters.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
                parsed.push(
                    InspectionMatter::parse(m)
                        .ok_or_else(|| Failure::new(2, i18n::unknown_matter(lang, m)))?,
                );
            }
            // The respondent is found by its credit code when one is given.
            let (employer, name) = match respondent_uscc.as_deref().map(str::trim) {
                Some(u) => match o.store.employer_by_uscc(u).await.map_err(fail)? {
                    Some((id, name)) => (Some(id), name),
                    None => return Err(Failure::new(1, i18n::unknown_employer(lang, u))),
                },
                None => (None, respondent.trim().to_string()),
            };
            let intake = Intake {
                complainant,
                complainant_id: id_number.clone(),
                respondent: name,
                respondent_known: employer.is_some(),
                matters: parsed,
                facts,
                channel: channel.trim().to_string(),
                received_on: received.unwrap_or(today),
                violation_on,
                labour_dispute: false,
            };
            let who = Complainant { id_number, phone };
            work::register(&cx, &intake, &who, employer, mass)
                .await
                .map(|(id, outcome, due)| i18n::complaint_registered(lang, id, due, &outcome))
        }
        ComplaintsCommand::Decide {
            id,
            dispute,
            elsewhere,
            note,
        } => match elsewhere.as_deref() {
            // Given, the place must be named: a blank one is not the rules.
            Some(to) if to.trim().is_empty() => Err(i18n::elsewhere_error(
                lang,
                crate::domain::complaint::ElsewhereError::Empty,
            )),
            to => work::decide(&cx, id, dispute, to.unwrap_or(""), note.trim())
                .await
                .map(|d| d.said(false)),
        },
        ComplaintsCommand::List { all, json } => {
            let r = work::inbox(&cx, all).await;
            o.store.close().await;
            let list = r.map_err(|e| Failure::new(1, e))?;
            print_list(&list, lang, all, json)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    o.store.close().await;
    let s = r.map_err(|e| Failure::new(1, e))?;
    println!("{s}");
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct JsonComplaint<'a> {
    id: i64,
    received_on: String,
    decision_due: String,
    overdue: bool,
    respondent: &'a str,
    matters: Vec<&'a str>,
    channel: &'static str,
    decision: &'static str,
    /// Where the complainant was told to turn ('' unless decided elsewhere).
    referred_to: &'a str,
    mass_incident: bool,
}

/// The inbox as lines (the id first, as `complaints decide` takes it) or
/// JSON; every text from the database made printable. The complainant is
/// left out: a list is no place for personal data.
fn print_list(list: &[work::Waiting], lang: Lang, all: bool, json: bool) -> Result<(), Failure> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = Failure::output;
    if json {
        let rows: Vec<JsonComplaint> = list
            .iter()
            .map(|w| JsonComplaint {
                id: w.complaint.id,
                received_on: w.complaint.received_on.to_string(),
                decision_due: w.due.due.to_string(),
                overdue: w.overdue,
                respondent: &w.complaint.respondent_name,
                matters: w
                    .complaint
                    .matters
                    .split(',')
                    .filter(|m| !m.is_empty())
                    .collect(),
                channel: w.complaint.channel.code(),
                decision: w.complaint.decision.code(),
                referred_to: &w.complaint.referred_to,
                mass_incident: w.complaint.mass_incident,
            })
            .collect();
        crate::cli::write_json(&mut out, &rows)?;
        writeln!(out).map_err(io)?;
        return out.flush().map_err(io);
    }
    if list.is_empty() {
        writeln!(out, "{}", i18n::no_complaints_pending(lang)).map_err(io)?;
        return out.flush().map_err(io);
    }
    writeln!(out, "{}", i18n::complaint_list_header(lang, all)).map_err(io)?;
    for w in list {
        let c = &w.complaint;
        let mut line = format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            c.id,
            c.received_on,
            w.due.due,
            if w.overdue {
                i18n::overdue_mark(lang)
            } else {
                ""
            },
            i18n::printable(&c.respondent_name),
            i18n::matter_names(lang, &c.matters),
            c.channel.label(lang),
        );
        if all {
            line.push('\t');
            line.push_str(&i18n::decision_shown(lang, c));
        }
        writeln!(out, "{line}").map_err(io)?;
    }
    out.flush().map_err(io)
}

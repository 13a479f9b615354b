//! `hrss-desk cases open` and `cases on-the-spot`: a case registered from
//! any source, and a penalty decided on the spot (简易程序).

use super::cases::unknown;
use super::{Failure, parse_day};
use crate::domain::procedure::decide::Asked;
use crate::domain::{CaseSource, DecisionKind, InspectionMatter, PartyKind, fines};
use crate::i18n::Lang;
use crate::workflow::Cx;
use crate::workflow::case_acts::{self as work, OpenArgs, SpotArgs};
use chrono::NaiveDate;
use std::process::ExitCode;

/// Who and what a case is about, and the day it was found.
#[derive(Debug, clap::Args)]
pub struct CaseHead {
    /// 被检查单位统一社会信用代码 / The respondent's credit code
    #[arg(long)]
    respondent_uscc: Option<String>,
    /// 被检查单位（个人）名称 / The respondent's name
    #[arg(long)]
    respondent: Option<String>,
    /// 当事人类别：organisation、individual-business、person / The party's kind
    #[arg(long, default_value = "organisation")]
    respondent_kind: String,
    /// 监察事项，逗号分隔 / Inspection matters, comma-separated
    #[arg(long, value_delimiter = ',')]
    matters: Vec<String>,
    /// 案情 / The facts
    #[arg(long, default_value = "")]
    facts: String,
    /// 发现（收到、决定）日期，缺省为今天 / The day found, received or decided (default today)
    #[arg(long, value_parser = parse_day)]
    on: Option<NaiveDate>,
    /// 以 JSON 输出编号和案号 / Write the id and number as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct OpenOpts {
    /// 案件来源 / Where the case comes from
    #[arg(long)]
    source: String,
    #[command(flatten)]
    head: CaseHead,
    /// 由该检查发现 / Found by this inspection
    #[arg(long, conflicts_with = "from_lead")]
    from_inspection: Option<i64>,
    /// 由该线索发现 / Found from this lead
    #[arg(long)]
    from_lead: Option<i64>,
    /// 由该专项行动发现 / Found in this campaign
    #[arg(long)]
    from_campaign: Option<i64>,
    /// 匿名举报 / An anonymous report
    #[arg(long)]
    anonymous: bool,
    /// 投诉（举报）人姓名 / The complainant's or informant's name
    #[arg(long, default_value = "")]
    informant: String,
    /// 投诉（举报）人电话 / Their phone
    #[arg(long, default_value = "")]
    informant_phone: String,
}

#[derive(Debug, clap::Args)]
pub struct SpotOpts {
    /// 案件来源（缺省 patrol） / Where it was found (default patrol)
    #[arg(long, default_value = "patrol")]
    source: String,
    #[command(flatten)]
    head: CaseHead,
    /// 当场处罚决定书编号 / The numbered form's number
    #[arg(long)]
    number: String,
    /// warning 或 fine（缺省 fine） / warning or fine (default fine)
    #[arg(long, default_value = "fine")]
    outcome: String,
    /// 处罚依据条款 / The article
    #[arg(long)]
    article: String,
    /// 罚款金额，元 / The fine in yuan
    #[arg(long)]
    fine: Option<String>,
    /// 受侵害劳动者人数 / Affected workers
    #[arg(long, default_value_t = 0)]
    workers: i64,
    /// 在场执法人员登录名，逗号分隔（至少2名，第一位为承办人） / The inspectors present (two at least; the first is the officer)
    #[arg(long, value_delimiter = ',')]
    inspectors: Vec<String>,
    /// 当场收缴（100元以下） / Collected there and then (up to 100 yuan)
    #[arg(long)]
    paid: bool,
}

fn code<T: Copy>(
    lang: Lang,
    (zh, en): (&str, &str),
    typed: &str,
    parse: impl Fn(&str) -> Option<T>,
    all: &'static [T],
    code_of: impl Fn(T) -> &'static str,
) -> Result<T, Failure> {
    parse(typed.trim()).ok_or_else(|| {
        Failure::new(
            2,
            unknown(lang, zh, en, typed, all.iter().map(|t| code_of(*t))),
        )
    })
}

/// The workflow's arguments from what was typed.
fn args(lang: Lang, today: NaiveDate, source: &str, h: CaseHead) -> Result<OpenArgs, Failure> {
    let source = code(
        lang,
        ("案件来源", "source"),
        source,
        CaseSource::parse,
        CaseSource::ALL,
        CaseSource::code,
    )?;
    let respondent_kind = code(
        lang,
        ("当事人类别", "party kind"),
        &h.respondent_kind,
        PartyKind::parse,
        PartyKind::ALL,
        PartyKind::code,
    )?;
    let mut matters = Vec::new();
    for m in h.matters.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
        matters.push(code(
            lang,
            ("监察事项", "matter"),
            m,
            InspectionMatter::from_any,
            InspectionMatter::ALL,
            InspectionMatter::code,
        )?);
    }
    Ok(OpenArgs {
        source,
        respondent_uscc: h.respondent_uscc,
        respondent: h.respondent,
        respondent_kind,
        matters,
        facts: h.facts,
        on: h.on.unwrap_or(today),
        anonymous: false,
        informant: String::new(),
        informant_phone: String::new(),
        from_inspection: None,
        from_lead: None,
        from_campaign: None,
        licence: None,
    })
}

fn said(r: Result<(i64, String, String), String>, json: bool) -> Result<ExitCode, Failure> {
    let (id, number, said) = r.map_err(|e| Failure::new(1, e))?;
    if json {
        println!(
            "{}",
            crate::i18n::json_defused(
                &serde_json::json!({ "id": id, "number": number }).to_string()
            )
        );
    } else {
        println!("{said}");
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn open(cx: &Cx<'_>, o: OpenOpts) -> Result<ExitCode, Failure> {
    let Cx { lang, today, .. } = *cx;
    let json = o.head.json;
    let a = OpenArgs {
        anonymous: o.anonymous,
        informant: o.informant,
        informant_phone: o.informant_phone,
        from_inspection: o.from_inspection,
        from_lead: o.from_lead,
        from_campaign: o.from_campaign,
        ..args(lang, today, &o.source, o.head)?
    };
    said(work::open(cx, &a).await, json)
}

pub async fn on_the_spot(cx: &Cx<'_>, o: SpotOpts) -> Result<ExitCode, Failure> {
    let Cx { lang, today, .. } = *cx;
    let json = o.head.json;
    let kind = code(
        lang,
        ("决定种类", "decision kind"),
        &o.outcome,
        DecisionKind::parse,
        DecisionKind::ALL,
        DecisionKind::code,
    )?;
    let amount = match &o.fine {
        None => None,
        Some(s) => Some(
            fines::parse_yuan(s).ok_or_else(|| Failure::new(2, crate::i18n::not_money(lang, s)))?,
        ),
    };
    let a = args(lang, today, &o.source, o.head)?;
    let spot = SpotArgs {
        number: o.number,
        decision: Asked {
            kind,
            article: o.article.trim(),
            basis: fines::Basis {
                workers: o.workers,
                ..fines::Basis::default()
            },
            amount,
        },
        inspectors: o.inspectors,
        paid: o.paid,
    };
    said(work::on_the_spot(cx, &a, &spot).await, json)
}

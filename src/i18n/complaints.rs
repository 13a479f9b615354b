//! Complaint intake's sentences.

use super::Lang;
use crate::domain::complaint::{
    ELSEWHERE_MAX_CHARS, ElsewhereError, IntakeError, Missing, Outcome,
};

pub fn intake_error(lang: Lang, e: &IntakeError) -> String {
    match (lang, e) {
        (Lang::Zh, IntakeError::BadIdNumber) => "投诉人公民身份号码校验不通过，请核对。".into(),
        (Lang::En, IntakeError::BadIdNumber) => {
            "The complainant's ID number fails its check; please verify it.".into()
        }
        (Lang::Zh, IntakeError::TooLong(field, max)) => {
            let field = match *field {
                "complainant" => "投诉人姓名",
                "respondent" => "被投诉单位",
                _ => "投诉事实",
            };
            format!("{field}超过{max}个字，请精简后再登记。")
        }
        (Lang::En, IntakeError::TooLong(field, max)) => {
            let field = match *field {
                "complainant" => "The complainant's name",
                "respondent" => "The respondent",
                _ => "The facts",
            };
            format!("{field} is longer than {max} characters: shorten it to register.")
        }
        (Lang::Zh, IntakeError::NoComplainant) => "请填写投诉人姓名。".into(),
        (Lang::En, IntakeError::NoComplainant) => "Give the complainant's name.".into(),
        (Lang::Zh, IntakeError::UnknownChannel(c)) => format!(
            "投诉渠道“{}”无效（window 窗口、hotline 12333、online 网上、letter 来信、referred 转办）。",
            super::printable(c)
        ),
        (Lang::En, IntakeError::UnknownChannel(c)) => format!(
            "\"{}\" is not a channel (window, hotline, online, letter, referred).",
            super::printable(c)
        ),
        (Lang::Zh, IntakeError::ReceivedInFuture) => "收到日期不能晚于今天。".into(),
        (Lang::En, IntakeError::ReceivedInFuture) => {
            "The day received cannot be after today.".into()
        }
        (Lang::Zh, IntakeError::ViolationAfterReceipt) => {
            "违法行为日期不能晚于收到投诉的日期。".into()
        }
        (Lang::En, IntakeError::ViolationAfterReceipt) => {
            "The violation cannot be later than the day the complaint was received.".into()
        }
    }
}

fn missing(lang: Lang, m: &[Missing]) -> String {
    m.iter()
        .map(|x| match x {
            Missing::Respondent => lang.pick("被投诉单位", "the respondent"),
            Missing::Facts => lang.pick("投诉事实", "the facts"),
            Missing::Matter => lang.pick("投诉事项", "the matter"),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// What the rules lead to, said before the decision is taken.
pub fn intake_outcome(lang: Lang, o: &Outcome) -> String {
    match (lang, o) {
        (Lang::Zh, Outcome::Accept) => "符合受理条件，应予受理并登记案件。".into(),
        (Lang::En, Outcome::Accept) => "It can be accepted: a case will be registered.".into(),
        (Lang::Zh, Outcome::RefuseLimitation { years }) => {
            format!("违法行为已逾{years}年，超过2年查处时效，应书面告知不予受理。")
        }
        (Lang::En, Outcome::RefuseLimitation { years }) => format!(
            "The violation is {years} years old, past the 2-year limitation: a written refusal."
        ),
        (Lang::Zh, Outcome::Correction { missing: m }) => {
            format!("缺少{}，应一次性告知投诉人补正。", missing(lang, m))
        }
        (Lang::En, Outcome::Correction { missing: m }) => {
            format!(
                "{} missing: ask the complainant to complete it.",
                missing(lang, m)
            )
        }
        (Lang::Zh, Outcome::ReferArbitration) => {
            "属于劳动争议，应书面告知投诉人申请劳动争议仲裁。".into()
        }
        (Lang::En, Outcome::ReferArbitration) => {
            "A labour dispute: tell the complainant in writing to go to labour arbitration.".into()
        }
        (Lang::Zh, Outcome::Elsewhere { to }) => {
            format!("非本局管辖，应书面告知向{}提出。", super::printable(to))
        }
        (Lang::En, Outcome::Elsewhere { to }) => format!(
            "Not this bureau's: tell the complainant in writing to complain to {}.",
            super::printable(to)
        ),
    }
}

/// Why the place a complaint is sent elsewhere to is not taken.
pub fn elsewhere_error(lang: Lang, e: ElsewhereError) -> String {
    match (lang, e) {
        (Lang::Zh, ElsewhereError::Empty) => "请写明应向哪个部门投诉。".into(),
        (Lang::En, ElsewhereError::Empty) => "Name where the complainant is to turn.".into(),
        (Lang::Zh, ElsewhereError::TooLong) => {
            format!("受理部门名称超过{ELSEWHERE_MAX_CHARS}个字，请精简。")
        }
        (Lang::En, ElsewhereError::TooLong) => format!(
            "The name of where to turn is longer than {ELSEWHERE_MAX_CHARS} characters: shorten it."
        ),
        (Lang::Zh, ElsewhereError::NotOneLine) => "受理部门名称须为一行文字。".into(),
        (Lang::En, ElsewhereError::NotOneLine) => {
            "The name of where to turn must be one line of text.".into()
        }
    }
}

pub fn decision_note_too_long(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Zh => format!("说明超过{max}个字，请精简。"),
        Lang::En => format!("The note is longer than {max} characters: shorten it."),
    }
}

pub fn complaint_registered(lang: Lang, id: i64, due: chrono::NaiveDate, o: &Outcome) -> String {
    match lang {
        Lang::Zh => format!(
            "投诉已登记（编号{id}），应于{due}前作出受理决定。{}",
            intake_outcome(lang, o)
        ),
        Lang::En => format!(
            "Complaint {id} registered; decide on it by {due}. {}",
            intake_outcome(lang, o)
        ),
    }
}

pub fn no_complaint(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有编号为{id}的投诉。"),
        Lang::En => format!("There is no complaint {id}."),
    }
}

pub fn complaint_decided_already(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("投诉{id}已作出决定。"),
        Lang::En => format!("Complaint {id} is already decided."),
    }
}

/// `on_screen`: the notice is printed with `p`, not the command.
pub fn complaint_decided(
    lang: Lang,
    id: i64,
    o: &Outcome,
    case: Option<&str>,
    on_screen: bool,
) -> String {
    let what = match (lang, o) {
        (Lang::Zh, Outcome::Accept) => "已受理".to_string(),
        (Lang::En, Outcome::Accept) => "accepted".to_string(),
        (Lang::Zh, Outcome::RefuseLimitation { .. }) => "不予受理".to_string(),
        (Lang::En, Outcome::RefuseLimitation { .. }) => "not accepted".to_string(),
        (Lang::Zh, Outcome::Correction { .. }) => "已告知补正".to_string(),
        (Lang::En, Outcome::Correction { .. }) => "returned for completion".to_string(),
        (Lang::Zh, Outcome::ReferArbitration) => "已告知申请仲裁".to_string(),
        (Lang::En, Outcome::ReferArbitration) => "referred to arbitration".to_string(),
        (Lang::Zh, Outcome::Elsewhere { to }) => {
            format!("不属本局管辖，告知向{}提出", super::printable(to))
        }
        (Lang::En, Outcome::Elsewhere { to }) => {
            format!(
                "is not ours: the complainant is told to turn to {}",
                super::printable(to)
            )
        }
    };
    let said = match (lang, case) {
        (Lang::Zh, Some(n)) => format!("投诉{id}{what}，已登记案件{n}。"),
        (Lang::En, Some(n)) => format!("Complaint {id} {what}; case {n} registered."),
        (Lang::Zh, None) => format!("投诉{id}{what}。"),
        (Lang::En, None) => format!("Complaint {id} {what}."),
    };
    // The written notice the decision calls for, and how it is printed.
    match o.notice() {
        Some(kind) if on_screen => format!("{said}{}", notice_key_hint(lang, kind)),
        Some(kind) => format!("{said}{}", notice_hint(lang, kind, id)),
        None => said,
    }
}

/// On the screen: the key that prints the notice, in the inbox.
pub fn notice_key_hint(lang: Lang, kind: crate::domain::documents::DocKind) -> String {
    match lang {
        Lang::Zh => format!("按 p 出具书面通知投诉人的{}。", kind.title(Lang::Zh)),
        Lang::En => format!(
            " p prints the {} for the complainant.",
            kind.title(Lang::En)
        ),
    }
}

/// How the notice to the complainant is printed (as a filing's receipt).
pub fn notice_hint(lang: Lang, kind: crate::domain::documents::DocKind, id: i64) -> String {
    let (zh, en, code) = (kind.title(Lang::Zh), kind.title(Lang::En), kind.code());
    match lang {
        Lang::Zh => format!("书面通知投诉人的{zh}：hrss-desk notice render {code} {id}"),
        Lang::En => format!(" The {en} for the complainant: hrss-desk notice render {code} {id}"),
    }
}

pub fn unknown_matter(lang: Lang, m: &str) -> String {
    let list = crate::domain::InspectionMatter::ALL
        .iter()
        .map(|x| x.code())
        .collect::<Vec<_>>()
        .join(", ");
    let m = super::printable(m);
    match lang {
        Lang::Zh => format!("没有“{m}”这一监察事项。可用：{list}"),
        Lang::En => format!("There is no matter \"{m}\". Matters: {list}"),
    }
}

pub fn unknown_employer(lang: Lang, uscc: &str) -> String {
    let uscc = super::printable(uscc);
    match lang {
        Lang::Zh => format!("参保单位名册中没有统一社会信用代码为{uscc}的单位。"),
        Lang::En => format!("No employer on the register has the credit code {uscc}."),
    }
}

pub fn channel_label(lang: Lang, code: &str) -> &'static str {
    match code {
        "window" => lang.pick("窗口", "At the window"),
        "hotline" => lang.pick("12333热线", "12333 hotline"),
        "online" => lang.pick("网上", "Online"),
        "letter" => lang.pick("来信", "Letter"),
        "referred" => lang.pick("转办", "Referred"),
        _ => lang.pick("其他", "Other"),
    }
}

pub fn not_a_date(lang: Lang, s: &str) -> String {
    if super::date_shaped(s) {
        return super::bad_date(lang, &super::printable(s));
    }
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("“{s}”不是日期（YYYY-MM-DD）。"),
        Lang::En => format!("\"{s}\" is not a date (YYYY-MM-DD)."),
    }
}

pub fn evidence_needs_place(lang: Lang) -> &'static str {
    lang.pick("请写明原件存放处。", "Say where the original is kept.")
}

pub fn form_kept(lang: Lang) -> &'static str {
    lang.pick(
        "表单已暂存，再次打开时内容仍在。",
        "The form is kept: it opens again with what was typed.",
    )
}

/// Several employers fit the respondent typed: choose one in the list.
pub fn respondent_several(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("有{n}个单位符合被投诉单位：用左右键选定一个，再按 F2 登记。"),
        Lang::En => {
            format!("{n} employers fit the respondent: choose one with Left/Right, then F2.")
        }
    }
}

/// An employer in a chooser: name, credit code, town, legal representative.
pub fn employer_choice(lang: Lang, name: &str, uscc: &str, town: &str, rep: &str) -> String {
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "-".to_string()
        } else {
            s.to_string()
        }
    };
    match lang {
        Lang::Zh => format!("{name} · {uscc} · {} · 法定代表人{}", dash(town), dash(rep)),
        Lang::En => format!(
            "{name} · {uscc} · {} · legal rep. {}",
            dash(town),
            dash(rep)
        ),
    }
}

/// The header of `complaints list`, tab-separated as its rows.
pub fn complaint_list_header(lang: Lang, all: bool) -> String {
    let mut h = lang
        .pick(
            "编号\t收到日期\t决定期限\t超期\t被投诉单位\t投诉事项\t渠道",
            "id\treceived\tdecision due\toverdue\trespondent\tmatters\tchannel",
        )
        .to_string();
    if all {
        h.push_str(lang.pick("\t决定", "\tdecision"));
    }
    h
}

/// The matters of a complaint (a comma list of codes) by their names.
pub fn matter_names(lang: Lang, codes: &str) -> String {
    codes
        .split(',')
        .map(|c| {
            crate::domain::InspectionMatter::parse(c).map_or_else(
                || super::printable(c).into_owned(),
                |m| m.label(lang).to_string(),
            )
        })
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// What `complaints list` says when there is nothing to decide.
pub fn no_complaints_pending(lang: Lang) -> &'static str {
    lang.pick(
        "没有待受理的投诉。",
        "No complaint is waiting for its decision.",
    )
}

/// The overdue mark of a complaint past its decision day.
pub fn overdue_mark(lang: Lang) -> &'static str {
    lang.pick("超期", "OVERDUE")
}

/// The inbox's name, with how many wait and how many are past their day
/// when known: the view chooser's first row and the inbox's title.
pub fn inbox_title(lang: Lang, waiting: Option<i64>, late: i64) -> String {
    match (lang, waiting) {
        (Lang::Zh, Some(n)) => format!("待受理投诉（{n}，超期{late}）"),
        (Lang::En, Some(n)) => format!("Complaints to decide ({n}, {late} overdue)"),
        (Lang::Zh, None) => "待受理投诉".into(),
        (Lang::En, None) => "Complaints to decide".into(),
    }
}

/// The labels of a complaint's detail in the inbox, in order.
pub fn complaint_labels(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Zh => [
            "投诉编号",
            "投诉人",
            "被投诉单位",
            "投诉事项",
            "投诉事实",
            "渠道",
            "收到日期",
            "违法行为日期",
            "受理决定期限",
        ],
        Lang::En => [
            "Complaint",
            "Complainant",
            "Respondent",
            "Matters",
            "Facts",
            "Channel",
            "Received",
            "Violation on",
            "Decision due",
        ],
    }
}

/// The keys of the inbox, said under it.
pub fn inbox_keys(lang: Lang, open: bool, notice: bool) -> String {
    let keys = match (lang, open) {
        (Lang::Zh, false) => "Enter 查看 · m 作出受理决定 · Esc 关闭",
        (Lang::En, false) => "Enter reads · m decides · Esc closes",
        (Lang::Zh, true) => "m 作出受理决定 · Esc 返回列表",
        (Lang::En, true) => "m decides · Esc back to the list",
    };
    match (lang, notice) {
        (_, false) => keys.to_string(),
        (Lang::Zh, true) => format!("{keys} · p 出具刚决定投诉的书面通知"),
        (Lang::En, true) => format!("{keys} · p prints the notice just decided"),
    }
}

/// The decision form's lines: its title, the dispute's question and its
/// answer, the note's label, what the rules lead to, its keys.
pub fn complaint_decide_title(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("投诉{id}的受理决定"),
        Lang::En => format!("Decision on complaint {id}"),
    }
}

pub fn dispute_question(lang: Lang, yes: bool) -> String {
    let answer = match (lang, yes) {
        (Lang::Zh, true) => "是：告知申请劳动争议仲裁",
        (Lang::Zh, false) => "否",
        (Lang::En, true) => "yes: refer to labour arbitration",
        (Lang::En, false) => "no",
    };
    match lang {
        Lang::Zh => format!("属劳动争议：< {answer} >（←/→）"),
        Lang::En => format!("A labour dispute: < {answer} > (Left/Right)"),
    }
}

/// The decision form's field for a complaint not this bureau's.
pub fn elsewhere_label(lang: Lang) -> &'static str {
    lang.pick("非本局管辖，告知向：", "Not ours, complain to: ")
}

/// A decided complaint's decision as a list shows it: where it was sent
/// when it was not this bureau's.
pub fn decision_shown(lang: Lang, c: &crate::store::ComplaintRow) -> String {
    let label = c.decision.label(lang);
    if c.referred_to.is_empty() {
        return label.to_string();
    }
    let to = super::printable(&c.referred_to);
    match lang {
        Lang::Zh => format!("{label}：{to}"),
        Lang::En => format!("{label}: {to}"),
    }
}

pub fn decision_note_label(lang: Lang) -> &'static str {
    lang.pick("说明：", "Note: ")
}

pub fn rules_lead_to(lang: Lang) -> &'static str {
    lang.pick("依规则：", "The rules lead to: ")
}

pub fn complaint_decide_keys(lang: Lang) -> &'static str {
    lang.pick(
        "F2 作出决定 · Tab 下一项 · Esc 返回",
        "F2 decides · Tab next field · Esc back",
    )
}

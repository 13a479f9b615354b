//! Sentences of a case's acts: their dates, a case registered from any
//! source, payments and what stays owed, and the case shown whole.

use super::{Lang, printable, yuan};
use crate::domain::procedure::acts::{DateRefusal, OpenRefusal};

pub fn act_date_refusal(lang: Lang, r: &DateRefusal) -> String {
    match (lang, r) {
        (Lang::Zh, DateRefusal::InFuture { today }) => {
            format!("办理日期不能晚于今天（{today}）：事后登记，不能预先登记。")
        }
        (Lang::En, DateRefusal::InFuture { today }) => {
            format!("The act's day cannot be after today ({today}): record what has happened.")
        }
        (Lang::Zh, DateRefusal::BeforeLast { last }) => {
            format!("办理日期不能早于本案上一步的日期（{last}）。")
        }
        (Lang::En, DateRefusal::BeforeLast { last }) => {
            format!("The act's day cannot be before the case's previous act ({last}).")
        }
    }
}

/// Why a decision's (or a notice's proposed) amount or kind is refused.
pub fn decision_refusal(
    lang: Lang,
    r: &crate::domain::procedure::decide::DecisionRefusal,
) -> String {
    use crate::domain::procedure::decide::DecisionRefusal as R;
    match r {
        R::Amount(r) => super::fine_refusal(lang, r),
        R::NoticeProposesPenalties => notice_proposes_penalties(lang).to_string(),
        R::Procedure(r) => super::case_refusal(lang, r),
    }
}

pub fn termination_needs_reason(lang: Lang) -> &'static str {
    lang.pick(
        "终结须写明理由（--note），如用人单位已注销且无权利义务承受人。",
        "Termination needs its reason (--note), e.g. the employer dissolved with no successor.",
    )
}

pub fn open_refusal(lang: Lang, r: &OpenRefusal) -> String {
    let max = crate::domain::procedure::acts::FACTS_MAX_CHARS;
    let (zh, en): (String, String) = match r {
        OpenRefusal::NoRespondent => (
            "请填写被检查单位（--respondent 或 --respondent-uscc）。".into(),
            "Give the respondent (--respondent or --respondent-uscc).".into(),
        ),
        OpenRefusal::NoMatters => (
            "请至少填写一项监察事项（--matters）。".into(),
            "Give at least one inspection matter (--matters).".into(),
        ),
        OpenRefusal::TooLong => (
            format!("名称不超过200字，案情不超过{max}字。"),
            format!("Names take at most 200 characters, the facts at most {max}."),
        ),
        OpenRefusal::InFuture => (
            "登记日期不能晚于今天。".into(),
            "The day cannot be after today.".into(),
        ),
        OpenRefusal::ComplainantNeeded => (
            "投诉须填写投诉人姓名（--informant）；不愿署名的按举报（--source report --anonymous）登记。".into(),
            "A complaint names its complainant (--informant); one who will not be named is a report (--source report --anonymous).".into(),
        ),
        OpenRefusal::OnlyReportsAnonymous => (
            "只有举报可以匿名。".into(),
            "Only a report may be anonymous.".into(),
        ),
        OpenRefusal::AnonymousNamed => (
            "匿名举报不填写举报人姓名。".into(),
            "An anonymous report names no informant.".into(),
        ),
        OpenRefusal::InspectionNotASource => (
            "由检查发现的案件，来源应为巡视、书面审查、年度审查、专项检查或审计。".into(),
            "A case found by an inspection comes from a patrol, a review, a campaign or an audit."
                .into(),
        ),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn case_opened(lang: Lang, number: &str, id: i64) -> String {
    let number = printable(number);
    match lang {
        Lang::Zh => format!("已登记案件{number}（编号 {id}）。"),
        Lang::En => format!("Case {number} registered (id {id})."),
    }
}

pub fn unknown_code(lang: Lang, what_zh: &str, what_en: &str, code: &str, list: &[&str]) -> String {
    let code = printable(code);
    let list = list.join(", ");
    match lang {
        Lang::Zh => format!("没有“{code}”这种{what_zh}。可用：{list}"),
        Lang::En => format!("There is no {what_en} \"{code}\". Use one of: {list}"),
    }
}

pub fn no_such_record(lang: Lang, what_zh: &str, what_en: &str, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有编号为{id}的{what_zh}。"),
        Lang::En => format!("There is no {what_en} {id}."),
    }
}

pub fn nothing_to_pay(lang: Lang) -> &'static str {
    lang.pick(
        "本案没有已送达的罚款或应缴金额，不能登记缴款。",
        "The case has no amount decided and served to pay.",
    )
}

pub fn overpaid(lang: Lang, outstanding: i64) -> String {
    match lang {
        Lang::Zh => format!("缴款金额超过尚欠金额（{}元）。", yuan(outstanding)),
        Lang::En => format!(
            "The payment is more than what is owed ({} yuan).",
            yuan(outstanding)
        ),
    }
}

pub fn payment_recorded(lang: Lang, number: &str, amount: i64, left: i64, late_fee: i64) -> String {
    let number = printable(number);
    match (lang, left) {
        (Lang::Zh, 0) => format!("案件{number}：已登记缴款{}元，已缴清。", yuan(amount)),
        (Lang::En, 0) => format!("Case {number}: {} yuan paid, all paid.", yuan(amount)),
        (Lang::Zh, _) => format!(
            "案件{number}：已登记缴款{}元，尚欠{}元（其中加处罚款{}元）。",
            yuan(amount),
            yuan(left),
            yuan(late_fee)
        ),
        (Lang::En, _) => format!(
            "Case {number}: {} yuan paid; {} yuan still owed (late fee {} yuan).",
            yuan(amount),
            yuan(left),
            yuan(late_fee)
        ),
    }
}

/// The labels of `cases show`, in the order shown.
pub fn case_show_label(lang: Lang, key: &str) -> &'static str {
    let (zh, en) = match key {
        "number" => ("案号", "Case no."),
        "stage" => ("阶段", "Stage"),
        "source" => ("案件来源", "Source"),
        "respondent" => ("被检查单位", "Respondent"),
        "respondent_kind" => ("当事人类别", "Party"),
        "matters" => ("监察事项", "Matters"),
        "informant" => ("投诉（举报）人", "Complainant or informant"),
        "anonymous" => ("匿名举报", "Anonymous report"),
        "decision" => ("决定", "Decision"),
        "order_deadline" => ("改正期限", "Rectify by"),
        "owed" => ("应缴", "Owed"),
        "paid" => ("已缴", "Paid"),
        "late_fee" => ("加处罚款", "Late fee"),
        "outstanding" => ("尚欠", "Outstanding"),
        "next" => ("下一期限", "Next deadline"),
        "history" => (
            "办理经过（办理日期 · 步骤 · 送达方式 · 登记时间 · 登记人）",
            "History (act's day · step · served · recorded · by)",
        ),
        "files" => ("案卷", "Case file"),
        "payments" => ("缴款", "Payments"),
        _ => ("", ""),
    };
    lang.pick(zh, en)
}

pub fn needs_reason(lang: Lang, m: crate::domain::CaseMove) -> String {
    match lang {
        Lang::Zh => format!("{}须写明理由（--note）。", m.label(lang)),
        Lang::En => format!("{} needs its reason (--note).", m.label(lang)),
    }
}

pub fn needs_approver(lang: Lang, who: &str) -> String {
    let who = printable(who);
    match lang {
        Lang::Zh => format!("须经{who}批准：请填写批准人（--approved-by）。"),
        Lang::En => {
            format!("This needs the approval of the {who}: name the approver (--approved-by).")
        }
    }
}

pub fn notice_proposes_penalties(lang: Lang) -> &'static str {
    lang.pick(
        "事先告知的是拟作出的行政处罚（警告、罚款、没收违法所得）；行政处理决定无需事先告知。",
        "A prior notice proposes a penalty (warning, fine, confiscation); a handling decision needs none.",
    )
}

pub fn tell_the_complainant(lang: Lang) -> &'static str {
    lang.pick(
        "请将中止情况告知投诉（举报）人。",
        " Tell the complainant or informant of the suspension.",
    )
}

pub fn spot_refusal(lang: Lang, r: &crate::domain::procedure::acts::SpotRefusal) -> String {
    use crate::domain::procedure::acts::SpotRefusal as R;
    match (lang, r) {
        (Lang::Zh, R::NotWarningOrFine) => {
            "当场只能作出警告或罚款决定（行政处罚法第五十一条）。".into()
        }
        (Lang::En, R::NotWarningOrFine) => {
            "Only a warning or a fine is decided on the spot (Administrative Penalty Law art 51)."
                .into()
        }
        (Lang::Zh, R::OverLimit { limit }) => format!(
            "当场罚款不得超过{}元（行政处罚法第五十一条），请按一般程序办理。",
            yuan(*limit)
        ),
        (Lang::En, R::OverLimit { limit }) => format!(
            "A fine on the spot is at most {} yuan (art 51): take the ordinary procedure.",
            yuan(*limit)
        ),
        (Lang::Zh, R::NoNumber) => "请填写当场处罚决定书的编号（--number，不超过40字）。".into(),
        (Lang::En, R::NoNumber) => {
            "Give the on-the-spot decision form's number (--number, at most 40 characters).".into()
        }
        (Lang::Zh, R::CollectOverLimit) => {
            "当场收缴罚款限于100元以下（行政处罚法第六十八条）。".into()
        }
        (Lang::En, R::CollectOverLimit) => {
            "A fine is collected on the spot only up to 100 yuan (art 68).".into()
        }
    }
}

pub fn spot_number_taken(lang: Lang, number: &str) -> String {
    let number = printable(number);
    match lang {
        Lang::Zh => format!("编号为“{number}”的当场处罚决定书已经登记。"),
        Lang::En => format!("The on-the-spot decision \"{number}\" is already recorded."),
    }
}

pub fn spot_recorded(lang: Lang, number: &str, id: i64, late: bool) -> String {
    let number = printable(number);
    match (lang, late) {
        (Lang::Zh, false) => format!("已登记当场处罚，案号{number}（编号 {id}）。"),
        (Lang::En, false) => format!("On-the-spot penalty recorded as case {number} (id {id})."),
        (Lang::Zh, true) => format!(
            "已登记当场处罚，案号{number}（编号 {id}）；已超过本局规定的备案期限，备案逾期已记录。"
        ),
        (Lang::En, true) => format!(
            "On-the-spot penalty recorded as case {number} (id {id}); filed after the office's time limit, which is recorded."
        ),
    }
}

pub fn reveal_needs_reason(lang: Lang) -> &'static str {
    lang.pick(
        "查看投诉（举报）人身份须写明理由（--reason，至少4个字，不超过200字）。",
        "Revealing the informant needs a reason that says something (--reason, 4 letters at least, 200 characters at most).",
    )
}

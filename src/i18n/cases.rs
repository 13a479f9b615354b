//! The case procedure's sentences: why a move is refused, what was done.

use super::{Lang, yuan};
use crate::domain::fines::FineRefusal;
use crate::domain::procedure::Refusal;

fn roles(lang: Lang, r: &[crate::domain::Role]) -> String {
    r.iter()
        .map(|x| x.label(lang))
        .collect::<Vec<_>>()
        .join(lang.pick("或", " or "))
}

/// Why the procedure refuses a move or an assignment.
// Long because it is a table: one arm per refusal, both languages.
pub fn case_refusal(lang: Lang, r: &Refusal) -> String {
    match (lang, r) {
        (Lang::Zh, Refusal::NotFromStage { stage }) => {
            format!("案件处于“{}”阶段，不能进行这一步。", stage.label(lang))
        }
        (Lang::En, Refusal::NotFromStage { stage }) => {
            format!(
                "The case is at \"{}\": this step is not allowed from there.",
                stage.label(lang)
            )
        }
        (Lang::Zh, Refusal::WrongRole { needs }) => {
            format!("这一步须由{}办理。", roles(lang, needs))
        }
        (Lang::En, Refusal::WrongRole { needs }) => {
            format!("This step is for a {}.", roles(lang, needs).to_lowercase())
        }
        (_, Refusal::MissingDocuments(docs)) => {
            let list = docs
                .iter()
                .map(|d| d.label(lang))
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "));
            match lang {
                Lang::Zh => format!("缺少文书：{list}。"),
                Lang::En => format!("Documents missing: {list}."),
            }
        }
        (Lang::Zh, Refusal::TooFewInspectors { have }) => {
            format!("调查须有至少2名监察员，现有{have}名。")
        }
        (Lang::En, Refusal::TooFewInspectors { have }) => {
            format!("An investigation needs at least 2 inspectors; it has {have}.")
        }
        (Lang::Zh, Refusal::Conflicted { .. }) => {
            "所选监察员已申报与被投诉单位存在利害关系，应当回避。".into()
        }
        (Lang::En, Refusal::Conflicted { .. }) => {
            "An inspector chosen has declared an interest in the respondent and must stand aside."
                .into()
        }
        (Lang::Zh, Refusal::OwnCase) => "本人承办的案件，不能由本人审批。".into(),
        (Lang::En, Refusal::OwnCase) => "Nobody approves a case they handle themselves.".into(),
        (Lang::Zh, Refusal::HostInvestigated) => "听证主持人不得是本案调查人员。".into(),
        (Lang::En, Refusal::HostInvestigated) => {
            "The hearing host must not be an investigator of the case.".into()
        }
        (Lang::Zh, Refusal::ReviewerIsOfficer) => "法制审核人员不得是本案承办人或调查人员。".into(),
        (Lang::En, Refusal::ReviewerIsOfficer) => {
            "The legal reviewer must not be the case officer or an investigator.".into()
        }
        (Lang::Zh, Refusal::AlreadySuspended) => "案件已中止。".into(),
        (Lang::En, Refusal::AlreadySuspended) => "The case is already suspended.".into(),
        (Lang::Zh, Refusal::NotSuspended) => "案件未中止。".into(),
        (Lang::En, Refusal::NotSuspended) => "The case is not suspended.".into(),
        (Lang::Zh, Refusal::Suspended) => "案件中止期间不能进行这一步，请先恢复调查。".into(),
        (Lang::En, Refusal::Suspended) => {
            "The case is suspended: resume it before this step.".into()
        }
        (Lang::Zh, Refusal::AlreadyExtended) => "办案期限已延长过一次。".into(),
        (Lang::En, Refusal::AlreadyExtended) => "The time limit was already extended once.".into(),
        (Lang::Zh, Refusal::NoLegalReview) => "作出决定前须经法制审核。".into(),
        (Lang::En, Refusal::NoLegalReview) => {
            "A legal review must come before the decision.".into()
        }
        (Lang::Zh, Refusal::NoHearingOffered) => "事先告知未告知听证权利，不能申请听证。".into(),
        (Lang::En, Refusal::NoHearingOffered) => {
            "The notice offered no hearing, so none can be asked for.".into()
        }
        (Lang::Zh, Refusal::NoHearingToHold) => "当事人未申请听证，或听证已举行。".into(),
        (Lang::En, Refusal::NoHearingToHold) => {
            "No hearing was asked for, or it has been held.".into()
        }
        (Lang::Zh, Refusal::HearingWindowOpen) => "当事人申请听证的期限（告知后5个工作日）尚未届满。".into(),
        (Lang::En, Refusal::HearingWindowOpen) => {
            "The party may still ask for a hearing (5 working days from the notice).".into()
        }
        (Lang::Zh, Refusal::StatementWindowOpen) => {
            "陈述申辩期限尚未届满，当事人也未书面放弃陈述申辩（waive）。".into()
        }
        (Lang::En, Refusal::StatementWindowOpen) => {
            "The statement window is still open and the party has not waived it in writing (waive)."
                .into()
        }
        (Lang::Zh, Refusal::HearingNotOffered) => {
            "罚款达到听证标准，但事先告知未告知听证权利，须重新告知。".into()
        }
        (Lang::En, Refusal::HearingNotOffered) => {
            "The fine reaches the hearing threshold but the notice offered no hearing: notify again."
                .into()
        }
        (Lang::Zh, Refusal::TooLateToExtend) => "办案期限已届满，不能再延长。".into(),
        (Lang::En, Refusal::TooLateToExtend) => "The time limit has run out: it cannot be extended now.".into(),
        (Lang::Zh, Refusal::NotServed) => "处罚决定书尚未送达。".into(),
        (Lang::En, Refusal::NotServed) => "The decision has not been served yet.".into(),
        (Lang::Zh, Refusal::TeamFixed) => "立案后办案人员须由本案以外的科室负责人调整。".into(),
        (Lang::En, Refusal::TeamFixed) => {
            "After opening, the team is changed only by a chief outside it.".into()
        }
        (Lang::Zh, Refusal::HearingRequestLate) => "已超过告知后5个工作日的听证申请期限。".into(),
        (Lang::En, Refusal::HearingRequestLate) => {
            "The 5 working days to ask for a hearing after the notice have passed.".into()
        }
        (Lang::Zh, Refusal::AlreadyRequested) => "当事人已申请听证。".into(),
        (Lang::En, Refusal::AlreadyRequested) => {
            "The party has already asked for a hearing.".into()
        }
        (Lang::Zh, Refusal::NotCarriedOut) => {
            "决定尚未执行完毕（罚款及加处罚款未缴清），也未申请法院强制执行，不能结案；无法执行的可终结。"
                .into()
        }
        (Lang::En, Refusal::NotCarriedOut) => {
            "The decision is not carried out (the amount and any late fee unpaid) nor sent to the court: it cannot be closed; terminate it if it cannot be carried out."
                .into()
        }
        (Lang::Zh, Refusal::NotOverdue) => "缴纳期限尚未届满或已缴清，不需催告。".into(),
        (Lang::En, Refusal::NotOverdue) => {
            "The time to pay has not run out, or all is paid: no reminder is needed.".into()
        }
        (Lang::Zh, Refusal::NoReminder) => "申请法院强制执行前须先送达催告书。".into(),
        (Lang::En, Refusal::NoReminder) => {
            "A reminder must be served before applying to the court.".into()
        }
        (Lang::Zh, Refusal::CourtWindowClosed) => {
            "不在申请法院强制执行的期间内（催告后10个工作日、复议和诉讼期限届满后3个月内）。".into()
        }
        (Lang::En, Refusal::CourtWindowClosed) => {
            "Not within the window to apply to the court (10 working days after the reminder, within 3 months of the relief windows' lapse)."
                .into()
        }
        (Lang::Zh, Refusal::AlreadyApplied) => "已申请法院强制执行。".into(),
        (Lang::En, Refusal::AlreadyApplied) => "The court has already been applied to.".into(),
        (Lang::Zh, Refusal::AlreadyWaived) => "当事人已书面放弃陈述申辩和听证。".into(),
        (Lang::En, Refusal::AlreadyWaived) => "The party has already waived in writing.".into(),
        (Lang::Zh, Refusal::HeavierThanNotice) => {
            "决定重于事先告知的拟处罚，须重新事先告知（renotice）。".into()
        }
        (Lang::En, Refusal::HeavierThanNotice) => {
            "The decision is heavier than the notice proposed: serve a new prior notice (renotice)."
                .into()
        }
        (Lang::Zh, Refusal::NoPriorNotice) => "作出行政处罚决定前须事先告知（prior-notice）。".into(),
        (Lang::En, Refusal::NoPriorNotice) => {
            "A penalty needs a prior notice first (prior-notice).".into()
        }
        (Lang::Zh, Refusal::NoDeadline) => "责令限期改正须写明改正期限（--deadline），且晚于下达之日。".into(),
        (Lang::En, Refusal::NoDeadline) => {
            "An order to rectify names its deadline (--deadline), after the day it is made.".into()
        }
        (Lang::Zh, Refusal::NoCollectiveDiscussion) => {
            "本案须经负责人集体讨论后决定（discuss；行政处罚法第五十七条）。".into()
        }
        (Lang::En, Refusal::NoCollectiveDiscussion) => {
            "The heads must discuss this case together before the decision (discuss; art 57).".into()
        }
        (Lang::Zh, Refusal::HearingNotNotified) => {
            "听证须先通知当事人举行的时间、地点（schedule-hearing），并于通知之日举行。".into()
        }
        (Lang::En, Refusal::HearingNotNotified) => {
            "The hearing is held on the day the party was notified of (schedule-hearing first).".into()
        }
        (Lang::Zh, Refusal::HearingNoticeLate { latest }) => format!(
            "听证会通知须在举行7个工作日前送达，最迟{latest}（行政处罚法第六十四条）。"
        ),
        (Lang::En, Refusal::HearingNoticeLate { latest }) => format!(
            "The hearing must be notified 7 working days ahead, by {latest} at the latest (art 64)."
        ),
        (Lang::Zh, Refusal::HearingPending) => "当事人已申请听证，须先举行听证。".into(),
        (Lang::En, Refusal::HearingPending) => {
            "The party asked for a hearing: hold it before deciding.".into()
        }
    }
}

/// Why a fine is refused.
pub fn fine_refusal(lang: Lang, r: &FineRefusal) -> String {
    match (lang, r) {
        (Lang::Zh, FineRefusal::WrongKind) => "该条款不能作为这种决定的依据。".into(),
        (Lang::En, FineRefusal::WrongKind) => {
            "That article does not found this kind of decision.".into()
        }
        (Lang::Zh, FineRefusal::NoSince) => "按日加收滞纳金，须填写欠缴之日（--since）。".into(),
        (Lang::En, FineRefusal::NoSince) => {
            "A daily charge needs the day the amount fell due (--since).".into()
        }
        (Lang::Zh, FineRefusal::UnknownArticle) => "没有这一处罚依据条款。".into(),
        (Lang::En, FineRefusal::UnknownArticle) => "There is no such article.".into(),
        (Lang::Zh, FineRefusal::NoBasis) => "请填写受侵害劳动者人数或应付金额。".into(),
        (Lang::En, FineRefusal::NoBasis) => {
            "Give the number of affected workers or the amount owed.".into()
        }
        (Lang::Zh, FineRefusal::OutOfRange { min, max }) if min == max => {
            format!("金额依法应为{}元。", yuan(*min))
        }
        (Lang::En, FineRefusal::OutOfRange { min, max }) if min == max => {
            format!("The amount the law fixes is {} yuan.", yuan(*min))
        }
        (Lang::Zh, FineRefusal::OutOfRange { min, max }) => {
            format!("罚款金额须在{}元至{}元之间。", yuan(*min), yuan(*max))
        }
        (Lang::En, FineRefusal::OutOfRange { min, max }) => format!(
            "The amount must lie between {} and {} yuan.",
            yuan(*min),
            yuan(*max)
        ),
    }
}

pub fn case_moved(lang: Lang, number: &str, m: crate::domain::CaseMove) -> String {
    match lang {
        Lang::Zh => format!("案件{number}：{}已办理。", m.label(lang)),
        Lang::En => format!("Case {number}: {} done.", m.label(lang)),
    }
}

pub fn case_assigned(lang: Lang, number: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("案件{number}已指派{n}名监察员。"),
        Lang::En => format!("Case {number}: {n} inspectors assigned."),
    }
}

pub fn no_case(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有编号为{id}的案件。"),
        Lang::En => format!("There is no case {id}."),
    }
}

pub fn unknown_move(lang: Lang, code: &str) -> String {
    let list = crate::domain::CaseMove::ALL
        .iter()
        .map(|m| m.code())
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Zh => format!("没有“{code}”这一步。可用：{list}"),
        Lang::En => format!("There is no step \"{code}\". Steps: {list}"),
    }
}

pub fn unknown_staff(lang: Lang, login: &str) -> String {
    let login = super::printable(login);
    match lang {
        Lang::Zh => format!("员工名册中没有“{login}”。"),
        Lang::En => format!("\"{login}\" is not on the staff list."),
    }
}

pub fn officer_not_in_team(lang: Lang, login: &str) -> String {
    let login = super::printable(login);
    match lang {
        Lang::Zh => format!("承办人“{login}”须是指派的监察员之一。"),
        Lang::En => format!("The case officer \"{login}\" must be one of the inspectors assigned."),
    }
}

pub fn not_money(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("“{s}”不是金额（以元为单位，如 12000 或 12000.50）。"),
        Lang::En => format!("\"{s}\" is not an amount (in yuan, e.g. 12000 or 12000.50)."),
    }
}

pub fn unknown_file_kind(lang: Lang, s: &str) -> String {
    let list = crate::domain::CaseFileKind::ALL
        .iter()
        .map(|k| k.code())
        .collect::<Vec<_>>()
        .join(", ");
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("没有“{s}”这种证据或文书。可用：{list}"),
        Lang::En => format!("There is no kind \"{s}\". Kinds: {list}"),
    }
}

pub fn case_filed(lang: Lang, k: crate::domain::CaseFileKind) -> String {
    match lang {
        Lang::Zh => format!("已登记：{}。", k.label(lang)),
        Lang::En => format!("Added to the file: {}.", k.label(lang)),
    }
}

pub fn not_a_count(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("“{s}”不是人数。"),
        Lang::En => format!("\"{s}\" is not a number of workers."),
    }
}

pub fn open_a_case_first(lang: Lang) -> &'static str {
    lang.pick(
        "请先打开一个案件（Enter），再办理或指派。",
        "Open a case first (Enter), then take a step or assign it.",
    )
}

pub fn no_steps_left(lang: Lang) -> &'static str {
    lang.pick(
        "此案件已没有可办理的步骤。",
        "No step is left to take on this case.",
    )
}

pub fn open_cases(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Zh => format!("在办{n}件"),
        Lang::En if n == 1 => "1 open case".into(),
        Lang::En => format!("{n} open cases"),
    }
}

pub fn cases_tagged(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已标记{n}件：m 一并办理，i 一并指派，x 导出"),
        Lang::En => format!("{n} tagged: m takes a step on all, i assigns all, x exports"),
    }
}

pub fn tag_cases_first(lang: Lang) -> &'static str {
    lang.pick(
        "请先标记要导出的案件（空格、V 标记一段、T 标记视图中全部）。",
        "Tag the cases to export first (Space, V for a run, T for the whole view).",
    )
}

pub fn bulk_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("对已标记的{n}件办理同一步骤（Enter 选定 · Esc 关闭）"),
        Lang::En => format!("One step for the {n} tagged cases (Enter chooses, Esc closes)"),
    }
}

/// After one step or assignment over many cases: how many were done, and
/// which were not, with why.
pub fn bulk_done(lang: Lang, done: usize, refused: &[(String, String)]) -> String {
    let mut s = match lang {
        Lang::Zh => format!("已办理{done}件。"),
        Lang::En => format!("{done} done."),
    };
    if !refused.is_empty() {
        let list: Vec<String> = refused
            .iter()
            .take(5)
            .map(|(n, why)| format!("{n}：{why}"))
            .collect();
        s.push_str(&match lang {
            Lang::Zh => format!("未办理{}件：{}", refused.len(), list.join("；")),
            Lang::En => format!(" {} not: {}", refused.len(), list.join("; ")),
        });
        if refused.len() > 5 {
            s.push('…');
        }
    }
    s
}

pub fn exported(lang: Lang, n: usize, path: &str) -> String {
    let path = super::printable(path);
    match lang {
        Lang::Zh => format!("已导出{n}件案件到 {path}"),
        Lang::En => format!("{n} cases exported to {path}"),
    }
}

pub fn export_failed(lang: Lang, path: &str, e: &std::io::Error) -> String {
    let path = super::printable(path);
    match lang {
        Lang::Zh => format!("无法写入 {path}：{e}"),
        Lang::En => format!("Cannot write {path}: {e}"),
    }
}

pub fn view_saved(lang: Lang, name: &str) -> String {
    let name = super::printable(name);
    match lang {
        Lang::Zh => format!("视图“{name}”已保存，按 f 可选用。"),
        Lang::En => format!("View \"{name}\" saved: f chooses it."),
    }
}

/// The header of `cases list`, tab-separated as its rows.
pub fn case_list_header(lang: Lang) -> &'static str {
    lang.pick(
        "编号\t案号\t阶段\t被检查单位\t下一期限\t超期\t承办人",
        "id\tnumber\tstage\trespondent\tnext deadline\toverdue\tofficer",
    )
}

/// A view `cases list --view` does not have: the views it has.
pub fn unknown_case_view(lang: Lang, code: &str, views: &[String]) -> String {
    let code = super::printable(code);
    let views = views.join(", ");
    match lang {
        Lang::Zh => format!("没有“{code}”这一案件视图。可用：{views}"),
        Lang::En => format!("There is no case view \"{code}\". Views: {views}"),
    }
}

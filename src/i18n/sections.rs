//! The supervision pane's words: its sections, their columns and the
//! sentences that sum each up.

use super::Lang;

/// A section's name on the pane's section bar.
pub fn section_name(lang: Lang, index: usize) -> &'static str {
    let (zh, en) = match index {
        0 => ("检查记录", "Inspections"),
        1 => ("待检查", "Due"),
        2 => ("整改", "Rectify"),
        3 => ("抽查计划", "Draws"),
        4 => ("年度审查", "Annual"),
        5 => ("线索", "Leads"),
        6 => ("专项行动", "Campaigns"),
        _ => ("分片轮换", "Rota"),
    };
    lang.pick(zh, en)
}

/// A section's column headers.
pub fn section_columns(lang: Lang, index: usize) -> &'static [&'static str] {
    match (index, lang) {
        (1, Lang::Zh) => &[
            "日期",
            "类别",
            "许可证号",
            "机构名称",
            "检查方式 / 审核规则",
        ],
        (1, Lang::En) => &["Since", "What", "Licence", "Holder", "Method / audit rule"],
        (2, Lang::Zh) => &[
            "整改期限",
            "状态",
            "许可证号",
            "机构名称",
            "处理措施",
            "决定日期",
        ],
        (2, Lang::En) => &["Deadline", "State", "Licence", "Holder", "Step", "Decided"],
        (3, Lang::Zh) => &[
            "编号",
            "抽取日期",
            "名称",
            "对象类别",
            "检查完成",
            "公示期限",
        ],
        (3, Lang::En) => &["No.", "Drawn", "Name", "Targets", "Done", "Publish by"],
        (4, Lang::Zh) => &["类别", "许可证号", "机构名称", "年度报告", "年检结果"],
        (4, Lang::En) => &["Kind", "Licence", "Holder", "Annual report", "Result"],
        (5, Lang::Zh) => &["收到日期", "来源", "许可证号", "机构名称", "内容"],
        (5, Lang::En) => &["Received", "Source", "Licence", "Holder", "Summary"],
        (6, Lang::Zh) => &["编号", "类型", "主题", "期间", "检查", "状态"],
        (6, Lang::En) => &["No.", "Type", "Theme", "Period", "Inspections", "State"],
        (_, Lang::Zh) => &["片区", "名称", "负责小组"],
        (_, Lang::En) => &["Zone", "Name", "Team"],
    }
}

pub fn due_summary(lang: Lang, inspections: usize, late: usize, tasks: usize) -> String {
    match lang {
        Lang::Zh => {
            format!(
                "待检查{inspections}项（已过计划日期{late}项），稽核任务{tasks}项。按 c 记录检查结果。"
            )
        }
        Lang::En => format!(
            "To inspect: {inspections} ({late} past its planned day); audit tasks: {tasks}. c records an inspection."
        ),
    }
}

pub fn queue_kind(lang: Lang, audit: bool) -> &'static str {
    match (lang, audit) {
        (Lang::Zh, false) => "检查",
        (Lang::Zh, true) => "稽核任务",
        (Lang::En, false) => "visit",
        (Lang::En, true) => "audit",
    }
}

pub fn rectification_summary(lang: Lang, pending: usize, overdue: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "待复查的整改{pending}项，其中逾期未复查{overdue}项。作出处理后记录的检查即为复查。"
        ),
        Lang::En => format!(
            "Rectifications awaiting a re-inspection: {pending}, overdue: {overdue}. Any inspection recorded after the step counts as the re-inspection."
        ),
    }
}

/// A rectification's state: days left, due today, or days overdue.
pub fn rectification_state(lang: Lang, days_left: i64) -> String {
    match (lang, days_left) {
        (Lang::Zh, d) if d > 0 => format!("还剩{d}天"),
        (Lang::Zh, 0) => "今日到期".into(),
        (Lang::Zh, d) => format!("逾期{}天", -d),
        (Lang::En, 1) => "1 day left".into(),
        (Lang::En, d) if d > 0 => format!("{d} days left"),
        (Lang::En, 0) => "due today".into(),
        (Lang::En, -1) => "1 day overdue".into(),
        (Lang::En, d) => format!("{} days overdue", -d),
    }
}

/// A draw with no inspection result yet: nothing to publish.
pub fn after_results(lang: Lang) -> &'static str {
    lang.pick("待检查结果", "after results")
}

pub fn plans_summary(lang: Lang, draws: usize, inspections: i64, done: i64) -> String {
    match lang {
        Lang::Zh => format!(
            "抽查{draws}次，抽中检查{inspections}项，已完成{done}项。检查结果自作出之日起20个工作日内公示。回车查看抽查结果。"
        ),
        Lang::En => format!(
            "{draws} draws, {inspections} inspections drawn, {done} done. Each result is published within 20 working days of being made. Enter shows a draw."
        ),
    }
}

pub fn all_kinds(lang: Lang) -> &'static str {
    lang.pick("全部类别", "every kind")
}

/// The year's HR agency reports and school inspections, counted.
#[allow(clippy::too_many_arguments)]
pub fn annual_summary(
    lang: Lang,
    year: i64,
    received: usize,
    late: usize,
    missing: usize,
    not_due: usize,
    passed: usize,
    failed: usize,
    open: usize,
) -> String {
    match lang {
        Lang::Zh => format!(
            "{year}年度：人力资源服务机构年度报告按时{received}、逾期{late}、未报{missing}、未到期{not_due}；民办培训学校年检合格{passed}、不合格{failed}（暂停招生至复检合格）、未出结果{open}。"
        ),
        Lang::En => format!(
            "{year}: HR agencies' reports {received} received, {late} late, {missing} missing, {not_due} not yet due; schools {passed} passed, {failed} failed (no enrolment until a re-check passes), {open} without a result."
        ),
    }
}

pub fn annual_result(lang: Lang, result: Option<&str>) -> &'static str {
    match (lang, result) {
        (Lang::Zh, Some("passed")) => "合格",
        (Lang::Zh, Some("failed")) => "不合格，暂停招生",
        (Lang::Zh, _) => "未出结果",
        (Lang::En, Some("passed")) => "passed",
        (Lang::En, Some("failed")) => "failed: no enrolment",
        (Lang::En, _) => "no result yet",
    }
}

pub fn leads_summary(lang: Lang, open: usize) -> String {
    match lang {
        Lang::Zh => format!("尚未启动检查的线索{open}条。回车打开许可证，按 n 登记新线索。"),
        Lang::En => format!(
            "{open} leads that started no inspection yet. Enter opens the licence; n there records a lead."
        ),
    }
}

pub fn campaigns_summary(lang: Lang, all: usize, running: usize) -> String {
    match lang {
        Lang::Zh => format!("专项行动和市场巡查{all}项，正在进行{running}项。"),
        Lang::En => format!("{all} campaigns and patrols, {running} running."),
    }
}

pub fn campaign_kind(lang: Lang, patrol: bool) -> &'static str {
    match (lang, patrol) {
        (Lang::Zh, false) => "专项行动",
        (Lang::Zh, true) => "市场巡查",
        (Lang::En, false) => "campaign",
        (Lang::En, true) => "patrol",
    }
}

/// Before, during or after a period.
pub fn period_state(lang: Lang, before: bool, after: bool) -> &'static str {
    match (lang, before, after) {
        (Lang::Zh, true, _) => "未开始",
        (Lang::Zh, _, true) => "已结束",
        (Lang::Zh, ..) => "进行中",
        (Lang::En, true, _) => "not begun",
        (Lang::En, _, true) => "ended",
        (Lang::En, ..) => "running",
    }
}

pub fn done_of(lang: Lang, done: i64, all: i64, failed: Option<i64>) -> String {
    match (lang, failed) {
        (Lang::Zh, Some(f)) if f > 0 => format!("{done}/{all}，不合格{f}"),
        (Lang::En, Some(f)) if f > 0 => format!("{done}/{all}, {f} failed"),
        _ => format!("{done}/{all}"),
    }
}

pub fn section_empty(lang: Lang) -> &'static str {
    lang.pick("（无）", "(nothing)")
}

pub fn section_no_licence(lang: Lang) -> &'static str {
    lang.pick(
        "这一行不对应某个许可证。",
        "This row is not about one licence.",
    )
}

pub fn sections_hint(lang: Lang) -> &'static str {
    lang.pick("[ ] 切换", "[ ] switch")
}

/// A check item's outcome in a form, by its choice (not filled in, passed,
/// failed, n/a).
pub fn check_outcome(lang: Lang, choice: usize) -> &'static str {
    match (lang, choice) {
        (Lang::Zh, 0) => "未填",
        (Lang::Zh, 1) => "合格",
        (Lang::Zh, 2) => "不合格",
        (Lang::Zh, _) => "不适用",
        (Lang::En, 0) => "not filled in",
        (Lang::En, 1) => "passed",
        (Lang::En, 2) => "failed",
        (Lang::En, _) => "n/a",
    }
}

pub fn items_unfilled(lang: Lang, labels: &[&str]) -> String {
    match lang {
        Lang::Zh => format!(
            "尚有{}项未填：{}。逐项选择，或按 F3 将其余记为合格。",
            labels.len(),
            labels.join("、")
        ),
        Lang::En => format!(
            "{} items not filled in: {}. Choose each, or F3 marks the rest passed.",
            labels.len(),
            labels.join("; ")
        ),
    }
}

/// A material as ticked at the counter (`form::Kind::Material`'s choice).
pub fn material_state(lang: Lang, choice: usize) -> &'static str {
    match (lang, choice) {
        (Lang::Zh, 0) => "未勾选",
        (Lang::Zh, 1) => "有效",
        (Lang::Zh, 2) => "无效",
        (Lang::Zh, _) => "未交",
        (Lang::En, 0) => "not ticked",
        (Lang::En, 1) => "valid",
        (Lang::En, 2) => "invalid",
        (Lang::En, _) => "not handed in",
    }
}

pub fn note_label(lang: Lang) -> &'static str {
    lang.pick("备注：", "Note: ")
}

pub fn finding_label(lang: Lang) -> &'static str {
    lang.pick("问题：", "Finding: ")
}

/// How an inspection came about.
pub fn origin_label(lang: Lang, code: &str) -> &'static str {
    match (lang, code) {
        (Lang::Zh, "routine") => "日常检查",
        (Lang::Zh, "campaign") => "专项行动",
        (Lang::Zh, "complaint") => "投诉举报",
        (Lang::Zh, "media") => "媒体报道",
        (Lang::Zh, "tracking") => "信息追踪",
        (Lang::Zh, _) => "按线索或专项行动（缺省）",
        (Lang::En, "routine") => "routine",
        (Lang::En, "campaign") => "special campaign",
        (Lang::En, "complaint") => "complaint",
        (Lang::En, "media") => "media report",
        (Lang::En, "tracking") => "information tracking",
        (Lang::En, _) => "from its lead or campaign (default)",
    }
}

/// How an inspection was done.
pub fn approach_label(lang: Lang, code: &str) -> &'static str {
    match (lang, code) {
        (Lang::Zh, "open") => "公开检查",
        (Lang::Zh, "unannounced") => "暗访（不预先通知）",
        (Lang::Zh, "records") => "查阅资料",
        (Lang::Zh, _) => "数据核查",
        (Lang::En, "open") => "open visit",
        (Lang::En, "unannounced") => "unannounced visit",
        (Lang::En, "records") => "records review",
        (Lang::En, _) => "data review",
    }
}

/// A form recording an inspection is named by whom it is of (the kind is
/// plain from its items), its number after.
pub fn form_inspection_title(lang: Lang, id: i64, holder: &str) -> String {
    match lang {
        Lang::Zh => format!("记录检查：{holder}（检查#{id}）"),
        Lang::En => format!("Record the inspection of {holder} (#{id})"),
    }
}

pub fn no_pending_inspection(lang: Lang) -> &'static str {
    lang.pick(
        "该许可证没有待检查的检查。检查由抽查、线索（n）或专项行动安排。",
        "This licence has no pending inspection. Draws, leads (n) and campaigns plan them.",
    )
}

pub fn inspection_not_pending(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("检查#{id}已记录结果，不能再次记录。"),
        Lang::En => format!("Inspection #{id} is recorded already."),
    }
}

pub fn select_an_inspection(lang: Lang) -> &'static str {
    lang.pick(
        "请先选择一项待检查的检查（检查记录或待检查栏），或打开一个许可证。",
        "Select a pending inspection first (the inspections or due section), or open a licence.",
    )
}

pub fn open_a_licence_first(lang: Lang) -> &'static str {
    lang.pick(
        "请先打开一个许可证（回车）。",
        "Open a licence first (Enter).",
    )
}

pub fn draw_title(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("抽查#{id}的结果（供公示）"),
        Lang::En => format!("Draw #{id}: the result, to publish"),
    }
}

/// After a rectification deadline on a licence: re-inspected on a day,
/// overdue, or awaited.
pub fn rectification_mark(
    lang: Lang,
    reinspected: Option<chrono::NaiveDate>,
    overdue: bool,
) -> String {
    match (lang, reinspected, overdue) {
        (Lang::Zh, Some(d), _) => format!("（{d}已复查）"),
        (Lang::Zh, None, true) => "（逾期未复查）".into(),
        (Lang::Zh, None, false) => "（待复查）".into(),
        (Lang::En, Some(d), _) => format!(" (re-inspected {d})"),
        (Lang::En, None, true) => " (overdue, not re-inspected)".into(),
        (Lang::En, None, false) => " (awaiting re-inspection)".into(),
    }
}

/// A violation notice's number: the year and its place in the year.
pub fn violation_notice_number(year: i64, seq: i64) -> String {
    format!("〔{year}〕第{seq}号")
}

pub fn violation_notice_served(lang: Lang, year: i64, seq: i64) -> String {
    let n = violation_notice_number(year, seq);
    match lang {
        Lang::Zh => format!("已当场送达违约通知单{n}。"),
        Lang::En => format!(" Violation notice {n} served on the spot."),
    }
}

pub fn audit_tasks_closed(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Zh => format!("该机构的{n}项稽核任务已办结。"),
        Lang::En => format!(" {n} audit tasks of the institution closed."),
    }
}

pub fn stats_title(lang: Lang, month: &str) -> String {
    match lang {
        Lang::Zh => format!("统计：{month} 月度（[ ] 换月 · f 今日概况 · e 导出月报）"),
        Lang::En => format!("Dashboard: {month} ([ ] month · f today · e report)"),
    }
}

/// The month's own figures, each with its label: as the dashboard shows
/// them and as the report's summary writes them.
pub fn month_figures(
    lang: Lang,
    f: &crate::domain::statistics::MonthFigures,
) -> [(&'static str, u64); 8] {
    [
        (lang.pick("收到申报", "Filings received"), f.received),
        (
            lang.pick("其中补正后再次提交", "of which resubmitted"),
            f.resubmitted,
        ),
        (lang.pick("办结", "Approved"), f.approved),
        (lang.pick("退回更正", "Returned"), f.returned),
        (
            lang.pick("登记案件", "Cases registered"),
            f.cases_registered,
        ),
        (
            lang.pick("计划检查", "Inspections planned"),
            f.inspections_planned,
        ),
        (lang.pick("其中已完成", "of which done"), f.planned_done),
        (
            lang.pick("完成检查", "Inspections done"),
            f.inspections_done,
        ),
    ]
}

pub fn stats_heading(lang: Lang, i: usize) -> &'static str {
    let (zh, en) = match i {
        0 => ("当月", "The month"),
        1 => ("经办人（办结/退回）", "By clerk (approved/returned)"),
        2 => ("近12个月 办结与退回", "12 months: filings decided"),
        3 => ("近12个月 登记案件", "12 months: cases registered"),
        4 => ("近12个月 完成检查", "12 months: inspections done"),
        5 => ("当月每日 办结与退回", "Each day: filings decided"),
        _ => ("当月登记案件（按事项）", "Cases registered by matter"),
    };
    lang.pick(zh, en)
}

pub fn series_max(lang: Lang, max: u64) -> String {
    match lang {
        Lang::Zh => format!("（最高 {max}）"),
        Lang::En => format!(" (max {max})"),
    }
}

/// After a violation notice: the agreement's handling, with its deadline
/// to rectify, checked by a re-inspection after it.
pub fn agreement_handling_next(lang: Lang, licence: i64, year: i64, seq: i64) -> String {
    let n = violation_notice_number(year, seq);
    match lang {
        Lang::Zh => format!(
            "请按服务协议处理并限期整改（约谈、暂停拨付、追回费用、违约金等：sanction add {licence} interview --until 整改期限 --reason 违约通知单{n}），期满复查；逾期未复查的列入 sanction due。"
        ),
        Lang::En => format!(
            " Handle it under the agreement with a day to rectify by (interview, withheld payment, recovery, contract penalty…: sanction add {licence} interview --until DAY --reason \"violation notice {n}\"), then re-inspect; one not re-inspected by then is listed by sanction due."
        ),
    }
}

/// The monthly report's title line.
pub fn month_report_title(lang: Lang, year: i32, month: u32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Zh => format!("{year}年{month}月 劳动保障监察及事中事后监管月报"),
        Lang::En => format!(
            "Labour inspection and supervision: monthly report, {} {year}",
            MONTHS[(month.clamp(1, 12) - 1) as usize]
        ),
    }
}

//! The words of the terminal screens.

use super::Lang;

/// Short pane titles for the tab line: six must fit in 80 columns.
pub fn pane_tab(index: usize, lang: Lang) -> &'static str {
    let (zh, en) = match index {
        0 => ("参保审核", "Filings"),
        1 => ("许可查询", "Licences"),
        2 => ("案件队列", "Cases"),
        3 => ("监督检查", "Supervision"),
        4 => ("参保人员", "Persons"),
        _ => ("统计", "Dashboard"),
    };
    lang.pick(zh, en)
}

/// The full title of a pane, over its list.
pub fn pane_title(index: usize, lang: Lang) -> &'static str {
    let (zh, en) = match index {
        0 => (
            "参保审核：待审核申报（先收先办）",
            "Enrollment review: pending filings, oldest first",
        ),
        1 => (
            "许可查询：许可证与服务协议",
            "Licence lookup: licences and agreements",
        ),
        2 => (
            "案件队列：在办案件（按期限）",
            "Case queue: open cases by deadline",
        ),
        3 => (
            "监督检查：检查记录（新在前）",
            "Supervision: inspections, newest first",
        ),
        4 => ("参保人员", "Insured persons"),
        _ => ("统计", "Dashboard"),
    };
    lang.pick(zh, en)
}

/// Column headers, per pane, in order.
pub fn columns(index: usize, lang: Lang) -> &'static [&'static str] {
    match (index, lang) {
        (0, Lang::Zh) => &[
            "业务类型",
            "参保单位",
            "姓名",
            "身份证号",
            "收件",
            "办结期限",
            "问题",
        ],
        (0, Lang::En) => &[
            "Kind",
            "Employer",
            "Person",
            "ID number",
            "Recvd",
            "Due",
            "Prob",
        ],
        (1, Lang::Zh) => &["类别", "许可证号 / 协议号", "持证单位", "状态", "有效期至"],
        (1, Lang::En) => &["Kind", "Number", "Holder", "Standing", "Expires"],
        (2, Lang::Zh) => &["案号", "被投诉单位", "阶段", "办案期限", "承办人"],
        (2, Lang::En) => &["Case no.", "Respondent", "Stage", "Due", "Officer"],
        (3, Lang::Zh) => &["检查日期", "许可证号", "被检查单位", "方式", "结果"],
        (3, Lang::En) => &["Date", "Licence", "Inspected body", "Method", "Result"],
        (4, Lang::Zh) => &["姓名", "身份证号", "参保单位", "状态", "缴费基数"],
        (4, Lang::En) => &["Name", "ID number", "Employer", "Status", "Base"],
        _ => &[],
    }
}

pub fn standing_label(s: crate::domain::licence::Standing, lang: Lang) -> &'static str {
    use crate::domain::licence::Standing::*;
    let (zh, en) = match s {
        Valid => ("有效", "valid"),
        Expiring => ("将到期!", "expiring!"),
        Expired => ("已过期", "EXPIRED"),
        Suspended => ("暂停", "suspended"),
        Revoked => ("已吊销", "REVOKED"),
        Cancelled => ("已注销", "cancelled"),
    };
    lang.pick(zh, en)
}

pub fn lookup_prompt(lang: Lang) -> &'static str {
    lang.pick("查询：", "Look up: ")
}

pub fn lookup_scope(lang: Lang, scope: &str) -> String {
    match lang {
        Lang::Zh => format!("范围：{scope}"),
        Lang::En => format!("in {scope}"),
    }
}

/// The query line's hint while it takes the keys; `scope` is the key that
/// changes the kinds searched (none bound: not said).
pub fn lookup_hint(lang: Lang, scope: Option<&str>) -> String {
    match (lang, scope) {
        (Lang::Zh, Some(k)) => {
            format!("名称、拼音首字母、证号或信用代码；{k} 换范围，Esc 清空/离开")
        }
        (Lang::Zh, None) => "名称、拼音首字母、证号或信用代码；Esc 清空/离开".into(),
        (Lang::En, Some(k)) => format!("name, initials or any number; {k} scope, Esc clear/leave"),
        (Lang::En, None) => "name, initials or any number; Esc clear/leave".into(),
    }
}

/// The query line once left: keys are commands now, and how to come back.
pub fn lookup_left(lang: Lang, back: Option<&str>) -> String {
    match (lang, back) {
        (Lang::Zh, Some(k)) => format!("【已离开查询行：按键即命令，{k} 回到查询】"),
        (Lang::Zh, None) => "【已离开查询行：按键即命令】".into(),
        (Lang::En, Some(k)) => {
            format!("[off the query line: keys are commands; {k} to type again]")
        }
        (Lang::En, None) => "[off the query line: keys are commands]".into(),
    }
}

/// The query line's own keys, shown first in the lookup pane's help;
/// `scope` and `next` are the keys the keymap binds to them.
pub fn lookup_keys(lang: Lang, scope: &str, next: &str) -> [String; 3] {
    match lang {
        Lang::Zh => [
            " 查询行：字母、数字、汉字都输入到查询中（? 与数字键也是）".into(),
            format!(
                " {scope} 换范围 · {next} 下一面板 · ↑↓ 选择 · Enter 查看 · Esc 清空，再按 Esc 离开查询行"
            ),
            " 离开查询行后下列按键生效，/ 回到查询行".into(),
        ],
        Lang::En => [
            " Query line: letters, digits and Chinese go into the query (? and digits too)".into(),
            format!(
                " {scope} scope · {next} next pane · Up/Down choose · Enter open · Esc clear, Esc again leaves the line"
            ),
            " Once off the line the keys below work; / returns to it".into(),
        ],
    }
}

pub fn decide_title(lang: Lang, id: i64, approve: bool) -> String {
    match (lang, approve) {
        (Lang::Zh, true) => format!(" 办结申报{id} "),
        (Lang::En, true) => format!(" Approve filing {id} "),
        (Lang::Zh, false) => format!(" 退回申报{id}（一次性告知） "),
        (Lang::En, false) => format!(" Return filing {id} (one-time notice) "),
    }
}

/// A filing named by its number, where nothing better is at hand.
pub fn filing_ref(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("申报{id}"),
        Lang::En => format!("filing {id}"),
    }
}

/// The outcome of approving tagged filings; `left`: those with problems,
/// named as the list shows them.
pub fn batch_done(lang: Lang, approved: usize, elsewhere: usize, left: &[String]) -> String {
    let ids = left.join(lang.pick("、", ", "));
    let mut out = match (lang, elsewhere == 0 && left.is_empty()) {
        (Lang::Zh, _) => format!("已办结{approved}件"),
        (Lang::En, true) => format!("{approved} filing(s) approved"),
        (Lang::En, false) => format!("{approved} approved"),
    };
    if elsewhere > 0 {
        out.push_str(&match lang {
            Lang::Zh => format!("；{elsewhere}件已同时在其他窗口办理"),
            Lang::En => format!("; {elsewhere} decided at another desk meanwhile"),
        });
    }
    if !left.is_empty() {
        out.push_str(&match lang {
            Lang::Zh => format!("；以下有问题，未办结：{ids}"),
            Lang::En => format!("; these have problems and were left: {ids}"),
        });
    }
    out.push_str(lang.pick("。", "."));
    out
}

/// A filing decided at another desk while this one was deciding it.
pub fn decided_meanwhile(lang: Lang, id: i64, by: Option<&str>) -> String {
    let by = by.map(super::printable);
    match (lang, by) {
        (Lang::Zh, Some(by)) => format!("申报{id}已同时在其他窗口由{by}办理，本次未作改动。"),
        (Lang::Zh, None) => format!("申报{id}已同时在其他窗口办理，本次未作改动。"),
        (Lang::En, Some(by)) => format!(
            "Filing {id} was decided at another desk meanwhile (by {by}): nothing was changed here."
        ),
        (Lang::En, None) => {
            format!("Filing {id} was decided at another desk meanwhile: nothing was changed here.")
        }
    }
}

pub fn tagged(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已标记{n}件，按 a 一并办结（先确认），U 取消全部标记"),
        Lang::En => format!("{n} tagged: a approves them together (asked first), U untags all"),
    }
}

/// Tags dropped.
pub fn untagged(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已取消全部{n}个标记"),
        Lang::En => format!("{n} tag(s) dropped"),
    }
}

/// The first Esc with filings tagged: the second drops them.
pub fn untag_ask(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已标记{n}件：再按 Esc 取消全部标记"),
        Lang::En => format!("{n} tagged: Esc again drops every tag"),
    }
}

/// How many are tagged, for a list's title and the status line.
pub fn tag_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已标记{n}"),
        Lang::En => format!("{n} tagged"),
    }
}

/// The question before approving every tagged filing.
pub fn confirm_approve_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!(" 一并办结已标记的{n}件申报？ "),
        Lang::En => format!(" Approve all {n} tagged filings? "),
    }
}

/// Tagged filings not loaded in the list, whose kinds are not shown.
pub fn confirm_unseen(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("另有{n}件不在当前列表中"),
        Lang::En => format!("{n} more not in the list on screen"),
    }
}

pub fn confirm_approve_keys(lang: Lang) -> &'static str {
    lang.pick(
        "Enter 一并办结 · Esc 取消（保留标记）",
        "Enter approve them all · Esc cancel (tags kept)",
    )
}

pub fn reveal_title(lang: Lang) -> &'static str {
    lang.pick(
        " 查看完整个人信息：须说明理由，将记入审计日志 ",
        " Reveal personal data: the reason is written to the audit log ",
    )
}

pub fn reveal_reason(lang: Lang) -> &'static str {
    lang.pick("理由：", "Reason: ")
}

pub fn reveal_refused(lang: Lang) -> &'static str {
    lang.pick(
        "您的角色无权查看完整个人信息。",
        "Your role may not reveal personal data.",
    )
}

pub fn reveal_only_persons(lang: Lang) -> &'static str {
    lang.pick(
        "在参保人员详情中按 v 查看完整信息；在申报中先按 o 打开其参保人员。",
        "Press v in an insured person's detail to reveal it; in a filing, o opens its person first.",
    )
}

pub fn lease_held(lang: Lang, who: &str, until: &str) -> String {
    match lang {
        Lang::Zh => format!("此申报正由{who}审核（至{until}），请勿重复办理。"),
        Lang::En => format!(
            "{who} is reviewing this filing (until {until}); take care not to decide it twice."
        ),
    }
}

pub fn decide_no_problems(lang: Lang) -> &'static str {
    lang.pick("审核未发现问题。", "The checks found no problem.")
}

pub fn decide_reason(lang: Lang) -> &'static str {
    lang.pick(
        "办结理由（科室负责人）：",
        "Reason to approve (section chief): ",
    )
}

pub fn decide_remark(lang: Lang) -> &'static str {
    lang.pick("补充说明：", "Remark: ")
}

pub fn decide_confirm(lang: Lang, approve: bool) -> &'static str {
    match (lang, approve) {
        (Lang::Zh, true) => "Enter 办结 · Esc 取消",
        (Lang::En, true) => "Enter approves · Esc cancels",
        (Lang::Zh, false) => "Enter 退回并出具告知书 · Esc 取消",
        (Lang::En, false) => "Enter returns with the notice · Esc cancels",
    }
}

pub fn notice_keys(lang: Lang) -> &'static str {
    lang.pick(
        "可直接修改告知书 · Ctrl-S 或 F2 退回并出具 · Esc 暂存关闭",
        "Edit the notice · Ctrl-S or F2 returns with it · Esc keeps it and closes",
    )
}

/// Under the notice's editor: the day to correct by, which the program
/// adds to the notice (not in the text edited, so it cannot be lost).
pub fn notice_adds_deadline(lang: Lang, due: &crate::domain::calendar::Deadline) -> String {
    let provisional = if due.provisional {
        lang.pick("（暂定）", ", provisional")
    } else {
        ""
    };
    match lang {
        Lang::Zh => format!(
            "告知书末尾写明：{}{provisional}",
            super::correction_deadline(lang, due.date)
        ),
        Lang::En => format!(
            "Added to the notice: correct and resubmit by {}{provisional}",
            due.date.format("%-d %B %Y")
        ),
    }
}

pub fn notice_kept(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("申报{id}的告知书已暂存，再按 r 继续编辑。"),
        Lang::En => format!("The notice of filing {id} is kept; press r to go on editing it."),
    }
}

pub fn notice_earlier_edit(lang: Lang) -> &'static str {
    lang.pick(
        "——（申报已变更，以下为此前编辑的内容，请核对后保留或删除）——",
        "-- (the filing has changed; your earlier edit follows: keep or delete it) --",
    )
}

pub fn decide_close(lang: Lang) -> &'static str {
    lang.pick("Esc 关闭", "Esc closes")
}

pub fn index_building(lang: Lang) -> &'static str {
    lang.pick("正在建立查询索引…", "Building the lookup index…")
}

pub fn lookup_columns(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Zh => &["类别", "许可证号 / 代码 / 身份证号", "名称", "状态"],
        Lang::En => &["Kind", "Number / code / ID", "Name", "Standing"],
    }
}

pub fn loading(lang: Lang) -> &'static str {
    lang.pick("加载中…", "Loading…")
}

pub fn empty_list(lang: Lang) -> &'static str {
    lang.pick("没有记录", "No records")
}

pub fn no_match(lang: Lang, filter: &str) -> String {
    match lang {
        Lang::Zh => format!("没有与“{filter}”相符的记录，按 Esc 清除筛选"),
        Lang::En => format!("Nothing matches \"{filter}\": press Esc to clear the filter"),
    }
}

pub fn filter_prompt(lang: Lang) -> &'static str {
    lang.pick("筛选：", "Filter: ")
}

pub fn filter_active(lang: Lang, filter: &str) -> String {
    match lang {
        Lang::Zh => format!("筛选“{filter}”"),
        Lang::En => format!("filter \"{filter}\""),
    }
}

/// The status line's counts, each named: filings pending (and of them
/// past their decision day), cases past their deadline.
pub fn status_counts(lang: Lang, c: &crate::store::Counts) -> String {
    let (pending, overdue_filings, overdue_cases) =
        (c.pending_filings, c.overdue_filings, c.overdue_cases);
    let (complaints, overdue_complaints) = (c.pending_complaints, c.overdue_complaints);
    match lang {
        Lang::Zh => format!(
            // The closing bracket parts them: no space, so the line stays
            // whole at 80 columns beside the name and a tag count.
            "待审核申报{pending}（超期{overdue_filings}）待受理投诉{complaints}（超期{overdue_complaints}）超期案件{overdue_cases}"
        ),
        Lang::En => format!(
            // Late of how many waiting: as short as the Chinese, so it stays
            // whole at 80 columns beside the name and a tag count.
            "late: filings {overdue_filings}/{pending}, complaints {overdue_complaints}/{complaints}, cases {overdue_cases}"
        ),
    }
}

/// The counts shortened, for a status line that also shows tags at 80
/// columns: the same figures, the labels cut to their nouns.
pub fn status_counts_short(lang: Lang, c: &crate::store::Counts) -> String {
    match lang {
        Lang::Zh => format!(
            "申报{}（超期{}）投诉{}（超期{}）超期案件{}",
            c.pending_filings,
            c.overdue_filings,
            c.pending_complaints,
            c.overdue_complaints,
            c.overdue_cases
        ),
        Lang::En => format!(
            "late: fil. {}/{}, compl. {}/{}, cases {}",
            c.overdue_filings,
            c.pending_filings,
            c.overdue_complaints,
            c.pending_complaints,
            c.overdue_cases
        ),
    }
}

pub fn too_small(lang: Lang, w: u16, h: u16) -> String {
    match lang {
        Lang::Zh => format!(
            "终端窗口太小：至少需要 80×24，当前 {w}×{h}。请放大窗口；放大前按键不起作用，q 退出。"
        ),
        Lang::En => format!(
            "The terminal is too small: 80×24 at least, now {w}×{h}. Please enlarge it; until then keys do nothing but q, which quits."
        ),
    }
}

/// Said when the screen has no terminal. Over SSH (a staff login, whose
/// forced command is the desk) the reader can run no subcommand, so the
/// sentence says how to connect with a terminal instead.
pub fn not_a_terminal(lang: Lang, over_ssh: bool) -> &'static str {
    if over_ssh {
        lang.pick(
            "hrss-desk 的界面需要在终端中运行，本次 SSH 连接没有分配终端。请用 hrss-connect 连接（或 ssh -t 登录名@服务器）；仍不行请联系系统管理员。",
            "hrss-desk's screen needs a terminal, and this SSH connection has none. Connect with hrss-connect (or ssh -t login@server); if that does not help, ask your administrator.",
        )
    } else {
        lang.pick(
            "hrss-desk 的界面需要在终端中运行（当前输入或输出不是终端）；脚本请使用命令行子命令，见 hrss-desk --help。",
            "hrss-desk's screen needs a terminal (input or output is not one); scripts should use the subcommands, see hrss-desk --help.",
        )
    }
}

pub fn help_title(lang: Lang) -> &'static str {
    lang.pick(
        " 帮助：本页按键（Esc 关闭） ",
        " Help: keys of this pane (Esc closes) ",
    )
}

pub fn palette_title(lang: Lang) -> &'static str {
    lang.pick(
        " 命令面板：输入名称、拼音首字母或英文（Enter 执行，Esc 关闭） ",
        " Commands: type a name, pinyin initials or English (Enter runs, Esc closes) ",
    )
}

pub fn keymap_title(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!(" 键位：{name}（Esc 关闭） "),
        Lang::En => format!(" Keymap: {name} (Esc closes) "),
    }
}

pub fn keymap_problems(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("键位文件有{n}处问题，已忽略；按 Ctrl-K 或输入 :键位 查看"),
        Lang::En => format!(
            "The keymap file has {n} problem(s), ignored: press Ctrl-K or :keymap to see them"
        ),
    }
}

pub fn keymap_no_problems(lang: Lang) -> &'static str {
    lang.pick("键位文件没有问题。", "The keymap files have no problems.")
}

pub fn load_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("读取失败：{why}"),
        Lang::En => format!("Could not load: {why}"),
    }
}

/// The checks of the filing open could not be run; the filing is shown.
pub fn problems_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("未能核查此申报的问题：{why}"),
        Lang::En => format!("Could not check this filing for problems: {why}"),
    }
}

/// The filing opened could not be marked as in review at this desk.
pub fn lease_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("未能标记为本窗口审核中，其他窗口可能同时打开：{why}"),
        Lang::En => format!(
            "Could not mark this filing as in review here; another desk may open it too: {why}"
        ),
    }
}

/// The place prefix left out of the names shown, said once in the title.
pub fn place_dropped(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Zh => format!("名称略去“{place}”"),
        Lang::En => format!("names without “{place}”"),
    }
}

pub fn position(lang: Lang, at: usize, more: bool) -> String {
    let more = if more { "+" } else { "" };
    match lang {
        Lang::Zh => format!(" 第{at}条{more} "),
        Lang::En => format!(" row {at}{more} "),
    }
}

/// Labels of the detail and dashboard views.
macro_rules! fields {
    ($($variant:ident = $zh:literal, $en:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Field { $($variant),+ }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant),+];

            pub fn label(self, lang: Lang) -> &'static str {
                match self { $(Field::$variant => lang.pick($zh, $en)),+ }
            }
        }
    };
}

fields! {
    Kind = "类别", "Kind";
    Status = "状态", "Status";
    Employer = "参保单位", "Employer";
    Person = "参保人员", "Person";
    IdNumber = "公民身份号码", "Resident ID";
    Received = "收件时间", "Received";
    Channel = "收件渠道", "Channel";
    UpstreamNo = "网上申报编号", "Online declaration no.";
    Resubmits = "补正件，所补正的退回申报", "Resubmission of returned filing";
    NoticeAnswered = "所答复的一次性告知", "The notice it answers";
    ResubmittedBy = "已补正，补正件", "Resubmitted as filing";
    Due = "办结期限", "Due";
    Declared = "申报内容", "Declared";
    Materials = "申报材料", "Materials";
    Decision = "处理结果", "Decision";
    CorrectionDue = "补正期限", "Correct and resubmit by";
    Number = "编号", "Number";
    Holder = "持证单位", "Holder";
    Uscc = "统一社会信用代码", "Credit code";
    LegalRep = "法定代表人", "Legal representative";
    Address = "地址", "Address";
    Zone = "监管片区", "Supervision zone";
    Issued = "发证日期", "Issued";
    Expires = "有效期至", "Expires";
    Inspections = "监督检查", "Inspections";
    Sanctions = "处理处罚", "Sanctions";
    Reviews = "年度报告", "Annual reviews";
    Ladder = "处理阶梯", "Sanction ladder";
    Leads = "线索", "Leads";
    Respondent = "被投诉单位", "Respondent";
    Stage = "阶段", "Stage";
    Registered = "登记日期", "Registered";
    Officer = "承办人", "Case officer";
    Inspectors = "检查人员", "Inspectors";
    Facts = "案情", "Facts";
    RenewBy = "延续申请截止（行政许可法第五十条）", "Apply to renew by (Administrative Licensing Law art 50)";
    RenewAgreementBy = "续签申请截止（协议期满前3个月）", "Ask to renew the agreement by (3 months before its end)";
    SuspensionsEnding = "30日内期满的中止", "Suspensions ending in 30 days";
    HeldUntilRecheck = "停止招生待复查", "Enrolment stopped until a re-check";
    AgreementRenewalsDue = "30日内应申请续签的协议", "Agreements to renew in 30 days";
    Fine = "拟罚款", "Fine";
    History = "办理经过", "History";
    Method = "检查方式", "Method";
    Date = "日期", "Date";
    Result = "结果", "Result";
    Findings = "发现问题", "Findings";
    Name = "姓名", "Name";
    Phone = "联系电话", "Phone";
    Bank = "银行账号", "Bank account";
    Hired = "入职日期", "Hired";
    Base = "缴费基数", "Contribution base";
    Pension = "养老金基数", "Pension base";
    None = "无", "none";
    PresentValid = "齐全有效", "present, valid";
    PresentInvalid = "已交但无效", "present, NOT valid";
    Missing = "缺", "MISSING";
    Optional = "（非必交）", "(optional)";
    MaskedNote = "个人信息已脱敏显示", "Personal data is shown masked";
    RevealedNote = "个人信息完整显示：本次查看已记入审计日志", "Personal data shown in full: this look is in the audit log";
    PendingByKind = "待审核申报（按业务类型）", "Pending filings by kind";
    CasesByStage = "案件（按阶段）", "Cases by stage";
    LicencesByKind = "许可与协议（有效 / 全部）", "Licences and agreements (valid / all)";
    Expiring = "预警期内将到期（默认60日）", "Expiring within the warning period (60 days unless set)";
    Expired = "已过期未注销", "Past expiry, not cancelled";
    Overview = "概况", "Overview";
    Employers = "参保单位", "Insured employers";
    Persons = "参保人员", "Insured persons";
    OpenCases = "在办案件", "Open cases";
    OverdueCases = "超期案件", "Overdue cases";
    OverdueFilings = "超期未办结申报", "Filings past their decision day";
    PendingComplaints = "待受理投诉", "Complaints to decide";
    OverdueComplaints = "超期未决定投诉", "Complaints past their decision day";
    Pending = "待审核申报", "Pending filings";
    ReviewYear = "年度", " report";
    ReviewDue = "截止", "due ";
    Submitted = "提交于", "submitted ";
    NotSubmitted = "未提交", "not submitted";
    AwaitingReview = "待审查", "awaiting review";
    Arrears = "欠费", "Arrears";
    CasesAbout = "投诉与案件", "Complaints and cases";
    Problems = "审核发现的问题", "Problems the checks found";
    NoProblems = "未发现问题", "none found";
    Checking = "正在核查…", "checking…";
    AverageWage = "上年度社平工资", "Prior-year average wage";
    PensionFigure = "公布的计发基数", "Published pension base";
    FigureSource = "来源", "source";
    FigureFrom = "执行自", "in force from";
    NotConfigured = "未配置", "not configured";
    NextDeadline = "下一期限", "Next deadline";
    RectificationsOverdue = "逾期未复查的整改", "Rectifications overdue";
    RectificationsPending = "期限内待复查的整改", "Rectifications awaiting re-inspection";
    CasesDueSoon = "5个工作日内到期的案件", "Cases due within 5 working days";
    Supervision = "监督检查", "Supervision";
    Campaign = "专项行动", "Campaign";
    ViolationNotice = "违约通知单", "Violation notice";
    CheckItems = "检查项目", "Check items";
    InspectionsPending = "待检查", "Inspections pending";
    AuditTasksOpen = "结算审核任务", "Audit tasks open";
    LeadsOpen = "未启动检查的线索", "Leads not yet inspected";
    HowComputed = "计算依据", "How it was computed";
    WorkingDaysLeft = "剩余工作日", "working days left";
    Overdue = "已超期", "OVERDUE";
    SuspendedNow = "（中止中，办案期限停止计算）", " (suspended: the clock is stopped)";
    MassIncident = "群体性事件", "Mass incident";
    Article = "处罚依据", "Article";
    CaseFile = "案卷（文书与证据）", "Case file (documents and evidence)";
    KeptAt = "原件存放", "original kept at";
    Moves = "可办理的步骤（m 办理，i 指派监察员）", "Steps that can be taken (m to take one, i to assign inspectors)";
    LegalReviewDone = "法制审核", "Legal review";
    Done = "已完成", "done";
}

pub fn case_sort_label(lang: Lang, s: crate::store::CaseSort) -> &'static str {
    use crate::store::CaseSort::*;
    match s {
        Deadline => lang.pick("排序：期限", "sorted by deadline"),
        Number => lang.pick("排序：案号", "sorted by number"),
        Respondent => lang.pick("排序：被投诉单位", "sorted by respondent"),
        Stage => lang.pick("排序：阶段", "sorted by stage"),
        Officer => lang.pick("排序：承办人", "sorted by officer"),
    }
}

/// A panic ended the program: the terminal is back, the step in progress
/// was not written (each is one transaction), and where the log is.
pub fn panicked(lang: Lang, log_dir: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "hrss-desk 遇到内部错误已退出；终端已恢复，正在进行的那一步未写入。详情已记入日志（{log_dir}）。"
        ),
        Lang::En => format!(
            "hrss-desk stopped on an internal error; the terminal is restored and the step in progress was not written. The details are in the log ({log_dir})."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_word_exists_in_both_languages() {
        for f in Field::ALL {
            let (zh, en) = (f.label(Lang::Zh), f.label(Lang::En));
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty() && zh != en,
                "{f:?}"
            );
        }
        for pane in 0..6 {
            assert_ne!(pane_tab(pane, Lang::Zh), pane_tab(pane, Lang::En));
            assert_eq!(
                columns(pane, Lang::Zh).len(),
                columns(pane, Lang::En).len(),
                "pane {pane}"
            );
        }
    }
}

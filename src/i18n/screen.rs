//! The screen's own furniture: the message line opened whole, a page that
//! scrolls saying what is below.

use super::Lang;

/// The title of the message opened whole.
pub fn message_title(lang: Lang) -> &'static str {
    lang.pick("消息全文", "The whole message")
}

/// Said when the message key is pressed before anything was said.
pub fn no_message(lang: Lang) -> &'static str {
    lang.pick("还没有消息。", "Nothing has been said yet.")
}

/// The end of a message cut at the message line's last row: the key that
/// opens it whole.
pub fn message_more(lang: Lang, key: Option<&str>) -> String {
    match (lang, key) {
        (Lang::Zh, Some(k)) => format!("…（{k} 看全文）"),
        (Lang::En, Some(k)) => format!("… ({k}: all of it)"),
        (_, None) => "…".into(),
    }
}

/// A scrolled page's title note: rows above and below the window.
pub fn more_rows(lang: Lang, above: usize, below: usize) -> String {
    let lines = |n: usize| if n == 1 { "line" } else { "lines" };
    match (lang, above > 0, below > 0) {
        (Lang::Zh, true, true) => format!("↑{above}行 ↓{below}行"),
        (Lang::Zh, false, true) => format!("↓ 还有{below}行"),
        (Lang::Zh, true, false) => format!("↑ 上面{above}行"),
        (Lang::En, true, true) => format!("↑{above} ↓{below} {}", lines(below)),
        (Lang::En, false, true) => format!("↓ {below} more {}", lines(below)),
        (Lang::En, true, false) => format!("↑ {above} {} above", lines(above)),
        (_, false, false) => String::new(),
    }
}

/// A share that is not one (the draw form).
pub fn not_a_ratio(lang: Lang, typed: &str) -> String {
    let typed = super::printable(typed);
    match lang {
        Lang::Zh => format!("“{typed}”不是抽查比例：请填写0.1%至100%之间的比例，如 5%。"),
        Lang::En => format!("“{typed}” is not a share: type one from 0.1% to 100%, e.g. 5%."),
    }
}

/// Inspectors per target out of range (the draw form).
pub fn not_a_team_size(lang: Lang, typed: &str) -> String {
    let typed = super::printable(typed);
    match lang {
        Lang::Zh => format!("“{typed}”不是检查人员数：每个对象须有2至10名检查人员。"),
        Lang::En => format!("“{typed}” is not a number of inspectors: 2 to 10 per target."),
    }
}

/// A seed that is not a number (the draw form).
pub fn not_a_seed(lang: Lang, typed: &str) -> String {
    let typed = super::printable(typed);
    match lang {
        Lang::Zh => format!("“{typed}”不是随机种子：种子是一个非负整数。"),
        Lang::En => format!("“{typed}” is not a seed: a seed is a whole number, 0 or more."),
    }
}

/// `n` in a supervision section that has nothing to set up.
pub fn nothing_new_here(lang: Lang) -> &'static str {
    lang.pick(
        "本栏没有可新建的记录：待检查、抽查计划、年度审查、专项行动、分片轮换各栏可按 n 新建。",
        "Nothing is set up in this section: n works in due, draws, annual, campaigns and the rota.",
    )
}

/// A year that is not one (the annual review form).
pub fn not_a_year(lang: Lang, typed: &str) -> String {
    let typed = super::printable(typed);
    match lang {
        Lang::Zh => format!("“{typed}”不是年度：请填写四位年份，如 2025。"),
        Lang::En => format!("“{typed}” is not a year: type four digits, e.g. 2025."),
    }
}

/// The annual review recorded for a batch: how many, and the first refusal.
pub fn annual_batch(lang: Lang, done: usize, refused: Option<&str>) -> String {
    match (lang, refused) {
        (Lang::Zh, None) => format!("已登记{done}个许可证的年度审查。"),
        (Lang::Zh, Some(r)) => format!("已登记{done}个许可证的年度审查；未登记的：{r}"),
        (Lang::En, None) => format!("Annual review recorded for {done} licences."),
        (Lang::En, Some(r)) => {
            format!("Annual review recorded for {done} licences; not recorded: {r}")
        }
    }
}

/// No row to record the annual review for (`n` in 年度审查).
pub fn tag_annual_first(lang: Lang) -> &'static str {
    lang.pick(
        "请先选定或用空格标记要登记的许可证。",
        "Select a licence, or tag several with Space, first.",
    )
}

/// Settlement figures imported from the desk, and the audit's findings.
pub fn settlements_done(lang: Lang, months: usize, audit: Option<(usize, u64)>) -> String {
    match (lang, audit) {
        (Lang::Zh, None) => format!("已导入{months}条月度结算数据。"),
        (Lang::Zh, Some((flags, tasks))) => {
            format!("已导入{months}条月度结算数据；审核发现异常{flags}项，新建审核任务{tasks}项。")
        }
        (Lang::En, None) => format!("{months} months of settlement figures imported."),
        (Lang::En, Some((flags, tasks))) => format!(
            "{months} months of settlement figures imported; the audit flags {flags}, {tasks} new audit tasks."
        ),
    }
}

/// The settlements file is larger than any month's figures can be.
pub fn file_too_large(lang: Lang, path: &str, most: u64) -> String {
    let path = super::printable(path);
    let mb = most / (1024 * 1024);
    match lang {
        Lang::Zh => format!("文件“{path}”超过{mb}MB，不像结算数据，未导入。"),
        Lang::En => {
            format!("“{path}” is over {mb} MB, too large for settlement figures: not imported.")
        }
    }
}

/// The campaign form sent with no inspection ticked.
pub fn tick_inspections_first(lang: Lang) -> &'static str {
    lang.pick(
        "请用空格勾选要归入的检查。",
        "Tick the inspections to take in, with Space.",
    )
}

/// No inspection is planned in the campaign's period outside campaigns.
pub fn nothing_to_group(lang: Lang) -> &'static str {
    lang.pick(
        "行动期间内没有尚未归入行动的检查。",
        "No inspection planned in the campaign's period is outside a campaign.",
    )
}

/// `a` off a campaign's row.
pub fn choose_a_campaign(lang: Lang) -> &'static str {
    lang.pick(
        "请在专项行动栏选定一个行动，再按 a 归入检查。",
        "Select a campaign in the campaigns section, then a takes inspections in.",
    )
}

//! Sentences about leads and the inspections they start.

use super::Lang;

pub fn lead_recorded(lang: Lang, id: i64, number: &str) -> String {
    let number = super::printable(number);
    match lang {
        Lang::Zh => format!("已登记线索#{id}（{number}）。"),
        Lang::En => format!("Lead #{id} recorded ({number})."),
    }
}

pub fn bad_lead_source(lang: Lang, source: &str) -> String {
    let source = super::printable(source);
    match lang {
        Lang::Zh => format!("“{source}”不是线索来源：应为 media、tip、complaint 或 patrol。"),
        Lang::En => {
            format!("\"{source}\" is not a lead source: use media, tip, complaint or patrol.")
        }
    }
}

pub fn lead_summary_needed(lang: Lang) -> &'static str {
    lang.pick(
        "请写明线索内容（不超过500字）。",
        "Say what the lead is about (at most 500 characters).",
    )
}

pub fn no_lead(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有编号为{id}的线索。"),
        Lang::En => format!("There is no lead {id}."),
    }
}

pub fn lead_already_inspected(lang: Lang, id: i64, inspection: i64) -> String {
    match lang {
        Lang::Zh => format!("线索#{id}已启动检查#{inspection}，不再重复启动。"),
        Lang::En => format!("Lead #{id} already started inspection #{inspection}."),
    }
}

pub fn bad_method(lang: Lang, method: &str) -> String {
    let method = super::printable(method);
    match lang {
        Lang::Zh => format!("“{method}”不是检查方式：应为 on-site 或 written。"),
        Lang::En => format!("\"{method}\" is not an inspection method: use on-site or written."),
    }
}

pub fn team_error(lang: Lang, e: &crate::domain::lead::TeamError, login: &str) -> String {
    use crate::domain::lead::TeamError;
    let login = super::printable(login);
    match (lang, e) {
        (Lang::Zh, TeamError::TooFew) => {
            "执法检查须由两名以上监察员进行：请用 --inspector 指定至少两人。".into()
        }
        (Lang::En, TeamError::TooFew) => {
            "An inspection needs at least two inspectors: name two with --inspector.".into()
        }
        (Lang::Zh, TeamError::NotInspector(_)) => format!("“{login}”不是在岗的监察员。"),
        (Lang::En, TeamError::NotInspector(_)) => {
            format!("\"{login}\" is not an active inspector.")
        }
        (Lang::Zh, TeamError::Conflicted(_)) => {
            format!("“{login}”已申报与该机构有利害关系，应当回避。")
        }
        (Lang::En, TeamError::Conflicted(_)) => {
            format!("\"{login}\" declared an interest in this holder and must stand aside.")
        }
    }
}

pub fn lead_inspection_planned(
    lang: Lang,
    lead: i64,
    inspection: i64,
    on: chrono::NaiveDate,
) -> String {
    match lang {
        Lang::Zh => format!("线索#{lead}已启动检查#{inspection}，计划{on}进行，已列入检查队列。"),
        Lang::En => format!(
            "Lead #{lead} started inspection #{inspection}, planned for {on}; it is in the inspection queue."
        ),
    }
}

pub fn leads_head(lang: Lang, n: usize, open: usize) -> String {
    match lang {
        Lang::Zh => format!("线索{n}条，未启动检查{open}条"),
        Lang::En => format!("{n} leads, {open} without an inspection"),
    }
}

pub fn not_on_staff(lang: Lang, login: &str) -> String {
    let login = super::printable(login);
    match lang {
        Lang::Zh => format!("登录名“{login}”不在工作人员名单中。"),
        Lang::En => format!("\"{login}\" is not on the staff list."),
    }
}

pub fn campaign_error(
    lang: Lang,
    e: &crate::domain::campaign::CampaignError,
    inspection: i64,
) -> String {
    use crate::domain::campaign::CampaignError;
    match (lang, e) {
        (Lang::Zh, CampaignError::Theme) => "请写明专项行动的主题（不超过100字）。".into(),
        (Lang::En, CampaignError::Theme) => {
            "Give the campaign a theme (at most 100 characters).".into()
        }
        (Lang::Zh, CampaignError::Backwards) => "结束日期早于开始日期。".into(),
        (Lang::En, CampaignError::Backwards) => "The period ends before it starts.".into(),
        (Lang::Zh, CampaignError::OutsidePeriod { planned_on }) => {
            format!("检查#{inspection}计划于{planned_on}，不在本次行动期间内。")
        }
        (Lang::En, CampaignError::OutsidePeriod { planned_on }) => {
            format!(
                "Inspection #{inspection} is planned for {planned_on}, outside the campaign's period."
            )
        }
        (Lang::Zh, CampaignError::AlreadyIn(c)) => format!("检查#{inspection}已归入行动#{c}。"),
        (Lang::En, CampaignError::AlreadyIn(c)) => {
            format!("Inspection #{inspection} already belongs to campaign #{c}.")
        }
    }
}

pub fn campaigns_for_chiefs(lang: Lang) -> &'static str {
    lang.pick(
        "专项行动和巡查由科室负责人部署。",
        "Campaigns and patrols are set up by section chiefs.",
    )
}

pub fn no_campaign(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有编号为{id}的专项行动或巡查。"),
        Lang::En => format!("There is no campaign or patrol {id}."),
    }
}

pub fn campaign_added(lang: Lang, id: i64, patrol: bool) -> String {
    match (lang, patrol) {
        (Lang::Zh, false) => format!("已部署专项行动#{id}。"),
        (Lang::Zh, true) => format!("已部署巡查#{id}。"),
        (Lang::En, false) => format!("Campaign #{id} set up."),
        (Lang::En, true) => format!("Patrol #{id} set up."),
    }
}

pub fn inspections_grouped(lang: Lang, campaign: i64, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已将{n}项检查归入行动#{campaign}。"),
        Lang::En => format!("{n} inspections grouped under campaign #{campaign}."),
    }
}

/// A campaign's line: what, theme, period and progress.
pub fn campaign_line(lang: Lang, c: &crate::store::CampaignRow) -> String {
    let theme = super::printable(&c.theme);
    let (id, from, to, n, done, failed) = (
        c.id,
        c.starts_on,
        c.ends_on,
        c.inspections,
        c.done,
        c.failed,
    );
    match (lang, c.patrol) {
        (Lang::Zh, false) => {
            format!("专项行动#{id}\t{theme}\t{from}至{to}\t检查{n}项，已完成{done}，不合格{failed}")
        }
        (Lang::Zh, true) => {
            format!("巡查#{id}\t{theme}\t{from}至{to}\t检查{n}项，已完成{done}，不合格{failed}")
        }
        (Lang::En, false) => format!(
            "Campaign #{id}\t{theme}\t{from} to {to}\t{n} inspections, {done} done, {failed} failed"
        ),
        (Lang::En, true) => format!(
            "Patrol #{id}\t{theme}\t{from} to {to}\t{n} inspections, {done} done, {failed} failed"
        ),
    }
}

pub fn inspection_result(lang: Lang, result: &str) -> &'static str {
    match (lang, result) {
        (Lang::Zh, "passed") => "合格",
        (Lang::Zh, "failed") => "不合格",
        (Lang::Zh, _) => "待检查",
        (Lang::En, "passed") => "passed",
        (Lang::En, "failed") => "failed",
        (Lang::En, _) => "pending",
    }
}

pub fn teams_for_chiefs(lang: Lang) -> &'static str {
    lang.pick(
        "监察组由科室负责人组建。",
        "Inspector teams are formed by section chiefs.",
    )
}

pub fn team_name_needed(lang: Lang) -> &'static str {
    lang.pick(
        "请写明监察组名称（不超过50字）。",
        "Give the team a name (at most 50 characters).",
    )
}

pub fn team_name_taken(lang: Lang, name: &str) -> String {
    let name = super::printable(name);
    match lang {
        Lang::Zh => format!("已有名为“{name}”的监察组。"),
        Lang::En => format!("There is already a team called \"{name}\"."),
    }
}

pub fn team_added(lang: Lang, id: i64, name: &str) -> String {
    let name = super::printable(name);
    match lang {
        Lang::Zh => format!("已组建监察组#{id}“{name}”，已列入分区域监管轮换。"),
        Lang::En => format!("Team #{id} \"{name}\" formed; it joins the zone rota."),
    }
}

pub fn rota_head(lang: Lang, period: &str, zones: usize, teams: usize) -> String {
    match lang {
        Lang::Zh => format!("{period}分区域监管：{zones}个片区，{teams}个监察组，每季度轮换"),
        Lang::En => format!(
            "{period} zone supervision: {zones} zones, {teams} teams, rotating each quarter"
        ),
    }
}

/// A zone without a team, and how to form one where it is read: the
/// screen's key, or the command line's command.
pub fn no_team(lang: Lang, on_screen: bool) -> &'static str {
    match (lang, on_screen) {
        (Lang::Zh, true) => "（尚无监察组：在本栏按 n 组建）",
        (Lang::Zh, false) => "（尚无监察组：用 zone team-add 组建）",
        (Lang::En, true) => "(no team yet: n forms one here)",
        (Lang::En, false) => "(no team yet: form one with zone team-add)",
    }
}

pub fn bad_period(lang: Lang, text: &str) -> String {
    let text = super::printable(text);
    match lang {
        Lang::Zh => format!("“{text}”不是季度：应写作 2026Q4。"),
        Lang::En => format!("\"{text}\" is not a quarter: write it as 2026Q4."),
    }
}

/// A check item's outcome "not applicable".
pub fn not_applicable(lang: Lang) -> &'static str {
    lang.pick("不适用", "N/A")
}

pub fn planned_in_the_past(lang: Lang, on: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("计划日期{on}早于今天（{today}）：检查只能安排在今天或以后。"),
        Lang::En => {
            format!("{on} is before today ({today}): an inspection is planned for today or later.")
        }
    }
}

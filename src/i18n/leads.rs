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

pub fn leads_for_inspectors(lang: Lang) -> &'static str {
    lang.pick(
        "启动检查须由监察员或科室负责人决定。",
        "Inspections are started by inspectors or section chiefs.",
    )
}

pub fn not_on_staff(lang: Lang, login: &str) -> String {
    let login = super::printable(login);
    match lang {
        Lang::Zh => format!("登录名“{login}”不在工作人员名单中。"),
        Lang::En => format!("\"{login}\" is not on the staff list."),
    }
}

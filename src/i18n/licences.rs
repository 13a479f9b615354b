//! A licence shown whole: its standing in words (what set it, since when,
//! until when) and the steps taken on it.

use super::{Lang, printable};
use crate::domain::LicenceKind;
use crate::domain::ladder::Step;
use crate::store::{LicenceStanding, SanctionStepRow};

/// An agreement's own words for a held standing: it is terminated
/// (已解除协议) or suspended (中止协议), not revoked or paused. None for a
/// licence, or a standing an agreement shares.
pub fn agreement_word(
    lang: Lang,
    kind: Option<LicenceKind>,
    status: crate::domain::LicenceStatus,
) -> Option<&'static str> {
    use crate::domain::LicenceStatus;
    if !kind.is_some_and(crate::domain::licence::is_agreement) {
        return None;
    }
    match status {
        LicenceStatus::Revoked => Some(lang.pick("已解除协议", "agreement terminated")),
        LicenceStatus::Suspended => Some(lang.pick("中止协议", "agreement suspended")),
        _ => None,
    }
}

/// The standing in words, as precise as what set it: 已吊销, 已解除协议,
/// 停止招生, 中止协议, or the plain standing (有效, 将到期, 已过期 …).
pub fn standing_words(
    lang: Lang,
    l: &LicenceStanding,
    standing: crate::domain::licence::Standing,
) -> &'static str {
    use crate::domain::LicenceStatus;
    use crate::domain::licence::Standing;
    let held = match standing {
        Standing::Revoked => Some(LicenceStatus::Revoked),
        Standing::Suspended => Some(LicenceStatus::Suspended),
        _ => None,
    };
    if standing == Standing::Suspended && l.standing_step == Step::StopEnrolment.code() {
        return lang.pick("停止招生", "enrolment stopped");
    }
    held.and_then(|s| agreement_word(lang, Some(l.kind), s))
        .unwrap_or_else(|| super::standing_label(standing, lang))
}

/// Whether the standing is still the one a step set (a suspension past
/// its last day, or one lifted, is not).
fn set_by_a_step(l: &LicenceStanding) -> bool {
    l.status == l.stored_status && !l.standing_step.is_empty() && l.standing_step != "lift"
}

/// The standing in words with since when, until when and by which case.
pub fn standing_text(
    lang: Lang,
    l: &LicenceStanding,
    standing: crate::domain::licence::Standing,
) -> String {
    let mut line = standing_words(lang, l, standing).to_string();
    if set_by_a_step(l) {
        if let Some(since) = l.standing_since {
            line.push_str(&match lang {
                Lang::Zh => format!("，自{since}起"),
                Lang::En => format!(", since {since}"),
            });
        }
        if let Some(until) = l.standing_until {
            line.push_str(&match lang {
                Lang::Zh => format!("至{until}止"),
                Lang::En => format!(" until {until}"),
            });
        }
        if let Some(case) = &l.standing_case {
            line.push_str(&match lang {
                Lang::Zh => format!("，依案件{}的决定", printable(case)),
                Lang::En => format!(", by the decision of case {}", printable(case)),
            });
        }
    }
    line
}

/// The licence's head and standing lines, then its steps, newest first.
pub fn licence_lines(
    lang: Lang,
    l: &LicenceStanding,
    standing: crate::domain::licence::Standing,
    renewal_due: Option<chrono::NaiveDate>,
    steps: &[SanctionStepRow],
    changes: &[crate::store::LicenceChangeRow],
) -> Vec<String> {
    let kind = l.kind.label(lang);
    let mut out = vec![format!(
        "{}\t{}\t{}",
        printable(&l.number),
        printable(&l.holder),
        kind
    )];
    let set = set_by_a_step(l);
    out.push(match lang {
        Lang::Zh => format!("状态：{}", standing_text(lang, l, standing)),
        Lang::En => format!("Standing: {}", standing_text(lang, l, standing)),
    });
    if set && !l.standing_reason.is_empty() {
        out.push(match lang {
            Lang::Zh => format!("依据：{}", printable(&l.standing_reason)),
            Lang::En => format!("Grounds: {}", printable(&l.standing_reason)),
        });
    }
    if let Some(e) = l.expires_on {
        out.push(match (lang, renewal_due) {
            (Lang::Zh, Some(r)) => format!("有效期至：{e}（延续申请截止{r}）"),
            (Lang::En, Some(r)) => format!("Expires: {e} (apply for renewal by {r})"),
            (Lang::Zh, None) => format!("有效期至：{e}"),
            (Lang::En, None) => format!("Expires: {e}"),
        });
    }
    if !changes.is_empty() {
        out.push(lang.pick("变更备案：", "Changes reported:").to_string());
        out.extend(changes.iter().map(|c| change_line(lang, c)));
    }
    out.push(lang.pick("处理记录：", "Steps taken:").to_string());
    if steps.is_empty() {
        out.push(lang.pick("  （无）", "  (none)").to_string());
    }
    for s in steps {
        let label = s.step.label(lang);
        let mut row = format!("  {}\t{label}", s.decided_on);
        if let Some(d) = s.deadline.or(s.until_on) {
            row.push_str(&match lang {
                Lang::Zh => format!("\t至{d}"),
                Lang::En => format!("\tuntil {d}"),
            });
        }
        if let Some(c) = &s.case_number {
            row.push_str(&match lang {
                Lang::Zh => format!("\t案件{}", printable(c)),
                Lang::En => format!("\tcase {}", printable(c)),
            });
        }
        row.push_str(&format!("\t{}", printable(&s.reason)));
        out.push(row);
    }
    out
}

pub fn no_licence_named(lang: Lang, typed: &str) -> String {
    let typed = printable(typed);
    match lang {
        Lang::Zh => format!("没有许可证号或编号为“{typed}”的许可。"),
        Lang::En => format!("No licence has the number or id \"{typed}\"."),
    }
}

pub fn change_names_nothing(lang: Lang) -> &'static str {
    lang.pick(
        "请写明变更的事项：--holder、--address 或 --legal-rep。",
        "Name what changed: --holder, --address or --legal-rep.",
    )
}

pub fn bad_change_value(lang: Lang, field: crate::domain::licence::Changed) -> String {
    match lang {
        Lang::Zh => format!("变更后的{}须为1至200个字符的一行文字。", field.label(lang)),
        Lang::En => format!(
            "The new {} must be one line of 1 to 200 characters.",
            field.label(lang)
        ),
    }
}

pub fn school_changes_are_approved(lang: Lang) -> String {
    lang.pick(
        "民办学校变更名称、地址等须经审批（民办教育促进法），不适用变更备案。",
        "A private school's changes are approved (Private Education Promotion Law), not reported.",
    )
    .to_string()
}

/// A change recorded: when it was due, and whether it came late.
pub fn change_recorded(
    lang: Lang,
    fields: &str,
    due: chrono::NaiveDate,
    reported: chrono::NaiveDate,
    kind: LicenceKind,
) -> String {
    let late = (reported - due).num_days();
    let article = if crate::domain::licence::is_agreement(kind) {
        lang.pick(
            "定点管理暂行办法第四十条",
            "Interim Measures on Designated Institutions art 40",
        )
    } else {
        lang.pick(
            "人力资源市场暂行条例第二十一条、第四十二条",
            "Interim Regulations on the HR Market arts 21, 42",
        )
    };
    match (lang, late > 0) {
        (Lang::Zh, false) => format!("已登记{fields}变更备案，在报告期限（{due}）内。"),
        (Lang::En, false) => {
            format!("Recorded the change of {fields}, reported within its deadline ({due}).")
        }
        (Lang::Zh, true) => format!(
            "已登记{fields}变更备案：应于{due}前报告，逾期{late}日，可责令改正（{article}）。"
        ),
        (Lang::En, true) => format!(
            "Recorded the change of {fields}: due by {due}, reported {late} days late; it may be ordered corrected ({article})."
        ),
    }
}

/// A reported change as a line of the licence's detail.
pub fn change_line(lang: Lang, c: &crate::store::LicenceChangeRow) -> String {
    let field = crate::domain::licence::Changed::parse(&c.field)
        .map_or(c.field.as_str(), |f| f.label(lang));
    let late = (c.reported_on - c.due_on).num_days();
    let mark = match (lang, late > 0) {
        (_, false) => String::new(),
        (Lang::Zh, true) => format!("\t逾期{late}日"),
        (Lang::En, true) => format!("\t{late} days late"),
    };
    format!(
        "  {}\t{field}\t{} → {}\t{}{}",
        c.changed_on,
        printable(&c.old_value),
        printable(&c.new_value),
        match lang {
            Lang::Zh => format!("{}报告（期限{}）", c.reported_on, c.due_on),
            Lang::En => format!("reported {} (due {})", c.reported_on, c.due_on),
        },
        mark
    )
}

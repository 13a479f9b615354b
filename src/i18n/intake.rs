//! Receiving a filing at the counter: refusals and the receipt's sentence.

use super::{Lang, printable};
use crate::domain::intake::{FIELD_MAX_CHARS, Form, LATEST_BACKDATE_DAYS, ReceiptError};

/// What was typed, as much of it as a sentence shows (made visible).
fn shown(typed: &str) -> String {
    let head: String = typed.chars().take(60).collect();
    let more = if typed.chars().count() > 60 {
        "…"
    } else {
        ""
    };
    format!("{}{more}", printable(&head))
}

pub fn no_employer_with(lang: Lang, uscc: &str) -> String {
    let uscc = shown(uscc);
    match lang {
        Lang::Zh => format!("参保单位名册中没有统一社会信用代码为“{uscc}”的单位。"),
        Lang::En => format!("No employer on the register has the credit code \"{uscc}\"."),
    }
}

/// A field's label in the kind's form, or its code when it has none.
fn label(lang: Lang, kind: Form, code: &str) -> String {
    kind.fields().iter().find(|f| f.code == code).map_or_else(
        || printable(code).into_owned(),
        |f| f.label(lang).to_string(),
    )
}

/// Why a filing could not be received, in one sentence.
// Long because it is a table: one arm per refusal, both languages.
pub fn receipt_error(lang: Lang, kind: Form, e: &ReceiptError) -> String {
    use ReceiptError::*;
    let known = || {
        kind.fields()
            .iter()
            .map(|f| f.code)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (lang, e) {
        (Lang::Zh, ReceivedAfterToday(d)) => {
            format!("收件日期{d}晚于今天：应填写材料实际收到的日期。")
        }
        (Lang::En, ReceivedAfterToday(d)) => {
            format!("The day received, {d}, is after today: give the day the papers came.")
        }
        (Lang::Zh, ReceivedTooLongAgo(d)) => {
            format!("收件日期{d}早于{LATEST_BACKDATE_DAYS}天前，不能补登为收件。")
        }
        (Lang::En, ReceivedTooLongAgo(d)) => format!(
            "The day received, {d}, is more than {LATEST_BACKDATE_DAYS} days ago: it cannot be keyed in as received."
        ),
        (Lang::Zh, NoEmployer) => "请填写参保单位的统一社会信用代码。".to_string(),
        (Lang::En, NoEmployer) => "Give the employer's credit code.".to_string(),
        (Lang::Zh, UnknownField(c)) => format!(
            "{}没有“{}”这一项；可填写：{}。",
            kind.label(lang),
            printable(c),
            known()
        ),
        (Lang::En, UnknownField(c)) => format!(
            "A {} has no field \"{}\"; its fields: {}.",
            kind.label(lang),
            printable(c),
            known()
        ),
        (Lang::Zh, FieldTwice(c)) => format!("“{}”填写了两次。", label(lang, kind, c)),
        (Lang::En, FieldTwice(c)) => format!("\"{}\" is given twice.", label(lang, kind, c)),
        (Lang::Zh, MissingField(c)) => format!(
            "{}须填写“{}”（{c}）。",
            kind.label(lang),
            label(lang, kind, c)
        ),
        (Lang::En, MissingField(c)) => format!(
            "A {} needs \"{}\" ({c}).",
            kind.label(lang),
            label(lang, kind, c)
        ),
        (Lang::Zh, TooLong(c)) => format!("“{}”超过{FIELD_MAX_CHARS}个字。", label(lang, kind, c)),
        (Lang::En, TooLong(c)) => format!(
            "\"{}\" is longer than {FIELD_MAX_CHARS} characters.",
            label(lang, kind, c)
        ),
        (Lang::Zh, HiredBeforeBirth(born)) => {
            format!("入职日期早于身份证号所示的出生日期（{born}）。")
        }
        (Lang::En, HiredBeforeBirth(born)) => {
            format!("The hire date is before the birth day the ID number gives ({born}).")
        }
        (Lang::Zh, BadDate(c, v)) => format!(
            "“{}”的“{}”不是日期（如2026-03-01）。",
            label(lang, kind, c),
            printable(v)
        ),
        (Lang::En, BadDate(c, v)) => format!(
            "\"{}\" for {} is not a date (e.g. 2026-03-01).",
            printable(v),
            label(lang, kind, c)
        ),
        (Lang::Zh, BadYear(c, v)) => format!(
            "“{}”的“{}”不是年份（如2026）。",
            label(lang, kind, c),
            printable(v)
        ),
        (Lang::En, BadYear(c, v)) => format!(
            "\"{}\" for {} is not a year (e.g. 2026).",
            printable(v),
            label(lang, kind, c)
        ),
        (Lang::Zh, BadAmount(c, v)) => format!(
            "“{}”的“{}”不是金额（元，如6,420.00）。",
            label(lang, kind, c),
            printable(v)
        ),
        (Lang::En, BadAmount(c, v)) => format!(
            "\"{}\" for {} is not an amount in yuan (e.g. 6,420.00).",
            printable(v),
            label(lang, kind, c)
        ),
        (Lang::Zh, UnknownMaterial(m, known)) => format!(
            "“{}”不在{}的材料清单上；清单：{}。",
            printable(m),
            kind.label(lang),
            known.join(", ")
        ),
        (Lang::En, UnknownMaterial(m, known)) => format!(
            "\"{}\" is not on the checklist of a {}; the checklist: {}.",
            printable(m),
            kind.label(lang),
            known.join(", ")
        ),
        (Lang::Zh, MaterialTwice(m)) => format!("材料“{}”登记了两次。", printable(m)),
        (Lang::En, MaterialTwice(m)) => {
            format!("The material \"{}\" is listed twice.", printable(m))
        }
        (Lang::Zh, ValidButAbsent(m)) => format!("材料“{}”未提交，不能记为有效。", printable(m)),
        (Lang::En, ValidButAbsent(m)) => {
            format!(
                "The material \"{}\" was not handed in, so it cannot be valid.",
                printable(m)
            )
        }
        (Lang::Zh, NotReturned(id)) => {
            format!("第{id}号申报没有被退回更正，不能作为它的补正件收件。")
        }
        (Lang::En, NotReturned(id)) => {
            format!(
                "Filing {id} was not returned for correction: nothing can be resubmitted for it."
            )
        }
        (Lang::Zh, AlreadyResubmitted(id)) => {
            format!("第{id}号退回的申报已有补正件，不能再次作为补正件收件。")
        }
        (Lang::En, AlreadyResubmitted(id)) => {
            format!("Filing {id} has been resubmitted already.")
        }
        (Lang::Zh, OtherKind(id, k)) => {
            format!("第{id}号申报是{}，补正件应为同一业务。", k.label(lang))
        }
        (Lang::En, OtherKind(id, k)) => format!(
            "Filing {id} was a {}: its resubmission is the same kind.",
            k.label(lang)
        ),
        (Lang::Zh, OtherParty(id)) => {
            format!("补正件应与第{id}号申报为同一单位、同一人员。")
        }
        (Lang::En, OtherParty(id)) => {
            format!(
                "A resubmission of filing {id} comes from the same employer, about the same person."
            )
        }
        (Lang::Zh, BadUscc(u)) => format!(
            "统一社会信用代码“{}”校验不通过，请核对营业执照。",
            printable(u)
        ),
        (Lang::En, BadUscc(u)) => format!(
            "The credit code \"{}\" fails its check: compare it with the business licence.",
            printable(u)
        ),
        (Lang::Zh, NoPersons) => "单位年度缴费基数申报须附人员明细表（.xlsx 或 CSV）。".to_string(),
        (Lang::En, NoPersons) => {
            "A yearly base declaration needs its persons' spreadsheet (.xlsx or CSV).".to_string()
        }
        (Lang::Zh, PersonsNotTaken) => format!("{}不附人员明细表。", kind.label(lang)),
        (Lang::En, PersonsNotTaken) => {
            format!("A {} takes no persons' spreadsheet.", kind.label(lang))
        }
    }
}

/// "Received: filing N, its kind, to be decided by D" — with how long that
/// is (`spelled`), where there is room for it.
fn received_head(
    lang: Lang,
    id: i64,
    kind: Form,
    decide_by: chrono::NaiveDate,
    spelled: bool,
) -> String {
    let days = match (lang, spelled) {
        (_, false) => "",
        (Lang::Zh, true) => "（10个工作日）",
        (Lang::En, true) => " (10 working days)",
    };
    match lang {
        Lang::Zh => format!(
            "已收件：第{id}号{}，应于{decide_by}前办结{days}。",
            kind.label(lang)
        ),
        Lang::En => format!(
            "Received: filing {id}, {}, to be decided by {decide_by}{days}.",
            kind.label(lang)
        ),
    }
}

/// What the counter says once a filing is received.
pub fn filing_received(
    lang: Lang,
    id: i64,
    kind: Form,
    decide_by: chrono::NaiveDate,
    problems: &[String],
    resubmits: Option<i64>,
) -> String {
    let mut out = received_head(lang, id, kind, decide_by, true);
    if let Some(original) = resubmits {
        out.push_str(&match lang {
            Lang::Zh => format!("系第{original}号退回申报的补正件，请对照其一次性告知书逐项核对。"),
            Lang::En => format!(
                " It resubmits filing {original}, returned: check it against that one-time notice item by item."
            ),
        });
    }
    if problems.is_empty() {
        out.push_str(lang.pick("审核未发现问题。", " The checks find no problem."));
    } else {
        out.push_str(&match lang {
            Lang::Zh => format!("审核发现{}个问题：", problems.len()),
            Lang::En => format!(" The checks find {} problem(s):", problems.len()),
        });
        for p in problems {
            out.push_str("\n  - ");
            out.push_str(p);
        }
    }
    out
}

/// A material tick that cannot be read (`MATERIAL=present|missing|invalid`).
pub fn bad_material_tick(lang: Lang, tick: &str) -> String {
    let tick = shown(tick);
    match lang {
        Lang::Zh => format!(
            "材料“{tick}”应写作 材料=present（有效）、missing（未交）或 invalid（无效），可加 :备注。"
        ),
        Lang::En => format!(
            "Write the material \"{tick}\" as MATERIAL=present, missing or invalid, with an optional :note."
        ),
    }
}

/// A field that is not `FIELD=VALUE`.
pub fn bad_field_pair(lang: Lang, pair: &str) -> String {
    let pair = shown(pair);
    match lang {
        Lang::Zh => format!("“{pair}”应写作 项目=值，如 name=王立新。"),
        Lang::En => format!("Write \"{pair}\" as FIELD=VALUE, e.g. name=王立新."),
    }
}

pub fn unknown_filing_kind(lang: Lang, given: &str) -> String {
    let given = shown(given);
    let known = Form::ALL
        .iter()
        .map(|k| format!("{}（{}）", k.code(), k.label(lang)))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    match lang {
        Lang::Zh => format!("没有“{given}”这种业务；可选：{known}。"),
        Lang::En => format!("There is no kind of filing \"{given}\"; the kinds: {known}."),
    }
}

pub fn unknown_channel(lang: Lang, given: &str) -> String {
    let given = shown(given);
    match lang {
        Lang::Zh => format!(
            "收件渠道“{given}”无效：应为 window（窗口）、post（邮寄）或 online（网上申报）。"
        ),
        Lang::En => format!("\"{given}\" is no channel: window, post or online."),
    }
}

/// How many problems the checks find, in a list's column.
pub fn problem_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, 0) => "无问题".to_string(),
        (Lang::Zh, n) => format!("{n}个问题"),
        (Lang::En, 0) => "no problems".to_string(),
        (Lang::En, 1) => "1 problem".to_string(),
        (Lang::En, n) => format!("{n} problems"),
    }
}

pub fn no_such_filing(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有第{id}号申报。"),
        Lang::En => format!("There is no filing {id}."),
    }
}

/// How the receipt for the applicant is printed.
pub fn receipt_hint(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("收件回执：hrss-desk notice render filing-receipt {id}"),
        Lang::En => {
            format!("The receipt for the applicant: hrss-desk notice render filing-receipt {id}")
        }
    }
}

pub fn employer_already_registered(lang: Lang, uscc: &str) -> String {
    let uscc = shown(uscc);
    match lang {
        Lang::Zh => format!("统一社会信用代码为“{uscc}”的单位已参保登记，不能再次登记。"),
        Lang::En => format!("The employer with the credit code \"{uscc}\" is registered already."),
    }
}

pub fn no_zone_named(lang: Lang, zone: &str) -> String {
    let zone = shown(zone);
    match lang {
        Lang::Zh => format!("没有“{zone}”这个监管片区；请填写片区代码或名称。"),
        Lang::En => format!("There is no zone \"{zone}\": give a zone's code or name."),
    }
}

pub fn persons_refused(lang: Lang, bad_rows: usize, problems: usize, report: &str) -> String {
    let report = printable(report);
    match lang {
        Lang::Zh => {
            format!("未收件：人员明细表{bad_rows}行有问题（共{problems}处），清单已写入 {report}。")
        }
        Lang::En => format!(
            "Not received: {bad_rows} rows of the persons' spreadsheet have problems ({problems} in all), listed in {report}."
        ),
    }
}

/// What the screen says once a filing is received: its number, the day
/// it is decided by, its problems counted and the first of them.
pub fn filing_received_short(
    lang: Lang,
    id: i64,
    kind: Form,
    decide_by: chrono::NaiveDate,
    problems: &[String],
    resubmits: Option<i64>,
) -> String {
    let mut head = received_head(lang, id, kind, decide_by, false);
    if let Some(original) = resubmits {
        head.push_str(&match lang {
            Lang::Zh => format!("系第{original}号退回申报的补正件。"),
            Lang::En => format!(" It resubmits returned filing {original}."),
        });
    }
    let found = match problems.first() {
        None => lang
            .pick("审核未发现问题。", " The checks find no problem.")
            .to_string(),
        Some(first) => match lang {
            Lang::Zh => format!("审核发现{}个问题，首个：{first}", problems.len()),
            Lang::En => format!(" The checks find {}; the first: {first}", problems.len()),
        },
    };
    let print = lang.pick(
        "打开该件按 p 出具收件回执。",
        " Open it and press p for the receipt.",
    );
    format!("{head}{found}{print}")
}

pub fn choose_employer(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("有{n}个单位符合：用左右键选定一个，再按 F2。"),
        Lang::En => format!("{n} employers match: choose one with Left/Right, then F2."),
    }
}

pub fn not_a_filing_number(lang: Lang, typed: &str) -> String {
    let typed = shown(typed);
    match lang {
        Lang::Zh => format!("“{typed}”不是申报编号（应为数字）。"),
        Lang::En => format!("\"{typed}\" is not a filing number."),
    }
}

pub fn no_employer_found(lang: Lang, typed: &str) -> String {
    let typed = shown(typed);
    match lang {
        Lang::Zh => {
            format!("没有找到与“{typed}”相符的参保单位：请输入统一社会信用代码、名称或拼音首字母。")
        }
        Lang::En => format!(
            "No employer matches \"{typed}\": type its credit code, its name or its pinyin initials."
        ),
    }
}

pub fn persons_too_large(lang: Lang, size: u64, max: u64) -> String {
    let (mb, max_mb) = (size / (1024 * 1024), max / (1024 * 1024));
    match lang {
        Lang::Zh => format!("人员明细表有{mb} MB，超过{max_mb} MB的上限：请核对是否选错了文件。"),
        Lang::En => format!(
            "The persons' spreadsheet is {mb} MB, over the {max_mb} MB limit: is it the right file?"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_typed_is_shown_short_and_defused() {
        let long = "9".repeat(10_000);
        let said = no_employer_with(Lang::Zh, &long);
        assert!(said.chars().count() < 100, "{said}");
        assert!(said.contains('…'));
        let said = bad_field_pair(Lang::En, "\u{1b}[2Jname");
        assert!(!said.contains('\u{1b}'), "{said:?}");
    }
}

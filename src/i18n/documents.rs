//! The words of documents: what is printed, why not, and the templates.

use super::Lang;

pub fn document_not_for(lang: Lang, kind: crate::domain::documents::DocKind, id: i64) -> String {
    use crate::domain::documents::RecordKind;
    let t = kind.title(lang);
    match (lang, kind.record()) {
        (Lang::Zh, RecordKind::Filing) => format!("申报{id}不存在或未退回，不能出具{t}。"),
        (Lang::Zh, RecordKind::Case) => format!("没有案件{id}，不能出具{t}。"),
        (Lang::Zh, RecordKind::Inspection) => {
            format!("检查{id}不存在或未当场送达违约通知单，不能出具{t}。")
        }
        (Lang::Zh, RecordKind::SanctionStep) => {
            format!("处理措施{id}不存在或没有整改期限，不能出具{t}。")
        }
        (Lang::Zh, RecordKind::Complaint) => {
            format!("投诉{id}不存在或未作出相应的受理决定，不能出具{t}。")
        }
        (Lang::En, RecordKind::Complaint) => {
            format!("Complaint {id} is not there or not decided so: no {t}.")
        }
        (Lang::En, RecordKind::Filing) => {
            format!("Filing {id} is not there or not returned: no {t}.")
        }
        (Lang::En, RecordKind::Case) => format!("There is no case {id}: no {t}."),
        (Lang::En, RecordKind::Inspection) => {
            format!("Inspection {id} is not there or served no violation notice: no {t}.")
        }
        (Lang::En, RecordKind::SanctionStep) => {
            format!("Ladder step {id} is not there or has no deadline: no {t}.")
        }
    }
}

pub fn docx_error(
    lang: Lang,
    kind: crate::domain::documents::DocKind,
    e: &crate::docx::DocxError,
) -> String {
    use crate::docx::DocxError;
    match (lang, e) {
        (Lang::Zh, DocxError::NotDocx(why)) => {
            format!("模板不是有效的 .docx 文件：{}", super::printable(why))
        }
        (Lang::En, DocxError::NotDocx(why)) => {
            format!(
                "The template is not a valid .docx: {}",
                super::printable(why)
            )
        }
        (Lang::Zh, DocxError::Unknown(names)) => format!(
            "模板中的{}不是{}的字段；可用：编号、日期、经办人、{}",
            names
                .iter()
                .map(|n| format!("{{{{{}}}}}", super::printable(n)))
                .collect::<Vec<_>>()
                .join("、"),
            kind.title(lang),
            crate::domain::documents::fields(kind).join("、")
        ),
        (Lang::En, DocxError::Unknown(names)) => format!(
            "{} in the template are not fields of the {}; there are: 编号, 日期, 经办人, {}",
            names
                .iter()
                .map(|n| format!("{{{{{}}}}}", super::printable(n)))
                .collect::<Vec<_>>()
                .join(", "),
            kind.title(lang),
            crate::domain::documents::fields(kind).join(", ")
        ),
    }
}

pub fn templates_for_chiefs(lang: Lang) -> &'static str {
    lang.pick(
        "文书模板只能由科室负责人或系统管理员载入。",
        "Only a section chief or an administrator loads document templates.",
    )
}

pub fn template_loaded(lang: Lang, kind: crate::domain::documents::DocKind) -> String {
    match lang {
        Lang::Zh => format!(
            "已载入{}的模板，各窗口此后均按此模板出具。",
            kind.title(lang)
        ),
        Lang::En => format!(
            "The {} template is loaded; every desk now prints with it.",
            kind.title(lang)
        ),
    }
}

pub fn document_rendered(
    lang: Lang,
    kind: crate::domain::documents::DocKind,
    number: &str,
    path: &str,
) -> String {
    let path = super::printable(path);
    match lang {
        Lang::Zh => format!("已出具{}（{number}）：{path}", kind.title(lang)),
        Lang::En => format!("{} ({number}) written to {path}", kind.title(lang)),
    }
}

pub fn unknown_document(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    let kinds = crate::domain::documents::DocKind::ALL
        .iter()
        .map(|k| k.code())
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Zh => format!("没有文书“{s}”：可用 {kinds}。"),
        Lang::En => format!("No document \"{s}\": {kinds}."),
    }
}

pub fn case_step_first(lang: Lang, kind: crate::domain::documents::DocKind, id: i64) -> String {
    let t = kind.title(lang);
    match lang {
        Lang::Zh => format!("案件{id}尚未办理到出具{t}的步骤。"),
        Lang::En => format!("Case {id} has not reached the step that issues the {t}."),
    }
}

pub fn nothing_to_print(lang: Lang) -> &'static str {
    lang.pick(
        "这条记录没有可出具的文书（退回的申报、送达违约通知单的检查、有整改期限的许可证、办理到相应步骤的案件才有）。",
        "No document for this record (a returned filing, an inspection served a violation notice, a licence with a deadline to rectify, or a case past the step have one).",
    )
}

pub fn printing(lang: Lang, kind: crate::domain::documents::DocKind) -> String {
    match lang {
        Lang::Zh => format!("正在出具{}……", kind.title(lang)),
        Lang::En => format!("Printing the {}…", kind.title(lang)),
    }
}

pub fn choose_document(lang: Lang) -> &'static str {
    lang.pick(
        "出具文书（Enter 出具，Esc 取消）",
        "Print a document (Enter prints, Esc cancels)",
    )
}

pub fn print_hint(lang: Lang) -> &'static str {
    lang.pick("按 P 出具一次性告知书。", "P prints its notice.")
}

pub fn no_such_field(lang: Lang, kind: crate::domain::documents::DocKind, field: &str) -> String {
    let list = crate::domain::documents::fields(kind).join("、");
    let field = super::printable(field);
    match lang {
        Lang::Zh => format!(
            "{}没有“{field}”一项（或内容超过500字）。可填：{list}",
            kind.title(lang)
        ),
        Lang::En => format!(
            "The {} has no field \"{field}\" (or it is over 500 characters). Fields: {list}",
            kind.title(lang)
        ),
    }
}

pub fn field_needed(lang: Lang, kind: crate::domain::documents::DocKind, field: &str) -> String {
    match lang {
        Lang::Zh => format!("{}须填写“{field}”（--field {field}=…）。", kind.title(lang)),
        Lang::En => format!(
            "The {} needs \"{field}\" (--field {field}=…).",
            kind.title(lang)
        ),
    }
}

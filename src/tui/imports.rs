//! Importing a register from the screen (`I`, or 导入名册 in the palette):
//! a form naming the kind and the file, the same import as the command
//! line's, its problems written beside the file.

use super::form::{Form, FormField, Kind, Purpose};
use crate::domain::import::ImportKind;
use crate::i18n::{self, Lang};
use crate::workflow::Cx;
use crate::workflow::import as work;

impl Form {
    /// The import form: what, from which file, in which encoding, for real or not.
    pub fn import(lang: Lang) -> Form {
        let kinds = ImportKind::ALL
            .iter()
            .map(|k| {
                (
                    k.code().to_string(),
                    i18n::import_kind_label(lang, *k).to_string(),
                )
            })
            .collect();
        let encodings = [
            ("", lang.pick("自动识别", "detect")),
            ("utf-8", "UTF-8"),
            ("gb18030", "GB18030 / GBK"),
        ]
        .iter()
        .map(|(c, l)| (c.to_string(), l.to_string()))
        .collect();
        Form {
            purpose: Purpose::Import,
            title: lang.pick("导入名册", "Import a register").into(),
            fields: vec![
                FormField::new("kind", lang.pick("名册", "Register"), Kind::OneOf(kinds)),
                FormField::new(
                    "file",
                    lang.pick("文件（.csv 或 .xlsx 的路径）", "File (.csv or .xlsx path)"),
                    Kind::Text,
                ),
                FormField::new(
                    "encoding",
                    lang.pick("编码", "Encoding"),
                    Kind::OneOf(encodings),
                ),
                FormField::new(
                    "dry_run",
                    lang.pick("只检查，不写入", "Check only"),
                    Kind::Flag,
                ),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }
}

/// Runs the import a form asks for. Ok is what was done; Err why nothing was.
pub async fn submit(cx: &Cx<'_>, form: &Form) -> Result<String, String> {
    let Cx { lang, .. } = *cx;
    let kind = ImportKind::parse(&form.value("kind"))
        .ok_or_else(|| i18n::unknown_import_kind(lang, &form.value("kind")))?;
    let typed = form.value("file");
    if typed.is_empty() {
        return Err(i18n::import_file_needed(lang).to_string());
    }
    // `~/` as a shell would read it: the desk's users type their home so.
    let path = match typed.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().unwrap_or_default().join(rest),
        None => std::path::PathBuf::from(&typed),
    };
    let encoding = form.value("encoding");
    let dry_run = !form.value("dry_run").is_empty();
    let started = std::time::Instant::now();
    let o = work::import_file(
        cx,
        kind,
        &path,
        (!encoding.is_empty()).then_some(encoding.as_str()),
        dry_run,
        &|_, _| {},
    )
    .await?;
    if let Some(first) = o.problems.first()
        && dry_run
    {
        // A dry run writes no report: the count and the first problem.
        return Err(format!(
            "{} {}",
            i18n::dry_run_problems(lang, o.bad_rows(), o.problems.len()),
            i18n::row_problem_line(lang, first.line, &first.column, &first.problem)
        ));
    }
    if let Some(first) = o.problems.first() {
        let mut report = work::report_path(&path);
        // A folder it cannot be written to: the first problem is still said.
        if crate::sheet::write_private(&report, work::report_csv(lang, &o.problems).as_bytes())
            .is_err()
        {
            report = std::path::PathBuf::from("-");
        }
        return Err(format!(
            "{} {}",
            i18n::import_refused(
                lang,
                o.bad_rows(),
                o.problems.len(),
                &report.display().to_string()
            ),
            i18n::row_problem_line(lang, first.line, &first.column, &first.problem)
        ));
    }
    Ok(match o.counts {
        None => i18n::import_checked(lang, kind, o.rows, o.encoding),
        Some(c) => i18n::import_done(lang, kind, &c, o.encoding, started.elapsed().as_secs_f64()),
    })
}

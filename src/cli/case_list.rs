//! `hrss-desk cases list`: the case queue as the screen shows it, one view
//! at a time, each line starting with the id `cases move` takes.

use super::Failure;
use crate::i18n::{self, Lang, printable};
use crate::workflow::Cx;
use crate::workflow::case_views::{self, CaseView};
use std::io::Write;
use std::process::ExitCode;

#[derive(serde::Serialize)]
struct JsonCase<'a> {
    id: i64,
    number: &'a str,
    stage: &'static str,
    respondent: &'a str,
    next_deadline: Option<String>,
    overdue: bool,
    officer: Option<&'a str>,
    mass_incident: bool,
}

pub async fn run(cx: &Cx<'_>, lang: Lang, view: &str, json: bool) -> Result<ExitCode, Failure> {
    let Some(v) = CaseView::parse(view.trim()) else {
        let codes: Vec<String> = CaseView::all().into_iter().map(CaseView::code).collect();
        return Err(Failure::new(2, i18n::unknown_case_view(lang, view, &codes)));
    };
    let list = case_views::list(cx, v)
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = Failure::output;
    let overdue = |c: &crate::store::CaseItem| c.due_on.is_some_and(|d| d < cx.today);
    if json {
        let rows: Vec<JsonCase> = list
            .iter()
            .map(|c| JsonCase {
                id: c.id,
                number: &c.number,
                stage: c.stage.code(),
                respondent: &c.respondent_name,
                next_deadline: c.due_on.map(|d| d.to_string()),
                overdue: overdue(c),
                officer: c.officer_name.as_deref(),
                mass_incident: c.mass_incident,
            })
            .collect();
        super::write_json(&mut out, &rows)?;
        writeln!(out).map_err(io)?;
    } else {
        writeln!(out, "{}", i18n::case_list_header(lang)).map_err(io)?;
        for c in &list {
            let flag = match (c.mass_incident, overdue(c)) {
                (true, true) => lang.pick("群体性·超期", "mass·OVERDUE"),
                (true, false) => lang.pick("群体性", "mass"),
                (false, true) => i18n::overdue_mark(lang),
                (false, false) => "",
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                c.id,
                printable(&c.number),
                c.stage.label(lang),
                printable(&c.respondent_name),
                c.due_on.map_or("-".into(), |d| d.to_string()),
                flag,
                c.officer_name.as_deref().map_or("-".into(), printable),
            )
            .map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

//! `hrss-desk import KIND FILE`: a register from a spreadsheet, all or
//! nothing, with a report of every bad row beside the file.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::import::ImportKind;
use crate::i18n::{self, Lang};
use crate::workflow::import as work;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Bad rows listed on the terminal at most; the report file has them all.
const SHOWN: usize = 20;

pub async fn run(
    g: &Global,
    lang: Lang,
    kind: &str,
    file: PathBuf,
    encoding: Option<String>,
    dry_run: bool,
) -> Result<ExitCode, Failure> {
    let kind = ImportKind::parse(kind)
        .ok_or_else(|| Failure::new(2, i18n::unknown_import_kind(lang, kind)))?;
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    // A bar on a terminal only: a script's output stays clean.
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(0)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let result = work::import_file(
        &cx,
        kind,
        &file,
        encoding.as_deref(),
        dry_run,
        &|done, all| {
            bar.set_length(all as u64);
            bar.set_position(done as u64);
        },
    )
    .await;
    bar.finish_and_clear();
    o.store.close().await;
    let outcome = result.map_err(|e| Failure::new(1, e))?;
    if !outcome.ignored.is_empty() {
        eprintln!("{}", i18n::columns_ignored(lang, &outcome.ignored));
    }
    if !outcome.problems.is_empty() && dry_run {
        // A dry run writes nothing, a report neither: every problem is said.
        for p in &outcome.problems {
            eprintln!(
                "{}",
                i18n::row_problem_line(lang, p.line, &p.column, &p.problem)
            );
        }
        return Err(Failure::new(
            1,
            i18n::dry_run_problems(lang, outcome.bad_rows(), outcome.problems.len()),
        ));
    }
    if !outcome.problems.is_empty() {
        // Said first: a report that cannot be written loses none of them.
        for p in outcome.problems.iter().take(SHOWN) {
            eprintln!(
                "{}",
                i18n::row_problem_line(lang, p.line, &p.column, &p.problem)
            );
        }
        let report = work::report_path(&file);
        crate::sheet::write_private(
            &report,
            work::report_csv(lang, &outcome.problems).as_bytes(),
        )
        .map_err(|e| {
            Failure::new(
                1,
                i18n::list_export_failed(lang, &format!("{}: {e}", report.display())),
            )
        })?;
        return Err(Failure::new(
            1,
            i18n::import_refused(
                lang,
                outcome.bad_rows(),
                outcome.problems.len(),
                &report.display().to_string(),
            ),
        ));
    }
    match outcome.counts {
        None => println!(
            "{}",
            i18n::import_checked(lang, kind, outcome.rows, outcome.encoding)
        ),
        Some(c) => println!(
            "{}",
            i18n::import_done(
                lang,
                kind,
                &c,
                outcome.encoding,
                started.elapsed().as_secs_f64()
            )
        ),
    }
    Ok(ExitCode::SUCCESS)
}

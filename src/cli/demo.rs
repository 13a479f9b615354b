//! `hrss-desk demo`: create the demo database if it is missing, then open it;
//! and `hrss-desk` alone, the screen on the office database.

use super::context::{DEFAULT_DATABASE, Opened, Setup, identify, open_store};
use super::{Failure, Global};
use crate::demo::{DemoInputs, MAX_PERSONS, MIN_PERSONS, generate};
use crate::domain::WorkCalendar;
use crate::i18n::{self, Lang};
use std::process::ExitCode;
use std::time::Instant;

/// The demo database's file name in the data directory, apart from the office's.
pub const DEMO_DATABASE: &str = "demo.sqlite";

pub async fn run(
    g: &Global,
    lang: Lang,
    seed_only: bool,
    size: usize,
) -> Result<ExitCode, Failure> {
    if !(MIN_PERSONS..=MAX_PERSONS).contains(&size) {
        return Err(Failure::new(2, i18n::bad_size(lang, MAX_PERSONS)));
    }
    let g = &demo_global(g, lang)?;
    let o = open_store(g, lang, DEMO_DATABASE, Setup::Demo).await?;
    let store = &o.store;
    let shown = o.url.describe();
    if store
        .is_demo()
        .await
        .map_err(|e| Failure::store(lang, &e))?
    {
        if seed_only {
            println!("{}", i18n::demo_exists(lang, &shown));
        }
    } else {
        let started = Instant::now();
        let years = store
            .calendar_years()
            .await
            .map_err(|e| Failure::store(lang, &e))?;
        let calendar = WorkCalendar::from_years(&years);
        let checklists = store
            .material_requirements()
            .await
            .map_err(|e| Failure::store(lang, &e))?;
        let data = generate(&DemoInputs {
            persons: size,
            today: o.store.clock().today(),
            calendar: &calendar,
            checklists: &checklists,
        });
        store
            .seed_demo(crate::store::SYSTEM_ACTOR, &data)
            .await
            .map_err(|e| Failure::store(lang, &e))?;
        // Each open case's next deadline, by the clocks rather than the generator's guess.
        let today = o.store.clock().today();
        crate::workflow::cases::recompute_deadlines(store, &calendar, today)
            .await
            .map_err(|e| Failure::store(lang, &e))?;
        println!(
            "{}",
            i18n::demo_seeded(
                lang,
                &shown,
                data.persons.len(),
                started.elapsed().as_secs_f64()
            )
        );
    }
    if seed_only {
        o.store.close().await;
        return Ok(ExitCode::SUCCESS);
    }
    open_screen(g, lang, o).await
}

/// The demo's database: the one `--database-url` names, else its own file
/// in the data directory — never one a config file names (the office's), so
/// `demo` run on a server cannot seed the office database.
fn demo_global(g: &Global, lang: Lang) -> Result<Global, Failure> {
    let mut g = g.clone();
    if !g.database_url_given {
        g.database_url = None;
        return Ok(g);
    }
    if let (Some(given), Some(configured)) = (&g.database_url, &g.configured_database_url)
        && same_database(given, configured)
    {
        return Err(Failure::new(
            1,
            i18n::demo_not_on_office(lang, &i18n::printable(given)),
        ));
    }
    Ok(g)
}

/// Whether two database URLs name one database: SQLite files compared by
/// their folder's real path (a file not yet made has none of its own).
fn same_database(a: &str, b: &str) -> bool {
    use crate::store::DatabaseUrl;
    let real = |p: &std::path::Path| {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
        let dir = dir.unwrap_or(std::path::Path::new("."));
        std::fs::canonicalize(dir)
            .map(|d| d.join(p.file_name().unwrap_or_default()))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    match (DatabaseUrl::parse(a), DatabaseUrl::parse(b)) {
        (Ok(DatabaseUrl::Sqlite(x)), Ok(DatabaseUrl::Sqlite(y))) => real(&x) == real(&y),
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

/// `hrss-desk` alone: the screen on the office database (which must have
/// staff; an unknown login is refused before anything is drawn).
pub async fn screen(g: &Global, lang: Lang) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    open_screen(g, lang, o).await
}

async fn open_screen(g: &Global, lang: Lang, o: Opened) -> Result<ExitCode, Failure> {
    let keymap = crate::tui::load_keymap(g.keymap.as_deref(), lang)?;
    let me = identify(&o.store, g, lang).await?;
    let result = crate::tui::run(
        &o.store,
        &me,
        lang,
        &o.url,
        keymap,
        o.lease,
        o.printing.clone(),
    )
    .await;
    // The filings this desk had open are free for others at once.
    if let Err(e) = o.store.release_leases(me.id).await {
        tracing::warn!(error = %crate::logging::safe(&e.to_string()), "leases not released");
    }
    o.store.close().await;
    result.map(|()| ExitCode::SUCCESS)
}

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

//! The terminal program. Keys become actions through the keymap; `App::handle`
//! turns events into a new state and effects; effects run as tokio tasks and
//! their results come back as events; `render` draws the state. The screen is
//! redrawn only after an event, so an idle desk uses no CPU.

pub mod action;
pub mod app;
mod apply;
pub mod backend;
pub mod casework;
pub mod chief_forms;
mod documents;
mod exports;
pub mod form;
mod handle;
pub mod headless;
pub mod imports;
pub mod inbox;
pub mod keymap;
mod keys;
pub mod labels;
pub mod lookup;
pub mod messages;
mod notice;
pub mod overlay;
pub mod palette;
pub mod pane;
pub mod receiving;
pub mod render;
pub mod review;
mod runner;
pub mod screen;
pub mod statistics;
pub mod step_form;
pub mod submission;
pub mod supervision;
pub mod text;
pub mod wrap;

use crate::domain::{Staff, WorkCalendar};
use crate::failure::Failure;
use crate::i18n::{self, Lang};
use crate::store::Store;
use app::{App, AppEvent, Effect};
use keymap::Keymap;
use ratatui::crossterm::event::{self, Event};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize};
use tokio::sync::mpsc::unbounded_channel;

pub use render::render;
use runner::Runner;

/// Set by the first-frame benchmark to a file: draw once, write there the
/// microseconds from the program's start to the drawn frame, and leave.
const EXIT_AFTER_FIRST_FRAME: &str = "HRSS_EXIT_AFTER_FIRST_FRAME";

/// Set by the terminal's tests to a character: that key makes a background
/// task panic, as a bug would, to show the terminal is restored and the
/// program ends.
const PANIC_ON_KEY: &str = "HRSS_PANIC_ON_KEY";

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes when the program started, for the first-frame figure.
pub fn mark_start() {
    STARTED.get_or_init(std::time::Instant::now);
}

/// Chooses the keymap: a shipped name or a file (`--keymap`, or the config
/// file), then the user's `keymap.toml` laid over it.
pub fn load_keymap(choice: Option<&str>, lang: Lang) -> Result<Keymap, Failure> {
    let name = choice.unwrap_or("default");
    let mut k = match Keymap::shipped(name) {
        Some(k) => k,
        None => {
            let text = std::fs::read_to_string(name)
                .map_err(|e| Failure::new(2, i18n::cannot_read(lang, name, &e.to_string())))?;
            Keymap::from_text(&text, name)
        }
    };
    let user = crate::config::config_dir().join("keymap.toml");
    if let Ok(text) = std::fs::read_to_string(&user) {
        k.merge(&text, &user.display().to_string());
    }
    Ok(k)
}

/// After a hang-up the terminal may be gone: what would still be written to
/// it — the restoring sequences, a closing line — goes to /dev/null, as a
/// print to a hung-up terminal fails, and a failed print aborts the program
/// before it gives back the desk's filings.
fn detach_terminal() {
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        let _ = nix::unistd::dup2_stdout(&null);
        let _ = nix::unistd::dup2_stderr(&null);
    }
}

/// The office's working-day calendar, as the database holds it.
async fn office_calendar(store: &Store) -> Result<WorkCalendar, crate::store::StoreError> {
    Ok(WorkCalendar::from_years(&store.calendar_years().await?))
}

/// What a desk is opened with, on a terminal or without one.
struct Opening<'a> {
    store: &'a Store,
    staff: &'a Staff,
    lang: Lang,
    database: &'a crate::store::DatabaseUrl,
    keymap: Keymap,
    calendar: WorkCalendar,
    today: chrono::NaiveDate,
    size: (u16, u16),
    lease: Option<crate::config::Lease>,
    printing: crate::printing::Settings,
}

impl Opening<'_> {
    /// The app, its first effects, the runner of effects and the channel
    /// their answers come back on.
    async fn open(
        self,
    ) -> (
        App,
        Vec<Effect>,
        Runner,
        tokio::sync::mpsc::UnboundedReceiver<AppEvent>,
    ) {
        let (mut app, effects) = App::new(
            self.staff.into(),
            self.lang,
            self.database.describe(),
            self.keymap,
            self.calendar,
            self.today,
            self.size,
        );
        app.cases.settings = crate::workflow::cases::settings(self.store).await;
        if let Ok(days) = crate::search::warn_days(self.store).await {
            app.licence_warn_days = days;
        }
        let (tx, rx) = unbounded_channel::<AppEvent>();
        let runner = Runner {
            store: self.store.clone(),
            tx,
            today: self.today,
            database: self.database.clone(),
            staff: self.staff.clone(),
            calendar: Arc::new(app.calendar.clone()),
            search_generation: Arc::new(AtomicU64::new(0)),
            lease: self.lease,
            in_flight: Arc::new(AtomicUsize::new(0)),
            printing: Arc::new(self.printing),
        };
        (app, effects, runner, rx)
    }
}

/// Restores the terminal however the loop ends.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // Never a print here: to a terminal that hung up it would fail and
        // abort the program before it gives back the desk's filings.
        let _ = ratatui::try_restore();
    }
}

/// A frame that cannot be drawn: the terminal went away (an SSH connection
/// dropped between two frames) or broke. It is said in the log and nothing
/// more is written to it, so the desk closes cleanly and gives back its
/// filings.
fn lost_terminal(e: std::io::Error) -> Failure {
    tracing::warn!(error = %e, "the terminal cannot be drawn on; closing");
    detach_terminal();
    Failure::new(1, e.to_string())
}

pub async fn run(
    store: &Store,
    staff: &Staff,
    lang: Lang,
    database: &crate::store::DatabaseUrl,
    keymap: Keymap,
    lease: Option<crate::config::Lease>,
    printing: crate::printing::Settings,
) -> Result<(), Failure> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        // sshd sets SSH_CONNECTION in every session it starts; only the
        // wording depends on it, so a forged value changes nothing else.
        let over_ssh = std::env::var_os("SSH_CONNECTION").is_some();
        return Err(Failure::new(1, i18n::not_a_terminal(lang, over_ssh)));
    }
    let today = store.clock().today();
    // Read before the terminal is taken, so a refusal prints plainly.
    let calendar = office_calendar(store)
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    let io = |e: std::io::Error| Failure::new(1, e.to_string());

    // ratatui::init sets the terminal up (raw mode, alternate screen, the
    // panic hook that restores it); the drawing goes through NarrowBackend.
    drop(ratatui::init());
    let _guard = TerminalGuard;
    let terminal = ratatui::Terminal::new(backend::NarrowBackend::new(
        ratatui::backend::CrosstermBackend::new(std::io::stdout()),
    ))
    .map_err(io)?;
    let size = terminal.size().map_err(io)?;
    let mut screen = screen::Screen::new(terminal);
    let (mut app, effects, runner, mut rx) = Opening {
        store,
        staff,
        lang,
        database,
        keymap,
        calendar,
        today,
        size: (size.width, size.height),
        lease,
        printing,
    }
    .open()
    .await;
    let tx = runner.tx.clone();
    // Key reads block, so they live on a thread of their own.
    let keys = tx.clone();
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            let sent = match ev {
                Event::Key(k) => keys.send(AppEvent::Key(k)),
                Event::Resize(w, h) => keys.send(AppEvent::Resize(w, h)),
                _ => Ok(()),
            };
            if sent.is_err() {
                return;
            }
        }
        // The terminal is gone (its connection dropped): the desk closes.
        let _ = keys.send(AppEvent::Ended { hung_up: true });
    });
    // `kill`, a hang-up (the SSH connection dropped) or an interrupt closes
    // the desk as `q` would: the terminal restored, its leases given back.
    let ends = tx.clone();
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let (Ok(mut term), Ok(mut hup), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
            signal(SignalKind::interrupt()),
        ) else {
            return;
        };
        let hung_up = tokio::select! {
            _ = term.recv() => false,
            _ = hup.recv() => true,
            _ = int.recv() => false,
        };
        let _ = ends.send(AppEvent::Ended { hung_up });
    });
    // Changes made at other desks show here within two seconds: the audit
    // log's newest entry is read every second (every change is audited).
    let watch = tx.clone();
    let watched = store.clone();
    tokio::spawn(async move {
        let mut seen = watched.change_marker().await.ok();
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
        loop {
            tick.tick().await;
            let now = watched.change_marker().await.ok();
            if now.is_some() && now != seen {
                seen = now;
                if watch.send(AppEvent::DataChanged).is_err() {
                    break;
                }
            }
        }
    });
    screen.draw(&app).map_err(io)?;
    if let Some(path) = std::env::var_os(EXIT_AFTER_FIRST_FRAME) {
        let micros = STARTED.get().map_or(0, |t| t.elapsed().as_micros());
        std::fs::write(path, micros.to_string()).map_err(io)?;
        return Ok(());
    }
    for e in effects {
        runner.run(&app, e);
    }
    let panic_key = std::env::var(PANIC_ON_KEY)
        .ok()
        .and_then(|s| s.chars().next());
    while let Some(first) = rx.recv().await {
        // Take whatever else has arrived too, then draw once.
        let mut batch = vec![first];
        while let Ok(more) = rx.try_recv() {
            batch.push(more);
        }
        // The day moves on for a desk left open: deadlines count from today.
        app.today = store.clock().today().max(app.today);
        for ev in batch {
            if let AppEvent::Ended { hung_up: true } = ev {
                // Restored if the terminal is still there (a `kill -HUP`);
                // then nothing more is written to it.
                let _ = ratatui::try_restore();
                detach_terminal();
            }
            if let (Some(c), AppEvent::Key(k)) = (panic_key, &ev)
                && k.code == event::KeyCode::Char(c)
            {
                tokio::spawn(async move { panic!("{PANIC_ON_KEY}={c}") });
            }
            for e in app.handle(ev) {
                runner.run(&app, e);
            }
            if app.quit {
                return Ok(());
            }
        }
        if std::mem::take(&mut app.repaint) {
            screen.clear().map_err(lost_terminal)?;
        }
        screen.draw(&app).map_err(lost_terminal)?;
    }
    Ok(())
}

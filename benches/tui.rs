//! Screen figures:
//!   cargo bench --bench tui                # bytes per keystroke; first frame on a 50,000-person demo
//!   cargo bench --bench tui -- million     # also the first frame on a 1,000,000-person demo
//! The first frame is timed in the real binary in a pseudo-terminal
//! (`script`): from `main` until the first frame is written (it then leaves,
//! by HRSS_EXIT_AFTER_FIRST_FRAME). Bytes per keystroke are counted on a 120×40 screen moving
//! down a list: what ratatui's diff writes, not a full repaint.
//! HRSS_BENCH_FRAME_SIZE gives `million` another number of persons; each
//! figure is also printed as a `figure: NAME VALUE UNIT` line for
//! `scripts/bench.sh`.

mod common;

use common::grouped;
use hrss_desk::demo::{DemoInputs, generate};
use hrss_desk::domain::calendar::CalendarFile;
use hrss_desk::domain::{Role, WorkCalendar};
use hrss_desk::i18n::Lang;
use hrss_desk::store::{ListItem, PersonItem};
use hrss_desk::tui::action::Action;
use hrss_desk::tui::app::{App, AppEvent, Effect, Who};
use hrss_desk::tui::backend::NarrowBackend;
use hrss_desk::tui::keymap::Keymap;
use hrss_desk::tui::render::render;
use hrss_desk::tui::screen::Screen;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Counter(Arc<Mutex<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        *self.0.lock().unwrap() += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn bytes_per_keystroke() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let cal = WorkCalendar::from_years(
        &CalendarFile::parse(include_str!("../data/calendar.toml"))
            .unwrap()
            .year,
    );
    let data = generate(&DemoInputs {
        persons: 2_000,
        today,
        calendar: &cal,
        checklists: &[],
    });
    let names: std::collections::HashMap<i64, String> = data
        .employers
        .iter()
        .map(|e| (e.id, e.name.clone()))
        .collect();
    let rows: Vec<ListItem> = data.persons[..100]
        .iter()
        .map(|p| {
            ListItem::Person(PersonItem {
                id: p.id,
                name: p.name.clone(),
                id_number: p.id_number.clone(),
                employer_name: p.employer_id.and_then(|e| names.get(&e).cloned()),
                status: p.status,
                contribution_base: p.contribution_base,
            })
        })
        .collect();
    let who = Who {
        id: 1,
        name: "王芳".into(),
        login: "wangfang".into(),
        roles: vec![Role::Clerk],
    };
    let (mut app, _) = App::new(
        who,
        Lang::Zh,
        "SQLite demo.sqlite".into(),
        Keymap::shipped("default").unwrap(),
        cal,
        today,
        (120, 40),
    );
    let fx = app.apply(Action::Pane5);
    for e in fx {
        if let Effect::LoadPage(ask) = e {
            app.handle(AppEvent::Page {
                ask,
                result: Ok(rows.clone()),
            });
        }
    }
    // Side by side: ratatui's plain diff, and the screen that scrolls by region.
    let counter = Counter::default();
    let plain_counter = Counter::default();
    let fixed = || TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
    };
    let mut screen = Screen::new(
        Terminal::with_options(
            NarrowBackend::new(CrosstermBackend::new(counter.clone())),
            fixed(),
        )
        .unwrap(),
    );
    let mut plain =
        Terminal::with_options(CrosstermBackend::new(plain_counter.clone()), fixed()).unwrap();
    screen.draw(&app).unwrap();
    plain.draw(|f| render(f, &app)).unwrap();
    let first = *counter.0.lock().unwrap();
    let mut per_key = Vec::new();
    let mut plain_per_key = Vec::new();
    for i in 0..90 {
        *counter.0.lock().unwrap() = 0;
        *plain_counter.0.lock().unwrap() = 0;
        app.apply(if i < 70 { Action::Down } else { Action::Up });
        screen.draw(&app).unwrap();
        plain.draw(|f| render(f, &app)).unwrap();
        per_key.push(*counter.0.lock().unwrap());
        plain_per_key.push(*plain_counter.0.lock().unwrap());
    }
    let mean = |v: &[usize]| v.iter().sum::<usize>() / v.len();
    plain_per_key.sort();
    println!(
        "  (plain ratatui diff, same moves: median {} max {} mean {} bytes)",
        plain_per_key[plain_per_key.len() / 2],
        plain_per_key[plain_per_key.len() - 1],
        mean(&plain_per_key)
    );
    report_bytes(
        "list",
        "list         ",
        per_key,
        &format!("first full frame {first} bytes"),
    );
}

/// Prints the median and largest bytes a keystroke: the `figure:` lines
/// scripts/bench.sh reads, and one line against the 4,096-byte budget.
fn report_bytes(figure: &str, label: &str, mut per_key: Vec<usize>, note: &str) {
    per_key.sort();
    let (median, max) = (per_key[per_key.len() / 2], per_key[per_key.len() - 1]);
    println!("figure: {figure}_keystroke_median {median} bytes");
    println!("figure: {figure}_keystroke_max {max} bytes");
    println!(
        "bytes per keystroke, 120x40 {label} median {median:>6}  max {max:>6}  ({note})  budget 4096  ratio {:.3}",
        max as f64 / 4096.0
    );
}

/// Typing in the lookup pane at 120×40 over a 50,000-person demo's records:
/// bytes written per keystroke, each search answered before the next key.
fn bytes_per_lookup_keystroke() {
    use hrss_desk::search::{Index, RecordKind, Source};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let cal = WorkCalendar::from_years(
        &CalendarFile::parse(include_str!("../data/calendar.toml"))
            .unwrap()
            .year,
    );
    let data = generate(&DemoInputs {
        persons: 50_000,
        today,
        calendar: &cal,
        checklists: &[],
    });
    let mut sources: Vec<Source> = Vec::new();
    for l in &data.licences {
        let kind = l.kind;
        sources.push(Source {
            kind: RecordKind::Licence(kind),
            id: l.id,
            name: l.holder.clone(),
            number: l.number.clone(),
            uscc: l.uscc.clone(),
            rank: 0,
            status: l.status.code().into(),
            employer_id: None,
        });
    }
    for e in &data.employers {
        sources.push(Source {
            kind: RecordKind::Employer,
            id: e.id,
            name: e.name.clone(),
            number: e.uscc.clone(),
            uscc: String::new(),
            rank: 0,
            status: e.status.code().into(),
            employer_id: None,
        });
    }
    for p in &data.persons {
        sources.push(Source {
            kind: RecordKind::Person,
            id: p.id,
            name: p.name.clone(),
            number: p.id_number.clone(),
            uscc: String::new(),
            rank: 0,
            status: p.status.code().into(),
            employer_id: p.employer_id,
        });
    }
    let mut index = Index::build(sources);
    index.finish();
    let index = Arc::new(index);
    let who = Who {
        id: 1,
        name: "王芳".into(),
        login: "wangfang".into(),
        roles: vec![Role::Clerk],
    };
    let (mut app, _) = App::new(
        who,
        Lang::Zh,
        "SQLite demo.sqlite".into(),
        Keymap::shipped("default").unwrap(),
        cal,
        today,
        (120, 40),
    );
    app.handle(AppEvent::IndexReady(Ok(index.clone())));
    app.apply(Action::Pane2);
    let counter = Counter::default();
    let fixed = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
    };
    let mut screen = Screen::new(
        Terminal::with_options(
            NarrowBackend::new(CrosstermBackend::new(counter.clone())),
            fixed,
        )
        .unwrap(),
    );
    screen.draw(&app).unwrap();
    let mut per_key = Vec::new();
    let mut press = |app: &mut App, code: KeyCode| {
        *counter.0.lock().unwrap() = 0;
        for e in app.handle(AppEvent::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
            if let Effect::Search(ask) = e {
                let hits = index.search(&ask.query, ask.filter, 200, ask.previous.as_deref(), None);
                app.handle(AppEvent::Searched {
                    generation: ask.generation,
                    query: ask.query,
                    hits: hits.map(Box::new),
                });
            }
        }
        screen.draw(app).unwrap();
        *counter.0.lock().unwrap()
    };
    for query in ["lqrl", "鹿泉人力", "2023107"] {
        for c in query.chars() {
            per_key.push(press(&mut app, KeyCode::Char(c)));
        }
        per_key.push(press(&mut app, KeyCode::Esc));
    }
    let n = per_key.len();
    report_bytes(
        "lookup",
        "lookup typing",
        per_key,
        &format!("{n} keystrokes"),
    );
}

fn first_frame(key: &str, label: &str, persons: usize) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.sqlite").display());
    let bin = env!("CARGO_BIN_EXE_hrss-desk");
    let st = Command::new(bin)
        .args([
            "--database-url",
            &url,
            "demo",
            "--seed-only",
            "--size",
            &persons.to_string(),
        ])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let out = dir.path().join("first-frame");
    let cmd = format!(
        "stty cols 120 rows 40; HRSS_EXIT_AFTER_FIRST_FRAME={} {bin} --database-url {url} demo",
        out.display()
    );
    let mut micros: Vec<u64> = (0..15)
        .map(|_| {
            let st = Command::new("script")
                .args(["-qfec", &cmd, "/dev/null"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .status()
                .unwrap();
            assert!(st.success());
            std::fs::read_to_string(&out)
                .unwrap()
                .trim()
                .parse()
                .unwrap()
        })
        .collect();
    micros.sort();
    let ms = |u: u64| u as f64 / 1e3;
    println!("figure: {key} {:.3} ms", ms(micros[7]));
    println!(
        "first frame, {label:<28} median {:>6.1} ms  (min {:.1}, max {:.1}, 15 runs)  budget 100 ms  ratio {:.3}",
        ms(micros[7]),
        ms(micros[0]),
        ms(micros[14]),
        ms(micros[7]) / 100.0
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    bytes_per_keystroke();
    bytes_per_lookup_keystroke();
    first_frame("first_frame", "50,000-person demo", 50_000);
    if args.iter().any(|a| a == "million") {
        let size: usize = std::env::var("HRSS_BENCH_FRAME_SIZE")
            .map(|s| s.parse().expect("HRSS_BENCH_FRAME_SIZE is a number"))
            .unwrap_or(1_000_000);
        first_frame(
            "first_frame_large",
            &format!("{}-person demo", grouped(size as u64)),
            size,
        );
    }
}

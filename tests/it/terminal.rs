//! The terminal is given back whole however the screen ends: after a panic
//! in a background task, after `kill`, and after a hang-up (what a dropped
//! SSH connection sends). A plain `sh` runs the program in tmux, so the
//! terminal's modes are exactly what the program left; `stty -a` and tmux's
//! own record of the alternate screen tell whether it was restored. A desk
//! that ends also gives back the filings it had open.

use crate::common;
use common::tools::{self, Tool};

use common::cli::{Demo, url};
use common::tmux::Tmux;

/// A shell in tmux with the demo's screen open as the clerk 王芳, a filing
/// open in its detail (so this desk holds its lease).
fn desk(d: &Demo, extra_env: &str) -> Tmux {
    let t = Tmux::start(d.dir.path(), "env PS1='$ ' sh", 100, 30);
    t.literally(&format!(
        "HOME='{home}' {extra_env} '{bin}' --database-url '{url}' --user wangfang; echo \"rc=$?\"",
        home = d.dir.path().display(),
        bin = env!("CARGO_BIN_EXE_hrss-desk"),
        url = url(&d.db),
    ));
    t.keys(&["Enter"]);
    t.wait_for("the review queue", |s| s.contains("[1 参保审核]"));
    assert!(t.alternate_on(), "the screen uses the alternate screen");
    t.wait_for("the queue's rows", |s| s.contains("********"));
    t.keys(&["Enter"]);
    t.wait_for("a filing's detail", |s| {
        s.contains("申报") && s.contains("材料")
    });
    assert!(
        Tmux::within(30, || {
            d.scalar(
            "SELECT COUNT(*) FROM filing f JOIN staff s ON s.id = f.lease_by WHERE s.login = 'wangfang'"
        ) == "1"
        }),
        "opening a filing takes its lease"
    );
    t
}

/// The program's process, found by its database's path (unique to the test).
fn pid(d: &Demo) -> String {
    let out = std::process::Command::new("pgrep")
        .args(["-f", "--", &format!("{} --user", d.db.display())])
        .output()
        .unwrap();
    let pids = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        !pids.is_empty() && !pids.contains('\n'),
        "one program running: {pids:?}"
    );
    pids
}

/// The shell is back: the program's exit code shown, the normal screen, and
/// the line discipline cooked (canonical input, echo), as before it ran.
fn restored(t: &Tmux, rc: &str) -> String {
    let s = t.wait_for("the shell's prompt after the program", |s| {
        s.contains(&format!("rc={rc}"))
    });
    assert!(!t.alternate_on(), "left the alternate screen:\n{s}");
    t.literally("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | sort | tr '\\n' ' '; echo end");
    t.keys(&["Enter"]);
    // The answer line is exactly these two modes: neither "-icanon" nor
    // "-echo" (raw mode left behind) among them.
    t.wait_for("stty's answer: canonical input and echo", |s| {
        s.lines().any(|l| l.trim() == "echo icanon end")
    })
}

fn leases_left(d: &Demo) -> String {
    d.scalar("SELECT COUNT(*) FROM filing WHERE lease_by IS NOT NULL")
}

/// The program sent `signal`: it ends with exit 0, the terminal restored,
/// the desk's lease given back.
fn signalled_desk_ends_whole(d: &Demo, t: &Tmux, signal: &str) {
    let st = std::process::Command::new("kill")
        .args([signal, &pid(d)])
        .status()
        .unwrap();
    assert!(st.success());
    restored(t, "0");
    assert_eq!(leases_left(d), "0", "the open filing's lease given back");
}

#[test]
fn a_kill_restores_the_terminal_and_gives_back_the_desks_filings() {
    if !(tools::have(Tool::Tmux) && tools::have(Tool::Procps)) {
        return;
    }
    let d = Demo::new();
    // The office's config file sets how long a review lease lasts.
    let office = d.dir.path().join("office.toml");
    std::fs::write(&office, "lease_minutes = 45\n").unwrap();
    let t = desk(&d, &format!("HRSS_OFFICE_CONFIG='{}'", office.display()));
    // The desk's clock is the tests' day at the wall clock's time of day.
    let until = d.scalar("SELECT lease_until FROM filing WHERE lease_by IS NOT NULL");
    let until =
        chrono::DateTime::parse_from_rfc3339(&until).unwrap_or_else(|e| panic!("{until}: {e}"));
    let now = hrss_desk::clock::Clock::Pinned(common::today()).now();
    let minutes = (until.to_utc() - now).num_milliseconds() as f64 / 60_000.0;
    assert!(
        (43.0..=45.5).contains(&minutes),
        "a lease of 45 minutes: {minutes}"
    );
    signalled_desk_ends_whole(&d, &t, "-TERM");
}

#[test]
fn a_hang_up_restores_the_terminal_and_gives_back_the_desks_filings() {
    if !(tools::have(Tool::Tmux) && tools::have(Tool::Procps)) {
        return;
    }
    let d = Demo::new();
    let t = desk(&d, "");
    signalled_desk_ends_whole(&d, &t, "-HUP");
}

#[test]
fn a_panic_restores_the_terminal_says_so_in_one_sentence_and_ends() {
    if !(tools::have(Tool::Tmux) && tools::have(Tool::Procps)) {
        return;
    }
    let d = Demo::new();
    let t = desk(&d, "HRSS_PANIC_ON_KEY=%");
    t.literally("%");
    let s = restored(&t, "101");
    assert!(
        s.contains("hrss-desk 遇到内部错误已退出") && s.contains("详情已记入日志"),
        "one sentence in the screen's language:\n{s}"
    );
    assert!(
        !s.contains("panicked at"),
        "no raw panic message for the clerk:\n{s}"
    );
    // The log says where it happened.
    let logs = d.dir.path().join(".local/state/hrss-desk/logs");
    let text: String = std::fs::read_dir(&logs)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        text.contains("panic") && text.contains("tui/mod.rs"),
        "{text}"
    );
}

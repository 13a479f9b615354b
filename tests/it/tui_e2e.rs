//! The real program in a real terminal: tmux runs it on a demo database, keys
//! are typed, and the screen is read back, as a clerk would see it.

use crate::common;
use common::tools::{self, Tool};

use common::tmux::Tmux;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn seed(home: &Path, db: &Path) {
    let st = Command::new(env!("CARGO_BIN_EXE_hrss-desk"))
        .env("HOME", home)
        .env(hrss_desk::clock::TODAY_VAR, common::TODAY)
        .env_remove("HRSS_DATABASE_URL")
        .args([
            "--database-url",
            &format!("sqlite://{}", db.display()),
            "demo",
            "--seed-only",
            "--size",
            "300",
        ])
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
}

#[test]
fn a_clerk_moves_through_the_panes_reads_help_filters_and_quits() {
    if !tools::have(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    seed(dir.path(), &db);
    let exit_file = dir.path().join("exit");
    let command = format!(
        "HOME='{home}' '{bin}' --database-url 'sqlite://{db}' demo; echo $? > '{exit}'",
        home = dir.path().display(),
        bin = env!("CARGO_BIN_EXE_hrss-desk"),
        db = db.display(),
        exit = exit_file.display()
    );
    let t = Tmux::start(dir.path(), &command, 80, 24);

    let s = t.wait_for("the filings pane with its rows", |s| {
        s.contains("[1 参保审核]") && s.contains("待审核申报322（超期") && s.contains("超期案件")
    });
    assert!(s.contains("赵静"), "{s}");
    t.keys(&["Tab"]);
    t.wait_for("the licence pane", |s| {
        s.contains("[2 许可查询]") && s.contains("有效期至")
    });
    t.literally("lqrl");
    t.wait_for("lookup hits", |s| {
        s.contains("查询：lqrl_") && s.contains("人服证字")
    });
    t.keys(&["Escape"]);
    t.wait_for("the query cleared", |s| {
        s.contains("查询：_") && s.contains("有效期至")
    });
    // Shift-Tab leaves the lookup for the previous pane even while typing.
    t.keys(&["BTab"]);
    t.wait_for("back to the filings", |s| s.contains("[1 参保审核]"));
    t.keys(&["4"]);
    t.wait_for("the inspections pane", |s| {
        s.contains("[4 监督检查]") && s.contains("检查日期")
    });
    t.keys(&["?"]);
    t.wait_for("help", |s| s.contains("帮助：本页按键"));
    t.keys(&["Escape"]);
    t.wait_for("help closed", |s| !s.contains("帮助：本页按键"));
    t.keys(&["5", "/"]);
    t.wait_for("the filter prompt", |s| s.contains("/ 筛选："));
    t.literally("王");
    // The rows themselves, not only the title: an Enter before the page has
    // arrived has nothing to open.
    t.wait_for("a filtered list", |s| {
        s.contains("筛选“王”") && s.lines().any(|l| l.starts_with("│王"))
    });
    t.keys(&["Enter", "Enter"]);
    t.wait_for("a person's detail, masked", |s| {
        s.contains("公民身份号码：") && s.contains("********")
    });
    // One Esc at a time: two at once read as one escape sequence.
    t.keys(&["Escape"]);
    // The detail shows 缴费基数 too: the list is there when its field is gone.
    t.wait_for("the list again", |s| {
        s.contains("缴费基数") && !s.contains("公民身份号码：")
    });
    t.keys(&["Escape"]);
    t.wait_for("the filter cleared", |s| !s.contains("筛选“王”"));
    t.keys(&[":"]);
    t.literally("tj");
    t.keys(&["Enter"]);
    t.wait_for("the dashboard from the palette", |s| {
        s.contains("[6 统计]") && s.contains("案件（按阶段）")
    });
    t.keys(&["L"]);
    t.wait_for("English", |s| {
        s.contains("[6 Dashboard]") && s.contains("Cases by stage")
    });
    t.keys(&["q"]);
    let start = Instant::now();
    while !exit_file.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "the program did not end on q"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let code = std::fs::read_to_string(&exit_file).unwrap();
    assert_eq!(code.trim(), "0");
}

#[test]
fn a_terminal_too_small_is_told_and_the_screen_recovers_when_enlarged() {
    if !tools::have(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    seed(dir.path(), &db);
    let command = format!(
        "HOME='{}' '{}' --lang en --database-url 'sqlite://{}' demo",
        dir.path().display(),
        env!("CARGO_BIN_EXE_hrss-desk"),
        db.display()
    );
    let t = Tmux::start(dir.path(), &command, 70, 20);
    t.wait_for("the too-small note", |s| {
        s.contains("too small") && s.contains("70×20")
    });
    assert!(
        t.run(&["resize-window", "-t", "hrss", "-x", "100", "-y", "30"])
            .status
            .success()
    );
    t.wait_for("the panes after resizing", |s| {
        s.contains("[1 Filings]") && s.contains("Employer")
    });
    t.keys(&["C-c"]);
}

#[test]
fn the_program_alone_opens_the_screen_as_the_staff_member_and_ends_cleanly() {
    if !tools::have(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    seed(dir.path(), &db);
    let exit_file = dir.path().join("exit");
    // No command: the screen on the database named, as the given login.
    let command = format!(
        "HOME='{home}' '{bin}' --database-url 'sqlite://{db}' --user liuyang; echo $? > '{exit}'",
        home = dir.path().display(),
        bin = env!("CARGO_BIN_EXE_hrss-desk"),
        db = db.display(),
        exit = exit_file.display()
    );
    let t = Tmux::start(dir.path(), &command, 100, 30);
    t.wait_for("the screen as 刘洋, the section chief", |s| {
        s.contains("[1 参保审核]") && s.contains("刘洋 (liuyang) 科室负责人")
    });
    t.keys(&["q"]);
    let start = Instant::now();
    while !exit_file.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "the program did not end on q"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(std::fs::read_to_string(&exit_file).unwrap().trim(), "0");
}

#[test]
fn a_chief_records_a_failed_item_orders_a_rectification_and_sees_it_awaited() {
    if !tools::have(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    seed(dir.path(), &db);
    let url = format!("sqlite://{}", db.display());
    let drawn = Command::new(env!("CARGO_BIN_EXE_hrss-desk"))
        .env("HOME", dir.path())
        .env(hrss_desk::clock::TODAY_VAR, common::TODAY)
        .env_remove("HRSS_DATABASE_URL")
        .args(["--database-url", &url, "--user", "liuyang", "draw", "run"])
        .args(["--name", "培训学校抽查", "--kind", "training-school"])
        .args(["--ratio", "30%", "--seed", "5"])
        .output()
        .unwrap();
    assert!(
        drawn.status.success(),
        "{}",
        String::from_utf8_lossy(&drawn.stderr)
    );
    let command = format!(
        "HOME='{home}' '{bin}' --database-url '{url}' --user liuyang",
        home = dir.path().display(),
        bin = env!("CARGO_BIN_EXE_hrss-desk"),
    );
    let t = Tmux::start(dir.path(), &command, 100, 30);
    t.wait_for("the screen", |s| s.contains("[1 参保审核]"));
    t.keys(&["4"]);
    t.wait_for("the supervision pane", |s| s.contains("[检查记录]"));
    t.keys(&["]"]);
    t.wait_for("what is due", |s| {
        s.contains("[待检查]") && s.contains("按 c 记录检查结果")
    });
    // The last due inspection's licence, and its pending inspection recorded.
    t.keys(&["G", "Enter"]);
    t.wait_for("the licence", |s| s.contains("持证单位"));
    t.keys(&["c"]);
    t.wait_for("the inspection form", |s| {
        s.contains("记录检查：") && s.contains("< 未填 >")
    });
    t.literally("未按规定公示收费项目");
    t.wait_for("the finding typed", |s| {
        s.contains("< 不合格 >") && s.contains("问题：未按规定公示收费项目")
    });
    // The other items passed, then recorded.
    t.keys(&["F3"]);
    t.wait_for("the rest passed", |s| !s.contains("< 未填 >"));
    t.keys(&["F2"]);
    // The form closes once recorded (the sentence may give way at once to
    // another from the desk's background work: the database says it).
    t.wait_for("the inspection recorded", |s| !s.contains("记录检查："));
    let failed = || {
        common::cli::sqlite_scalar(
            &db,
            "SELECT COUNT(*) FROM inspection_item WHERE finding = '未按规定公示收费项目'",
        )
    };
    assert_eq!(failed(), "1", "{}", t.screen());
    // The first step of the ladder, with a deadline to rectify.
    let deadline = (common::today() + chrono::Duration::days(20)).to_string();
    t.keys(&["s"]);
    t.wait_for("the ladder form", |s| s.contains("限期整改、中止协议必填"));
    t.keys(&["Tab"]);
    t.literally(&deadline);
    t.keys(&["Tab"]);
    t.literally("限期公示收费项目");
    t.keys(&["F2"]);
    t.wait_for("the step taken", |s| !s.contains("限期整改、中止协议必填"));
    t.keys(&["Escape"]);
    t.wait_for("back on what is due", |s| s.contains("[待检查]"));
    t.keys(&["]"]);
    let s = t.wait_for("the rectification awaited", |s| {
        s.contains("[整改]") && s.contains(&deadline)
    });
    assert!(s.contains("待复查的整改1项") && s.contains("还剩"), "{s}");
    t.keys(&["q"]);
}

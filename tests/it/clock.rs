//! Which day it is: a demo database may be pinned to a day (`HRSS_TODAY`),
//! and is made and worked as of it; an office database keeps the server's
//! clock and refuses a pinned day in one sentence, writing nothing.

use crate::common;

use common::cli::{hrss, url};
use predicates::prelude::*;

/// A Monday other than the tests' own day.
const REHEARSAL: &str = "2026-03-16";

fn login() -> String {
    hrss_desk::cli::os_login().expect("the test runs under a login in the user database")
}

#[test]
fn a_demo_is_made_and_worked_as_of_its_pinned_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let on = |args: &[&str]| {
        hrss(dir.path())
            .env("HRSS_TODAY", REHEARSAL)
            .arg("--database-url")
            .arg(url(&db))
            .args(args)
            .assert()
    };
    on(&["demo", "--seed-only", "--size", "200"]).success();
    let sql = |q: &str| common::cli::sqlite_scalar(&db, q);
    // Generated as of the pinned day: nothing received after it, much before.
    assert_eq!(
        sql(
            "SELECT MAX(received_at) < '2026-03-17' AND MAX(received_at) >= '2026-02-01' FROM filing"
        ),
        "1",
        "{}",
        sql("SELECT MAX(received_at) FROM filing")
    );
    // A complaint received "today" is received on the pinned day, and its
    // audit entry is stamped on it (office time).
    on(&[
        "complaints",
        "add",
        "--complainant",
        "张三",
        "--respondent",
        "鹿泉区某商贸有限公司",
        "--matters",
        "wages",
        "--channel",
        "window",
    ])
    .success()
    .stdout(predicate::str::contains("2026-03-23"));
    assert_eq!(
        sql("SELECT received_on FROM complaint ORDER BY id DESC LIMIT 1"),
        REHEARSAL
    );
    let at = sql("SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1");
    let at = chrono::DateTime::parse_from_rfc3339(&at).unwrap();
    assert_eq!(
        hrss_desk::domain::calendar::office_date(at.to_utc()).to_string(),
        REHEARSAL
    );
}

#[test]
fn an_office_database_keeps_the_servers_clock() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    let me = login();
    let office = |pin: Option<&str>, args: &[&str]| {
        let mut c = hrss(dir.path());
        if let Some(day) = pin {
            c.env("HRSS_TODAY", day);
        }
        c.arg("--database-url").arg(url(&db)).args(args).assert()
    };
    // Setting up: the first administrator is not added on a pinned day.
    let add = ["staff", "add", &me, "--name", "张三", "--roles", "admin"];
    office(Some(REHEARSAL), &add).code(1).stderr(predicate::eq(
        "HRSS_TODAY 只能用于演示数据库；本单位数据库以服务器时钟为准。\n",
    ));
    assert!(
        !db.exists()
            || common::cli::sqlite_scalar(
                &db,
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'staff'"
            ) == "0"
            || common::cli::sqlite_scalar(&db, "SELECT COUNT(*) FROM staff") == "0",
        "nothing written"
    );
    office(None, &add).success();
    let entries = common::cli::sqlite_scalar(&db, "SELECT COUNT(*) FROM audit_log");
    // At work: refused too, in the language asked for, and nothing written.
    office(Some(REHEARSAL), &["--lang", "en", "staff", "list"])
        .code(1)
        .stderr(predicate::eq(
            "HRSS_TODAY works only on a demo database; an office database keeps the server's clock.\n",
        ));
    office(
        Some(REHEARSAL),
        &["staff", "add", "lisi", "--name", "李四", "--roles", "clerk"],
    )
    .code(1);
    assert_eq!(
        common::cli::sqlite_scalar(&db, "SELECT COUNT(*) FROM audit_log"),
        entries
    );
    office(None, &["staff", "list"])
        .success()
        .stdout(predicate::str::contains("张三"));
}

#[test]
fn a_pinned_day_that_is_not_a_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    for bad in ["tomorrow", "2026-02-30", "\u{1b}[31m"] {
        hrss(dir.path())
            .env("HRSS_TODAY", bad)
            .arg("--database-url")
            .arg(url(&db))
            .args(["demo", "--seed-only", "--size", "100"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "HRSS_TODAY 应为 YYYY-MM-DD 格式的日期",
            ))
            .stderr(predicate::str::contains("\u{1b}").not());
    }
    assert!(!db.exists(), "nothing made");
}

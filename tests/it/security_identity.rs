//! Who is working comes from the system's user database, never from the
//! environment (issue 19, point 3): a process whose uid has no passwd entry
//! is refused in one sentence, whatever `USER` says.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;

/// The login this test runs as, from the system's user database.
fn os_login() -> String {
    nix::unistd::User::from_uid(nix::unistd::getuid())
        .unwrap()
        .expect("the test's uid has a passwd entry")
        .name
}

/// A uid no passwd file on a test machine names.
const NO_SUCH_UID: u32 = 64_999;

#[test]
fn a_uid_without_a_passwd_entry_is_refused_whatever_user_says() {
    if !nix::unistd::getuid().is_root() {
        eprintln!("skipped: running as another uid needs root (CI runs as root)");
        return;
    }
    assert!(
        nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(NO_SUCH_UID))
            .unwrap()
            .is_none(),
        "the test's uid must have no passwd entry"
    );
    // A demo database the stranger can open: identity is asked after it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let db = dir.path().join("d.sqlite");
    let url = crate::common::cli::url(&db);
    crate::common::cli::succeeds(dir.path(), &url, &["demo", "--seed-only", "--size", "100"]);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let p = entry.unwrap().path();
        let mode = if p.is_dir() { 0o777 } else { 0o666 };
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let out = crate::common::cli::program(dir.path(), &url)
        .env("USER", "root")
        .env("LOGNAME", "zhaojing")
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .uid(NO_SUCH_UID)
        .gid(NO_SUCH_UID)
        .args(["staff", "list"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("uid {NO_SUCH_UID}")) && err.contains("没有记录"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
}

/// An administrator working as another (`--user`, issue 19 point 2): the
/// audit entry names who really acted and on whose behalf, and the acts
/// that rest on one's own judgement — approving over problems, exporting
/// full ID numbers — are refused in one sentence, with nothing written.
#[test]
fn working_as_another_is_recorded_as_both_and_personal_acts_are_refused() {
    use predicates::prelude::*;
    let d = crate::common::cli::Demo::new();
    let (troubled, _) = crate::cli::pending(&d, true);
    let (clean, _) = crate::cli::pending(&d, false);
    d.become_office();
    let me = os_login();
    d.sql(&format!(
        "INSERT INTO staff (login, name, roles, active, version) VALUES ('{me}', '管理员', 'admin', 1, 1)"
    ));
    let entries = || d.scalar("SELECT COUNT(*) FROM audit_log");
    let before = entries();
    d.run(&[
        "--user",
        "zhaojing",
        "filings",
        "approve",
        &troubled.to_string(),
        "--override",
        "原件已当场核验",
    ])
    .code(1)
    .stderr(predicate::str::contains("代他人操作"));
    let file = d.dir.path().join("persons.csv");
    d.run(&[
        "--user",
        "zhaojing",
        "export",
        "persons",
        file.to_str().unwrap(),
        "--reveal",
        "--reason",
        "核对参保名单",
    ])
    .code(1)
    .stderr(predicate::str::contains("代他人操作"));
    assert!(!file.exists(), "nothing exported");
    assert_eq!(entries(), before, "nothing written");
    // An ordinary act is done, and recorded as the administrator's.
    d.run(&[
        "--user",
        "wangfang",
        "filings",
        "approve",
        &clean.to_string(),
    ])
    .success();
    let (actor, detail) = (
        d.scalar("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1"),
        d.scalar("SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1"),
    );
    assert_eq!(actor, me);
    assert!(detail.starts_with("on_behalf_of=wangfang; "), "{detail}");
    // The chain holds with the entry that names both.
    d.run(&["--user", "zhaojing", "audit", "verify"]).success();
}

/// A desk may not choose its own office file (issue 19, point 8):
/// `HRSS_OFFICE_CONFIG` is honoured for an administrator or on a demo
/// database; for anyone else the server's own file holds. Seen through the
/// audit anchor file the office file names (the lease is read the same way).
#[test]
fn a_desk_cannot_choose_its_own_office_file_an_administrator_can() {
    use predicates::prelude::*;
    if std::path::Path::new(hrss_desk::config::OFFICE_PATH).exists() {
        eprintln!("skipped: this machine has its own office file, which would answer instead");
        return;
    }
    let d = crate::common::cli::Demo::new();
    let anchors = d.dir.path().join("anchors.txt");
    std::fs::write(
        d.dir.path().join("office.toml"),
        format!(
            "audit_anchor_file = \"{}\"\nlease_minutes = 480\n",
            anchors.display()
        ),
    )
    .unwrap();
    // On the demo database the named file is honoured for anyone.
    d.run(&["--user", "liuyang", "audit", "anchor"]).success();
    assert!(anchors.exists());
    std::fs::remove_file(&anchors).unwrap();
    d.become_office();
    let me = os_login();
    d.sql(&format!(
        "INSERT INTO staff (login, name, roles, active, version) VALUES ('{me}', '科长', 'chief', 1, 1)"
    ));
    d.run(&["audit", "anchor"])
        .code(2)
        .stderr(predicate::str::contains("未设置 audit_anchor_file"));
    assert!(
        !anchors.exists(),
        "the desk's own office file was not followed"
    );
    d.sql(&format!(
        "UPDATE staff SET roles = 'chief,admin' WHERE login = '{me}'"
    ));
    d.run(&["audit", "anchor"]).success();
    assert!(anchors.exists(), "an administrator's is");
}

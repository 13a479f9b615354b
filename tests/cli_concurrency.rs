//! Six desks at once on one SQLite file, each approving the same filings:
//! every filing decided exactly once, every other desk told it was decided
//! already, no "database is locked" reaching anyone, the audit log intact.

mod common;

use common::cli::{Demo, url};

#[test]
fn six_desks_approving_the_same_filings_decide_each_once() {
    let d = Demo::new();
    let checked = std::process::Command::new(env!("CARGO_BIN_EXE_hrss-desk"))
        .env("HOME", d.dir.path())
        .env_remove("HRSS_DATABASE_URL")
        .args(["--database-url", &url(&d.db), "filings", "check", "--json"])
        .output()
        .unwrap();
    let all: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    let clean: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["problems"].as_array().is_some_and(|p| p.is_empty()))
        .take(15)
        .map(|f| f["id"].to_string())
        .collect();
    assert_eq!(clean.len(), 15, "the demo has clean filings");
    let script = format!(
        "for id in {}; do \"$0\" --database-url \"$1\" filings approve $id; done",
        clean.join(" ")
    );
    let desks: Vec<std::process::Child> = (0..6)
        .map(|_| {
            std::process::Command::new("sh")
                .args(["-c", &script, env!("CARGO_BIN_EXE_hrss-desk"), &url(&d.db)])
                .env("HOME", d.dir.path())
                .env_remove("HRSS_DATABASE_URL")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut approved = 0;
    let mut told = 0;
    for desk in desks {
        let out = desk.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        approved += stdout.matches("已办结").count();
        // Decided already (seen before the attempt) or changed meanwhile
        // (found when writing): both say so and change nothing.
        told += stderr.matches("不存在或已办理").count() + stderr.matches("已被他人修改").count();
        assert!(
            !stderr.contains("locked") && !stderr.contains("锁"),
            "a lock reached a desk: {stderr}"
        );
        // Every line a desk was told is one of the two answers.
        for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                line.contains("不存在或已办理")
                    || line.contains("申报") && line.contains("已被他人修改"),
                "unexpected: {line}"
            );
        }
    }
    assert_eq!(approved, 15, "each filing approved once, by one desk");
    assert_eq!(told, 15 * 5, "the five others told it was decided");
    let decided = d.scalar(&format!(
        "SELECT COUNT(*) FROM filing WHERE status = 'approved' AND id IN ({})",
        clean.join(",")
    ));
    assert_eq!(decided, "15");
    let logged = d.scalar(&format!(
        "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'filing.approve%' AND entity_id IN ({})",
        clean
            .iter()
            .map(|i| format!("'{i}'"))
            .collect::<Vec<_>>()
            .join(",")
    ));
    assert_eq!(logged, "15", "one audit entry a decision");
    common::cli::hrss(d.dir.path())
        .args(["--database-url", &url(&d.db), "audit", "verify"])
        .assert()
        .success();
}

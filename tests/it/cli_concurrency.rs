//! Six desks at once, as six processes, on one SQLite file and on Postgres:
//! each approving the same filings, each moving the same cases a step. Every
//! record is decided exactly once, every other desk is told it was decided
//! already or changed meanwhile, no "database is locked" reaches anyone, one
//! audit entry a decision, and the audit chain verifies.

use crate::common;

use common::TestDb;
use std::process::{Command, Output, Stdio};

const DESKS: usize = 6;

use common::cli::{program as hrss, succeeds};

fn seeded(db: &TestDb, home: &std::path::Path) {
    succeeds(home, &db.url, &["demo", "--seed-only", "--size", "300"]);
}

/// `DESKS` processes, each running `args` (with `{}` as each id in turn)
/// for every id, all started together.
fn desks(db: &TestDb, home: &std::path::Path, ids: &[i64], args: &str) -> Vec<Output> {
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
    let script = format!(
        "for id in {list}; do \"$0\" --database-url \"$1\" {}; done",
        args.replace("{}", "$id")
    );
    let children: Vec<_> = (0..DESKS)
        .map(|_| {
            Command::new("sh")
                .args(["-c", &script, env!("CARGO_BIN_EXE_hrss-desk"), &db.url])
                .env("HOME", home)
                .env(hrss_desk::clock::TODAY_VAR, common::TODAY)
                .env_remove("HRSS_DATABASE_URL")
                .env_remove("HRSS_LANG")
                .env("HRSS_OFFICE_CONFIG", home.join("office.toml"))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

/// Counts the successes (`done` in stdout) and the refusals; every line a
/// desk was told must be one of `told`, and never a lock.
fn tally(label: &str, outs: &[Output], done: &str, told: &[&str]) -> (usize, usize) {
    let (mut ok, mut refused) = (0, 0);
    for out in outs {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        ok += stdout.matches(done).count();
        assert!(
            !stderr.contains("locked") && !stderr.contains("锁"),
            "{label}: a lock reached a desk: {stderr}"
        );
        for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                told.iter().any(|t| line.contains(t)),
                "{label}: unexpected: {line}"
            );
            refused += 1;
        }
    }
    (ok, refused)
}

fn verify(db: &TestDb, home: &std::path::Path) {
    succeeds(home, &db.url, &["audit", "verify"]);
}

/// Each count over the records `ids` is what it should be: `{ids}` in the
/// SQL stands for them as numbers, `{quoted}` as text (the audit log's
/// entity ids).
async fn expect_counts(db: &TestDb, ids: &[i64], checks: &[(&str, usize, &str)]) {
    let list = |q: &str| {
        ids.iter()
            .map(|i| format!("{q}{i}{q}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    for (sql, want, what) in checks {
        let sql = sql
            .replace("{ids}", &list(""))
            .replace("{quoted}", &list("'"));
        assert_eq!(db.scalar(&sql).await, *want as i64, "{}: {what}", db.label);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn six_desks_approving_the_same_filings_decide_each_once() {
    for db in TestDb::all().await {
        let home = tempfile::tempdir().unwrap();
        seeded(&db, home.path());
        let checked = hrss(home.path(), &db.url)
            .args(["filings", "check", "--json"])
            .output()
            .unwrap();
        let all: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
        let clean: Vec<i64> = all
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["problems"].as_array().is_some_and(|p| p.is_empty()))
            .take(15)
            .map(|f| f["id"].as_i64().unwrap())
            .collect();
        assert_eq!(clean.len(), 15, "{}: the demo has clean filings", db.label);
        let outs = desks(&db, home.path(), &clean, "filings approve {}");
        // Decided already (seen before the attempt) or changed meanwhile
        // (found when writing): both say so and change nothing.
        let (approved, told) = tally(
            db.label,
            &outs,
            "已办结",
            &["不存在或已办理", "已同时在其他窗口"],
        );
        assert_eq!(approved, 15, "{}: each filing approved once", db.label);
        assert_eq!(
            told,
            15 * (DESKS - 1),
            "{}: the others told it was decided",
            db.label
        );
        expect_counts(
            &db,
            &clean,
            &[
                ("SELECT COUNT(*) FROM filing WHERE status = 'approved' AND id IN ({ids})", 15, "each approved"),
                ("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'filing.approve%' AND entity_id IN ({quoted})", 15, "one audit entry a decision"),
            ],
        )
        .await;
        verify(&db, home.path());
    }
}

/// Several desks approving every clean filing at once (issue 19, point
/// 12): each filing approved once, and a filing another desk approved
/// meanwhile is counted as such — never called a filing with problems.
/// (Racing, the 8 desks were told that filings approved elsewhere "have
/// problems" before.)
#[tokio::test(flavor = "multi_thread")]
async fn desks_approving_all_clean_filings_at_once_are_told_what_others_did() {
    for db in TestDb::all().await {
        let home = tempfile::tempdir().unwrap();
        seeded(&db, home.path());
        let before = db
            .scalar("SELECT COUNT(*) FROM filing WHERE status = 'approved'")
            .await;
        let outs = desks(
            &db,
            home.path(),
            &[0],
            "--user wangfang filings approve-clean",
        );
        let approved_now = db
            .scalar("SELECT COUNT(*) FROM filing WHERE status = 'approved'")
            .await
            - before;
        assert!(approved_now > 0, "{}: the demo has clean filings", db.label);
        let (mut said_approved, mut said_elsewhere) = (0i64, 0i64);
        for out in &outs {
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{}: {stderr}", db.label);
            // Left for problems: only filings still pending (approving one
            // may give another of the same person a problem of its own).
            if let Some(ids) = stdout.split("未办结：").nth(1) {
                for named in ids.trim().trim_end_matches('。').split('、') {
                    // The command line names each by its number: 申报17.
                    let id = named.trim_start_matches("申报");
                    let status = db
                        .text(&format!("SELECT status FROM filing WHERE id = {id}"))
                        .await;
                    assert_eq!(status, "pending", "{}: {id} in {stdout}", db.label);
                }
            }
            // The count between `after` and `before`, when the sentence has
            // that part (a desk that found nothing taken elsewhere says no
            // "；N件已同时…", though it may say "；未办结：…").
            let number = |after: &str, before: &str| -> i64 {
                stdout
                    .split(after)
                    .nth(1)
                    .and_then(|r| r.split_once(before))
                    .map_or(0, |(n, _)| n.parse().unwrap())
            };
            said_approved += number("已办结", "件");
            said_elsewhere += number("；", "件已同时在其他窗口");
        }
        assert_eq!(
            said_approved, approved_now,
            "{}: each approved once",
            db.label
        );
        assert!(
            said_elsewhere > 0,
            "{}: the desks raced and were told so",
            db.label
        );
        verify(&db, home.path());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn six_desks_moving_the_same_cases_move_each_once() {
    for db in TestDb::all().await {
        let home = tempfile::tempdir().unwrap();
        seeded(&db, home.path());
        let cases = db
            .rows("SELECT id FROM inspection_case WHERE stage = 'registered' ORDER BY id LIMIT 10")
            .await;
        assert_eq!(cases.len(), 10, "{}: the demo has new cases", db.label);
        let outs = desks(
            &db,
            home.path(),
            &cases,
            "--user liuyang cases move {} preliminary",
        );
        // A desk that came second finds the case past the step, or changed
        // under it while it wrote.
        let (moved, told) = tally(
            db.label,
            &outs,
            "初查已办理",
            &["不能进行这一步", "已被他人修改"],
        );
        assert_eq!(moved, 10, "{}: each case moved once", db.label);
        assert_eq!(told, 10 * (DESKS - 1), "{}: the others told", db.label);
        expect_counts(
            &db,
            &cases,
            &[
                ("SELECT COUNT(*) FROM inspection_case WHERE stage = 'preliminary' AND id IN ({ids})", 10, "each at the step"),
                ("SELECT COUNT(*) FROM case_event WHERE stage_to = 'preliminary' AND case_id IN ({ids})", 10, "one history line a move"),
                ("SELECT COUNT(*) FROM audit_log WHERE action = 'case.preliminary' AND entity_id IN ({quoted})", 10, "one audit entry a move"),
            ],
        )
        .await;
        verify(&db, home.path());
    }
}

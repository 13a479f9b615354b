//! Killed outright (`kill -9`), again and again, in the middle of work — a
//! batch of decisions, a random inspection draw — on SQLite and Postgres:
//! after every kill each record is before or after, never between (a filing
//! approved has its audit entry and an unapproved one has none; a draw
//! recorded has every inspection it drew), and `audit verify` passes.
//! (An import killed mid-write: tests/cli_import.rs.)

use crate::common;

use common::TestDb;
use std::process::{Child, Command};
use std::time::Duration;

/// Kills a run: at each twelfth of the time a whole run takes, from before
/// it has opened the database to the end of its writing.
const KILLS: u64 = 12;

/// Kills that must land while the run still runs, for the test to have
/// cut into work (a loaded machine stretches some runs, shortens others).
const MID_RUN: u64 = 3;

/// How long a whole run of `args` takes here, in milliseconds.
fn timed(db: &TestDb, home: &std::path::Path, args: &[&str]) -> u64 {
    let start = std::time::Instant::now();
    ok(db, home, args);
    start.elapsed().as_millis() as u64
}

/// The moments to kill at: the run's length in twelfths.
fn delays(whole_ms: u64) -> Vec<u64> {
    (0..KILLS).map(|i| whole_ms * i / KILLS + 1).collect()
}

fn hrss(home: &std::path::Path, url: &str) -> Command {
    let mut c = common::cli::program(home, url);
    c.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    c
}

fn ok(db: &TestDb, home: &std::path::Path, args: &[&str]) {
    common::cli::succeeds(home, &db.url, args);
}

/// Starts `args`, kills it with SIGKILL after `ms`; whether it was still
/// running when killed.
fn kill_after(child: &mut Child, ms: u64) -> bool {
    std::thread::sleep(Duration::from_millis(ms));
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    running
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decision_batch_killed_again_and_again_leaves_each_filing_whole() {
    for db in TestDb::all().await {
        let home = tempfile::tempdir().unwrap();
        ok(&db, home.path(), &["demo", "--seed-only", "--size", "300"]);
        // Approvals less their audit entries, in one statement: one snapshot
        // (on Postgres a commit sent just before the kill may still land
        // between two separate reads).
        const UNLOGGED: &str = "SELECT (SELECT COUNT(*) FROM filing WHERE status = 'approved') - (SELECT COUNT(*) FROM audit_log WHERE action LIKE 'filing.approve%')";
        let unlogged_at_start = db.scalar(UNLOGGED).await;
        // A batch of 20 measured; the killed ones are of 20 each too.
        let whole = timed(
            &db,
            home.path(),
            &["filings", "approve-clean", "--limit", "20"],
        );
        let mut killed_running: u64 = 0;
        for ms in delays(whole) {
            let mut batch = hrss(home.path(), &db.url)
                .args(["filings", "approve-clean", "--limit", "20"])
                .spawn()
                .unwrap();
            killed_running += u64::from(kill_after(&mut batch, ms));
            // Each approval whole: the filing's status and its audit entry
            // together, or neither.
            assert_eq!(
                db.scalar(UNLOGGED).await,
                unlogged_at_start,
                "{}: killed after {ms} ms, approvals and their audit entries differ",
                db.label
            );
            ok(&db, home.path(), &["audit", "verify"]);
        }
        assert!(
            killed_running >= MID_RUN,
            "{}: kills landed while the batch ran ({killed_running})",
            db.label
        );
        // Run to its end: every clean filing approved once, none twice. (An
        // approval may make a later filing of the same person clean, so a
        // batch may find a few more after it: it runs until none is left.)
        let drained = (0..5).any(|_| {
            let out = hrss(home.path(), &db.url)
                .args(["filings", "approve-clean"])
                .stdout(std::process::Stdio::piped())
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", db.label);
            String::from_utf8_lossy(&out.stdout).contains("已办结0件")
        });
        assert!(drained, "{}: nothing clean is left", db.label);
        let twice = db
            .scalar(
                "SELECT COUNT(*) FROM (SELECT entity_id FROM audit_log WHERE action LIKE 'filing.approve%' GROUP BY entity_id HAVING COUNT(*) > 1) t",
            )
            .await;
        assert_eq!(twice, 0, "{}: no filing approved twice", db.label);
        ok(&db, home.path(), &["audit", "verify"]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draw_killed_again_and_again_is_recorded_whole_or_not_at_all() {
    for db in TestDb::all().await {
        let home = tempfile::tempdir().unwrap();
        ok(&db, home.path(), &["demo", "--seed-only", "--size", "300"]);
        let run = |name: &str| {
            [
                "--user", "liuyang", "draw", "run", "--name", name, "--ratio", "50%",
            ]
            .map(str::to_string)
        };
        let whole = timed(
            &db,
            home.path(),
            &run("timed").each_ref().map(String::as_str),
        );
        let mut killed_running: u64 = 0;
        for (round, ms) in delays(whole).into_iter().enumerate() {
            let name = format!("kill-{round}");
            let mut draw = hrss(home.path(), &db.url).args(run(&name)).spawn().unwrap();
            killed_running += u64::from(kill_after(&mut draw, ms));
            // Every draw recorded has each inspection it drew, and its audit entry.
            let draws = db.rows("SELECT id FROM draw ORDER BY id").await;
            for id in &draws {
                let result = db
                    .text(&format!("SELECT result FROM draw WHERE id = {id}"))
                    .await;
                let picks: serde_json::Value = serde_json::from_str(&result).unwrap();
                let drawn = picks["picks"].as_array().unwrap().len() as i64;
                let planned = db
                    .scalar(&format!(
                        "SELECT COUNT(*) FROM inspection WHERE draw_id = {id}"
                    ))
                    .await;
                assert_eq!(
                    drawn, planned,
                    "{}: draw {id} after a kill at {ms} ms",
                    db.label
                );
            }
            // Draws and their audit entries in one snapshot (a draw may
            // commit after the list above was read).
            let unlogged = db
                .scalar("SELECT (SELECT COUNT(*) FROM draw) - (SELECT COUNT(*) FROM audit_log WHERE action = 'draw.run')")
                .await;
            assert_eq!(unlogged, 0, "{}: after a kill at {ms} ms", db.label);
            let orphans = db
                .scalar("SELECT COUNT(*) FROM inspection WHERE draw_id IS NOT NULL AND draw_id NOT IN (SELECT id FROM draw)")
                .await;
            assert_eq!(orphans, 0, "{}", db.label);
            ok(&db, home.path(), &["audit", "verify"]);
        }
        assert!(
            killed_running >= MID_RUN,
            "{}: kills landed while the draw ran ({killed_running})",
            db.label
        );
        // The program goes on: a draw run to its end is recorded and replays.
        ok(
            &db,
            home.path(),
            &[
                "--user", "liuyang", "draw", "run", "--name", "after", "--ratio", "5%",
            ],
        );
        let last = db.scalar("SELECT MAX(id) FROM draw").await.to_string();
        ok(&db, home.path(), &["draw", "replay", &last]);
    }
}

//! The audit trail against an insider (issue 19, point 4): the log refuses
//! to be changed or cut on both databases; `audit verify` shows the head;
//! `audit anchor` records it outside the database; and a log cut or
//! rewritten by someone who dropped the guards is caught by `--anchors`.

use crate::common::cli::Demo;
use crate::common::{TestDb, UNGUARD_AUDIT_SQLITE};
use hrss_desk::domain::audit::{audit_time, entry_hash};
use predicates::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_log_refuses_changes_and_the_head_only_moves_forward() {
    for db in TestDb::all().await {
        let store = db.open().await;
        store
            .add_staff("root", "a1", "甲", &[hrss_desk::domain::Role::Clerk], false)
            .await
            .unwrap();
        store
            .add_staff("root", "b2", "乙", &[hrss_desk::domain::Role::Clerk], false)
            .await
            .unwrap();
        for sql in [
            "UPDATE audit_log SET detail = 'x' WHERE seq = 1",
            "DELETE FROM audit_log WHERE seq = 2",
            "UPDATE audit_head SET seq = 1",
            "UPDATE audit_head SET seq = 3",
            "DELETE FROM audit_head",
        ] {
            let e = db.try_raw(sql).await.expect_err(sql);
            assert!(e.contains("audit"), "{}: {sql}: {e}", db.label);
        }
        if db.label != "sqlite" {
            let e = db.try_raw("TRUNCATE audit_log CASCADE").await.unwrap_err();
            assert!(e.contains("append-only"), "{e}");
        }
        // Appending still works, and the chain is whole.
        store
            .add_staff("root", "c3", "丙", &[hrss_desk::domain::Role::Clerk], false)
            .await
            .unwrap();
        assert!(store.verify_audit().await.unwrap().is_ok(), "{}", db.label);
        store.close().await;
    }
}

/// One more audited act: a lead recorded by the chief.
fn more_work(d: &Demo) {
    d.run(&[
        "--user",
        "liuyang",
        "lead",
        "add",
        "1",
        "--source",
        "patrol",
        "--summary",
        "巡查",
    ])
    .success();
}

fn stdout(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// The insider's second move: entry `gone` removed and every later entry
/// renumbered and rehashed, head and all, so the chain alone is whole.
async fn rechain_without(d: &Demo, gone: i64) {
    let pool = sqlx::SqlitePool::connect(&crate::common::cli::url(&d.db))
        .await
        .unwrap();
    sqlx::raw_sql(UNGUARD_AUDIT_SQLITE)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_log WHERE seq = $1")
        .bind(gone)
        .execute(&pool)
        .await
        .unwrap();
    let rows: Vec<(i64, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT seq, at, actor, action, entity, entity_id, detail FROM audit_log
          WHERE seq > $1 ORDER BY seq",
    )
    .bind(gone)
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut prev: String = sqlx::query_scalar("SELECT hash FROM audit_log WHERE seq = $1")
        .bind(gone - 1)
        .fetch_one(&pool)
        .await
        .unwrap();
    for (seq, at, actor, action, entity, entity_id, detail) in rows {
        let at = audit_time(
            chrono::DateTime::parse_from_rfc3339(&at.replace(' ', "T"))
                .map(|t| t.with_timezone(&chrono::Utc))
                .unwrap_or_else(|_| {
                    chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S%.f%:z")
                        .unwrap()
                        .and_utc()
                }),
        );
        let new = seq - 1;
        let hash = entry_hash(
            new, at, &actor, &action, &entity, &entity_id, &detail, &prev,
        );
        sqlx::query("UPDATE audit_log SET seq = $1, prev_hash = $2, hash = $3 WHERE seq = $4")
            .bind(new)
            .bind(&prev)
            .bind(&hash)
            .bind(seq)
            .execute(&pool)
            .await
            .unwrap();
        prev = hash;
    }
    sqlx::query("UPDATE audit_head SET seq = seq - 1, hash = $1")
        .bind(&prev)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_log_cut_or_rechained_passes_alone_and_is_caught_by_the_anchors() {
    let d = Demo::new();
    let anchors = d.dir.path().join("anchors.txt");
    let anchors_s = anchors.to_str().unwrap();
    // No anchor file set and none named: one sentence.
    d.run(&["--user", "zhaojing", "audit", "anchor"])
        .code(2)
        .stderr(predicate::str::contains("audit_anchor_file"));
    // A clerk may not anchor.
    d.run(&["--user", "wangfang", "audit", "anchor", "--to", anchors_s])
        .code(1);
    assert!(!anchors.exists());
    // The office's file names the anchor file.
    std::fs::write(
        d.dir.path().join("office.toml"),
        format!("audit_anchor_file = \"{anchors_s}\"\n"),
    )
    .unwrap();
    let out = stdout(d.run(&["--user", "zhaojing", "audit", "anchor"]).success());
    let head: i64 = d.scalar("SELECT seq FROM audit_head").parse().unwrap();
    let hash = d.scalar("SELECT hash FROM audit_head");
    assert!(
        out.contains(&format!("日志头：第{head}条，哈希 {hash}")),
        "{out}"
    );
    assert!(
        out.contains(&format!("已将日志头（第{head}条）记入锚点文件")),
        "{out}"
    );
    // More work, another anchor, then `verify` holds against both.
    more_work(&d);
    d.run(&["--user", "zhaojing", "audit", "anchor", "--to", anchors_s])
        .success();
    let text = std::fs::read_to_string(&anchors).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.starts_with(&format!("{head}\t{hash}\t")), "{text}");
    let verified = stdout(
        d.run(&[
            "--user",
            "zhaojing",
            "audit",
            "verify",
            "--anchors",
            anchors_s,
        ])
        .success(),
    );
    assert!(verified.contains("全部2个锚点"), "{verified}");

    // Cut: the last entries deleted and the head moved back past the guards.
    let kept = head - 1;
    d.sql(UNGUARD_AUDIT_SQLITE);
    d.sql(&format!(
        "DELETE FROM audit_log WHERE seq > {kept};
         UPDATE audit_head SET seq = {kept}, hash = (SELECT hash FROM audit_log WHERE seq = {kept});"
    ));
    d.run(&["--user", "zhaojing", "audit", "verify"]).success();
    d.run(&[
        "--user",
        "zhaojing",
        "audit",
        "verify",
        "--anchors",
        anchors_s,
    ])
    .code(1)
    .stderr(predicate::str::contains(format!(
        "审计日志被截断：外部锚点记录到第{head}条，日志只到第{kept}条"
    )));

    // Rechained: an entry in the middle removed, the rest rehashed.
    let d = Demo::new();
    let anchors = d.dir.path().join("anchors.txt");
    let anchors_s = anchors.to_str().unwrap();
    d.run(&["--user", "zhaojing", "audit", "anchor", "--to", anchors_s])
        .success();
    let head: i64 = d.scalar("SELECT seq FROM audit_head").parse().unwrap();
    more_work(&d);
    rechain_without(&d, head / 2).await;
    d.run(&["--user", "zhaojing", "audit", "verify"]).success();
    d.run(&[
        "--lang",
        "en",
        "--user",
        "zhaojing",
        "audit",
        "verify",
        "--anchors",
        anchors_s,
    ])
    .code(1)
    .stderr(predicate::str::contains(format!(
        "Audit entry {head} no longer has the hash its anchor recorded"
    )));

    // An anchor file that is not one, and a link planted at its name.
    std::fs::write(&anchors, "nonsense\n").unwrap();
    d.run(&[
        "--user",
        "zhaojing",
        "audit",
        "verify",
        "--anchors",
        anchors_s,
    ])
    .code(2)
    .stderr(predicate::str::contains("第1行不是锚点"));
    let victim = d.dir.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    let link = d.dir.path().join("link");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    d.run(&[
        "--user",
        "zhaojing",
        "audit",
        "anchor",
        "--to",
        link.to_str().unwrap(),
    ])
    .code(1)
    .stderr(predicate::str::contains("符号链接"));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
}

/// On PostgreSQL the desks connect with the role `docs/postgres-desk-role.sql`
/// makes: their work goes on, while the log cannot be changed even with the
/// guards' own powers (dropping a trigger needs the schema's owner).
#[tokio::test(flavor = "multi_thread")]
async fn the_desks_postgres_role_appends_to_the_log_and_can_do_nothing_else_to_it() {
    let Some(db) = TestDb::postgres().await else {
        eprintln!("skipped: no PostgreSQL here (CI has one)");
        return;
    };
    crate::common::demo_store(&db, 100).await.close().await;
    db.raw(include_str!("../../docs/postgres-desk-role.sql"))
        .await;
    let desk = db.as_role("hrss_desk");
    assert_ne!(desk.url, db.url, "the test database's URL names its user");
    let home = tempfile::tempdir().unwrap();
    let before = db.scalar("SELECT seq FROM audit_head").await;
    let out = crate::common::cli::program(home.path(), &desk.url)
        .args([
            "--user",
            "wulei",
            "lead",
            "add",
            "1",
            "--source",
            "patrol",
            "--summary",
            "巡查",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(db.scalar("SELECT seq FROM audit_head").await, before + 1);
    for sql in [
        "UPDATE audit_log SET detail = 'x' WHERE seq = 1",
        "DELETE FROM audit_log WHERE seq = 1",
        "TRUNCATE audit_log CASCADE",
        "DELETE FROM audit_head",
        "DROP TRIGGER audit_log_no_change ON audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "DELETE FROM schema_migration",
    ] {
        let e = desk.try_raw(sql).await.expect_err(sql);
        assert!(
            e.contains("permission denied") || e.contains("must be owner"),
            "{sql}: {e}"
        );
    }
}

/// The deployment guide's anchor file: append-only (`chattr +a`), so the
/// desks append heads to it and no one — its owner included — rewrites it.
#[test]
fn the_guides_append_only_anchor_file_takes_anchors_and_refuses_rewriting() {
    let d = Demo::new();
    let anchors = d.dir.path().join("audit-anchors");
    std::fs::write(&anchors, "").unwrap();
    let chattr = |flag: &str| {
        std::process::Command::new("chattr")
            .args([flag, anchors.to_str().unwrap()])
            .status()
            .is_ok_and(|s| s.success())
    };
    if !chattr("+a") {
        eprintln!("skipped: chattr +a is not available here (needs root and ext4 or the like)");
        return;
    }
    let anchored = d
        .run(&[
            "--user",
            "zhaojing",
            "audit",
            "anchor",
            "--to",
            anchors.to_str().unwrap(),
        ])
        .get_output()
        .status
        .success();
    let rewritten = std::fs::write(&anchors, "0\tforged\n").is_ok();
    chattr("-a");
    assert!(anchored, "an append-only anchor file takes anchors");
    assert!(!rewritten, "an append-only anchor file is not rewritten");
    assert_eq!(
        std::fs::read_to_string(&anchors).unwrap().lines().count(),
        1
    );
}

//! A draw, then an inspection recorded with a failed item, a rectification
//! with a deadline, and the rectification coming due — from the command line.

mod common;

use common::cli::Demo;
use predicates::prelude::*;

fn scalar(d: &Demo, sql: &str) -> String {
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])",
        ])
        .arg(&d.db)
        .arg(sql)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn a_drawn_inspection_fails_an_item_and_its_rectification_comes_due() {
    let d = Demo::new();
    d.run(&[
        "--user",
        "liuyang",
        "draw",
        "run",
        "--name",
        "季度抽查",
        "--kind",
        "hr-service",
        "--ratio",
        "5%",
        "--seed",
        "1",
    ])
    .success();
    let inspection = scalar(&d, "SELECT MIN(id) FROM inspection WHERE draw_id = 1");
    let licence = scalar(
        &d,
        &format!("SELECT licence_id FROM inspection WHERE id = {inspection}"),
    );
    // Every item is named once; a failure says what was found.
    d.run(&[
        "--user",
        "yangqiang",
        "inspect",
        "record",
        &inspection,
        "--item",
        "ledger=failed",
    ])
    .code(1)
    .stderr(predicate::str::contains("须写明发现的问题"));
    d.run(&[
        "--user",
        "yangqiang",
        "inspect",
        "record",
        &inspection,
        "--item",
        "ledger=failed:台账仅保存6个月",
    ])
    .code(1)
    .stderr(predicate::str::contains("尚未记录"));
    d.run(&[
        "--user",
        "yangqiang",
        "inspect",
        "record",
        &inspection,
        "--item",
        "ledger=failed:台账仅保存6个月",
        "--rest",
        "passed",
        "--origin",
        "routine",
        "--approach",
        "unannounced",
    ])
    .success()
    .stdout(predicate::str::contains("发现问题"));
    assert_eq!(
        scalar(
            &d,
            &format!("SELECT result FROM inspection WHERE id = {inspection}")
        ),
        "failed"
    );
    assert_eq!(
        scalar(
            &d,
            &format!("SELECT COUNT(*) FROM inspection_item WHERE inspection_id = {inspection}")
        ),
        "5"
    );
    d.run(&[
        "--user",
        "yangqiang",
        "inspect",
        "record",
        &inspection,
        "--rest",
        "passed",
    ])
    .code(1)
    .stderr(predicate::str::contains("已记录结果"));
    // A rectification with a deadline, on the HR agencies' ladder.
    d.run(&[
        "--user",
        "liuyang",
        "sanction",
        "add",
        &licence,
        "stop-enrolment",
        "--reason",
        "x",
    ])
    .code(1)
    .stderr(predicate::str::contains("warn-rectify → revoke"));
    d.run(&[
        "--user",
        "liuyang",
        "sanction",
        "add",
        &licence,
        "warn-rectify",
        "--deadline",
        "2099-01-15",
        "--reason",
        "服务台账保存不足2年",
    ])
    .success()
    .stdout(predicate::str::contains("警告并责令限期改正"));
    // Not yet due; due the day after its deadline with no re-inspection.
    let due = |on: &str| {
        String::from_utf8(
            d.run(&["sanction", "due", "--on", on])
                .success()
                .get_output()
                .stdout
                .clone(),
        )
        .unwrap()
    };
    assert!(due("2099-01-15").is_empty());
    assert!(
        due("2099-01-16").contains("2099-01-15"),
        "{}",
        due("2099-01-16")
    );
    d.run(&["--user", "zhaojing", "audit", "verify"]).success();
}

#[test]
fn an_agreement_suspended_twice_in_its_term_must_be_terminated() {
    let d = Demo::new();
    let licence = scalar(
        &d,
        "SELECT MIN(id) FROM licence WHERE kind = 'designated-clinic' AND status = 'valid'",
    );
    for _ in 0..1 {
        d.run(&[
            "--user",
            "liuyang",
            "sanction",
            "add",
            &licence,
            "suspend-agreement",
            "--reason",
            "违规结算",
        ])
        .success()
        .stdout(
            predicate::str::contains("中止协议").and(predicate::str::contains("须解除协议").not()),
        );
    }
    d.run(&[
        "--user",
        "liuyang",
        "sanction",
        "add",
        &licence,
        "suspend-agreement",
        "--reason",
        "再次违规",
    ])
    .success()
    .stdout(predicate::str::contains("须解除协议"));
    d.run(&[
        "--user",
        "liuyang",
        "sanction",
        "add",
        &licence,
        "terminate",
        "--reason",
        "两次中止",
    ])
    .success();
    d.run(&[
        "--user",
        "liuyang",
        "sanction",
        "add",
        &licence,
        "interview",
        "--reason",
        "x",
    ])
    .code(1)
    .stderr(predicate::str::contains("协议已解除"));
}

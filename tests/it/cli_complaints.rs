//! `hrss-desk complaints …`: intake as a clerk or the section chief uses it.

use crate::common;

use common::cli::Demo;
use predicates::prelude::*;

#[test]
fn a_complaint_is_registered_and_accepted_into_a_case() {
    let d = Demo::new();
    let uscc = d.scalar("SELECT uscc FROM employer WHERE status = 'active' ORDER BY id LIMIT 1");
    let add = |violation: &str| {
        d.run(&[
            "--user",
            "wangfang",
            "complaints",
            "add",
            "--complainant",
            "张伟",
            "--id-number",
            "360426199101010071",
            "--phone",
            "13812345678",
            "--respondent-uscc",
            &uscc,
            "--matters",
            "wages",
            "--facts",
            "拖欠三个月工资",
            "--channel",
            "hotline",
            "--violation-on",
            violation,
        ])
    };
    let out = add("2026-09-01")
        .success()
        .stdout(predicate::str::contains("投诉已登记"));
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("应予受理"), "{text}");
    let id = d.scalar("SELECT MAX(id) FROM complaint");
    d.run(&["--user", "wangfang", "complaints", "decide", &id])
        .code(1)
        .stderr(predicate::str::contains("科室负责人"));
    d.run(&["--user", "liuyang", "complaints", "decide", &id])
        .success()
        .stdout(predicate::str::contains("已受理，已登记案件鹿人社监案〔"));
    d.run(&["--user", "liuyang", "complaints", "decide", &id])
        .code(1)
        .stderr(predicate::str::contains("已作出决定"));
    // The new case waits in the queue with the acceptance's clock.
    let stage = d.scalar(&format!(
        "SELECT stage || ' ' || due_rule FROM inspection_case WHERE complaint_id = {id}"
    ));
    assert_eq!(stage, "registered accept");
    // Too old: refused in writing, no case.
    add("2020-01-01")
        .success()
        .stdout(predicate::str::contains("超过2年查处时效"));
    let old = d.scalar("SELECT MAX(id) FROM complaint");
    d.run(&["--user", "liuyang", "complaints", "decide", &old])
        .success()
        .stdout(predicate::str::contains("不予受理"));
    // The complainant's ID number and phone never reach the audit log.
    let leaked = d.scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%360426199101010071%' OR detail LIKE '%13812345678%'",
    );
    assert_eq!(leaked, "0");
    d.run(&["--user", "zhaojing", "audit", "verify"]).success();
}

#[test]
fn bad_intake_gets_one_sentence_and_nothing_is_written() {
    let d = Demo::new();
    let before = d.scalar("SELECT COUNT(*) FROM complaint");
    d.run(&[
        "--user",
        "wangfang",
        "complaints",
        "add",
        "--complainant",
        "张伟",
        "--respondent",
        "某公司",
        "--matters",
        "wages",
        "--channel",
        "pigeon",
    ])
    .code(1)
    .stderr(predicate::str::contains("投诉渠道“pigeon”无效"));
    d.run(&[
        "--user",
        "wangfang",
        "complaints",
        "add",
        "--complainant",
        "张伟",
        "--respondent",
        "某公司",
        "--matters",
        "gossip",
        "--channel",
        "hotline",
    ])
    .code(2)
    .stderr(predicate::str::contains("没有“gossip”这一监察事项"));
    d.run(&[
        "--lang",
        "en",
        "--user",
        "wangfang",
        "complaints",
        "add",
        "--complainant",
        "张伟",
        "--respondent-uscc",
        "91110000600037341L",
        "--matters",
        "wages",
        "--channel",
        "hotline",
    ])
    .code(1)
    .stderr(predicate::str::contains("No employer on the register"));
    d.run(&[
        "--user",
        "wangfang",
        "complaints",
        "add",
        "--complainant",
        "张伟",
        "--respondent",
        "某公司",
        "--matters",
        "wages",
        "--channel",
        "hotline",
        "--received",
        "2099-01-01",
    ])
    .code(1)
    .stderr(predicate::str::contains("不能晚于今天"));
    assert_eq!(d.scalar("SELECT COUNT(*) FROM complaint"), before);
}

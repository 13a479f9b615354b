//! The smaller refusals of issue 19, point 13: a day that does not exist
//! is told as such; a person hired before being born, a 10,000-character
//! name and a 100 KB notice are refused in one sentence with nothing
//! written; a dry run writes no file at all.

use crate::common::cli::Demo;
use predicates::prelude::*;

fn one_sentence(a: assert_cmd::assert::Assert, says: &str) {
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains(says), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
}

#[test]
fn a_day_that_does_not_exist_is_told_as_such() {
    let d = Demo::new();
    one_sentence(
        d.run(&[
            "calendar",
            "add",
            "--from",
            "2026-02-29",
            "--working-days",
            "3",
        ])
        .code(2),
        "日期“2026-02-29”不存在",
    );
    one_sentence(
        d.run(&["calendar", "add", "--from", "明天", "--working-days", "3"])
            .code(2),
        "格式不对",
    );
}

#[test]
fn huge_names_and_notices_are_refused_and_nothing_is_written() {
    let d = Demo::new();
    let audit = || d.scalar("SELECT COUNT(*) FROM audit_log");
    let before = audit();
    let long_name = "张".repeat(10_000);
    one_sentence(
        d.run(&[
            "--user", "zhaojing", "staff", "add", "newclerk", "--name", &long_name, "--roles",
            "clerk",
        ])
        .code(2),
        "不超过50个字",
    );
    one_sentence(
        d.run(&[
            "--user",
            "wangfang",
            "complaints",
            "add",
            "--complainant",
            &long_name,
            "--respondent",
            "鹿泉区某商贸有限公司",
            "--matters",
            "wages",
            "--channel",
            "window",
        ])
        .code(1),
        "投诉人姓名超过200个字",
    );
    let (id, _) = crate::cli::pending(&d, true);
    let notice = "补".repeat(35_000);
    one_sentence(
        d.run(&[
            "--user",
            "wangfang",
            "filings",
            "return",
            &id.to_string(),
            "--notice",
            &notice,
        ])
        .code(1),
        "超过20000个字",
    );
    assert_eq!(
        d.scalar(&format!("SELECT status FROM filing WHERE id = {id}")),
        "pending"
    );
    assert_eq!(audit(), before, "nothing written");
}

#[test]
fn a_person_hired_before_birth_is_refused_and_a_dry_run_writes_no_file() {
    let d = Demo::new();
    let csv = d.dir.path().join("persons.csv");
    std::fs::write(
        &csv,
        "公民身份号码,姓名,入职日期\n110101199003074514,张三,1989-01-01\n123,李四,2020-01-01\n",
    )
    .unwrap();
    let report = d.dir.path().join("persons.errors.csv");
    let out = d
        .run(&[
            "--user",
            "wangfang",
            "import",
            "persons",
            csv.to_str().unwrap(),
            "--dry-run",
        ])
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("第2行「入职日期」：入职日期早于身份证号所示的出生日期 1990-03-07"),
        "{err}"
    );
    assert!(
        err.contains("第3行「公民身份号码」"),
        "every problem said: {err}"
    );
    assert!(err.contains("未写任何文件"), "{err}");
    assert!(!report.exists(), "a dry run wrote {}", report.display());
    // Without --dry-run the report is written, as before.
    d.run(&[
        "--user",
        "wangfang",
        "import",
        "persons",
        csv.to_str().unwrap(),
    ])
    .code(1)
    .stderr(predicate::str::contains("persons.errors.csv"));
    assert!(report.exists());
}

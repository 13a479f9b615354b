//! `hrss-desk cases …` as a script or an inspector uses it.

use crate::common;

use common::cli::Demo;
use predicates::prelude::*;

fn json(out: &assert_cmd::assert::Assert) -> Vec<serde_json::Value> {
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn cases_due_lists_every_open_case_with_its_next_deadline() {
    let d = Demo::new();
    let out = d
        .run(&["cases", "due", "--on", "2026-11-27", "--json"])
        .success();
    let cases = json(&out);
    assert!(!cases.is_empty());
    for c in &cases {
        for field in [
            "id",
            "stage",
            "respondent",
            "next_deadline",
            "deadline_rule",
            "working_days_left",
            "overdue",
        ] {
            assert!(c.get(field).is_some(), "{field} in {c}");
        }
        assert_ne!(c["stage"], "closed");
    }
    assert!(cases.iter().any(|c| c["overdue"] == true));
    assert!(cases.iter().any(|c| c["deadline_rule"] == "investigation"));
    // As of a later day, more are overdue and fewer working days are left.
    let later = json(
        &d.run(&["cases", "due", "--on", "2027-03-01", "--json"])
            .success(),
    );
    let overdue = |v: &[serde_json::Value]| v.iter().filter(|c| c["overdue"] == true).count();
    assert!(overdue(&later) > overdue(&cases));
    // The text form says how each date was reached, each line starting
    // with the id `cases move` takes.
    let text = String::from_utf8(
        d.run(&["cases", "due", "--on", "2026-11-27"])
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(text.contains("个工作日"), "{text}");
    let first = text.lines().next().unwrap();
    let id: i64 = first.split('\t').next().unwrap().parse().unwrap();
    assert_eq!(id, cases[0]["id"].as_i64().unwrap(), "{first}");
}

#[test]
fn bad_input_to_cases_gets_one_sentence_and_a_non_zero_exit() {
    let d = Demo::new();
    d.run(&["cases", "due", "--on", "2026-13-01"])
        .code(2)
        .stderr(predicate::str::contains("这一天不存在"));
    d.run(&["cases", "due", "--on", "下周一"])
        .code(2)
        .stderr(predicate::str::contains("不是日期"));
    d.run(&["cases", "move", "1", "fly"])
        .code(2)
        .stderr(predicate::str::contains("没有“fly”这一步"));
    d.run(&["--lang", "en", "cases", "move", "999999", "open"])
        .code(1)
        .stderr(predicate::str::contains("There is no case 999999"));
    d.run(&["cases", "file", "1", "selfie", "--kept-at", "档案室"])
        .code(2)
        .stderr(predicate::str::contains("没有“selfie”"));
}

#[test]
fn a_case_is_assigned_opened_and_refused_a_step_it_cannot_take() {
    let d = Demo::new();
    let due = json(&d.run(&["cases", "due", "--json"]).success());
    let id = due.iter().find(|c| c["stage"] == "preliminary").unwrap()["id"].to_string();
    d.run(&[
        "--user",
        "liuyang",
        "cases",
        "assign",
        &id,
        "--officer",
        "wulei",
        "--inspectors",
        "wulei",
    ])
    .code(1)
    .stderr(predicate::str::contains("至少2名"));
    d.run(&[
        "--user",
        "liuyang",
        "cases",
        "assign",
        &id,
        "--officer",
        "wulei",
        "--inspectors",
        "wulei,huangwei",
    ])
    .success()
    .stdout(predicate::str::contains("已指派2名监察员"));
    // The case officer may not approve the opening; an inspector may not at all.
    d.run(&["--user", "wulei", "cases", "move", &id, "open"])
        .code(1)
        .stderr(predicate::str::contains("科室负责人"));
    d.run(&["--user", "liuyang", "cases", "move", &id, "decide"])
        .code(1)
        .stderr(predicate::str::contains("不能进行这一步"));
    d.run(&["--user", "liuyang", "cases", "move", &id, "open"])
        .success()
        .stdout(predicate::str::contains("立案已办理"));
    d.run(&[
        "--user",
        "wulei",
        "cases",
        "file",
        &id,
        "inquiry-record",
        "--kept-at",
        "监察大队档案室",
        "--note",
        "询问张某",
    ])
    .success()
    .stdout(predicate::str::contains("询问笔录"));
    d.run(&["--user", "zhaojing", "audit", "verify"]).success();
}

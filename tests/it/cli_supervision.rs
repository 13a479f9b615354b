//! A draw, then an inspection recorded with a failed item, a rectification
//! with a deadline, and the rectification coming due — from the command line.

use crate::common;

use common::cli::Demo;
use predicates::prelude::*;

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
    let inspection = d.scalar("SELECT MIN(id) FROM inspection WHERE draw_id = 1");
    let licence = d.scalar(&format!(
        "SELECT licence_id FROM inspection WHERE id = {inspection}"
    ));
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
        d.scalar(&format!(
            "SELECT result FROM inspection WHERE id = {inspection}"
        )),
        "failed"
    );
    assert_eq!(
        d.scalar(&format!(
            "SELECT COUNT(*) FROM inspection_item WHERE inspection_id = {inspection}"
        )),
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
    .stderr(predicate::str::contains(
        "rectify → warn-rectify → fine → revoke",
    ));
    d.run(&[
        "--user",
        "liuyang",
        "sanction",
        "add",
        &licence,
        "rectify",
        "--deadline",
        "2099-01-15",
        "--reason",
        "服务台账保存不足2年",
    ])
    .success()
    .stdout(predicate::str::contains("限期整改"));
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
    let licence = d.scalar(
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
            "--until",
            "2027-01-31",
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
        "--until",
        "2027-02-28",
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

#[test]
fn settlement_figures_are_imported_whole_and_their_outliers_become_audit_tasks() {
    let d = Demo::new();
    // Six clinics of one zone, six months each; one month of one clinic stands out.
    let zone = d.scalar("SELECT zone FROM licence WHERE kind = 'designated-clinic' GROUP BY zone ORDER BY COUNT(*) DESC LIMIT 1",
    );
    let numbers = d.scalar(&format!(
            "SELECT GROUP_CONCAT(number, '|') FROM (SELECT number FROM licence WHERE kind = 'designated-clinic' AND zone = '{zone}' ORDER BY id LIMIT 6)"
        ),
    );
    let numbers: Vec<&str> = numbers.split('|').collect();
    assert!(numbers.len() >= 3, "{numbers:?}");
    let mut csv = String::from("许可证号,年月,就诊人次,门诊费用,服务人数\n");
    for (i, n) in numbers.iter().enumerate() {
        for m in 1..=6 {
            let cost = if i == 0 && m == 5 { "400000" } else { "150000" };
            csv.push_str(&format!("{n},2026{m:02},1000,{cost},400\n"));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("settle.csv");
    std::fs::write(&file, &csv).unwrap();
    let f = file.to_str().unwrap();
    d.run(&["--user", "yangqiang", "settlement", "import", f])
        .success()
        .stdout(predicate::str::contains(format!(
            "已导入{}个月度结算数据",
            numbers.len() * 6
        )));
    let out = d
        .run(&["--user", "yangqiang", "settlement", "audit"])
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains(&format!("{} 202605：次均费用400.00元", numbers[0])),
        "{text}"
    );
    assert!(text.contains("新建审核任务"), "{text}");
    let tasks = d.scalar("SELECT COUNT(*) FROM audit_task");
    assert_ne!(tasks, "0");
    // Each task waits in the inspection queue with its figures.
    let out = d.run(&["inspect", "queue"]).success();
    let queue = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(queue.contains(&format!("审核任务{tasks}项")), "{queue}");
    let line = queue
        .lines()
        .find(|l| l.starts_with("审核 #") && l.contains(numbers[0]))
        .unwrap_or_else(|| panic!("{queue}"));
    assert!(
        line.ends_with("202605：次均费用400.00元，高于片区中位数150.00元的2倍"),
        "{line}"
    );
    // Audited again: the same flags, no new tasks.
    d.run(&["--user", "yangqiang", "settlement", "audit"])
        .success()
        .stdout(predicate::str::contains("新建审核任务0项"));
    // A bad line: one sentence naming it, nothing imported.
    let before = d.scalar("SELECT COUNT(*) FROM settlement_month");
    std::fs::write(&file, format!("{},2026-07,1000,150000,400\n", numbers[0])).unwrap();
    d.run(&["--user", "yangqiang", "settlement", "import", f])
        .code(1)
        .stderr(predicate::str::contains("第1行").and(predicate::str::contains("未导入任何数据")));
    std::fs::write(&file, "XX-999,202607,1,1,1\n").unwrap();
    d.run(&["--user", "yangqiang", "settlement", "import", f])
        .code(1)
        .stderr(predicate::str::contains("没有许可证号为XX-999的协议机构"));
    assert_eq!(d.scalar("SELECT COUNT(*) FROM settlement_month"), before);
}

#[test]
fn annual_reports_are_counted_and_a_failed_school_may_not_enrol_until_it_passes() {
    let d = Demo::new();
    // The year's reports, due on 31 March of the year after: none is due yet for 2098 (due 31 March 2099).
    let out = d.run(&["annual", "status", "--year", "2098"]).success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.starts_with("2098年度报告：按时0，逾期0，未报0，未到期"),
        "{text}"
    );
    let agency =
        d.scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'");
    d.run(&[
        "--user", "wangfang", "annual", "receive", &agency, "--year", "2098",
    ])
    .success()
    .stdout(predicate::str::contains("年度报告已收到"));
    let out = d.run(&["annual", "status", "--year", "2098"]).success();
    assert!(
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .starts_with("2098年度报告：按时1")
    );
    // A school rated 不合格 is flagged until a re-check passes.
    let school =
        d.scalar("SELECT MIN(id) FROM licence WHERE kind = 'training-school' AND status = 'valid'");
    d.run(&[
        "--user",
        "yangqiang",
        "annual",
        "result",
        &school,
        "--year",
        "2026",
        "failed",
        "--note",
        "实地检查不合格",
    ])
    .success()
    .stdout(predicate::str::contains("复查合格前不得招生"));
    d.run(&[
        "--user",
        "yangqiang",
        "annual",
        "result",
        &school,
        "--year",
        "2027",
        "passed",
    ])
    .success()
    .stdout(predicate::str::contains("合格").and(predicate::str::contains("不得招生").not()));
    d.run(&["annual", "result", &school, "--year", "2026", "maybe"])
        .code(2)
        .stderr(predicate::str::contains("不是检查结果"));
    // The on-site sample: at least 30 % of the schools, the same for the same seed.
    let a = d
        .run(&["annual", "sample", "--year", "2026", "--seed", "5"])
        .success()
        .get_output()
        .stdout
        .clone();
    let b = d
        .run(&["annual", "sample", "--year", "2026", "--seed", "5"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(a, b);
    let text = String::from_utf8(a).unwrap();
    assert!(text.contains("不低于30%"), "{text}");
}

#[test]
fn the_public_register_lists_licence_holders_with_their_sanction_steps() {
    let d = Demo::new();
    let licence =
        d.scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'");
    let number = d.scalar(&format!("SELECT number FROM licence WHERE id = {licence}"));
    d.run(&[
        "--user",
        "liuyang",
        "sanction",
        "add",
        &licence,
        "rectify",
        "--until",
        "2099-01-31",
        "--reason",
        "公示事项不全",
    ])
    .success();
    let out = d
        .run(&["register", "export", "--kind", "hr-service"])
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(
        lines.len() as i64 - 1,
        d.scalar("SELECT COUNT(*) FROM licence WHERE kind = 'hr-service'")
            .parse::<i64>()
            .unwrap()
    );
    let row = lines.iter().find(|l| l.contains(&number)).unwrap();
    assert!(row.ends_with("\"1\""), "{row}");
    assert!(row.contains("人力资源服务许可证"), "{row}");
    d.run(&["register", "export", "--kind", "casino"]).code(2);
}

#[test]
fn the_years_annual_results_export_as_csv_for_the_city_bureau() {
    let d = Demo::new();
    let school =
        d.scalar("SELECT MIN(id) FROM licence WHERE kind = 'training-school' AND status = 'valid'");
    let number = d.scalar(&format!("SELECT number FROM licence WHERE id = {school}"));
    d.run(&[
        "--user",
        "yangqiang",
        "annual",
        "receive",
        &school,
        "--year",
        "2026",
    ])
    .success();
    d.run(&[
        "--user",
        "yangqiang",
        "annual",
        "result",
        &school,
        "--year",
        "2026",
        "failed",
    ])
    .success();
    let out = d
        .run(&[
            "annual",
            "export",
            "--year",
            "2026",
            "--kind",
            "training-school",
        ])
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("\u{feff}\"年度\""), "{text}");
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    let valid = d
        .scalar("SELECT COUNT(*) FROM licence WHERE kind = 'training-school' AND status = 'valid'");
    assert_eq!((lines.len() - 1).to_string(), valid);
    let row = lines.iter().find(|l| l.contains(&number)).unwrap();
    // Due 31 March of the year after; received and rated 不合格.
    assert!(row.contains("\"2027-03-31\""), "{row}");
    assert!(row.ends_with("\"不合格\""), "{row}");
    let others = lines.iter().filter(|l| l.ends_with("\"未评定\"")).count();
    assert_eq!(others, lines.len() - 2);
    let en = d
        .run(&[
            "--lang",
            "en",
            "annual",
            "export",
            "--year",
            "2026",
            "--kind",
            "training-school",
        ])
        .success();
    assert!(String::from_utf8_lossy(&en.get_output().stdout).contains("\"failed\""));
    d.run(&["annual", "export", "--year", "2026", "--kind", "casino"])
        .code(2);
}

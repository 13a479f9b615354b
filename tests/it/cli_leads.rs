//! Leads about a licence holder recorded, listed, and starting one
//! inspection with a lawful team — from the command line.

use crate::common;

use assert_cmd::assert::Assert;
use common::cli::Demo;
use predicates::prelude::*;

/// `lead inspect LEAD` as `user` with the team and any further arguments.
fn start(d: &Demo, user: &str, lead: &str, team: &[&str], extra: &[&str]) -> Assert {
    let mut args = vec!["--user", user, "lead", "inspect", lead];
    for t in team {
        args.extend(["--inspector", t]);
    }
    args.extend(extra);
    d.run(&args)
}

fn stdout(a: Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_lead_is_recorded_and_starts_one_inspection_with_two_inspectors() {
    let d = Demo::new();
    let licence =
        d.scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'");
    let number = d.scalar(&format!("SELECT number FROM licence WHERE id = {licence}"));
    d.run(&[
        "--user",
        "wulei",
        "lead",
        "add",
        &licence,
        "--source",
        "media",
        "--summary",
        "报道称该机构向求职者收取押金",
    ])
    .success()
    .stdout(
        predicate::str::contains("已登记线索#1").and(predicate::str::contains(number.as_str())),
    );
    let list = stdout(d.run(&["lead", "list", "--open"]).success());
    assert!(list.starts_with("线索1条，未启动检查1条"), "{list}");
    assert!(
        list.contains("媒体报道\t报道称该机构向求职者收取押金\t-"),
        "{list}"
    );

    // One inspector, a clerk, a stranger: refused, nothing written.
    let pending = || d.scalar("SELECT COUNT(*) FROM inspection WHERE result = 'pending'");
    let before = pending();
    start(&d, "liuyang", "1", &["wulei"], &[])
        .code(1)
        .stderr(predicate::str::contains("两名以上监察员"));
    start(&d, "liuyang", "1", &["wulei", "lina"], &[])
        .code(1)
        .stderr(predicate::str::contains("“lina”不是在岗的监察员"));
    start(&d, "liuyang", "1", &["wulei", "nobody"], &[])
        .code(1)
        .stderr(predicate::str::contains("“nobody”不在工作人员名单中"));
    start(&d, "chenjie", "1", &["wulei", "yangqiang"], &[])
        .code(1)
        .stderr(predicate::str::contains(
            "只有劳动保障监察员、科室负责人可以根据线索启动检查。",
        ));
    start(
        &d,
        "liuyang",
        "1",
        &["wulei", "yangqiang"],
        &["--method", "by-phone"],
    )
    .code(1)
    .stderr(predicate::str::contains("不是检查方式"));
    start(
        &d,
        "liuyang",
        "1",
        &["wulei", "yangqiang"],
        &["--on", "2020-01-02"],
    )
    .code(1)
    .stderr(predicate::str::contains("计划日期2020-01-02早于今天"));
    assert_eq!(pending(), before);

    // Two inspectors: planned, in the queue, with its team; once only.
    start(
        &d,
        "liuyang",
        "1",
        &["wulei", "yangqiang"],
        &["--method", "written", "--on", "2099-12-01"],
    )
    .success()
    .stdout(predicate::str::contains("计划2099-12-01进行"));
    let inspection = d.scalar("SELECT inspection_id FROM licence_lead WHERE id = 1");
    assert_eq!(
        d.scalar(&format!(
            "SELECT COUNT(*) FROM inspection_inspector WHERE inspection_id = {inspection}"
        )),
        "2"
    );
    let queue = stdout(d.run(&["inspect", "queue"]).success());
    assert!(
        queue.contains(&format!("检查 #{inspection}\t2099-12-01\t{number}")),
        "{queue}"
    );
    start(&d, "liuyang", "1", &["wulei", "yangqiang"], &[])
        .code(1)
        .stderr(predicate::str::contains(format!("已启动检查#{inspection}")));
    assert_eq!(
        pending().parse::<i64>().unwrap(),
        before.parse::<i64>().unwrap() + 1
    );
    let list = stdout(d.run(&["lead", "list", "--open"]).success());
    assert!(list.starts_with("线索0条，未启动检查0条"), "{list}");
    let all = stdout(d.run(&["--lang", "en", "lead", "list"]).success());
    assert!(
        all.contains(&format!(
            "Media report\t报道称该机构向求职者收取押金\t#{inspection}"
        )),
        "{all}"
    );
    // Recorded without saying how it came about: from its lead, a media report.
    d.run(&[
        "--user",
        "wulei",
        "inspect",
        "record",
        &inspection,
        "--rest",
        "passed",
    ])
    .success();
    assert_eq!(
        d.scalar(&format!(
            "SELECT origin FROM inspection WHERE id = {inspection}"
        )),
        "media"
    );
}

#[test]
fn an_inspector_with_a_declared_interest_stands_aside() {
    let d = Demo::new();
    let licence =
        d.scalar("SELECT MIN(id) FROM licence WHERE kind = 'training-school' AND status = 'valid'");
    // The holder is also an employer wulei declared an interest in.
    d.sql(&format!(
        "UPDATE licence SET uscc = (SELECT uscc FROM employer WHERE id = 1) WHERE id = {licence};
         INSERT INTO staff_conflict (staff_id, employer_id, reason, declared_on)
         VALUES ((SELECT id FROM staff WHERE login = 'wulei'), 1, '亲属任职', '2026-01-05');"
    ));
    d.run(&[
        "--user",
        "wulei",
        "lead",
        "add",
        &licence,
        "--source",
        "patrol",
        "--summary",
        "巡查发现无证招生广告",
    ])
    .success();
    start(&d, "liuyang", "1", &["wulei", "yangqiang"], &[])
        .code(1)
        .stderr(predicate::str::contains("“wulei”已申报与该机构有利害关系"));
    assert_eq!(
        d.scalar("SELECT inspection_id FROM licence_lead WHERE id = 1"),
        "None"
    );
    start(&d, "liuyang", "1", &["zhouhao", "yangqiang"], &[]).success();
}

#[test]
fn a_lead_needs_a_known_licence_source_and_summary() {
    let d = Demo::new();
    d.run(&[
        "--user",
        "wulei",
        "lead",
        "add",
        "999999",
        "--source",
        "tip",
        "--summary",
        "x",
    ])
    .code(1)
    .stderr(predicate::str::contains("没有编号为999999的许可"));
    d.run(&[
        "--user",
        "wulei",
        "lead",
        "add",
        "1",
        "--source",
        "rumour",
        "--summary",
        "x",
    ])
    .code(1)
    .stderr(predicate::str::contains("不是线索来源"));
    d.run(&[
        "--user",
        "wulei",
        "lead",
        "add",
        "1",
        "--source",
        "tip",
        "--summary",
        "  ",
    ])
    .code(1)
    .stderr(predicate::str::contains("请写明线索内容"));
    start(&d, "wulei", "7", &["a", "b"], &[])
        .code(1)
        .stderr(predicate::str::contains("没有编号为7的线索"));
    assert_eq!(d.scalar("SELECT COUNT(*) FROM licence_lead"), "0");
}

#[test]
fn a_campaign_groups_inspections_planned_within_its_period_all_or_none() {
    let d = Demo::new();
    let first = d.scalar("SELECT MIN(planned_on) FROM inspection WHERE result = 'pending'");
    let last = d.scalar("SELECT MAX(planned_on) FROM inspection");
    assert_ne!(first, last, "the demo plans inspections on several days");
    d.run(&[
        "--user", "wulei", "campaign", "add", "--theme", "x", "--from", &first, "--to", &last,
    ])
    .code(1)
    .stderr(predicate::str::contains("由科室负责人部署"));
    d.run(&[
        "--user", "liuyang", "campaign", "add", "--theme", "倒序", "--from", &last, "--to", &first,
    ])
    .code(1)
    .stderr(predicate::str::contains("结束日期早于开始日期"));
    // The campaign runs from the first planned day to the day before the last.
    let end = d.scalar(&format!("SELECT date('{last}', '-1 day')"));
    d.run(&[
        "--user",
        "liuyang",
        "campaign",
        "add",
        "--theme",
        "清理整顿人力资源市场秩序",
        "--from",
        &first,
        "--to",
        &end,
    ])
    .success()
    .stdout(predicate::str::contains("已部署专项行动#1"));
    let inside = d.scalar(&format!(
        "SELECT MIN(id) FROM inspection WHERE planned_on = '{first}'"
    ));
    let outside = d.scalar(&format!(
        "SELECT MIN(id) FROM inspection WHERE planned_on = '{last}'"
    ));
    d.run(&[
        "--user",
        "yangqiang",
        "campaign",
        "group",
        "1",
        &inside,
        &outside,
    ])
    .code(1)
    .stderr(predicate::str::contains(format!(
        "检查#{outside}计划于{last}，不在本次行动期间内"
    )));
    assert_eq!(
        d.scalar("SELECT COUNT(*) FROM inspection WHERE campaign_id IS NOT NULL"),
        "0"
    );
    d.run(&["--user", "yangqiang", "campaign", "group", "1", &inside])
        .success()
        .stdout(predicate::str::contains("已将1项检查归入行动#1"));
    d.run(&["--user", "yangqiang", "campaign", "group", "1", &inside])
        .code(1)
        .stderr(predicate::str::contains(format!(
            "检查#{inside}已归入行动#1"
        )));
    d.run(&["--user", "yangqiang", "campaign", "group", "9", &inside])
        .code(1)
        .stderr(predicate::str::contains("没有编号为9的专项行动或巡查"));
    let show = stdout(d.run(&["campaign", "show", "1"]).success());
    let lines: Vec<&str> = show.lines().collect();
    assert!(
        lines[0].starts_with("专项行动#1\t清理整顿人力资源市场秩序")
            && lines[0].ends_with("检查1项，已完成0，不合格0"),
        "{show}"
    );
    assert!(
        lines[1].starts_with(&format!("#{inside}\t{first}\t")),
        "{show}"
    );
    assert!(lines[1].ends_with("待检查"), "{show}");
    d.run(&[
        "--user",
        "liuyang",
        "campaign",
        "add",
        "--theme",
        "春季市场巡查",
        "--from",
        &first,
        "--to",
        &last,
        "--patrol",
    ])
    .success()
    .stdout(predicate::str::contains("已部署巡查#2"));
    let list = stdout(d.run(&["--lang", "en", "campaign", "list"]).success());
    assert!(list.contains("Patrol #2\t春季市场巡查"), "{list}");
    assert!(
        list.contains("Campaign #1\t清理整顿人力资源市场秩序"),
        "{list}"
    );
    // Recorded without an origin: it came about in the campaign.
    d.run(&[
        "--user",
        "yangqiang",
        "inspect",
        "record",
        &inside,
        "--rest",
        "passed",
    ])
    .success();
    assert_eq!(
        d.scalar(&format!(
            "SELECT origin FROM inspection WHERE id = {inside}"
        )),
        "campaign"
    );
}

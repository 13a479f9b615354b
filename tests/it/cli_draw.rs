//! `hrss-desk draw …`: a random inspection draw run, replayed and published.

use crate::common;

use common::cli::Demo;
use predicates::prelude::*;

#[test]
fn a_draw_is_made_from_a_seed_shown_first_replayed_to_the_byte_and_published() {
    let d = Demo::new();
    let out = d
        .run(&[
            "--user",
            "liuyang",
            "draw",
            "run",
            "--name",
            "2026年第四季度人力资源服务机构抽查",
            "--kind",
            "hr-service",
            "--ratio",
            "10%",
            "--seed",
            "42",
        ])
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("随机种子已固定：42"), "{text}");
    assert!(text.contains("抽中13个对象"), "{text}"); // 10 % of 129, rounded up
    // Each drawn licence has an inspection with two inspectors.
    assert_eq!(
        d.scalar("SELECT COUNT(*) FROM inspection WHERE draw_id = 1"),
        "13"
    );
    assert_eq!(
        d.scalar("SELECT COUNT(*) FROM inspection_inspector ii JOIN inspection i ON i.id = ii.inspection_id WHERE i.draw_id = 1"
        ),
        "26"
    );
    d.run(&["draw", "replay", "1"])
        .success()
        .stdout(predicate::str::contains("逐字节一致"));
    d.run(&["--lang", "en", "draw", "show", "1"])
        .success()
        .stdout(predicate::str::contains("seed 42"));
    // The same seed over the same pools draws the same licences again.
    d.run(&[
        "--user",
        "liuyang",
        "draw",
        "run",
        "--name",
        "again",
        "--kind",
        "hr-service",
        "--ratio",
        "10%",
        "--seed",
        "42",
    ])
    .success();
    let drawn = |id: i64| {
        d.scalar(&format!(
                "SELECT GROUP_CONCAT(licence_id) FROM (SELECT licence_id FROM inspection WHERE draw_id = {id} ORDER BY licence_id)"
            ),
        )
    };
    assert_eq!(drawn(1), drawn(2));
    // An altered record no longer replays.
    d.sql("UPDATE draw SET result = replace(result, '\"target\":', '\"target\": ') WHERE id = 1;");
    d.run(&["draw", "replay", "1"])
        .code(1)
        .stderr(predicate::str::contains("不一致"));
    d.run(&["--user", "zhaojing", "audit", "verify"]).success();
}

#[test]
fn a_draw_is_refused_with_one_sentence_when_it_cannot_be_made() {
    let d = Demo::new();
    d.run(&[
        "--user", "wangfang", "draw", "run", "--name", "x", "--ratio", "5%",
    ])
    .code(1)
    .stderr(predicate::str::contains("科室负责人"));
    d.run(&[
        "--user", "liuyang", "draw", "run", "--name", "x", "--ratio", "150%",
    ])
    .code(2)
    .stderr(predicate::str::contains("不是比例"));
    d.run(&[
        "--user", "liuyang", "draw", "run", "--name", "x", "--ratio", "5%", "--kind", "casino",
    ])
    .code(2)
    .stderr(predicate::str::contains("没有“casino”这一许可类别"));
    d.run(&[
        "--user", "liuyang", "draw", "run", "--name", "x", "--ratio", "5%", "--zone", "NOWHERE",
    ])
    .code(1)
    .stderr(predicate::str::contains("对象库为空"));
    d.run(&["draw", "replay", "99"])
        .code(1)
        .stderr(predicate::str::contains("没有编号为99的抽查"));
    assert_eq!(d.scalar("SELECT COUNT(*) FROM draw"), "0");
}

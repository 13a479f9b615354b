//! Zone supervision from the command line: teams formed by a chief, and
//! the quarter's rota moving every team on.

use crate::common;

use common::cli::Demo;
use predicates::prelude::*;

fn rota(d: &Demo, period: &str) -> Vec<String> {
    let out = d.run(&["zone", "rota", "--period", period]).success();
    String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn teams_watch_zones_in_a_rota_that_moves_on_each_quarter() {
    let d = Demo::new();
    let zones: usize = d.scalar("SELECT COUNT(*) FROM zone").parse().unwrap();
    assert!(zones >= 2);
    let before = rota(&d, "2026Q4");
    assert_eq!(
        before[0],
        format!("2026Q4分区域监管：{zones}个片区，0个监察组，每季度轮换")
    );
    assert!(
        before[1].ends_with("（尚无监察组：用 zone team-add 组建）"),
        "{before:?}"
    );

    // Only a chief forms a team, of two active inspectors or more.
    d.run(&[
        "--user",
        "wulei",
        "zone",
        "team-add",
        "甲组",
        "--member",
        "wulei",
        "--member",
        "yangqiang",
    ])
    .code(1)
    .stderr(predicate::str::contains("由科室负责人组建"));
    d.run(&[
        "--user", "liuyang", "zone", "team-add", "甲组", "--member", "wulei",
    ])
    .code(1)
    .stderr(predicate::str::contains("两名以上监察员"));
    d.run(&[
        "--user", "liuyang", "zone", "team-add", "甲组", "--member", "wulei", "--member", "lina",
    ])
    .code(1)
    .stderr(predicate::str::contains("“lina”不是在岗的监察员"));
    d.run(&[
        "--user",
        "liuyang",
        "zone",
        "team-add",
        " ",
        "--member",
        "wulei",
        "--member",
        "yangqiang",
    ])
    .code(1)
    .stderr(predicate::str::contains("请写明监察组名称"));
    assert_eq!(d.scalar("SELECT COUNT(*) FROM inspector_team"), "0");

    d.run(&[
        "--user",
        "liuyang",
        "zone",
        "team-add",
        "甲组",
        "--member",
        "wulei",
        "--member",
        "yangqiang",
    ])
    .success()
    .stdout(predicate::str::contains("已组建监察组#1“甲组”"));
    d.run(&[
        "--user", "liuyang", "zone", "team-add", "乙组", "--member", "zhouhao", "--member",
        "huangwei",
    ])
    .success();
    d.run(&[
        "--user", "liuyang", "zone", "team-add", "乙组", "--member", "zhouhao", "--member",
        "huangwei",
    ])
    .code(1)
    .stderr(predicate::str::contains("已有名为“乙组”的监察组"));

    let q4 = rota(&d, "2026Q4");
    let q1 = rota(&d, "2027q1");
    assert_eq!(q4.len(), zones + 1);
    assert!(q4[0].contains("2个监察组"));
    for z in 1..=zones {
        let team = |line: &str| line.rsplit('\t').next().unwrap().to_string();
        assert_ne!(
            team(&q4[z]),
            team(&q1[z]),
            "zone keeps its team: {q4:?} {q1:?}"
        );
        assert!(
            q4[z].ends_with("甲组（杨强、吴磊）") || q4[z].ends_with("乙组（黄伟、周浩）"),
            "{q4:?}"
        );
    }
    // The same quarter, the same rota.
    assert_eq!(rota(&d, "2026Q4"), q4);
    d.run(&["zone", "rota", "--period", "2026Q5"])
        .code(2)
        .stderr(predicate::str::contains("不是季度"));
}

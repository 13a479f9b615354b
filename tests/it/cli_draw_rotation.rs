//! The random draw's rotation (issue 18, point 6): an inspector is kept off
//! a target for the rounds the office sets (`draw.rotation_rounds`), not
//! only the last pair; the office sets it through the program, and a draw
//! made so replays from its record. On both databases.

use crate::common::{TODAY, TestDb, office::Office};

#[tokio::test(flavor = "multi_thread")]
async fn an_inspector_is_kept_off_a_target_for_the_set_rounds() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        // Who may set the office's rules, and what they may hold.
        o.refused(
            TODAY,
            "wangfang",
            "config set draw.rotation_rounds 2 --source 细则",
            "科室负责人",
        );
        o.refused(
            TODAY,
            "liuyang",
            "config set draw.rotation_rounds 11 --source 细则",
            "draw.rotation_rounds",
        );
        o.ok(
            TODAY,
            "liuyang",
            "config set draw.rotation_rounds 2 --source 本局双随机工作细则第八条",
        );
        let office = o.ok(TODAY, "liuyang", "config office");
        assert!(
            office.contains("draw.rotation_rounds\t2\t本局双随机工作细则第八条"),
            "{}: {office}",
            o.label
        );
        // Enough inspectors for two rounds kept off and a pair to send.
        for (login, name) in [("qinlei", "秦磊"), ("hanmei", "韩梅"), ("duqiang", "杜强")] {
            o.ok(
                TODAY,
                "zhaojing",
                &format!("staff add {login} --name {name} --roles inspector"),
            );
        }
        for seed in [7, 8, 9] {
            o.ok(
                TODAY,
                "liuyang",
                &format!(
                    "draw run --name 轮换{seed} --kind training-school --ratio 100% --seed {seed}"
                ),
            );
        }
        let last = db.scalar("SELECT MAX(id) FROM draw").await;
        assert!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM inspection WHERE draw_id = {last}"
            ))
            .await
                > 0,
            "{}: the third draw sent someone",
            o.label
        );
        // No one of the third draw inspected the same target in the two before.
        let shared = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM inspection i3
                   JOIN inspection_inspector a ON a.inspection_id = i3.id
                   JOIN inspection i ON i.licence_id = i3.licence_id AND i.draw_id IN ({}, {})
                   JOIN inspection_inspector b ON b.inspection_id = i.id AND b.staff_id = a.staff_id
                  WHERE i3.draw_id = {last}",
                last - 2,
                last - 1
            ))
            .await;
        assert_eq!(shared, 0, "{}", o.label);
        // The record carries who was kept off: the draw replays to the byte.
        let out = o.ok(TODAY, "liuyang", &format!("draw replay {last}"));
        assert!(out.contains("一致"), "{}: {out}", o.label);
    }
}

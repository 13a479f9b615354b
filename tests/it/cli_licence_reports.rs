//! What an HR agency must report, through the command line on both
//! databases (issue 18, point 4): an annual report not filed is ordered
//! filed by a day, and only an order not met leads to the fine — a penalty,
//! by the case procedure (人力资源市场暂行条例 arts 36, 46); a change of
//! name, address or legal representative is reported within its days (art
//! 21; an agreement institution's within 30 working days).

use crate::common::{TestDb, office::Office};
use serde_json::Value;

fn show(o: &Office, day: &str, licence: i64) -> Value {
    let out = o.ok(day, "liuyang", &format!("licences show {licence} --json"));
    serde_json::from_str(out.trim()).unwrap()
}

const MISSING_2025: &str = "SELECT MIN(l.id) FROM licence l WHERE l.kind = 'hr-service' AND l.status = 'valid'
     AND NOT EXISTS (SELECT 1 FROM annual_review a WHERE a.licence_id = l.id AND a.year = 2025 AND a.submitted_on IS NOT NULL)";

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_annual_report_is_ordered_then_fined_only_if_the_order_is_not_met() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let agency = db.scalar(MISSING_2025).await;
        // The fine waits for an order.
        o.refused(
            "2026-11-27",
            "liuyang",
            &format!("annual fine {agency} --year 2025"),
            "须先责令",
        );
        // A clerk orders nothing.
        o.refused(
            "2026-11-27",
            "wangfang",
            &format!("annual order {agency} --year 2025 --until 2026-12-10"),
            "科室负责人",
        );
        let said = o.ok(
            "2026-11-27",
            "liuyang",
            &format!("annual order {agency} --year 2025 --until 2026-12-10 --on 2026-11-20"),
        );
        assert!(
            said.contains("已责令于2026-12-10前报送2025年度报告"),
            "{}: {said}",
            o.label
        );
        o.refused(
            "2026-11-27",
            "liuyang",
            &format!("annual order {agency} --year 2025 --until 2026-12-20"),
            "期限未满",
        );
        let number = show(&o, "2026-11-27", agency)["number"]
            .as_str()
            .unwrap()
            .to_string();
        let status = o.ok("2026-11-27", "liuyang", "annual status --year 2025");
        let line = status.lines().find(|l| l.contains(&number)).unwrap();
        assert!(
            line.contains("已责令于2026-12-10前报送"),
            "{}: {line}",
            o.label
        );
        o.refused(
            "2026-12-10",
            "liuyang",
            &format!("annual fine {agency} --year 2025"),
            "期限未满",
        );
        // The day after the order's day, still not filed: the fine's case.
        let said = o.ok(
            "2026-12-11",
            "liuyang",
            &format!("annual fine {agency} --year 2025"),
        );
        assert!(
            said.contains("行政处罚") && said.contains("已立案"),
            "{}: {said}",
            o.label
        );
        let case = db.scalar("SELECT MAX(id) FROM inspection_case").await;
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM inspection_case WHERE id = {case} AND licence_id = {agency}
                   AND sanction = 'fine' AND source = 'annual-review'"
            ))
            .await,
            1,
            "{}",
            o.label
        );
        let status = o.ok("2026-12-11", "liuyang", "annual status --year 2025");
        let line = status.lines().find(|l| l.contains(&number)).unwrap();
        assert!(line.contains("逾期未改正"), "{}: {line}", o.label);
        let steps = show(&o, "2026-12-11", agency)["steps"].clone();
        assert_eq!(
            (steps[0]["step"].as_str(), steps[0]["deadline"].as_str()),
            (Some("rectify"), Some("2026-12-10")),
            "{}: {steps}",
            o.label
        );

        // Filed within the order: corrected, no fine.
        let other = db
            .scalar(&format!("{MISSING_2025} AND l.id <> {agency}"))
            .await;
        o.ok(
            "2026-11-27",
            "liuyang",
            &format!("annual order {other} --year 2025 --until 2026-12-10"),
        );
        o.ok(
            "2026-12-05",
            "wangfang",
            &format!("annual receive {other} --year 2025"),
        );
        o.refused(
            "2026-12-11",
            "liuyang",
            &format!("annual fine {other} --year 2025"),
            "已报送",
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_is_reported_within_its_days_and_the_licence_takes_it() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let agency = db
            .scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'")
            .await;
        let old = show(&o, "2026-11-27", agency)["holder"]
            .as_str()
            .unwrap()
            .to_string();
        // 15 days from the change's registration (人力资源市场暂行条例 art 21).
        let said = o.ok(
            "2026-11-27",
            "wangfang",
            &format!("licences change {agency} --holder 石家庄鹿泉新程人力资源有限公司 --legal-rep 王新程 --changed-on 2026-11-01 --reported-on 2026-11-20"),
        );
        assert!(
            said.contains("应于2026-11-16前报告，逾期4日"),
            "{}: {said}",
            o.label
        );
        let s = show(&o, "2026-11-27", agency);
        assert_eq!(s["holder"], "石家庄鹿泉新程人力资源有限公司", "{}", o.label);
        let changes = s["changes"].as_array().unwrap();
        assert_eq!(changes.len(), 2, "{}: {s}", o.label);
        assert!(
            changes
                .iter()
                .any(|c| c["field"] == "holder" && c["old_value"] == old.as_str()),
            "{}: {s}",
            o.label
        );
        let text = o.ok("2026-11-27", "liuyang", &format!("licences show {agency}"));
        assert!(
            text.contains("变更备案：") && text.contains("逾期4日"),
            "{}: {text}",
            o.label
        );
        // In time: no mark.
        let said = o.ok(
            "2026-11-27",
            "wangfang",
            &format!(
                "licences change {agency} --address 鹿泉区获鹿镇向阳大街1号 --changed-on 2026-11-20"
            ),
        );
        assert!(
            said.contains("在报告期限（2026-12-05）内"),
            "{}: {said}",
            o.label
        );
        // A school's changes are approved, not reported; bad input is refused.
        let school = db
            .scalar("SELECT MIN(id) FROM licence WHERE kind = 'training-school'")
            .await;
        o.refused(
            "2026-11-27",
            "wangfang",
            &format!("licences change {school} --holder 新名 --changed-on 2026-11-01"),
            "审批",
        );
        o.refused(
            "2026-11-27",
            "wangfang",
            &format!("licences change {agency} --changed-on 2026-11-01"),
            "--holder",
        );
        o.refused(
            "2026-11-27",
            "wangfang",
            &format!("licences change {agency} --holder 新名 --changed-on 2026-11-20 --reported-on 2026-11-10"),
            "不能早于",
        );
    }
}

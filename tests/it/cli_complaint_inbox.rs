//! `hrss-desk complaints list` and `hrss-desk cases list` (issue 22, point
//! 4): the complaints inbox and the case queue's views on the command line,
//! on both databases, every text from the database made harmless.

use crate::common::{self, TestDb, office::Office};
use serde_json::Value;

/// The complaints registered by the test (the demo has its own pending ones).
fn ours<'a>(list: &'a [Value], ids: &[i64]) -> Vec<&'a Value> {
    list.iter()
        .filter(|c| ids.contains(&c["id"].as_i64().unwrap()))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_inbox_lists_pending_complaints_oldest_first_with_their_due_day() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let add = |received: &str, respondent: &str| {
            o.ok(
                common::TODAY,
                "wangfang",
                &format!(
                    "complaints add --complainant 张伟 --phone 13812345678 --respondent {respondent} \
                     --matters wages --facts 拖欠工资 --channel hotline --received {received}"
                ),
            );
            db.rows("SELECT MAX(id) FROM complaint")
        };
        // Received Thursday 19 November: due Thursday 26th, overdue on the
        // 27th; received today: due Friday 4 December.
        let today = add(common::TODAY, "今日投诉单位").await[0];
        let old = add("2026-11-19", "旧投诉单位\u{1b}[31m").await[0];
        let json: Value =
            serde_json::from_str(&o.ok(common::TODAY, "zhaojing", "complaints list --json"))
                .unwrap();
        let list = json.as_array().unwrap();
        let mine = ours(list, &[old, today]);
        assert_eq!(mine.len(), 2, "{}: {json}", o.label);
        assert_eq!(mine[0]["id"], old, "oldest first");
        assert_eq!(mine[0]["decision_due"], "2026-11-26");
        assert_eq!(mine[0]["overdue"], true);
        assert_eq!(mine[1]["decision_due"], "2026-12-04");
        assert_eq!(mine[1]["overdue"], false);
        assert_eq!(mine[1]["matters"], serde_json::json!(["wages"]));
        assert!(list.iter().all(|c| c["decision"] == "pending"));
        let pending = db
            .scalar("SELECT COUNT(*) FROM complaint WHERE decision = 'pending'")
            .await;
        assert_eq!(list.len() as i64, pending, "{}", o.label);
        // No complainant in a list, and no escape reaches the terminal.
        let raw = o.ok(common::TODAY, "zhaojing", "complaints list --json");
        assert!(!raw.contains("张伟") && !raw.contains('\u{1b}'), "{raw}");
        assert!(raw.contains("\\u001b"), "{raw}");

        let text = o.ok(common::TODAY, "zhaojing", "complaints list");
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].starts_with("编号\t收到日期\t决定期限\t超期"),
            "{text}"
        );
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("{old}\t")))
            .unwrap();
        assert_eq!(
            *line,
            format!(
                "{old}\t2026-11-19\t2026-11-26\t超期\t旧投诉单位<U+001B>[31m\t工资支付和最低工资\t12333热线"
            )
        );
        assert!(!text.contains('\u{1b}') && !text.contains("张伟"));
        let en = o.ok(common::TODAY, "zhaojing", "--lang en complaints list");
        assert!(
            en.starts_with("id\treceived\tdecision due\toverdue\trespondent"),
            "{en}"
        );
        assert!(en.contains("\tOVERDUE\t"), "{en}");

        // Decided, it leaves the inbox; --all still has it, with its decision.
        o.ok(
            common::TODAY,
            "liuyang",
            &format!("complaints decide {old}"),
        );
        let text = o.ok(common::TODAY, "zhaojing", "complaints list");
        assert!(
            !text.lines().any(|l| l.starts_with(&format!("{old}\t"))),
            "{text}"
        );
        let all: Value =
            serde_json::from_str(&o.ok(common::TODAY, "zhaojing", "complaints list --all --json"))
                .unwrap();
        let decided = ours(all.as_array().unwrap(), &[old]);
        assert_eq!(decided[0]["decision"], "accepted", "{}", o.label);
        assert_eq!(
            decided[0]["overdue"], false,
            "a decided complaint is not overdue"
        );
        let text = o.ok(common::TODAY, "zhaojing", "complaints list --all");
        assert!(text.lines().next().unwrap().ends_with("\t决定"), "{text}");
        assert!(text.contains("\t已受理"), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cases_list_gives_the_screens_views_with_the_ids_cases_move_takes() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let ids = |view: &str| -> Vec<i64> {
            let out = o.ok(
                common::TODAY,
                "zhaojing",
                &format!("cases list --view {view} --json"),
            );
            let v: Value = serde_json::from_str(&out).unwrap();
            v.as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_i64().unwrap())
                .collect()
        };
        let sorted = |mut v: Vec<i64>| {
            v.sort();
            v
        };
        let open = db
            .rows("SELECT id FROM inspection_case WHERE stage <> 'closed' ORDER BY id")
            .await;
        assert!(open.len() > 100, "{}", o.label);
        assert_eq!(
            sorted(ids("all")),
            open,
            "{}: every open case, past one page",
            o.label
        );
        let overdue = db
            .rows(&format!(
                "SELECT id FROM inspection_case WHERE stage <> 'closed' AND due_on < '{}' ORDER BY id",
                common::TODAY
            ))
            .await;
        assert!(!overdue.is_empty());
        assert_eq!(sorted(ids("overdue")), overdue, "{}", o.label);
        let registered = db
            .rows("SELECT id FROM inspection_case WHERE stage = 'registered' ORDER BY id")
            .await;
        assert_eq!(sorted(ids("stage:registered")), registered, "{}", o.label);
        // Mass incidents first, as the screen's queue.
        let json: Value =
            serde_json::from_str(&o.ok(common::TODAY, "zhaojing", "cases list --json")).unwrap();
        let first = &json.as_array().unwrap()[0];
        assert_eq!(first["mass_incident"], true, "{json}");

        // The text: a header in the desk's language, each line from its id.
        let text = o.ok(common::TODAY, "zhaojing", "cases list --view overdue");
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            "编号\t案号\t阶段\t被检查单位\t下一期限\t超期\t承办人"
        );
        let first: i64 = lines
            .next()
            .unwrap()
            .split('\t')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(overdue.contains(&first));
        let en = o.ok(
            common::TODAY,
            "zhaojing",
            "--lang en cases list --view overdue",
        );
        assert!(
            en.starts_with("id\tnumber\tstage\trespondent\tnext deadline"),
            "{en}"
        );
        assert!(en.contains("OVERDUE"));
        // The id is the one `cases move` takes.
        let id = registered[0];
        o.ok(
            common::TODAY,
            "liuyang",
            &format!("cases move {id} preliminary"),
        );
        assert!(!ids("stage:registered").contains(&id), "{}", o.label);
        assert!(ids("stage:preliminary").contains(&id), "{}", o.label);

        // A view the screen does not have: one sentence naming those it has.
        let (code, _, err) = o.run(common::TODAY, "zhaojing", "cases list --view late");
        assert_eq!(code, 2);
        assert!(
            err.contains("没有“late”这一案件视图") && err.contains("due-soon"),
            "{err}"
        );
        assert_eq!(err.trim().lines().count(), 1);
    }
}

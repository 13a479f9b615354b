//! Cases as the law runs them, through the command line on both databases:
//! each act dated the day it happened, a case keyed in a week late getting
//! the very deadlines it would have had, cases from every source (an
//! anonymous report too), the hearing threshold by the party's kind, and
//! enforcement to the end (payments, late fee, 催告, the court, 结案).

use crate::common::{self, TestDb, cli::program};
use hrss_desk::clock::TODAY_VAR;
use serde_json::Value;

struct Office {
    home: tempfile::TempDir,
    url: String,
    label: &'static str,
}

impl Office {
    async fn new(db: &TestDb) -> Office {
        common::demo_store(db, 300).await.close().await;
        Office {
            home: tempfile::tempdir().unwrap(),
            url: db.url.clone(),
            label: db.label,
        }
    }

    /// The program as `user` on `day`: (exit code, stdout, stderr).
    fn run(&self, day: &str, user: &str, args: &[&str]) -> (i32, String, String) {
        let out = program(self.home.path(), &self.url)
            .env(TODAY_VAR, day)
            .args(["--user", user])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok(&self, day: &str, user: &str, args: &[&str]) -> String {
        let (code, out, err) = self.run(day, user, args);
        assert_eq!(code, 0, "{}: {args:?} on {day}: {err}", self.label);
        out
    }

    fn refused(&self, day: &str, user: &str, args: &[&str], says: &str) {
        let (code, _, err) = self.run(day, user, args);
        assert_ne!(code, 0, "{}: {args:?} on {day} was allowed", self.label);
        assert!(err.contains(says), "{}: {args:?}: {err}", self.label);
        assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    }

    /// Registers a case; its id.
    fn open(&self, day: &str, args: &[&str]) -> String {
        let mut all = vec!["cases", "open", "--json"];
        all.extend(args);
        let out = self.ok(day, "wulei", &all);
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        v["id"].to_string()
    }

    fn show(&self, id: &str) -> Value {
        let out = self.ok(common::TODAY, "liuyang", &["cases", "show", id, "--json"]);
        serde_json::from_str(out.trim()).unwrap()
    }

    fn due(&self, id: &str) -> Value {
        let out = self.ok(common::TODAY, "liuyang", &["cases", "due", "--json"]);
        let all: Vec<Value> = serde_json::from_str(out.trim()).unwrap();
        all.into_iter()
            .find(|c| c["id"].as_i64() == id.parse().ok())
            .unwrap_or(Value::Null)
    }
}

/// The acts of one case, each with its real day: (day, user, step and options).
const ACTS: &[(&str, &str, &[&str])] = &[
    (
        "2026-10-09",
        "liuyang",
        &[
            "assign",
            "--officer",
            "wulei",
            "--inspectors",
            "wulei,huangwei",
        ],
    ),
    ("2026-10-09", "wulei", &["preliminary"]),
    ("2026-10-12", "liuyang", &["open"]),
    ("2026-10-13", "wulei", &["investigate"]),
    (
        "2026-10-14",
        "wulei",
        &[
            "prior-notice",
            "--served-by",
            "post",
            "--article",
            "lsi-23",
            "--fine",
            "3000",
            "--workers",
            "2",
        ],
    ),
    ("2026-10-15", "wulei", &["statement"]),
    (
        "2026-10-22",
        "liuyang",
        &[
            "decide",
            "--article",
            "lsi-23",
            "--fine",
            "3000",
            "--workers",
            "2",
        ],
    ),
    (
        "2026-10-23",
        "huangwei",
        &["serve", "--served-by", "direct"],
    ),
];

/// Makes the acts on case `id`, each keyed in on its own day.
fn work_on_the_day(o: &Office, id: &str) {
    for (day, user, step) in ACTS {
        let mut args: Vec<&str> = if step[0] == "assign" {
            vec!["cases", "assign", id]
        } else {
            vec!["cases", "move", id, step[0]]
        };
        args.extend(step[1..].iter());
        o.ok(day, user, &args);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_case_keyed_in_late_gets_the_deadlines_it_would_have_had_on_the_day() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let found = [
            "--source",
            "patrol",
            "--respondent",
            "鹿泉区某建材厂",
            "--matters",
            "wages",
        ];
        let on_the_day = o.open(
            "2026-10-09",
            &[&found[..], &["--on", "2026-10-09"]].concat(),
        );
        let late = o.open(
            common::TODAY,
            &[&found[..], &["--on", "2026-10-09"]].concat(),
        );
        // Keyed late, a step is judged on its own day: on 20 October the
        // statement window (5 working days from 14 October) was still open.
        work_on_the_day(&o, &on_the_day);
        for (day, user, step) in &ACTS[..6] {
            let mut args: Vec<&str> = if step[0] == "assign" {
                vec!["cases", "assign", &late]
            } else {
                vec!["cases", "move", &late, step[0], "--on", day]
            };
            args.extend(step[1..].iter());
            o.ok(common::TODAY, user, &args);
        }
        o.refused(
            common::TODAY,
            "liuyang",
            &[
                "cases",
                "move",
                &late,
                "decide",
                "--on",
                "2026-10-20",
                "--article",
                "lsi-23",
                "--fine",
                "3000",
                "--workers",
                "2",
            ],
            "陈述申辩期限尚未届满",
        );
        // Nor after today, nor before the act before it.
        o.refused(
            common::TODAY,
            "liuyang",
            &["cases", "move", &late, "decide", "--on", "2026-11-28"],
            "不能晚于今天",
        );
        o.refused(
            common::TODAY,
            "liuyang",
            &["cases", "move", &late, "decide", "--on", "2026-10-14"],
            "不能早于本案上一步的日期（2026-10-15）",
        );
        for (day, user, step) in &ACTS[6..] {
            let mut args = vec!["cases", "move", late.as_str(), "--on", day];
            args.extend(step.iter());
            o.ok(common::TODAY, user, &args);
        }
        let (a, b) = (o.show(&on_the_day), o.show(&late));
        for key in [
            "stage",
            "opened_on",
            "notice_served_on",
            "decided_on",
            "served_on",
            "pay_by",
            "next_deadline",
            "deadline_rule",
            "working_days_left",
            "overdue",
            "late_fee_fen",
            "outstanding_fen",
        ] {
            assert_eq!(a[key], b[key], "{}: {key}", o.label);
        }
        assert_eq!(b["served_on"], "2026-10-23");
        // 15 days from 23 October end on Saturday 7 November: moved to Monday.
        assert_eq!(b["pay_by"], "2026-11-09", "{}", o.label);
        assert_eq!(b["deadline_rule"], "fine-payment");
        assert_eq!(b["overdue"], true);
        let (da, dbb) = (o.due(&on_the_day), o.due(&late));
        for key in [
            "next_deadline",
            "deadline_rule",
            "working_days_left",
            "overdue",
        ] {
            assert_eq!(da[key], dbb[key], "{}: cases due {key}", o.label);
        }
        // The history: the same act days, recorded on different days.
        let days = |v: &Value| -> Vec<Value> {
            v["history"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["on"].clone())
                .collect()
        };
        assert_eq!(days(&a), days(&b), "{}", o.label);
        let notice = b["history"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["step"] == "prior-notice")
            .unwrap();
        assert_eq!(notice["on"], "2026-10-14");
        assert_eq!(notice["served_by"], "post");
        assert!(
            notice["recorded_at"]
                .as_str()
                .unwrap()
                .starts_with(common::TODAY),
            "{notice}"
        );
        assert_eq!(notice["recorded_by"], "吴磊");
        let recorded_a = a["history"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["step"] == "prior-notice")
            .unwrap()["recorded_at"]
            .clone();
        assert!(
            recorded_a.as_str().unwrap().starts_with("2026-10-14"),
            "{recorded_a}"
        );
        // The text form says both days too.
        let text = o.ok(common::TODAY, "liuyang", &["cases", "show", &late]);
        assert!(
            text.contains("2026-10-14\t事先告知\t邮寄送达\t2026-11-27"),
            "{text}"
        );
        let text = o.ok(
            common::TODAY,
            "liuyang",
            &["--lang", "en", "cases", "show", &late],
        );
        assert!(text.contains("Served by post"), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cases_come_from_every_source_and_a_report_may_be_anonymous() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let day = common::TODAY;
        let uscc = db
            .text("SELECT uscc FROM employer ORDER BY id LIMIT 1")
            .await;
        for source in [
            "patrol",
            "written-review",
            "annual-review",
            "campaign",
            "audit",
            "referral",
            "mass-incident",
        ] {
            let id = o.open(
                day,
                &[
                    "--source",
                    source,
                    "--respondent-uscc",
                    &uscc,
                    "--matters",
                    "wages,social-insurance",
                ],
            );
            let v = o.show(&id);
            assert_eq!(v["source"], source, "{}", o.label);
            assert_eq!(
                v["matters"],
                serde_json::json!(["wages", "social-insurance"])
            );
            // A case the office found has no acceptance clock; one from outside does.
            let office_found = !matches!(source, "referral" | "mass-incident");
            assert_eq!(v["next_deadline"].is_null(), office_found, "{source}: {v}");
        }
        let anonymous = o.open(
            day,
            &[
                "--source",
                "report",
                "--anonymous",
                "--respondent",
                "某餐馆",
                "--respondent-kind",
                "individual-business",
                "--matters",
                "wages",
            ],
        );
        let v = o.show(&anonymous);
        assert_eq!(v["anonymous"], true);
        assert_eq!(v["informant"], "");
        assert_eq!(
            v["deadline_rule"], "accept",
            "a report is accepted or refused in 5 working days"
        );
        // A named complainant is kept and masked wherever shown.
        let named = o.open(
            day,
            &[
                "--source",
                "complaint",
                "--respondent",
                "某餐馆",
                "--matters",
                "wages",
                "--informant",
                "张三丰",
                "--informant-phone",
                "13812345678",
            ],
        );
        let v = o.show(&named);
        assert_eq!(v["informant"], "张**");
        assert_eq!(v["informant_phone"], "138****5678");
        let text = o.ok(day, "liuyang", &["cases", "show", &named]);
        assert!(
            !text.contains("张三丰") && !text.contains("13812345678"),
            "{text}"
        );
        // Its first paper is the complaint form; a patrol's, a record of its source.
        o.ok(
            day,
            "liuyang",
            &[
                "cases",
                "assign",
                &named,
                "--officer",
                "wulei",
                "--inspectors",
                "wulei,huangwei",
            ],
        );
        o.ok(day, "wulei", &["cases", "move", &named, "preliminary"]);
        let files = |v: &Value| -> Vec<String> {
            v["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["kind"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(files(&o.show(&named)), ["complaint-form"]);
        let patrol = o.open(
            day,
            &[
                "--source",
                "patrol",
                "--respondent",
                "某厂",
                "--matters",
                "wages",
            ],
        );
        o.ok(
            day,
            "liuyang",
            &[
                "cases",
                "assign",
                &patrol,
                "--officer",
                "wulei",
                "--inspectors",
                "wulei,huangwei",
            ],
        );
        o.ok(day, "wulei", &["cases", "move", &patrol, "preliminary"]);
        assert_eq!(files(&o.show(&patrol)), ["source-record"]);
        // Linked to the inspection or the lead that found it, which must exist.
        o.refused(
            day,
            "wulei",
            &[
                "cases",
                "open",
                "--source",
                "patrol",
                "--respondent",
                "某厂",
                "--matters",
                "wages",
                "--from-inspection",
                "999999",
            ],
            "没有编号为999999的检查",
        );
        // Refused in one sentence, nothing written.
        o.refused(
            day,
            "wulei",
            &[
                "cases",
                "open",
                "--source",
                "complaint",
                "--respondent",
                "某厂",
                "--matters",
                "wages",
            ],
            "投诉须填写投诉人姓名",
        );
        o.refused(
            day,
            "wulei",
            &[
                "cases",
                "open",
                "--source",
                "report",
                "--anonymous",
                "--informant",
                "李四",
                "--respondent",
                "某厂",
                "--matters",
                "wages",
            ],
            "匿名举报不填写举报人姓名",
        );
        o.refused(
            day,
            "wulei",
            &[
                "cases",
                "open",
                "--source",
                "rumour",
                "--respondent",
                "某厂",
                "--matters",
                "wages",
            ],
            "没有“rumour”这种案件来源",
        );
        o.refused(
            day,
            "wulei",
            &[
                "cases",
                "open",
                "--source",
                "patrol",
                "--respondent",
                "某厂",
                "--matters",
                "wages",
                "--on",
                "2026-11-28",
            ],
            "登记日期不能晚于今天",
        );
        o.refused(
            day,
            "wangfang",
            &[
                "cases",
                "open",
                "--source",
                "patrol",
                "--respondent",
                "某厂",
                "--matters",
                "wages",
            ],
            "登记案件",
        );
        let (_, out, _) = o.run(day, "liuyang", &["cases", "due", "--json"]);
        let open: Vec<Value> = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(
            open.iter().filter(|c| c["respondent"] == "某厂").count(),
            1,
            "{}: only the patrol's case of 某厂 was written",
            o.label
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fine_on_a_person_offers_a_hearing_at_a_lower_amount_than_on_an_organisation() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let day = common::TODAY;
        let mut heard = Vec::new();
        for kind in ["person", "individual-business", "organisation"] {
            let id = o.open(
                day,
                &[
                    "--source",
                    "patrol",
                    "--respondent",
                    "某个体户",
                    "--respondent-kind",
                    kind,
                    "--matters",
                    "social-insurance",
                ],
            );
            o.ok(
                day,
                "liuyang",
                &[
                    "cases",
                    "assign",
                    &id,
                    "--officer",
                    "wulei",
                    "--inspectors",
                    "wulei,huangwei",
                ],
            );
            o.ok(day, "wulei", &["cases", "move", &id, "preliminary"]);
            o.ok(day, "liuyang", &["cases", "move", &id, "open"]);
            o.ok(day, "wulei", &["cases", "move", &id, "investigate"]);
            // 1,500 yuan: at or above 1,000 for a citizen, below 10,000 for an organisation.
            o.ok(
                day,
                "wulei",
                &[
                    "cases",
                    "move",
                    &id,
                    "prior-notice",
                    "--article",
                    "si-84-person",
                    "--fine",
                    "1500",
                ],
            );
            let files: Vec<Value> = o.show(&id)["files"].as_array().unwrap().clone();
            heard.push(files.iter().any(|f| f["kind"] == "hearing-notice"));
        }
        assert_eq!(heard, [true, true, false], "{}", o.label);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decision_is_carried_out_to_the_end_paid_or_sent_to_the_court_or_terminated() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let t = common::TODAY;
        let case = |respondent: &str| {
            let id = o.open(
                t,
                &[
                    "--source",
                    "audit",
                    "--respondent",
                    respondent,
                    "--matters",
                    "wages",
                    "--on",
                    "2026-03-02",
                ],
            );
            let steps: &[(&str, &str, &[&str])] = &[
                ("2026-03-02", "wulei", &["preliminary"]),
                ("2026-03-03", "liuyang", &["open"]),
                ("2026-03-04", "wulei", &["investigate"]),
                (
                    "2026-03-05",
                    "wulei",
                    &[
                        "prior-notice",
                        "--article",
                        "lsi-23",
                        "--fine",
                        "2000",
                        "--workers",
                        "2",
                    ],
                ),
                (
                    "2026-03-13",
                    "liuyang",
                    &[
                        "decide",
                        "--article",
                        "lsi-23",
                        "--fine",
                        "2000",
                        "--workers",
                        "2",
                    ],
                ),
                ("2026-03-16", "wulei", &["serve", "--served-by", "left"]),
            ];
            o.ok(
                t,
                "liuyang",
                &[
                    "cases",
                    "assign",
                    &id,
                    "--officer",
                    "wulei",
                    "--inspectors",
                    "wulei,huangwei",
                ],
            );
            for (day, user, step) in steps {
                let mut args = vec!["cases", "move", id.as_str(), "--on", day];
                args.extend(step.iter());
                o.ok(t, user, &args);
            }
            id
        };
        // Paid late: 3 % a day after 31 March, counted to the day paid.
        let paid = case("甲厂");
        o.refused(
            t,
            "liuyang",
            &["cases", "move", &paid, "close", "--on", "2026-04-01"],
            "决定尚未执行完毕",
        );
        let said = o.ok(
            t,
            "wulei",
            &[
                "cases",
                "pay",
                &paid,
                "--amount",
                "2000",
                "--on",
                "2026-04-02",
                "--receipt",
                "FS-001",
            ],
        );
        assert!(
            said.contains("尚欠120.00元（其中加处罚款120.00元）"),
            "{}: {said}",
            o.label
        );
        o.refused(
            t,
            "wulei",
            &[
                "cases",
                "pay",
                &paid,
                "--amount",
                "121",
                "--on",
                "2026-04-03",
            ],
            "超过尚欠金额（120.00元）",
        );
        o.refused(
            t,
            "wulei",
            &["cases", "pay", &paid, "--amount", "abc"],
            "不是",
        );
        let said = o.ok(
            t,
            "wulei",
            &[
                "cases",
                "pay",
                &paid,
                "--amount",
                "120",
                "--on",
                "2026-04-03",
                "--receipt",
                "FS-002",
            ],
        );
        assert!(said.contains("已缴清"), "{said}");
        o.ok(
            t,
            "liuyang",
            &["cases", "move", &paid, "close", "--on", "2026-04-03"],
        );
        let v = o.show(&paid);
        assert_eq!(
            (v["stage"].as_str(), v["outstanding_fen"].as_i64()),
            (Some("closed"), Some(0))
        );
        assert_eq!(v["payments"].as_array().unwrap().len(), 2);

        // Never paid: a 催告 once the time to pay ran out, 10 working days,
        // then the court within 3 months of the relief windows' lapse.
        let unpaid = case("乙厂");
        o.refused(
            t,
            "wulei",
            &["cases", "move", &unpaid, "remind", "--on", "2026-03-20"],
            "缴纳期限尚未届满",
        );
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &unpaid,
                "court-apply",
                "--on",
                "2026-09-30",
            ],
            "须先送达催告书",
        );
        o.ok(
            t,
            "wulei",
            &[
                "cases",
                "move",
                &unpaid,
                "remind",
                "--on",
                "2026-09-21",
                "--served-by",
                "direct",
            ],
        );
        // The wait runs past National Day: not yet on 9 October.
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &unpaid,
                "court-apply",
                "--on",
                "2026-10-09",
            ],
            "不在申请法院强制执行的期间内",
        );
        let v = o.show(&unpaid);
        assert_eq!(v["deadline_rule"], "court-application");
        assert_eq!(
            v["next_deadline"], "2026-12-16",
            "{}: 3 months from 16 September",
            o.label
        );
        assert_eq!(
            v["late_fee_fen"], 2_000_00,
            "the late fee stops at the fine"
        );
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &unpaid,
                "court-apply",
                "--on",
                "2026-11-02",
            ],
        );
        o.ok(
            t,
            "liuyang",
            &["cases", "move", &unpaid, "close", "--on", "2026-11-03"],
        );

        // Termination needs its reason.
        let gone = case("丙厂");
        o.refused(
            t,
            "liuyang",
            &["cases", "move", &gone, "terminate"],
            "终结须写明理由",
        );
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &gone,
                "terminate",
                "--note",
                "用人单位已注销，无权利义务承受人",
            ],
        );
        let v = o.show(&gone);
        assert_eq!(
            (v["stage"].as_str(), v["outcome"].as_str()),
            (Some("closed"), Some("terminated"))
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decision_heavier_than_the_notice_needs_a_new_notice_and_its_windows() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let t = common::TODAY;
        let id = o.open(
            t,
            &[
                "--source",
                "patrol",
                "--respondent",
                "丁厂",
                "--matters",
                "wages",
                "--on",
                "2026-10-09",
            ],
        );
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "assign",
                &id,
                "--officer",
                "wulei",
                "--inspectors",
                "wulei,huangwei",
            ],
        );
        for (day, user, step) in [
            ("2026-10-09", "wulei", vec!["preliminary"]),
            ("2026-10-12", "liuyang", vec!["open"]),
            ("2026-10-13", "wulei", vec!["investigate"]),
            (
                "2026-10-14",
                "wulei",
                vec![
                    "prior-notice",
                    "--article",
                    "lsi-23",
                    "--fine",
                    "2000",
                    "--workers",
                    "2",
                ],
            ),
            ("2026-10-15", "wulei", vec!["statement"]),
        ] {
            let mut args = vec!["cases", "move", id.as_str(), "--on", day];
            args.extend(step);
            o.ok(t, user, &args);
        }
        let heavier = ["--article", "lsi-23", "--fine", "6000", "--workers", "2"];
        let mut decide = vec!["cases", "move", id.as_str(), "decide", "--on", "2026-10-26"];
        decide.extend(heavier);
        o.refused(t, "liuyang", &decide, "须重新事先告知");
        let mut again = vec![
            "cases",
            "move",
            id.as_str(),
            "renotice",
            "--on",
            "2026-10-27",
            "--served-by",
            "direct",
        ];
        again.extend(heavier);
        o.ok(t, "wulei", &again);
        let v = o.show(&id);
        assert_eq!(v["stage"], "prior-notice");
        assert_eq!(v["notice_served_on"], "2026-10-27", "{}", o.label);
        // The new notice's windows run from its own service.
        o.ok(
            t,
            "wulei",
            &["cases", "move", &id, "statement", "--on", "2026-10-28"],
        );
        let mut early = vec!["cases", "move", id.as_str(), "decide", "--on", "2026-10-30"];
        early.extend(heavier);
        o.refused(t, "liuyang", &early, "陈述申辩期限尚未届满");
        let mut after = vec!["cases", "move", id.as_str(), "decide", "--on", "2026-11-04"];
        after.extend(heavier);
        o.ok(t, "liuyang", &after);
    }
}

/// A case opened on 2026-10-09 and investigated from 2026-10-13.
fn investigated(o: &Office, respondent: &str) -> String {
    let t = common::TODAY;
    let id = o.open(
        t,
        &[
            "--source",
            "patrol",
            "--respondent",
            respondent,
            "--matters",
            "wages",
            "--on",
            "2026-10-09",
        ],
    );
    o.ok(
        t,
        "liuyang",
        &[
            "cases",
            "assign",
            &id,
            "--officer",
            "wulei",
            "--inspectors",
            "wulei,huangwei",
        ],
    );
    for (day, user, step) in [
        ("2026-10-09", "wulei", "preliminary"),
        ("2026-10-12", "liuyang", "open"),
        ("2026-10-13", "wulei", "investigate"),
    ] {
        o.ok(t, user, &["cases", "move", &id, step, "--on", day]);
    }
    id
}

#[tokio::test(flavor = "multi_thread")]
async fn a_case_ends_in_any_decision_the_law_gives_not_only_a_fine() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let t = common::TODAY;
        // 行政处理决定: wages owed, decided from the investigation, exactly the amount.
        let wages = investigated(&o, "工资厂");
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &wages,
                "decide",
                "--on",
                "2026-10-20",
                "--outcome",
                "handling",
                "--article",
                "lsi-26-pay",
                "--owed",
                "80000",
                "--fine",
                "70000",
            ],
            "金额依法应为80,000.00元",
        );
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &wages,
                "decide",
                "--on",
                "2026-10-20",
                "--outcome",
                "handling",
                "--article",
                "lsi-26-pay",
                "--owed",
                "80000",
            ],
        );
        let v = o.show(&wages);
        assert_eq!(
            (v["decision"].as_str(), v["fine_fen"].as_i64()),
            (Some("handling"), Some(80_000_00)),
            "{}",
            o.label
        );
        let files: Vec<&str> = v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap())
            .collect();
        assert!(
            files.contains(&"handling-decision") && !files.contains(&"penalty-decision"),
            "{files:?}"
        );
        // Served, unpaid: no 3 % a day (it is not a fine); enforced the same way.
        o.ok(
            t,
            "wulei",
            &["cases", "move", &wages, "serve", "--on", "2026-10-21"],
        );
        let v = o.show(&wages);
        assert_eq!(
            (v["late_fee_fen"].as_i64(), v["outstanding_fen"].as_i64()),
            (Some(0), Some(80_000_00))
        );

        // Social-insurance arrears with 0.05 % a day from when they fell due.
        let arrears = investigated(&o, "社保厂");
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &arrears,
                "decide",
                "--on",
                "2026-10-20",
                "--outcome",
                "handling",
                "--article",
                "si-86-arrears",
                "--owed",
                "10000",
            ],
            "欠缴之日",
        );
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &arrears,
                "decide",
                "--on",
                "2026-10-20",
                "--outcome",
                "handling",
                "--article",
                "si-86-arrears",
                "--owed",
                "10000",
                "--since",
                "2026-06-30",
            ],
        );
        // 112 days × 0.05 % of 10,000 yuan = 560 yuan.
        assert_eq!(o.show(&arrears)["fine_fen"], 10_560_00, "{}", o.label);

        // A penalty waits for its notice: a warning under art 25.
        let warned = investigated(&o, "加班厂");
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &warned,
                "decide",
                "--on",
                "2026-10-14",
                "--outcome",
                "warning",
                "--article",
                "lsi-25",
            ],
            "须事先告知",
        );
        o.refused(
            t,
            "wulei",
            &[
                "cases",
                "move",
                &warned,
                "prior-notice",
                "--on",
                "2026-10-14",
                "--outcome",
                "handling",
                "--article",
                "lsi-26-pay",
                "--owed",
                "1",
            ],
            "事先告知的是拟作出的行政处罚",
        );
        o.ok(
            t,
            "wulei",
            &[
                "cases",
                "move",
                &warned,
                "prior-notice",
                "--on",
                "2026-10-14",
                "--outcome",
                "warning",
                "--article",
                "lsi-25",
            ],
        );
        // Heavier than a warning: a fine needs a new notice.
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &warned,
                "decide",
                "--on",
                "2026-10-26",
                "--article",
                "lsi-25",
                "--fine",
                "200",
                "--workers",
                "2",
            ],
            "须重新事先告知",
        );
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &warned,
                "decide",
                "--on",
                "2026-10-26",
                "--outcome",
                "warning",
                "--article",
                "lsi-23",
            ],
            "该条款不能作为这种决定的依据",
        );
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &warned,
                "decide",
                "--on",
                "2026-10-26",
                "--outcome",
                "warning",
                "--article",
                "lsi-25",
            ],
        );
        // Served, a warning is carried out: the case closes.
        o.ok(
            t,
            "wulei",
            &["cases", "move", &warned, "serve", "--on", "2026-10-27"],
        );
        o.ok(
            t,
            "liuyang",
            &["cases", "move", &warned, "close", "--on", "2026-10-28"],
        );
        assert_eq!(o.show(&warned)["stage"], "closed");

        // No penalty (行政处罚法 art 33), decided from the investigation.
        let minor = investigated(&o, "初犯厂");
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &minor,
                "decide",
                "--on",
                "2026-10-20",
                "--outcome",
                "no-penalty",
                "--article",
                "ap-33",
            ],
        );
        let files: Vec<String> = o.show(&minor)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect();
        assert!(
            files.contains(&"no-penalty-decision".to_string()),
            "{files:?}"
        );

        // Confiscation: the gains, whole, after the notice; a large one offers a hearing.
        let gains = investigated(&o, "中介所");
        o.ok(
            t,
            "wulei",
            &[
                "cases",
                "move",
                &gains,
                "prior-notice",
                "--on",
                "2026-10-14",
                "--outcome",
                "confiscation",
                "--article",
                "lsi-28-gains",
                "--owed",
                "25000",
            ],
        );
        let files: Vec<String> = o.show(&gains)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect();
        assert!(
            files.contains(&"hearing-notice".to_string()),
            "{}: {files:?}",
            o.label
        );

        // An order to rectify: its deadline, the case open until then; then
        // corrected (closed) or a fine under art 30 for refusing it.
        let order = investigated(&o, "合同厂");
        o.refused(
            t,
            "wulei",
            &["cases", "move", &order, "order", "--on", "2026-10-14"],
            "改正期限",
        );
        o.ok(
            t,
            "wulei",
            &[
                "cases",
                "move",
                &order,
                "decide",
                "--outcome",
                "order",
                "--on",
                "2026-10-14",
                "--deadline",
                "2026-10-30",
            ],
        );
        let v = o.show(&order);
        assert_eq!(
            (v["stage"].as_str(), v["order_deadline"].as_str()),
            (Some("investigating"), Some("2026-10-30"))
        );
        o.ok(
            t,
            "wulei",
            &[
                "cases",
                "move",
                &order,
                "prior-notice",
                "--on",
                "2026-11-02",
                "--article",
                "lsi-30",
                "--fine",
                "5000",
            ],
        );
        assert_eq!(o.show(&order)["decision"], "fine");
        o.refused(
            t,
            "wulei",
            &["cases", "move", &order, "decide", "--outcome", "rumour"],
            "没有“rumour”这种决定种类",
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn suspension_and_extension_say_why_and_who_approved_at_any_stage_before_the_decision() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let t = common::TODAY;
        let id = o.open(
            t,
            &[
                "--source",
                "report",
                "--informant",
                "李四",
                "--respondent",
                "戊厂",
                "--matters",
                "wages",
                "--on",
                "2026-10-09",
            ],
        );
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "assign",
                &id,
                "--officer",
                "wulei",
                "--inspectors",
                "wulei,huangwei",
            ],
        );
        for (day, user, step) in [
            ("2026-10-09", "wulei", "preliminary"),
            ("2026-10-12", "liuyang", "open"),
            ("2026-10-13", "wulei", "investigate"),
        ] {
            o.ok(t, user, &["cases", "move", &id, step, "--on", day]);
        }
        o.ok(
            t,
            "wulei",
            &[
                "cases",
                "move",
                &id,
                "prior-notice",
                "--on",
                "2026-10-14",
                "--article",
                "lsi-23",
                "--fine",
                "3000",
                "--workers",
                "2",
            ],
        );
        // In the notice stage the investigation's clock still runs: it may stop.
        o.refused(
            t,
            "liuyang",
            &["cases", "move", &id, "suspend", "--on", "2026-10-15"],
            "中止调查须写明理由",
        );
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &id,
                "suspend",
                "--on",
                "2026-10-15",
                "--note",
                "当事人下落不明",
            ],
            "须经科室负责人批准",
        );
        let said = o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &id,
                "suspend",
                "--on",
                "2026-10-15",
                "--note",
                "当事人下落不明",
                "--approved-by",
                "刘洋",
                "--until",
                "2026-11-15",
            ],
        );
        assert!(said.contains("告知投诉（举报）人"), "{said}");
        o.ok(
            t,
            "liuyang",
            &["cases", "move", &id, "resume", "--on", "2026-10-26"],
        );
        // 条例 art 17: the bureau's head extends.
        o.refused(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &id,
                "extend",
                "--on",
                "2026-10-27",
                "--note",
                "案情复杂",
            ],
            "须经局负责人批准",
        );
        o.ok(
            t,
            "liuyang",
            &[
                "cases",
                "move",
                &id,
                "extend",
                "--on",
                "2026-10-27",
                "--note",
                "案情复杂",
                "--approved-by",
                "王局长",
            ],
        );
        let v = o.show(&id);
        let steps: Vec<&str> = v["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["step"].as_str().unwrap())
            .collect();
        assert!(
            steps.ends_with(&["suspend", "resume", "extend"]),
            "{steps:?}"
        );
        assert_eq!(
            db.text(&format!(
                "SELECT approved_by FROM case_suspension WHERE case_id = {id}"
            ))
            .await,
            "刘洋",
            "{}",
            o.label
        );
        assert_eq!(
            db.text(&format!(
                "SELECT extension_approved_by FROM inspection_case WHERE id = {id}"
            ))
            .await,
            "王局长"
        );
    }
}

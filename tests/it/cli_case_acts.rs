//! Cases as the law runs them, through the command line on both databases:
//! each act dated the day it happened, a case keyed in a week late getting
//! the very deadlines it would have had, cases from every source (an
//! anonymous report too), the hearing threshold by the party's kind, and
//! enforcement to the end (payments, late fee, 催告, the court, 结案).

use crate::common::{self, TestDb, office::Office};
use serde_json::Value;

const T: &str = common::TODAY;

/// The acts of one case, each on its real day: (day, user, step and options).
const ACTS: &[(&str, &str, &str)] = &[
    ("2026-10-09", "wulei", "preliminary"),
    ("2026-10-12", "liuyang", "open"),
    ("2026-10-13", "wulei", "investigate"),
    (
        "2026-10-14",
        "wulei",
        "prior-notice --served-by post --article lsi-23 --fine 3000 --workers 2",
    ),
    ("2026-10-15", "wulei", "statement"),
    (
        "2026-10-22",
        "liuyang",
        "decide --article lsi-23 --fine 3000 --workers 2",
    ),
    ("2026-10-23", "huangwei", "serve --served-by direct"),
];

const ASSIGN: &str = "--officer wulei --inspectors wulei,huangwei";

#[tokio::test(flavor = "multi_thread")]
async fn a_case_keyed_in_late_gets_the_deadlines_it_would_have_had_on_the_day() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let found = "--source patrol --respondent 鹿泉区某建材厂 --matters wages --on 2026-10-09";
        // One case keyed in on each act's day, its twin a week late with --on.
        let on_the_day = o.open("2026-10-09", found);
        o.ok(
            "2026-10-09",
            "liuyang",
            &format!("cases assign {on_the_day} {ASSIGN}"),
        );
        for (day, user, step) in ACTS {
            o.ok(day, user, &format!("cases move {on_the_day} {step}"));
        }
        let late = o.open(T, found);
        o.ok(T, "liuyang", &format!("cases assign {late} {ASSIGN}"));
        for (day, user, step) in &ACTS[..5] {
            o.ok(T, user, &format!("cases move {late} {step} --on {day}"));
        }
        // A step is judged on its own day: on 20 October the statement
        // window (5 working days from 14 October) was still open.
        let decide = "decide --article lsi-23 --fine 3000 --workers 2";
        o.refused(
            T,
            "liuyang",
            &format!("cases move {late} {decide} --on 2026-10-20"),
            "陈述申辩期限尚未届满",
        );
        // Nor after today, nor before the act before it.
        o.refused(
            T,
            "liuyang",
            &format!("cases move {late} {decide} --on 2026-11-28"),
            "不能晚于今天",
        );
        o.refused(
            T,
            "liuyang",
            &format!("cases move {late} {decide} --on 2026-10-14"),
            "不能早于本案上一步的日期（2026-10-15）",
        );
        for (day, user, step) in &ACTS[5..] {
            o.ok(T, user, &format!("cases move {late} {step} --on {day}"));
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
        // 15 days from 23 October end on Saturday 7 November: moved to Monday.
        assert_eq!(
            (b["served_on"].as_str(), b["pay_by"].as_str()),
            (Some("2026-10-23"), Some("2026-11-09")),
            "{}",
            o.label
        );
        assert_eq!(
            (b["deadline_rule"].as_str(), b["overdue"].as_bool()),
            (Some("fine-payment"), Some(true))
        );
        let (da, dl) = (o.due(&on_the_day), o.due(&late));
        for key in [
            "next_deadline",
            "deadline_rule",
            "working_days_left",
            "overdue",
        ] {
            assert_eq!(da[key], dl[key], "{}: cases due {key}", o.label);
        }
        // The history: the same act days, recorded on different days, by whom.
        let acts = |v: &Value| v["history"].as_array().unwrap().clone();
        let days = |v: &Value| acts(v).iter().map(|h| h["on"].clone()).collect::<Vec<_>>();
        assert_eq!(days(&a), days(&b), "{}", o.label);
        let notice = |v: &Value| {
            acts(v)
                .into_iter()
                .find(|h| h["step"] == "prior-notice")
                .unwrap()
        };
        let (na, nb) = (notice(&a), notice(&b));
        assert_eq!(
            (nb["on"].as_str(), nb["served_by"].as_str()),
            (Some("2026-10-14"), Some("post"))
        );
        assert!(nb["recorded_at"].as_str().unwrap().starts_with(T), "{nb}");
        assert!(
            na["recorded_at"]
                .as_str()
                .unwrap()
                .starts_with("2026-10-14"),
            "{na}"
        );
        assert_eq!(nb["recorded_by"], "吴磊");
        // The text form says both days too, in either language.
        let text = o.ok(T, "liuyang", &format!("cases show {late}"));
        assert!(
            text.contains("2026-10-14\t事先告知\t邮寄送达\t2026-11-27"),
            "{text}"
        );
        let text = o.ok(T, "liuyang", &format!("--lang en cases show {late}"));
        assert!(text.contains("Served by post"), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cases_come_from_every_source_and_a_report_may_be_anonymous() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let uscc = db
            .text("SELECT uscc FROM employer ORDER BY id LIMIT 1")
            .await;
        let mut ids = Vec::new();
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
                T,
                &format!(
                    "--source {source} --respondent-uscc {uscc} --matters wages,social-insurance"
                ),
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
            ids.push((id, office_found));
        }
        // The daily recomputation reads the same: no clock for what the office found.
        let store = db.open().await;
        let cal =
            hrss_desk::domain::WorkCalendar::from_years(&store.calendar_years().await.unwrap());
        db.raw("UPDATE inspection_case SET due_on = NULL, due_rule = '', queue_key = ''")
            .await;
        hrss_desk::workflow::cases::recompute_deadlines(&store, &cal, common::today())
            .await
            .unwrap();
        for (id, office_found) in &ids {
            let rule = db
                .text(&format!(
                    "SELECT due_rule FROM inspection_case WHERE id = {id}"
                ))
                .await;
            assert_eq!(
                rule.is_empty(),
                *office_found,
                "{}: case {id} rule {rule}",
                o.label
            );
        }
        store.close().await;
        let anonymous = o.open(T, "--source report --anonymous --respondent 某餐馆 --respondent-kind individual-business --matters wages");
        let v = o.show(&anonymous);
        assert_eq!(
            (v["anonymous"].as_bool(), v["informant"].as_str()),
            (Some(true), Some(""))
        );
        assert_eq!(
            v["deadline_rule"], "accept",
            "a report is accepted or refused in 5 working days"
        );
        // A named complainant is kept and masked wherever shown.
        let named = o.open(T, "--source complaint --respondent 某餐馆 --matters wages --informant 张三丰 --informant-phone 13812345678");
        let v = o.show(&named);
        assert_eq!(
            (v["informant"].as_str(), v["informant_phone"].as_str()),
            (Some("张**"), Some("138****5678"))
        );
        let text = o.ok(T, "liuyang", &format!("cases show {named}"));
        assert!(
            !text.contains("张三丰") && !text.contains("13812345678"),
            "{text}"
        );
        // Revealed only with a reason, by a role that may, and audited.
        o.refused(
            T,
            "wulei",
            &format!("cases show {named} --reveal --reason 核实身份"),
            "只有",
        );
        let full = o.ok(
            T,
            "liuyang",
            &format!("cases show {named} --json --reveal --reason 回访投诉人"),
        );
        assert!(
            full.contains("张三丰") && full.contains("13812345678"),
            "{full}"
        );
        let audited = db
            .text(&format!("SELECT detail FROM audit_log WHERE action = 'case.reveal-informant' AND entity_id = '{named}'"))
            .await;
        assert_eq!(audited, "回访投诉人", "{}", o.label);
        // Its first paper is the complaint form; a patrol's, a record of its source.
        let patrol = o.open(T, "--source patrol --respondent 某厂 --matters wages");
        for id in [&named, &patrol] {
            o.ok(T, "liuyang", &format!("cases assign {id} {ASSIGN}"));
            o.ok(T, "wulei", &format!("cases move {id} preliminary"));
        }
        assert_eq!(o.files(&named), ["complaint-form"]);
        assert_eq!(o.files(&patrol), ["source-record"]);
        // A case a campaign found is linked to it; a campaign must exist.
        o.ok(
            T,
            "liuyang",
            "campaign add --theme 根治欠薪冬季专项行动 --from 2026-11-01 --to 2027-01-31",
        );
        let campaign = db.scalar("SELECT MAX(id) FROM campaign").await;
        let found = o.open(
            T,
            &format!(
                "--source campaign --respondent 某工地 --matters wages --from-campaign {campaign}"
            ),
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT from_campaign_id FROM inspection_case WHERE id = {found}"
            ))
            .await,
            campaign,
            "{}",
            o.label
        );
        // Refused in one sentence, nothing written.
        let base = "cases open --respondent 某厂 --matters wages";
        o.refused(
            T,
            "wulei",
            &format!("{base} --source patrol --from-inspection 999999"),
            "没有编号为999999的检查",
        );
        o.refused(
            T,
            "wulei",
            &format!("{base} --source campaign --from-campaign 999999"),
            "没有编号为999999的专项行动",
        );
        o.refused(
            T,
            "wulei",
            &format!("{base} --source complaint"),
            "投诉须填写投诉人姓名",
        );
        o.refused(
            T,
            "wulei",
            &format!("{base} --source report --anonymous --informant 李四"),
            "匿名举报不填写举报人姓名",
        );
        o.refused(
            T,
            "wulei",
            &format!("{base} --source rumour"),
            "没有“rumour”这种案件来源",
        );
        o.refused(
            T,
            "wulei",
            &format!("{base} --source patrol --on 2026-11-28"),
            "登记日期不能晚于今天",
        );
        o.refused(
            T,
            "wangfang",
            &format!("{base} --source patrol"),
            "登记案件",
        );
        let open: Vec<Value> =
            serde_json::from_str(o.ok(T, "liuyang", "cases due --json").trim()).unwrap();
        assert_eq!(
            open.iter().filter(|c| c["respondent"] == "某厂").count(),
            1,
            "{}",
            o.label
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fine_on_a_person_offers_a_hearing_at_a_lower_amount_than_on_an_organisation() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let mut heard = Vec::new();
        for kind in ["person", "individual-business", "organisation"] {
            let id = o.open(T, &format!("--source patrol --respondent 某个体户 --respondent-kind {kind} --matters social-insurance"));
            o.ok(T, "liuyang", &format!("cases assign {id} {ASSIGN}"));
            o.ok(T, "wulei", &format!("cases move {id} preliminary"));
            o.ok(T, "liuyang", &format!("cases move {id} open"));
            o.ok(T, "wulei", &format!("cases move {id} investigate"));
            // 1,500 yuan: at or above 1,000 for a citizen, below 10,000 for an organisation.
            o.ok(
                T,
                "wulei",
                &format!("cases move {id} prior-notice --article si-84-person --fine 1500"),
            );
            heard.push(o.files(&id).iter().any(|f| f == "hearing-notice"));
        }
        assert_eq!(heard, [true, true, false], "{}", o.label);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decision_is_carried_out_to_the_end_paid_or_sent_to_the_court_or_terminated() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        // Decided 13 March, left at the address 16 March: pay by 31 March.
        let case = |respondent: &str| {
            let id = o.open(
                T,
                &format!(
                    "--source audit --respondent {respondent} --matters wages --on 2026-03-02"
                ),
            );
            o.ok(T, "liuyang", &format!("cases assign {id} {ASSIGN}"));
            for (day, user, step) in [
                ("2026-03-02", "wulei", "preliminary"),
                ("2026-03-03", "liuyang", "open"),
                ("2026-03-04", "wulei", "investigate"),
                (
                    "2026-03-05",
                    "wulei",
                    "prior-notice --article lsi-23 --fine 2000 --workers 2",
                ),
                (
                    "2026-03-13",
                    "liuyang",
                    "decide --article lsi-23 --fine 2000 --workers 2",
                ),
                ("2026-03-16", "wulei", "serve --served-by left"),
            ] {
                o.ok(T, user, &format!("cases move {id} {step} --on {day}"));
            }
            id
        };
        // Paid late: 3 % a day after 31 March, counted to the day paid.
        let paid = case("甲厂");
        o.refused(
            T,
            "liuyang",
            &format!("cases move {paid} close --on 2026-04-01"),
            "决定尚未执行完毕",
        );
        let said = o.ok(
            T,
            "wulei",
            &format!("cases pay {paid} --amount 2000 --on 2026-04-02 --receipt FS-001"),
        );
        assert!(
            said.contains("尚欠120.00元（其中加处罚款120.00元）"),
            "{}: {said}",
            o.label
        );
        o.refused(
            T,
            "wulei",
            &format!("cases pay {paid} --amount 121 --on 2026-04-03"),
            "超过尚欠金额（120.00元）",
        );
        o.refused(
            T,
            "wulei",
            &format!("cases pay {paid} --amount abc"),
            "不是",
        );
        let said = o.ok(
            T,
            "wulei",
            &format!("cases pay {paid} --amount 120 --on 2026-04-03 --receipt FS-002"),
        );
        assert!(said.contains("已缴清"), "{said}");
        o.ok(
            T,
            "liuyang",
            &format!("cases move {paid} close --on 2026-04-03"),
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
            T,
            "wulei",
            &format!("cases move {unpaid} remind --on 2026-03-20"),
            "缴纳期限尚未届满",
        );
        o.refused(
            T,
            "liuyang",
            &format!("cases move {unpaid} court-apply --on 2026-09-30"),
            "须先送达催告书",
        );
        o.ok(
            T,
            "wulei",
            &format!("cases move {unpaid} remind --on 2026-09-21 --served-by direct"),
        );
        // The wait runs past National Day: not yet on 9 October.
        o.refused(
            T,
            "liuyang",
            &format!("cases move {unpaid} court-apply --on 2026-10-09"),
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
            T,
            "liuyang",
            &format!("cases move {unpaid} court-apply --on 2026-11-02"),
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases move {unpaid} close --on 2026-11-03"),
        );

        // Termination needs its reason.
        let gone = case("丙厂");
        o.refused(
            T,
            "liuyang",
            &format!("cases move {gone} terminate"),
            "终结须写明理由",
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases move {gone} terminate --note 用人单位已注销，无权利义务承受人"),
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
        let id = o.investigated("丁厂");
        o.ok(T, "wulei", &format!("cases move {id} prior-notice --on 2026-10-14 --article lsi-23 --fine 2000 --workers 2"));
        o.ok(
            T,
            "wulei",
            &format!("cases move {id} statement --on 2026-10-15"),
        );
        let heavier = "--article lsi-23 --fine 6000 --workers 2";
        o.refused(
            T,
            "liuyang",
            &format!("cases move {id} decide --on 2026-10-26 {heavier}"),
            "须重新事先告知",
        );
        o.ok(
            T,
            "wulei",
            &format!("cases move {id} renotice --on 2026-10-27 --served-by direct {heavier}"),
        );
        let v = o.show(&id);
        assert_eq!(
            (v["stage"].as_str(), v["notice_served_on"].as_str()),
            (Some("prior-notice"), Some("2026-10-27")),
            "{}",
            o.label
        );
        // The new notice's windows run from its own service.
        o.ok(
            T,
            "wulei",
            &format!("cases move {id} statement --on 2026-10-28"),
        );
        o.refused(
            T,
            "liuyang",
            &format!("cases move {id} decide --on 2026-10-30 {heavier}"),
            "陈述申辩期限尚未届满",
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases move {id} decide --on 2026-11-04 {heavier}"),
        );
    }
}

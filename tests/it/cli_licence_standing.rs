//! A licence's standing follows the decisions taken on it (issue 18, points
//! 1–2), through the command line on both databases: a penalty on a licence
//! holder runs as a case — prior notice with a hearing offered, legal
//! review, collective discussion, a decision served — and only then changes
//! the licence, from the day service took effect; every list, export,
//! lookup and draw pool follows; a suspension ends by itself on its day and
//! a lifting is recorded; enrolment stopped until a re-check lifts when one
//! passes.

use crate::common::{self, TestDb, office::Office};
use hrss_desk::workflow::Cx;
use serde_json::Value;

const T: &str = common::TODAY;

fn show(o: &Office, day: &str, licence: i64) -> Value {
    let out = o.ok(day, "liuyang", &format!("licences show {licence} --json"));
    serde_json::from_str(out.trim()).unwrap()
}

/// Takes a penalty step's case from registration to its investigation:
/// assigned, checked, opened 12 October, investigated from the 13th.
fn investigating(o: &Office, case: &str) {
    o.ok(
        T,
        "liuyang",
        &format!("cases assign {case} --officer wulei --inspectors wulei,huangwei"),
    );
    o.ok(
        T,
        "wulei",
        &format!("cases move {case} preliminary --on 2026-10-09"),
    );
    o.ok(
        T,
        "liuyang",
        &format!("cases move {case} open --on 2026-10-12"),
    );
    o.ok(
        T,
        "wulei",
        &format!("cases move {case} investigate --on 2026-10-13"),
    );
}

/// Takes a penalty step's case from registration to a served decision.
fn decide_and_serve(o: &Office, case: &str, decision: &str, served: &str) {
    investigating(o, case);
    o.ok(
        T,
        "wulei",
        &format!("cases move {case} prior-notice --on 2026-10-14 {decision}"),
    );
    o.ok(
        T,
        "liuyang",
        &format!("cases move {case} legal-review --on 2026-10-23"),
    );
    o.ok(
        T,
        "liuyang",
        &format!("cases move {case} discuss --on 2026-10-26"),
    );
    o.ok(
        T,
        "liuyang",
        &format!("cases move {case} decide --on 2026-10-26 {decision}"),
    );
    o.ok(
        T,
        "wulei",
        &format!("cases move {case} serve --on {served}"),
    );
}

fn case_of(o: &Office, opened: &str) -> String {
    // "…已立案（案件 ID）：…"
    let id = opened
        .split("案件 ")
        .nth(1)
        .and_then(|r| r.split('）').next())
        .unwrap_or_else(|| panic!("{}: no case in {opened}", o.label));
    id.to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_licence_revoked_by_a_served_decision_leaves_every_list_and_the_draw() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let school = db
            .scalar(
                "SELECT MIN(id) FROM licence WHERE kind = 'training-school' AND status = 'valid'",
            )
            .await;
        // 吊销 is a penalty: recorded, it opens a case and changes nothing yet.
        let said = o.ok(
            T,
            "liuyang",
            &format!("sanction add {school} revoke --on 2026-10-09 --reason 虚假招生宣传骗取学费"),
        );
        assert!(
            said.contains("行政处罚") && said.contains("听证"),
            "{}: {said}",
            o.label
        );
        let case = case_of(&o, &said);
        assert_eq!(show(&o, T, school)["status"], "valid", "{}", o.label);
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM sanction_step WHERE licence_id = {school}"
            ))
            .await,
            0,
            "{}: nothing taken before the decision",
            o.label
        );
        // Art 63: a revocation always offers a hearing — the decision waits
        // for the request window (5 working days from the notice).
        investigating(&o, &case);
        o.ok(T, "wulei", &format!("cases move {case} prior-notice --on 2026-10-14 --outcome revocation --article mjcj-62"));
        o.ok(
            T,
            "liuyang",
            &format!("cases move {case} legal-review --on 2026-10-16"),
        );
        o.refused(
            T,
            "liuyang",
            &format!(
                "cases move {case} decide --on 2026-10-19 --outcome revocation --article mjcj-62"
            ),
            "听证",
        );
        // Decided together (art 57(2)), then decided and served.
        o.refused(
            T,
            "liuyang",
            &format!(
                "cases move {case} decide --on 2026-10-26 --outcome revocation --article mjcj-62"
            ),
            "集体讨论",
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases move {case} discuss --on 2026-10-26"),
        );
        // A school's penalty is not an HR agency's: the article founds it.
        o.refused(
            T,
            "liuyang",
            &format!(
                "cases move {case} decide --on 2026-10-26 --outcome revocation --article hrm-46"
            ),
            "该条款不能作为这种决定的依据",
        );
        o.ok(
            T,
            "liuyang",
            &format!(
                "cases move {case} decide --on 2026-10-26 --outcome revocation --article mjcj-62"
            ),
        );
        // Decided, not yet served: still valid.
        assert_eq!(show(&o, T, school)["status"], "valid", "{}", o.label);
        let pool_before = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM inspection WHERE licence_id = {school}"
            ))
            .await;
        o.ok(
            T,
            "wulei",
            &format!("cases move {case} serve --on 2026-10-28"),
        );
        let s = show(&o, T, school);
        assert_eq!(
            (
                s["status"].as_str(),
                s["since"].as_str(),
                s["set_by_step"].as_str()
            ),
            (Some("revoked"), Some("2026-10-28"), Some("revoke")),
            "{}: {s}",
            o.label
        );
        assert!(
            s["set_by_case"]
                .as_str()
                .is_some_and(|c| c.contains("2026")),
            "{}: {s}",
            o.label
        );
        assert!(
            s["grounds"]
                .as_str()
                .unwrap()
                .contains("民办教育促进法第六十二条"),
            "{s}"
        );
        let text = o.ok(T, "liuyang", &format!("licences show {school}"));
        assert!(
            text.contains("状态：已吊销，自2026-10-28起，依案件"),
            "{}: {text}",
            o.label
        );
        // The day before service took effect it stood valid.
        assert_eq!(
            show(&o, "2026-10-27", school)["status"],
            "valid",
            "{}",
            o.label
        );
        // The register, the lookup and the draw follow.
        let number = s["number"].as_str().unwrap().to_string();
        let register = o.ok(T, "liuyang", "register export --kind training-school");
        let row = register.lines().find(|l| l.contains(&number)).unwrap();
        assert!(
            row.contains("已吊销") && row.ends_with("\"1\""),
            "{}: {row}",
            o.label
        );
        let found = o.ok(T, "liuyang", &format!("lookup {number} --kind licence"));
        assert!(found.contains("已吊销"), "{}: {found}", o.label);
        o.ok(
            T,
            "liuyang",
            "draw run --name 全部抽查 --kind training-school --ratio 100% --seed 7",
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM inspection WHERE licence_id = {school}"
            ))
            .await,
            pool_before,
            "{}: a revoked licence is not drawn",
            o.label
        );
        let other = db
            .scalar(&format!("SELECT MIN(id) FROM licence WHERE kind = 'training-school' AND status = 'valid' AND id <> {school}"))
            .await;
        assert!(
            db.scalar(&format!("SELECT COUNT(*) FROM inspection WHERE licence_id = {other} AND planned_on >= '2026-11-27'")).await > 0,
            "{}: a valid one is",
            o.label
        );
        // Nothing follows the top of the ladder.
        o.refused(
            T,
            "liuyang",
            &format!("sanction add {school} warn-rectify --reason 再犯"),
            "许可已吊销或协议已解除",
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn orders_stay_light_and_a_penalty_must_be_on_the_licences_ladder() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let agency = db
            .scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'")
            .await;
        // 限期整改 is recorded at once, with its deadline.
        let said = o.ok(
            T,
            "liuyang",
            &format!("sanction add {agency} rectify --until 2026-12-31 --reason 年度报告未报送"),
        );
        assert!(
            said.contains("限期整改") && !said.contains("行政处罚"),
            "{}: {said}",
            o.label
        );
        o.refused(
            T,
            "liuyang",
            &format!("sanction add {agency} rectify --reason 无期限"),
            "--until",
        );
        let s = show(&o, T, agency);
        assert_eq!(s["steps"][0]["step"], "rectify", "{}: {s}", o.label);
        assert_eq!(s["status"], "valid", "{}", o.label);
        // 罚款 opens a case; the decision is the fine its article sets.
        let said = o.ok(
            T,
            "liuyang",
            &format!("sanction add {agency} fine --on 2026-10-09 --reason 逾期仍未报送年度报告"),
        );
        let case = case_of(&o, &said);
        // An HR agency's enrolment cannot be stopped: not on its ladder.
        investigating(&o, &case);
        o.refused(
            T,
            "wulei",
            &format!("cases move {case} prior-notice --on 2026-10-14 --outcome stop-enrolment --article mjcj-62"),
            "此类许可的处理阶梯为",
        );
        o.refused(
            T,
            "wulei",
            &format!(
                "cases move {case} prior-notice --on 2026-10-14 --article hrm-46 --fine 20000"
            ),
            "5,000.00",
        );
        o.ok(
            T,
            "wulei",
            &format!("cases move {case} prior-notice --on 2026-10-14 --article hrm-46 --fine 8000"),
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases move {case} legal-review --on 2026-10-23"),
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases move {case} decide --on 2026-10-26 --article hrm-46 --fine 8000"),
        );
        o.ok(
            T,
            "wulei",
            &format!("cases move {case} serve --on 2026-10-28"),
        );
        // A fine takes its step, by its case, and leaves the licence valid.
        let s = show(&o, T, agency);
        assert_eq!(s["status"], "valid", "{}", o.label);
        let fine = s["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|st| st["step"] == "fine")
            .unwrap_or_else(|| panic!("{}: no fine step in {s}", o.label));
        assert_eq!(fine["decided_on"], "2026-10-26", "{}", o.label);
        assert!(fine["case"].is_string(), "{}: {s}", o.label);
        // Role: an inspector takes no ladder step, and nothing is written.
        let before = db.scalar("SELECT COUNT(*) FROM inspection_case").await;
        o.refused(
            T,
            "wulei",
            &format!("sanction add {agency} revoke --reason x"),
            "科室负责人",
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM inspection_case").await,
            before
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_suspension_ends_by_itself_on_its_day_and_a_lifting_is_recorded() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let clinic = db
            .scalar(
                "SELECT MIN(id) FROM licence WHERE kind = 'designated-clinic' AND status = 'valid'",
            )
            .await;
        // At most 180 days (定点管理暂行办法 art 42).
        o.refused(
            T,
            "liuyang",
            &format!("sanction add {clinic} suspend-agreement --reason 违规结算"),
            "--until",
        );
        o.refused(
            T,
            "liuyang",
            &format!(
                "sanction add {clinic} suspend-agreement --until 2027-05-27 --reason 违规结算"
            ),
            "180",
        );
        o.ok(
            T,
            "liuyang",
            &format!(
                "sanction add {clinic} suspend-agreement --until 2026-12-31 --reason 违规结算"
            ),
        );
        let on = |day: &str| {
            show(&o, day, clinic)["status"]
                .as_str()
                .unwrap()
                .to_string()
        };
        assert_eq!(on(T), "suspended", "{}", o.label);
        assert_eq!(on("2026-12-31"), "suspended", "{}: its last day", o.label);
        assert_eq!(on("2027-01-01"), "valid", "{}: over by itself", o.label);
        let text = o.ok(T, "liuyang", &format!("licences show {clinic}"));
        assert!(
            text.contains("状态：中止协议，自2026-11-27起至2026-12-31止"),
            "{}: {text}",
            o.label
        );
        // Out of the pool while it lasts, back after.
        let in_pool = |day: &str| {
            let out = o.ok(day, "liuyang", "register export --kind designated-clinic");
            let number = show(&o, day, clinic)["number"]
                .as_str()
                .unwrap()
                .to_string();
            out.lines()
                .find(|l| l.contains(&number))
                .unwrap()
                .contains("中止协议")
        };
        assert!(in_pool(T), "{}: the register shows it suspended", o.label);
        assert!(!in_pool("2027-01-01"), "{}", o.label);
        // Lifted before its day: a recorded act, valid from then.
        o.ok(
            "2026-12-01",
            "liuyang",
            &format!("sanction add {clinic} lift --reason 整改到位"),
        );
        assert_eq!(on("2026-12-01"), "valid", "{}", o.label);
        o.refused(
            "2026-12-01",
            "liuyang",
            &format!("sanction add {clinic} lift --reason 再次"),
            "未被暂停",
        );
        // Terminated for good: 已解除协议 in its detail and the register.
        o.ok(
            "2026-12-01",
            "liuyang",
            &format!("sanction add {clinic} terminate --reason 骗取医保基金"),
        );
        let text = o.ok("2026-12-02", "liuyang", &format!("licences show {clinic}"));
        assert!(
            text.contains("状态：已解除协议，自2026-12-01起"),
            "{}: {text}",
            o.label
        );
        let number = show(&o, "2026-12-02", clinic)["number"]
            .as_str()
            .unwrap()
            .to_string();
        let register = o.ok(
            "2026-12-02",
            "liuyang",
            "register export --kind designated-clinic",
        );
        let row = register.lines().find(|l| l.contains(&number)).unwrap();
        assert!(row.contains("已解除协议"), "{}: {row}", o.label);
        let steps = show(&o, "2026-12-01", clinic)["steps"].clone();
        assert_eq!(
            (
                steps[0]["step"].as_str(),
                steps[1]["step"].as_str(),
                steps[2]["step"].as_str()
            ),
            (Some("terminate"), Some("lift"), Some("suspend-agreement")),
            "{}: {steps}",
            o.label
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn enrolment_stopped_until_a_recheck_resumes_when_one_passes() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let school = db
            .scalar(
                "SELECT MIN(id) FROM licence WHERE kind = 'training-school' AND status = 'valid'",
            )
            .await;
        let said = o.ok(T, "liuyang", &format!("sanction add {school} stop-enrolment --on 2026-10-09 --reason 综合评审不合格且逾期未整改"));
        let case = case_of(&o, &said);
        decide_and_serve(
            &o,
            &case,
            "--outcome stop-enrolment --article mjcj-62",
            "2026-10-28",
        );
        let s = show(&o, T, school);
        assert_eq!(
            (s["status"].as_str(), s["until"].as_str()),
            (Some("suspended"), None),
            "{}: {s}",
            o.label
        );
        let text = o.ok(T, "liuyang", &format!("licences show {school}"));
        assert!(
            text.contains("状态：停止招生，自2026-10-28起"),
            "{}: {text}",
            o.label
        );
        // A re-check that passes lifts it, in the same record.
        let inspection = o.inspection(&db, T, school, "复查整改情况").await;
        let said = o.ok(
            T,
            "wulei",
            &format!("inspect record {inspection} --rest passed"),
        );
        assert!(said.contains("停止招生已解除"), "{}: {said}", o.label);
        let s = show(&o, T, school);
        assert_eq!(
            (s["status"].as_str(), s["steps"][0]["step"].as_str()),
            (Some("valid"), Some("lift")),
            "{}: {s}",
            o.label
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_counts_the_standings_clocks_as_the_rules_do() {
    use chrono::{Days, NaiveDate};
    use hrss_desk::domain::ladder::Step;
    use hrss_desk::domain::licence::{is_agreement, renewal_due_for};
    use hrss_desk::i18n::Lang;
    use hrss_desk::workflow::supervision;
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let cal = hrss_desk::domain::WorkCalendar::from_years(&[]);
        let before = store.dashboard(today, today).await.unwrap();
        let clinic = db
            .scalar("SELECT MIN(id) FROM licence WHERE kind = 'designated-pharmacy' AND status = 'valid'")
            .await;
        let step = |step, until| supervision::TakeStep {
            licence: clinic,
            step,
            on: today,
            until,
            reason: "违规结算",
            source: hrss_desk::domain::CaseSource::Patrol,
            from_inspection: None,
        };
        supervision::sanction(
            &Cx::new(&store, &cal, &chief, Lang::Zh, today),
            &step(Step::SuspendAgreement, Some(today + Days::new(20))),
        )
        .await
        .unwrap();
        let after = store.dashboard(today, today).await.unwrap();
        assert_eq!(
            after.suspensions_ending,
            before.suspensions_ending + 1,
            "{}",
            db.label
        );
        // Agreements to renew: in force, ending within three months and 30 days.
        let expected = store
            .public_register("")
            .await
            .unwrap()
            .iter()
            .filter(|r| {
                let kind = r.kind;
                r.status.code() == "valid"
                    && is_agreement(kind)
                    && r.expires_on.is_some_and(|e| {
                        e >= today && renewal_due_for(kind, e) <= today + Days::new(30)
                    })
            })
            .count() as i64;
        assert_eq!(after.agreement_renewals_due, expected, "{}", db.label);
        // Lifted: no longer ending.
        supervision::sanction(
            &Cx::new(&store, &cal, &chief, Lang::Zh, today),
            &step(Step::Lift, None),
        )
        .await
        .unwrap();
        let lifted = store.dashboard(today, today).await.unwrap();
        assert_eq!(
            lifted.suspensions_ending, before.suspensions_ending,
            "{}",
            db.label
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_violation_notice_leads_to_the_agreements_handling_and_its_recheck() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let clinic = db
            .scalar(
                "SELECT MIN(id) FROM licence WHERE kind = 'designated-clinic' AND status = 'valid'",
            )
            .await;
        let first = o.inspection(&db, "2026-11-02", clinic, "串换药品").await;
        let said = o.ok(
            "2026-11-02",
            "wulei",
            &format!(
                "inspect record {first} --item reimbursements=failed:串换药品结算 --rest passed"
            ),
        );
        assert!(
            said.contains("违约通知单") && said.contains("sanction add"),
            "{}: {said}",
            o.label
        );
        // The agreement's own handling, light, with its day to rectify by.
        let said = o.ok(
            "2026-11-03",
            "liuyang",
            &format!("sanction add {clinic} interview --until 2026-11-20 --reason 违约通知单整改"),
        );
        assert!(!said.contains("行政处罚"), "{}: {said}", o.label);
        let due = |day: &str| o.ok(day, "liuyang", &format!("sanction due --on {day}"));
        let number = show(&o, T, clinic)["number"].as_str().unwrap().to_string();
        assert!(
            !due("2026-11-20").contains(&number),
            "{}: not yet due",
            o.label
        );
        assert!(
            due("2026-11-23").contains(&number),
            "{}: due, not re-checked",
            o.label
        );
        // Re-checked and passed: no longer due.
        let second = o.inspection(&db, "2026-11-24", clinic, "整改复查").await;
        o.ok(
            "2026-11-24",
            "wulei",
            &format!("inspect record {second} --rest passed"),
        );
        assert!(
            !due("2026-11-25").contains(&number),
            "{}: re-checked",
            o.label
        );
    }
}

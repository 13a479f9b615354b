//! A case's decision is any the law gives, through the command line on both
//! databases: a 行政处理决定 (wages, social-insurance arrears with their
//! daily charge), a warning, no penalty, a confiscation, an order to
//! rectify; suspension and extension with reason and approver; and a small
//! penalty decided on the spot (简易程序).

use crate::common::{self, TestDb, office::Office};
use serde_json::Value;

const T: &str = common::TODAY;

#[tokio::test(flavor = "multi_thread")]
async fn a_case_ends_in_any_decision_the_law_gives_not_only_a_fine() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        // 行政处理决定: wages owed, decided from the investigation, exactly the amount.
        let wages = o.investigated("工资厂");
        let pay = "decide --on 2026-10-20 --outcome handling --article lsi-26-pay --owed 80000";
        o.refused(
            T,
            "liuyang",
            &format!("cases move {wages} {pay} --fine 70000"),
            "金额依法应为80,000.00元",
        );
        o.ok(T, "liuyang", &format!("cases move {wages} {pay}"));
        let v = o.show(&wages);
        assert_eq!(
            (v["decision"].as_str(), v["fine_fen"].as_i64()),
            (Some("handling"), Some(80_000_00)),
            "{}",
            o.label
        );
        let files = o.files(&wages);
        assert!(
            files.contains(&"handling-decision".into())
                && !files.contains(&"penalty-decision".into()),
            "{files:?}"
        );
        // Served, unpaid: no 3 % a day (it is not a fine); enforced the same way.
        o.ok(
            T,
            "wulei",
            &format!("cases move {wages} serve --on 2026-10-21"),
        );
        let v = o.show(&wages);
        assert_eq!(
            (v["late_fee_fen"].as_i64(), v["outstanding_fen"].as_i64()),
            (Some(0), Some(80_000_00))
        );

        // Social-insurance arrears with 0.05 % a day from when they fell due.
        let arrears = o.investigated("社保厂");
        let si = "decide --on 2026-10-20 --outcome handling --article si-86-arrears --owed 10000";
        o.refused(
            T,
            "liuyang",
            &format!("cases move {arrears} {si}"),
            "欠缴之日",
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases move {arrears} {si} --since 2026-06-30"),
        );
        // 112 days × 0.05 % of 10,000 yuan = 560 yuan.
        assert_eq!(o.show(&arrears)["fine_fen"], 10_560_00, "{}", o.label);

        // A penalty waits for its notice: a warning under art 25.
        let warned = o.investigated("加班厂");
        o.refused(
            T,
            "liuyang",
            &format!(
                "cases move {warned} decide --on 2026-10-14 --outcome warning --article lsi-25"
            ),
            "须事先告知",
        );
        o.refused(
            T,
            "wulei",
            &format!("cases move {warned} prior-notice --on 2026-10-14 --outcome handling --article lsi-26-pay --owed 1"),
            "事先告知的是拟作出的行政处罚",
        );
        o.ok(T, "wulei", &format!("cases move {warned} prior-notice --on 2026-10-14 --outcome warning --article lsi-25"));
        // Heavier than a warning: a fine needs a new notice.
        o.refused(
            T,
            "liuyang",
            &format!(
                "cases move {warned} decide --on 2026-10-26 --article lsi-25 --fine 200 --workers 2"
            ),
            "须重新事先告知",
        );
        o.refused(
            T,
            "liuyang",
            &format!(
                "cases move {warned} decide --on 2026-10-26 --outcome warning --article lsi-23"
            ),
            "该条款不能作为这种决定的依据",
        );
        o.ok(
            T,
            "liuyang",
            &format!(
                "cases move {warned} decide --on 2026-10-26 --outcome warning --article lsi-25"
            ),
        );
        // Served, a warning is carried out: the case closes.
        o.ok(
            T,
            "wulei",
            &format!("cases move {warned} serve --on 2026-10-27"),
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases move {warned} close --on 2026-10-28"),
        );
        assert_eq!(o.show(&warned)["stage"], "closed");

        // No penalty (行政处罚法 art 33), decided from the investigation.
        let minor = o.investigated("初犯厂");
        o.ok(
            T,
            "liuyang",
            &format!(
                "cases move {minor} decide --on 2026-10-20 --outcome no-penalty --article ap-33"
            ),
        );
        assert!(o.files(&minor).contains(&"no-penalty-decision".into()));

        // Confiscation: the gains, whole, after the notice; a large one offers a hearing.
        let gains = o.investigated("中介所");
        o.ok(T, "wulei", &format!("cases move {gains} prior-notice --on 2026-10-14 --outcome confiscation --article lsi-28-gains --owed 25000"));
        assert!(
            o.files(&gains).contains(&"hearing-notice".into()),
            "{}",
            o.label
        );

        // An order to rectify: its deadline, the case open until then; then
        // corrected (closed) or a fine under art 30 for refusing it.
        let order = o.investigated("合同厂");
        o.refused(
            T,
            "wulei",
            &format!("cases move {order} order --on 2026-10-14"),
            "改正期限",
        );
        o.ok(
            T,
            "wulei",
            &format!(
                "cases move {order} decide --outcome order --on 2026-10-14 --deadline 2026-10-30"
            ),
        );
        let v = o.show(&order);
        assert_eq!(
            (v["stage"].as_str(), v["order_deadline"].as_str()),
            (Some("investigating"), Some("2026-10-30"))
        );
        o.ok(
            T,
            "wulei",
            &format!(
                "cases move {order} prior-notice --on 2026-11-02 --article lsi-30 --fine 5000"
            ),
        );
        assert_eq!(o.show(&order)["decision"], "fine");
        o.refused(
            T,
            "wulei",
            &format!("cases move {order} decide --outcome rumour"),
            "没有“rumour”这种决定种类",
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn suspension_and_extension_say_why_and_who_approved_at_any_stage_before_the_decision() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let id = o.open(
            T,
            "--source report --informant 李四 --respondent 戊厂 --matters wages --on 2026-10-09",
        );
        o.ok(
            T,
            "liuyang",
            &format!("cases assign {id} --officer wulei --inspectors wulei,huangwei"),
        );
        for (day, user, step) in [
            ("2026-10-09", "wulei", "preliminary"),
            ("2026-10-12", "liuyang", "open"),
            ("2026-10-13", "wulei", "investigate"),
        ] {
            o.ok(T, user, &format!("cases move {id} {step} --on {day}"));
        }
        o.ok(T, "wulei", &format!("cases move {id} prior-notice --on 2026-10-14 --article lsi-23 --fine 3000 --workers 2"));
        // In the notice stage the investigation's clock still runs: it may stop.
        let suspend = format!("cases move {id} suspend --on 2026-10-15");
        o.refused(T, "liuyang", &suspend, "中止调查须写明理由");
        o.refused(
            T,
            "liuyang",
            &format!("{suspend} --note 当事人下落不明"),
            "须经科室负责人批准",
        );
        let said = o.ok(
            T,
            "liuyang",
            &format!("{suspend} --note 当事人下落不明 --approved-by 刘洋 --until 2026-11-15"),
        );
        assert!(said.contains("告知投诉（举报）人"), "{said}");
        o.ok(
            T,
            "liuyang",
            &format!("cases move {id} resume --on 2026-10-26"),
        );
        // 条例 art 17: the bureau's head extends.
        let extend = format!("cases move {id} extend --on 2026-10-27 --note 案情复杂");
        o.refused(T, "liuyang", &extend, "须经局负责人批准");
        o.ok(T, "liuyang", &format!("{extend} --approved-by 王局长"));
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

#[tokio::test(flavor = "multi_thread")]
async fn a_small_penalty_is_decided_on_the_spot_within_the_laws_limits() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let spot = "cases on-the-spot --respondent 某个体户 --matters working-hours --inspectors wulei,huangwei";
        // 200 yuan on a citizen at most, 3,000 on an organisation (art 51).
        o.refused(T, "wulei", &format!("{spot} --respondent-kind person --number DC-0001 --article lsi-25 --fine 300 --workers 3"), "当场罚款不得超过200.00元");
        o.refused(
            T,
            "wulei",
            &format!("{spot} --number DC-0001 --outcome handling --article lsi-26-pay --fine 100"),
            "当场只能作出警告或罚款决定",
        );
        o.refused(
            T,
            "wulei",
            &format!("{spot} --number DC-0001 --article lsi-25 --fine 150 --workers 1 --paid"),
            "当场收缴罚款限于100元以下",
        );
        // A fine of 300 yuan on an organisation, decided, served and numbered on the spot.
        let out = o.ok(T, "wulei", &format!("{spot} --number DC-0001 --article lsi-25 --fine 300 --workers 3 --on 2026-11-26 --json"));
        let id = serde_json::from_str::<Value>(out.trim()).unwrap()["id"].to_string();
        let v = o.show(&id);
        assert_eq!(
            (
                v["stage"].as_str(),
                v["decision"].as_str(),
                v["fine_fen"].as_i64()
            ),
            (Some("decided"), Some("fine"), Some(300_00)),
            "{}",
            o.label
        );
        assert_eq!(
            (v["decided_on"].as_str(), v["served_on"].as_str()),
            (Some("2026-11-26"), Some("2026-11-26"))
        );
        assert_eq!(v["deadline_rule"], "fine-payment");
        assert_eq!(o.files(&id), ["on-the-spot-decision", "service-receipt"]);
        // Each numbered form once.
        o.refused(
            T,
            "wulei",
            &format!("{spot} --number DC-0001 --outcome warning --article lsi-25"),
            "已经登记",
        );
        // A warning keyed in after the office's two working days: recorded, said late.
        let said = o.ok(T, "huangwei", &format!("{spot} --respondent-kind person --number DC-0002 --outcome warning --article lsi-25 --on 2026-11-20"));
        assert!(said.contains("备案逾期已记录"), "{said}");
        // Collected on the spot: 100 yuan, nothing owed, the case may close.
        let out = o.ok(T, "wulei", &format!("{spot} --respondent-kind person --number DC-0003 --article lsi-25 --fine 100 --workers 1 --paid --json"));
        let paid = serde_json::from_str::<Value>(out.trim()).unwrap()["id"].to_string();
        assert_eq!(o.show(&paid)["outstanding_fen"], 0);
        o.ok(T, "liuyang", &format!("cases move {paid} close"));
        // A clerk does not decide penalties.
        o.refused(
            T,
            "wangfang",
            &format!("{spot} --number DC-0004 --outcome warning --article lsi-25"),
            "登记案件",
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_documents_carry_what_the_law_requires_and_the_hearing_its_notice() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let out = tempfile::tempdir().unwrap();
        let render = |user: &str, line: &str, file: &str| -> Vec<String> {
            let path = out.path().join(file);
            o.ok(
                T,
                user,
                &format!("notice render {line} -o {}", path.display()),
            );
            common::readers::docx_paragraphs(&path)
        };
        let id = o.investigated("某建筑公司");
        // The inquiry notice needs its time and place typed.
        o.refused(
            T,
            "wulei",
            &format!("notice render inquiry-notice {id}"),
            "须填写“询问时间”",
        );
        o.refused(
            T,
            "wulei",
            &format!("notice render inquiry-notice {id} --field 颜色=红"),
            "没有“颜色”一项",
        );
        let p = render(
            "wulei",
            &format!(
                "inquiry-notice {id} --field 询问时间=2026年10月16日9时 --field 询问地点=本局302室"
            ),
            "inquiry.docx",
        );
        assert!(
            p.iter().any(|l| l == "询问时间：2026年10月16日9时"),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|l| l.starts_with("须携带材料：") && l.contains("工资支付记录")),
            "{p:?}"
        );
        // 20,000 yuan proposed: the notice states facts, basis, penalty and both rights.
        o.ok(T, "wulei", &format!("cases move {id} prior-notice --on 2026-10-14 --article lsi-23 --fine 20000 --workers 10"));
        let p = render("wulei", &format!("prior-notice {id}"), "notice.docx");
        for want in [
            "理由和依据：",
            "拟作出的行政处罚：罚款20,000.00元",
            "5个工作日内向本局提出",
            "有权要求举行听证",
        ] {
            assert!(
                p.iter().any(|l| l.contains(want)),
                "{}: {want}: {p:?}",
                o.label
            );
        }
        // The hearing: asked for, notified 7 working days ahead, held on the day.
        o.ok(
            T,
            "wulei",
            &format!("cases move {id} hearing-request --on 2026-10-16"),
        );
        o.refused(
            T,
            "wulei",
            &format!("cases move {id} schedule-hearing --on 2026-10-19 --until 2026-10-27"),
            "最迟2026-10-16",
        );
        o.ok(
            T,
            "wulei",
            &format!("cases move {id} schedule-hearing --on 2026-10-19 --until 2026-10-28"),
        );
        o.refused(
            T,
            "liuyang",
            &format!("cases move {id} hearing --on 2026-10-27"),
            "并于通知之日举行",
        );
        o.ok(
            T,
            "zhaojing",
            &format!("cases move {id} hearing --on 2026-10-28"),
        );
        assert!(o.files(&id).contains(&"hearing-meeting-notice".into()));
        assert!(o.files(&id).contains(&"hearing-record".into()));
        o.ok(
            T,
            "liuyang",
            &format!("cases move {id} legal-review --on 2026-10-29"),
        );
        // After a hearing the heads decide together (art 57(2)).
        let decide = format!(
            "cases move {id} decide --on 2026-10-30 --article lsi-23 --fine 20000 --workers 10"
        );
        o.refused(T, "liuyang", &decide, "集体讨论");
        o.ok(
            T,
            "zhaojing",
            &format!("cases move {id} discuss --on 2026-10-30"),
        );
        o.ok(
            T,
            "liuyang",
            &format!(
                "cases move {id} decide --on 2026-10-30 --article lsi-23 --fine 20000 --workers 10"
            ),
        );
        // The decision: how and by when to pay, the late fee, review and lawsuit with their limits.
        let p = render(
            "liuyang",
            &format!("penalty-decision {id}"),
            "decision.docx",
        );
        for want in [
            "证据：听证笔录",
            "十五日内",
            "百分之三",
            "六十日内向石家庄市鹿泉区人民政府申请行政复议",
            "六个月内依法向石家庄市鹿泉区人民法院提起行政诉讼",
        ] {
            assert!(
                p.iter().any(|l| l.contains(want)),
                "{}: {want}: {p:?}",
                o.label
            );
        }
        // Each decision its own document.
        o.refused(
            T,
            "liuyang",
            &format!("notice render handling-decision {id}"),
            "不能出具行政处理决定书",
        );
    }
}

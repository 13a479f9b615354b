//! Recording an agreement institution's inspection on every backend: the
//! violation notice (违约通知单) served on the spot and numbered in the year,
//! and the settlement-audit tasks its findings close.

use crate::common;

use chrono::NaiveDate;
use common::TestDb;
use hrss_desk::domain::check_items::Outcome;
use hrss_desk::i18n::Lang;
use hrss_desk::store::{Detail, ListKind};
use hrss_desk::workflow::supervision;

#[tokio::test]
async fn a_failed_agreement_institution_is_served_a_numbered_notice_and_its_audit_tasks_close() {
    let today = NaiveDate::from_ymd_opt(2098, 5, 6).unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 300).await;
        let inspector = store.staff_by_login("yangqiang").await.unwrap().unwrap();
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        // Every pharmacy drawn, so there are inspections to record.
        let plan = hrss_desk::domain::draw::Plan {
            seed: 3,
            ratio_permille: 1000,
            per_target: 2,
        };
        hrss_desk::workflow::draws::run(
            &crate::common::cx(&store, &chief, Lang::Zh, today),
            "药店全覆盖",
            "designated-pharmacy",
            "",
            plan,
        )
        .await
        .unwrap();
        let pending = |kinds: &str| {
            format!(
                "SELECT i.id FROM inspection i JOIN licence l ON l.id = i.licence_id
                 WHERE i.result = 'pending' AND l.kind IN ({kinds}) ORDER BY i.id"
            )
        };
        let agreement: Vec<i64> = db
            .rows(&pending("'designated-clinic', 'designated-pharmacy'"))
            .await;
        assert!(agreement.len() >= 3, "{l}: the draw planned them");
        let (first, second, third) = (agreement[0], agreement[1], agreement[2]);
        let licence_of = |i: i64| format!("SELECT licence_id FROM inspection WHERE id = {i}");
        let open_tasks = |lic: i64| {
            format!("SELECT COUNT(*) FROM audit_task WHERE licence_id = {lic} AND status = 'open'")
        };
        // Two open audit tasks on the first and the third institution.
        for i in [first, third] {
            let lic = db.scalar(&licence_of(i)).await;
            for (n, rule) in ["cost-per-visit", "sudden-jump"].iter().enumerate() {
                db.raw(&format!(
                    "INSERT INTO audit_task (licence_id, month, rule, detail, created_on)
                     VALUES ({lic}, 20980{n}, '{rule}', '', '2098-04-01')"
                ))
                .await;
            }
        }
        let record = |id: i64, items: Vec<(String, Outcome)>| {
            let (store, inspector) = (&store, &inspector);
            async move {
                supervision::record(
                    &crate::common::cx(store, inspector, Lang::Zh, today),
                    id,
                    &items,
                    Some(Outcome::Passed),
                    None,
                    "unannounced",
                )
                .await
                .unwrap()
            }
        };
        let said = record(
            first,
            vec![
                (
                    "reimbursements".into(),
                    Outcome::Failed("串换药品结算".into()),
                ),
                (
                    "audit-findings".into(),
                    Outcome::Failed("次均费用偏高属实".into()),
                ),
            ],
        )
        .await;
        assert!(said.contains("违约通知单〔2098〕第1号"), "{l}: {said}");
        assert!(said.contains("2项稽核任务已办结"), "{l}: {said}");
        let lic = db.scalar(&licence_of(first)).await;
        assert_eq!(db.scalar(&open_tasks(lic)).await, 0, "{l}");
        let Some(Detail::Inspection { notice, .. }) =
            store.detail(ListKind::Inspections, first).await.unwrap()
        else {
            panic!("{l}: no detail")
        };
        let notice = notice.unwrap_or_else(|| panic!("{l}: a notice"));
        assert_eq!(
            (notice.year, notice.seq, notice.issued_on),
            (2098, 1, today),
            "{l}"
        );
        assert!(
            notice.content.contains("费用结算与报销：串换药品结算")
                && notice.content.contains("次均费用偏高属实"),
            "{l}: {}",
            notice.content
        );

        // The notice as a document carries the number it was served with.
        let doc = hrss_desk::workflow::documents::render(
            &crate::common::cx(&store, &inspector, Lang::Zh, today),
            hrss_desk::domain::documents::DocKind::ViolationNotice,
            first,
        )
        .await
        .unwrap();
        assert_eq!(doc.number, "鹿医保违〔2098〕第1号", "{l}");
        let path =
            std::env::temp_dir().join(format!("hrss-violation-{l}-{}.docx", std::process::id()));
        std::fs::write(&path, &doc.bytes).unwrap();
        let text = crate::common::readers::read_docx(&path);
        let _ = std::fs::remove_file(&path);
        assert!(
            text.contains("违约通知单") && text.contains("费用结算与报销：串换药品结算"),
            "{l}: read {text:?}"
        );

        // The next failure is the year's second notice; a pass is served none.
        let said = record(
            second,
            vec![(
                "clauses".into(),
                Outcome::Failed("未按协议公示医保服务信息".into()),
            )],
        )
        .await;
        assert!(said.contains("第2号"), "{l}: {said}");
        // Audit findings not applicable: the third institution's tasks stay open.
        let said = record(
            third,
            vec![("audit-findings".into(), Outcome::NotApplicable)],
        )
        .await;
        assert!(
            !said.contains("违约通知单") && !said.contains("稽核任务"),
            "{l}: {said}"
        );
        let lic = db.scalar(&licence_of(third)).await;
        assert_eq!(db.scalar(&open_tasks(lic)).await, 2, "{l}");

        // An HR agency found at fault is not served the agreement's notice.
        let hr: Vec<i64> = db.rows(&pending("'hr-service'")).await;
        let said = record(
            hr[0],
            vec![("notices".into(), Outcome::Failed("未公示收费标准".into()))],
        )
        .await;
        assert!(!said.contains("违约通知单"), "{l}: {said}");
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM violation_notice").await,
            2,
            "{l}"
        );
        assert!(store.verify_audit().await.unwrap().is_ok(), "{l}");
    }
}

#[tokio::test]
async fn notices_recorded_at_once_at_two_desks_get_two_numbers() {
    let today = NaiveDate::from_ymd_opt(2098, 5, 6).unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 300).await;
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let plan = hrss_desk::domain::draw::Plan {
            seed: 4,
            ratio_permille: 1000,
            per_target: 2,
        };
        hrss_desk::workflow::draws::run(
            &crate::common::cx(&store, &chief, Lang::Zh, today),
            "诊所全覆盖",
            "designated-clinic",
            "",
            plan,
        )
        .await
        .unwrap();
        let ids: Vec<i64> = db
            .rows(
                "SELECT i.id FROM inspection i JOIN licence l ON l.id = i.licence_id
                 WHERE i.result = 'pending' AND l.kind = 'designated-clinic' ORDER BY i.id",
            )
            .await;
        // A second desk: its own connection pool on the same database.
        let other = db.open().await;
        let (a, b) = (
            store.staff_by_login("yangqiang").await.unwrap().unwrap(),
            other.staff_by_login("wulei").await.unwrap().unwrap(),
        );
        let failed = vec![("clauses".to_string(), Outcome::Failed("超范围收费".into()))];
        for pair in ids.chunks(2).take(4) {
            let [x, y] = pair else { break };
            let (cx_a, cx_b) = (
                crate::common::cx(&store, &a, Lang::Zh, today),
                crate::common::cx(&other, &b, Lang::Zh, today),
            );
            let (r1, r2) = tokio::join!(
                supervision::record(&cx_a, *x, &failed, Some(Outcome::Passed), None, "open"),
                supervision::record(&cx_b, *y, &failed, Some(Outcome::Passed), None, "open"),
            );
            r1.unwrap();
            r2.unwrap();
        }
        let seqs: Vec<i64> = db
            .rows("SELECT seq FROM violation_notice WHERE year = 2098 ORDER BY seq")
            .await;
        let n = seqs.len() as i64;
        assert!(n >= 4, "{l}: {seqs:?}");
        assert_eq!(
            seqs,
            (1..=n).collect::<Vec<_>>(),
            "{l}: each number once, none skipped"
        );
        other.close().await;
    }
}

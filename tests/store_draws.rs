//! Random inspection draws on every backend: the pools from the database,
//! the draw recorded with its inspections, and its replay.

mod common;

use chrono::NaiveDate;
use common::TestDb;
use hrss_desk::domain::draw::Plan;
use hrss_desk::i18n::Lang;
use hrss_desk::workflow::draws;

#[tokio::test]
async fn a_draw_is_recorded_with_its_inspections_and_replays_identically() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        // An inspector declares an interest in a licence holder: never sent there.
        // The licence holder is also on the employer register (same credit code).
        let licence = db
            .scalar("SELECT MIN(id) FROM licence WHERE status = 'valid'")
            .await;
        db.raw(&format!(
            "INSERT INTO employer (id, uscc, name, status) SELECT 900001, uscc, holder, 'active' FROM licence WHERE id = {licence}"
        ))
        .await;
        let employer = 900001;
        let zhou = store.staff_by_login("zhouhao").await.unwrap().unwrap();
        store
            .declare_conflict("liuyang", zhou.id, employer, "亲属任职", today)
            .await
            .unwrap();
        let plan = Plan {
            seed: 7,
            ratio_permille: 1000,
            per_target: 2,
        };
        let d = draws::run(&store, &chief, Lang::Zh, today, "全部", "", "", plan)
            .await
            .unwrap();
        assert!(!d.result.picks.is_empty(), "{}", db.label);
        let made = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM inspection WHERE draw_id = {}",
                d.id
            ))
            .await;
        assert_eq!(made as usize, d.result.picks.len(), "{}", db.label);
        let sent_there = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM inspection i JOIN inspection_inspector ii ON ii.inspection_id = i.id
                 WHERE i.draw_id = {} AND i.licence_id = {licence} AND ii.staff_id = {}",
                d.id, zhou.id
            ))
            .await;
        assert_eq!(
            sent_there, 0,
            "{}: a declared interest keeps them away",
            db.label
        );
        assert!(
            draws::replay(&store, Lang::Zh, d.id).await.unwrap(),
            "{}",
            db.label
        );
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn an_inspection_is_recorded_once_and_its_rectification_comes_due() {
    use hrss_desk::domain::check_items::Outcome;
    use hrss_desk::domain::ladder::Step;
    use hrss_desk::workflow::supervision;
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let inspector = store.staff_by_login("yangqiang").await.unwrap().unwrap();
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let inspection = db
            .scalar("SELECT MIN(i.id) FROM inspection i JOIN licence l ON l.id = i.licence_id WHERE i.result = 'pending' AND l.kind = 'training-school'")
            .await;
        let licence = db
            .scalar(&format!(
                "SELECT licence_id FROM inspection WHERE id = {inspection}"
            ))
            .await;
        let failed = vec![(
            "false-ads".to_string(),
            Outcome::Failed("招生简章虚假宣传".into()),
        )];
        let said = supervision::record(
            &store,
            &inspector,
            Lang::Zh,
            today,
            inspection,
            &failed,
            Some(Outcome::Passed),
            "complaint",
            "unannounced",
        )
        .await
        .unwrap();
        assert!(said.contains("发现问题"), "{}", db.label);
        let again = supervision::record(
            &store,
            &inspector,
            Lang::Zh,
            today,
            inspection,
            &failed,
            Some(Outcome::Passed),
            "complaint",
            "open",
        )
        .await;
        assert!(again.is_err(), "{}: recorded once", db.label);
        let deadline = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        supervision::sanction(
            &store,
            &chief,
            Lang::Zh,
            today,
            licence,
            Step::WarnAndRectify,
            Some(deadline),
            "虚假宣传",
        )
        .await
        .unwrap();
        let before = supervision::rectifications_due(&store, Lang::Zh, deadline)
            .await
            .unwrap();
        assert!(
            before.iter().all(|r| r.deadline != deadline),
            "{}",
            db.label
        );
        let after = supervision::rectifications_due(&store, Lang::Zh, deadline.succ_opt().unwrap())
            .await
            .unwrap();
        assert!(
            after
                .iter()
                .any(|r| r.deadline == deadline && r.step == "warn-rectify"),
            "{}",
            db.label
        );
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

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

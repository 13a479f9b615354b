//! Concurrency and tampering cases of the store, on every backend: writers
//! racing for one version, verification while others write, two first
//! administrators, forged entries in the middle of the chain.

use crate::common;

use common::{TestDb, audited};
use hrss_desk::domain::Role;
use hrss_desk::domain::audit::ChainBreak;
use hrss_desk::domain::calendar::{CalendarYear, HolidaySpan};
use hrss_desk::store::{SettingRow, StoreError};

async fn text(db: &TestDb, sql: &str) -> String {
    let sql = sqlx::AssertSqlSafe(sql.to_string());
    if db.label == "sqlite" {
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap()
    } else {
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap()
    }
}

#[tokio::test]
async fn an_entry_forged_into_the_middle_of_the_chain_is_detected() {
    for db in TestDb::all().await {
        let store = audited(&db).await;
        // Make room at 3 by moving every later entry up one, then forge 3
        // with a correct hash that points at entry 2.
        let last = db.scalar("SELECT MAX(seq) FROM audit_log").await;
        for seq in (3..=last).rev() {
            db.raw(&format!(
                "UPDATE audit_log SET seq = {} WHERE seq = {seq}",
                seq + 1
            ))
            .await;
        }
        let prev = text(&db, "SELECT hash FROM audit_log WHERE seq = 2").await;
        common::forge_entry(&db, 3, &prev).await;
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Altered { seq: 4 }),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn an_audit_field_changed_to_another_type_is_reported_not_a_crash() {
    // SQLite stores any type in any column; Postgres would refuse the update.
    let db = TestDb::sqlite();
    let store = audited(&db).await;
    db.raw("UPDATE audit_log SET at = 'yesterday' WHERE seq = 2")
        .await;
    assert_eq!(
        store.verify_audit().await.unwrap(),
        Err(ChainBreak::Altered { seq: 2 })
    );
    let db = TestDb::sqlite();
    let store = audited(&db).await;
    db.raw("UPDATE audit_log SET seq = 'abc' WHERE seq = 5")
        .await;
    assert!(store.verify_audit().await.unwrap().is_err());
}

fn setting(key: &str, value: &str) -> SettingRow {
    SettingRow {
        key: key.into(),
        value: value.into(),
        source: String::new(),
        effective_from: None,
    }
}

#[tokio::test]
async fn concurrent_writers_of_one_version_get_one_success_and_conflicts() {
    for db in TestDb::all().await {
        let store = db.open().await;
        store
            .set_setting("a", &setting("k", "0"), None)
            .await
            .unwrap();
        let audit_before = db.scalar("SELECT COUNT(*) FROM audit_log").await;
        let tasks: Vec<_> = (0..8)
            .map(|i| {
                let store = store.clone();
                let row = setting("k", &i.to_string());
                tokio::spawn(async move { store.set_setting("w", &row, Some(1)).await })
            })
            .collect();
        let mut won = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(2) => won += 1,
                Err(StoreError::Conflict { .. }) => {}
                other => panic!("{}: {other:?}", db.label),
            }
        }
        assert_eq!(won, 1, "{}: exactly one writer wins", db.label);
        assert_eq!(store.setting_version("k").await.unwrap(), Some(2));
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM audit_log").await,
            audit_before + 1,
            "{}: only the real change is audited",
            db.label
        );
        let (one, two) = (setting("new", "1"), setting("new", "2"));
        let (a, b) = tokio::join!(
            store.set_setting("a", &one, None),
            store.set_setting("b", &two, None)
        );
        assert_eq!(
            u8::from(a.is_ok()) + u8::from(b.is_ok()),
            1,
            "{}: {a:?} {b:?}",
            db.label
        );
    }
}

#[tokio::test]
async fn verifying_while_others_write_never_reports_a_false_break() {
    for db in TestDb::all().await {
        let store = audited(&db).await;
        let writer = {
            let store = store.clone();
            tokio::spawn(async move {
                for i in 0..60 {
                    store
                        .add_staff("root", &format!("w{i}"), "写", &[Role::Clerk], false)
                        .await
                        .unwrap();
                }
            })
        };
        let mut checks = 0;
        while !writer.is_finished() {
            let r = store.verify_audit().await.unwrap();
            assert!(r.is_ok(), "{}: {r:?}", db.label);
            checks += 1;
        }
        writer.await.unwrap();
        assert!(checks > 0);
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn only_one_of_two_first_administrators_gets_in() {
    for db in TestDb::all().await {
        let store = db.open().await;
        let (a, b) = tokio::join!(
            store.add_staff("root", "first1", "甲", &[Role::Admin], true),
            store.add_staff("root", "first2", "乙", &[Role::Admin], true)
        );
        assert_eq!(
            u8::from(a.is_ok()) + u8::from(b.is_ok()),
            1,
            "{}: {a:?} {b:?}",
            db.label
        );
        assert!(matches!(a.err().or(b.err()), Some(StoreError::NotFirst)));
        assert_eq!(store.list_staff().await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn a_calendar_load_of_several_years_is_all_or_nothing() {
    for db in TestDb::all().await {
        let store = audited(&db).await;
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        let good = CalendarYear {
            year: 2027,
            published: true,
            source: "notice".into(),
            holidays: vec![HolidaySpan {
                name: "元旦".into(),
                from: day(1, 1),
                to: day(1, 1),
            }],
            workdays: vec![],
        };
        // A second year that claims a day already written for 2027: the
        // database refuses it, after 2027 was written in the same transaction.
        let bad = CalendarYear {
            year: 2028,
            ..good.clone()
        };
        let audit_before = db.scalar("SELECT COUNT(*) FROM audit_log").await;
        assert!(
            store
                .replace_calendar_years("admin", &[good, bad])
                .await
                .is_err()
        );
        let years = store.calendar_years().await.unwrap();
        let y2027 = years.iter().find(|y| y.year == 2027).unwrap();
        assert!(!y2027.published, "{}: 2027 was rolled back", db.label);
        assert!(!years.iter().any(|y| y.year == 2028));
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM audit_log").await,
            audit_before
        );
    }
}

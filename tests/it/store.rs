//! The store suite: every test runs on SQLite and, when configured, Postgres.

use crate::common;
use common::today;

use chrono::NaiveDate;
use common::{TestDb, audited};
use hrss_desk::demo::{DemoInputs, generate};
use hrss_desk::domain::audit::ChainBreak;
use hrss_desk::domain::calendar::CalendarFile;
use hrss_desk::domain::{Role, WorkCalendar};
use hrss_desk::store::{SettingRow, Store, StoreError, migrate};

const SHIPPED: &str = include_str!("../../data/calendar.toml");

async fn with_calendar(db: &TestDb) -> Store {
    let store = db.open().await;
    let file = CalendarFile::parse(SHIPPED).unwrap();
    store.seed_calendar(&file.year).await.unwrap();
    store
}

async fn seeded_demo(db: &TestDb, persons: usize) -> Store {
    let store = with_calendar(db).await;
    let years = store.calendar_years().await.unwrap();
    let cal = WorkCalendar::from_years(&years);
    let checklists = store.material_requirements().await.unwrap();
    let data = generate(&DemoInputs {
        persons,
        today: today(),
        calendar: &cal,
        checklists: &checklists,
    });
    store.seed_demo("system", &data).await.unwrap();
    store
}

#[tokio::test]
async fn migrating_twice_changes_nothing_the_second_time() {
    for db in TestDb::all().await {
        let store = db.open().await;
        assert_eq!(
            store.schema_version().await.unwrap(),
            migrate::latest(),
            "{}",
            db.label
        );
        assert!(store.migrate().await.unwrap().is_empty(), "{}", db.label);
        let entries = db.scalar("SELECT COUNT(*) FROM audit_log").await;
        assert_eq!(entries, migrate::latest(), "each migration is audited once");
    }
}

#[tokio::test]
async fn sqlite_runs_in_wal_with_foreign_keys_full_sync_and_a_patient_busy_timeout() {
    let db = TestDb::sqlite();
    let store = db.open().await;
    let (journal, fk, sync, busy) = store.sqlite_settings().await.unwrap().unwrap();
    assert_eq!(journal, "wal");
    assert!(fk);
    assert_eq!(sync, 2, "synchronous=FULL");
    assert!(busy >= 5_000, "busy timeout {busy} ms");
}

#[tokio::test]
async fn a_schema_newer_than_the_program_is_refused_and_left_untouched() {
    for db in TestDb::all().await {
        let store = db.open().await;
        db.raw(
            "INSERT INTO schema_migration (version, name, applied_at) VALUES (999, 'future', 'x')",
        )
        .await;
        let audit_before = db.scalar("SELECT COUNT(*) FROM audit_log").await;
        match store.migrate().await {
            Err(StoreError::SchemaNewer { found: 999, known }) => {
                assert_eq!(known, migrate::latest())
            }
            other => panic!("{}: expected SchemaNewer, got {other:?}", db.label),
        }
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM audit_log").await,
            audit_before
        );
        assert_eq!(
            db.scalar("SELECT MAX(version) FROM schema_migration").await,
            999
        );
    }
}

#[tokio::test]
async fn the_shipped_calendar_is_loaded_once_and_reads_back_the_same() {
    for db in TestDb::all().await {
        let store = db.open().await;
        let file = CalendarFile::parse(SHIPPED).unwrap();
        assert_eq!(
            store.seed_calendar(&file.year).await.unwrap(),
            file.year.len()
        );
        assert_eq!(
            store.seed_calendar(&file.year).await.unwrap(),
            0,
            "{}",
            db.label
        );
        let back = store.calendar_years().await.unwrap();
        assert_eq!(back, file.year, "{}", db.label);
        let cal = WorkCalendar::from_years(&back);
        let due = cal.add_working_days(NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(), 5);
        assert_eq!(due.date, NaiveDate::from_ymd_opt(2026, 10, 13).unwrap());
    }
}

#[tokio::test]
async fn an_administrator_can_publish_a_new_year_and_the_load_is_audited() {
    for db in TestDb::all().await {
        let store = with_calendar(&db).await;
        let notice = CalendarFile::parse(
            r#"[[year]]
               year = 2027
               published = true
               source = "test notice"
               holidays = [{ name = "元旦", from = "2027-01-01", to = "2027-01-03" }]
               workdays = ["2027-01-09"]"#,
        )
        .unwrap();
        store
            .replace_calendar_years("zhaojing", &notice.year)
            .await
            .unwrap();
        let cal = WorkCalendar::from_years(&store.calendar_years().await.unwrap());
        assert!(cal.is_published(2027));
        assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2027, 1, 9).unwrap()));
        assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
        let by_admin = db
            .scalar("SELECT COUNT(*) FROM audit_log WHERE actor = 'zhaojing' AND action = 'calendar.load'")
            .await;
        assert_eq!(by_admin, 1, "{}", db.label);
    }
}

#[tokio::test]
async fn staff_are_found_by_login_and_a_login_is_never_taken_twice() {
    for db in TestDb::all().await {
        let store = db.open().await;
        store
            .add_staff(
                "root",
                "liqiang",
                "李强",
                &[Role::Clerk, Role::Inspector],
                false,
            )
            .await
            .unwrap();
        let s = store.staff_by_login("liqiang").await.unwrap().unwrap();
        assert_eq!(s.name, "李强");
        assert_eq!(s.roles, vec![Role::Clerk, Role::Inspector]);
        assert!(store.staff_by_login("nobody").await.unwrap().is_none());
        assert!(matches!(
            store
                .add_staff("root", "liqiang", "另一个", &[Role::Clerk], false)
                .await,
            Err(StoreError::Duplicate(_))
        ));
        assert_eq!(store.list_staff().await.unwrap().len(), 1, "{}", db.label);
    }
}

#[tokio::test]
async fn an_update_naming_a_stale_version_is_a_conflict_and_changes_nothing() {
    for db in TestDb::all().await {
        let store = db.open().await;
        let row = |value: &str| SettingRow {
            key: "statement.window.working_days".into(),
            value: value.into(),
            source: "test".into(),
            effective_from: None,
        };
        assert_eq!(store.set_setting("a", &row("5"), None).await.unwrap(), 1);
        assert_eq!(store.set_setting("a", &row("3"), Some(1)).await.unwrap(), 2);
        let stale = store.set_setting("b", &row("7"), Some(1)).await;
        assert!(
            matches!(stale, Err(StoreError::Conflict { .. })),
            "{}: {stale:?}",
            db.label
        );
        assert_eq!(
            store
                .setting("statement.window.working_days")
                .await
                .unwrap()
                .as_deref(),
            Some("3")
        );
        assert!(matches!(
            store.set_setting("b", &row("7"), None).await,
            Err(StoreError::Conflict { .. })
        ));
    }
}

/// A database with a few audited changes.

#[tokio::test]
async fn an_untouched_audit_log_verifies() {
    for db in TestDb::all().await {
        let store = audited(&db).await;
        let n = store.verify_audit().await.unwrap().unwrap();
        assert_eq!(n as i64, db.scalar("SELECT COUNT(*) FROM audit_log").await);
        assert!(n >= 8, "{}: {n}", db.label);
    }
}

#[tokio::test]
async fn an_altered_audit_entry_is_detected() {
    for db in TestDb::all().await {
        let store = audited(&db).await;
        db.raw("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 4")
            .await;
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Altered { seq: 4 }),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn a_deleted_audit_entry_is_detected_in_the_middle_and_at_the_end() {
    for db in TestDb::all().await {
        let store = audited(&db).await;
        db.raw("DELETE FROM audit_log WHERE seq = 3").await;
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Missing {
                expected: 3,
                found: 4
            }),
            "{}",
            db.label
        );
        let other = TestDb::all()
            .await
            .into_iter()
            .find(|d| d.label == db.label)
            .unwrap();
        let store = audited(&other).await;
        let last = other.scalar("SELECT MAX(seq) FROM audit_log").await;
        other
            .raw(&format!("DELETE FROM audit_log WHERE seq = {last}"))
            .await;
        assert!(
            matches!(
                store.verify_audit().await.unwrap(),
                Err(ChainBreak::Head { .. })
            ),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn an_inserted_audit_entry_is_detected_even_with_a_correct_hash() {
    for db in TestDb::all().await {
        let store = audited(&db).await;
        let last = db.scalar("SELECT MAX(seq) FROM audit_log").await;
        let head = store.audit_head().await.unwrap().unwrap();
        common::forge_entry(&db, last + 1, &head.1).await;
        assert!(
            matches!(
                store.verify_audit().await.unwrap(),
                Err(ChainBreak::Head { .. })
            ),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn reordered_audit_entries_are_detected() {
    for db in TestDb::all().await {
        let store = audited(&db).await;
        // Swap entries 3 and 4 by renumbering them.
        db.raw("UPDATE audit_log SET seq = -3 WHERE seq = 3").await;
        db.raw("UPDATE audit_log SET seq = 3 WHERE seq = 4").await;
        db.raw("UPDATE audit_log SET seq = 4 WHERE seq = -3").await;
        assert_eq!(
            store.verify_audit().await.unwrap(),
            Err(ChainBreak::Altered { seq: 3 }),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn the_demo_has_every_kind_of_record_the_issue_asks_for() {
    for db in TestDb::all().await {
        let store = seeded_demo(&db, 2_000).await;
        assert!(store.is_demo().await.unwrap());
        let c = store.counts(today()).await.unwrap();
        assert_eq!(c.persons, 2_000);
        assert!(c.employers >= 2_000, "{c:?}");
        // 300 of one person each, 12 yearly declarations, 10 retirees' pension bases.
        assert_eq!(c.pending_filings, 322);
        assert!(c.overdue_cases > 0, "{c:?}");
        assert!(
            c.overdue_cases * 3 < c.open_cases,
            "most open cases are on time: {c:?}"
        );
        let cal = WorkCalendar::from_years(&store.calendar_years().await.unwrap());
        // The status line's overdue filings: those past their tenth working day.
        let staff = store.staff_by_login("wangfang").await.unwrap().unwrap();
        let cx =
            hrss_desk::workflow::Cx::new(&store, &cal, &staff, hrss_desk::i18n::Lang::Zh, today());
        let with = hrss_desk::workflow::counts(&cx).await.unwrap();
        let cutoff = hrss_desk::domain::decision::filings_overdue_before(&cal, today());
        let expected = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM filing WHERE status = 'pending' AND received_at < '{}'",
                cutoff.format("%Y-%m-%dT%H:%M:%S+00:00")
            ))
            .await;
        assert!(
            with.overdue_filings > 0 && with.overdue_filings < with.pending_filings,
            "{with:?}"
        );
        assert_eq!(with.overdue_filings, expected, "{}", db.label);
        let soon = cal.add_working_days(today(), 5).date;
        let due_soon = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM inspection_case WHERE stage <> 'closed' AND due_on >= '{}' AND due_on <= '{soon}'",
                today()
            ))
            .await;
        assert!(
            due_soon > 0,
            "{}: no case due within 5 working days",
            db.label
        );
        let q = |sql: &'static str| db.scalar(sql);
        assert_eq!(q("SELECT COUNT(*) FROM staff").await, 12);
        assert_eq!(
            q("SELECT COUNT(DISTINCT kind) FROM filing WHERE status = 'pending'").await,
            6
        );
        assert_eq!(
            q("SELECT COUNT(*) FROM licence WHERE kind = 'hr-service'").await,
            150
        );
        assert_eq!(
            q("SELECT COUNT(*) FROM licence WHERE kind = 'training-school'").await,
            60
        );
        assert_eq!(
            q("SELECT COUNT(*) FROM licence WHERE kind IN ('designated-clinic','designated-pharmacy','work-injury-agreement')")
                .await,
            200
        );
        assert_eq!(q("SELECT COUNT(*) FROM complaint").await, 200);
        assert_eq!(q("SELECT COUNT(*) FROM inspection_case").await, 200);
        assert_eq!(
            q("SELECT COUNT(DISTINCT stage) FROM inspection_case").await,
            9
        );
        assert!(q("SELECT COUNT(*) FROM filing_material WHERE present = FALSE").await > 0);
        assert!(q("SELECT COUNT(*) FROM inspection").await > 0);
        assert!(q("SELECT COUNT(*) FROM sanction").await > 0);
        assert!(q("SELECT COUNT(*) FROM annual_review").await > 0);
        for role in ["clerk", "inspector", "chief", "admin"] {
            let sql = format!("SELECT COUNT(*) FROM staff WHERE roles LIKE '%{role}%'");
            assert!(db.scalar(&sql).await > 0, "no {role}");
        }
        // Rows came with their ids; new rows must still get fresh ones.
        store
            .add_staff("root", "newcomer", "新人", &[Role::Clerk], false)
            .await
            .unwrap();
        assert_eq!(store.verify_audit().await.unwrap().map(|_| ()), Ok(()));
        assert!(matches!(
            store.seed_demo("system", &Default::default()).await,
            Err(StoreError::NotEmpty)
        ));
    }
}

#[tokio::test]
async fn the_demo_is_the_same_every_time() {
    let cal = WorkCalendar::from_years(&CalendarFile::parse(SHIPPED).unwrap().year);
    let lists = vec![("enroll".to_string(), "id-card".to_string(), true)];
    let make = || {
        generate(&DemoInputs {
            persons: 500,
            today: today(),
            calendar: &cal,
            checklists: &lists,
        })
    };
    let (a, b) = (make(), make());
    assert_eq!(a.persons.len(), 500);
    let ids = |d: &hrss_desk::store::DemoData| {
        d.persons
            .iter()
            .map(|p| p.id_number.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    let names = |d: &hrss_desk::store::DemoData| {
        d.employers
            .iter()
            .map(|e| e.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));
}

#[tokio::test]
async fn a_demo_that_fails_halfway_leaves_nothing_behind() {
    for db in TestDb::all().await {
        let store = with_calendar(&db).await;
        let cal = WorkCalendar::from_years(&store.calendar_years().await.unwrap());
        let lists = store.material_requirements().await.unwrap();
        let mut data = generate(&DemoInputs {
            persons: 300,
            today: today(),
            calendar: &cal,
            checklists: &lists,
        });
        // A duplicate ID number late in the data breaks the person insert.
        let dup = data.persons[0].id_number.clone();
        data.persons.last_mut().unwrap().id_number = dup;
        let audit_before = db.scalar("SELECT COUNT(*) FROM audit_log").await;
        let err = store.seed_demo("system", &data).await.unwrap_err();
        let text = err.to_string().to_lowercase();
        assert!(
            text.contains("unique") || text.contains("duplicate key"),
            "{}: failed for another reason: {text}",
            db.label
        );
        assert_eq!(db.scalar("SELECT COUNT(*) FROM employer").await, 0);
        assert_eq!(db.scalar("SELECT COUNT(*) FROM staff").await, 0);
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM audit_log").await,
            audit_before
        );
        assert!(!store.is_demo().await.unwrap());
    }
}

#[tokio::test]
async fn every_seeded_person_and_employer_carries_a_valid_code() {
    let cal = WorkCalendar::from_years(&CalendarFile::parse(SHIPPED).unwrap().year);
    let data = generate(&DemoInputs {
        persons: 20_000,
        today: today(),
        calendar: &cal,
        checklists: &[],
    });
    let mut seen = std::collections::HashSet::new();
    for p in &data.persons {
        assert!(
            hrss_desk::domain::ResidentId::parse(&p.id_number, today()).is_ok(),
            "{}",
            p.id_number
        );
        assert!(
            seen.insert(p.id_number.clone()),
            "duplicate {}",
            p.id_number
        );
    }
    for e in &data.employers {
        assert!(
            hrss_desk::domain::Uscc::parse(&e.uscc).is_ok(),
            "{}",
            e.uscc
        );
    }
    for l in &data.licences {
        assert!(
            hrss_desk::domain::Uscc::parse(&l.uscc).is_ok(),
            "{}",
            l.uscc
        );
    }
}

#[tokio::test]
async fn the_demo_carries_deliberate_errors_for_review_to_catch() {
    use hrss_desk::domain::contribution::within_band;
    let cal = WorkCalendar::from_years(&CalendarFile::parse(SHIPPED).unwrap().year);
    let lists = vec![
        ("enroll".to_string(), "id-card".to_string(), true),
        ("contribution-base".to_string(), "payroll".to_string(), true),
    ];
    let data = generate(&DemoInputs {
        persons: 5_000,
        today: today(),
        calendar: &cal,
        checklists: &lists,
    });
    let avg = data
        .average_wages
        .iter()
        .find(|w| w.year == 2026)
        .unwrap()
        .monthly;
    let declared: Vec<serde_json::Value> = data
        .filings
        .iter()
        .map(|f| serde_json::from_str(&f.declared).unwrap())
        .collect();
    let bad_ids = declared
        .iter()
        .filter_map(|d| d["id_number"].as_str())
        .filter(|id| hrss_desk::domain::ResidentId::parse(id, today()).is_err())
        .count();
    assert!(
        bad_ids > 0 && bad_ids < data.filings.len() / 10,
        "{bad_ids}"
    );
    let outside = data
        .filings
        .iter()
        .zip(&declared)
        .filter(|(f, d)| {
            f.kind.code() == "contribution-base"
                && d["base"].as_i64().is_some_and(|b| !within_band(b, avg))
        })
        .count();
    assert!(outside > 0, "no base outside the band");
    assert!(
        data.materials.iter().any(|m| !m.present),
        "no missing material"
    );
    let bad_usccs = declared
        .iter()
        .filter_map(|d| d["employer_uscc"].as_str())
        .filter(|u| hrss_desk::domain::Uscc::parse(u).is_err())
        .count();
    assert!(
        bad_usccs > 0 && bad_usccs < data.filings.len() / 10,
        "{bad_usccs}"
    );
    assert!(
        data.materials.iter().any(|m| m.present && !m.valid),
        "no invalid material"
    );
}

//! Test databases: every store test runs on SQLite, and on Postgres too when
//! HRSS_TEST_POSTGRES_URL is set (each test in a schema of its own, so tests
//! run in parallel). Without it the Postgres runs are skipped, said once.
#![allow(dead_code)]

pub mod cli;
pub mod office;
pub mod printers;
pub mod tmux;
pub mod tui;

use hrss_desk::store::{DatabaseUrl, Store};
use std::sync::atomic::{AtomicUsize, Ordering};

pub mod readers;
pub mod tools;

/// The day the tests were written for: every test is pinned to it, so the
/// suite reads the same on any day (`HRSS_TODAY` for the program, a pinned
/// clock for stores opened here).
pub const TODAY: &str = "2026-11-27";

/// A workflow context on an office calendar with no year loaded, for acts
/// that count no working days.
pub fn cx<'a>(
    store: &'a Store,
    staff: &'a hrss_desk::domain::Staff,
    lang: hrss_desk::i18n::Lang,
    today: chrono::NaiveDate,
) -> hrss_desk::workflow::Cx<'a> {
    static NO_CALENDAR: std::sync::LazyLock<hrss_desk::domain::WorkCalendar> =
        std::sync::LazyLock::new(hrss_desk::domain::WorkCalendar::default);
    hrss_desk::workflow::Cx::new(store, &NO_CALENDAR, staff, lang, today)
}

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("TODAY is a date")
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

pub struct TestDb {
    pub label: &'static str,
    pub url: String,
    /// Keeps the SQLite file's folder alive for the test's length.
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("t.sqlite").display());
        TestDb {
            label: "sqlite",
            url,
            _dir: Some(dir),
        }
    }

    /// A fresh schema in the test database, or None (said once) without one.
    pub async fn postgres() -> Option<TestDb> {
        if !tools::have(tools::Tool::Postgres) {
            return None;
        }
        let base = std::env::var("HRSS_TEST_POSTGRES_URL").expect("checked by tools::have");
        let schema = format!(
            "t_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            chrono::Utc::now().timestamp_subsec_nanos()
        );
        let pool = sqlx::PgPool::connect(&base)
            .await
            .expect("test postgres reachable");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
            .execute(&pool)
            .await
            .expect("create schema");
        pool.close().await;
        let sep = if base.contains('?') { '&' } else { '?' };
        Some(TestDb {
            label: "postgres",
            url: format!("{base}{sep}options[search_path]={schema}"),
            _dir: None,
        })
    }

    /// The same PostgreSQL schema, connected as `role` (trusted on the
    /// test cluster's loopback).
    pub fn as_role(&self, role: &str) -> TestDb {
        TestDb {
            label: self.label,
            url: self
                .url
                .replacen("postgres://postgres@", &format!("postgres://{role}@"), 1),
            _dir: None,
        }
    }

    /// Every backend available here.
    pub async fn all() -> Vec<TestDb> {
        let mut v = vec![TestDb::sqlite()];
        v.extend(TestDb::postgres().await);
        v
    }

    /// The store, its clock pinned to `today()`.
    pub async fn open(&self) -> Store {
        let mut store = Store::connect(&DatabaseUrl::parse(&self.url).unwrap())
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", self.label));
        store.set_clock(hrss_desk::clock::Clock::Pinned(today()));
        store.migrate().await.expect("migrate");
        store
    }

    /// Runs raw SQL past the store, as someone with the database's file or
    /// password could: the tampering tests need this.
    /// Drops the triggers that keep the audit log append-only (migration
    /// 0019), as an insider with the database file or the schema's owner can.
    pub async fn unguard_audit(&self) {
        self.raw(if self.label == "sqlite" {
            UNGUARD_AUDIT_SQLITE
        } else {
            "DROP TRIGGER audit_log_no_change ON audit_log;
             DROP TRIGGER audit_log_no_truncate ON audit_log;
             DROP TRIGGER audit_head_forward_only ON audit_head;
             DROP TRIGGER audit_head_no_truncate ON audit_head;"
        })
        .await;
    }

    pub async fn raw(&self, sql: &str) {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        if self.label == "sqlite" {
            let pool = sqlx::SqlitePool::connect(&self.url).await.unwrap();
            sqlx::raw_sql(sql).execute(&pool).await.unwrap();
            pool.close().await;
        } else {
            let pool = sqlx::PgPool::connect(&self.url).await.unwrap();
            sqlx::raw_sql(sql).execute(&pool).await.unwrap();
            pool.close().await;
        }
    }

    /// Runs raw SQL past the store; Err is the database's refusal.
    pub async fn try_raw(&self, sql: &str) -> Result<(), String> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        let done = if self.label == "sqlite" {
            let pool = sqlx::SqlitePool::connect(&self.url).await.unwrap();
            let r = sqlx::raw_sql(sql).execute(&pool).await.map(drop);
            pool.close().await;
            r
        } else {
            let pool = sqlx::PgPool::connect(&self.url).await.unwrap();
            let r = sqlx::raw_sql(sql).execute(&pool).await.map(drop);
            pool.close().await;
            r
        };
        done.map_err(|e| e.to_string())
    }

    /// One value, of any type both databases decode.
    pub async fn one<T>(&self, sql: &str) -> T
    where
        T: Send
            + Unpin
            + for<'r> sqlx::Decode<'r, sqlx::Sqlite>
            + sqlx::Type<sqlx::Sqlite>
            + for<'r> sqlx::Decode<'r, sqlx::Postgres>
            + sqlx::Type<sqlx::Postgres>,
    {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        if self.label == "sqlite" {
            let pool = sqlx::SqlitePool::connect(&self.url).await.unwrap();
            let v: T = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
            pool.close().await;
            v
        } else {
            let pool = sqlx::PgPool::connect(&self.url).await.unwrap();
            let v: T = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
            pool.close().await;
            v
        }
    }

    pub async fn scalar(&self, sql: &str) -> i64 {
        self.one(sql).await
    }

    /// The first column of every row, as integers.
    pub async fn rows(&self, sql: &str) -> Vec<i64> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        if self.label == "sqlite" {
            let pool = sqlx::SqlitePool::connect(&self.url).await.unwrap();
            let v = sqlx::query_scalar(sql).fetch_all(&pool).await.unwrap();
            pool.close().await;
            v
        } else {
            let pool = sqlx::PgPool::connect(&self.url).await.unwrap();
            let v = sqlx::query_scalar(sql).fetch_all(&pool).await.unwrap();
            pool.close().await;
            v
        }
    }

    pub async fn text(&self, sql: &str) -> String {
        self.one(sql).await
    }
}

/// A store with the shipped calendar and three staff added: a few audited changes.
pub async fn audited(db: &TestDb) -> Store {
    let store = db.open().await;
    let calendar = hrss_desk::domain::calendar::CalendarFile::parse(include_str!(
        "../../../data/calendar.toml"
    ))
    .unwrap();
    store.seed_calendar(&calendar.year).await.unwrap();
    for (login, name) in [("a1", "甲"), ("b2", "乙"), ("c3", "丙")] {
        store
            .add_staff(
                "root",
                login,
                name,
                &[hrss_desk::domain::Role::Clerk],
                false,
            )
            .await
            .unwrap();
    }
    // The tests of the chain play the insider with the file, who first
    // drops the guards that keep the log append-only.
    db.unguard_audit().await;
    store
}

/// The SQLite guards of the audit log, dropped (see `TestDb::unguard_audit`).
pub const UNGUARD_AUDIT_SQLITE: &str = "DROP TRIGGER audit_log_no_update;
    DROP TRIGGER audit_log_no_delete;
    DROP TRIGGER audit_head_forward_only;
    DROP TRIGGER audit_head_no_delete;";

/// A demo database of `persons` insured persons, made as of 27 November 2026.
pub async fn demo_store(db: &TestDb, persons: usize) -> Store {
    use hrss_desk::demo::{DemoInputs, generate};
    let store = db.open().await;
    let calendar = hrss_desk::domain::calendar::CalendarFile::parse(include_str!(
        "../../../data/calendar.toml"
    ))
    .unwrap();
    store.seed_calendar(&calendar.year).await.unwrap();
    let cal = hrss_desk::domain::WorkCalendar::from_years(&store.calendar_years().await.unwrap());
    let lists = store.material_requirements().await.unwrap();
    let data = generate(&DemoInputs {
        persons,
        today: today(),
        calendar: &cal,
        checklists: &lists,
    });
    store.seed_demo("system", &data).await.unwrap();
    store
}

/// Writes a forged audit entry `seq` past the store, with a correct hash that
/// points at `prev`: what someone with the database's password could do.
pub async fn forge_entry(db: &TestDb, seq: i64, prev: &str) {
    use hrss_desk::domain::audit::{audit_time, entry_hash};
    let at = audit_time(hrss_desk::clock::Clock::Pinned(today()).now());
    let hash = entry_hash(
        seq,
        at,
        "mallory",
        "staff.add",
        "staff",
        "99",
        "forged",
        prev,
    );
    let at_text = at.format("%Y-%m-%d %H:%M:%S%.6f+00:00");
    db.raw(&format!(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)
         VALUES ({seq}, '{at_text}', 'mallory', 'staff.add', 'staff', '99', 'forged', '{prev}', '{hash}')"
    ))
    .await;
}

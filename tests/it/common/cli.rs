//! The command line under test: the program with a private home, and a
//! demo database made for a test.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// The program with a private data directory and no inherited settings.
pub fn hrss(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hrss-desk"));
    c.env_remove("HRSS_DATABASE_URL")
        .env_remove("HRSS_LANG")
        // An office database refuses a pinned day: a demo's runs add it.
        .env_remove(hrss_desk::clock::TODAY_VAR)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join(".config"))
        // The office's file of this test, not the machine's /etc.
        .env("HRSS_OFFICE_CONFIG", home.join("office.toml"));
    c
}

/// The program on the demo database at `url` (SQLite or Postgres), pinned
/// to the tests' day, as a plain process to start, wait for or kill.
pub fn program(home: &Path, url: &str) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_hrss-desk"));
    c.env("HOME", home)
        .env(hrss_desk::clock::TODAY_VAR, super::TODAY)
        .env_remove("HRSS_DATABASE_URL")
        .env_remove("HRSS_LANG")
        .env("HRSS_OFFICE_CONFIG", home.join("office.toml"))
        .args(["--database-url", url]);
    c
}

/// Runs the program with `args` on the database at `url`; it must succeed.
pub fn succeeds(home: &Path, url: &str, args: &[&str]) {
    let out = program(home, url).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

pub struct Demo {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    /// No longer a demo (`become_office`): the program then runs on the
    /// server's clock, as an office database refuses a pinned day.
    office: std::cell::Cell<bool>,
}

impl Demo {
    pub fn new() -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.sqlite");
        hrss(dir.path())
            .env(hrss_desk::clock::TODAY_VAR, super::TODAY)
            .args([
                "--database-url",
                &url(&db),
                "demo",
                "--seed-only",
                "--size",
                "300",
            ])
            .assert()
            .success()
            .stdout(predicate::str::contains("已生成演示数据库"));
        Demo {
            dir,
            db,
            office: std::cell::Cell::new(false),
        }
    }

    /// The program on the demo, pinned to the tests' day.
    pub fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        let mut c = hrss(self.dir.path());
        if !self.office.get() {
            c.env(hrss_desk::clock::TODAY_VAR, super::TODAY);
        }
        c.arg("--database-url")
            .arg(url(&self.db))
            .args(args)
            .assert()
    }

    /// Makes the demo an office database: no one may pick who they are, and
    /// its day is the server's.
    pub fn become_office(&self) {
        self.sql("UPDATE setting SET value = 'false' WHERE key = 'demo'");
        self.office.set(true);
    }

    /// One value of the demo database, as text (`None` for NULL).
    pub fn scalar(&self, sql: &str) -> String {
        sqlite_scalar(&self.db, sql)
    }

    /// Runs SQL on the demo database past the program.
    pub fn sql(&self, sql: &str) {
        sqlite_exec(&self.db, sql);
    }
}

/// Runs `work` on a runtime of its own in a thread of its own, so a plain
/// test and an async one alike may call it.
fn on_sqlite<T: Send + 'static>(
    db: &Path,
    work: impl AsyncFnOnce(sqlx::SqlitePool) -> T + Send + 'static,
) -> T {
    let url = url(db);
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async move {
                let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
                let out = work(pool.clone()).await;
                pool.close().await;
                out
            })
    })
    .join()
    .unwrap()
}

/// The first column of the first row of `sql` on the SQLite file `db`, as
/// text: an integer, a real, text, or `None` for NULL.
pub fn sqlite_scalar(db: &Path, sql: &str) -> String {
    let sql = sql.to_string();
    on_sqlite(db, async move |pool| {
        use sqlx::{Row, ValueRef};
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_one(&pool)
            .await
            .unwrap();
        if row.try_get_raw(0).unwrap().is_null() {
            return "None".to_string();
        }
        if let Ok(i) = row.try_get::<i64, _>(0) {
            return i.to_string();
        }
        if let Ok(f) = row.try_get::<f64, _>(0) {
            return f.to_string();
        }
        row.try_get::<String, _>(0).unwrap()
    })
}

/// Runs one or more statements on the SQLite file `db`, past the program.
pub fn sqlite_exec(db: &Path, sql: &str) {
    let sql = sql.to_string();
    on_sqlite(db, async move |pool| {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&pool)
            .await
            .unwrap();
    });
}

/// Each table of the SQLite file `db` with its row count and a digest of its
/// rows (every value quoted, in rowid order), read past the program.
pub fn sqlite_digests(db: &Path) -> std::collections::BTreeMap<String, String> {
    on_sqlite(db, async move |pool| {
        use sha2::Digest;
        let tables: Vec<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .fetch_all(&pool)
                .await
                .unwrap();
        let mut out = std::collections::BTreeMap::new();
        for t in tables {
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                    .bind(&t)
                    .fetch_all(&pool)
                    .await
                    .unwrap();
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT {row} FROM \"{t}\" ORDER BY rowid"
            )))
            .fetch_all(&pool)
            .await
            .unwrap();
            let mut h = sha2::Sha256::new();
            for r in &rows {
                h.update(r.as_bytes());
                h.update(b"\n");
            }
            out.insert(t, format!("{} {}", rows.len(), hex::encode(h.finalize())));
        }
        out
    })
}

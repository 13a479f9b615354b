//! Choosing and opening a database: URL parsing, connection settings, and the
//! translation of driver errors into sentences a clerk can act on.

use super::{Store, StoreError, postgres, sqlite};
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// How long SQLite waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Where a database lives: `sqlite://PATH` (or `sqlite:PATH`) or `postgres://…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, StoreError> {
        let url = url.trim();
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if rest.is_empty() || rest.contains('?') || rest == ":memory:" {
                return Err(StoreError::BadUrl(url.to_string()));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(rest)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            PgConnectOptions::from_str(url).map_err(|_| StoreError::BadUrl(redact(url)))?;
            return Ok(DatabaseUrl::Postgres(url.to_string()));
        }
        Err(StoreError::BadUrl(redact(url)))
    }

    /// What the status bar shows: a path, or user@host:port/db, never a password.
    pub fn describe(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(p) => format!("SQLite {}", p.display()),
            DatabaseUrl::Postgres(url) => match PgConnectOptions::from_str(url) {
                Ok(o) => format!(
                    "Postgres {}@{}:{}/{}",
                    o.get_username(),
                    o.get_host(),
                    o.get_port(),
                    o.get_database().unwrap_or("")
                ),
                Err(_) => "Postgres".to_string(),
            },
        }
    }
}

/// Removes a password from a URL that is about to be shown.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &url[s + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{}@{}", &url[..s + 3], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// The default database: `hrss-desk.sqlite` in the user's data directory.
pub fn default_database_path(file: &str) -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("hrss-desk")
        .join(file)
}

impl Store {
    /// Connects without touching the schema.
    pub async fn connect(url: &DatabaseUrl) -> Result<Store, StoreError> {
        match url {
            DatabaseUrl::Sqlite(path) => {
                check_sqlite_path(path)?;
                create_private(path)?;
                let opts = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(BUSY_TIMEOUT);
                // No idle timeout and no maximum lifetime: either starts
                // sqlx 0.9's maintenance task, whose idle count can wrap
                // below zero and spin a core forever — seen as a CLI that
                // never exits, spinning in `pool/inner.rs` while the
                // runtime shuts down. A desk's few connections need neither.
                let pool = SqlitePoolOptions::new()
                    .max_connections(4)
                    .acquire_timeout(BUSY_TIMEOUT)
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .connect_with(opts)
                    .await?;
                Ok(Store::Sqlite(sqlite::Backend {
                    pool,
                    clock: crate::clock::Clock::System,
                }))
            }
            DatabaseUrl::Postgres(u) => {
                let opts =
                    PgConnectOptions::from_str(u).map_err(|_| StoreError::BadUrl(redact(u)))?;
                // One direct attempt first: the pool would retry a refused
                // connection until its timeout instead of saying why at once.
                let unreachable = |e: sqlx::Error| {
                    let why = match e.as_database_error() {
                        Some(db) => db.message().to_string(),
                        None => e.to_string(),
                    };
                    StoreError::Unreachable(format!("{}: {why}", url.describe()))
                };
                let probe = PgConnection::connect_with(&opts)
                    .await
                    .map_err(unreachable)?;
                let _ = probe.close().await;
                let pool = PgPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(30))
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .connect_with(opts)
                    .await
                    .map_err(unreachable)?;
                Ok(Store::Postgres(postgres::Backend {
                    pool,
                    clock: crate::clock::Clock::System,
                }))
            }
        }
    }
}

/// Creates a new database file for its owner and group only (0640 under
/// the usual umask, never readable by others; SQLite gives its `-wal` and
/// `-shm` files the same mode). An existing file is left as it is.
fn create_private(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::OpenOptionsExt;
    if std::fs::symlink_metadata(path).is_ok() {
        return Ok(());
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o640)
        .open(path)
    {
        Ok(_) => Ok(()),
        // Made meanwhile by another desk: theirs is as good.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::ReadOnly(format!("{}: {e}", path.display()))),
    }
}

/// Refuses, before SQLite creates anything, a path that cannot work. The
/// read-only bit is honoured even for root, who could otherwise write anyway.
fn check_sqlite_path(path: &Path) -> Result<(), StoreError> {
    let shown = path.display().to_string();
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(StoreError::NoDirectory(parent.display().to_string()));
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(StoreError::NotADatabase(shown)),
        Ok(m) if m.permissions().readonly() => Err(StoreError::ReadOnly(shown)),
        Ok(_) => Ok(()),
        Err(_) => match std::fs::metadata(&parent) {
            Ok(m) if m.permissions().readonly() => Err(StoreError::ReadOnly(shown)),
            _ => Ok(()),
        },
    }
}

/// Turns a driver error into one of the store's errors.
pub(super) fn classify(e: sqlx::Error) -> StoreError {
    if let Some(db) = e.as_database_error()
        && db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some()
    {
        // SQLite's primary result codes: 26 NOTADB, 11 CORRUPT, 8 READONLY, 14 CANTOPEN.
        let primary = db
            .code()
            .and_then(|c| c.parse::<i64>().ok())
            .map(|c| c & 0xff);
        match primary {
            Some(26 | 11) => return StoreError::NotADatabase(db.message().to_string()),
            Some(8 | 14) => return StoreError::ReadOnly(db.message().to_string()),
            // 13 FULL, 10 IOERR (4874 is IOERR_SHORT_READ and the like).
            Some(13) => return StoreError::Full(db.message().to_string()),
            Some(10) => return StoreError::DiskIo(db.message().to_string()),
            _ => {}
        }
    }
    // Postgres's SQLSTATE: 53100 disk_full, 58030 io_error.
    if let Some(db) = e.as_database_error() {
        match db.code().as_deref() {
            Some("53100") => return StoreError::Full(db.message().to_string()),
            Some("58030") => return StoreError::DiskIo(db.message().to_string()),
            _ => {}
        }
    }
    match e {
        sqlx::Error::Io(io) => StoreError::Unreachable(io.to_string()),
        sqlx::Error::PoolTimedOut => StoreError::Unreachable("timed out".to_string()),
        other => StoreError::Db(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A full disk is told apart from other failures: SQLite's FULL, met
    /// here through a page limit on the connection.
    #[tokio::test]
    async fn a_full_database_is_told_as_such() {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (v TEXT)")
            .execute(&mut c)
            .await
            .unwrap();
        sqlx::query("PRAGMA max_page_count = 3")
            .execute(&mut c)
            .await
            .unwrap();
        let big = "x".repeat(100_000);
        let e = sqlx::query("INSERT INTO t (v) VALUES ($1)")
            .bind(&big)
            .execute(&mut c)
            .await
            .unwrap_err();
        assert!(matches!(classify(e), StoreError::Full(_)));
    }

    /// The pool runs no maintenance task (see `connect`): nothing to spin
    /// while a command's runtime shuts down.
    #[tokio::test]
    async fn the_pool_keeps_its_connections_without_a_maintenance_task() {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite(dir.path().join("t.sqlite"));
        let store = Store::connect(&url).await.unwrap();
        let Store::Sqlite(b) = &store else {
            unreachable!("a SQLite URL opens SQLite")
        };
        assert_eq!(b.pool.options().get_idle_timeout(), None);
        assert_eq!(b.pool.options().get_max_lifetime(), None);
        store.close().await;
    }

    #[test]
    fn urls_name_their_backend() {
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/hrss/desk.sqlite").unwrap(),
            DatabaseUrl::Sqlite(PathBuf::from("/var/lib/hrss/desk.sqlite"))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:desk.sqlite").unwrap(),
            DatabaseUrl::Sqlite(PathBuf::from("desk.sqlite"))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://hrss@127.0.0.1:5432/hrss").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
        for bad in ["mysql://x", "desk.sqlite", "sqlite://", "http://a", ""] {
            assert!(
                matches!(DatabaseUrl::parse(bad), Err(StoreError::BadUrl(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_password_is_never_shown() {
        let url = DatabaseUrl::parse("postgres://hrss:s3cret@db.local:5433/city").unwrap();
        let shown = url.describe();
        assert_eq!(shown, "Postgres hrss@db.local:5433/city");
        let err = DatabaseUrl::parse("pg://hrss:s3cret@db.local/city").unwrap_err();
        assert!(!err.to_string().contains("s3cret"), "{err}");
    }
}

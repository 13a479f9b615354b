//! The database: one interface over a SQLite and a Postgres backend.
//!
//! Both backends compile the same query code (`backend/*.rs`, included once per
//! database), so the SQL is written once and bound with parameters only.

pub mod migrate;
pub mod model;
mod open;
pub mod views;
mod words;

pub use model::*;
pub use open::{DatabaseUrl, default_database_path};
pub use views::*;

use crate::domain::audit::ChainBreak;
use crate::domain::calendar::CalendarYear;
use crate::domain::{Role, Staff};
use chrono::NaiveDate;

/// The actor recorded for work the program does by itself (migrations,
/// loading the shipped calendar).
pub const SYSTEM_ACTOR: &str = "system";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// Demo and import rows arrive with their ids; Postgres's sequences must then
/// move past the largest id so later inserts do not collide.
const PG_SEQUENCES_PAST_MAX: &str = "
    SELECT setval(pg_get_serial_sequence('staff', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM staff)));
    SELECT setval(pg_get_serial_sequence('employer', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM employer)));
    SELECT setval(pg_get_serial_sequence('person', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM person)));
    SELECT setval(pg_get_serial_sequence('filing', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM filing)));
    SELECT setval(pg_get_serial_sequence('licence', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM licence)));
    SELECT setval(pg_get_serial_sequence('inspection', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM inspection)));
    SELECT setval(pg_get_serial_sequence('annual_review', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM annual_review)));
    SELECT setval(pg_get_serial_sequence('sanction', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM sanction)));
    SELECT setval(pg_get_serial_sequence('complaint', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM complaint)));
    SELECT setval(pg_get_serial_sequence('inspection_case', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM inspection_case)));
    SELECT setval(pg_get_serial_sequence('case_event', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM case_event)));
    SELECT setval(pg_get_serial_sequence('notice', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM notice)));
";

mod sqlite {
    use sqlx::Sqlite as Db;
    const DIALECT: super::Dialect = super::Dialect::Sqlite;
    include!("backend/core.rs");
    include!("backend/demo.rs");
    include!("backend/standing.rs");
    include!("backend/lists.rs");
    include!("backend/details.rs");
    include!("backend/review.rs");
    include!("backend/intake.rs");
    include!("backend/cases.rs");
    include!("backend/case_acts.rs");
    include!("backend/complaints.rs");
    include!("backend/draws.rs");
    include!("backend/supervision.rs");
    include!("backend/leads.rs");
    include!("backend/campaigns.rs");
    include!("backend/zones.rs");
    include!("backend/imports.rs");
    include!("backend/documents.rs");
    include!("backend/statistics.rs");
    include!("backend/staff.rs");
    include!("backend/backup.rs");
}

mod postgres {
    use sqlx::Postgres as Db;
    const DIALECT: super::Dialect = super::Dialect::Postgres;
    include!("backend/core.rs");
    include!("backend/demo.rs");
    include!("backend/standing.rs");
    include!("backend/lists.rs");
    include!("backend/details.rs");
    include!("backend/review.rs");
    include!("backend/intake.rs");
    include!("backend/cases.rs");
    include!("backend/case_acts.rs");
    include!("backend/complaints.rs");
    include!("backend/draws.rs");
    include!("backend/supervision.rs");
    include!("backend/leads.rs");
    include!("backend/campaigns.rs");
    include!("backend/zones.rs");
    include!("backend/imports.rs");
    include!("backend/documents.rs");
    include!("backend/statistics.rs");
    include!("backend/staff.rs");
    include!("backend/backup.rs");
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("malformed database URL: {0}")]
    BadUrl(String),
    #[error("the folder for the database does not exist: {0}")]
    NoDirectory(String),
    #[error("the database cannot be written: {0}")]
    ReadOnly(String),
    #[error("the file is not a database or is damaged: {0}")]
    NotADatabase(String),
    #[error("the database server cannot be reached: {0}")]
    Unreachable(String),
    #[error("the database schema (version {found}) is newer than this program (version {known})")]
    SchemaNewer { found: i64, known: i64 },
    #[error("{entity} {id} was changed by someone else")]
    Conflict { entity: &'static str, id: String },
    #[error("already exists: {0}")]
    Duplicate(String),
    #[error("the database already holds data")]
    NotEmpty,
    #[error("the staff list is no longer empty")]
    NotFirst,
    #[error("unreadable {entity} record: {detail}")]
    BadData {
        entity: &'static str,
        detail: String,
    },
    /// The disk (or the database's quota) is full: nothing was written.
    #[error("the disk is full: {0}")]
    Full(String),
    /// The disk failed under a read or a write: nothing was written.
    #[error("a disk input/output error: {0}")]
    DiskIo(String),
    #[error("database error: {0}")]
    Db(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        open::classify(e)
    }
}

/// The OS login of whoever really runs this process when it works as
/// another staff member (`--user`): every audit entry then names the one
/// who acted and, in its detail, on whose behalf. One process has one such
/// login, set once at start, so it is kept here rather than threaded
/// through every write.
static ACTED_BY: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Records who really acts (see `ACTED_BY`); later calls change nothing.
pub fn record_acted_by(login: &str) {
    let _ = ACTED_BY.set(login.to_string());
}

/// The audit entry's actor and detail: the real actor, and on whose behalf.
fn audit_actor<'a>(actor: &'a str, detail: &'a str) -> (&'a str, std::borrow::Cow<'a, str>) {
    match ACTED_BY.get() {
        Some(real) if real != actor => (
            real.as_str(),
            std::borrow::Cow::Owned(format!("on_behalf_of={actor}; {detail}")),
        ),
        _ => (actor, std::borrow::Cow::Borrowed(detail)),
    }
}

/// The store the program works on.
#[derive(Debug, Clone)]
pub enum Store {
    Sqlite(sqlite::Backend),
    Postgres(postgres::Backend),
}

/// Calls the same method on whichever backend is open.
macro_rules! on_backend {
    ($self:ident . $method:ident ( $($arg:expr),* )) => {
        match $self {
            Store::Sqlite(b) => b.$method($($arg),*).await,
            Store::Postgres(b) => b.$method($($arg),*).await,
        }
    };
}

mod api;

impl Store {
    /// What time it is for this store: the server's clock, or a demo's pinned day.
    pub fn clock(&self) -> crate::clock::Clock {
        match self {
            Store::Sqlite(b) => b.clock,
            Store::Postgres(b) => b.clock,
        }
    }

    /// Sets the clock every record's time is taken from (see `crate::clock`).
    pub fn set_clock(&mut self, clock: crate::clock::Clock) {
        match self {
            Store::Sqlite(b) => b.clock = clock,
            Store::Postgres(b) => b.clock = clock,
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Store::Sqlite(_) => Dialect::Sqlite,
            Store::Postgres(_) => Dialect::Postgres,
        }
    }

    pub async fn close(&self) {
        match self {
            Store::Sqlite(b) => b.pool.close().await,
            Store::Postgres(b) => b.pool.close().await,
        }
    }

    /// How a SQLite connection of the pool is set up (None on Postgres):
    /// (journal mode, foreign keys on, synchronous level, busy timeout in ms).
    pub async fn sqlite_settings(&self) -> Result<Option<(String, bool, i64, i64)>, StoreError> {
        let Store::Sqlite(b) = self else {
            return Ok(None);
        };
        let mut conn = b.pool.acquire().await?;
        let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?;
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await?;
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await?;
        let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await?;
        Ok(Some((journal, fk == 1, sync, busy)))
    }

    /// Whether this database was made by `hrss-desk demo`.
    pub async fn is_demo(&self) -> Result<bool, StoreError> {
        Ok(self.setting(DEMO_SETTING).await?.as_deref() == Some("true"))
    }
}

/// The setting that marks a demo database: only there may `--user` pick anyone.
pub const DEMO_SETTING: &str = "demo";

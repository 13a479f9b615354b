//! The database: one interface over a SQLite and a Postgres backend.
//!
//! Both backends compile the same query code (`backend/*.rs`, included once per
//! database), so the SQL is written once and bound with parameters only.

pub mod migrate;
pub mod model;
mod open;
pub mod views;

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

mod cases_api;
mod imports_api;
mod supervision_api;

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

    pub async fn schema_version(&self) -> Result<i64, StoreError> {
        on_backend!(self.schema_version())
    }

    /// Applies missing migrations; returns the versions applied.
    pub async fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        on_backend!(self.migrate())
    }

    pub async fn seed_calendar(&self, years: &[CalendarYear]) -> Result<usize, StoreError> {
        on_backend!(self.seed_calendar(years))
    }

    pub async fn replace_calendar_years(
        &self,
        actor: &str,
        years: &[CalendarYear],
    ) -> Result<(), StoreError> {
        on_backend!(self.replace_calendar_years(actor, years))
    }

    pub async fn calendar_years(&self) -> Result<Vec<CalendarYear>, StoreError> {
        on_backend!(self.calendar_years())
    }

    pub async fn material_requirements(&self) -> Result<Vec<(String, String, bool)>, StoreError> {
        on_backend!(self.material_requirements())
    }

    pub async fn staff_by_login(&self, login: &str) -> Result<Option<Staff>, StoreError> {
        on_backend!(self.staff_by_login(login))
    }

    pub async fn list_staff(&self) -> Result<Vec<Staff>, StoreError> {
        on_backend!(self.list_staff())
    }

    pub async fn add_staff(
        &self,
        actor: &str,
        login: &str,
        name: &str,
        roles: &[Role],
        first: bool,
    ) -> Result<Staff, StoreError> {
        on_backend!(self.add_staff(actor, login, name, roles, first))
    }

    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        on_backend!(self.setting(key))
    }

    /// Every checklist row with its names and source, by kind.
    pub async fn checklist(&self) -> Result<Vec<ChecklistRow>, StoreError> {
        on_backend!(self.checklist())
    }

    /// Sets a checklist row (or adds one, given its names); Ok(false) when
    /// the row is new and has no names.
    pub async fn set_requirement(
        &self,
        actor: &str,
        row: &ChecklistRow,
    ) -> Result<bool, StoreError> {
        on_backend!(self.set_requirement(actor, row))
    }

    /// Every office setting with its source, by key.
    pub async fn settings(&self) -> Result<Vec<SettingRow>, StoreError> {
        on_backend!(self.settings())
    }

    pub async fn setting_version(&self, key: &str) -> Result<Option<i64>, StoreError> {
        on_backend!(self.setting_version(key))
    }

    pub async fn set_setting(
        &self,
        actor: &str,
        row: &SettingRow,
        seen_version: Option<i64>,
    ) -> Result<i64, StoreError> {
        on_backend!(self.set_setting(actor, row, seen_version))
    }

    pub async fn audit_head(&self) -> Result<Option<(i64, String)>, StoreError> {
        on_backend!(self.audit_head())
    }

    pub async fn counts(&self, today: NaiveDate) -> Result<Counts, StoreError> {
        on_backend!(self.counts(today))
    }

    pub async fn seed_demo(&self, actor: &str, data: &DemoData) -> Result<(), StoreError> {
        on_backend!(self.seed_demo(actor, data))
    }

    /// Walks the whole audit chain in one snapshot: `Ok(Ok(n))` when it is
    /// intact with `n` entries, `Ok(Err(break))` at the first break.
    pub async fn verify_audit(&self) -> Result<Result<u64, ChainBreak>, StoreError> {
        on_backend!(self.verify_audit(&[]))
    }

    /// As `verify_audit`, and the log must still extend every anchor
    /// recorded outside the database (`audit anchor`).
    pub async fn verify_audit_against(
        &self,
        anchors: &[crate::domain::audit::Anchor],
    ) -> Result<Result<u64, ChainBreak>, StoreError> {
        on_backend!(self.verify_audit(anchors))
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

    /// One page of a pane's list.
    pub async fn list_page(
        &self,
        kind: ListKind,
        req: &PageRequest,
    ) -> Result<Vec<ListItem>, StoreError> {
        on_backend!(self.list_page(kind, req))
    }

    /// One record with what belongs to it, for the detail view.
    pub async fn detail(&self, kind: ListKind, id: i64) -> Result<Option<Detail>, StoreError> {
        on_backend!(self.detail(kind, id))
    }

    /// Today's standing; `cases_soon` ends the days counted as "due soon".
    pub async fn dashboard(
        &self,
        today: NaiveDate,
        cases_soon: NaiveDate,
    ) -> Result<Dashboard, StoreError> {
        on_backend!(self.dashboard(today, cases_soon))
    }

    /// Streams every searchable record to `each` (licences, employers, persons).
    pub async fn each_lookup_row(
        &self,
        each: impl FnMut(LookupRow) + Send,
    ) -> Result<usize, StoreError> {
        on_backend!(self.each_lookup_row(each))
    }

    /// Each material's name in both languages: (code, zh, en).
    pub async fn material_names(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        on_backend!(self.material_names())
    }

    /// A filing's status and, once decided, who decided it (their name).
    pub async fn filing_decided(
        &self,
        id: i64,
    ) -> Result<Option<(String, Option<String>)>, StoreError> {
        on_backend!(self.filing_decided(id))
    }

    /// Every pending filing with what its checks need (`only`: just that one).
    pub async fn pending_filing_facts(
        &self,
        today: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<PendingFiling>, StoreError> {
        on_backend!(self.pending_filing_facts(today, only))
    }

    /// Moves whenever anything is changed (the audit log's newest entry).
    pub async fn change_marker(&self) -> Result<i64, StoreError> {
        on_backend!(self.change_marker())
    }

    /// An inspection's (licence id, licence kind, result so far).
    pub async fn inspection_target(
        &self,
        id: i64,
    ) -> Result<Option<(i64, String, String)>, StoreError> {
        on_backend!(self.inspection_target(id))
    }

    /// Records a pending inspection's outcome item by item, with the
    /// violation notice served and the audit tasks it closes, at once.
    pub async fn record_inspection(
        &self,
        actor: &Staff,
        id: i64,
        rec: &InspectionRecord<'_>,
    ) -> Result<Recorded, StoreError> {
        on_backend!(self.record_inspection(actor, id, rec))
    }

    pub async fn sanction_steps(
        &self,
        licence: i64,
    ) -> Result<Vec<(String, NaiveDate)>, StoreError> {
        on_backend!(self.sanction_steps(licence))
    }

    pub async fn licence_kind(&self, id: i64) -> Result<Option<(String, NaiveDate)>, StoreError> {
        on_backend!(self.licence_kind(id))
    }

    /// A licence (by id, or by number when `id` is None) with its standing
    /// on the store's day and what set it.
    pub async fn licence_standing(
        &self,
        id: Option<i64>,
        number: &str,
    ) -> Result<Option<LicenceStanding>, StoreError> {
        on_backend!(self.licence_standing(id, number))
    }

    /// Orders `year`'s missing report filed by the act's day.
    pub async fn order_annual_report(
        &self,
        actor: &Staff,
        year: i64,
        due: NaiveDate,
        act: &crate::domain::ladder::LicenceAct,
    ) -> Result<(), StoreError> {
        on_backend!(self.order_annual_report(actor, year, due, act))
    }

    /// Records the changes a holder reported, with the filing's deadline.
    pub async fn record_licence_change(
        &self,
        actor: &Staff,
        licence: i64,
        changes: &[(crate::domain::licence::Changed, String)],
        changed_on: NaiveDate,
        reported_on: NaiveDate,
        due_on: NaiveDate,
    ) -> Result<(), StoreError> {
        on_backend!(self.record_licence_change(
            actor,
            licence,
            changes,
            changed_on,
            reported_on,
            due_on
        ))
    }

    /// The changes a licence's holder reported, newest first.
    pub async fn licence_changes(&self, licence: i64) -> Result<Vec<LicenceChangeRow>, StoreError> {
        on_backend!(self.licence_changes(licence))
    }

    /// A licence's ladder steps, newest first.
    pub async fn licence_steps(&self, licence: i64) -> Result<Vec<SanctionStepRow>, StoreError> {
        on_backend!(self.licence_steps(licence))
    }

    /// Records a ladder step that is not a penalty; one that holds the
    /// licence changes its standing from its day. Ok is the step's id.
    pub async fn take_licence_step(
        &self,
        actor: &Staff,
        act: &crate::domain::ladder::LicenceAct,
    ) -> Result<i64, StoreError> {
        on_backend!(self.take_licence_step(actor, act))
    }

    pub async fn rectifications(&self) -> Result<Vec<RectificationRow>, StoreError> {
        on_backend!(self.rectifications())
    }

    /// Agreement institutions: (licence id, number).
    pub async fn agreement_licences(&self) -> Result<Vec<(i64, String)>, StoreError> {
        on_backend!(self.agreement_licences())
    }

    /// Stores monthly settlement figures (licence, month, visits, cost, persons), all or none.
    pub async fn store_settlements(
        &self,
        actor: &str,
        rows: &[(i64, i64, i64, i64, i64)],
    ) -> Result<(), StoreError> {
        on_backend!(self.store_settlements(actor, rows))
    }

    /// (licence id, zone, month, visits, cost, persons) of every stored month.
    pub async fn settlements(&self) -> Result<Vec<(i64, String, i64, i64, i64, i64)>, StoreError> {
        on_backend!(self.settlements())
    }

    /// Opens audit tasks for flags (licence, month, rule, detail) not yet tasked.
    pub async fn open_audit_tasks(
        &self,
        actor: &str,
        flags: &[(i64, i64, String, String)],
        on: NaiveDate,
    ) -> Result<u64, StoreError> {
        on_backend!(self.open_audit_tasks(actor, flags, on))
    }

    /// Valid licences of a kind with their annual review of `year`.
    pub async fn annual_rows(&self, year: i64, kind: &str) -> Result<Vec<AnnualRow>, StoreError> {
        on_backend!(self.annual_rows(year, kind))
    }

    /// A licence's annual results: (year, result).
    pub async fn annual_results(&self, licence: i64) -> Result<Vec<(i64, String)>, StoreError> {
        on_backend!(self.annual_results(licence))
    }

    /// Records a report received and/or a result for a year.
    pub async fn record_annual(
        &self,
        actor: &str,
        rec: &AnnualRecord<'_>,
    ) -> Result<(), StoreError> {
        on_backend!(self.record_annual(actor, rec))
    }

    /// The facts a draw's pools are made of.
    pub async fn draw_facts(&self, kind: &str, zone: &str) -> Result<DrawFacts, StoreError> {
        on_backend!(self.draw_facts(kind, zone))
    }

    /// Records a draw with the inspections it makes; Ok is its id.
    pub async fn record_draw(
        &self,
        actor: &Staff,
        d: &NewDraw,
        on: NaiveDate,
    ) -> Result<i64, StoreError> {
        on_backend!(self.record_draw(actor, d, on))
    }

    /// Every draw, newest first, with its inspections made and done.
    pub async fn draw_plans(&self) -> Result<Vec<DrawPlanRow>, StoreError> {
        on_backend!(self.draw_plans())
    }

    pub async fn draw_record(&self, id: i64) -> Result<Option<DrawRow>, StoreError> {
        on_backend!(self.draw_record(id))
    }

    /// (licence number, holder, inspector name) of a draw's inspections.
    pub async fn draw_names(&self, id: i64) -> Result<Vec<(String, String, String)>, StoreError> {
        on_backend!(self.draw_names(id))
    }

    /// Registers a complaint pending its decision; Ok is its id.
    pub async fn register_complaint(
        &self,
        actor: &str,
        c: &NewComplaint,
    ) -> Result<i64, StoreError> {
        on_backend!(self.register_complaint(actor, c))
    }

    /// An employer by its credit code: (id, name).
    pub async fn employer_by_uscc(&self, uscc: &str) -> Result<Option<(i64, String)>, StoreError> {
        on_backend!(self.employer_by_uscc(uscc))
    }

    pub async fn complaint(&self, id: i64) -> Result<Option<ComplaintRow>, StoreError> {
        on_backend!(self.complaint(id))
    }

    /// Decides a pending complaint; an acceptance registers its case.
    pub async fn decide_complaint(
        &self,
        actor: &Staff,
        id: i64,
        decision: &str,
        note: &str,
        on: NaiveDate,
        case: Option<&NewCase>,
    ) -> Result<Option<(i64, String)>, StoreError> {
        on_backend!(self.decide_complaint(actor, id, decision, note, on, case))
    }

    /// A case as the procedure and its clocks see it.
    pub async fn case_state(&self, id: i64) -> Result<Option<CaseState>, StoreError> {
        on_backend!(self.case_state(id))
    }

    /// Every open case's clock row, read narrow and handed over as read.
    pub async fn each_case_deadline(
        &self,
        each: impl FnMut(DeadlineClock) + Send,
    ) -> Result<usize, StoreError> {
        on_backend!(self.each_case_deadline(each))
    }

    /// Every open case's clock facts.
    pub async fn open_case_clocks(&self) -> Result<Vec<CaseClock>, StoreError> {
        on_backend!(self.open_case_clocks())
    }

    /// Makes a case move at the version read (see the backend).
    pub async fn move_case(
        &self,
        actor: &Staff,
        id: i64,
        seen_version: i64,
        rec: &CaseMoveRecord<'_>,
    ) -> Result<i64, StoreError> {
        on_backend!(self.move_case(actor, id, seen_version, rec))
    }

    /// Writes recomputed next deadlines of open cases.
    pub async fn record_deadlines(&self, due: &[(i64, i64, NextDue)]) -> Result<(), StoreError> {
        on_backend!(self.record_deadlines(due))
    }

    /// Puts an officer and inspectors on a case at the version read.
    pub async fn assign_case(
        &self,
        actor: &Staff,
        id: i64,
        seen_version: i64,
        officer: i64,
        inspectors: &[i64],
    ) -> Result<i64, StoreError> {
        on_backend!(self.assign_case(actor, id, seen_version, officer, inspectors))
    }

    /// A staff member's saved views of the case queue: (name, definition).
    pub async fn saved_views(&self, staff: i64) -> Result<Vec<(String, String)>, StoreError> {
        on_backend!(self.saved_views(staff))
    }

    /// Saves (or replaces) a named view for the actor.
    pub async fn save_view(
        &self,
        actor: &Staff,
        name: &str,
        definition: &str,
    ) -> Result<(), StoreError> {
        on_backend!(self.save_view(actor, name, definition))
    }

    /// Staff who declared an interest in an employer.
    pub async fn conflicted_staff(&self, employer: i64) -> Result<Vec<i64>, StoreError> {
        on_backend!(self.conflicted_staff(employer))
    }

    /// Records a staff member's declared interest in an employer.
    pub async fn declare_conflict(
        &self,
        actor: &str,
        staff: i64,
        employer: i64,
        reason: &str,
        on: NaiveDate,
    ) -> Result<(), StoreError> {
        on_backend!(self.declare_conflict(actor, staff, employer, reason, on))
    }

    /// Each active inspector with their open-case load.
    /// (id, name, login, open cases)
    pub async fn inspector_loads(&self) -> Result<Vec<InspectorLoad>, StoreError> {
        on_backend!(self.inspector_loads())
    }

    /// Adds evidence or a document to a case file.
    pub async fn add_case_file(
        &self,
        actor: &Staff,
        case: i64,
        kind: crate::domain::CaseFileKind,
        on: NaiveDate,
        kept_at: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        on_backend!(self.add_case_file(actor, case, kind, on, kept_at, note))
    }

    /// A case file, oldest first.
    pub async fn case_files(&self, case: i64) -> Result<Vec<CaseFileRow>, StoreError> {
        on_backend!(self.case_files(case))
    }

    /// Records what the checks found in the filings checked (`all`: every
    /// pending filing was, so the old findings go whole).
    pub async fn record_problems(
        &self,
        all: bool,
        found: &[(i64, Vec<(String, i64)>)],
    ) -> Result<(), StoreError> {
        on_backend!(self.record_problems(all, found))
    }

    /// Each problem code with how many pending filings have it, most first.
    pub async fn problem_tally(&self) -> Result<Vec<(String, i64)>, StoreError> {
        on_backend!(self.problem_tally())
    }

    /// The filing `id` as a resubmission names it.
    pub async fn filing_original(&self, id: i64) -> Result<Option<OriginalRow>, StoreError> {
        on_backend!(self.filing_original(id))
    }

    /// Writes a filing received at the counter; Ok is its number.
    pub async fn receive_filing(
        &self,
        actor: &Staff,
        f: &ReceivedFiling,
    ) -> Result<i64, StoreError> {
        on_backend!(self.receive_filing(actor, f))
    }

    /// Approves or returns a filing named at the version the clerk read.
    pub async fn decide_filing(
        &self,
        actor: &Staff,
        id: i64,
        seen_version: i64,
        d: &FilingDecision<'_>,
    ) -> Result<i64, StoreError> {
        on_backend!(self.decide_filing(actor, id, seen_version, d))
    }

    /// A person's full ID number, phone and bank account; the look is audited
    /// with its reason in the same transaction.
    pub async fn reveal_person(
        &self,
        actor: &str,
        person: i64,
        reason: &str,
    ) -> Result<Option<RevealedPerson>, StoreError> {
        on_backend!(self.reveal_person(actor, person, reason))
    }

    /// Marks a pending filing as in review; Some(holder, until) when someone
    /// else holds it now.
    pub async fn take_lease(
        &self,
        staff: i64,
        id: i64,
        now: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<(String, chrono::DateTime<chrono::Utc>)>, StoreError> {
        on_backend!(self.take_lease(staff, id, now, until))
    }

    /// Ends the leases `staff` holds (their desk is closing); how many.
    pub async fn release_leases(&self, staff: i64) -> Result<u64, StoreError> {
        on_backend!(self.release_leases(staff))
    }

    /// Whether this database was made by `hrss-desk demo`.
    pub async fn is_demo(&self) -> Result<bool, StoreError> {
        Ok(self.setting(DEMO_SETTING).await?.as_deref() == Some("true"))
    }
}

/// The setting that marks a demo database: only there may `--user` pick anyone.
pub const DEMO_SETTING: &str = "demo";

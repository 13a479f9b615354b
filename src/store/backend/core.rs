// One backend's queries. This file is included twice by `store/mod.rs`, once
// with `Db = Sqlite` and once with `Db = Postgres`, so both databases run the
// very same SQL. Where the dialects differ, `DIALECT` picks the text.
// (No `//!` here: it is not a module of its own.)

use super::*;
use crate::domain::Staff;
use crate::domain::audit::{AuditEntry, ChainBreak, ChainVerifier, audit_time, entry_hash};
use crate::domain::calendar::{CalendarYear, HolidaySpan};
use crate::domain::staff::{format_roles, parse_roles};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Pool, QueryBuilder, Row, Transaction};

/// Bound parameters per bulk statement: below SQLite's 32,766 and Postgres's 65,535.
const BIND_LIMIT: usize = 30_000;

/// The first statement of a writing transaction. SQLite takes the write lock
/// at once, so a reader never has to upgrade (which would fail, not wait).
const BEGIN_WRITE: &str = match DIALECT {
    Dialect::Sqlite => "BEGIN IMMEDIATE",
    Dialect::Postgres => "BEGIN",
};

/// A read-only transaction that sees one moment of the database throughout.
const READ_SNAPSHOT: &str = match DIALECT {
    Dialect::Sqlite => "BEGIN",
    Dialect::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
};

/// Reads the audit head and, on Postgres, locks it until commit: this is what
/// serialises appends to the chain across processes.
const LOCK_HEAD: &str = match DIALECT {
    Dialect::Sqlite => "SELECT seq, hash FROM audit_head WHERE id = 1",
    Dialect::Postgres => "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
};

const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migration (
    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

#[derive(Debug, Clone)]
pub struct Backend {
    pub(super) pool: Pool<Db>,
    /// What time it is for this store's records (audit entries, decisions, leases).
    pub(super) clock: crate::clock::Clock,
}

/// Inserts `rows` in chunks of one multi-row `INSERT … VALUES`.
macro_rules! bulk_insert {
    ($tx:expr, $head:literal, $cols:literal, $rows:expr, |$b:ident, $r:ident| $push:expr) => {{
        for part in $rows.chunks(BIND_LIMIT / $cols) {
            let mut qb: QueryBuilder<Db> = QueryBuilder::new($head);
            qb.push_values(part, |mut $b, $r| {
                $push;
            });
            qb.build().execute(&mut *$tx).await?;
        }
    }};
}

impl Backend {
    async fn begin_write(&self) -> Result<Transaction<'static, Db>, StoreError> {
        Ok(self.pool.begin_with(BEGIN_WRITE).await?)
    }

    // ---------------------------------------------------------------- schema

    /// The highest migration applied, or 0 for a database without the table.
    pub async fn schema_version(&self) -> Result<i64, StoreError> {
        let exists: i64 = sqlx::query_scalar(match DIALECT {
            Dialect::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'"
            }
            Dialect::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_name = 'schema_migration'"
            }
        })
        .fetch_one(&self.pool)
        .await?;
        if exists == 0 {
            return Ok(0);
        }
        let v: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM schema_migration")
            .fetch_one(&self.pool)
            .await?;
        Ok(v.unwrap_or(0))
    }

    /// Applies what is missing, each migration in its own transaction. A
    /// database newer than this program is refused before anything is written.
    pub async fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        let known = migrate::latest();
        let found = self.schema_version().await?;
        if found > known {
            return Err(StoreError::SchemaNewer { found, known });
        }
        let mut applied = Vec::new();
        if found == known {
            return Ok(applied);
        }
        sqlx::raw_sql(MIGRATIONS_TABLE).execute(&self.pool).await?;
        for m in migrate::MIGRATIONS {
            let mut tx = self.begin_write().await?;
            if DIALECT == Dialect::Postgres {
                // Two programs starting at once must not both migrate.
                sqlx::query("SELECT pg_advisory_xact_lock(74120001)")
                    .execute(&mut *tx)
                    .await?;
            }
            let done: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM schema_migration WHERE version = $1")
                    .bind(m.version)
                    .fetch_one(&mut *tx)
                    .await?;
            if done > 0 {
                continue;
            }
            let sql = match DIALECT {
                Dialect::Sqlite => m.sqlite,
                Dialect::Postgres => m.postgres,
            };
            sqlx::raw_sql(sql).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO schema_migration (version, name, applied_at) VALUES ($1, $2, $3)",
            )
            .bind(m.version)
            .bind(m.name)
            .bind(self.clock.now().to_rfc3339())
            .execute(&mut *tx)
            .await?;
            append_audit(
                &mut tx,
                self.clock.now(),
                SYSTEM_ACTOR,
                "schema.migrate",
                "schema_migration",
                &m.version.to_string(),
                m.name,
            )
            .await?;
            tx.commit().await?;
            applied.push(m.version);
        }
        Ok(applied)
    }

    /// The audit log's newest entry: every change is audited, so a desk that
    /// sees this move knows something changed.
    pub async fn change_marker(&self) -> Result<ChangeMarker, StoreError> {
        let audited: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM audit_log")
            .fetch_one(&self.pool)
            .await?;
        // Opening a filing for review is not audited (it changes nothing of
        // the record), yet the other desks mark it `@`: leases move it too.
        let (leases, latest): (i64, Option<DateTime<Utc>>) = sqlx::query_as(
            "SELECT COUNT(lease_by), MAX(lease_until) FROM filing WHERE lease_by IS NOT NULL",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(ChangeMarker {
            audited,
            leases,
            latest_lease: latest,
        })
    }

    // -------------------------------------------------------------- calendar

    /// Loads the shipped years that the database does not have yet.
    pub async fn seed_calendar(&self, years: &[CalendarYear]) -> Result<usize, StoreError> {
        let have: Vec<i64> = sqlx::query_scalar("SELECT year FROM calendar_year")
            .fetch_all(&self.pool)
            .await?;
        let mut added = 0;
        for y in years.iter().filter(|y| !have.contains(&i64::from(y.year))) {
            let mut tx = self.begin_write().await?;
            let exists: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM calendar_year WHERE year = $1")
                    .bind(i64::from(y.year))
                    .fetch_one(&mut *tx)
                    .await?;
            if exists == 0 {
                write_calendar_year(&mut tx, self.clock.now(), SYSTEM_ACTOR, y).await?;
                tx.commit().await?;
                added += 1;
            }
        }
        Ok(added)
    }

    /// Replaces the tables of the given years in one transaction: an
    /// administrator's correction or a new notice, all of it or none.
    pub async fn replace_calendar_years(
        &self,
        actor: &str,
        years: &[CalendarYear],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        for y in years {
            write_calendar_year(&mut tx, self.clock.now(), actor, y).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn calendar_years(&self) -> Result<Vec<CalendarYear>, StoreError> {
        let years = sqlx::query("SELECT year, published, source FROM calendar_year ORDER BY year")
            .fetch_all(&self.pool)
            .await?;
        let days = sqlx::query("SELECT day, year, kind, name FROM calendar_day ORDER BY day")
            .fetch_all(&self.pool)
            .await?;
        let bad = |e: sqlx::Error| StoreError::BadData {
            entity: "calendar",
            detail: e.to_string(),
        };
        let mut out: Vec<CalendarYear> = Vec::with_capacity(years.len());
        for r in &years {
            out.push(CalendarYear {
                year: r.try_get::<i64, _>("year").map_err(bad)? as i32,
                published: r.try_get("published").map_err(bad)?,
                source: r.try_get("source").map_err(bad)?,
                holidays: Vec::new(),
                workdays: Vec::new(),
            });
        }
        for r in &days {
            let year = r.try_get::<i64, _>("year").map_err(bad)? as i32;
            let day: NaiveDate = r.try_get("day").map_err(bad)?;
            let kind: String = r.try_get("kind").map_err(bad)?;
            let name: String = r.try_get("name").map_err(bad)?;
            let Some(y) = out.iter_mut().find(|y| y.year == year) else {
                continue;
            };
            if kind == "workday" {
                y.workdays.push(day);
            } else {
                // Consecutive days of one name become one span again.
                match y.holidays.last_mut() {
                    Some(s) if s.name == name && s.to.succ_opt() == Some(day) => s.to = day,
                    _ => y.holidays.push(HolidaySpan {
                        name,
                        from: day,
                        to: day,
                    }),
                }
            }
        }
        Ok(out)
    }

    /// The material checklist of every filing kind: (kind, material, required).
    pub async fn material_requirements(&self) -> Result<Vec<(String, String, bool)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT kind, material, required FROM material_requirement ORDER BY kind, material",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every checklist row with its names and source, by kind.
    pub async fn checklist(&self) -> Result<Vec<ChecklistRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT kind, material, name_zh, name_en, required, source FROM material_requirement ORDER BY kind, material",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Makes a checklist row required or optional with its source, or adds
    /// one (a new row needs its names). Ok is false when the row is new and
    /// no names were given.
    pub async fn set_requirement(
        &self,
        actor: &str,
        row: &ChecklistRow,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE material_requirement SET required = $1, source = $2,
                name_zh = CASE WHEN $3 = '' THEN name_zh ELSE $3 END,
                name_en = CASE WHEN $4 = '' THEN name_en ELSE $4 END,
                version = version + 1
             WHERE kind = $5 AND material = $6",
        )
        .bind(row.required)
        .bind(&row.source)
        .bind(&row.name_zh)
        .bind(&row.name_en)
        .bind(&row.kind)
        .bind(&row.material)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            if row.name_zh.is_empty() || row.name_en.is_empty() {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO material_requirement (kind, material, name_zh, name_en, required, source)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&row.kind)
            .bind(&row.material)
            .bind(&row.name_zh)
            .bind(&row.name_en)
            .bind(row.required)
            .bind(&row.source)
            .execute(&mut *tx)
            .await?;
        }
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            "checklist.set",
            "material_requirement",
            &format!("{}/{}", row.kind, row.material),
            &format!("required {}; {}", row.required, row.source),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    // ----------------------------------------------------------------- staff

    pub async fn staff_by_login(&self, login: &str) -> Result<Option<Staff>, StoreError> {
        let row: Option<StaffRow> =
            sqlx::query_as("SELECT id, login, name, roles, active FROM staff WHERE login = $1")
                .bind(login)
                .fetch_optional(&self.pool)
                .await?;
        row.map(staff_from_row).transpose()
    }

    pub async fn list_staff(&self) -> Result<Vec<Staff>, StoreError> {
        let rows: Vec<StaffRow> =
            sqlx::query_as("SELECT id, login, name, roles, active FROM staff ORDER BY login")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(staff_from_row).collect()
    }

    pub async fn add_staff(
        &self,
        actor: &str,
        login: &str,
        name: &str,
        roles: &[crate::domain::Role],
        first: bool,
    ) -> Result<Staff, StoreError> {
        let mut tx = self.begin_write().await?;
        if DIALECT == Dialect::Postgres {
            // Serialises adds, so two "first administrators" cannot both pass.
            sqlx::query("LOCK TABLE staff IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        if first {
            let any: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff")
                .fetch_one(&mut *tx)
                .await?;
            if any > 0 {
                return Err(StoreError::NotFirst);
            }
        }
        let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff WHERE login = $1")
            .bind(login)
            .fetch_one(&mut *tx)
            .await?;
        if taken > 0 {
            return Err(StoreError::Duplicate(login.to_string()));
        }
        let roles_text = format_roles(roles);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO staff (login, name, roles, active) VALUES ($1, $2, $3, TRUE) RETURNING id",
        )
        .bind(login)
        .bind(name)
        .bind(&roles_text)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match unique_violation(&e) {
            true => StoreError::Duplicate(login.to_string()),
            false => e.into(),
        })?;
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            "staff.add",
            "staff",
            &id.to_string(),
            &format!("{login} {name} [{roles_text}]"),
        )
        .await?;
        tx.commit().await?;
        Ok(Staff {
            id,
            login: login.to_string(),
            name: name.to_string(),
            roles: roles.to_vec(),
            active: true,
            acted_by: None,
        })
    }

    // -------------------------------------------------------------- settings

    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT value FROM setting WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Sets a locality's value; `seen_version` is the version the caller read
    /// (`None` for a new key). A concurrent change is a conflict, not an overwrite.
    pub async fn set_setting(
        &self,
        actor: &str,
        row: &SettingRow,
        seen_version: Option<i64>,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let before: Option<(String, i64)> =
            sqlx::query_as("SELECT value, version FROM setting WHERE key = $1")
                .bind(&row.key)
                .fetch_optional(&mut *tx)
                .await?;
        let new_version = match (&before, seen_version) {
            (None, None) => {
                sqlx::query(
                    "INSERT INTO setting (key, value, source, effective_from, version)
                     VALUES ($1, $2, $3, $4, 1)",
                )
                .bind(&row.key)
                .bind(&row.value)
                .bind(&row.source)
                .bind(row.effective_from)
                .execute(&mut *tx)
                .await
                .map_err(|e| match unique_violation(&e) {
                    // Someone else created the key meanwhile.
                    true => StoreError::Conflict {
                        entity: "setting",
                        id: row.key.clone(),
                    },
                    false => e.into(),
                })?;
                1
            }
            (Some((_, v)), Some(seen)) if *v == seen => {
                let updated = sqlx::query(
                    "UPDATE setting SET value = $1, source = $2, effective_from = $3,
                     version = version + 1 WHERE key = $4 AND version = $5",
                )
                .bind(&row.value)
                .bind(&row.source)
                .bind(row.effective_from)
                .bind(&row.key)
                .bind(seen)
                .execute(&mut *tx)
                .await?;
                // On Postgres a concurrent writer may have moved the version
                // between our read and our update: then nothing matched.
                if updated.rows_affected() != 1 {
                    return Err(StoreError::Conflict {
                        entity: "setting",
                        id: row.key.clone(),
                    });
                }
                seen + 1
            }
            _ => {
                return Err(StoreError::Conflict {
                    entity: "setting",
                    id: row.key.clone(),
                });
            }
        };
        let was = before.map(|(v, _)| v).unwrap_or_default();
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            "setting.set",
            "setting",
            &row.key,
            &format!("{was} → {}", row.value),
        )
        .await?;
        tx.commit().await?;
        Ok(new_version)
    }

    /// Every office setting with its source, by key.
    pub async fn settings(&self) -> Result<Vec<SettingRow>, StoreError> {
        Ok(sqlx::query_as("SELECT key, value, source, effective_from FROM setting ORDER BY key")
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn setting_version(&self, key: &str) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT version FROM setting WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    // ----------------------------------------------------------------- audit

    /// Walks the whole audit chain inside one read snapshot, so writers
    /// working meanwhile cannot make an intact log look broken.
    pub async fn verify_audit(
        &self,
        anchors: &[crate::domain::audit::Anchor],
    ) -> Result<Result<u64, ChainBreak>, StoreError> {
        const PAGE: i64 = 5_000;
        let mut tx = self.pool.begin_with(READ_SNAPSHOT).await?;
        let head: Option<(i64, String)> =
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_optional(&mut *tx)
                .await?;
        let mut v = ChainVerifier::with_anchors(anchors);
        let mut after = i64::MIN;
        loop {
            let rows = sqlx::query(
                "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash
                 FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
            )
            .bind(after)
            .bind(PAGE)
            .fetch_all(&mut *tx)
            .await;
            let rows = match rows {
                Ok(r) => r,
                // A value of the wrong type in the log is tampering too.
                Err(sqlx::Error::ColumnDecode { .. }) => return Ok(Err(v.unreadable())),
                Err(e) => return Err(e.into()),
            };
            let Some(last) = rows.last() else { break };
            let Ok(last_seq) = last.try_get::<i64, _>("seq") else {
                return Ok(Err(v.unreadable()));
            };
            after = last_seq;
            for r in &rows {
                let Some(e) = audit_entry(r) else {
                    return Ok(Err(v.unreadable()));
                };
                if let Err(b) = v.push(&e) {
                    return Ok(Err(b));
                }
            }
        }
        tx.commit().await?;
        Ok(v.finish(head))
    }

    pub async fn audit_head(&self) -> Result<Option<(i64, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    // ---------------------------------------------------------------- counts

    /// Pending filings received before `before`.
    pub async fn pending_received_before(
        &self,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM filing WHERE status = 'pending' AND received_at < $1",
        )
        .bind(before)
        .fetch_one(&self.pool)
        .await?)
    }

    pub async fn counts(&self, today: NaiveDate) -> Result<Counts, StoreError> {
        let row = sqlx::query(
            "SELECT
               (SELECT COUNT(*) FROM employer) AS employers,
               (SELECT COUNT(*) FROM person) AS persons,
               (SELECT COUNT(*) FROM licence) AS licences,
               (SELECT COUNT(*) FROM filing WHERE status = 'pending') AS pending_filings,
               (SELECT COUNT(*) FROM inspection_case WHERE stage <> 'closed') AS open_cases,
               (SELECT COUNT(*) FROM complaint WHERE decision = 'pending') AS pending_complaints,
               (SELECT COUNT(*) FROM inspection_case
                 WHERE stage <> 'closed' AND due_on IS NOT NULL AND due_on < $1) AS overdue_cases",
        )
        .bind(today)
        .fetch_one(&self.pool)
        .await?;
        Ok(Counts {
            employers: row.get("employers"),
            persons: row.get("persons"),
            licences: row.get("licences"),
            pending_filings: row.get("pending_filings"),
            overdue_filings: 0,
            open_cases: row.get("open_cases"),
            overdue_cases: row.get("overdue_cases"),
            pending_complaints: row.get("pending_complaints"),
            overdue_complaints: 0,
        })
    }
}

/// An audit row as an entry; None when a field no longer has its type.
fn audit_entry(r: &<Db as sqlx::Database>::Row) -> Option<AuditEntry> {
    Some(AuditEntry {
        seq: r.try_get("seq").ok()?,
        at: r.try_get("at").ok()?,
        actor: r.try_get("actor").ok()?,
        action: r.try_get("action").ok()?,
        entity: r.try_get("entity").ok()?,
        entity_id: r.try_get("entity_id").ok()?,
        detail: r.try_get("detail").ok()?,
        prev_hash: r.try_get("prev_hash").ok()?,
        hash: r.try_get("hash").ok()?,
    })
}

/// Whether an insert failed on a unique constraint (a race another writer won).
fn unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

fn staff_from_row(r: StaffRow) -> Result<Staff, StoreError> {
    let roles = parse_roles(&r.roles).map_err(|bad| StoreError::BadData {
        entity: "staff",
        detail: format!("{}: unknown role {bad}", r.login),
    })?;
    Ok(Staff {
        id: r.id,
        login: r.login,
        name: r.name,
        roles,
        active: r.active,
        acted_by: None,
    })
}

async fn write_calendar_year(
    tx: &mut Transaction<'static, Db>,
    now: DateTime<Utc>,
    actor: &str,
    y: &CalendarYear,
) -> Result<(), StoreError> {
    let year = i64::from(y.year);
    sqlx::query("DELETE FROM calendar_day WHERE year = $1")
        .bind(year)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM calendar_year WHERE year = $1")
        .bind(year)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO calendar_year (year, published, source) VALUES ($1, $2, $3)")
        .bind(year)
        .bind(y.published)
        .bind(&y.source)
        .execute(&mut **tx)
        .await?;
    let mut days: Vec<(NaiveDate, &str, &str)> = y
        .holiday_dates()
        .map(|(d, name)| (d, "holiday", name))
        .collect();
    days.extend(y.workdays.iter().map(|d| (*d, "workday", "调休")));
    bulk_insert!(
        *tx,
        "INSERT INTO calendar_day (day, year, kind, name) ",
        4,
        days,
        |b, r| b
            .push_bind(r.0)
            .push_bind(year)
            .push_bind(r.1)
            .push_bind(r.2)
    );
    append_audit(
        tx,
        now,
        actor,
        "calendar.load",
        "calendar_year",
        &year.to_string(),
        &format!(
            "published={} holidays={} workdays={}",
            y.published,
            y.holiday_dates().count(),
            y.workdays.len()
        ),
    )
    .await?;
    Ok(())
}

/// Appends one entry to the audit chain inside the caller's transaction, so
/// the entry and the change it records commit or vanish together.
async fn append_audit(
    tx: &mut Transaction<'static, Db>,
    now: DateTime<Utc>,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: &str,
    detail: &str,
) -> Result<i64, StoreError> {
    let (actor, detail) = audit_actor(actor, detail);
    let detail: &str = &detail;
    let (last, prev): (i64, String) = sqlx::query_as(LOCK_HEAD).fetch_one(&mut **tx).await?;
    let seq = last + 1;
    let at = audit_time(now);
    let hash = entry_hash(seq, at, actor, action, entity, entity_id, detail, &prev);
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(seq)
    .bind(at)
    .bind(actor)
    .bind(action)
    .bind(entity)
    .bind(entity_id)
    .bind(detail)
    .bind(&prev)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(seq)
        .bind(&hash)
        .execute(&mut **tx)
        .await?;
    Ok(seq)
}

// Imports of registers: checked rows written all or none, each record found
// by its natural key — inserted when new, updated only in the columns the
// file has and only where a value differs, so a file imported twice changes
// nothing the second time.

use crate::domain::import::{ImportKind, Value};

/// The table a kind is written to.
fn import_table(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Licences => "licence",
        ImportKind::Employers => "employer",
        ImportKind::Persons => "person",
        ImportKind::Settlements => "settlement_month",
        // Received one by one as the counter does (`receive_filings`).
        ImportKind::Filings => "filing",
    }
}

impl Backend {
    /// Employers' ids by credit code.
    pub async fn employer_ids(&self) -> Result<std::collections::HashMap<String, i64>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT uscc, id FROM employer")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().collect())
    }

    /// Of these ID numbers, those the register of insured persons has.
    pub async fn persons_known(&self, id_numbers: &[String]) -> Result<std::collections::HashSet<String>, StoreError> {
        self.which_exist("SELECT id_number FROM person WHERE id_number IN (", id_numbers).await
    }

    /// Of these upstream declaration numbers, those received before.
    pub async fn upstream_received(&self, numbers: &[String]) -> Result<std::collections::HashSet<String>, StoreError> {
        self.which_exist("SELECT upstream_no FROM filing WHERE upstream_no IN (", numbers).await
    }

    /// Of `values`, those `head` (a query ending in `IN (`) finds, asked in
    /// chunks the database takes.
    async fn which_exist(&self, head: &'static str, values: &[String]) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut known = std::collections::HashSet::new();
        for part in values.chunks(BIND_LIMIT) {
            let mut qb: QueryBuilder<Db> = QueryBuilder::new(head);
            let mut list = qb.separated(", ");
            for v in part {
                list.push_bind(v);
            }
            qb.push(")");
            let rows: Vec<String> = qb.build_query_scalar().fetch_all(&self.pool).await?;
            known.extend(rows);
        }
        Ok(known)
    }

    /// Licences' ids by number.
    pub async fn licence_ids(&self) -> Result<std::collections::HashMap<String, i64>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT number, id FROM licence")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().collect())
    }

    /// Writes `rows` (every column of the kind, in its order) in one
    /// transaction: a record new to the table is inserted, its empty cells
    /// given the column's default; an existing one is updated only in the
    /// columns the file has (`present`) and only where a cell is not empty
    /// and differs. `progress` hears the rows written, of all.
    pub async fn import_rows(
        &self,
        actor: &str,
        kind: ImportKind,
        present: &[&str],
        rows: &[Vec<Value>],
        digest: &str,
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> Result<ImportCounts, StoreError> {
        use crate::domain::import::{Stored, default_value};
        let table = import_table(kind);
        let cols = kind.columns();
        let columns: Vec<&str> = cols.iter().map(|c| c.key).collect();
        let keys = kind.key();
        let key = keys.join(", ");
        let key_at = kind.key_at();
        let mut tx = self.begin_write().await?;
        if DIALECT == Dialect::Postgres {
            // One import of a kind at a time: which records are new holds
            // until this one commits.
            sqlx::query("SELECT pg_advisory_xact_lock(7210600, $1)")
                .bind(ImportKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as i32)
                .execute(&mut *tx)
                .await?;
        }
        // The keys already in the table, as the rows hold them.
        let existing: std::collections::HashSet<Vec<Value>> = if keys.len() == 1 {
            let stored: Vec<String> =
                sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT {key} FROM {table}")))
                    .fetch_all(&mut *tx)
                    .await?;
            stored.into_iter().map(|k| vec![Value::Text(k)]).collect()
        } else {
            let stored: Vec<(i64, i64)> =
                sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {key} FROM {table}")))
                    .fetch_all(&mut *tx)
                    .await?;
            stored
                .into_iter()
                .map(|(a, b)| vec![Value::Int(Some(a)), Value::Int(Some(b))])
                .collect()
        };
        let (old, new): (Vec<&Vec<Value>>, Vec<&Vec<Value>>) = rows.iter().partition(|r| {
            existing.contains(&key_at.iter().map(|i| r[*i].clone()).collect::<Vec<_>>())
        });
        let per_chunk = (BIND_LIMIT / columns.len()).clamp(1, 500);
        let bind_typed = |b: &mut sqlx::query_builder::Separated<'_, Db, &'static str>,
                          v: &Value,
                          stored: Stored| {
            match (v, stored) {
                (Value::Text(s), _) => b.push_bind(s.clone()),
                (Value::Int(i), _) => b.push_bind(*i),
                (Value::Date(d), _) => b.push_bind(*d),
                (Value::Empty, Stored::Text) => b.push_bind(None::<String>),
                (Value::Empty, Stored::Int) => b.push_bind(None::<i64>),
                (Value::Empty, Stored::Date) => b.push_bind(None::<NaiveDate>),
            };
        };
        let mut inserted = 0u64;
        let mut updated = 0u64;
        let mut done = 0usize;
        let head = format!("INSERT INTO {table} ({}) ", columns.join(", "));
        for chunk in new.chunks(per_chunk) {
            let mut qb: QueryBuilder<Db> = QueryBuilder::new(head.as_str());
            qb.push_values(chunk, |mut b, row| {
                for (v, c) in row.iter().zip(cols) {
                    let v = if *v == Value::Empty { default_value(c) } else { v.clone() };
                    bind_typed(&mut b, &v, c.ty.stored());
                }
            });
            inserted += qb.build().execute(&mut *tx).await?.rows_affected();
            done += chunk.len();
            progress(done, rows.len());
        }
        // Existing records: the file's columns, where a cell has a value.
        let changing: Vec<usize> = (0..columns.len())
            .filter(|i| present.contains(&columns[*i]) && !key_at.contains(i))
            .collect();
        let differs = match DIALECT {
            Dialect::Sqlite => "IS NOT",
            Dialect::Postgres => "IS DISTINCT FROM",
        };
        if !changing.is_empty() {
            let aliases: Vec<String> = (1..=columns.len())
                .map(|i| format!("column{i} AS {}", columns[i - 1]))
                .collect();
            let set: Vec<String> = changing
                .iter()
                .map(|i| format!("{c} = COALESCE(v.{c}, {table}.{c})", c = columns[*i]))
                .collect();
            let changed: Vec<String> = changing
                .iter()
                .map(|i| format!("COALESCE(v.{c}, {table}.{c}) {differs} {table}.{c}", c = columns[*i]))
                .collect();
            let matched: Vec<String> = key_at
                .iter()
                .map(|i| format!("{table}.{c} = v.{c}", c = columns[*i]))
                .collect();
            for chunk in old.chunks(per_chunk) {
                let mut qb: QueryBuilder<Db> = QueryBuilder::new(format!(
                    "UPDATE {table} SET {}, version = {table}.version + 1 FROM (SELECT {} FROM (",
                    set.join(", "),
                    aliases.join(", ")
                ));
                qb.push_values(chunk, |mut b, row| {
                    for (v, c) in row.iter().zip(cols) {
                        bind_typed(&mut b, v, c.ty.stored());
                    }
                });
                qb.push(format!(
                    ") AS x) AS v WHERE {} AND ({})",
                    matched.join(" AND "),
                    changed.join(" OR ")
                ));
                updated += qb.build().execute(&mut *tx).await?.rows_affected();
                done += chunk.len();
                progress(done, rows.len());
            }
        }
        let counts = ImportCounts {
            rows: rows.len() as u64,
            inserted,
            updated,
        };
        // Counts only: never a person's data in the log.
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            &format!("import.{}", kind.code()),
            "import",
            digest,
            &format!(
                "rows={} inserted={} updated={}",
                counts.rows, counts.inserted, counts.updated
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(counts)
    }

    /// An export written: what, how many rows, and whether ID numbers went
    /// out in full, with the reason given.
    pub async fn record_export(
        &self,
        actor: &str,
        kind: &str,
        rows: usize,
        revealed_because: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let detail = match revealed_because {
            None => format!("rows={rows} masked"),
            Some(why) => format!("rows={rows} revealed: {why}"),
        };
        append_audit(&mut tx, self.clock.now(), actor, &format!("export.{kind}"), "export", kind, &detail).await?;
        tx.commit().await?;
        Ok(())
    }
}

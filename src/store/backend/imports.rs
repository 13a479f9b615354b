// Imports of registers: checked rows written all or none, each record found
// by its natural key — inserted when new, updated only in the columns the
// file has and only where a value differs, so a file imported twice changes
// nothing the second time.

use crate::domain::import::{ImportKind, Value};

/// The table of a kind and its key columns (the conflict target).
fn import_table(kind: ImportKind) -> (&'static str, &'static str) {
    match kind {
        ImportKind::Licences => ("licence", "number"),
        ImportKind::Employers => ("employer", "uscc"),
        ImportKind::Persons => ("person", "id_number"),
        ImportKind::Settlements => ("settlement_month", "licence_id, month"),
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

    /// Licences' ids by number.
    pub async fn licence_ids(&self) -> Result<std::collections::HashMap<String, i64>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT number, id FROM licence")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().collect())
    }

    /// Writes `rows` (every column of the kind, in its order) in one
    /// transaction; `present` are the columns the file had, the only ones
    /// an existing record has updated. `progress` hears the rows written, of all.
    pub async fn import_rows(
        &self,
        actor: &str,
        kind: ImportKind,
        present: &[&str],
        rows: &[Vec<Value>],
        digest: &str,
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> Result<ImportCounts, StoreError> {
        let (table, key) = import_table(kind);
        let columns: Vec<&str> = kind.columns().iter().map(|c| c.key).collect();
        let keys: Vec<&str> = key.split(", ").collect();
        let updated: Vec<&str> = columns
            .iter()
            .copied()
            .filter(|c| present.contains(c) && !keys.contains(c))
            .collect();
        let differs = match DIALECT {
            Dialect::Sqlite => "IS NOT",
            Dialect::Postgres => "IS DISTINCT FROM",
        };
        let on_conflict = if updated.is_empty() {
            format!(" ON CONFLICT ({key}) DO NOTHING")
        } else {
            let set: Vec<String> = updated.iter().map(|c| format!("{c} = excluded.{c}")).collect();
            let changed: Vec<String> = updated
                .iter()
                .map(|c| format!("{table}.{c} {differs} excluded.{c}"))
                .collect();
            format!(
                " ON CONFLICT ({key}) DO UPDATE SET {}, version = {table}.version + 1 WHERE {}",
                set.join(", "),
                changed.join(" OR ")
            )
        };
        let head = format!("INSERT INTO {table} ({}) ", columns.join(", "));
        let per_chunk = (BIND_LIMIT / columns.len()).clamp(1, 500);
        let mut tx = self.begin_write().await?;
        let before: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&mut *tx)
            .await?;
        let mut affected = 0u64;
        let mut done = 0usize;
        for chunk in rows.chunks(per_chunk) {
            let mut qb: QueryBuilder<Db> = QueryBuilder::new(head.as_str());
            qb.push_values(chunk, |mut b, row| {
                for v in row {
                    match v {
                        Value::Text(s) => b.push_bind(s.as_str()),
                        Value::Int(i) => b.push_bind(*i),
                        Value::Date(d) => b.push_bind(*d),
                    };
                }
            });
            qb.push(on_conflict.as_str());
            affected += qb.build().execute(&mut *tx).await?.rows_affected();
            done += chunk.len();
            progress(done, rows.len());
        }
        let after: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&mut *tx)
            .await?;
        let inserted = u64::try_from(after - before).unwrap_or(0);
        let counts = ImportCounts {
            rows: rows.len() as u64,
            inserted,
            updated: affected.saturating_sub(inserted),
        };
        // Counts only: never a person's data in the log.
        append_audit(
            &mut tx,
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
        append_audit(&mut tx, actor, &format!("export.{kind}"), "export", kind, &detail).await?;
        tx.commit().await?;
        Ok(())
    }
}

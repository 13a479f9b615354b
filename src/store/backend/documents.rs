// Documents issued on records: their numbers (given once, per kind and
// year), the hash of the file last rendered, and the office's templates.

impl Backend {
    /// The number of `kind` issued on a record: the one it has, or `given`
    /// (a number the record already carries), or the next of the year,
    /// given now. Ok is (year, seq, newly given).
    pub async fn issue_document(
        &self,
        actor: &crate::domain::Staff,
        kind: &str,
        record_kind: &str,
        record_id: i64,
        on: NaiveDate,
        given: Option<(i64, i64)>,
    ) -> Result<(i64, i64, bool), StoreError> {
        let mut tx = self.begin_write().await?;
        if DIALECT == Dialect::Postgres {
            // Numbers are given in turn: one at a time.
            sqlx::query("SELECT pg_advisory_xact_lock(7210504)").execute(&mut *tx).await?;
        }
        let had: Option<(i64, i64)> = sqlx::query_as(
            "SELECT year, seq FROM document_issued WHERE kind = $1 AND record_kind = $2 AND record_id = $3",
        )
        .bind(kind)
        .bind(record_kind)
        .bind(record_id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((year, seq)) = had {
            tx.commit().await?;
            return Ok((year, seq, false));
        }
        let (year, seq) = match given {
            Some(n) => n,
            None => {
                let year = i64::from(chrono::Datelike::year(&on));
                let seq: i64 = sqlx::query_scalar(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM document_issued WHERE kind = $1 AND year = $2",
                )
                .bind(kind)
                .bind(year)
                .fetch_one(&mut *tx)
                .await?;
                (year, seq)
            }
        };
        sqlx::query(
            "INSERT INTO document_issued (kind, year, seq, record_kind, record_id, issued_by, issued_on)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(kind)
        .bind(year)
        .bind(seq)
        .bind(record_kind)
        .bind(record_id)
        .bind(actor.id)
        .bind(on)
        .execute(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            self.clock.now(),
            &actor.login,
            "document.number",
            record_kind,
            &record_id.to_string(),
            &format!("{kind} {year}-{seq}"),
        )
        .await?;
        tx.commit().await?;
        Ok((year, seq, true))
    }

    /// A document rendered: its file's hash kept with its record, audited.
    pub async fn document_rendered(
        &self,
        actor: &str,
        kind: &str,
        record_kind: &str,
        record_id: i64,
        sha256: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE document_issued SET sha256 = $1, version = version + 1
             WHERE kind = $2 AND record_kind = $3 AND record_id = $4",
        )
        .bind(sha256)
        .bind(kind)
        .bind(record_kind)
        .bind(record_id)
        .execute(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            "document.render",
            record_kind,
            &record_id.to_string(),
            &format!("{kind} sha256={sha256}"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The office's template of a kind, if it loaded one.
    pub async fn document_template(&self, kind: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(sqlx::query_scalar("SELECT body FROM document_template WHERE kind = $1")
            .bind(kind)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Loads (or replaces) the office's template of a kind.
    pub async fn store_template(
        &self,
        actor: &crate::domain::Staff,
        kind: &str,
        body: &[u8],
        sha256: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO document_template (kind, body, loaded_by) VALUES ($1, $2, $3)
             ON CONFLICT (kind) DO UPDATE SET body = excluded.body, loaded_by = excluded.loaded_by,
                version = document_template.version + 1",
        )
        .bind(kind)
        .bind(body)
        .bind(actor.id)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, self.clock.now(), &actor.login, "document.template", "template", kind, &format!("sha256={sha256}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A ladder step for its rectification notice.
    pub async fn sanction_step_facts(&self, id: i64) -> Result<Option<SanctionStepFacts>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT l.number AS licence_number, l.holder, s.step, s.decided_on, s.deadline, s.reason,
                    COALESCE(st.name, '') AS decided_by
             FROM sanction_step s JOIN licence l ON l.id = s.licence_id
             LEFT JOIN staff st ON st.id = s.decided_by WHERE s.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

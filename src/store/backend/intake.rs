// Receiving filings: one at the counter, or a batch from the upstream
// declaration system, each with its materials and its audit entry; part of
// the backend included per database.

impl Backend {
    /// Writes a filing received at the counter, pending, with its materials
    /// and its audit entry, in one transaction. Ok is its number.
    pub async fn receive_filing(&self, actor: &crate::domain::Staff, f: &ReceivedFiling) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        // A returned filing is answered once: checked again here, where two
        // desks receiving the same resubmission meet.
        if let Some(original) = f.resubmits {
            let open: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM filing f WHERE f.id = $1 AND f.status = 'returned'
                    AND NOT EXISTS (SELECT 1 FROM filing g WHERE g.resubmits = f.id)",
            )
            .bind(original)
            .fetch_one(&mut *tx)
            .await?;
            if open != 1 {
                return Err(StoreError::Duplicate(format!("resubmission of filing {original}")));
            }
        }
        let id = Self::insert_received(&mut tx, self.clock.now(), actor, f)
            .await?
            .ok_or_else(|| StoreError::Duplicate("upstream_no".to_string()))?;
        tx.commit().await?;
        Ok(id)
    }

    /// Writes one received filing with its materials and its audit entry
    /// inside `tx`; None when its upstream number was received before.
    async fn insert_received(
        tx: &mut Transaction<'static, Db>,
        now: DateTime<Utc>,
        actor: &crate::domain::Staff,
        f: &ReceivedFiling,
    ) -> Result<Option<i64>, StoreError> {
        let person: Option<i64> = match &f.id_number {
            Some(n) => sqlx::query_scalar("SELECT id FROM person WHERE id_number = $1")
                .bind(n)
                .fetch_optional(&mut **tx)
                .await?,
            None => None,
        };
        // A batch's filing already received under its upstream number is
        // not received again: None.
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO filing (kind, status, employer_id, person_id, received_at, declared, channel, received_by, recorded_at, resubmits, upstream_no)
             VALUES ($1, 'pending', $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (upstream_no) DO NOTHING RETURNING id",
        )
        .bind(&f.kind)
        .bind(f.employer_id)
        .bind(person)
        .bind(f.received_at)
        .bind(&f.declared)
        .bind(&f.channel)
        .bind(actor.id)
        .bind(crate::domain::audit::audit_time(now))
        .bind(f.resubmits)
        .bind(&f.upstream_no)
        .fetch_optional(&mut **tx)
        .await
        .map_err(|e| match unique_violation(&e) {
            // Another desk answered the same notice a moment before.
            true => StoreError::Duplicate(format!("resubmission of filing {}", f.resubmits.unwrap_or(0))),
            false => e.into(),
        })?;
        let Some(id) = id else { return Ok(None) };
        for (material, present, valid, note) in &f.materials {
            sqlx::query(
                "INSERT INTO filing_material (filing_id, material, present, valid, note) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(material)
            .bind(present)
            .bind(valid)
            .bind(note)
            .execute(&mut **tx)
            .await?;
        }
        // The kind and the channel; the person's data stays out of the log.
        let mut detail = format!("{} via {}", f.kind, f.channel);
        if let Some(no) = &f.upstream_no {
            detail.push_str(&format!(", upstream {no}"));
        }
        if let Some(original) = f.resubmits {
            detail.push_str(&format!(", resubmits {original}"));
        }
        append_audit(tx, now, &actor.login, "filing.receive", "filing", &id.to_string(), &detail)
            .await?;
        Ok(Some(id))
    }

    /// Receives a batch in one transaction, all or nothing: each filing not
    /// received before (by its upstream number) is written with its audit
    /// entry. Ok is the numbers of those written and how many were known.
    pub async fn receive_filings(
        &self,
        actor: &crate::domain::Staff,
        filings: &[ReceivedFiling],
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> Result<(Vec<i64>, usize), StoreError> {
        let mut tx = self.begin_write().await?;
        let mut added = Vec::new();
        let mut known = 0;
        for (n, f) in filings.iter().enumerate() {
            match Self::insert_received(&mut tx, self.clock.now(), actor, f).await? {
                Some(id) => added.push(id),
                None => known += 1,
            }
            progress(n + 1, filings.len());
        }
        tx.commit().await?;
        Ok((added, known))
    }

    /// The filing `id` as a resubmission names it; None when there is none.
    pub async fn filing_original(&self, id: i64) -> Result<Option<OriginalRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT f.kind, f.status, e.uscc AS employer_uscc, f.declared,
                    CAST(CASE WHEN EXISTS (SELECT 1 FROM filing g WHERE g.resubmits = f.id) THEN 1 ELSE 0 END AS BIGINT) AS answered
             FROM filing f LEFT JOIN employer e ON e.id = f.employer_id WHERE f.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

// Cases beyond the complaint's route: a case registered from any source,
// payments of a decision, and a case's history of acts (each act's own day
// beside the moment it was recorded); part of the backend included per
// database.

impl Backend {
    /// Registers a case from any source, numbered in turn for the year, with
    /// its first event and audit entry. Ok is its id and number.
    pub async fn open_case(&self, actor: &crate::domain::Staff, c: &OpenedCase) -> Result<(i64, String), StoreError> {
        let mut tx = self.begin_write().await?;
        if DIALECT == Dialect::Postgres {
            // Case numbers are given in turn: one registration at a time.
            sqlx::query("SELECT pg_advisory_xact_lock(7210502)").execute(&mut *tx).await?;
        }
        let number = next_case_number(&mut tx, &c.number_stem).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO inspection_case (number, respondent_employer_id, respondent_name, stage, registered_on,
                due_on, due_rule, queue_key, mass_incident, source, respondent_kind, matters, facts,
                anonymous, informant_name, informant_phone, from_inspection_id, from_lead_id, last_act_on,
                from_campaign_id, licence_id, sanction)
             VALUES ($1, $2, $3, 'registered', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $4, $18, $19, $20)
             RETURNING id",
        )
        .bind(&number)
        .bind(c.respondent_employer_id)
        .bind(&c.respondent_name)
        .bind(c.on)
        .bind(c.next.due_on)
        .bind(&c.next.rule)
        .bind(&c.next.queue_key)
        .bind(c.mass_incident)
        .bind(&c.source)
        .bind(&c.respondent_kind)
        .bind(&c.matters)
        .bind(&c.facts)
        .bind(c.anonymous)
        .bind(&c.informant_name)
        .bind(&c.informant_phone)
        .bind(c.from_inspection_id)
        .bind(c.from_lead_id)
        .bind(c.from_campaign_id)
        .bind(c.licence.as_ref().map(|l| l.0))
        .bind(c.licence.as_ref().map_or("", |l| l.1.as_str()))
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO case_event (case_id, at, staff_id, stage_from, stage_to, note, on_date)
             VALUES ($1, $2, $3, NULL, 'registered', $4, $5)",
        )
        .bind(id)
        .bind(crate::domain::audit::audit_time(self.clock.now()))
        .bind(actor.id)
        .bind(format!("register: {}", c.source))
        .bind(c.on)
        .execute(&mut *tx)
        .await?;
        if let Some(s) = &c.spot {
            self.record_spot(&mut tx, actor, id, c.on, s).await?;
        }
        let spot = c.spot.as_ref().map_or(String::new(), |s| {
            format!("; on the spot {} {} {} under {}{}", s.number, s.decision, s.amount, s.article, if s.filed_late { "; filed late" } else { "" })
        });
        // The informant's name stays out of the audit trail: the case says who.
        append_audit(
            &mut tx,
            self.clock.now(),
            &actor.login,
            "case.open",
            "case",
            &id.to_string(),
            &format!(
                "{number}; source {} on {}{}{spot}{}",
                c.source,
                c.on,
                if c.anonymous { "; anonymous" } else { "" },
                c.licence.as_ref().map_or(String::new(), |(l, s)| format!("; licence {l} for {s}"))
            ),
        )
        .await?;
        tx.commit().await?;
        Ok((id, number))
    }

    /// A penalty decided on the spot: decided and served the same day, its
    /// numbered form and the receipt on file, its inspectors, and what was
    /// collected there and then.
    async fn record_spot(
        &self,
        tx: &mut Transaction<'static, Db>,
        actor: &crate::domain::Staff,
        id: i64,
        on: NaiveDate,
        s: &SpotRecord,
    ) -> Result<(), StoreError> {
        let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM inspection_case WHERE on_the_spot_number = $1")
            .bind(s.number.trim())
            .fetch_one(&mut **tx)
            .await?;
        if taken > 0 {
            return Err(StoreError::Duplicate(s.number.trim().to_string()));
        }
        // The next deadline was written with the case (the 15 days to pay).
        sqlx::query(
            "UPDATE inspection_case SET stage = 'decided', decided_on = $1, served_on = $1, fine = $2,
                article = $3, decision = $4, on_the_spot_number = $5, case_officer_id = $6
             WHERE id = $7",
        )
        .bind(on)
        .bind(s.amount)
        .bind(&s.article)
        .bind(&s.decision)
        .bind(s.number.trim())
        .bind(s.officer)
        .bind(id)
        .execute(&mut **tx)
        .await?;
        for staff in &s.inspectors {
            sqlx::query("INSERT INTO case_inspector (case_id, staff_id) VALUES ($1, $2)")
                .bind(id)
                .bind(staff)
                .execute(&mut **tx)
                .await?;
        }
        for kind in ["on-the-spot-decision", "service-receipt"] {
            sqlx::query(
                "INSERT INTO case_file (case_id, kind, on_date, recorded_by, kept_at, note) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(kind)
            .bind(on)
            .bind(actor.id)
            .bind("案卷")
            .bind(s.number.trim())
            .execute(&mut **tx)
            .await?;
        }
        for (from, to, note, served) in [
            ("registered", "decided", format!("decide: {}", s.number.trim()), ""),
            ("decided", "decided", "serve".to_string(), "direct"),
        ] {
            sqlx::query(
                "INSERT INTO case_event (case_id, at, staff_id, stage_from, stage_to, note, on_date, served_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(crate::domain::audit::audit_time(self.clock.now()))
            .bind(actor.id)
            .bind(from)
            .bind(to)
            .bind(&note)
            .bind(on)
            .bind(served)
            .execute(&mut **tx)
            .await?;
        }
        if s.paid && s.amount > 0 {
            sqlx::query(
                "INSERT INTO case_payment (case_id, paid_on, amount, receipt, recorded_at, recorded_by)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(on)
            .bind(s.amount)
            .bind(s.number.trim())
            .bind(crate::domain::audit::audit_time(self.clock.now()))
            .bind(actor.id)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// Whether an inspection and a lead exist (a case links to them).
    pub async fn inspection_exists(&self, id: i64) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM inspection WHERE id = $1").bind(id).fetch_one(&self.pool).await?;
        Ok(n > 0)
    }

    pub async fn campaign_exists(&self, id: i64) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM campaign WHERE id = $1").bind(id).fetch_one(&self.pool).await?;
        Ok(n > 0)
    }

    pub async fn lead_exists(&self, id: i64) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM licence_lead WHERE id = $1").bind(id).fetch_one(&self.pool).await?;
        Ok(n > 0)
    }

    /// Records a payment at the case's version read (the case's version
    /// moves, so two desks cannot both take the last yuan). Ok is the new version.
    pub async fn record_payment(
        &self,
        actor: &crate::domain::Staff,
        case: i64,
        seen_version: i64,
        rec: &PaymentRecord<'_>,
    ) -> Result<i64, StoreError> {
        let PaymentRecord { paid_on, amount, receipt, next } = *rec;
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE inspection_case SET version = version + 1, due_on = $1, due_rule = $2, queue_key = $3,
                last_act_on = CASE WHEN last_act_on IS NULL OR last_act_on < $4 THEN $4 ELSE last_act_on END
             WHERE id = $5 AND version = $6",
        )
        .bind(next.due_on)
        .bind(&next.rule)
        .bind(&next.queue_key)
        .bind(paid_on)
        .bind(case)
        .bind(seen_version)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Conflict { entity: "case", id: case.to_string() });
        }
        sqlx::query(
            "INSERT INTO case_payment (case_id, paid_on, amount, receipt, recorded_at, recorded_by)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(case)
        .bind(paid_on)
        .bind(amount)
        .bind(receipt)
        .bind(crate::domain::audit::audit_time(self.clock.now()))
        .bind(actor.id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO case_file (case_id, kind, on_date, recorded_by, kept_at, note) VALUES ($1, 'payment-receipt', $2, $3, $4, $5)",
        )
        .bind(case)
        .bind(paid_on)
        .bind(actor.id)
        .bind("案卷")
        .bind(receipt)
        .execute(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            self.clock.now(),
            &actor.login,
            "case.pay",
            "case",
            &case.to_string(),
            &format!("{amount} paid on {paid_on}; receipt {receipt}"),
        )
        .await?;
        tx.commit().await?;
        Ok(seen_version + 1)
    }

    /// A complainant's or informant's name and phone, read in the same
    /// transaction as the audit entry that records who looked, and why.
    pub async fn reveal_informant(&self, actor: &str, case: i64, reason: &str) -> Result<Option<(String, String)>, StoreError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT informant_name, informant_phone FROM inspection_case WHERE id = $1")
                .bind(case)
                .fetch_optional(&mut *tx)
                .await?;
        if row.is_some() {
            append_audit(&mut tx, self.clock.now(), actor, "case.reveal-informant", "case", &case.to_string(), reason).await?;
        }
        tx.commit().await?;
        Ok(row)
    }

    /// A case's payments, oldest first.
    pub async fn case_payments(&self, case: i64) -> Result<Vec<CasePaymentRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT p.paid_on, p.amount, p.receipt, s.name AS recorded_by FROM case_payment p
             LEFT JOIN staff s ON s.id = p.recorded_by WHERE p.case_id = $1 ORDER BY p.paid_on, p.id",
        )
        .bind(case)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A case's acts in the order they were recorded.
    pub async fn case_history(&self, case: i64) -> Result<Vec<CaseActRow>, StoreError> {
        let rows: Vec<ActRow> =
            sqlx::query_as(
                "SELECT e.on_date, e.at, s.name, e.stage_from, e.stage_to, e.note, e.served_by FROM case_event e
                 LEFT JOIN staff s ON s.id = e.staff_id WHERE e.case_id = $1 ORDER BY e.at, e.id",
            )
            .bind(case)
            .fetch_all(&self.pool)
            .await?;
        let office = crate::domain::calendar::office_offset();
        Ok(rows
            .into_iter()
            .map(|(on_date, at, staff_name, stage_from, stage_to, note, served_by)| CaseActRow {
                on_date,
                at: at.with_timezone(&office).format("%Y-%m-%d %H:%M").to_string(),
                staff_name,
                stage_from,
                stage_to,
                note,
                served_by,
            })
            .collect())
    }
}

/// (act's day, recorded at, by whom, stage from, stage to, note, served by)
type ActRow = (Option<NaiveDate>, DateTime<Utc>, Option<String>, Option<String>, String, String, String);

/// The next number after the year's highest (numbers need not be dense).
async fn next_case_number(tx: &mut Transaction<'static, Db>, stem: &str) -> Result<String, StoreError> {
    let taken: Vec<String> = sqlx::query_scalar("SELECT number FROM inspection_case WHERE number LIKE $1")
        .bind(format!("{stem}%"))
        .fetch_all(&mut **tx)
        .await?;
    let highest = taken
        .iter()
        .filter_map(|n| n.strip_prefix(stem)?.trim_end_matches('号').parse::<i64>().ok())
        .max()
        .unwrap_or(0);
    Ok(format!("{stem}{:03}号", highest + 1))
}

// Complaints: registered at intake, then decided — an acceptance registers
// the case in the same transaction; part of the backend included per database.

impl Backend {
    /// Registers a complaint, pending its decision; Ok is its id. The audit
    /// entry names the respondent and matters, never the complainant.
    pub async fn register_complaint(&self, actor: &str, c: &NewComplaint) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO complaint (complainant_name, complainant_id_number, complainant_phone,
                respondent_employer_id, respondent_name, matters, facts, channel, received_on,
                violation_on, decision, decision_due, mass_incident)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12) RETURNING id",
        )
        .bind(&c.complainant_name)
        .bind(&c.complainant_id_number)
        .bind(&c.complainant_phone)
        .bind(c.respondent_employer_id)
        .bind(&c.respondent_name)
        .bind(&c.matters)
        .bind(&c.facts)
        .bind(&c.channel)
        .bind(c.received_on)
        .bind(c.violation_on)
        .bind(c.decision_due)
        .bind(c.mass_incident)
        .fetch_one(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            "complaint.register",
            "complaint",
            &id.to_string(),
            &format!("{} ({}) via {}", c.respondent_name, c.matters, c.channel),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// An employer by its credit code: (id, name).
    pub async fn employer_by_uscc(&self, uscc: &str) -> Result<Option<(i64, String)>, StoreError> {
        Ok(sqlx::query_as("SELECT id, name FROM employer WHERE uscc = $1")
            .bind(uscc.to_uppercase())
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn employers_by_id(&self, ids: &[i64]) -> Result<Vec<EmployerRow>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row: Option<EmployerRow> = sqlx::query_as(
                "SELECT id, uscc, name, legal_rep, address, town, zone, status, established_on, arrears
                 FROM employer WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
            out.extend(row);
        }
        Ok(out)
    }

    /// Complaints oldest first (by the day received): those pending their
    /// decision, or every one.
    pub async fn complaints(&self, pending_only: bool) -> Result<Vec<ComplaintRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, complainant_name, complainant_id_number, complainant_phone, respondent_employer_id,
                    respondent_name, matters, facts, channel, received_on, violation_on, decision,
                    decision_due, decided_on, mass_incident, referred_to
             FROM complaint WHERE ($1 = 0 OR decision = 'pending') ORDER BY received_on, id",
        )
        .bind(i64::from(pending_only))
        .fetch_all(&self.pool)
        .await?)
    }

    /// How many complaints pending their decision were received before `day`.
    pub async fn pending_complaints_received_before(&self, day: NaiveDate) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM complaint WHERE decision = 'pending' AND received_on < $1")
            .bind(day)
            .fetch_one(&self.pool)
            .await?)
    }

    /// A complaint as intake decides on it.
    pub async fn complaint(&self, id: i64) -> Result<Option<ComplaintRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, complainant_name, complainant_id_number, complainant_phone, respondent_employer_id,
                    respondent_name, matters, facts, channel, received_on, violation_on, decision,
                    decision_due, decided_on, mass_incident, referred_to
             FROM complaint WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Records the decision on a pending complaint; an acceptance registers
    /// its case (numbered in turn for the year) in the same transaction.
    /// Ok is the case's id and number when one was registered.
    pub async fn decide_complaint(
        &self,
        actor: &crate::domain::Staff,
        id: i64,
        verdict: &ComplaintVerdict<'_>,
        on: NaiveDate,
        case: Option<&NewCase>,
    ) -> Result<Option<(i64, String)>, StoreError> {
        let decision = verdict.decision;
        let mut tx = self.begin_write().await?;
        if DIALECT == Dialect::Postgres {
            // Case numbers are given in turn: one acceptance at a time.
            sqlx::query("SELECT pg_advisory_xact_lock(7210502)").execute(&mut *tx).await?;
        }
        let updated = sqlx::query(
            "UPDATE complaint SET decision = $1, decided_on = $2, decision_note = $3, referred_to = $4,
                version = version + 1
             WHERE id = $5 AND decision = 'pending'",
        )
        .bind(decision)
        .bind(on)
        .bind(verdict.note)
        .bind(verdict.referred_to)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Conflict {
                entity: "complaint",
                id: id.to_string(),
            });
        }
        let mut made = None;
        if let Some(c) = case {
            let number = next_case_number(&mut tx, &c.number_stem).await?;
            let case_id: i64 = sqlx::query_scalar(
                "INSERT INTO inspection_case (number, complaint_id, respondent_employer_id, respondent_name,
                    stage, registered_on, due_on, due_rule, queue_key, mass_incident, source, matters, facts,
                    informant_name, informant_phone, last_act_on)
                 SELECT $1, id, respondent_employer_id, respondent_name, 'registered', $2, $3, $4, $5, mass_incident,
                    CASE WHEN mass_incident THEN 'mass-incident' ELSE 'complaint' END, matters, facts,
                    complainant_name, complainant_phone, $2
                 FROM complaint WHERE id = $6 RETURNING id",
            )
            .bind(&number)
            .bind(on)
            .bind(c.due_on)
            .bind(&c.due_rule)
            .bind(&c.queue_key)
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO case_event (case_id, at, staff_id, stage_from, stage_to, note, on_date)
                 VALUES ($1, $2, $3, NULL, 'registered', $4, $5)",
            )
            .bind(case_id)
            .bind(crate::domain::audit::audit_time(self.clock.now()))
            .bind(actor.id)
            .bind(format!("complaint {id} accepted"))
            .bind(on)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO case_file (case_id, kind, on_date, recorded_by, kept_at, note) VALUES ($1, 'complaint-form', $2, $3, $4, '')",
            )
            .bind(case_id)
            .bind(on)
            .bind(actor.id)
            .bind("案卷")
            .execute(&mut *tx)
            .await?;
            made = Some((case_id, number));
        }
        // The place named is a bureau's, not personal data: it is audited.
        let detail = match (&made, verdict.referred_to) {
            (Some((_, number)), _) => format!("{decision}; case {number}"),
            (None, "") => decision.to_string(),
            (None, to) => format!("{decision}: {to}"),
        };
        append_audit(&mut tx, self.clock.now(), &actor.login, "complaint.decide", "complaint", &id.to_string(), &detail).await?;
        tx.commit().await?;
        Ok(made)
    }
}

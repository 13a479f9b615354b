// Leads about licence holders and the inspections they start; part of the
// backend included per database.

impl Backend {
    /// Records a lead against a licence with its audit entry. Ok is its id
    /// and the licence's number.
    pub async fn add_lead(
        &self,
        actor: &crate::domain::Staff,
        licence: i64,
        source: &str,
        summary: &str,
        on: NaiveDate,
    ) -> Result<(i64, String), StoreError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO licence_lead (licence_id, source, summary, received_on, recorded_by)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(licence)
        .bind(source)
        .bind(summary)
        .bind(on)
        .bind(actor.id)
        .fetch_one(&mut *tx)
        .await?;
        let number: String = sqlx::query_scalar("SELECT number FROM licence WHERE id = $1")
            .bind(licence)
            .fetch_one(&mut *tx)
            .await?;
        append_audit(&mut tx, self.clock.now(), &actor.login, "lead.add", "licence_lead", &id.to_string(), &format!("licence {licence}, {source}"))
            .await?;
        tx.commit().await?;
        Ok((id, number))
    }

    /// Leads, newest first; `open_only` keeps those that started no inspection.
    pub async fn leads(&self, open_only: bool) -> Result<Vec<LeadRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT d.id, d.licence_id, l.number, l.holder, d.source, d.summary, d.received_on, d.inspection_id
             FROM licence_lead d JOIN licence l ON l.id = d.licence_id
             WHERE NOT $1 OR d.inspection_id IS NULL ORDER BY d.received_on DESC, d.id DESC",
        )
        .bind(open_only)
        .fetch_all(&self.pool)
        .await?)
    }

    /// What deciding a lead's inspection needs: its licence, the inspection
    /// it already started, and the staff with a declared interest in the
    /// holder.
    pub async fn lead_facts(&self, lead: i64) -> Result<Option<LeadFacts>, StoreError> {
        let row: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT licence_id, inspection_id FROM licence_lead WHERE id = $1")
                .bind(lead)
                .fetch_optional(&self.pool)
                .await?;
        let Some((licence, inspection)) = row else {
            return Ok(None);
        };
        let conflicted: Vec<i64> = sqlx::query_scalar(
            "SELECT sc.staff_id FROM staff_conflict sc
             JOIN employer e ON e.id = sc.employer_id JOIN licence l ON l.uscc = e.uscc
             WHERE l.id = $1 ORDER BY sc.staff_id",
        )
        .bind(licence)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(LeadFacts {
            licence,
            inspection,
            conflicted,
        }))
    }

    /// Plans the inspection a lead starts, with its team, once: a lead that
    /// already started one is a conflict and nothing is written. Ok is the
    /// inspection's id.
    pub async fn inspect_lead(
        &self,
        actor: &crate::domain::Staff,
        lead: i64,
        licence: i64,
        method: &str,
        on: NaiveDate,
        team: &[i64],
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let inspection = plan_inspection(&mut tx, licence, method, on, None, team).await?;
        let linked = sqlx::query(
            "UPDATE licence_lead SET inspection_id = $1, version = version + 1
             WHERE id = $2 AND licence_id = $3 AND inspection_id IS NULL",
        )
        .bind(inspection)
        .bind(lead)
        .bind(licence)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if linked == 0 {
            return Err(StoreError::Conflict {
                entity: "lead",
                id: lead.to_string(),
            });
        }
        append_audit(
            &mut tx,
            self.clock.now(),
            &actor.login,
            "lead.inspect",
            "licence_lead",
            &lead.to_string(),
            &format!("inspection {inspection}, {method}, planned {on}"),
        )
        .await?;
        tx.commit().await?;
        Ok(inspection)
    }
}

impl Backend {
    /// A licence's ladder steps and the leads about it, newest first, for
    /// its detail view.
    pub async fn steps_and_leads(&self, licence: i64) -> Result<(Vec<SanctionStepRow>, Vec<LeadRow>), StoreError> {
        let steps = self.licence_steps(licence).await?;
        let leads = sqlx::query_as(
            "SELECT d.id, d.licence_id, l.number, l.holder, d.source, d.summary, d.received_on, d.inspection_id
             FROM licence_lead d JOIN licence l ON l.id = d.licence_id
             WHERE d.licence_id = $1 ORDER BY d.received_on DESC, d.id DESC",
        )
        .bind(licence)
        .fetch_all(&self.pool)
        .await?;
        Ok((steps, leads))
    }

    /// A licence's ladder steps with their cases, newest first.
    pub async fn licence_steps(&self, licence: i64) -> Result<Vec<SanctionStepRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.id, s.step, s.decided_on, s.deadline, s.reason, s.until_on, c.number AS case_number
             FROM sanction_step s LEFT JOIN inspection_case c ON c.id = s.case_id
             WHERE s.licence_id = $1 ORDER BY s.decided_on DESC, s.id DESC",
        )
        .bind(licence)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Backend {
    /// (pending inspections, open audit tasks, leads without an inspection).
    pub async fn supervision_counts(&self) -> Result<(i64, i64, i64), StoreError> {
        Ok(sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM inspection WHERE result = 'pending'),
                    (SELECT COUNT(*) FROM audit_task WHERE status = 'open'),
                    (SELECT COUNT(*) FROM licence_lead WHERE inspection_id IS NULL)",
        )
        .fetch_one(&self.pool)
        .await?)
    }
}

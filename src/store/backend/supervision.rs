// Inspections recorded item by item, and the sanction ladder's steps; part
// of the backend included per database.

impl Backend {
    /// An inspection's licence, the licence's kind and the result so far.
    pub async fn inspection_target(&self, id: i64) -> Result<Option<InspectionTarget>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT l.id AS licence_id, l.kind, l.holder, i.result
             FROM inspection i JOIN licence l ON l.id = i.licence_id WHERE i.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Records a pending inspection's outcome item by item, once: a second
    /// record of the same inspection is a conflict.
    pub async fn record_inspection(
        &self,
        actor: &crate::domain::Staff,
        id: i64,
        rec: &InspectionRecord<'_>,
    ) -> Result<Recorded, StoreError> {
        let mut tx = self.begin_write().await?;
        if DIALECT == Dialect::Postgres && rec.notice.is_some() {
            // Notice numbers are given in turn: one at a time.
            sqlx::query("SELECT pg_advisory_xact_lock(7210503)").execute(&mut *tx).await?;
        }
        let (items, origin, approach, passed) = (rec.items, rec.origin, rec.approach, rec.passed);
        let findings: Vec<String> = items
            .iter()
            .filter(|(_, o, _)| o == "failed")
            .map(|(c, _, f)| format!("{c}: {f}"))
            .collect();
        let updated = sqlx::query(
            "UPDATE inspection SET result = $1, done_on = $2, findings = $3, origin = $4, approach = $5,
                version = version + 1
             WHERE id = $6 AND result = 'pending'",
        )
        .bind(if passed { "passed" } else { "failed" })
        .bind(rec.on)
        .bind(findings.join("; "))
        .bind(origin)
        .bind(approach)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Conflict {
                entity: "inspection",
                id: id.to_string(),
            });
        }
        for (item, outcome, finding) in items {
            sqlx::query("INSERT INTO inspection_item (inspection_id, item, outcome, finding) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(item)
                .bind(outcome)
                .bind(finding)
                .execute(&mut *tx)
                .await?;
        }
        let notice = match rec.notice {
            None => None,
            Some(content) => {
                let year = i64::from(chrono::Datelike::year(&rec.on));
                let seq: i64 =
                    sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM violation_notice WHERE year = $1")
                        .bind(year)
                        .fetch_one(&mut *tx)
                        .await?;
                sqlx::query(
                    "INSERT INTO violation_notice (inspection_id, year, seq, issued_on, content, issued_by)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(year)
                .bind(seq)
                .bind(rec.on)
                .bind(content)
                .bind(actor.id)
                .execute(&mut *tx)
                .await?;
                append_audit(
                    &mut tx,
                    self.clock.now(),
                    &actor.login,
                    "violation-notice.serve",
                    "inspection",
                    &id.to_string(),
                    &format!("{year}-{seq}"),
                )
                .await?;
                Some((year, seq))
            }
        };
        let tasks_closed = if rec.close_audit_tasks {
            sqlx::query(
                "UPDATE audit_task SET status = 'closed', closed_by_inspection = $1, version = version + 1
                 WHERE status = 'open' AND licence_id = (SELECT licence_id FROM inspection WHERE id = $1)",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
        } else {
            0
        };
        append_audit(
            &mut tx,
            self.clock.now(),
            &actor.login,
            "inspection.record",
            "inspection",
            &id.to_string(),
            &format!(
                "{} ({origin}, {approach}); failed: {}; audit tasks closed: {tasks_closed}",
                if passed { "passed" } else { "failed" },
                findings.len()
            ),
        )
        .await?;
        if let Some(act) = rec.lift {
            write_licence_act(&mut tx, self.clock.now(), actor, act).await?;
        }
        tx.commit().await?;
        Ok(Recorded { notice, tasks_closed })
    }

    /// The steps already taken on a licence: (step, decided on).
    pub async fn sanction_steps(&self, licence: i64) -> Result<Vec<(String, NaiveDate)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT step, decided_on FROM sanction_step WHERE licence_id = $1 ORDER BY decided_on, id",
        )
        .bind(licence)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A licence's kind and when it (its agreement term) was issued.
    pub async fn licence_kind(&self, id: i64) -> Result<Option<(String, NaiveDate)>, StoreError> {
        Ok(sqlx::query_as("SELECT kind, issued_on FROM licence WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Steps with a deadline, with the first inspection done since each:
    /// (licence number, holder, step, deadline, re-inspected on).
    pub async fn rectifications(&self) -> Result<Vec<RectificationRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.licence_id, l.number, l.holder, s.step, s.decided_on, s.deadline,
                    (SELECT MIN(i.done_on) FROM inspection i
                      WHERE i.licence_id = s.licence_id AND i.done_on > s.decided_on) AS reinspected_on
             FROM sanction_step s JOIN licence l ON l.id = s.licence_id
             WHERE s.deadline IS NOT NULL ORDER BY s.deadline, s.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Backend {
    /// Agreement institutions by licence number: (id, number).
    pub async fn agreement_licences(&self) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, number FROM licence
             WHERE kind IN ('designated-clinic', 'designated-pharmacy', 'work-injury-agreement') ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Stores monthly figures (replacing a month given again), all or none.
    pub async fn store_settlements(&self, actor: &str, rows: &[(i64, i64, i64, i64, i64)]) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        for (licence, month, visits, cost, persons) in rows {
            sqlx::query(
                "INSERT INTO settlement_month (licence_id, month, visits, outpatient_cost, persons)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (licence_id, month) DO UPDATE SET visits = excluded.visits,
                    outpatient_cost = excluded.outpatient_cost, persons = excluded.persons,
                    version = settlement_month.version + 1",
            )
            .bind(licence)
            .bind(month)
            .bind(visits)
            .bind(cost)
            .bind(persons)
            .execute(&mut *tx)
            .await?;
        }
        append_audit(&mut tx, self.clock.now(), actor, "settlement.import", "settlement_month", "", &format!("{} months", rows.len()))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every stored month with its institution's zone:
    /// (licence id, zone, month, visits, cost, persons).
    pub async fn settlements(&self) -> Result<Vec<(i64, String, i64, i64, i64, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.licence_id, COALESCE(l.zone, ''), s.month, s.visits, s.outpatient_cost, s.persons
             FROM settlement_month s JOIN licence l ON l.id = s.licence_id ORDER BY s.licence_id, s.month",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Opens an audit task for each flag not already tasked; Ok is how many
    /// were new.
    pub async fn open_audit_tasks(
        &self,
        actor: &str,
        flags: &[(i64, i64, String, String)],
        on: NaiveDate,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let mut new = 0;
        for (licence, month, rule, detail) in flags {
            new += sqlx::query(
                "INSERT INTO audit_task (licence_id, month, rule, detail, created_on) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (licence_id, month, rule) DO NOTHING",
            )
            .bind(licence)
            .bind(month)
            .bind(rule)
            .bind(detail)
            .bind(on)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        append_audit(&mut tx, self.clock.now(), actor, "settlement.audit", "audit_task", "", &format!("{new} new tasks")).await?;
        tx.commit().await?;
        Ok(new)
    }
}

impl Backend {
    /// Valid licences of a kind with their annual review of `year`, if any.
    pub async fn annual_rows(&self, year: i64, kind: &str) -> Result<Vec<AnnualRow>, StoreError> {
        Ok(sqlx::query_as(concat!(
            "SELECT l.id AS licence_id, l.number, l.holder, a.due_on, a.submitted_on, a.result, a.order_deadline
             FROM licence l LEFT JOIN annual_review a ON a.licence_id = l.id AND a.year = $1
             WHERE ",
            status_on!("l", "$3"),
            " = 'valid' AND l.kind = $2 ORDER BY l.id"
        ))
        .bind(year)
        .bind(kind)
        .bind(self.clock.today())
        .fetch_all(&self.pool)
        .await?)
    }

    /// A licence's annual results: (year, result).
    pub async fn annual_results(&self, licence: i64) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as("SELECT year, result FROM annual_review WHERE licence_id = $1 ORDER BY year")
            .bind(licence)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Records a report received (`submitted`) and/or a result for a year,
    /// creating the year's review when there is none.
    pub async fn record_annual(
        &self,
        actor: &str,
        rec: &AnnualRecord<'_>,
    ) -> Result<(), StoreError> {
        let AnnualRecord { licence, year, due, submitted, result, note } = *rec;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO annual_review (licence_id, year, due_on, submitted_on, result, note)
             VALUES ($1, $2, $3, $4, COALESCE($5, 'pending'), $6)
             ON CONFLICT (licence_id, year) DO UPDATE SET
                submitted_on = COALESCE(excluded.submitted_on, annual_review.submitted_on),
                result = CASE WHEN $5 IS NULL THEN annual_review.result ELSE excluded.result END,
                note = CASE WHEN excluded.note = '' THEN annual_review.note ELSE excluded.note END,
                version = annual_review.version + 1",
        )
        .bind(licence)
        .bind(year)
        .bind(due)
        .bind(submitted)
        .bind(result)
        .bind(note)
        .execute(&mut *tx)
        .await?;
        append_audit(
            &mut tx,
            self.clock.now(),
            actor,
            "annual.record",
            "licence",
            &licence.to_string(),
            &format!("{year}: submitted {}, result {}", submitted.map_or("-".into(), |d| d.to_string()), result.unwrap_or("-")),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Backend {
    /// Orders `year`'s missing report filed: the order's step on the
    /// licence and its day beside the year, together.
    pub async fn order_annual_report(
        &self,
        actor: &crate::domain::Staff,
        year: i64,
        due: NaiveDate,
        act: &crate::domain::ladder::LicenceAct,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO annual_review (licence_id, year, due_on, result, ordered_on, order_deadline)
             VALUES ($1, $2, $3, 'pending', $4, $5)
             ON CONFLICT (licence_id, year) DO UPDATE SET
                ordered_on = excluded.ordered_on, order_deadline = excluded.order_deadline,
                version = annual_review.version + 1",
        )
        .bind(act.licence)
        .bind(year)
        .bind(due)
        .bind(act.on)
        .bind(act.until)
        .execute(&mut *tx)
        .await?;
        write_licence_act(&mut tx, self.clock.now(), actor, act).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The public register (机构信息公开): licences of a kind (empty: all)
    /// with their standing facts and the sanction steps taken on each.
    pub async fn public_register(&self, kind: &str) -> Result<Vec<RegisterRow>, StoreError> {
        Ok(sqlx::query_as(concat!(
            "SELECT l.number, l.holder, l.uscc, l.kind, l.address, l.issued_on, l.expires_on, ",
            status_on!("l", "$2"),
            " AS status, (SELECT COUNT(*) FROM sanction_step s WHERE s.licence_id = l.id AND s.step <> 'lift') AS sanctions
             FROM licence l WHERE ($1 = '' OR l.kind = $1) ORDER BY l.kind, l.number"
        ))
        .bind(kind)
        .bind(self.clock.today())
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Backend {
    /// The inspection queue: pending inspections and open audit tasks,
    /// oldest first.
    pub async fn inspection_queue(&self) -> Result<Vec<InspectionQueueRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT 'inspection' AS source, i.id AS id, i.licence_id, i.planned_on AS since, l.number, l.holder,
                    i.method AS what, 0 AS month, '' AS detail
             FROM inspection i JOIN licence l ON l.id = i.licence_id WHERE i.result = 'pending'
             UNION ALL
             SELECT 'audit' AS source, t.id AS id, t.licence_id, t.created_on AS since, l.number, l.holder,
                    t.rule AS what, t.month AS month, t.detail AS detail
             FROM audit_task t JOIN licence l ON l.id = t.licence_id WHERE t.status = 'open'
             ORDER BY since, source, id",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

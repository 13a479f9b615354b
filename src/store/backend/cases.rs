// Cases through their procedure: the state a move is judged on, the move
// itself (stage, dates, files, event and audit in one transaction at the
// version read), assignment with conflicts of interest, and the open cases'
// clock facts; part of the backend included per database.

impl Backend {
    /// A case as the state machine and the clocks see it; None if no such case.
    pub async fn case_state(&self, id: i64) -> Result<Option<CaseState>, StoreError> {
        let row: Option<CaseStateRow> = sqlx::query_as(CASE_STATE)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let inspectors: Vec<i64> =
            sqlx::query_scalar("SELECT staff_id FROM case_inspector WHERE case_id = $1 ORDER BY staff_id")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        let on_file: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT kind FROM case_file WHERE case_id = $1 ORDER BY kind")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        let suspensions: Vec<(NaiveDate, Option<NaiveDate>)> =
            sqlx::query_as("SELECT from_on, to_on FROM case_suspension WHERE case_id = $1 ORDER BY from_on")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        let conflicted: Vec<i64> = match row.respondent_employer_id {
            Some(e) => {
                sqlx::query_scalar("SELECT staff_id FROM staff_conflict WHERE employer_id = $1 ORDER BY staff_id")
                    .bind(e)
                    .fetch_all(&self.pool)
                    .await?
            }
            None => vec![],
        };
        let payments: Vec<(NaiveDate, i64)> =
            sqlx::query_as("SELECT paid_on, amount FROM case_payment WHERE case_id = $1 ORDER BY paid_on, id")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        Ok(Some(CaseState {
            row,
            inspectors,
            on_file,
            suspensions,
            conflicted,
            payments,
        }))
    }

    /// Every open case's clock facts, with each one's suspensions.
    pub async fn open_case_clocks(&self) -> Result<Vec<CaseClock>, StoreError> {
        // Read in two halves at once (odd and even ids): decoding the rows is
        // the slow part, and each half decodes on a connection of its own.
        let half = |parity: i64| sqlx::query_as::<_, CaseStateRow>(OPEN_CASE_STATES).bind(parity).fetch_all(&self.pool);
        let spans_q = sqlx::query_as::<_, (i64, NaiveDate, Option<NaiveDate>)>(
            "SELECT s.case_id, s.from_on, s.to_on FROM case_suspension s
             JOIN inspection_case c ON c.id = s.case_id WHERE c.stage <> 'closed' ORDER BY s.case_id, s.from_on",
        )
        .fetch_all(&self.pool);
        let (even, odd, spans) = futures_util::future::join3(half(0), half(1), spans_q).await;
        let mut rows = even?;
        rows.extend(odd?);
        rows.sort_unstable_by_key(|r| r.id);
        let spans = spans?;
        let mut by_case = suspensions_by_case(spans);
        Ok(rows
            .into_iter()
            .map(|row| CaseClock {
                suspensions: by_case.remove(&row.id).unwrap_or_default(),
                row,
            })
            .collect())
    }

    /// The inspectors of every open case by their names in the staff table:
    /// the case officer first, then the others by name.
    pub async fn open_case_inspectors(&self) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT ci.case_id, s.name FROM case_inspector ci
             JOIN staff s ON s.id = ci.staff_id
             JOIN inspection_case c ON c.id = ci.case_id
             WHERE c.stage <> 'closed'
             ORDER BY ci.case_id, CASE WHEN c.case_officer_id = s.id THEN 0 ELSE 1 END, s.name, s.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every open case's clock row with its suspensions, handed to `each`
    /// as it is read (the caller's work overlaps the reading): the daily
    /// recomputation reads them all. Ok is how many.
    pub async fn each_case_deadline(&self, mut each: impl FnMut(DeadlineClock) + Send) -> Result<usize, StoreError> {
        use futures_util::TryStreamExt;
        let spans: Vec<(i64, NaiveDate, Option<NaiveDate>)> = sqlx::query_as(
            "SELECT s.case_id, s.from_on, s.to_on FROM case_suspension s
             JOIN inspection_case c ON c.id = s.case_id WHERE c.stage <> 'closed' ORDER BY s.case_id, s.from_on",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut by_case = suspensions_by_case(spans);
        // The sources the office finds cases by, as the domain names them.
        let office: Vec<&str> = crate::domain::CaseSource::ALL
            .iter()
            .filter(|s| crate::domain::procedure::acts::found_by_office(**s))
            .map(|s| s.code())
            .collect();
        let sql = format!(
            "SELECT c.id, c.version, c.stage, c.registered_on, c.opened_on, c.extended, c.mass_incident,
                    c.notice_served_on, c.decided_on, c.served_on,
                    co.received_on AS complaint_received_on, c.due_on, c.due_rule,
                    c.source IN ('{}') AS office_found, c.reminder_served_on, c.fine
             FROM inspection_case c LEFT JOIN complaint co ON co.id = c.complaint_id
             WHERE c.stage <> 'closed'",
            office.join("','")
        );
        // Safe: the codes are the vocabulary's own constants, never input.
        let mut rows = sqlx::query_as::<_, ClockRow>(sqlx::AssertSqlSafe(sql)).fetch(&self.pool);
        let mut n = 0;
        while let Some(row) = rows.try_next().await? {
            each(DeadlineClock {
                suspensions: by_case.remove(&row.id).unwrap_or_default(),
                row,
            });
            n += 1;
        }
        Ok(n)
    }

    /// Makes a move at the version the actor read: the stage and what the
    /// move changes, the documents attached, the event, and the audit entry
    /// commit together or not at all. Ok is the new version.
    // Long because it is that one transaction, read top to bottom.
    pub async fn move_case(
        &self,
        actor: &crate::domain::Staff,
        id: i64,
        seen_version: i64,
        rec: &CaseMoveRecord<'_>,
    ) -> Result<i64, StoreError> {
        let CaseMoveRecord { m, effect, attached, on, note, next, decision } = *rec;
        let conflict = || StoreError::Conflict {
            entity: "case",
            id: id.to_string(),
        };
        let mut tx = self.begin_write().await?;
        let stage: Option<String> =
            sqlx::query_scalar("SELECT stage FROM inspection_case WHERE id = $1 AND version = $2")
                .bind(id)
                .bind(seen_version)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(stage) = stage else {
            return Err(conflict());
        };
        let to = effect.to.map_or(stage.clone(), |s| s.code().to_string());
        let updated = sqlx::query(
            "UPDATE inspection_case SET stage = $1,
                opened_on = COALESCE($2, opened_on),
                suspended = CASE WHEN $3 = 1 THEN TRUE WHEN $3 = 0 THEN FALSE ELSE suspended END,
                extended = extended OR $4,
                hearing_host_id = CASE WHEN $20 THEN NULL ELSE COALESCE($5, hearing_host_id) END,
                legal_reviewer_id = CASE WHEN $20 THEN NULL ELSE COALESCE($6, legal_reviewer_id) END,
                notice_served_on = COALESCE($7, notice_served_on),
                decided_on = COALESCE($8, decided_on),
                served_on = COALESCE($9, served_on),
                outcome = CASE WHEN $10 = '' THEN outcome ELSE $10 END,
                due_on = $11, due_rule = $16, queue_key = $17,
                hearing_requested = CASE WHEN $20 THEN FALSE ELSE (hearing_requested OR $18) END,
                hearing_required = hearing_required OR $19,
                rights_waived = CASE WHEN $20 THEN FALSE ELSE (rights_waived OR $21) END,
                reminder_served_on = COALESCE($22, reminder_served_on),
                court_applied_on = COALESCE($23, court_applied_on),
                last_act_on = $24,
                decision = CASE WHEN $25 = '' THEN decision ELSE $25 END,
                order_deadline = COALESCE($26, order_deadline),
                hearing_on = CASE WHEN $20 THEN NULL ELSE COALESCE($28, hearing_on) END,
                extension_approved_by = CASE WHEN $4 THEN $27 ELSE extension_approved_by END,
                fine = CASE WHEN $12 < 0 THEN fine ELSE $12 END,
                article = CASE WHEN $13 = '' THEN article ELSE $13 END,
                version = version + 1
             WHERE id = $14 AND version = $15",
        )
        .bind(&to)
        .bind(effect.opened_on)
        .bind(match effect.suspend {
            Some(true) => 1i64,
            Some(false) => 0,
            None => -1,
        })
        .bind(effect.extended)
        .bind(effect.hearing_host)
        .bind(effect.legal_reviewer)
        .bind(effect.notice_served_on)
        .bind(effect.decided_on)
        .bind(effect.served_on)
        .bind(effect.outcome.map_or("", |o| o.code()))
        .bind(next.due_on)
        .bind(decision.map_or(-1, |d| d.amount))
        .bind(decision.map_or("", |d| d.article))
        .bind(id)
        .bind(seen_version)
        .bind(&next.rule)
        .bind(&next.queue_key)
        .bind(effect.hearing_requested)
        .bind(effect.hearing_required)
        .bind(effect.reset_defence)
        .bind(effect.rights_waived)
        .bind(effect.reminder_served_on)
        .bind(effect.court_applied_on)
        .bind(on)
        .bind(decision.map_or("", |d| d.kind))
        .bind(effect.order_deadline)
        .bind(effect.approved_by.as_deref().unwrap_or(""))
        .bind(effect.hearing_on)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(conflict());
        }
        match effect.suspend {
            Some(true) => {
                sqlx::query(
                    "INSERT INTO case_suspension (case_id, from_on, reason, ends_on, approved_by) VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (case_id, from_on) DO UPDATE SET to_on = NULL, reason = excluded.reason,
                        ends_on = excluded.ends_on, approved_by = excluded.approved_by,
                        version = case_suspension.version + 1",
                )
                    .bind(id)
                    .bind(on)
                    .bind(note)
                    .bind(effect.suspended_until)
                    .bind(effect.approved_by.as_deref().unwrap_or(""))
                    .execute(&mut *tx)
                    .await?;
            }
            Some(false) => {
                // The clock runs again from `on`: the suspension's last day is the day before.
                sqlx::query(
                    "UPDATE case_suspension SET to_on = $1, version = version + 1
                     WHERE case_id = $2 AND to_on IS NULL",
                )
                .bind(on.pred_opt().unwrap_or(on))
                .bind(id)
                .execute(&mut *tx)
                .await?;
                // Resumed the day it began: it stopped no day at all.
                sqlx::query("DELETE FROM case_suspension WHERE case_id = $1 AND to_on < from_on")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            None => {}
        }
        for kind in attached {
            sqlx::query(
                "INSERT INTO case_file (case_id, kind, on_date, recorded_by, kept_at, note)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(kind.code())
            .bind(on)
            .bind(actor.id)
            .bind("案卷")
            .bind(m.code())
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO case_event (case_id, at, staff_id, stage_from, stage_to, note, on_date, served_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(crate::domain::audit::audit_time(self.clock.now()))
        .bind(actor.id)
        .bind(&stage)
        .bind(&to)
        .bind(format!("{}{}{}", m.code(), if note.is_empty() { "" } else { ": " }, note))
        .bind(on)
        .bind(effect.served_by.map_or("", |s| s.code()))
        .execute(&mut *tx)
        .await?;
        let mut detail = format!("{} {stage} -> {to} on {on}", m.code());
        if let Some(s) = effect.served_by {
            detail.push_str(&format!(" served {}", s.code()));
        }
        if let Some(DecisionWritten { amount, article, kind }) = decision {
            detail.push_str(&format!("; {kind} {amount} under {article}"));
        }
        if let Some(by) = &effect.approved_by {
            detail.push_str(&format!("; approved by {by}"));
        }
        if !note.is_empty() {
            detail.push_str(&format!("; {note}"));
        }
        append_audit(&mut tx, self.clock.now(), &actor.login, &format!("case.{}", m.code()), "case", &id.to_string(), &detail).await?;
        // A decision on a licence holder, served: its step takes effect.
        if let Some(act) = &effect.licence {
            write_licence_act(&mut tx, self.clock.now(), actor, act).await?;
        }
        tx.commit().await?;
        Ok(seen_version + 1)
    }

    /// Writes recomputed next deadlines (only those that changed are given).
    /// Derived from the case's facts: no version moves, no audit entry.
    /// `due` holds (id, version read, next due); a case changed since it was
    /// read (a move at another desk) is left as that move wrote it.
    pub async fn record_deadlines(&self, due: &[(i64, i64, NextDue)]) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        for part in due.chunks(BIND_LIMIT / 5) {
            // SQLite names a VALUES list's columns column1…; Postgres lets us name them.
            let mut qb: QueryBuilder<Db> = QueryBuilder::new(match DIALECT {
                Dialect::Sqlite => {
                    "UPDATE inspection_case SET due_on = v.due_on, due_rule = v.due_rule, queue_key = v.queue_key
                     FROM (SELECT column1 AS id, column2 AS version, column3 AS due_on, column4 AS due_rule,
                                  column5 AS queue_key FROM ("
                }
                Dialect::Postgres => {
                    "UPDATE inspection_case SET due_on = v.due_on, due_rule = v.due_rule, queue_key = v.queue_key
                     FROM ("
                }
            });
            qb.push_values(part, |mut b, (id, version, n)| {
                // Postgres types a VALUES list from its first row: say what each is.
                if DIALECT == Dialect::Postgres {
                    b.push_bind(*id).push_unseparated("::BIGINT");
                    b.push_bind(*version).push_unseparated("::BIGINT");
                    b.push_bind(n.due_on).push_unseparated("::DATE");
                } else {
                    b.push_bind(*id);
                    b.push_bind(*version);
                    b.push_bind(n.due_on);
                }
                b.push_bind(&n.rule).push_bind(&n.queue_key);
            });
            qb.push(match DIALECT {
                Dialect::Sqlite => {
                    ")) AS v WHERE inspection_case.id = v.id AND inspection_case.version = v.version"
                }
                Dialect::Postgres => {
                    ") AS v(id, version, due_on, due_rule, queue_key)
                     WHERE inspection_case.id = v.id AND inspection_case.version = v.version"
                }
            });
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        if DIALECT == Dialect::Sqlite && due.len() > 10_000 {
            // A large rewrite leaves a long write-ahead log that every later
            // read must consult: fold it into the database now.
            sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&self.pool).await?;
        }
        Ok(())
    }

    /// Puts `officer` and `inspectors` on the case at the version read.
    pub async fn assign_case(
        &self,
        actor: &crate::domain::Staff,
        id: i64,
        seen_version: i64,
        officer: i64,
        inspectors: &[i64],
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE inspection_case SET case_officer_id = $1, version = version + 1 WHERE id = $2 AND version = $3",
        )
        .bind(officer)
        .bind(id)
        .bind(seen_version)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Conflict {
                entity: "case",
                id: id.to_string(),
            });
        }
        sqlx::query("DELETE FROM case_inspector WHERE case_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for s in inspectors {
            sqlx::query("INSERT INTO case_inspector (case_id, staff_id) VALUES ($1, $2)")
                .bind(id)
                .bind(s)
                .execute(&mut *tx)
                .await?;
        }
        let list: Vec<String> = inspectors.iter().map(i64::to_string).collect();
        append_audit(
            &mut tx,
            self.clock.now(),
            &actor.login,
            "case.assign",
            "case",
            &id.to_string(),
            &format!("officer {officer}; inspectors {}", list.join(",")),
        )
        .await?;
        tx.commit().await?;
        Ok(seen_version + 1)
    }

    /// A staff member's saved views of the case queue: (name, definition).
    pub async fn saved_views(&self, staff: i64) -> Result<Vec<(String, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT name, definition FROM saved_view WHERE staff_id = $1 ORDER BY name")
                .bind(staff)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Saves (or replaces) a named view for a staff member.
    pub async fn save_view(&self, actor: &crate::domain::Staff, name: &str, definition: &str) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO saved_view (staff_id, name, definition) VALUES ($1, $2, $3)
             ON CONFLICT (staff_id, name) DO UPDATE SET definition = excluded.definition,
                version = saved_view.version + 1",
        )
        .bind(actor.id)
        .bind(name)
        .bind(definition)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, self.clock.now(), &actor.login, "view.save", "saved_view", name, definition).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Staff who declared an interest in this employer.
    pub async fn conflicted_staff(&self, employer: i64) -> Result<Vec<i64>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT staff_id FROM staff_conflict WHERE employer_id = $1 ORDER BY staff_id")
                .bind(employer)
                .fetch_all(&self.pool)
                .await?,
        )
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
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO staff_conflict (staff_id, employer_id, reason, declared_on) VALUES ($1, $2, $3, $4)
             ON CONFLICT (staff_id, employer_id) DO UPDATE SET reason = excluded.reason,
                declared_on = excluded.declared_on, version = staff_conflict.version + 1",
        )
        .bind(staff)
        .bind(employer)
        .bind(reason)
        .bind(on)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, self.clock.now(), actor, "staff.conflict", "staff", &staff.to_string(), &format!("employer {employer}: {reason}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Each active inspector with how many open cases they are on.
    pub async fn inspector_loads(&self) -> Result<Vec<InspectorLoad>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT s.id, s.name, s.login, COUNT(c.id) AS open_cases FROM staff s
             LEFT JOIN case_inspector ci ON ci.staff_id = s.id
             LEFT JOIN inspection_case c ON c.id = ci.case_id AND c.stage <> 'closed'
             WHERE s.active AND (',' || s.roles || ',') LIKE '%,inspector,%'
             GROUP BY s.id, s.name, s.login ORDER BY open_cases, s.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Adds evidence or a document to the case file.
    pub async fn add_case_file(
        &self,
        actor: &crate::domain::Staff,
        case: i64,
        kind: crate::domain::CaseFileKind,
        on: NaiveDate,
        kept_at: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM inspection_case WHERE id = $1")
            .bind(case)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            return Err(StoreError::Conflict {
                entity: "case",
                id: case.to_string(),
            });
        }
        sqlx::query(
            "INSERT INTO case_file (case_id, kind, on_date, recorded_by, kept_at, note) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(case)
        .bind(kind.code())
        .bind(on)
        .bind(actor.id)
        .bind(kept_at)
        .bind(note)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, self.clock.now(), &actor.login, "case.file", "case", &case.to_string(), kind.code()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The case file, oldest first: (kind, date, recorded by, kept at, note).
    pub async fn case_files(&self, case: i64) -> Result<Vec<CaseFileRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT f.kind, f.on_date, s.name AS recorded_by, f.kept_at, f.note FROM case_file f
             LEFT JOIN staff s ON s.id = f.recorded_by WHERE f.case_id = $1 ORDER BY f.on_date, f.id",
        )
        .bind(case)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// Suspension periods grouped by case.
fn suspensions_by_case(
    spans: Vec<(i64, NaiveDate, Option<NaiveDate>)>,
) -> std::collections::HashMap<i64, Vec<(NaiveDate, Option<NaiveDate>)>> {
    let mut by_case: std::collections::HashMap<i64, Vec<(NaiveDate, Option<NaiveDate>)>> =
        std::collections::HashMap::new();
    for (case, from, to) in spans {
        by_case.entry(case).or_default().push((from, to));
    }
    by_case
}

macro_rules! case_state_select {
    () => {
        "SELECT c.id, c.version, c.number, c.respondent_name, c.respondent_employer_id,
            c.stage, c.registered_on, c.opened_on, c.due_on, c.extended, c.suspended, c.hearing_required,
            c.hearing_requested, c.hearing_host_id, c.legal_reviewer_id, c.case_officer_id, c.mass_incident,
            c.notice_served_on, c.decided_on, c.served_on, c.fine, c.article, c.outcome,
            c.due_rule, c.queue_key, co.received_on AS complaint_received_on,
            c.source, c.respondent_kind, c.matters, c.facts, c.anonymous, c.informant_name,
            c.informant_phone, c.last_act_on, c.reminder_served_on, c.court_applied_on, c.rights_waived,
            c.decision, c.order_deadline, c.hearing_on, c.licence_id, c.sanction
        FROM inspection_case c LEFT JOIN complaint co ON co.id = c.complaint_id"
    };
}

const CASE_STATE: &str = concat!(case_state_select!(), " WHERE c.id = $1");
const OPEN_CASE_STATES: &str = concat!(case_state_select!(), " WHERE c.stage <> 'closed' AND c.id % 2 = $1");

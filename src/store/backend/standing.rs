// A licence's standing as its decisions made it: read with the day's
// effect, and written by a ladder step (light, or a served decision) in the
// caller's transaction; part of the backend included per database.

/// A licence's status on the day bound as `$p`: mirrors
/// `domain::licence::Stored::on` (a decision holds from its day, a
/// suspension with a last day ends by itself after it). Every list, export,
/// lookup and draw pool reads the status through this.
macro_rules! status_on {
    ($t:literal, $p:literal) => {
        concat!(
            "(CASE WHEN ", $t, ".standing_since > ", $p, " THEN ", $t, ".prior_status",
            " WHEN ", $t, ".status = 'suspended' AND ", $t, ".standing_until < ", $p, " THEN 'valid'",
            " ELSE ", $t, ".status END)"
        )
    };
}

impl Backend {
    /// A licence (by id, or by number when `id` is None) with its standing
    /// on the backend's day and what set it.
    pub async fn licence_standing(&self, id: Option<i64>, number: &str) -> Result<Option<LicenceStanding>, StoreError> {
        Ok(sqlx::query_as(concat!(
            "SELECT l.id, l.kind, l.number, l.holder, l.uscc, l.legal_rep, l.address, l.issued_on, l.expires_on, ",
            status_on!("l", "$3"),
            " AS status, l.status AS stored_status, l.prior_status, l.standing_since, l.standing_until,
                    l.standing_step, l.standing_reason, c.number AS standing_case
             FROM licence l LEFT JOIN inspection_case c ON c.id = l.standing_case_id
             WHERE ($1 > 0 AND l.id = $1) OR ($1 <= 0 AND l.number = $2)"
        ))
        .bind(id.unwrap_or(0))
        .bind(number)
        .bind(self.clock.today())
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Takes a ladder step that is not a penalty (an order, an interview, an
    /// agreement's suspension or termination, a suspension lifted) as
    /// `actor`. Ok is the step's id.
    pub async fn take_licence_step(&self, actor: &crate::domain::Staff, act: &crate::domain::ladder::LicenceAct) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let id = write_licence_act(&mut tx, self.clock.now(), actor, act).await?;
        tx.commit().await?;
        Ok(id)
    }
}

/// Records `act` on its licence inside the caller's transaction: the step
/// with its days and case, the standing it sets from its day, and the audit
/// entry. Ok is the step's id.
async fn write_licence_act(
    tx: &mut Transaction<'static, Db>,
    now: DateTime<Utc>,
    actor: &crate::domain::Staff,
    act: &crate::domain::ladder::LicenceAct,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sanction_step (licence_id, step, decided_on, deadline, decided_by, reason, case_id, until_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(act.licence)
    .bind(act.step.code())
    .bind(act.decided_on)
    // A deadline to meet is an order's; a suspension's last day is not one.
    .bind(if act.step.standing().is_none() { act.until } else { None })
    .bind(actor.id)
    .bind(&act.reason)
    .bind(act.case)
    .bind(act.until)
    .fetch_one(&mut **tx)
    .await?;
    if let Some(status) = act.step.standing() {
        let updated = sqlx::query(concat!(
            "UPDATE licence SET prior_status = ",
            status_on!("licence", "$2"),
            ", status = $1, standing_since = $2, standing_until = $3, standing_step = $4,
               standing_case_id = $5, standing_reason = $6, version = version + 1
             WHERE id = $7"
        ))
        .bind(status.code())
        .bind(act.on)
        .bind(if status == crate::domain::LicenceStatus::Suspended { act.until } else { None })
        .bind(act.step.code())
        .bind(act.case)
        .bind(&act.reason)
        .bind(act.licence)
        .execute(&mut **tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Conflict {
                entity: "licence",
                id: act.licence.to_string(),
            });
        }
    }
    let mut detail = format!("{} decided {} from {}", act.step.code(), act.decided_on, act.on);
    if let Some(u) = act.until {
        detail.push_str(&format!(" until {u}"));
    }
    if let Some(c) = act.case {
        detail.push_str(&format!(" by case {c}"));
    }
    detail.push_str(&format!(": {}", act.reason));
    append_audit(tx, now, &actor.login, "sanction.step", "licence", &act.licence.to_string(), &detail).await?;
    Ok(id)
}

impl Backend {
    /// Records the changes a holder reported (field code, new value), made
    /// on `changed_on`, reported `reported_on`, due by `due_on`: the
    /// licence takes the new values, the old ones are kept with the change.
    pub async fn record_licence_change(
        &self,
        actor: &crate::domain::Staff,
        licence: i64,
        changes: &[(crate::domain::licence::Changed, String)],
        changed_on: NaiveDate,
        reported_on: NaiveDate,
        due_on: NaiveDate,
    ) -> Result<(), StoreError> {
        use crate::domain::licence::Changed;
        let mut tx = self.begin_write().await?;
        for (field, new) in changes {
            // Each field's statements are fixed text: no column name is ever built.
            let (read, write) = match field {
                Changed::Holder => (
                    "SELECT holder FROM licence WHERE id = $1",
                    "UPDATE licence SET holder = $1, version = version + 1 WHERE id = $2",
                ),
                Changed::Address => (
                    "SELECT address FROM licence WHERE id = $1",
                    "UPDATE licence SET address = $1, version = version + 1 WHERE id = $2",
                ),
                Changed::LegalRep => (
                    "SELECT legal_rep FROM licence WHERE id = $1",
                    "UPDATE licence SET legal_rep = $1, version = version + 1 WHERE id = $2",
                ),
            };
            let old: Option<String> = sqlx::query_scalar(read).bind(licence).fetch_optional(&mut *tx).await?;
            let Some(old) = old else {
                return Err(StoreError::Conflict {
                    entity: "licence",
                    id: licence.to_string(),
                });
            };
            sqlx::query(write).bind(new).bind(licence).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO licence_change (licence_id, field, old_value, new_value, changed_on, reported_on, due_on, recorded_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(licence)
            .bind(field.code())
            .bind(&old)
            .bind(new)
            .bind(changed_on)
            .bind(reported_on)
            .bind(due_on)
            .bind(actor.id)
            .execute(&mut *tx)
            .await?;
        }
        let fields: Vec<&str> = changes.iter().map(|(f, _)| f.code()).collect();
        append_audit(
            &mut tx,
            self.clock.now(),
            &actor.login,
            "licence.change",
            "licence",
            &licence.to_string(),
            &format!("{} changed {changed_on}, reported {reported_on}, due {due_on}", fields.join(",")),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The changes a licence's holder reported, newest first.
    pub async fn licence_changes(&self, licence: i64) -> Result<Vec<LicenceChangeRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT field, old_value, new_value, changed_on, reported_on, due_on FROM licence_change
             WHERE licence_id = $1 ORDER BY changed_on DESC, id DESC",
        )
        .bind(licence)
        .fetch_all(&self.pool)
        .await?)
    }
}

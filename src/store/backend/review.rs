// The facts the filing checks need, read for every pending filing in three
// queries (filings with their employer and person, materials against the
// checklist, average wages); part of the backend included per database.

impl Backend {
    /// Each material's name in both languages: (code, zh, en).
    pub async fn material_names(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT material, MIN(name_zh), MIN(name_en) FROM material_requirement GROUP BY material ORDER BY material",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every pending filing (`only` None), or the one pending filing `only`.
    pub async fn pending_filing_facts(
        &self,
        today: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<PendingFiling>, StoreError> {
        use crate::domain::review::{EmployerFact, FilingFacts, MaterialFact, PersonFact};
        // $1 = 0 reads them all; otherwise the one filing with that id.
        let which = only.unwrap_or(0);
        let rows = sqlx::query(
            "SELECT f.id, f.kind, f.version, f.person_id, f.employer_id, f.received_at, f.declared,
                    e.uscc, e.status AS e_status, e.arrears,
                    p.id_number, p.status AS p_status, p.employer_id AS p_employer, p.last_paid_month
             FROM filing f
             LEFT JOIN employer e ON e.id = f.employer_id
             LEFT JOIN person p ON p.id = f.person_id
             WHERE f.status = 'pending' AND ($1 = 0 OR f.id = $1) ORDER BY f.received_at, f.id",
        )
        .bind(which)
        .fetch_all(&self.pool)
        .await?;
        let materials = sqlx::query(
            "SELECT f.id AS filing_id, r.material, r.required, m.present, m.valid
             FROM filing f
             JOIN material_requirement r ON r.kind = f.kind
             LEFT JOIN filing_material m ON m.filing_id = f.id AND m.material = r.material
             WHERE f.status = 'pending' AND ($1 = 0 OR f.id = $1) ORDER BY f.id, r.material",
        )
        .bind(which)
        .fetch_all(&self.pool)
        .await?;
        let wages: Vec<(i64, i64)> = sqlx::query_as("SELECT year, monthly FROM average_wage ORDER BY year")
            .fetch_all(&self.pool)
            .await?;
        let bad = |e: sqlx::Error| StoreError::BadData {
            entity: "filing",
            detail: e.to_string(),
        };
        let mut by_filing: std::collections::HashMap<i64, Vec<MaterialFact>> = std::collections::HashMap::new();
        for m in &materials {
            by_filing
                .entry(m.try_get("filing_id").map_err(bad)?)
                .or_default()
                .push(MaterialFact {
                    material: m.try_get("material").map_err(bad)?,
                    required: m.try_get("required").map_err(bad)?,
                    present: m.try_get("present").map_err(bad)?,
                    valid: m.try_get("valid").map_err(bad)?,
                });
        }
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get("id").map_err(bad)?;
            let kind_code: String = r.try_get("kind").map_err(bad)?;
            let Some(kind) = crate::domain::FilingKind::parse(&kind_code) else {
                continue;
            };
            let declared_text: String = r.try_get("declared").map_err(bad)?;
            // A declaration that is not JSON is checked as an empty one.
            let declared: serde_json::Value =
                serde_json::from_str(&declared_text).unwrap_or(serde_json::Value::Object(Default::default()));
            let received: DateTime<Utc> = r.try_get("received_at").map_err(bad)?;
            let received_on = crate::domain::calendar::office_date(received);
            let year = declared
                .get("year")
                .and_then(serde_json::Value::as_i64)
                .unwrap_or(i64::from(chrono::Datelike::year(&received_on)));
            let uscc: Option<String> = r.try_get("uscc").map_err(bad)?;
            let employer = match uscc.clone() {
                Some(uscc) => Some(EmployerFact {
                    uscc,
                    status: r.try_get("e_status").map_err(bad)?,
                    arrears: r.try_get("arrears").map_err(bad)?,
                }),
                None => None,
            };
            let id_number: Option<String> = r.try_get("id_number").map_err(bad)?;
            let person = match id_number.clone() {
                Some(id_number) => Some(PersonFact {
                    id_number,
                    status: r.try_get("p_status").map_err(bad)?,
                    employer_id: r.try_get("p_employer").map_err(bad)?,
                    last_paid_month: r.try_get("last_paid_month").map_err(bad)?,
                }),
                None => None,
            };
            out.push(PendingFiling {
                id,
                version: r.try_get("version").map_err(bad)?,
                person_id: r.try_get("person_id").map_err(bad)?,
                employer_uscc: uscc,
                person_id_number: id_number,
                facts: FilingFacts {
                    kind,
                    employer_id: r.try_get("employer_id").map_err(bad)?,
                    received_on,
                    declared,
                    materials: by_filing.remove(&id).unwrap_or_default(),
                    employer,
                    person,
                    average_wage: wages.iter().find(|(y, _)| *y == year).map(|(_, m)| *m),
                    today,
                },
            });
        }
        Ok(out)
    }
}

impl Backend {
    /// Decides a pending filing: `seen_version` is the version the clerk read;
    /// a filing changed meanwhile (or no longer pending) is a conflict and
    /// nothing is written. An approval applies `change` to the person in the
    /// same transaction, with one audit entry for all of it.
    #[allow(clippy::too_many_arguments)]
    pub async fn decide_filing(
        &self,
        actor: &crate::domain::Staff,
        id: i64,
        seen_version: i64,
        decision: crate::domain::decision::Decision,
        reason: &str,
        overridden: Option<&str>,
        change: &crate::domain::decision::PersonChange,
    ) -> Result<i64, StoreError> {
        use crate::domain::decision::Decision;
        let conflict = || StoreError::Conflict {
            entity: "filing",
            id: id.to_string(),
        };
        let mut tx = self.begin_write().await?;
        let row: Option<(String, Option<i64>)> =
            sqlx::query_as("SELECT kind, person_id FROM filing WHERE id = $1 AND status = 'pending' AND version = $2")
                .bind(id)
                .bind(seen_version)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((kind, person_id)) = row else {
            return Err(conflict());
        };
        let status = match decision {
            Decision::Approve => "approved",
            Decision::Return => "returned",
        };
        let updated = sqlx::query(
            "UPDATE filing SET status = $1, decision = $2, reason = $3, decided_by = $4, decided_at = $5,
                    version = version + 1, lease_by = NULL, lease_until = NULL
             WHERE id = $6 AND version = $7 AND status = 'pending'",
        )
        .bind(status)
        .bind(decision.code())
        .bind(reason)
        .bind(actor.id)
        .bind(crate::domain::audit::audit_time(Utc::now()))
        .bind(id)
        .bind(seen_version)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(conflict());
        }
        let mut applied = Vec::new();
        if decision == Decision::Approve
            && let Some(person) = person_id
        {
            if let Some(s) = change.status {
                sqlx::query("UPDATE person SET status = $1, version = version + 1 WHERE id = $2")
                    .bind(s)
                    .bind(person)
                    .execute(&mut *tx)
                    .await?;
                applied.push(format!("status={s}"));
            }
            if let Some(e) = change.employer_id {
                sqlx::query("UPDATE person SET employer_id = $1, version = version + 1 WHERE id = $2")
                    .bind(e)
                    .bind(person)
                    .execute(&mut *tx)
                    .await?;
                applied.push(format!("employer={}", e.map_or("-".into(), |x| x.to_string())));
            }
            if let Some(b) = change.contribution_base {
                sqlx::query("UPDATE person SET contribution_base = $1, version = version + 1 WHERE id = $2")
                    .bind(b)
                    .bind(person)
                    .execute(&mut *tx)
                    .await?;
                applied.push(format!("contribution_base={b}"));
            }
            if let Some((column, value)) = &change.detail {
                let sql = match *column {
                    "name" => "UPDATE person SET name = $1, version = version + 1 WHERE id = $2",
                    "phone" => "UPDATE person SET phone = $1, version = version + 1 WHERE id = $2",
                    "bank_account" => "UPDATE person SET bank_account = $1, version = version + 1 WHERE id = $2",
                    _ => "UPDATE person SET id_number = $1, version = version + 1 WHERE id = $2",
                };
                sqlx::query(sql)
                    .bind(value)
                    .bind(person)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| match unique_violation(&e) {
                        true => StoreError::Duplicate(column.to_string()),
                        false => e.into(),
                    })?;
                // The new value is personal data: the log names the field only.
                applied.push(format!("{column} changed"));
            }
        }
        let mut detail = format!("{kind} {status}");
        if !applied.is_empty() {
            detail.push_str(&format!("; person: {}", applied.join(", ")));
        }
        if let Some(why) = overridden {
            detail.push_str(&format!("; chief override: {why}"));
        }
        append_audit(&mut tx, &actor.login, &format!("filing.{}", decision.code()), "filing", &id.to_string(), &detail)
            .await?;
        tx.commit().await?;
        Ok(seen_version + 1)
    }
}

impl Backend {
    /// A person's full ID number, phone and bank account, read in the same
    /// transaction as the audit entry that records who looked, and why.
    pub async fn reveal_person(
        &self,
        actor: &str,
        person: i64,
        reason: &str,
    ) -> Result<Option<(String, String, String)>, StoreError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, String, String)> =
            sqlx::query_as("SELECT id_number, phone, bank_account FROM person WHERE id = $1")
                .bind(person)
                .fetch_optional(&mut *tx)
                .await?;
        if row.is_some() {
            append_audit(&mut tx, actor, "person.reveal", "person", &person.to_string(), reason).await?;
        }
        tx.commit().await?;
        Ok(row)
    }
}

impl Backend {
    /// Marks a pending filing as in review by `staff` until `until`, unless
    /// someone else holds it now: then their name and the lease's end.
    pub async fn take_lease(
        &self,
        staff: i64,
        id: i64,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Option<(String, DateTime<Utc>)>, StoreError> {
        let mut tx = self.begin_write().await?;
        // Who holds the lease, until when, and their name.
        type Held = (Option<i64>, Option<DateTime<Utc>>, Option<String>);
        let held: Option<Held> = sqlx::query_as(
            "SELECT f.lease_by, f.lease_until, s.name FROM filing f LEFT JOIN staff s ON s.id = f.lease_by
             WHERE f.id = $1 AND f.status = 'pending'",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((by, end, name)) = held else {
            return Ok(None);
        };
        if let (Some(by), Some(end), Some(name)) = (by, end, name)
            && by != staff
            && end > now
        {
            return Ok(Some((name, end)));
        }
        sqlx::query("UPDATE filing SET lease_by = $1, lease_until = $2 WHERE id = $3")
            .bind(staff)
            .bind(until)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(None)
    }
}

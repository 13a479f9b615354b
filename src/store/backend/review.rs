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
    // Long because the checks' facts are read in one pass over the queue
    // (filing, employer, person, materials, earlier filings), assembled as
    // read; the pass is what keeps a recheck of 300 filings fast.
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
                    f.resubmits, e.uscc, e.status AS e_status, e.arrears,
                    p.id_number, p.status AS p_status, p.employer_id AS p_employer, p.hired_on,
                    p.last_paid_month
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
        let wages: Vec<crate::domain::review::Published> =
            sqlx::query_as::<_, (NaiveDate, String, i64)>("SELECT effective_from, region, monthly FROM average_wage ORDER BY effective_from")
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .map(|(effective_from, region, monthly)| crate::domain::review::Published { effective_from, region, monthly })
                .collect();
        let region: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'office.wage_region'")
            .fetch_optional(&self.pool)
            .await?
            .unwrap_or_default();
        let pension_figures: Vec<(i64, i64)> =
            sqlx::query_as("SELECT year, monthly FROM pension_figure ORDER BY year")
                .fetch_all(&self.pool)
                .await?;
        // Who is insured with each employer that filed a yearly declaration
        // or its own cancellation (a filing about no one person).
        let insured_rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT p.employer_id, p.id_number FROM person p
             WHERE p.status = 'active' AND p.employer_id IN
               (SELECT f.employer_id FROM filing f
                 WHERE f.status = 'pending' AND f.kind IN ('contribution-base', 'cancel') AND f.person_id IS NULL
                   AND ($1 = 0 OR f.id = $1))",
        )
        .bind(which)
        .fetch_all(&self.pool)
        .await?;
        let mut insured: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
        for (employer, id_number) in insured_rows {
            insured.entry(employer).or_default().push(id_number);
        }
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
            let retirement_year = declared.get("retirement_year").and_then(serde_json::Value::as_i64);
            let uscc: Option<String> = r.try_get("uscc").map_err(bad)?;
            let employer_id: Option<i64> = r.try_get("employer_id").map_err(bad)?;
            let person_id: Option<i64> = r.try_get("person_id").map_err(bad)?;
            // An employer registering: the register's employer with the code
            // it declares, if one is there already (which the checks refuse).
            let uscc = match (kind, &uscc) {
                (crate::domain::FilingKind::RegisterEmployer, None) => {
                    declared.get("employer_uscc").and_then(serde_json::Value::as_str).map(str::to_uppercase)
                }
                _ => uscc,
            };
            let registered: Option<(String, i64)> = match (kind, &uscc) {
                (crate::domain::FilingKind::RegisterEmployer, Some(u)) => {
                    sqlx::query_as("SELECT status, arrears FROM employer WHERE uscc = $1")
                        .bind(u)
                        .fetch_optional(&self.pool)
                        .await?
                }
                _ => None,
            };
            let employer = match (kind, uscc.clone()) {
                (crate::domain::FilingKind::RegisterEmployer, Some(uscc)) => {
                    registered.map(|(status, arrears)| EmployerFact { uscc, status, arrears, insured: Vec::new() })
                }
                (_, uscc) => match uscc {
                Some(uscc) => Some(EmployerFact {
                    uscc,
                    status: r.try_get("e_status").map_err(bad)?,
                    arrears: r.try_get("arrears").map_err(bad)?,
                    insured: match (kind, person_id, employer_id) {
                        (
                            crate::domain::FilingKind::ContributionBase | crate::domain::FilingKind::Cancel,
                            None,
                            Some(e),
                        ) => {
                            insured.get(&e).cloned().unwrap_or_default()
                        }
                        _ => Vec::new(),
                    },
                }),
                None => None,
                },
            };
            let id_number: Option<String> = r.try_get("id_number").map_err(bad)?;
            let person = match id_number.clone() {
                Some(id_number) => Some(PersonFact {
                    id_number,
                    status: r.try_get("p_status").map_err(bad)?,
                    employer_id: r.try_get("p_employer").map_err(bad)?,
                    hired_on: r.try_get("hired_on").map_err(bad)?,
                    last_paid_month: r.try_get("last_paid_month").map_err(bad)?,
                }),
                None => None,
            };
            out.push(PendingFiling {
                id,
                version: r.try_get("version").map_err(bad)?,
                person_id,
                employer_uscc: uscc,
                person_id_number: id_number,
                resubmits: r.try_get("resubmits").map_err(bad)?,
                facts: FilingFacts {
                    kind,
                    employer_id,
                    received_on,
                    declared,
                    materials: by_filing.remove(&id).unwrap_or_default(),
                    employer,
                    person,
                    average_wage: crate::domain::review::in_force(&wages, received_on, region.trim()).map(|f| f.monthly),
                    pension_figure: retirement_year
                        .and_then(|ry| pension_figures.iter().find(|(y, _)| *y == ry))
                        .map(|(_, m)| *m),
                    today,
                },
            });
        }
        Ok(out)
    }
}

impl Backend {
    /// A filing's status and who decided it.
    pub async fn filing_decided(
        &self,
        id: i64,
    ) -> Result<Option<(String, Option<String>)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT f.status, s.name FROM filing f LEFT JOIN staff s ON s.id = f.decided_by
              WHERE f.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Decides a pending filing: `seen_version` is the version the clerk read;
    /// a filing changed meanwhile (or no longer pending) is a conflict and
    /// nothing is written. An approval applies `change` to the person in the
    /// same transaction, with one audit entry for all of it.
    // Long because it is one transaction read top to bottom: the version
    // check, the decision, the person's change and the audit entry commit
    // together or not at all; split, the steps would hide that.
    pub async fn decide_filing(
        &self,
        actor: &crate::domain::Staff,
        id: i64,
        seen_version: i64,
        d: &FilingDecision<'_>,
    ) -> Result<i64, StoreError> {
        let FilingDecision { decision, reason, overridden, change, decided_at, correction_due } = *d;
        use crate::domain::decision::Decision;
        let conflict = || StoreError::Conflict {
            entity: "filing",
            id: id.to_string(),
        };
        let mut tx = self.begin_write().await?;
        let row: Option<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT kind, person_id, employer_id FROM filing WHERE id = $1 AND status = 'pending' AND version = $2",
        )
        .bind(id)
        .bind(seen_version)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((kind, person_id, employer_id)) = row else {
            return Err(conflict());
        };
        let status = match decision {
            Decision::Approve => "approved",
            Decision::Return => "returned",
        };
        let updated = sqlx::query(
            "UPDATE filing SET status = $1, decision = $2, reason = $3, decided_by = $4, decided_at = $5,
                    correction_due = $8, version = version + 1, lease_by = NULL, lease_until = NULL
             WHERE id = $6 AND version = $7 AND status = 'pending'",
        )
        .bind(status)
        .bind(decision.code())
        .bind(reason)
        .bind(actor.id)
        .bind(crate::domain::audit::audit_time(decided_at))
        .bind(id)
        .bind(seen_version)
        // Only a return is given a day to correct by.
        .bind(correction_due.filter(|_| decision == Decision::Return))
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            return Err(conflict());
        }
        // A decided filing is out of the queue, and out of its problem filter.
        sqlx::query("DELETE FROM filing_problem WHERE filing_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let mut applied = Vec::new();
        // An employer's first registration adds it, and the filing names it.
        let mut registered = None;
        if decision == Decision::Approve
            && employer_id.is_none()
            && let Some(e) = &change.new_employer
        {
            let added: i64 = sqlx::query_scalar(
                "INSERT INTO employer (uscc, name, legal_rep, address, town, zone, status, established_on)
                 VALUES ($1, $2, $3, $4, $5, $6, 'active', $7) RETURNING id",
            )
            .bind(&e.uscc)
            .bind(&e.name)
            .bind(&e.legal_rep)
            .bind(&e.address)
            .bind(&e.town)
            .bind(&e.zone)
            .bind(e.established_on)
            .fetch_one(&mut *tx)
            .await
            .map_err(|err| match unique_violation(&err) {
                true => StoreError::Duplicate("uscc".to_string()),
                false => err.into(),
            })?;
            sqlx::query("UPDATE filing SET employer_id = $1 WHERE id = $2")
                .bind(added)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            registered = Some(added);
        }
        // An enrollment of someone new adds them, and the filing names them.
        let mut person_id = person_id;
        if decision == Decision::Approve
            && person_id.is_none()
            && let Some(p) = &change.new_person
        {
            let added: i64 = sqlx::query_scalar(
                "INSERT INTO person (id_number, name, phone, employer_id, status, hired_on, contribution_base)
                 VALUES ($1, $2, $3, $4, 'active', $5, $6) RETURNING id",
            )
            .bind(&p.id_number)
            .bind(&p.name)
            .bind(&p.phone)
            .bind(employer_id)
            .bind(p.hired_on)
            .bind(p.wage)
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| match unique_violation(&e) {
                true => StoreError::Duplicate("id_number".to_string()),
                false => e.into(),
            })?;
            sqlx::query("UPDATE filing SET person_id = $1 WHERE id = $2")
                .bind(added)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            person_id = Some(added);
            applied.push("added".to_string());
        }
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
            if let Some(b) = change.pension_base {
                sqlx::query("UPDATE person SET pension_base = $1, version = version + 1 WHERE id = $2")
                    .bind(b)
                    .bind(person)
                    .execute(&mut *tx)
                    .await?;
                applied.push(format!("pension_base={b}"));
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
        if let Some(due) = correction_due.filter(|_| decision == Decision::Return) {
            detail.push_str(&format!("; correct by {due}"));
        }
        if !applied.is_empty() {
            detail.push_str(&format!("; person: {}", applied.join(", ")));
        }
        if decision == Decision::Approve
            && person_id.is_none()
            && let Some(employer) = employer_id
        {
            if let Some(s) = change.employer_status {
                sqlx::query("UPDATE employer SET status = $1, version = version + 1 WHERE id = $2")
                    .bind(s)
                    .bind(employer)
                    .execute(&mut *tx)
                    .await?;
                detail.push_str(&format!("; employer: status={s}"));
            }
            // A yearly declaration sets the base of each person it lists who
            // is insured with this employer; the count, never the IDs, is logged.
            let mut set = 0u64;
            for (id_number, base) in &change.bases {
                set += sqlx::query(
                    "UPDATE person SET contribution_base = $1, version = version + 1
                     WHERE id_number = $2 AND employer_id = $3 AND status = 'active'",
                )
                .bind(base)
                .bind(id_number)
                .bind(employer)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            if !change.bases.is_empty() {
                detail.push_str(&format!("; bases set for {set} persons"));
            }
        }
        if let Some(e) = registered {
            detail.push_str(&format!("; employer {e} added"));
        }
        if let Some(why) = overridden {
            detail.push_str(&format!("; chief override: {why}"));
        }
        append_audit(&mut tx, self.clock.now(), &actor.login, &format!("filing.{}", decision.code()), "filing", &id.to_string(), &detail)
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
    ) -> Result<Option<RevealedPerson>, StoreError> {
        let mut tx = self.begin_write().await?;
        let row: Option<RevealedPerson> =
            sqlx::query_as("SELECT id_number, phone, bank_account FROM person WHERE id = $1")
                .bind(person)
                .fetch_optional(&mut *tx)
                .await?;
        if row.is_some() {
            append_audit(&mut tx, self.clock.now(), actor, "person.reveal", "person", &person.to_string(), reason).await?;
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

    /// Ends the leases `staff` holds, as their desk closes: the filings are
    /// free for others at once rather than when the lease runs out.
    pub async fn release_leases(&self, staff: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE filing SET lease_by = NULL, lease_until = NULL WHERE lease_by = $1",
        )
        .bind(staff)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }
}

impl Backend {
    /// Records what the checks found: for each filing checked, its problem
    /// codes with how often each occurs. `all` means every pending filing was
    /// checked, so rows of filings no longer pending go too.
    pub async fn record_problems(&self, all: bool, found: &[(i64, Vec<(String, i64)>)]) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        if DIALECT == Dialect::Postgres {
            // One recording at a time, as SQLite's write lock gives: two clerks'
            // rechecks of the same rows would otherwise trip over each other's
            // inserts (a DELETE does not see rows committed after it began).
            sqlx::query("SELECT pg_advisory_xact_lock(7210501)")
                .execute(&mut *tx)
                .await?;
        }
        if all {
            sqlx::query("DELETE FROM filing_problem").execute(&mut *tx).await?;
        } else {
            for (id, _) in found {
                sqlx::query("DELETE FROM filing_problem WHERE filing_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        let rows: Vec<(i64, &str, i64)> = found
            .iter()
            .flat_map(|(id, codes)| codes.iter().map(move |(c, n)| (*id, c.as_str(), *n)))
            .collect();
        for part in rows.chunks(BIND_LIMIT / 3) {
            let mut qb: QueryBuilder<Db> = QueryBuilder::new("INSERT INTO filing_problem (filing_id, code, count) ");
            qb.push_values(part, |mut b, r| {
                b.push_bind(r.0).push_bind(r.1).push_bind(r.2);
            });
            qb.push(" ON CONFLICT (filing_id, code) DO UPDATE SET count = excluded.count");
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Each problem code with how many pending filings have it, most first.
    pub async fn problem_tally(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT fp.code, COUNT(*) AS n FROM filing_problem fp
             JOIN filing f ON f.id = fp.filing_id AND f.status = 'pending'
             GROUP BY fp.code ORDER BY n DESC, fp.code",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

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

    pub async fn pending_filing_facts(&self, today: NaiveDate) -> Result<Vec<PendingFiling>, StoreError> {
        use crate::domain::review::{EmployerFact, FilingFacts, MaterialFact, PersonFact};
        let rows = sqlx::query(
            "SELECT f.id, f.kind, f.employer_id, f.received_at, f.declared,
                    e.uscc, e.status AS e_status, e.arrears,
                    p.id_number, p.status AS p_status, p.employer_id AS p_employer, p.last_paid_month
             FROM filing f
             LEFT JOIN employer e ON e.id = f.employer_id
             LEFT JOIN person p ON p.id = f.person_id
             WHERE f.status = 'pending' ORDER BY f.received_at, f.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let materials = sqlx::query(
            "SELECT f.id AS filing_id, r.material, r.required, m.present, m.valid
             FROM filing f
             JOIN material_requirement r ON r.kind = f.kind
             LEFT JOIN filing_material m ON m.filing_id = f.id AND m.material = r.material
             WHERE f.status = 'pending' ORDER BY f.id, r.material",
        )
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

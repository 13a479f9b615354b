// Random inspection draws: the pools as the database has them, and a draw
// recorded with the inspections it makes; part of the backend included per
// database.

impl Backend {
    /// The facts the pools are made of: valid licences of the kind and zone
    /// (empty: any) with their complaints and record, the pair that last
    /// inspected each, and the active inspectors with their declared
    /// interests (as licence ids, through the holder's credit code).
    pub async fn draw_facts(&self, kind: &str, zone: &str) -> Result<DrawFacts, StoreError> {
        let targets: Vec<(i64, i64, i64)> = sqlx::query_as(concat!(
            "SELECT l.id,
                    (SELECT COUNT(*) FROM complaint co LEFT JOIN employer e ON e.id = co.respondent_employer_id
                      WHERE e.uscc = l.uscc OR co.respondent_name = l.holder) AS complaints,
                    (SELECT COUNT(*) FROM inspection i WHERE i.licence_id = l.id AND i.result = 'failed')
                      + (SELECT COUNT(*) FROM sanction s WHERE s.licence_id = l.id) AS bad
             FROM licence l
             WHERE ",
            status_on!("l", "$3"),
            " = 'valid' AND ($1 = '' OR l.kind = $1) AND ($2 = '' OR l.zone = $2)
             ORDER BY l.id"
        ))
        .bind(kind)
        .bind(zone)
        .bind(self.clock.today())
        .fetch_all(&self.pool)
        .await?;
        // Each licence's inspections, newest first, with their inspectors.
        let teams: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT i.licence_id, i.id, ii.staff_id FROM inspection i
             JOIN inspection_inspector ii ON ii.inspection_id = i.id
             ORDER BY i.licence_id, i.planned_on DESC, i.id DESC, ii.staff_id",
        )
        .fetch_all(&self.pool)
        .await?;
        let inspectors: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM staff WHERE active AND (',' || roles || ',') LIKE '%,inspector,%' ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let conflicts: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT sc.staff_id, l.id FROM staff_conflict sc
             JOIN employer e ON e.id = sc.employer_id JOIN licence l ON l.uscc = e.uscc
             ORDER BY sc.staff_id, l.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(DrawFacts {
            targets,
            teams,
            inspectors,
            conflicts,
        })
    }

    /// Records a draw and makes its inspections (planned on `on`, with their
    /// inspectors) in one transaction with its audit entry. Ok is its id.
    pub async fn record_draw(&self, actor: &crate::domain::Staff, d: &NewDraw, on: NaiveDate) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO draw (name, licence_kind, zone, ratio_permille, per_target, seed, drawn_by, drawn_at,
                targets, inspectors, targets_hash, inspectors_hash, result, result_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(&d.name)
        .bind(&d.kind)
        .bind(&d.zone)
        .bind(d.ratio_permille)
        .bind(d.per_target)
        .bind(&d.seed)
        .bind(actor.id)
        .bind(crate::domain::audit::audit_time(self.clock.now()))
        .bind(&d.targets)
        .bind(&d.inspectors)
        .bind(&d.targets_hash)
        .bind(&d.inspectors_hash)
        .bind(&d.result)
        .bind(&d.result_hash)
        .fetch_one(&mut *tx)
        .await?;
        for (licence, team) in &d.picks {
            plan_inspection(&mut tx, *licence, "on-site", on, Some(id), team).await?;
        }
        append_audit(
            &mut tx,
            self.clock.now(),
            &actor.login,
            "draw.run",
            "draw",
            &id.to_string(),
            &format!(
                "{}: seed {}, {} picks; targets {}, inspectors {}, result {}",
                d.name,
                d.seed,
                d.picks.len(),
                d.targets_hash,
                d.inspectors_hash,
                d.result_hash
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A recorded draw.
    pub async fn draw_record(&self, id: i64) -> Result<Option<DrawRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, name, licence_kind, zone, ratio_permille, per_target, seed, drawn_at, targets, inspectors,
                    targets_hash, inspectors_hash, result, result_hash
             FROM draw WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Every draw, newest first, with how many inspections it made and how
    /// many are done.
    pub async fn draw_plans(&self) -> Result<Vec<DrawPlanRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT d.id, d.name, d.licence_kind, d.zone, d.seed, d.drawn_at,
                    (SELECT COUNT(*) FROM inspection i WHERE i.draw_id = d.id) AS inspections,
                    (SELECT COUNT(*) FROM inspection i WHERE i.draw_id = d.id AND i.result <> 'pending') AS done,
                    (SELECT MIN(i.done_on) FROM inspection i WHERE i.draw_id = d.id AND i.result <> 'pending') AS first_done_on
             FROM draw d ORDER BY d.drawn_at DESC, d.id DESC",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Licence numbers and holders, and staff names, to publish a draw.
    pub async fn draw_names(&self, id: i64) -> Result<Vec<(String, String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT l.number, l.holder, s.name FROM inspection i
             JOIN licence l ON l.id = i.licence_id
             JOIN inspection_inspector ii ON ii.inspection_id = i.id
             JOIN staff s ON s.id = ii.staff_id
             WHERE i.draw_id = $1 ORDER BY l.number, s.name",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// Plans a pending inspection with its team inside `tx`. Ok is its id.
async fn plan_inspection(
    tx: &mut Transaction<'static, Db>,
    licence: i64,
    method: &str,
    on: NaiveDate,
    draw: Option<i64>,
    team: &[i64],
) -> Result<i64, StoreError> {
    let inspection: i64 = sqlx::query_scalar(
        "INSERT INTO inspection (licence_id, method, planned_on, result, findings, draw_id)
         VALUES ($1, $2, $3, 'pending', '', $4) RETURNING id",
    )
    .bind(licence)
    .bind(method)
    .bind(on)
    .bind(draw)
    .fetch_one(&mut **tx)
    .await?;
    for s in team {
        sqlx::query("INSERT INTO inspection_inspector (inspection_id, staff_id) VALUES ($1, $2)")
            .bind(inspection)
            .bind(s)
            .execute(&mut **tx)
            .await?;
    }
    Ok(inspection)
}

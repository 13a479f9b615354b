// Special campaigns and patrols with the inspections grouped under them;
// part of the backend included per database.

impl Backend {
    /// Records a campaign with its audit entry. Ok is its id.
    pub async fn add_campaign(
        &self,
        actor: &crate::domain::Staff,
        theme: &str,
        patrol: bool,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO campaign (theme, patrol, starts_on, ends_on, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(theme)
        .bind(patrol)
        .bind(from)
        .bind(to)
        .bind(actor.id)
        .fetch_one(&mut *tx)
        .await?;
        append_audit(&mut tx, self.clock.now(), &actor.login, "campaign.add", "campaign", &id.to_string(), &format!("{from}..{to}"))
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Campaigns (one, or all newest first) with their inspections counted.
    pub async fn campaigns(&self, only: Option<i64>) -> Result<Vec<CampaignRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.theme, c.patrol, c.starts_on, c.ends_on,
                    (SELECT COUNT(*) FROM inspection i WHERE i.campaign_id = c.id) AS inspections,
                    (SELECT COUNT(*) FROM inspection i WHERE i.campaign_id = c.id AND i.result <> 'pending') AS done,
                    (SELECT COUNT(*) FROM inspection i WHERE i.campaign_id = c.id AND i.result = 'failed') AS failed
             FROM campaign c WHERE $1 IS NULL OR c.id = $1 ORDER BY c.starts_on DESC, c.id DESC",
        )
        .bind(only)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A campaign's inspections, by planned day.
    pub async fn campaign_inspections(&self, campaign: i64) -> Result<Vec<CampaignInspectionRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT i.id, l.number, l.holder, i.planned_on, i.done_on, i.result
             FROM inspection i JOIN licence l ON l.id = i.licence_id
             WHERE i.campaign_id = $1 ORDER BY i.planned_on, i.id",
        )
        .bind(campaign)
        .fetch_all(&self.pool)
        .await?)
    }

    /// An inspection's planned day and campaign, if it exists.
    pub async fn inspections_to_group(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(i64, NaiveDate, String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT i.id, i.planned_on, l.number, l.holder FROM inspection i
             JOIN licence l ON l.id = i.licence_id
             WHERE i.campaign_id IS NULL AND i.planned_on >= $1 AND i.planned_on <= $2
             ORDER BY i.planned_on, i.id LIMIT 200",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn inspection_plan(&self, id: i64) -> Result<Option<(NaiveDate, Option<i64>)>, StoreError> {
        Ok(sqlx::query_as("SELECT planned_on, campaign_id FROM inspection WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Groups inspections under a campaign in one transaction: one already
    /// in a campaign is a conflict and nothing is written.
    pub async fn group_inspections(
        &self,
        actor: &crate::domain::Staff,
        campaign: i64,
        inspections: &[i64],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        for id in inspections {
            let n = sqlx::query(
                "UPDATE inspection SET campaign_id = $1, version = version + 1 WHERE id = $2 AND campaign_id IS NULL",
            )
            .bind(campaign)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 0 {
                return Err(StoreError::Conflict {
                    entity: "inspection",
                    id: id.to_string(),
                });
            }
        }
        let list: Vec<String> = inspections.iter().map(i64::to_string).collect();
        append_audit(&mut tx, self.clock.now(), &actor.login, "campaign.group", "campaign", &campaign.to_string(), &list.join(","))
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Backend {
    /// Where an inspection came from: the source of the lead that started
    /// it, and whether it belongs to a campaign.
    pub async fn inspection_source(&self, id: i64) -> Result<(Option<String>, bool), StoreError> {
        let (lead, campaign): (Option<String>, Option<i64>) = sqlx::query_as(
            "SELECT (SELECT d.source FROM licence_lead d WHERE d.inspection_id = i.id ORDER BY d.id LIMIT 1),
                    i.campaign_id
             FROM inspection i WHERE i.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .unwrap_or((None, None));
        Ok((lead, campaign.is_some()))
    }
}

impl Backend {
    /// An inspection's campaign theme and its check items as recorded, for
    /// its detail view.
    pub async fn inspection_context(
        &self,
        id: i64,
    ) -> Result<(Option<String>, Vec<(String, String, String)>), StoreError> {
        let campaign = sqlx::query_scalar(
            "SELECT c.theme FROM inspection i JOIN campaign c ON c.id = i.campaign_id WHERE i.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let items = sqlx::query_as(
            "SELECT item, outcome, finding FROM inspection_item WHERE inspection_id = $1 ORDER BY item",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok((campaign, items))
    }
}

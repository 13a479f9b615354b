// The records the statistics count, for the months asked.

impl Backend {
    /// Filings received and decided, cases registered (with their
    /// complaint's matters) and inspections planned, from `from` up to
    /// `until` (each the office's midnight as an instant, and its day).
    pub async fn statistics_records(
        &self,
        (since, since_day): (DateTime<Utc>, NaiveDate),
        (until, until_day): (DateTime<Utc>, NaiveDate),
    ) -> Result<crate::domain::statistics::Records, StoreError> {
        use crate::domain::calendar::office_date;
        let received: Vec<(DateTime<Utc>, bool)> =
            sqlx::query_as(
                "SELECT received_at, resubmits IS NOT NULL FROM filing WHERE received_at >= $1 AND received_at < $2",
            )
            .bind(since)
            .bind(until)
                .fetch_all(&self.pool)
                .await?;
        let decided: Vec<(DateTime<Utc>, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT f.decided_at, f.decision, s.name FROM filing f LEFT JOIN staff s ON s.id = f.decided_by
             WHERE f.decided_at >= $1 AND f.decided_at < $2",
        )
        .bind(since)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let cases: Vec<(NaiveDate, Option<String>)> = sqlx::query_as(
            "SELECT c.registered_on, m.matters FROM inspection_case c
             LEFT JOIN complaint m ON m.id = c.complaint_id
             WHERE c.registered_on >= $1 AND c.registered_on < $2",
        )
        .bind(since_day)
        .bind(until_day)
        .fetch_all(&self.pool)
        .await?;
        let inspections: Vec<(NaiveDate, Option<NaiveDate>)> = sqlx::query_as(
            "SELECT planned_on, done_on FROM inspection
             WHERE (planned_on >= $1 AND planned_on < $2) OR (done_on >= $1 AND done_on < $2)",
        )
        .bind(since_day)
        .bind(until_day)
        .fetch_all(&self.pool)
        .await?;
        Ok(crate::domain::statistics::Records {
            resubmitted: received.iter().filter(|(_, again)| *again).map(|(at, _)| office_date(*at)).collect(),
            received: received.into_iter().map(|(at, _)| office_date(at)).collect(),
            decided: decided
                .into_iter()
                .map(|(at, d, who)| {
                    (office_date(at), d.as_deref() == Some("approve"), who.unwrap_or_default())
                })
                .collect(),
            cases: cases
                .into_iter()
                .map(|(on, m)| {
                    let matters = m
                        .unwrap_or_default()
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect();
                    (on, matters)
                })
                .collect(),
            inspections,
        })
    }
}

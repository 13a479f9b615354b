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
            "SELECT c.registered_on, COALESCE(NULLIF(c.matters, ''), m.matters) FROM inspection_case c
             LEFT JOIN complaint m ON m.id = c.complaint_id
             WHERE c.registered_on >= $1 AND c.registered_on < $2",
        )
        .bind(since_day)
        .bind(until_day)
        .fetch_all(&self.pool)
        .await?;
        // A case's matters are its own, else its complaint's.
        let opened: Vec<(NaiveDate, Option<String>)> = sqlx::query_as(
            "SELECT c.opened_on, COALESCE(NULLIF(c.matters, ''), m.matters) FROM inspection_case c
             LEFT JOIN complaint m ON m.id = c.complaint_id
             WHERE c.opened_on >= $1 AND c.opened_on < $2",
        )
        .bind(since_day)
        .bind(until_day)
        .fetch_all(&self.pool)
        .await?;
        // Closed on the day the act happened (keyed in before acts were
        // dated: the day it was recorded).
        let closed: Vec<(Option<NaiveDate>, DateTime<Utc>, Option<String>)> = sqlx::query_as(
            "SELECT e.on_date, e.at, COALESCE(NULLIF(c.matters, ''), m.matters) FROM case_event e
             JOIN inspection_case c ON c.id = e.case_id
             LEFT JOIN complaint m ON m.id = c.complaint_id
             WHERE e.stage_to = 'closed'
               AND ((e.on_date >= $1 AND e.on_date < $2)
                 OR (e.on_date IS NULL AND e.at >= $3 AND e.at < $4))",
        )
        .bind(since_day)
        .bind(until_day)
        .bind(since)
        .bind(until)
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
            cases: cases.into_iter().map(|(on, m)| (on, matter_list(m))).collect(),
            opened: opened.into_iter().map(|(on, m)| (on, matter_list(m))).collect(),
            closed: closed
                .into_iter()
                .map(|(on, at, m)| (on.unwrap_or_else(|| office_date(at)), matter_list(m)))
                .collect(),
            inspections,
        })
    }
}

/// A comma list of matter codes, as the tables keep it.
fn matter_list(m: Option<String>) -> Vec<String> {
    m.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

//! The store's face for `backend/statistics.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// The records the month's statistics count, since an instant and its day.
    pub async fn statistics_records(
        &self,
        from: (chrono::DateTime<chrono::Utc>, NaiveDate),
        until: (chrono::DateTime<chrono::Utc>, NaiveDate),
    ) -> Result<crate::domain::statistics::Records, StoreError> {
        on_backend!(self.statistics_records(from, until))
    }
}

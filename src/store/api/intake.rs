//! The store's face for `backend/intake.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// The filing `id` as a resubmission names it.
    pub async fn filing_original(&self, id: i64) -> Result<Option<OriginalRow>, StoreError> {
        on_backend!(self.filing_original(id))
    }

    /// Writes a filing received at the counter; Ok is its number.
    pub async fn receive_filing(
        &self,
        actor: &Staff,
        f: &ReceivedFiling,
    ) -> Result<i64, StoreError> {
        on_backend!(self.receive_filing(actor, f))
    }

    /// Receives a batch of filings, all or nothing; Ok is the numbers of
    /// those written and how many had been received before.
    pub async fn receive_filings(
        &self,
        actor: &crate::domain::Staff,
        filings: &[crate::store::ReceivedFiling],
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> Result<(Vec<i64>, usize), StoreError> {
        on_backend!(self.receive_filings(actor, filings, progress))
    }
}

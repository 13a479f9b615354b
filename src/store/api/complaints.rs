//! The store's face for `backend/complaints.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// Registers a complaint pending its decision; Ok is its id.
    pub async fn register_complaint(
        &self,
        actor: &str,
        c: &NewComplaint,
    ) -> Result<i64, StoreError> {
        on_backend!(self.register_complaint(actor, c))
    }

    /// An employer by its credit code: (id, name).
    pub async fn employer_by_uscc(&self, uscc: &str) -> Result<Option<(i64, String)>, StoreError> {
        on_backend!(self.employer_by_uscc(uscc))
    }

    /// Employers by id, in the order asked (an id not found left out): a
    /// chooser tells namesakes apart by their code, town and representative.
    pub async fn employers_by_id(&self, ids: &[i64]) -> Result<Vec<EmployerRow>, StoreError> {
        on_backend!(self.employers_by_id(ids))
    }

    /// Complaints oldest first: pending only, or every one.
    pub async fn complaints(&self, pending_only: bool) -> Result<Vec<ComplaintRow>, StoreError> {
        on_backend!(self.complaints(pending_only))
    }

    /// How many pending complaints were received before `day`.
    pub async fn pending_complaints_received_before(
        &self,
        day: NaiveDate,
    ) -> Result<i64, StoreError> {
        on_backend!(self.pending_complaints_received_before(day))
    }

    pub async fn complaint(&self, id: i64) -> Result<Option<ComplaintRow>, StoreError> {
        on_backend!(self.complaint(id))
    }

    /// Decides a pending complaint; an acceptance registers its case.
    pub async fn decide_complaint(
        &self,
        actor: &Staff,
        id: i64,
        verdict: &ComplaintVerdict<'_>,
        on: NaiveDate,
        case: Option<&NewCase>,
    ) -> Result<Option<(i64, String)>, StoreError> {
        on_backend!(self.decide_complaint(actor, id, verdict, on, case))
    }
}

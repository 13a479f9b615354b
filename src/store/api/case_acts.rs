//! The store's face for `backend/case_acts.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// Registers a case from any source. Ok is its id and number.
    pub async fn open_case(
        &self,
        actor: &Staff,
        c: &OpenedCase,
    ) -> Result<(i64, String), StoreError> {
        on_backend!(self.open_case(actor, c))
    }

    pub async fn inspection_exists(&self, id: i64) -> Result<bool, StoreError> {
        on_backend!(self.inspection_exists(id))
    }

    pub async fn campaign_exists(&self, id: i64) -> Result<bool, StoreError> {
        on_backend!(self.campaign_exists(id))
    }

    pub async fn lead_exists(&self, id: i64) -> Result<bool, StoreError> {
        on_backend!(self.lead_exists(id))
    }

    /// Records a payment at the case's version read. Ok is the new version.
    pub async fn record_payment(
        &self,
        actor: &Staff,
        case: i64,
        seen_version: i64,
        rec: &PaymentRecord<'_>,
    ) -> Result<i64, StoreError> {
        on_backend!(self.record_payment(actor, case, seen_version, rec))
    }

    /// The informant's name and phone, the look audited with its reason.
    pub async fn reveal_informant(
        &self,
        actor: &str,
        case: i64,
        reason: &str,
    ) -> Result<Option<(String, String)>, StoreError> {
        on_backend!(self.reveal_informant(actor, case, reason))
    }

    /// A case's payments, oldest first.
    pub async fn case_payments(&self, case: i64) -> Result<Vec<CasePaymentRow>, StoreError> {
        on_backend!(self.case_payments(case))
    }

    /// A case's acts as recorded, each with its own day.
    pub async fn case_history(&self, case: i64) -> Result<Vec<CaseActRow>, StoreError> {
        on_backend!(self.case_history(case))
    }
}

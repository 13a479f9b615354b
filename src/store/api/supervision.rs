//! The store's face for `backend/supervision.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// An inspection's (licence id, licence kind, result so far).
    pub async fn inspection_target(&self, id: i64) -> Result<Option<InspectionTarget>, StoreError> {
        on_backend!(self.inspection_target(id))
    }

    /// Records a pending inspection's outcome item by item, with the
    /// violation notice served and the audit tasks it closes, at once.
    pub async fn record_inspection(
        &self,
        actor: &Staff,
        id: i64,
        rec: &InspectionRecord<'_>,
    ) -> Result<Recorded, StoreError> {
        on_backend!(self.record_inspection(actor, id, rec))
    }

    pub async fn sanction_steps(
        &self,
        licence: i64,
    ) -> Result<Vec<(String, NaiveDate)>, StoreError> {
        on_backend!(self.sanction_steps(licence))
    }

    pub async fn licence_kind(&self, id: i64) -> Result<Option<(String, NaiveDate)>, StoreError> {
        on_backend!(self.licence_kind(id))
    }

    /// Orders `year`'s missing report filed by the act's day.
    pub async fn order_annual_report(
        &self,
        actor: &Staff,
        year: i64,
        due: NaiveDate,
        act: &crate::domain::ladder::LicenceAct,
    ) -> Result<(), StoreError> {
        on_backend!(self.order_annual_report(actor, year, due, act))
    }

    pub async fn rectifications(&self) -> Result<Vec<RectificationRow>, StoreError> {
        on_backend!(self.rectifications())
    }

    /// Agreement institutions: (licence id, number).
    pub async fn agreement_licences(&self) -> Result<Vec<(i64, String)>, StoreError> {
        on_backend!(self.agreement_licences())
    }

    /// Stores monthly settlement figures (licence, month, visits, cost, persons), all or none.
    pub async fn store_settlements(
        &self,
        actor: &str,
        rows: &[(i64, i64, i64, i64, i64)],
    ) -> Result<(), StoreError> {
        on_backend!(self.store_settlements(actor, rows))
    }

    /// (licence id, zone, month, visits, cost, persons) of every stored month.
    pub async fn settlements(&self) -> Result<Vec<(i64, String, i64, i64, i64, i64)>, StoreError> {
        on_backend!(self.settlements())
    }

    /// Opens audit tasks for flags (licence, month, rule, detail) not yet tasked.
    pub async fn open_audit_tasks(
        &self,
        actor: &str,
        flags: &[(i64, i64, String, String)],
        on: NaiveDate,
    ) -> Result<u64, StoreError> {
        on_backend!(self.open_audit_tasks(actor, flags, on))
    }

    /// Valid licences of a kind with their annual review of `year`.
    pub async fn annual_rows(&self, year: i64, kind: &str) -> Result<Vec<AnnualRow>, StoreError> {
        on_backend!(self.annual_rows(year, kind))
    }

    /// A licence's annual results: (year, result).
    pub async fn annual_results(&self, licence: i64) -> Result<Vec<(i64, String)>, StoreError> {
        on_backend!(self.annual_results(licence))
    }

    /// Records a report received and/or a result for a year.
    pub async fn record_annual(
        &self,
        actor: &str,
        rec: &AnnualRecord<'_>,
    ) -> Result<(), StoreError> {
        on_backend!(self.record_annual(actor, rec))
    }

    /// Pending inspections and open audit tasks, oldest first.
    pub async fn inspection_queue(&self) -> Result<Vec<InspectionQueueRow>, StoreError> {
        on_backend!(self.inspection_queue())
    }

    /// The public register of licence holders.
    pub async fn public_register(&self, kind: &str) -> Result<Vec<RegisterRow>, StoreError> {
        on_backend!(self.public_register(kind))
    }
}

//! The store's face for `backend/leads.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// A licence's ladder steps, newest first.
    pub async fn licence_steps(&self, licence: i64) -> Result<Vec<SanctionStepRow>, StoreError> {
        on_backend!(self.licence_steps(licence))
    }

    /// Records a lead against a licence. Ok is its id and the licence number.
    pub async fn add_lead(
        &self,
        actor: &Staff,
        licence: i64,
        source: &str,
        summary: &str,
        on: NaiveDate,
    ) -> Result<(i64, String), StoreError> {
        on_backend!(self.add_lead(actor, licence, source, summary, on))
    }

    /// Leads, newest first; `open_only`: those that started no inspection.
    pub async fn leads(&self, open_only: bool) -> Result<Vec<LeadRow>, StoreError> {
        on_backend!(self.leads(open_only))
    }

    /// What deciding a lead's inspection needs.
    pub async fn lead_facts(&self, lead: i64) -> Result<Option<LeadFacts>, StoreError> {
        on_backend!(self.lead_facts(lead))
    }

    /// Plans the inspection a lead starts, once. Ok is the inspection's id.
    pub async fn inspect_lead(
        &self,
        actor: &Staff,
        lead: i64,
        licence: i64,
        method: &str,
        on: NaiveDate,
        team: &[i64],
    ) -> Result<i64, StoreError> {
        on_backend!(self.inspect_lead(actor, lead, licence, method, on, team))
    }
}

//! The store's face for `backend/standing.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// A licence (by id, or by number when `id` is None) with its standing
    /// on the store's day and what set it.
    pub async fn licence_standing(
        &self,
        id: Option<i64>,
        number: &str,
    ) -> Result<Option<LicenceStanding>, StoreError> {
        on_backend!(self.licence_standing(id, number))
    }

    /// Records the changes a holder reported, with the filing's deadline.
    pub async fn record_licence_change(
        &self,
        actor: &Staff,
        licence: i64,
        changes: &[(crate::domain::licence::Changed, String)],
        changed_on: NaiveDate,
        reported_on: NaiveDate,
        due_on: NaiveDate,
    ) -> Result<(), StoreError> {
        on_backend!(self.record_licence_change(
            actor,
            licence,
            changes,
            changed_on,
            reported_on,
            due_on
        ))
    }

    /// The changes a licence's holder reported, newest first.
    pub async fn licence_changes(&self, licence: i64) -> Result<Vec<LicenceChangeRow>, StoreError> {
        on_backend!(self.licence_changes(licence))
    }

    /// Records a ladder step that is not a penalty; one that holds the
    /// licence changes its standing from its day. Ok is the step's id.
    pub async fn take_licence_step(
        &self,
        actor: &Staff,
        act: &crate::domain::ladder::LicenceAct,
    ) -> Result<i64, StoreError> {
        on_backend!(self.take_licence_step(actor, act))
    }
}

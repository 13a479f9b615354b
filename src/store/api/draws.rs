//! The store's face for `backend/draws.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// The facts a draw's pools are made of.
    pub async fn draw_facts(&self, kind: &str, zone: &str) -> Result<DrawFacts, StoreError> {
        on_backend!(self.draw_facts(kind, zone))
    }

    /// Records a draw with the inspections it makes; Ok is its id.
    pub async fn record_draw(
        &self,
        actor: &Staff,
        d: &NewDraw,
        on: NaiveDate,
    ) -> Result<i64, StoreError> {
        on_backend!(self.record_draw(actor, d, on))
    }

    /// Every draw, newest first, with its inspections made and done.
    pub async fn draw_plans(&self) -> Result<Vec<DrawPlanRow>, StoreError> {
        on_backend!(self.draw_plans())
    }

    pub async fn draw_record(&self, id: i64) -> Result<Option<DrawRow>, StoreError> {
        on_backend!(self.draw_record(id))
    }

    /// (licence number, holder, inspector name) of a draw's inspections.
    pub async fn draw_names(&self, id: i64) -> Result<Vec<(String, String, String)>, StoreError> {
        on_backend!(self.draw_names(id))
    }
}

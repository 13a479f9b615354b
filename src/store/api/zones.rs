//! The store's face for `backend/zones.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// The supervision zones by code: (code, name).
    pub async fn zones(&self) -> Result<Vec<(String, String)>, StoreError> {
        on_backend!(self.zones())
    }

    /// The inspector teams in the order formed, with their members' names.
    pub async fn teams(&self) -> Result<Vec<(i64, String, Vec<String>)>, StoreError> {
        on_backend!(self.teams())
    }

    /// Forms an inspector team. Ok is its id.
    pub async fn add_team(
        &self,
        actor: &Staff,
        name: &str,
        members: &[i64],
    ) -> Result<i64, StoreError> {
        on_backend!(self.add_team(actor, name, members))
    }
}

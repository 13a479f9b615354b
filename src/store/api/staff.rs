//! The store's face for `backend/staff.rs` and `backend/backup.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// Deactivates, reactivates or changes the roles of `login`, audited;
    /// the inner Err is a refusal, with nothing written.
    pub async fn change_staff(
        &self,
        actor: &str,
        login: &str,
        change: &crate::domain::staff::StaffChange,
    ) -> Result<Result<Staff, crate::domain::staff::StaffRefusal>, StoreError> {
        on_backend!(self.change_staff(actor, login, change))
    }

    /// A consistent copy of a SQLite database into the empty file `to`.
    pub async fn vacuum_into(&self, to: &std::path::Path) -> Result<(), StoreError> {
        on_backend!(self.vacuum_into(to))
    }

    /// SQLite's integrity check: "ok" when sound.
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        on_backend!(self.integrity_check())
    }
}

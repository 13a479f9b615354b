//! The store's face for `backend/details.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// One record with what belongs to it, for the detail view.
    pub async fn detail(&self, kind: ListKind, id: i64) -> Result<Option<Detail>, StoreError> {
        on_backend!(self.detail(kind, id))
    }
}

//! The store's face for `backend/demo.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    pub async fn seed_demo(&self, actor: &str, data: &DemoData) -> Result<(), StoreError> {
        on_backend!(self.seed_demo(actor, data))
    }
}

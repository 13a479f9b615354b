//! The store's face for `backend/documents.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// The number of a document kind on a record: (year, seq, newly given).
    pub async fn issue_document(
        &self,
        actor: &Staff,
        kind: &str,
        record_kind: &str,
        record_id: i64,
        on: NaiveDate,
        given: Option<(i64, i64)>,
    ) -> Result<(i64, i64, bool), StoreError> {
        on_backend!(self.issue_document(actor, kind, record_kind, record_id, on, given))
    }

    /// A ladder step for its rectification notice.
    pub async fn sanction_step_facts(
        &self,
        id: i64,
    ) -> Result<Option<SanctionStepFacts>, StoreError> {
        on_backend!(self.sanction_step_facts(id))
    }

    pub async fn document_rendered(
        &self,
        actor: &str,
        kind: &str,
        record_kind: &str,
        record_id: i64,
        sha256: &str,
    ) -> Result<(), StoreError> {
        on_backend!(self.document_rendered(actor, kind, record_kind, record_id, sha256))
    }

    pub async fn document_template(&self, kind: &str) -> Result<Option<Vec<u8>>, StoreError> {
        on_backend!(self.document_template(kind))
    }

    pub async fn store_template(
        &self,
        actor: &Staff,
        kind: &str,
        body: &[u8],
        sha256: &str,
    ) -> Result<(), StoreError> {
        on_backend!(self.store_template(actor, kind, body, sha256))
    }
}

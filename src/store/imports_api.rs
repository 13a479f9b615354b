//! The store's face for imports of registers, exports, and the documents
//! issued on records.

use super::*;
use crate::domain::import::{ImportKind, Value};
use std::collections::HashMap;

impl Store {
    /// Employers' ids by credit code.
    pub async fn employer_ids(&self) -> Result<HashMap<String, i64>, StoreError> {
        on_backend!(self.employer_ids())
    }

    /// Of these ID numbers (as written on the register), those the
    /// register of insured persons has.
    pub async fn persons_known(
        &self,
        id_numbers: &[String],
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        on_backend!(self.persons_known(id_numbers))
    }

    /// Of these upstream declaration numbers, those received before.
    pub async fn upstream_received(
        &self,
        numbers: &[String],
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        on_backend!(self.upstream_received(numbers))
    }

    /// Receives a batch of filings, all or nothing; Ok is the numbers of
    /// those written and how many had been received before.
    pub async fn receive_filings(
        &self,
        actor: &crate::domain::Staff,
        filings: &[crate::store::ReceivedFiling],
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> Result<(Vec<i64>, usize), StoreError> {
        on_backend!(self.receive_filings(actor, filings, progress))
    }

    /// Licences' ids by number.
    pub async fn licence_ids(&self) -> Result<HashMap<String, i64>, StoreError> {
        on_backend!(self.licence_ids())
    }

    /// Writes checked rows all or none (see the backend); one audit entry
    /// with the counts and the file's digest.
    pub async fn import_rows(
        &self,
        actor: &str,
        kind: ImportKind,
        present: &[&str],
        rows: &[Vec<Value>],
        digest: &str,
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> Result<ImportCounts, StoreError> {
        on_backend!(self.import_rows(actor, kind, present, rows, digest, progress))
    }

    /// An export written, audited (with the reason when ID numbers went out in full).
    pub async fn record_export(
        &self,
        actor: &str,
        kind: &str,
        rows: usize,
        revealed_because: Option<&str>,
    ) -> Result<(), StoreError> {
        on_backend!(self.record_export(actor, kind, rows, revealed_because))
    }

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

    /// The records the month's statistics count, since an instant and its day.
    pub async fn statistics_records(
        &self,
        from: (chrono::DateTime<chrono::Utc>, NaiveDate),
        until: (chrono::DateTime<chrono::Utc>, NaiveDate),
    ) -> Result<crate::domain::statistics::Records, StoreError> {
        on_backend!(self.statistics_records(from, until))
    }
}

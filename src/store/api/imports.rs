//! The store's face for `backend/imports.rs`: each method runs on whichever
//! database is open.

use crate::domain::import::{ImportKind, Value};
use crate::store::*;
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
}

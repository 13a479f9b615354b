//! The store's face for `backend/review.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// Each material's name in both languages: (code, zh, en).
    pub async fn material_names(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        on_backend!(self.material_names())
    }

    /// A filing's status and, once decided, who decided it (their name).
    pub async fn filing_decided(
        &self,
        id: i64,
    ) -> Result<Option<(String, Option<String>)>, StoreError> {
        on_backend!(self.filing_decided(id))
    }

    /// Every pending filing with what its checks need (`only`: just that one).
    pub async fn pending_filing_facts(
        &self,
        today: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<PendingFiling>, StoreError> {
        on_backend!(self.pending_filing_facts(today, only))
    }

    /// Records what the checks found in the filings checked (`all`: every
    /// pending filing was, so the old findings go whole).
    pub async fn record_problems(
        &self,
        all: bool,
        found: &[(i64, Vec<(String, i64)>)],
    ) -> Result<(), StoreError> {
        on_backend!(self.record_problems(all, found))
    }

    /// Each problem code with how many pending filings have it, most first.
    pub async fn problem_tally(&self) -> Result<Vec<(String, i64)>, StoreError> {
        on_backend!(self.problem_tally())
    }

    /// Approves or returns a filing named at the version the clerk read.
    pub async fn decide_filing(
        &self,
        actor: &Staff,
        id: i64,
        seen_version: i64,
        d: &FilingDecision<'_>,
    ) -> Result<i64, StoreError> {
        on_backend!(self.decide_filing(actor, id, seen_version, d))
    }

    /// A person's full ID number, phone and bank account; the look is audited
    /// with its reason in the same transaction.
    pub async fn reveal_person(
        &self,
        actor: &str,
        person: i64,
        reason: &str,
    ) -> Result<Option<RevealedPerson>, StoreError> {
        on_backend!(self.reveal_person(actor, person, reason))
    }

    /// Marks a pending filing as in review; Some(holder, until) when someone
    /// else holds it now.
    pub async fn take_lease(
        &self,
        staff: i64,
        id: i64,
        now: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<(String, chrono::DateTime<chrono::Utc>)>, StoreError> {
        on_backend!(self.take_lease(staff, id, now, until))
    }

    /// Ends the leases `staff` holds (their desk is closing); how many.
    pub async fn release_leases(&self, staff: i64) -> Result<u64, StoreError> {
        on_backend!(self.release_leases(staff))
    }
}

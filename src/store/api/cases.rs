//! The store's face for `backend/cases.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// A case as the procedure and its clocks see it.
    pub async fn case_state(&self, id: i64) -> Result<Option<CaseState>, StoreError> {
        on_backend!(self.case_state(id))
    }

    /// Every open case's clock row, read narrow and handed over as read.
    pub async fn each_case_deadline(
        &self,
        each: impl FnMut(DeadlineClock) + Send,
    ) -> Result<usize, StoreError> {
        on_backend!(self.each_case_deadline(each))
    }

    /// Every open case's clock facts.
    pub async fn open_case_clocks(&self) -> Result<Vec<CaseClock>, StoreError> {
        on_backend!(self.open_case_clocks())
    }

    /// The inspectors of every open case by name, as (case id, name): each
    /// case's officer first, then the others by name.
    pub async fn open_case_inspectors(&self) -> Result<Vec<(i64, String)>, StoreError> {
        on_backend!(self.open_case_inspectors())
    }

    /// Makes a case move at the version read (see the backend).
    pub async fn move_case(
        &self,
        actor: &Staff,
        id: i64,
        seen_version: i64,
        rec: &CaseMoveRecord<'_>,
    ) -> Result<i64, StoreError> {
        on_backend!(self.move_case(actor, id, seen_version, rec))
    }

    /// Writes recomputed next deadlines of open cases.
    pub async fn record_deadlines(&self, due: &[(i64, i64, NextDue)]) -> Result<(), StoreError> {
        on_backend!(self.record_deadlines(due))
    }

    /// Puts an officer and inspectors on a case at the version read.
    pub async fn assign_case(
        &self,
        actor: &Staff,
        id: i64,
        seen_version: i64,
        officer: i64,
        inspectors: &[i64],
    ) -> Result<i64, StoreError> {
        on_backend!(self.assign_case(actor, id, seen_version, officer, inspectors))
    }

    /// A staff member's saved views of the case queue: (name, definition).
    pub async fn saved_views(&self, staff: i64) -> Result<Vec<(String, String)>, StoreError> {
        on_backend!(self.saved_views(staff))
    }

    /// Saves (or replaces) a named view for the actor.
    pub async fn save_view(
        &self,
        actor: &Staff,
        name: &str,
        definition: &str,
    ) -> Result<(), StoreError> {
        on_backend!(self.save_view(actor, name, definition))
    }

    /// Staff who declared an interest in an employer.
    pub async fn conflicted_staff(&self, employer: i64) -> Result<Vec<i64>, StoreError> {
        on_backend!(self.conflicted_staff(employer))
    }

    /// Records a staff member's declared interest in an employer.
    pub async fn declare_conflict(
        &self,
        actor: &str,
        staff: i64,
        employer: i64,
        reason: &str,
        on: NaiveDate,
    ) -> Result<(), StoreError> {
        on_backend!(self.declare_conflict(actor, staff, employer, reason, on))
    }

    /// Each active inspector with their open-case load.
    /// (id, name, login, open cases)
    pub async fn inspector_loads(&self) -> Result<Vec<InspectorLoad>, StoreError> {
        on_backend!(self.inspector_loads())
    }

    /// Adds evidence or a document to a case file.
    pub async fn add_case_file(
        &self,
        actor: &Staff,
        case: i64,
        kind: crate::domain::CaseFileKind,
        on: NaiveDate,
        kept_at: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        on_backend!(self.add_case_file(actor, case, kind, on, kept_at, note))
    }

    /// A case file, oldest first.
    pub async fn case_files(&self, case: i64) -> Result<Vec<CaseFileRow>, StoreError> {
        on_backend!(self.case_files(case))
    }
}

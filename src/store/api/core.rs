//! The store's face for `backend/core.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    pub async fn schema_version(&self) -> Result<i64, StoreError> {
        on_backend!(self.schema_version())
    }

    /// Applies missing migrations; returns the versions applied.
    pub async fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        on_backend!(self.migrate())
    }

    pub async fn seed_calendar(&self, years: &[CalendarYear]) -> Result<usize, StoreError> {
        on_backend!(self.seed_calendar(years))
    }

    pub async fn replace_calendar_years(
        &self,
        actor: &str,
        years: &[CalendarYear],
    ) -> Result<(), StoreError> {
        on_backend!(self.replace_calendar_years(actor, years))
    }

    pub async fn calendar_years(&self) -> Result<Vec<CalendarYear>, StoreError> {
        on_backend!(self.calendar_years())
    }

    pub async fn material_requirements(&self) -> Result<Vec<(String, String, bool)>, StoreError> {
        on_backend!(self.material_requirements())
    }

    pub async fn staff_by_login(&self, login: &str) -> Result<Option<Staff>, StoreError> {
        on_backend!(self.staff_by_login(login))
    }

    pub async fn list_staff(&self) -> Result<Vec<Staff>, StoreError> {
        on_backend!(self.list_staff())
    }

    pub async fn add_staff(
        &self,
        actor: &str,
        login: &str,
        name: &str,
        roles: &[Role],
        first: bool,
    ) -> Result<Staff, StoreError> {
        on_backend!(self.add_staff(actor, login, name, roles, first))
    }

    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        on_backend!(self.setting(key))
    }

    /// Every checklist row with its names and source, by kind.
    pub async fn checklist(&self) -> Result<Vec<ChecklistRow>, StoreError> {
        on_backend!(self.checklist())
    }

    /// Sets a checklist row (or adds one, given its names); Ok(false) when
    /// the row is new and has no names.
    pub async fn set_requirement(
        &self,
        actor: &str,
        row: &ChecklistRow,
    ) -> Result<bool, StoreError> {
        on_backend!(self.set_requirement(actor, row))
    }

    /// Every office setting with its source, by key.
    pub async fn settings(&self) -> Result<Vec<SettingRow>, StoreError> {
        on_backend!(self.settings())
    }

    pub async fn setting_version(&self, key: &str) -> Result<Option<i64>, StoreError> {
        on_backend!(self.setting_version(key))
    }

    pub async fn set_setting(
        &self,
        actor: &str,
        row: &SettingRow,
        seen_version: Option<i64>,
    ) -> Result<i64, StoreError> {
        on_backend!(self.set_setting(actor, row, seen_version))
    }

    pub async fn audit_head(&self) -> Result<Option<(i64, String)>, StoreError> {
        on_backend!(self.audit_head())
    }

    /// Pending filings received before `before`.
    pub async fn pending_received_before(
        &self,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<i64, StoreError> {
        on_backend!(self.pending_received_before(before))
    }

    pub async fn counts(&self, today: NaiveDate) -> Result<Counts, StoreError> {
        on_backend!(self.counts(today))
    }

    /// Walks the whole audit chain in one snapshot: `Ok(Ok(n))` when it is
    /// intact with `n` entries, `Ok(Err(break))` at the first break.
    pub async fn verify_audit(&self) -> Result<Result<u64, ChainBreak>, StoreError> {
        on_backend!(self.verify_audit(&[]))
    }

    /// As `verify_audit`, and the log must still extend every anchor
    /// recorded outside the database (`audit anchor`).
    pub async fn verify_audit_against(
        &self,
        anchors: &[crate::domain::audit::Anchor],
    ) -> Result<Result<u64, ChainBreak>, StoreError> {
        on_backend!(self.verify_audit(anchors))
    }

    /// Moves whenever anything is changed (the audit log's newest entry) or
    /// a filing is opened for review at a desk (its lease).
    pub async fn change_marker(&self) -> Result<ChangeMarker, StoreError> {
        on_backend!(self.change_marker())
    }
}

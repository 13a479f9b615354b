//! The store's face for `backend/lists.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// One page of a pane's list.
    pub async fn list_page(
        &self,
        kind: ListKind,
        req: &PageRequest,
    ) -> Result<Vec<ListItem>, StoreError> {
        on_backend!(self.list_page(kind, req))
    }

    /// Today's standing; `cases_soon` ends the days counted as "due soon".
    pub async fn dashboard(
        &self,
        today: NaiveDate,
        cases_soon: NaiveDate,
    ) -> Result<Dashboard, StoreError> {
        on_backend!(self.dashboard(today, cases_soon))
    }

    /// How many open cases each view holds, its filter aside.
    pub async fn case_view_counts(
        &self,
        scopes: &[crate::store::QueueScope],
    ) -> Result<Vec<i64>, StoreError> {
        on_backend!(self.case_view_counts(scopes))
    }

    /// Streams every searchable record to `each` (licences, employers, persons).
    pub async fn each_lookup_row(
        &self,
        each: impl FnMut(LookupRow) + Send,
    ) -> Result<usize, StoreError> {
        on_backend!(self.each_lookup_row(each))
    }
}

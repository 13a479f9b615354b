//! The store's face for `backend/campaigns.rs`: each method runs on whichever
//! database is open.

use crate::store::*;

impl Store {
    /// Records a campaign or patrol. Ok is its id.
    pub async fn add_campaign(
        &self,
        actor: &Staff,
        theme: &str,
        patrol: bool,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i64, StoreError> {
        on_backend!(self.add_campaign(actor, theme, patrol, from, to))
    }

    /// Campaigns (one, or all newest first) with their inspections counted.
    pub async fn campaigns(&self, only: Option<i64>) -> Result<Vec<CampaignRow>, StoreError> {
        on_backend!(self.campaigns(only))
    }

    /// A campaign's inspections, by planned day.
    pub async fn campaign_inspections(
        &self,
        campaign: i64,
    ) -> Result<Vec<CampaignInspectionRow>, StoreError> {
        on_backend!(self.campaign_inspections(campaign))
    }

    /// An inspection's planned day and campaign, if it exists.
    /// Inspections planned from `from` to `to` in no campaign yet, the
    /// earliest first (at most 200): those a campaign may take in.
    pub async fn inspections_to_group(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<(i64, chrono::NaiveDate, String, String)>, StoreError> {
        on_backend!(self.inspections_to_group(from, to))
    }

    pub async fn inspection_plan(
        &self,
        id: i64,
    ) -> Result<Option<(NaiveDate, Option<i64>)>, StoreError> {
        on_backend!(self.inspection_plan(id))
    }

    /// The source of the lead that started an inspection, and whether it
    /// belongs to a campaign.
    pub async fn inspection_source(&self, id: i64) -> Result<(Option<String>, bool), StoreError> {
        on_backend!(self.inspection_source(id))
    }

    /// Groups inspections under a campaign, all or none.
    pub async fn group_inspections(
        &self,
        actor: &Staff,
        campaign: i64,
        inspections: &[i64],
    ) -> Result<(), StoreError> {
        on_backend!(self.group_inspections(actor, campaign, inspections))
    }
}

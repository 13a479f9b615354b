//! The store's face for supervision of licensed bodies: leads, campaigns,
//! zone teams, the inspection queue and the public register.

use super::*;

impl Store {
    /// Records a lead against a licence. Ok is its id and the licence number.
    pub async fn add_lead(
        &self,
        actor: &Staff,
        licence: i64,
        source: &str,
        summary: &str,
        on: NaiveDate,
    ) -> Result<(i64, String), StoreError> {
        on_backend!(self.add_lead(actor, licence, source, summary, on))
    }

    /// Leads, newest first; `open_only`: those that started no inspection.
    pub async fn leads(&self, open_only: bool) -> Result<Vec<LeadRow>, StoreError> {
        on_backend!(self.leads(open_only))
    }

    /// What deciding a lead's inspection needs.
    pub async fn lead_facts(&self, lead: i64) -> Result<Option<LeadFacts>, StoreError> {
        on_backend!(self.lead_facts(lead))
    }

    /// Plans the inspection a lead starts, once. Ok is the inspection's id.
    pub async fn inspect_lead(
        &self,
        actor: &Staff,
        lead: i64,
        licence: i64,
        method: &str,
        on: NaiveDate,
        team: &[i64],
    ) -> Result<i64, StoreError> {
        on_backend!(self.inspect_lead(actor, lead, licence, method, on, team))
    }

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

    /// The supervision zones by code: (code, name).
    pub async fn zones(&self) -> Result<Vec<(String, String)>, StoreError> {
        on_backend!(self.zones())
    }

    /// The inspector teams in the order formed, with their members' names.
    pub async fn teams(&self) -> Result<Vec<(i64, String, Vec<String>)>, StoreError> {
        on_backend!(self.teams())
    }

    /// Forms an inspector team. Ok is its id.
    pub async fn add_team(
        &self,
        actor: &Staff,
        name: &str,
        members: &[i64],
    ) -> Result<i64, StoreError> {
        on_backend!(self.add_team(actor, name, members))
    }

    /// Pending inspections and open audit tasks, oldest first.
    pub async fn inspection_queue(&self) -> Result<Vec<InspectionQueueRow>, StoreError> {
        on_backend!(self.inspection_queue())
    }

    /// The public register of licence holders.
    pub async fn public_register(&self, kind: &str) -> Result<Vec<RegisterRow>, StoreError> {
        on_backend!(self.public_register(kind))
    }
}

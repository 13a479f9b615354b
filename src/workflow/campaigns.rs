//! Special campaigns and patrols at the desk: set one up, group inspections
//! under it, show its progress — for the screen and the command line alike.

use crate::domain::campaign::{check_new, may_join};
use crate::domain::permissions::{Act, may};
use crate::i18n::{self, Lang};
use crate::store::Store;
use crate::workflow::Cx;
use chrono::NaiveDate;

/// Sets up a campaign (or a patrol). Ok is the sentence to show.
pub async fn add(
    cx: &Cx<'_>,
    theme: &str,
    patrol: bool,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<String, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    if !may(staff, Act::SetUpCampaign) {
        return Err(i18n::campaigns_for_chiefs(lang).to_string());
    }
    check_new(theme, from, to).map_err(|e| i18n::campaign_error(lang, &e, 0))?;
    let id = store
        .add_campaign(staff, theme.trim(), patrol, from, to)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    Ok(i18n::campaign_added(lang, id, patrol))
}

/// Groups inspections under a campaign, all or none. Ok is the sentence.
pub async fn group(cx: &Cx<'_>, campaign: i64, inspections: &[i64]) -> Result<String, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    cx.allowed(Act::GroupIntoCampaign)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let c = one(store, lang, campaign).await?;
    let mut ids = inspections.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for &id in &ids {
        let (planned_on, current) = store
            .inspection_plan(id)
            .await
            .map_err(fail)?
            .ok_or_else(|| i18n::no_inspection(lang, id))?;
        may_join(planned_on, current, c.starts_on, c.ends_on)
            .map_err(|e| i18n::campaign_error(lang, &e, id))?;
    }
    store
        .group_inspections(staff, campaign, &ids)
        .await
        .map_err(fail)?;
    Ok(i18n::inspections_grouped(lang, campaign, ids.len()))
}

/// A campaign and its inspections as lines.
pub async fn show(store: &Store, lang: Lang, campaign: i64) -> Result<Vec<String>, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let c = one(store, lang, campaign).await?;
    let mut lines = vec![i18n::campaign_line(lang, &c)];
    for r in store.campaign_inspections(campaign).await.map_err(fail)? {
        lines.push(format!(
            "#{}\t{}\t{}\t{}\t{}",
            r.id,
            r.planned_on,
            i18n::printable(&r.number),
            i18n::printable(&r.holder),
            i18n::inspection_result(lang, &r.result)
        ));
    }
    Ok(lines)
}

/// The campaign `id`, or the sentence saying there is none.
async fn one(store: &Store, lang: Lang, id: i64) -> Result<crate::store::CampaignRow, String> {
    store
        .campaigns(Some(id))
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .pop()
        .ok_or_else(|| i18n::no_campaign(lang, id))
}

//! Leads about a licence holder (线索) recorded at the desk, and the
//! inspection one starts, for the screen and the command line alike.

use crate::domain::lead::{TeamError, check_team};
use crate::domain::permissions::Act;
use crate::domain::{InspectionMethod, LeadSource, Role};
use crate::i18n::{self, Lang};
use crate::store::{LeadRow, Store};
use crate::workflow::Cx;
use chrono::NaiveDate;

/// Records a lead received today. Ok is the sentence to show.
pub async fn add(cx: &Cx<'_>, licence: i64, source: &str, summary: &str) -> Result<String, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    cx.allowed(Act::RecordLead)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let source =
        LeadSource::parse(source.trim()).ok_or_else(|| i18n::bad_lead_source(lang, source))?;
    let summary = summary.trim();
    if summary.is_empty() || summary.chars().count() > 500 {
        return Err(i18n::lead_summary_needed(lang).to_string());
    }
    store
        .licence_kind(licence)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_licence(lang, licence))?;
    let (id, number) = store
        .add_lead(staff, licence, source.code(), summary, today)
        .await
        .map_err(fail)?;
    Ok(i18n::lead_recorded(lang, id, &number))
}

/// Starts the inspection of a lead with the team named by login, planned
/// on `on` (today or later). Ok is the sentence to show; nothing is written
/// on an Err.
pub async fn inspect(
    cx: &Cx<'_>,
    lead: i64,
    method: &str,
    on: NaiveDate,
    logins: &[String],
) -> Result<String, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    cx.allowed(Act::InspectFromLead)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let method =
        InspectionMethod::parse(method.trim()).ok_or_else(|| i18n::bad_method(lang, method))?;
    if on < today {
        return Err(i18n::planned_in_the_past(lang, on, today));
    }
    let facts = store
        .lead_facts(lead)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_lead(lang, lead))?;
    if let Some(i) = facts.inspection {
        return Err(i18n::lead_already_inspected(lang, lead, i));
    }
    let distinct = team_of(store, lang, logins, &facts.conflicted).await?;
    let inspection = store
        .inspect_lead(staff, lead, facts.licence, method.code(), on, &distinct)
        .await
        .map_err(fail)?;
    Ok(i18n::lead_inspection_planned(lang, lead, inspection, on))
}

/// The leads as lines: a head with the counts, then each lead.
pub fn lines(lang: Lang, rows: &[LeadRow]) -> Vec<String> {
    let open = rows.iter().filter(|r| r.inspection_id.is_none()).count();
    let mut out = vec![i18n::leads_head(lang, rows.len(), open)];
    for r in rows {
        let source = r.source.label(lang);
        let inspection = r
            .inspection_id
            .map_or_else(|| "-".to_string(), |i| format!("#{i}"));
        out.push(format!(
            "#{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.id,
            r.received_on,
            i18n::printable(&r.number),
            i18n::printable(&r.holder),
            source,
            i18n::printable(&r.summary),
            inspection
        ));
    }
    out
}

/// The staff named by login as a team (ids, distinct and sorted): two
/// active inspectors at least, none of them `conflicted`. Err is a sentence
/// naming whoever is wrong.
pub async fn team_of(
    store: &Store,
    lang: Lang,
    logins: &[String],
    conflicted: &[i64],
) -> Result<Vec<i64>, String> {
    let mut members = Vec::new();
    for login in logins {
        let s = store
            .staff_by_login(login.trim())
            .await
            .map_err(|e| i18n::store_error(lang, &e))?
            .ok_or_else(|| i18n::not_on_staff(lang, login))?;
        members.push(s);
    }
    let ids: Vec<i64> = members.iter().map(|s| s.id).collect();
    let inspectors: Vec<i64> = members
        .iter()
        .filter(|s| s.active && s.has(Role::Inspector))
        .map(|s| s.id)
        .collect();
    check_team(&ids, &inspectors, conflicted).map_err(|e| {
        let who = match &e {
            TeamError::NotInspector(id) | TeamError::Conflicted(id) => members
                .iter()
                .find(|s| s.id == *id)
                .map_or(String::new(), |s| s.login.clone()),
            TeamError::TooFew => String::new(),
        };
        i18n::team_error(lang, &e, &who)
    })?;
    let mut distinct = ids;
    distinct.sort_unstable();
    distinct.dedup();
    Ok(distinct)
}

//! Zone supervision at the desk: forming inspector teams, and the quarter's
//! rota of which team watches which zone.

use crate::domain::permissions::{Act, may};
use crate::domain::zone::{Period, rotation};
use crate::i18n::{self, Lang};
use crate::store::Store;
use crate::workflow::Cx;

/// Forms an inspector team of two or more active inspectors. Ok is the
/// sentence to show.
pub async fn add_team(cx: &Cx<'_>, name: &str, logins: &[String]) -> Result<String, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    if !may(staff, Act::FormTeam) {
        return Err(i18n::teams_for_chiefs(lang).to_string());
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 50 {
        return Err(i18n::team_name_needed(lang).to_string());
    }
    let distinct = crate::workflow::leads::team_of(store, lang, logins, &[]).await?;
    let id = store
        .add_team(staff, name, &distinct)
        .await
        .map_err(|e| match e {
            crate::store::StoreError::Duplicate(_) => i18n::team_name_taken(lang, name),
            other => i18n::store_error(lang, &other),
        })?;
    Ok(i18n::team_added(lang, id, name))
}

/// The period's rota as lines: a head, then each zone with its team.
/// A zone without a team says how to form one `on_screen` or by command.
pub async fn rota(
    store: &Store,
    lang: Lang,
    period: Period,
    on_screen: bool,
) -> Result<Vec<String>, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let zones = store.zones().await.map_err(fail)?;
    let teams = store.teams().await.map_err(fail)?;
    let mut lines = vec![i18n::rota_head(
        lang,
        &period.to_string(),
        zones.len(),
        teams.len(),
    )];
    for ((code, name), team) in zones.iter().zip(rotation(zones.len(), teams.len(), period)) {
        let watched_by = team.map_or_else(
            || i18n::no_team(lang, on_screen).to_string(),
            |t| format!("{}（{}）", teams[t].1, teams[t].2.join("、")),
        );
        lines.push(format!(
            "{}\t{}\t{}",
            i18n::printable(code),
            i18n::printable(name),
            i18n::printable(&watched_by)
        ));
    }
    Ok(lines)
}

//! Running, replaying and publishing a random inspection draw: the pools
//! built from the database, the draw made by `domain::draw`, and the record
//! kept so that it can be replayed byte for byte.

use crate::domain::draw::{self, Inspector, Plan, Target};
use crate::domain::permissions::Act;
use crate::i18n::{self, Lang};
use crate::store::{DrawFacts, NewDraw, Store};
use crate::workflow::Cx;
use std::collections::HashMap;

/// The pools as the draw takes them, from the database's facts; the
/// inspectors of each target's newest `rounds` inspections are kept off it.
pub fn pools(f: &DrawFacts, rounds: usize) -> (Vec<Target>, Vec<Inspector>) {
    let mut history: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
    for (licence, inspection, staff) in &f.teams {
        history
            .entry(*licence)
            .or_default()
            .push((*inspection, *staff));
    }
    // The newest inspection of each licence, and who made it (two or more).
    let mut last: HashMap<i64, (i64, Vec<i64>)> = HashMap::new();
    for (licence, inspection, staff) in &f.teams {
        let e = last.entry(*licence).or_insert((*inspection, Vec::new()));
        if e.0 == *inspection {
            e.1.push(*staff);
        }
    }
    let targets = f
        .targets
        .iter()
        .map(|(id, complaints, bad)| Target {
            id: *id,
            weight: draw::weight(*complaints, *bad > 0),
            last_pair: last
                .get(id)
                .and_then(|(_, team)| (team.len() >= 2).then(|| (team[0], team[1]))),
            recent: history
                .get(id)
                .map_or_else(Vec::new, |h| draw::kept_off(h, rounds)),
        })
        .collect();
    let inspectors = f
        .inspectors
        .iter()
        .map(|s| Inspector {
            id: *s,
            conflicts: f
                .conflicts
                .iter()
                .filter(|(staff, _)| staff == s)
                .map(|(_, l)| *l)
                .collect(),
        })
        .collect();
    (targets, inspectors)
}

/// For how many rounds an inspector is kept off a target they inspected
/// (`draw.rotation_rounds`, 0 to 10; 1 unless the office sets another).
pub async fn rotation_rounds(store: &Store) -> usize {
    store
        .setting("draw.rotation_rounds")
        .await
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n <= 10)
        .unwrap_or(1)
}

/// A seed fixed now, from the clock and the process (shown before anything
/// is drawn, and recorded).
pub fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    nanos ^ (u64::from(std::process::id()) << 32)
}

pub use crate::domain::draw::Drawn;

/// Draws (a section chief's act) and records it with its inspections.
pub async fn run(
    cx: &Cx<'_>,
    name: &str,
    kind: &str,
    zone: &str,
    plan: Plan,
) -> Result<Drawn, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    cx.allowed(Act::RunDraw)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let facts = store.draw_facts(kind, zone).await.map_err(fail)?;
    let (targets, inspectors) = pools(&facts, rotation_rounds(store).await);
    let result =
        draw::draw(&plan, &targets, &inspectors).map_err(|e| i18n::draw_error(lang, &e))?;
    let record = NewDraw {
        name: name.trim().to_string(),
        kind: kind.to_string(),
        zone: zone.to_string(),
        ratio_permille: i64::from(plan.ratio_permille),
        per_target: plan.per_target as i64,
        seed: plan.seed.to_string(),
        targets: serde_json::to_string(&targets).expect("pools serialise"),
        inspectors: serde_json::to_string(&inspectors).expect("pools serialise"),
        targets_hash: draw::pool_hash(&targets),
        inspectors_hash: draw::pool_hash(&inspectors),
        result: String::from_utf8(draw::result_bytes(&result)).expect("JSON is UTF-8"),
        result_hash: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(draw::result_bytes(
            &result,
        ))),
        picks: result
            .picks
            .iter()
            .map(|p| (p.target, p.inspectors.clone()))
            .collect(),
    };
    let id = store
        .record_draw(staff, &record, today)
        .await
        .map_err(fail)?;
    Ok(Drawn {
        id,
        seed: plan.seed,
        targets: targets.len(),
        inspectors: inspectors.len(),
        targets_hash: record.targets_hash,
        inspectors_hash: record.inspectors_hash,
        result,
    })
}

/// Re-runs a recorded draw from its record: Ok(true) when the pools still
/// have their fingerprints and the result is the same to the byte.
pub async fn replay(store: &Store, lang: Lang, id: i64) -> Result<bool, String> {
    let d = store
        .draw_record(id)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .ok_or_else(|| i18n::no_draw(lang, id))?;
    let bad = || i18n::draw_record_damaged(lang, id);
    let targets: Vec<Target> = serde_json::from_str(&d.targets).map_err(|_| bad())?;
    let inspectors: Vec<Inspector> = serde_json::from_str(&d.inspectors).map_err(|_| bad())?;
    let plan = Plan {
        seed: d.seed.parse().map_err(|_| bad())?,
        ratio_permille: u32::try_from(d.ratio_permille).map_err(|_| bad())?,
        per_target: usize::try_from(d.per_target).map_err(|_| bad())?,
    };
    let pools_intact = draw::pool_hash(&targets) == d.targets_hash
        && draw::pool_hash(&inspectors) == d.inspectors_hash;
    let again = draw::draw(&plan, &targets, &inspectors).map_err(|e| i18n::draw_error(lang, &e))?;
    Ok(pools_intact && draw::result_bytes(&again) == d.result.as_bytes())
}

/// A draw as published: its header (seed, pool and result fingerprints),
/// then one line a target — licence number, holder, its inspectors.
pub async fn show(store: &Store, lang: Lang, id: i64) -> Result<Vec<String>, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let d = store
        .draw_record(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_draw(lang, id))?;
    let names = store.draw_names(id).await.map_err(fail)?;
    let mut lines = vec![i18n::draw_header(lang, &d)];
    let mut last: Option<(String, String)> = None;
    let mut team: Vec<String> = Vec::new();
    let flush = |lines: &mut Vec<String>, last: &Option<(String, String)>, team: &[String]| {
        if let Some((n, h)) = last {
            lines.push(format!(
                "{}\t{}\t{}",
                i18n::printable(n),
                i18n::printable(h),
                i18n::printable(&team.join("、"))
            ));
        }
    };
    for (number, holder, inspector) in names {
        if last.as_ref().is_none_or(|(n, _)| *n != number) {
            flush(&mut lines, &last, &team);
            last = Some((number, holder));
            team.clear();
        }
        team.push(inspector);
    }
    flush(&mut lines, &last, &team);
    Ok(lines)
}

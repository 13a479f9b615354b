//! Recording an inspection item by item, and climbing a licence's sanction
//! ladder, for the screen and the command line alike.

use crate::domain::check_items::{self, Outcome};
use crate::domain::ladder::{self, Step, Taken};
use crate::domain::{LicenceKind, Role, Staff};
use crate::i18n::{self, Lang};
use crate::store::Store;
use chrono::NaiveDate;

fn may_supervise(staff: &Staff) -> bool {
    staff.has(Role::Inspector) || staff.has(Role::Chief)
}

/// Records inspection `id`: every item of its kind (`rest` fills those not
/// named). Ok is the sentence to show.
#[allow(clippy::too_many_arguments)]
pub async fn record(
    store: &Store,
    staff: &Staff,
    lang: Lang,
    today: NaiveDate,
    id: i64,
    named: &[(String, Outcome)],
    rest: Option<Outcome>,
    origin: &str,
    approach: &str,
) -> Result<String, String> {
    if !may_supervise(staff) {
        return Err(i18n::inspection_for_inspectors(lang).to_string());
    }
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let (_, kind, result) = store
        .inspection_target(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_inspection(lang, id))?;
    if result != "pending" {
        return Err(i18n::inspection_recorded_already(lang, id));
    }
    let kind = LicenceKind::parse(&kind).ok_or_else(|| i18n::no_inspection(lang, id))?;
    let mut all: Vec<(String, Outcome)> = named.to_vec();
    if let Some(r) = rest {
        for (code, ..) in check_items::items(kind) {
            if !all.iter().any(|(c, _)| c == code) {
                all.push((code.to_string(), r.clone()));
            }
        }
    }
    let passed = check_items::check_record(kind, &all, origin, approach)
        .map_err(|e| i18n::record_error(lang, kind, &e))?;
    let rows: Vec<(String, String, String)> = all
        .iter()
        .map(|(c, o)| {
            let finding = match o {
                Outcome::Failed(f) => f.trim().to_string(),
                _ => String::new(),
            };
            (c.clone(), o.code().to_string(), finding)
        })
        .collect();
    store
        .record_inspection(staff, id, &rows, origin, approach, passed, today)
        .await
        .map_err(fail)?;
    Ok(i18n::inspection_recorded(lang, id, passed))
}

/// Takes a step of a licence's ladder (a section chief's act). Ok is the
/// sentence to show, which says when termination is now forced.
#[allow(clippy::too_many_arguments)]
pub async fn sanction(
    store: &Store,
    staff: &Staff,
    lang: Lang,
    today: NaiveDate,
    licence: i64,
    step: Step,
    deadline: Option<NaiveDate>,
    reason: &str,
) -> Result<String, String> {
    if !staff.has(Role::Chief) {
        return Err(i18n::draw_for_chiefs(lang).to_string());
    }
    if reason.trim().is_empty() {
        return Err(i18n::sanction_needs_reason(lang).to_string());
    }
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let (kind, term_start) = store
        .licence_kind(licence)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_licence(lang, licence))?;
    let kind = LicenceKind::parse(&kind).ok_or_else(|| i18n::no_licence(lang, licence))?;
    let taken: Vec<Taken> = store
        .sanction_steps(licence)
        .await
        .map_err(fail)?
        .into_iter()
        .filter_map(|(s, on)| Step::parse(&s).map(|step| Taken { step, on }))
        .collect();
    ladder::may_take(kind, &taken, step).map_err(|r| i18n::ladder_refusal(lang, kind, &r))?;
    if deadline.is_some_and(|d| d <= today) {
        return Err(i18n::deadline_in_past(lang).to_string());
    }
    store
        .add_sanction_step(staff, licence, step.code(), today, deadline, reason.trim())
        .await
        .map_err(fail)?;
    let mut after = taken;
    after.push(Taken { step, on: today });
    let forced = step != Step::Terminate && ladder::termination_forced(&after, term_start);
    Ok(i18n::sanction_taken(lang, step, forced))
}

/// Rectifications whose deadline passed without a re-inspection, as of `on`.
pub async fn rectifications_due(
    store: &Store,
    lang: Lang,
    on: NaiveDate,
) -> Result<Vec<crate::store::RectificationRow>, String> {
    Ok(store
        .rectifications()
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .into_iter()
        .filter(|r| ladder::rectification_overdue(r.deadline, r.reinspected_on, on))
        .collect())
}

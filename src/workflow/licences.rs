//! A licence holder's reported changes (name, address, legal
//! representative) with their filing's deadline, for the screen and the
//! command line alike. No SQL and no rule here.

use crate::domain::licence::{Changed, change_report_due, change_report_within};
use crate::domain::permissions::Act;
use crate::i18n::{self};
use crate::workflow::Cx;
use chrono::NaiveDate;

/// The longest value a change may carry.
const VALUE_MAX_CHARS: usize = 200;

/// Records the changes `licence`'s holder reported on `reported_on`, made
/// on `changed_on`; the licence takes the new values. Ok is the sentence,
/// which says when the report came late.
pub async fn report_change(
    cx: &Cx<'_>,
    licence: i64,
    changes: &[(Changed, String)],
    changed_on: NaiveDate,
    reported_on: NaiveDate,
) -> Result<String, String> {
    let Cx {
        store,
        calendar: cal,
        staff,
        lang,
        today,
    } = *cx;
    use crate::domain::procedure::acts;
    cx.allowed(Act::RecordAnnualReview)?;
    if changes.is_empty() {
        return Err(i18n::change_names_nothing(lang).to_string());
    }
    let mut clean = Vec::new();
    for (field, value) in changes {
        let v = value.trim();
        if v.is_empty() || v.chars().count() > VALUE_MAX_CHARS || v.chars().any(char::is_control) {
            return Err(i18n::bad_change_value(lang, *field));
        }
        clean.push((*field, v.to_string()));
    }
    acts::check_act_date(reported_on, today, Some(changed_on))
        .map_err(|r| i18n::act_date_refusal(lang, &r))?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let l = store
        .licence_standing(Some(licence), "")
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_licence(lang, licence))?;
    let kind = l.kind;
    let within =
        change_report_within(kind).ok_or_else(|| i18n::school_changes_are_approved(lang))?;
    let due = change_report_due(within, changed_on, cal);
    store
        .record_licence_change(staff, licence, &clean, changed_on, reported_on, due)
        .await
        .map_err(fail)?;
    let fields: Vec<&str> = clean.iter().map(|(f, _)| f.label(lang)).collect();
    Ok(i18n::change_recorded(
        lang,
        &fields.join(lang.pick("、", ", ")),
        due,
        reported_on,
        kind,
    ))
}

//! Deciding a filing, step by step, for the screen and the command line
//! alike: draft (check it, word its problems, draft the correction notice,
//! say whether this staff member may), then decide (check again at the
//! version read, apply, audit). No SQL here, and no rule: those live in
//! `store` and `domain`.

use crate::domain::decision::{Decision, change_for, may_decide};
use crate::domain::review::{Problem, check};
use crate::domain::{Staff, WorkCalendar};
use crate::i18n::{self, Lang};
use crate::store::Store;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Who acts, on which store and calendar, in which language, on which day:
/// what every act of a workflow starts from, built once by the command
/// line or the screen's runner.
#[derive(Debug, Clone, Copy)]
pub struct Cx<'a> {
    pub store: &'a Store,
    pub calendar: &'a WorkCalendar,
    pub staff: &'a Staff,
    pub lang: Lang,
    pub today: NaiveDate,
}

impl<'a> Cx<'a> {
    /// Ok when the staff member's roles allow `act`; else the sentence
    /// naming who may, for the workflow to return as it is.
    pub fn allowed(&self, act: crate::domain::permissions::Act) -> Result<(), String> {
        if crate::domain::permissions::may(self.staff, act) {
            Ok(())
        } else {
            Err(i18n::act_refused(self.lang, act))
        }
    }

    pub fn new(
        store: &'a Store,
        calendar: &'a WorkCalendar,
        staff: &'a Staff,
        lang: Lang,
        today: NaiveDate,
    ) -> Cx<'a> {
        Cx {
            store,
            calendar,
            staff,
            lang,
            today,
        }
    }
}

/// A filing's decision as drafted for confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: i64,
    pub version: i64,
    pub decision: Decision,
    /// Each problem as a sentence.
    pub problems: Vec<String>,
    /// The drafted one-time correction notice (for a return).
    pub notice: String,
    /// A return: the day the notice will say to correct by, were it
    /// returned today (the office's period from today).
    pub correction_due: Option<crate::domain::calendar::Deadline>,
    /// Why this staff member may not take the decision, if so.
    pub refused: Option<String>,
    /// Approving over problems: the chief must give a reason.
    pub needs_reason: bool,
}

/// The pending filing `id` with its facts; Err is a sentence.
async fn pending(
    store: &Store,
    lang: Lang,
    today: NaiveDate,
    id: i64,
) -> Result<crate::store::PendingFiling, String> {
    store
        .pending_filing_facts(today, Some(id))
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .pop()
        .ok_or_else(|| i18n::filing_not_pending(lang, id))
}

/// Checks a pending filing and drafts its decision. Err is a sentence.
pub async fn draft(cx: &Cx<'_>, id: i64, decision: Decision) -> Result<Draft, String> {
    let Cx {
        store,
        calendar,
        staff,
        lang,
        today,
    } = *cx;
    let f = pending(store, lang, today, id).await?;
    let found = check(&f.facts);
    let problems = sentences(store, lang, &found).await?;
    // The notice goes to the applicant in the office's language, Chinese,
    // whichever language the clerk's screen is in.
    let zh = Lang::Zh;
    let in_chinese = sentences(store, zh, &found).await?;
    let notice = i18n::correction_notice(zh, id, f.facts.kind.label(zh), &in_chinese);
    // Whether the decision is allowed at all, before any reason is typed.
    let probe = match decision {
        // A stand-in reason that says something: only the role is probed here.
        Decision::Approve => may_decide(
            staff,
            decision,
            &vec_of(problems.len()),
            Some("reason to be typed"),
            "",
        ),
        Decision::Return => may_decide(staff, decision, &[], None, &notice),
    };
    let needs_reason = decision == Decision::Approve && !problems.is_empty() && probe.is_ok();
    let correction_due = match decision {
        Decision::Return => Some(correction_due(store, calendar, today).await),
        Decision::Approve => None,
    };
    Ok(Draft {
        id,
        version: f.version,
        decision,
        problems,
        notice,
        correction_due,
        refused: probe.err().map(|r| i18n::refusal(lang, &r)),
        needs_reason,
    })
}

/// The day a filing returned on `returned_on` must be corrected by, over
/// the office's period (`filing.correction_days`, else the default).
pub async fn correction_due(
    store: &Store,
    calendar: &WorkCalendar,
    returned_on: NaiveDate,
) -> crate::domain::calendar::Deadline {
    let setting = store.setting("filing.correction_days").await.ok().flatten();
    let days = crate::domain::decision::correction_days(setting.as_deref());
    crate::domain::decision::correction_due(calendar, returned_on, days)
}

/// Each problem as a sentence, materials by their names. Err is a sentence.
pub async fn sentences(
    store: &Store,
    lang: Lang,
    problems: &[Problem],
) -> Result<Vec<String>, String> {
    let names: HashMap<String, (String, String)> = store
        .material_names()
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .into_iter()
        .map(|(code, zh, en)| (code, (zh, en)))
        .collect();
    let material = |code: &str| -> String {
        names.get(code).map_or_else(
            || code.to_string(),
            |(zh, en)| lang.pick(zh, en).to_string(),
        )
    };
    Ok(problems
        .iter()
        .map(|p| i18n::problem(lang, p, &material))
        .collect())
}

/// Placeholder problems to ask the rule whether this staff member could
/// approve over `n` of them at all.
fn vec_of(n: usize) -> Vec<Problem> {
    vec![Problem::NoReason; n]
}

/// Takes the decision at `version`: `text` is the notice of a return or the
/// reason of a chief's approval over problems. Ok is the sentence to show.
pub async fn decide(
    cx: &Cx<'_>,
    id: i64,
    version: i64,
    decision: Decision,
    text: &str,
) -> Result<String, String> {
    decide_or_why(cx, id, version, decision, text)
        .await
        .map_err(|(_, why)| why)
}

/// Why a decision was not taken: the sentence, and whether it is because
/// another desk decided the filing meanwhile.
type NotDecided = (Meanwhile, String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meanwhile {
    DecidedElsewhere,
    StillPending,
}

/// `decide`, telling a filing decided at another desk meanwhile apart.
async fn decide_or_why(
    cx: &Cx<'_>,
    id: i64,
    version: i64,
    decision: Decision,
    text: &str,
) -> Result<String, NotDecided> {
    let Cx {
        store,
        calendar,
        staff,
        lang,
        today,
    } = *cx;
    // Any failure may be another desk's decision (the facts read may be
    // those after it: an approved enrollment makes its person insured).
    let why = async |why: String| match meanwhile(store, lang, id).await {
        Some(sentence) => (Meanwhile::DecidedElsewhere, sentence),
        None => (Meanwhile::StillPending, why),
    };
    let f = match pending(store, lang, today, id).await {
        Ok(f) => f,
        Err(e) => return Err(why(e).await),
    };
    let problems = check(&f.facts);
    let (reason, overridden) = match decision {
        Decision::Approve => (text, (!problems.is_empty()).then_some(text)),
        Decision::Return => (text, None),
    };
    let change = change_for(&f.facts);
    let allowed = may_decide(staff, decision, &problems, overridden, reason).and_then(|()| {
        if decision == Decision::Approve {
            crate::domain::decision::applies(&f.facts, &change)
        } else {
            Ok(())
        }
    });
    if let Err(r) = allowed {
        return Err(why(i18n::refusal(lang, &r)).await);
    }
    // One reading of the clock: the day a return is counted from is the day
    // its record says it was decided.
    let decided_at = crate::domain::audit::audit_time(store.clock().now());
    let due = match decision {
        Decision::Return => {
            let returned_on = crate::domain::calendar::office_date(decided_at);
            Some(correction_due(store, calendar, returned_on).await)
        }
        Decision::Approve => None,
    };
    if let Err(e) = store
        .decide_filing(
            staff,
            id,
            version,
            &crate::store::FilingDecision {
                decision,
                reason,
                overridden,
                change: &change,
                decided_at,
                correction_due: due.map(|d| d.date),
            },
        )
        .await
    {
        return Err(why(i18n::store_error(lang, &e)).await);
    }
    Ok(i18n::filing_decided(lang, id, due.as_ref()))
}

/// If filing `id` was decided at another desk meanwhile, the sentence that
/// says so (and by whom); None while it is still pending.
async fn meanwhile(store: &Store, lang: Lang, id: i64) -> Option<String> {
    match store.filing_decided(id).await {
        Ok(Some((status, by))) if status != "pending" => {
            Some(i18n::decided_meanwhile(lang, id, by.as_deref()))
        }
        _ => None,
    }
}

/// Approves the given filings one by one; any with a problem is left out
/// and listed — by its name in `shown` (as the screen's list shows it),
/// else by its number — any decided at another desk meanwhile counted
/// apart. Ok is the sentence to show.
pub async fn approve_all(
    cx: &Cx<'_>,
    ids: &[i64],
    shown: &[(i64, String)],
) -> Result<String, String> {
    let Cx { store, lang, .. } = *cx;
    let (mut approved, mut elsewhere) = (0, 0);
    let mut left = Vec::new();
    for &id in ids {
        let outcome = match draft(cx, id, Decision::Approve).await {
            Ok(d) if d.refused.is_none() && d.problems.is_empty() => {
                let version = d.version;
                let decided = decide_or_why(cx, id, version, Decision::Approve, "");
                decided.await.map(drop).map_err(|(m, _)| m)
            }
            Ok(d) if d.refused.is_some() && d.problems.is_empty() => {
                return Err(d.refused.unwrap_or_default());
            }
            // Not pending, or with problems: perhaps another desk's doing.
            _ => match meanwhile(store, lang, id).await {
                Some(_) => Err(Meanwhile::DecidedElsewhere),
                None => Err(Meanwhile::StillPending),
            },
        };
        match outcome {
            Ok(()) => approved += 1,
            Err(Meanwhile::DecidedElsewhere) => elsewhere += 1,
            Err(Meanwhile::StillPending) => left.push(id),
        }
    }
    let left: Vec<String> = left
        .iter()
        .map(|id| match shown.iter().find(|(i, _)| i == id) {
            Some((_, name)) => name.clone(),
            None => i18n::filing_ref(lang, *id),
        })
        .collect();
    Ok(i18n::batch_done(lang, approved, elsewhere, &left))
}

/// The pending filings the checks find clean.
pub async fn clean_filings(
    store: &Store,
    lang: Lang,
    today: NaiveDate,
) -> Result<Vec<i64>, String> {
    // Checking them all anyway: what is found is recorded for the filter too.
    let found = recheck(store, today, None)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    let mut clean: Vec<i64> = found
        .into_iter()
        .filter(|(_, p)| p.is_empty())
        .map(|(id, _)| id)
        .collect();
    clean.sort_unstable();
    Ok(clean)
}

/// Each problem code of a filing with how often it occurs, as recorded.
pub fn tally(problems: &[Problem]) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = Vec::new();
    for p in problems {
        match out.iter_mut().find(|(c, _)| c == p.code()) {
            Some((_, n)) => *n += 1,
            None => out.push((p.code().to_string(), 1)),
        }
    }
    out
}

/// A person's data in full for `cx.staff`, who gave `reason`: refused to
/// one acting for another, for a reason that says nothing, or to a role
/// that may not; the look is audited with the reason. Ok(None): no such person.
pub async fn reveal(
    cx: &Cx<'_>,
    id: i64,
    reason: &str,
) -> Result<Option<crate::store::RevealedPerson>, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    if staff.acted_by.is_some() {
        Err(i18n::not_on_behalf(lang).to_string())
    } else if !crate::domain::mask::substantive_reason(reason) {
        Err(i18n::reveal_reason_says_nothing(lang).to_string())
    } else if staff.may_reveal() {
        store
            .reveal_person(&staff.login, id, reason)
            .await
            .map_err(|e| i18n::store_error(lang, &e))
    } else {
        Err(i18n::reveal_refused(lang).to_string())
    }
}

/// The counts the status line shows on `cx.today`, the filings past their
/// decision day among them.
pub async fn counts(cx: &Cx<'_>) -> Result<crate::store::Counts, crate::store::StoreError> {
    let mut c = cx.store.counts(cx.today).await?;
    c.overdue_filings = overdue_filings(cx).await?;
    c.overdue_complaints = overdue_complaints(cx).await?;
    Ok(c)
}

/// The dashboard on `cx.today`, with the filings past their decision day.
pub async fn dashboard(cx: &Cx<'_>) -> Result<crate::store::Dashboard, crate::store::StoreError> {
    let soon = cx.calendar.add_working_days(cx.today, 5).date;
    let mut d = cx.store.dashboard(cx.today, soon).await?;
    d.counts.overdue_filings = overdue_filings(cx).await?;
    d.counts.overdue_complaints = overdue_complaints(cx).await?;
    Ok(d)
}

async fn overdue_complaints(cx: &Cx<'_>) -> Result<i64, crate::store::StoreError> {
    let before = crate::domain::complaint::overdue_before(cx.calendar, cx.today);
    cx.store.pending_complaints_received_before(before).await
}

async fn overdue_filings(cx: &Cx<'_>) -> Result<i64, crate::store::StoreError> {
    let before = crate::domain::decision::filings_overdue_before(cx.calendar, cx.today);
    cx.store.pending_received_before(before).await
}

/// Marks filing `id` as in review at this desk for the office's lease
/// (the database's setting, 15 minutes if it has none it can use, as the
/// config files allow). Ok(Some) names who holds it instead, until when.
pub async fn take_lease(
    cx: &Cx<'_>,
    id: i64,
    lease: Option<crate::config::Lease>,
) -> Result<Option<(String, chrono::DateTime<chrono::Utc>)>, String> {
    let store = cx.store;
    let office = store
        .setting("review.lease_minutes")
        .await
        .ok()
        .flatten()
        .and_then(|m| m.parse::<u32>().ok())
        .filter(|m| (1..=480).contains(m))
        .unwrap_or(15);
    let minutes = i64::from(crate::config::Lease::minutes(lease, office));
    let now = crate::domain::audit::audit_time(store.clock().now());
    let until = now + chrono::Duration::minutes(minutes);
    store
        .take_lease(cx.staff.id, id, now, until)
        .await
        .map_err(|e| i18n::store_error(cx.lang, &e))
}

/// Up to this many filings are read one by one for a recheck; more, and
/// every pending filing is read at once.
const RECHECK_ONE_BY_ONE: usize = 64;

/// Checks the pending filings (every one, or just `only`) and records what
/// was found, for the queue's filter by problem. Filings no longer pending
/// are left out of the answer.
pub async fn recheck(
    store: &Store,
    today: NaiveDate,
    only: Option<&[i64]>,
) -> Result<HashMap<i64, Vec<Problem>>, crate::store::StoreError> {
    let filings = match only {
        None => store.pending_filing_facts(today, None).await?,
        // Many at once (a batch received): every pending filing read in one
        // pass is far cheaper than each read on its own, and what the
        // others find is recorded afresh on the way.
        Some(ids) if ids.len() > RECHECK_ONE_BY_ONE => {
            let wanted: std::collections::HashSet<i64> = ids.iter().copied().collect();
            return Box::pin(recheck(store, today, None)).await.map(|mut all| {
                all.retain(|id, _| wanted.contains(id));
                all
            });
        }
        Some(ids) => {
            let mut v = Vec::with_capacity(ids.len());
            for &id in ids {
                v.extend(store.pending_filing_facts(today, Some(id)).await?);
            }
            v
        }
    };
    let found: HashMap<i64, Vec<Problem>> =
        filings.iter().map(|f| (f.id, check(&f.facts))).collect();
    let rows: Vec<(i64, Vec<(String, i64)>)> =
        found.iter().map(|(id, p)| (*id, tally(p))).collect();
    store.record_problems(only.is_none(), &rows).await?;
    Ok(found)
}

/// How many problems each of these pending filings has (all the checks, not
/// only the materials), recorded on the way; filings no longer pending are
/// left out. A failure leaves the counts unknown (empty).
pub async fn problem_counts(store: &Store, today: NaiveDate, ids: &[i64]) -> HashMap<i64, usize> {
    recheck(store, today, Some(ids))
        .await
        .map(|m| m.into_iter().map(|(id, p)| (id, p.len())).collect())
        .unwrap_or_default()
}
pub mod annual;
pub mod backup;
pub mod campaigns;
pub mod case_acts;
pub mod case_moves;
pub mod case_papers;
pub mod case_views;
pub mod cases;
pub mod complaints;
pub mod documents;
pub mod draws;
pub mod export;
pub mod import;
pub mod intake;
pub mod leads;
pub mod licences;
pub mod statistics;
pub mod supervision;
pub mod zones;

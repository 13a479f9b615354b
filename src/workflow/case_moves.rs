//! Making a case's moves, for the screen and the command line alike: a
//! step as it happened (its day, its service, its decision, its approver)
//! judged by the procedure as of its own day, the decision's amount checked
//! against its article and the notice, and the move made at the version
//! read; assignment, the case file, and one step on many cases. No SQL and
//! no rule here.

use super::cases::{facts, next_deadline, next_due, settings};
use crate::domain::procedure::decide::{self, Asked, Notice, Proposed};
use crate::domain::procedure::{acts, documents_for, effect, may_assign, may_move};
use crate::domain::{CaseFileKind, CaseMove, CaseStage, DecisionKind, ServiceMethod, fines};
use crate::i18n::{self, Lang};
use crate::store::{ClockRow, Store};
use crate::workflow::Cx;
use chrono::NaiveDate;

/// A step as it happened: the move, the day it was made (or the paper
/// served), how it was served, the decision (or the penalty a notice
/// proposes), who approved it, and a note (the reason, where one is needed).
#[derive(Debug, Clone, Copy)]
pub struct Step<'a> {
    pub m: CaseMove,
    pub on: NaiveDate,
    pub served_by: ServiceMethod,
    pub decision: Option<Asked<'a>>,
    pub note: &'a str,
    /// The person the law names to approve a suspension or an extension.
    pub approved_by: &'a str,
    /// An order's deadline, or the day a suspension is expected to end.
    pub until: Option<NaiveDate>,
}

/// A decision (or a proposal) as the desk confirms it: its kind, the
/// article, the basis and the amount (fen), owned to cross to the runner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionTerms {
    pub kind: DecisionKind,
    pub article: String,
    pub workers: i64,
    /// What is owed, in fen.
    pub owed: i64,
    /// The fine (or the sum ordered), in fen.
    pub amount: i64,
}

impl DecisionTerms {
    pub fn asked(&self) -> Asked<'_> {
        Asked {
            kind: self.kind,
            article: &self.article,
            basis: crate::domain::fines::Basis {
                workers: self.workers,
                owed: self.owed,
                ..Default::default()
            },
            amount: Some(self.amount),
        }
    }
}

impl<'a> Step<'a> {
    /// A step on `on` with nothing more to it.
    pub fn on(m: CaseMove, on: NaiveDate) -> Step<'a> {
        Step {
            m,
            on,
            served_by: ServiceMethod::Direct,
            decision: None,
            note: "",
            approved_by: "",
            until: None,
        }
    }
}

/// Makes `m` on case `id` as `staff` today, any paper served in person;
/// `decision` is a fine's (article, basis, amount).
pub async fn make_move(
    cx: &Cx<'_>,
    id: i64,
    m: CaseMove,
    decision: Option<(&str, fines::Basis, i64)>,
    note: &str,
) -> Result<String, String> {
    let Cx { today, .. } = *cx;
    let step = Step {
        decision: decision.map(|(article, basis, amount)| Asked {
            kind: DecisionKind::Fine,
            article,
            basis,
            amount: Some(amount),
        }),
        note,
        ..Step::on(m, today)
    };
    make_move_on(cx, id, &step).await
}

/// What the case's notice proposed, as the case keeps it.
fn notice_of(r: &crate::store::CaseStateRow) -> Notice {
    let kind =
        DecisionKind::parse(&r.decision).or_else(|| (r.fine > 0).then_some(DecisionKind::Fine));
    match (r.notice_served_on, kind) {
        (None, _) => Notice::None,
        (Some(_), None) => Notice::Unrecorded,
        (Some(_), Some(kind)) => Notice::Proposed(Proposed {
            kind,
            amount: r.fine,
        }),
    }
}

/// Makes `step` on case `id` as `staff`, recorded `today`: the step is
/// judged as of its own day, and every clock runs from the days recorded,
/// so a case keyed in late gets the deadlines it would have had on the day.
/// Ok is the sentence to show; Err says why not.
// Long because a step is one judgement read in order: the case as of the
// step's day, the rule, the decision's terms, the clocks, the documents
// issued, then the write at the version read.
pub async fn make_move_on(cx: &Cx<'_>, id: i64, step: &Step<'_>) -> Result<String, String> {
    let Cx {
        store,
        calendar: cal,
        staff,
        lang,
        today,
    } = *cx;
    let Step {
        m,
        on,
        served_by,
        decision,
        note,
        approved_by,
        until,
    } = *step;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let settings = settings(store).await;
    let state = store
        .case_state(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_case(lang, id))?;
    let last = state.row.last_act_on.unwrap_or(state.row.registered_on);
    acts::check_act_date(on, today, Some(last)).map_err(|r| i18n::act_date_refusal(lang, &r))?;
    if note.chars().count() > acts::FACTS_MAX_CHARS || approved_by.chars().count() > 50 {
        return Err(i18n::open_refusal(lang, &acts::OpenRefusal::TooLong));
    }
    // Suspension, extension and termination each say why; the first two
    // also who approved them (条例 art 17: the bureau's head extends).
    if matches!(
        m,
        CaseMove::Suspend | CaseMove::Extend | CaseMove::Terminate
    ) && note.trim().is_empty()
    {
        return Err(i18n::needs_reason(lang, m));
    }
    if matches!(m, CaseMove::Suspend | CaseMove::Extend) && approved_by.trim().is_empty() {
        return Err(i18n::needs_approver(lang, &approver(store, m).await));
    }
    let mut f = facts(&state, settings, cal, on);
    f.deciding = decision.map(|d| d.kind);
    f.order_deadline_given = until.is_some_and(|d| d > on);
    f.act_on = Some(on);
    if m == CaseMove::ScheduleHearing
        && let Some(h) = until
    {
        acts::check_hearing_notice(cal, on, h).map_err(|r| i18n::case_refusal(lang, &r))?;
    }
    // Whether the step is allowed at all comes first, then its penalty.
    may_move(&f, m, staff, &documents_for(&f, m)).map_err(|r| i18n::case_refusal(lang, &r))?;
    // A decision's amount, or the penalty a prior notice proposes: checked
    // against its article; the proposal decides whether a hearing is offered.
    let decided = match (m, decision) {
        (CaseMove::Decide | CaseMove::PriorNotice | CaseMove::Renotice, Some(d)) => {
            let amount =
                decide::amount_of(m, &d, on).map_err(|r| i18n::decision_refusal(lang, &r))?;
            Some((amount, d))
        }
        (CaseMove::Decide, None) => {
            return Err(i18n::fine_refusal(
                lang,
                &fines::FineRefusal::UnknownArticle,
            ));
        }
        _ => None,
    };
    // A penalty on a licence holder is one its licence's ladder holds.
    if let (Some(licence), Some((_, d))) = (state.row.licence_id, decided) {
        on_the_ladder(store, lang, licence, d.kind).await?;
    }
    let threshold = settings.threshold_of(&state.row.respondent_kind);
    match (m, decided) {
        (CaseMove::PriorNotice | CaseMove::Renotice, Some((amount, d))) => {
            f.hearing_required |= decide::offers_hearing(d.kind, amount, threshold);
        }
        (CaseMove::Decide, Some((amount, d))) => decide::against_notice(
            notice_of(&state.row),
            d.kind,
            amount,
            f.hearing_required,
            threshold,
        )
        .map_err(|r| i18n::case_refusal(lang, &r))?,
        _ => {}
    }
    // The office's heads decide together after a hearing, and a penalty at
    // or above the amount its settings give (行政处罚法 art 57(2)).
    if let (CaseMove::Decide, Some((amount, d))) = (m, decided) {
        // Revoking a licence or stopping enrolment is a serious penalty
        // (art 57(2): 情节复杂或者重大违法行为): always decided together.
        f.discussion_required = d.kind.is_penalty()
            && (state.row.hearing_host_id.is_some()
                || amount >= settings.collective_discussion
                || d.kind.on_the_licence());
    }
    let attached = documents_for(&f, m);
    may_move(&f, m, staff, &attached).map_err(|r| i18n::case_refusal(lang, &r))?;
    let mut e = effect(m, staff, on, served_by);
    e.hearing_required = f.hearing_required;
    // An order's deadline; a stop of enrolment's last day, when it has one.
    let stops_enrolment = decided.is_some_and(|(_, d)| d.kind == DecisionKind::StopEnrolment);
    if m == CaseMove::Order || (m == CaseMove::Decide && stops_enrolment) {
        e.order_deadline = until;
    }
    // The decision on a licence holder, served: its step takes effect on
    // the licence from the day service took effect (行政处罚法 art 61).
    if m == CaseMove::Serve {
        e.licence = licence_act(&state.row, on, e.served_on.unwrap_or(on));
    }
    if m == CaseMove::ScheduleHearing {
        e.hearing_on = until;
    }
    if m == CaseMove::Suspend {
        e.suspended_until = until;
    }
    if matches!(m, CaseMove::Suspend | CaseMove::Extend) {
        e.approved_by = Some(approved_by.trim().to_string());
    }
    // The case as the move leaves it, for its next deadline.
    let mut after = state.row.clone();
    after.stage = e.to.unwrap_or(after.stage);
    after.opened_on = e.opened_on.or(after.opened_on);
    after.extended |= e.extended;
    after.notice_served_on = e.notice_served_on.or(after.notice_served_on);
    after.decided_on = e.decided_on.or(after.decided_on);
    after.served_on = e.served_on.or(after.served_on);
    after.reminder_served_on = e.reminder_served_on.or(after.reminder_served_on);
    if let Some((amount, _)) = decided {
        after.fine = amount;
    }
    let mut spans = state.suspensions.clone();
    match e.suspend {
        Some(true) => spans.push((on, None)),
        Some(false) => {
            if let Some(open) = spans.iter_mut().find(|(_, to)| to.is_none()) {
                open.1 = Some(on.pred_opt().unwrap_or(on));
            }
        }
        None => {}
    }
    let after = ClockRow::from(&after);
    let next = next_due(
        &after,
        next_deadline(cal, &after, &spans, today, settings).as_ref(),
    );
    let decision = decided.map(|(amount, d)| crate::store::DecisionWritten {
        amount,
        article: d.article,
        kind: d.kind.code(),
    });
    let rec = crate::store::CaseMoveRecord {
        m,
        effect: &e,
        attached: &attached,
        on,
        note,
        next: &next,
        decision,
    };
    store
        .move_case(staff, id, state.row.version, &rec)
        .await
        .map_err(fail)?;
    let mut said = i18n::case_moved(lang, &state.row.number, m);
    // 条例 art 9 / the office's rule: the complainant is told of a suspension.
    if m == CaseMove::Suspend && !state.row.anonymous && !state.row.informant_name.is_empty() {
        said.push_str(i18n::tell_the_complainant(lang));
    }
    Ok(said)
}

/// The ladder step a served decision takes on the case's licence: None
/// when the case is about no licence or its decision is no penalty.
fn licence_act(
    r: &crate::store::CaseStateRow,
    on: NaiveDate,
    effective: NaiveDate,
) -> Option<crate::domain::ladder::LicenceAct> {
    let licence = r.licence_id?;
    let step =
        DecisionKind::parse(&r.decision).and_then(crate::domain::ladder::Step::of_decision)?;
    Some(crate::domain::ladder::LicenceAct {
        licence,
        step,
        decided_on: r.decided_on.unwrap_or(on),
        on: effective,
        until: (step == crate::domain::ladder::Step::StopEnrolment)
            .then_some(r.order_deadline)
            .flatten(),
        // The grounds as the decision states them: its number and article.
        reason: format!(
            "{} {}",
            r.number,
            fines::article(&r.article).map_or(r.article.as_str(), |a| a.zh)
        ),
        case: Some(r.id),
    })
}

/// Refuses a penalty the case's licence's ladder does not hold, or one
/// after the licence's top step.
async fn on_the_ladder(
    store: &Store,
    lang: Lang,
    licence: i64,
    kind: DecisionKind,
) -> Result<(), String> {
    use crate::domain::ladder::{self, LadderRefusal, Step};
    if !kind.is_penalty() {
        return Ok(());
    }
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let l = store
        .licence_standing(Some(licence), "")
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_licence(lang, licence))?;
    let lk = l.kind;
    let taken = super::supervision::steps_taken(store, licence)
        .await
        .map_err(fail)?;
    let step = Step::of_decision(kind);
    step.ok_or(LadderRefusal::NotOnLadder)
        .and_then(|s| ladder::may_take(lk, &taken, s))
        .map_err(|r| i18n::ladder_refusal(lang, lk, &r))
}

/// Who the office's settings say approves a suspension or an extension.
async fn approver(store: &Store, m: CaseMove) -> String {
    let (key, default) = match m {
        CaseMove::Extend => ("case.extension_approver", "局负责人"),
        _ => ("case.suspension_approver", "科室负责人"),
    };
    store
        .setting(key)
        .await
        .ok()
        .flatten()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| default.to_string())
}

/// Puts `officer` and `inspectors` (logins) on case `id`, refusing a pair
/// that is too small or includes someone with a declared interest.
/// Adds evidence or a document to case `id`'s file. Ok is the sentence.
pub async fn add_to_file(
    cx: &Cx<'_>,
    id: i64,
    kind: CaseFileKind,
    on: NaiveDate,
    kept_at: &str,
    note: &str,
) -> Result<String, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    use crate::domain::permissions::Act;
    cx.allowed(Act::FileEvidence)?;
    if kept_at.trim().is_empty() {
        return Err(i18n::evidence_needs_place(lang).to_string());
    }
    store
        .add_case_file(staff, id, kind, on, kept_at.trim(), note.trim())
        .await
        .map(|_| i18n::case_filed(lang, kind))
        .map_err(|e| match e {
            crate::store::StoreError::Conflict { .. } => i18n::no_case(lang, id),
            e => i18n::store_error(lang, &e),
        })
}

pub async fn assign(
    cx: &Cx<'_>,
    id: i64,
    officer: &str,
    inspectors: &[&str],
) -> Result<String, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    if !crate::domain::permissions::may(staff, crate::domain::permissions::Act::AssignCase) {
        return Err(i18n::case_refusal(
            lang,
            &crate::domain::procedure::Refusal::WrongRole {
                needs: &[crate::domain::Role::Chief],
            },
        ));
    }
    let state = store
        .case_state(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_case(lang, id))?;
    let mut team = Vec::new();
    for login in inspectors {
        let s = store
            .staff_by_login(login)
            .await
            .map_err(fail)?
            .ok_or_else(|| i18n::unknown_staff(lang, login))?;
        team.push(s);
    }
    let officer = team
        .iter()
        .find(|s| s.login == officer)
        .map(|s| s.id)
        .ok_or_else(|| i18n::officer_not_in_team(lang, officer))?;
    let opened = state.row.stage >= CaseStage::Opened;
    let on_team =
        state.row.case_officer_id == Some(staff.id) || state.inspectors.contains(&staff.id);
    if opened && on_team {
        return Err(i18n::case_refusal(
            lang,
            &crate::domain::procedure::Refusal::TeamFixed,
        ));
    }
    may_assign(&team, &state.conflicted).map_err(|r| i18n::case_refusal(lang, &r))?;
    let mut ids: Vec<i64> = team.iter().map(|s| s.id).collect();
    // The officer first, each person once.
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    store
        .assign_case(staff, id, state.row.version, officer, &ids)
        .await
        .map_err(fail)?;
    Ok(i18n::case_assigned(lang, &state.row.number, ids.len()))
}

/// One step on each of `ids`: those refused are listed with why. Ok is the
/// sentence to show (Err only when none could be taken).
pub async fn move_all(cx: &Cx<'_>, ids: &[i64], m: CaseMove) -> Result<String, String> {
    let Cx { store, lang, .. } = *cx;
    let mut done = 0;
    let mut refused = Vec::new();
    for &id in ids {
        match make_move(cx, id, m, None, "").await {
            Ok(_) => done += 1,
            Err(why) => refused.push((case_label(store, id).await, why)),
        }
    }
    let said = i18n::bulk_done(lang, done, &refused);
    if done == 0 { Err(said) } else { Ok(said) }
}

/// The same officer and inspectors on each of `ids`.
pub async fn assign_all(
    cx: &Cx<'_>,
    ids: &[i64],
    officer: &str,
    inspectors: &[&str],
) -> Result<String, String> {
    let Cx { store, lang, .. } = *cx;
    if let [one] = ids {
        return assign(cx, *one, officer, inspectors).await;
    }
    let mut done = 0;
    let mut refused = Vec::new();
    for &id in ids {
        match assign(cx, id, officer, inspectors).await {
            Ok(_) => done += 1,
            Err(why) => refused.push((case_label(store, id).await, why)),
        }
    }
    let said = i18n::bulk_done(lang, done, &refused);
    if done == 0 { Err(said) } else { Ok(said) }
}

async fn case_label(store: &Store, id: i64) -> String {
    match store.case_state(id).await {
        Ok(Some(s)) => s.row.number,
        _ => id.to_string(),
    }
}

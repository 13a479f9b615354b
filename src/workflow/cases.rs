//! Working a case, for the screen and the command line alike: read its
//! state, ask the procedure whether the move is allowed, compute the clock it
//! sets, and make the move at the version read. The next deadline of every
//! open case, for the queue and `cases due`. No SQL and no rule here.

use crate::domain::clocks::{self, Explained, Suspension};
use crate::domain::procedure::decide::{self, Asked, DecisionRefusal, Notice, Proposed};
use crate::domain::procedure::{
    CaseFacts, acts, documents_for, effect, may_assign, may_move, queue_key,
};
use crate::domain::{
    CaseFileKind, CaseMove, CaseSource, CaseStage, DecisionKind, PartyKind, ServiceMethod, Staff,
    WorkCalendar, fines,
};
use crate::i18n::{self, Lang};
use crate::store::{CaseClock, CaseState, ClockRow, NextDue, Store};
use chrono::NaiveDate;

/// The locality's figures the procedure uses, from the settings table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseSettings {
    /// 较大数额 for a legal person or other organisation, in fen.
    pub hearing_threshold: i64,
    /// 较大数额 for a citizen or an individual business, in fen.
    pub hearing_threshold_person: i64,
    pub statement_days: u32,
    /// A penalty from this amount (fen) is decided by the heads together.
    pub collective_discussion: i64,
}

impl Default for CaseSettings {
    fn default() -> Self {
        CaseSettings {
            hearing_threshold: 10_000_00,
            hearing_threshold_person: 1_000_00,
            statement_days: 5,
            collective_discussion: 50_000_00,
        }
    }
}

impl CaseSettings {
    /// The hearing threshold for a party of this kind (行政处罚法 art 63:
    /// 较大数额, set locally, lower for citizens and individual businesses).
    pub fn hearing_threshold_for(&self, kind: PartyKind) -> i64 {
        match kind {
            PartyKind::Organisation => self.hearing_threshold,
            PartyKind::IndividualBusiness | PartyKind::Person => self.hearing_threshold_person,
        }
    }

    fn threshold_of(&self, kind: &str) -> i64 {
        self.hearing_threshold_for(PartyKind::parse(kind).unwrap_or(PartyKind::Organisation))
    }
}

pub async fn settings(store: &Store) -> CaseSettings {
    let d = CaseSettings::default();
    let read = |v: Option<String>| v.and_then(|v| v.trim().parse::<i64>().ok());
    CaseSettings {
        hearing_threshold: read(
            store
                .setting("case.hearing_threshold_fen")
                .await
                .ok()
                .flatten(),
        )
        .filter(|n| *n > 0)
        .unwrap_or(d.hearing_threshold),
        hearing_threshold_person: read(
            store
                .setting("case.hearing_threshold_person_fen")
                .await
                .ok()
                .flatten(),
        )
        .filter(|n| *n > 0)
        .unwrap_or(d.hearing_threshold_person),
        collective_discussion: read(
            store
                .setting("case.collective_discussion_fen")
                .await
                .ok()
                .flatten(),
        )
        .filter(|n| *n > 0)
        .unwrap_or(d.collective_discussion),
        statement_days: read(store.setting("case.statement_days").await.ok().flatten())
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (1..=30).contains(n))
            .unwrap_or(d.statement_days),
    }
}

fn suspensions(spans: &[(NaiveDate, Option<NaiveDate>)]) -> Vec<Suspension> {
    spans
        .iter()
        .map(|(from, to)| Suspension {
            from: *from,
            to: *to,
        })
        .collect()
}

/// What the case's decision leaves owed on `on`.
pub fn owed(s: &CaseState, cal: &WorkCalendar, on: NaiveDate) -> acts::Owed {
    // Only a money penalty adds 3 % a day (a case decided before decisions
    // had kinds decided a fine).
    let late_fee = DecisionKind::parse(&s.row.decision).is_none_or(DecisionKind::late_fee_applies);
    acts::owed(cal, s.row.fine, s.row.served_on, &s.payments, on, late_fee)
}

/// The procedure's view of a case on `today` (the day of the act judged).
pub fn facts(
    s: &CaseState,
    settings: CaseSettings,
    cal: &WorkCalendar,
    today: NaiveDate,
) -> CaseFacts {
    let r = &s.row;
    let owed = owed(s, cal, today);
    CaseFacts {
        rights_waived: r.rights_waived,
        paid_in_full: owed.paid_in_full(),
        payment_overdue: !owed.paid_in_full() && owed.due.is_some_and(|d| today > d),
        reminder_served: r.reminder_served_on.is_some(),
        court_window_open: match (r.served_on, r.reminder_served_on) {
            (Some(s), Some(rem)) => acts::court_window_open(cal, s, rem, today),
            _ => false,
        },
        court_applied: r.court_applied_on.is_some(),
        found_by_office: CaseSource::parse(&r.source).is_some_and(acts::found_by_office),
        deciding: None,
        order_deadline_given: false,
        hearing_on: r.hearing_on,
        act_on: None,
        discussion_required: false,
        stage: CaseStage::parse(&r.stage),
        case_officer: r.case_officer_id,
        inspectors: s.inspectors.clone(),
        suspended: r.suspended,
        extended: r.extended,
        hearing_required: r.hearing_required
            || fines::needs_hearing(r.fine, settings.threshold_of(&r.respondent_kind)),
        hearing_requested: r.hearing_requested,
        hearing_request_open: r
            .notice_served_on
            .is_some_and(|n| clocks::hearing_request_due(cal, n).due >= today),
        hearing_host: r.hearing_host_id,
        legal_reviewer: r.legal_reviewer_id,
        statement_open: r
            .notice_served_on
            .is_some_and(|n| clocks::statement_due(cal, n, settings.statement_days).due >= today),
        investigation_overdue: r.opened_on.is_some_and(|o| {
            clocks::investigation_due(cal, o, r.extended, &suspensions(&s.suspensions), today).due
                < today
        }),
        served: r.served_on.is_some(),
        conflicted: s.conflicted.clone(),
        on_file: s
            .on_file
            .iter()
            .filter_map(|k| CaseFileKind::parse(k))
            .collect(),
    }
}

/// The deadline that governs the case now, with how it was computed.
pub fn next_deadline(
    cal: &WorkCalendar,
    r: &ClockRow,
    spans: &[(NaiveDate, Option<NaiveDate>)],
    today: NaiveDate,
    settings: CaseSettings,
) -> Option<Explained> {
    let stage = CaseStage::parse(&r.stage)?;
    let investigation = || {
        r.opened_on
            .map(|o| clocks::investigation_due(cal, o, r.extended, &suspensions(spans), today))
    };
    match stage {
        // A case the office found itself has no acceptance to decide
        // (若干规定 art 18 is for complaints and reports): 及时立案, no fixed clock.
        CaseStage::Registered | CaseStage::Preliminary
            if CaseSource::parse(&r.source).is_some_and(acts::found_by_office) =>
        {
            None
        }
        CaseStage::Registered | CaseStage::Preliminary => Some(clocks::accept_due(
            cal,
            r.complaint_received_on.unwrap_or(r.registered_on),
        )),
        CaseStage::Opened | CaseStage::Investigating => investigation(),
        // The statement window runs inside the investigation's limit: the earlier one governs.
        CaseStage::PriorNotice => {
            let window = r
                .notice_served_on
                .map(|n| clocks::statement_due(cal, n, settings.statement_days));
            match (window, investigation()) {
                (Some(w), Some(i)) if i.due < w.due => Some(i),
                (Some(w), _) => Some(w),
                (None, i) => i,
            }
        }
        CaseStage::Defence => investigation(),
        CaseStage::Decided => match (r.served_on, r.decided_on) {
            // Served with nothing to pay (a warning): carried out, to close.
            (Some(_), _) if r.fine <= 0 => None,
            (Some(s), _) => Some(clocks::fine_due(cal, s)),
            (None, Some(d)) => Some(clocks::service_due(cal, d)),
            (None, None) => None,
        },
        CaseStage::Enforcing => r
            .served_on
            .map(|s| clocks::court_application_window(cal, s, r.reminder_served_on).1),
        CaseStage::Closed => None,
    }
}

/// What the queue keeps of a case's next deadline.
fn next_due(r: &ClockRow, d: Option<&Explained>) -> NextDue {
    let due_on = if r.stage == CaseStage::Closed.code() {
        None
    } else {
        d.map(|d| d.due)
    };
    NextDue {
        due_on,
        rule: d
            .filter(|_| due_on.is_some())
            .map_or("", |d| d.rule.code())
            .to_string(),
        queue_key: queue_key(r.mass_incident, due_on),
    }
}

/// Computes every open case's next deadline as of `today` and writes those
/// that changed; Ok is how many changed.
pub async fn recompute_deadlines(
    store: &Store,
    cal: &WorkCalendar,
    today: NaiveDate,
) -> Result<usize, crate::store::StoreError> {
    let settings = settings(store).await;
    // Computed as the rows arrive: the clocks run while the rest is read.
    let mut changed: Vec<(i64, i64, NextDue)> = Vec::new();
    store
        .each_case_deadline(|c| {
            let n = next_due(
                &c.row,
                next_deadline(cal, &c.row, &c.suspensions, today, settings).as_ref(),
            );
            // The queue key follows the date and the (unchanging) mass flag.
            if n.due_on != c.row.due_on || n.rule != c.row.due_rule {
                changed.push((c.row.id, c.row.version, n));
            }
        })
        .await?;
    if !changed.is_empty() {
        store.record_deadlines(&changed).await?;
    }
    Ok(changed.len())
}

/// `f` over the two halves of `items` on two threads (the office server
/// has few cores; every open case's clocks are worth both), results in order.
fn in_halves<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let (a, b) = items.split_at(items.len() / 2);
    std::thread::scope(|s| {
        let second = s.spawn(|| f(b));
        let mut out = f(a);
        out.extend(second.join().expect("the clocks do not panic"));
        out
    })
}

/// An open case with its next deadline, for the queue and `cases due`.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseDue {
    pub id: i64,
    pub number: String,
    pub stage: String,
    pub respondent: String,
    pub mass_incident: bool,
    pub deadline: Option<Explained>,
    pub working_days_left: Option<i64>,
    pub overdue: bool,
}

/// Every open case's next deadline as of `today`, the most pressing first
/// (a mass incident always first, then overdue, then the nearest).
pub fn due_list(
    cal: &WorkCalendar,
    cases: &[CaseClock],
    today: NaiveDate,
    settings: CaseSettings,
) -> Vec<CaseDue> {
    let mut out: Vec<CaseDue> = in_halves(cases, |part| {
        part.iter()
            .map(|c| {
                let deadline = next_deadline(
                    cal,
                    &ClockRow::from(&c.row),
                    &c.suspensions,
                    today,
                    settings,
                );
                let left = deadline
                    .as_ref()
                    .map(|d| clocks::working_days_left(cal, today, d.due));
                CaseDue {
                    id: c.row.id,
                    number: c.row.number.clone(),
                    stage: c.row.stage.clone(),
                    respondent: c.row.respondent_name.clone(),
                    mass_incident: c.row.mass_incident,
                    overdue: deadline.as_ref().is_some_and(|d| d.due < today),
                    deadline,
                    working_days_left: left,
                }
            })
            .collect()
    });
    out.sort_by_key(|c| {
        (
            !c.mass_incident,
            c.deadline.as_ref().map_or(NaiveDate::MAX, |d| d.due),
            c.id,
        )
    });
    out
}

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
#[allow(clippy::too_many_arguments)]
pub async fn make_move(
    store: &Store,
    cal: &WorkCalendar,
    staff: &Staff,
    lang: Lang,
    today: NaiveDate,
    id: i64,
    m: CaseMove,
    decision: Option<(&str, fines::Basis, i64)>,
    note: &str,
) -> Result<String, String> {
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
    make_move_on(store, cal, staff, lang, today, id, &step).await
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
pub async fn make_move_on(
    store: &Store,
    cal: &WorkCalendar,
    staff: &Staff,
    lang: Lang,
    today: NaiveDate,
    id: i64,
    step: &Step<'_>,
) -> Result<String, String> {
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
    let refused = |r: DecisionRefusal| match r {
        DecisionRefusal::Amount(r) => i18n::fine_refusal(lang, &r),
        DecisionRefusal::NoticeProposesPenalties => i18n::notice_proposes_penalties(lang).into(),
        DecisionRefusal::Procedure(r) => i18n::case_refusal(lang, &r),
    };
    // A decision's amount, or the penalty a prior notice proposes: checked
    // against its article; the proposal decides whether a hearing is offered.
    let decided = match (m, decision) {
        (CaseMove::Decide | CaseMove::PriorNotice | CaseMove::Renotice, Some(d)) => {
            Some((decide::amount_of(m, &d, on).map_err(refused)?, d))
        }
        (CaseMove::Decide, None) => {
            return Err(i18n::fine_refusal(
                lang,
                &fines::FineRefusal::UnknownArticle,
            ));
        }
        _ => None,
    };
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
        f.discussion_required = d.kind.is_penalty()
            && (state.row.hearing_host_id.is_some() || amount >= settings.collective_discussion);
    }
    let attached = documents_for(&f, m);
    may_move(&f, m, staff, &attached).map_err(|r| i18n::case_refusal(lang, &r))?;
    let mut e = effect(m, staff, on, served_by);
    e.hearing_required = f.hearing_required;
    if m == CaseMove::Order {
        e.order_deadline = until;
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
    after.stage = e.to.map_or(after.stage, |s| s.code().to_string());
    after.opened_on = e.opened_on.or(after.opened_on);
    after.extended |= e.extended;
    after.notice_served_on = e.notice_served_on.or(after.notice_served_on);
    after.decided_on = e.decided_on.or(after.decided_on);
    after.served_on = e.served_on.or(after.served_on);
    after.reminder_served_on = e.reminder_served_on.or(after.reminder_served_on);
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
    let written = decided.map(|(amount, d)| (amount, d.article, d.kind.code()));
    store
        .move_case(
            staff,
            id,
            state.row.version,
            m,
            &e,
            &attached,
            on,
            note,
            &next,
            written,
        )
        .await
        .map_err(fail)?;
    let mut said = i18n::case_moved(lang, &state.row.number, m);
    // 条例 art 9 / the office's rule: the complainant is told of a suspension.
    if m == CaseMove::Suspend && !state.row.anonymous && !state.row.informant_name.is_empty() {
        said.push_str(i18n::tell_the_complainant(lang));
    }
    Ok(said)
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
#[allow(clippy::too_many_arguments)]
pub async fn add_to_file(
    store: &Store,
    staff: &Staff,
    lang: Lang,
    id: i64,
    kind: CaseFileKind,
    on: NaiveDate,
    kept_at: &str,
    note: &str,
) -> Result<String, String> {
    use crate::domain::permissions::{Act, may};
    if !may(staff, Act::FileEvidence) {
        return Err(i18n::act_refused(lang, Act::FileEvidence));
    }
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
    store: &Store,
    staff: &Staff,
    lang: Lang,
    id: i64,
    officer: &str,
    inspectors: &[&str],
) -> Result<String, String> {
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
    let opened = CaseStage::parse(&state.row.stage).is_some_and(|st| st >= CaseStage::Opened);
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
pub async fn move_all(
    store: &Store,
    cal: &WorkCalendar,
    staff: &Staff,
    lang: Lang,
    today: NaiveDate,
    ids: &[i64],
    m: CaseMove,
) -> Result<String, String> {
    let mut done = 0;
    let mut refused = Vec::new();
    for &id in ids {
        match make_move(store, cal, staff, lang, today, id, m, None, "").await {
            Ok(_) => done += 1,
            Err(why) => refused.push((case_label(store, id).await, why)),
        }
    }
    let said = i18n::bulk_done(lang, done, &refused);
    if done == 0 { Err(said) } else { Ok(said) }
}

/// The same officer and inspectors on each of `ids`.
pub async fn assign_all(
    store: &Store,
    staff: &Staff,
    lang: Lang,
    ids: &[i64],
    officer: &str,
    inspectors: &[&str],
) -> Result<String, String> {
    if let [one] = ids {
        return assign(store, staff, lang, *one, officer, inspectors).await;
    }
    let mut done = 0;
    let mut refused = Vec::new();
    for &id in ids {
        match assign(store, staff, lang, id, officer, inspectors).await {
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

/// Quotes a CSV field (RFC 4180): always, doubling inner quotes; a field a
/// spreadsheet would take for a formula is marked as text with a leading '.
pub fn csv_field(s: &str) -> String {
    let guard = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", s.replace('"', "\"\""))
}

/// A table as CSV: a byte-order mark (so a spreadsheet opens it as UTF-8),
/// the head, then each row, every line ended by CRLF (RFC 4180).
pub fn csv_table<const N: usize>(
    head: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&head.map(csv_field).join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.map(|f| csv_field(&f)).join(","));
        out.push_str("\r\n");
    }
    out
}

/// The cases `ids` with their next deadline as CSV (with a byte-order mark,
/// so a spreadsheet opens it as UTF-8).
pub fn cases_csv(lang: Lang, list: &[CaseDue]) -> String {
    let head = match lang {
        Lang::Zh => [
            "案号",
            "阶段",
            "被投诉单位",
            "下一期限",
            "期限依据",
            "剩余工作日",
            "是否超期",
            "群体性事件",
        ],
        Lang::En => [
            "Case no.",
            "Stage",
            "Respondent",
            "Next deadline",
            "Rule",
            "Working days left",
            "Overdue",
            "Mass incident",
        ],
    };
    let yes = |b: bool| {
        if b {
            lang.pick("是", "yes")
        } else {
            lang.pick("否", "no")
        }
    };
    let rows = list.iter().map(|c| {
        let stage =
            CaseStage::parse(&c.stage).map_or(c.stage.clone(), |s| s.label(lang).to_string());
        [
            c.number.clone(),
            stage,
            c.respondent.clone(),
            c.deadline
                .as_ref()
                .map_or(String::new(), |d| d.due.to_string()),
            c.deadline.as_ref().map_or(String::new(), |d| {
                d.rule.label(lang == Lang::Zh).to_string()
            }),
            c.working_days_left.map_or(String::new(), |n| n.to_string()),
            yes(c.overdue).to_string(),
            yes(c.mass_incident).to_string(),
        ]
    });
    csv_table(head, rows)
}

/// Writes the cases `ids` to `~/hrss-desk-cases-YYYYMMDD-HHMMSS.csv` (the
/// folder the desk's user owns, over SSH too). Ok is the sentence to show.
pub async fn export(
    store: &Store,
    cal: &WorkCalendar,
    lang: Lang,
    today: NaiveDate,
    ids: &[i64],
) -> Result<String, String> {
    let settings = settings(store).await;
    let all = store
        .open_case_clocks()
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    let wanted: std::collections::HashSet<i64> = ids.iter().copied().collect();
    let chosen: Vec<CaseClock> = all
        .into_iter()
        .filter(|c| wanted.contains(&c.row.id))
        .collect();
    let list = due_list(cal, &chosen, today, settings);
    let stamp = store
        .clock()
        .now()
        .with_timezone(&crate::domain::calendar::office_offset())
        .format("%Y%m%d-%H%M%S");
    let dir = dirs::home_dir().unwrap_or_else(|| std::path::PathBuf::from("."));
    let path = dir.join(format!("hrss-desk-cases-{stamp}.csv"));
    crate::sheet::write_private(&path, cases_csv(lang, &list).as_bytes())
        .map_err(|e| i18n::export_failed(lang, &path.display().to_string(), &e))?;
    Ok(i18n::exported(
        lang,
        list.len(),
        &path.display().to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_opens_as_utf8_and_quotes_every_field() {
        let c = CaseDue {
            id: 1,
            number: "鹿人社监案〔2026〕016号".into(),
            stage: "investigating".into(),
            respondent: "某\"恒信\"公司, 鹿泉".into(),
            mass_incident: true,
            deadline: None,
            working_days_left: None,
            overdue: false,
        };
        let csv = cases_csv(Lang::Zh, &[c]);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0].split(',').count(), 8);
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(
            lines[1],
            "\"鹿人社监案〔2026〕016号\",\"调查取证\",\"某\"\"恒信\"\"公司, 鹿泉\",\"\",\"\",\"\",\"否\",\"是\""
        );
    }
}

//! A case's acts beyond the procedure's moves, for the command line and the
//! screen alike: a case registered from any source (a patrol, a review, a
//! campaign, an audit, a report — anonymous or not — a complaint, a mass
//! incident, a referral), a payment of its decision, and the case shown
//! whole with its history of acts. No SQL and no rule here.

use super::cases::{next_deadline, owed, settings};
use crate::domain::clocks;
use crate::domain::mask::{mask_middle, mask_phone};
use crate::domain::permissions::Act;
use crate::domain::procedure::acts::{self, NewCaseFacts};
use crate::domain::procedure::decide::{self, Asked};
use crate::domain::procedure::may_assign;
use crate::domain::procedure::queue_key;
use crate::domain::{
    CaseFileKind, CaseMove, CaseSource, CaseStage, InspectionMatter, PartyKind, ServiceMethod,
    Uscc, WorkCalendar,
};
use crate::i18n::{self, Lang};
use crate::store::{ClockRow, NextDue, OpenedCase, Store};
use crate::workflow::Cx;
use chrono::{Datelike, NaiveDate};

/// What registering a case asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenArgs {
    pub source: CaseSource,
    pub respondent_uscc: Option<String>,
    pub respondent: Option<String>,
    pub respondent_kind: PartyKind,
    pub matters: Vec<InspectionMatter>,
    pub facts: String,
    pub on: NaiveDate,
    pub anonymous: bool,
    pub informant: String,
    pub informant_phone: String,
    pub from_inspection: Option<i64>,
    pub from_lead: Option<i64>,
    pub from_campaign: Option<i64>,
    /// A penalty on a licence holder: the licence and the ladder step.
    pub licence: Option<(i64, crate::domain::ladder::Step)>,
}

/// A penalty decided on the spot (简易程序): the numbered form, the
/// decision, the inspectors present (the first is the case officer), and
/// whether it was collected there and then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpotArgs<'a> {
    pub number: String,
    pub decision: Asked<'a>,
    pub inspectors: Vec<String>,
    pub paid: bool,
}

/// Registers a case from any source. Ok is its id, its number and the
/// sentence to show.
pub async fn open(cx: &Cx<'_>, a: &OpenArgs) -> Result<(i64, String, String), String> {
    open_or_decide(cx, a, None).await
}

/// Records a penalty decided on the spot (行政处罚法 arts 51–52): a warning
/// or a fine up to 200 yuan on a citizen, 3,000 on an organisation, decided
/// and served the same day on a numbered form, filed with the office within
/// the days its settings give. Ok is its id, its number and the sentence.
pub async fn on_the_spot(
    cx: &Cx<'_>,
    a: &OpenArgs,
    spot: &SpotArgs<'_>,
) -> Result<(i64, String, String), String> {
    open_or_decide(cx, a, Some(spot)).await
}

async fn open_or_decide(
    cx: &Cx<'_>,
    a: &OpenArgs,
    spot: Option<&SpotArgs<'_>>,
) -> Result<(i64, String, String), String> {
    let Cx {
        store,
        calendar: cal,
        staff,
        lang,
        today,
    } = *cx;
    cx.allowed(Act::OpenCase)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    // The respondent: by credit code on the register, else by the name typed.
    let typed = a.respondent.as_deref().map(str::trim).unwrap_or("");
    let (employer, name) = match a.respondent_uscc.as_deref().map(str::trim) {
        Some(code) => {
            let u = Uscc::parse(code).map_err(|e| i18n::uscc_error(lang, &e))?;
            match store.employer_by_uscc(u.as_str()).await.map_err(fail)? {
                Some((id, name)) => (Some(id), name),
                None if !typed.is_empty() => (None, typed.to_string()),
                None => return Err(i18n::no_employer_with(lang, u.as_str())),
            }
        }
        None => (None, typed.to_string()),
    };
    let facts = NewCaseFacts {
        source: a.source,
        respondent: name.clone(),
        matters: a.matters.clone(),
        facts: a.facts.trim().to_string(),
        on: a.on,
        anonymous: a.anonymous,
        informant: a.informant.trim().to_string(),
        from_inspection: a.from_inspection.is_some(),
    };
    acts::check_new_case(&facts, today).map_err(|r| i18n::open_refusal(lang, &r))?;
    if a.informant_phone.chars().count() > 40 {
        return Err(i18n::open_refusal(lang, &acts::OpenRefusal::TooLong));
    }
    if let Some(i) = a.from_inspection
        && !store.inspection_exists(i).await.map_err(fail)?
    {
        return Err(i18n::no_such_record(lang, "检查", "inspection", i));
    }
    if let Some(l) = a.from_lead
        && !store.lead_exists(l).await.map_err(fail)?
    {
        return Err(i18n::no_such_record(lang, "线索", "lead", l));
    }
    if let Some(c) = a.from_campaign
        && !store.campaign_exists(c).await.map_err(fail)?
    {
        return Err(i18n::no_such_record(lang, "专项行动", "campaign", c));
    }
    let mass = a.source == CaseSource::MassIncident;
    let spot = match spot {
        Some(s) => Some(spot_record(store, cal, lang, today, a, employer, s).await?),
        None => None,
    };
    // Complaints and reports are accepted or refused within 5 working days;
    // a case the office found itself has no such clock; a fine decided on
    // the spot is paid within 15 days of that day.
    let due = match &spot {
        Some(s) if s.amount > 0 && !s.paid => Some(clocks::fine_due(cal, a.on)),
        Some(_) => None,
        None => (!acts::found_by_office(a.source)).then(|| clocks::accept_due(cal, a.on)),
    };
    let number_stem = super::cases::number_stem(store, a.on.year()).await;
    let matters: Vec<&str> = a.matters.iter().map(|m| m.code()).collect();
    let c = OpenedCase {
        number_stem,
        source: a.source.code().to_string(),
        respondent_employer_id: employer,
        respondent_name: name,
        respondent_kind: a.respondent_kind.code().to_string(),
        matters: matters.join(","),
        facts: facts.facts,
        on: a.on,
        anonymous: a.anonymous,
        informant_name: facts.informant,
        informant_phone: a.informant_phone.trim().to_string(),
        from_inspection_id: a.from_inspection,
        from_lead_id: a.from_lead,
        from_campaign_id: a.from_campaign,
        mass_incident: mass,
        licence: a.licence.map(|(l, s)| (l, s.code().to_string())),
        next: NextDue {
            due_on: due.as_ref().map(|d| d.due),
            rule: due.as_ref().map_or("", |d| d.rule.code()).to_string(),
            queue_key: queue_key(mass, due.as_ref().map(|d| d.due)),
        },
        spot,
    };
    let (id, number) = store.open_case(staff, &c).await.map_err(|e| match e {
        crate::store::StoreError::Duplicate(n) => i18n::spot_number_taken(lang, &n),
        e => i18n::store_error(lang, &e),
    })?;
    let said = match &c.spot {
        Some(s) => i18n::spot_recorded(lang, &number, id, s.filed_late),
        None => i18n::case_opened(lang, &number, id),
    };
    Ok((id, number, said))
}

/// What a decision on the spot comes to, checked: the inspectors present,
/// the amount in its article's range and within art 51's limit.
async fn spot_record(
    store: &Store,
    cal: &WorkCalendar,
    lang: Lang,
    today: NaiveDate,
    a: &OpenArgs,
    employer: Option<i64>,
    s: &SpotArgs<'_>,
) -> Result<crate::store::SpotRecord, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let mut team = Vec::new();
    for login in &s.inspectors {
        let member = store
            .staff_by_login(login.trim())
            .await
            .map_err(fail)?
            .ok_or_else(|| i18n::unknown_staff(lang, login))?;
        team.push(member);
    }
    let conflicted = match employer {
        Some(e) => store.conflicted_staff(e).await.map_err(fail)?,
        None => vec![],
    };
    may_assign(&team, &conflicted).map_err(|r| i18n::case_refusal(lang, &r))?;
    // The kind first: only a warning or a fine is decided on the spot.
    acts::spot_kind(s.decision.kind).map_err(|r| i18n::spot_refusal(lang, &r))?;
    let amount = decide::amount_of(CaseMove::Decide, &s.decision, a.on)
        .map_err(|r| i18n::decision_refusal(lang, &r))?;
    acts::check_on_the_spot(
        a.respondent_kind,
        s.decision.kind,
        amount,
        &s.number,
        s.paid,
    )
    .map_err(|r| i18n::spot_refusal(lang, &r))?;
    let days = store
        .setting("case.on_the_spot_filing_days")
        .await
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(2);
    let mut ids: Vec<i64> = team.iter().map(|m| m.id).collect();
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    Ok(crate::store::SpotRecord {
        number: s.number.trim().to_string(),
        decision: s.decision.kind.code().to_string(),
        article: s.decision.article.to_string(),
        amount,
        officer: ids[0],
        inspectors: ids,
        paid: s.paid,
        filed_late: !acts::filed_in_time(cal, a.on, today, days),
    })
}

/// Records a payment of case `id`'s decision made on `on`. Ok is the
/// sentence with what is still owed (the late fee counted to `on`).
pub async fn pay(
    cx: &Cx<'_>,
    id: i64,
    amount: i64,
    on: NaiveDate,
    receipt: &str,
) -> Result<String, String> {
    let Cx {
        store,
        calendar: cal,
        staff,
        lang,
        today,
    } = *cx;
    cx.allowed(Act::RecordPayment)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let state = store
        .case_state(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_case(lang, id))?;
    let r = &state.row;
    let (Some(decided), Some(_)) = (r.decided_on, r.served_on) else {
        return Err(i18n::nothing_to_pay(lang).to_string());
    };
    if r.fine <= 0 {
        return Err(i18n::nothing_to_pay(lang).to_string());
    }
    acts::check_act_date(on, today, Some(decided)).map_err(|e| i18n::act_date_refusal(lang, &e))?;
    if receipt.chars().count() > 100 {
        return Err(i18n::open_refusal(lang, &acts::OpenRefusal::TooLong));
    }
    let before = owed(&state, cal, on);
    if amount > before.outstanding() {
        return Err(i18n::overpaid(lang, before.outstanding()));
    }
    let mut after_state = state.clone();
    after_state.payments.push((on, amount));
    let after = owed(&after_state, cal, on);
    let next = NextDue {
        due_on: r.due_on,
        rule: r.due_rule.clone(),
        queue_key: r.queue_key.clone(),
    };
    store
        .record_payment(
            staff,
            id,
            r.version,
            &crate::store::PaymentRecord {
                paid_on: on,
                amount,
                receipt: receipt.trim(),
                next: &next,
            },
        )
        .await
        .map_err(fail)?;
    Ok(i18n::payment_recorded(
        lang,
        &r.number,
        amount,
        after.outstanding(),
        after.late_fee,
    ))
}

/// One act of the history, as `cases show` gives it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActShown {
    /// The day the act happened (for acts recorded before acts had their
    /// own day: the day it was recorded).
    pub on: Option<NaiveDate>,
    pub step: String,
    pub stage_from: Option<String>,
    pub stage_to: String,
    pub served_by: Option<String>,
    pub recorded_at: String,
    pub recorded_by: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FileShown {
    pub kind: String,
    pub on: NaiveDate,
    pub recorded_by: Option<String>,
    pub kept_at: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PaymentShown {
    pub on: NaiveDate,
    pub amount_fen: i64,
    pub receipt: String,
    pub recorded_by: Option<String>,
}

/// A case whole, as `cases show` prints it (personal data masked).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CaseShown {
    pub id: i64,
    pub number: String,
    pub stage: String,
    pub source: String,
    pub respondent: String,
    pub respondent_kind: String,
    pub matters: Vec<String>,
    pub anonymous: bool,
    /// Masked: a reporter's identity is confidential (条例 art 9).
    pub informant: String,
    pub informant_phone: String,
    pub registered_on: NaiveDate,
    pub opened_on: Option<NaiveDate>,
    pub notice_served_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub served_on: Option<NaiveDate>,
    pub reminder_served_on: Option<NaiveDate>,
    pub court_applied_on: Option<NaiveDate>,
    /// The decision's kind (or the penalty the notice proposes).
    pub decision: String,
    pub order_deadline: Option<NaiveDate>,
    pub article: String,
    pub fine_fen: i64,
    pub outcome: String,
    pub paid_fen: i64,
    pub late_fee_fen: i64,
    pub outstanding_fen: i64,
    pub pay_by: Option<NaiveDate>,
    pub next_deadline: Option<NaiveDate>,
    pub deadline_rule: Option<&'static str>,
    pub deadline_explained: Option<String>,
    pub working_days_left: Option<i64>,
    pub overdue: bool,
    pub history: Vec<ActShown>,
    pub files: Vec<FileShown>,
    pub payments: Vec<PaymentShown>,
}

/// Case `id` whole with its complainant's or informant's identity in full:
/// for a role that may reveal personal data, with a reason, audited (条例
/// art 9 keeps it confidential from everyone else).
pub async fn show_revealed(cx: &Cx<'_>, id: i64, reason: &str) -> Result<CaseShown, String> {
    let Cx {
        store,
        calendar: cal,
        staff,
        lang,
        today,
    } = *cx;
    if staff.acted_by.is_some() {
        return Err(i18n::not_on_behalf(lang).to_string());
    }
    cx.allowed(Act::RevealPerson)?;
    let reason = reason.trim();
    if !crate::domain::mask::substantive_reason(reason) {
        return Err(i18n::reveal_needs_reason(lang).to_string());
    }
    let mut shown = show(store, cal, lang, today, id).await?;
    let (name, phone) = store
        .reveal_informant(&staff.login, id, reason)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .ok_or_else(|| i18n::no_case(lang, id))?;
    shown.informant = name;
    shown.informant_phone = phone;
    Ok(shown)
}

/// Case `id` as of `today`, everything `cases show` gives.
pub async fn show(
    store: &Store,
    cal: &WorkCalendar,
    lang: Lang,
    today: NaiveDate,
    id: i64,
) -> Result<CaseShown, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let state = store
        .case_state(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_case(lang, id))?;
    let history = store.case_history(id).await.map_err(fail)?;
    let files = store.case_files(id).await.map_err(fail)?;
    let payments = store.case_payments(id).await.map_err(fail)?;
    let settings = settings(store).await;
    let r = &state.row;
    let open = r.stage != CaseStage::Closed;
    let deadline = next_deadline(cal, &ClockRow::from(r), &state.suspensions, today, settings)
        .filter(|_| open);
    let money = owed(&state, cal, today);
    Ok(CaseShown {
        id: r.id,
        number: r.number.clone(),
        stage: r.stage.code().to_string(),
        source: r.source.clone(),
        respondent: r.respondent_name.clone(),
        respondent_kind: r.respondent_kind.clone(),
        matters: r
            .matters
            .split(',')
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect(),
        anonymous: r.anonymous,
        informant: mask_middle(&r.informant_name, 1, 0),
        informant_phone: mask_phone(&r.informant_phone),
        registered_on: r.registered_on,
        opened_on: r.opened_on,
        notice_served_on: r.notice_served_on,
        decided_on: r.decided_on,
        served_on: r.served_on,
        reminder_served_on: r.reminder_served_on,
        court_applied_on: r.court_applied_on,
        decision: r.decision.clone(),
        order_deadline: r.order_deadline,
        article: r.article.clone(),
        fine_fen: r.fine,
        outcome: r.outcome.clone(),
        paid_fen: money.paid,
        late_fee_fen: money.late_fee,
        outstanding_fen: if r.served_on.is_some() {
            money.outstanding()
        } else {
            0
        },
        pay_by: money.due,
        next_deadline: deadline.as_ref().map(|d| d.due),
        deadline_rule: deadline.as_ref().map(|d| d.rule.code()),
        deadline_explained: deadline.as_ref().map(|d| d.describe_in(lang)),
        working_days_left: deadline
            .as_ref()
            .map(|d| clocks::working_days_left(cal, today, d.due)),
        overdue: deadline.as_ref().is_some_and(|d| d.due < today),
        history: history
            .into_iter()
            .map(|h| {
                let (code, rest) = h.note.split_once(": ").unwrap_or((&h.note, ""));
                let step = CaseMove::parse(code).map_or(code.to_string(), |m| m.code().into());
                ActShown {
                    on: h.on_date,
                    step,
                    stage_from: h.stage_from,
                    stage_to: h.stage_to,
                    served_by: ServiceMethod::parse(&h.served_by).map(|s| s.code().to_string()),
                    recorded_at: h.at,
                    recorded_by: h.staff_name,
                    note: rest.to_string(),
                }
            })
            .collect(),
        files: files
            .into_iter()
            .map(|f| FileShown {
                kind: f.kind.code().to_string(),
                on: f.on_date,
                recorded_by: f.recorded_by,
                kept_at: f.kept_at,
            })
            .collect(),
        payments: payments
            .into_iter()
            .map(|p| PaymentShown {
                on: p.paid_on,
                amount_fen: p.amount,
                receipt: p.receipt,
                recorded_by: p.recorded_by,
            })
            .collect(),
    })
}

/// A file kind's label, for the text form of `cases show`.
pub fn file_label(lang: Lang, code: &str) -> String {
    CaseFileKind::parse(code).map_or_else(|| code.to_string(), |k| k.label(lang).to_string())
}

/// A step's label, for the text form of `cases show`.
pub fn step_label(lang: Lang, code: &str) -> String {
    CaseMove::parse(code)
        .map(|m| m.label(lang).to_string())
        .unwrap_or_else(|| match code {
            "register" => lang.pick("案件登记", "Registered").to_string(),
            _ => code.to_string(),
        })
}

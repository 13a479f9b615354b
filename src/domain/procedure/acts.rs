//! The acts of a case as they happened: the day each act is dated (never
//! after the day it is recorded, never before the act before it), the day a
//! served paper takes effect by the way it was served, what a new case must
//! say by its source, and what a decision leaves owed once payments and the
//! late-payment fine are counted.

use super::Move;
use crate::domain::calendar::WorkCalendar;
use crate::domain::clocks;
use crate::domain::kinds::{CaseSource, DecisionKind, InspectionMatter, PartyKind, ServiceMethod};
use chrono::NaiveDate;

/// 公告送达 takes effect 30 days after publication (民事诉讼法 2021 art 95;
/// 行政处罚法 art 61 serves by its rules).
pub const NOTICE_SERVICE_DAYS: u64 = 30;

/// The acts that serve a paper on the party, whose windows run from service.
pub fn serves(m: Move) -> bool {
    matches!(
        m,
        Move::PriorNotice | Move::Renotice | Move::Serve | Move::Remind
    )
}

/// The day service takes effect when the paper was handed over, left,
/// received by post or electronically on `on`, or published by notice on `on`.
/// (The receipt day of the post and the day an electronic paper reaches the
/// party's system are what `on` records for those: 民事诉讼法 arts 90–91.)
pub fn service_takes_effect(method: ServiceMethod, on: NaiveDate) -> NaiveDate {
    match method {
        ServiceMethod::Notice => on
            .checked_add_days(chrono::Days::new(NOTICE_SERVICE_DAYS))
            .unwrap_or(on),
        ServiceMethod::Direct
        | ServiceMethod::Left
        | ServiceMethod::Post
        | ServiceMethod::Electronic => on,
    }
}

/// Why an act's date is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRefusal {
    /// An act is recorded after it happens, never before.
    InFuture { today: NaiveDate },
    /// Acts follow one another: none is dated before the one before it.
    BeforeLast { last: NaiveDate },
}

/// Whether an act may be dated `on`, recorded `today`, after the case's last act.
pub fn check_act_date(
    on: NaiveDate,
    today: NaiveDate,
    last: Option<NaiveDate>,
) -> Result<(), DateRefusal> {
    if on > today {
        return Err(DateRefusal::InFuture { today });
    }
    match last {
        Some(last) if on < last => Err(DateRefusal::BeforeLast { last }),
        _ => Ok(()),
    }
}

/// Whether notice given on `notice_on` of a hearing on `hearing_on` comes
/// 7 working days ahead at least (行政处罚法 arts 64(2), 85).
pub fn check_hearing_notice(
    cal: &WorkCalendar,
    notice_on: NaiveDate,
    hearing_on: NaiveDate,
) -> Result<(), super::Refusal> {
    let latest = clocks::hearing_notice_latest(cal, hearing_on).due;
    if notice_on > latest {
        return Err(super::Refusal::HearingNoticeLate { latest });
    }
    Ok(())
}

/// Longest facts and names a new case takes (the screen and a script alike).
pub const FACTS_MAX_CHARS: usize = 4_000;
pub const NAME_MAX_CHARS: usize = 200;

/// A case as it is registered, from any source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCaseFacts {
    pub source: CaseSource,
    pub respondent: String,
    pub matters: Vec<InspectionMatter>,
    pub facts: String,
    pub on: NaiveDate,
    pub anonymous: bool,
    pub informant: String,
    pub from_inspection: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenRefusal {
    NoRespondent,
    NoMatters,
    TooLong,
    InFuture,
    /// A complaint names its complainant (投诉); a report may not (举报).
    ComplainantNeeded,
    /// Only a report may be anonymous.
    OnlyReportsAnonymous,
    /// An anonymous report names no one.
    AnonymousNamed,
    /// An inspection leads to a case found by the office's own checks.
    InspectionNotASource,
}

/// What a new case must say: a respondent, a matter, its facts within the
/// limit, a day not after today; a complaint its complainant, an anonymous
/// report no one (条例 art 9 keeps a reporter's identity confidential).
pub fn check_new_case(n: &NewCaseFacts, today: NaiveDate) -> Result<(), OpenRefusal> {
    if n.respondent.trim().is_empty() {
        return Err(OpenRefusal::NoRespondent);
    }
    if n.matters.is_empty() {
        return Err(OpenRefusal::NoMatters);
    }
    if n.respondent.chars().count() > NAME_MAX_CHARS
        || n.informant.chars().count() > NAME_MAX_CHARS
        || n.facts.chars().count() > FACTS_MAX_CHARS
    {
        return Err(OpenRefusal::TooLong);
    }
    if n.on > today {
        return Err(OpenRefusal::InFuture);
    }
    if n.anonymous && n.source != CaseSource::Report {
        return Err(OpenRefusal::OnlyReportsAnonymous);
    }
    if n.anonymous && !n.informant.trim().is_empty() {
        return Err(OpenRefusal::AnonymousNamed);
    }
    if n.source == CaseSource::Complaint && n.informant.trim().is_empty() {
        return Err(OpenRefusal::ComplainantNeeded);
    }
    if n.from_inspection && !found_by_office(n.source) {
        return Err(OpenRefusal::InspectionNotASource);
    }
    Ok(())
}

/// A source the office itself finds cases by; the others come from outside
/// and must be accepted or refused within 5 working days (若干规定 art 18).
pub fn found_by_office(s: CaseSource) -> bool {
    matches!(
        s,
        CaseSource::Patrol
            | CaseSource::WrittenReview
            | CaseSource::AnnualReview
            | CaseSource::Campaign
            | CaseSource::Audit
    )
}

/// The most a penalty decided on the spot may fine (行政处罚法 art 51): 200
/// yuan on a citizen (an individual business is one), 3,000 on a legal
/// person or other organisation.
pub fn on_the_spot_limit(party: PartyKind) -> i64 {
    match party {
        PartyKind::Person | PartyKind::IndividualBusiness => 200_00,
        PartyKind::Organisation => 3_000_00,
    }
}

/// The most an inspector may collect on the spot (行政处罚法 art 68(1)).
pub const COLLECT_ON_THE_SPOT_MAX: i64 = 100_00;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpotRefusal {
    /// Only a warning or a fine is decided on the spot.
    NotWarningOrFine,
    OverLimit {
        limit: i64,
    },
    NoNumber,
    /// Collected on the spot only up to 100 yuan.
    CollectOverLimit,
}

/// Only a warning or a fine is decided on the spot.
pub fn spot_kind(kind: DecisionKind) -> Result<(), SpotRefusal> {
    if matches!(kind, DecisionKind::Warning | DecisionKind::Fine) {
        Ok(())
    } else {
        Err(SpotRefusal::NotWarningOrFine)
    }
}

/// Whether a penalty of `kind` and `amount` on a party of `party` may be
/// decided on the spot, numbered `number`, collecting it there if `paid`.
pub fn check_on_the_spot(
    party: PartyKind,
    kind: DecisionKind,
    amount: i64,
    number: &str,
    paid: bool,
) -> Result<(), SpotRefusal> {
    spot_kind(kind)?;
    let limit = on_the_spot_limit(party);
    if amount > limit {
        return Err(SpotRefusal::OverLimit { limit });
    }
    let n = number.trim();
    if n.is_empty() || n.chars().count() > 40 {
        return Err(SpotRefusal::NoNumber);
    }
    if paid && amount > COLLECT_ON_THE_SPOT_MAX {
        return Err(SpotRefusal::CollectOverLimit);
    }
    Ok(())
}

/// Whether a decision made on the spot on `on` and recorded `today` was
/// filed with the office within `days` working days (行政处罚法 art 52).
pub fn filed_in_time(cal: &WorkCalendar, on: NaiveDate, today: NaiveDate, days: u32) -> bool {
    cal.working_days_between(on, today) <= i64::from(days)
}

/// What a decision leaves owed on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Owed {
    pub amount: i64,
    /// 加处罚款 so far (行政处罚法 art 72: 3 % a day, at most the amount).
    pub late_fee: i64,
    pub paid: i64,
    /// The last day to pay (15 days from service).
    pub due: Option<NaiveDate>,
}

impl Owed {
    pub fn outstanding(&self) -> i64 {
        (self.amount + self.late_fee - self.paid).max(0)
    }

    /// Nothing left to pay (a decision without an amount is carried out
    /// by its service).
    pub fn paid_in_full(&self) -> bool {
        self.outstanding() == 0
    }
}

/// What the decision of `amount` served on `served` leaves owed on `on`,
/// given `payments` (day, amount) so far. The late fee (a money penalty's
/// only: `late_fee`) runs from the day after the last day to pay until the
/// day the amount itself is paid in full.
pub fn owed(
    cal: &WorkCalendar,
    amount: i64,
    served: Option<NaiveDate>,
    payments: &[(NaiveDate, i64)],
    on: NaiveDate,
    late_fee: bool,
) -> Owed {
    let paid: i64 = payments
        .iter()
        .filter(|(d, _)| *d <= on)
        .map(|(_, a)| *a)
        .sum();
    let Some(served) = served else {
        return Owed {
            amount,
            paid,
            ..Owed::default()
        };
    };
    let due = clocks::fine_due(cal, served).due;
    // The day the amount itself was met, if it was by `on`.
    let mut sorted: Vec<(NaiveDate, i64)> = payments.to_vec();
    sorted.sort();
    let mut running = 0i64;
    let met = sorted.iter().find_map(|(d, a)| {
        running += a;
        (running >= amount && *d <= on).then_some(*d)
    });
    let until = met.unwrap_or(on).min(on);
    Owed {
        amount,
        late_fee: if late_fee {
            clocks::late_fee(amount, due, until)
        } else {
            0
        },
        paid,
        due: Some(due),
    }
}

/// Whether the court may be applied to on `on`: after the 催告's 10
/// working days and the relief windows, and within 3 months of their lapse.
pub fn court_window_open(
    cal: &WorkCalendar,
    served: NaiveDate,
    reminder: NaiveDate,
    on: NaiveDate,
) -> bool {
    let (earliest, latest) = clocks::court_application_window(cal, served, Some(reminder));
    earliest.due <= on && on <= latest.due
}

#[cfg(test)]
mod tests;

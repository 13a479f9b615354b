//! What a move changes on the case besides its stage: the days it sets
//! (the days service took effect, for a paper served), the flags it raises,
//! and who it names.

use super::{Move, Outcome, acts, rule};
use crate::domain::kinds::{CaseStage as Stage, ServiceMethod};
use crate::domain::staff::Staff;
use chrono::NaiveDate;

/// What a move changes on the case besides its stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MoveEffect {
    pub to: Option<Stage>,
    pub opened_on: Option<NaiveDate>,
    /// Some(true) starts a suspension on the day, Some(false) ends it the day before.
    pub suspend: Option<bool>,
    pub extended: bool,
    pub hearing_requested: bool,
    /// The notice offered a hearing (set from the penalty proposed).
    pub hearing_required: bool,
    pub hearing_host: Option<i64>,
    pub legal_reviewer: Option<i64>,
    pub notice_served_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub served_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub reminder_served_on: Option<NaiveDate>,
    pub court_applied_on: Option<NaiveDate>,
    pub rights_waived: bool,
    /// A new notice: the defence starts over (no hearing asked or held, no
    /// review, no waiver).
    pub reset_defence: bool,
    /// The day the act happened, and how its paper was served.
    pub on: Option<NaiveDate>,
    pub served_by: Option<ServiceMethod>,
    /// An order to rectify's deadline.
    pub order_deadline: Option<NaiveDate>,
    /// The day a suspension is expected to end, when known.
    pub suspended_until: Option<NaiveDate>,
    /// Who approved a suspension or an extension.
    pub approved_by: Option<String>,
    /// The day the hearing is notified for.
    pub hearing_on: Option<NaiveDate>,
    /// A served decision on a licence holder: the ladder step it takes.
    pub licence: Option<crate::domain::ladder::LicenceAct>,
}

/// The effect of `m` made by `actor` on day `on` (already allowed by
/// `may_move`); a paper served by `served_by` takes effect on the day
/// `acts::service_takes_effect` says, and its windows run from that day.
pub fn effect(m: Move, actor: &Staff, on: NaiveDate, served_by: ServiceMethod) -> MoveEffect {
    let r = rule(m);
    let served = acts::serves(m).then(|| acts::service_takes_effect(served_by, on));
    let mut e = MoveEffect {
        to: r.to,
        outcome: r.outcome,
        on: Some(on),
        served_by: served.map(|_| served_by),
        ..MoveEffect::default()
    };
    match m {
        Move::Open => e.opened_on = Some(on),
        Move::Suspend => e.suspend = Some(true),
        Move::Resume => e.suspend = Some(false),
        Move::Extend => e.extended = true,
        Move::PriorNotice => e.notice_served_on = served,
        Move::Renotice => {
            e.notice_served_on = served;
            e.reset_defence = true;
        }
        Move::Waive => e.rights_waived = true,
        Move::Remind => e.reminder_served_on = served,
        Move::CourtApply => e.court_applied_on = Some(on),
        Move::HearingRequest => e.hearing_requested = true,
        Move::Hearing => e.hearing_host = Some(actor.id),
        Move::LegalReview => e.legal_reviewer = Some(actor.id),
        Move::Decide => e.decided_on = Some(on),
        // Served on the spot or later: the fine's days run from service.
        Move::Serve => e.served_on = served,
        _ => {}
    }
    e
}

//! The labour-inspection case procedure as a state machine (劳动保障监察条例
//! arts 14–19; 行政处罚法 arts 42–65; DOMAIN.md §1–2): which moves exist
//! from each stage, the role that may make each, the documents it needs, and
//! the separation of duties — two inspectors at least, no one with a declared
//! conflict, no one approving their own case, a hearing host who did not
//! investigate, a legal reviewer who is not the case officer.

use super::kinds::{CaseFileKind as Doc, CaseMove as Move, CaseStage as Stage, DecisionKind, Role};
use super::staff::Staff;
use chrono::NaiveDate;

pub mod acts;
pub mod decide;
mod effects;

pub use effects::{MoveEffect, effect};

/// Inspectors an investigation needs at least (条例 art 16; 行政处罚法 art 42).
pub const MIN_INSPECTORS: usize = 2;

/// How a case ends when it leaves by a side exit or the main line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Decided,
    Withdrawn,
    Transferred,
    Rectified,
    /// 终结: the decision cannot be carried out for a reason the law allows.
    Terminated,
}

impl Outcome {
    pub fn parse(code: &str) -> Option<Outcome> {
        [
            Outcome::Decided,
            Outcome::Withdrawn,
            Outcome::Transferred,
            Outcome::Rectified,
            Outcome::Terminated,
        ]
        .into_iter()
        .find(|o| o.code() == code)
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Outcome::Decided => lang.pick("已作出决定", "Decided"),
            Outcome::Withdrawn => lang.pick("撤销立案", "Withdrawn"),
            Outcome::Transferred => lang.pick("已移送", "Transferred"),
            Outcome::Rectified => lang.pick("责令改正，不予处罚", "Ordered to rectify, no penalty"),
            Outcome::Terminated => lang.pick("终结", "Terminated"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Decided => "decided",
            Outcome::Withdrawn => "withdrawn",
            Outcome::Transferred => "transferred",
            Outcome::Rectified => "rectify-order",
            Outcome::Terminated => "terminated",
        }
    }
}

/// One move of the machine: where it may start, where it leads, who makes
/// it, and what must be on file once it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveRule {
    pub from: &'static [Stage],
    /// None: the case stays in its stage (suspension, extension, reviews).
    pub to: Option<Stage>,
    pub roles: &'static [Role],
    pub documents: &'static [Doc],
    /// The move approves the case officer's work: never by the officer.
    pub approval: bool,
    pub outcome: Option<Outcome>,
}

const INVESTIGATING: &[Stage] = &[Stage::Investigating];
/// Any stage after 立案 and before the decision: the investigation's clock
/// runs through the notice and the defence, so it may be suspended or
/// extended there too.
const BEFORE_DECISION: &[Stage] = &[
    Stage::Opened,
    Stage::Investigating,
    Stage::PriorNotice,
    Stage::Defence,
];
const AFTER_DECISION: &[Stage] = &[Stage::Decided, Stage::Enforcing];
const CHIEF: &[Role] = &[Role::Chief];
const WORKERS: &[Role] = &[Role::Inspector, Role::Chief];

// Long because it is the procedure's table: one arm per move, with the
// stages it leaves from, the stage it reaches and the roles that may take it,
// each against its article.
pub fn rule(m: Move) -> MoveRule {
    let r = |from, to, roles, documents, approval| MoveRule {
        from,
        to,
        roles,
        documents,
        approval,
        outcome: None,
    };
    use Stage::*;
    match m {
        Move::Preliminary => r(
            &[Registered],
            Some(Preliminary),
            WORKERS,
            &[Doc::ComplaintForm],
            false,
        ),
        Move::Open => r(
            &[Preliminary],
            Some(Opened),
            CHIEF,
            &[Doc::OpeningApproval],
            true,
        ),
        Move::Investigate => r(&[Opened], Some(Investigating), WORKERS, &[], false),
        Move::Suspend => r(
            BEFORE_DECISION,
            None,
            CHIEF,
            &[Doc::SuspensionApproval],
            true,
        ),
        Move::Resume => r(BEFORE_DECISION, None, CHIEF, &[], false),
        Move::Extend => r(
            BEFORE_DECISION,
            None,
            CHIEF,
            &[Doc::ExtensionApproval],
            true,
        ),
        Move::PriorNotice => r(INVESTIGATING, Some(PriorNotice), WORKERS, &[], false),
        Move::HearingRequest => r(
            &[PriorNotice, Defence],
            None,
            WORKERS,
            &[Doc::HearingApplication],
            false,
        ),
        Move::Statement => r(
            &[PriorNotice],
            Some(Defence),
            WORKERS,
            &[Doc::StatementRecord],
            false,
        ),
        Move::Hearing => r(
            &[PriorNotice, Defence],
            Some(Defence),
            CHIEF,
            &[Doc::HearingRecord],
            false,
        ),
        // A party who says nothing leaves the case at its notice: once the
        // windows close it is reviewed and decided from there.
        // 行政处罚法 art 64(2): the hearing's time and place, 7 days ahead.
        Move::ScheduleHearing => r(
            &[PriorNotice, Defence],
            None,
            WORKERS,
            &[Doc::HearingMeetingNotice],
            false,
        ),
        // 行政处罚法 art 57(2): the heads decide a complex or serious case together.
        Move::Discuss => r(
            &[PriorNotice, Defence],
            None,
            CHIEF,
            &[Doc::CollectiveDiscussion],
            false,
        ),
        Move::LegalReview => r(
            &[PriorNotice, Defence],
            None,
            &[Role::Legal],
            &[Doc::LegalOpinion],
            false,
        ),
        Move::Decide => MoveRule {
            outcome: Some(Outcome::Decided),
            ..r(
                // From the investigation: a decision that is not a penalty.
                &[Investigating, PriorNotice, Defence],
                Some(Decided),
                CHIEF,
                &[Doc::PenaltyDecision],
                true,
            )
        },
        Move::Serve => r(&[Decided], None, WORKERS, &[Doc::ServiceReceipt], false),
        Move::Enforce => r(&[Decided], Some(Enforcing), WORKERS, &[], false),
        Move::Close => r(
            AFTER_DECISION,
            Some(Closed),
            CHIEF,
            &[Doc::ClosingApproval],
            true,
        ),
        // 行政处罚法 art 62: the party may waive the rights in writing; only
        // then may the decision come before the windows close.
        Move::Waive => r(
            &[PriorNotice, Defence],
            Some(Defence),
            WORKERS,
            &[Doc::RightsWaiver],
            false,
        ),
        // 行政处罚法 art 45: no heavier penalty than the notice proposed
        // without a new notice (and new windows).
        Move::Renotice => r(
            &[Defence],
            Some(PriorNotice),
            WORKERS,
            &[Doc::PriorNoticeDoc],
            false,
        ),
        // 行政强制法 art 54: a written 催告 before applying to the court.
        Move::Remind => r(
            AFTER_DECISION,
            Some(Enforcing),
            WORKERS,
            &[Doc::ReminderDoc],
            false,
        ),
        Move::CourtApply => r(
            AFTER_DECISION,
            Some(Enforcing),
            CHIEF,
            &[Doc::CourtApplicationDoc],
            true,
        ),
        // 限期改正指令书: the case stays open until the deadline; then the
        // correction closes it (rectify-order) or a fine under 条例 art 30.
        Move::Order => r(INVESTIGATING, None, WORKERS, &[Doc::RectifyOrderDoc], false),
        Move::Terminate => MoveRule {
            outcome: Some(Outcome::Terminated),
            ..r(
                AFTER_DECISION,
                Some(Closed),
                CHIEF,
                &[Doc::TerminationApproval],
                true,
            )
        },
        Move::Withdraw => MoveRule {
            outcome: Some(Outcome::Withdrawn),
            ..r(
                &[Opened, Investigating],
                Some(Closed),
                CHIEF,
                &[Doc::WithdrawalApproval],
                true,
            )
        },
        Move::Transfer => MoveRule {
            outcome: Some(Outcome::Transferred),
            ..r(
                &[Preliminary, Opened, Investigating],
                Some(Closed),
                CHIEF,
                &[Doc::TransferApproval],
                true,
            )
        },
        Move::RectifyOrder => MoveRule {
            outcome: Some(Outcome::Rectified),
            ..r(
                INVESTIGATING,
                Some(Closed),
                CHIEF,
                &[Doc::RectifyOrderDoc, Doc::ClosingApproval],
                true,
            )
        },
    }
}

/// What the machine needs to know of a case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFacts {
    pub stage: Option<Stage>,
    pub case_officer: Option<i64>,
    pub inspectors: Vec<i64>,
    pub suspended: bool,
    pub extended: bool,
    /// The prior notice must offer a hearing (a large fine, a licence revoked,
    /// business stopped: 行政处罚法 art 63).
    pub hearing_required: bool,
    /// The party asked for a hearing within its window.
    pub hearing_requested: bool,
    /// The window to ask for one (5 working days from the notice) is still open.
    pub hearing_request_open: bool,
    pub hearing_host: Option<i64>,
    pub legal_reviewer: Option<i64>,
    /// The statement window after the notice is still open.
    pub statement_open: bool,
    /// The investigation's time limit has run out.
    pub investigation_overdue: bool,
    /// The decision has been served on the party.
    pub served: bool,
    /// Staff who declared an interest in the respondent.
    pub conflicted: Vec<i64>,
    /// What is already on file.
    pub on_file: Vec<Doc>,
    /// The party waived statement and hearing in writing (行政处罚法 art 62).
    pub rights_waived: bool,
    /// The decision's amount and any late fee are paid in full.
    pub paid_in_full: bool,
    /// The time to pay has run out with something still owed.
    pub payment_overdue: bool,
    pub reminder_served: bool,
    /// The court may be applied to on the act's day (after the 催告's wait
    /// and the relief windows, within 3 months of their lapse).
    pub court_window_open: bool,
    pub court_applied: bool,
    /// The office found the case itself (a patrol, a review, an audit…):
    /// its first paper is a record of the source, not a complaint form.
    pub found_by_office: bool,
    /// The kind of decision a decision move would make.
    pub deciding: Option<DecisionKind>,
    /// An order to rectify is given with its deadline, after the day.
    pub order_deadline_given: bool,
    /// The day the hearing was notified for; the day of the act judged.
    pub hearing_on: Option<NaiveDate>,
    pub act_on: Option<NaiveDate>,
    /// The decision is one the office's heads decide together.
    pub discussion_required: bool,
}

/// Why a move or an assignment is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotFromStage {
        stage: Stage,
    },
    WrongRole {
        needs: &'static [Role],
    },
    MissingDocuments(Vec<Doc>),
    TooFewInspectors {
        have: usize,
    },
    Conflicted {
        staff: i64,
    },
    /// Nobody approves their own opening, extension or closing.
    OwnCase,
    HostInvestigated,
    ReviewerIsOfficer,
    AlreadySuspended,
    NotSuspended,
    Suspended,
    AlreadyExtended,
    /// A decision after a hearing, or one that needs it, has no legal review.
    NoLegalReview,
    /// The hearing was asked for and has not been held.
    HearingPending,
    /// The notice offered no hearing, so none can be asked for.
    NoHearingOffered,
    /// No hearing was asked for, or it was held already.
    NoHearingToHold,
    /// The party may still ask for a hearing (5 working days from the notice).
    HearingWindowOpen,
    /// The party may still make a statement (the window from the notice).
    StatementWindowOpen,
    /// The fine reaches the hearing threshold but the notice offered none.
    HearingNotOffered,
    /// The investigation's time limit has already run out.
    TooLateToExtend,
    /// The decision is not served yet.
    NotServed,
    /// The case's team changes only by someone outside it.
    TeamFixed,
    /// Asked after the 5 working days (行政处罚法 art 64).
    HearingRequestLate,
    AlreadyRequested,
    /// Closing needs the decision carried out or the court applied to.
    NotCarriedOut,
    /// A 催告 only once the time to pay has run out unpaid.
    NotOverdue,
    /// The court is applied to only after a 催告 (行政强制法 art 54).
    NoReminder,
    /// Not within the window to apply to the court (行政强制法 arts 53–54).
    CourtWindowClosed,
    AlreadyApplied,
    AlreadyWaived,
    /// The decision is heavier than the notice proposed (行政处罚法 art 45).
    HeavierThanNotice,
    /// A penalty needs a prior notice first (行政处罚法 art 44).
    NoPriorNotice,
    /// An order to rectify names the day it must be done by, after today.
    NoDeadline,
    /// The hearing is held on the day the party was notified of.
    HearingNotNotified,
    /// The office's heads decide this one together first (art 57(2)).
    NoCollectiveDiscussion,
    /// The party is notified 7 working days before the hearing at least.
    HearingNoticeLate {
        latest: NaiveDate,
    },
}

/// The documents the move still needs, given what is on file and what is
/// attached with it.
pub fn missing_documents(m: Move, on_file: &[Doc], attached: &[Doc]) -> Vec<Doc> {
    let mut needs: Vec<Doc> = rule(m).documents.to_vec();
    if m == Move::PriorNotice {
        needs.push(Doc::PriorNoticeDoc);
    }
    // A new notice, a new reminder, a new receipt: each act its own paper.
    let fresh = matches!(m, Move::Renotice | Move::Remind | Move::Serve);
    needs.retain(|d| (fresh || !on_file.contains(d)) && !attached.contains(d));
    needs
}

/// Whether `actor` may make `m` on the case, attaching `attached`; Ok is
/// the stage the case is in afterwards.
pub fn may_move(c: &CaseFacts, m: Move, actor: &Staff, attached: &[Doc]) -> Result<Stage, Refusal> {
    let r = rule(m);
    let stage = c.stage.unwrap_or(Stage::Registered);
    if !r.from.contains(&stage) {
        return Err(Refusal::NotFromStage { stage });
    }
    if !r.roles.iter().any(|role| actor.has(*role)) {
        return Err(Refusal::WrongRole { needs: r.roles });
    }
    // Nobody approves a case they work on: the officer and every inspector.
    if r.approval && (c.case_officer == Some(actor.id) || c.inspectors.contains(&actor.id)) {
        return Err(Refusal::OwnCase);
    }
    if c.conflicted.contains(&actor.id) {
        return Err(Refusal::Conflicted { staff: actor.id });
    }
    match m {
        Move::Suspend if c.suspended => return Err(Refusal::AlreadySuspended),
        Move::Resume if !c.suspended => return Err(Refusal::NotSuspended),
        Move::Extend if c.extended => return Err(Refusal::AlreadyExtended),
        Move::Extend if c.investigation_overdue => return Err(Refusal::TooLateToExtend),
        Move::Serve if c.served => return Err(Refusal::NotFromStage { stage }),
        Move::Enforce | Move::Close | Move::Remind | Move::CourtApply | Move::Terminate
            if !c.served =>
        {
            return Err(Refusal::NotServed);
        }
        Move::Close if !c.paid_in_full && !c.court_applied => {
            return Err(Refusal::NotCarriedOut);
        }
        Move::Remind if !c.payment_overdue => return Err(Refusal::NotOverdue),
        Move::CourtApply if c.court_applied => return Err(Refusal::AlreadyApplied),
        Move::CourtApply if !c.reminder_served => return Err(Refusal::NoReminder),
        Move::CourtApply if !c.court_window_open => return Err(Refusal::CourtWindowClosed),
        Move::Waive if c.rights_waived => return Err(Refusal::AlreadyWaived),
        // 行政处罚法 art 44: no penalty without its prior notice.
        Move::Decide
            if stage == Stage::Investigating && c.deciding.is_none_or(DecisionKind::is_penalty) =>
        {
            return Err(Refusal::NoPriorNotice);
        }
        Move::Order if !c.order_deadline_given => return Err(Refusal::NoDeadline),
        Move::PriorNotice | Move::RectifyOrder | Move::Withdraw | Move::Extend if c.suspended => {
            return Err(Refusal::Suspended);
        }
        Move::Investigate | Move::PriorNotice if c.inspectors.len() < MIN_INSPECTORS => {
            return Err(Refusal::TooFewInspectors {
                have: c.inspectors.len(),
            });
        }
        Move::Hearing | Move::ScheduleHearing
            if !c.hearing_requested || c.hearing_host.is_some() =>
        {
            return Err(Refusal::NoHearingToHold);
        }
        Move::ScheduleHearing if !c.order_deadline_given => return Err(Refusal::NoDeadline),
        Move::Hearing if c.hearing_on.is_none() => return Err(Refusal::HearingNotNotified),
        // Held on the day notified (or later, when put off), not before.
        Move::Hearing
            if c.act_on
                .is_some_and(|d| c.hearing_on.is_some_and(|h| d < h)) =>
        {
            return Err(Refusal::HearingNotNotified);
        }
        Move::Hearing if c.inspectors.contains(&actor.id) || c.case_officer == Some(actor.id) => {
            return Err(Refusal::HostInvestigated);
        }
        Move::LegalReview
            if c.case_officer == Some(actor.id) || c.inspectors.contains(&actor.id) =>
        {
            return Err(Refusal::ReviewerIsOfficer);
        }
        Move::HearingRequest if !c.hearing_required => return Err(Refusal::NoHearingOffered),
        Move::HearingRequest if c.hearing_requested => return Err(Refusal::AlreadyRequested),
        Move::HearingRequest if !c.hearing_request_open => return Err(Refusal::HearingRequestLate),
        // The party's rights run first: a hearing may still be asked for, a
        // statement may still be made (unless one is on file).
        // A statement on file does not close the window (the party may say
        // more until it ends); only a written waiver does (art 62).
        Move::Decide
            if c.hearing_required
                && !c.hearing_requested
                && c.hearing_request_open
                && !c.rights_waived =>
        {
            return Err(Refusal::HearingWindowOpen);
        }
        Move::Decide if c.statement_open && !c.rights_waived => {
            return Err(Refusal::StatementWindowOpen);
        }
        Move::Decide if c.hearing_requested && c.hearing_host.is_none() => {
            return Err(Refusal::HearingPending);
        }
        Move::Decide
            if c.discussion_required && !c.on_file.contains(&Doc::CollectiveDiscussion) =>
        {
            return Err(Refusal::NoCollectiveDiscussion);
        }
        // 行政处罚法 art 58: after a hearing, or where a hearing had to be offered.
        Move::Decide
            if (c.hearing_required || c.hearing_host.is_some()) && c.legal_reviewer.is_none() =>
        {
            return Err(Refusal::NoLegalReview);
        }
        _ => {}
    }
    let mut missing = missing_documents(m, &c.on_file, attached);
    source_record(c, m, attached, &mut missing);
    decision_document(c, m, attached, &mut missing);
    if m == Move::PriorNotice && c.hearing_required {
        // The notice must also tell the party of the right to a hearing.
        if !c.on_file.contains(&Doc::HearingNoticeDoc) && !attached.contains(&Doc::HearingNoticeDoc)
        {
            missing.push(Doc::HearingNoticeDoc);
        }
    }
    if !missing.is_empty() {
        return Err(Refusal::MissingDocuments(missing));
    }
    Ok(r.to.unwrap_or(stage))
}

/// A case the office found opens its file with a record of the source
/// instead of a complaint form.
fn source_record(c: &CaseFacts, m: Move, attached: &[Doc], docs: &mut Vec<Doc>) {
    if m == Move::Preliminary && c.found_by_office {
        docs.retain(|d| *d != Doc::ComplaintForm);
        let have = |d: &Doc| c.on_file.contains(d) || attached.contains(d) || docs.contains(d);
        if !have(&Doc::SourceRecord) {
            docs.push(Doc::SourceRecord);
        }
    }
}

/// A decision's document follows its kind: 行政处罚决定书 for a penalty,
/// 行政处理决定书, 不予行政处罚决定书.
fn decision_document(c: &CaseFacts, m: Move, attached: &[Doc], docs: &mut Vec<Doc>) {
    let own = match c.deciding {
        Some(DecisionKind::Handling) => Doc::HandlingDecision,
        Some(DecisionKind::NoPenalty) => Doc::NoPenaltyDecision,
        _ => return,
    };
    if m == Move::Decide {
        docs.retain(|d| *d != Doc::PenaltyDecision);
        if !c.on_file.contains(&own) && !attached.contains(&own) && !docs.contains(&own) {
            docs.push(own);
        }
    }
}

/// The documents a move would attach: what it needs and is not yet on file.
pub fn documents_for(c: &CaseFacts, m: Move) -> Vec<Doc> {
    let mut docs = missing_documents(m, &c.on_file, &[]);
    source_record(c, m, &[], &mut docs);
    decision_document(c, m, &[], &mut docs);
    if m == Move::PriorNotice && c.hearing_required && !c.on_file.contains(&Doc::HearingNoticeDoc) {
        docs.push(Doc::HearingNoticeDoc);
    }
    docs
}

/// The moves the machine allows from the case's stage, in procedure order.
pub fn moves_from(c: &CaseFacts) -> Vec<Move> {
    let stage = c.stage.unwrap_or(Stage::Registered);
    Move::ALL
        .iter()
        .copied()
        .filter(|m| rule(*m).from.contains(&stage))
        .filter(|m| match m {
            Move::Suspend => !c.suspended,
            Move::Resume => c.suspended,
            Move::Extend => !c.extended && !c.suspended,
            Move::HearingRequest => {
                c.hearing_required && !c.hearing_requested && c.hearing_request_open
            }
            Move::Hearing => {
                c.hearing_requested && c.hearing_host.is_none() && c.hearing_on.is_some()
            }
            Move::ScheduleHearing => c.hearing_requested && c.hearing_host.is_none(),
            Move::Serve => !c.served,
            Move::Enforce | Move::Terminate => c.served,
            Move::Close => c.served && (c.paid_in_full || c.court_applied),
            Move::Remind => c.served && c.payment_overdue,
            Move::CourtApply => c.reminder_served && !c.court_applied && c.court_window_open,
            Move::Waive => !c.rights_waived,
            // From the investigation only a decision that is not a penalty.
            Move::Decide if stage == Stage::Investigating => {
                c.deciding.is_some_and(|k| !k.is_penalty())
            }
            _ => true,
        })
        .collect()
}

/// Whether these staff may investigate together: two at least, none with a
/// declared conflict of interest with the respondent (`conflicted`).
pub fn may_assign(inspectors: &[Staff], conflicted: &[i64]) -> Result<(), Refusal> {
    if let Some(s) = inspectors.iter().find(|s| conflicted.contains(&s.id)) {
        return Err(Refusal::Conflicted { staff: s.id });
    }
    if inspectors.iter().any(|s| !s.has(Role::Inspector)) {
        return Err(Refusal::WrongRole {
            needs: &[Role::Inspector],
        });
    }
    let mut ids: Vec<i64> = inspectors.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() < MIN_INSPECTORS {
        return Err(Refusal::TooFewInspectors { have: ids.len() });
    }
    Ok(())
}

/// The case queue's order as one sortable text: mass incidents (群体性事件)
/// first, then by the next deadline, cases without one last.
pub fn queue_key(mass_incident: bool, due: Option<NaiveDate>) -> String {
    format!(
        "{}{}",
        if mass_incident { 'A' } else { 'B' },
        due.map_or_else(
            || "9999-12-31".to_string(),
            |d| d.format("%Y-%m-%d").to_string()
        )
    )
}

#[cfg(test)]
mod tests;

//! The labour-inspection case procedure as a state machine (劳动保障监察条例
//! arts 14–19; 行政处罚法 arts 42–65; DOMAIN.md §1–2): which moves exist
//! from each stage, the role that may make each, the documents it needs, and
//! the separation of duties — two inspectors at least, no one with a declared
//! conflict, no one approving their own case, a hearing host who did not
//! investigate, a legal reviewer who is not the case officer.

use super::kinds::{CaseFileKind as Doc, CaseMove as Move, CaseStage as Stage, Role};
use super::staff::Staff;
use chrono::NaiveDate;

/// Inspectors an investigation needs at least (条例 art 16; 行政处罚法 art 42).
pub const MIN_INSPECTORS: usize = 2;

/// How a case ends when it leaves by a side exit or the main line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Decided,
    Withdrawn,
    Transferred,
    Rectified,
}

impl Outcome {
    pub fn parse(code: &str) -> Option<Outcome> {
        [
            Outcome::Decided,
            Outcome::Withdrawn,
            Outcome::Transferred,
            Outcome::Rectified,
        ]
        .into_iter()
        .find(|o| o.code() == code)
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Outcome::Decided => lang.pick("已作出决定", "Decided"),
            Outcome::Withdrawn => lang.pick("撤销立案", "Withdrawn"),
            Outcome::Transferred => lang.pick("已移送", "Transferred"),
            Outcome::Rectified => lang.pick("责令改正，不予处罚", "Ordered to rectify, no penalty"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Decided => "decided",
            Outcome::Withdrawn => "withdrawn",
            Outcome::Transferred => "transferred",
            Outcome::Rectified => "rectify-order",
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
const CHIEF: &[Role] = &[Role::Chief];
const WORKERS: &[Role] = &[Role::Inspector, Role::Chief];

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
        Move::Suspend => r(INVESTIGATING, None, CHIEF, &[Doc::SuspensionApproval], true),
        Move::Resume => r(INVESTIGATING, None, CHIEF, &[], false),
        Move::Extend => r(INVESTIGATING, None, CHIEF, &[Doc::ExtensionApproval], true),
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
        Move::LegalReview => r(
            &[Defence],
            None,
            &[Role::Legal],
            &[Doc::LegalOpinion],
            false,
        ),
        Move::Decide => MoveRule {
            outcome: Some(Outcome::Decided),
            ..r(
                &[Defence],
                Some(Decided),
                CHIEF,
                &[Doc::PenaltyDecision],
                true,
            )
        },
        Move::Serve => r(&[Decided], None, WORKERS, &[Doc::ServiceReceipt], false),
        Move::Enforce => r(&[Decided], Some(Enforcing), WORKERS, &[], false),
        Move::Close => r(
            &[Decided, Enforcing],
            Some(Closed),
            CHIEF,
            &[Doc::ClosingApproval],
            true,
        ),
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
}

/// The documents the move still needs, given what is on file and what is
/// attached with it.
pub fn missing_documents(m: Move, on_file: &[Doc], attached: &[Doc]) -> Vec<Doc> {
    let mut needs: Vec<Doc> = rule(m).documents.to_vec();
    if m == Move::PriorNotice {
        needs.push(Doc::PriorNoticeDoc);
    }
    needs.retain(|d| !on_file.contains(d) && !attached.contains(d));
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
        Move::Enforce | Move::Close if !c.served => return Err(Refusal::NotServed),
        Move::PriorNotice | Move::RectifyOrder | Move::Withdraw | Move::Extend if c.suspended => {
            return Err(Refusal::Suspended);
        }
        Move::Investigate | Move::PriorNotice if c.inspectors.len() < MIN_INSPECTORS => {
            return Err(Refusal::TooFewInspectors {
                have: c.inspectors.len(),
            });
        }
        Move::Hearing if !c.hearing_requested || c.hearing_host.is_some() => {
            return Err(Refusal::NoHearingToHold);
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
        Move::Decide if c.hearing_required && !c.hearing_requested && c.hearing_request_open => {
            return Err(Refusal::HearingWindowOpen);
        }
        Move::Decide if c.statement_open && !c.on_file.contains(&Doc::StatementRecord) => {
            return Err(Refusal::StatementWindowOpen);
        }
        Move::Decide if c.hearing_requested && c.hearing_host.is_none() => {
            return Err(Refusal::HearingPending);
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

/// The documents a move would attach: what it needs and is not yet on file.
pub fn documents_for(c: &CaseFacts, m: Move) -> Vec<Doc> {
    let mut docs = missing_documents(m, &c.on_file, &[]);
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
            Move::Hearing => c.hearing_requested && c.hearing_host.is_none(),
            Move::Serve => !c.served,
            Move::Enforce | Move::Close => c.served,
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
}

/// The effect of `m` made by `actor` on day `on` (already allowed by `may_move`).
pub fn effect(m: Move, actor: &Staff, on: NaiveDate) -> MoveEffect {
    let r = rule(m);
    let mut e = MoveEffect {
        to: r.to,
        outcome: r.outcome,
        ..MoveEffect::default()
    };
    match m {
        Move::Open => e.opened_on = Some(on),
        Move::Suspend => e.suspend = Some(true),
        Move::Resume => e.suspend = Some(false),
        Move::Extend => e.extended = true,
        Move::PriorNotice => e.notice_served_on = Some(on),
        Move::HearingRequest => e.hearing_requested = true,
        Move::Hearing => e.hearing_host = Some(actor.id),
        Move::LegalReview => e.legal_reviewer = Some(actor.id),
        Move::Decide => e.decided_on = Some(on),
        // Served on the spot or later: the fine's days run from service.
        Move::Serve => e.served_on = Some(on),
        _ => {}
    }
    e
}

#[cfg(test)]
mod tests;

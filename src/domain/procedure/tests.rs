//! Every move of the procedure, and every separation rule, on its allowed
//! and its refused case.

use super::*;
use crate::domain::kinds::{DecisionKind, ServiceMethod};

fn staff(id: i64, roles: &[Role]) -> Staff {
    Staff {
        id,
        login: format!("s{id}"),
        name: format!("员工{id}"),
        roles: roles.to_vec(),
        active: true,
        acted_by: None,
    }
}

const CHIEF_ID: i64 = 1;
const OFFICER: i64 = 7;
const SECOND: i64 = 8;
const LEGAL_ID: i64 = 2;

fn chief() -> Staff {
    staff(CHIEF_ID, &[Role::Chief])
}

fn officer() -> Staff {
    staff(OFFICER, &[Role::Inspector])
}

fn case(stage: Stage) -> CaseFacts {
    CaseFacts {
        stage: Some(stage),
        case_officer: Some(OFFICER),
        inspectors: vec![OFFICER, SECOND],
        ..CaseFacts::default()
    }
}

/// Makes the move attaching what it needs; the stage after it.
fn step(c: &CaseFacts, m: Move, who: &Staff) -> Result<Stage, Refusal> {
    may_move(c, m, who, &documents_for(c, m))
}

#[test]
fn the_main_line_runs_from_registration_to_closing() {
    let line = [
        (
            Stage::Registered,
            Move::Preliminary,
            officer(),
            Stage::Preliminary,
        ),
        (Stage::Preliminary, Move::Open, chief(), Stage::Opened),
        (
            Stage::Opened,
            Move::Investigate,
            officer(),
            Stage::Investigating,
        ),
        (
            Stage::Investigating,
            Move::PriorNotice,
            officer(),
            Stage::PriorNotice,
        ),
        (
            Stage::PriorNotice,
            Move::Statement,
            officer(),
            Stage::Defence,
        ),
        (Stage::Defence, Move::Decide, chief(), Stage::Decided),
        (Stage::Decided, Move::Serve, officer(), Stage::Decided),
        (Stage::Decided, Move::Enforce, officer(), Stage::Enforcing),
        (Stage::Enforcing, Move::Close, chief(), Stage::Closed),
    ];
    for (from, m, who, to) in line {
        let mut c = case(from);
        // Served once the decision is served, closed once it is carried out.
        c.served = matches!(m, Move::Enforce | Move::Close);
        c.paid_in_full = m == Move::Close;
        assert_eq!(step(&c, m, &who), Ok(to), "{m:?}");
    }
}

#[test]
fn a_decision_is_served_before_it_is_enforced_or_closed() {
    let c = case(Stage::Decided);
    assert_eq!(step(&c, Move::Enforce, &officer()), Err(Refusal::NotServed));
    assert_eq!(moves_from(&c), [Move::Serve]);
    let mut served = c;
    served.served = true;
    assert_eq!(moves_from(&served), [Move::Enforce, Move::Terminate]);
    served.paid_in_full = true;
    assert_eq!(
        moves_from(&served),
        [Move::Enforce, Move::Close, Move::Terminate]
    );
}

#[test]
fn the_partys_windows_run_before_the_decision() {
    let mut c = case(Stage::Defence);
    c.hearing_required = true;
    c.hearing_request_open = true;
    assert_eq!(
        step(&c, Move::Decide, &chief()),
        Err(Refusal::HearingWindowOpen)
    );
    // The request may still come at the defence stage.
    assert_eq!(
        step(&c, Move::HearingRequest, &officer()),
        Ok(Stage::Defence)
    );
    let mut s = case(Stage::Defence);
    s.statement_open = true;
    assert_eq!(
        step(&s, Move::Decide, &chief()),
        Err(Refusal::StatementWindowOpen)
    );
    // A statement on file does not end the window: the party may say more.
    s.on_file.push(Doc::StatementRecord);
    assert_eq!(
        step(&s, Move::Decide, &chief()),
        Err(Refusal::StatementWindowOpen)
    );
    // A written waiver does (行政处罚法 art 62).
    s.rights_waived = true;
    assert_eq!(step(&s, Move::Decide, &chief()), Ok(Stage::Decided));
    c.rights_waived = true;
    c.legal_reviewer = Some(LEGAL_ID);
    assert_eq!(step(&c, Move::Decide, &chief()), Ok(Stage::Decided));
}

#[test]
fn no_inspector_approves_and_no_one_conflicted_acts() {
    // A chief who investigates the case (not its officer) still may not approve.
    let chief_inspector = staff(SECOND, &[Role::Chief, Role::Inspector]);
    assert_eq!(
        step(&case(Stage::Defence), Move::Decide, &chief_inspector),
        Err(Refusal::OwnCase)
    );
    let mut c = case(Stage::Preliminary);
    c.conflicted = vec![CHIEF_ID];
    assert_eq!(
        step(&c, Move::Open, &chief()),
        Err(Refusal::Conflicted { staff: CHIEF_ID })
    );
    let mut late = case(Stage::Investigating);
    late.investigation_overdue = true;
    assert_eq!(
        step(&late, Move::Extend, &chief()),
        Err(Refusal::TooLateToExtend)
    );
}

#[test]
fn only_the_allowed_moves_exist_from_each_stage() {
    assert_eq!(
        step(&case(Stage::Registered), Move::Decide, &chief()),
        Err(Refusal::NotFromStage {
            stage: Stage::Registered
        })
    );
    assert_eq!(moves_from(&case(Stage::Registered)), [Move::Preliminary]);
    assert_eq!(
        moves_from(&case(Stage::Investigating)),
        [
            Move::Suspend,
            Move::Extend,
            Move::PriorNotice,
            Move::Withdraw,
            Move::Transfer,
            Move::RectifyOrder,
            Move::Order
        ]
    );
    assert!(moves_from(&case(Stage::Closed)).is_empty());
}

#[test]
fn the_side_exits_close_the_case_with_their_outcome() {
    for (m, from, outcome) in [
        (Move::Withdraw, Stage::Opened, Outcome::Withdrawn),
        (Move::Transfer, Stage::Preliminary, Outcome::Transferred),
        (Move::RectifyOrder, Stage::Investigating, Outcome::Rectified),
    ] {
        assert_eq!(step(&case(from), m, &chief()), Ok(Stage::Closed), "{m:?}");
        assert_eq!(rule(m).outcome, Some(outcome));
    }
    assert!(step(&case(Stage::Decided), Move::Withdraw, &chief()).is_err());
}

#[test]
fn each_move_names_its_role() {
    assert_eq!(
        step(&case(Stage::Preliminary), Move::Open, &officer()),
        Err(Refusal::WrongRole {
            needs: &[Role::Chief]
        })
    );
    let clerk = staff(20, &[Role::Clerk]);
    assert!(matches!(
        step(&case(Stage::Registered), Move::Preliminary, &clerk),
        Err(Refusal::WrongRole { .. })
    ));
}

#[test]
fn each_move_needs_its_documents() {
    let c = case(Stage::Preliminary);
    assert_eq!(
        may_move(&c, Move::Open, &chief(), &[]),
        Err(Refusal::MissingDocuments(vec![Doc::OpeningApproval]))
    );
    let mut on_file = c.clone();
    on_file.on_file.push(Doc::OpeningApproval);
    assert_eq!(
        may_move(&on_file, Move::Open, &chief(), &[]),
        Ok(Stage::Opened)
    );
    assert_eq!(
        may_move(&case(Stage::Decided), Move::Serve, &officer(), &[]),
        Err(Refusal::MissingDocuments(vec![Doc::ServiceReceipt]))
    );
}

#[test]
fn an_investigation_needs_two_inspectors_none_conflicted() {
    let mut c = case(Stage::Opened);
    c.inspectors = vec![OFFICER];
    assert_eq!(
        step(&c, Move::Investigate, &officer()),
        Err(Refusal::TooFewInspectors { have: 1 })
    );
    let a = officer();
    let b = staff(SECOND, &[Role::Inspector]);
    assert_eq!(may_assign(&[a.clone(), b.clone()], &[]), Ok(()));
    assert_eq!(
        may_assign(&[a.clone(), a.clone()], &[]),
        Err(Refusal::TooFewInspectors { have: 1 })
    );
    assert_eq!(
        may_assign(&[a.clone(), b.clone()], &[SECOND]),
        Err(Refusal::Conflicted { staff: SECOND })
    );
    assert!(matches!(
        may_assign(&[a, staff(30, &[Role::Clerk])], &[]),
        Err(Refusal::WrongRole { .. })
    ));
}

#[test]
fn nobody_approves_their_own_opening_extension_or_closing() {
    // A chief who is also the case's officer.
    let chief_officer = staff(OFFICER, &[Role::Chief, Role::Inspector]);
    for (stage, m) in [
        (Stage::Preliminary, Move::Open),
        (Stage::Investigating, Move::Extend),
        (Stage::Enforcing, Move::Close),
    ] {
        let mut c = case(stage);
        c.served = true;
        c.paid_in_full = true;
        assert_eq!(step(&c, m, &chief_officer), Err(Refusal::OwnCase), "{m:?}");
        assert!(step(&c, m, &chief()).is_ok(), "{m:?}");
    }
}

#[test]
fn an_extension_is_granted_once_and_a_suspension_stops_the_case() {
    let mut c = case(Stage::Investigating);
    c.extended = true;
    assert_eq!(
        step(&c, Move::Extend, &chief()),
        Err(Refusal::AlreadyExtended)
    );
    let mut s = case(Stage::Investigating);
    s.suspended = true;
    assert_eq!(
        step(&s, Move::Suspend, &chief()),
        Err(Refusal::AlreadySuspended)
    );
    assert_eq!(
        step(&s, Move::PriorNotice, &officer()),
        Err(Refusal::Suspended)
    );
    assert_eq!(step(&s, Move::Resume, &chief()), Ok(Stage::Investigating));
    assert_eq!(
        step(&case(Stage::Investigating), Move::Resume, &chief()),
        Err(Refusal::NotSuspended)
    );
}

#[test]
fn a_prior_notice_offers_a_hearing_when_one_is_due() {
    let mut c = case(Stage::Investigating);
    c.hearing_required = true;
    assert_eq!(
        may_move(&c, Move::PriorNotice, &officer(), &[Doc::PriorNoticeDoc]),
        Err(Refusal::MissingDocuments(vec![Doc::HearingNoticeDoc]))
    );
    assert_eq!(
        documents_for(&c, Move::PriorNotice),
        [Doc::PriorNoticeDoc, Doc::HearingNoticeDoc]
    );
    assert_eq!(
        step(&c, Move::PriorNotice, &officer()),
        Ok(Stage::PriorNotice)
    );
}

#[test]
fn the_hearing_host_did_not_investigate_and_the_reviewer_is_not_the_officer() {
    let mut c = case(Stage::Defence);
    assert_eq!(
        step(&c, Move::Hearing, &chief()),
        Err(Refusal::NoHearingToHold)
    );
    assert!(
        !moves_from(&c).contains(&Move::Hearing),
        "only when asked for"
    );
    c.hearing_requested = true;
    // Notified first, 7 working days ahead, then held on the day.
    assert!(moves_from(&c).contains(&Move::ScheduleHearing));
    assert!(!moves_from(&c).contains(&Move::Hearing));
    assert_eq!(
        step(&c, Move::Hearing, &chief()),
        Err(Refusal::HearingNotNotified)
    );
    assert_eq!(
        step(&c, Move::ScheduleHearing, &officer()),
        Err(Refusal::NoDeadline)
    );
    c.order_deadline_given = true;
    assert_eq!(
        documents_for(&c, Move::ScheduleHearing),
        vec![Doc::HearingMeetingNotice]
    );
    assert_eq!(
        step(&c, Move::ScheduleHearing, &officer()),
        Ok(Stage::Defence)
    );
    c.hearing_on = Some(d(2026, 11, 20));
    c.act_on = Some(d(2026, 11, 19));
    assert_eq!(
        step(&c, Move::Hearing, &chief()),
        Err(Refusal::HearingNotNotified)
    );
    c.act_on = Some(d(2026, 11, 20));
    assert!(moves_from(&c).contains(&Move::Hearing));
    let chief_inspector = staff(SECOND, &[Role::Chief, Role::Inspector]);
    assert_eq!(
        step(&c, Move::Hearing, &chief_inspector),
        Err(Refusal::HostInvestigated)
    );
    assert_eq!(step(&c, Move::Hearing, &chief()), Ok(Stage::Defence));
    let officer_legal = staff(OFFICER, &[Role::Legal, Role::Inspector]);
    assert_eq!(
        step(&c, Move::LegalReview, &officer_legal),
        Err(Refusal::ReviewerIsOfficer)
    );
    assert_eq!(
        step(&c, Move::LegalReview, &staff(LEGAL_ID, &[Role::Legal])),
        Ok(Stage::Defence)
    );
}

#[test]
fn a_decision_waits_for_a_requested_hearing_and_then_for_legal_review() {
    let mut c = case(Stage::Defence);
    c.hearing_requested = true;
    assert_eq!(
        step(&c, Move::Decide, &chief()),
        Err(Refusal::HearingPending)
    );
    c.hearing_host = Some(CHIEF_ID);
    assert_eq!(
        step(&c, Move::Decide, &chief()),
        Err(Refusal::NoLegalReview)
    );
    c.legal_reviewer = Some(LEGAL_ID);
    assert_eq!(step(&c, Move::Decide, &chief()), Ok(Stage::Decided));
}

#[test]
fn a_move_says_what_it_changes() {
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert_eq!(
        effect(Move::Open, &chief(), on, ServiceMethod::Direct).opened_on,
        Some(on)
    );
    assert_eq!(
        effect(Move::Suspend, &chief(), on, ServiceMethod::Direct).suspend,
        Some(true)
    );
    assert_eq!(
        effect(Move::Hearing, &chief(), on, ServiceMethod::Direct).hearing_host,
        Some(CHIEF_ID)
    );
    let d = effect(Move::Decide, &chief(), on, ServiceMethod::Direct);
    assert_eq!(
        (d.decided_on, d.served_on, d.to),
        (Some(on), None, Some(Stage::Decided))
    );
    assert_eq!(
        effect(Move::Transfer, &chief(), on, ServiceMethod::Direct).outcome,
        Some(Outcome::Transferred)
    );
}

#[test]
fn mass_incidents_sort_first_then_by_deadline() {
    let d = |m| chrono::NaiveDate::from_ymd_opt(2026, m, 1);
    let mut keys = [
        queue_key(false, d(3)),
        queue_key(true, d(12)),
        queue_key(false, None),
        queue_key(false, d(1)),
    ];
    keys.sort();
    assert_eq!(
        keys,
        ["A2026-12-01", "B2026-01-01", "B2026-03-01", "B9999-12-31"]
    );
}

#[test]
fn a_hearing_is_asked_for_only_when_offered_and_within_its_window() {
    let mut c = case(Stage::PriorNotice);
    assert_eq!(
        step(&c, Move::HearingRequest, &officer()),
        Err(Refusal::NoHearingOffered)
    );
    c.hearing_required = true;
    assert_eq!(
        step(&c, Move::HearingRequest, &officer()),
        Err(Refusal::HearingRequestLate)
    );
    c.hearing_request_open = true;
    assert!(moves_from(&c).contains(&Move::HearingRequest));
    assert_eq!(
        step(&c, Move::HearingRequest, &officer()),
        Ok(Stage::PriorNotice)
    );
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert!(effect(Move::HearingRequest, &officer(), on, ServiceMethod::Direct).hearing_requested);
    c.hearing_requested = true;
    assert_eq!(
        step(&c, Move::HearingRequest, &officer()),
        Err(Refusal::AlreadyRequested)
    );
    assert!(!moves_from(&c).contains(&Move::HearingRequest));
}

#[test]
fn a_waiver_is_a_paper_on_file_and_moves_the_case_to_its_defence() {
    let c = case(Stage::PriorNotice);
    assert_eq!(
        may_move(&c, Move::Waive, &officer(), &[]),
        Err(Refusal::MissingDocuments(vec![Doc::RightsWaiver]))
    );
    assert_eq!(step(&c, Move::Waive, &officer()), Ok(Stage::Defence));
    let mut waived = case(Stage::Defence);
    waived.rights_waived = true;
    assert_eq!(
        step(&waived, Move::Waive, &officer()),
        Err(Refusal::AlreadyWaived)
    );
    let e = effect(
        Move::Waive,
        &officer(),
        d(2026, 10, 23),
        ServiceMethod::Direct,
    );
    assert!(e.rights_waived);
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn a_new_notice_goes_back_to_the_notice_stage_with_a_new_paper_and_a_fresh_defence() {
    let mut c = case(Stage::Defence);
    c.on_file = vec![Doc::PriorNoticeDoc, Doc::StatementRecord];
    // Its own paper, though one notice is on file already.
    assert_eq!(documents_for(&c, Move::Renotice), vec![Doc::PriorNoticeDoc]);
    assert_eq!(step(&c, Move::Renotice, &officer()), Ok(Stage::PriorNotice));
    let e = effect(
        Move::Renotice,
        &officer(),
        d(2026, 11, 2),
        ServiceMethod::Post,
    );
    assert_eq!(e.notice_served_on, Some(d(2026, 11, 2)));
    assert!(e.reset_defence);
    assert_eq!(e.served_by, Some(ServiceMethod::Post));
}

#[test]
fn service_dates_are_the_days_service_took_effect_not_the_day_typed() {
    // Published on 9 October: served 30 days later (民事诉讼法 art 95).
    let e = effect(
        Move::Serve,
        &officer(),
        d(2026, 10, 9),
        ServiceMethod::Notice,
    );
    assert_eq!(e.served_on, Some(d(2026, 11, 8)));
    assert_eq!(e.on, Some(d(2026, 10, 9)));
    let n = effect(
        Move::PriorNotice,
        &officer(),
        d(2026, 10, 20),
        ServiceMethod::Post,
    );
    assert_eq!(n.notice_served_on, Some(d(2026, 10, 20)));
    // A step that serves nothing records no method.
    let o = effect(Move::Open, &chief(), d(2026, 10, 13), ServiceMethod::Post);
    assert_eq!((o.opened_on, o.served_by), (Some(d(2026, 10, 13)), None));
}

#[test]
fn a_case_closes_only_when_carried_out_or_sent_to_the_court_or_terminated_for_a_reason() {
    let mut c = case(Stage::Enforcing);
    c.served = true;
    assert_eq!(step(&c, Move::Close, &chief()), Err(Refusal::NotCarriedOut));
    // Unpaid after the time to pay: a 催告 first.
    assert_eq!(step(&c, Move::Remind, &officer()), Err(Refusal::NotOverdue));
    c.payment_overdue = true;
    assert_eq!(step(&c, Move::Remind, &officer()), Ok(Stage::Enforcing));
    assert_eq!(
        step(&c, Move::CourtApply, &chief()),
        Err(Refusal::NoReminder)
    );
    c.reminder_served = true;
    assert_eq!(
        step(&c, Move::CourtApply, &chief()),
        Err(Refusal::CourtWindowClosed)
    );
    c.court_window_open = true;
    assert_eq!(
        step(&c, Move::CourtApply, &officer()),
        Err(Refusal::WrongRole {
            needs: &[Role::Chief]
        })
    );
    assert_eq!(step(&c, Move::CourtApply, &chief()), Ok(Stage::Enforcing));
    c.court_applied = true;
    assert_eq!(
        step(&c, Move::CourtApply, &chief()),
        Err(Refusal::AlreadyApplied)
    );
    assert_eq!(step(&c, Move::Close, &chief()), Ok(Stage::Closed));
    // Termination ends a case that cannot be carried out.
    let mut t = case(Stage::Decided);
    t.served = true;
    assert_eq!(step(&t, Move::Terminate, &chief()), Ok(Stage::Closed));
    assert_eq!(rule(Move::Terminate).outcome, Some(Outcome::Terminated));
}

#[test]
fn the_investigation_may_be_suspended_or_extended_until_the_decision() {
    for stage in [
        Stage::Opened,
        Stage::Investigating,
        Stage::PriorNotice,
        Stage::Defence,
    ] {
        let c = case(stage);
        assert!(step(&c, Move::Suspend, &chief()).is_ok(), "{stage:?}");
        assert!(step(&c, Move::Extend, &chief()).is_ok(), "{stage:?}");
    }
    assert!(matches!(
        step(&case(Stage::Decided), Move::Suspend, &chief()),
        Err(Refusal::NotFromStage { .. })
    ));
}

#[test]
fn a_case_the_office_found_opens_its_file_with_a_record_of_its_source() {
    let mut c = case(Stage::Registered);
    assert_eq!(
        documents_for(&c, Move::Preliminary),
        vec![Doc::ComplaintForm]
    );
    c.found_by_office = true;
    assert_eq!(
        documents_for(&c, Move::Preliminary),
        vec![Doc::SourceRecord]
    );
    assert_eq!(
        may_move(&c, Move::Preliminary, &officer(), &[]),
        Err(Refusal::MissingDocuments(vec![Doc::SourceRecord]))
    );
    assert_eq!(
        step(&c, Move::Preliminary, &officer()),
        Ok(Stage::Preliminary)
    );
}

#[test]
fn a_party_who_says_nothing_is_decided_from_the_notice_once_its_windows_close() {
    let mut c = case(Stage::PriorNotice);
    c.statement_open = true;
    assert_eq!(
        step(&c, Move::Decide, &chief()),
        Err(Refusal::StatementWindowOpen)
    );
    c.statement_open = false;
    assert_eq!(step(&c, Move::Decide, &chief()), Ok(Stage::Decided));
    assert_eq!(
        step(&c, Move::LegalReview, &staff(LEGAL_ID, &[Role::Legal])),
        Ok(Stage::PriorNotice)
    );
}

#[test]
fn a_penalty_waits_for_its_notice_a_handling_decision_does_not() {
    let mut c = case(Stage::Investigating);
    assert_eq!(
        step(&c, Move::Decide, &chief()),
        Err(Refusal::NoPriorNotice)
    );
    c.deciding = Some(DecisionKind::Fine);
    assert_eq!(
        step(&c, Move::Decide, &chief()),
        Err(Refusal::NoPriorNotice)
    );
    c.deciding = Some(DecisionKind::Handling);
    assert_eq!(documents_for(&c, Move::Decide), vec![Doc::HandlingDecision]);
    assert_eq!(step(&c, Move::Decide, &chief()), Ok(Stage::Decided));
    assert!(moves_from(&c).contains(&Move::Decide));
    c.deciding = Some(DecisionKind::NoPenalty);
    assert_eq!(
        documents_for(&c, Move::Decide),
        vec![Doc::NoPenaltyDecision]
    );
}

#[test]
fn an_order_to_rectify_names_its_deadline_and_keeps_the_case_open() {
    let mut c = case(Stage::Investigating);
    assert_eq!(step(&c, Move::Order, &officer()), Err(Refusal::NoDeadline));
    c.order_deadline_given = true;
    assert_eq!(step(&c, Move::Order, &officer()), Ok(Stage::Investigating));
    assert_eq!(documents_for(&c, Move::Order), vec![Doc::RectifyOrderDoc]);
}

#[test]
fn a_serious_case_is_decided_by_the_heads_together() {
    let mut c = case(Stage::Defence);
    c.discussion_required = true;
    assert_eq!(
        step(&c, Move::Decide, &chief()),
        Err(Refusal::NoCollectiveDiscussion)
    );
    assert_eq!(
        step(&c, Move::Discuss, &officer()),
        Err(Refusal::WrongRole {
            needs: &[Role::Chief]
        })
    );
    assert_eq!(step(&c, Move::Discuss, &chief()), Ok(Stage::Defence));
    c.on_file.push(Doc::CollectiveDiscussion);
    assert_eq!(step(&c, Move::Decide, &chief()), Ok(Stage::Decided));
}

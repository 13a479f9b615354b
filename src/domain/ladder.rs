//! Sanction ladders of licensed bodies (DOMAIN.md §4–6): the steps each kind
//! climbs, which step may follow which, and the forced termination of an
//! agreement after two suspensions in one agreement term (定点管理暂行办法
//! art 43). Each step is recorded with its date, deadline and who decided.

use super::kinds::{DecisionKind, LicenceKind, LicenceStatus};
use chrono::{Days, NaiveDate};

/// One rung of a ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// 限期整改 / 责令改正: an order with a deadline, not a penalty.
    Rectify,
    /// 警告并责令改正 (HR agencies; schools: 责令限期改正并警告)
    WarnAndRectify,
    /// 没收违法所得 (schools)
    Confiscate,
    /// 罚款 (HR agencies: 人力资源市场暂行条例 arts 42–46)
    Fine,
    /// 停止招生 (schools)
    StopEnrolment,
    /// 吊销许可证 (HR agencies, schools)
    Revoke,
    /// 约谈 (agreement institutions)
    Interview,
    /// 暂停或不予拨付
    WithholdPayment,
    /// 追回费用
    RecoverCosts,
    /// 违约金
    Penalty,
    /// 中止相关人员或科室
    SuspendStaff,
    /// 中止协议
    SuspendAgreement,
    /// 解除协议
    Terminate,
    /// 恢复: a suspension lifted before its day (not a rung).
    Lift,
}

impl Step {
    pub fn code(self) -> &'static str {
        match self {
            Step::Rectify => "rectify",
            Step::Fine => "fine",
            Step::Lift => "lift",
            Step::WarnAndRectify => "warn-rectify",
            Step::Confiscate => "confiscate",
            Step::StopEnrolment => "stop-enrolment",
            Step::Revoke => "revoke",
            Step::Interview => "interview",
            Step::WithholdPayment => "withhold-payment",
            Step::RecoverCosts => "recover-costs",
            Step::Penalty => "penalty",
            Step::SuspendStaff => "suspend-staff",
            Step::SuspendAgreement => "suspend-agreement",
            Step::Terminate => "terminate",
        }
    }

    pub const ALL: [Step; 14] = [
        Step::Rectify,
        Step::WarnAndRectify,
        Step::Confiscate,
        Step::Fine,
        Step::Lift,
        Step::StopEnrolment,
        Step::Revoke,
        Step::Interview,
        Step::WithholdPayment,
        Step::RecoverCosts,
        Step::Penalty,
        Step::SuspendStaff,
        Step::SuspendAgreement,
        Step::Terminate,
    ];

    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        let (zh, en) = match self {
            Step::Rectify => ("限期整改", "Rectify within a deadline"),
            Step::Fine => ("罚款", "Fine"),
            Step::Lift => ("恢复（解除暂停）", "Suspension lifted"),
            Step::WarnAndRectify => ("警告并责令限期改正", "Warning and order to rectify"),
            Step::Confiscate => ("没收违法所得", "Confiscation of illegal gains"),
            Step::StopEnrolment => ("停止招生", "Stop enrolment"),
            Step::Revoke => ("吊销许可证", "Licence revoked"),
            Step::Interview => ("约谈", "Interview"),
            Step::WithholdPayment => ("暂停或不予拨付", "Payment withheld"),
            Step::RecoverCosts => ("追回费用", "Costs recovered"),
            Step::Penalty => ("违约金", "Contract penalty"),
            Step::SuspendStaff => ("中止相关人员或科室", "Staff or department suspended"),
            Step::SuspendAgreement => ("中止协议", "Agreement suspended"),
            Step::Terminate => ("解除协议", "Agreement terminated"),
        };
        lang.pick(zh, en)
    }

    /// An administrative penalty (行政处罚法 art 9): it is decided by the
    /// case procedure — prior notice with the right to state and defend, a
    /// hearing where the law gives one, a decision served — and takes effect
    /// when served. The others (整改, 约谈, the agreement's own handling)
    /// are recorded as they are made.
    pub fn is_penalty(self) -> bool {
        self.decision_kind().is_some()
    }

    /// The decision a penalty step is made by.
    pub fn decision_kind(self) -> Option<DecisionKind> {
        match self {
            Step::WarnAndRectify => Some(DecisionKind::Warning),
            Step::Confiscate => Some(DecisionKind::Confiscation),
            Step::Fine => Some(DecisionKind::Fine),
            Step::StopEnrolment => Some(DecisionKind::StopEnrolment),
            Step::Revoke => Some(DecisionKind::Revocation),
            _ => None,
        }
    }

    /// The penalty step a served decision of `kind` takes.
    pub fn of_decision(kind: DecisionKind) -> Option<Step> {
        Step::ALL
            .into_iter()
            .find(|s| s.decision_kind() == Some(kind))
    }

    /// The standing the step puts a licence in when it takes effect; None
    /// leaves the standing as it is.
    pub fn standing(self) -> Option<LicenceStatus> {
        match self {
            Step::Revoke | Step::Terminate => Some(LicenceStatus::Revoked),
            Step::StopEnrolment | Step::SuspendAgreement => Some(LicenceStatus::Suspended),
            Step::Lift => Some(LicenceStatus::Valid),
            _ => None,
        }
    }
}

/// A ladder step as it takes effect on a licence: recorded with its day,
/// its last day (a deadline or the end of a suspension) and why; a step that
/// holds the licence (`Step::standing`) changes its standing from `on`.
/// A penalty's step is taken by its served decision and names that case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenceAct {
    pub licence: i64,
    pub step: Step,
    /// The day it was decided.
    pub decided_on: NaiveDate,
    /// The day it takes effect (a decision: the day its service took effect).
    pub on: NaiveDate,
    pub until: Option<NaiveDate>,
    pub reason: String,
    pub case: Option<i64>,
}

/// An agreement is suspended for at most 180 days, then lifted or
/// terminated (定点管理暂行办法 art 42; DOMAIN.md §6).
pub const AGREEMENT_SUSPENSION_MAX_DAYS: u64 = 180;

/// The ladder of a kind of licence, lowest rung first.
pub fn ladder(kind: LicenceKind) -> &'static [Step] {
    use Step::*;
    match kind {
        LicenceKind::HrService => &[Rectify, WarnAndRectify, Fine, Revoke],
        LicenceKind::TrainingSchool => {
            &[Rectify, WarnAndRectify, Confiscate, StopEnrolment, Revoke]
        }
        LicenceKind::DesignatedClinic
        | LicenceKind::DesignatedPharmacy
        | LicenceKind::WorkInjuryAgreement => &[
            Interview,
            WithholdPayment,
            RecoverCosts,
            Penalty,
            SuspendStaff,
            SuspendAgreement,
            Terminate,
        ],
    }
}

/// A step already taken on a licence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub step: Step,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LadderRefusal {
    /// Not a rung of this kind's ladder.
    NotOnLadder,
    /// The body was already revoked or its agreement terminated.
    AtTheTop,
    /// The step runs until a day, and none was given (or it is not after
    /// the step's day).
    NeedsUntil,
    /// An agreement suspended beyond 180 days.
    SuspensionTooLong,
    /// Only a suspended licence is lifted.
    NotSuspended,
}

/// Whether `step` may be taken now. Steps may skip rungs (a serious case goes
/// straight up), but nothing follows the top.
pub fn may_take(kind: LicenceKind, taken: &[Taken], step: Step) -> Result<(), LadderRefusal> {
    let rungs = ladder(kind);
    if !rungs.contains(&step) {
        return Err(LadderRefusal::NotOnLadder);
    }
    let top = *rungs.last().expect("ladders are not empty");
    if taken.iter().any(|t| t.step == top) {
        return Err(LadderRefusal::AtTheTop);
    }
    Ok(())
}

/// Whether `until` suits `step` taken on `on`: a rectification and an
/// agreement's suspension each end on a day after it, the suspension within
/// 180 days; a stop of enrolment may name its last day or last until a
/// re-check passes.
pub fn check_until(
    step: Step,
    on: NaiveDate,
    until: Option<NaiveDate>,
) -> Result<(), LadderRefusal> {
    let needs = matches!(step, Step::Rectify | Step::SuspendAgreement);
    match until {
        None if needs => Err(LadderRefusal::NeedsUntil),
        Some(u) if u <= on => Err(LadderRefusal::NeedsUntil),
        Some(u)
            if step == Step::SuspendAgreement
                && u > on + Days::new(AGREEMENT_SUSPENSION_MAX_DAYS) =>
        {
            Err(LadderRefusal::SuspensionTooLong)
        }
        _ => Ok(()),
    }
}

/// Whether a licence is held until a re-check passes: enrolment stopped
/// with no last day (民办教育: 不合格 → no enrolment until a re-check passes).
pub fn held_until_recheck(status: LicenceStatus, step: &str, until: Option<NaiveDate>) -> bool {
    status == LicenceStatus::Suspended && step == Step::StopEnrolment.code() && until.is_none()
}

/// Whether a licence standing as `now` may have its suspension lifted.
pub fn may_lift(now: LicenceStatus) -> Result<(), LadderRefusal> {
    if now == LicenceStatus::Suspended {
        Ok(())
    } else {
        Err(LadderRefusal::NotSuspended)
    }
}

/// Whether an agreement must now be terminated: two suspensions of it in
/// the agreement term running from `term_start` (art 43).
pub fn termination_forced(taken: &[Taken], term_start: NaiveDate) -> bool {
    taken
        .iter()
        .filter(|t| t.step == Step::SuspendAgreement && t.on >= term_start)
        .count()
        >= 2
}

/// A rectification whose deadline passed with no re-inspection done (one
/// only planned for later does not count): it belongs in the triage view.
pub fn rectification_overdue(
    deadline: NaiveDate,
    reinspected_on: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    deadline < today && reinspected_on.is_none_or(|r| r > today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn took(step: Step, on: NaiveDate) -> Taken {
        Taken { step, on }
    }

    #[test]
    fn each_kind_climbs_its_own_ladder() {
        assert_eq!(
            ladder(LicenceKind::HrService),
            [
                Step::Rectify,
                Step::WarnAndRectify,
                Step::Fine,
                Step::Revoke
            ]
        );
        assert_eq!(ladder(LicenceKind::TrainingSchool).len(), 5);
        assert_eq!(
            ladder(LicenceKind::DesignatedClinic).first(),
            Some(&Step::Interview)
        );
        assert_eq!(
            ladder(LicenceKind::WorkInjuryAgreement).last(),
            Some(&Step::Terminate)
        );
        assert_eq!(
            may_take(LicenceKind::HrService, &[], Step::StopEnrolment),
            Err(LadderRefusal::NotOnLadder)
        );
        assert_eq!(
            may_take(LicenceKind::TrainingSchool, &[], Step::StopEnrolment),
            Ok(())
        );
    }

    #[test]
    fn nothing_follows_the_top_of_a_ladder() {
        let revoked = [
            took(Step::WarnAndRectify, d(3, 1)),
            took(Step::Revoke, d(6, 1)),
        ];
        assert_eq!(
            may_take(LicenceKind::HrService, &revoked, Step::WarnAndRectify),
            Err(LadderRefusal::AtTheTop)
        );
        let terminated = [took(Step::Terminate, d(6, 1))];
        assert_eq!(
            may_take(
                LicenceKind::DesignatedPharmacy,
                &terminated,
                Step::Interview
            ),
            Err(LadderRefusal::AtTheTop)
        );
    }

    #[test]
    fn penalties_go_by_the_case_procedure_and_orders_stay_light() {
        // 行政处罚法 art 9: 警告、罚款、没收、责令停产停业（停止招生）、吊销许可证.
        for s in [
            Step::WarnAndRectify,
            Step::Confiscate,
            Step::Fine,
            Step::StopEnrolment,
            Step::Revoke,
        ] {
            assert!(s.is_penalty(), "{s:?}");
            assert_eq!(s.decision_kind().and_then(Step::of_decision), Some(s));
        }
        for s in [
            Step::Rectify,
            Step::Interview,
            Step::WithholdPayment,
            Step::SuspendAgreement,
            Step::Terminate,
            Step::Lift,
        ] {
            assert!(!s.is_penalty(), "{s:?}");
        }
        // Art 63: revoking a licence and stopping enrolment always offer a hearing.
        assert!(DecisionKind::Revocation.on_the_licence());
        assert!(DecisionKind::StopEnrolment.on_the_licence());
        assert!(!DecisionKind::Warning.on_the_licence());
    }

    #[test]
    fn a_step_changes_the_standing_only_where_it_holds_the_licence() {
        assert_eq!(Step::Revoke.standing(), Some(LicenceStatus::Revoked));
        assert_eq!(Step::Terminate.standing(), Some(LicenceStatus::Revoked));
        assert_eq!(
            Step::StopEnrolment.standing(),
            Some(LicenceStatus::Suspended)
        );
        assert_eq!(
            Step::SuspendAgreement.standing(),
            Some(LicenceStatus::Suspended)
        );
        assert_eq!(Step::Lift.standing(), Some(LicenceStatus::Valid));
        assert_eq!(Step::WarnAndRectify.standing(), None);
        assert_eq!(Step::Fine.standing(), None);
        assert_eq!(may_lift(LicenceStatus::Suspended), Ok(()));
        assert_eq!(
            may_lift(LicenceStatus::Revoked),
            Err(LadderRefusal::NotSuspended)
        );
    }

    #[test]
    fn an_agreement_is_suspended_for_at_most_180_days() {
        let on = d(3, 1);
        assert_eq!(
            check_until(Step::SuspendAgreement, on, None),
            Err(LadderRefusal::NeedsUntil)
        );
        let day_180 = on + Days::new(180);
        assert_eq!(
            check_until(Step::SuspendAgreement, on, Some(day_180)),
            Ok(())
        );
        assert_eq!(
            check_until(Step::SuspendAgreement, on, Some(day_180 + Days::new(1))),
            Err(LadderRefusal::SuspensionTooLong)
        );
        // A rectification needs its deadline; enrolment may stop until a re-check.
        assert_eq!(
            check_until(Step::Rectify, on, Some(on)),
            Err(LadderRefusal::NeedsUntil)
        );
        assert_eq!(check_until(Step::StopEnrolment, on, None), Ok(()));
    }

    #[test]
    fn two_suspensions_in_one_term_force_termination() {
        let term = d(1, 1);
        let once = [took(Step::SuspendAgreement, d(3, 1))];
        assert!(!termination_forced(&once, term));
        let twice = [
            took(Step::SuspendAgreement, d(3, 1)),
            took(Step::SuspendAgreement, d(9, 1)),
        ];
        assert!(termination_forced(&twice, term));
        // One of them in the previous term does not count.
        let spread = [
            took(
                Step::SuspendAgreement,
                NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
            ),
            took(Step::SuspendAgreement, d(3, 1)),
        ];
        assert!(!termination_forced(&spread, term));
    }

    #[test]
    fn a_passed_rectification_deadline_without_reinspection_is_overdue() {
        assert!(rectification_overdue(d(11, 20), None, d(11, 27)));
        assert!(
            !rectification_overdue(d(11, 30), None, d(11, 27)),
            "not yet due"
        );
        assert!(
            !rectification_overdue(d(11, 20), Some(d(11, 25)), d(11, 27)),
            "re-inspected"
        );
        assert!(
            rectification_overdue(d(11, 20), Some(d(12, 5)), d(11, 27)),
            "only planned"
        );
    }
}

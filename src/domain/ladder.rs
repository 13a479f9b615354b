//! Sanction ladders of licensed bodies (DOMAIN.md §4–6): the steps each kind
//! climbs, which step may follow which, and the forced termination of an
//! agreement after two suspensions in one agreement term (定点管理暂行办法
//! art 43). Each step is recorded with its date, deadline and who decided.

use super::kinds::LicenceKind;
use chrono::NaiveDate;

/// One rung of a ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// 警告并责令改正 (HR agencies; schools: 责令限期改正并警告)
    WarnAndRectify,
    /// 没收违法所得 (schools)
    Confiscate,
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
}

impl Step {
    pub fn code(self) -> &'static str {
        match self {
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

    pub const ALL: [Step; 11] = [
        Step::WarnAndRectify,
        Step::Confiscate,
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

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let (zh, en) = match self {
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
}

/// The ladder of a kind of licence, lowest rung first.
pub fn ladder(kind: LicenceKind) -> &'static [Step] {
    use Step::*;
    match kind {
        LicenceKind::HrService => &[WarnAndRectify, Revoke],
        LicenceKind::TrainingSchool => &[WarnAndRectify, Confiscate, StopEnrolment, Revoke],
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
            [Step::WarnAndRectify, Step::Revoke]
        );
        assert_eq!(ladder(LicenceKind::TrainingSchool).len(), 4);
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

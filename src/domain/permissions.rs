//! Who may do what: every act the program guards and the roles that may do
//! it, in one table. The workflows, the screen and the command line all ask
//! `may`, so a rule is changed in one place, and the tests walk every act
//! for every role. (The case procedure's steps have their own table, with
//! the separation of duties: `procedure::rule`.)

pub use super::kinds::Act;
use super::kinds::Role;
use super::staff::Staff;

use Role::{Admin, Chief, Clerk, Inspector, Legal};

/// The roles that may do `act` (any one of them suffices).
pub fn roles(act: Act) -> &'static [Role] {
    match act {
        // The counter's work: the clerks who review filings receive them.
        Act::ReceiveFiling | Act::DecideFiling => &[Clerk, Chief],
        Act::ApproveOverProblems => &[Chief],
        // Clerks and chiefs, each time with a reason; an administrator runs
        // the system and sees no one's data.
        Act::RevealPerson => &[Clerk, Chief],
        Act::VerifyAudit => &[Admin, Chief],
        Act::AddStaff | Act::LoadCalendar | Act::ActAsAnother => &[Admin],
        Act::RegisterComplaint => &[Clerk, Inspector, Chief],
        Act::DecideComplaint
        | Act::AssignCase
        | Act::RunDraw
        | Act::TakeLadderStep
        | Act::SetUpCampaign
        | Act::FormTeam => &[Chief],
        Act::RecordInspection | Act::InspectFromLead | Act::GroupIntoCampaign => {
            &[Inspector, Chief]
        }
        Act::ImportSettlements => &[Inspector, Chief],
        Act::RecordAnnualReview => &[Inspector, Chief, Clerk],
        // The office's rules (deadlines, thresholds, figures): set by its
        // chief or its administrator, each change with its source, audited.
        Act::ImportLicences | Act::LoadTemplate | Act::SetSetting => &[Chief, Admin],
        Act::ImportRegister => &[Clerk, Chief, Admin],
        // The case's people: who investigates, approves and reviews it.
        Act::FileEvidence => &[Inspector, Chief, Legal],
        // Documents go to the public under the bureau's numbers: staff who
        // do the work print them, not the system's administrator.
        Act::PrintDocument => &[Clerk, Inspector, Chief, Legal],
        Act::RecordLead => &[Clerk, Inspector, Chief],
        // Cases found by the office are registered by who found them.
        Act::OpenCase | Act::RecordPayment => &[Inspector, Chief],
    }
}

/// Whether `staff` may do `act`: active, with one of its roles, and, for a
/// personal act, not while someone else acts on the member's behalf.
pub fn may(staff: &Staff, act: Act) -> bool {
    staff.active && any_of(&staff.roles, act) && !(staff.acted_by.is_some() && personal(act))
}

/// Acts that rest on the judgement of the one who does them and are never
/// done on another's behalf: seeing a person's data (and so exporting full
/// ID numbers) and approving a filing over its problems. The audit entry
/// would otherwise name someone who did not decide.
pub fn personal(act: Act) -> bool {
    matches!(act, Act::RevealPerson | Act::ApproveOverProblems)
}

/// Whether any of `held` may do `act` (the screen knows its staff member's
/// roles, not the whole record).
pub fn any_of(held: &[Role], act: Act) -> bool {
    roles(act).iter().any(|r| held.contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(role: Role) -> Staff {
        Staff {
            id: 1,
            login: "t".into(),
            name: "t".into(),
            roles: vec![role],
            active: true,
            acted_by: None,
        }
    }

    /// The whole table, act by act: which of clerk, inspector, chief, legal
    /// reviewer, administrator may. Written out so that a change to the
    /// rules is a change here too, seen in review.
    const EXPECTED: &[(Act, [bool; 5])] = &[
        (Act::ReceiveFiling, [true, false, true, false, false]),
        (Act::DecideFiling, [true, false, true, false, false]),
        (Act::ApproveOverProblems, [false, false, true, false, false]),
        (Act::RevealPerson, [true, false, true, false, false]),
        (Act::VerifyAudit, [false, false, true, false, true]),
        (Act::AddStaff, [false, false, false, false, true]),
        (Act::LoadCalendar, [false, false, false, false, true]),
        (Act::ActAsAnother, [false, false, false, false, true]),
        (Act::RegisterComplaint, [true, true, true, false, false]),
        (Act::DecideComplaint, [false, false, true, false, false]),
        (Act::AssignCase, [false, false, true, false, false]),
        (Act::RunDraw, [false, false, true, false, false]),
        (Act::RecordInspection, [false, true, true, false, false]),
        (Act::TakeLadderStep, [false, false, true, false, false]),
        (Act::InspectFromLead, [false, true, true, false, false]),
        (Act::SetUpCampaign, [false, false, true, false, false]),
        (Act::GroupIntoCampaign, [false, true, true, false, false]),
        (Act::FormTeam, [false, false, true, false, false]),
        (Act::RecordAnnualReview, [true, true, true, false, false]),
        (Act::ImportLicences, [false, false, true, false, true]),
        (Act::ImportRegister, [true, false, true, false, true]),
        (Act::ImportSettlements, [false, true, true, false, false]),
        (Act::LoadTemplate, [false, false, true, false, true]),
        (Act::SetSetting, [false, false, true, false, true]),
        (Act::FileEvidence, [false, true, true, true, false]),
        (Act::PrintDocument, [true, true, true, true, false]),
        (Act::RecordLead, [true, true, true, false, false]),
        (Act::OpenCase, [false, true, true, false, false]),
        (Act::RecordPayment, [false, true, true, false, false]),
    ];

    /// Working as another (`--user`): everything the member may do except
    /// the personal acts (issue 19, point 2).
    #[test]
    fn personal_acts_are_never_done_on_anothers_behalf() {
        let chief = Staff {
            acted_by: Some("admin".into()),
            ..only(Chief)
        };
        assert!(may(&chief, Act::DecideComplaint));
        assert!(!may(&chief, Act::RevealPerson));
        assert!(!may(&chief, Act::ApproveOverProblems));
        assert!(may(&only(Chief), Act::ApproveOverProblems));
    }

    #[test]
    fn every_act_for_every_role_is_allowed_or_refused_as_the_table_says() {
        assert_eq!(EXPECTED.len(), Act::ALL.len(), "every act is in the table");
        let order = [
            Role::Clerk,
            Role::Inspector,
            Role::Chief,
            Role::Legal,
            Role::Admin,
        ];
        assert_eq!(order.len(), Role::ALL.len(), "every role is a column");
        for (act, row) in EXPECTED {
            for (role, allowed) in order.iter().zip(row) {
                assert_eq!(may(&only(*role), *act), *allowed, "{act:?} by {role:?}");
            }
        }
    }

    #[test]
    fn an_inactive_staff_member_may_nothing_and_no_roles_means_nothing() {
        let mut s = only(Role::Chief);
        s.active = false;
        assert!(Act::ALL.iter().all(|a| !may(&s, *a)));
        let mut none = only(Role::Chief);
        none.roles.clear();
        assert!(Act::ALL.iter().all(|a| !may(&none, *a)));
    }

    #[test]
    fn several_roles_add_up() {
        let mut s = only(Role::Clerk);
        s.roles.push(Role::Inspector);
        assert!(may(&s, Act::DecideFiling) && may(&s, Act::RecordInspection));
        assert!(!may(&s, Act::RunDraw));
    }
}

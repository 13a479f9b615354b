//! Staff and what their roles allow.

use super::kinds::Role;

/// The longest staff name the list takes (a name, not a paragraph).
pub const NAME_MAX_CHARS: usize = 50;

/// Whether `name` can be a staff member's name: something, within the limit,
/// no character a record may not carry.
pub fn valid_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name.chars().count() <= NAME_MAX_CHARS
        && super::text::first_harmful(name).is_none()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: i64,
    /// The operating-system login, as SSH gives it.
    pub login: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    /// Who really acts, when an administrator works as this member with
    /// `--user`: that administrator's OS login. Personal acts (seeing a
    /// person's data, approving over problems) are then refused.
    pub acted_by: Option<String>,
}

impl Staff {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Only an administrator may act as another staff member, and only an
    /// administrator adds staff or loads the calendar.
    pub fn is_admin(&self) -> bool {
        self.has(Role::Admin)
    }

    /// Seeing a person's full ID number, phone and bank account: counter
    /// clerks and section chiefs, with a stated reason each time. An
    /// administrator runs the system and sees no one's data.
    pub fn may_reveal(&self) -> bool {
        super::permissions::may(self, super::permissions::Act::RevealPerson)
    }

    /// Checking the audit log is for administrators and section chiefs.
    pub fn may_verify_audit(&self) -> bool {
        super::permissions::may(self, super::permissions::Act::VerifyAudit)
    }
}

/// Parses a stored or typed role list: `clerk,chief`.
pub fn parse_roles(list: &str) -> Result<Vec<Role>, String> {
    let mut roles = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let role = Role::parse(part).ok_or_else(|| part.to_string())?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(roles)
}

pub fn format_roles(roles: &[Role]) -> String {
    roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
}

/// A login as an operating system allows it: letters, digits, `.`, `_`, `-`.
pub fn valid_login(login: &str) -> bool {
    !login.is_empty()
        && login.len() <= 32
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// A change to a staff member's standing on the list (`staff deactivate`,
/// `activate`, `roles`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffChange {
    Deactivate,
    Activate,
    Roles(Vec<Role>),
}

/// Why a change to the staff list is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffRefusal {
    NoSuchLogin,
    /// It would leave no active administrator: no one could then add,
    /// restore or change staff.
    LastAdmin,
}

/// `member` as `change` leaves them: (active, roles).
pub fn changed(member: &Staff, change: &StaffChange) -> (bool, Vec<Role>) {
    match change {
        StaffChange::Deactivate => (false, member.roles.clone()),
        StaffChange::Activate => (true, member.roles.clone()),
        StaffChange::Roles(r) => (member.active, r.clone()),
    }
}

/// Whether a list with `other_admins` active administrators besides the
/// member, and the member as changed, still has one.
pub fn leaves_an_admin(other_admins: i64, active: bool, roles: &[Role]) -> bool {
    other_admins > 0 || (active && roles.contains(&Role::Admin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_from_a_list_and_unknown_ones_are_named() {
        assert_eq!(
            parse_roles("clerk, chief,clerk"),
            Ok(vec![Role::Clerk, Role::Chief])
        );
        assert_eq!(parse_roles("clerk,boss"), Err("boss".to_string()));
        assert_eq!(
            format_roles(&[Role::Inspector, Role::Admin]),
            "inspector,admin"
        );
    }

    #[test]
    fn only_admins_and_chiefs_verify_the_audit_log() {
        let mut s = Staff {
            id: 1,
            login: "liqiang".into(),
            name: "李强".into(),
            roles: vec![Role::Clerk],
            active: true,
            acted_by: None,
        };
        assert!(!s.may_verify_audit());
        assert!(!s.is_admin());
        assert!(s.may_reveal());
        let admin = Staff {
            roles: vec![Role::Admin],
            ..s.clone()
        };
        assert!(
            !admin.may_reveal(),
            "least privilege: administrators see no personal data"
        );
        s.roles.push(Role::Chief);
        assert!(s.may_verify_audit());
    }

    #[test]
    fn logins_are_plain_names() {
        assert!(valid_login("zhang.wei_2"));
        assert!(!valid_login("zhang wei"));
        assert!(!valid_login(""));
        assert!(!valid_login("张伟"));
    }

    #[test]
    fn the_last_active_administrator_stays() {
        let admin = Staff {
            id: 1,
            login: "zhaojing".into(),
            name: "赵静".into(),
            roles: vec![Role::Chief, Role::Admin],
            active: true,
            acted_by: None,
        };
        let (active, roles) = changed(&admin, &StaffChange::Deactivate);
        assert!(!leaves_an_admin(0, active, &roles));
        assert!(leaves_an_admin(1, active, &roles));
        let (active, roles) = changed(&admin, &StaffChange::Roles(vec![Role::Chief]));
        assert!(!leaves_an_admin(0, active, &roles));
        let (active, roles) = changed(&admin, &StaffChange::Activate);
        assert!(leaves_an_admin(0, active, &roles));
    }
}

//! `hrss-desk staff …`: the staff list. The first entry on an empty list must
//! be an administrator; after that only administrators add staff.

use super::context::{DEFAULT_DATABASE, Setup, open_store, os_login_or_refuse};
use super::{Failure, Global};
use crate::domain::Role;
use crate::domain::permissions::{Act, may};
use crate::domain::staff::{StaffChange, parse_roles, valid_login};
use crate::i18n::{self, Lang, printable};
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum StaffCommand {
    /// 添加工作人员（管理员） / Add a staff member (administrators)
    Add {
        /// 操作系统登录名 / Operating-system login
        login: String,
        /// 姓名 / Full name
        #[arg(long)]
        name: String,
        /// 角色，逗号分隔：clerk,inspector,chief,admin / Roles, comma-separated
        #[arg(long)]
        roles: String,
    },
    /// 列出工作人员 / List the staff
    List,
    /// 停用工作人员：其登录即被拒绝（管理员） / Deactivate a staff member: their login is refused (administrators)
    Deactivate {
        /// 操作系统登录名 / Operating-system login
        login: String,
    },
    /// 恢复停用的工作人员（管理员） / Reactivate a staff member (administrators)
    Activate {
        /// 操作系统登录名 / Operating-system login
        login: String,
    },
    /// 更改工作人员的角色（管理员） / Change a staff member's roles (administrators)
    Roles {
        /// 操作系统登录名 / Operating-system login
        login: String,
        /// 角色，逗号分隔：clerk,inspector,chief,admin / Roles, comma-separated
        #[arg(long)]
        roles: String,
    },
}

pub async fn run(g: &Global, lang: Lang, cmd: StaffCommand) -> Result<ExitCode, Failure> {
    let setup = match cmd {
        StaffCommand::Add { .. } => Setup::Allowed,
        _ => Setup::Refused,
    };
    let o = open_store(g, lang, DEFAULT_DATABASE, setup).await?;
    let store = &o.store;
    let result = match cmd {
        StaffCommand::Add { login, name, roles } => {
            if !valid_login(&login) {
                return Err(Failure::new(2, i18n::bad_login(lang, &printable(&login))));
            }
            if !crate::domain::staff::valid_name(&name) {
                return Err(Failure::new(2, i18n::bad_staff_name(lang)));
            }
            let roles = parse_roles(&roles)
                .map_err(|bad| Failure::new(2, i18n::bad_role(lang, &printable(&bad))))?;
            // No one on the list yet: this is the first administrator.
            let (actor, first) = match &o.staff {
                None if !roles.contains(&Role::Admin) => {
                    return Err(Failure::new(1, i18n::first_staff_must_be_admin(lang)));
                }
                None => (os_login_or_refuse(lang)?, true),
                Some(me) if may(me, Act::AddStaff) => (me.login.clone(), false),
                Some(_) => {
                    return Err(Failure::new(
                        1,
                        i18n::not_permitted(lang, lang.pick("添加工作人员", "add staff")),
                    ));
                }
            };
            store
                .add_staff(&actor, &login, name.trim(), &roles, first)
                .await
                .map_err(|e| Failure::store(lang, &e))?;
            println!("{}", i18n::staff_added(lang, &login));
            Ok(ExitCode::SUCCESS)
        }
        StaffCommand::Deactivate { login } => {
            change(&o, lang, &login, StaffChange::Deactivate).await
        }
        StaffCommand::Activate { login } => change(&o, lang, &login, StaffChange::Activate).await,
        StaffCommand::Roles { login, roles } => {
            let roles = parse_roles(&roles)
                .map_err(|bad| Failure::new(2, i18n::bad_role(lang, &printable(&bad))))?;
            change(&o, lang, &login, StaffChange::Roles(roles)).await
        }
        StaffCommand::List => {
            for s in store
                .list_staff()
                .await
                .map_err(|e| Failure::store(lang, &e))?
            {
                let roles: Vec<&str> = s.roles.iter().map(|r| r.label(lang)).collect();
                let standing = if s.active {
                    ""
                } else {
                    lang.pick("\t已停用", "\tinactive")
                };
                println!(
                    "{}\t{}\t{}{standing}",
                    printable(&s.login),
                    printable(&s.name),
                    roles.join("、")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    };
    o.store.close().await;
    result
}

/// `staff deactivate|activate|roles`: an administrator's act, audited; a
/// login not on the list, or a change leaving no active administrator, is
/// refused in one sentence with nothing written.
async fn change(
    o: &super::context::Opened,
    lang: Lang,
    login: &str,
    what: StaffChange,
) -> Result<ExitCode, Failure> {
    let me = o
        .staff
        .as_ref()
        .filter(|me| may(me, Act::AddStaff))
        .ok_or_else(|| Failure::new(1, i18n::act_refused(lang, Act::AddStaff)))?;
    let done = o
        .store
        .change_staff(&me.login, login, &what)
        .await
        .map_err(|e| Failure::store(lang, &e))?
        .map_err(|r| Failure::new(1, i18n::staff_refused(lang, login, &r)))?;
    println!("{}", i18n::staff_changed(lang, &done, &what));
    Ok(ExitCode::SUCCESS)
}

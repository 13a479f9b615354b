//! `hrss-desk staff …`: the staff list. The first entry on an empty list must
//! be an administrator; after that only administrators add staff.

use super::context::{DEFAULT_DATABASE, Setup, open_store, os_login_or_refuse};
use super::{Failure, Global};
use crate::domain::Role;
use crate::domain::permissions::{Act, may};
use crate::domain::staff::{parse_roles, valid_login};
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
}

pub async fn run(g: &Global, lang: Lang, cmd: StaffCommand) -> Result<ExitCode, Failure> {
    let setup = match cmd {
        StaffCommand::Add { .. } => Setup::Allowed,
        StaffCommand::List => Setup::Refused,
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
        StaffCommand::List => {
            for s in store
                .list_staff()
                .await
                .map_err(|e| Failure::store(lang, &e))?
            {
                let roles: Vec<&str> = s.roles.iter().map(|r| r.label(lang)).collect();
                println!(
                    "{}\t{}\t{}",
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

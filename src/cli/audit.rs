//! `hrss-desk audit verify`: walks the hash chain and names the first break.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::i18n::{self, Lang};
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// 校验审计日志的哈希链 / Check the audit log's hash chain
    Verify,
}

pub async fn run(g: &Global, lang: Lang, cmd: AuditCommand) -> Result<ExitCode, Failure> {
    match cmd {
        AuditCommand::Verify => {
            let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
            let me = o.staff.as_ref().expect("refused without staff");
            if !me.may_verify_audit() {
                return Err(Failure::new(
                    1,
                    i18n::not_permitted(lang, lang.pick("校验审计日志", "verify the audit log")),
                ));
            }
            let result = o
                .store
                .verify_audit()
                .await
                .map_err(|e| Failure::store(lang, &e))?;
            o.store.close().await;
            match result {
                Ok(n) => {
                    println!("{}", i18n::audit_ok(lang, n));
                    Ok(ExitCode::SUCCESS)
                }
                Err(b) => Err(Failure::new(1, i18n::audit_broken(lang, &b))),
            }
        }
    }
}

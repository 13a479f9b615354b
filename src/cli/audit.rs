//! `hrss-desk audit verify`: walks the hash chain and names the first break.

use super::context::{DEFAULT_DATABASE, identify, open_store};
use super::{Failure, Global};
use crate::domain::audit::ChainVerifier;
use crate::i18n::{self, Lang};
use crate::store::Store;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// 校验审计日志的哈希链 / Check the audit log's hash chain
    Verify,
}

/// Entries read per query while verifying.
const PAGE: i64 = 5_000;

/// Checks the whole chain: `Ok(Ok(n))` when intact with `n` entries.
pub async fn verify(
    store: &Store,
) -> Result<Result<u64, crate::domain::audit::ChainBreak>, crate::store::StoreError> {
    let mut v = ChainVerifier::default();
    let mut after = 0;
    loop {
        let page = store.audit_page(after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for e in &page {
            if let Err(b) = v.push(e) {
                return Ok(Err(b));
            }
        }
    }
    let head = store.audit_head().await?;
    Ok(v.finish(head))
}

pub async fn run(g: &Global, lang: Lang, cmd: AuditCommand) -> Result<ExitCode, Failure> {
    match cmd {
        AuditCommand::Verify => {
            let o = open_store(g, lang, DEFAULT_DATABASE).await?;
            let me = identify(&o.store, g, lang).await?;
            if !me.may_verify_audit() {
                return Err(Failure::new(
                    1,
                    i18n::not_permitted(lang, lang.pick("校验审计日志", "verify the audit log")),
                ));
            }
            let result = verify(&o.store)
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

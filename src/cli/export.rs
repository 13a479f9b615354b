//! `hrss-desk export WHAT FILE`: a list or a supervision section to `.xlsx`
//! or CSV (UTF-8 with a byte-order mark, or GB18030), audited.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::i18n::{self, Lang};
use crate::workflow::export::{Source, export};
use std::path::PathBuf;
use std::process::ExitCode;

#[allow(clippy::too_many_arguments)]
pub async fn run(
    g: &Global,
    lang: Lang,
    what: &str,
    file: PathBuf,
    filter: String,
    encoding: Option<String>,
    reveal: bool,
    reason: Option<String>,
) -> Result<ExitCode, Failure> {
    let source =
        Source::parse(what).ok_or_else(|| Failure::new(2, i18n::unknown_export(lang, what)))?;
    if reveal && reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(Failure::new(2, i18n::export_reason_needed(lang)));
    }
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let done = export(
        &cx,
        source,
        &filter,
        &Default::default(),
        &file,
        encoding.as_deref(),
        if reveal { reason.as_deref() } else { None },
    )
    .await;
    o.store.close().await;
    println!("{}", done.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}

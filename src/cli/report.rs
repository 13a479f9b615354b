//! `hrss-desk report monthly`: the month's figures as the `.xlsx` report
//! the chief sends upward.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::statistics::Month;
use crate::i18n::{self, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

pub async fn monthly(
    g: &Global,
    lang: Lang,
    month: Option<String>,
    output: Option<PathBuf>,
) -> Result<ExitCode, Failure> {
    // A month that is not one is refused before the database is opened.
    let named = match month {
        None => None,
        Some(m) => {
            Some(Month::parse(&m).ok_or_else(|| Failure::new(2, i18n::bad_month(lang, &m)))?)
        }
    };
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let today = o.store.clock().today();
    let month = named.unwrap_or_else(|| Month::of(today));
    let path = output.unwrap_or_else(|| crate::workflow::statistics::report_path(month));
    let done = crate::workflow::statistics::report(&o.store, lang, month, today, &path).await;
    o.store.close().await;
    println!("{}", done.map_err(|e| Failure::new(1, e))?);
    Ok(ExitCode::SUCCESS)
}

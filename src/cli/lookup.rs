//! `hrss-desk lookup QUERY`: the lookup from the command line, for scripts.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::i18n::{self, Lang, printable};
use crate::search::{self, Index, KindFilter, Query, RecordKind};
use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// 许可证与服务协议 / licences and agreements
    Licence,
    /// 参保单位 / insured employers
    Employer,
    /// 参保人员 / insured persons
    Person,
    /// 全部 / everything
    All,
}

/// One hit as `--json` writes it.
#[derive(Debug, serde::Serialize)]
struct JsonHit<'a> {
    kind: &'a str,
    id: i64,
    number: String,
    name: String,
    uscc: &'a str,
    status: &'a str,
    /// A person's employer, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    employer: Option<&'a str>,
    score: i64,
}

fn kind_code(k: RecordKind) -> &'static str {
    match k {
        RecordKind::Licence(l) => l.code(),
        RecordKind::Employer => "employer",
        RecordKind::Person => "person",
    }
}

fn kind_label(k: RecordKind, lang: Lang) -> &'static str {
    match k {
        RecordKind::Licence(l) => l.label(lang),
        RecordKind::Employer => lang.pick("参保单位", "Employer"),
        RecordKind::Person => lang.pick("参保人员", "Person"),
    }
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.width())))
}

pub async fn run(
    g: &Global,
    lang: Lang,
    query: &OsString,
    kind: Kind,
    limit: usize,
    json: bool,
) -> Result<ExitCode, Failure> {
    // Bytes that are not UTF-8 become U+FFFD and simply match nothing.
    let query = query.to_string_lossy().into_owned();
    // Only spaces or control characters: nothing to look for.
    if search::fold::fold(&query).is_empty() {
        return Err(Failure::new(2, i18n::empty_query(lang)));
    }
    if Query::new(&query).is_none() {
        return Err(Failure::new(
            2,
            i18n::query_too_long(lang, search::index::MAX_QUERY_CHARS),
        ));
    }
    if !(1..=10_000).contains(&limit) {
        return Err(Failure::new(2, i18n::bad_limit(lang)));
    }
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let today = o.store.clock().today();
    let ix: Index = search::load_or_build(&o.store, &o.url, today)
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    o.store.close().await;
    let filter = match kind {
        Kind::Licence => KindFilter::Licences,
        Kind::Employer => KindFilter::Employers,
        Kind::Person => KindFilter::Persons,
        Kind::All => KindFilter::All,
    };
    let hits = ix
        .search(&query, filter, limit, None, None)
        .unwrap_or_default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = Failure::output;
    if json {
        let rows: Vec<JsonHit> = hits
            .top
            .iter()
            .map(|h| JsonHit {
                kind: kind_code(ix.kind(h.index)),
                id: ix.id(h.index),
                number: ix.shown_number(h.index),
                name: ix.display_name(h.index).to_string(),
                uscc: ix.uscc(h.index),
                status: ix.status(h.index),
                employer: ix.employer(h.index).map(|e| ix.display_name(e)),
                score: h.score,
            })
            .collect();
        crate::cli::write_json(&mut out, &rows)?;
        writeln!(out).map_err(io)?;
    } else {
        let rows: Vec<[String; 4]> = hits
            .top
            .iter()
            .map(|h| {
                let i = h.index;
                [
                    kind_label(ix.kind(i), lang).to_string(),
                    printable(&ix.shown_number(i)).into_owned(),
                    match ix.employer(i) {
                        // A person with the employer, so namesakes differ.
                        Some(e) => format!(
                            "{} · {}",
                            printable(ix.display_name(i)),
                            printable(ix.display_name(e))
                        ),
                        None => printable(ix.display_name(i)).into_owned(),
                    },
                    crate::i18n::record_status(ix.kind(i), ix.status(i), lang).to_string(),
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..4)
            .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
            .collect();
        for r in &rows {
            let line = format!(
                "{}  {}  {}  {}",
                pad(&r[0], widths[0]),
                pad(&r[1], widths[1]),
                pad(&r[2], widths[2]),
                r[3]
            );
            writeln!(out, "{}", line.trim_end()).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(if hits.top.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

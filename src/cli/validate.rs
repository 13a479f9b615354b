//! `hrss-desk validate id|uscc VALUE…`: one line per value, for scripts.

use super::Failure;
use crate::domain::{ResidentId, Uscc};
use crate::i18n::{self, Lang, printable};
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum What {
    /// 公民身份号码 / resident ID number
    Id,
    /// 统一社会信用代码 / unified social credit code
    Uscc,
}

/// Checks one value; `None` when valid, else the reason.
pub fn check(what: What, value: &str, lang: Lang, today: chrono::NaiveDate) -> Option<String> {
    match what {
        What::Id => ResidentId::parse(value, today)
            .err()
            .map(|e| i18n::resident_id_error(lang, &e)),
        What::Uscc => Uscc::parse(value).err().map(|e| i18n::uscc_error(lang, &e)),
    }
}

pub fn run(what: What, values: &[String], lang: Lang) -> Result<ExitCode, Failure> {
    let today = crate::clock::Clock::System.today();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut any_invalid = false;
    let mut one = |value: &str, out: &mut BufWriter<_>| -> std::io::Result<()> {
        let shown = printable(value);
        match check(what, value, lang, today) {
            None => writeln!(out, "{shown}\tok"),
            Some(reason) => {
                any_invalid = true;
                writeln!(out, "{shown}\tinvalid\t{reason}")
            }
        }
    };
    let io_failure = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Failure::output(e);
        }
        Failure::new(1, i18n::cannot_read(lang, "stdin/stdout", &e.to_string()))
    };
    for v in values {
        if v == "-" {
            let stdin = std::io::stdin();
            for line in stdin.lock().split(b'\n') {
                let line = line.map_err(io_failure)?;
                let text = String::from_utf8_lossy(&line);
                let text = text.trim_end_matches('\r');
                if text.trim().is_empty() {
                    continue;
                }
                one(text, &mut out).map_err(io_failure)?;
            }
        } else {
            one(v, &mut out).map_err(io_failure)?;
        }
    }
    out.flush().map_err(io_failure)?;
    Ok(if any_invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

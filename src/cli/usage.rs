//! A command line the parser refused: in Chinese (the default) one sentence
//! of our own, with the word given, the parser's suggestion and where the
//! usage is; in English the parser's own text. `--help` and `--version`
//! print as the parser prints them (issue 21, point 11).

use crate::i18n::{self, Lang, UsageError};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use std::process::ExitCode;

/// Reports a refused or informational parse and gives the exit code: 2 for
/// a usage error (as clap's own), 0 for help and version.
pub fn report(e: clap::Error, args: &[OsString]) -> ExitCode {
    let code = if e.use_stderr() { 2 } else { 0 };
    // Help shown for a command given without its subcommand is help too.
    let help = !e.use_stderr() || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
    if help || language(args) == Lang::En {
        let _ = e.print();
        return ExitCode::from(code);
    }
    let said = i18n::usage_error(Lang::Zh, &usage_error(&e), &help_hint(args));
    eprintln!("{said}");
    ExitCode::from(code)
}

/// The language before the command line is understood: `--lang`, else
/// `HRSS_LANG`, else the config files' `lang`, else Chinese.
fn language(args: &[OsString]) -> Lang {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut given: Option<String> = None;
    for (i, w) in words.iter().enumerate() {
        if w == "--" {
            break;
        }
        if let Some(v) = w.strip_prefix("--lang=") {
            given = Some(v.to_string());
        } else if w == "--lang" {
            given = words.get(i + 1).cloned();
        }
    }
    let code = given
        .or_else(|| std::env::var("HRSS_LANG").ok())
        .or_else(|| crate::config::load().ok()?.merged().lang);
    code.as_deref().and_then(Lang::parse).unwrap_or_default()
}

/// `hrss-desk [SUBCOMMAND…] --help` for the deepest command the words name.
fn help_hint(args: &[OsString]) -> String {
    use clap::CommandFactory;
    let mut at = super::Cli::command();
    let mut path = vec!["hrss-desk".to_string()];
    for a in args.iter().skip(1) {
        let w = a.to_string_lossy();
        if w == "--" {
            break;
        }
        if w.starts_with('-') {
            continue;
        }
        match at.find_subcommand(w.as_ref()) {
            Some(sub) => {
                path.push(w.into_owned());
                at = sub.clone();
            }
            None if at.has_subcommands() => continue,
            None => break,
        }
    }
    path.push("--help".to_string());
    path.join(" ")
}

fn words(v: Option<&ContextValue>) -> Vec<String> {
    match v {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        _ => vec![],
    }
}

fn word(e: &clap::Error, kind: ContextKind) -> String {
    words(e.get(kind)).into_iter().next().unwrap_or_default()
}

/// What the parser refused, from its error's kind and context.
pub fn usage_error(e: &clap::Error) -> UsageError {
    use std::error::Error as _;
    let suggestions = || {
        let mut s = words(e.get(ContextKind::SuggestedSubcommand));
        s.extend(words(e.get(ContextKind::SuggestedArg)));
        s.extend(words(e.get(ContextKind::SuggestedValue)));
        s
    };
    let arg = || word(e, ContextKind::InvalidArg);
    let value = || word(e, ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::InvalidSubcommand => UsageError::UnknownCommand {
            word: word(e, ContextKind::InvalidSubcommand),
            suggestions: suggestions(),
        },
        ErrorKind::UnknownArgument => UsageError::UnknownArgument {
            word: arg(),
            suggestions: suggestions(),
        },
        ErrorKind::MissingRequiredArgument => UsageError::Missing {
            args: words(e.get(ContextKind::InvalidArg)),
        },
        ErrorKind::MissingSubcommand => UsageError::MissingCommand {
            command: word(e, ContextKind::InvalidSubcommand),
        },
        ErrorKind::InvalidValue if value().is_empty() => UsageError::NoValue { arg: arg() },
        ErrorKind::ValueValidation
            if e.source()
                .is_some_and(|s| s.is::<std::num::ParseIntError>()) =>
        {
            UsageError::NotANumber {
                arg: arg(),
                value: value(),
            }
        }
        ErrorKind::ValueValidation
            if e.source()
                .is_some_and(|s| s.is::<std::num::ParseFloatError>()) =>
        {
            UsageError::NotADecimal {
                arg: arg(),
                value: value(),
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => UsageError::BadValue {
            arg: arg(),
            value: value(),
            reason: e.source().map(|s| s.to_string()),
            possible: words(e.get(ContextKind::ValidValue)),
            suggestions: suggestions(),
        },
        ErrorKind::ArgumentConflict => {
            let other = words(e.get(ContextKind::PriorArg)).into_iter().next();
            let arg = arg();
            UsageError::Conflict {
                other: other.filter(|o| *o != arg),
                arg,
            }
        }
        ErrorKind::TooManyValues => UsageError::UnknownArgument {
            word: value(),
            suggestions: vec![],
        },
        _ => UsageError::Other,
    }
}

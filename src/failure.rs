//! What a command or the screen that could not do its work reports: one
//! sentence and an exit code. Below the command line and the screen, so
//! both can use it without one depending on the other.

use crate::i18n::{self, Lang};
use std::process::ExitCode;

/// A command that could not do its work: one sentence and an exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }

    pub fn store(lang: Lang, e: &crate::store::StoreError) -> Self {
        // The database's own words go to the log (masked), for whoever
        // looks into it; the desk gets one sentence.
        tracing::warn!("{}", crate::logging::safe(&e.to_string()));
        Failure::new(1, i18n::store_error(lang, e))
    }

    /// Output that could not be written: a reader that closed the pipe
    /// (`| head`) wanted no more, which is no failure.
    pub fn output(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::new(0, "")
        } else {
            Failure::new(1, e.to_string())
        }
    }

    pub fn report(self) -> ExitCode {
        if !self.message.is_empty() {
            tracing::warn!(code = self.code, "{}", crate::logging::safe(&self.message));
            eprintln!("{}", self.message);
        }
        ExitCode::from(self.code)
    }
}

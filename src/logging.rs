//! The program's log: a file a day in the user's state directory
//! (`~/.local/state/hrss-desk/logs/`), never the screen, owner-only. What
//! is logged is what happened (a command, a failure), never personal data:
//! every text goes through `safe`, which masks runs of digits (an ID
//! number, a phone) and makes control characters visible.

use std::io::Write;
use std::path::PathBuf;

/// The log directory: the config file's `log_dir`, or the state directory's.
pub fn dir(configured: Option<&str>) -> PathBuf {
    match configured {
        Some(d) => PathBuf::from(d),
        None => dirs::state_dir()
            .or_else(dirs::data_local_dir)
            .unwrap_or_else(|| PathBuf::from("."))
            .join("hrss-desk")
            .join("logs"),
    }
}

/// The levels a config file may name.
pub fn level(name: Option<&str>) -> Option<tracing::level_filters::LevelFilter> {
    use tracing::level_filters::LevelFilter;
    match name.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        None | Some("info") => Some(LevelFilter::INFO),
        Some("off") => Some(LevelFilter::OFF),
        Some("error") => Some(LevelFilter::ERROR),
        Some("warn") => Some(LevelFilter::WARN),
        Some("debug") => Some(LevelFilter::DEBUG),
        _ => None,
    }
}

/// A text as it may go into the log: digit runs masked, controls visible.
pub fn safe(text: &str) -> String {
    crate::i18n::printable(&crate::domain::mask::mask_digit_runs(text)).into_owned()
}

/// The log writer's guard: dropping it writes out what is queued. Kept here
/// so that a panic, which ends the process at once, can flush it too.
static GUARD: std::sync::Mutex<Option<tracing_appender::non_blocking::WorkerGuard>> =
    std::sync::Mutex::new(None);

/// Writes out what is queued for the log; later lines are not logged.
pub fn flush() {
    if let Ok(mut g) = GUARD.lock() {
        g.take();
    }
}

/// Starts logging to a daily file (`flush` writes it out at the end). A
/// directory that cannot be made leaves the program without a log, not
/// without work.
pub fn init(dir: &std::path::Path, level: tracing::level_filters::LevelFilter) {
    if let Some(guard) = start(dir, level)
        && let Ok(mut g) = GUARD.lock()
    {
        *g = Some(guard);
    }
}

/// A panic anywhere ends the program: the screen's hook has restored the
/// terminal by then; this logs where it happened (masked), says so in one
/// sentence and exits, rather than leave a desk running half-broken.
pub fn on_panic(lang: crate::i18n::Lang, dir: PathBuf) {
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(at = %at, panic = %safe(&what), "panic");
        flush();
        // Not eprintln: it panics itself when the terminal is gone.
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            crate::i18n::panicked(lang, &dir.display().to_string())
        );
        std::process::exit(101);
    }));
}

fn start(
    dir: &std::path::Path,
    level: tracing::level_filters::LevelFilter,
) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).ok()?;
    // Only its owner reads the log.
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).ok()?;
    let appender = tracing_appender::rolling::daily(dir, "hrss-desk.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_target(false)
        .with_max_level(level)
        .try_init()
        .ok()?;
    Some(guard)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_logged_carries_no_id_number_nor_escape() {
        let s = safe("核对130110199003071234，电话13800138000\u{1b}[31m");
        assert!(
            !s.contains("130110199003071234") && !s.contains("13800138000"),
            "{s}"
        );
        assert!(!s.contains('\u{1b}'), "{s}");
        assert_eq!(
            level(Some("DEBUG")),
            Some(tracing::level_filters::LevelFilter::DEBUG)
        );
        assert_eq!(level(Some("loud")), None);
    }
}

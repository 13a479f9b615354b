//! The program's log: a file a day in the user's state directory
//! (`~/.local/state/hrss-desk/logs/`), never the screen, owner-only. What
//! is logged is what happened (a command, a failure), never personal data:
//! every text goes through `safe`, which masks runs of digits (an ID
//! number, a phone) and makes control characters visible. The folder must
//! be the user's own (`files::own_folder`: `log_dir` may name
//! `/srv/…/%u/logs`), and a day's file is opened without following a link:
//! a link planted at its name is refused, never written through.

use std::io::Write;
use std::path::PathBuf;

/// The log directory: the config file's `log_dir` (`%u` still in it), or
/// the state directory's.
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

/// The log's folder made ready: its parents made (they are the user's own
/// state directory's, or the office's shared root, which must be there),
/// the folder itself this user's, not a link, and only its owner's to read.
fn ready(dir: &std::path::Path) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let template = dir.to_str()?;
    if !template.contains("%u")
        && let Some(parent) = dir.parent()
    {
        std::fs::create_dir_all(parent).ok()?;
    }
    let dir = crate::files::own_folder(template).ok()?;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).ok()?;
    Some(dir)
}

/// The log's file of the day, `hrss-desk.log.YYYY-MM-DD` (UTC), opened
/// anew when the day changes: appended to, created 0600, never through a
/// symbolic link (`files::append_line`'s way).
pub struct DailyLog {
    dir: PathBuf,
    open: Option<(chrono::NaiveDate, std::fs::File)>,
}

impl DailyLog {
    pub fn new(dir: PathBuf) -> DailyLog {
        DailyLog { dir, open: None }
    }

    /// The file of `day`, its name.
    pub fn name(day: chrono::NaiveDate) -> String {
        format!("hrss-desk.log.{}", day.format("%Y-%m-%d"))
    }

    fn file(&mut self) -> std::io::Result<&mut std::fs::File> {
        use std::os::unix::fs::OpenOptionsExt;
        let day = chrono::Utc::now().date_naive();
        if self.open.as_ref().is_none_or(|(d, _)| *d != day) {
            self.open = None;
            let f = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .mode(0o600)
                .custom_flags(nix::fcntl::OFlag::O_NOFOLLOW.bits())
                .open(self.dir.join(Self::name(day)))?;
            if !f.metadata()?.is_file() {
                return Err(std::io::ErrorKind::InvalidInput.into());
            }
            self.open = Some((day, f));
        }
        Ok(&mut self.open.as_mut().expect("opened above").1)
    }
}

impl Write for DailyLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file()?.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.open {
            Some((_, f)) => f.flush(),
            None => Ok(()),
        }
    }
}

fn start(
    dir: &std::path::Path,
    level: tracing::level_filters::LevelFilter,
) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    let dir = ready(dir)?;
    let (writer, guard) = tracing_appender::non_blocking(DailyLog::new(dir));
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

    /// A shared server: a link planted at the day's name is refused, the
    /// file it points at untouched; the day's file is the owner's alone.
    #[test]
    fn a_days_log_is_never_written_through_a_planted_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let today = chrono::Utc::now().date_naive();
        let logs = dir.path().join("logs");
        std::fs::create_dir(&logs).unwrap();
        std::os::unix::fs::symlink(&victim, logs.join(DailyLog::name(today))).unwrap();
        let mut log = DailyLog::new(logs.clone());
        assert!(log.write_all(b"line\n").is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        // Without the link: appended to, 0600.
        std::fs::remove_file(logs.join(DailyLog::name(today))).unwrap();
        log.write_all(b"one\n").unwrap();
        DailyLog::new(logs.clone()).write_all(b"two\n").unwrap();
        let file = logs.join(DailyLog::name(today));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "one\ntwo\n");
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    /// The log's folder: made 0700 with its parents; a link planted where
    /// it should be, or a folder of another's, is not used.
    #[test]
    fn the_log_folder_is_the_users_own_or_there_is_no_log() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("state/hrss-desk/logs");
        assert_eq!(ready(&logs), Some(logs.clone()));
        let mode = std::fs::metadata(&logs).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let planted = dir.path().join("planted");
        std::os::unix::fs::symlink(&elsewhere, &planted).unwrap();
        assert_eq!(ready(&planted), None);
        // Another's folder: as root, one given to nobody; else root's /.
        let other = if nix::unistd::getuid().is_root() {
            let other = dir.path().join("other");
            std::fs::create_dir(&other).unwrap();
            std::os::unix::fs::chown(&other, Some(65534), Some(65534)).unwrap();
            other
        } else {
            PathBuf::from("/")
        };
        assert_eq!(ready(&other), None);
    }
}

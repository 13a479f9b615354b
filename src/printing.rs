//! Printing at the counter. A clerk at a Windows PC reaches the server over
//! SSH and cannot open a `.docx` left in the server's home folder: with a
//! `printer` set in the config files, a document is converted to PDF by
//! LibreOffice headless and sent to that CUPS queue with `lp`. The programs
//! run directly with their argument vectors (never a shell), in a private
//! temporary folder made new for each run (LibreOffice's profile too), and
//! are killed when they hang past [`TIMEOUT`]. Where the `.docx` itself goes
//! is [`documents_folder`]: the home folder, or the folder the office's
//! config names (`documents_dir`, `%u` the login), which the deployment
//! guide makes reachable by SFTP.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long LibreOffice or `lp` may run before it is killed.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// A CUPS queue's name, checked: printable ASCII without a space, `/`, `#`,
/// a backslash or quotes (what `lpadmin` itself refuses), at most 127 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printer(String);

impl Printer {
    /// The name, if CUPS would take it (`i18n::bad_printer` words a
    /// refusal).
    pub fn parse(name: &str) -> Option<Printer> {
        let fits = !name.is_empty()
            && name.len() <= 127
            && name
                .bytes()
                .all(|b| b.is_ascii_graphic() && !b"/#\\'\"?".contains(&b));
        fits.then(|| Printer(name.to_string()))
    }

    pub fn name(&self) -> &str {
        &self.0
    }
}

/// Where documents go and where they are printed, as the config files say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The CUPS queue documents are sent to; none: written only.
    pub printer: Option<Printer>,
    /// The documents folder, `%u` standing for the login; none: the home
    /// folder.
    pub documents_dir: Option<String>,
    /// Where `soffice` and `lp` are looked for instead of PATH (never from
    /// a config file: a desk opened in-process by a test sets it).
    pub search_path: Option<std::ffi::OsString>,
}

/// Why a document was not printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Neither `soffice` nor `libreoffice` is on PATH.
    NoSoffice,
    /// LibreOffice ended without a PDF: the first line it said.
    Convert(String),
    /// `lp` is not on PATH.
    NoLp,
    /// `lp` refused: the first line of its stderr.
    Lp(String),
    /// A program ran past [`TIMEOUT`] and was killed: which one.
    TimedOut(&'static str),
    /// The temporary folder could not be made or read.
    Io(String),
}

/// The programs used and how long they may run.
#[derive(Debug, Clone)]
pub struct Tools {
    pub soffice: Option<PathBuf>,
    pub lp: Option<PathBuf>,
    pub timeout: Duration,
}

impl Tools {
    /// `soffice` (or `libreoffice`) and `lp` as found in `search` (a
    /// PATH-like list), else on PATH.
    pub fn find(search: Option<&std::ffi::OsStr>) -> Tools {
        let path = search
            .map(ToOwned::to_owned)
            .or_else(|| std::env::var_os("PATH"));
        let path = path.as_deref();
        Tools {
            soffice: on_path(path, "soffice").or_else(|| on_path(path, "libreoffice")),
            lp: on_path(path, "lp"),
            timeout: TIMEOUT,
        }
    }
}

/// The first executable file named `name` in the absolute folders of
/// `path` (PATH's form).
pub fn on_path(path: Option<&std::ffi::OsStr>, name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    std::env::split_paths(path?)
        .filter(|d| d.is_absolute())
        .map(|d| d.join(name))
        .find(|p| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// A path as a `file://` URL, every byte outside the unreserved set
/// percent-encoded (LibreOffice's `-env:UserInstallation` takes a URL).
fn file_url(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut url = String::from("file://");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// The first non-empty line of what a program said, at most 200
/// characters (defused when it is worded for the screen).
fn first_line(text: &[u8]) -> String {
    String::from_utf8_lossy(text)
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}

/// How a program run ended: its exit status, or killed at the deadline.
enum Ended {
    Exited(std::process::ExitStatus),
    Killed,
}

/// Runs `cmd` in a process group of its own, its output to the files
/// given, and waits at most `timeout`; past it the whole group is killed
/// (LibreOffice's launcher starts `soffice.bin` under it).
fn run(mut cmd: Command, out: &Path, err: &Path, timeout: Duration) -> std::io::Result<Ended> {
    use std::os::unix::process::CommandExt;
    cmd.stdin(Stdio::null())
        .stdout(std::fs::File::create(out)?)
        .stderr(std::fs::File::create(err)?)
        .process_group(0);
    let mut child = cmd.spawn()?;
    let group = nix::unistd::Pid::from_raw(child.id() as i32);
    let kill_group = || {
        let _ = nix::sys::signal::killpg(group, nix::sys::signal::Signal::SIGKILL);
    };
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            // Nothing it started outlives it.
            kill_group();
            return Ok(Ended::Exited(status));
        }
        if Instant::now() >= deadline {
            kill_group();
            let _ = child.kill();
            let _ = child.wait();
            return Ok(Ended::Killed);
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn read(path: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(64 * 1024).read_to_end(&mut bytes);
    }
    bytes
}

/// Converts `docx` to PDF and sends it to `printer` titled `title`; Ok is
/// lp's job id (`QUEUE-123`), or None when lp named none. Blocking: run it
/// off the async tasks (`tokio::task::spawn_blocking`).
pub fn print_docx(
    tools: &Tools,
    docx: &[u8],
    title: &str,
    printer: &Printer,
) -> Result<Option<String>, Failure> {
    let pdf = to_pdf(tools, docx)?;
    send(tools, &pdf.1, title, printer)
}

/// Converts `docx` to PDF in a private temporary folder (returned with the
/// PDF's path, which lives as long as it does).
pub fn to_pdf(tools: &Tools, docx: &[u8]) -> Result<(tempfile::TempDir, PathBuf), Failure> {
    let io = |e: std::io::Error| Failure::Io(e.to_string());
    let soffice = tools.soffice.as_ref().ok_or(Failure::NoSoffice)?;
    // Mode 0700, a random name: nothing of another's is followed or read.
    let dir = tempfile::Builder::new()
        .prefix("hrss-print.")
        .tempdir()
        .map_err(io)?;
    let input = dir.path().join("document.docx");
    crate::sheet::write_private(&input, docx).map_err(io)?;
    let (home, out) = (dir.path().join("home"), dir.path().join("out"));
    std::fs::create_dir(&home).map_err(io)?;
    std::fs::create_dir(&out).map_err(io)?;
    let mut cmd = Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation={}",
        file_url(&dir.path().join("profile"))
    ))
    .args([
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
    ])
    .arg(&out)
    .arg(&input)
    // LibreOffice writes under HOME: a fresh one, never the user's.
    .env("HOME", &home)
    // Its launcher script changes back to the folder it started in: the
    // caller's may be one this login cannot enter (an administrator's
    // `runuser` from /root), so it starts in its own.
    .current_dir(dir.path());
    let (said, errs) = (
        dir.path().join("soffice.out"),
        dir.path().join("soffice.err"),
    );
    let ended = run(cmd, &said, &errs, tools.timeout).map_err(io)?;
    let pdf = out.join("document.pdf");
    let made = read(&pdf).starts_with(b"%PDF");
    match ended {
        Ended::Killed => Err(Failure::TimedOut("soffice")),
        Ended::Exited(status) if status.success() && made => Ok((dir, pdf)),
        Ended::Exited(status) => {
            let mut why = first_line(&read(&errs));
            if why.is_empty() {
                why = first_line(&read(&said));
            }
            if why.is_empty() {
                why = status.to_string();
            }
            Err(Failure::Convert(why))
        }
    }
}

/// `lp -d PRINTER -t TITLE PDF`; Ok is the job id lp names.
pub fn send(
    tools: &Tools,
    pdf: &Path,
    title: &str,
    printer: &Printer,
) -> Result<Option<String>, Failure> {
    let io = |e: std::io::Error| Failure::Io(e.to_string());
    let lp = tools.lp.as_ref().ok_or(Failure::NoLp)?;
    let dir = pdf.parent().unwrap_or(Path::new("/"));
    let (said, errs) = (dir.join("lp.out"), dir.join("lp.err"));
    let mut cmd = Command::new(lp);
    cmd.arg("-d")
        .arg(printer.name())
        .arg("-t")
        .arg(title)
        .arg(pdf)
        .current_dir(dir);
    match run(cmd, &said, &errs, tools.timeout).map_err(io)? {
        Ended::Killed => Err(Failure::TimedOut("lp")),
        Ended::Exited(status) if status.success() => {
            Ok(job_id(&String::from_utf8_lossy(&read(&said))))
        }
        Ended::Exited(status) => {
            let why = first_line(&read(&errs));
            Err(Failure::Lp(if why.is_empty() {
                status.to_string()
            } else {
                why
            }))
        }
    }
}

/// The job id in lp's `request id is QUEUE-123 (1 file(s))`.
pub fn job_id(said: &str) -> Option<String> {
    let rest = &said[said.find("request id is ")? + "request id is ".len()..];
    let id = rest.split_whitespace().next()?;
    id.bytes()
        .all(|b| b.is_ascii_graphic())
        .then(|| id.to_string())
}

pub use crate::files::FolderProblem;

/// The folder documents are written to: `documents_dir` as
/// `files::own_folder` takes it (`%u` the login; made 0700 when missing,
/// refused when a link or another's), else the home folder.
pub fn documents_folder(template: Option<&str>) -> Result<PathBuf, FolderProblem> {
    match template.filter(|t| !t.trim().is_empty()) {
        None => Ok(dirs::home_dir().unwrap_or_else(|| PathBuf::from("."))),
        Some(t) => crate::files::own_folder(t),
    }
}

#[cfg(test)]
mod tests;

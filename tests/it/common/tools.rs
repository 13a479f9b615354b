//! Tools some checks need that a fresh machine may lack. Without one, a test
//! runs every part it can and skips the rest, saying once what was skipped
//! and how to enable it. Under `HRSS_REQUIRE_ALL=1` (CI) a missing tool is a
//! failure, not a skip.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Set by CI: every check runs, nothing may be skipped.
pub const REQUIRE_ALL: &str = "HRSS_REQUIRE_ALL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// tmux drives the program in a real terminal.
    Tmux,
    /// procps's pgrep and kill find and signal the program under test.
    Procps,
    /// Python's own codecs read a GB18030 file back (besides encoding_rs).
    Python3,
    /// Python's openpyxl reads workbooks back (besides calamine).
    Openpyxl,
    /// Python's python-docx reads documents back (besides the XML reader here).
    PythonDocx,
    /// A Postgres database the store tests may create schemas in.
    Postgres,
    /// Debian's sshd, run as root, for the login over SSH.
    SshdAsRoot,
    /// LibreOffice headless (`soffice`) and poppler's `pdftotext`: documents
    /// converted to PDF and read back.
    Soffice,
    /// A running CUPS scheduler with the test queue (`hrss-test`, made by
    /// `.ci/run`), its `lp` and `lpstat`.
    Cups,
}

impl Tool {
    const ALL: [Tool; 9] = [
        Tool::Tmux,
        Tool::Procps,
        Tool::Python3,
        Tool::Openpyxl,
        Tool::PythonDocx,
        Tool::Postgres,
        Tool::SshdAsRoot,
        Tool::Soffice,
        Tool::Cups,
    ];

    fn index(self) -> usize {
        Tool::ALL.iter().position(|t| *t == self).unwrap()
    }

    /// What is skipped without it, and how to have it.
    fn skipped(self) -> &'static str {
        match self {
            Tool::Tmux => {
                "tmux is missing: the end-to-end screen tests are skipped (apt-get install tmux)"
            }
            Tool::Procps => {
                "pgrep is missing: the terminal restored after a kill or a hang-up is not checked (apt-get install procps)"
            }
            Tool::Python3 => {
                "python3 is missing: GB18030 files are read back by encoding_rs only (apt-get install python3)"
            }
            Tool::Openpyxl => {
                "openpyxl is missing: workbooks are read back by calamine only (python3 -m pip install openpyxl)"
            }
            Tool::PythonDocx => {
                "python-docx is missing: documents are read back by this suite's own XML reader only (python3 -m pip install python-docx)"
            }
            Tool::Postgres => {
                "HRSS_TEST_POSTGRES_URL is not set: the Postgres store tests are skipped (eval \"$(bash scripts/test-postgres.sh)\")"
            }
            Tool::SshdAsRoot => {
                "not root or no /usr/sbin/sshd: the login over SSH is skipped (as root: apt-get install openssh-server)"
            }
            Tool::Soffice => {
                "soffice or pdftotext is missing: documents are not converted to PDF and read back (apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk)"
            }
            Tool::Cups => {
                "no CUPS scheduler with the queue hrss-test: nothing is printed through a real queue (as .ci/run does: apt-get install cups cups-bsd cups-client printer-driver-cups-pdf, start cupsd, lpadmin -p hrss-test)"
            }
        }
    }

    fn present(self) -> bool {
        match self {
            Tool::Tmux => runs("tmux", &["-V"]),
            Tool::Procps => runs("pgrep", &["-V"]),
            Tool::Python3 => runs("python3", &["-c", "pass"]),
            Tool::Openpyxl => runs("python3", &["-c", "import openpyxl"]),
            Tool::PythonDocx => runs("python3", &["-c", "import docx"]),
            Tool::Postgres => std::env::var_os("HRSS_TEST_POSTGRES_URL").is_some(),
            Tool::SshdAsRoot => {
                nix::unistd::geteuid().is_root()
                    && std::path::Path::new("/usr/sbin/sshd").exists()
                    && runs("ssh", &["-V"])
                    && runs("pgrep", &["-V"])
                    && runs("python3", &["-c", "import sqlite3"])
            }
            Tool::Soffice => {
                (runs("soffice", &["--version"]) || runs("libreoffice", &["--version"]))
                    && runs("pdftotext", &["-v"])
            }
            Tool::Cups => {
                // lpstat -r says whether the scheduler runs; it exits 0 either way.
                Command::new("lpstat")
                    .arg("-r")
                    .env("LC_ALL", "C")
                    .output()
                    .is_ok_and(|o| {
                        String::from_utf8_lossy(&o.stdout).trim() == "scheduler is running"
                    })
                    && runs("lpstat", &["-v", super::printers::QUEUE])
            }
        }
    }
}

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether `tool` is here. Without it: a failure under `HRSS_REQUIRE_ALL=1`,
/// else false, and the skip said once (past the harness's capture).
pub fn have(tool: Tool) -> bool {
    static SEEN: [OnceLock<bool>; Tool::ALL.len()] = [const { OnceLock::new() }; Tool::ALL.len()];
    *SEEN[tool.index()].get_or_init(|| {
        if tool.present() {
            return true;
        }
        if required() {
            panic!("{REQUIRE_ALL}=1, and {}", tool.skipped());
        }
        // On a line of its own, past the harness's dots and its capture.
        let _ = writeln!(std::io::stderr(), "\nnote: skipped: {}", tool.skipped());
        false
    })
}

/// Whether every check must run (CI).
pub fn required() -> bool {
    std::env::var(REQUIRE_ALL).is_ok_and(|v| v == "1")
}

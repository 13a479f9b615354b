//! Printing under test: stand-ins for LibreOffice and `lp` that record
//! their argument vectors (one argument a line) and answer as the real ones
//! do, and what the real checks share.

use std::path::{Path, PathBuf};

/// The queue `.ci/run` makes for the real printing checks (a CUPS-PDF
/// printer: each job becomes a PDF under the job's user's `~/PDF`).
pub const QUEUE: &str = "hrss-test";

/// The job id the stand-in `lp` gives.
pub const FAKE_JOB: &str = "hrss-fake-7";

/// A folder of stand-ins: `soffice` writes a small PDF where it is asked
/// to; `lp` says its job id, or refuses as told (`fail_lp`).
pub struct Fakes {
    pub dir: tempfile::TempDir,
}

fn executable(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

impl Fakes {
    /// Both stand-ins; `with_soffice` false leaves LibreOffice out.
    pub fn new(with_soffice: bool) -> Fakes {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        let log = dir.path().join("log");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(&log).unwrap();
        let log = log.display();
        if with_soffice {
            executable(
                &bin.join("soffice"),
                &format!(
                    r#"for a in "$@"; do printf '%s\n' "$a"; done > '{log}/soffice.argv'
printf '%s\n' "$HOME" > '{log}/soffice.home'
pwd > '{log}/soffice.cwd'
out=""; prev=""; last=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
cp "$last" '{log}/converted.docx'
printf '%%PDF-1.4 stand-in\n' > "$out/$(basename "$last" .docx).pdf"
echo "convert $last -> $out using filter : writer_pdf_Export""#
                ),
            );
        }
        executable(
            &bin.join("lp"),
            &format!(
                r#"for a in "$@"; do printf '%s\n' "$a"; done > '{log}/lp.argv'
pwd > '{log}/lp.cwd'
for a in "$@"; do last="$a"; done
cp "$last" '{log}/printed.pdf'
if [ -e '{log}/fail' ]; then
  printf 'lp: Forbidden \033[31mred\n' >&2
  echo 'second line' >&2
  exit 1
fi
echo "request id is {FAKE_JOB} (1 file(s))""#
            ),
        );
        Fakes { dir }
    }

    /// The folder to put first on PATH.
    pub fn bin(&self) -> PathBuf {
        self.dir.path().join("bin")
    }

    /// PATH with the stand-ins first (and, `alone`, nothing else).
    pub fn path(&self, alone: bool) -> std::ffi::OsString {
        let mut dirs = vec![self.bin()];
        if !alone {
            dirs.extend(std::env::split_paths(
                &std::env::var_os("PATH").unwrap_or_default(),
            ));
        }
        std::env::join_paths(dirs).unwrap()
    }

    /// The next `lp` refuses, its stderr's first line carrying an escape.
    pub fn fail_lp(&self) {
        std::fs::write(self.dir.path().join("log/fail"), "").unwrap();
    }

    /// A stand-in's argument vector, one per line, if it ran.
    pub fn argv(&self, program: &str) -> Option<Vec<String>> {
        let text = std::fs::read_to_string(self.dir.path().join(format!("log/{program}.argv")));
        text.ok().map(|t| t.lines().map(str::to_string).collect())
    }

    pub fn log(&self, name: &str) -> PathBuf {
        self.dir.path().join("log").join(name)
    }
}

/// The text of a PDF as `pdftotext -layout` gives it.
pub fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Converts a `.docx` to PDF with the real LibreOffice, as the program
/// does (a private profile and HOME), into `dir`; the PDF's path.
pub fn soffice_pdf(docx: &Path, dir: &Path) -> PathBuf {
    let profile = dir.join("profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx)
        .env("HOME", dir)
        .output()
        .unwrap();
    let pdf = dir.join(docx.with_extension("pdf").file_name().unwrap());
    assert!(
        pdf.exists(),
        "soffice made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// Text without the spaces a PDF's layout puts between characters.
pub fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

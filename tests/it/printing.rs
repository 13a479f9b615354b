//! Printing at the counter (issue 21, point 2), with stand-ins for
//! LibreOffice and `lp` first on the program's PATH: with a `printer` in the
//! config, `notice render` and `p` on screen write the `.docx` into the
//! documents folder and send it as PDF to the queue — the programs run
//! with their own argument vectors (the title one argument, spaces and
//! all: no shell splits it), LibreOffice with a private profile and HOME —
//! and say the number, the queue and lp's job id; or say in one sentence
//! why not (lp's refusal, its first line defused; no LibreOffice; a
//! printer name CUPS would not take, with nothing sent).

use crate::common;

use common::cli::{Demo, program, url};
use common::printers::{FAKE_JOB, Fakes};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// The demo's office config naming a printer (or none) and the documents
/// folder `DIR/docs/%u`; the folder this login gets.
fn office(d: &Demo, printer: Option<&str>) -> PathBuf {
    let home = d.dir.path();
    std::fs::create_dir_all(home.join("docs")).unwrap();
    let mut text = format!("documents_dir = \"{}/docs/%u\"\n", home.display());
    if let Some(p) = printer {
        text.push_str(&format!("printer = \"{p}\"\n"));
    }
    std::fs::write(home.join("office.toml"), text).unwrap();
    home.join("docs")
        .join(hrss_desk::login::os_login().expect("a login"))
}

/// `notice render filing-receipt ID …` with `path` as PATH.
fn render(d: &Demo, path: &std::ffi::OsStr, extra: &[&str]) -> std::process::Output {
    let id = d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending'");
    program(d.dir.path(), &url(&d.db))
        .env("PATH", path)
        .args(["notice", "render", "filing-receipt", &id])
        .args(extra)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The documents in a folder, by name.
fn documents(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_document_goes_to_the_printer_as_pdf_its_number_queue_and_job_said() {
    let d = Demo::new();
    let folder = office(&d, Some("hrss-fake"));
    let fakes = Fakes::new(true);
    let out = render(&d, &fakes.path(false), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The .docx in the documents folder, made for its owner only.
    let names = documents(&folder);
    assert_eq!(names.len(), 1, "{names:?}");
    let docx = folder.join(&names[0]);
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&docx), 0o600);
    let number = names[0]
        .strip_prefix("收件回执-")
        .and_then(|n| n.strip_suffix(".docx"))
        .unwrap()
        .to_string();
    assert!(number.starts_with("鹿人社收〔2026〕第"), "{number}");
    // One sentence: the number, the queue, lp's job, the file.
    let said = text(&out.stdout);
    assert_eq!(
        said.trim(),
        format!(
            "收件回执（{number}）已送打印机 hrss-fake，作业 {FAKE_JOB}；文件：{}",
            docx.display()
        )
    );
    // lp: the queue, the title as one argument, the PDF LibreOffice made.
    let lp = fakes.argv("lp").expect("lp ran");
    assert_eq!(lp.len(), 5, "{lp:?}");
    assert_eq!(
        &lp[..4],
        ["-d", "hrss-fake", "-t", &format!("收件回执 {number}")]
    );
    let pdf = Path::new(&lp[4]);
    assert!(
        pdf.is_absolute() && pdf.ends_with("out/document.pdf"),
        "{lp:?}"
    );
    assert!(!pdf.exists(), "the private temporary folder is gone");
    assert!(
        std::fs::read(fakes.log("printed.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    // LibreOffice: headless, a profile and a HOME of its own in the
    // temporary folder, converting the very document written.
    let soffice = fakes.argv("soffice").expect("soffice ran");
    let run_dir = pdf.parent().unwrap().parent().unwrap();
    assert_eq!(
        soffice[0],
        format!("-env:UserInstallation=file://{}/profile", run_dir.display())
    );
    for a in ["--headless", "--convert-to", "pdf", "--outdir"] {
        assert!(soffice.contains(&a.to_string()), "{soffice:?}");
    }
    assert_eq!(
        soffice.last().unwrap(),
        &run_dir.join("document.docx").display().to_string()
    );
    assert_eq!(
        std::fs::read(fakes.log("converted.docx")).unwrap(),
        std::fs::read(&docx).unwrap()
    );
    let home = std::fs::read_to_string(fakes.log("soffice.home")).unwrap();
    assert_eq!(home.trim(), run_dir.join("home").display().to_string());
    // Both run in the private folder, never in the caller's: LibreOffice's
    // launcher changes back to its starting folder and fails where the login
    // it runs as cannot enter it (root's, when an administrator runs
    // `runuser -u wangfang -- hrss-desk notice render …` from /root).
    for program in ["soffice", "lp"] {
        let cwd = std::fs::read_to_string(fakes.log(&format!("{program}.cwd"))).unwrap();
        assert!(
            Path::new(cwd.trim()).starts_with(run_dir),
            "{program}: {cwd}"
        );
    }

    // In English, the same sentence in English; a reprint keeps its number.
    let out = render(&d, &fakes.path(false), &["--lang", "en"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!(
            "Filing receipt ({number}) sent to printer hrss-fake, job {FAKE_JOB}; file: "
        )),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn without_a_printer_or_with_no_print_a_document_is_only_written() {
    let d = Demo::new();
    let folder = office(&d, None);
    let fakes = Fakes::new(true);
    let out = render(&d, &fakes.path(false), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("已出具收件回执（"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(documents(&folder).len(), 1);
    assert_eq!(fakes.argv("lp"), None, "nothing printed");
    assert_eq!(fakes.argv("soffice"), None, "nothing converted");
    // A printer set, and --no-print: written only.
    office(&d, Some("hrss-fake"));
    let out = render(&d, &fakes.path(false), &["--no-print"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(fakes.argv("lp"), None);
    // --printer names another queue than the config's.
    let out = render(&d, &fakes.path(false), &["--printer", "counter-2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(fakes.argv("lp").unwrap()[1], "counter-2");
}

#[test]
fn a_refusal_by_lp_or_no_libreoffice_is_said_in_one_sentence_the_docx_kept() {
    let d = Demo::new();
    let folder = office(&d, Some("hrss-fake"));
    // lp refuses: its first line, the escape in it defused, not its second.
    let fakes = Fakes::new(true);
    fakes.fail_lp();
    let out = render(&d, &fakes.path(false), &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains("但未能送打印机 hrss-fake：lp 未接受：lp: Forbidden <U+001B>[31mred。"),
        "{said}"
    );
    assert!(
        !said.contains('\u{1b}') && !said.contains("second line"),
        "{said}"
    );
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert_eq!(
        documents(&folder).len(),
        1,
        "the .docx is written all the same"
    );
    assert!(said.contains(&documents(&folder)[0]), "{said}");

    // No LibreOffice on PATH: said, and lp never runs.
    let fakes = Fakes::new(false);
    let out = render(&d, &fakes.path(true), &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains(
            "但未能送打印机 hrss-fake：服务器上没有 LibreOffice（soffice），无法转为 PDF。"
        ),
        "{said}"
    );
    assert_eq!(fakes.argv("lp"), None);
    let out = render(&d, &fakes.path(true), &["--lang", "en"]);
    assert!(
        text(&out.stderr).contains("LibreOffice (soffice) is not installed on the server"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_printer_name_cups_would_not_take_is_refused_and_nothing_is_sent() {
    let d = Demo::new();
    let folder = office(&d, Some("hrss-fake"));
    let fakes = Fakes::new(true);
    let numbered = "SELECT COUNT(*) FROM document_issued";
    let before = d.scalar(numbered);
    for bad in ["front desk", "a/b", "x#1"] {
        let out = render(&d, &fakes.path(false), &["--printer", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let said = text(&out.stderr);
        assert!(said.contains(&format!("打印机名称“{bad}”无效")), "{said}");
    }
    assert_eq!(fakes.argv("lp"), None, "nothing sent");
    assert_eq!(fakes.argv("soffice"), None);
    assert!(documents(&folder).is_empty(), "nothing written");
    assert_eq!(d.scalar(numbered), before, "no number given");
    // In a config file: the program names the file and refuses to start.
    std::fs::write(
        d.dir.path().join("office.toml"),
        "printer = \"front desk\"\n",
    )
    .unwrap();
    let out = render(&d, &fakes.path(false), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("打印机名称“front desk”无效"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fakes.argv("lp"), None);
}

#[test]
fn a_documents_folder_that_is_a_symbolic_link_is_refused_before_a_number_is_given() {
    let d = Demo::new();
    let folder = office(&d, None);
    let elsewhere = d.dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &folder).unwrap();
    let numbered = "SELECT COUNT(*) FROM document_issued";
    let before = d.scalar(numbered);
    let fakes = Fakes::new(true);
    let out = render(&d, &fakes.path(false), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("是符号链接，拒绝写入"),
        "{}",
        text(&out.stderr)
    );
    assert!(documents(&elsewhere).is_empty());
    assert_eq!(d.scalar(numbered), before);
}

/// `p` on screen, in the desk's own task: the same sentence in the status
/// line, the document in the folder and on the queue.
#[tokio::test(flavor = "multi_thread")]
async fn p_on_screen_prints_the_receipt_on_the_configured_queue() {
    use hrss_desk::i18n::Lang;
    use hrss_desk::tui::headless::Desk;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let db = common::TestDb::sqlite();
    let store = common::demo_store(&db, 300).await;
    let database = hrss_desk::store::DatabaseUrl::parse(&db.url).unwrap();
    let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
    let mut desk = Desk::open(
        &store,
        &database,
        &clerk,
        Lang::Zh,
        common::today(),
        (100, 30),
    )
    .await;
    let fakes = Fakes::new(true);
    let folder = fakes.dir.path().join("docs");
    desk.set_printing(hrss_desk::printing::Settings {
        printer: Some(hrss_desk::printing::Printer::parse("hrss-fake").unwrap()),
        documents_dir: Some(folder.display().to_string()),
        search_path: Some(fakes.path(true)),
    });
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    desk.key(key(KeyCode::Enter)).await;
    desk.key(key(KeyCode::Char('p'))).await;
    let said = desk.app.message.clone().unwrap_or_default();
    let names = documents(&folder);
    assert_eq!(names.len(), 1, "{said}");
    assert!(
        said.contains(&format!(
            "已送打印机 hrss-fake，作业 {FAKE_JOB}；文件：{}",
            folder.join(&names[0]).display()
        )),
        "{said}"
    );
    assert_eq!(fakes.argv("lp").unwrap()[1], "hrss-fake");
    assert_eq!(mode(&folder), 0o700);
}

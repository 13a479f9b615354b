//! Printing for real (issue 21, points 1 and 2): LibreOffice headless turns
//! each built-in template into a PDF that reads as a document — its
//! paragraphs lines of their own, its title once, the office, the seal's
//! place and the date at the foot — and a document goes through a real CUPS
//! queue (`hrss-test`, a CUPS-PDF printer that `.ci/run` makes) to a
//! completed job. Without LibreOffice, poppler or a scheduler with the
//! queue each check is skipped, said once (a failure under
//! `HRSS_REQUIRE_ALL=1`).

use crate::common;

use common::cli::{Demo, program, url};
use common::printers::{QUEUE, pdf_text, soffice_pdf, squeezed};
use common::tools::{self, Tool};
use hrss_desk::domain::documents::{self, DocKind};
use hrss_desk::i18n::Lang;
use std::path::Path;
use std::time::{Duration, Instant};

/// The position of each of `wanted` in `lines` (squeezed), each found after
/// the one before: Err names the first not found in order.
fn in_order(lines: &[String], wanted: &[String]) -> Result<Vec<usize>, String> {
    let mut at = Vec::new();
    let mut from = 0;
    for w in wanted {
        let Some(i) = lines[from..].iter().position(|l| l.starts_with(w.as_str())) else {
            return Err(w.clone());
        };
        at.push(from + i);
        from += i + 1;
    }
    Ok(at)
}

/// A value of each field as a demo record would give it: short enough to
/// stay on its line; a body of two paragraphs.
fn sample(kind: DocKind, field: &str) -> String {
    match field {
        "收件人" => "河北安泰商贸股份有限公司".into(),
        "日期" => "2026年11月27日".into(),
        f if documents::bodies(kind).contains(&f) => {
            "1. 请补交劳动合同复印件。\n2. 请补交身份证复印件。".into()
        }
        f => format!("{f}之值"),
    }
}

#[test]
fn every_built_in_template_reads_as_a_document_in_pdf() {
    if !tools::have(Tool::Soffice) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let office = hrss_desk::workflow::documents::DEFAULT_OFFICE;
    for kind in DocKind::ALL.iter().copied() {
        let fields = documents::fields(kind);
        let template = hrss_desk::docx::default_template(
            office,
            kind.title(Lang::Zh),
            fields,
            documents::bodies(kind),
        );
        let number = documents::number(kind, 2026, 12);
        let mut values: Vec<(&str, String)> = vec![("编号", number.clone())];
        values.extend(fields.iter().map(|f| (*f, sample(kind, f))));
        let docx = dir.path().join(format!("{}.docx", kind.code()));
        std::fs::write(&docx, hrss_desk::docx::fill(&template, &values).unwrap()).unwrap();
        let out = dir.path().join(kind.code());
        std::fs::create_dir(&out).unwrap();
        let pdf = soffice_pdf(&docx, &out);
        assert!(
            std::fs::read(&pdf).unwrap().starts_with(b"%PDF"),
            "{kind:?}"
        );
        let text = pdf_text(&pdf);
        let lines: Vec<String> = text
            .lines()
            .map(squeezed)
            .filter(|l| !l.is_empty())
            .collect();
        let title = kind.title(Lang::Zh);
        assert_eq!(
            squeezed(&text).matches(title).count(),
            1,
            "{kind:?}: the title once\n{text}"
        );
        // The office and the title, the number, the addressee, each field
        // a line of its own in the template's order (a body's paragraphs
        // each a line), then the office with its seal and the date.
        let mut wanted = vec![squeezed(office), title.to_string(), squeezed(&number)];
        for f in fields.iter().filter(|f| **f != "日期") {
            let v = sample(kind, f);
            if *f == "收件人" {
                wanted.push(squeezed(&format!("{v}：")));
            } else if documents::bodies(kind).contains(f) {
                wanted.extend(v.lines().map(squeezed));
            } else {
                wanted.push(squeezed(&format!("{f}：{v}")));
            }
        }
        wanted.push(squeezed(&format!("{office}（盖章）")));
        wanted.push("2026年11月27日".into());
        let at = in_order(&lines, &wanted)
            .unwrap_or_else(|w| panic!("{kind:?}: “{w}” not a line in its place\n{text}"));
        // The date is the line right under the seal's.
        assert_eq!(at[at.len() - 1], at[at.len() - 2] + 1, "{kind:?}\n{text}");
        assert!(!text.contains("{{"), "{kind:?}: a placeholder left\n{text}");
    }
}

/// The job `id` on `QUEUE` has completed, waiting at most a minute.
fn completed(id: &str) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        let out = std::process::Command::new("lpstat")
            .args(["-W", "completed", "-o", QUEUE])
            .output()
            .unwrap();
        if String::from_utf8_lossy(&out.stdout)
            .lines()
            .any(|l| l.split_whitespace().next() == Some(id))
        {
            return true;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    false
}

#[test]
fn a_returned_filings_notice_prints_through_a_real_cups_queue() {
    if !(tools::have(Tool::Soffice) && tools::have(Tool::Cups)) {
        return;
    }
    let d = Demo::new();
    let id =
        d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending' AND employer_id IS NOT NULL");
    d.run(&[
        "filings",
        "return",
        &id,
        "--notice",
        "一次性告知书\n1. 请补交劳动合同复印件。\n2. 请补交身份证复印件。",
    ])
    .success();
    let folder = d.dir.path().join("docs");
    std::fs::write(
        d.dir.path().join("office.toml"),
        format!(
            "printer = \"{QUEUE}\"\ndocuments_dir = \"{}\"\n",
            folder.display()
        ),
    )
    .unwrap();
    let out = program(d.dir.path(), &url(&d.db))
        .args(["notice", "render", "correction-notice", &id])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // “…已送打印机 hrss-test，作业 hrss-test-N；文件：…”
    let job = said
        .split("，作业 ")
        .nth(1)
        .and_then(|r| r.split('；').next())
        .unwrap_or_else(|| panic!("no job id said: {said}"))
        .to_string();
    assert!(job.starts_with(&format!("{QUEUE}-")), "{said}");
    assert!(completed(&job), "job {job} did not complete");

    // The document LibreOffice makes of the .docx written reads as a letter:
    // the title once, then the addressee, the notice's lines in order.
    let docx = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "docx"))
        .expect("the .docx in the documents folder");
    let pdf = soffice_pdf(&docx, d.dir.path());
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let text = pdf_text(&pdf);
    let employer = d.scalar(&format!(
        "SELECT e.name FROM filing f JOIN employer e ON e.id = f.employer_id WHERE f.id = {id}"
    ));
    let lines: Vec<String> = text
        .lines()
        .map(squeezed)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(squeezed(&text).matches("一次性告知书").count(), 1, "{text}");
    in_order(
        &lines,
        &[
            "一次性告知书".to_string(),
            squeezed(&format!("{employer}：")),
            squeezed("1. 请补交劳动合同复印件。"),
            squeezed("2. 请补交身份证复印件。"),
        ],
    )
    .unwrap_or_else(|w| panic!("“{w}” not in its place\n{text}"));
    // CUPS-PDF wrote the job as a PDF under the job's user's home.
    let n = job.rsplit('-').next().unwrap();
    let home = dirs_home();
    let printed = home.join("PDF");
    let made = std::fs::read_dir(&printed).ok().and_then(|r| {
        r.filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().ends_with(&format!("-job_{n}.pdf")))
    });
    if let Some(file) = made {
        assert!(std::fs::read(&file).unwrap().starts_with(b"%PDF"));
        // The test's paper is not kept.
        let _ = std::fs::remove_file(file);
    } else {
        eprintln!(
            "note: the CUPS-PDF file of job {job} is not in {} (another output folder?)",
            printed.display()
        );
    }
}

/// The home of this process's user, from the user database.
fn dirs_home() -> std::path::PathBuf {
    nix::unistd::User::from_uid(nix::unistd::getuid())
        .ok()
        .flatten()
        .map(|u| u.dir)
        .unwrap_or_else(|| Path::new("/").to_path_buf())
}

use super::*;

/// An executable shell script in `dir` (the tests' stand-ins for soffice and lp).
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn a_printer_name_is_what_cups_takes() {
    for good in ["PDF", "hrss-test", "counter_1", "Office.Printer@2"] {
        assert_eq!(Printer::parse(good).unwrap().name(), good);
    }
    let long = "p".repeat(128);
    for bad in [
        "",
        "front desk",
        "a/b",
        "a#b",
        "a\"b",
        "a\\b",
        "打印机",
        "tab\there",
        "x\u{1b}[31m",
        long.as_str(),
    ] {
        assert_eq!(Printer::parse(bad), None, "{bad:?}");
        let e = crate::i18n::bad_printer(bad);
        assert!(
            e.contains("打印机名称") && e.contains("Printer name"),
            "{e}"
        );
        assert!(!e.contains('\u{1b}'), "defused: {e}");
    }
    assert!(Printer::parse(&"p".repeat(127)).is_some());
}

#[test]
fn lps_job_id_is_read_from_its_sentence() {
    assert_eq!(
        job_id("request id is PDF-123 (1 file(s))\n").as_deref(),
        Some("PDF-123")
    );
    assert_eq!(job_id("something else"), None);
    assert_eq!(job_id("request id is "), None);
}

#[test]
fn a_path_is_a_file_url_with_odd_bytes_encoded() {
    assert_eq!(
        file_url(Path::new("/tmp/a b/简")),
        "file:///tmp/a%20b/%E7%AE%80"
    );
}

#[test]
fn a_hung_program_is_killed_at_the_deadline_with_what_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("child.pid");
    // The launcher starts a child that would outlive it, then hangs.
    let soffice = script(
        dir.path(),
        "soffice",
        &format!(
            "sh -c 'echo $$ > \"$0\"; exec sleep 30' '{}' &\nsleep 30",
            pid_file.display()
        ),
    );
    let tools = Tools {
        soffice: Some(soffice),
        lp: None,
        timeout: Duration::from_secs(1),
    };
    let started = Instant::now();
    let e = to_pdf(&tools, b"PK").unwrap_err();
    assert_eq!(e, Failure::TimedOut("soffice"));
    assert!(started.elapsed() < Duration::from_secs(10));
    // Its group was killed: the child is gone (or a zombie not yet reaped).
    let pid = std::fs::read_to_string(&pid_file).expect("the child started");
    let gone = || {
        std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())).map_or(true, |s| {
            s.rsplit(')')
                .next()
                .is_some_and(|r| r.trim_start().starts_with('Z'))
        })
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    while !gone() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(gone(), "the child of the hung program lives on");
}

#[test]
fn a_conversion_without_a_pdf_or_an_lp_refusal_says_their_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let soffice = script(
        dir.path(),
        "soffice",
        "echo 'Error: source file could not be loaded' >&2\nexit 0",
    );
    let lp = script(
        dir.path(),
        "lp",
        "echo 'lp: The printer or class does not exist.' >&2\necho second >&2\nexit 1",
    );
    let tools = Tools {
        soffice: Some(soffice),
        lp: Some(lp),
        timeout: TIMEOUT,
    };
    assert_eq!(
        to_pdf(&tools, b"PK").unwrap_err(),
        Failure::Convert("Error: source file could not be loaded".into())
    );
    let pdf = dir.path().join("x.pdf");
    std::fs::write(&pdf, b"%PDF-1.4").unwrap();
    assert_eq!(
        send(&tools, &pdf, "t", &Printer::parse("nowhere").unwrap()).unwrap_err(),
        Failure::Lp("lp: The printer or class does not exist.".into())
    );
    let none = Tools {
        soffice: None,
        lp: None,
        timeout: TIMEOUT,
    };
    assert_eq!(to_pdf(&none, b"PK").unwrap_err(), Failure::NoSoffice);
    assert_eq!(
        send(&none, &pdf, "t", &Printer::parse("q").unwrap()).unwrap_err(),
        Failure::NoLp
    );
}

#[test]
fn the_documents_folder_is_made_private_and_a_link_or_a_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let login = crate::login::os_login().expect("a login");
    let template = dir.path().join("docs-%u");
    let made = documents_folder(Some(template.to_str().unwrap())).unwrap();
    assert_eq!(made, dir.path().join(format!("docs-{login}")));
    let mode = std::fs::metadata(&made).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    // Again: the folder is there, and used.
    assert_eq!(
        documents_folder(Some(template.to_str().unwrap())).unwrap(),
        made
    );
    let target = dir.path().join("elsewhere");
    std::fs::create_dir(&target).unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(
        documents_folder(Some(link.to_str().unwrap())),
        Err(FolderProblem::Symlink(link.clone()))
    );
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    assert_eq!(
        documents_folder(Some(file.to_str().unwrap())),
        Err(FolderProblem::NotAFolder(file.clone()))
    );
    let orphan = dir.path().join("no/such/parent");
    assert!(matches!(
        documents_folder(Some(orphan.to_str().unwrap())),
        Err(FolderProblem::Io(..))
    ));
    assert_eq!(
        documents_folder(None).unwrap(),
        dirs::home_dir().unwrap_or_else(|| PathBuf::from("."))
    );
}

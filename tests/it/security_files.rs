//! Every file the program writes is created new and renamed into place; a
//! symbolic link planted at its name is refused, never followed (issue 19,
//! point 1): the lookup index beside the database, an import's error
//! report, an export, a document, the day's log and its folder.

use crate::common::cli::Demo;

fn plant(at: &std::path::Path, victim: &std::path::Path) {
    std::fs::write(victim, "the chief's own file").unwrap();
    std::os::unix::fs::symlink(victim, at).unwrap();
}

fn untouched(victim: &std::path::Path) {
    assert_eq!(
        std::fs::read_to_string(victim).unwrap(),
        "the chief's own file",
        "{} was written through a link",
        victim.display()
    );
}

#[test]
fn a_link_planted_at_any_name_the_program_writes_is_refused() {
    let d = Demo::new();
    let dir = d.dir.path();
    // The lookup index beside the database: the lookup still answers
    // (from an index built in memory), the link's target is untouched.
    let db = d.db.clone();
    let index = std::path::PathBuf::from(format!("{}.lookup", db.display()));
    let _ = std::fs::remove_file(&index);
    let victim = dir.join("bashrc-index");
    plant(&index, &victim);
    d.run(&["lookup", "人力"]).success();
    untouched(&victim);
    assert!(
        std::fs::symlink_metadata(&index)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    // An import's error report beside its file.
    let csv = dir.join("bad.csv");
    std::fs::write(&csv, "公民身份号码,姓名\n123,张三\n").unwrap();
    let report = dir.join("bad.errors.csv");
    let victim = dir.join("bashrc-report");
    plant(&report, &victim);
    let out = d.run(&["import", "persons", csv.to_str().unwrap()]).code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("符号链接"), "{err}");
    untouched(&victim);

    // An export and a document.
    let export = dir.join("licences.csv");
    let victim = dir.join("bashrc-export");
    plant(&export, &victim);
    d.run(&["export", "licences", export.to_str().unwrap()])
        .code(1);
    untouched(&victim);

    // The day's log: the command runs (without its log), the link's target
    // untouched; and a link planted in place of the log's folder is not
    // followed either. (Near midnight the program's day may be the next:
    // then it writes a file of its own, and the target is untouched still.)
    let logs = dir.join(".local/state/hrss-desk/logs");
    std::fs::create_dir_all(&logs).unwrap();
    let day = chrono::Utc::now().date_naive().format("%Y-%m-%d");
    let log = logs.join(format!("hrss-desk.log.{day}"));
    let _ = std::fs::remove_file(&log);
    let victim = dir.join("bashrc-log");
    plant(&log, &victim);
    d.run(&["lookup", "人力"]).success();
    untouched(&victim);
    std::fs::remove_dir_all(&logs).unwrap();
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &logs).unwrap();
    d.run(&["lookup", "人力"]).success();
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

/// Personal data at rest (issue 19, point 7): a new database, its folder,
/// its journal files and its lookup index are for owner and group only,
/// whatever the umask lets through for others; an export, an import's
/// report and the log's folder for their owner alone.
#[test]
fn every_file_and_folder_the_program_creates_is_for_owner_and_group_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        crate::common::cli::hrss(home.path())
            .env(hrss_desk::clock::TODAY_VAR, crate::common::TODAY)
            .args(args)
            .assert()
            .success();
    };
    run(&["demo", "--seed-only", "--size", "100"]);
    let folder = home.path().join("data").join("hrss-desk");
    let db = folder.join("demo.sqlite");
    run(&[
        "--database-url",
        &crate::common::cli::url(&db),
        "lookup",
        "人力",
    ]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&folder) & 0o027, 0, "folder {:o}", mode(&folder));
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(mode(&p) & 0o037, 0, "{name} is {:o}", mode(&p));
        seen.push(name);
    }
    assert!(
        seen.iter().any(|n| n.ends_with(".sqlite")) && seen.iter().any(|n| n.ends_with(".lookup")),
        "{seen:?}"
    );
    // What a desk writes for its user alone: an export, an import's report,
    // the log's folder.
    let url = crate::common::cli::url(&db);
    let export = home.path().join("licences.csv");
    run(&[
        "--database-url",
        &url,
        "export",
        "licences",
        export.to_str().unwrap(),
    ]);
    let bad = home.path().join("bad.csv");
    std::fs::write(&bad, "公民身份号码,姓名\n123,张三\n").unwrap();
    crate::common::cli::hrss(home.path())
        .env(hrss_desk::clock::TODAY_VAR, crate::common::TODAY)
        .args([
            "--database-url",
            &url,
            "import",
            "persons",
            bad.to_str().unwrap(),
        ])
        .assert()
        .code(1);
    let logs = home.path().join(".local/state/hrss-desk/logs");
    for (p, at_most) in [
        (export, 0o600),
        (home.path().join("bad.errors.csv"), 0o600),
        (logs, 0o700),
    ] {
        assert_eq!(mode(&p) & !at_most, 0, "{} is {:o}", p.display(), mode(&p));
    }
}

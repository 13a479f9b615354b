//! `hrss-desk import` as a clerk runs it: the sentence said, the exit code,
//! the report of bad rows beside the file, and a killed import leaving the
//! database as it was.

use crate::common;

use common::cli::{Demo, url};
use predicates::prelude::*;
use std::io::Write;

fn id(first17: &str) -> String {
    format!(
        "{first17}{}",
        hrss_desk::domain::resident_id::check_char(first17.as_bytes())
    )
}

#[test]
fn a_good_file_is_imported_and_said_a_bad_one_reported_beside_it() {
    let d = Demo::new();
    let good = d.dir.path().join("persons.csv");
    std::fs::write(
        &good,
        format!(
            "公民身份号码,姓名\n{},孙一\n{},孙二\n",
            id("13011019900307123"),
            id("13011019851122002")
        ),
    )
    .unwrap();
    d.run(&["import", "persons", good.to_str().unwrap()])
        .success()
        .stdout(predicate::str::contains("已导入参保人员：2行，新增2"));
    d.run(&[
        "--lang",
        "en",
        "import",
        "persons",
        good.to_str().unwrap(),
        "--dry-run",
    ])
    .success()
    .stdout(predicate::str::contains("Dry run: 2 rows of persons"));

    let bad = d.dir.path().join("名册.csv");
    std::fs::write(
        &bad,
        "公民身份号码,姓名,入职日期\n130110199003071230,孙三,2024-13-01\n",
    )
    .unwrap();
    d.run(&["import", "persons", bad.to_str().unwrap()])
        .code(1)
        .stderr(predicate::str::contains("第2行「公民身份号码」"))
        .stderr(predicate::str::contains(
            "未导入任何数据：1行有问题（共2处）",
        ));
    let report = std::fs::read_to_string(d.dir.path().join("名册.errors.csv")).unwrap();
    assert!(
        report.starts_with('\u{feff}'),
        "opens as UTF-8 in a spreadsheet"
    );
    assert!(report.contains("\"2\",\"入职日期\""), "{report}");

    // A header that fits nothing, an unknown kind, a file that is not there.
    let odd = d.dir.path().join("odd.csv");
    std::fs::write(&odd, "甲,乙\n1,2\n").unwrap();
    d.run(&["import", "persons", odd.to_str().unwrap()])
        .code(1)
        .stderr(predicate::str::contains("表头与参保人员的列都对不上"));
    d.run(&["import", "people", odd.to_str().unwrap()])
        .code(2)
        .stderr(predicate::str::contains("不能导入“people”"));
    d.run(&["import", "persons", "/nonexistent/x.csv"])
        .code(1)
        .stderr(predicate::str::contains("文件无法读取"));
}

#[test]
fn a_killed_import_leaves_the_database_before_or_after_never_between() {
    let d = Demo::new();
    let before: i64 = d.scalar("SELECT COUNT(*) FROM person").parse().unwrap();
    // Enough rows that the kill lands while they are being written.
    let path = d.dir.path().join("big.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "公民身份号码,姓名").unwrap();
    let n: u64 = 150_000;
    let born = chrono::NaiveDate::from_ymd_opt(1960, 1, 1).unwrap();
    for i in 0..n {
        let day = born + chrono::Days::new(i / 1000);
        let first17 = format!("130110{}{:03}", day.format("%Y%m%d"), i % 1000);
        writeln!(f, "{},人{i}", id(&first17)).unwrap();
    }
    drop(f);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hrss-desk"))
        .env_remove("HRSS_DATABASE_URL")
        .env(hrss_desk::clock::TODAY_VAR, common::TODAY)
        .env("HOME", d.dir.path())
        .args(["--database-url", &url(&d.db), "import", "persons"])
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it is writing (the journal grows), then kill it outright.
    let wal = d.db.with_extension("sqlite-wal");
    let start = std::time::Instant::now();
    while std::fs::metadata(&wal).map_or(0, |m| m.len()) < 512 * 1024
        && start.elapsed() < std::time::Duration::from_secs(60)
        && child.try_wait().unwrap().is_none()
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let at_kill = std::fs::metadata(&wal).map_or(0, |m| m.len());
    // (A machine that starved this thread for the whole import: it ended by
    // itself, and must have ended well, every row in.)
    let ended = child.try_wait().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let after: i64 = d.scalar("SELECT COUNT(*) FROM person").parse().unwrap();
    match ended {
        Some(status) => {
            assert!(status.success(), "the import ended by itself: {status}");
            assert_eq!(after, before + n as i64);
        }
        None => assert!(at_kill > 0, "killed while writing, not after a refusal"),
    }
    assert!(
        after == before || after == before + n as i64,
        "{before} before, {after} after: never between"
    );
    d.run(&["audit", "verify"]).success();
}

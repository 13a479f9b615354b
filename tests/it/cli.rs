//! The command line as a script or a clerk uses it: outputs, exit codes, and
//! one clear sentence for every kind of bad input.

use crate::common;

use common::cli::{Demo, hrss, url};
use predicates::prelude::*;

#[test]
fn validate_prints_one_line_per_value_and_exits_by_the_worst() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .args(["validate", "id", "360426199101010071", "44011320141005001x"])
        .assert()
        .code(0)
        .stdout("360426199101010071\tok\n44011320141005001x\tok\n");
    hrss(home.path())
        .args(["validate", "id", "360426199101010071", "36042619910102009X"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "36042619910102009X\tinvalid\t校验码应为3，实为X",
        ));
    hrss(home.path())
        .args(["--lang", "en", "validate", "uscc", "91110000600037341N"])
        .assert()
        .code(1)
        .stdout("91110000600037341N\tinvalid\tcheck character should be L, found N\n");
}

#[test]
fn validate_reads_stdin_with_a_dash_and_skips_blank_lines() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .args(["validate", "uscc", "-"])
        .write_stdin("91110000600037341L\r\n\n9115220107837757XE\n9111000060003IOZSV\n")
        .assert()
        .code(1)
        .stdout(predicate::function(|s: &str| {
            let lines: Vec<&str> = s.lines().collect();
            lines.len() == 3
                && lines[0] == "91110000600037341L\tok"
                && lines[1] == "9115220107837757XE\tok"
                && lines[2].starts_with("9111000060003IOZSV\tinvalid\t")
        }));
}

#[test]
fn validate_never_echoes_escape_sequences() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .args(["validate", "id", "\u{1b}[2J360426"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains('\u{1b}').not())
        .stdout(predicate::str::contains("<U+001B>"));
}

#[test]
fn a_usage_error_exits_two() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .args(["validate", "passport", "X"])
        .assert()
        .code(2);
    hrss(home.path()).args(["validate", "id"]).assert().code(2);
}

#[test]
fn an_unknown_language_is_one_sentence_and_exit_two() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .args(["--lang", "fr", "validate", "id", "360426199101010071"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("zh 或 en").and(predicate::str::contains("\n").count(1)));
}

#[test]
fn calendar_add_counts_holidays_and_make_up_days() {
    let d = Demo::new();
    d.run(&[
        "calendar",
        "add",
        "--from",
        "2026-09-30",
        "--working-days",
        "5",
    ])
    .success()
    .stdout("2026-10-13\n")
    .stderr("");
    d.run(&[
        "--lang",
        "en",
        "calendar",
        "add",
        "--from",
        "2026-12-28",
        "--working-days",
        "5",
    ])
    .success()
    .stdout("2027-01-04\n")
    .stderr(predicate::str::contains("provisional"));
    d.run(&[
        "calendar",
        "add",
        "--from",
        "2026-13-01",
        "--working-days",
        "5",
    ])
    .code(2)
    .stderr(predicate::str::contains("不存在"));
    d.run(&[
        "calendar",
        "add",
        "--from",
        "2026-01-01",
        "--working-days",
        "4000000000",
    ])
    .code(2)
    .stderr(predicate::str::contains("--working-days"));
}

#[test]
fn a_database_without_staff_says_how_to_add_the_first_administrator() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("new.sqlite");
    hrss(home.path())
        .args([
            "--database-url",
            &url(&db),
            "calendar",
            "add",
            "--from",
            "2026-09-30",
            "--working-days",
            "5",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("staff add"));
}

#[test]
fn an_administrator_loads_a_years_notice_and_a_bad_file_changes_nothing() {
    let d = Demo::new();
    let notice = d.dir.path().join("2027.toml");
    std::fs::write(
        &notice,
        "[[year]]\nyear = 2027\npublished = true\nsource = \"test\"\nholidays = [{ name = \"元旦\", from = \"2027-01-01\", to = \"2027-01-03\" }]\nworkdays = [\"2027-01-09\"]\n",
    )
    .unwrap();
    d.run(&[
        "--user",
        "wangfang",
        "calendar",
        "load",
        notice.to_str().unwrap(),
    ])
    .code(1)
    .stderr(predicate::str::contains("无权"));
    let bad = d.dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[year]]\nyear = 2027\npublished = true\nholidays = [{ name = \"x\", from = \"2027-01-01\", to = \"2027-01-01\" }]\nworkdays = [\"2027-01-06\"]\n",
    )
    .unwrap();
    d.run(&[
        "--user",
        "zhaojing",
        "--lang",
        "en",
        "calendar",
        "load",
        bad.to_str().unwrap(),
    ])
    .code(1)
    .stderr(predicate::str::contains("not a Saturday or Sunday"));
    d.run(&[
        "calendar",
        "add",
        "--from",
        "2026-12-31",
        "--working-days",
        "1",
    ])
    .success()
    .stdout("2027-01-01\n");
    d.run(&[
        "--user",
        "zhaojing",
        "calendar",
        "load",
        notice.to_str().unwrap(),
    ])
    .success()
    .stdout(predicate::str::contains("2027"));
    d.run(&[
        "calendar",
        "add",
        "--from",
        "2026-12-31",
        "--working-days",
        "2",
    ])
    .success()
    .stdout("2027-01-05\n")
    .stderr("");
}

#[test]
fn an_id_number_with_a_chinese_character_is_invalid_not_a_crash() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .args(["validate", "id", "3604261991010100中X", "36042691010100中"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("不允许的字符“中”").count(2));
}

#[test]
fn the_default_database_lives_in_the_data_directory() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path()).args(["migrate"]).assert().success();
    assert!(
        home.path()
            .join("data/hrss-desk/hrss-desk.sqlite")
            .is_file()
    );
    hrss(home.path())
        .env(hrss_desk::clock::TODAY_VAR, common::TODAY)
        .args(["demo", "--seed-only", "--size", "100"])
        .assert()
        .success();
    assert!(home.path().join("data/hrss-desk/demo.sqlite").is_file());
}

#[test]
fn the_demo_is_made_once_and_its_audit_log_verifies() {
    let d = Demo::new();
    d.run(&["demo", "--seed-only"])
        .success()
        .stdout(predicate::str::contains("演示数据库已存在"));
    d.run(&["--user", "zhaojing", "audit", "verify"])
        .success()
        .stdout(predicate::str::contains("审计日志完整"));
}

#[test]
fn tampering_with_the_audit_log_is_reported_with_the_entry() {
    let d = Demo::new();
    d.sql(crate::common::UNGUARD_AUDIT_SQLITE);
    d.sql("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2;");
    d.run(&["--lang", "en", "audit", "verify"])
        .code(1)
        .stderr(predicate::str::contains("Audit entry 2 was altered"));
}

#[test]
fn a_clerk_may_not_verify_the_audit_log() {
    let d = Demo::new();
    d.run(&["--user", "wangfang", "audit", "verify"])
        .code(1)
        .stderr(predicate::str::contains("无权"));
}

#[test]
fn a_demo_size_out_of_range_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("d.sqlite");
    hrss(home.path())
        .args([
            "--database-url",
            &url(&db),
            "demo",
            "--seed-only",
            "--size",
            "2000000",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--size"));
    assert!(!db.exists(), "nothing is created for a refused size");
}

#[test]
fn an_unknown_login_is_refused_and_user_is_only_for_admins() {
    let home = tempfile::tempdir().unwrap();
    let db = url(&home.path().join("office.sqlite"));
    // The first staff member of an empty list must be an administrator.
    hrss(home.path())
        .args([
            "--database-url",
            &db,
            "staff",
            "add",
            "alice",
            "--name",
            "爱丽丝",
            "--roles",
            "clerk",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("系统管理员"));
    hrss(home.path())
        .args([
            "--database-url",
            &db,
            "staff",
            "add",
            "alice",
            "--name",
            "爱丽丝",
            "--roles",
            "admin",
        ])
        .assert()
        .success();
    // The test runs under an OS login that is not on the list.
    hrss(home.path())
        .args(["--database-url", &db, "staff", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("不在本局工作人员名单中"));
    hrss(home.path())
        .args(["--database-url", &db, "--user", "alice", "staff", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--user"));
    hrss(home.path())
        .args([
            "--database-url",
            &db,
            "--lang",
            "en",
            "--user",
            "alice",
            "audit",
            "verify",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "--user works only on a demo database",
        ));
}

#[test]
fn an_administrator_may_act_as_another_staff_member() {
    let home = tempfile::tempdir().unwrap();
    let db = url(&home.path().join("office.sqlite"));
    let me = hrss_desk::cli::os_login().expect("the test runs under a login in the user database");
    hrss(home.path())
        .args([
            "--database-url",
            &db,
            "staff",
            "add",
            &me,
            "--name",
            "管理员",
            "--roles",
            "admin",
        ])
        .assert()
        .success();
    hrss(home.path())
        .args([
            "--database-url",
            &db,
            "staff",
            "add",
            "bob",
            "--name",
            "鲍勃",
            "--roles",
            "clerk",
        ])
        .assert()
        .success();
    hrss(home.path())
        .args([
            "--database-url",
            &db,
            "--user",
            "bob",
            "staff",
            "add",
            "carol",
            "--name",
            "卡罗",
            "--roles",
            "clerk",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("无权"));
    hrss(home.path())
        .args(["--database-url", &db, "--user", "bob", "staff", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("bob\t鲍勃\t窗口人员"));
    hrss(home.path())
        .args(["--database-url", &db, "audit", "verify"])
        .assert()
        .success();
}

#[test]
fn a_malformed_database_url_is_one_sentence() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .args(["--database-url", "mysql://root:hunter2@db/x", "migrate"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("格式不对").and(predicate::str::contains("hunter2").not()),
        );
}

#[test]
fn an_unreachable_postgres_server_is_named_at_once() {
    let home = tempfile::tempdir().unwrap();
    // Port 1 on loopback: nothing listens, the connection is refused.
    hrss(home.path())
        .args([
            "--lang",
            "en",
            "--database-url",
            "postgres://hrss:pw@127.0.0.1:1/hrss",
            "migrate",
        ])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("cannot be reached")
                .and(predicate::str::contains("127.0.0.1:1"))
                .and(predicate::str::contains("pw@").not()),
        );
}

#[test]
fn a_missing_folder_is_named_and_nothing_is_created() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("no/such/dir/x.sqlite");
    hrss(home.path())
        .args(["--lang", "en", "--database-url", &url(&db), "migrate"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
    assert!(!home.path().join("no").exists());
}

#[test]
fn a_read_only_database_is_refused_untouched() {
    let d = Demo::new();
    let before = std::fs::read(&d.db).unwrap();
    let mut perms = std::fs::metadata(&d.db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&d.db, perms).unwrap();
    d.run(&["--lang", "en", "audit", "verify"])
        .code(1)
        .stderr(predicate::str::contains("read-only"));
    assert_eq!(std::fs::read(&d.db).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("notes.sqlite");
    let junk = "这不是数据库 / not a database\n".repeat(400);
    std::fs::write(&db, &junk).unwrap();
    hrss(home.path())
        .args(["--database-url", &url(&db), "migrate"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("不是数据库文件或已损坏"));
    assert_eq!(std::fs::read_to_string(&db).unwrap(), junk);
}

#[test]
fn a_database_from_a_newer_program_is_refused_untouched() {
    let d = Demo::new();
    d.sql("INSERT INTO schema_migration (version, name, applied_at) VALUES (99, 'future', 'x');");
    // Let SQLite fold the WAL into the file so the bytes compared are all of it.
    d.sql("PRAGMA wal_checkpoint(TRUNCATE);");
    let before = std::fs::read(&d.db).unwrap();
    d.run(&["--lang", "en", "migrate"])
        .code(1)
        .stderr(predicate::str::contains("newer than this program"));
    d.sql("PRAGMA wal_checkpoint(TRUNCATE);");
    assert_eq!(std::fs::read(&d.db).unwrap(), before);
}

#[test]
fn help_and_version_answer() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("validate").and(predicate::str::contains("demo")));
    hrss(home.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("hrss-desk "));
}

#[test]
fn the_screen_without_a_terminal_says_so_and_fails() {
    let d = Demo::new();
    d.run(&["demo"])
        .code(1)
        .stderr(predicate::str::contains("需要在终端中运行"));
}

#[test]
fn a_keymap_file_that_cannot_be_read_is_named() {
    let d = Demo::new();
    d.run(&["--lang", "en", "--keymap", "/no/such/keymap.toml", "demo"])
        .code(2)
        .stderr(predicate::str::contains("/no/such/keymap.toml"));
}

#[test]
fn a_broken_config_file_is_named_with_what_is_wrong() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/hrss-desk");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "colour = \"blue\"\n").unwrap();
    hrss(home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .args(["validate", "id", "360426199101010071"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config.toml").and(predicate::str::contains("colour")));
    std::fs::write(dir.join("config.toml"), "lang = \"en\"\n").unwrap();
    hrss(home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .args(["validate", "id", "36042619910102009X"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("check character should be 3"));
}

#[test]
fn lookup_finds_by_name_initials_and_number_and_masks_persons() {
    let d = Demo::new();
    let out = d
        .run(&[
            "lookup", "鹿泉", "--kind", "licence", "--limit", "3", "--json",
        ])
        .success();
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(hits.len(), 3);
    for h in &hits {
        for field in ["kind", "id", "number", "name", "uscc", "status", "score"] {
            assert!(h.get(field).is_some(), "{field} in {h}");
        }
        assert!(h["name"].as_str().unwrap().contains("鹿泉"));
    }
    // A licence number's digits, without the zeros of its groups.
    let number = hits[0]["number"].as_str().unwrap().to_string();
    let digits: Vec<String> = number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(|g| g.trim_start_matches('0').to_string())
        .collect();
    let out = d.run(&["lookup", &digits.concat(), "--json"]).success();
    let found: Vec<serde_json::Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(
        found.iter().any(|h| h["number"] == number.as_str()),
        "{number} by {}",
        digits.concat()
    );
    // Persons come out masked, in both forms.
    let out = d
        .run(&["lookup", "王", "--kind", "person", "--limit", "5", "--json"])
        .success();
    let persons: Vec<serde_json::Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(!persons.is_empty());
    assert!(
        persons
            .iter()
            .all(|p| p["number"].as_str().unwrap().contains("********"))
    );
    // Each with the employer, so namesakes differ (issue 21, point 10).
    assert!(
        persons
            .iter()
            .any(|p| p["employer"].as_str().is_some_and(|e| e.contains("公司"))),
        "{persons:?}"
    );
    d.run(&["lookup", "王", "--kind", "person", "--limit", "5"])
        .success()
        .stdout(
            predicate::str::contains(" · ")
                .and(predicate::str::contains("********"))
                .and(predicate::str::is_match(r"\d{17}[\dX]").unwrap().not()),
        );
}

#[test]
fn lookup_exits_one_without_hits_and_two_on_a_bad_query() {
    let d = Demo::new();
    d.run(&["lookup", "zzzzqqqqxxxx"]).code(1).stdout("");
    d.run(&["lookup", "   "])
        .code(2)
        .stderr(predicate::str::contains("请输入"));
    d.run(&["lookup", &"鹿".repeat(10_000)])
        .code(2)
        .stderr(predicate::str::contains("过长"));
    d.run(&["lookup", "' OR 1=1 --"]).code(1);
    d.run(&["lookup", "x", "--limit", "0"]).code(2);
    d.run(&["lookup", "\u{1b}\u{7}"])
        .code(2)
        .stderr(predicate::str::contains("请输入"));
}

#[test]
fn lookup_takes_bytes_that_are_not_utf8_without_fuss() {
    use std::os::unix::ffi::OsStrExt;
    let d = Demo::new();
    let bad = std::ffi::OsStr::from_bytes(b"\xff\xfe\xfd");
    hrss(d.dir.path())
        .env(hrss_desk::clock::TODAY_VAR, common::TODAY)
        .arg("--database-url")
        .arg(url(&d.db))
        .arg("lookup")
        .arg(bad)
        .assert()
        .code(1);
}

#[test]
fn filings_check_lists_every_pending_filing_with_all_its_problems() {
    let d = Demo::new();
    let out = d
        .run(&["--lang", "en", "filings", "check", "--json"])
        .code(1);
    let filings: Vec<serde_json::Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    // 300 of one person each, 12 employers' yearly declarations, 10 retirees' pension bases.
    assert_eq!(filings.len(), 322, "every pending filing");
    for f in &filings {
        for field in [
            "id",
            "kind",
            "employer_uscc",
            "person_id_masked",
            "problems",
        ] {
            assert!(f.get(field).is_some(), "{field} in {f}");
        }
        if let Some(id) = f["person_id_masked"].as_str() {
            assert!(id.contains("********"), "{id}");
        }
    }
    let codes: Vec<&str> = filings
        .iter()
        .flat_map(|f| {
            f["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["code"].as_str().unwrap())
        })
        .collect();
    for expected in [
        "material-missing",
        "base-above-band",
        "base-below-band",
        "id-number-invalid",
        "period-paid-here",
        "statement-mismatch",
        "person-not-insured-here",
        "pension-base-mismatch",
    ] {
        assert!(codes.contains(&expected), "no {expected} among {codes:?}");
    }
    assert!(
        filings
            .iter()
            .any(|f| f["problems"].as_array().unwrap().is_empty()),
        "clean ones too"
    );
    // A filing's problems come all at once, each a sentence.
    let several = filings
        .iter()
        .find(|f| f["problems"].as_array().unwrap().len() > 1)
        .expect("one with several");
    for p in several["problems"].as_array().unwrap() {
        assert!(p["message"].as_str().unwrap().ends_with('.'), "{p}");
    }
    d.run(&["filings", "check"]).code(1).stdout(
        predicate::str::contains("缴费基数")
            .and(predicate::str::is_match(r"\d{17}[\dX]").unwrap().not()),
    );
}

/// The id of a pending filing with or without problems, from `filings check`.
pub(crate) fn pending(d: &Demo, with_problems: bool) -> (i64, usize) {
    let out = d.run(&["filings", "check", "--json"]).code(1);
    let filings: Vec<serde_json::Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let f = filings
        .iter()
        .find(|f| {
            let n = f["problems"].as_array().unwrap().len();
            if with_problems {
                n > 1
            } else {
                n == 0 && f["person_id_masked"].is_string()
            }
        })
        .unwrap();
    (
        f["id"].as_i64().unwrap(),
        f["problems"].as_array().unwrap().len(),
    )
}

#[test]
fn a_filing_with_problems_is_returned_with_all_of_them_or_approved_only_by_a_chief_with_a_reason() {
    let d = Demo::new();
    let (id, problems) = pending(&d, true);
    let id = id.to_string();
    d.run(&["--user", "wangfang", "filings", "approve", &id])
        .code(1)
        .stderr(predicate::str::contains("不能办结"));
    d.run(&["--user", "zhaojing", "filings", "approve", &id])
        .code(1)
        .stderr(predicate::str::contains("--override"));
    d.run(&["--user", "yangqiang", "filings", "return", &id])
        .code(1)
        .stderr(predicate::str::contains("窗口人员"));
    let out = d
        .run(&["--user", "wangfang", "filings", "return", &id])
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("一次性告知书"), "{text}");
    let numbered = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    assert_eq!(numbered, problems, "every problem at once: {text}");
    // The notice as stored is printed again for export.
    let stored = d.run(&["filings", "notice", &id]).success();
    let stored = String::from_utf8(stored.get_output().stdout.clone()).unwrap();
    assert!(stored.starts_with("一次性告知书"), "{stored}");
    assert!(text.ends_with(&stored), "{text} / {stored}");
    d.run(&["--user", "wangfang", "filings", "return", &id])
        .code(1)
        .stderr(predicate::str::contains("没有待审核的申报"));
    d.run(&["--lang", "en", "filings", "notice", "999999"])
        .code(1)
        .stderr(predicate::str::contains("was not returned"));
    let (other, _) = pending(&d, true);
    d.run(&[
        "--user",
        "zhaojing",
        "filings",
        "approve",
        &other.to_string(),
        "--override",
        "原件已当场核验",
    ])
    .success()
    .stdout(predicate::str::contains("已办结"));
    d.run(&["--user", "zhaojing", "audit", "verify"]).success();
}

#[test]
fn a_clean_filing_is_approved_by_a_clerk() {
    let d = Demo::new();
    let (id, _) = pending(&d, false);
    d.run(&[
        "--lang",
        "en",
        "--user",
        "wangfang",
        "filings",
        "approve",
        &id.to_string(),
    ])
    .success()
    .stdout(format!("Filing {id} approved.\n"));
}

#[test]
fn the_program_alone_on_an_office_database_without_staff_says_how_to_begin() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("office.sqlite");
    hrss(home.path())
        .args(["--database-url", &format!("sqlite://{}", db.display())])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "该数据库还没有工作人员：请先用 hrss-desk staff add",
        ))
        // And for someone who only wanted to try it, where the demo is.
        .stderr(predicate::str::contains("hrss-desk demo --help"))
        .stdout("");
}

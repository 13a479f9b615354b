//! Operations: `config show` says each setting and where it comes from;
//! the log is a file of the user's, never the screen, without personal data.

use crate::common;

use common::cli::hrss;
use predicates::prelude::*;

#[test]
fn config_show_names_each_value_and_its_source_without_a_password() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/hrss-desk");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "lang = \"en\"\nlog_level = \"warn\"\n",
    )
    .unwrap();
    hrss(home.path())
        .args([
            "--database-url",
            "postgres://hrss:s3cret@db.local/hrss",
            "config",
            "show",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("(存在 / present)"))
        .stdout(predicate::str::contains(
            "postgres://hrss:***@db.local/hrss\t# 命令行或环境变量",
        ))
        .stdout(predicate::str::contains("lang = en\t# 配置文件"))
        .stdout(predicate::str::contains("log_level = warn\t# 配置文件"))
        .stdout(predicate::str::contains("keymap = default\t# 缺省"))
        .stdout(predicate::str::contains("s3cret").not());
    std::fs::write(dir.join("config.toml"), "log_level = \"loud\"\n").unwrap();
    hrss(home.path())
        .args(["config", "show"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("log_level “loud”无效"));
}

#[test]
fn the_offices_config_file_is_read_under_the_users_own() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("office.toml"),
        "database_url = \"sqlite:///srv/hrss-desk/office.sqlite\"\nlang = \"zh\"\nlease_minutes = 30\n",
    )
    .unwrap();
    let dir = home.path().join(".config/hrss-desk");
    std::fs::create_dir_all(&dir).unwrap();
    // The office's lease binds: the user's own does not overrule it.
    std::fs::write(
        dir.join("config.toml"),
        "lang = \"en\"\nlease_minutes = 480\n",
    )
    .unwrap();
    hrss(home.path())
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "database_url = sqlite:///srv/hrss-desk/office.sqlite\t# 本单位配置文件",
        ))
        .stdout(predicate::str::contains("lang = en\t# 配置文件"))
        .stdout(predicate::str::contains(
            "lease_minutes = 30\t# 本单位配置文件（个人配置不能改变）",
        ));
    // Without it, the user's own is a ceiling under the database's setting.
    std::fs::write(home.path().join("office.toml"), "lang = \"zh\"\n").unwrap();
    hrss(home.path())
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "lease_minutes = 480，不超过数据库中的本单位设置 / 480, at most the office setting in the database\t# 配置文件",
        ));
    // A bad value in the office's file is named with the file.
    std::fs::write(home.path().join("office.toml"), "lease_minutes = 0\n").unwrap();
    hrss(home.path())
        .args(["config", "show"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("office.toml"))
        .stderr(predicate::str::contains("1 至 480"));
}

#[test]
fn the_log_holds_commands_and_failures_never_an_id_number() {
    let home = tempfile::tempdir().unwrap();
    let id = "110101199003078515";
    let _ = hrss(home.path()).args(["validate", "id", id]).assert();
    // A failure whose sentence carries digits: logged, masked.
    hrss(home.path())
        .args([
            "--database-url",
            &format!("sqlite:///nonexistent/{id}/x.db"),
            "filings",
            "check",
        ])
        .assert()
        .code(1);
    let logs = home.path().join(".local/state/hrss-desk/logs");
    let mut text = String::new();
    for f in std::fs::read_dir(&logs).unwrap() {
        text.push_str(&std::fs::read_to_string(f.unwrap().path()).unwrap());
    }
    assert!(
        text.contains("command=\"validate\"") && text.contains("command=\"filings\""),
        "{text}"
    );
    assert!(text.contains("WARN"), "the failure is logged: {text}");
    assert!(!text.contains(id), "no ID number in the log: {text}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&logs).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{mode:o}");
}

#[test]
fn every_command_has_a_manual_page() {
    let home = tempfile::tempdir().unwrap();
    hrss(home.path())
        .args(["man"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH hrss-desk 1"))
        .stdout(predicate::str::contains("import"));
    for (path, title) in [
        (vec!["import"], "hrss-desk-import"),
        (vec!["export"], "hrss-desk-export"),
        (vec!["notice", "render"], "hrss-desk-notice-render"),
        (vec!["config", "show"], "hrss-desk-config-show"),
    ] {
        let mut args = vec!["man"];
        args.extend(path);
        hrss(home.path())
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains(format!(".TH {title} 1")))
            .stdout(predicate::str::contains(".SH SYNOPSIS"));
    }
    hrss(home.path())
        .args(["man", "nothing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("没有命令“nothing”"));
}

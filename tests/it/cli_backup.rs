//! `hrss-desk backup DEST` (issue 23, point 5): the copy is a new file,
//! readable by its owner only, checked before it is kept, never written
//! over an existing file or through a planted link; the restore drill — the
//! copy opened as the database, its audit log verified, its staff there —
//! works. On an office database made as the deployment guide says.

use crate::common;

use common::TestDb;
use common::cli::hrss;
use predicates::prelude::*;
use std::os::unix::fs::PermissionsExt;

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_owner_only_checked_never_overwrites_and_restores() {
    for db in TestDb::all().await {
        let home = tempfile::tempdir().unwrap();
        let run_on = |url: &str, args: &[&str]| {
            hrss(home.path())
                .arg("--database-url")
                .arg(url)
                .args(args)
                .assert()
        };
        let run = |args: &[&str]| run_on(&db.url, args);
        let me = hrss_desk::cli::os_login().expect("a login in the user database");
        run(&["migrate"]).success();
        run(&[
            "staff",
            "add",
            &me,
            "--name",
            "赵静",
            "--roles",
            "chief,admin",
        ])
        .success();
        run(&[
            "staff", "add", "wangfang", "--name", "王芳", "--roles", "clerk",
        ])
        .success();

        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("office-2026-11-27.backup");
        let d = dest.to_str().unwrap();
        run(&["backup", d]).success().stdout(
            predicate::str::contains("完整性检查通过").and(predicate::str::contains("核验无误")),
        );
        let meta = std::fs::metadata(&dest).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{}", db.label);
        // Nothing else left in the folder: no half copy under another name.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{}: {names:?}", db.label);

        // Never over an existing file, nor through a link planted at the name.
        run(&["backup", d])
            .code(1)
            .stderr(predicate::str::contains("已存在"));
        assert_eq!(std::fs::metadata(&dest).unwrap().len(), meta.len());
        let planted = dir.path().join("planted");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "x").unwrap();
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        run(&["backup", planted.to_str().unwrap()]).code(1);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "x");
        // A clerk does not make backups.
        run(&[
            "--user",
            "wangfang",
            "backup",
            dir.path().join("b2").to_str().unwrap(),
        ])
        .code(1)
        .stderr(predicate::str::contains("只有"));

        // The restore drill: the copy opened as the database, its audit log
        // verified, its staff there. SQLite: the copy is the database file.
        // Postgres: the dump restored into a new database, as the guide says.
        let restored = if db.label == "sqlite" {
            format!("sqlite://{d}")
        } else {
            let (base, query) = db.url.split_once('?').unwrap_or((&db.url, ""));
            let server = base.rsplit_once('/').unwrap().0;
            let name = format!("restore_{}", std::process::id());
            let psql = |sql: &str| {
                let ok = std::process::Command::new("psql")
                    .args([
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "--dbname",
                        &format!("{server}/postgres"),
                    ])
                    .args(["-c", sql])
                    .status()
                    .unwrap()
                    .success();
                assert!(ok, "{sql}");
            };
            psql(&format!("DROP DATABASE IF EXISTS {name}"));
            psql(&format!("CREATE DATABASE {name}"));
            let ok = std::process::Command::new("pg_restore")
                .args(["--no-owner", "--dbname", &format!("{server}/{name}")])
                .arg(&dest)
                .status()
                .unwrap()
                .success();
            assert!(ok, "pg_restore");
            run_on(&format!("{server}/{name}?{query}"), &["audit", "verify"]).success();
            run_on(&format!("{server}/{name}?{query}"), &["staff", "list"])
                .success()
                .stdout(predicate::str::contains("wangfang\t王芳"));
            psql(&format!("DROP DATABASE {name}"));
            continue;
        };
        run_on(&restored, &["audit", "verify"]).success();
        run_on(&restored, &["staff", "list"])
            .success()
            .stdout(predicate::str::contains("wangfang\t王芳"));
    }
}

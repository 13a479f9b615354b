//! Staff come and go (issue 23, point 6): an administrator deactivates a
//! member (whose login is then refused like a stranger's), reactivates
//! them, changes their roles; each audited. The last active administrator
//! cannot be removed, nor a login not on the list changed; a refusal is one
//! sentence, exit 1, nothing written. On an office database made as the
//! deployment guide says, on SQLite and Postgres.

use crate::common;

use common::TestDb;
use common::cli::hrss;
use predicates::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_deactivates_reactivates_and_changes_roles_and_keeps_one_admin() {
    for db in TestDb::all().await {
        let home = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            hrss(home.path())
                .arg("--database-url")
                .arg(&db.url)
                .args(args)
                .assert()
        };
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
        let audit = || db.one::<i64>("SELECT COUNT(*) FROM audit_log");

        run(&["staff", "deactivate", "wangfang"])
            .success()
            .stdout(predicate::str::contains("已停用工作人员 wangfang"));
        run(&["staff", "list"])
            .success()
            .stdout(predicate::str::contains("wangfang\t王芳\t窗口人员\t已停用"));
        // Their login is refused as a stranger's is, in one sentence.
        run(&["--user", "wangfang", "filings", "list"])
            .code(1)
            .stderr(predicate::str::contains("wangfang"));
        run(&["staff", "activate", "wangfang"]).success();
        run(&["--user", "wangfang", "filings", "list"]).success();
        run(&["staff", "roles", "wangfang", "--roles", "clerk,inspector"])
            .success()
            .stdout(predicate::str::contains("窗口人员、劳动保障监察员"));
        let entries: String = db
            .one("SELECT COUNT(*) || '' FROM audit_log WHERE action LIKE 'staff.%' AND action <> 'staff.add'")
            .await;
        assert_eq!(entries, "3", "{}", db.label);

        // Refused, nothing written: the last administrator, a stranger's
        // login, a role that is none.
        let before = audit().await;
        for (args, says) in [
            (
                vec!["staff", "deactivate", me.as_str()],
                "仅有的在职系统管理员",
            ),
            (
                vec!["staff", "roles", me.as_str(), "--roles", "chief"],
                "仅有的在职系统管理员",
            ),
            (
                vec!["staff", "deactivate", "nobody"],
                "工作人员名单中没有登录名“nobody”",
            ),
        ] {
            let out = run(&args).code(1).get_output().stderr.clone();
            let err = String::from_utf8_lossy(&out);
            assert!(err.contains(says), "{}: {args:?}: {err}", db.label);
            assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
        }
        run(&["staff", "roles", "wangfang", "--roles", "boss"]).code(2);
        assert_eq!(audit().await, before, "{}", db.label);
        // A clerk is no administrator: refused.
        run(&["--user", "wangfang", "staff", "deactivate", &me])
            .code(1)
            .stderr(predicate::str::contains("只有系统管理员可以"));
        assert_eq!(audit().await, before, "{}", db.label);
        // With a second administrator, the first may step down.
        run(&["staff", "roles", "wangfang", "--roles", "clerk,admin"]).success();
        run(&["staff", "roles", &me, "--roles", "chief"]).success();
        run(&["staff", "list"])
            .success()
            .stdout(predicate::str::contains(
                "wangfang\t王芳\t窗口人员、系统管理员",
            ));
    }
}

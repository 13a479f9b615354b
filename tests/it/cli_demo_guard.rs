//! `hrss-desk demo` never touches an office database (issue 23, point 7):
//! on a server whose office config names the database, `demo` uses its own
//! file in the user's data directory; pointed at the office database, or at
//! any database without the demo mark, it is refused in one sentence and
//! writes nothing — so no one can seed demo staff (and the demo's
//! anyone-may-be-anyone `--user`) into the office.

use crate::common;

use common::cli::hrss;
use predicates::prelude::*;

#[test]
fn demo_uses_its_own_file_and_refuses_the_office_database() {
    let home = tempfile::tempdir().unwrap();
    let office = home.path().join("office.sqlite");
    let office_url = format!("sqlite://{}", office.display());
    std::fs::write(
        home.path().join("office.toml"),
        format!("database_url = \"{office_url}\"\n"),
    )
    .unwrap();
    let demo_file = home.path().join("data/hrss-desk/demo.sqlite");

    // Before the first administrator exists: the office file is not made.
    hrss(home.path())
        .args(["demo", "--seed-only", "--size", "100"])
        .assert()
        .success()
        .stdout(predicate::str::contains("demo.sqlite"));
    assert!(!office.exists(), "demo made the office database");
    assert!(demo_file.exists());

    // The office set up as the guide says; then demo pointed at it, by the
    // flag, by the environment, or by another spelling of its path.
    let me = hrss_desk::cli::os_login().expect("a login in the user database");
    hrss(home.path()).arg("migrate").assert().success();
    hrss(home.path())
        .args([
            "staff",
            "add",
            &me,
            "--name",
            "赵静",
            "--roles",
            "chief,admin",
        ])
        .assert()
        .success();
    let before = std::fs::read(&office).unwrap();
    let dotted = format!("sqlite://{}/./office.sqlite", home.path().display());
    for url in [office_url.as_str(), dotted.as_str()] {
        hrss(home.path())
            .args(["--database-url", url, "demo", "--seed-only"])
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("办公数据库").and(predicate::str::contains("从不写入")),
            );
        hrss(home.path())
            .env("HRSS_DATABASE_URL", url)
            .args(["demo", "--seed-only"])
            .assert()
            .code(1);
    }
    // And not as anyone else on it.
    hrss(home.path())
        .args(["--database-url", &office_url, "--user", "sunhao", "demo"])
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read(&office).unwrap(),
        before,
        "the office database changed"
    );
    hrss(home.path())
        .args(["staff", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sunhao").not());

    // Any database without the demo mark, named nowhere in a config: refused.
    let other = home.path().join("other.sqlite");
    let other_url = format!("sqlite://{}", other.display());
    hrss(home.path())
        .args(["--database-url", &other_url, "migrate"])
        .assert()
        .success();
    hrss(home.path())
        .args([
            "--lang",
            "en",
            "--database-url",
            &other_url,
            "demo",
            "--seed-only",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a demo one"));
    // A new file named by the flag is the demo's to make.
    let fresh = home.path().join("rehearsal.sqlite");
    hrss(home.path())
        .args(["--database-url", &format!("sqlite://{}", fresh.display())])
        .args(["demo", "--seed-only", "--size", "100"])
        .assert()
        .success();
}

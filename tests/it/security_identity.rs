//! Who is working comes from the system's user database, never from the
//! environment (issue 19, point 3): a process whose uid has no passwd entry
//! is refused in one sentence, whatever `USER` says.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;

/// A uid no passwd file on a test machine names.
const NO_SUCH_UID: u32 = 64_999;

#[test]
fn a_uid_without_a_passwd_entry_is_refused_whatever_user_says() {
    if !nix::unistd::getuid().is_root() {
        eprintln!("skipped: running as another uid needs root (CI runs as root)");
        return;
    }
    assert!(
        nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(NO_SUCH_UID))
            .unwrap()
            .is_none(),
        "the test's uid must have no passwd entry"
    );
    // A demo database the stranger can open: identity is asked after it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let db = dir.path().join("d.sqlite");
    let url = crate::common::cli::url(&db);
    crate::common::cli::succeeds(dir.path(), &url, &["demo", "--seed-only", "--size", "100"]);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let p = entry.unwrap().path();
        let mode = if p.is_dir() { 0o777 } else { 0o666 };
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let out = crate::common::cli::program(dir.path(), &url)
        .env("USER", "root")
        .env("LOGNAME", "zhaojing")
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .uid(NO_SUCH_UID)
        .gid(NO_SUCH_UID)
        .args(["staff", "list"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("uid {NO_SUCH_UID}")) && err.contains("没有记录"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
}

//! The command line under test: the program with a private home, and a
//! demo database made for a test.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// The program with a private data directory and no inherited settings.
pub fn hrss(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hrss-desk"));
    c.env_remove("HRSS_DATABASE_URL")
        .env_remove("HRSS_LANG")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join(".config"))
        // The office's file of this test, not the machine's /etc.
        .env("HRSS_OFFICE_CONFIG", home.join("office.toml"));
    c
}

/// The program on the database at `url` (SQLite or Postgres), as a plain
/// process to start, wait for or kill.
pub fn program(home: &Path, url: &str) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_hrss-desk"));
    c.env("HOME", home)
        .env_remove("HRSS_DATABASE_URL")
        .env_remove("HRSS_LANG")
        .env("HRSS_OFFICE_CONFIG", home.join("office.toml"))
        .args(["--database-url", url]);
    c
}

/// Runs the program with `args` on the database at `url`; it must succeed.
pub fn succeeds(home: &Path, url: &str, args: &[&str]) {
    let out = program(home, url).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

pub struct Demo {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Demo {
    pub fn new() -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.sqlite");
        hrss(dir.path())
            .args([
                "--database-url",
                &url(&db),
                "demo",
                "--seed-only",
                "--size",
                "300",
            ])
            .assert()
            .success()
            .stdout(predicate::str::contains("已生成演示数据库"));
        Demo { dir, db }
    }

    pub fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        hrss(self.dir.path())
            .arg("--database-url")
            .arg(url(&self.db))
            .args(args)
            .assert()
    }

    /// One value of the demo database, as text.
    pub fn scalar(&self, sql: &str) -> String {
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])",
            ])
            .arg(&self.db)
            .arg(sql)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    pub fn sql(&self, sql: &str) {
        let st = std::process::Command::new("python3")
            .args(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()"])
            .arg(&self.db)
            .arg(sql)
            .status()
            .unwrap();
        assert!(st.success());
    }
}

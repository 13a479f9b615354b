//! A demo office driven through the command line on any database, each
//! command written as one line and run on a day of its own: the tests of
//! a case's acts read like the inspector's day.

use super::{TestDb, cli::program};
use hrss_desk::clock::TODAY_VAR;
use serde_json::Value;

pub struct Office {
    home: tempfile::TempDir,
    url: String,
    pub label: &'static str,
}

impl Office {
    pub async fn new(db: &TestDb) -> Office {
        super::demo_store(db, 300).await.close().await;
        Office {
            home: tempfile::tempdir().unwrap(),
            url: db.url.clone(),
            label: db.label,
        }
    }

    /// `line` (words split on spaces) as `user` on `day`: (exit code,
    /// stdout, stderr).
    pub fn run(&self, day: &str, user: &str, line: &str) -> (i32, String, String) {
        let out = program(self.home.path(), &self.url)
            .env(TODAY_VAR, day)
            .args(["--user", user])
            .args(line.split_whitespace())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn ok(&self, day: &str, user: &str, line: &str) -> String {
        let (code, out, err) = self.run(day, user, line);
        assert_eq!(code, 0, "{}: `{line}` on {day}: {err}", self.label);
        out
    }

    /// Refused in one sentence that says `says`.
    pub fn refused(&self, day: &str, user: &str, line: &str, says: &str) {
        let (code, _, err) = self.run(day, user, line);
        assert_ne!(code, 0, "{}: `{line}` on {day} was allowed", self.label);
        assert!(err.contains(says), "{}: `{line}`: {err}", self.label);
        assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    }

    /// An inspection of `licence` planned on `day` from a lead (wulei's
    /// report, liuyang sending wulei and huangwei): its id.
    pub async fn inspection(&self, db: &TestDb, day: &str, licence: i64, summary: &str) -> i64 {
        self.ok(
            day,
            "wulei",
            &format!("lead add {licence} --source patrol --summary {summary}"),
        );
        let lead = db.scalar("SELECT MAX(id) FROM licence_lead").await;
        self.ok(
            day,
            "liuyang",
            &format!("lead inspect {lead} --inspector wulei --inspector huangwei"),
        );
        db.scalar(&format!(
            "SELECT MAX(id) FROM inspection WHERE licence_id = {licence}"
        ))
        .await
    }

    /// Registers a case as wulei (`cases open … --json`); its id.
    pub fn open(&self, day: &str, rest: &str) -> String {
        let out = self.ok(day, "wulei", &format!("cases open --json {rest}"));
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        v["id"].to_string()
    }

    pub fn show(&self, id: &str) -> Value {
        let out = self.ok(super::TODAY, "liuyang", &format!("cases show {id} --json"));
        serde_json::from_str(out.trim()).unwrap()
    }

    /// The case's entry in `cases due --json` (Null when it has none).
    pub fn due(&self, id: &str) -> Value {
        let out = self.ok(super::TODAY, "liuyang", "cases due --json");
        let all: Vec<Value> = serde_json::from_str(out.trim()).unwrap();
        all.into_iter()
            .find(|c| c["id"].as_i64() == id.parse().ok())
            .unwrap_or(Value::Null)
    }

    /// The kinds of document on the case's file, oldest first.
    pub fn files(&self, id: &str) -> Vec<String> {
        self.show(id)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    }

    /// A case found by a patrol on 2026-10-09, assigned to wulei and
    /// huangwei, opened on 10-12 and investigated from 10-13.
    pub fn investigated(&self, respondent: &str) -> String {
        let t = super::TODAY;
        let id = self.open(
            t,
            &format!("--source patrol --respondent {respondent} --matters wages --on 2026-10-09"),
        );
        self.ok(
            t,
            "liuyang",
            &format!("cases assign {id} --officer wulei --inspectors wulei,huangwei"),
        );
        self.ok(
            t,
            "wulei",
            &format!("cases move {id} preliminary --on 2026-10-09"),
        );
        self.ok(
            t,
            "liuyang",
            &format!("cases move {id} open --on 2026-10-12"),
        );
        self.ok(
            t,
            "wulei",
            &format!("cases move {id} investigate --on 2026-10-13"),
        );
        id
    }
}

//! A reason for seeing personal data or overriding a check says something
//! (issue 19, point 9): "." is refused, and a whole list of full ID
//! numbers is exported by a section chief only.

use crate::common::cli::Demo;

#[test]
fn a_reason_that_says_nothing_is_refused_and_a_bulk_reveal_is_a_chiefs() {
    let d = Demo::new();
    let out = d.dir.path().join("ids.csv");
    let out = out.to_str().unwrap();
    // A clerk may reveal one person, not export them all.
    d.run(&[
        "--user",
        "wangfang",
        "export",
        "persons",
        out,
        "--reveal",
        "--reason",
        "核对参保身份",
    ])
    .code(1)
    .stderr(predicates::str::contains("科室负责人"));
    for reason in [".", "ok", "…!"] {
        d.run(&[
            "--user", "liuyang", "export", "persons", out, "--reveal", "--reason", reason,
        ])
        .code(1)
        .stderr(predicates::str::contains("至少4个字"));
    }
    assert!(!d.dir.path().join("ids.csv").exists(), "nothing written");
    d.run(&[
        "--user",
        "liuyang",
        "export",
        "persons",
        out,
        "--reveal",
        "--reason",
        "核对参保身份信息",
    ])
    .success();
    // Approving over problems: a chief, with a reason that says something.
    d.run(&["filings", "check"]).code(1);
    let filing = d.scalar(
        "SELECT MIN(f.id) FROM filing f WHERE f.status = 'pending'
           AND EXISTS (SELECT 1 FROM filing_problem p WHERE p.filing_id = f.id)",
    );
    d.run(&[
        "--user",
        "liuyang",
        "filings",
        "approve",
        &filing,
        "--override",
        ".",
    ])
    .code(1)
    .stderr(predicates::str::contains("--override"));
    // The informant of a report: revealed with a reason that says something.
    let case = d.scalar("SELECT MIN(id) FROM inspection_case WHERE complaint_id IS NOT NULL");
    d.run(&[
        "--user", "liuyang", "cases", "show", &case, "--reveal", "--reason", ".",
    ])
    .code(1)
    .stderr(predicates::str::contains("至少4个字"));
}

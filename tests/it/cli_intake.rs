//! Receiving filings at the counter (`filings receive`) and the pending list
//! (`filings list`): a filing received is pending with its materials, its
//! channel, who received it and its audit entry, checked at once, due in 10
//! working days from the day the papers came; bad input is refused in one
//! sentence with nothing written. On both databases through the workflow.

use crate::common;
use hrss_desk::workflow::Cx;

use common::TestDb;
use common::cli::Demo;
use predicates::prelude::*;

/// An active employer of the demo without arrears and an active person
/// insured with it.
pub(crate) fn employer_and_person(d: &Demo) -> (String, String) {
    let person = d.scalar(
        "SELECT p.id_number FROM person p JOIN employer e ON e.id = p.employer_id
         WHERE p.status = 'active' AND e.status = 'active' AND e.arrears = 0 ORDER BY p.id LIMIT 1",
    );
    let uscc = d.scalar(&format!(
        "SELECT e.uscc FROM employer e JOIN person p ON p.employer_id = e.id WHERE p.id_number = '{person}'"
    ));
    (uscc, person)
}

/// `filings receive` of a suspension of the demo's first active person
/// (`before` the command, `after` its fields).
fn suspension(d: &Demo, before: &[&str], after: &[&str]) -> assert_cmd::assert::Assert {
    let (uscc, person) = employer_and_person(d);
    let id_field = format!("id_number={person}");
    let mut args: Vec<&str> = before.to_vec();
    args.extend([
        "filings",
        "receive",
        "--kind",
        "suspend",
        "--employer-uscc",
        &uscc,
        "--field",
        &id_field,
        "--field",
        "reason=离职",
        "--field",
        "effective_on=2026-12-01",
    ]);
    args.extend(after);
    d.run(&args)
}

/// A receipt at the counter today, every material named handed in and valid.
fn counter_receipt(
    kind: hrss_desk::domain::intake::Form,
    uscc: &str,
    fields: &[(&str, &str)],
    materials: &[&str],
) -> hrss_desk::domain::intake::Receipt {
    use hrss_desk::domain::intake::{MaterialTick, Receipt};
    Receipt {
        form: kind,
        employer_uscc: uscc.to_string(),
        fields: fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        materials: materials
            .iter()
            .map(|m| MaterialTick {
                material: m.to_string(),
                present: true,
                valid: true,
                note: String::new(),
            })
            .collect(),
        received_on: common::today(),
        channel: hrss_desk::domain::Channel::Window,
        resubmits: None,
        persons: Vec::new(),
    }
}

fn counts(d: &Demo) -> (String, String) {
    (
        d.scalar("SELECT COUNT(*) FROM filing"),
        d.scalar("SELECT COUNT(*) FROM audit_log"),
    )
}

#[test]
fn a_suspension_received_at_the_counter_is_pending_checked_and_listed() {
    let d = Demo::new();
    let (_, person) = employer_and_person(&d);
    let out = suspension(
        &d,
        &["--user", "wangfang"],
        &[
            "--materials",
            "suspend-form=present,termination-proof=invalid:未盖单位公章",
        ],
    )
    .success()
    .stdout(predicate::str::contains(
        "，应于2026-12-11前办结（10个工作日）。",
    ))
    .get_output()
    .stdout
    .clone();
    let said = String::from_utf8(out).unwrap();
    let id = d.scalar("SELECT MAX(id) FROM filing");
    assert!(
        said.starts_with(&format!("已收件：第{id}号中断参保")),
        "{said}"
    );
    // The invalid proof is a problem said at once, with the clerk's note kept.
    assert!(said.contains("审核发现"), "{said}");
    assert_eq!(
        d.scalar(&format!(
            "SELECT status || ' ' || channel || ' ' || (SELECT login FROM staff WHERE id = received_by) FROM filing WHERE id = {id}"
        )),
        "pending window wangfang"
    );
    assert_eq!(
        d.scalar(&format!(
            "SELECT note FROM filing_material WHERE filing_id = {id} AND material = 'termination-proof' AND present AND NOT valid"
        )),
        "未盖单位公章"
    );
    assert_eq!(
        d.scalar(&format!(
            "SELECT actor || ' ' || detail FROM audit_log WHERE action = 'filing.receive' AND entity_id = '{id}'"
        )),
        "wangfang suspend via window"
    );
    assert!(
        !d.scalar("SELECT group_concat(detail) FROM audit_log")
            .contains(&person),
        "no ID number in the audit log"
    );
    // Listed with the day it is due, the person masked.
    let listed = d.run(&["filings", "list", "--json"]).success();
    let rows: serde_json::Value = serde_json::from_slice(&listed.get_output().stdout).unwrap();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"].as_i64().map(|v| v.to_string()) == Some(id.clone()))
        .expect("listed");
    assert_eq!(row["received_on"], "2026-11-27");
    assert_eq!(row["decide_by"], "2026-12-11");
    assert_eq!(row["kind"], "suspend");
    assert!(row["problems"].as_u64().unwrap() >= 1, "{row}");
    assert!(
        row["person_id_masked"]
            .as_str()
            .unwrap()
            .contains("********"),
        "{row}"
    );
    assert!(!String::from_utf8_lossy(&listed.get_output().stdout).contains(&person));
}

#[test]
fn a_paper_keyed_in_later_keeps_the_day_it_came() {
    let d = Demo::new();
    suspension(
        &d,
        &[],
        &[
            "--materials",
            "suspend-form=present,termination-proof=present",
            "--received",
            "2026-11-20",
            "--channel",
            "post",
        ],
    )
    .success()
    .stdout(predicate::str::contains("应于2026-12-04前办结"));
    let id = d.scalar("SELECT MAX(id) FROM filing");
    let at = d.scalar(&format!("SELECT received_at FROM filing WHERE id = {id}"));
    let at = chrono::DateTime::parse_from_rfc3339(&at).unwrap().to_utc();
    assert_eq!(
        hrss_desk::domain::calendar::office_date(at).to_string(),
        "2026-11-20"
    );
    assert_eq!(
        d.scalar(&format!("SELECT channel FROM filing WHERE id = {id}")),
        "post"
    );
}

#[test]
fn bad_receipts_are_refused_in_one_sentence_and_nothing_is_written() {
    let d = Demo::new();
    let (uscc, person) = employer_and_person(&d);
    let id_field = format!("id_number={person}");
    let before = counts(&d);
    let base = |extra: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = [
            "filings",
            "receive",
            "--kind",
            "suspend",
            "--employer-uscc",
            &uscc,
            "--field",
            &id_field,
            "--field",
            "reason=离职",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let refused = |args: Vec<String>, code: i32, says: &str| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = d.run(&args).code(code).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            err.lines().count(),
            1,
            "{args:?}: one sentence, not {err:?}"
        );
        assert!(err.contains(says), "{args:?}: {err:?} should say {says:?}");
    };
    refused(
        base(&[
            "--field",
            "effective_on=2026-12-01",
            "--received",
            "2026-11-28",
        ]),
        1,
        "晚于今天",
    );
    refused(base(&[]), 1, "须填写“中断日期”（effective_on）");
    refused(base(&["--field", "effective_on=下月"]), 1, "不是日期");
    refused(
        base(&["--field", "effective_on=2026-12-01", "--field", "base=5000"]),
        1,
        "没有“base”这一项",
    );
    refused(
        base(&[
            "--field",
            "effective_on=2026-12-01",
            "--materials",
            "户口本=present",
        ]),
        1,
        "不在中断参保的材料清单上；清单：suspend-form, termination-proof",
    );
    refused(
        base(&[
            "--field",
            "effective_on=2026-12-01",
            "--materials",
            "suspend-form=yes",
        ]),
        2,
        "应写作 材料=present",
    );
    refused(base(&["--field", "2026-12-01"]), 2, "应写作 项目=值");
    refused(
        base(&["--field", "effective_on=2026-12-01", "--channel", "fax"]),
        2,
        "收件渠道“fax”无效",
    );
    let mut other = base(&["--field", "effective_on=2026-12-01"]);
    other[5] = "91130110MA00000000".into();
    refused(other, 1, "没有统一社会信用代码为“91130110MA00000000”的单位");
    let mut kind = base(&[]);
    kind[3] = "adopt".into();
    refused(kind, 2, "没有“adopt”这种业务");
    // An inspector does not receive filings.
    let mut inspector = vec!["--user".to_string(), "wulei".to_string()];
    inspector.extend(base(&["--field", "effective_on=2026-12-01"]));
    refused(inspector, 1, "只有");
    assert_eq!(counts(&d), before, "nothing written");
}

/// Through the workflow on every database: received, pending with its
/// materials, then approved, and the approval applies the change.
#[tokio::test]
async fn a_received_suspension_is_approved_and_applied_on_every_backend() {
    use hrss_desk::domain::WorkCalendar;
    use hrss_desk::domain::decision::Decision;
    use hrss_desk::domain::intake::Form;
    use hrss_desk::i18n::Lang;
    for db in TestDb::all().await {
        let l = db.label;
        let store = common::demo_store(&db, 100).await;
        let clerk = store.staff_by_login("lina").await.unwrap().unwrap();
        let (uscc, person): (String, String) = (
            db.text(
                "SELECT e.uscc FROM employer e JOIN person p ON p.employer_id = e.id
                 WHERE p.status = 'active' AND e.status = 'active' ORDER BY p.id LIMIT 1",
            )
            .await,
            db.text(
                "SELECT p.id_number FROM person p JOIN employer e ON e.id = p.employer_id
                 WHERE p.status = 'active' AND e.status = 'active' ORDER BY p.id LIMIT 1",
            )
            .await,
        );
        let cal = WorkCalendar::from_years(&store.calendar_years().await.unwrap());
        let lower = uscc.to_lowercase();
        let receipt = counter_receipt(
            Form::Suspend,
            &lower,
            &[
                ("id_number", &person),
                ("reason", "离职"),
                ("effective_on", "2026-12-01"),
            ],
            &["suspend-form", "termination-proof"],
        );
        let got = hrss_desk::workflow::intake::receive(
            &Cx::new(&store, &cal, &clerk, Lang::Zh, common::today()),
            &receipt,
        )
        .await
        .unwrap();
        assert_eq!(got.decide_by.date.to_string(), "2026-12-11", "{l}");
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM filing_material WHERE filing_id = {} AND present AND valid",
                got.id
            ))
            .await,
            2,
            "{l}"
        );
        let draft = hrss_desk::workflow::draft(
            &crate::common::cx(&store, &clerk, Lang::Zh, common::today()),
            got.id,
            Decision::Approve,
        )
        .await
        .unwrap();
        assert_eq!(draft.problems, got.problems, "{l}");
        let reason = if got.problems.is_empty() {
            ""
        } else {
            "已核对"
        };
        let chief = store.staff_by_login("zhaojing").await.unwrap().unwrap();
        let who = if got.problems.is_empty() {
            &clerk
        } else {
            &chief
        };
        hrss_desk::workflow::decide(
            &crate::common::cx(&store, who, Lang::Zh, common::today()),
            got.id,
            draft.version,
            Decision::Approve,
            reason,
        )
        .await
        .unwrap();
        assert_eq!(
            db.text(&format!(
                "SELECT status FROM person WHERE id_number = '{person}'"
            ))
            .await,
            "suspended",
            "{l}"
        );
    }
}

/// An enrollment of someone the register does not have: received, approved,
/// and the person is added, insured with the employer, on every backend.
#[tokio::test]
async fn an_enrollment_of_someone_new_adds_them_when_approved_on_every_backend() {
    use hrss_desk::domain::WorkCalendar;
    use hrss_desk::domain::decision::Decision;
    use hrss_desk::domain::intake::Form;
    use hrss_desk::i18n::Lang;
    let first17 = "13011019980214731";
    let id_number = format!(
        "{first17}{}",
        hrss_desk::domain::resident_id::check_char(first17.as_bytes())
    );
    for db in TestDb::all().await {
        let l = db.label;
        let store = common::demo_store(&db, 100).await;
        let clerk = store.staff_by_login("lina").await.unwrap().unwrap();
        let (employer, uscc): (i64, String) = (
            db.scalar("SELECT MIN(id) FROM employer WHERE status = 'active' AND arrears = 0")
                .await,
            db.text("SELECT uscc FROM employer WHERE id = (SELECT MIN(id) FROM employer WHERE status = 'active' AND arrears = 0)")
                .await,
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM person WHERE id_number = '{id_number}'"
            ))
            .await,
            0,
            "{l}: someone new"
        );
        let cal = WorkCalendar::from_years(&store.calendar_years().await.unwrap());
        let receipt = counter_receipt(
            Form::Enroll,
            &uscc,
            &[
                ("id_number", &id_number),
                ("name", "赵新来"),
                ("phone", "13912345678"),
                ("hired_on", "2026-11-16"),
                ("wage", "6,420"),
            ],
            &["id-card", "enrollment-form", "labour-contract"],
        );
        let today = common::today();
        let got = hrss_desk::workflow::intake::receive(
            &Cx::new(&store, &cal, &clerk, Lang::Zh, today),
            &receipt,
        )
        .await
        .unwrap();
        assert_eq!(
            got.problems,
            Vec::<String>::new(),
            "{l}: a clean enrollment"
        );
        let draft = hrss_desk::workflow::draft(
            &crate::common::cx(&store, &clerk, Lang::Zh, today),
            got.id,
            Decision::Approve,
        )
        .await
        .unwrap();
        hrss_desk::workflow::decide(
            &crate::common::cx(&store, &clerk, Lang::Zh, today),
            got.id,
            draft.version,
            Decision::Approve,
            "",
        )
        .await
        .unwrap();
        assert_eq!(
            db.text(&format!(
                "SELECT name || ' ' || status || ' ' || phone || ' ' || CAST(hired_on AS TEXT) || ' ' || CAST(contribution_base AS TEXT)
                 FROM person WHERE id_number = '{id_number}' AND employer_id = {employer}"
            ))
            .await,
            "赵新来 active 13912345678 2026-11-16 642000",
            "{l}"
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM filing f JOIN person p ON p.id = f.person_id
                 WHERE f.id = {} AND p.id_number = '{id_number}'",
                got.id
            ))
            .await,
            1,
            "{l}: the filing names them"
        );
        assert_eq!(
            db.text("SELECT detail FROM audit_log WHERE action = 'filing.approve' ORDER BY seq DESC LIMIT 1")
                .await,
            format!("enroll approved; person: added, status=active, employer={employer}"),
            "{l}"
        );
    }
}

/// An office database as the deployment guide sets it up — its first
/// administrator, employers imported — receives an enrollment on the
/// command line; the pending list shows it; approved, the person is on the
/// register. Nothing of the demo is used, and the day is the server's.
#[test]
fn an_office_database_receives_an_enrollment_from_its_own_commands_alone() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("office.sqlite");
    let run = |args: &[&str]| {
        common::cli::hrss(home.path())
            .arg("--database-url")
            .arg(common::cli::url(&db))
            .args(args)
            .assert()
    };
    let me = hrss_desk::cli::os_login().expect("the test runs under a login in the user database");
    run(&[
        "staff",
        "add",
        &me,
        "--name",
        "张三",
        "--roles",
        "admin,clerk,chief",
    ])
    .success();
    let uscc = hrss_desk::domain::Uscc::compose("91130110MA0CX1234");
    let csv = home.path().join("employers.csv");
    std::fs::write(
        &csv,
        format!(
            "统一社会信用代码,单位名称,乡镇街道\n{},鹿泉区新开商贸有限公司,获鹿镇\n",
            uscc.as_str()
        ),
    )
    .unwrap();
    run(&["import", "employers", csv.to_str().unwrap()]).success();
    let first17 = "13011019980214731";
    let id_number = format!(
        "{first17}{}",
        hrss_desk::domain::resident_id::check_char(first17.as_bytes())
    );
    let id_field = format!("id_number={id_number}");
    run(&[
        "filings",
        "receive",
        "--kind",
        "enroll",
        "--employer-uscc",
        uscc.as_str(),
        "--field",
        &id_field,
        "--field",
        "name=赵新来",
        "--field",
        "hired_on=2026-11-16",
        "--materials",
        "id-card=present,enrollment-form=present,labour-contract=present",
    ])
    .success()
    .stdout(predicate::str::starts_with("已收件：第1号参保登记，应于"));
    run(&["filings", "list"])
        .success()
        .stdout(predicate::str::contains("1\t参保登记\t"))
        .stdout(predicate::str::contains("130110********7"));
    // Registered late by the server's day, perhaps: the chief approves over it.
    run(&["filings", "approve", "1", "--override", "已核对原件"]).success();
    assert_eq!(
        common::cli::sqlite_scalar(
            &db,
            &format!("SELECT name || ' ' || status FROM person WHERE id_number = '{id_number}'")
        ),
        "赵新来 active"
    );
    run(&["filings", "list", "--json"])
        .success()
        .stdout(predicate::eq("[]\n"));
}

/// A filing returned with its one-time notice comes back corrected: received
/// as its resubmission, linked and audited, once; not for a filing that was
/// not returned, nor of another kind.
#[test]
fn a_returned_filing_is_resubmitted_once() {
    let d = Demo::new();
    let (uscc, person) = employer_and_person(&d);
    let id_field = format!("id_number={person}");
    suspension(&d, &[], &["--materials", "suspend-form=present"])
        .success()
        .stdout(predicate::str::contains("审核发现"));
    let first = d.scalar("SELECT MAX(id) FROM filing");
    // Not returned yet: nothing to resubmit for.
    let again = [
        "--materials",
        "suspend-form=present,termination-proof=present",
        "--resubmits",
        &first,
    ];
    let refused = suspension(&d, &[], &again).code(1).get_output().clone();
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains(&format!("第{first}号申报没有被退回更正")),
        "{refused:?}"
    );
    d.run(&["filings", "return", &first]).success();
    suspension(&d, &[], &again)
        .success()
        .stdout(predicate::str::contains(format!(
            "系第{first}号退回申报的补正件"
        )));
    let second = d.scalar("SELECT MAX(id) FROM filing");
    assert_eq!(
        d.scalar(&format!("SELECT resubmits FROM filing WHERE id = {second}")),
        first
    );
    assert_eq!(
        d.scalar(&format!("SELECT detail FROM audit_log WHERE action = 'filing.receive' AND entity_id = '{second}'")),
        format!("suspend via window, resubmits {first}")
    );
    let listed = d.run(&["filings", "list", "--json"]).success();
    let rows: serde_json::Value = serde_json::from_slice(&listed.get_output().stdout).unwrap();
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"].as_i64() == second.parse().ok()
                && r["resubmits"].as_i64() == first.parse().ok()),
        "{rows}"
    );
    // The month's report counts the second visit among the filings received.
    let report = d.dir.path().join("month.xlsx");
    d.run(&[
        "report",
        "--month",
        "2026-11",
        "--output",
        report.to_str().unwrap(),
    ])
    .success();
    assert_eq!(common::readers::figure(&report, "其中补正后再次提交"), "1");
    // Once only, and the same kind.
    let twice = suspension(&d, &[], &again).code(1).get_output().clone();
    assert!(
        String::from_utf8_lossy(&twice.stderr).contains("已有补正件"),
        "{twice:?}"
    );
    let cancel = d
        .run(&[
            "filings",
            "receive",
            "--kind",
            "cancel",
            "--employer-uscc",
            &uscc,
            "--field",
            &id_field,
            "--field",
            "reason=duplicate",
            "--resubmits",
            &first,
        ])
        .code(1)
        .get_output()
        .clone();
    assert!(
        String::from_utf8_lossy(&cancel.stderr).contains("补正件应为同一业务"),
        "{cancel:?}"
    );
}

/// The receipt handed to the applicant (收件回执): numbered, what was
/// received and in what state, the day received and the day it will be
/// decided by, read back paragraph by paragraph.
#[test]
fn the_receipt_says_what_was_received_and_by_when_it_is_decided() {
    let d = Demo::new();
    let (_, person) = employer_and_person(&d);
    suspension(
        &d,
        &["--user", "wangfang"],
        &[
            "--materials",
            "suspend-form=present,termination-proof=invalid:未盖章",
            "--received",
            "2026-11-20",
        ],
    )
    .success();
    let id = d.scalar("SELECT MAX(id) FROM filing");
    let employer = d.scalar(&format!(
        "SELECT e.name FROM employer e JOIN filing f ON f.employer_id = e.id WHERE f.id = {id}"
    ));
    let name = d.scalar(&format!(
        "SELECT name FROM person WHERE id_number = '{person}'"
    ));
    let out = d.dir.path().join("receipt.docx");
    d.run(&[
        "--user",
        "wangfang",
        "notice",
        "render",
        "filing-receipt",
        &id,
        "-o",
        out.to_str().unwrap(),
    ])
    .success();
    let text = common::readers::read_docx(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[1], "收件回执", "{text}");
    assert!(lines[2].starts_with("鹿人社收〔2026〕第"), "{text}");
    for line in [
        format!("参保单位：{employer}"),
        format!("参保人员：{name}"),
        format!(
            "公民身份号码：{}",
            hrss_desk::domain::mask::mask_id_number(&person)
        ),
        "业务类型：中断参保".to_string(),
        "收件日期：2026-11-20".to_string(),
        "收件材料：中断参保申请表（已收）；解除或终止劳动关系证明（无效）".to_string(),
        "办结期限：2026-12-04".to_string(),
        "经办人：王芳".to_string(),
    ] {
        assert!(lines.contains(&line.as_str()), "{line} in {text}");
    }
    assert!(!text.contains(&person), "the ID number masked");
}

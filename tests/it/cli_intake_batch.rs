//! Batch intake from the upstream declaration system (`import filings`):
//! every row checked as the counter checks a paper, all or nothing with a
//! report beside the file, each declaration number received once, the
//! filings received online, audited, checked at once; an employer's first
//! registration among them is approved and adds the employer.

use crate::common;

use crate::cli_intake::employer_and_person;
use common::cli::Demo;
use predicates::prelude::*;

fn id_number(first17: &str) -> String {
    format!(
        "{first17}{}",
        hrss_desk::domain::resident_id::check_char(first17.as_bytes())
    )
}

const HEAD: &str = "申报编号,业务类型,统一社会信用代码,申报日期,材料,公民身份号码,姓名,入职日期,中断原因,中断日期,单位名称,法定代表人,监管片区\n";

#[test]
fn a_batch_is_received_whole_once_and_its_registration_adds_the_employer() {
    let d = Demo::new();
    let (uscc, person) = employer_and_person(&d);
    let new_uscc = hrss_desk::domain::Uscc::compose("91130110MA0CX9876");
    let newcomer = id_number("13011019980214731");
    let stranger = id_number("13011019770101001");
    let zone = d.scalar("SELECT name FROM zone ORDER BY code LIMIT 1");
    let rows = |fourth: &str| {
        format!(
            "{HEAD}\
             WS2026112001,参保单位登记,{new},2026-11-20,社会保险参保单位登记表；营业执照或登记证书；法定代表人身份证,,,,,,鹿泉区新材料有限公司,赵志强,{zone}\n\
             WS2026112002,参保登记,{uscc},2026-11-21,居民身份证；社会保险参保登记表；劳动合同=无效：未签字,{newcomer},赵新来,2026-11-16,,,,,\n\
             WS2026112003,中断参保,{uscc},2026-11-23,中断参保申请表；解除或终止劳动关系证明,{person},,,离职,2026-11-01,,,\n\
             {fourth}",
            new = new_uscc.as_str()
        )
    };
    let bad = format!(
        "WS2026112004,中断参保,{uscc},2026-11-24,中断参保申请表,{stranger},,,离职,2026-11-01,,,\n"
    );
    let file = d.dir.path().join("ws.csv");
    std::fs::write(&file, rows(&bad)).unwrap();
    let before = d.scalar("SELECT COUNT(*) FROM filing");
    // Someone the register does not have cannot be suspended: nothing is received.
    d.run(&["import", "filings", file.to_str().unwrap()])
        .code(1)
        .stderr(predicate::str::contains("第5行"))
        .stderr(predicate::str::contains("参保人员名册中没有公民身份号码为"));
    assert_eq!(d.scalar("SELECT COUNT(*) FROM filing"), before);
    let report = std::fs::read_to_string(d.dir.path().join("ws.errors.csv")).unwrap();
    assert!(report.contains("公民身份号码"), "{report}");
    assert!(
        !report.contains(&stranger),
        "the report masks the ID: {report}"
    );

    // A field another kind declares is refused as the counter refuses it.
    let misplaced = format!(
        "WS2026112004,中断参保,{uscc},2026-11-24,中断参保申请表,{person},赵新来,,离职,2026-11-01,,,\n"
    );
    std::fs::write(&file, rows(&misplaced)).unwrap();
    d.run(&["import", "filings", file.to_str().unwrap()])
        .code(1)
        .stderr(predicate::str::contains("中断参保没有“name”这一项"));
    assert_eq!(d.scalar("SELECT COUNT(*) FROM filing"), before);

    std::fs::write(&file, rows("")).unwrap();
    d.run(&["import", "filings", file.to_str().unwrap()])
        .success()
        .stdout(predicate::str::contains("新收件3件，此前已收件0件"));
    assert_eq!(
        d.scalar(
            "SELECT group_concat(kind || ' ' || channel || ' ' || upstream_no, '; ') FROM
               (SELECT * FROM filing WHERE upstream_no IS NOT NULL ORDER BY id)"
        ),
        "register-employer online WS2026112001; enroll online WS2026112002; suspend online WS2026112003"
    );
    // Each received on the day it was declared, by the one who imported it.
    let on = d.scalar("SELECT received_at FROM filing WHERE upstream_no = 'WS2026112002'");
    let on = chrono::DateTime::parse_from_rfc3339(&on).unwrap().to_utc();
    assert_eq!(
        hrss_desk::domain::calendar::office_date(on).to_string(),
        "2026-11-21"
    );
    assert_eq!(
        d.scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'filing.receive' AND detail LIKE '% via online, upstream WS20261120%'"
        ),
        "3"
    );
    assert_eq!(
        d.scalar(
            "SELECT note FROM filing_material m JOIN filing f ON f.id = m.filing_id
             WHERE f.upstream_no = 'WS2026112002' AND m.material = 'labour-contract' AND NOT m.valid"
        ),
        "未签字"
    );
    // Checked at once: the invalid contract is found before anyone opens it.
    assert_eq!(
        d.scalar(
            "SELECT group_concat(code) FROM filing_problem p JOIN filing f ON f.id = p.filing_id
             WHERE f.upstream_no = 'WS2026112002'"
        ),
        "material-invalid"
    );

    // The same export again adds nothing.
    d.run(&["import", "filings", file.to_str().unwrap()])
        .success()
        .stdout(predicate::str::contains("新收件0件，此前已收件3件"));
    assert_eq!(
        d.scalar("SELECT COUNT(*) FROM filing WHERE upstream_no IS NOT NULL"),
        "3"
    );

    // Approved, the registration adds the employer, active, in its zone.
    let reg = d.scalar("SELECT id FROM filing WHERE upstream_no = 'WS2026112001'");
    d.run(&["filings", "approve", &reg]).success();
    assert_eq!(
        d.scalar(&format!(
            "SELECT e.name || ' ' || e.legal_rep || ' ' || e.status || ' ' || (e.zone IS NOT NULL)
             FROM employer e JOIN filing f ON f.employer_id = e.id WHERE f.id = {reg}"
        )),
        "鹿泉区新材料有限公司 赵志强 active 1"
    );
    assert_eq!(
        d.scalar(&format!(
            "SELECT uscc FROM employer e JOIN filing f ON f.employer_id = e.id WHERE f.id = {reg}"
        )),
        new_uscc.as_str()
    );
    // The export received again after the approval: the registration it
    // holds is left as received, not refused for the employer it added.
    std::fs::write(&file, rows("")).unwrap();
    d.run(&["import", "filings", file.to_str().unwrap()])
        .success()
        .stdout(predicate::str::contains("新收件0件，此前已收件3件"));
    // Registered twice is refused at the counter (the code however typed),
    // and by a batch.
    let typed = new_uscc.as_str().to_lowercase();
    d.run(&[
        "filings",
        "receive",
        "--kind",
        "register-employer",
        "--employer-uscc",
        &typed,
        "--field",
        "employer_name=鹿泉区新材料有限公司",
    ])
    .code(1)
    .stderr(predicate::str::contains("已参保登记，不能再次登记"));
    let again = format!(
        "{HEAD}WS2026112009,参保单位登记,{},2026-11-25,,,,,,,鹿泉区新材料有限公司,,\n",
        new_uscc.as_str()
    );
    std::fs::write(&file, again).unwrap();
    d.run(&["import", "filings", file.to_str().unwrap()])
        .code(1)
        .stderr(predicate::str::contains("已参保登记"));
}

#[test]
fn a_batch_is_refused_to_whoever_may_not_receive() {
    let d = Demo::new();
    let file = d.dir.path().join("ws.csv");
    std::fs::write(&file, HEAD).unwrap();
    d.run(&[
        "--user",
        "yangqiang",
        "import",
        "filings",
        file.to_str().unwrap(),
    ])
    .code(1)
    .stderr(predicate::str::contains(
        "网上申报只能由经办人员或科室负责人收件",
    ));
}

/// An employer's yearly base declaration comes with its persons'
/// spreadsheet: read as an import reads one, refused whole with a report
/// when a row is bad, and approved, each listed base is set.
#[test]
fn a_yearly_declaration_is_received_with_its_persons_spreadsheet() {
    let d = Demo::new();
    let uscc = d.scalar(
        "SELECT e.uscc FROM employer e JOIN person p ON p.employer_id = e.id
         WHERE e.status = 'active' AND e.arrears = 0 AND p.status = 'active'
         GROUP BY e.id, e.uscc HAVING COUNT(*) >= 2 ORDER BY e.id LIMIT 1",
    );
    let insured: Vec<String> = d
        .scalar(&format!(
            "SELECT group_concat(id_number) FROM (SELECT p.id_number FROM person p JOIN employer e ON e.id = p.employer_id
             WHERE e.uscc = '{uscc}' AND p.status = 'active' ORDER BY p.id LIMIT 2)"
        ))
        .split(',')
        .map(str::to_string)
        .collect();
    assert_eq!(insured.len(), 2, "the demo employer has two insured");
    let sheet = d.dir.path().join("base.csv");
    let receive = |file: &std::path::Path| {
        d.run(&[
            "filings",
            "receive",
            "--kind",
            "yearly-base",
            "--employer-uscc",
            &uscc,
            "--field",
            "year=2026",
            "--persons",
            file.to_str().unwrap(),
            "--materials",
            "base-form=present,payroll=present",
        ])
    };
    let before = d.scalar("SELECT COUNT(*) FROM filing");
    std::fs::write(
        &sheet,
        format!(
            "公民身份号码,姓名,月工资,缴费基数\n{},甲,\"7,000.00\",7000\n{}1,乙,6500,6500\n",
            insured[0],
            &insured[1][..17]
        ),
    )
    .unwrap();
    receive(&sheet)
        .code(1)
        .stderr(predicate::str::contains("人员明细表1行有问题"));
    assert_eq!(d.scalar("SELECT COUNT(*) FROM filing"), before);
    assert!(d.dir.path().join("base.errors.csv").exists());
    // Without the spreadsheet, refused too.
    d.run(&[
        "filings",
        "receive",
        "--kind",
        "yearly-base",
        "--employer-uscc",
        &uscc,
        "--field",
        "year=2026",
    ])
    .code(1)
    .stderr(predicate::str::contains("须附人员明细表"));

    std::fs::write(
        &sheet,
        format!(
            "公民身份号码,姓名,月工资,缴费基数\n{},甲,\"7,000.00\",7000\n{},乙,6500,6500\n",
            insured[0], insured[1]
        ),
    )
    .unwrap();
    receive(&sheet)
        .success()
        .stdout(predicate::str::contains("单位年度缴费基数申报"));
    let id = d.scalar("SELECT MAX(id) FROM filing");
    let declared: serde_json::Value =
        serde_json::from_str(&d.scalar(&format!("SELECT declared FROM filing WHERE id = {id}")))
            .unwrap();
    assert_eq!(declared["persons"].as_array().unwrap().len(), 2);
    assert_eq!(declared["persons"][0]["wage"], 7_000_00);
    assert_eq!(declared["year"], 2026);
    d.run(&["filings", "approve", &id, "--override", "已核对工资表"])
        .success();
    assert_eq!(
        d.scalar(&format!(
            "SELECT contribution_base FROM person WHERE id_number = '{}'",
            insured[1]
        )),
        "650000"
    );
}

/// A batch larger than a handful is checked in one pass over the queue:
/// every filing it brought has what the checks find recorded, as one by one.
#[test]
fn a_large_batch_is_checked_whole() {
    let d = Demo::new();
    let (uscc, _) = employer_and_person(&d);
    let mut csv = String::from(
        "申报编号,业务类型,统一社会信用代码,申报日期,材料,公民身份号码,姓名,入职日期\n",
    );
    for i in 0..80u32 {
        let first17 = format!("1301101985010{:04}", 1000 + i);
        // Every tenth without its enrollment form (a contract is not required).
        let materials = if i % 10 == 0 {
            "居民身份证；劳动合同"
        } else {
            "居民身份证；社会保险参保登记表；劳动合同"
        };
        csv.push_str(&format!(
            "BIG-{i:03},参保登记,{uscc},2026-11-26,{materials},{},新员工{i},2026-11-20\n",
            id_number(&first17)
        ));
    }
    let file = d.dir.path().join("big.csv");
    std::fs::write(&file, csv).unwrap();
    d.run(&["import", "filings", file.to_str().unwrap()])
        .success()
        .stdout(predicate::str::contains("新收件80件"));
    assert_eq!(
        d.scalar(
            "SELECT COUNT(*) FROM filing_problem p JOIN filing f ON f.id = p.filing_id
             WHERE f.upstream_no LIKE 'BIG-%' AND p.code = 'material-missing'"
        ),
        "8"
    );
    // The rest of the queue keeps what the checks find in it.
    assert_ne!(
        d.scalar(
            "SELECT COUNT(*) FROM filing_problem p JOIN filing f ON f.id = p.filing_id
             WHERE f.upstream_no IS NULL"
        ),
        "0"
    );
}

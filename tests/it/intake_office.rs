//! An office's first filings, on both databases: set up as the deployment
//! guide says (administrator, staff, registers imported — nothing of the
//! demo), a filing received on the command line, a batch from the
//! declaration system, one received on screen, one returned and received
//! again as its resubmission; the review pane shows them, the checks find
//! their problems, and approvals apply them. The day is the server's (an
//! office database refuses a pinned one): dates are counted back from it.

use crate::common;

use common::TestDb;
use common::cli::hrss;
use hrss_desk::domain::Uscc;
use hrss_desk::i18n::Lang;
use hrss_desk::store::DatabaseUrl;
use hrss_desk::tui::headless::Desk;
use predicates::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn id_number(first17: &str) -> String {
    format!(
        "{first17}{}",
        hrss_desk::domain::resident_id::check_char(first17.as_bytes())
    )
}

fn press(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

async fn type_text(desk: &mut Desk, text: &str) {
    for c in text.chars() {
        desk.key(press(KeyCode::Char(c))).await;
    }
}

async fn focus(desk: &mut Desk, label: &str) {
    for _ in 0..30 {
        if let Some(hrss_desk::tui::app::Overlay::Form(f)) = &desk.app.overlay
            && f.fields[f.focus].label.contains(label)
        {
            return;
        }
        desk.key(press(KeyCode::Tab)).await;
    }
    panic!("{label} never focused");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_office_receives_filings_every_way_and_decides_them() {
    for db in TestDb::all().await {
        office(&db).await;
    }
}

async fn office(db: &TestDb) {
    let l = db.label;
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        hrss(home.path())
            .arg("--database-url")
            .arg(&db.url)
            .args(args)
            .assert()
    };
    // The server's day, as the program takes it.
    let today = hrss_desk::domain::calendar::office_date(chrono::Utc::now());
    let day = |back: u64| (today - chrono::Days::new(back)).to_string();

    // Deployment guide, section 4: the first administrator, then the staff.
    let me = hrss_desk::cli::os_login().expect("the test runs under a login in the user database");
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
    // The registers, imported.
    let a = Uscc::compose("91130110MA0CXAAA1");
    let b = Uscc::compose("91130110MA0CXBBB2");
    let employers = home.path().join("employers.csv");
    std::fs::write(
        &employers,
        format!(
            "统一社会信用代码,单位名称\n{},鹿泉区甲商贸有限公司\n{},鹿泉区乙物流有限公司\n",
            a.as_str(),
            b.as_str()
        ),
    )
    .unwrap();
    run(&["import", "employers", employers.to_str().unwrap()]).success();
    let worker = id_number("13011019900307123");
    let persons = home.path().join("persons.csv");
    std::fs::write(
        &persons,
        format!(
            "公民身份号码,姓名,单位统一社会信用代码,参保状态,入职日期\n{worker},李四,{},参保缴费,2020-03-01\n",
            a.as_str()
        ),
    )
    .unwrap();
    run(&["import", "persons", persons.to_str().unwrap()]).success();

    // 1. At the counter, on the command line: a suspension without its proof.
    let worker_field = format!("id_number={worker}");
    run(&[
        "--user",
        "wangfang",
        "filings",
        "receive",
        "--kind",
        "suspend",
        "--employer-uscc",
        a.as_str(),
        "--field",
        &worker_field,
        "--field",
        "reason=离职",
        "--field",
        &format!("effective_on={}", day(3)),
        "--materials",
        "suspend-form=present",
    ])
    .success()
    .stdout(predicate::str::contains("已收件：第1号中断参保"))
    .stdout(predicate::str::contains("审核发现1个问题"));

    // 2. A batch from the declaration system: an enrollment and a new employer.
    let newcomer = id_number("13011019980214731");
    let c = Uscc::compose("91130110MA0CXCCC3");
    let batch = home.path().join("ws.csv");
    std::fs::write(
        &batch,
        format!(
            "申报编号,业务类型,统一社会信用代码,申报日期,材料,公民身份号码,姓名,入职日期,单位名称\n\
             WS-1,参保登记,{a},{d1},居民身份证；社会保险参保登记表；劳动合同,{newcomer},赵新来,{d5},\n\
             WS-2,参保单位登记,{c},{d1},社会保险参保单位登记表；营业执照或登记证书；法定代表人身份证,,,,鹿泉区丙科技有限公司\n",
            a = a.as_str(),
            c = c.as_str(),
            d1 = day(1),
            d5 = day(5),
        ),
    )
    .unwrap();
    run(&[
        "--user",
        "wangfang",
        "import",
        "filings",
        batch.to_str().unwrap(),
    ])
    .success()
    .stdout(predicate::str::contains("新收件2件"));
    run(&[
        "--user",
        "wangfang",
        "import",
        "filings",
        batch.to_str().unwrap(),
    ])
    .success()
    .stdout(predicate::str::contains("新收件0件，此前已收件2件"));

    // 3. On screen: an enrollment at the other employer, found by its code.
    let store = db.open().await;
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
    let mut desk = Desk::open(&store, &url, &clerk, Lang::Zh, today, (100, 30)).await;
    desk.key(press(KeyCode::Char('n'))).await;
    desk.key(press(KeyCode::Tab)).await;
    type_text(&mut desk, b.as_str()).await;
    desk.key(press(KeyCode::F(2))).await;
    let third = id_number("13011019950101002");
    focus(&mut desk, "公民身份号码").await;
    type_text(&mut desk, &third).await;
    focus(&mut desk, "*姓名").await;
    type_text(&mut desk, "钱五").await;
    focus(&mut desk, "入职日期").await;
    type_text(&mut desk, &day(2)).await;
    desk.key(press(KeyCode::F(3))).await;
    desk.key(press(KeyCode::F(2))).await;
    let s = desk.screen();
    let on_screen: i64 = db.one("SELECT MAX(id) FROM filing").await;
    assert!(
        s.contains(&format!("已收件：第{on_screen}号参保登记")),
        "{l}: {s}"
    );
    assert!(s.contains("审核未发现问题"), "{l}: {s}");
    // Opened at once; back in the review pane, it shows the four.
    assert!(s.contains("类别：参保登记"), "{l}: {s}");
    desk.key(press(KeyCode::Esc)).await;
    let s = desk.screen();
    for kind in ["中断参保", "参保登记", "参保单位登记"] {
        assert!(s.contains(kind), "{l}: {kind} in {s}");
    }
    assert!(s.contains("待审核申报4（超期0）"), "{l}: {s}");
    assert_eq!(
        db.one::<String>("SELECT code FROM filing_problem WHERE filing_id = 1")
            .await,
        "material-missing",
        "{l}"
    );

    // 4. The suspension is returned with its notice, and comes back corrected.
    run(&["--user", "wangfang", "filings", "return", "1"]).success();
    run(&[
        "--user",
        "wangfang",
        "filings",
        "receive",
        "--kind",
        "suspend",
        "--employer-uscc",
        a.as_str(),
        "--field",
        &worker_field,
        "--field",
        "reason=离职",
        "--field",
        &format!("effective_on={}", day(3)),
        "--materials",
        "suspend-form=present,termination-proof=present",
        "--resubmits",
        "1",
    ])
    .success()
    .stdout(predicate::str::contains("系第1号退回申报的补正件"))
    .stdout(predicate::str::contains("审核未发现问题"));

    // 5. Approved, each applies its change.
    let pending: Vec<i64> = db
        .rows("SELECT id FROM filing WHERE status = 'pending' ORDER BY id")
        .await;
    assert_eq!(pending.len(), 4, "{l}: {pending:?}");
    for id in pending {
        run(&["--user", "wangfang", "filings", "approve", &id.to_string()]).success();
    }
    assert_eq!(
        db.one::<String>(&format!(
            "SELECT name || ' ' || status FROM person WHERE id_number = '{newcomer}'"
        ))
        .await,
        "赵新来 active",
        "{l}: the batch's enrollment added the newcomer"
    );
    assert_eq!(
        db.one::<String>(&format!(
            "SELECT name || ' ' || status FROM employer WHERE uscc = '{}'",
            c.as_str()
        ))
        .await,
        "鹿泉区丙科技有限公司 active",
        "{l}: the registration added the employer"
    );
    assert_eq!(
        db.one::<String>(&format!(
            "SELECT p.name || ' ' || e.uscc FROM person p JOIN employer e ON e.id = p.employer_id
             WHERE p.id_number = '{third}'"
        ))
        .await,
        format!("钱五 {}", b.as_str()),
        "{l}: the one received on screen"
    );
    assert_eq!(
        db.one::<String>(&format!(
            "SELECT status FROM person WHERE id_number = '{worker}'"
        ))
        .await,
        "suspended",
        "{l}: the resubmitted suspension"
    );
    run(&["filings", "list", "--json"])
        .success()
        .stdout(predicate::eq("[]\n"));
    // The month's figures count the second visit (the one just received).
    let month = today.format("%Y-%m").to_string();
    let report = home.path().join("month.xlsx");
    run(&[
        "report",
        "--month",
        &month,
        "--output",
        report.to_str().unwrap(),
    ])
    .success();
    assert_eq!(
        common::readers::figure(&report, "其中补正后再次提交"),
        "1",
        "{l}"
    );
    store.close().await;
}

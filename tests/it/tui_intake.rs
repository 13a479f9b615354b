//! Receiving a filing on screen (`n` in the review pane), with the real app
//! and effect runner on a demo database: the employer found by a part of
//! its name through a chooser, the kind's fields typed, the materials
//! ticked, and the filing written, checked at once and in the queue.

use crate::common;

use common::{TestDb, demo_store};
use hrss_desk::i18n::Lang;
use hrss_desk::store::DatabaseUrl;
use hrss_desk::tui::headless::Desk;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

async fn type_text(desk: &mut Desk, text: &str) {
    for c in text.chars() {
        desk.key(code(KeyCode::Char(c))).await;
    }
}

/// Moves the form's focus to the line whose label starts with `label`.
async fn focus(desk: &mut Desk, label: &str) {
    for _ in 0..30 {
        if desk_focus_is(desk, label) {
            return;
        }
        desk.key(code(KeyCode::Tab)).await;
    }
    panic!("{label} never focused");
}

/// Moves the queue's cursor to filing `id` (oldest first, as the queue is
/// read: its place depends on the time of day it was received).
async fn select(desk: &mut Desk, store: &hrss_desk::store::Store, id: i64) {
    let pending = store
        .pending_filing_facts(common::today(), None)
        .await
        .unwrap();
    let at = pending.iter().position(|f| f.id == id).expect("pending");
    desk.key(code(KeyCode::Char('g'))).await;
    for _ in 0..at {
        desk.key(code(KeyCode::Char('j'))).await;
    }
}

fn desk_focus_is(desk: &Desk, label: &str) -> bool {
    match &desk.app.overlay {
        Some(hrss_desk::tui::app::Overlay::Form(f)) => f.fields[f.focus].label.contains(label),
        _ => false,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clerk_receives_an_enrollment_on_screen_and_reads_its_problems() {
    let db = TestDb::sqlite();
    let store = demo_store(&db, 300).await;
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let today = common::today();
    let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
    let mut desk = Desk::open(&store, &url, &clerk, Lang::Zh, today, (100, 30)).await;
    desk.key(code(KeyCode::Char('n'))).await;
    let s = desk.screen();
    assert!(s.contains("收件登记（1/2）"), "{s}");
    assert!(s.contains("< 参保登记 >"), "{s}");
    // A part of a name many employers share: a chooser, not a guess.
    desk.key(code(KeyCode::Tab)).await;
    type_text(&mut desk, "有限公司").await;
    desk.key(code(KeyCode::F(2))).await;
    let s = desk.screen();
    assert!(s.contains("个单位符合"), "{s}");
    desk.key(code(KeyCode::Right)).await;
    let chosen = match &desk.app.overlay {
        Some(hrss_desk::tui::app::Overlay::Form(f)) => f.value("employer"),
        other => panic!("{other:?}"),
    };
    desk.key(code(KeyCode::F(2))).await;
    let s = desk.screen();
    assert!(s.contains("收件登记（2/2） · 参保登记"), "{s}");
    assert!(s.contains("材料：劳动合同"), "{s}");

    let first17 = "13011019980214731";
    let id_number = format!(
        "{first17}{}",
        hrss_desk::domain::resident_id::check_char(first17.as_bytes())
    );
    focus(&mut desk, "公民身份号码").await;
    type_text(&mut desk, &id_number).await;
    focus(&mut desk, "*姓名").await;
    type_text(&mut desk, "赵新来").await;
    focus(&mut desk, "入职日期").await;
    type_text(&mut desk, "2026-11-16").await;
    // Sent with materials unticked: said, nothing written.
    let before: i64 = db.one("SELECT COUNT(*) FROM filing").await;
    desk.key(code(KeyCode::F(2))).await;
    assert!(desk.screen().contains("材料：居民身份证"), "still open");
    assert_eq!(db.one::<i64>("SELECT COUNT(*) FROM filing").await, before);
    // The contract came unsigned: a note marks it invalid; the rest valid.
    focus(&mut desk, "材料：劳动合同").await;
    type_text(&mut desk, "未签字").await;
    desk.key(code(KeyCode::F(3))).await;
    desk.key(code(KeyCode::F(2))).await;
    let s = desk.screen();
    assert!(s.contains("已收件：第"), "{s}");
    assert!(s.contains("审核发现1个问题"), "{s}");

    let id: i64 = db.one("SELECT MAX(id) FROM filing").await;
    assert_eq!(
        db.one::<String>(&format!(
            "SELECT f.kind || ' ' || f.status || ' ' || f.channel || ' ' || s.login || ' ' || e.uscc
             FROM filing f JOIN staff s ON s.id = f.received_by JOIN employer e ON e.id = f.employer_id
             WHERE f.id = {id}"
        ))
        .await,
        format!("enroll pending window wangfang {chosen}")
    );
    assert_eq!(
        db.one::<String>(&format!(
            "SELECT note FROM filing_material WHERE filing_id = {id} AND material = 'labour-contract' AND present AND NOT valid"
        ))
        .await,
        "未签字"
    );
    assert_eq!(
        db.one::<String>(&format!(
            "SELECT group_concat(code) FROM filing_problem WHERE filing_id = {id}"
        ))
        .await,
        "material-invalid"
    );
    // Opened at once, every problem said, the receipt a `p` away.
    let s = desk.screen();
    assert!(s.contains("类别：参保登记"), "{s}");
    assert!(s.contains("── 审核发现的问题 ──"), "{s}");
    assert!(s.contains("材料“劳动合同”无效"), "{s}");
    // Optional by the rules (社会保险经办条例), but given: it must be valid.
    assert!(
        s.contains("劳动合同（非必交）：已交但无效（未签字）"),
        "{s}"
    );
    // In the queue, the person it declares named, their ID masked.
    desk.key(code(KeyCode::Esc)).await;
    select(&mut desk, &store, id).await;
    let s = desk.screen();
    assert!(
        s.lines()
            .any(|l| l.contains("赵新来") && l.contains("130110********")),
        "{s}"
    );
    assert!(!s.contains(&id_number), "{s}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_employer_registers_on_screen_with_its_new_credit_code() {
    let db = TestDb::sqlite();
    let store = demo_store(&db, 300).await;
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
    let mut desk = Desk::open(&store, &url, &clerk, Lang::En, common::today(), (100, 30)).await;
    desk.key(code(KeyCode::Char('n'))).await;
    // The last kind, leftwards from the first.
    desk.key(code(KeyCode::Left)).await;
    let s = desk.screen();
    assert!(s.contains("< Employer enrollment >"), "{s}");
    desk.key(code(KeyCode::Tab)).await;
    let uscc = hrss_desk::domain::Uscc::compose("91130110MA0CX5555");
    type_text(&mut desk, uscc.as_str()).await;
    desk.key(code(KeyCode::F(2))).await;
    let s = desk.screen();
    assert!(s.contains("Receive a filing (2/2)"), "{s}");
    type_text(&mut desk, "鹿泉区新材料有限公司").await;
    desk.key(code(KeyCode::F(3))).await;
    desk.key(code(KeyCode::F(2))).await;
    let s = desk.screen();
    assert!(s.contains("Employer enrollment, to be decided by"), "{s}");
    assert!(s.contains("The checks find no problem."), "{s}");
    assert_eq!(
        db.one::<String>(
            "SELECT kind || ' ' || (employer_id IS NULL) FROM filing WHERE id = (SELECT MAX(id) FROM filing)"
        )
        .await,
        "register-employer 1"
    );
}

/// A filing returned with its notice comes back: received on screen as its
/// resubmission, its detail names the filing it corrects and shows the
/// notice it answers, so the clerk checks it item by item.
#[tokio::test(flavor = "multi_thread")]
async fn a_resubmission_received_on_screen_shows_the_notice_it_answers() {
    let db = TestDb::sqlite();
    let store = demo_store(&db, 300).await;
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let today = common::today();
    let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
    let original = store
        .pending_filing_facts(today, None)
        .await
        .unwrap()
        .into_iter()
        .find(|f| {
            f.facts.kind == hrss_desk::domain::FilingKind::Suspend
                && f.person_id.is_some()
                && f.employer_uscc.is_some()
        })
        .expect("a pending suspension");
    hrss_desk::workflow::decide(
        &crate::common::cx(&store, &clerk, Lang::Zh, today),
        original.id,
        original.version,
        hrss_desk::domain::decision::Decision::Return,
        "请补交加盖单位公章的解除劳动关系证明",
    )
    .await
    .unwrap();
    let uscc = original.employer_uscc.clone().unwrap();
    let id_number = original.person_id_number.clone().unwrap();
    let mut desk = Desk::open(&store, &url, &clerk, Lang::Zh, today, (100, 40)).await;
    desk.key(code(KeyCode::Char('n'))).await;
    desk.key(code(KeyCode::Right)).await; // 中断参保
    desk.key(code(KeyCode::Tab)).await;
    type_text(&mut desk, &uscc).await;
    focus(&mut desk, "补正件").await;
    type_text(&mut desk, &original.id.to_string()).await;
    desk.key(code(KeyCode::F(2))).await;
    assert!(
        desk.screen().contains("收件登记（2/2） · 中断参保"),
        "{}",
        desk.screen()
    );
    focus(&mut desk, "公民身份号码").await;
    type_text(&mut desk, &id_number).await;
    focus(&mut desk, "中断原因").await;
    type_text(&mut desk, "离职").await;
    focus(&mut desk, "中断日期").await;
    type_text(&mut desk, "2026-11-01").await;
    desk.key(code(KeyCode::F(3))).await;
    desk.key(code(KeyCode::F(2))).await;
    let s = desk.screen();
    assert!(
        s.contains(&format!("系第{}号退回申报的补正件", original.id)),
        "{s}"
    );
    let id: i64 = db.one("SELECT MAX(id) FROM filing").await;
    assert_eq!(
        db.one::<i64>(&format!("SELECT resubmits FROM filing WHERE id = {id}"))
            .await,
        original.id
    );
    // Opened at once, it shows the notice it answers.
    let s = desk.screen();
    assert!(
        s.contains(&format!("补正件，所补正的退回申报：第{}号", original.id)),
        "{s}"
    );
    assert!(s.contains("请补交加盖单位公章的解除劳动关系证明"), "{s}");
    // The notice as it was sent, with the day it gave to correct by.
    assert!(
        s.contains("请于2026年12月18日前补正材料后重新提交。"),
        "{s}"
    );
    assert!(s.contains("收件渠道：窗口"), "{s}");
}

/// `I` on screen takes the declaration system's batch too: the same
/// import as `hrss-desk import filings`, its filings in the queue.
#[tokio::test(flavor = "multi_thread")]
async fn capital_i_receives_a_batch_from_the_declaration_system() {
    let db = TestDb::sqlite();
    let store = demo_store(&db, 300).await;
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ws.csv");
    std::fs::write(
        &file,
        format!(
            "申报编号,业务类型,统一社会信用代码,申报日期,材料,单位名称\n\
             WS-77,参保单位登记,{},2026-11-26,社会保险参保单位登记表,鹿泉区丁机械有限公司\n",
            hrss_desk::domain::Uscc::compose("91130110MA0CX7777").as_str()
        ),
    )
    .unwrap();
    let mut desk = Desk::open(&store, &url, &clerk, Lang::Zh, common::today(), (100, 30)).await;
    desk.key(code(KeyCode::Char('I'))).await;
    // The last register in the list: the declaration system's batch.
    desk.key(code(KeyCode::Left)).await;
    assert!(desk.screen().contains("< 网上申报 >"), "{}", desk.screen());
    desk.key(code(KeyCode::Tab)).await;
    type_text(&mut desk, file.to_str().unwrap()).await;
    desk.key(code(KeyCode::F(2))).await;
    let s = desk.screen();
    assert!(s.contains("新收件1件，此前已收件0件"), "{s}");
    assert_eq!(
        db.one::<String>("SELECT kind || ' ' || channel FROM filing WHERE upstream_no = 'WS-77'")
            .await,
        "register-employer online"
    );
    // Its two missing materials are found at once.
    assert_eq!(
        db.one::<String>(
            "SELECT code || ' ' || count FROM filing_problem p JOIN filing f ON f.id = p.filing_id WHERE f.upstream_no = 'WS-77'"
        )
        .await,
        "material-missing 2"
    );
}

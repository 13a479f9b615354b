//! The section chief's acts on screen (issue 22, point 3): `n` in the
//! supervision pane's 抽查计划, 专项行动 and 分片轮换 sections opens a draw
//! (its seed shown before anything is drawn), a campaign, a team; each sent
//! to the workflow the command line uses, and refused at the key, in one
//! sentence and with nothing written, to a role that may not.

use crate::common;

use common::{TestDb, demo_store};
use hrss_desk::i18n::Lang;
use hrss_desk::store::DatabaseUrl;
use hrss_desk::tui::headless::Desk;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

async fn type_text(desk: &mut Desk, text: &str) {
    for c in text.chars() {
        desk.key(press(KeyCode::Char(c))).await;
    }
}

async fn keys(desk: &mut Desk, codes: &[KeyCode]) {
    for c in codes {
        desk.key(press(*c)).await;
    }
}

/// The desk of `login`, in the supervision pane's section `steps` on.
async fn at_section(
    store: &hrss_desk::store::Store,
    db: &TestDb,
    login: &str,
    steps: usize,
) -> Desk {
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let who = store.staff_by_login(login).await.unwrap().unwrap();
    let mut desk = Desk::open(store, &url, &who, Lang::Zh, common::today(), (100, 30)).await;
    desk.key(press(KeyCode::Char('4'))).await;
    for _ in 0..steps {
        desk.key(press(KeyCode::Char(']'))).await;
    }
    desk
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chief_draws_sets_up_a_campaign_and_forms_a_team_on_screen() {
    for db in TestDb::all().await {
        let store = demo_store(&db, 300).await;
        let l = db.label;
        let count = |t: &'static str| {
            db.one::<i64>(match t {
                "draw" => "SELECT COUNT(*) FROM draw",
                "campaign" => "SELECT COUNT(*) FROM campaign",
                _ => "SELECT COUNT(*) FROM inspector_team",
            })
        };
        let (draws, campaigns, teams) = (
            count("draw").await,
            count("campaign").await,
            count("team").await,
        );

        // 抽查计划: the draw's form shows its seed before anything is drawn.
        let mut desk = at_section(&store, &db, "liuyang", 3).await;
        desk.key(press(KeyCode::Char('n'))).await;
        let s = desk.screen();
        assert!(
            s.contains("组织随机抽查") && s.contains("随机种子（已固定，可改）"),
            "{l}: {s}"
        );
        // The form's keys whole, their end wrapped rather than cut.
        assert!(s.contains("Esc 暂存关闭"), "{l}: {s}");
        type_text(&mut desk, "第四季度培训学校抽查").await;
        desk.key(press(KeyCode::Tab)).await;
        desk.key(press(KeyCode::Right)).await; // the first kind after 全部
        keys(&mut desk, &[KeyCode::Tab, KeyCode::Tab]).await;
        type_text(&mut desk, "30%").await;
        desk.key(press(KeyCode::F(2))).await;
        let s = desk.screen();
        assert!(s.contains("随机种子已固定"), "{l}: {s}");
        assert_eq!(count("draw").await, draws + 1, "{l}: {s}");

        // 专项行动: a campaign from today to the year's end.
        keys(
            &mut desk,
            &[KeyCode::Char(']'), KeyCode::Char(']'), KeyCode::Char(']')],
        )
        .await;
        desk.key(press(KeyCode::Char('n'))).await;
        type_text(&mut desk, "冬季根治欠薪专项行动").await;
        keys(&mut desk, &[KeyCode::Tab, KeyCode::Tab]).await;
        keys(&mut desk, &[KeyCode::Backspace; 10]).await;
        type_text(&mut desk, "2026-11-01").await;
        desk.key(press(KeyCode::Tab)).await;
        type_text(&mut desk, "2026-12-31").await;
        desk.key(press(KeyCode::F(2))).await;
        let s = desk.screen();
        assert_eq!(count("campaign").await, campaigns + 1, "{l}: {s}");
        // `a` on it: the inspections planned in its period, ticked with Space.
        let grouped = || {
            db.one::<i64>("SELECT COUNT(*) FROM inspection WHERE campaign_id = (SELECT MAX(id) FROM campaign)")
        };
        desk.key(press(KeyCode::Char('a'))).await;
        let s = desk.screen();
        assert!(s.contains("归入行动：冬季根治欠薪专项行动"), "{l}: {s}");
        desk.key(press(KeyCode::F(2))).await;
        assert!(
            desk.screen().contains("请用空格勾选"),
            "{l}: {}",
            desk.screen()
        );
        desk.key(press(KeyCode::Char(' '))).await;
        desk.key(press(KeyCode::F(2))).await;
        let s = desk.screen();
        assert_eq!(grouped().await, 1, "{l}: {s}");

        // 分片轮换: a team of two inspectors; one login alone is refused.
        desk.key(press(KeyCode::Char(']'))).await;
        desk.key(press(KeyCode::Char('n'))).await;
        type_text(&mut desk, "第九组").await;
        desk.key(press(KeyCode::Tab)).await;
        type_text(&mut desk, "wulei").await;
        desk.key(press(KeyCode::F(2))).await;
        assert_eq!(count("team").await, teams, "{l}: one inspector is no team");
        type_text(&mut desk, " huangwei").await;
        desk.key(press(KeyCode::F(2))).await;
        let s = desk.screen();
        assert_eq!(count("team").await, teams + 1, "{l}: {s}");
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clerk_is_refused_the_chiefs_forms_at_the_key_and_nothing_is_written() {
    let db = TestDb::sqlite();
    let store = demo_store(&db, 300).await;
    let audit = || db.one::<i64>("SELECT COUNT(*) FROM audit_log");
    let before = audit().await;
    for (steps, act, who) in [
        (3, "随机抽查", "只有科室负责人可以"),
        (6, "专项行动", "只有科室负责人可以"),
        (7, "监察组", "只有科室负责人可以"),
        (1, "结算数据", "只有劳动保障监察员、科室负责人可以"),
    ] {
        let mut desk = at_section(&store, &db, "wangfang", steps).await;
        desk.key(press(KeyCode::Char('n'))).await;
        let s = desk.screen();
        assert!(s.contains(who), "{act}: {s}");
        assert!(!s.contains("F2"), "{act}: no form opens: {s}");
    }
    // Taking inspections into a campaign is the inspectors' and the chief's.
    let mut desk = at_section(&store, &db, "wangfang", 6).await;
    desk.key(press(KeyCode::Char('a'))).await;
    let s = desk.screen();
    assert!(s.contains("只有") && !s.contains("归入行动："), "{s}");
    // A section with nothing to set up says where `n` does.
    let mut desk = at_section(&store, &db, "liuyang", 2).await;
    desk.key(press(KeyCode::Char('n'))).await;
    assert!(
        desk.screen().contains("本栏没有可新建的记录"),
        "{}",
        desk.screen()
    );
    assert_eq!(audit().await, before);
}

/// 年度审查: the rows tagged with Space get their reports recorded as
/// received in one form; 待检查: settlement figures imported from a file
/// and audited at once.
#[tokio::test(flavor = "multi_thread")]
async fn annual_reports_for_the_rows_tagged_and_settlements_from_a_file() {
    for db in TestDb::all().await {
        let store = demo_store(&db, 300).await;
        let l = db.label;
        let received =
            || db.one::<i64>("SELECT COUNT(*) FROM annual_review WHERE submitted_on IS NOT NULL");
        let before = received().await;
        let mut desk = at_section(&store, &db, "liuyang", 4).await;
        keys(&mut desk, &[KeyCode::Char(' '), KeyCode::Char(' ')]).await;
        let s = desk.screen();
        assert!(s.contains("已标记2"), "{l}: {s}");
        desk.key(press(KeyCode::Char('n'))).await;
        let s = desk.screen();
        assert!(s.contains("年度审查登记（2个许可证）"), "{l}: {s}");
        desk.key(press(KeyCode::F(2))).await;
        let s = desk.screen();
        assert!(s.contains("年度审查"), "{l}: {s}");
        let after = received().await;
        assert!(
            after > before && after <= before + 2,
            "{l}: {before} → {after}: {s}"
        );

        // Settlement figures: one month of a clinic, from a file in the home folder.
        let number: String = db
            .one("SELECT number FROM licence WHERE kind = 'designated-clinic' ORDER BY id LIMIT 1")
            .await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("结算.csv");
        std::fs::write(
            &file,
            format!("许可证号,年月,人次,费用,人数\n{number},202610,120,35000.00,80\n"),
        )
        .unwrap();
        let months = || db.one::<i64>("SELECT COUNT(*) FROM settlement_month");
        let stored = months().await;
        keys(
            &mut desk,
            &[KeyCode::Char('['), KeyCode::Char('['), KeyCode::Char('[')],
        )
        .await;
        desk.key(press(KeyCode::Char('n'))).await;
        type_text(&mut desk, &file.display().to_string()).await;
        desk.key(press(KeyCode::F(2))).await;
        let s = desk.screen();
        assert!(
            s.contains("已导入1条月度结算数据；审核发现异常"),
            "{l}: {s}"
        );
        assert_eq!(months().await, stored + 1, "{l}");
        store.close().await;
    }
}

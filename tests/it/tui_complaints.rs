//! The complaints inbox on the screen (issue 22, point 1): counted in the
//! status line and on the dashboard, listed from the case queue's view
//! chooser, opened, and decided with the workflow `complaints decide` calls.
//!
//! Registering a complaint on screen whose respondent fits several
//! employers (issue 22, point 2): the form lists them whole — name, credit
//! code, town, legal representative —, two firms of one name told apart,
//! and the one chosen is the complaint's respondent. An office database
//! fed through the program's own commands, nothing of the demo.

use crate::common;

use common::TestDb;
use common::cli::hrss;
use common::office::Office;
use hrss_desk::domain::Uscc;
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

#[tokio::test(flavor = "multi_thread")]
async fn a_respondent_of_several_namesakes_is_chosen_from_a_list_that_tells_them_apart() {
    for db in TestDb::all().await {
        let home = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            hrss(home.path())
                .arg("--database-url")
                .arg(&db.url)
                .args(args)
                .assert()
                .success()
        };
        let me = hrss_desk::cli::os_login().expect("a login in the user database");
        run(&["migrate"]);
        run(&[
            "staff",
            "add",
            &me,
            "--name",
            "赵静",
            "--roles",
            "chief,admin",
        ]);
        let a = Uscc::compose("91130110MA0CXAAA1");
        let b = Uscc::compose("91130110MA0CXBBB2");
        let csv = home.path().join("employers.csv");
        std::fs::write(
            &csv,
            format!(
                "统一社会信用代码,单位名称,法定代表人,乡镇街道\n\
                 {},鹿泉区同名商贸有限公司,张一,获鹿镇\n\
                 {},鹿泉区同名商贸有限公司,李二,铜冶镇\n",
                a.as_str(),
                b.as_str()
            ),
        )
        .unwrap();
        run(&["import", "employers", csv.to_str().unwrap()]);

        let store = db.open().await;
        let url = DatabaseUrl::parse(&db.url).unwrap();
        let chief = store.staff_by_login(&me).await.unwrap().unwrap();
        let mut desk = Desk::open(&store, &url, &chief, Lang::Zh, common::today(), (100, 30)).await;
        desk.key(press(KeyCode::Char('3'))).await;
        desk.key(press(KeyCode::Char('n'))).await;
        type_text(&mut desk, "孙某").await;
        for _ in 0..3 {
            desk.key(press(KeyCode::Tab)).await;
        }
        type_text(&mut desk, "同名商贸").await;
        desk.key(press(KeyCode::Tab)).await;
        // The first matter, wages or whichever comes first.
        desk.key(press(KeyCode::Char(' '))).await;
        desk.key(press(KeyCode::Tab)).await;
        type_text(&mut desk, "拖欠工资三个月").await;
        desk.key(press(KeyCode::F(2))).await;
        let s = desk.screen();
        let label = db.label;
        assert!(s.contains("有2个单位符合被投诉单位"), "{label}: {s}");
        for (code, town, rep) in [(&a, "获鹿镇", "张一"), (&b, "铜冶镇", "李二")] {
            assert!(
                s.lines().any(|l| l.contains(code.as_str())
                    && l.contains(town)
                    && l.contains(&format!("法定代表人{rep}"))),
                "{label}: {s}"
            );
        }
        let complaints = || db.one::<i64>("SELECT COUNT(*) FROM complaint");
        assert_eq!(complaints().await, 0, "{label}: nothing registered yet");
        // The second, chosen, is the respondent.
        desk.key(press(KeyCode::Right)).await;
        desk.key(press(KeyCode::F(2))).await;
        let s = desk.screen();
        assert_eq!(complaints().await, 1, "{label}: {s}");
        let respondent: String = db
            .one(
                "SELECT e.uscc FROM complaint c JOIN employer e ON e.id = c.respondent_employer_id",
            )
            .await;
        assert_eq!(respondent, b.as_str(), "{label}");
        store.close().await;
    }
}

/// Two complaints registered at the counter on an office database: one
/// received Thursday 19 November (due the 26th, overdue on the 27th), one
/// today. Their ids.
async fn two_complaints(db: &TestDb, o: &Office) -> (i64, i64) {
    let mut ids = Vec::new();
    for received in ["2026-11-19", common::TODAY] {
        o.ok(
            common::TODAY,
            "wangfang",
            &format!(
                "complaints add --complainant 张伟 --id-number 360426199101010071 --phone 13812345678 \
                 --respondent 鹿泉区测试建材有限公司 --matters wages --facts 拖欠工资13812345678 \
                 --channel hotline --received {received}"
            ),
        );
        ids.push(db.rows("SELECT MAX(id) FROM complaint").await[0]);
    }
    (ids[0], ids[1])
}

/// Only the test's two complaints wait: those already pending are decided
/// first. Their ids.
async fn only_two_complaints(db: &TestDb, o: &Office) -> (i64, i64) {
    for id in db
        .rows("SELECT id FROM complaint WHERE decision = 'pending' ORDER BY id")
        .await
    {
        o.ok(common::TODAY, "liuyang", &format!("complaints decide {id}"));
    }
    two_complaints(db, o).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_status_line_and_the_dashboard_count_complaints_waiting_and_overdue() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        two_complaints(&db, &o).await;
        let store = db.open().await;
        let chief = store.staff_by_login("zhaojing").await.unwrap().unwrap();
        let cx = common::cx(&store, &chief, Lang::Zh, common::today());
        let pending = db
            .scalar("SELECT COUNT(*) FROM complaint WHERE decision = 'pending'")
            .await;
        let overdue = db
            .scalar("SELECT COUNT(*) FROM complaint WHERE decision = 'pending' AND received_on < '2026-11-20'")
            .await;
        assert!(overdue >= 1 && pending > overdue, "{}", db.label);
        let c = hrss_desk::workflow::counts(&cx).await.unwrap();
        assert_eq!(
            (c.pending_complaints, c.overdue_complaints),
            (pending, overdue),
            "{}",
            db.label
        );
        let d = hrss_desk::workflow::dashboard(&cx).await.unwrap();
        assert_eq!(d.counts.overdue_complaints, overdue, "{}", db.label);
        let [left, _] = hrss_desk::tui::statistics::today_columns(&d, Lang::Zh);
        let text: Vec<String> = left.iter().map(|l| l.to_string()).collect();
        assert!(
            text.contains(&format!("{pending:>7}  待受理投诉")),
            "{text:?}"
        );
        assert!(
            text.contains(&format!("{overdue:>7}  超期未决定投诉")),
            "{text:?}"
        );
        let line = hrss_desk::i18n::status_counts(Lang::Zh, &c);
        assert!(
            line.contains(&format!("待受理投诉{pending}（超期{overdue}）")),
            "{line}"
        );
        store.close().await;
    }
}

fn k(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The chief's desk on the office, in the inbox: 3, f, the first row.
async fn in_the_inbox(db: &TestDb, store: &hrss_desk::store::Store, lang: Lang) -> Desk {
    let chief = store.staff_by_login("zhaojing").await.unwrap().unwrap();
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let mut desk = Desk::open(store, &url, &chief, lang, common::today(), (100, 30)).await;
    for key in [
        k(KeyCode::Char('3')),
        k(KeyCode::Char('f')),
        k(KeyCode::Up),
        k(KeyCode::Enter),
    ] {
        desk.key(key).await;
    }
    desk
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chief_reads_and_decides_complaints_from_the_inbox_as_the_command_line_does() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let (old, new) = only_two_complaints(&db, &o).await;
        let store = db.open().await;
        let mut desk = in_the_inbox(&db, &store, Lang::Zh).await;
        let s = desk.screen();
        assert!(s.contains("待受理投诉（2，超期1）"), "{}:\n{s}", db.label);
        let row = |id: i64| {
            s.lines()
                .find(|l| l.contains(&format!(" {id}  ")))
                .unwrap_or_default()
                .to_string()
        };
        assert!(row(old).contains("2026-11-19  → 2026-11-26 超期!"), "{s}");
        assert!(row(new).contains("2026-11-27  → 2026-12-04"), "{s}");
        assert!(!row(new).contains("超期"), "{s}");
        let at = |id: i64| s.lines().position(|l| l.contains(&format!(" {id}  ")));
        assert!(at(old) < at(new), "oldest first:\n{s}");
        // The respondents line up, overdue mark or not.
        let col = |id: i64| {
            use unicode_width::UnicodeWidthStr;
            let r = row(id);
            r.find("鹿泉区测试建材").map(|at| r[..at].width())
        };
        assert!(col(old).is_some() && col(old) == col(new), "{s}");

        // Enter: the complaint, its complainant masked.
        desk.key(k(KeyCode::Enter)).await;
        let s = desk.screen();
        assert!(
            s.contains("投诉人：张* · 138****5678 · 360426********0071"),
            "{s}"
        );
        assert!(s.contains("受理决定期限：2026-11-26（超期）"), "{s}");
        assert!(s.contains("投诉事实：拖欠工资138****5678"), "{s}");
        assert!(!s.contains("13812345678") && !s.contains("360426199101010071"));
        assert!(s.contains("符合受理条件，应予受理并登记案件。"), "{s}");

        // m: the form; F2 accepts, as `complaints decide` would.
        desk.key(k(KeyCode::Char('m'))).await;
        assert!(
            desk.screen().contains("属劳动争议：< 否 >"),
            "{}",
            desk.screen()
        );
        // Tab past where to turn (left blank: the rules decide) to the note.
        desk.key(k(KeyCode::Tab)).await;
        desk.key(k(KeyCode::Tab)).await;
        for c in "当面核实".chars() {
            desk.key(k(KeyCode::Char(c))).await;
        }
        let audit = db.scalar("SELECT COUNT(*) FROM audit_log").await;
        desk.key(k(KeyCode::F(2))).await;
        let s = desk.screen();
        assert!(
            s.contains(&format!("投诉{old}已受理，已登记案件鹿人社监案〔")),
            "{s}"
        );
        assert!(
            s.contains("待受理投诉（1，超期0）"),
            "back in the inbox, read again:\n{s}"
        );
        assert_eq!(
            db.text(&format!(
                "SELECT decision || ' ' || decision_note FROM complaint WHERE id = {old}"
            ))
            .await,
            "accepted 当面核实"
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM inspection_case WHERE complaint_id = {old}"
            ))
            .await,
            1
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM audit_log").await,
            audit + 1,
            "one entry, as the command line's"
        );
        assert_eq!(
            db.text("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")
                .await,
            "complaint.decide"
        );

        // A labour dispute: → says where it goes, F2 refers it.
        desk.key(k(KeyCode::Char('m'))).await;
        desk.key(k(KeyCode::Right)).await;
        let s = desk.screen();
        assert!(
            s.contains("属劳动争议：< 是：告知申请劳动争议仲裁 >"),
            "{s}"
        );
        assert!(
            s.contains("依规则：属于劳动争议，应书面告知投诉人申请劳动争议仲裁。"),
            "{s}"
        );
        desk.key(k(KeyCode::F(2))).await;
        // Told in writing (条例 art 21 para 2): p prints the 告知书.
        assert!(
            desk.screen().contains(&format!(
                "投诉{new}已告知申请仲裁。按 p 出具书面通知投诉人的投诉告知书。"
            )),
            "{}",
            desk.screen()
        );
        assert!(
            desk.screen().contains("没有待受理的投诉。"),
            "{}",
            desk.screen()
        );
        assert_eq!(
            db.text(&format!("SELECT decision FROM complaint WHERE id = {new}"))
                .await,
            "referred"
        );
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_inbox_reads_in_english_too() {
    let db = TestDb::sqlite();
    let o = Office::new(&db).await;
    let (old, _) = two_complaints(&db, &o).await;
    let store = db.open().await;
    let desk = in_the_inbox(&db, &store, Lang::En).await;
    let s = desk.screen();
    assert!(s.contains("Complaints to decide ("), "{s}");
    assert!(s.contains("Enter reads · m decides · Esc closes"), "{s}");
    let line = s
        .lines()
        .find(|l| l.contains(&format!(" {old}  ")))
        .unwrap();
    assert!(line.contains("→ 2026-11-26 OVERDUE!"), "{s}");
    // The decision form: what the rules lead to wraps whole in the box,
    // the labels take an English colon.
    let mut desk = desk;
    desk.key(k(KeyCode::Char('m'))).await;
    desk.key(k(KeyCode::Right)).await;
    let s = desk.screen();
    assert!(s.contains("Respondent: "), "{s}");
    assert!(
        s.contains("The rules lead to: A labour dispute: tell the complainant in writing to")
            && s.contains("go to labour arbitration."),
        "{s}"
    );
    store.close().await;
}

/// 劳社部令25 art 18: a complaint not this bureau's is answered with the
/// bureau to complain to. The chief types it in the decision form (filled,
/// it is the decision), F2 records it with where to, and the sentence says
/// how the notice to the complainant is printed.
#[tokio::test(flavor = "multi_thread")]
async fn the_chief_sends_a_complaint_elsewhere_from_the_decision_form() {
    const BUREAU: &str = "石家庄市桥西区人力资源和社会保障局";
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let (old, _) = only_two_complaints(&db, &o).await;
        let store = db.open().await;
        let chief = store.staff_by_login("zhaojing").await.unwrap().unwrap();
        let url = DatabaseUrl::parse(&db.url).unwrap();
        // Wide enough for the whole sentence in the status line.
        let mut desk = Desk::open(&store, &url, &chief, Lang::Zh, common::today(), (200, 30)).await;
        for key in [
            k(KeyCode::Char('3')),
            k(KeyCode::Char('f')),
            k(KeyCode::Up),
            k(KeyCode::Enter),
            k(KeyCode::Char('m')),
        ] {
            desk.key(key).await;
        }
        let s = desk.screen();
        assert!(s.contains("非本局管辖，告知向：_"), "{}:\n{s}", db.label);
        desk.key(k(KeyCode::Tab)).await;
        type_text(&mut desk, BUREAU).await;
        let s = desk.screen();
        assert!(
            s.contains(&format!("依规则：非本局管辖，应书面告知向{BUREAU}提出。")),
            "{s}"
        );
        desk.key(k(KeyCode::F(2))).await;
        let s = desk.screen();
        assert!(
            s.contains(&format!("投诉{old}不属本局管辖，告知向{BUREAU}提出。")),
            "{s}"
        );
        // The screen names its key, not the command line's command.
        assert!(s.contains("按 p 出具书面通知投诉人的"), "{s}");
        assert!(!s.contains("notice render"), "{s}");
        assert!(s.contains("待受理投诉（1，超期0）"), "{s}");
        assert!(s.contains("p 出具刚决定投诉的书面通知"), "{s}");
        // p: the notice to the complainant, written to the documents folder.
        let folder = tempfile::tempdir().unwrap();
        desk.set_printing(hrss_desk::printing::Settings {
            documents_dir: Some(folder.path().display().to_string()),
            ..Default::default()
        });
        desk.key(k(KeyCode::Char('p'))).await;
        let written: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            written.len() == 1 && written[0].ends_with(".docx"),
            "{written:?}: {:?}",
            desk.app.message
        );
        let said = desk.app.message.clone().unwrap_or_default();
        assert!(said.contains(&written[0]), "{said}");
        assert_eq!(
            db.text(&format!(
                "SELECT decision || '|' || referred_to FROM complaint WHERE id = {old}"
            ))
            .await,
            format!("elsewhere|{BUREAU}"),
            "{}",
            db.label
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM inspection_case WHERE complaint_id = {old}"
            ))
            .await,
            0
        );
        store.close().await;
    }
}

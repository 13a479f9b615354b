//! Registering a complaint on screen whose respondent fits several
//! employers (issue 22, point 2): the form lists them whole — name, credit
//! code, town, legal representative —, two firms of one name told apart,
//! and the one chosen is the complaint's respondent. An office database
//! fed through the program's own commands, nothing of the demo.

use crate::common;

use common::TestDb;
use common::cli::hrss;
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

//! Every guarded act on the screen, tried by every role that may not do it:
//! the real app and effect runner against a demo database (the headless
//! desk), keys typed as a desk would. The refusal is one sentence on the
//! screen, no form opens, and nothing is written (the audit log, which every
//! change enters, does not grow). The roles that may, get the form.

use crate::common;

use common::{TestDb, demo_store};
use hrss_desk::domain::Role;
use hrss_desk::i18n::Lang;
use hrss_desk::store::{DatabaseUrl, Store};
use hrss_desk::tui::headless::Desk;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn enter() -> KeyEvent {
    KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
}

/// A guarded act: how to reach it, the sentence a refused role sees, and
/// what a role that may sees instead.
struct Act {
    name: &'static str,
    keys: Vec<KeyEvent>,
    allowed: &'static [&'static str],
    refused: &'static str,
    opened: &'static str,
    /// The refusal is said inside the panel the act opens (a filing's
    /// decision shows its problems beside it), so the panel is there.
    in_panel: bool,
}

fn acts() -> Vec<Act> {
    vec![
        Act {
            name: "approve a filing (a)",
            keys: vec![key('1'), key('a')],
            allowed: &["clerk", "chief"],
            refused: "只有窗口人员、科室负责人可以办结或退回参保申报。",
            opened: "办结申报",
            in_panel: true,
        },
        Act {
            name: "return a filing (Enter, r)",
            keys: vec![key('1'), enter(), key('r')],
            allowed: &["clerk", "chief"],
            refused: "只有窗口人员、科室负责人可以办结或退回参保申报。",
            opened: "Ctrl-S 或 F2",
            in_panel: true,
        },
        Act {
            name: "receive a filing (n)",
            keys: vec![key('1'), key('n')],
            allowed: &["clerk", "chief"],
            refused: "只有窗口人员、科室负责人可以收件登记参保申报。",
            opened: "收件登记（1/2）",
            in_panel: false,
        },
        Act {
            name: "reveal a person (Enter, v)",
            keys: vec![key('5'), enter(), key('v')],
            allowed: &["clerk", "chief"],
            refused: "您的角色无权查看完整个人信息。",
            opened: "理由",
            in_panel: false,
        },
        Act {
            name: "record an inspection (Enter, c)",
            keys: vec![key('4'), enter(), key('c')],
            allowed: &["inspector", "chief"],
            refused: "只有劳动保障监察员、科室负责人可以记录检查和结算数据。",
            opened: "记录检查：",
            in_panel: false,
        },
        Act {
            name: "take a ladder step (Enter, s)",
            keys: vec![key('4'), enter(), key('s')],
            allowed: &["chief"],
            refused: "只有科室负责人可以按阶梯作出处理。",
            opened: "处理措施",
            in_panel: false,
        },
        Act {
            name: "assign a case (Enter, i)",
            keys: vec![key('3'), enter(), key('i')],
            allowed: &["chief"],
            refused: "只有科室负责人可以指派案件承办人。",
            opened: "[ ] ",
            in_panel: false,
        },
        Act {
            // Issue 22: the complaints inbox is the view chooser's first row.
            name: "decide a complaint (f, Up, Enter, m)",
            keys: vec![
                key('3'),
                key('f'),
                KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
                enter(),
                key('m'),
            ],
            allowed: &["chief"],
            refused: "只有科室负责人可以作出投诉受理决定。",
            opened: "属劳动争议",
            in_panel: false,
        },
        Act {
            name: "add evidence to a case (Enter, e)",
            keys: vec![key('3'), enter(), key('e')],
            allowed: &["inspector", "chief", "legal"],
            refused: "只有劳动保障监察员、科室负责人、法制审核人员可以登记案卷证据或文书。",
            opened: "登记证据",
            in_panel: false,
        },
        Act {
            name: "record a lead (Enter, n)",
            keys: vec![key('4'), enter(), key('n')],
            allowed: &["clerk", "inspector", "chief"],
            refused: "只有窗口人员、劳动保障监察员、科室负责人可以登记线索。",
            opened: "内容摘要",
            in_panel: false,
        },
        Act {
            // Printing writes a numbered document: only the refusal is
            // tried here (tests/cli_notice.rs prints).
            name: "print a document (Enter, p)",
            keys: vec![key('3'), enter(), key('p')],
            allowed: &["clerk", "inspector", "chief", "legal"],
            refused: "只有窗口人员、劳动保障监察员、科室负责人、法制审核人员可以出具文书。",
            opened: "",
            in_panel: false,
        },
    ]
}

/// One staff member of each role alone, added to the demo's staff.
async fn single_role_staff(store: &Store) -> Vec<(&'static str, hrss_desk::domain::Staff)> {
    let mut out = Vec::new();
    for (code, login, role) in [
        ("clerk", "t-clerk", Role::Clerk),
        ("inspector", "t-inspector", Role::Inspector),
        ("chief", "t-chief", Role::Chief),
        ("legal", "t-legal", Role::Legal),
        ("admin", "t-admin", Role::Admin),
    ] {
        let s = store
            .add_staff("test", login, login, &[role], false)
            .await
            .unwrap();
        out.push((code, s));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn every_guarded_act_on_screen_is_refused_for_every_role_that_may_not() {
    let db = TestDb::sqlite();
    let store = demo_store(&db, 300).await;
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let staff = single_role_staff(&store).await;
    let mut refusals = 0;
    for act in acts() {
        for (role, who) in &staff {
            if act.opened.is_empty() && act.allowed.contains(role) {
                continue;
            }
            let before = db.scalar("SELECT COUNT(*) FROM audit_log").await;
            let mut desk = Desk::open(&store, &url, who, Lang::Zh, today, (100, 30)).await;
            for k in &act.keys {
                desk.key(*k).await;
            }
            let screen = desk.screen();
            if act.allowed.contains(role) {
                assert!(
                    screen.contains(act.opened) && !screen.contains(act.refused),
                    "{}: a {role} may, and gets on:\n{screen}",
                    act.name
                );
            } else {
                assert!(
                    screen.contains(act.refused)
                        && (act.in_panel || act.opened.is_empty() || !screen.contains(act.opened)),
                    "{}: a {role} may not, and is told so in one sentence:\n{screen}",
                    act.name
                );
                assert_eq!(
                    db.scalar("SELECT COUNT(*) FROM audit_log").await,
                    before,
                    "{}: refused for a {role}, nothing written",
                    act.name
                );
                refusals += 1;
            }
        }
    }
    // 11 acts × 5 roles, less the 23 allowed pairs.
    assert_eq!(refusals, 32);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refusal_names_who_may_in_english_too() {
    let db = TestDb::sqlite();
    let store = demo_store(&db, 300).await;
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
    let mut desk = Desk::open(&store, &url, &clerk, Lang::En, today, (100, 30)).await;
    for k in [key('4'), enter(), key('s')] {
        desk.key(k).await;
    }
    let screen = desk.screen();
    assert!(
        screen.contains("Only these roles may take a step of a sanction ladder: Section chief."),
        "{screen}"
    );
}

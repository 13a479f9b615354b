//! The message line never loses a message's end (issue 21, point 5): a
//! message wider than the screen wraps onto up to three rows, the list
//! giving way; a longer one ends on the key that opens it whole, and that
//! key opens the last message said even after it was cleared.

use crate::common;
use common::tui::*;
use hrss_desk::i18n::Lang;
use hrss_desk::tui::app::{App, Overlay};
use ratatui::crossterm::event::KeyCode;

/// The screen's rows with their trailing spaces cut, joined: a Chinese
/// sentence wrapped across rows reads whole again.
fn joined(s: &str) -> String {
    s.lines().map(str::trim_end).collect()
}

fn opened_whole(a: &App) -> Option<String> {
    match &a.overlay {
        Some(Overlay::Text { lines, .. }) => Some(lines.join("\n")),
        _ => None,
    }
}

#[test]
fn a_message_wider_than_the_screen_wraps_and_the_list_gives_way() {
    let mut a = app(Lang::Zh, 80, 24);
    let rows = a.list_height();
    let tail = "请携带原件到窗口核对。";
    a.message = Some(format!("{}{tail}", "已退回申报，材料不齐；".repeat(5)));
    let s = draw(&a);
    assert!(joined(&s).contains(tail), "{s}");
    assert!(!s.contains("看全文"), "{s}");
    assert_eq!(a.list_height(), rows - 1);
    // One that fits keeps one row.
    a.message = Some("已办结。".into());
    assert_eq!(a.list_height(), rows);
}

#[test]
fn a_message_longer_than_three_rows_opens_whole_on_its_key() {
    let mut a = app(Lang::Zh, 80, 24);
    let rows = a.list_height();
    let parts: Vec<String> = (1..=30)
        .map(|n| format!("第{n}件：身份证号码校验位不符；"))
        .collect();
    let whole = parts.concat();
    a.message = Some(whole.clone());
    let s = draw(&a);
    assert!(s.contains("…（Ctrl-G 看全文）"), "{s}");
    assert!(
        joined(&s).contains("第1件") && !joined(&s).contains("第30件"),
        "{s}"
    );
    assert_eq!(a.list_height(), rows - 2);
    ctrl(&mut a, 'g');
    assert_eq!(opened_whole(&a).as_deref(), Some(whole.as_str()));
    let s = draw(&a);
    assert!(
        s.contains("消息全文") && joined(&s).contains("第30件"),
        "{s}"
    );
    // Closed, and the message cleared from its line: the key still opens it.
    typed(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
    typed(&mut a, KeyCode::Esc);
    assert!(a.message.is_none(), "{:?}", a.message);
    ctrl(&mut a, 'g');
    assert_eq!(opened_whole(&a).as_deref(), Some(whole.as_str()));
}

#[test]
fn with_nothing_said_yet_the_key_says_so_and_english_wraps_at_spaces() {
    let mut a = app(Lang::En, 80, 24);
    ctrl(&mut a, 'g');
    assert!(a.overlay.is_none());
    assert_eq!(a.message.as_deref(), Some("Nothing has been said yet."));
    let tail = "bring the originals to the counter.";
    a.message = Some(format!(
        "{}{tail}",
        "Returned for correction: papers missing; ".repeat(2)
    ));
    let s = draw(&a);
    let rows: Vec<&str> = s.lines().collect();
    // The second row carries on where the first broke, at a space.
    assert!(rows.iter().any(|r| r.trim_end().ends_with(tail)), "{s}");
}

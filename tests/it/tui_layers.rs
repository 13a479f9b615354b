//! Overlays are layers with keymap sections (issue 20, point 2): a picker
//! moves with the keys `[pick]` names, a rebound `down` included; `?` (or
//! F1 where keys are text) lists the overlay's own keys and Esc goes back to
//! it; Ctrl-C closes whatever is on top and quits only from a pane.

use crate::common;
use common::tui::*;
use hrss_desk::i18n::Lang;
use hrss_desk::tui::action::Action;
use hrss_desk::tui::app::{App, AppEvent, Overlay};
use hrss_desk::tui::keymap::{Keymap, ProblemKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn ctrl(a: &mut App, c: char) {
    let fx = a.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
    feed(a, fx);
}

fn case_views(a: &App) -> Option<usize> {
    match &a.overlay {
        Some(Overlay::CaseViews { cursor }) => Some(*cursor),
        _ => None,
    }
}

/// The case queue's view chooser, open.
fn views_open(lang: Lang) -> App {
    let mut a = app(lang, 100, 30);
    act(&mut a, Action::Pane3);
    act(&mut a, Action::Scope);
    // Row 0 is the complaints inbox: the view in use is row 1.
    assert_eq!(case_views(&a), Some(1), "{:?}", a.overlay);
    a
}

#[test]
fn a_rebound_down_moves_in_every_picker_and_in_the_palette() {
    let mut a = views_open(Lang::Zh);
    a.keymap = Keymap::from_text(
        r#"[pick]
           prepend_keymap = [{ on = "<C-n>", run = "down" }, { on = "<C-p>", run = "up" }]
           [input]
           prepend_keymap = [{ on = "<C-n>", run = "down" }]"#,
        "mine.toml",
    );
    assert!(a.keymap.problems.is_empty(), "{:?}", a.keymap.problems);
    ctrl(&mut a, 'n');
    ctrl(&mut a, 'n');
    assert_eq!(case_views(&a), Some(3), "Ctrl-N is down in a picker now");
    ctrl(&mut a, 'p');
    assert_eq!(case_views(&a), Some(2));
    // The shipped keys still work beside it, and G goes to the last row.
    typed(&mut a, KeyCode::Char('j'));
    assert_eq!(case_views(&a), Some(3));
    typed(&mut a, KeyCode::Char('G'));
    assert!(case_views(&a).unwrap() > 3);
    typed(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
    // The problems picker, another of the same kind.
    act(&mut a, Action::Pane1);
    act(&mut a, Action::ProblemFilter);
    ctrl(&mut a, 'n');
    assert!(matches!(a.overlay, Some(Overlay::Problems { cursor: 1 })));
    typed(&mut a, KeyCode::Esc);
    // The palette moves with [input]'s keys.
    act(&mut a, Action::Palette);
    ctrl(&mut a, 'n');
    match &a.overlay {
        Some(Overlay::Palette(p)) => assert_eq!(p.selected, 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn question_mark_in_a_picker_lists_its_keys_and_esc_goes_back_to_it() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = views_open(lang);
        typed(&mut a, KeyCode::Down);
        typed(&mut a, KeyCode::Char('?'));
        assert!(
            matches!(&a.overlay, Some(Overlay::Help { under: Some(u), .. })
                if matches!(**u, Overlay::CaseViews { cursor: 2 })),
            "{:?}",
            a.overlay
        );
        let s = draw(&a);
        let (choose, close, here) = match lang {
            Lang::Zh => ("选定", "关闭（同 Esc", "此处按键"),
            Lang::En => ("Choose", "Close (as Esc", "keys here"),
        };
        assert!(
            s.contains(choose) && s.contains(close) && s.contains(here),
            "{s}"
        );
        // Only the picker's keys: none of the pane's or the record's.
        for pane_key in ["办理案件的下一步", "Take a step", "下一面板", "Next pane"] {
            assert!(!s.contains(pane_key), "{pane_key} in\n{s}");
        }
        typed(&mut a, KeyCode::Esc);
        assert_eq!(case_views(&a), Some(2), "back in the picker, where it was");
    }
}

#[test]
fn f1_in_a_form_lists_its_keys_and_keeps_what_was_typed() {
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane3);
    act(&mut a, Action::NewComplaint);
    for c in "张?".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    let typed_text = |a: &App| match &a.overlay {
        Some(Overlay::Form(f)) => f.fields[f.focus].text.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(typed_text(&a), "张?", "? is text in a form");
    typed(&mut a, KeyCode::F(1));
    let s = draw(&a);
    assert!(
        s.contains("F2") && s.contains("提交") && s.contains("Shift-Tab") && s.contains("← →"),
        "{s}"
    );
    typed(&mut a, KeyCode::Esc);
    assert_eq!(typed_text(&a), "张?");
}

#[test]
fn ctrl_c_closes_what_is_on_top_in_every_layer_and_quits_only_from_a_pane() {
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane3);
    let opens: [(&str, Action); 4] = [
        ("pick", Action::Scope),
        ("input", Action::Palette),
        ("text", Action::Help),
        ("form", Action::NewComplaint),
    ];
    for (layer, open) in opens {
        act(&mut a, open);
        assert_eq!(a.overlay.as_ref().map(|o| o.layer().section()), Some(layer));
        ctrl(&mut a, 'c');
        assert!(a.overlay.is_none() && !a.quit, "{layer}: {:?}", a.overlay);
    }
    // Help over a picker: Ctrl-C closes the help and leaves the picker.
    act(&mut a, Action::Scope);
    typed(&mut a, KeyCode::Char('?'));
    ctrl(&mut a, 'c');
    assert_eq!(case_views(&a), Some(1));
    ctrl(&mut a, 'c');
    assert!(a.overlay.is_none() && !a.quit);
    ctrl(&mut a, 'c');
    assert!(a.quit, "with nothing open, Ctrl-C quits");
}

#[test]
fn a_letter_bound_where_keys_are_text_is_a_problem_and_stays_text() {
    let k = Keymap::from_text(
        r#"[input]
           prepend_keymap = [{ on = "j", run = "down" }]"#,
        "mine.toml",
    );
    assert!(
        k.problems
            .iter()
            .any(|p| p.what == ProblemKind::TypedKey("j".into()) && p.section == "input"),
        "{:?}",
        k.problems
    );
    assert!(k.problems[0].sentence(Lang::Zh).contains("输入的文字"));
    let mut a = app(Lang::Zh, 100, 30);
    a.keymap = k;
    act(&mut a, Action::Palette);
    typed(&mut a, KeyCode::Char('j'));
    match &a.overlay {
        Some(Overlay::Palette(p)) => assert_eq!(p.query, "j"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_palette_offers_no_key_that_only_a_form_understands() {
    let mut a = app(Lang::En, 100, 30);
    act(&mut a, Action::Palette);
    for c in "submit".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    match &a.overlay {
        Some(Overlay::Palette(p)) => {
            assert!(!p.matches.iter().any(|m| m.layer_only()), "{:?}", p.matches)
        }
        other => panic!("{other:?}"),
    }
}

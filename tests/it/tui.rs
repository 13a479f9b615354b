//! The screens, drawn from fixed state (no terminal, no database): snapshots
//! of every pane in both languages at 80×24 and 120×40, and keys → actions.
#![allow(clippy::inconsistent_digit_grouping)] // amounts in fen: 6_420_00 is 6,420.00 yuan

use crate::common;

use chrono::TimeZone;
use common::tui::*;
use hrss_desk::domain::{Role, WorkCalendar};
use hrss_desk::i18n::Lang;
use hrss_desk::store::*;
use hrss_desk::tui::action::Action;
use hrss_desk::tui::app::{App, AppEvent, Effect, Overlay, Who};
use hrss_desk::tui::keymap::Keymap;
use hrss_desk::tui::pane::{LoadMode, PaneId};
use hrss_desk::tui::render::{render, screen_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use ratatui::{Terminal, backend::TestBackend};

const PANES: [(Action, &str); 6] = [
    (Action::Pane1, "filings"),
    (Action::Pane2, "licences"),
    (Action::Pane3, "cases"),
    (Action::Pane4, "supervision"),
    (Action::Pane5, "persons"),
    (Action::Pane6, "dashboard"),
];

#[test]
fn every_pane_in_both_languages_at_both_sizes() {
    for (lang, l) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = app(lang, w, h);
            for (action, name) in PANES {
                act(&mut a, action);
                let screen = draw(&a);
                insta::assert_snapshot!(format!("{name}_{l}_{w}x{h}"), screen);
            }
        }
    }
}

#[test]
fn no_screen_leaks_a_raw_escape_or_a_full_id_number() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(lang, 120, 40);
        for (action, _) in PANES {
            act(&mut a, action);
            let s = draw(&a);
            assert!(!s.contains('\u{1b}'), "{s}");
            if action == Action::Pane1 {
                assert!(s.contains("<U+001B>"), "the escape is shown, defused: {s}");
            }
            assert!(!s.contains("130110199003070015"), "{s}");
            assert!(!s.contains("19900307"), "birth date shown: {s}");
        }
    }
}

#[test]
fn detail_help_palette_and_filter_screens() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane2);
    typed(&mut a, KeyCode::Enter);
    insta::assert_snapshot!("licence_detail_zh_80x24", draw(&a));
    typed(&mut a, KeyCode::Esc);
    // Leave the lookup's query line first: `?` would be typed into it.
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Char('?'));
    insta::assert_snapshot!("help_licences_zh_80x24", draw(&a));
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Char(':'));
    for c in "xkcx".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    insta::assert_snapshot!("palette_zh_80x24", draw(&a));
    typed(&mut a, KeyCode::Esc);
    act(&mut a, Action::Pane1);
    typed(&mut a, KeyCode::Enter);
    insta::assert_snapshot!("filing_detail_zh_80x24", draw(&a));
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Char('/'));
    for c in "曾".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    insta::assert_snapshot!("filter_zh_80x24", draw(&a));
    let mut e = app(Lang::En, 80, 24);
    typed(&mut e, KeyCode::Char('?'));
    insta::assert_snapshot!("help_filings_en_80x24", draw(&e));
}

#[test]
fn a_terminal_below_80_by_24_is_told_so_and_recovers_on_resize() {
    let mut a = app(Lang::Zh, 70, 20);
    let s = draw(&a);
    assert!(s.contains("终端窗口太小") && s.contains("70×20"), "{s}");
    a.handle(AppEvent::Resize(80, 24));
    let s = draw(&a);
    assert!(s.contains("参保审核") && !s.contains("太小"), "{s}");
}

#[test]
fn the_hint_line_names_the_keys_of_the_keymap_in_force_and_of_the_place() {
    // Issue 21, point 8: with the function keys, `?` and `q` do nothing.
    let mut a = app(Lang::Zh, 100, 30);
    a.keymap = hrss_desk::tui::keymap::Keymap::shipped("function-keys").unwrap();
    let s = draw(&a);
    let hints = s.lines().nth(28).unwrap();
    assert!(
        hints.contains("F1 帮助") && hints.contains("F2 命令") && hints.contains("F3 筛选"),
        "{hints}"
    );
    assert!(
        hints.contains("F10 退出") && !hints.contains("q 退出"),
        "{hints}"
    );
    assert!(!hints.contains("? 帮助"), "{hints}");
    // In a record, filtering and opening are not keys of the place.
    a.keymap = hrss_desk::tui::keymap::Keymap::shipped("default").unwrap();
    typed(&mut a, KeyCode::Enter);
    let hints = draw(&a).lines().nth(28).unwrap().to_string();
    assert!(
        hints.contains("? 帮助") && !hints.contains("筛选"),
        "{hints}"
    );
}

#[test]
fn a_message_stays_with_its_pane_and_esc_puts_the_queues_scope_back() {
    // Issue 21, point 11.
    let mut a = app(Lang::Zh, 100, 30);
    typed(&mut a, KeyCode::Char(' '));
    assert!(a.message.is_some());
    act(&mut a, Action::Pane3);
    assert!(a.message.is_none(), "{:?}", a.message);
    act(&mut a, Action::Pane1);
    a.review.tagged.clear();
    typed(&mut a, KeyCode::Char('f'));
    typed(&mut a, KeyCode::Char('f'));
    assert_ne!(a.review.queue, hrss_desk::tui::review::QueueChoice::All);
    let fx = key(&mut a, KeyCode::Esc);
    assert_eq!(a.review.queue, hrss_desk::tui::review::QueueChoice::All);
    assert!(matches!(fx.as_slice(), [Effect::LoadPage(_)]), "{fx:?}");
}

#[test]
fn from_a_filing_o_opens_its_person_and_esc_comes_back_to_the_filing() {
    // Issue 21, point 10: from a filing to its person was a dead end.
    let mut a = app(Lang::Zh, 100, 30);
    typed(&mut a, KeyCode::Enter);
    assert_eq!(a.detail.as_ref().unwrap().kind, ListKind::Filings);
    // v says where it works and what to press here.
    assert!(key(&mut a, KeyCode::Char('v')).is_empty());
    assert!(draw(&a).contains("按 o 打开其参保人员"), "{}", draw(&a));
    let fx = key(&mut a, KeyCode::Char('o'));
    assert_eq!(
        fx,
        vec![Effect::LoadDetail {
            kind: ListKind::Persons,
            id: 1
        }]
    );
    assert_eq!(a.detail.as_ref().unwrap().kind, ListKind::Persons);
    assert!(key(&mut a, KeyCode::Esc).is_empty());
    let back = a.detail.as_ref().expect("back in the filing");
    assert_eq!((back.kind, back.id), (ListKind::Filings, 1));
    assert!(back.detail.is_some(), "as it was, not read again");
    typed(&mut a, KeyCode::Esc);
    assert!(a.detail.is_none(), "and then to the queue");
}

#[test]
fn the_status_lines_counts_are_whole_at_80_columns_the_roles_giving_way() {
    // Issue 21, point 7: each count named, none cut; issue 22: the
    // complaints waiting for their decision among them.
    for (lang, complaints, end) in [
        (
            Lang::En,
            "complaints 1/3",
            "late: filings 4/300, complaints 1/3, cases 12",
        ),
        (Lang::Zh, "待受理投诉3（超期1）", "超期案件12"),
    ] {
        let mut a = app(lang, 80, 24);
        typed(&mut a, KeyCode::Char(' '));
        let s = draw(&a);
        let status = s.lines().last().unwrap().trim_end();
        assert!(status.ends_with(end), "{status}");
        assert!(status.contains(complaints), "{status}");
        assert!(status.contains("赵静 (zhaojing)"), "{status}");
    }
}

#[test]
fn a_records_page_scrolls_by_a_screen_and_back_to_its_top() {
    let mut a = app(Lang::Zh, 80, 24);
    typed(&mut a, KeyCode::Enter);
    let cursor = a.list().unwrap().cursor;
    typed(&mut a, KeyCode::PageDown);
    let page = a.list_height() as u16;
    assert_eq!(a.detail.as_ref().unwrap().scroll, page);
    let ctrl_b = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::CONTROL);
    a.handle(AppEvent::Key(ctrl_b));
    assert_eq!(a.detail.as_ref().unwrap().scroll, 0);
    typed(&mut a, KeyCode::PageDown);
    typed(&mut a, KeyCode::Char('g'));
    assert_eq!(a.detail.as_ref().unwrap().scroll, 0);
    assert_eq!(a.list().unwrap().cursor, cursor, "the list behind stays");
    // Scrolled past its end, the page still shows its last lines.
    for _ in 0..20 {
        typed(&mut a, KeyCode::PageDown);
    }
    assert!(draw(&a).contains("─"), "{}", draw(&a));
    assert!(
        draw(&a)
            .lines()
            .filter(|l| l.trim_matches(['│', ' ']).is_empty())
            .count()
            < 20
    );
}

#[test]
fn while_the_screen_is_too_small_keys_decide_nothing_unseen() {
    // Issue 21, point 4: at 70×20, `r` then Ctrl-S returned a filing.
    let mut a = app(Lang::Zh, 70, 20);
    assert!(draw(&a).contains("q 退出"), "{}", draw(&a));
    assert!(key(&mut a, KeyCode::Char('r')).is_empty());
    assert!(a.overlay.is_none(), "{:?}", a.overlay);
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(a.handle(AppEvent::Key(ctrl_s)).is_empty());
    for k in [
        KeyCode::Char('a'),
        KeyCode::Enter,
        KeyCode::Char('3'),
        KeyCode::F(2),
    ] {
        assert!(key(&mut a, k).is_empty(), "{k:?} acted");
    }
    assert_eq!(a.pane, hrss_desk::tui::pane::PaneId::Filings);
    // A notice open when the window shrank is not sent by its keys.
    a.handle(AppEvent::Resize(80, 24));
    typed(&mut a, KeyCode::Char('r'));
    assert!(
        matches!(a.overlay, Some(Overlay::Notice { .. })),
        "{:?}",
        a.overlay
    );
    a.handle(AppEvent::Resize(70, 20));
    assert!(a.handle(AppEvent::Key(ctrl_s)).is_empty());
    assert!(key(&mut a, KeyCode::F(2)).is_empty());
    // Ctrl-C closes it as ever, keeping the edit; then q quits.
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    a.handle(AppEvent::Key(ctrl_c));
    assert!(a.overlay.is_none() && !a.quit);
    assert!(a.review.notices.contains_key(&1));
    key(&mut a, KeyCode::Char('q'));
    assert!(a.quit);
}

#[test]
fn chinese_is_never_cut_in_half_at_80_columns() {
    // Every row is exactly 80 columns wide: a split character would make it 79 or 81.
    use unicode_width::UnicodeWidthStr;
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(lang, 80, 24);
        for (action, _) in PANES {
            act(&mut a, action);
            let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
            t.draw(|f| render(f, &a)).unwrap();
            let buf = t.backend().buffer();
            for y in 0..24 {
                let mut line = String::new();
                let mut skip = 0;
                for x in 0..80 {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let sym = buf[(x, y)].symbol();
                    skip = sym.width().saturating_sub(1);
                    line.push_str(sym);
                }
                assert_eq!(line.width(), 80, "row {y}: {line}");
            }
        }
    }
}

#[test]
fn tab_digits_and_shift_tab_switch_panes() {
    let mut a = app(Lang::Zh, 80, 24);
    assert_eq!(a.pane, PaneId::Filings);
    typed(&mut a, KeyCode::Tab);
    assert_eq!(a.pane, PaneId::Licences);
    typed(&mut a, KeyCode::BackTab);
    typed(&mut a, KeyCode::BackTab);
    assert_eq!(a.pane, PaneId::Dashboard);
    typed(&mut a, KeyCode::Char('3'));
    assert_eq!(a.pane, PaneId::Cases);
}

#[test]
fn typing_a_filter_reloads_the_list_and_esc_clears_it() {
    let mut a = app(Lang::Zh, 80, 24);
    key(&mut a, KeyCode::Char('/'));
    assert!(a.filtering);
    let fx = key(&mut a, KeyCode::Char('曾'));
    match fx.as_slice() {
        [Effect::LoadPage(ask)] => {
            assert_eq!(ask.request.filter, "曾");
            assert_eq!(ask.mode, LoadMode::Replace);
        }
        other => panic!("{other:?}"),
    }
    // q while typing is text, not quit.
    key(&mut a, KeyCode::Char('q'));
    assert!(!a.quit);
    assert_eq!(a.list().unwrap().filter, "曾q");
    let fx = key(&mut a, KeyCode::Esc);
    assert!(!a.filtering);
    assert!(matches!(fx.as_slice(), [Effect::LoadPage(ask)] if ask.request.filter.is_empty()));
}

#[test]
fn enter_opens_the_record_and_esc_goes_back() {
    let mut a = app(Lang::Zh, 80, 24);
    key(&mut a, KeyCode::Down);
    let fx = key(&mut a, KeyCode::Enter);
    assert_eq!(
        fx,
        vec![
            Effect::LoadDetail {
                kind: ListKind::Filings,
                id: 2
            },
            Effect::TakeLease { id: 2 }
        ]
    );
    assert!(a.detail.is_some());
    key(&mut a, KeyCode::Esc);
    assert!(a.detail.is_none());
}

#[test]
fn enter_typed_ahead_of_a_filtered_page_opens_the_row_that_comes() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane5);
    let first = a.list().unwrap().selected().unwrap().id();
    typed(&mut a, KeyCode::Char('/'));
    let fx = key(&mut a, KeyCode::Char('王'));
    let [Effect::LoadPage(ask)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    let ask = ask.clone();
    // `/王` Enter Enter, faster than the database: the old rows are still
    // shown, and the second Enter must not open one of them.
    assert!(key(&mut a, KeyCode::Enter).is_empty());
    assert!(key(&mut a, KeyCode::Enter).is_empty());
    assert!(a.detail.is_none());
    let ListItem::Person(mut wang) = rows(ListKind::Persons).remove(0) else {
        unreachable!()
    };
    wang.id = first + 7;
    wang.name = "王华".into();
    let wanted = wang.id;
    let page = vec![ListItem::Person(wang)];
    let fx = a.handle(AppEvent::Page {
        ask: ask.clone(),
        result: Ok(page.clone()),
    });
    assert_eq!(
        fx,
        vec![Effect::LoadDetail {
            kind: ListKind::Persons,
            id: wanted
        }]
    );
    assert_eq!(a.detail.as_ref().map(|d| d.id), Some(wanted));

    // A key typed after the Enter takes its place: nothing opens.
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Char('/'));
    let fx = key(&mut a, KeyCode::Char('李'));
    let [Effect::LoadPage(ask)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    let ask = ask.clone();
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Down);
    let fx = a.handle(AppEvent::Page {
        ask,
        result: Ok(page),
    });
    assert!(fx.is_empty(), "{fx:?}");
    assert!(a.detail.is_none());

    // A read that fails drops the Enter: the next page, a refresh's, opens nothing.
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Char('/'));
    let fx = key(&mut a, KeyCode::Char('赵'));
    let [Effect::LoadPage(ask)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    let ask = ask.clone();
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    a.handle(AppEvent::Page {
        ask,
        result: Err("数据库暂时无法连接".into()),
    });
    let again = a
        .apply(Action::Refresh)
        .into_iter()
        .find_map(|e| match e {
            Effect::LoadPage(ask) => Some(ask),
            _ => None,
        })
        .expect("a refresh reads the list again");
    let fx = a.handle(AppEvent::Page {
        ask: again,
        result: Ok(rows(ListKind::Persons)),
    });
    assert!(fx.is_empty(), "{fx:?}");
    assert!(a.detail.is_none());
}

#[test]
fn help_and_palette_open_and_the_palette_runs_what_was_typed() {
    let mut a = app(Lang::Zh, 80, 24);
    key(&mut a, KeyCode::Char('?'));
    assert!(matches!(a.overlay, Some(Overlay::Help { .. })));
    key(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
    key(&mut a, KeyCode::Char(':'));
    for c in "tj".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.pane, PaneId::Dashboard, "tj = 统计");
    key(&mut a, KeyCode::Char(':'));
    for c in "quit".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    let fx = key(&mut a, KeyCode::Enter);
    assert!(a.quit);
    assert_eq!(fx, vec![Effect::Quit]);
}

#[test]
fn moving_past_the_window_asks_for_the_next_page_by_key() {
    let mut a = app(Lang::Zh, 80, 24);
    // Make the list look longer than one page.
    let list = a.lists.get_mut(&ListKind::Persons).unwrap();
    list.items = (1..=100)
        .map(|id| {
            ListItem::Person(PersonItem {
                id,
                name: "人".into(),
                id_number: String::new(),
                employer_name: None,
                status: hrss_desk::domain::PersonStatus::parse("active").unwrap(),
                contribution_base: 0,
            })
        })
        .collect();
    list.loaded_once = true;
    list.at_bottom = false;
    act(&mut a, Action::Pane5);
    let fx = a.apply(Action::PageDown);
    assert!(fx.is_empty());
    let mut asked = None;
    for _ in 0..100 {
        let fx = key(&mut a, KeyCode::Char('j'));
        if let [Effect::LoadPage(ask)] = fx.as_slice() {
            asked = Some(ask.clone());
            break;
        }
    }
    let ask = asked.expect("a next page was asked for");
    assert_eq!(ask.mode, LoadMode::Append);
    assert_eq!(ask.request.from, Some(SortKey::Id(100)));
}

#[test]
fn keys_nobody_bound_do_nothing_and_l_switches_language() {
    let mut a = app(Lang::Zh, 80, 24);
    assert!(key(&mut a, KeyCode::Char('z')).is_empty());
    key(&mut a, KeyCode::Char('L'));
    assert_eq!(a.lang, Lang::En);
    assert!(draw(&a).contains("Filings"));
}

#[test]
fn a_broken_user_keymap_is_reported_not_fatal() {
    let mut k = Keymap::shipped("default").unwrap();
    k.merge(
        "[list]\nprepend_keymap = [{ on = \"<Hyper-j>\", run = \"down\" }]",
        "keymap.toml",
    );
    let cal = WorkCalendar::default();
    let who = Who {
        id: 1,
        name: "王芳".into(),
        login: "wangfang".into(),
        roles: vec![Role::Clerk],
    };
    let (mut a, fx) = App::new(who, Lang::Zh, "db".into(), k, cal, today(), (80, 24));
    feed(&mut a, fx);
    let s = draw(&a);
    assert!(s.contains("键位文件有1处问题"), "{s}");
    key(&mut a, KeyCode::Char('k'));
    let fx = a.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Char('k'),
        KeyModifiers::CONTROL,
    )));
    assert!(fx.is_empty());
    let s = draw(&a);
    assert!(s.contains("无法识别的按键“<Hyper-j>”"), "{s}");
}

/// What the terminal shows after scrolling by region must be exactly the frame
/// a full repaint would show.
#[test]
fn scrolling_a_list_by_region_shows_the_same_screen_as_a_repaint() {
    use hrss_desk::tui::screen::Screen;
    let mut a = app(Lang::Zh, 80, 24);
    whole_persons_list(&mut a, 60, "张");
    act(&mut a, Action::Pane5);
    let mut screen = Screen::new(Terminal::new(TestBackend::new(80, 24)).unwrap());
    screen.draw(&a).unwrap();
    for (action, times) in [(Action::Down, 30), (Action::Up, 25), (Action::Down, 3)] {
        for _ in 0..times {
            a.apply(action);
            screen.draw(&a).unwrap();
            let shown = screen_text(screen.terminal.backend().buffer());
            assert_eq!(shown, draw(&a));
        }
    }
}

/// A terminal made smaller while a list scrolls, before the program has heard
/// of the new size: drawn without a fault, and right once it has.
#[test]
fn a_terminal_shrunk_while_a_list_scrolls_is_drawn_without_a_fault() {
    use hrss_desk::tui::screen::Screen;
    let mut a = app(Lang::Zh, 80, 40);
    whole_persons_list(&mut a, 90, "张");
    act(&mut a, Action::Pane5);
    let mut screen = Screen::new(Terminal::new(TestBackend::new(80, 40)).unwrap());
    for _ in 0..40 {
        a.apply(Action::Down);
        screen.draw(&a).unwrap();
    }
    screen.terminal.backend_mut().resize(80, 24);
    a.apply(Action::Down);
    screen.draw(&a).unwrap();
    a.handle(AppEvent::Resize(80, 24));
    screen.draw(&a).unwrap();
    assert_eq!(screen_text(screen.terminal.backend().buffer()), draw(&a));
}

#[test]
fn typing_in_the_lookup_pane_searches_every_kind_and_the_scope_key_narrows() {
    let mut a = app(Lang::Zh, 80, 24);
    typed(&mut a, KeyCode::Char('2'));
    assert_eq!(a.pane, PaneId::Licences);
    assert!(a.lookup.editing, "the query takes the keys at once");
    assert!(draw(&a).contains("范围：全部"), "every kind at first");
    for c in "lqrl".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    let s = draw(&a);
    assert!(s.contains("查询：lqrl_"), "{s}");
    assert!(
        s.contains("(冀)人服证字[2023]第0107号") && s.contains("鹿泉区恒信"),
        "{s}"
    );
    insta::assert_snapshot!("lookup_lqrl_zh_80x24", s);
    // Ctrl-T walks the scope: licences, the HR-service kind only, then schools…
    ctrl(&mut a, 't');
    assert!(draw(&a).contains("范围：许可证与协议"));
    ctrl(&mut a, 't');
    assert!(draw(&a).contains("范围：人力资源服务许可证"));
    ctrl(&mut a, 't');
    let s = draw(&a);
    assert!(s.contains("没有与“lqrl”相符的记录"), "{s}");
    // On to persons: found by the initials of a two-character surname, listed masked.
    for _ in 0..5 {
        ctrl(&mut a, 't');
    }
    assert!(draw(&a).contains("范围：参保人员"));
    for _ in 0..4 {
        typed(&mut a, KeyCode::Backspace);
    }
    for c in "oyxy".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    let s = draw(&a);
    assert!(
        s.contains("欧阳秀英") && s.contains("130110************") && !s.contains("0015"),
        "{s}"
    );
    assert!(!s.contains("130110199003070015"));
    // The person's status in the persons pane's words, not the licences'.
    assert!(s.contains("参保缴费") && !s.contains("正常"), "{s}");
    let fx = key(&mut a, KeyCode::Enter);
    assert_eq!(
        fx,
        vec![Effect::LoadDetail {
            kind: ListKind::Persons,
            id: 1
        }]
    );
}

#[test]
fn the_query_line_lets_tab_move_on_and_says_when_it_is_left() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane2);
    // A credit code typed into the live line, digits and letters all text.
    for c in "91130".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    assert_eq!(
        (a.pane, a.lookup.query.as_str()),
        (PaneId::Licences, "91130")
    );
    // The hint line offers no key that would be typed, and the scope key.
    let s = draw(&a);
    let hints = s.lines().rev().nth(1).unwrap();
    assert!(
        hints.contains("F1 帮助") && hints.contains("Ctrl-T 换范围"),
        "{hints}"
    );
    assert!(
        !hints.contains("? 帮助") && !hints.contains("q 退出"),
        "{hints}"
    );
    // Tab goes on to the next pane from the line, as from everywhere.
    typed(&mut a, KeyCode::Tab);
    assert_eq!(a.pane, PaneId::Cases);
    act(&mut a, Action::Pane2);
    assert!(!draw(&a).contains("已离开查询行"));
    // Esc clears, Esc again leaves: the line says so in words.
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Esc);
    let s = draw(&a);
    assert!(
        s.contains("【已离开查询行：按键即命令，/ 回到查询】"),
        "{s}"
    );
    typed(&mut a, KeyCode::Char('/'));
    assert!(a.lookup.editing);
    assert!(!draw(&a).contains("已离开查询行"));
    // Back from a record opened from the hits, keys are commands and the
    // line says so: `4` goes to pane 4, the query as it was.
    for c in "鹿泉".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    typed(&mut a, KeyCode::Enter);
    assert!(a.detail.is_some());
    typed(&mut a, KeyCode::Esc);
    let s = draw(&a);
    assert!(
        s.contains("已离开查询行") && s.contains("查询：鹿泉"),
        "{s}"
    );
    let n = a.lookup.shown();
    assert!(n > 1, "{s}");
    typed(&mut a, KeyCode::Char('j'));
    assert_eq!(a.lookup.cursor, 1, "j moves through the hits: {s}");
    typed(&mut a, KeyCode::Char('4'));
    assert_eq!(a.pane, PaneId::Supervision);
    act(&mut a, Action::Pane2);
    assert_eq!(a.lookup.query, "鹿泉");
}

#[test]
fn esc_clears_the_query_then_leaves_it_and_keys_work_again() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane2);
    typed(&mut a, KeyCode::Char('q'));
    assert!(!a.quit, "q is typed, not quit");
    typed(&mut a, KeyCode::Esc);
    assert!(a.lookup.query.is_empty() && a.lookup.editing);
    // Help from the query line (F1, as `?` would be typed) says how its keys work.
    typed(&mut a, KeyCode::F(1));
    let fx = a.apply(Action::Help);
    assert!(fx.is_empty());
    assert!(draw(&a).contains("查询行"), "{}", draw(&a));
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Esc);
    assert!(!a.lookup.editing);
    typed(&mut a, KeyCode::Tab);
    assert_eq!(
        a.pane,
        PaneId::Cases,
        "Tab moves on once the query line is left"
    );
    act(&mut a, Action::Pane2);
    assert!(a.lookup.editing);
    // Esc then a key, typed fast, can arrive as one Alt key: it is both.
    typed(&mut a, KeyCode::Char('x'));
    a.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Esc,
        KeyModifiers::ALT,
    )));
    assert!(a.lookup.query.is_empty() && !a.lookup.editing);
    act(&mut a, Action::Pane2);
    typed(&mut a, KeyCode::Char('x'));
    typed(&mut a, KeyCode::Esc);
    a.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Char('5'),
        KeyModifiers::ALT,
    )));
    assert_eq!(
        a.pane,
        PaneId::Persons,
        "Esc leaves the query line, 5 goes to pane 5"
    );
}

/// The bytes the program sends, replayed in a terminal emulator, show exactly
/// the frame it meant: with the narrow backend's gaps and the region scrolls.
#[test]
fn what_the_terminal_shows_is_what_was_drawn() {
    use hrss_desk::tui::backend::NarrowBackend;
    use hrss_desk::tui::screen::Screen;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Tee(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Tee {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    let mut a = app(Lang::Zh, 100, 30);
    whole_persons_list(&mut a, 80, "欧阳");
    let tee = Tee::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    let mut screen = Screen::new(
        Terminal::with_options(
            NarrowBackend::new(CrosstermBackend::new(tee.clone())),
            options,
        )
        .unwrap(),
    );
    let nz = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut vt = vt100::Parser::new(nz(30), nz(100), 0);
    let mut check = |a: &App, screen: &mut Screen<NarrowBackend<CrosstermBackend<Tee>>>| {
        screen.draw(a).unwrap();
        let bytes = std::mem::take(&mut *tee.0.lock().unwrap());
        vt.process(&bytes);
        let shown: String = vt
            .screen()
            .rows(0, 100)
            .map(|r| format!("{}\n", r.trim_end()))
            .collect();
        assert_eq!(shown, draw(a));
        // Colours and attributes too: a blank's colour may be left unsent
        // only where it does not show.
        let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
        t.draw(|f| render(f, a)).unwrap();
        let meant = t.backend().buffer();
        for y in 0..30u16 {
            for x in 0..100u16 {
                let c = vt.screen().cell(y, x).unwrap();
                if c.is_wide_continuation() {
                    continue;
                }
                let m = &meant[(x, y)];
                let mut same = c.inverse() == m.modifier.contains(Modifier::REVERSED)
                    && c.underline() == m.modifier.contains(Modifier::UNDERLINED)
                    && c.bgcolor() == vt_color(m.bg);
                // (vt100 keeps the colours as set: reversed, the foreground
                // is what a blank shows.)
                if c.inverse() {
                    same &= c.fgcolor() == vt_color(m.fg);
                }
                if c.has_contents() && c.contents() != " " {
                    same &= c.fgcolor() == vt_color(m.fg)
                        && c.bold() == m.modifier.contains(Modifier::BOLD)
                        && c.dim() == m.modifier.contains(Modifier::DIM);
                }
                assert!(
                    same,
                    "({x}, {y}) {:?}: meant {m:?}, shown {c:?} in\n{}",
                    m.symbol(),
                    draw(a)
                );
            }
        }
    };
    check(&a, &mut screen);
    act(&mut a, Action::Pane5);
    check(&a, &mut screen);
    for (action, times) in [(Action::Down, 40), (Action::Up, 30), (Action::PageDown, 2)] {
        for _ in 0..times {
            a.apply(action);
            check(&a, &mut screen);
        }
    }
    act(&mut a, Action::Pane2);
    check(&a, &mut screen);
    for c in "lqrl".chars() {
        typed(&mut a, KeyCode::Char(c));
        check(&a, &mut screen);
    }
    typed(&mut a, KeyCode::Esc);
    check(&a, &mut screen);
    // Hits of other widths, a narrower scope, back to nothing typed.
    for c in "鹿泉".chars() {
        typed(&mut a, KeyCode::Char(c));
        check(&a, &mut screen);
    }
    for step in [Some('t'), None, Some('t')] {
        match step {
            Some(c) => ctrl(&mut a, c),
            None => typed(&mut a, KeyCode::Backspace),
        }
        check(&a, &mut screen);
    }
    typed(&mut a, KeyCode::Esc);
    check(&a, &mut screen);
    typed(&mut a, KeyCode::Esc);
    // Every pane, each drawn over the last.
    for (action, _) in PANES.iter().chain(PANES.iter().rev()) {
        act(&mut a, *action);
        check(&a, &mut screen);
    }
    typed(&mut a, KeyCode::Char('?'));
    check(&a, &mut screen);
    typed(&mut a, KeyCode::Esc);
    check(&a, &mut screen);
    // A broadcast written over the screen (`wall`, line noise): what the
    // program believes is shown is no longer so, until Ctrl-L repaints.
    tee.0.lock().unwrap().extend_from_slice(
        // (Its colours left set: the repaint must not clear with them.)
        "\x1b[12;5H\x1b[44mBroadcast message from root: \x1b[7msystem going down".as_bytes(),
    );
    a.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Char('l'),
        KeyModifiers::CONTROL,
    )));
    assert!(std::mem::take(&mut a.repaint));
    screen.clear().unwrap();
    check(&a, &mut screen);
}

/// An Enter typed ahead of a re-read that keeps the row near the page's end:
/// it opens as the rows come, not after the next page the list then asks for.
#[test]
fn enter_typed_ahead_opens_before_the_next_page_is_read() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane5);
    whole_persons_list(&mut a, 100, "张");
    for _ in 0..90 {
        a.apply(Action::Down);
    }
    let kept = a.list().unwrap().selected().unwrap().id();
    // A change at another desk: the list read again, keeping the row.
    let ask = a
        .handle(AppEvent::DataChanged)
        .into_iter()
        .find_map(|e| match e {
            Effect::LoadPage(ask) => Some(ask),
            _ => None,
        })
        .unwrap();
    assert!(key(&mut a, KeyCode::Enter).is_empty());
    let page = a.list().unwrap().items.clone();
    let fx = a.handle(AppEvent::Page {
        ask,
        result: Ok(page),
    });
    assert!(
        fx.iter().any(|e| matches!(e, Effect::LoadPage(_))),
        "the next page asked for: {fx:?}"
    );
    assert!(
        fx.contains(&Effect::LoadDetail {
            kind: ListKind::Persons,
            id: kept
        }),
        "{fx:?}"
    );
}

#[test]
fn ctrl_l_asks_for_a_repaint_wherever_the_keys_go() {
    let ctrl_l = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL);
    let mut a = app(Lang::Zh, 80, 24);
    // On the lookup's query line, where letters are typed: not typed.
    act(&mut a, Action::Pane2);
    typed(&mut a, KeyCode::Char('q'));
    a.handle(AppEvent::Key(ctrl_l));
    assert!(std::mem::take(&mut a.repaint));
    assert_eq!(a.lookup.query, "q");
    // In a filter being typed, and in the command palette.
    act(&mut a, Action::Pane5);
    typed(&mut a, KeyCode::Char('/'));
    a.handle(AppEvent::Key(ctrl_l));
    assert!(std::mem::take(&mut a.repaint));
    assert!(a.filtering && a.list().unwrap().filter.is_empty());
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Char(':'));
    a.handle(AppEvent::Key(ctrl_l));
    assert!(std::mem::take(&mut a.repaint));
    assert!(matches!(a.overlay, Some(Overlay::Palette(_))));
    typed(&mut a, KeyCode::Esc);
    // In the return notice's editor, which takes every other key.
    act(&mut a, Action::Pane1);
    typed(&mut a, KeyCode::Char('r'));
    assert!(matches!(a.overlay, Some(Overlay::Notice { .. })));
    a.handle(AppEvent::Key(ctrl_l));
    assert!(std::mem::take(&mut a.repaint));
    assert!(matches!(a.overlay, Some(Overlay::Notice { .. })));
    typed(&mut a, KeyCode::Esc);
    // And an Enter typed ahead stays typed.
    act(&mut a, Action::Pane5);
    typed(&mut a, KeyCode::Char('/'));
    key(&mut a, KeyCode::Char('欧'));
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.open_on_arrival, Some(ListKind::Persons));
    a.handle(AppEvent::Key(ctrl_l));
    assert_eq!(a.open_on_arrival, Some(ListKind::Persons));
}

/// The colour a terminal emulator reads for one of ratatui's.
fn vt_color(c: ratatui::style::Color) -> vt100::Color {
    use ratatui::style::Color::*;
    match c {
        Reset => vt100::Color::Default,
        Black => vt100::Color::Idx(0),
        Red => vt100::Color::Idx(1),
        Green => vt100::Color::Idx(2),
        Yellow => vt100::Color::Idx(3),
        Blue => vt100::Color::Idx(4),
        Magenta => vt100::Color::Idx(5),
        Cyan => vt100::Color::Idx(6),
        Gray => vt100::Color::Idx(7),
        DarkGray => vt100::Color::Idx(8),
        LightRed => vt100::Color::Idx(9),
        LightGreen => vt100::Color::Idx(10),
        LightYellow => vt100::Color::Idx(11),
        LightBlue => vt100::Color::Idx(12),
        LightMagenta => vt100::Color::Idx(13),
        LightCyan => vt100::Color::Idx(14),
        White => vt100::Color::Idx(15),
        Indexed(n) => vt100::Color::Idx(n),
        Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
    }
}

#[test]
fn refresh_reloads_the_list_the_counts_and_the_lookup_index() {
    let mut a = app(Lang::Zh, 80, 24);
    let fx = a.apply(Action::Refresh);
    assert!(fx.contains(&Effect::LoadCounts));
    assert!(fx.contains(&Effect::BuildIndex));
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadPage(_))));
}

#[test]
fn a_rebuilt_index_drops_the_old_hits_and_searches_afresh() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane2);
    for c in "lqrl".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    assert!(a.lookup.hits.as_ref().is_some_and(|h| !h.top.is_empty()));
    let fx = a.handle(AppEvent::IndexReady(Ok(fixture_index())));
    assert!(
        a.lookup.hits.is_none(),
        "old positions must not be shown against a new index"
    );
    match fx.as_slice() {
        [Effect::Search(ask)] => assert!(ask.previous.is_none(), "a fresh search, not a narrowing"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_returned_filings_detail_gives_the_day_to_correct_by_in_the_screens_language() {
    // Issue 21, point 1: where the return is shown, the day its notice gave.
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for (lang, by, line) in [
        (Lang::Zh, day(2026, 12, 18), "补正期限：2026-12-18"),
        (
            Lang::En,
            day(2026, 12, 18),
            "Correct and resubmit by: 2026-12-18",
        ),
        // In 2027, whose holiday notice is not published yet: said provisional.
        (Lang::Zh, day(2027, 1, 8), "补正期限：2027-01-08（注意："),
    ] {
        let mut a = app(lang, 100, 40);
        typed(&mut a, KeyCode::Enter);
        let mut returned = detail(ListKind::Filings, 1);
        if let Detail::Filing {
            decision,
            reason,
            intake,
            ..
        } = &mut returned
        {
            *decision = Some("return".into());
            *reason = "一次性告知书\n1. 缺少材料：劳动合同，请补交。\n".into();
            intake.correction_due = Some(by);
        }
        a.handle(AppEvent::Detail {
            kind: ListKind::Filings,
            id: 1,
            result: Ok(Some(returned)),
        });
        let s = draw(&a);
        assert!(s.contains(line), "{s}");
    }
}

#[test]
fn returning_a_filing_drafts_the_notice_with_every_problem_and_lets_the_clerk_edit_it() {
    use hrss_desk::domain::decision::Decision;
    let mut a = app(Lang::Zh, 80, 24);
    typed(&mut a, KeyCode::Char('r'));
    let s = draw(&a);
    assert!(
        s.contains("退回申报1") && s.contains("1. 缺少材料") && s.contains("2. 入职45天"),
        "{s}"
    );
    assert!(s.contains("Ctrl-S 或 F2"), "{s}");
    // The day to correct by is the program's to add, on its own line.
    assert!(
        s.contains("告知书末尾写明：请于2026年12月18日前补正材料后重新提交。"),
        "{s}"
    );
    insta::assert_snapshot!("return_notice_zh_80x24", s);
    // Enter breaks a line: the notice is text, edited anywhere.
    key(&mut a, KeyCode::Enter);
    for c in "请十日内补交".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    // Up to the second problem's line, to its end: strike the last character.
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::End);
    key(&mut a, KeyCode::Backspace);
    assert!(draw(&a).contains("请十日内补交"));
    let fx = a.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    match fx.as_slice() {
        [Effect::Decide(ask)] => {
            assert_eq!(
                (ask.id, ask.version, ask.decision),
                (1, 3, Decision::Return)
            );
            assert_eq!(
                ask.text,
                "一次性告知书\n1. 缺少材料：劳动合同，请补交。\n2. 入职45天后才申报，超过30天的登记期限\n请十日内补交\n",
            );
        }
        other => panic!("{other:?}"),
    }
    let fx = a.handle(AppEvent::Decided(Ok("申报1已退回更正。".into())));
    assert!(
        fx.contains(&Effect::LoadCounts),
        "the queue and counts reload"
    );
    assert!(draw(&a).contains("申报1已退回更正"));
    assert!(
        a.review.notices.is_empty(),
        "a notice sent is no longer kept"
    );
}

#[test]
fn a_notice_closed_with_esc_is_kept_and_f2_sends_it() {
    let mut a = app(Lang::En, 80, 24);
    typed(&mut a, KeyCode::Char('r'));
    for c in "Bring the contract.".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
    assert!(a.message.as_deref().unwrap().contains("kept"));
    typed(&mut a, KeyCode::Char('r'));
    assert!(draw(&a).contains("Bring the contract."), "{}", draw(&a));
    match key(&mut a, KeyCode::F(2)).as_slice() {
        [Effect::Decide(ask)] => {
            assert!(ask.text.ends_with("Bring the contract.\n"), "{}", ask.text)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn approving_over_problems_waits_for_the_chiefs_reason() {
    use hrss_desk::domain::decision::Decision;
    let mut a = app(Lang::En, 80, 24);
    typed(&mut a, KeyCode::Char('a'));
    assert!(draw(&a).contains("Reason to approve"), "{}", draw(&a));
    assert!(
        key(&mut a, KeyCode::Enter).is_empty(),
        "no reason, no approval"
    );
    for c in "originals seen".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::Decide(ask)] => {
            assert_eq!(ask.decision, Decision::Approve);
            assert_eq!(ask.text, "originals seen");
        }
        other => panic!("{other:?}"),
    }
    // Esc cancels without deciding; a refusal is shown and decides nothing.
    typed(&mut a, KeyCode::Char('a'));
    assert!(key(&mut a, KeyCode::Esc).is_empty());
    assert!(a.overlay.is_none());
    a.handle(AppEvent::Decided(Err("申报1已被他人修改".into())));
    assert!(draw(&a).contains("已被他人修改"));
}

#[test]
fn tags_are_counted_in_the_title_and_dropped_by_u_or_a_second_esc() {
    let mut a = app(Lang::En, 100, 30);
    typed(&mut a, KeyCode::Char(' '));
    typed(&mut a, KeyCode::Char(' '));
    let s = draw(&a);
    assert!(s.contains("· 2 tagged"), "the title: {s}");
    // The first Esc asks; the second drops them.
    typed(&mut a, KeyCode::Esc);
    assert_eq!(a.review.tagged.len(), 2);
    assert!(
        draw(&a).contains("Esc again drops every tag"),
        "{}",
        draw(&a)
    );
    typed(&mut a, KeyCode::Esc);
    assert!(a.review.tagged.is_empty());
    // Asked, then another key: the question lapses.
    act(&mut a, Action::Top);
    typed(&mut a, KeyCode::Char(' '));
    typed(&mut a, KeyCode::Esc);
    typed(&mut a, KeyCode::Down);
    typed(&mut a, KeyCode::Esc);
    assert_eq!(a.review.tagged.len(), 1, "the second Esc was not a second");
    // U drops them at once.
    typed(&mut a, KeyCode::Char('U'));
    assert!(a.review.tagged.is_empty());
    assert!(draw(&a).contains("1 tag(s) dropped"), "{}", draw(&a));
}

#[test]
fn decisions_belong_to_the_filings_pane_only() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane3);
    assert!(a.apply(hrss_desk::tui::action::Action::Approve).is_empty());
}

#[test]
fn tagged_filings_are_approved_together_and_clean_ones_tag_at_once() {
    let mut a = app(Lang::Zh, 80, 24);
    typed(&mut a, KeyCode::Char(' '));
    assert!(a.review.tagged.contains(&1));
    assert_eq!(a.list().unwrap().cursor, 1, "tagging moves on");
    assert!(draw(&a).contains("*参保登记"), "{}", draw(&a));
    typed(&mut a, KeyCode::Char('T'));
    assert_eq!(
        a.review.tagged.iter().copied().collect::<Vec<_>>(),
        vec![1, 2]
    );
    // Deciding many with one key is asked first, with the count and kinds.
    assert!(key(&mut a, KeyCode::Char('a')).is_empty(), "not yet");
    let s = draw(&a);
    assert!(
        s.contains("一并办结已标记的2件申报")
            && s.contains("参保登记  1件")
            && s.contains("Esc 取消"),
        "{s}"
    );
    assert!(draw(&a).contains("已标记2"), "counted in the status line");
    // Esc keeps the tags; a again, then Enter, approves them.
    typed(&mut a, KeyCode::Esc);
    assert_eq!(a.review.tagged.len(), 2);
    typed(&mut a, KeyCode::Char('a'));
    match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::ApproveTagged { ids, shown, .. }] => {
            assert_eq!(ids, &vec![1, 2]);
            // Named as the rows show them, for the sentence of those left out.
            assert_eq!(shown[0], (1, "曾晓东·参保登记·11-09".to_string()));
            assert_eq!(shown.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    a.handle(AppEvent::Decided(Ok(
        "已办结1件；以下有问题，未办结：1".into()
    )));
    assert!(a.review.tagged.is_empty());
    assert!(draw(&a).contains("未办结：1"));
    // Space again untags.
    act(&mut a, Action::Top);
    typed(&mut a, KeyCode::Char(' '));
    assert!(a.review.tagged.contains(&1));
    act(&mut a, Action::Top);
    typed(&mut a, KeyCode::Char(' '));
    assert!(!a.review.tagged.contains(&1));
}

#[test]
fn personal_data_is_revealed_only_with_a_reason_and_only_in_that_view() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane5);
    // A person detail, fed by hand (the fixtures have no person detail).
    a.detail = Some(hrss_desk::tui::app::DetailView {
        kind: ListKind::Persons,
        id: 1,
        detail: Some(Detail::Person {
            person: PersonRow {
                id: 1,
                id_number: "130110199003070015".into(),
                name: "欧阳秀英".into(),
                phone: "13812345678".into(),
                bank_account: "6222021234567890123".into(),
                employer_id: None,
                status: hrss_desk::domain::PersonStatus::parse("active").unwrap(),
                hired_on: None,
                last_paid_month: None,
                contribution_base: 0,
                pension_base: 0,
            },
            employer: None,
        }),
        error: None,
        scroll: 0,
        revealed: None,
        problems: None,
    });
    assert!(draw(&a).contains("130110********0015"));
    assert!(draw(&a).contains("个人信息已脱敏显示"));
    typed(&mut a, KeyCode::Char('v'));
    assert!(draw(&a).contains("须说明理由"), "{}", draw(&a));
    assert!(
        key(&mut a, KeyCode::Enter).is_empty(),
        "no reason, nothing shown"
    );
    // Refused in a sentence, not ignored (issue 21, point 10).
    assert!(draw(&a).contains("须写明理由"), "{}", draw(&a));
    assert!(
        matches!(a.overlay, Some(Overlay::Reveal { .. })),
        "still asking"
    );
    for c in "窗口核验".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        vec![Effect::Reveal {
            id: 1,
            reason: "窗口核验".into()
        }]
    );
    a.handle(AppEvent::Revealed {
        id: 1,
        result: Ok(Some(hrss_desk::store::RevealedPerson {
            id_number: "130110199003070015".into(),
            phone: "13812345678".into(),
            bank_account: "6222021234567890123".into(),
        })),
    });
    let s = draw(&a);
    assert!(
        s.contains("130110199003070015") && s.contains("13812345678"),
        "{s}"
    );
    // The note says what the screen shows now (issue 19, point 13).
    assert!(
        s.contains("个人信息完整显示") && !s.contains("已脱敏显示"),
        "{s}"
    );
    typed(&mut a, KeyCode::Esc);
    assert!(
        a.detail.is_none(),
        "leaving the view forgets what was revealed"
    );
    // A role that may not reveal is told so.
    let cal = WorkCalendar::default();
    let who = Who {
        id: 1,
        name: "杨强".into(),
        login: "yangqiang".into(),
        roles: vec![Role::Inspector],
    };
    let (mut b, _) = App::new(
        who,
        Lang::Zh,
        "db".into(),
        Keymap::shipped("default").unwrap(),
        cal,
        today(),
        (80, 24),
    );
    b.detail = a.detail.clone().or(Some(hrss_desk::tui::app::DetailView {
        kind: ListKind::Persons,
        id: 1,
        detail: None,
        error: None,
        scroll: 0,
        revealed: None,
        problems: None,
    }));
    b.apply(Action::Reveal);
    assert!(b.overlay.is_none());
    assert!(b.message.as_deref().unwrap_or("").contains("无权"));
}

#[test]
fn the_queue_shows_the_full_checks_count_once_it_is_known() {
    let mut a = app(Lang::Zh, 80, 24);
    // Before: the materials' count (filing 2 has none missing).
    let before = draw(&a);
    a.handle(AppEvent::ProblemCounts([(2, 3)].into_iter().collect()));
    let after = draw(&a);
    assert_ne!(before, after);
    let row = after.lines().find(|l| l.contains("单丽")).unwrap();
    assert!(row.trim_end_matches('│').trim_end().ends_with('3'), "{row}");
}

#[test]
fn f_walks_the_queue_through_each_kind_mine_and_due_soon() {
    use hrss_desk::tui::app::QueueChoice;
    let mut a = app(Lang::Zh, 80, 24);
    let fx = a.apply(Action::Scope);
    assert_eq!(
        a.review.queue,
        QueueChoice::Kind(hrss_desk::domain::FilingKind::Enroll)
    );
    match fx.as_slice() {
        [Effect::LoadPage(ask)] => assert_eq!(ask.request.scope.kind.as_deref(), Some("enroll")),
        other => panic!("{other:?}"),
    }
    assert!(draw(&a).contains("范围：参保登记"));
    for _ in 0..7 {
        a.apply(Action::Scope);
    }
    assert_eq!(a.review.queue, QueueChoice::Mine);
    assert_eq!(a.queue_scope().assigned_to, Some(1));
    a.apply(Action::Scope);
    assert_eq!(a.review.queue, QueueChoice::DueSoon);
    // Today is Fri 27 Nov 2026: due soon = due by Wed 2 Dec, so received by Wed 18 Nov
    // (18 Nov + 10 working days = 2 Dec); the end of that day in Beijing is 15:59:59 UTC.
    let by = a.queue_scope().received_by.unwrap();
    assert_eq!(by.format("%Y-%m-%d %H:%M").to_string(), "2026-11-18 15:59");
    a.apply(Action::Scope);
    assert_eq!(a.review.queue, QueueChoice::All);
    assert_eq!(a.queue_scope(), hrss_desk::store::QueueScope::default());
}

#[test]
fn opening_a_filing_takes_its_lease_and_one_held_by_another_is_marked_and_said() {
    let mut a = app(Lang::Zh, 80, 24);
    let s = draw(&a);
    assert!(
        s.contains("@缴费基数"),
        "filing 2 is in review by someone else: {s}"
    );
    assert!(!s.contains("@参保登记"));
    let fx = key(&mut a, KeyCode::Enter);
    assert!(fx.contains(&Effect::TakeLease { id: 1 }), "{fx:?}");
    let until = chrono::Utc
        .with_ymd_and_hms(2026, 11, 27, 2, 45, 0)
        .single()
        .unwrap();
    a.handle(AppEvent::LeaseHeld(Ok(Some(("李娜".into(), until)))));
    assert!(draw(&a).contains("正由李娜审核（至10:45）"), "{}", draw(&a));
}

#[test]
fn a_lease_or_a_check_that_fails_says_so_in_its_own_words_and_the_filing_stays() {
    let mut a = app(Lang::Zh, 100, 30);
    typed(&mut a, KeyCode::Enter);
    assert!(a.detail.is_some());
    a.handle(AppEvent::LeaseHeld(Err("database is locked".into())));
    let s = draw(&a);
    assert!(s.contains("未能标记为本窗口审核中"), "{s}");
    assert!(
        !s.contains("读取失败"),
        "not a failed load of the counts: {s}"
    );
    let id = a.detail.as_ref().unwrap().id;
    a.handle(AppEvent::FilingProblems {
        id,
        problems: Err("database is locked".into()),
    });
    assert!(draw(&a).contains("未能核查此申报的问题"), "{}", draw(&a));
    assert!(a.detail.is_some(), "the filing stays open");
}

#[test]
fn a_refused_decision_brings_back_what_the_clerk_typed() {
    let mut a = app(Lang::Zh, 80, 24);
    typed(&mut a, KeyCode::Char('r'));
    for c in "请补交".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    assert!(matches!(
        key(&mut a, KeyCode::F(2)).as_slice(),
        [Effect::Decide(_)]
    ));
    assert!(a.overlay.is_none());
    a.handle(AppEvent::Decided(Err(
        "申报 1 已被他人修改，请刷新后重试，您的输入已保留。".into(),
    )));
    match &a.overlay {
        Some(Overlay::Notice { editor, .. }) => {
            assert!(editor.lines().last().unwrap().ends_with("请补交"))
        }
        other => panic!("{other:?}"),
    }
    assert!(draw(&a).contains("请补交"));
    // A chief's reason to approve over problems comes back the same way.
    a.overlay = None;
    typed(&mut a, KeyCode::Char('a'));
    for c in "科长核准".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    assert!(matches!(
        key(&mut a, KeyCode::Enter).as_slice(),
        [Effect::Decide(_)]
    ));
    a.handle(AppEvent::Decided(Err("已被他人修改".into())));
    match &a.overlay {
        Some(Overlay::Decide { input, .. }) => assert_eq!(input, "科长核准"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn p_narrows_the_queue_to_one_problem_and_esc_widens_it_again() {
    let mut a = app(Lang::Zh, 80, 24);
    a.apply(Action::ProblemFilter);
    assert!(matches!(a.overlay, Some(Overlay::Problems { cursor: 0 })));
    let s = draw(&a);
    assert!(
        s.contains("按问题筛选") && s.contains("缺少材料") && s.contains("2件"),
        "{s}"
    );
    key(&mut a, KeyCode::Down);
    let fx = key(&mut a, KeyCode::Enter);
    assert!(a.overlay.is_none());
    assert_eq!(a.review.queue_problem.as_deref(), Some("material-missing"));
    match fx.as_slice() {
        [Effect::LoadPage(ask)] => {
            assert_eq!(
                ask.request.scope.problem.as_deref(),
                Some("material-missing")
            )
        }
        other => panic!("{other:?}"),
    }
    feed(&mut a, fx);
    assert!(draw(&a).contains("问题：缺少材料"));
    // The picker opens on the problem in force; Esc on the queue widens it.
    a.apply(Action::ProblemFilter);
    assert!(matches!(a.overlay, Some(Overlay::Problems { cursor: 1 })));
    key(&mut a, KeyCode::Esc);
    let fx = a.apply(Action::Back);
    assert_eq!(a.review.queue_problem, None);
    match fx.as_slice() {
        [Effect::LoadPage(ask)] => assert_eq!(ask.request.scope.problem, None),
        other => panic!("{other:?}"),
    }
}

#[test]
fn before_the_whole_queue_is_checked_p_says_to_wait() {
    let mut a = app(Lang::En, 80, 24);
    a.review.problem_tally = None;
    a.apply(Action::ProblemFilter);
    assert!(a.overlay.is_none());
    assert!(a.message.as_deref().unwrap().contains("Still checking"));
    a.review.problem_tally = Some(vec![]);
    a.apply(Action::ProblemFilter);
    assert!(a.message.as_deref().unwrap().contains("no problem"));
}

#[test]
fn v_tags_every_filing_from_the_last_tagged_one_to_the_cursor() {
    let mut a = app(Lang::Zh, 80, 24);
    // Without a first tag there is no range: it says how.
    act(&mut a, Action::Down);
    act(&mut a, Action::TagRange);
    assert!(a.review.tagged.is_empty());
    assert!(a.message.as_deref().unwrap().contains("空格"));
    act(&mut a, Action::Top);
    act(&mut a, Action::Tag);
    assert_eq!(a.review.tagged.len(), 1);
    act(&mut a, Action::Bottom);
    act(&mut a, Action::TagRange);
    assert_eq!(a.review.tagged.iter().copied().collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn in_the_notice_ctrl_c_keeps_the_edit_and_alt_keys_stay_in_the_editor() {
    let mut a = app(Lang::Zh, 80, 24);
    typed(&mut a, KeyCode::Char('r'));
    for c in " 请补交合同".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    // Alt+Backspace deletes a word in the editor; it neither closes it nor acts on the queue.
    let fx = a.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Backspace,
        KeyModifiers::ALT,
    )));
    assert!(fx.is_empty());
    assert!(matches!(a.overlay, Some(Overlay::Notice { .. })));
    let ctrl_c = || AppEvent::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let fx = a.handle(ctrl_c());
    assert!(
        !a.quit && fx.is_empty(),
        "the first Ctrl-C only closes the notice"
    );
    assert!(a.overlay.is_none());
    let kept = &a.review.notices[&1].1;
    assert!(
        kept.last().unwrap().trim_end().ends_with('。'),
        "the word went: {kept:?}"
    );
    typed(&mut a, KeyCode::Char('r'));
    assert!(matches!(a.overlay, Some(Overlay::Notice { .. })));
    key(&mut a, KeyCode::Esc);
    a.handle(ctrl_c());
    assert!(a.quit, "outside the notice Ctrl-C quits");
}

#[test]
fn refreshing_the_queue_checks_it_again_for_the_filter_by_problem() {
    let mut a = app(Lang::Zh, 80, 24);
    assert!(a.apply(Action::Refresh).contains(&Effect::Recheck));
    act(&mut a, Action::Pane3);
    assert!(!a.apply(Action::Refresh).contains(&Effect::Recheck));
}

#[test]
fn a_change_at_another_desk_is_read_again_keeping_the_selection() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Down);
    assert_eq!(a.list().unwrap().selected().unwrap().id(), 2);
    let fx = a.handle(AppEvent::DataChanged);
    assert!(fx.contains(&Effect::LoadCounts));
    assert!(fx.contains(&Effect::LoadTally));
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadPage(_))));
    feed(&mut a, fx);
    assert_eq!(
        a.list().unwrap().selected().unwrap().id(),
        2,
        "still on the same filing"
    );
    // Not while the clerk is typing in an overlay.
    a.apply(Action::Help);
    assert!(a.handle(AppEvent::DataChanged).is_empty());
}

#[test]
fn an_inspection_shows_its_campaign_and_items_in_the_order_of_its_kind() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(lang, 80, 24);
        act(&mut a, Action::Pane4);
        typed(&mut a, KeyCode::Enter);
        let name = format!("inspection_detail_{}_80x24", lang.pick("zh", "en"));
        insta::assert_snapshot!(name, draw(&a));
    }
}

/// The persons' list, all `n` rows read (none left to load), named `surname`
/// and their number.
fn whole_persons_list(a: &mut App, n: i64, surname: &str) {
    let list = a.lists.get_mut(&ListKind::Persons).unwrap();
    list.items = (1..=n)
        .map(|id| {
            ListItem::Person(PersonItem {
                id,
                name: format!("{surname}{id}"),
                id_number: format!("1301101990030{id:05}"),
                employer_name: Some("石家庄市鹿泉区恒信建筑工程有限公司".into()),
                status: hrss_desk::domain::PersonStatus::parse("active").unwrap(),
                contribution_base: 6_420_00 + id,
            })
        })
        .collect();
    list.loaded_once = true;
    list.at_bottom = true;
}

/// One meaning for Ctrl-C (issue 20, point 2): whatever is open on top —
/// help, the palette, a decision, the problems chooser, the filter line —
/// Ctrl-C closes it as Esc does and never quits; with nothing open it quits.
/// (The reveal, decision, palette and problems overlays quit before.)
#[test]
fn ctrl_c_closes_what_is_open_and_quits_only_from_the_top() {
    let ctrl_c = || AppEvent::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    type Open = fn(&mut App);
    let opened: [(&str, Open); 5] = [
        ("help", |a| act(a, Action::Help)),
        ("palette", |a| typed(a, KeyCode::Char(':'))),
        ("decision", |a| typed(a, KeyCode::Char('a'))),
        ("problems", |a| act(a, Action::ProblemFilter)),
        ("filter", |a| typed(a, KeyCode::Char('/'))),
    ];
    for (what, open) in opened {
        let mut a = app(Lang::Zh, 80, 24);
        open(&mut a);
        assert!(
            a.overlay.is_some() || a.filtering,
            "{what} did not open: {}",
            draw(&a)
        );
        let fx = a.handle(ctrl_c());
        assert!(
            !a.quit && !fx.contains(&Effect::Quit),
            "{what}: Ctrl-C quit"
        );
        assert!(
            a.overlay.is_none() && !a.filtering,
            "{what}: still open after Ctrl-C"
        );
        a.handle(ctrl_c());
        assert!(a.quit, "{what}: from the top Ctrl-C quits");
    }
}

/// Help shows what works where you are (issue 20, point 2): in a filing's
/// detail its decisions, not a case's steps or a licence's inspection.
#[test]
fn help_in_a_detail_lists_only_that_records_keys() {
    let open = |kind: ListKind| {
        let mut a = app(Lang::Zh, 100, 40);
        a.detail = Some(hrss_desk::tui::app::DetailView {
            kind,
            id: 1,
            detail: None,
            error: None,
            scroll: 0,
            revealed: None,
            problems: None,
        });
        act(&mut a, Action::Help);
        draw(&a)
    };
    let filing = open(ListKind::Filings);
    assert!(filing.contains("退回更正（申报）"), "{filing}");
    for other in [
        "办理案件的下一步",
        "逐项记录检查结果",
        "查看完整个人信息",
        "登记线索",
    ] {
        assert!(
            !filing.contains(other),
            "{other} in a filing's help: {filing}"
        );
    }
    let case = open(ListKind::Cases);
    assert!(
        case.contains("办理案件的下一步") && !case.contains("退回更正"),
        "{case}"
    );
}

#[test]
fn rows_tell_apart_by_what_differs_the_shared_place_said_once() {
    let mut a = app(Lang::Zh, 80, 24);
    let fx = a.apply(Action::Pane2);
    let Some(Effect::LoadPage(ask)) = fx.into_iter().find(|e| matches!(e, Effect::LoadPage(_)))
    else {
        panic!("the licence list is asked for");
    };
    let licence = |id: i64, holder: &str, number: &str| {
        ListItem::Licence(LicenceRow {
            id,
            kind: hrss_desk::domain::LicenceKind::HrService,
            number: number.into(),
            holder: holder.into(),
            uscc: "91130110MA0F3K7Q2X".into(),
            legal_rep: "王伟".into(),
            address: "鹿泉区".into(),
            district: "鹿泉区".into(),
            zone: None,
            issued_on: chrono::NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(),
            expires_on: chrono::NaiveDate::from_ymd_opt(2028, 3, 1),
            status: hrss_desk::domain::LicenceStatus::Valid,
        })
    };
    let items = vec![
        licence(
            1,
            "石家庄市鹿泉区东方人力资源开发有限公司",
            "(冀)人服证字[2020]第0209号",
        ),
        licence(
            2,
            "石家庄市鹿泉区东方人力资源服务有限公司",
            "(冀)人服证字[2020]第0210号",
        ),
        licence(
            3,
            "石家庄市鹿泉区恒信人力资源服务有限公司",
            "(冀)人服证字[2021]第0007号",
        ),
        licence(4, "河北信达人力资源有限公司", "(冀)人服证字[2022]第0100号"),
    ];
    a.handle(AppEvent::Page {
        ask,
        result: Ok(items),
    });
    let s = draw(&a);
    // The place all but one share is said once, in the title…
    assert!(s.contains("名称略去“石家庄市鹿泉区”"), "{s}");
    // …so 开发 and 服务 read apart, and each number keeps its tail.
    assert!(
        s.contains("东方人力资源开发") && s.contains("东方人力资源服务"),
        "{s}"
    );
    assert!(
        s.contains("[2020]第0209号") && s.contains("[2020]第0210号"),
        "{s}"
    );
    assert!(!s.contains("石家庄市鹿泉区东方"), "{s}");
    assert!(
        s.contains("河北信达人力资源"),
        "a name without it is whole: {s}"
    );
}

/// A record's page names its own keys on the hint line, the ones the
/// staff member's roles allow (issue 21: no dead ends): a clerk in a
/// filing sees 办结 and 退回, an inspector does not.
#[test]
fn a_records_hint_line_names_its_own_keys_the_roles_allow() {
    let hint_row = |a: &App| draw(a).lines().rev().nth(1).unwrap_or("").to_string();
    let mut a = app(Lang::Zh, 80, 24);
    a.who.roles = vec![Role::Clerk];
    typed(&mut a, KeyCode::Enter);
    assert!(a.detail.is_some());
    let row = hint_row(&a);
    assert!(row.starts_with("a 办结  r 退回  o 人员/单位"), "{row}");
    a.who.roles = vec![Role::Inspector];
    let row = hint_row(&a);
    assert!(!row.contains("办结") && !row.contains("退回"), "{row}");
    assert!(
        row.contains("o 人员/单位") && row.contains("? 帮助"),
        "{row}"
    );
}

/// At 80 columns with a tag count beside the name, the counts' labels
/// shorten rather than lose a figure off the edge (the walk-through showed
/// 超期案件 with its figure cut).
#[test]
fn the_status_line_never_cuts_a_figure() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(lang, 80, 24);
        a.review.tagged.extend(1..=173);
        if let Some(c) = a.counts.as_mut() {
            (c.pending_filings, c.overdue_filings) = (322, 82);
            (c.pending_complaints, c.overdue_complaints) = (12, 10);
            c.overdue_cases = 159;
        }
        let s = draw(&a);
        let last = s.lines().last().unwrap().trim_end().to_string();
        assert!(last.contains("173"), "{last}");
        let tail = match lang {
            Lang::Zh => "超期案件159",
            Lang::En => "cases 159",
        };
        assert!(last.ends_with(tail), "{last}");
    }
}

/// Export where there is nothing to export says where there is, on the
/// screen, not by a command line's command (issue 22).
#[test]
fn nothing_to_export_points_at_the_screen_not_the_command_line() {
    let mut a = app(Lang::Zh, 100, 30);
    typed(&mut a, KeyCode::Enter);
    assert!(a.detail.is_some());
    assert!(a.apply(Action::ExportView).is_empty());
    let said = a.message.clone().unwrap_or_default();
    assert!(said.contains("这里没有可导出的列表"), "{said}");
    assert!(!said.contains("hrss-desk"), "{said}");
}

/// A message of several rows (a document's path) under an open box stays
/// readable whole: the box keeps above it. At 80×24 the box used to cover
/// the message's first row, leaving only the end of a path on the screen.
#[test]
fn a_long_message_is_never_hidden_under_an_open_box() {
    let mut a = app(Lang::Zh, 80, 24);
    typed(&mut a, KeyCode::Char('?'));
    let folder = "很长的文件夹名".repeat(9);
    a.message = Some(format!(
        "投诉告知书（鹿人社监诉告〔2026〕第1号）已写出：/srv/hrss-desk/sftp/zhaojing/{folder}/投诉告知书.docx"
    ));
    let s = draw(&a);
    assert!(
        s.contains("投诉告知书（鹿人社监诉告〔2026〕第1号）已写出"),
        "{s}"
    );
    assert!(s.contains("投诉告知书.docx"), "{s}");
    // The box is still whole above it: its bottom border is drawn.
    assert!(
        s.lines()
            .any(|l| l.trim_start().starts_with('└') && l.contains('┘')),
        "{s}"
    );
}

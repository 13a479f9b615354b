//! The statistics pane's month: today's standing or the month's figures
//! (`f`), a month back or on (`[` `]`), the month's report (`e`).

use crate::common;

use common::tui::*;
use hrss_desk::domain::statistics::Month;
use hrss_desk::i18n::Lang;
use hrss_desk::tui::action::Action;
use hrss_desk::tui::app::Effect;
use ratatui::crossterm::event::KeyCode;

fn month_view(lang: Lang, w: u16, h: u16) -> hrss_desk::tui::app::App {
    let mut a = app(lang, w, h);
    // Today's standing does not read the month's records.
    assert_eq!(a.apply(Action::Pane6), vec![Effect::LoadDashboard]);
    act(&mut a, Action::Pane6);
    // Turned to the month, they are read once.
    let month = a.stats_month();
    assert_eq!(
        key(&mut a, KeyCode::Char('f')),
        vec![Effect::LoadStatistics { month }]
    );
    typed(&mut a, KeyCode::Char('f'));
    typed(&mut a, KeyCode::Char('f'));
    a
}

#[test]
fn the_months_figures_by_clerk_and_twelve_months() {
    let a = month_view(Lang::Zh, 80, 24);
    let s = draw(&a);
    assert!(s.contains("统计：2026-11 月度"), "{s}");
    assert!(
        s.contains("      3  收到申报") && s.contains("      2  办结"),
        "{s}"
    );
    assert!(s.contains("1/1  王芳") && s.contains("1/0  李娜"), "{s}");
    assert!(s.contains("近12个月 办结与退回（最高 3）"), "{s}");
    assert!(
        s.contains("当月登记案件（按事项）") && s.contains("工资支付"),
        "{s}"
    );
    insta::assert_snapshot!("statistics_month_zh_80x24", s);
    let en = draw(&month_view(Lang::En, 100, 30));
    assert!(
        en.contains("Dashboard: 2026-11") && en.contains("Filings received"),
        "{en}"
    );
    insta::assert_snapshot!("statistics_month_en_100x30", en);
}

#[test]
fn the_month_moves_back_not_past_this_one_and_its_report_is_written() {
    let mut a = month_view(Lang::Zh, 80, 24);
    let oct = Month {
        year: 2026,
        month: 10,
    };
    assert_eq!(
        key(&mut a, KeyCode::Char('[')),
        vec![Effect::LoadStatistics { month: oct }]
    );
    assert_eq!(a.stats_month(), oct);
    // The answer for November, arriving late, is not October's.
    a.handle(hrss_desk::tui::app::AppEvent::Statistics {
        month: Month {
            year: 2026,
            month: 11,
        },
        result: Err("迟到的答复".into()),
    });
    assert!(a.stats.figures.is_none());
    typed(&mut a, KeyCode::Char(']'));
    assert!(
        key(&mut a, KeyCode::Char(']')).is_empty(),
        "not past this month"
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('e')),
        vec![Effect::WriteReport {
            month: Month {
                year: 2026,
                month: 11
            },
            lang: Lang::Zh
        }]
    );
    // f turns back to today's standing.
    typed(&mut a, KeyCode::Char('f'));
    assert!(draw(&a).contains("概况"), "{}", draw(&a));
}

/// At 80×24 today's standing is longer than the pane: its title says how
/// many rows are below, and the keys scroll it to its last row and back,
/// never past the last row (issue 21, point 5).
#[test]
fn todays_standing_scrolls_when_longer_than_the_screen() {
    let mut a = app(Lang::Zh, 80, 24);
    act(&mut a, Action::Pane6);
    let last = "30日内应申请续签的协议";
    let s = draw(&a);
    assert!(s.contains("案件（按阶段）") && !s.contains(last), "{s}");
    assert!(s.contains("↓ 还有"), "{s}");
    typed(&mut a, KeyCode::End);
    let s = draw(&a);
    assert!(s.contains(last) && !s.contains("案件（按阶段）"), "{s}");
    assert!(s.contains("↑ 上面") && !s.contains("↓"), "{s}");
    // Further down stays put; one up comes back a row at once.
    let bottom = a.stats.scroll;
    for _ in 0..5 {
        typed(&mut a, KeyCode::Char('j'));
    }
    assert_eq!(a.stats.scroll, bottom);
    typed(&mut a, KeyCode::Char('k'));
    assert_eq!(a.stats.scroll, bottom - 1);
    typed(&mut a, KeyCode::Home);
    assert!(draw(&a).contains("案件（按阶段）"));
    // Tall enough, nothing to scroll and nothing said.
    let mut tall = app(Lang::En, 120, 40);
    act(&mut tall, Action::Pane6);
    typed(&mut tall, KeyCode::PageDown);
    let s = draw(&tall);
    assert_eq!(tall.stats.scroll, 0);
    assert!(
        s.contains("Cases by stage") && !s.contains("more line"),
        "{s}"
    );
}

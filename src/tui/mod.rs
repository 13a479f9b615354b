//! The terminal program. For now one home screen: who is working, which
//! database, and the counts that matter. The pane frame comes next.

use crate::cli::Failure;
use crate::domain::Staff;
use crate::i18n::{Lang, printable};
use crate::store::{Counts, Store};
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// What the home screen shows; rendering is a pure function of it.
#[derive(Debug, Clone)]
pub struct Home {
    pub lang: Lang,
    pub staff_name: String,
    pub staff_login: String,
    pub roles: String,
    pub database: String,
    pub counts: Counts,
}

impl Home {
    pub fn new(staff: &Staff, lang: Lang, database: &str, counts: Counts) -> Self {
        Home {
            lang,
            staff_name: staff.name.clone(),
            staff_login: staff.login.clone(),
            roles: staff
                .roles
                .iter()
                .map(|r| r.label(lang))
                .collect::<Vec<_>>()
                .join("、"),
            database: database.to_string(),
            counts,
        }
    }
}

pub fn render(frame: &mut Frame, home: &Home) {
    let l = home.lang;
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    frame.render_widget(
        Paragraph::new(l.pick(
            "hrss-desk 人社局事中事后监督管理",
            "hrss-desk supervision desk",
        ))
        .style(Style::new().add_modifier(Modifier::BOLD)),
        title,
    );
    let c = &home.counts;
    let row = |label: &str, n: i64| {
        Line::from(vec![
            Span::raw(format!("{label}  ")),
            Span::styled(n.to_string(), Style::new().add_modifier(Modifier::BOLD)),
        ])
    };
    let lines = vec![
        row(l.pick("待审核申报", "Pending filings"), c.pending_filings),
        row(l.pick("在办案件", "Open cases"), c.open_cases),
        row(l.pick("超期案件", "Overdue cases"), c.overdue_cases),
        row(l.pick("许可与协议", "Licences and agreements"), c.licences),
        row(l.pick("参保单位", "Insured employers"), c.employers),
        row(l.pick("参保人员", "Insured persons"), c.persons),
        Line::raw(""),
        Line::raw(l.pick("按 q 或 Esc 退出", "Press q or Esc to quit")),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::new()
                .borders(Borders::ALL)
                .title(l.pick(" 概况 ", " Overview ")),
        ),
        body,
    );
    let who = format!(
        "{} ({}) · {} · {}",
        printable(&home.staff_name),
        printable(&home.staff_login),
        home.roles,
        printable(&home.database)
    );
    frame.render_widget(
        Paragraph::new(who).style(Style::new().add_modifier(Modifier::REVERSED)),
        status,
    );
}

/// Whether a key ends the program.
pub fn quits(code: KeyCode, modifiers: KeyModifiers) -> bool {
    matches!(code, KeyCode::Char('q') | KeyCode::Esc)
        || (code == KeyCode::Char('c') && modifiers.contains(KeyModifiers::CONTROL))
}

/// The text a person sees in a buffer: a double-width character's trailing
/// cell is skipped, so Chinese reads as written. Used by the screen tests.
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut text = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            text.push_str(symbol);
        }
        text.push('\n');
    }
    text
}

pub async fn run(store: &Store, staff: &Staff, lang: Lang, database: &str) -> Result<(), Failure> {
    let today = chrono::Local::now().date_naive();
    let counts = store
        .counts(today)
        .await
        .map_err(|e| Failure::store(lang, &e))?;
    let home = Home::new(staff, lang, database, counts);
    // The terminal loop blocks on key reads, so it runs off the async workers.
    tokio::task::spawn_blocking(move || -> std::io::Result<()> {
        let mut terminal = ratatui::init();
        let result = (|| loop {
            terminal.draw(|f| render(f, &home))?;
            if let Event::Key(k) = event::read()?
                && k.kind == KeyEventKind::Press
                && quits(k.code, k.modifiers)
            {
                return Ok(());
            }
        })();
        ratatui::restore();
        result
    })
    .await
    .map_err(|e| Failure::new(1, e.to_string()))?
    .map_err(|e| Failure::new(1, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;
    use ratatui::{Terminal, backend::TestBackend};

    fn screen(lang: Lang) -> String {
        let staff = Staff {
            id: 1,
            login: "zhaojing".into(),
            name: "赵静".into(),
            roles: vec![Role::Chief],
            active: true,
        };
        let counts = Counts {
            pending_filings: 300,
            overdue_cases: 7,
            ..Counts::default()
        };
        let home = Home::new(&staff, lang, "SQLite /tmp/demo.sqlite", counts);
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| render(f, &home)).unwrap();
        screen_text(t.backend().buffer())
    }

    #[test]
    fn the_home_screen_shows_who_is_working_and_the_counts() {
        let zh = screen(Lang::Zh);
        assert!(zh.contains("赵静"), "{zh}");
        assert!(zh.contains("科室负责人"));
        assert!(zh.contains("待审核申报") && zh.contains("300"));
        let en = screen(Lang::En);
        assert!(
            en.contains("Pending filings") && en.contains("Section chief"),
            "{en}"
        );
    }

    #[test]
    fn q_esc_and_ctrl_c_quit() {
        assert!(quits(KeyCode::Char('q'), KeyModifiers::NONE));
        assert!(quits(KeyCode::Esc, KeyModifiers::NONE));
        assert!(quits(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert!(!quits(KeyCode::Char('c'), KeyModifiers::NONE));
    }
}

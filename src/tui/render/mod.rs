//! Drawing: a pure function of the state. Every text from the database goes
//! through `text::clean`, every cell through `text::fit`.

mod case_detail;
mod case_overlay;
mod dashboard;
mod detail;
mod filing;
mod inbox;
mod list;
pub mod lookup;
mod overlay;
mod supervision;

use super::app::{App, MESSAGE_ROWS, Overlay};
use super::pane::PaneId;
use super::text::{clean, fit, width};
use crate::i18n;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// The status line's rows at the foot, under the message's.
const STATUS_ROWS: u16 = 1;

pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if app.too_small() {
        let msg = i18n::too_small(app.lang, area.width, area.height);
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let [tabs, body, message, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(app.message_rows()),
        Constraint::Length(STATUS_ROWS),
    ])
    .areas(area);
    render_tabs(frame, app, tabs);
    if let Some(d) = &app.detail {
        detail::render(frame, app, d, body);
    } else if app.pane == PaneId::Dashboard {
        dashboard::render(frame, app, body);
    } else if app.pane == PaneId::Licences {
        lookup::render(frame, app, body);
    } else if app.pane == PaneId::Supervision {
        supervision::render(frame, app, body);
    } else {
        list::render(frame, app, body);
    }
    render_message(frame, app, message);
    render_status(frame, app, status);
    match &app.overlay {
        Some(Overlay::Help { scroll, under }) => {
            overlay::help(frame, app, *scroll, under.as_deref())
        }
        Some(Overlay::Keymap { scroll }) => overlay::keymap(frame, app, *scroll),
        Some(Overlay::Palette(p)) => overlay::palette(frame, app, p),
        Some(Overlay::Decide { draft, input }) => overlay::decide(frame, app, draft, input),
        Some(Overlay::Reveal { input, .. }) => overlay::reveal(frame, app, input),
        Some(Overlay::Problems { cursor }) => overlay::problems(frame, app, *cursor),
        Some(Overlay::ConfirmApprove { ids, kinds, unseen }) => {
            overlay::confirm_approve(frame, app, ids, kinds, *unseen)
        }
        Some(Overlay::Notice { draft, editor }) => overlay::notice(frame, app, draft, editor),
        Some(Overlay::Form(f)) => case_overlay::form(frame, app, f),
        Some(Overlay::Complaints(i)) => inbox::inbox(frame, app, i),
        Some(Overlay::ComplaintDecide(f)) => inbox::decide(frame, app, f),
        Some(Overlay::Documents { kinds, cursor, .. }) => {
            overlay::documents(frame, app, kinds, *cursor)
        }
        Some(Overlay::Text {
            title,
            lines,
            scroll,
        }) => overlay::text(frame, app, title, lines, *scroll),
        Some(
            Overlay::CaseViews { .. }
            | Overlay::CaseMoves { .. }
            | Overlay::CaseConfirm { .. }
            | Overlay::CaseDecide(_)
            | Overlay::Assign { .. }
            | Overlay::BulkMoves { .. }
            | Overlay::SaveView { .. },
        ) => case_overlay::render(frame, app),
        None => {}
    }
}

fn render_tabs(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    for (i, p) in PaneId::ALL.iter().enumerate() {
        let title = format!("{} {}", i + 1, i18n::pane_tab(i, app.lang));
        if *p == app.pane {
            // Brackets as well as colour, for monochrome terminals.
            spans.push(Span::styled(
                format!("[{title}]"),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ));
        } else {
            spans.push(Span::raw(format!(" {title} ")));
        }
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_message(frame: &mut Frame, app: &App, area: Rect) {
    let w = usize::from(area.width);
    let lang = app.lang;
    let line = if app.filtering {
        let filter = app.list().map(|l| l.filter.as_str()).unwrap_or("");
        Line::from(vec![
            Span::styled(
                format!("/ {}", i18n::filter_prompt(lang)),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(fit(&format!("{}_", clean(filter)), w.saturating_sub(12))),
        ])
    } else if let Some(m) = &app.message {
        let style = Style::new().fg(Color::Yellow);
        let mut lines = app.message_lines(m);
        if lines.len() > MESSAGE_ROWS {
            // The last row ends on the key that opens the message whole.
            let key = app
                .keymap
                .key_for(&app.contexts(), super::action::Action::Message)
                .map(|c| c.to_string());
            let more = i18n::message_more(lang, key.as_deref());
            let last: String = lines[MESSAGE_ROWS - 1]
                .spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect();
            let mut kept = fit(&last, w.saturating_sub(width(&more)));
            if kept != last {
                kept.pop(); // fit's own cut mark: `more` says it
            }
            lines.truncate(MESSAGE_ROWS - 1);
            lines.push(Line::raw(format!("{kept}{more}")));
        }
        let text: Vec<Line> = lines.into_iter().map(|l| l.style(style)).collect();
        frame.render_widget(Paragraph::new(text), area);
        return;
    } else {
        Line::from(Span::styled(
            fit(&hints(app), w),
            Style::new().add_modifier(Modifier::DIM),
        ))
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The hint line: the keys that help, search, open, move on and quit where
/// the user is, as the keymap in force binds them (the function-key layout
/// shows its F-keys); an action no key runs is left out. While the lookup's
/// query line takes the keys, a key that would be text is not offered, and
/// the scope key is.
fn hints(app: &App) -> String {
    use super::action::Action;
    let lang = app.lang;
    let contexts = app.contexts();
    let typing = app.lookup_typing();
    let wanted: [(Action, &str, &str); 7] = [
        (Action::Help, "帮助", "help"),
        (Action::Palette, "命令", "commands"),
        (Action::Filter, "筛选", "filter"),
        (Action::Scope, "换范围", "scope"),
        (Action::Open, "详情", "open"),
        (Action::NextPane, "切换面板", "next pane"),
        (Action::Quit, "退出", "quit"),
    ];
    let effective = app.keymap.effective(&contexts);
    let key = |a: Action| {
        effective
            .iter()
            .find(|b| b.action == a && !(typing && b.chord.types_text()))
            .map(|b| b.chord)
    };
    // In a record, its own keys first: what can be done with it here.
    let own: Vec<String> = if app.detail.is_some() {
        RECORD_KEYS
            .iter()
            .filter(|(a, ..)| app.works_here(*a) && app.may(*a))
            .filter_map(|(a, zh, en)| Some(format!("{} {}", key(*a)?, lang.pick(zh, en))))
            .collect()
    } else {
        Vec::new()
    };
    let general = wanted
        .iter()
        .filter(|(a, ..)| *a != Action::Scope || app.pane == super::pane::PaneId::Licences)
        .filter_map(|(a, zh, en)| Some(format!("{} {}", key(*a)?, lang.pick(zh, en))));
    own.into_iter()
        .chain(general)
        .collect::<Vec<_>>()
        .join("  ")
}

/// A record's own keys, as its page's hint line names them.
const RECORD_KEYS: [(super::action::Action, &str, &str); 11] = {
    use super::action::Action as A;
    [
        (A::Approve, "办结", "approve"),
        (A::Return, "退回", "return"),
        (A::OpenParty, "人员/单位", "person"),
        (A::Reveal, "查看完整信息", "reveal"),
        (A::CaseMove, "办理", "step"),
        (A::Assign, "指派", "assign"),
        (A::AddEvidence, "证据", "evidence"),
        (A::RecordInspection, "记录检查", "inspect"),
        (A::SanctionStep, "处理措施", "sanction"),
        (A::AddLead, "线索", "lead"),
        (A::PrintDocument, "出具文书", "print"),
    ]
};

fn render_status(frame: &mut Frame, app: &App, area: Rect) {
    let w = usize::from(area.width);
    let roles: Vec<&str> = app.who.roles.iter().map(|r| r.label(app.lang)).collect();
    let mut left = format!(
        " {} ({}) {} ",
        clean(&app.who.name),
        clean(&app.who.login),
        roles.join(app.lang.pick("、", ", "))
    );
    let tags = app.review.tagged.len() + app.cases.tagged.len();
    let tags = if tags > 0 {
        format!(" {}", i18n::tag_count(app.lang, tags))
    } else {
        String::new()
    };
    let mut right = match &app.counts {
        Some(c) => format!("{tags} {} ", i18n::status_counts(app.lang, c)),
        None => tags.clone(),
    };
    // The counts first: where both do not fit, the roles give way, then
    // the counts' labels shorten — a figure is never cut.
    if width(&left) + width(&right) + 1 > w {
        left = format!(" {} ({}) ", clean(&app.who.name), clean(&app.who.login));
    }
    if let Some(c) = &app.counts
        && width(&left) + width(&right) + 1 > w
    {
        right = format!("{tags} {} ", i18n::status_counts_short(app.lang, c));
    }
    let room = w.saturating_sub(width(&left) + width(&right) + 1);
    // The database whole, else its file's name, else nothing: never a
    // path cut at a `~` that reads as the home folder.
    let full = clean(&app.database);
    let file = full
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .to_string();
    let db = [full, file]
        .into_iter()
        .find(|d| width(d) <= room)
        .unwrap_or_default();
    let pad = " ".repeat(w.saturating_sub(width(&left) + width(&db) + width(&right) + 1));
    let line = Line::from(vec![
        Span::styled(left, Style::new().add_modifier(Modifier::BOLD)),
        // The dot introduces the database; with none shown, nothing dangles.
        Span::raw(format!(
            "{}{db}{pad}",
            if db.is_empty() { " " } else { "·" }
        )),
        Span::styled(right, Style::new().add_modifier(Modifier::BOLD)),
    ]);
    frame.render_widget(
        Paragraph::new(line).style(Style::new().add_modifier(Modifier::REVERSED)),
        area,
    );
}

/// A bordered block with a title that fits.
fn titled(title: &str, area: Rect) -> Block<'static> {
    let t = fit(title, usize::from(area.width.saturating_sub(4)));
    Block::new().borders(Borders::ALL).title(format!(" {t} "))
}

// The detail pages' shared pieces (detail.rs, filing.rs, case_detail.rs).

/// A record's field as the detail pages show it: its label in bold, then its value.
pub(super) fn field(
    label: crate::i18n::Field,
    value: String,
    lang: crate::i18n::Lang,
) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{}{}", label.label(lang), lang.pick("：", ": ")),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(value),
    ])
}

/// A section's heading in a detail page.
pub(super) fn heading(label: crate::i18n::Field, lang: crate::i18n::Lang) -> Line<'static> {
    Line::from(Span::styled(
        format!("── {} ──", label.label(lang)),
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    ))
}

/// A code as its label in the language; an unknown code shown as it is, made safe.
pub(super) fn label<T: Copy>(
    parse: impl Fn(&str) -> Option<T>,
    f: impl Fn(T, crate::i18n::Lang) -> &'static str,
    code: &str,
    lang: crate::i18n::Lang,
) -> String {
    parse(code).map_or_else(|| clean(code), |v| f(v, lang).to_string())
}

/// A day, or `-` for none.
pub(super) fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// Money in fen as yuan: `6,420.00`.
pub fn yuan(fen: i64) -> String {
    crate::i18n::yuan(fen)
}

/// The text a person sees in a buffer: the trailing cell of a double-width
/// character is skipped, so Chinese reads as written. For screen tests.
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut text = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        let mut line = String::new();
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_is_shown_in_yuan_with_thousands() {
        assert_eq!(super::yuan(6_420_00), "6,420.00");
        assert_eq!(super::yuan(1_234_567_89), "1,234,567.89");
        assert_eq!(super::yuan(5), "0.05");
        assert_eq!(super::yuan(-100_00), "-100.00");
    }
}

//! The supervision pane: its section bar, then the inspections list or a
//! section's summary and rows.

use super::super::app::App;
use super::super::text::{clean, fit, fit_end, share, shared_place, width};
use super::titled;
use crate::i18n;
use crate::workflow::supervision::sections::Section;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// (minimum width, share of the spare width) of each section's columns.
fn column_specs(section: Section) -> &'static [(u16, u16)] {
    match section {
        Section::Due => &[(11, 0), (13, 0), (14, 2), (12, 3), (10, 1)],
        Section::Rectifications => &[(11, 0), (13, 0), (12, 1), (10, 3), (10, 2), (10, 0)],
        Section::Draws => &[(5, 0), (10, 0), (10, 3), (10, 2), (8, 0), (10, 0)],
        Section::Annual => &[(12, 1), (12, 1), (12, 3), (10, 0), (12, 1)],
        Section::Leads => &[(10, 0), (8, 0), (12, 1), (10, 2), (10, 4)],
        Section::Campaigns => &[(5, 0), (8, 0), (10, 3), (23, 0), (8, 1), (6, 0)],
        Section::Inspections | Section::Rota => &[(8, 0), (12, 1), (20, 3)],
    }
}

/// Which of a section's columns holds a holder's name (a place prefix most
/// share may go, said once in the title) and which a licence number (cut
/// from the front: its tail tells licences apart), as in the lists.
fn name_and_number(section: Section) -> (Option<usize>, Option<usize>) {
    match section {
        Section::Due | Section::Rectifications | Section::Leads => (Some(3), Some(2)),
        Section::Annual => (Some(2), Some(1)),
        _ => (None, None),
    }
}

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let [bar, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(2)]).areas(area);
    section_bar(frame, app, bar);
    if app.supervision.section == Section::Inspections {
        super::list::render(frame, app, rest);
    } else {
        section(frame, app, rest);
    }
}

fn section_bar(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let mut spans = Vec::new();
    for s in Section::ALL {
        if s == app.supervision.section {
            // Brackets as well as reverse video, for monochrome terminals.
            spans.push(Span::styled(
                format!("[{}]", s.label(lang)),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ));
        } else {
            spans.push(Span::raw(format!(" {} ", s.label(lang))));
        }
    }
    let hint = format!(" {}", i18n::sections_hint(lang));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used + width(&hint) <= usize::from(area.width) {
        spans.push(Span::styled(hint, Style::new().add_modifier(Modifier::DIM)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn section(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let b = &app.supervision;
    let title = format!(
        "{}{}{}",
        lang.pick("监督检查", "Supervision"),
        lang.pick("：", ": "),
        b.section.label(lang)
    );
    let rows = b.rows();
    let widths = share(area.width.saturating_sub(2), column_specs(b.section));
    let (name_col, number_col) = name_and_number(b.section);
    let height = usize::from(area.height.saturating_sub(4));
    let place = name_col.and_then(|c| {
        let names: Vec<&str> = rows
            .iter()
            .skip(b.scroll)
            .take(height)
            .filter_map(|r| r.cells.get(c).map(String::as_str))
            .collect();
        shared_place(&names, usize::from(widths.get(c).copied().unwrap_or(0)))
    });
    let title = match &place {
        Some(p) => format!("{title} · {}", i18n::place_dropped(lang, p)),
        None => title,
    };
    let block = titled(&title, area);
    let block = if rows.is_empty() {
        block
    } else {
        block.title_bottom(Line::from(i18n::position(lang, b.cursor + 1, false)).right_aligned())
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [summary, table] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let width = usize::from(inner.width);
    let note = match &b.page {
        None => i18n::loading(lang).to_string(),
        Some(Err(e)) => i18n::load_failed(lang, e),
        Some(Ok(p)) if p.section != b.section => i18n::loading(lang).to_string(),
        Some(Ok(p)) => p.summary.clone(),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&clean(&note), width),
            Style::new().add_modifier(Modifier::DIM),
        )),
        summary,
    );
    let header = Row::new(
        i18n::section_columns(lang, b.section.index())
            .iter()
            .zip(&widths)
            .map(|(h, w)| Cell::from(fit(h, usize::from(*w)))),
    )
    .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    let height = usize::from(table.height.saturating_sub(1));
    let body: Vec<Row> = rows
        .iter()
        .enumerate()
        .skip(b.scroll)
        .take(height)
        .map(|(i, r)| {
            let mut style = Style::new();
            if r.alert {
                style = style.fg(Color::Red);
            }
            if i == b.cursor {
                style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
            }
            // A mark as well as colour, for monochrome terminals.
            let cells = r.cells.iter().zip(&widths).enumerate().map(|(j, (t, w))| {
                let t = match &place {
                    Some(p) if Some(j) == name_col => t
                        .strip_prefix(p.as_str())
                        .filter(|r| !r.is_empty())
                        .unwrap_or(t),
                    _ => t,
                };
                let tagged = j == 0
                    && r.licence.is_some_and(|l| b.tagged.contains(&l))
                    && b.section == Section::Annual;
                let t = if tagged {
                    format!("*{}", clean(t))
                } else if j == 0 && r.alert {
                    format!("!{}", clean(t))
                } else {
                    clean(t)
                };
                let w = usize::from(*w);
                Cell::from(if Some(j) == number_col {
                    fit_end(&t, w)
                } else {
                    fit(&t, w)
                })
            });
            Row::new(cells).style(style)
        })
        .collect();
    let constraints: Vec<Constraint> = widths.iter().map(|w| Constraint::Length(*w)).collect();
    let empty = body.is_empty() && matches!(&b.page, Some(Ok(p)) if p.section == b.section);
    frame.render_widget(
        Table::new(body, constraints)
            .header(header)
            .column_spacing(1),
        table,
    );
    if empty {
        let below = Rect {
            y: table.y + 1,
            height: table.height.saturating_sub(1),
            ..table
        };
        frame.render_widget(
            Paragraph::new(fit(i18n::section_empty(lang), usize::from(table.width))),
            below,
        );
    }
}

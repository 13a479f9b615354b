//! The list panes: columns per pane, cells fitted to their columns.

use super::super::app::App;
use super::super::text::{clean, fit, fit_end, share_to_fit, shared_place, width};
use super::{titled, yuan};
use crate::domain::InspectionResult;
use crate::domain::calendar::office_date;
use crate::domain::licence::{Standing, standing};
use crate::domain::mask::mask_id_number;
use crate::i18n;
use crate::store::ListItem;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// (minimum width, share of the spare width) per column, per pane.
fn column_specs(pane: usize) -> &'static [(u16, u16)] {
    match pane {
        0 => &[(12, 0), (14, 1), (6, 0), (18, 0), (5, 0), (11, 0), (4, 0)],
        1 => &[(12, 1), (16, 2), (12, 4), (9, 0), (10, 0)],
        2 => &[(16, 2), (12, 4), (10, 1), (11, 0), (6, 0)],
        3 => &[(10, 0), (14, 1), (12, 4), (8, 0), (6, 0)],
        _ => &[(8, 1), (18, 0), (12, 4), (8, 0), (10, 0)],
    }
}

/// The text of each cell of a row, and the row's colour if it needs one.
pub fn cells(app: &App, item: &ListItem) -> (Vec<String>, Option<Color>) {
    let lang = app.lang;
    let none = || "-".to_string();
    match item {
        ListItem::Filing(f) => filing_cells(app, f),
        ListItem::Licence(l) => {
            let st = standing(l.status, l.expires_on, app.today, app.licence_warn_days);
            let colour = Some(match st {
                Standing::Valid => Color::Green,
                Standing::Expiring => Color::Yellow,
                Standing::Suspended => Color::Magenta,
                Standing::Cancelled => Color::DarkGray,
                Standing::Expired | Standing::Revoked => Color::Red,
            });
            (
                vec![
                    l.kind.label(lang).to_string(),
                    clean(&l.number),
                    clean(&l.holder),
                    i18n::standing_label(st, lang).to_string(),
                    l.expires_on.map_or_else(none, |d| d.to_string()),
                ],
                colour,
            )
        }
        ListItem::Case(c) => case_cells(app, c),
        ListItem::Inspection(i) => (
            vec![
                i.planned_on.to_string(),
                clean(&i.licence_number),
                clean(&i.holder),
                i.method.label(lang).to_string(),
                i.result.label(lang).to_string(),
            ],
            (i.result == InspectionResult::Failed).then_some(Color::Red),
        ),
        ListItem::Employer(e) => (
            vec![
                clean(&e.name),
                clean(&e.uscc),
                clean(&e.town),
                e.status.label(lang).to_string(),
                if e.arrears > 0 {
                    yuan(e.arrears)
                } else {
                    "-".into()
                },
            ],
            None,
        ),
        ListItem::Person(p) => (
            vec![
                clean(&p.name),
                clean(&mask_id_number(&p.id_number)),
                p.employer_name.as_deref().map_or_else(none, clean),
                p.status.label(lang).to_string(),
                if p.contribution_base > 0 {
                    yuan(p.contribution_base)
                } else {
                    "-".into()
                },
            ],
            None,
        ),
    }
}

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let Some(list) = app.list() else { return };
    let pane = app.pane.index();
    let lang = app.lang;
    let mut title = i18n::pane_title(pane, lang).to_string();
    // Tags are counted in the title, first, whatever else it says.
    let tagged = match app.pane {
        crate::tui::pane::PaneId::Filings => app.review.tagged.len(),
        crate::tui::pane::PaneId::Cases => app.cases.tagged.len(),
        _ => 0,
    };
    if tagged > 0 {
        title.push_str(" · ");
        title.push_str(&i18n::tag_count(lang, tagged));
    }
    let scope = app.review.queue.label(lang);
    if app.pane == crate::tui::pane::PaneId::Filings && !scope.is_empty() {
        title.push_str(" · ");
        title.push_str(&scope);
    }
    if app.pane == crate::tui::pane::PaneId::Cases
        && app.cases.view != crate::tui::casework::CaseView::All
    {
        title.push_str(" · ");
        title.push_str(&app.cases.view.label(lang));
    }
    if app.pane == crate::tui::pane::PaneId::Cases
        && app.cases.sort != crate::store::CaseSort::Deadline
    {
        title.push_str(" · ");
        title.push_str(i18n::case_sort_label(lang, app.cases.sort));
    }
    if let (crate::tui::pane::PaneId::Filings, Some(code)) = (app.pane, &app.review.queue_problem) {
        title.push_str(" · ");
        title.push_str(&i18n::problem_scope(lang, code));
    }
    if !list.filter.is_empty() {
        title.push_str(" · ");
        title.push_str(&i18n::filter_active(lang, &clean(&list.filter)));
    }
    let shown = shown(app, area.width.saturating_sub(2));
    if let Some(place) = &shown.dropped {
        title.push_str(" · ");
        title.push_str(&i18n::place_dropped(lang, place));
    }
    let block = titled(&title, area);
    let block = if list.items.is_empty() {
        block
    } else {
        block.title_bottom(
            Line::from(i18n::position(lang, list.cursor + 1, !list.at_bottom)).right_aligned(),
        )
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    draw_rows(frame, app, inner, &shown);
}

/// The rows in view, cut to their columns: what differs kept, a place
/// prefix most names share said once in the title instead of on each row.
pub struct Shown {
    widths: Vec<u16>,
    rows: Vec<(Vec<String>, Option<Color>, bool)>,
    /// The place prefix left out of the names.
    pub dropped: Option<String>,
}

/// Which cell holds a name (a place prefix may go) and which a number
/// (cut from the front: its tail tells records apart).
fn name_and_number(item: &ListItem) -> (Option<usize>, Option<usize>) {
    match item {
        ListItem::Filing(_) => (Some(1), None),
        ListItem::Licence(_) => (Some(2), Some(1)),
        ListItem::Case(_) => (Some(1), Some(0)),
        ListItem::Inspection(_) => (Some(2), Some(1)),
        ListItem::Employer(_) => (Some(0), Some(1)),
        ListItem::Person(_) => (Some(2), Some(1)),
    }
}

/// The list's rows in view at `total` columns, fitted.
pub fn shown(app: &App, total: u16) -> Shown {
    let empty = Shown {
        widths: Vec::new(),
        rows: Vec::new(),
        dropped: None,
    };
    let Some(list) = app.list() else {
        return empty;
    };
    let pane = app.pane.index();
    let headers = i18n::columns(pane, app.lang);
    let height = app.list_height();
    let mut rows: Vec<(Vec<String>, Option<Color>, bool)> = Vec::new();
    let mut kinds = None;
    for (i, item) in list.items.iter().enumerate().skip(list.scroll).take(height) {
        let (texts, colour) = cells(app, item);
        kinds = Some(name_and_number(item));
        rows.push((texts, colour, i == list.cursor));
    }
    let (name_col, number_col) = kinds.unwrap_or((None, None));
    let mut natural: Vec<u16> = headers.iter().map(|h| width(h) as u16).collect();
    for (texts, ..) in &rows {
        for (n, t) in natural.iter_mut().zip(texts) {
            *n = (*n).max(width(t) as u16);
        }
    }
    let specs = column_specs(pane);
    let mut widths = share_to_fit(total, specs, &natural);
    let mut dropped = None;
    if let Some(c) = name_col.filter(|c| *c < widths.len()) {
        let names: Vec<&str> = rows.iter().map(|(t, ..)| t[c].as_str()).collect();
        // In the lookup every keystroke may redraw every row: there the
        // place goes whenever most names share it, cut or not, sparing a
        // thin client its bytes (issue 21, point 12).
        let room = if app.pane == crate::tui::pane::PaneId::Licences {
            0
        } else {
            usize::from(widths[c])
        };
        dropped = shared_place(&names, room);
        if let Some(place) = &dropped {
            for (texts, ..) in rows.iter_mut() {
                if let Some(rest) = texts[c].strip_prefix(place.as_str()) {
                    texts[c] = rest.to_string();
                }
            }
            for (n, (texts, ..)) in rows.iter().enumerate() {
                if n == 0 {
                    natural[c] = width(headers[c]) as u16;
                }
                natural[c] = natural[c].max(width(&texts[c]) as u16);
            }
            widths = share_to_fit(total, specs, &natural);
        }
    }
    for (texts, ..) in rows.iter_mut() {
        for (n, (t, w)) in texts.iter_mut().zip(&widths).enumerate() {
            *t = if Some(n) == number_col {
                fit_end(t, usize::from(*w))
            } else {
                fit(t, usize::from(*w))
            };
        }
    }
    Shown {
        widths,
        rows,
        dropped,
    }
}

/// The list's header and the rows `shown`, inside its block.
pub fn draw_rows(frame: &mut Frame, app: &App, inner: Rect, shown: &Shown) {
    let Some(list) = app.list() else { return };
    let pane = app.pane.index();
    let lang = app.lang;
    let widths = if shown.widths.is_empty() {
        share_to_fit(inner.width, column_specs(pane), &[])
    } else {
        shown.widths.clone()
    };
    let headers = i18n::columns(pane, lang);
    let header = Row::new(
        headers
            .iter()
            .zip(&widths)
            .map(|(h, w)| Cell::from(fit(h, usize::from(*w)))),
    )
    .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    let rows: Vec<Row> = shown
        .rows
        .iter()
        .map(|(texts, colour, at_cursor)| {
            let mut style = Style::new();
            if let Some(c) = colour {
                style = style.fg(*c);
            }
            if *at_cursor {
                style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
            }
            Row::new(texts.iter().map(|t| Cell::from(t.clone()))).style(style)
        })
        .collect();
    let constraints: Vec<Constraint> = widths.iter().map(|w| Constraint::Length(*w)).collect();
    if rows.is_empty() {
        let note = if let Some(e) = &list.error {
            i18n::load_failed(lang, e)
        } else if list.loading.is_some() || !list.loaded_once {
            i18n::loading(lang).to_string()
        } else if !list.filter.is_empty() {
            i18n::no_match(lang, &clean(&list.filter))
        } else {
            i18n::empty_list(lang).to_string()
        };
        frame.render_widget(
            Table::new(Vec::<Row>::new(), constraints.clone()).header(header),
            inner,
        );
        let below = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        frame.render_widget(Paragraph::new(fit(&note, usize::from(inner.width))), below);
        return;
    }
    frame.render_widget(
        Table::new(rows, constraints)
            .header(header)
            .column_spacing(1),
        inner,
    );
}

/// A pending filing: its kind, employer, when received and due, its problems and lease.
fn filing_cells(app: &App, f: &crate::store::FilingItem) -> (Vec<String>, Option<Color>) {
    let lang = app.lang;
    let none = || "-".to_string();
    let received = office_date(f.received_at);
    let due = app.calendar.add_working_days(received, 10);
    let due_text = format!("{}{}", due.date, if due.provisional { "?" } else { "" });
    let problems = app
        .review
        .problems
        .get(&f.id)
        .copied()
        .unwrap_or(f.material_problems as usize);
    let colour = if due.date < app.today {
        Some(Color::Red)
    } else if problems > 0 {
        Some(Color::Yellow)
    } else {
        None
    };
    (
        vec![
            // A tagged filing is marked in words too, not by colour alone.
            // `@`: someone else is reviewing it now (the detail says who).
            format!(
                "{}{}{}",
                if app.review.tagged.contains(&f.id) {
                    "*"
                } else {
                    ""
                },
                if f.lease_by.is_some_and(|by| by != app.who.id) {
                    "@"
                } else {
                    ""
                },
                f.kind.label(lang).to_string()
            ),
            f.employer_name.as_deref().map_or_else(none, clean),
            f.person_name.as_deref().map_or_else(none, clean),
            f.person_id_number
                .as_deref()
                .map_or_else(none, |s| clean(&mask_id_number(s))),
            received.format("%m-%d").to_string(),
            due_text,
            // The full checks' count once known; the materials' until then.
            match app
                .review
                .problems
                .get(&f.id)
                .copied()
                .unwrap_or(f.material_problems as usize)
            {
                0 => "-".into(),
                n => n.to_string(),
            },
        ],
        colour,
    )
}

/// A case: its number, respondent, stage, next deadline and officer.
fn case_cells(app: &App, c: &crate::store::CaseItem) -> (Vec<String>, Option<Color>) {
    let lang = app.lang;
    let none = || "-".to_string();
    let overdue = c.due_on.is_some_and(|d| d < app.today);
    let soon = c
        .due_on
        .is_some_and(|d| d >= app.today && d <= app.calendar.add_working_days(app.today, 5).date);
    let respondent = if c.mass_incident {
        format!(
            "{}{}",
            lang.pick("[群体]", "[MASS]"),
            clean(&c.respondent_name)
        )
    } else {
        clean(&c.respondent_name)
    };
    (
        vec![
            // A tagged case is marked in words too, not by colour alone.
            format!(
                "{}{}",
                if app.cases.tagged.contains(&c.id) {
                    "*"
                } else {
                    ""
                },
                clean(&c.number)
            ),
            respondent,
            c.stage.label(lang).to_string(),
            c.due_on
                .map_or_else(none, |d| format!("{d}{}", if overdue { "!" } else { "" })),
            c.officer_name.as_deref().map_or_else(none, clean),
        ],
        if overdue {
            Some(Color::Red)
        } else if soon {
            Some(Color::Yellow)
        } else {
            None
        },
    )
}

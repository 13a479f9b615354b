//! Help, the command palette and the keymap view, drawn over the pane.

use super::super::action::Action;
use super::super::app::{App, Overlay};
use super::super::keymap::{SECTIONS, describe};
use super::super::labels;
use super::super::palette::Palette;
use super::super::text::{clean, fit, width};
use crate::i18n;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// A box in the middle of the screen, `w`×`h` at most, above the message
/// and the status line (`render`'s layout): a message of several rows (a
/// document's path) is never hidden under it — the box moves up, then
/// shrinks.
fn centred(frame: &Frame, app: &App, w: u16, h: u16) -> Rect {
    let area = frame.area();
    let foot = app.message_rows() + super::STATUS_ROWS;
    let above_foot = area.height.saturating_sub(foot);
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2)).min(above_foot);
    let y = (area.y + (area.height - h) / 2).min(area.y + above_foot - h);
    Rect {
        x: area.x + (area.width - w) / 2,
        y,
        width: w,
        height: h,
    }
}

/// A blank column either side of the box, inside the pane's own border: a
/// double-width character just left of it would lose its right half under
/// the border and show as garbage, and a stray letter of the page beneath
/// (`│f│`) reads as part of the box.
fn mend_left_edge(frame: &mut Frame, area: Rect) {
    let screen = frame.area();
    let buf = frame.buffer_mut();
    for x in [area.x.checked_sub(1), Some(area.right())]
        .into_iter()
        .flatten()
        .filter(|x| *x > screen.left() && *x + 1 < screen.right())
    {
        for y in area.top()..area.bottom() {
            buf[(x, y)].set_symbol(" ");
        }
    }
    // A wide character whose right half the blank took: blank its left.
    if area.x >= 2 {
        for y in area.top()..area.bottom() {
            let cell = &mut buf[(area.x - 2, y)];
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

/// The width of an overlay's box.
pub(super) const FORM_WIDTH: u16 = 76;

/// The columns inside a box of `FORM_WIDTH` and its borders, on this screen.
pub(super) fn inner_width(frame: &Frame) -> usize {
    usize::from(FORM_WIDTH.min(frame.area().width.saturating_sub(2))).saturating_sub(2)
}

pub(super) fn boxed(
    frame: &mut Frame,
    app: &App,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
) {
    let area = centred(frame, app, FORM_WIDTH, 20);
    frame.render_widget(Clear, area);
    mend_left_edge(frame, area);
    let t = fit(title, usize::from(area.width.saturating_sub(2)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(Block::new().borders(Borders::ALL).title(t))
            .scroll((scroll, 0)),
        area,
    );
}

/// A text to read, each line wrapped (a draw's result: its fingerprints are long).
pub fn text(frame: &mut Frame, app: &App, title: &str, lines: &[String], scroll: u16) {
    let area = centred(frame, app, FORM_WIDTH, 20);
    frame.render_widget(Clear, area);
    mend_left_edge(frame, area);
    let t = fit(&clean(title), usize::from(area.width.saturating_sub(2)));
    let body: Vec<Line<'static>> = lines
        .iter()
        .map(|l| Line::raw(clean(&l.replace('\t', "  "))))
        .collect();
    frame.render_widget(
        Paragraph::new(body)
            .block(Block::new().borders(Borders::ALL).title(t))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

fn key_line(key: &str, desc: &str) -> Line<'static> {
    let pad = 12usize.saturating_sub(width(key));
    Line::from(vec![
        Span::styled(
            format!(" {key}{}", " ".repeat(pad)),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(desc.to_string()),
    ])
}

pub fn help(frame: &mut Frame, app: &App, scroll: u16, under: Option<&Overlay>) {
    if let Some(under) = under {
        return layer_help(frame, app, scroll, under);
    }
    let contexts = app.contexts();
    let mut lines: Vec<Line<'static>> = Vec::new();
    if app.lookup_typing() {
        // While the query line takes the keys, letters and digits are text.
        let key = |a| {
            app.keymap
                .key_for(&contexts, a)
                .map_or_else(|| "-".to_string(), |c| c.to_string())
        };
        let (scope, next) = (key(Action::Scope), key(Action::NextPane));
        for note in i18n::lookup_keys(app.lang, &scope, &next) {
            lines.push(Line::styled(
                note,
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
    }
    let bindings: Vec<Line<'static>> = app
        .keymap
        .effective(&contexts)
        .into_iter()
        .filter(|b| app.works_here(b.action))
        .map(|b| key_line(&b.chord.to_string(), &clean(&describe(b, app.lang))))
        .collect();
    lines.extend(bindings);
    boxed(frame, app, i18n::help_title(app.lang), lines, scroll);
}

/// Help asked from an overlay: the keys of its layer, and the keys no
/// keymap changes (Ctrl-C; in a line or a form, the typed keys).
fn layer_help(frame: &mut Frame, app: &App, scroll: u16, under: &Overlay) {
    let (lang, layer) = (app.lang, under.layer());
    // Forms with choices turn them with the arrows; the notice edits with them.
    let choices = matches!(under, Overlay::Form(_) | Overlay::CaseConfirm { .. });
    let mut lines: Vec<Line<'static>> = app
        .keymap
        .effective(&[layer.section()])
        .into_iter()
        .map(|b| key_line(&b.chord.to_string(), &clean(&describe(b, lang))))
        .collect();
    for (key, what) in labels::layer_fixed_keys(lang, layer.takes_text(), choices) {
        lines.push(key_line(key, what));
    }
    boxed(frame, app, labels::layer_help_title(lang), lines, scroll);
}

pub fn keymap(frame: &mut Frame, app: &App, scroll: u16) {
    let lang = app.lang;
    let mut lines = Vec::new();
    if app.keymap.problems.is_empty() {
        lines.push(Line::raw(i18n::keymap_no_problems(lang)));
    }
    for p in &app.keymap.problems {
        lines.push(Line::styled(
            clean(&p.sentence(lang)),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    for section in SECTIONS {
        let bindings = app.keymap.bindings(section);
        if bindings.is_empty() {
            continue;
        }
        lines.push(Line::styled(
            format!("[{section}]"),
            Style::new().add_modifier(Modifier::UNDERLINED),
        ));
        for b in bindings {
            lines.push(key_line(&b.chord.to_string(), &clean(&describe(b, lang))));
        }
    }
    boxed(
        frame,
        app,
        &i18n::keymap_title(lang, &clean(&app.keymap.name)),
        lines,
        scroll,
    );
}

pub fn palette(frame: &mut Frame, app: &App, p: &Palette) {
    let lang = app.lang;
    let contexts = app.contexts();
    let mut lines = vec![Line::from(vec![
        Span::styled(": ", Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(format!("{}_", clean(&p.query))),
    ])];
    for (i, a) in p.matches.iter().enumerate().take(16) {
        let key = app
            .keymap
            .key_for(&contexts, *a)
            .map(|c| c.to_string())
            .unwrap_or_default();
        let mut line = key_line(&key, crate::tui::labels::action_label(*a, lang));
        if i == p.selected {
            line = line.style(Style::new().add_modifier(Modifier::REVERSED));
        }
        lines.push(line);
    }
    boxed(frame, app, i18n::palette_title(lang), lines, 0);
}

/// A decision to confirm: its problems, the notice or the reason asked for.
pub fn decide(frame: &mut Frame, app: &App, d: &crate::workflow::Draft, input: &str) {
    use crate::domain::decision::Decision;
    let lang = app.lang;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if d.problems.is_empty() {
        lines.push(Line::raw(i18n::decide_no_problems(lang)));
    } else if d.decision == Decision::Approve {
        for (n, p) in d.problems.iter().enumerate() {
            lines.push(Line::raw(format!("{}. {}", n + 1, clean(p))));
        }
    }
    if d.decision == Decision::Return {
        for l in d.notice.lines() {
            lines.push(Line::raw(clean(l)));
        }
    }
    lines.push(Line::raw(""));
    match (&d.refused, d.decision, d.needs_reason) {
        (Some(why), _, _) => {
            lines.push(Line::styled(clean(why), bold));
            lines.push(Line::raw(i18n::decide_close(lang)));
        }
        (None, Decision::Approve, true) => {
            lines.push(Line::styled(
                format!("{}{}_", i18n::decide_reason(lang), clean(input)),
                bold,
            ));
            lines.push(Line::raw(i18n::decide_confirm(lang, true)));
        }
        (None, Decision::Return, _) => {
            lines.push(Line::styled(
                format!("{}{}_", i18n::decide_remark(lang), clean(input)),
                bold,
            ));
            lines.push(Line::raw(i18n::decide_confirm(lang, false)));
        }
        (None, Decision::Approve, false) => lines.push(Line::raw(i18n::decide_confirm(lang, true))),
    }
    let title = i18n::decide_title(lang, d.id, d.decision == Decision::Approve);
    boxed(frame, app, &title, lines, 0);
}

/// The reason asked before a person's data is shown in full.
pub fn reveal(frame: &mut Frame, app: &App, input: &str) {
    let lang = app.lang;
    let lines = vec![
        Line::styled(
            format!("{}{}_", i18n::reveal_reason(lang), clean(input)),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::raw(i18n::decide_close(lang)),
    ];
    boxed(frame, app, i18n::reveal_title(lang), lines, 0);
}

/// The question before approving every tagged filing: how many, of which kinds.
pub fn confirm_approve(
    frame: &mut Frame,
    app: &App,
    ids: &[i64],
    kinds: &[(crate::domain::FilingKind, usize)],
    unseen: usize,
) {
    let lang = app.lang;
    let mut lines: Vec<Line<'static>> = kinds
        .iter()
        .map(|(k, n)| {
            Line::raw(format!(
                "  {}  {}",
                k.label(lang),
                i18n::problems_count(lang, *n as i64)
            ))
        })
        .collect();
    if unseen > 0 {
        lines.push(Line::raw(format!(
            "  {}",
            i18n::confirm_unseen(lang, unseen)
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        i18n::confirm_approve_keys(lang),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    boxed(
        frame,
        app,
        &i18n::confirm_approve_title(lang, ids.len()),
        lines,
        0,
    );
}

/// The problems found in the queue, each with how many filings have it.
pub fn problems(frame: &mut Frame, app: &App, cursor: usize) {
    let lang = app.lang;
    let tally = app.review.problem_tally.as_deref().unwrap_or_default();
    let mut rows: Vec<(String, String)> =
        vec![(i18n::problems_any(lang).to_string(), String::new())];
    rows.extend(tally.iter().map(|(code, n)| {
        (
            i18n::problem_label(lang, code),
            i18n::problems_count(lang, *n),
        )
    }));
    let bold = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
    let lines: Vec<Line<'static>> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let pad = 40usize.saturating_sub(width(&label));
            let text = format!(" {label}{}{n} ", " ".repeat(pad));
            if i == cursor {
                Line::styled(text, bold)
            } else {
                Line::raw(text)
            }
        })
        .collect();
    // Keep the cursor's row in the box (18 rows inside the border).
    let scroll = cursor.saturating_sub(17) as u16;
    boxed(frame, app, i18n::problems_title(lang), lines, scroll);
}

/// The documents a case may have printed, the chosen one marked.
pub fn documents(
    frame: &mut Frame,
    app: &App,
    kinds: &[crate::domain::documents::DocKind],
    cursor: usize,
) {
    let bold = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
    let lines: Vec<Line<'static>> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let text = format!(
                " {} {}",
                if i == cursor { ">" } else { " " },
                k.title(app.lang)
            );
            if i == cursor {
                Line::styled(text, bold)
            } else {
                Line::raw(text)
            }
        })
        .collect();
    boxed(frame, app, i18n::choose_document(app.lang), lines, 0);
}

/// The correction notice in its editor, with the keys that send or keep it.
pub fn notice(
    frame: &mut Frame,
    app: &App,
    d: &crate::workflow::Draft,
    editor: &ratatui_textarea::TextArea<'static>,
) {
    let lang = app.lang;
    let area = centred(frame, app, 76, 20);
    frame.render_widget(Clear, area);
    mend_left_edge(frame, area);
    let title = i18n::decide_title(lang, d.id, false);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(fit(&title, usize::from(area.width.saturating_sub(2))));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The day to correct by goes on its own line above the keys.
    let deadline = d
        .correction_due
        .as_ref()
        .map(|due| i18n::notice_adds_deadline(lang, due));
    let below = 1 + u16::from(deadline.is_some());
    if inner.height <= below {
        return;
    }
    let text = Rect {
        height: inner.height - below,
        ..inner
    };
    frame.render_widget(editor, text);
    if let Some(line) = deadline {
        let at = Rect {
            y: inner.y + inner.height - 2,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Line::raw(fit(&line, usize::from(at.width)))),
            at,
        );
    }
    let hint = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(i18n::notice_keys(lang), usize::from(hint.width)),
            Style::new().add_modifier(Modifier::BOLD),
        )),
        hint,
    );
}

//! The complaints inbox and its decision form, drawn over the case queue.
//! The complainant is masked as personal data is everywhere on the screen.

use super::super::app::App;
use super::super::inbox::{DecideComplaint, Inbox};
use super::super::text::{clean, fit};
use super::super::wrap::wrap;
use super::overlay::{boxed, inner_width};
use crate::domain::mask::{mask_digit_runs, mask_id_number, mask_middle, mask_phone};
use crate::i18n::{self, Lang};
use crate::workflow::complaints::{Waiting, outcome};
use ratatui::Frame;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

fn bold(text: String) -> Line<'static> {
    Line::styled(text, Style::new().add_modifier(Modifier::BOLD))
}

/// A complaint's row: its number, received, due (marked when past), the
/// respondent and the matters, cut with `~` to the box's `w` columns. The
/// mark keeps its column on every row, so the respondents line up.
fn row(w: &Waiting, lang: Lang, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let c = &w.complaint;
    let mark = format!(" {}!", i18n::overdue_mark(lang));
    let mark = if w.overdue {
        mark
    } else {
        " ".repeat(mark.width())
    };
    let head = format!(" {:>4}  {}  → {}{mark}  ", c.id, c.received_on, w.due.due);
    let tail = format!(
        "{} · {}",
        clean(&c.respondent_name),
        i18n::matter_names(lang, &c.matters)
    );
    let room = width.saturating_sub(head.width());
    format!("{head}{}", fit(&tail, room))
}

fn detail(w: &Waiting, lang: Lang) -> Vec<Line<'static>> {
    let c = &w.complaint;
    let l = i18n::complaint_labels(lang);
    let mut who = mask_middle(&c.complainant_name, 1, 0);
    for v in [
        mask_phone(&c.complainant_phone),
        mask_id_number(&c.complainant_id_number),
    ] {
        if !v.is_empty() {
            who.push_str(&format!(" · {v}"));
        }
    }
    let due = if w.overdue {
        format!("{}（{}）", w.due.due, i18n::overdue_mark(lang))
    } else {
        w.due.due.to_string()
    };
    let mut out = vec![
        Line::raw(format!("{}：{}", l[0], c.id)),
        Line::raw(format!("{}：{}", l[1], clean(&who))),
        Line::raw(format!("{}：{}", l[2], clean(&c.respondent_name))),
        Line::raw(format!(
            "{}：{}",
            l[3],
            i18n::matter_names(lang, &c.matters)
        )),
        Line::raw(format!("{}：{}", l[4], clean(&mask_digit_runs(&c.facts)))),
        Line::raw(format!("{}：{}", l[5], c.channel.label(lang))),
        Line::raw(format!("{}：{}", l[6], c.received_on)),
        Line::raw(format!(
            "{}：{}",
            l[7],
            c.violation_on.map_or("-".into(), |d| d.to_string())
        )),
        bold(format!("{}：{due}", l[8])),
        Line::raw(format!("  {}", w.due.describe_in(lang))),
        Line::raw(format!(
            "{}{}",
            i18n::rules_lead_to(lang),
            i18n::intake_outcome(lang, &outcome(c, false, ""))
        )),
    ];
    out.push(Line::raw(""));
    out.push(bold(i18n::inbox_keys(lang, true, false)));
    out
}

pub fn inbox(frame: &mut Frame, app: &App, inbox: &Inbox) {
    let lang = app.lang;
    let title = i18n::inbox_title(
        lang,
        Some(inbox.rows.len() as i64),
        inbox.rows.iter().filter(|w| w.overdue).count() as i64,
    );
    if let (true, Some(w)) = (inbox.open, inbox.chosen()) {
        boxed(frame, app, &title, detail(w, lang), 0);
        return;
    }
    // Inside the box and its borders.
    let inner = inner_width(frame);
    let mut lines: Vec<Line<'static>> = inbox
        .rows
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let text = row(w, lang, inner);
            let style = match (i == inbox.cursor, w.overdue) {
                (true, _) => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                (false, true) => Style::new().fg(Color::Red),
                (false, false) => Style::new(),
            };
            Line::styled(text, style)
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::raw(i18n::no_complaints_pending(lang)));
    }
    lines.push(Line::raw(""));
    lines.push(bold(i18n::inbox_keys(
        lang,
        false,
        inbox.answered.is_some(),
    )));
    // The cursor's row stays in the box (18 rows inside).
    let scroll = inbox.cursor.saturating_sub(15) as u16;
    boxed(frame, app, &title, lines, scroll);
}

pub fn decide(frame: &mut Frame, app: &App, f: &DecideComplaint) {
    let lang = app.lang;
    let Some(w) = f.waiting() else {
        return;
    };
    let c = &w.complaint;
    let mark = |on: bool, text: String| {
        if on {
            Line::styled(
                format!("▶ {text}"),
                Style::new().add_modifier(Modifier::BOLD),
            )
        } else {
            Line::raw(format!("  {text}"))
        }
    };
    let l = i18n::complaint_labels(lang);
    let colon = lang.pick("：", ": ");
    let mut lines = vec![
        Line::raw(format!("{}{colon}{}", l[2], clean(&c.respondent_name))),
        Line::raw(format!("{}{colon}{}", l[8], w.due.due)),
        Line::raw(""),
        mark(f.field == 0, i18n::dispute_question(lang, f.dispute)),
        mark(
            f.field == 1,
            format!("{}{}_", i18n::elsewhere_label(lang), clean(&f.elsewhere)),
        ),
        mark(
            f.field == 2,
            format!("{}{}_", i18n::decision_note_label(lang), clean(&f.note)),
        ),
        Line::raw(""),
    ];
    // What the rules lead to and a refusal are sentences: wrapped whole
    // inside the box, never cut (a place named elsewhere makes them long).
    let inner = inner_width(frame);
    lines.extend(wrap(
        bold(format!(
            "{}{}",
            i18n::rules_lead_to(lang),
            i18n::intake_outcome(lang, &outcome(c, f.dispute, &f.elsewhere))
        )),
        inner,
    ));
    if let Some(e) = &f.error {
        lines.extend(wrap(
            Line::styled(clean(e), Style::new().fg(Color::Red)),
            inner,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(bold(i18n::complaint_decide_keys(lang).to_string()));
    boxed(
        frame,
        app,
        &i18n::complaint_decide_title(lang, c.id),
        lines,
        0,
    );
}

//! The 许可查询 pane: the query line, then the hits, or the licence list while
//! the query is empty.

use super::super::action::Action;
use super::super::app::App;
use super::super::text::{clean, fit, fit_end, share, shared_place};
use super::{list, titled};
use crate::i18n::{self, Lang};
use crate::search::{KindFilter, RecordKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

pub fn scope_label(f: KindFilter, lang: Lang) -> &'static str {
    match f {
        KindFilter::Licences => lang.pick("许可证与协议", "licences and agreements"),
        KindFilter::Only(k) => k.label(lang),
        KindFilter::Employers => lang.pick("参保单位", "insured employers"),
        KindFilter::Persons => lang.pick("参保人员", "insured persons"),
        KindFilter::All => lang.pick("全部", "everything"),
    }
}

pub fn kind_label(k: RecordKind, lang: Lang) -> &'static str {
    match k {
        RecordKind::Licence(l) => l.label(lang),
        RecordKind::Employer => lang.pick("参保单位", "Employer"),
        RecordKind::Person => lang.pick("参保人员", "Person"),
    }
}

/// The kind as the hits' narrow column shows it: whole in twelve columns,
/// where the full name would be cut to a stem all kinds share (人力资源服~).
pub fn short_kind_label(k: RecordKind, lang: Lang) -> &'static str {
    use crate::domain::LicenceKind as L;
    match k {
        RecordKind::Licence(L::HrService) => lang.pick("人服许可证", "HR service"),
        RecordKind::Licence(L::TrainingSchool) => lang.pick("办学许可证", "School"),
        RecordKind::Licence(L::DesignatedClinic) => lang.pick("定点医疗机构", "Clinic"),
        RecordKind::Licence(L::DesignatedPharmacy) => lang.pick("定点零售药店", "Pharmacy"),
        RecordKind::Licence(L::WorkInjuryAgreement) => lang.pick("工伤协议机构", "Work injury"),
        RecordKind::Employer => lang.pick("参保单位", "Employer"),
        RecordKind::Person => lang.pick("参保人员", "Person"),
    }
}

fn status_colour(code: &str) -> Option<Color> {
    match code {
        "valid" | "active" => Some(Color::Green),
        "expiring" => Some(Color::Yellow),
        "expired" | "revoked" => Some(Color::Red),
        "suspended" => Some(Color::Magenta),
        "cancelled" => Some(Color::DarkGray),
        _ => None,
    }
}

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let l = &app.lookup;
    let mut title = format!(
        "{} · {}",
        i18n::pane_title(1, lang),
        i18n::lookup_scope(lang, scope_label(l.filter, lang))
    );
    let listed = (!l.searching()).then(|| list::shown(app, area.width.saturating_sub(2)));
    let widths = share(
        area.width.saturating_sub(2),
        &[(12, 0), (26, 0), (14, 1), (9, 0)],
    );
    let found = match (&app.index, &l.hits) {
        (Some(index), Some(hits)) if l.searching() => Some(hit_texts(app, index, hits)),
        _ => None,
    };
    let dropped = match (&listed, &found) {
        (Some(s), _) => s.dropped.as_ref(),
        (_, Some((_, place))) => place.as_ref(),
        _ => None,
    };
    if let Some(place) = dropped {
        title.push_str(" · ");
        title.push_str(&i18n::place_dropped(lang, place));
    }
    let block = titled(&title, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [query_row, body] =
        ratatui::layout::Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let key = |a: Action| {
        app.keymap
            .key_for(&app.contexts(), a)
            .map(|c| c.to_string())
    };
    let state = if let Some(e) = &app.index_error {
        i18n::load_failed(lang, e)
    } else if app.index.is_none() {
        i18n::index_building(lang).to_string()
    } else if l.editing {
        i18n::lookup_hint(lang, key(Action::Scope).as_deref())
    } else {
        String::new()
    };
    let prompt = i18n::lookup_prompt(lang);
    let room = usize::from(query_row.width).saturating_sub(super::super::text::width(prompt) + 1);
    let line = if l.editing {
        let typed = fit(&format!("{}_", clean(&l.query)), room / 2);
        let hint = fit(
            &state,
            room.saturating_sub(super::super::text::width(&typed) + 2),
        );
        Line::from(vec![
            Span::styled(prompt, Style::new().add_modifier(Modifier::BOLD)),
            Span::styled(typed, Style::new().add_modifier(Modifier::UNDERLINED)),
            Span::raw("  "),
            Span::styled(hint, Style::new().add_modifier(Modifier::DIM)),
        ])
    } else {
        // Off the line, keys are commands: said in so many words, so a
        // credit code typed now is not taken for keys unawares.
        let typed = fit(&clean(&l.query), room / 3);
        let left = fit(
            &i18n::lookup_left(lang, key(Action::Filter).as_deref()),
            room.saturating_sub(super::super::text::width(&typed) + 1),
        );
        Line::from(vec![
            Span::styled(prompt, Style::new().add_modifier(Modifier::DIM)),
            Span::styled(typed, Style::new().add_modifier(Modifier::DIM)),
            Span::raw(" "),
            Span::styled(
                left,
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ),
        ])
    };
    frame.render_widget(Paragraph::new(line), query_row);
    if let Some(listed) = &listed {
        list::draw_rows(frame, app, body, listed);
        return;
    }
    let (Some(index), Some(hits), Some((texts, _))) = (&app.index, &l.hits, found) else {
        frame.render_widget(Paragraph::new(i18n::loading(lang)), body);
        return;
    };
    let header = Row::new(
        i18n::lookup_columns(lang)
            .iter()
            .zip(&widths)
            .map(|(h, w)| Cell::from(fit(h, usize::from(*w)))),
    )
    .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    if hits.top.is_empty() {
        frame.render_widget(
            Table::new(
                Vec::<Row>::new(),
                widths.iter().map(|w| Constraint::Length(*w)),
            )
            .header(header),
            body,
        );
        let below = Rect {
            y: body.y + 1,
            height: body.height.saturating_sub(1),
            ..body
        };
        frame.render_widget(
            Paragraph::new(i18n::no_match(lang, &clean(&l.query))),
            below,
        );
        return;
    }
    let rows: Vec<Row> = texts
        .into_iter()
        .zip(hits.top.iter().enumerate().skip(l.scroll))
        .map(|(texts, (n, h))| {
            let i = h.index;
            let mut style = Style::new();
            if let Some(c) = status_colour(index.status(i)) {
                style = style.fg(c);
            }
            if n == l.cursor {
                style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
            }
            Row::new(texts.iter().zip(&widths).enumerate().map(|(n, (t, w))| {
                // A number's tail tells records apart: cut its front.
                let w = usize::from(*w);
                Cell::from(if n == 1 { fit_end(t, w) } else { fit(t, w) })
            }))
            .style(style)
        })
        .collect();
    frame.render_widget(
        Table::new(rows, widths.iter().map(|w| Constraint::Length(*w)))
            .header(header)
            .column_spacing(1),
        body,
    );
}

/// The cells of the hits on screen, and the place prefix most of their
/// names share when it is left out of them (said once in the title). A
/// person's name carries the employer's, so namesakes are told apart.
fn hit_texts(
    app: &App,
    index: &crate::search::Index,
    hits: &crate::search::Hits,
) -> (Vec<[String; 4]>, Option<String>) {
    let lang = app.lang;
    let shown: Vec<u32> = hits
        .top
        .iter()
        .skip(app.lookup.scroll)
        .take(app.list_height())
        .map(|h| h.index)
        .collect();
    // The organisations' names: a licence's holder, an employer, a
    // person's employer.
    let organisation = |i: u32| match index.kind(i) {
        RecordKind::Person => index.employer(i).map(|e| index.display_name(e)),
        _ => Some(index.display_name(i)),
    };
    let names: Vec<&str> = shown.iter().filter_map(|i| organisation(*i)).collect();
    // Whenever most share it, as the listed rows do (see `list::shown`).
    let place = shared_place(&names, 0);
    let short = |name: &str| -> String {
        let kept = place
            .as_deref()
            .and_then(|p| name.strip_prefix(p))
            .filter(|rest| !rest.is_empty())
            .unwrap_or(name);
        clean(kept)
    };
    let texts = shown
        .iter()
        .map(|&i| {
            let name = match (index.kind(i), organisation(i)) {
                (RecordKind::Person, Some(employer)) => {
                    format!("{} · {}", clean(index.display_name(i)), short(employer))
                }
                (RecordKind::Person, None) => clean(index.display_name(i)),
                (_, _) => short(index.display_name(i)),
            };
            [
                short_kind_label(index.kind(i), lang).to_string(),
                clean(&index.shown_number(i)),
                name,
                i18n::record_status(index.kind(i), index.status(i), lang).to_string(),
            ]
        })
        .collect();
    (texts, place)
}

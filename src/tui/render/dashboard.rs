//! The statistics pane.

use super::super::app::App;
use super::super::text::clean;
use super::titled;
use crate::i18n;
use crate::tui::statistics::{StatsView, month_column, today_columns};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// A titled block over `area`, and what was read for it: loading or its
/// failure said inside instead (None then).
fn framed<'a, T>(
    frame: &mut Frame,
    app: &App,
    title: &str,
    area: Rect,
    read: &'a Option<Result<T, String>>,
) -> Option<(&'a T, Rect)> {
    let lang = app.lang;
    let block = titled(title, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match read {
        None => frame.render_widget(Paragraph::new(i18n::loading(lang)), inner),
        Some(Err(e)) => frame.render_widget(Paragraph::new(i18n::load_failed(lang, e)), inner),
        Some(Ok(x)) => return Some((x, inner)),
    }
    None
}

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    if app.stats.view == StatsView::Month {
        return month(frame, app, area);
    }
    let lang = app.lang;
    let columns = match &app.dashboard {
        Some(Ok(d)) => Some(today_columns(d, lang)),
        _ => None,
    };
    let rows = columns.as_ref().map_or(0, |[l, r]| l.len().max(r.len()));
    let title = scrolled_title(app, i18n::pane_title(5, lang), rows, area);
    let Some((_, inner)) = framed(frame, app, &title, area, &app.dashboard) else {
        return;
    };
    let [l, r] = columns.unwrap_or_default();
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let at = shown_from(app, rows, inner.height);
    frame.render_widget(Paragraph::new(l).scroll((at, 0)), left);
    frame.render_widget(Paragraph::new(r).scroll((at, 0)), right);
}

/// The first row shown: the scroll asked, kept so the last row stays at
/// the bottom rather than the page running empty.
fn shown_from(app: &App, rows: usize, height: u16) -> u16 {
    let most = rows.saturating_sub(usize::from(height));
    u16::try_from(app.stats.scroll.min(most)).unwrap_or(u16::MAX)
}

/// A title saying how many rows are above and below the window, when the
/// text is longer than it.
fn scrolled_title(app: &App, title: &str, rows: usize, area: Rect) -> String {
    let height = area.height.saturating_sub(2);
    let at = usize::from(shown_from(app, rows, height));
    let below = rows.saturating_sub(at + usize::from(height));
    let note = i18n::more_rows(app.lang, at, below);
    if note.is_empty() {
        title.to_string()
    } else {
        format!("{title} · {note}")
    }
}

/// The month's figures: counts on the left, the twelve months as sparklines
/// and the decisions by clerk on the right.
fn month(frame: &mut Frame, app: &App, area: Rect) {
    use ratatui::widgets::Sparkline;
    let lang = app.lang;
    let m = app.stats_month();
    let rows = match &app.stats.figures {
        Some(Ok(f)) => month_column(f, lang).len(),
        _ => 0,
    };
    let title = scrolled_title(app, &i18n::stats_title(lang, &m.to_string()), rows, area);
    let Some((f, inner)) = framed(frame, app, &title, area, &app.stats.figures) else {
        return;
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let l = month_column(f, lang);
    let at = shown_from(app, l.len(), inner.height);
    frame.render_widget(Paragraph::new(l).scroll((at, 0)), left);
    // Each series: its label with the month's figure, then a line of bars.
    let series: [(&str, &[u64]); 4] = [
        (i18n::stats_heading(lang, 2), &f.decided_series),
        (i18n::stats_heading(lang, 3), &f.cases_series),
        (i18n::stats_heading(lang, 4), &f.inspections_series),
        (i18n::stats_heading(lang, 5), &f.by_day),
    ];
    let [sparks, matters] =
        Layout::vertical([Constraint::Length(12), Constraint::Min(0)]).areas(right);
    let rows = Layout::vertical([Constraint::Length(3); 4]).split(sparks);
    for ((label, data), at) in series.iter().zip(rows.iter()) {
        let [head, bars] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(2)]).areas(*at);
        let max = data.iter().max().copied().unwrap_or(0);
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("{label}{}", i18n::series_max(lang, max)),
                bold,
            )),
            head,
        );
        // Each figure as wide as the room allows, so twelve months fill the line.
        let wide = (usize::from(bars.width) / data.len().max(1)).max(1);
        let stretched: Vec<u64> = data
            .iter()
            .flat_map(|v| std::iter::repeat_n(*v, wide))
            .collect();
        frame.render_widget(Sparkline::default().data(&stretched), bars);
    }
    // The month's cases by matter, as bars, as many as there is room for.
    if matters.height >= 3 && !f.by_matter.is_empty() {
        use ratatui::layout::Direction;
        use ratatui::widgets::{Bar, BarChart, BarGroup};
        let [head, chart] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(matters);
        frame.render_widget(
            Paragraph::new(Line::styled(i18n::stats_heading(lang, 6), bold)),
            head,
        );
        let bars: Vec<Bar> = f
            .by_matter
            .iter()
            .take(usize::from(chart.height))
            .map(|(m, n)| {
                let label = crate::domain::InspectionMatter::parse(m)
                    .map_or_else(|| clean(m), |x| x.label(lang).to_string());
                Bar::default()
                    .value(*n)
                    .label(Line::raw(super::super::text::fit(&label, 14)))
            })
            .collect();
        frame.render_widget(
            BarChart::default()
                .direction(Direction::Horizontal)
                .bar_width(1)
                .bar_gap(0)
                .data(BarGroup::default().bars(&bars)),
            chart,
        );
    }
}

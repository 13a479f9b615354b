//! The statistics pane.

use super::super::app::App;
use super::super::text::clean;
use super::titled;
use crate::domain::{CaseStage, FilingKind, LicenceKind};
use crate::i18n::{self, Field};
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
    if app.stats.view == crate::tui::statistics::StatsView::Month {
        return month(frame, app, area);
    }
    let lang = app.lang;
    let Some((d, inner)) = framed(frame, app, i18n::pane_title(5, lang), area, &app.dashboard)
    else {
        return;
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    // Figures first, right-aligned, so a long label never hides one.
    let row = |label: &str, n: i64| Line::raw(format!("{n:>7}  {label}"));
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let c = &d.counts;
    let mut l = vec![
        Line::styled(Field::Overview.label(lang), bold),
        row(Field::Pending.label(lang), c.pending_filings),
        row(Field::OverdueFilings.label(lang), c.overdue_filings),
        row(Field::OpenCases.label(lang), c.open_cases),
        row(Field::OverdueCases.label(lang), c.overdue_cases),
        row(Field::CasesDueSoon.label(lang), d.cases_due_soon),
        row(Field::Employers.label(lang), c.employers),
        row(Field::Persons.label(lang), c.persons),
        Line::raw(""),
        Line::styled(Field::PendingByKind.label(lang), bold),
    ];
    for (kind, n) in &d.pending_by_kind {
        let name =
            FilingKind::parse(kind).map_or_else(|| clean(kind), |k| k.label(lang).to_string());
        l.push(row(&name, *n));
    }
    l.push(Line::raw(""));
    l.push(Line::styled(Field::Supervision.label(lang), bold));
    l.push(row(
        Field::InspectionsPending.label(lang),
        d.inspections_pending,
    ));
    l.push(row(Field::AuditTasksOpen.label(lang), d.audit_tasks_open));
    l.push(row(Field::LeadsOpen.label(lang), d.leads_open));
    let mut r = vec![Line::styled(Field::CasesByStage.label(lang), bold)];
    for stage in CaseStage::ALL {
        let n = d
            .cases_by_stage
            .iter()
            .find(|(s, _)| s == stage.code())
            .map_or(0, |(_, n)| *n);
        r.push(row(stage.label(lang), n));
    }
    r.push(Line::raw(""));
    r.push(Line::styled(Field::LicencesByKind.label(lang), bold));
    for (kind, all, valid) in &d.licences_by_kind {
        let name =
            LicenceKind::parse(kind).map_or_else(|| clean(kind), |k| k.label(lang).to_string());
        r.push(Line::raw(format!(
            "{:>9}  {name}",
            format!("{valid}/{all}")
        )));
    }
    r.push(row(Field::Expiring.label(lang), d.expiring_soon));
    r.push(row(Field::Expired.label(lang), d.expired));
    r.push(row(
        Field::RectificationsOverdue.label(lang),
        d.rectifications_overdue,
    ));
    r.push(row(
        Field::RectificationsPending.label(lang),
        d.rectifications_pending,
    ));
    r.push(row(
        Field::SuspensionsEnding.label(lang),
        d.suspensions_ending,
    ));
    r.push(row(
        Field::HeldUntilRecheck.label(lang),
        d.held_until_recheck,
    ));
    r.push(row(
        Field::AgreementRenewalsDue.label(lang),
        d.agreement_renewals_due,
    ));
    frame.render_widget(Paragraph::new(l), left);
    frame.render_widget(Paragraph::new(r), right);
}

/// The month's figures: counts on the left, the twelve months as sparklines
/// and the decisions by clerk on the right.
fn month(frame: &mut Frame, app: &App, area: Rect) {
    use ratatui::widgets::Sparkline;
    let lang = app.lang;
    let m = app.stats_month();
    let title = i18n::stats_title(lang, &m.to_string());
    let Some((f, inner)) = framed(frame, app, &title, area, &app.stats.figures) else {
        return;
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let row = |label: &str, n: u64| Line::raw(format!("{n:>7}  {label}"));
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let mut l = vec![Line::styled(i18n::stats_heading(lang, 0), bold)];
    l.extend(
        i18n::month_figures(lang, f)
            .into_iter()
            .map(|(label, n)| row(label, n)),
    );
    l.extend([
        Line::raw(""),
        Line::styled(i18n::stats_heading(lang, 1), bold),
    ]);
    if f.by_clerk.is_empty() {
        l.push(Line::raw(format!("{:>7}", "-")));
    }
    for (who, a, r) in f
        .by_clerk
        .iter()
        .take(usize::from(inner.height).saturating_sub(12))
    {
        l.push(Line::raw(format!(
            "{:>7}  {}",
            format!("{a}/{r}"),
            clean(who)
        )));
    }
    frame.render_widget(Paragraph::new(l), left);
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

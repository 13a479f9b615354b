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

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let block = titled(i18n::pane_title(5, lang), area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let d = match &app.dashboard {
        None => {
            frame.render_widget(Paragraph::new(i18n::loading(lang)), inner);
            return;
        }
        Some(Err(e)) => {
            frame.render_widget(Paragraph::new(i18n::load_failed(lang, e)), inner);
            return;
        }
        Some(Ok(d)) => d,
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
        row(Field::OpenCases.label(lang), c.open_cases),
        row(Field::OverdueCases.label(lang), c.overdue_cases),
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
    frame.render_widget(Paragraph::new(l), left);
    frame.render_widget(Paragraph::new(r), right);
}

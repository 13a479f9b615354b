//! The statistics pane's month: `f` turns between today's standing and the
//! month's figures, `[` / `]` go a month back or on, `e` writes the month's
//! report.

use super::text::clean;
use crate::domain::statistics::{Month, MonthFigures};
use crate::domain::{CaseStage, FilingKind, LicenceKind};
use crate::i18n::{self, Field, Lang};
use crate::store::Dashboard;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

/// What the statistics pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatsView {
    #[default]
    Now,
    Month,
}

/// The month shown and its figures once read.
#[derive(Debug, Clone, Default)]
pub struct StatsState {
    pub view: StatsView,
    /// None: the current month.
    pub month: Option<Month>,
    pub figures: Option<Result<MonthFigures, String>>,
    /// The first row shown of the pane's text columns: at 80×24 today's
    /// standing is longer than the screen.
    pub scroll: usize,
}

/// Today's standing as two columns of lines, figures first and right-aligned
/// so a long label never hides one.
pub fn today_columns(d: &Dashboard, lang: Lang) -> [Vec<Line<'static>>; 2] {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let row = |label: &str, n: i64| Line::raw(format!("{n:>7}  {label}"));
    let c = &d.counts;
    let mut l = vec![
        Line::styled(Field::Overview.label(lang), bold),
        row(Field::Pending.label(lang), c.pending_filings),
        row(Field::OverdueFilings.label(lang), c.overdue_filings),
        row(Field::PendingComplaints.label(lang), c.pending_complaints),
        row(Field::OverdueComplaints.label(lang), c.overdue_complaints),
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
    l.extend([
        row(Field::InspectionsPending.label(lang), d.inspections_pending),
        row(Field::AuditTasksOpen.label(lang), d.audit_tasks_open),
        row(Field::LeadsOpen.label(lang), d.leads_open),
    ]);
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
    r.extend([
        row(Field::Expiring.label(lang), d.expiring_soon),
        row(Field::Expired.label(lang), d.expired),
        row(
            Field::RectificationsOverdue.label(lang),
            d.rectifications_overdue,
        ),
        row(
            Field::RectificationsPending.label(lang),
            d.rectifications_pending,
        ),
        row(Field::SuspensionsEnding.label(lang), d.suspensions_ending),
        row(Field::HeldUntilRecheck.label(lang), d.held_until_recheck),
        row(
            Field::AgreementRenewalsDue.label(lang),
            d.agreement_renewals_due,
        ),
    ]);
    [l, r]
}

/// The month's counts and its decisions by clerk: the month view's text column.
pub fn month_column(f: &MonthFigures, lang: Lang) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let row = |label: &str, n: u64| Line::raw(format!("{n:>7}  {label}"));
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
    for (who, a, r) in &f.by_clerk {
        l.push(Line::raw(format!(
            "{:>7}  {}",
            format!("{a}/{r}"),
            clean(who)
        )));
    }
    l
}

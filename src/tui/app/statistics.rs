//! How the statistics pane (统计) acts on its keys and answers: the month
//! shown and its report. Its state is `tui::statistics::StatsState`.

use crate::domain::statistics::{Month, MonthFigures};
use crate::i18n;
use crate::tui::app::{App, Effect};
use crate::tui::pane::PaneId;
use crate::tui::statistics::StatsView;

impl App {
    pub fn stats_month(&self) -> Month {
        self.stats.month.unwrap_or_else(|| Month::of(self.today))
    }

    /// The reads the statistics pane needs: today's standing, and the
    /// month's twelve months of records only while the month is shown (a
    /// change at another desk would otherwise reread them every time).
    pub(crate) fn load_stats(&self) -> Vec<Effect> {
        let mut fx = vec![Effect::LoadDashboard];
        if self.stats.view == StatsView::Month {
            fx.push(Effect::LoadStatistics {
                month: self.stats_month(),
            });
        }
        fx
    }

    pub(crate) fn stats_view(&mut self) -> Vec<Effect> {
        self.stats.view = match self.stats.view {
            StatsView::Now => StatsView::Month,
            StatsView::Month => StatsView::Now,
        };
        match (self.stats.view, &self.stats.figures) {
            (StatsView::Month, None) => vec![Effect::LoadStatistics {
                month: self.stats_month(),
            }],
            _ => vec![],
        }
    }

    /// `[` / `]` on the statistics pane: a month back or on (not past this one).
    pub(crate) fn stats_step(&mut self, forward: bool) -> Vec<Effect> {
        if self.pane != PaneId::Dashboard {
            return vec![];
        }
        let now = Month::of(self.today);
        let m = self.stats_month();
        let to = if forward { m.next() } else { m.prev() };
        if to > now {
            return vec![];
        }
        self.stats.view = StatsView::Month;
        self.stats.month = Some(to);
        self.stats.figures = None;
        vec![Effect::LoadStatistics { month: to }]
    }

    pub(crate) fn stats_loaded(
        &mut self,
        month: Month,
        r: Result<MonthFigures, String>,
    ) -> Vec<Effect> {
        if month == self.stats_month() {
            self.stats.figures = Some(r);
        }
        vec![]
    }

    /// `e` on the statistics pane: the month's report.
    pub(crate) fn ask_report(&mut self) -> Vec<Effect> {
        self.message = Some(i18n::exporting(self.lang).to_string());
        vec![Effect::WriteReport {
            month: self.stats_month(),
            lang: self.lang,
        }]
    }
}

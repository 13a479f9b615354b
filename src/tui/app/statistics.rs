//! How the statistics pane (统计) acts on its keys and answers: the month
//! shown and its report. Its state is `tui::statistics::StatsState`.

use crate::domain::statistics::{Month, MonthFigures};
use crate::i18n;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use crate::tui::pane::PaneId;
use crate::tui::statistics::{StatsView, month_column, today_columns};

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
        self.stats.scroll = 0;
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
        self.stats.scroll = 0;
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

    /// The statistics pane's text moved by a row, a page, or to an end; never
    /// past the row that puts its last line at the bottom.
    pub(crate) fn stats_scroll(&mut self, action: Action) -> Vec<Effect> {
        let lang = self.lang;
        let rows = match (self.stats.view, &self.dashboard, &self.stats.figures) {
            (StatsView::Now, Some(Ok(d)), _) => today_columns(d, lang)
                .iter()
                .map(Vec::len)
                .max()
                .unwrap_or(0),
            (StatsView::Month, _, Some(Ok(f))) => month_column(f, lang).len(),
            _ => 0,
        };
        // Tabs, message, status and the block's two borders.
        let height = usize::from(self.size.1.saturating_sub(4 + self.message_rows()));
        let most = rows.saturating_sub(height);
        let at = self.stats.scroll.min(most);
        self.stats.scroll = match action {
            Action::Down => at + 1,
            Action::Up => at.saturating_sub(1),
            Action::PageDown => at + height.max(1),
            Action::PageUp => at.saturating_sub(height.max(1)),
            Action::Bottom => most,
            _ => 0,
        }
        .min(most);
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

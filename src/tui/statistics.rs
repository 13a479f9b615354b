//! The statistics pane's month: `f` turns between today's standing and the
//! month's figures, `[` / `]` go a month back or on, `e` writes the month's
//! report.

use crate::domain::statistics::{Month, MonthFigures};

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
}

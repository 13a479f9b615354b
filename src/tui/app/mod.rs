//! The program's state. It changes one way, `App::handle` (handle.rs): an
//! event (a key, a resize, a result from the database) in, the effects to
//! run (messages.rs) out. No I/O happens here, so every screen is testable.

use super::keymap::Keymap;
use super::lookup::LookupState;
use super::pane::{ListPane, PaneId};
use crate::domain::{Staff, WorkCalendar};
use crate::i18n::{self, Lang};
use crate::search::{Index, RecordKind};
use crate::store::{Counts, Dashboard, Detail, ListKind};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

pub use super::messages::{AppEvent, CaseMoveAsk, DecisionAsk, Effect};
pub use super::overlay::Overlay;
pub use super::review::{DUE_SOON_WORKING_DAYS, QueueChoice};

// How the app acts for each pane: the panes' modules keep their state and
// its rules, and name nothing of the app.
mod case_overlays;
mod casework;
mod form;
mod inbox;
mod review;
mod statistics;
mod supervision;

/// The smallest terminal every pane is laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// The most rows a message takes above the status line.
pub const MESSAGE_ROWS: usize = 3;

#[derive(Debug, Clone)]
pub struct DetailView {
    pub kind: ListKind,
    pub id: i64,
    pub detail: Option<Detail>,
    pub error: Option<String>,
    pub scroll: u16,
    /// A person's data shown in full after a reason was given; gone with the view.
    pub revealed: Option<crate::store::RevealedPerson>,
    /// A pending filing's problems as the checks find them now.
    pub problems: Option<Vec<crate::domain::review::Problem>>,
}

pub use crate::workflow::Draft as DecisionDraft;

/// Who is working, shown in the status bar.
#[derive(Debug, Clone)]
pub struct Who {
    pub id: i64,
    pub name: String,
    pub login: String,
    pub roles: Vec<crate::domain::Role>,
}

impl From<&Staff> for Who {
    fn from(s: &Staff) -> Self {
        Who {
            id: s.id,
            name: s.name.clone(),
            login: s.login.clone(),
            roles: s.roles.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub who: Who,
    pub database: String,
    pub keymap: Keymap,
    pub pane: PaneId,
    pub lists: HashMap<ListKind, ListPane>,
    pub dashboard: Option<Result<Dashboard, String>>,
    /// The statistics pane's month and view.
    pub stats: super::statistics::StatsState,
    /// The supervision pane's section and its rows.
    pub supervision: super::supervision::SupervisionState,
    pub detail: Option<DetailView>,
    /// The record the one open was opened from (a filing's person): Esc
    /// goes back to it.
    pub came_from: Option<Box<DetailView>>,
    pub overlay: Option<Overlay>,
    /// Typing after `/` goes into the current list's filter.
    pub filtering: bool,
    /// The whole screen is to be sent again (Ctrl-L: a line's noise or a
    /// broadcast message garbled it).
    pub repaint: bool,
    /// Enter pressed while this list was being read afresh (a filter just
    /// typed): the row it comes back with is opened, as typed ahead.
    pub open_on_arrival: Option<ListKind>,
    pub counts: Option<Counts>,
    pub calendar: WorkCalendar,
    pub today: NaiveDate,
    pub message: Option<String>,
    /// The last message said, kept after it is cleared: `Ctrl-G` shows it whole.
    pub last_message: Option<String>,
    pub size: (u16, u16),
    pub quit: bool,
    pub lookup: LookupState,
    /// The review queue: its scope, tags, problems and decisions under way.
    pub review: super::review::ReviewState,
    /// The case queue: its view, order, tags and saved views.
    pub cases: super::casework::CasesState,
    /// A form closed without registering, kept with what was typed.
    pub form_draft: Option<Overlay>,
    /// Days before its end a licence shows as expiring (an office setting).
    pub licence_warn_days: u64,
    /// The lookup index, once built.
    pub index: Option<Arc<Index>>,
    pub index_error: Option<String>,
}

impl App {
    /// The state before the first frame, and what to load for it.
    pub fn new(
        who: Who,
        lang: Lang,
        database: String,
        keymap: Keymap,
        calendar: WorkCalendar,
        today: NaiveDate,
        size: (u16, u16),
    ) -> (App, Vec<Effect>) {
        let message = (!keymap.problems.is_empty())
            .then(|| i18n::keymap_problems(lang, keymap.problems.len()));
        let lists = PaneId::ALL
            .iter()
            .filter_map(|p| p.list_kind())
            .map(|k| (k, ListPane::new(k)))
            .collect();
        let mut app = App {
            lang,
            who,
            database,
            keymap,
            pane: PaneId::Filings,
            lists,
            dashboard: None,
            stats: Default::default(),
            supervision: Default::default(),
            detail: None,
            came_from: None,
            overlay: None,
            filtering: false,
            open_on_arrival: None,
            repaint: false,
            counts: None,
            calendar,
            today,
            message,
            last_message: None,
            size,
            quit: false,
            review: Default::default(),
            cases: Default::default(),
            lookup: LookupState::default(),
            licence_warn_days: crate::domain::licence::DEFAULT_WARN_DAYS,
            form_draft: None,
            index: None,
            index_error: None,
        };
        let mut effects = vec![
            Effect::LoadCounts,
            Effect::BuildIndex,
            Effect::Recheck,
            Effect::RecomputeDeadlines,
            Effect::LoadViews,
        ];
        effects.extend(app.visit());
        (app, effects)
    }

    pub fn list(&self) -> Option<&ListPane> {
        self.pane.list_kind().and_then(|k| self.lists.get(&k))
    }

    pub(super) fn list_mut(&mut self) -> Option<&mut ListPane> {
        let k = self.pane.list_kind()?;
        self.lists.get_mut(&k)
    }

    /// Whether action `a` does something where the user is: the detail
    /// section's keys each belong to some records (a case's steps, a
    /// filing's decisions…), and help lists only those of the record open.
    pub fn works_here(&self, a: super::action::Action) -> bool {
        use super::action::Action;
        let Some(d) = &self.detail else {
            return true;
        };
        match a {
            Action::CaseMove | Action::AddEvidence | Action::Assign => d.kind == ListKind::Cases,
            Action::Reveal => d.kind == ListKind::Persons,
            Action::OpenParty => d.kind == ListKind::Filings,
            Action::Approve | Action::Return => d.kind == ListKind::Filings,
            Action::RecordInspection => {
                matches!(d.kind, ListKind::Licences | ListKind::Inspections)
            }
            Action::SanctionStep | Action::AddLead => d.kind == ListKind::Licences,
            Action::PrintDocument => self.printable().is_some(),
            _ => true,
        }
    }

    /// The keymap sections in force, most specific first.
    pub fn contexts(&self) -> Vec<&'static str> {
        if self.detail.is_some() {
            vec!["detail", "global"]
        } else if self.pane.list_kind().is_some() {
            vec![self.pane.section(), "list", "global"]
        } else {
            vec![self.pane.section(), "global"]
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Rows of a list body at the current size: tabs, border, header, border,
    /// message and status lines take six; the lookup's query line and the
    /// supervision pane's section bar one more.
    pub fn list_height(&self) -> usize {
        let message = self.message_rows() - 1;
        usize::from(
            self.size
                .1
                .saturating_sub(6 + message + u16::from(self.extra_line())),
        )
    }

    /// Rows the message line takes: the message wrapped to the screen's
    /// width, at most `MESSAGE_ROWS` (a longer one ends on the key that
    /// opens it whole), so its end is never cut off unsaid.
    pub fn message_rows(&self) -> u16 {
        match &self.message {
            Some(m) if !self.filtering => self.message_lines(m).len().clamp(1, MESSAGE_ROWS) as u16,
            _ => 1,
        }
    }

    /// A message broken into the screen's lines, as Chinese text breaks.
    pub fn message_lines(&self, m: &str) -> Vec<ratatui::text::Line<'static>> {
        let line = ratatui::text::Line::raw(super::text::clean(m));
        super::wrap::wrap(line, usize::from(self.size.0))
    }

    fn extra_line(&self) -> bool {
        matches!(self.pane, PaneId::Licences | PaneId::Supervision)
    }

    /// The screen row of a list's first row.
    pub fn list_top(&self) -> u16 {
        3 + u16::from(self.extra_line())
    }

    /// The records on screen in the current list, top to bottom, for the
    /// screen's scroll detection; None when no list is showing.
    pub fn visible_ids(&self) -> Option<Vec<i64>> {
        if self.overlay.is_some()
            || self.detail.is_some()
            || self.too_small()
            || self.on_supervision()
        {
            return None;
        }
        let h = self.list_height();
        if self.pane == PaneId::Licences && self.lookup.searching() {
            let hits = self.lookup.hits.as_ref()?;
            return Some(
                hits.top
                    .iter()
                    .skip(self.lookup.scroll)
                    .take(h)
                    .map(|x| i64::from(x.index))
                    .collect(),
            );
        }
        let list = self.list()?;
        Some(
            list.items
                .iter()
                .skip(list.scroll)
                .take(h)
                .map(|i| i.id())
                .collect(),
        )
    }

    /// The queue's choice and problem filter as the store's narrowing.
    pub fn queue_scope(&self) -> crate::store::QueueScope {
        crate::store::QueueScope {
            problem: self.review.queue_problem.clone(),
            ..self.queue_choice_scope()
        }
    }

    fn queue_choice_scope(&self) -> crate::store::QueueScope {
        use crate::domain::calendar::office_offset;
        use chrono::{Days, TimeZone};
        match self.review.queue {
            QueueChoice::All => Default::default(),
            QueueChoice::Kind(k) => crate::store::QueueScope {
                kind: Some(k.code().to_string()),
                ..Default::default()
            },
            QueueChoice::Mine => crate::store::QueueScope {
                assigned_to: Some(self.who.id),
                ..Default::default()
            },
            QueueChoice::DueSoon => {
                // The latest receipt day whose 10-working-day deadline falls
                // within the next three working days: everything up to its end.
                let soon = self
                    .calendar
                    .add_working_days(self.today, DUE_SOON_WORKING_DAYS)
                    .date;
                let mut day = self.today;
                for _ in 0..60 {
                    if self.calendar.add_working_days(day, 10).date <= soon {
                        break;
                    }
                    day = day - Days::new(1);
                }
                let next_midnight = (day + Days::new(1)).and_hms_opt(0, 0, 0).expect("midnight");
                let end = office_offset()
                    .from_local_datetime(&next_midnight)
                    .single()
                    .map(|t| t.with_timezone(&chrono::Utc) - chrono::Duration::microseconds(1));
                crate::store::QueueScope {
                    received_by: end,
                    ..Default::default()
                }
            }
        }
    }

    /// Whether the lookup's query line takes the keys now.
    pub fn lookup_typing(&self) -> bool {
        self.pane == PaneId::Licences && self.lookup.editing && self.detail.is_none()
    }

    pub(super) fn searching_lookup(&self) -> bool {
        self.pane == PaneId::Licences && self.lookup.searching() && self.detail.is_none()
    }

    /// Opens the selected hit's record.
    pub(super) fn open_hit(&mut self) -> Vec<Effect> {
        let (Some(index), Some(hits)) = (&self.index, &self.lookup.hits) else {
            return vec![];
        };
        let Some(hit) = hits.top.get(self.lookup.cursor) else {
            return vec![];
        };
        let kind = match index.kind(hit.index) {
            RecordKind::Licence(_) => ListKind::Licences,
            RecordKind::Employer => ListKind::Employers,
            RecordKind::Person => ListKind::Persons,
        };
        let id = index.id(hit.index);
        // Back from the record, the hits are for moving through and keys
        // are commands (the line says so): a `4` then goes to pane 4
        // rather than into the query unseen. `/` types again.
        self.lookup.editing = false;
        self.open_detail(kind, id)
    }

    /// Opens record `id`'s detail and asks for it.
    pub(super) fn open_detail(&mut self, kind: ListKind, id: i64) -> Vec<Effect> {
        self.detail = Some(DetailView {
            kind,
            id,
            detail: None,
            error: None,
            scroll: 0,
            revealed: None,
            problems: None,
        });
        vec![Effect::LoadDetail { kind, id }]
    }

    /// Loads what the pane shows the first time it is visited.
    pub(super) fn visit(&mut self) -> Vec<Effect> {
        match self.pane {
            PaneId::Dashboard => self.load_stats(),
            PaneId::Supervision
                if self.supervision.section
                    != crate::workflow::supervision::sections::Section::Inspections =>
            {
                self.load_section()
            }
            _ => match self.list_mut() {
                Some(l) if !l.loaded_once && l.loading.is_none() => {
                    vec![Effect::LoadPage(l.reload())]
                }
                _ => vec![],
            },
        }
    }
}

//! The program's state and its one way of changing: `App::handle` takes an
//! event (a key, a resize, a result from the database) and returns the
//! effects to run. No I/O happens here, so every screen is testable.

use super::keymap::Keymap;
use super::lookup::{LookupState, SearchAsk};
use super::palette::Palette;
use super::pane::{ListPane, PageAsk, PaneId};
use crate::domain::decision::Decision;
use crate::domain::{Staff, WorkCalendar};
use crate::i18n::{self, Lang};
use crate::search::{Hits, Index, RecordKind};
use crate::store::{Counts, Dashboard, Detail, ListItem, ListKind};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::HashMap;
use std::sync::Arc;

/// The smallest terminal every pane is laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Work for the loop to do off the UI task; results come back as events.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadPage(PageAsk),
    /// Check a filing and draft its decision (problems, notice) for the clerk to confirm.
    PrepareDecision {
        id: i64,
        decision: Decision,
        lang: Lang,
    },
    /// Take the confirmed decision.
    Decide(DecisionAsk),
    /// Approve the tagged filings together, leaving out any with a problem.
    ApproveTagged {
        ids: Vec<i64>,
        lang: Lang,
    },
    /// Tag every pending filing the checks find clean.
    TagClean {
        lang: Lang,
    },
    /// Mark a filing as in review by the clerk who opened it.
    TakeLease {
        id: i64,
    },
    /// Read a person's full data, audited with the reason.
    Reveal {
        id: i64,
        reason: String,
    },
    /// Build (or load) the lookup index in the background.
    BuildIndex,
    Search(SearchAsk),
    LoadDetail {
        kind: ListKind,
        id: i64,
    },
    LoadDashboard,
    /// The statistics of a month.
    LoadStatistics {
        month: crate::domain::statistics::Month,
    },
    /// Write a month's report to the home folder.
    WriteReport {
        month: crate::domain::statistics::Month,
        lang: Lang,
    },
    LoadCounts,
    /// Check every pending filing and record the findings (for the filter by
    /// problem), then read the tally of problems.
    Recheck,
    /// Read the tally of problems again (after decisions).
    LoadTally,
    /// Recompute every open case's next deadline (the queue's order).
    RecomputeDeadlines,
    /// Make a step of a case's procedure.
    MoveCase(CaseMoveAsk),
    /// The inspectors with their open-case loads, to assign these cases.
    LoadInspectors {
        ids: Vec<i64>,
    },
    /// Take one step on each of these cases; those it is refused are listed.
    MoveCases {
        ids: Vec<i64>,
        step: crate::domain::CaseMove,
        lang: Lang,
    },
    /// The staff member's saved views.
    LoadViews,
    /// Save a named view, then read the views again.
    SaveView(super::casework::SavedView, Lang),
    /// Tag every case in the current view (not only those loaded).
    TagAllCases(crate::store::QueueScope, String),
    /// Write these cases with their deadlines to a CSV file in the home folder.
    ExportCases {
        ids: Vec<i64>,
        lang: Lang,
    },
    /// Register what a form holds (a complaint, evidence).
    SubmitForm {
        form: Box<super::form::Form>,
        lang: Lang,
    },
    /// Put an officer and inspectors (logins) on each of these cases.
    AssignCase {
        ids: Vec<i64>,
        officer: String,
        inspectors: Vec<String>,
        lang: Lang,
    },
    /// Read a section of the supervision pane.
    LoadBoard {
        section: crate::workflow::board::Section,
        lang: Lang,
        /// Answers to an older load are dropped.
        generation: u64,
    },
    /// A draw's published result, to read on screen.
    ShowDraw {
        id: i64,
        lang: Lang,
    },
    /// Write a table made on screen (the lookup's hits) to the home folder.
    WriteTable {
        table: Box<crate::workflow::export::Table>,
        lang: Lang,
    },
    /// Render a record's document to the home folder.
    PrintDocument {
        kind: crate::domain::documents::DocKind,
        id: i64,
        lang: Lang,
    },
    /// Write the list or section on screen to a workbook in the home folder.
    ExportView {
        source: crate::workflow::export::Source,
        filter: String,
        scope: crate::store::QueueScope,
        lang: Lang,
    },
    /// Read what recording inspection `id` needs (its kind, whether pending).
    PrepareInspection {
        id: i64,
    },
    Quit,
}

/// A case step as confirmed: for a decision, the article, its basis and the fine.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseMoveAsk {
    pub id: i64,
    pub step: crate::domain::CaseMove,
    pub note: String,
    /// (article code, affected workers, amount owed in fen, fine in fen)
    pub decision: Option<(String, i64, i64, i64)>,
    pub lang: Lang,
}

// Each event crosses the channel once; boxing the large ones would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum AppEvent {
    Key(KeyEvent),
    Resize(u16, u16),
    Page {
        ask: PageAsk,
        result: Result<Vec<ListItem>, String>,
    },
    Detail {
        kind: ListKind,
        id: i64,
        result: Result<Option<Detail>, String>,
    },
    Dashboard(Result<Dashboard, String>),
    /// A month's statistics.
    Statistics {
        month: crate::domain::statistics::Month,
        result: Result<crate::domain::statistics::MonthFigures, String>,
    },
    Counts(Result<Counts, String>),
    IndexReady(Result<Arc<Index>, String>),
    DecisionReady(Result<DecisionDraft, String>),
    /// A decision taken (the sentence to show) or refused (why).
    Decided(Result<String, String>),
    /// The clean pending filings, to tag.
    CleanFilings(Result<Vec<i64>, String>),
    /// How many problems the checks find in filings on screen.
    ProblemCounts(HashMap<i64, usize>),
    /// What the checks find in the pending filing whose detail is open.
    FilingProblems {
        id: i64,
        problems: Vec<crate::domain::review::Problem>,
    },
    /// The staff member's saved views.
    ViewsLoaded(Result<Vec<super::casework::SavedView>, String>),
    /// Every case of the view, to tag.
    CasesTagged(Result<Vec<i64>, String>),
    /// A form's content registered (the sentence) or refused (why).
    FormDone(Result<String, String>),
    /// Something changed in the database (at this desk or another).
    DataChanged,
    /// The desk is to close: a signal (`kill`, a hang-up when the SSH
    /// connection drops) or the terminal gone (`hung_up`: it may be).
    Ended {
        hung_up: bool,
    },
    /// A case step or assignment taken (the sentence) or refused (why).
    CaseDone(Result<String, String>),
    /// The open cases' deadlines were recomputed.
    DeadlinesRecomputed(Result<usize, String>),
    /// Inspectors (id, name, login, open cases) to assign cases `ids`.
    Inspectors {
        ids: Vec<i64>,
        result: Result<Vec<(i64, String, String, i64)>, String>,
    },
    /// Each problem code with how many pending filings have it.
    Tally(Result<Vec<(String, i64)>, String>),
    /// Someone else is reviewing the filing just opened: who, until when.
    LeaseHeld(Option<(String, chrono::DateTime<chrono::Utc>)>),
    /// A person's full ID number, phone and bank account.
    Revealed {
        id: i64,
        result: Result<Option<(String, String, String)>, String>,
    },
    /// A section of the supervision pane, for load `generation`.
    Board {
        generation: u64,
        result: Result<crate::workflow::board::BoardPage, String>,
    },
    /// An export written (the sentence) or not (why).
    Exported(Result<String, String>),
    /// A text to read (a title and its lines), or why not.
    TextReady(Result<(String, Vec<String>), String>),
    /// Inspection `id`'s licence, kind and result, to open its form.
    InspectionTarget {
        id: i64,
        result: Result<Option<(i64, String, String)>, String>,
    },
    /// A search's answer; None when a newer keystroke cancelled it.
    Searched {
        generation: u64,
        query: String,
        hits: Option<Box<Hits>>,
    },
}

#[derive(Debug, Clone)]
pub struct DetailView {
    pub kind: ListKind,
    pub id: i64,
    pub detail: Option<Detail>,
    pub error: Option<String>,
    pub scroll: u16,
    /// A person's data shown in full after a reason was given; gone with the view.
    pub revealed: Option<(String, String, String)>,
    /// A pending filing's problems as the checks find them now.
    pub problems: Option<Vec<crate::domain::review::Problem>>,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Palette(Palette),
    Keymap {
        scroll: u16,
    },
    /// A decision to confirm, with what the clerk types: a remark added to the
    /// correction notice, or a chief's reason to approve over problems.
    Decide {
        draft: DecisionDraft,
        input: String,
    },
    /// The reason asked before personal data is shown.
    Reveal {
        id: i64,
        input: String,
    },
    /// A return's one-time correction notice, drafted and open for editing.
    Notice {
        draft: DecisionDraft,
        editor: Box<ratatui_textarea::TextArea<'static>>,
    },
    /// A form: a complaint to register, evidence to file.
    Form(super::form::Form),
    /// The case queue's views.
    CaseViews {
        cursor: usize,
    },
    /// The steps the procedure allows on case `id`.
    CaseMoves {
        id: i64,
        moves: Vec<crate::domain::CaseMove>,
        cursor: usize,
    },
    /// A step to confirm, with the documents it issues and a note.
    CaseConfirm {
        id: i64,
        step: crate::domain::CaseMove,
        documents: Vec<crate::domain::CaseFileKind>,
        note: String,
    },
    /// The decision form: the article, then the fine and its basis.
    CaseDecide(super::casework::DecideForm),
    /// Choosing a case's inspectors: the first chosen is the case officer.
    Assign {
        ids: Vec<i64>,
        staff: Vec<(i64, String, String, i64)>,
        chosen: Vec<usize>,
        cursor: usize,
    },
    /// Naming the current view of the case queue.
    SaveView {
        name: String,
    },
    /// A step to take on every tagged case.
    BulkMoves {
        ids: Vec<i64>,
        moves: Vec<crate::domain::CaseMove>,
        cursor: usize,
    },
    /// The problems found in the queue, to narrow it to one; row 0 is "all".
    Problems {
        cursor: usize,
    },
    /// The documents a case may have printed, to choose one.
    Documents {
        id: i64,
        kinds: Vec<crate::domain::documents::DocKind>,
        cursor: usize,
    },
    /// A text to read (a draw's result).
    Text {
        title: String,
        lines: Vec<String>,
        scroll: u16,
    },
}

pub use crate::workflow::Draft as DecisionDraft;

/// Which pending filings the review queue shows; `f` walks them in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QueueChoice {
    #[default]
    All,
    Kind(crate::domain::FilingKind),
    /// Those assigned to the clerk working.
    Mine,
    /// Due within three working days (or overdue).
    DueSoon,
}

/// Working days ahead that count as "due soon".
pub const DUE_SOON_WORKING_DAYS: u32 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionAsk {
    pub id: i64,
    pub version: i64,
    pub decision: Decision,
    /// The notice (return) or the override reason (approve over problems).
    pub text: String,
}

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
    /// The filing last returned at this desk: `p` prints its notice.
    pub last_returned: Option<i64>,
    /// The statistics pane's month and view.
    pub stats: super::statistics::StatsState,
    /// The supervision pane's section and its rows.
    pub board: super::supervision::BoardState,
    pub detail: Option<DetailView>,
    pub overlay: Option<Overlay>,
    /// Typing after `/` goes into the current list's filter.
    pub filtering: bool,
    /// Enter pressed while this list was being read afresh (a filter just
    /// typed): the row it comes back with is opened, as typed ahead.
    pub open_on_arrival: Option<ListKind>,
    pub counts: Option<Counts>,
    pub calendar: WorkCalendar,
    pub today: NaiveDate,
    pub message: Option<String>,
    pub size: (u16, u16),
    pub quit: bool,
    pub lookup: LookupState,
    /// Filings tagged for a decision together.
    pub tagged: std::collections::BTreeSet<i64>,
    /// Problems the full checks found, per filing, once counted.
    pub problems: HashMap<i64, usize>,
    pub queue: QueueChoice,
    /// The queue narrowed to filings with this problem code.
    pub queue_problem: Option<String>,
    /// Problem codes with how many pending filings have each; None until
    /// the first check of the whole queue is done.
    pub problem_tally: Option<Vec<(String, i64)>>,
    /// The filing last tagged by hand: a range tag runs from it.
    pub tag_anchor: Option<i64>,
    /// Cases tagged to act on together, and the last one tagged by hand.
    pub case_tagged: std::collections::BTreeSet<i64>,
    pub case_tag_anchor: Option<i64>,
    /// The case queue's view.
    pub case_view: super::casework::CaseView,
    /// The case queue's order.
    pub case_sort: crate::store::CaseSort,
    /// A form closed without registering, kept with what was typed.
    pub form_draft: Option<Overlay>,
    /// Views of the case queue this staff member saved.
    pub saved_views: Vec<super::casework::SavedView>,
    /// The locality's case figures (hearing threshold, statement window).
    pub case_settings: crate::workflow::cases::CaseSettings,
    /// Correction notices edited but not yet sent, by filing: nothing typed
    /// is lost to an Esc or a refused return.
    /// The filing's version each was drafted from, and the lines.
    pub notices: HashMap<i64, (i64, Vec<String>)>,
    /// The decision overlay as it was confirmed, with what the clerk typed:
    /// if the decision is refused (someone changed the filing meanwhile),
    /// it comes back with the text kept.
    pub deciding: Option<Overlay>,
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
            last_returned: None,
            board: Default::default(),
            detail: None,
            overlay: None,
            filtering: false,
            open_on_arrival: None,
            counts: None,
            calendar,
            today,
            message,
            size,
            quit: false,
            lookup: LookupState::default(),
            tagged: Default::default(),
            problems: HashMap::new(),
            queue: QueueChoice::All,
            queue_problem: None,
            problem_tally: None,
            tag_anchor: None,
            case_tagged: Default::default(),
            case_tag_anchor: None,
            notices: HashMap::new(),
            case_settings: Default::default(),
            case_view: Default::default(),
            saved_views: Vec::new(),
            case_sort: Default::default(),
            form_draft: None,
            deciding: None,
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
        usize::from(self.size.1.saturating_sub(6 + u16::from(self.extra_line())))
    }

    fn extra_line(&self) -> bool {
        matches!(self.pane, PaneId::Licences | PaneId::Inspections)
    }

    /// The screen row of a list's first row.
    pub fn list_top(&self) -> u16 {
        3 + u16::from(self.extra_line())
    }

    /// The records on screen in the current list, top to bottom, for the
    /// screen's scroll detection; None when no list is showing.
    pub fn visible_ids(&self) -> Option<Vec<i64>> {
        if self.overlay.is_some() || self.detail.is_some() || self.too_small() || self.on_board() {
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
            problem: self.queue_problem.clone(),
            ..self.queue_choice_scope()
        }
    }

    fn queue_choice_scope(&self) -> crate::store::QueueScope {
        use crate::domain::calendar::office_offset;
        use chrono::{Days, TimeZone};
        match self.queue {
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
            PaneId::Inspections
                if self.board.section != crate::workflow::board::Section::Inspections =>
            {
                self.load_board()
            }
            _ => match self.list_mut() {
                Some(l) if !l.loaded_once && l.loading.is_none() => {
                    vec![Effect::LoadPage(l.reload())]
                }
                _ => vec![],
            },
        }
    }

    pub fn handle(&mut self, event: AppEvent) -> Vec<Effect> {
        match event {
            // No keymap uses Alt (it does not survive every terminal): an
            // Alt key is an Esc typed just before it, as terminals send both.
            // The notice editor has Alt keys of its own (word by word).
            AppEvent::Key(k)
                if k.kind != KeyEventKind::Release
                    && matches!(self.overlay, Some(Overlay::Notice { .. })) =>
            {
                self.notice_key(k)
            }
            AppEvent::Key(k)
                if k.kind != KeyEventKind::Release && k.modifiers.contains(KeyModifiers::ALT) =>
            {
                let mut fx = self.key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                fx.extend(self.key(KeyEvent::new(k.code, k.modifiers - KeyModifiers::ALT)));
                fx
            }
            AppEvent::Key(k) if k.kind != KeyEventKind::Release => self.key(k),
            AppEvent::Key(_) => vec![],
            AppEvent::Resize(w, h) => {
                self.size = (w, h);
                self.follow();
                vec![]
            }
            AppEvent::Page { ask, result } => {
                let height = self.list_height();
                let Some(list) = self.lists.get_mut(&ask.kind) else {
                    return vec![];
                };
                let dir = ask.request.dir;
                let more = list.receive(ask.generation, ask.mode, dir, result);
                list.follow(height);
                let arrived = list.loading.is_none() && list.error.is_none();
                let mut fx: Vec<Effect> = more.map(Effect::LoadPage).into_iter().collect();
                if arrived && self.open_on_arrival == Some(ask.kind) {
                    self.open_on_arrival = None;
                    let still_here = self.pane.list_kind() == Some(ask.kind)
                        && self.detail.is_none()
                        && self.overlay.is_none()
                        && !self.filtering;
                    if still_here {
                        fx.extend(self.apply(super::action::Action::Open));
                    }
                }
                fx
            }
            AppEvent::Detail { kind, id, result } => {
                if let Some(d) = self
                    .detail
                    .as_mut()
                    .filter(|d| d.kind == kind && d.id == id)
                {
                    match result {
                        Ok(Some(detail)) => d.detail = Some(detail),
                        Ok(None) => d.error = Some(i18n::empty_list(self.lang).to_string()),
                        Err(e) => d.error = Some(e),
                    }
                }
                vec![]
            }
            AppEvent::IndexReady(r) => {
                match r {
                    Ok(ix) => {
                        self.index = Some(ix);
                        self.index_error = None;
                        // Old hits point into the old index: drop them, search afresh.
                        self.lookup.hits = None;
                        self.lookup.answered.clear();
                        // What was typed while the index was being built.
                        return self.lookup.ask().map(Effect::Search).into_iter().collect();
                    }
                    Err(e) => self.index_error = Some(e),
                }
                vec![]
            }
            AppEvent::Searched {
                generation,
                query,
                hits,
            } => {
                if let Some(h) = hits {
                    self.lookup.receive(generation, &query, *h);
                }
                vec![]
            }
            AppEvent::DecisionReady(r) => {
                match r {
                    Ok(draft) if draft.decision == Decision::Return && draft.refused.is_none() => {
                        let lines = super::notice::opening_lines(
                            self.lang,
                            &draft,
                            self.notices.get(&draft.id),
                        );
                        let editor = super::notice::editor(lines);
                        self.overlay = Some(Overlay::Notice { draft, editor })
                    }
                    Ok(draft) => {
                        self.overlay = Some(Overlay::Decide {
                            draft,
                            input: String::new(),
                        })
                    }
                    Err(e) => self.message = Some(e),
                }
                vec![]
            }
            AppEvent::Revealed { id, result } => {
                match result {
                    Ok(Some(data)) => {
                        if let Some(d) = self
                            .detail
                            .as_mut()
                            .filter(|d| d.kind == ListKind::Persons && d.id == id)
                        {
                            d.revealed = Some(data);
                        }
                    }
                    Ok(None) => self.message = Some(i18n::empty_list(self.lang).to_string()),
                    Err(e) => self.message = Some(e),
                }
                vec![]
            }
            AppEvent::LeaseHeld(held) => {
                if let Some((who, until)) = held {
                    let local = until.with_timezone(&crate::domain::calendar::office_offset());
                    self.message = Some(i18n::lease_held(
                        self.lang,
                        &who,
                        &local.format("%H:%M").to_string(),
                    ));
                }
                vec![]
            }
            AppEvent::ProblemCounts(counts) => {
                self.problems.extend(counts);
                vec![]
            }
            AppEvent::FilingProblems { id, problems } => {
                if let Some(d) = self
                    .detail
                    .as_mut()
                    .filter(|d| d.kind == ListKind::Filings && d.id == id)
                {
                    self.problems.insert(id, problems.len());
                    d.problems = Some(problems);
                }
                vec![]
            }
            AppEvent::DataChanged => self.data_changed(),
            AppEvent::Ended { .. } => {
                self.quit = true;
                vec![]
            }
            AppEvent::Board { generation, result } => self.board_loaded(generation, result),
            AppEvent::Statistics { month, result } => self.stats_loaded(month, result),
            AppEvent::TextReady(r) => self.text_ready(r),
            AppEvent::Exported(r) => {
                self.message = Some(r.unwrap_or_else(|e| e));
                vec![]
            }
            AppEvent::InspectionTarget { id, result } => self.inspection_target(id, result),
            AppEvent::FormDone(r) => self.form_done(r),
            AppEvent::CaseDone(r) => self.case_done(r),
            AppEvent::DeadlinesRecomputed(r) => self.deadlines_recomputed(r),
            AppEvent::Inspectors { ids, result } => self.inspectors_loaded(ids, result),
            AppEvent::CasesTagged(r) => self.cases_tagged(r),
            AppEvent::ViewsLoaded(r) => self.views_loaded(r),
            AppEvent::Tally(r) => {
                match r {
                    Ok(t) => self.problem_tally = Some(t),
                    Err(e) => self.message = Some(i18n::load_failed(self.lang, &e)),
                }
                vec![]
            }
            AppEvent::CleanFilings(r) => {
                match r {
                    Ok(ids) => {
                        self.tagged.extend(ids);
                        self.message = Some(i18n::tagged(self.lang, self.tagged.len()));
                    }
                    Err(e) => self.message = Some(e),
                }
                vec![]
            }
            AppEvent::Decided(r) => {
                match r {
                    Ok(done) => {
                        self.message = Some(done);
                        if let Some(Overlay::Notice { draft, .. }) = self.deciding.take() {
                            self.notices.remove(&draft.id);
                            // Its notice is printed next, with `p`, as a rule.
                            self.last_returned = Some(draft.id);
                            self.message = Some(format!(
                                "{}{}{}",
                                self.message.take().unwrap_or_default(),
                                self.lang.pick("", " "),
                                i18n::print_hint(self.lang)
                            ));
                        }
                        self.detail = None;
                        self.tagged.clear();
                        self.tag_anchor = None;
                        self.problems.clear();
                        let mut fx = vec![Effect::LoadCounts, Effect::LoadTally];
                        if let Some(l) = self.lists.get_mut(&ListKind::Filings) {
                            fx.push(Effect::LoadPage(l.reload()));
                        }
                        return fx;
                    }
                    Err(e) => {
                        self.message = Some(e);
                        // The clerk's remark or reason is not lost with the refusal.
                        if let Some(o) = self.deciding.take() {
                            self.overlay = Some(o);
                        }
                    }
                }
                vec![]
            }
            AppEvent::Dashboard(r) => {
                self.dashboard = Some(r);
                vec![]
            }
            AppEvent::Counts(r) => {
                match r {
                    Ok(c) => self.counts = Some(c),
                    Err(e) => self.message = Some(i18n::load_failed(self.lang, &e)),
                }
                vec![]
            }
        }
    }
}

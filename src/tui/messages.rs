//! What passes between the app and the loop: the effects the app asks for
//! (work off the UI task) and the events that come back (keys, resizes,
//! the database's answers).

use super::lookup::SearchAsk;
use super::pane::PageAsk;
use crate::domain::decision::Decision;
use crate::i18n::Lang;
use crate::search::{Hits, Index};
use crate::store::{Counts, Dashboard, Detail, ListItem, ListKind};
use ratatui::crossterm::event::KeyEvent;
use std::collections::HashMap;
use std::sync::Arc;

/// A decision on a filing, confirmed, at the version the clerk read.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionAsk {
    pub id: i64,
    pub version: i64,
    pub decision: Decision,
    /// The notice (return) or the override reason (approve over problems).
    pub text: String,
}

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
        /// Each filing as the list shows it (person, kind, received), to
        /// name those left out; a tagged row not loaded has none.
        shown: Vec<(i64, String)>,
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
    /// The inspections campaign `campaign` may take in, to open its form.
    PrepareGroup {
        campaign: i64,
    },
    /// How many cases each of the case queue's views holds.
    CountCaseViews(Vec<crate::store::QueueScope>),
    /// The complaints waiting for their decision (the inbox).
    LoadComplaints {
        lang: Lang,
    },
    /// Decide a complaint as `hrss-desk complaints decide` does.
    DecideComplaint {
        id: i64,
        dispute: bool,
        /// Where the complainant is told to turn ('' for none).
        elsewhere: String,
        note: String,
        lang: Lang,
    },
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
    /// Do what a sent form asks (register a complaint, file evidence…).
    SubmitForm {
        submission: super::submission::Submission,
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
    LoadSection {
        section: crate::workflow::supervision::sections::Section,
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
    /// A decision's (or a proposal's) terms, when the step is one.
    pub decision: Option<crate::workflow::cases::DecisionTerms>,
    pub lang: Lang,
    /// The day it happened (None: today).
    pub on: Option<chrono::NaiveDate>,
    pub served_by: crate::domain::ServiceMethod,
    pub approved_by: String,
    pub until: Option<chrono::NaiveDate>,
}

impl CaseMoveAsk {
    /// The step as the workflow takes it; a step with no day is today's.
    pub fn step(&self, today: chrono::NaiveDate) -> crate::workflow::cases::Step<'_> {
        crate::workflow::cases::Step {
            m: self.step,
            on: self.on.unwrap_or(today),
            served_by: self.served_by,
            decision: self.decision.as_ref().map(|d| d.asked()),
            note: &self.note,
            approved_by: &self.approved_by,
            until: self.until,
        }
    }
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
    /// A campaign's form to take inspections in, or why it cannot open.
    GroupReady(Result<crate::tui::form::Form, String>),
    CaseViewCounts(Result<Vec<i64>, String>),
    /// The inbox read.
    Complaints(Result<Vec<crate::workflow::complaints::Waiting>, String>),
    /// A complaint decided (the sentence to show) or refused (why).
    ComplaintDecided(Result<crate::workflow::complaints::Decided, String>),
    IndexReady(Result<Arc<Index>, String>),
    DecisionReady(Result<crate::workflow::Draft, String>),
    /// A decision taken (the sentence to show) or refused (why).
    Decided(Result<String, String>),
    /// The clean pending filings, to tag.
    CleanFilings(Result<Vec<i64>, String>),
    /// How many problems the checks find in filings on screen.
    ProblemCounts(HashMap<i64, usize>),
    /// What the checks find in the pending filing whose detail is open.
    FilingProblems {
        id: i64,
        problems: Result<Vec<crate::domain::review::Problem>, String>,
    },
    /// The staff member's saved views.
    ViewsLoaded(Result<Vec<super::casework::SavedView>, String>),
    /// Every case of the view, to tag.
    CasesTagged(Result<Vec<i64>, String>),
    /// A form's content registered (the sentence) or refused (why).
    FormDone(Result<super::form::FormReply, String>),
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
        result: Result<Vec<crate::store::InspectorLoad>, String>,
    },
    /// Each problem code with how many pending filings have it.
    Tally(Result<Vec<(String, i64)>, String>),
    /// Someone else is reviewing the filing just opened: who, until when;
    /// or why the review could not be marked as this desk's.
    LeaseHeld(Result<Option<(String, chrono::DateTime<chrono::Utc>)>, String>),
    /// A person's full ID number, phone and bank account.
    Revealed {
        id: i64,
        result: Result<Option<crate::store::RevealedPerson>, String>,
    },
    /// A section of the supervision pane, for load `generation`.
    Section {
        generation: u64,
        result: Result<crate::workflow::supervision::sections::SectionPage, String>,
    },
    /// An export written (the sentence) or not (why).
    Exported(Result<String, String>),
    /// A text to read (a title and its lines), or why not.
    TextReady(Result<(String, Vec<String>), String>),
    /// Inspection `id`'s licence, kind, holder and result, to open its form.
    InspectionTarget {
        id: i64,
        result: Result<Option<crate::store::InspectionTarget>, String>,
    },
    /// A search's answer; None when a newer keystroke cancelled it.
    Searched {
        generation: u64,
        query: String,
        hits: Option<Box<Hits>>,
    },
}

//! What is drawn over a pane and has the keys while it is open: help, the
//! palette, a decision to confirm, a form, a chooser, a text to read.

use crate::tui::palette::Palette;
use crate::workflow::Draft as DecisionDraft;

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
    Form(crate::tui::form::Form),
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
        /// The day, the service, the approver, the deadline.
        form: crate::tui::step_form::StepInputs,
    },
    /// The decision form: the article, then the fine and its basis.
    CaseDecide(crate::tui::casework::DecideForm),
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

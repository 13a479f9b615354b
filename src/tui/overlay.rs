//! What is drawn over a pane and has the keys while it is open: help, the
//! palette, a decision to confirm, a form, a chooser, a text to read. Each
//! overlay is in a layer whose keymap section (`[pick]`, `[input]`,
//! `[text]`, `[form]`) says what its keys do, as yazi's layers do.

use crate::tui::action::Action;
use crate::tui::palette::Palette;
use crate::workflow::Draft as DecisionDraft;

#[derive(Debug, Clone)]
pub enum Overlay {
    /// The keys where the user is; `under` is the overlay it was asked
    /// from, shown again when help closes.
    Help {
        scroll: u16,
        under: Option<Box<Overlay>>,
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
    /// The complaints waiting for their decision, one opened to read.
    Complaints(crate::tui::inbox::Inbox),
    /// A complaint's decision form.
    ComplaintDecide(crate::tui::inbox::DecideComplaint),
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
        staff: Vec<crate::store::InspectorLoad>,
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
    /// Approving every tagged filing, asked first: how many, of which kinds
    /// (those on screen; `unseen` tagged but not loaded).
    ConfirmApprove {
        ids: Vec<i64>,
        kinds: Vec<(crate::domain::FilingKind, usize)>,
        unseen: usize,
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

/// How an overlay takes its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// A list to choose from: moves, choose, close, mark (many-of).
    Pick,
    /// One line typed: letters are text, Enter confirms, Esc cancels.
    Input,
    /// A text to read: scrolls; any key it does not name closes it.
    Text,
    /// Fields moved through: letters are text, Tab moves, F2 submits.
    Form,
}

impl Layer {
    /// The keymap section that names this layer's keys.
    pub fn section(self) -> &'static str {
        match self {
            Layer::Pick => "pick",
            Layer::Input => "input",
            Layer::Text => "text",
            Layer::Form => "form",
        }
    }

    /// Whether a printable key is text here, whatever the keymap says.
    pub fn takes_text(self) -> bool {
        matches!(self, Layer::Input | Layer::Form)
    }
}

impl Overlay {
    pub fn layer(&self) -> Layer {
        match self {
            Overlay::Help { .. } | Overlay::Keymap { .. } | Overlay::Text { .. } => Layer::Text,
            Overlay::Palette(_)
            | Overlay::Decide { .. }
            | Overlay::Reveal { .. }
            | Overlay::SaveView { .. }
            | Overlay::ConfirmApprove { .. } => Layer::Input,
            Overlay::Notice { .. }
            | Overlay::Form(_)
            | Overlay::CaseConfirm { .. }
            | Overlay::CaseDecide(_)
            | Overlay::ComplaintDecide(_) => Layer::Form,
            Overlay::Complaints(_)
            | Overlay::CaseViews { .. }
            | Overlay::CaseMoves { .. }
            | Overlay::Assign { .. }
            | Overlay::BulkMoves { .. }
            | Overlay::Problems { .. }
            | Overlay::Documents { .. } => Layer::Pick,
        }
    }
}

/// A key in an overlay: what its layer's keymap section makes of it (None
/// for text typed, or a key the section does not name) and the key itself,
/// for typing.
#[derive(Debug, Clone, Copy)]
pub struct LayerKey {
    pub action: Option<Action>,
    pub key: ratatui::crossterm::event::KeyEvent,
}

impl LayerKey {
    /// The character typed, if the key is one.
    pub fn typed(&self) -> Option<char> {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        match self.key.code {
            KeyCode::Char(c)
                if !self.key.modifiers.contains(KeyModifiers::CONTROL) && !c.is_control() =>
            {
                Some(c)
            }
            _ => None,
        }
    }

    /// Whether the key is Backspace (text is rubbed out with it everywhere).
    pub fn is_backspace(&self) -> bool {
        self.key.code == ratatui::crossterm::event::KeyCode::Backspace
    }
}

/// The one picker: moves `cursor` in a list of `len` rows as `action`
/// asks, `page` rows at a time for a page; false when it is not a move.
pub fn pick(cursor: &mut usize, len: usize, action: Option<Action>, page: usize) -> bool {
    let last = len.saturating_sub(1);
    *cursor = match action {
        Some(Action::Down) => (*cursor + 1).min(last),
        Some(Action::Up) => cursor.saturating_sub(1),
        Some(Action::PageDown) => (*cursor + page.max(1)).min(last),
        Some(Action::PageUp) => cursor.saturating_sub(page.max(1)),
        Some(Action::Top) => 0,
        Some(Action::Bottom) => last,
        _ => return false,
    };
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_stays_within_its_rows() {
        let mut c = 0;
        assert!(pick(&mut c, 5, Some(Action::Up), 3));
        assert_eq!(c, 0);
        pick(&mut c, 5, Some(Action::PageDown), 3);
        assert_eq!(c, 3);
        pick(&mut c, 5, Some(Action::PageDown), 3);
        assert_eq!(c, 4);
        pick(&mut c, 5, Some(Action::Top), 3);
        assert_eq!(c, 0);
        pick(&mut c, 5, Some(Action::Bottom), 3);
        assert_eq!(c, 4);
        assert!(!pick(&mut c, 5, Some(Action::Open), 3));
        assert!(!pick(&mut c, 5, None, 3));
        let mut empty = 0;
        pick(&mut empty, 0, Some(Action::Down), 3);
        assert_eq!(empty, 0);
    }
}

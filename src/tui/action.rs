//! What a key can ask for. Keymaps name actions by their code (`run = "help"`);
//! labels for help and the palette live in `i18n::tui`.

/// Declares the actions with their keymap code names.
macro_rules! actions {
    ($($variant:ident = $code:literal,)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant),+ }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $(Action::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<Action> {
                match code { $($code => Some(Action::$variant),)+ _ => None }
            }
        }
    };
}

actions! {
    Quit = "quit",
    Help = "help",
    Palette = "palette",
    Filter = "filter",
    NextPane = "next-pane",
    PrevPane = "prev-pane",
    Pane1 = "pane-1",
    Pane2 = "pane-2",
    Pane3 = "pane-3",
    Pane4 = "pane-4",
    Pane5 = "pane-5",
    Pane6 = "pane-6",
    Up = "up",
    Down = "down",
    PageUp = "page-up",
    PageDown = "page-down",
    Top = "top",
    Bottom = "bottom",
    Open = "open",
    Back = "back",
    Refresh = "refresh",
    Repaint = "repaint",
    Language = "language",
    KeymapView = "keymap",
    Approve = "approve",
    Return = "return",
    Tag = "tag",
    TagClean = "tag-clean",
    Reveal = "reveal",
    Scope = "scope",
    ProblemFilter = "problem-filter",
    TagRange = "tag-range",
    CaseMove = "case-move",
    Assign = "assign",
    NewComplaint = "new-complaint",
    ReceiveFiling = "receive-filing",
    AddEvidence = "add-evidence",
    Export = "export",
    SaveView = "save-view",
    SortCases = "sort",
    NextSection = "next-section",
    PrevSection = "prev-section",
    RecordInspection = "record-inspection",
    SanctionStep = "sanction-step",
    AddLead = "add-lead",
    ExportView = "export-view",
    ImportFile = "import",
    PrintDocument = "print",
    Submit = "submit",
    NextField = "next-field",
    PrevField = "prev-field",
    PassRest = "pass-rest",
    UntagAll = "untag-all",
    OpenParty = "open-party",
    Message = "message",
    NewRecord = "new",
    GroupInspections = "group",
}

impl Action {
    /// Actions that mean something only in an overlay's layer (a form's
    /// fields): the palette does not offer them.
    pub fn layer_only(self) -> bool {
        matches!(
            self,
            Action::Submit | Action::NextField | Action::PrevField | Action::PassRest
        )
    }

    /// Actions that move in or act on a list; the others work everywhere.
    pub fn is_list_action(self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
                | Action::Open
                | Action::Filter
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.code()), Some(*a));
        }
        assert_eq!(Action::parse("explode"), None);
    }
}

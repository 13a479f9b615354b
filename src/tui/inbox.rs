//! The complaints inbox (待受理投诉), reached from the case queue's view
//! chooser: complaints registered and not yet decided, oldest first, each
//! with its decision's due day; one opened to read; the decision form. The
//! decision itself is `workflow::complaints::decide`, as on the command line.

use crate::workflow::complaints::Waiting;

/// The inbox as the chooser shows it.
#[derive(Debug, Clone)]
pub struct Inbox {
    pub rows: Vec<Waiting>,
    pub cursor: usize,
    /// The complaint under the cursor is open to read.
    pub open: bool,
    /// The written notice of the complaint last decided here, for `p`.
    pub answered: Option<(crate::domain::documents::DocKind, i64)>,
}

impl Inbox {
    pub fn chosen(&self) -> Option<&Waiting> {
        self.rows.get(self.cursor)
    }
}

/// The decision form: whether the chief finds a labour dispute (then the
/// rules refer it to arbitration), where to turn when the complaint is not
/// this bureau's (劳社部令25 art 18: filled, that is the decision), and a
/// note for the record. What the rules lead to is said as the form changes,
/// before F2 decides.
#[derive(Debug, Clone)]
pub struct DecideComplaint {
    /// The inbox it was opened from, shown again on Esc.
    pub inbox: Inbox,
    pub dispute: bool,
    /// 0 the dispute's choice, 1 where to turn, 2 the note.
    pub field: usize,
    /// The bureau (or other body) the complainant is told to turn to.
    pub elsewhere: String,
    pub note: String,
    pub error: Option<String>,
}

impl DecideComplaint {
    pub fn waiting(&self) -> Option<&Waiting> {
        self.inbox.chosen()
    }
}

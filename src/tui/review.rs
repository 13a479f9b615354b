//! The review queue's state (待审核): which filings it shows, those tagged
//! for a decision together, the problems the checks found, the notices
//! being written and the decision under way. How the keys act on it is in
//! `app/review.rs`.

use super::overlay::Overlay;
use std::collections::{BTreeSet, HashMap};

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

impl QueueChoice {
    /// The scope after this one: every kind in turn, mine, due soon, all.
    pub fn next(self) -> Self {
        use crate::domain::FilingKind;
        let kinds = FilingKind::ALL;
        match self {
            Self::All => Self::Kind(kinds[0]),
            Self::Kind(k) => match kinds.iter().position(|x| *x == k) {
                Some(i) if i + 1 < kinds.len() => Self::Kind(kinds[i + 1]),
                _ => Self::Mine,
            },
            Self::Mine => Self::DueSoon,
            Self::DueSoon => Self::All,
        }
    }

    /// The scope as the list's title shows it; nothing for the whole queue.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        use QueueChoice::*;
        match self {
            All => String::new(),
            Kind(k) => format!("{}{}", lang.pick("范围：", "scope: "), k.label(lang)),
            Mine => lang.pick("范围：我的", "scope: mine").into(),
            DueSoon => lang
                .pick("范围：3个工作日内到期", "scope: due within 3 working days")
                .into(),
        }
    }
}

/// Working days ahead that count as "due soon".
pub const DUE_SOON_WORKING_DAYS: u32 = 3;

/// What the review pane keeps between keys.
#[derive(Debug, Clone, Default)]
pub struct ReviewState {
    pub queue: QueueChoice,
    /// The queue narrowed to filings with this problem code.
    pub queue_problem: Option<String>,
    /// Problem codes with how many pending filings have each; None until
    /// the first check of the whole queue is done.
    pub problem_tally: Option<Vec<(String, i64)>>,
    /// Problems the full checks found, per filing, once counted.
    pub problems: HashMap<i64, usize>,
    /// Filings tagged for a decision together.
    pub tagged: BTreeSet<i64>,
    /// The filing last tagged by hand: a range tag runs from it.
    pub tag_anchor: Option<i64>,
    /// Correction notices edited but not yet sent, by filing: nothing typed
    /// is lost to an Esc or a refused return. The filing's version each was
    /// drafted from, and the lines.
    pub notices: HashMap<i64, (i64, Vec<String>)>,
    /// The decision overlay as it was confirmed, with what the clerk typed:
    /// if the decision is refused (someone changed the filing meanwhile),
    /// it comes back with the text kept.
    pub deciding: Option<Overlay>,
    /// The filing last returned at this desk: `p` prints its notice.
    pub last_returned: Option<i64>,
    /// Esc was pressed once with filings tagged: a second clears the tags.
    pub untag_asked: bool,
}

impl ReviewState {
    /// After a decision: nothing stays tagged, and the problems are counted
    /// afresh with the queue.
    pub fn decided(&mut self) {
        self.tagged.clear();
        self.tag_anchor = None;
        self.problems.clear();
        self.untag_asked = false;
    }

    /// Every tag dropped.
    pub fn untag_all(&mut self) {
        self.tagged.clear();
        self.tag_anchor = None;
        self.untag_asked = false;
    }
}

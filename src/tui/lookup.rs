//! The lookup in the 许可查询 pane: type to search, every keystroke a new
//! search off the UI task, over every kind at first (licences, then
//! employers, then persons); the scope key narrows to one kind; the licence
//! list shows while the query is empty.

use crate::domain::LicenceKind;
use crate::search::{Hits, KindFilter};
use std::sync::Arc;

/// Hits shown at most.
pub const LIMIT: usize = 200;

/// A search for the loop to run; `previous` lets it narrow the last answer.
#[derive(Debug, Clone)]
pub struct SearchAsk {
    pub query: String,
    pub filter: KindFilter,
    pub generation: u64,
    pub previous: Option<Arc<Hits>>,
}

impl PartialEq for SearchAsk {
    fn eq(&self, other: &Self) -> bool {
        self.query == other.query
            && self.filter == other.filter
            && self.generation == other.generation
    }
}

#[derive(Debug, Clone)]
pub struct LookupState {
    pub query: String,
    /// Typing goes into the query.
    pub editing: bool,
    pub filter: KindFilter,
    pub generation: u64,
    /// The last answer, and the query it answers.
    pub hits: Option<Arc<Hits>>,
    pub answered: String,
    pub cursor: usize,
    pub scroll: usize,
}

/// The order the scope key walks the kinds in: everything first, so a
/// credit code or an ID number finds its employer or person without a word
/// about where to look.
pub const SCOPES: [KindFilter; 9] = [
    KindFilter::All,
    KindFilter::Licences,
    KindFilter::Only(LicenceKind::HrService),
    KindFilter::Only(LicenceKind::TrainingSchool),
    KindFilter::Only(LicenceKind::DesignatedClinic),
    KindFilter::Only(LicenceKind::DesignatedPharmacy),
    KindFilter::Only(LicenceKind::WorkInjuryAgreement),
    KindFilter::Employers,
    KindFilter::Persons,
];

impl Default for LookupState {
    fn default() -> Self {
        LookupState {
            query: String::new(),
            editing: true,
            filter: KindFilter::All,
            generation: 0,
            hits: None,
            answered: String::new(),
            cursor: 0,
            scroll: 0,
        }
    }
}

impl LookupState {
    /// Whether the pane shows search hits rather than the licence list.
    pub fn searching(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// A new search for the current query; None when the query is empty.
    pub fn ask(&mut self) -> Option<SearchAsk> {
        self.generation += 1;
        if !self.searching() {
            self.hits = None;
            self.answered.clear();
            return None;
        }
        // The last answer helps only if this query extends it, in the same scope.
        let previous = self
            .hits
            .clone()
            .filter(|_| !self.answered.is_empty() && self.query.starts_with(&self.answered));
        Some(SearchAsk {
            query: self.query.clone(),
            filter: self.filter,
            generation: self.generation,
            previous,
        })
    }

    /// Takes an answer in, unless a newer question was asked meanwhile.
    pub fn receive(&mut self, generation: u64, query: &str, hits: Hits) {
        if generation != self.generation {
            return;
        }
        self.hits = Some(Arc::new(hits));
        self.answered = query.to_string();
        self.cursor = 0;
        self.scroll = 0;
    }

    pub fn rotate_scope(&mut self, step: isize) {
        let at = SCOPES.iter().position(|s| *s == self.filter).unwrap_or(0) as isize;
        let n = SCOPES.len() as isize;
        self.filter = SCOPES[(at + step).rem_euclid(n) as usize];
        // A different scope: the last answer can no longer be narrowed.
        self.hits = None;
        self.answered.clear();
    }

    pub fn shown(&self) -> usize {
        self.hits.as_ref().map_or(0, |h| h.top.len())
    }

    pub fn step(&mut self, d: isize, height: usize) {
        let n = self.shown();
        if n == 0 {
            return;
        }
        self.cursor = (self.cursor as isize + d).clamp(0, n as isize - 1) as usize;
        let height = height.max(1);
        if self.cursor < self.scroll {
            self.scroll = self.cursor;
        } else if self.cursor >= self.scroll + height {
            self.scroll = self.cursor + 1 - height;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_that_extends_the_answered_one_narrows_it_and_a_new_scope_does_not() {
        let mut l = LookupState {
            query: "lq".into(),
            ..LookupState::default()
        };
        let a = l.ask().unwrap();
        assert!(a.previous.is_none());
        l.receive(a.generation, "lq", Hits::default());
        l.query.push('r');
        assert!(l.ask().unwrap().previous.is_some());
        l.rotate_scope(1);
        assert_eq!(l.filter, KindFilter::Licences);
        assert!(l.ask().unwrap().previous.is_none());
    }

    #[test]
    fn a_late_answer_to_an_older_query_is_dropped() {
        let mut l = LookupState {
            query: "l".into(),
            ..LookupState::default()
        };
        let old = l.ask().unwrap();
        l.query = "lq".into();
        let _new = l.ask().unwrap();
        l.receive(old.generation, "l", Hits::default());
        assert!(l.hits.is_none());
    }
}

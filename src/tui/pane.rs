//! The panes and the paging of their lists. A list holds a window of rows
//! around the cursor and asks for the next page by keyset as the cursor nears
//! an edge, so a list of a million rows never sits in memory.

use crate::store::{Direction, ListItem, ListKind, PageRequest};

/// Rows asked for per page.
pub const PAGE: usize = 100;
/// Rows kept at most; beyond this the far end of the window is dropped.
pub const WINDOW: usize = 400;
/// How close to an edge of the window the cursor comes before the next page is asked for.
const PREFETCH: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    Filings,
    Licences,
    Cases,
    Supervision,
    Persons,
    Dashboard,
}

impl PaneId {
    pub const ALL: [PaneId; 6] = [
        PaneId::Filings,
        PaneId::Licences,
        PaneId::Cases,
        PaneId::Supervision,
        PaneId::Persons,
        PaneId::Dashboard,
    ];

    pub fn index(self) -> usize {
        PaneId::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The keymap section of the pane.
    pub fn section(self) -> &'static str {
        match self {
            PaneId::Filings => "filings",
            PaneId::Licences => "licences",
            PaneId::Cases => "cases",
            PaneId::Supervision => "supervision",
            PaneId::Persons => "persons",
            PaneId::Dashboard => "dashboard",
        }
    }

    pub fn list_kind(self) -> Option<ListKind> {
        match self {
            PaneId::Filings => Some(ListKind::Filings),
            PaneId::Licences => Some(ListKind::Licences),
            PaneId::Cases => Some(ListKind::Cases),
            PaneId::Supervision => Some(ListKind::Inspections),
            PaneId::Persons => Some(ListKind::Persons),
            PaneId::Dashboard => None,
        }
    }
}

/// How a page that arrives joins the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadMode {
    /// A fresh window: the top (forward) or the bottom (backward) of the list.
    Replace,
    Append,
    Prepend,
}

/// A page the list asks for; `generation` lets late answers to an old
/// question (before the filter changed) be dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageAsk {
    pub kind: ListKind,
    pub generation: u64,
    pub mode: LoadMode,
    pub request: PageRequest,
}

#[derive(Debug, Clone)]
pub struct ListPane {
    pub kind: ListKind,
    pub items: Vec<ListItem>,
    pub cursor: usize,
    /// The first row on screen.
    pub scroll: usize,
    /// Whether the window holds the list's first / last row.
    pub at_top: bool,
    pub at_bottom: bool,
    pub generation: u64,
    /// The generation and mode of the page in flight, if any.
    pub loading: Option<(u64, LoadMode)>,
    pub loaded_once: bool,
    pub filter: String,
    /// The review queue's narrowing (kind, mine, due soon).
    pub scope: crate::store::QueueScope,
    pub error: Option<String>,
    /// The row to keep selected when a refresh's page arrives.
    pub keep: Option<i64>,
}

impl ListPane {
    pub fn new(kind: ListKind) -> Self {
        ListPane {
            kind,
            items: Vec::new(),
            cursor: 0,
            scroll: 0,
            at_top: true,
            at_bottom: false,
            generation: 0,
            loading: None,
            loaded_once: false,
            keep: None,
            filter: String::new(),
            scope: Default::default(),
            error: None,
        }
    }

    fn ask(&mut self, mode: LoadMode, dir: Direction, from_edge: bool) -> PageAsk {
        let from = if from_edge {
            None
        } else if mode == LoadMode::Append {
            self.items.last().map(ListItem::key)
        } else {
            self.items.first().map(ListItem::key)
        };
        self.loading = Some((self.generation, mode));
        PageAsk {
            kind: self.kind,
            generation: self.generation,
            mode,
            request: PageRequest {
                dir,
                from,
                limit: PAGE as i64,
                filter: self.filter.clone(),
                scope: self.scope.clone(),
            },
        }
    }

    /// Starts again from the top (after a filter change or a refresh).
    pub fn reload(&mut self) -> PageAsk {
        self.generation += 1;
        self.ask(LoadMode::Replace, Direction::Forward, true)
    }

    /// Reads the list again from the top, keeping the selected row selected
    /// if it is still in the first page (a change made at another desk).
    pub fn refresh(&mut self) -> PageAsk {
        self.keep = self.selected().map(ListItem::id);
        self.reload()
    }

    pub fn selected(&self) -> Option<&ListItem> {
        self.items.get(self.cursor)
    }

    /// Moves the cursor by `delta` rows; may ask for the next page.
    pub fn step(&mut self, delta: isize) -> Option<PageAsk> {
        if self.items.is_empty() {
            return None;
        }
        let last = self.items.len() - 1;
        self.cursor = (self.cursor as isize + delta).clamp(0, last as isize) as usize;
        self.prefetch()
    }

    fn prefetch(&mut self) -> Option<PageAsk> {
        if self.loading.is_some() || self.items.is_empty() {
            return None;
        }
        if !self.at_bottom && self.items.len() - 1 - self.cursor < PREFETCH {
            return Some(self.ask(LoadMode::Append, Direction::Forward, false));
        }
        if !self.at_top && self.cursor < PREFETCH {
            return Some(self.ask(LoadMode::Prepend, Direction::Backward, false));
        }
        None
    }

    pub fn top(&mut self) -> Option<PageAsk> {
        if self.at_top {
            self.cursor = 0;
            return self.prefetch();
        }
        self.generation += 1;
        Some(self.ask(LoadMode::Replace, Direction::Forward, true))
    }

    pub fn bottom(&mut self) -> Option<PageAsk> {
        if self.at_bottom {
            self.cursor = self.items.len().saturating_sub(1);
            return self.prefetch();
        }
        self.generation += 1;
        Some(self.ask(LoadMode::Replace, Direction::Backward, true))
    }

    /// Takes a page in; returns another ask when the cursor still sits near an edge.
    /// Whether this answer is the one the list waits for (not an older
    /// question's).
    pub fn awaits(&self, generation: u64, mode: LoadMode) -> bool {
        generation == self.generation && self.loading == Some((generation, mode))
    }

    pub fn receive(
        &mut self,
        generation: u64,
        mode: LoadMode,
        dir: Direction,
        result: Result<Vec<ListItem>, String>,
    ) -> Option<PageAsk> {
        if !self.awaits(generation, mode) {
            return None; // an answer to an older question
        }
        self.loading = None;
        self.loaded_once = true;
        let rows = match result {
            Ok(r) => {
                self.error = None;
                r
            }
            Err(e) => {
                self.error = Some(e);
                return None;
            }
        };
        let full = rows.len() >= PAGE;
        match mode {
            LoadMode::Replace => {
                let n = rows.len();
                self.items = rows;
                if dir == Direction::Forward {
                    self.at_top = true;
                    self.at_bottom = !full;
                    self.cursor = self
                        .keep
                        .take()
                        .and_then(|id| self.items.iter().position(|i| i.id() == id))
                        .unwrap_or(0);
                } else {
                    self.at_bottom = true;
                    self.at_top = !full;
                    self.cursor = n.saturating_sub(1);
                }
                self.scroll = 0;
            }
            LoadMode::Append => {
                self.at_bottom = !full;
                self.items.extend(rows);
                if self.items.len() > WINDOW {
                    let drop = self.items.len() - WINDOW;
                    self.items.drain(..drop);
                    self.cursor = self.cursor.saturating_sub(drop);
                    self.scroll = self.scroll.saturating_sub(drop);
                    self.at_top = false;
                }
            }
            LoadMode::Prepend => {
                self.at_top = !full;
                let n = rows.len();
                self.items.splice(0..0, rows);
                self.cursor += n;
                self.scroll += n;
                if self.items.len() > WINDOW {
                    self.items.truncate(WINDOW);
                    self.at_bottom = false;
                }
            }
        }
        self.prefetch()
    }

    /// Keeps the cursor on screen for a list body of `height` rows.
    pub fn follow(&mut self, height: usize) {
        let height = height.max(1);
        if self.cursor < self.scroll {
            self.scroll = self.cursor;
        } else if self.cursor >= self.scroll + height {
            self.scroll = self.cursor + 1 - height;
        }
        self.scroll = self.scroll.min(self.items.len().saturating_sub(height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{PersonItem, SortKey};

    fn person(id: i64) -> ListItem {
        ListItem::Person(PersonItem {
            id,
            name: format!("人{id}"),
            id_number: String::new(),
            employer_name: None,
            status: crate::domain::PersonStatus::Active,
            contribution_base: 0,
        })
    }

    /// A fake list of `total` persons answering asks as the store would.
    fn answer(total: i64, ask: &PageAsk) -> Vec<ListItem> {
        let r = &ask.request;
        let ids: Vec<i64> = match (r.dir, &r.from) {
            (Direction::Forward, None) => (1..=total).take(PAGE).collect(),
            (Direction::Forward, Some(SortKey::Id(k))) => (k + 1..=total).take(PAGE).collect(),
            (Direction::Backward, None) => {
                let mut v: Vec<i64> = (1..=total).rev().take(PAGE).collect();
                v.reverse();
                v
            }
            (Direction::Backward, Some(SortKey::Id(k))) => {
                let mut v: Vec<i64> = (1..*k).rev().take(PAGE).collect();
                v.reverse();
                v
            }
            _ => unreachable!(),
        };
        ids.into_iter().map(person).collect()
    }

    fn drive(p: &mut ListPane, total: i64, mut ask: Option<PageAsk>) {
        while let Some(a) = ask {
            let rows = answer(total, &a);
            ask = p.receive(a.generation, a.mode, a.request.dir, Ok(rows));
        }
    }

    #[test]
    fn scrolling_a_million_rows_keeps_a_bounded_window_in_order() {
        let total = 1_000_000;
        let mut p = ListPane::new(ListKind::Persons);
        let first = p.reload();
        drive(&mut p, total, Some(first));
        for _ in 0..2_000 {
            let ask = p.step(1);
            drive(&mut p, total, ask);
            assert!(p.items.len() <= WINDOW + PAGE);
        }
        assert_eq!(p.selected().unwrap().id(), 2_001);
        let ids: Vec<i64> = p.items.iter().map(ListItem::id).collect();
        assert!(
            ids.windows(2).all(|w| w[1] == w[0] + 1),
            "window is contiguous"
        );
        // And back up past what was dropped.
        for _ in 0..1_500 {
            let ask = p.step(-1);
            drive(&mut p, total, ask);
        }
        assert_eq!(p.selected().unwrap().id(), 501);
        let ask = p.bottom();
        drive(&mut p, total, ask);
        assert_eq!(p.selected().unwrap().id(), total);
        assert!(p.at_bottom);
        let ask = p.top();
        drive(&mut p, total, ask);
        assert_eq!(p.selected().unwrap().id(), 1);
    }

    #[test]
    fn an_answer_to_an_old_question_is_dropped() {
        let mut p = ListPane::new(ListKind::Persons);
        let old = p.reload();
        p.filter = "张".into();
        let new = p.reload();
        assert!(
            p.receive(
                old.generation,
                old.mode,
                Direction::Forward,
                Ok(vec![person(1)])
            )
            .is_none()
        );
        assert!(p.items.is_empty());
        p.receive(
            new.generation,
            new.mode,
            Direction::Forward,
            Ok(vec![person(7)]),
        );
        assert_eq!(p.items.len(), 1);
        assert!(p.at_bottom, "a short page is the end of the list");
    }

    #[test]
    fn the_cursor_stays_on_screen() {
        let mut p = ListPane::new(ListKind::Persons);
        p.items = (1..=50).map(person).collect();
        p.at_bottom = true;
        p.cursor = 30;
        p.follow(10);
        assert_eq!(p.scroll, 21);
        p.cursor = 5;
        p.follow(10);
        assert_eq!(p.scroll, 5);
    }
}

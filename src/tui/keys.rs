//! Keys that do not go through the keymap: typing into an overlay (the
//! palette, a decision's remark or reason, a reveal's reason), into a list's
//! filter, or into the lookup's query line. Everything else is looked up in
//! the keymap and becomes an action.

use super::action::Action;
use super::app::{App, DecisionAsk, Effect, Overlay};
use super::keymap::Chord;
use super::lookup::LookupState;
use super::pane::PaneId;
use crate::domain::decision::Decision;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl App {
    /// Keys while typing a lookup; None when the key is not the lookup's.
    pub(super) fn lookup_key(&mut self, k: KeyEvent) -> Option<Vec<Effect>> {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let height = self.list_height();
        let search =
            |l: &mut LookupState| l.ask().map(Effect::Search).into_iter().collect::<Vec<_>>();
        Some(match k.code {
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                self.lookup.query.push(c);
                search(&mut self.lookup)
            }
            KeyCode::Backspace => {
                self.lookup.query.pop();
                self.lookup.hits = None;
                self.lookup.answered.clear();
                search(&mut self.lookup)
            }
            // Tab narrows the kind; Shift-Tab still leaves for the previous pane.
            KeyCode::Tab if !k.modifiers.contains(KeyModifiers::SHIFT) => {
                self.lookup.rotate_scope(1);
                search(&mut self.lookup)
            }
            KeyCode::Esc if self.lookup.searching() => {
                self.lookup.query.clear();
                search(&mut self.lookup)
            }
            KeyCode::Esc => {
                self.lookup.editing = false;
                vec![]
            }
            KeyCode::Enter if self.lookup.searching() => self.open_hit(),
            KeyCode::Up | KeyCode::Down if self.lookup.searching() => {
                self.lookup
                    .step(if k.code == KeyCode::Down { 1 } else { -1 }, height);
                vec![]
            }
            _ => return None,
        })
    }

    pub(super) fn key(&mut self, k: KeyEvent) -> Vec<Effect> {
        // A key after an Enter typed ahead takes its place.
        self.open_on_arrival = None;
        // One meaning for Ctrl-C: it cancels what is open on top — an
        // overlay, a form (which keeps its draft), the filter line — as Esc
        // does; with nothing open, it quits.
        if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
            if self.overlay.is_none() && !self.filtering {
                return self.apply(Action::Quit);
            }
            return self.key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        }
        if let Some(Overlay::Reveal { id, input }) = &mut self.overlay {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            return match k.code {
                KeyCode::Esc => {
                    self.overlay = None;
                    vec![]
                }
                KeyCode::Enter if !input.trim().is_empty() => {
                    let ask = Effect::Reveal {
                        id: *id,
                        reason: input.trim().to_string(),
                    };
                    self.overlay = None;
                    vec![ask]
                }
                KeyCode::Backspace => {
                    input.pop();
                    vec![]
                }
                KeyCode::Char(c) if !ctrl && !c.is_control() => {
                    input.push(c);
                    vec![]
                }
                _ => vec![],
            };
        }
        if let Some(Overlay::Notice { .. }) = &self.overlay {
            return self.notice_key(k);
        }
        if let Some(Overlay::Decide { draft, input }) = &mut self.overlay {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            return match k.code {
                KeyCode::Esc => {
                    self.overlay = None;
                    vec![]
                }
                KeyCode::Enter
                    if draft.refused.is_none()
                        && !(draft.needs_reason && input.trim().is_empty()) =>
                {
                    let text = match draft.decision {
                        Decision::Return if input.trim().is_empty() => draft.notice.clone(),
                        Decision::Return => format!("{}{}\n", draft.notice, input.trim()),
                        Decision::Approve => input.trim().to_string(),
                    };
                    let ask = DecisionAsk {
                        id: draft.id,
                        version: draft.version,
                        decision: draft.decision,
                        text,
                    };
                    // Kept until the decision is taken: a refusal brings it back.
                    self.review.deciding = self.overlay.take();
                    vec![Effect::Decide(ask)]
                }
                KeyCode::Backspace => {
                    input.pop();
                    vec![]
                }
                KeyCode::Char(c) if !ctrl && !c.is_control() && draft.refused.is_none() => {
                    input.push(c);
                    vec![]
                }
                _ => vec![],
            };
        }
        if let Some(Overlay::Palette(p)) = &mut self.overlay {
            return match k.code {
                KeyCode::Esc => {
                    self.overlay = None;
                    vec![]
                }
                KeyCode::Enter => {
                    let chosen = p.chosen();
                    self.overlay = None;
                    chosen.map(|a| self.apply(a)).unwrap_or_default()
                }
                KeyCode::Up => {
                    p.step(-1);
                    vec![]
                }
                KeyCode::Down | KeyCode::Tab => {
                    p.step(1);
                    vec![]
                }
                KeyCode::Backspace => {
                    p.pop();
                    vec![]
                }
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    p.push(c);
                    vec![]
                }
                _ => vec![],
            };
        }
        if let Some(fx) = self.case_overlay_key(k) {
            return fx;
        }
        if let Some(fx) = self.form_key(k) {
            return fx;
        }
        if let Some(fx) = self.documents_key(k) {
            return fx;
        }
        if let Some(Overlay::Problems { cursor }) = &mut self.overlay {
            let rows = 1 + self.review.problem_tally.as_ref().map_or(0, Vec::len);
            return match k.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    *cursor = cursor.saturating_sub(1);
                    vec![]
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *cursor = (*cursor + 1).min(rows - 1);
                    vec![]
                }
                KeyCode::Enter => {
                    let chosen = cursor.checked_sub(1).and_then(|i| {
                        self.review
                            .problem_tally
                            .as_ref()
                            .and_then(|t| t.get(i))
                            .map(|(c, _)| c.clone())
                    });
                    self.overlay = None;
                    self.choose_problem(chosen)
                }
                KeyCode::Esc => {
                    self.overlay = None;
                    vec![]
                }
                _ => vec![],
            };
        }
        if self.filtering {
            return self.filter_key(k);
        }
        if let Some(overlay) = &mut self.overlay {
            let Some(chord) = Chord::from_event(&k) else {
                return vec![];
            };
            // A text scrolls no further than its last line.
            let last = match overlay {
                Overlay::Text { lines, .. } => u16::try_from(lines.len()).unwrap_or(u16::MAX),
                _ => u16::MAX,
            };
            let scroll = match overlay {
                Overlay::Help { scroll }
                | Overlay::Keymap { scroll }
                | Overlay::Text { scroll, .. } => scroll,
                Overlay::Palette(_)
                | Overlay::Decide { .. }
                | Overlay::Reveal { .. }
                | Overlay::Notice { .. }
                | Overlay::Problems { .. }
                | Overlay::CaseViews { .. }
                | Overlay::CaseMoves { .. }
                | Overlay::CaseConfirm { .. }
                | Overlay::CaseDecide(_)
                | Overlay::Assign { .. }
                | Overlay::BulkMoves { .. }
                | Overlay::SaveView { .. }
                | Overlay::Form(_)
                | Overlay::Documents { .. } => unreachable!("handled above"),
            };
            match self.keymap.lookup(&["list", "global"], chord) {
                Some(Action::Down) => {
                    *scroll = scroll.saturating_add(1).min(last.saturating_sub(1))
                }
                Some(Action::Up) => *scroll = scroll.saturating_sub(1),
                _ => self.overlay = None,
            }
            return vec![];
        }
        if self.pane == PaneId::Licences
            && self.lookup.editing
            && self.detail.is_none()
            && let Some(fx) = self.lookup_key(k)
        {
            return fx;
        }
        let Some(chord) = Chord::from_event(&k) else {
            return vec![];
        };
        match self.keymap.lookup(&self.contexts(), chord) {
            Some(a) => self.apply(a),
            None => vec![],
        }
    }

    fn filter_key(&mut self, k: KeyEvent) -> Vec<Effect> {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let height = self.list_height();
        let Some(list) = self
            .pane
            .list_kind()
            .and_then(|kind| self.lists.get_mut(&kind))
        else {
            self.filtering = false;
            return vec![];
        };
        let ask = match k.code {
            KeyCode::Esc => {
                self.filtering = false;
                if list.filter.is_empty() {
                    None
                } else {
                    list.filter.clear();
                    Some(list.reload())
                }
            }
            KeyCode::Enter => {
                self.filtering = false;
                None
            }
            KeyCode::Backspace => list.filter.pop().map(|_| list.reload()),
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                list.filter.push(c);
                Some(list.reload())
            }
            // Moving while typing works as in the list.
            KeyCode::Down => list.step(1),
            KeyCode::Up => list.step(-1),
            _ => None,
        };
        list.follow(height);
        ask.map(Effect::LoadPage).into_iter().collect()
    }
}

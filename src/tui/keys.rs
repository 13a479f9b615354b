//! Where a key goes: to the overlay on top, through its layer's keymap
//! section (`[pick]`, `[input]`, `[text]`, `[form]`); into a list's filter
//! or the lookup's query line; else through the keymap sections of the pane
//! and becomes an action.

/// The longest palette query kept: more finds nothing more.
const QUERY_MAX_CHARS: usize = 60;

use super::action::Action;
use super::app::{App, Effect, Overlay};
use super::form::FIELD_MAX_CHARS;
use super::keymap::Chord;
use super::lookup::LookupState;
use super::overlay::{LayerKey, pick};
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
            // Tab is not the line's: it goes on to the next pane, as
            // everywhere; the scope has its own key (the keymap's `scope`).
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
        // One meaning for Ctrl-C, whatever a keymap says: it closes what is
        // open on top — an overlay (a form keeps its draft), the filter
        // line — as Esc does; with nothing open, it quits.
        let ctrl_c = k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        // A screen too small to show what a key would do takes none but
        // quitting (q, or Ctrl-C as ever): nothing is decided unseen.
        if self.too_small() {
            let open = self.overlay.is_some() || self.filtering;
            if ctrl_c && open {
                // What is open on top closes as ever, keeping what was typed.
                return self.overlay_or_filter_closed();
            }
            let quits = ctrl_c
                || (!open
                    && Chord::from_event(&k)
                        .is_some_and(|c| self.keymap.lookup(&["global"], c) == Some(Action::Quit)));
            return if quits {
                self.apply(Action::Quit)
            } else {
                vec![]
            };
        }
        if let Some(layer) = self.overlay.as_ref().map(Overlay::layer) {
            let key = if ctrl_c { esc } else { k };
            let mut lk = LayerKey { action: None, key };
            lk.action = if ctrl_c {
                Some(Action::Back)
            } else if layer.takes_text() && lk.typed().is_some() {
                None
            } else {
                Chord::from_event(&k).and_then(|c| self.keymap.lookup(&[layer.section()], c))
            };
            return self.overlay_key(lk);
        }
        if self.filtering {
            return self.filter_key(if ctrl_c { esc } else { k });
        }
        if ctrl_c {
            return self.apply(Action::Quit);
        }
        if self.lookup_typing()
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

    /// Ctrl-C while the screen is too small: the overlay or filter line
    /// closes as Esc closes it.
    fn overlay_or_filter_closed(&mut self) -> Vec<Effect> {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        if self.overlay.is_some() {
            self.overlay_key(LayerKey {
                action: Some(Action::Back),
                key: esc,
            })
        } else if self.filtering {
            self.filter_key(esc)
        } else {
            vec![]
        }
    }

    /// A key in the overlay on top, sent to the overlay's own keys; help
    /// (`?` or F1, as its layer says) opens over it, listing its keys.
    fn overlay_key(&mut self, k: LayerKey) -> Vec<Effect> {
        if k.action == Some(Action::Help) && !matches!(self.overlay, Some(Overlay::Help { .. })) {
            let under = self.overlay.take().map(Box::new);
            self.overlay = Some(Overlay::Help { scroll: 0, under });
            return vec![];
        }
        match &self.overlay {
            None => vec![],
            Some(Overlay::Help { .. } | Overlay::Keymap { .. } | Overlay::Text { .. }) => {
                self.text_key(k)
            }
            Some(Overlay::Palette(_)) => self.palette_key(k),
            Some(Overlay::Reveal { .. }) => self.reveal_key(k),
            Some(Overlay::Decide { .. }) => self.decide_key(k),
            Some(Overlay::Notice { .. }) => self.notice_key(k),
            Some(Overlay::Problems { .. }) => self.problems_key(k),
            Some(Overlay::ConfirmApprove { .. }) => self.confirm_approve_key(k),
            Some(Overlay::Documents { .. }) => self.documents_key(k),
            Some(Overlay::Form(_)) => self.form_key(k),
            Some(Overlay::Complaints(_) | Overlay::ComplaintDecide(_)) => self.inbox_key(k),
            Some(
                Overlay::CaseViews { .. }
                | Overlay::CaseMoves { .. }
                | Overlay::CaseConfirm { .. }
                | Overlay::CaseDecide(_)
                | Overlay::Assign { .. }
                | Overlay::BulkMoves { .. }
                | Overlay::SaveView { .. },
            ) => self.case_overlay_key(k),
        }
    }

    /// A text to read (help, the keymap, a draw's result): it scrolls no
    /// further than its last line; a key its layer does not name closes it,
    /// and help closed shows again what it was asked from.
    fn text_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let page = self.list_height().max(1);
        let Some(overlay) = &mut self.overlay else {
            return vec![];
        };
        let (scroll, lines) = match overlay {
            Overlay::Text { lines, scroll, .. } => (scroll, lines.len()),
            Overlay::Help { scroll, .. } | Overlay::Keymap { scroll } => {
                (scroll, usize::from(u16::MAX))
            }
            _ => return vec![],
        };
        let mut at = usize::from(*scroll);
        if pick(&mut at, lines, k.action, page) {
            *scroll = u16::try_from(at).unwrap_or(u16::MAX);
        } else if let Some(Overlay::Help {
            under: Some(under), ..
        }) = self.overlay.take()
        {
            self.overlay = Some(*under);
        }
        vec![]
    }

    fn palette_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let Some(Overlay::Palette(p)) = &mut self.overlay else {
            return vec![];
        };
        match k.action {
            Some(Action::Back) => self.overlay = None,
            Some(Action::Open) => {
                let chosen = p.chosen();
                self.overlay = None;
                return chosen.map(|a| self.apply(a)).unwrap_or_default();
            }
            Some(Action::Up) => p.step(-1),
            Some(Action::Down) => p.step(1),
            _ if k.is_backspace() => p.pop(),
            _ => {
                if let Some(c) = k.typed()
                    && p.query.chars().count() < QUERY_MAX_CHARS
                {
                    p.push(c);
                }
            }
        }
        vec![]
    }

    /// The reason asked before a person's data is shown.
    fn reveal_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let Some(Overlay::Reveal { id, input }) = &mut self.overlay else {
            return vec![];
        };
        match k.action {
            Some(Action::Back) => self.overlay = None,
            // An empty reason is refused in a sentence, not ignored.
            Some(Action::Open) if input.trim().is_empty() => {
                self.message = Some(crate::i18n::reveal_reason_says_nothing(self.lang).to_string());
            }
            Some(Action::Open) => {
                let ask = Effect::Reveal {
                    id: *id,
                    reason: input.trim().to_string(),
                };
                self.overlay = None;
                return vec![ask];
            }
            _ if k.is_backspace() => {
                input.pop();
            }
            _ => {
                if let Some(c) = k.typed()
                    && input.chars().count() < FIELD_MAX_CHARS
                {
                    input.push(c);
                }
            }
        }
        vec![]
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

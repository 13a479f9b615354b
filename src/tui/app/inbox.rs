//! How the complaints inbox takes its keys and answers: the first row of
//! the case queue's view chooser opens it; Enter opens a complaint, `m`
//! (the key that takes a case's step) its decision form, refused at the key
//! to a role that may not decide; F2 decides as `complaints decide` does.

use crate::domain::permissions::{Act, any_of};
use crate::i18n;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Overlay};
use crate::tui::inbox::{DecideComplaint, Inbox};
use crate::tui::overlay::{LayerKey, pick};
use crate::workflow::complaints::Waiting;
use ratatui::crossterm::event::KeyCode;

use crate::domain::complaint::ELSEWHERE_MAX_CHARS;
use crate::workflow::complaints::NOTE_MAX_CHARS;

impl App {
    /// The inbox's row in the view chooser, with its counts when known.
    pub fn inbox_label(&self) -> String {
        let (n, late) = self.counts.as_ref().map_or((None, 0), |c| {
            (Some(c.pending_complaints), c.overdue_complaints)
        });
        i18n::inbox_title(self.lang, n, late)
    }

    pub(crate) fn open_inbox(&mut self) -> Vec<Effect> {
        self.overlay = None;
        vec![Effect::LoadComplaints { lang: self.lang }]
    }

    pub(crate) fn inbox_loaded(&mut self, r: Result<Vec<Waiting>, String>) -> Vec<Effect> {
        match r {
            Ok(rows) => {
                // Read again after a decision: the cursor stays where it
                // was, and the notice just decided stays to print.
                let (cursor, answered) = match &self.overlay {
                    Some(Overlay::Complaints(i)) => (i.cursor, i.answered),
                    _ => (0, None),
                };
                self.overlay = Some(Overlay::Complaints(Inbox {
                    cursor: cursor.min(rows.len().saturating_sub(1)),
                    rows,
                    open: false,
                    answered,
                }));
            }
            Err(e) => self.message = Some(i18n::load_failed(self.lang, &e)),
        }
        vec![]
    }

    pub(crate) fn complaint_decided(
        &mut self,
        r: Result<crate::workflow::complaints::Decided, String>,
    ) -> Vec<Effect> {
        match r {
            Ok(done) => {
                self.message = Some(done.said(true));
                let mut inbox = match self.overlay.take() {
                    Some(Overlay::ComplaintDecide(f)) => f.inbox,
                    _ => return vec![Effect::LoadCounts],
                };
                inbox.answered = done.notice().map(|kind| (kind, done.id));
                self.overlay = Some(Overlay::Complaints(inbox));
                // An acceptance registered a case: the queue shows it.
                let mut fx = vec![
                    Effect::LoadCounts,
                    Effect::LoadComplaints { lang: self.lang },
                ];
                if let Some(l) = self.lists.get_mut(&crate::store::ListKind::Cases) {
                    fx.push(Effect::LoadPage(l.reload()));
                }
                fx
            }
            Err(e) => {
                match &mut self.overlay {
                    Some(Overlay::ComplaintDecide(f)) => f.error = Some(e),
                    _ => self.message = Some(e),
                }
                vec![]
            }
        }
    }

    pub(crate) fn inbox_key(&mut self, k: LayerKey) -> Vec<Effect> {
        if matches!(self.overlay, Some(Overlay::ComplaintDecide(_))) {
            return self.complaint_form_key(k);
        }
        let page = self.list_height();
        let lang = self.lang;
        let may = any_of(&self.who.roles, Act::DecideComplaint);
        let Some(Overlay::Complaints(inbox)) = &mut self.overlay else {
            return vec![];
        };
        match k.action {
            Some(Action::Back) if inbox.open => inbox.open = false,
            Some(Action::Back) => self.overlay = None,
            Some(Action::Open) if inbox.chosen().is_some() => inbox.open = true,
            // The written notice of the complaint just decided (refused, or
            // not this bureau's), as `p` prints a record's document.
            Some(Action::PrintDocument) => match inbox.answered {
                Some((kind, id)) => return self.print(kind, id),
                None => self.message = Some(i18n::nothing_to_print(lang).to_string()),
            },
            // Refused at the key, in one sentence naming who may.
            Some(Action::CaseMove) if !may => {
                self.message = Some(i18n::act_refused(lang, Act::DecideComplaint));
            }
            Some(Action::CaseMove) if inbox.chosen().is_some() => {
                let inbox = inbox.clone();
                self.overlay = Some(Overlay::ComplaintDecide(DecideComplaint {
                    inbox,
                    dispute: false,
                    field: 0,
                    elsewhere: String::new(),
                    note: String::new(),
                    error: None,
                }));
            }
            a if !inbox.open => {
                pick(&mut inbox.cursor, inbox.rows.len(), a, page);
            }
            _ => {}
        }
        vec![]
    }

    fn complaint_form_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let lang = self.lang;
        let Some(Overlay::ComplaintDecide(f)) = &mut self.overlay else {
            return vec![];
        };
        match k.action {
            Some(Action::Back) => {
                let inbox = f.inbox.clone();
                self.overlay = Some(Overlay::Complaints(inbox));
                return vec![];
            }
            Some(Action::Submit) => {
                let Some(id) = f.waiting().map(|w| w.complaint.id) else {
                    return vec![];
                };
                f.error = None;
                return vec![Effect::DecideComplaint {
                    id,
                    dispute: f.dispute,
                    elsewhere: f.elsewhere.clone(),
                    note: f.note.clone(),
                    lang,
                }];
            }
            Some(Action::NextField | Action::Down | Action::Open) => f.field = (f.field + 1).min(2),
            Some(Action::PrevField | Action::Up) => f.field = f.field.saturating_sub(1),
            _ if f.field == 0 && matches!(k.key.code, KeyCode::Left | KeyCode::Right) => {
                f.dispute = !f.dispute;
            }
            _ if f.field > 0 => {
                let (text, max) = if f.field == 1 {
                    (&mut f.elsewhere, ELSEWHERE_MAX_CHARS)
                } else {
                    (&mut f.note, NOTE_MAX_CHARS)
                };
                if k.is_backspace() {
                    text.pop();
                } else if let Some(c) = k.typed()
                    && text.chars().count() < max
                {
                    text.push(c);
                }
            }
            _ => {}
        }
        vec![]
    }
}

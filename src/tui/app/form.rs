//! How an open form takes its keys and what its submission asks for; the
//! form itself (fields, checks) is `tui::form`.

use crate::i18n;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Overlay};
use crate::tui::form::{FIELD_MAX_CHARS, Form, FormReply, Kind};
use crate::tui::overlay::LayerKey;
use ratatui::crossterm::event::KeyCode;

impl App {
    /// Opens `fresh`, or the form of the same purpose closed unsent.
    pub(crate) fn open_form(&mut self, fresh: Form) {
        let kept = match self.form_draft.take() {
            Some(Overlay::Form(f)) if f.purpose == fresh.purpose => Some(f),
            other => {
                self.form_draft = other;
                None
            }
        };
        self.overlay = Some(Overlay::Form(kept.unwrap_or(fresh)));
    }

    /// Keys of an open form: its layer's keys move, submit and close;
    /// ←/→ turn a choice, Space ticks one of many, the rest is typed.
    pub(crate) fn form_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let Some(Overlay::Form(form)) = &mut self.overlay else {
            return vec![];
        };
        let n = form.fields.len();
        let field = &mut form.fields[form.focus];
        match k.action {
            // Closing keeps what was typed: the same form opens with it again.
            Some(Action::Back) => {
                self.form_draft = self.overlay.take();
                self.message = Some(i18n::form_kept(self.lang).to_string());
            }
            // Enter moves on, as on a paper form; F2 or Ctrl-S registers.
            Some(Action::NextField | Action::Down | Action::Open) => {
                form.focus = (form.focus + 1) % n
            }
            Some(Action::PrevField | Action::Up) => form.focus = (form.focus + n - 1) % n,
            // The items not filled in yet, passed: most of a routine visit.
            Some(Action::PassRest) => {
                for f in &mut form.fields {
                    if f.kind.ticked() && f.choice == 0 {
                        f.choice = 1;
                    }
                }
            }
            Some(Action::Submit) => {
                if form.sending {
                    return vec![];
                }
                let unset: Vec<&str> = form
                    .fields
                    .iter()
                    .filter(|f| f.kind.ticked() && f.choice == 0)
                    .map(|f| f.label.as_str())
                    .collect();
                if !unset.is_empty() {
                    form.error = Some(i18n::items_unfilled(self.lang, &unset));
                    return vec![];
                }
                let lang = self.lang;
                // Read once, here: a day that is not one is said at once.
                match form.submission(lang) {
                    Ok(submission) => {
                        form.sending = true;
                        form.error = None;
                        return vec![Effect::SubmitForm { submission, lang }];
                    }
                    Err(e) => form.error = Some(e),
                }
            }
            _ if matches!(k.key.code, KeyCode::Left | KeyCode::Right) => {
                let forward = k.key.code == KeyCode::Right;
                match &field.kind {
                    Kind::OneOf(o) if !o.is_empty() => {
                        field.choice =
                            (field.choice + if forward { 1 } else { o.len() - 1 }) % o.len();
                    }
                    Kind::AnyOf(o) if !o.is_empty() => {
                        field.cursor =
                            (field.cursor + if forward { 1 } else { o.len() - 1 }) % o.len();
                    }
                    // Round passed → failed → not applicable (1..=3).
                    Kind::Check | Kind::Material => {
                        field.choice = match (field.choice, forward) {
                            (0, true) | (3, true) => 1,
                            (0, false) | (1, false) => 3,
                            (c, true) => c + 1,
                            (c, false) => c - 1,
                        }
                    }
                    _ => {}
                }
            }
            _ if k.typed() == Some(' ') && matches!(field.kind, Kind::AnyOf(_) | Kind::Flag) => {
                if field.kind == Kind::Flag {
                    field.flag = !field.flag;
                } else if let Some(p) = field.picks.get_mut(field.cursor) {
                    *p = !*p;
                }
            }
            _ if k.is_backspace()
                && (matches!(field.kind, Kind::Text | Kind::Date) || field.kind.ticked()) =>
            {
                field.text.pop();
            }
            _ => {
                if let Some(c) = k.typed()
                    && (matches!(field.kind, Kind::Text | Kind::Date) || field.kind.ticked())
                {
                    if field.kind.ticked() {
                        // A finding (a note) is what a failed (invalid) item has.
                        field.choice = 2;
                    }
                    if field.text.chars().count() < FIELD_MAX_CHARS {
                        field.text.push(c);
                    }
                }
            }
        }
        vec![]
    }

    /// The answer to a submitted form: said and closed, or kept open with why.
    pub(crate) fn form_done(&mut self, r: Result<FormReply, String>) -> Vec<Effect> {
        match r {
            Ok(FormReply::Next(next)) => {
                self.overlay = Some(Overlay::Form(*next));
                vec![]
            }
            Ok(FormReply::Choose { key, options, note }) => {
                if let Some(Overlay::Form(f)) = &mut self.overlay {
                    if let Some(i) = f.fields.iter().position(|x| x.key == key) {
                        f.fields[i].kind = Kind::OneOf(options);
                        f.fields[i].choice = 0;
                        f.fields[i].listed = true;
                        f.focus = i;
                    }
                    f.error = Some(note);
                    f.sending = false;
                }
                vec![]
            }
            Ok(FormReply::Received { said, id }) => {
                self.overlay = None;
                self.form_draft = None;
                self.message = Some(said);
                self.pane = crate::tui::pane::PaneId::Filings;
                let mut fx = self.data_changed();
                fx.extend(self.open_detail(crate::store::ListKind::Filings, id));
                fx.push(Effect::TakeLease { id });
                fx
            }
            Ok(FormReply::Done(done)) => {
                self.overlay = None;
                self.form_draft = None;
                // The annual reviews tagged are recorded: the tags go.
                self.supervision.tagged.clear();
                self.message = Some(done);
                self.data_changed()
            }
            Err(e) => {
                if let Some(Overlay::Form(f)) = &mut self.overlay {
                    f.error = Some(e);
                    f.sending = false;
                } else {
                    self.message = Some(e);
                }
                vec![]
            }
        }
    }
}

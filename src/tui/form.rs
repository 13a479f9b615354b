//! A small form drawn over the pane: text and date lines, one-of choices,
//! many-of choices and yes/no flags, moved through with Tab. Used to
//! register a complaint (`n` in the case queue) and to add evidence to a
//! case file (`e` in a case). Enter moves to the next field; F2 or Ctrl-S
//! registers; Esc closes it keeping what was typed for the next time.

use super::app::{App, Effect, Overlay};
use crate::domain::{CaseFileKind, InspectionMatter};
use crate::i18n::{self, Lang};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// YYYY-MM-DD
    Date,
    /// One of (code, label); `choice` is the one chosen.
    OneOf(Vec<(String, String)>),
    /// Any of (code, label); `cursor` is the option under the cursor.
    AnyOf(Vec<(String, String)>),
    Flag,
    /// A check item: not yet filled in, passed, failed or not applicable
    /// (`choice` 0 to 3); the text is the finding, and typing one marks the
    /// item failed. Nothing is recorded while an item is left unfilled.
    Check,
    /// A material handed in at the counter: not ticked yet, handed in and
    /// valid, handed in but invalid, or not handed in (`choice` 0 to 3);
    /// the text is the note, and typing one marks it invalid.
    Material,
}

impl Kind {
    /// Ticked item by item: a check item or a material, each with a note.
    pub fn ticked(&self) -> bool {
        matches!(self, Kind::Check | Kind::Material)
    }
}

/// The longest text a field takes; what is typed past it is not taken.
pub const FIELD_MAX_CHARS: usize = 500;

/// What the program says to a form sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormReply {
    /// Done: the sentence to show; the form closes.
    Done(String),
    /// A filing received: the sentence, and the filing opened in the review
    /// pane with every problem the checks found, its receipt a `p` away.
    Received { said: String, id: i64 },
    /// The next step's form, in its place.
    Next(Box<Form>),
    /// Several records fit what was typed in `key`: the field becomes a
    /// chooser of (code, label), and `note` says so.
    Choose {
        key: &'static str,
        options: Vec<(String, String)>,
        note: String,
    },
}

/// The outcomes of a check item, in the order of `Kind::Check`'s choice;
/// the first is "not filled in yet".
pub const CHECK_OUTCOMES: [&str; 4] = ["", "passed", "failed", "na"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub key: &'static str,
    /// What a field of many of one key stands for (a material's code).
    pub code: String,
    pub label: String,
    pub kind: Kind,
    pub text: String,
    pub choice: usize,
    pub picks: Vec<bool>,
    pub cursor: usize,
    pub flag: bool,
}

impl FormField {
    pub(super) fn new(key: &'static str, label: &str, kind: Kind) -> FormField {
        let n = match &kind {
            Kind::AnyOf(o) => o.len(),
            _ => 0,
        };
        FormField {
            key,
            code: String::new(),
            label: label.to_string(),
            kind,
            text: String::new(),
            choice: 0,
            picks: vec![false; n],
            cursor: 0,
            flag: false,
        }
    }

    /// The field's value as submitted: text, a code, codes joined by
    /// commas, or "1"/"".
    pub fn value(&self) -> String {
        match &self.kind {
            Kind::Text | Kind::Date => self.text.trim().to_string(),
            Kind::OneOf(o) => o.get(self.choice).map_or(String::new(), |(c, _)| c.clone()),
            Kind::AnyOf(o) => o
                .iter()
                .zip(&self.picks)
                .filter(|(_, p)| **p)
                .map(|((c, _), _)| c.as_str())
                .collect::<Vec<_>>()
                .join(","),
            Kind::Flag => if self.flag { "1" } else { "" }.to_string(),
            Kind::Check => match CHECK_OUTCOMES[self.choice.min(3)] {
                "failed" => format!("failed:{}", self.text.trim()),
                other => other.to_string(),
            },
            // As `filings receive --materials` takes a material.
            Kind::Material => match self.choice {
                0 => String::new(),
                1 => "present".to_string(),
                2 => format!("invalid:{}", self.text.trim()),
                _ => "missing".to_string(),
            },
        }
    }
}

/// What a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Complaint,
    Evidence {
        case: i64,
    },
    /// Recording a pending inspection item by item.
    Inspection {
        id: i64,
    },
    /// A step of a licence's sanction ladder.
    Sanction {
        licence: i64,
    },
    /// A lead about a licence holder.
    Lead {
        licence: i64,
    },
    /// A register imported from a file.
    Import,
    /// Receiving a filing, first step: what, from whom, when, how.
    ReceiveStart,
    /// Receiving a filing, second step: its fields and its materials.
    Receive(Box<super::receiving::ReceiveHead>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub purpose: Purpose,
    pub title: String,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub error: Option<String>,
    /// Sent and not yet answered: a second send is ignored.
    pub sending: bool,
}

impl Form {
    /// The complaint intake form (投诉登记).
    pub fn complaint(lang: Lang, today: chrono::NaiveDate) -> Form {
        let matters = InspectionMatter::ALL
            .iter()
            .map(|m| (m.code().to_string(), m.label(lang).to_string()))
            .collect();
        let channels = crate::domain::complaint::CHANNELS
            .iter()
            .map(|c| (c.to_string(), i18n::channel_label(lang, c).to_string()))
            .collect();
        let mut received =
            FormField::new("received", lang.pick("收到日期", "Received"), Kind::Date);
        received.text = today.to_string();
        Form {
            purpose: Purpose::Complaint,
            title: lang.pick("投诉登记", "Register a complaint").into(),
            fields: vec![
                FormField::new(
                    "complainant",
                    lang.pick("投诉人姓名", "Complainant"),
                    Kind::Text,
                ),
                FormField::new(
                    "id_number",
                    lang.pick("公民身份号码", "ID number"),
                    Kind::Text,
                ),
                FormField::new("phone", lang.pick("联系电话", "Phone"), Kind::Text),
                FormField::new(
                    "respondent",
                    lang.pick(
                        "被投诉单位（名称或信用代码）",
                        "Respondent (name or credit code)",
                    ),
                    Kind::Text,
                ),
                FormField::new(
                    "matters",
                    lang.pick("投诉事项", "Matters"),
                    Kind::AnyOf(matters),
                ),
                FormField::new("facts", lang.pick("投诉事实", "Facts"), Kind::Text),
                FormField::new(
                    "channel",
                    lang.pick("渠道", "Channel"),
                    Kind::OneOf(channels),
                ),
                received,
                FormField::new(
                    "violation_on",
                    lang.pick("违法行为日期", "Violation on"),
                    Kind::Date,
                ),
                FormField::new("mass", lang.pick("群体性事件", "Mass incident"), Kind::Flag),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }

    /// Evidence or a document for a case file.
    pub fn evidence(lang: Lang, case: i64, today: chrono::NaiveDate) -> Form {
        let kinds = [
            CaseFileKind::InquiryRecord,
            CaseFileKind::SiteRecord,
            CaseFileKind::EmployerDocuments,
            CaseFileKind::AudioVideo,
            CaseFileKind::CommissionedAudit,
        ]
        .iter()
        .map(|k| (k.code().to_string(), k.label(lang).to_string()))
        .collect();
        let mut on = FormField::new("on", lang.pick("日期", "Date"), Kind::Date);
        on.text = today.to_string();
        Form {
            purpose: Purpose::Evidence { case },
            title: lang.pick("登记证据", "Add evidence").into(),
            fields: vec![
                FormField::new("kind", lang.pick("种类", "Kind"), Kind::OneOf(kinds)),
                on,
                FormField::new(
                    "kept_at",
                    lang.pick("原件存放处", "Original kept at"),
                    Kind::Text,
                ),
                FormField::new("note", lang.pick("说明", "Note"), Kind::Text),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }

    pub fn value(&self, key: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or(String::new(), FormField::value)
    }
}

impl App {
    /// Opens `fresh`, or the form of the same purpose closed unsent.
    pub(super) fn open_form(&mut self, fresh: Form) {
        let kept = match self.form_draft.take() {
            Some(Overlay::Form(f)) if f.purpose == fresh.purpose => Some(f),
            other => {
                self.form_draft = other;
                None
            }
        };
        self.overlay = Some(Overlay::Form(kept.unwrap_or(fresh)));
    }

    /// Keys of an open form; None when no form is open.
    pub(super) fn form_key(&mut self, k: KeyEvent) -> Option<Vec<Effect>> {
        let Some(Overlay::Form(form)) = &mut self.overlay else {
            return None;
        };
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let n = form.fields.len();
        let field = &mut form.fields[form.focus];
        match k.code {
            // Closing keeps what was typed: the same form opens with it again.
            KeyCode::Esc => {
                self.form_draft = self.overlay.take();
                self.message = Some(i18n::form_kept(self.lang).to_string());
            }
            // Enter moves on, as on a paper form; F2 or Ctrl-S registers.
            KeyCode::Tab | KeyCode::Down | KeyCode::Enter => form.focus = (form.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => form.focus = (form.focus + n - 1) % n,
            // The items not filled in yet, passed: most of a routine visit.
            KeyCode::F(3) => {
                for f in &mut form.fields {
                    if f.kind.ticked() && f.choice == 0 {
                        f.choice = 1;
                    }
                }
            }
            KeyCode::F(2) | KeyCode::Char('s') if k.code == KeyCode::F(2) || ctrl => {
                if form.sending {
                    return Some(vec![]);
                }
                let unset: Vec<&str> = form
                    .fields
                    .iter()
                    .filter(|f| f.kind.ticked() && f.choice == 0)
                    .map(|f| f.label.as_str())
                    .collect();
                if !unset.is_empty() {
                    form.error = Some(i18n::items_unfilled(self.lang, &unset));
                    return Some(vec![]);
                }
                form.sending = true;
                form.error = None;
                let lang = self.lang;
                let ask = Effect::SubmitForm {
                    form: Box::new(form.clone()),
                    lang,
                };
                return Some(vec![ask]);
            }
            KeyCode::Left | KeyCode::Right => {
                let forward = k.code == KeyCode::Right;
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
            KeyCode::Char(' ') if matches!(field.kind, Kind::AnyOf(_) | Kind::Flag) => {
                if field.kind == Kind::Flag {
                    field.flag = !field.flag;
                } else if let Some(p) = field.picks.get_mut(field.cursor) {
                    *p = !*p;
                }
            }
            KeyCode::Backspace
                if matches!(field.kind, Kind::Text | Kind::Date) || field.kind.ticked() =>
            {
                field.text.pop();
            }
            KeyCode::Char(c)
                if !ctrl
                    && !c.is_control()
                    && (matches!(field.kind, Kind::Text | Kind::Date) || field.kind.ticked()) =>
            {
                if field.kind.ticked() {
                    // A finding (a note) is what a failed (invalid) item has.
                    field.choice = 2;
                }
                if field.text.chars().count() < FIELD_MAX_CHARS {
                    field.text.push(c);
                }
            }
            _ => {}
        }
        Some(vec![])
    }

    /// The answer to a submitted form: said and closed, or kept open with why.
    pub(super) fn form_done(&mut self, r: Result<FormReply, String>) -> Vec<Effect> {
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
                self.pane = super::pane::PaneId::Filings;
                let mut fx = self.data_changed();
                fx.extend(self.open_detail(crate::store::ListKind::Filings, id));
                fx.push(Effect::TakeLease { id });
                fx
            }
            Ok(FormReply::Done(done)) => {
                self.overlay = None;
                self.form_draft = None;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_out_as_the_store_takes_them() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut f = Form::complaint(Lang::Zh, today);
        assert_eq!(f.value("received"), "2026-11-27");
        assert_eq!(f.value("channel"), "window");
        f.fields[4].picks[5] = true;
        f.fields[4].picks[1] = true;
        assert_eq!(f.value("matters"), "contracts,wages");
        f.fields[9].flag = true;
        assert_eq!(f.value("mass"), "1");
    }
}

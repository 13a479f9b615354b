//! A small form drawn over the pane: text and date lines, one-of choices,
//! many-of choices and yes/no flags, moved through with Tab. Used to
//! register a complaint (`n` in the case queue) and to add evidence to a
//! case file (`e` in a case). Enter moves to the next field; F2 or Ctrl-S
//! registers; Esc closes it keeping what was typed for the next time.

use crate::domain::{CaseFileKind, InspectionMatter};
use crate::i18n::{self, Lang};

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
    /// A choice among records the program found (employers of one name):
    /// every option is listed under the field while it has the focus,
    /// whole, rather than one at a time cut to the line.
    pub listed: bool,
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
            listed: false,
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

/// What the first step of receiving a filing settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiveHead {
    pub form: crate::domain::intake::Form,
    pub uscc: String,
    /// The employer's name, or empty for one registering.
    pub employer: String,
    pub received_on: chrono::NaiveDate,
    pub channel: crate::domain::Channel,
    pub resubmits: Option<i64>,
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
    Receive(Box<ReceiveHead>),
    /// One of the section chief's acts: a draw, a campaign, a team.
    Chief(ChiefForm),
}

/// Which of the supervision pane's forms (built and read in `chief_forms`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChiefForm {
    Draw,
    Campaign,
    Team,
    /// Annual reports received, or annual inspections' results, for these
    /// licences (the rows tagged, or the one selected).
    Annual(Vec<i64>),
    /// Settlement figures imported from a file, then audited.
    Settlements,
    /// Inspections taken into campaign `0`.
    Group(i64),
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

    /// The value of field `key`, as the store takes it. Asking for a field
    /// the form does not have is a mistake in the program: a debug build
    /// (the tests) stops on it rather than send an empty value on.
    pub fn value(&self, key: &str) -> String {
        let found = self.fields.iter().find(|f| f.key == key);
        debug_assert!(found.is_some(), "{:?} has no field {key:?}", self.purpose);
        found.map_or(String::new(), FormField::value)
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

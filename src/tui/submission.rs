//! What a sent form asks the workflows to do, read from its fields once in
//! the pure update: the runner makes one workflow call of it, and a field
//! the form does not have fails the tests below instead of going on as an
//! empty value.

use super::form::{CHECK_OUTCOMES, Form, Kind, Purpose};
use crate::domain::check_items::Outcome;
use crate::domain::import::ImportKind;
use crate::domain::ladder::Step;
use crate::domain::{CaseFileKind, InspectionMatter};
use crate::i18n::{self, Lang};
use crate::workflow::complaints::ComplaintAsk;
use crate::workflow::import::DeskImport;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    Complaint(ComplaintAsk),
    Evidence {
        case: i64,
        kind: CaseFileKind,
        /// None: today.
        on: Option<NaiveDate>,
        kept_at: String,
        note: String,
    },
    /// An inspection's items as recorded; an item not filled in is left
    /// out, and the record names it missing.
    Inspection {
        id: i64,
        items: Vec<(String, Outcome)>,
        origin: Option<String>,
        approach: String,
    },
    Sanction {
        licence: i64,
        step: Step,
        until: Option<NaiveDate>,
        reason: String,
    },
    Lead {
        licence: i64,
        source: String,
        summary: String,
    },
    Import(DeskImport),
    Chief(super::chief_forms::ChiefAsk),
    /// Receiving a filing: its two steps read the form themselves, for
    /// the form of the next step (`tui/receiving.rs`).
    Receive(Box<Form>),
}

impl Form {
    /// A day typed in field `key`; None when left empty.
    fn day(&self, key: &str, lang: Lang) -> Result<Option<NaiveDate>, String> {
        let v = self.value(key);
        if v.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(&v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| i18n::not_a_date(lang, &v))
    }

    /// What this form asks for, or the sentence saying what is wrong in it.
    pub fn submission(&self, lang: Lang) -> Result<Submission, String> {
        Ok(match &self.purpose {
            Purpose::Complaint => Submission::Complaint(ComplaintAsk {
                respondent: self.value("respondent"),
                complainant: self.value("complainant"),
                id_number: self.value("id_number"),
                phone: self.value("phone"),
                matters: self
                    .value("matters")
                    .split(',')
                    .filter_map(InspectionMatter::parse)
                    .collect(),
                facts: self.value("facts"),
                channel: self.value("channel"),
                received_on: self.day("received", lang)?,
                violation_on: self.day("violation_on", lang)?,
                mass_incident: !self.value("mass").is_empty(),
            }),
            Purpose::Evidence { case } => {
                let typed = self.value("kind");
                Submission::Evidence {
                    case: *case,
                    kind: CaseFileKind::parse(&typed)
                        .ok_or_else(|| i18n::unknown_file_kind(lang, &typed))?,
                    on: self.day("on", lang)?,
                    kept_at: self.value("kept_at"),
                    note: self.value("note"),
                }
            }
            Purpose::Inspection { id } => {
                let items = self
                    .fields
                    .iter()
                    .filter(|f| f.kind == Kind::Check)
                    .filter_map(|f| {
                        let outcome = match CHECK_OUTCOMES[f.choice.min(3)] {
                            "passed" => Outcome::Passed,
                            "failed" => Outcome::Failed(f.text.trim().to_string()),
                            "na" => Outcome::NotApplicable,
                            _ => return None,
                        };
                        Some((f.key.to_string(), outcome))
                    })
                    .collect();
                let origin = self.value("origin");
                Submission::Inspection {
                    id: *id,
                    items,
                    origin: (!origin.is_empty()).then_some(origin),
                    approach: self.value("approach"),
                }
            }
            Purpose::Sanction { licence } => Submission::Sanction {
                licence: *licence,
                until: self.day("deadline", lang)?,
                step: Step::parse(&self.value("step"))
                    .ok_or_else(|| i18n::open_a_licence_first(lang).to_string())?,
                reason: self.value("reason"),
            },
            Purpose::Lead { licence } => Submission::Lead {
                licence: *licence,
                source: self.value("source"),
                summary: self.value("summary"),
            },
            Purpose::Import => {
                let typed = self.value("kind");
                let kind = ImportKind::parse(&typed)
                    .ok_or_else(|| i18n::unknown_import_kind(lang, &typed))?;
                let file = self.value("file");
                if file.is_empty() {
                    return Err(i18n::import_file_needed(lang).to_string());
                }
                let encoding = self.value("encoding");
                Submission::Import(DeskImport {
                    kind,
                    file,
                    encoding: (!encoding.is_empty()).then_some(encoding),
                    dry_run: !self.value("dry_run").is_empty(),
                })
            }
            Purpose::Chief(which) => {
                Submission::Chief(super::chief_forms::read(self, which, lang)?)
            }
            Purpose::ReceiveStart | Purpose::Receive(_) => {
                Submission::Receive(Box::new(self.clone()))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    /// Every form the desk opens reads into its submission with the fields
    /// it has (a debug assertion stops on any it has not).
    #[test]
    fn every_form_reads_into_its_submission() {
        let lang = Lang::Zh;
        let mut c = Form::complaint(lang, today());
        for f in &mut c.fields {
            if f.kind == Kind::Text {
                f.text = "x".into();
            }
        }
        match c.submission(lang).unwrap() {
            Submission::Complaint(a) => {
                assert_eq!(a.received_on, Some(today()));
                assert_eq!((a.complainant.as_str(), a.respondent.as_str()), ("x", "x"));
                assert!(!a.mass_incident);
            }
            other => panic!("{other:?}"),
        }
        let e = Form::evidence(lang, 7, today());
        assert!(matches!(
            e.submission(lang).unwrap(),
            Submission::Evidence { case: 7, on: Some(d), .. } if d == today()
        ));
        let mut i = Form::import(lang);
        assert_eq!(
            i.submission(lang),
            Err(i18n::import_file_needed(lang).into())
        );
        i.fields[1].text = "~/名册.csv".into();
        match i.submission(lang).unwrap() {
            Submission::Import(d) => {
                assert_eq!(d.file, "~/名册.csv");
                assert_eq!((d.encoding, d.dry_run), (None, false));
            }
            other => panic!("{other:?}"),
        }
        let lead = Form::lead(lang, 3);
        assert!(matches!(
            lead.submission(lang).unwrap(),
            Submission::Lead { licence: 3, .. }
        ));
        let kind = crate::domain::LicenceKind::HrService;
        let inspection = Form::inspection(lang, 3, kind, "众诚人力");
        assert!(matches!(
            inspection.submission(lang).unwrap(),
            Submission::Inspection { id: 3, ref items, .. } if items.is_empty()
        ));
        let mut sanction = Form::sanction(lang, 4, kind);
        for f in &mut sanction.fields {
            if let Kind::OneOf(o) = &f.kind
                && f.key == "step"
            {
                f.choice = o.iter().position(|(c, _)| c == "rectify").unwrap();
            }
        }
        assert!(matches!(
            sanction.submission(lang).unwrap(),
            Submission::Sanction {
                licence: 4,
                step: Step::Rectify,
                until: None,
                ..
            }
        ));
        let start = Form::receive_start(lang, today());
        assert!(matches!(
            start.submission(lang).unwrap(),
            Submission::Receive(_)
        ));
    }

    #[test]
    fn a_day_that_is_not_one_is_said_before_anything_is_sent() {
        let mut e = Form::evidence(Lang::En, 7, today());
        let on = e.fields.iter_mut().find(|f| f.key == "on").unwrap();
        on.text = "tomorrow".into();
        let err = e.submission(Lang::En).unwrap_err();
        assert!(err.contains("tomorrow"), "{err}");
    }
}

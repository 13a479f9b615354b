//! `p` on a record: its document as `.docx` in the documents folder (the
//! home folder unless the config names one), sent to the printer when the
//! config names one (`workflow::documents::print`) — a returned
//! filing's correction notice, an inspection's violation notice, a
//! licence's rectification notice, or one of a case's documents, chosen.

use super::action::Action;
use super::app::{App, DetailView, Effect, Overlay};
use super::overlay::{LayerKey, pick};
use crate::domain::documents::{self, DocKind};
use crate::i18n;
use crate::store::Detail;

impl App {
    /// The documents the open record may have printed now.
    pub(super) fn printable(&self) -> Option<(i64, Vec<DocKind>)> {
        let DetailView {
            id,
            detail: Some(d),
            ..
        } = self.detail.as_ref()?
        else {
            return None;
        };
        match d {
            // A returned filing's notice first; every filing has its receipt.
            Detail::Filing {
                decision: Some(x), ..
            } if x == "return" => {
                Some((*id, vec![DocKind::CorrectionNotice, DocKind::FilingReceipt]))
            }
            Detail::Filing { .. } => Some((*id, vec![DocKind::FilingReceipt])),
            Detail::Inspection {
                notice: Some(_), ..
            } => Some((*id, vec![DocKind::ViolationNotice])),
            Detail::Licence { steps, .. } => steps
                .iter()
                .find(|s| s.deadline.is_some())
                .map(|s| (s.id, vec![DocKind::RectificationNotice])),
            Detail::Case { item, files, .. } => {
                let stage = item.stage;
                let on_file: Vec<&str> = files.iter().map(|f| f.kind.code()).collect();
                let kinds: Vec<DocKind> = DocKind::ALL
                    .iter()
                    .copied()
                    .filter(|k| k.record() == documents::RecordKind::Case)
                    .filter(|k| documents::case_may_render(*k, stage, &on_file))
                    // Those that need a time or a place typed are printed
                    // from the command line (`--field`).
                    .filter(|k| documents::typed_fields(*k).is_empty())
                    .collect();
                (!kinds.is_empty()).then_some((*id, kinds))
            }
            _ => None,
        }
    }

    /// `p`: print the record's document, or choose among a case's.
    pub(super) fn ask_print(&mut self) -> Vec<Effect> {
        let lang = self.lang;
        if self.detail.is_none()
            && self.pane == super::pane::PaneId::Filings
            && let Some(id) = self.review.last_returned
        {
            return self.print(DocKind::CorrectionNotice, id);
        }
        match self.printable() {
            None => {
                self.message = Some(i18n::nothing_to_print(lang).to_string());
                vec![]
            }
            Some((id, kinds)) if kinds.len() == 1 => self.print(kinds[0], id),
            Some((id, kinds)) => {
                self.overlay = Some(Overlay::Documents {
                    id,
                    kinds,
                    cursor: 0,
                });
                vec![]
            }
        }
    }

    pub(super) fn print(&mut self, kind: DocKind, id: i64) -> Vec<Effect> {
        self.message = Some(i18n::printing(self.lang, kind).to_string());
        vec![Effect::PrintDocument {
            kind,
            id,
            lang: self.lang,
        }]
    }

    /// Keys of the chooser of a case's documents.
    pub(super) fn documents_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let page = self.list_height();
        let Some(Overlay::Documents { id, kinds, cursor }) = &mut self.overlay else {
            return vec![];
        };
        if pick(cursor, kinds.len(), k.action, page) {
            return vec![];
        }
        match k.action {
            Some(Action::Open) => {
                let (kind, id) = (kinds[*cursor], *id);
                self.overlay = None;
                self.print(kind, id)
            }
            Some(Action::Back) => {
                self.overlay = None;
                vec![]
            }
            _ => vec![],
        }
    }
}

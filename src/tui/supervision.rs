//! The supervision pane (监督检查) and its acts on screen: the pane's
//! sections (the inspections list, what is due, rectifications, draws,
//! annual reviews, leads, campaigns, the rota), and the forms that record
//! an inspection item by item, take a ladder step and record a lead — from
//! the pane or from a licence's detail.

use super::action::Action;
use super::app::{App, DetailView, Effect, Overlay};
use super::form::{CHECK_OUTCOMES, Form, FormField, Kind, Purpose};
use super::pane::PaneId;
use crate::domain::check_items::{self, Outcome};
use crate::domain::ladder::{self, Step};
use crate::domain::{LeadSource, LicenceKind};
use crate::i18n::{self, Lang};
use crate::store::{Detail, ListItem, ListKind};
use crate::workflow::Cx;
use crate::workflow::board::{BoardPage, BoardRow, Section};
use chrono::NaiveDate;

/// The pane's section and, for the sections other than the inspections
/// list, the rows read and the cursor over them.
#[derive(Debug, Clone, Default)]
pub struct BoardState {
    pub section: Section,
    pub page: Option<Result<BoardPage, String>>,
    pub cursor: usize,
    pub scroll: usize,
    /// The newest load asked for: older answers (another section, the other
    /// language, rows before a change) are dropped.
    pub generation: u64,
    /// The inspection whose form is being prepared; an answer for another
    /// (or after the clerk moved on) opens nothing.
    pub preparing: Option<i64>,
}

impl BoardState {
    pub fn rows(&self) -> &[BoardRow] {
        match &self.page {
            Some(Ok(p)) if p.section == self.section => &p.rows,
            _ => &[],
        }
    }

    pub fn selected(&self) -> Option<&BoardRow> {
        self.rows().get(self.cursor)
    }
}

impl App {
    /// Whether the keys move over a section's rows (not the inspections list).
    pub(super) fn on_board(&self) -> bool {
        self.pane == PaneId::Inspections
            && self.detail.is_none()
            && self.board.section != Section::Inspections
    }

    /// Reads the current section again (nothing for the inspections list).
    pub(super) fn load_board(&mut self) -> Vec<Effect> {
        if self.board.section == Section::Inspections {
            return vec![];
        }
        self.board.generation += 1;
        vec![Effect::LoadBoard {
            section: self.board.section,
            lang: self.lang,
            generation: self.board.generation,
        }]
    }

    pub(super) fn switch_section(&mut self, forward: bool) -> Vec<Effect> {
        if self.pane != PaneId::Inspections || self.detail.is_some() {
            return vec![];
        }
        self.board.section = self.board.section.step(forward);
        self.board.cursor = 0;
        self.board.scroll = 0;
        self.board.page = None;
        self.filtering = false;
        if self.board.section == Section::Inspections {
            self.visit()
        } else {
            self.load_board()
        }
    }

    /// Moving over a section's rows, and opening the row's licence or draw.
    pub(super) fn board_action(&mut self, action: Action) -> Vec<Effect> {
        let n = self.board.rows().len();
        let page = self.list_height().saturating_sub(1).max(1);
        let b = &mut self.board;
        match action {
            Action::Up => b.cursor = b.cursor.saturating_sub(1),
            Action::Down => b.cursor = (b.cursor + 1).min(n.saturating_sub(1)),
            Action::PageUp => b.cursor = b.cursor.saturating_sub(page),
            Action::PageDown => b.cursor = (b.cursor + page).min(n.saturating_sub(1)),
            Action::Top => b.cursor = 0,
            Action::Bottom => b.cursor = n.saturating_sub(1),
            Action::Open => return self.open_board_row(),
            _ => {}
        }
        self.follow_board();
        vec![]
    }

    /// Keeps the cursor within the rows on screen.
    pub(super) fn follow_board(&mut self) {
        let h = self.list_height().saturating_sub(1).max(1);
        let b = &mut self.board;
        if b.cursor < b.scroll {
            b.scroll = b.cursor;
        } else if b.cursor >= b.scroll + h {
            b.scroll = b.cursor + 1 - h;
        }
    }

    fn open_board_row(&mut self) -> Vec<Effect> {
        let Some(row) = self.board.selected() else {
            return vec![];
        };
        if let Some(id) = row.draw {
            return vec![Effect::ShowDraw {
                id,
                lang: self.lang,
            }];
        }
        let Some(id) = row.licence else {
            self.message = Some(i18n::board_no_licence(self.lang).to_string());
            return vec![];
        };
        self.open_detail(ListKind::Licences, id)
    }

    pub(super) fn board_loaded(
        &mut self,
        generation: u64,
        r: Result<BoardPage, String>,
    ) -> Vec<Effect> {
        if generation != self.board.generation {
            return vec![]; // an answer to an older question
        }
        self.board.page = Some(r);
        let n = self.board.rows().len();
        self.board.cursor = self.board.cursor.min(n.saturating_sub(1));
        self.follow_board();
        vec![]
    }

    pub(super) fn text_ready(&mut self, r: Result<(String, Vec<String>), String>) -> Vec<Effect> {
        match r {
            Ok((title, lines)) => {
                self.overlay = Some(Overlay::Text {
                    title,
                    lines,
                    scroll: 0,
                })
            }
            Err(e) => self.message = Some(e),
        }
        vec![]
    }

    /// `c`: the inspection to record — the one open, the licence's pending
    /// one, or the one selected in the pane.
    pub(super) fn ask_record_inspection(&mut self) -> Vec<Effect> {
        let lang = self.lang;
        let id = match &self.detail {
            Some(DetailView {
                detail: Some(Detail::Inspection { item, .. }),
                ..
            }) => Some(item.id),
            Some(DetailView {
                detail: Some(Detail::Licence { inspections, .. }),
                ..
            // The licence's inspections come newest first: the oldest pending is due first.
            }) => match inspections.iter().rev().find(|i| i.result == "pending") {
                Some(i) => Some(i.id),
                None => {
                    self.message = Some(i18n::no_pending_inspection(lang).to_string());
                    return vec![];
                }
            },
            Some(_) => None,
            None if self.pane != PaneId::Inspections => None,
            None if self.board.section == Section::Inspections => self
                .list()
                .and_then(|l| l.selected())
                .and_then(|i| match i {
                    ListItem::Inspection(x) if x.result == "pending" => Some(x.id),
                    _ => None,
                }),
            None => self.board.selected().and_then(|r| r.inspection),
        };
        match id {
            Some(id) => {
                self.board.preparing = Some(id);
                vec![Effect::PrepareInspection { id }]
            }
            None => {
                self.message = Some(i18n::select_an_inspection(lang).to_string());
                vec![]
            }
        }
    }

    /// The inspection's licence kind arrived: its form opens.
    pub(super) fn inspection_target(
        &mut self,
        id: i64,
        r: Result<Option<(i64, String, String)>, String>,
    ) -> Vec<Effect> {
        let lang = self.lang;
        if self.board.preparing != Some(id) || self.overlay.is_some() {
            return vec![]; // the clerk has moved on
        }
        self.board.preparing = None;
        match r {
            Ok(Some((_, kind, result))) if result == "pending" => match LicenceKind::parse(&kind) {
                Some(kind) => self.open_form(Form::inspection(lang, id, kind)),
                None => self.message = Some(i18n::no_inspection(lang, id)),
            },
            Ok(Some(_)) => self.message = Some(i18n::inspection_not_pending(lang, id)),
            Ok(None) => self.message = Some(i18n::no_inspection(lang, id)),
            Err(e) => self.message = Some(i18n::load_failed(lang, &e)),
        }
        vec![]
    }

    /// The licence whose detail is open (or whose inspection is), with its kind.
    fn open_licence(&self) -> Option<(i64, LicenceKind)> {
        match &self.detail {
            Some(DetailView {
                id,
                detail: Some(Detail::Licence { licence, .. }),
                ..
            }) => LicenceKind::parse(&licence.kind).map(|k| (*id, k)),
            Some(DetailView {
                detail:
                    Some(Detail::Inspection {
                        licence: (id, kind),
                        ..
                    }),
                ..
            }) => LicenceKind::parse(kind).map(|k| (*id, k)),
            _ => None,
        }
    }

    /// `s` on a licence: a step of its ladder.
    pub(super) fn ask_sanction_step(&mut self) -> Vec<Effect> {
        match self.open_licence() {
            Some((id, kind)) => self.open_form(Form::sanction(self.lang, id, kind)),
            None => self.message = Some(i18n::open_a_licence_first(self.lang).to_string()),
        }
        vec![]
    }

    /// `n` on a licence: a lead about its holder.
    pub(super) fn ask_add_lead(&mut self) -> Vec<Effect> {
        match self.open_licence() {
            Some((id, _)) => self.open_form(Form::lead(self.lang, id)),
            None => self.message = Some(i18n::open_a_licence_first(self.lang).to_string()),
        }
        vec![]
    }
}

impl Form {
    /// Recording inspection `id` of a `kind` licence: each check item,
    /// how it came about and how it was done.
    pub fn inspection(lang: Lang, id: i64, kind: LicenceKind) -> Form {
        let mut fields: Vec<FormField> = check_items::items(kind)
            .iter()
            .map(|(code, zh, en)| FormField::new(code, lang.pick(zh, en), Kind::Check))
            .collect();
        let origins = std::iter::once("")
            .chain(check_items::ORIGINS)
            .map(|o| (o.to_string(), i18n::origin_label(lang, o).to_string()))
            .collect();
        let approaches = check_items::APPROACHES
            .iter()
            .map(|a| (a.to_string(), i18n::approach_label(lang, a).to_string()))
            .collect();
        fields.push(FormField::new(
            "origin",
            lang.pick("检查来源", "Came about by"),
            Kind::OneOf(origins),
        ));
        fields.push(FormField::new(
            "approach",
            lang.pick("检查方式", "Done by"),
            Kind::OneOf(approaches),
        ));
        Form {
            purpose: Purpose::Inspection { id },
            title: i18n::form_inspection_title(lang, id, kind.label(lang)),
            fields,
            focus: 0,
            error: None,
            sending: false,
        }
    }

    /// A step of a `kind` licence's ladder, with a deadline to rectify.
    pub fn sanction(lang: Lang, licence: i64, kind: LicenceKind) -> Form {
        let steps = ladder::ladder(kind)
            .iter()
            .map(|s| (s.code().to_string(), s.label(lang).to_string()))
            .collect();
        Form {
            purpose: Purpose::Sanction { licence },
            title: lang.pick("处理措施", "A ladder step").into(),
            fields: vec![
                FormField::new("step", lang.pick("措施", "Step"), Kind::OneOf(steps)),
                FormField::new(
                    "deadline",
                    lang.pick(
                        "期限（YYYY-MM-DD；限期整改、中止协议必填）",
                        "Until (YYYY-MM-DD; a rectification or suspension needs one)",
                    ),
                    Kind::Date,
                ),
                FormField::new(
                    "reason",
                    lang.pick("事实和理由", "Facts and reason"),
                    Kind::Text,
                ),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }

    /// A lead about a licence holder.
    pub fn lead(lang: Lang, licence: i64) -> Form {
        let sources = LeadSource::ALL
            .iter()
            .map(|s| (s.code().to_string(), s.label(lang).to_string()))
            .collect();
        Form {
            purpose: Purpose::Lead { licence },
            title: lang.pick("登记线索", "Record a lead").into(),
            fields: vec![
                FormField::new("source", lang.pick("来源", "Source"), Kind::OneOf(sources)),
                FormField::new("summary", lang.pick("内容摘要", "Summary"), Kind::Text),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }
}

/// Registers a supervision form (None: the form is not one of these).
pub(super) async fn submit(cx: &Cx<'_>, form: &Form) -> Option<Result<String, String>> {
    let Cx { lang, today, .. } = *cx;
    let done = match form.purpose {
        Purpose::Inspection { id } => {
            let named: Vec<(String, Outcome)> = form
                .fields
                .iter()
                .filter(|f| f.kind == Kind::Check)
                .filter_map(|f| {
                    let outcome = match CHECK_OUTCOMES[f.choice.min(3)] {
                        "passed" => Outcome::Passed,
                        "failed" => Outcome::Failed(f.text.trim().to_string()),
                        "na" => Outcome::NotApplicable,
                        _ => return None, // not filled in: the record names it missing
                    };
                    Some((f.key.to_string(), outcome))
                })
                .collect();
            let origin = form.value("origin");
            let origin = (!origin.is_empty()).then_some(origin.as_str());
            crate::workflow::supervision::record(
                cx,
                id,
                &named,
                None,
                origin,
                &form.value("approach"),
            )
            .await
        }
        Purpose::Sanction { licence } => {
            let typed = form.value("deadline");
            let deadline = if typed.is_empty() {
                None
            } else {
                match NaiveDate::parse_from_str(&typed, "%Y-%m-%d") {
                    Ok(d) => Some(d),
                    Err(_) => return Some(Err(i18n::not_a_date(lang, &typed))),
                }
            };
            let Some(step) = Step::parse(&form.value("step")) else {
                return Some(Err(i18n::open_a_licence_first(lang).to_string()));
            };
            let reason = form.value("reason");
            let t = crate::workflow::supervision::TakeStep {
                licence,
                step,
                on: today,
                until: deadline,
                reason: &reason,
                source: crate::domain::CaseSource::Patrol,
                from_inspection: None,
            };
            crate::workflow::supervision::sanction(cx, &t).await
        }
        Purpose::Lead { licence } => {
            crate::workflow::leads::add(cx, licence, &form.value("source"), &form.value("summary"))
                .await
        }
        Purpose::Complaint
        | Purpose::Evidence { .. }
        | Purpose::Import
        | Purpose::ReceiveStart
        | Purpose::Receive(_) => return None,
    };
    Some(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inspection_form_lists_its_kinds_items_and_reads_back_as_recorded() {
        let mut f = Form::inspection(Lang::Zh, 4, LicenceKind::HrService);
        let items = check_items::items(LicenceKind::HrService);
        assert_eq!(f.fields.len(), items.len() + 2);
        assert_eq!(f.value("conduct"), "", "not filled in until chosen");
        f.fields[0].choice = 1;
        assert_eq!(f.value("conduct"), "passed");
        f.fields[1].choice = 2;
        f.fields[1].text = " 未为2名员工参保 ".into();
        assert_eq!(f.value("staff-insurance"), "failed:未为2名员工参保");
        f.fields[2].choice = 3;
        assert_eq!(f.value("honesty"), "na");
        assert_eq!(
            f.value("origin"),
            "",
            "the default: from its lead or campaign"
        );
        assert_eq!(f.value("approach"), "open");
    }

    #[test]
    fn a_sanction_form_offers_only_the_kinds_ladder() {
        let f = Form::sanction(Lang::En, 9, LicenceKind::TrainingSchool);
        let Kind::OneOf(steps) = &f.fields[0].kind else {
            panic!("a choice of steps");
        };
        let codes: Vec<&str> = steps.iter().map(|(c, _)| c.as_str()).collect();
        let want: Vec<&str> = ladder::ladder(LicenceKind::TrainingSchool)
            .iter()
            .map(|s| s.code())
            .collect();
        assert_eq!(codes, want);
        assert!(
            !codes.contains(&"interview"),
            "an agreement institution's step"
        );
    }
}

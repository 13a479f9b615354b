//! How the supervision pane (监督检查) acts on its keys and answers: its
//! sections and the acts started from them or from a licence's detail. Its
//! state and forms are in `tui::supervision`.

use crate::domain::LicenceKind;
use crate::i18n;
use crate::store::{Detail, ListItem, ListKind};
use crate::tui::action::Action;
use crate::tui::app::{App, DetailView, Effect, Overlay};
use crate::tui::form::Form;
use crate::tui::pane::PaneId;
use crate::workflow::supervision::sections::{Section, SectionPage};

impl App {
    /// Whether the keys move over a section's rows (not the inspections list).
    /// `n` in a supervision section: the chief's form it has (a draw, a
    /// campaign, a team), refused at the key to a role that may not.
    pub(crate) fn ask_chief_form(&mut self) -> Vec<Effect> {
        use crate::tui::chief_forms::ChiefForm;
        if !self.on_supervision() {
            return vec![];
        }
        // The annual review's rows: those tagged, else the one selected.
        let b = &self.supervision;
        let licences: Vec<i64> = if b.tagged.is_empty() {
            b.selected().and_then(|r| r.licence).into_iter().collect()
        } else {
            b.tagged.iter().copied().collect()
        };
        let Some(which) = ChiefForm::of(self.supervision.section, licences) else {
            self.message = Some(if self.supervision.section == Section::Annual {
                i18n::tag_annual_first(self.lang).to_string()
            } else {
                i18n::nothing_new_here(self.lang).to_string()
            });
            return vec![];
        };
        if !crate::domain::permissions::any_of(&self.who.roles, which.act()) {
            self.message = Some(i18n::act_refused(self.lang, which.act()));
            return vec![];
        }
        // The seed is fixed as the form opens and shown in it, before
        // anything is drawn (the draw's record keeps it).
        let seed = crate::workflow::draws::fresh_seed();
        self.open_form(which.form(self.lang, self.today, seed));
        vec![]
    }

    /// `a` on a campaign's row: its form to take inspections in, once the
    /// inspections it may take are read.
    pub(crate) fn ask_group(&mut self) -> Vec<Effect> {
        use crate::domain::permissions::{Act, any_of};
        if !self.on_supervision() {
            return vec![];
        }
        if !any_of(&self.who.roles, Act::GroupIntoCampaign) {
            self.message = Some(i18n::act_refused(self.lang, Act::GroupIntoCampaign));
            return vec![];
        }
        match self.supervision.selected().and_then(|r| r.campaign) {
            Some(campaign) if self.supervision.section == Section::Campaigns => {
                vec![Effect::PrepareGroup { campaign }]
            }
            _ => {
                self.message = Some(i18n::choose_a_campaign(self.lang).to_string());
                vec![]
            }
        }
    }

    /// `Space` in 年度审查: the selected row's licence tagged or untagged.
    pub(crate) fn tag_annual(&mut self) -> Vec<Effect> {
        let b = &mut self.supervision;
        if let Some(l) = b.selected().and_then(|r| r.licence)
            && !b.tagged.remove(&l)
        {
            b.tagged.insert(l);
        }
        let n = b.tagged.len();
        b.cursor = (b.cursor + 1).min(b.rows().len().saturating_sub(1));
        self.follow_section();
        self.message = Some(i18n::tag_count(self.lang, n));
        vec![]
    }

    pub(crate) fn on_supervision(&self) -> bool {
        self.pane == PaneId::Supervision
            && self.detail.is_none()
            && self.supervision.section != Section::Inspections
    }

    /// Reads the current section again (nothing for the inspections list).
    pub(crate) fn load_section(&mut self) -> Vec<Effect> {
        if self.supervision.section == Section::Inspections {
            return vec![];
        }
        self.supervision.generation += 1;
        vec![Effect::LoadSection {
            section: self.supervision.section,
            lang: self.lang,
            generation: self.supervision.generation,
        }]
    }

    pub(crate) fn switch_section(&mut self, forward: bool) -> Vec<Effect> {
        if self.pane != PaneId::Supervision || self.detail.is_some() {
            return vec![];
        }
        self.supervision.section = self.supervision.section.step(forward);
        self.supervision.cursor = 0;
        self.supervision.scroll = 0;
        self.supervision.page = None;
        self.filtering = false;
        if self.supervision.section == Section::Inspections {
            self.visit()
        } else {
            self.load_section()
        }
    }

    /// Moving over a section's rows, and opening the row's licence or draw.
    pub(crate) fn supervision_action(&mut self, action: Action) -> Vec<Effect> {
        let n = self.supervision.rows().len();
        let page = self.list_height().saturating_sub(1).max(1);
        let b = &mut self.supervision;
        match action {
            Action::Up => b.cursor = b.cursor.saturating_sub(1),
            Action::Down => b.cursor = (b.cursor + 1).min(n.saturating_sub(1)),
            Action::PageUp => b.cursor = b.cursor.saturating_sub(page),
            Action::PageDown => b.cursor = (b.cursor + page).min(n.saturating_sub(1)),
            Action::Top => b.cursor = 0,
            Action::Bottom => b.cursor = n.saturating_sub(1),
            Action::Open => return self.open_section_row(),
            _ => {}
        }
        self.follow_section();
        vec![]
    }

    /// Keeps the cursor within the rows on screen.
    pub(crate) fn follow_section(&mut self) {
        let h = self.list_height().saturating_sub(1).max(1);
        let b = &mut self.supervision;
        if b.cursor < b.scroll {
            b.scroll = b.cursor;
        } else if b.cursor >= b.scroll + h {
            b.scroll = b.cursor + 1 - h;
        }
    }

    fn open_section_row(&mut self) -> Vec<Effect> {
        let Some(row) = self.supervision.selected() else {
            return vec![];
        };
        if let Some(id) = row.draw {
            return vec![Effect::ShowDraw {
                id,
                lang: self.lang,
            }];
        }
        let Some(id) = row.licence else {
            self.message = Some(i18n::section_no_licence(self.lang).to_string());
            return vec![];
        };
        self.open_detail(ListKind::Licences, id)
    }

    pub(crate) fn section_loaded(
        &mut self,
        generation: u64,
        r: Result<SectionPage, String>,
    ) -> Vec<Effect> {
        if generation != self.supervision.generation {
            return vec![]; // an answer to an older question
        }
        self.supervision.page = Some(r);
        let n = self.supervision.rows().len();
        self.supervision.cursor = self.supervision.cursor.min(n.saturating_sub(1));
        self.follow_section();
        vec![]
    }

    pub(crate) fn text_ready(&mut self, r: Result<(String, Vec<String>), String>) -> Vec<Effect> {
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
    pub(crate) fn ask_record_inspection(&mut self) -> Vec<Effect> {
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
            }) => match inspections.iter().rev().find(|i| i.result == crate::domain::InspectionResult::Pending) {
                Some(i) => Some(i.id),
                None => {
                    self.message = Some(i18n::no_pending_inspection(lang).to_string());
                    return vec![];
                }
            },
            Some(_) => None,
            None if self.pane != PaneId::Supervision => None,
            None if self.supervision.section == Section::Inspections => self
                .list()
                .and_then(|l| l.selected())
                .and_then(|i| match i {
                    ListItem::Inspection(x) if x.result == crate::domain::InspectionResult::Pending => {
                        Some(x.id)
                    }
                    _ => None,
                }),
            None => self.supervision.selected().and_then(|r| r.inspection),
        };
        match id {
            Some(id) => {
                self.supervision.preparing = Some(id);
                vec![Effect::PrepareInspection { id }]
            }
            None => {
                self.message = Some(i18n::select_an_inspection(lang).to_string());
                vec![]
            }
        }
    }

    /// The inspection's licence kind arrived: its form opens.
    pub(crate) fn inspection_target(
        &mut self,
        id: i64,
        r: Result<Option<crate::store::InspectionTarget>, String>,
    ) -> Vec<Effect> {
        let lang = self.lang;
        if self.supervision.preparing != Some(id) || self.overlay.is_some() {
            return vec![]; // the clerk has moved on
        }
        self.supervision.preparing = None;
        match r {
            Ok(Some(t)) if t.result == "pending" => match LicenceKind::parse(&t.kind) {
                Some(kind) => self.open_form(Form::inspection(lang, id, kind, &t.holder)),
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
            }) => Some((*id, licence.kind)),
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
    pub(crate) fn ask_sanction_step(&mut self) -> Vec<Effect> {
        match self.open_licence() {
            Some((id, kind)) => self.open_form(Form::sanction(self.lang, id, kind)),
            None => self.message = Some(i18n::open_a_licence_first(self.lang).to_string()),
        }
        vec![]
    }

    /// `n` on a licence: a lead about its holder.
    pub(crate) fn ask_add_lead(&mut self) -> Vec<Effect> {
        match self.open_licence() {
            Some((id, _)) => self.open_form(Form::lead(self.lang, id)),
            None => self.message = Some(i18n::open_a_licence_first(self.lang).to_string()),
        }
        vec![]
    }
}

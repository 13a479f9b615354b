//! How the case queue (案件办理) acts on its keys and answers: its views
//! and sorts, tags, a case's steps and decisions, assigning inspectors.
//! Its state and rules are in `tui::casework` (`CasesState`).

use crate::domain::CaseMove;
use crate::domain::procedure::{documents_for, moves_from};
use crate::i18n::{self, Lang};
use crate::store::{ListKind, QueueScope};
use crate::tui::app::{App, Effect, Overlay};
use crate::tui::casework::{CaseView, DecideForm, SavedView};

impl App {
    /// The store's narrowing for the case view chosen.
    pub fn case_scope(&self) -> QueueScope {
        self.scope_of(self.cases.view)
    }

    /// The store's narrowing for `view`.
    fn scope_of(&self, view: CaseView) -> QueueScope {
        view.scope(&self.calendar, self.today, self.who.id, self.cases.sort)
    }

    pub(crate) fn open_case_views(&mut self) -> Vec<Effect> {
        // Row 0 is the complaints inbox; the views follow it.
        let cursor = CaseView::all()
            .iter()
            .position(|v| *v == self.cases.view)
            .unwrap_or(0)
            + 1;
        self.overlay = Some(Overlay::CaseViews { cursor });
        // Each view's count, read afresh: the chooser says what each holds.
        let scopes = CaseView::all()
            .into_iter()
            .map(|v| self.scope_of(v))
            .collect();
        vec![Effect::CountCaseViews(scopes)]
    }

    /// Every view the picker offers: the built-in ones, then the saved ones.
    pub fn view_choices(&self, lang: Lang) -> Vec<(String, CaseView, Option<String>)> {
        let mut v: Vec<(String, CaseView, Option<String>)> = CaseView::all()
            .into_iter()
            .map(|c| (c.label(lang), c, None))
            .collect();
        v.extend(self.cases.saved_views.iter().map(|s| {
            (
                format!("{}{}", lang.pick("已存：", "Saved: "), s.name),
                s.view,
                Some(s.filter.clone()),
            )
        }));
        v
    }

    pub(super) fn choose_case_view(&mut self, v: CaseView, filter: Option<String>) -> Vec<Effect> {
        self.cases.view = v;
        let scope = self.case_scope();
        let Some(list) = self.lists.get_mut(&ListKind::Cases) else {
            return vec![];
        };
        list.scope = scope;
        if let Some(f) = filter {
            list.filter = f;
        }
        vec![Effect::LoadPage(list.reload())]
    }

    /// `o`: the next column to sort the queue by.
    pub(crate) fn next_case_sort(&mut self) -> Vec<Effect> {
        use crate::store::CaseSort;
        let all = CaseSort::ALL;
        let i = all.iter().position(|s| *s == self.cases.sort).unwrap_or(0);
        self.cases.sort = all[(i + 1) % all.len()];
        let scope = self.case_scope();
        let Some(list) = self.lists.get_mut(&ListKind::Cases) else {
            return vec![];
        };
        list.scope = scope;
        vec![Effect::LoadPage(list.reload())]
    }

    /// `S`: name the current view (and filter) to choose it again later.
    pub(crate) fn ask_save_view(&mut self) -> Vec<Effect> {
        self.overlay = Some(Overlay::SaveView {
            name: String::new(),
        });
        vec![]
    }

    pub(crate) fn views_loaded(&mut self, r: Result<Vec<SavedView>, String>) -> Vec<Effect> {
        match r {
            Ok(v) => self.cases.saved_views = v,
            Err(e) => self.message = Some(e),
        }
        vec![]
    }

    /// The open case detail's id and state, if a case is open.
    fn open_case(&self) -> Option<(i64, &crate::store::CaseState)> {
        let d = self.detail.as_ref().filter(|d| d.kind == ListKind::Cases)?;
        match &d.detail {
            Some(crate::store::Detail::Case { state: Some(s), .. }) => Some((d.id, s)),
            _ => None,
        }
    }

    /// `m`: the steps the procedure allows on the open case (or one step
    /// for every tagged case, from the queue).
    pub(crate) fn open_case_moves(&mut self) -> Vec<Effect> {
        if self.detail.is_none()
            && self.pane == crate::tui::pane::PaneId::Cases
            && !self.cases.tagged.is_empty()
        {
            return self.open_bulk_moves();
        }
        let Some((id, state)) = self.open_case() else {
            self.message = Some(i18n::open_a_case_first(self.lang).to_string());
            return vec![];
        };
        let moves = moves_from(&crate::workflow::cases::facts(
            state,
            self.cases.settings,
            &self.calendar,
            self.today,
        ));
        if moves.is_empty() {
            self.message = Some(i18n::no_steps_left(self.lang).to_string());
            return vec![];
        }
        self.overlay = Some(Overlay::CaseMoves {
            id,
            moves,
            cursor: 0,
        });
        vec![]
    }

    /// `i`: the inspectors and their loads, to assign the open case, or
    /// every tagged case from the queue.
    pub(crate) fn ask_assign(&mut self) -> Vec<Effect> {
        match self.open_case() {
            Some((id, _)) => vec![Effect::LoadInspectors { ids: vec![id] }],
            None if self.detail.is_none() && !self.cases.tagged.is_empty() => {
                vec![Effect::LoadInspectors {
                    ids: self.cases.tagged.iter().copied().collect(),
                }]
            }
            None => {
                self.message = Some(i18n::open_a_case_first(self.lang).to_string());
                vec![]
            }
        }
    }

    /// `m` in the queue with cases tagged: one step for them all (not the
    /// decision, whose fine is each case's own).
    fn open_bulk_moves(&mut self) -> Vec<Effect> {
        let moves = CaseMove::ALL
            .iter()
            .copied()
            .filter(|m| *m != CaseMove::Decide)
            .collect();
        self.overlay = Some(Overlay::BulkMoves {
            ids: self.cases.tagged.iter().copied().collect(),
            moves,
            cursor: 0,
        });
        vec![]
    }

    /// Space, V and A in the case queue.
    pub(crate) fn tag_case(&mut self, range: bool) -> Vec<Effect> {
        let lang = self.lang;
        let Some(list) = self.lists.get(&ListKind::Cases) else {
            return vec![];
        };
        let Some(id) = list.selected().map(crate::store::ListItem::id) else {
            return vec![];
        };
        if range {
            let anchor = self
                .cases
                .tag_anchor
                .and_then(|a| list.items.iter().position(|i| i.id() == a));
            let Some(a) = anchor else {
                self.message = Some(i18n::tag_range_needs_anchor(lang).to_string());
                return vec![];
            };
            let c = list.cursor;
            let ids: Vec<i64> = list.items[a.min(c)..=a.max(c)]
                .iter()
                .map(|i| i.id())
                .collect();
            self.cases.tagged.extend(ids);
        } else if !self.cases.tagged.remove(&id) {
            self.cases.tagged.insert(id);
            self.cases.tag_anchor = Some(id);
        }
        self.message = Some(i18n::cases_tagged(lang, self.cases.tagged.len()));
        if range {
            vec![]
        } else {
            self.apply(crate::tui::action::Action::Down)
        }
    }

    pub(crate) fn tag_all_cases(&mut self) -> Vec<Effect> {
        let filter = self
            .lists
            .get(&ListKind::Cases)
            .map_or(String::new(), |l| l.filter.clone());
        vec![Effect::TagAllCases(self.case_scope(), filter)]
    }

    pub(crate) fn cases_tagged(&mut self, r: Result<Vec<i64>, String>) -> Vec<Effect> {
        match r {
            Ok(ids) => {
                self.cases.tagged.extend(ids);
                self.message = Some(i18n::cases_tagged(self.lang, self.cases.tagged.len()));
            }
            Err(e) => self.message = Some(e),
        }
        vec![]
    }

    /// `x`: the tagged cases to a CSV file.
    pub(crate) fn export_cases(&mut self) -> Vec<Effect> {
        if self.cases.tagged.is_empty() {
            self.message = Some(i18n::tag_cases_first(self.lang).to_string());
            return vec![];
        }
        vec![Effect::ExportCases {
            ids: self.cases.tagged.iter().copied().collect(),
            lang: self.lang,
        }]
    }

    pub(crate) fn inspectors_loaded(
        &mut self,
        ids: Vec<i64>,
        result: Result<Vec<crate::store::InspectorLoad>, String>,
    ) -> Vec<Effect> {
        match result {
            Ok(staff) => {
                self.overlay = Some(Overlay::Assign {
                    ids,
                    staff,
                    chosen: vec![],
                    cursor: 0,
                })
            }
            Err(e) => self.message = Some(e),
        }
        vec![]
    }

    pub(crate) fn case_done(&mut self, r: Result<String, String>) -> Vec<Effect> {
        match r {
            Ok(done) => {
                self.message = Some(done);
                self.overlay = None;
                self.cases.tagged.clear();
                let mut fx = vec![Effect::LoadCounts];
                if let Some(d) = &self.detail {
                    fx.push(Effect::LoadDetail {
                        kind: d.kind,
                        id: d.id,
                    });
                }
                if let Some(l) = self.lists.get_mut(&ListKind::Cases) {
                    fx.push(Effect::LoadPage(l.reload()));
                }
                fx
            }
            Err(e) => {
                self.message = Some(e);
                vec![]
            }
        }
    }

    pub(crate) fn deadlines_recomputed(&mut self, r: Result<usize, String>) -> Vec<Effect> {
        match r {
            Ok(0) => vec![],
            Ok(_) => match self.lists.get_mut(&ListKind::Cases) {
                Some(l) if l.loaded_once => vec![Effect::LoadPage(l.reload())],
                _ => vec![],
            },
            Err(e) => {
                self.message = Some(i18n::load_failed(self.lang, &e));
                vec![]
            }
        }
    }

    /// After a step is chosen: the decision form, or the confirmation.
    pub(super) fn choose_step(&mut self, id: i64, m: CaseMove) -> Vec<Effect> {
        // A licence holder's penalty is chosen among the licence penalties,
        // proposed by its notice and decided the same way.
        let on_a_licence = self
            .open_case()
            .is_some_and(|(_, s)| s.row.licence_id.is_some());
        if m == CaseMove::Decide || (on_a_licence && m == CaseMove::PriorNotice) {
            self.overlay = Some(Overlay::CaseDecide(if on_a_licence {
                DecideForm::licence_penalties(id, m)
            } else {
                DecideForm::fines(id)
            }));
            return vec![];
        }
        let documents = self
            .open_case()
            .map(|(_, s)| {
                documents_for(
                    &crate::workflow::cases::facts(
                        s,
                        self.cases.settings,
                        &self.calendar,
                        self.today,
                    ),
                    m,
                )
            })
            .unwrap_or_default();
        self.overlay = Some(Overlay::CaseConfirm {
            id,
            step: m,
            documents,
            note: String::new(),
            form: crate::tui::step_form::StepInputs::new(self.today),
        });
        vec![]
    }
}

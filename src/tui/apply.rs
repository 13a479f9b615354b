//! What each action does to the program's state: moving, opening,
//! switching panes, and the review queue's decisions and tags.

use super::action::Action;
use super::app::{App, Effect, Overlay, QueueChoice};
use super::palette::Palette;
use super::pane::{LoadMode, PaneId};
use crate::domain::decision::Decision;
use crate::i18n::{self, Lang};
use crate::store::{ListItem, ListKind};

/// The act a key's action starts, when a role is needed for it and the
/// role alone decides (a filing's decision is refused in its draft, beside
/// its problems; a case step's roles depend on the step).
fn guarded(action: Action) -> Option<crate::domain::permissions::Act> {
    use crate::domain::permissions::Act;
    match action {
        Action::RecordInspection => Some(Act::RecordInspection),
        Action::SanctionStep => Some(Act::TakeLadderStep),
        Action::Assign => Some(Act::AssignCase),
        Action::AddEvidence => Some(Act::FileEvidence),
        Action::AddLead => Some(Act::RecordLead),
        Action::ReceiveFiling => Some(Act::ReceiveFiling),
        Action::PrintDocument => Some(Act::PrintDocument),
        _ => None,
    }
}

impl App {
    pub(super) fn follow(&mut self) {
        let h = self.list_height();
        for l in self.lists.values_mut() {
            l.follow(h);
        }
    }

    fn switch(&mut self, pane: PaneId) -> Vec<Effect> {
        self.pane = pane;
        self.detail = None;
        self.filtering = false;
        if pane == PaneId::Licences {
            // The lookup pane is for typing: the query takes the keys at once.
            self.lookup.editing = true;
        }
        self.visit()
    }

    /// Does what an action asks.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        // An act the staff member's roles do not allow is refused at the
        // key, in one sentence naming who may, before any form opens.
        if let Some(act) = guarded(action)
            && !crate::domain::permissions::any_of(&self.who.roles, act)
        {
            self.message = Some(i18n::act_refused(self.lang, act));
            return vec![];
        }
        let page = self.list_height().max(1) as isize;
        let idx = self.pane.index();
        if self.on_board() && (action.is_list_action() || action == Action::Back) {
            if action == Action::Back {
                self.message = None;
                return vec![];
            }
            return self.board_action(action);
        }
        match action {
            Action::Quit => {
                self.quit = true;
                vec![Effect::Quit]
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                vec![]
            }
            Action::Repaint => {
                self.repaint = true;
                vec![]
            }
            Action::KeymapView => {
                self.overlay = Some(Overlay::Keymap { scroll: 0 });
                vec![]
            }
            Action::Palette => {
                self.overlay = Some(Overlay::Palette(Palette::new()));
                vec![]
            }
            Action::Language => {
                self.lang = match self.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
                // The supervision sections are read in the language asked.
                if self.pane == PaneId::Inspections {
                    self.load_board()
                } else {
                    vec![]
                }
            }
            Action::NextSection | Action::PrevSection if self.pane == PaneId::Dashboard => {
                self.stats_step(action == Action::NextSection)
            }
            Action::NextSection | Action::PrevSection => {
                self.switch_section(action == Action::NextSection)
            }
            Action::RecordInspection => self.ask_record_inspection(),
            Action::SanctionStep => self.ask_sanction_step(),
            Action::AddLead => self.ask_add_lead(),
            Action::ExportView if self.pane == PaneId::Dashboard => self.ask_report(),
            Action::ExportView => self.ask_export(),
            Action::PrintDocument => self.ask_print(),
            Action::ImportFile => {
                self.open_form(super::form::Form::import(self.lang));
                vec![]
            }
            Action::NextPane => self.switch(PaneId::ALL[(idx + 1) % PaneId::ALL.len()]),
            Action::PrevPane => {
                self.switch(PaneId::ALL[(idx + PaneId::ALL.len() - 1) % PaneId::ALL.len()])
            }
            Action::Pane1 => self.switch(PaneId::Filings),
            Action::Pane2 => self.switch(PaneId::Licences),
            Action::Pane3 => self.switch(PaneId::Cases),
            Action::Pane4 => self.switch(PaneId::Inspections),
            Action::Pane5 => self.switch(PaneId::Persons),
            Action::Pane6 => self.switch(PaneId::Dashboard),
            Action::Back => {
                if self.detail.take().is_some() {
                    // What was done in the record shows in the section at once.
                    return if self.on_board() {
                        self.load_board()
                    } else {
                        vec![]
                    };
                }
                self.message = None;
                let narrowed = self.pane == PaneId::Filings && self.queue_problem.is_some();
                match self.list_mut() {
                    Some(l) if !l.filter.is_empty() => {
                        l.filter.clear();
                        vec![Effect::LoadPage(l.reload())]
                    }
                    _ if narrowed => self.choose_problem(None),
                    _ => vec![],
                }
            }
            Action::Refresh => {
                // The index is rebuilt only if the data changed since (its cache key).
                let mut fx = vec![Effect::LoadCounts, Effect::BuildIndex];
                if self.pane == PaneId::Filings {
                    // Filings received since are checked, for the filter by problem.
                    fx.push(Effect::Recheck);
                }
                if self.pane == PaneId::Dashboard {
                    fx.extend(self.load_stats());
                } else if self.on_board() {
                    fx.extend(self.load_board());
                } else if let Some(l) = self.list_mut() {
                    fx.push(Effect::LoadPage(l.reload()));
                }
                if let Some(d) = &self.detail {
                    fx.push(Effect::LoadDetail {
                        kind: d.kind,
                        id: d.id,
                    });
                }
                fx
            }
            Action::Up | Action::Down if self.detail.is_some() => {
                let d = self.detail.as_mut().expect("checked");
                d.scroll = if action == Action::Down {
                    d.scroll.saturating_add(1)
                } else {
                    d.scroll.saturating_sub(1)
                };
                vec![]
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                let Some(l) = self.list_mut() else {
                    return vec![];
                };
                let more = match action {
                    Action::Up => l.step(-1),
                    Action::Down => l.step(1),
                    Action::PageUp => l.step(-page),
                    Action::PageDown => l.step(page),
                    Action::Top => l.top(),
                    _ => l.bottom(),
                };
                self.follow();
                more.map(Effect::LoadPage).into_iter().collect()
            }
            Action::Open if self.searching_lookup() => self.open_hit(),
            Action::Open => {
                let Some(l) = self.list() else { return vec![] };
                // Typed ahead of a list being read afresh: the Enter is for
                // the rows that come, not for the ones about to go.
                if matches!(l.loading, Some((_, LoadMode::Replace))) {
                    self.open_on_arrival = Some(l.kind);
                    return vec![];
                }
                let Some(item) = l.selected() else {
                    return vec![];
                };
                let (kind, id) = (l.kind, item.id());
                let mut fx = self.open_detail(kind, id);
                if kind == ListKind::Filings {
                    // Opening a filing tells the others it is in review.
                    fx.push(Effect::TakeLease { id });
                }
                fx
            }
            Action::Reveal => {
                let roles = &self.who.roles;
                let may = crate::domain::permissions::any_of(
                    roles,
                    crate::domain::permissions::Act::RevealPerson,
                );
                match &self.detail {
                    Some(d) if d.kind == ListKind::Persons && may => {
                        self.overlay = Some(Overlay::Reveal {
                            id: d.id,
                            input: String::new(),
                        });
                    }
                    Some(d) if d.kind == ListKind::Persons => {
                        self.message = Some(i18n::reveal_refused(self.lang).to_string());
                    }
                    _ => self.message = Some(i18n::reveal_only_persons(self.lang).to_string()),
                }
                vec![]
            }
            Action::Scope if self.pane == PaneId::Cases && self.detail.is_none() => {
                self.open_case_views()
            }
            Action::Scope if self.pane == PaneId::Dashboard => self.stats_view(),
            Action::Scope if self.pane != PaneId::Filings => vec![],
            Action::CaseMove => self.open_case_moves(),
            Action::Export => self.export_cases(),
            Action::SaveView if self.pane == PaneId::Cases && self.detail.is_none() => {
                self.ask_save_view()
            }
            Action::SaveView => vec![],
            Action::SortCases if self.pane == PaneId::Cases && self.detail.is_none() => {
                self.next_case_sort()
            }
            Action::SortCases => vec![],
            Action::ReceiveFiling => {
                let fresh = super::form::Form::receive_start(self.lang, self.today);
                self.open_form(fresh);
                vec![]
            }
            Action::NewComplaint => {
                let fresh = super::form::Form::complaint(self.lang, self.today);
                self.open_form(fresh);
                vec![]
            }
            Action::AddEvidence => match &self.detail {
                Some(d) if d.kind == ListKind::Cases => {
                    let fresh = super::form::Form::evidence(self.lang, d.id, self.today);
                    self.open_form(fresh);
                    vec![]
                }
                _ => {
                    self.message = Some(i18n::open_a_case_first(self.lang).to_string());
                    vec![]
                }
            },
            Action::Assign => self.ask_assign(),
            Action::Scope => {
                use crate::domain::FilingKind;
                let kinds = FilingKind::ALL;
                self.queue = match self.queue {
                    QueueChoice::All => QueueChoice::Kind(kinds[0]),
                    QueueChoice::Kind(k) => match kinds.iter().position(|x| *x == k) {
                        Some(i) if i + 1 < kinds.len() => QueueChoice::Kind(kinds[i + 1]),
                        _ => QueueChoice::Mine,
                    },
                    QueueChoice::Mine => QueueChoice::DueSoon,
                    QueueChoice::DueSoon => QueueChoice::All,
                };
                let scope = self.queue_scope();
                let Some(list) = self.lists.get_mut(&ListKind::Filings) else {
                    return vec![];
                };
                list.scope = scope;
                vec![Effect::LoadPage(list.reload())]
            }
            Action::Tag | Action::TagRange
                if self.pane == PaneId::Cases && self.detail.is_none() =>
            {
                self.tag_case(action == Action::TagRange)
            }
            Action::TagClean if self.pane == PaneId::Cases && self.detail.is_none() => {
                self.tag_all_cases()
            }
            Action::Tag | Action::TagClean | Action::TagRange | Action::ProblemFilter
                if self.pane != PaneId::Filings =>
            {
                vec![]
            }
            Action::Tag => {
                if let Some(id) = self.list().and_then(|l| l.selected()).map(ListItem::id)
                    && !self.tagged.remove(&id)
                {
                    self.tagged.insert(id);
                    self.tag_anchor = Some(id);
                }
                self.message = Some(i18n::tagged(self.lang, self.tagged.len()));
                // Tagging moves on, so a run of filings is tagged key by key.
                self.apply(Action::Down)
            }
            Action::TagClean => vec![Effect::TagClean { lang: self.lang }],
            Action::TagRange => {
                self.tag_range();
                vec![]
            }
            Action::ProblemFilter => {
                match &self.problem_tally {
                    None => self.message = Some(i18n::problems_not_ready(self.lang).to_string()),
                    Some(t) if t.is_empty() && self.queue_problem.is_none() => {
                        self.message = Some(i18n::problems_none(self.lang).to_string())
                    }
                    Some(t) => {
                        let cursor = self
                            .queue_problem
                            .as_ref()
                            .and_then(|c| t.iter().position(|(x, _)| x == c))
                            .map_or(0, |i| i + 1);
                        self.overlay = Some(Overlay::Problems { cursor });
                    }
                }
                vec![]
            }
            Action::Approve
                if self.pane == PaneId::Filings
                    && self.detail.is_none()
                    && !self.tagged.is_empty() =>
            {
                vec![Effect::ApproveTagged {
                    ids: self.tagged.iter().copied().collect(),
                    lang: self.lang,
                }]
            }
            Action::Approve | Action::Return => {
                if self.pane != PaneId::Filings {
                    return vec![];
                }
                let id = match &self.detail {
                    Some(d) if d.kind == ListKind::Filings => Some(d.id),
                    Some(_) => None,
                    None => self.list().and_then(|l| l.selected()).map(ListItem::id),
                };
                let decision = if action == Action::Approve {
                    Decision::Approve
                } else {
                    Decision::Return
                };
                id.map(|id| Effect::PrepareDecision {
                    id,
                    decision,
                    lang: self.lang,
                })
                .into_iter()
                .collect()
            }
            Action::Filter if self.pane == PaneId::Licences => {
                self.lookup.editing = true;
                vec![]
            }
            Action::Filter => {
                if self.pane.list_kind().is_some() && self.detail.is_none() {
                    self.filtering = true;
                }
                vec![]
            }
        }
    }

    /// Tags every loaded filing between the last one tagged by hand and the
    /// cursor, both included.
    fn tag_range(&mut self) {
        let lang = self.lang;
        let Some(list) = self.list() else { return };
        let anchor = self
            .tag_anchor
            .and_then(|a| list.items.iter().position(|i| i.id() == a));
        let (Some(a), Some(_)) = (anchor, list.selected()) else {
            self.message = Some(i18n::tag_range_needs_anchor(lang).to_string());
            return;
        };
        let c = list.cursor;
        let ids: Vec<i64> = list.items[a.min(c)..=a.max(c)]
            .iter()
            .map(ListItem::id)
            .collect();
        self.tagged.extend(ids);
        self.message = Some(i18n::tagged(lang, self.tagged.len()));
    }

    /// Narrows the queue to one problem (None: every filing) and reloads it.
    pub(super) fn choose_problem(&mut self, code: Option<String>) -> Vec<Effect> {
        self.queue_problem = code;
        let scope = self.queue_scope();
        let Some(list) = self.lists.get_mut(&ListKind::Filings) else {
            return vec![];
        };
        list.scope = scope;
        vec![Effect::LoadPage(list.reload())]
    }

    /// Another desk (or this one) changed the data: what is on screen is
    /// read again, the selection kept; nothing is read while an overlay or
    /// the filter line has the keys.
    pub(super) fn data_changed(&mut self) -> Vec<Effect> {
        if self.overlay.is_some() || self.filtering {
            return vec![];
        }
        let mut fx = vec![Effect::LoadCounts];
        match &self.detail {
            Some(d) => fx.push(Effect::LoadDetail {
                kind: d.kind,
                id: d.id,
            }),
            None if self.pane == PaneId::Dashboard => fx.extend(self.load_stats()),
            None if self.on_board() => fx.extend(self.load_board()),
            None => {
                if let Some(l) = self
                    .list_mut()
                    .filter(|l| l.loaded_once && l.loading.is_none())
                {
                    fx.push(Effect::LoadPage(l.refresh()));
                }
            }
        }
        if self.pane == PaneId::Filings {
            fx.push(Effect::LoadTally);
        }
        fx
    }
}

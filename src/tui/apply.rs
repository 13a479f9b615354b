//! What each action does to the program's state: moving, opening and
//! switching panes here; a pane's own actions go to its module in `app/`
//! (the review queue's to `app/review.rs`, the case queue's to
//! `app/casework.rs`, …).

use super::action::Action;
use super::app::{App, Effect, Overlay};
use super::palette::Palette;
use super::pane::{LoadMode, PaneId};
use crate::i18n::{self, Lang};
use crate::store::ListKind;

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
    /// Whether the staff member's roles allow what `action` starts (a
    /// filing's decision counted as one): the hint line offers no key that
    /// would only be refused.
    pub fn may(&self, action: Action) -> bool {
        use crate::domain::permissions::{Act, any_of};
        let act = match action {
            Action::Approve | Action::Return => Some(Act::DecideFiling),
            a => guarded(a),
        };
        act.is_none_or(|act| any_of(&self.who.roles, act))
    }

    pub(super) fn follow(&mut self) {
        let h = self.list_height();
        for l in self.lists.values_mut() {
            l.follow(h);
        }
    }

    /// `Ctrl-G`: the message on the line, or the last one said, whole.
    fn open_message(&mut self) -> Vec<Effect> {
        match self.message.clone().or_else(|| self.last_message.clone()) {
            Some(m) => {
                self.overlay = Some(Overlay::Text {
                    title: i18n::message_title(self.lang).to_string(),
                    lines: m.lines().map(str::to_string).collect(),
                    scroll: 0,
                })
            }
            None => self.message = Some(i18n::no_message(self.lang).to_string()),
        }
        vec![]
    }

    /// The lookup's cursor moved through the hits by a row, a page or to an end.
    fn move_hits(&mut self, action: Action) -> Vec<Effect> {
        let height = self.list_height();
        let page = height.max(1) as isize;
        let n = self.lookup.shown() as isize;
        let at = self.lookup.cursor as isize;
        let d = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Top => -at,
            _ => n - 1 - at,
        };
        self.lookup.step(d, height);
        vec![]
    }

    fn switch(&mut self, pane: PaneId) -> Vec<Effect> {
        self.pane = pane;
        self.detail = None;
        self.came_from = None;
        self.filtering = false;
        // What was said about the pane left is not said about this one.
        self.message = None;
        if pane == PaneId::Licences {
            // The lookup pane is for typing: the query takes the keys at once.
            self.lookup.editing = true;
        }
        self.visit()
    }

    /// Does what an action asks.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        // What was said stays to be read whole after it is cleared.
        if self.message.is_some() {
            self.last_message.clone_from(&self.message);
        }
        if action == Action::Message {
            return self.open_message();
        }
        // An act the staff member's roles do not allow is refused at the
        // key, in one sentence naming who may, before any form opens.
        if let Some(act) = guarded(action)
            && !crate::domain::permissions::any_of(&self.who.roles, act)
        {
            self.message = Some(i18n::act_refused(self.lang, act));
            return vec![];
        }
        if action != Action::Back {
            self.review.untag_asked = false;
        }
        if self.on_supervision() && (action.is_list_action() || action == Action::Back) {
            if action == Action::Back {
                self.message = None;
                return vec![];
            }
            return self.supervision_action(action);
        }
        match action {
            Action::Back
            | Action::Refresh
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::Open
            | Action::Filter => self.list_action(action),
            Action::Scope
            | Action::CaseMove
            | Action::Export
            | Action::SaveView
            | Action::SortCases
            | Action::NewComplaint
            | Action::AddEvidence
            | Action::Assign
            | Action::Tag
            | Action::TagRange
            | Action::TagClean
            | Action::ProblemFilter
            | Action::Approve
            | Action::Return
            | Action::Submit
            | Action::NextField
            | Action::PrevField
            | Action::PassRest
            | Action::UntagAll => self.pane_action(action),
            _ => self.app_action(action),
        }
    }

    /// What works alike everywhere: quitting, help, the palette, the
    /// language, switching panes and sections, and the acts any pane starts.
    fn app_action(&mut self, action: Action) -> Vec<Effect> {
        let idx = self.pane.index();
        match action {
            Action::Quit => {
                self.quit = true;
                vec![Effect::Quit]
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help {
                    scroll: 0,
                    under: None,
                });
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
                if self.pane == PaneId::Supervision {
                    self.load_section()
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
            Action::NewRecord => self.ask_chief_form(),
            Action::GroupInspections => self.ask_group(),
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
            Action::Pane4 => self.switch(PaneId::Supervision),
            Action::Pane5 => self.switch(PaneId::Persons),
            Action::Pane6 => self.switch(PaneId::Dashboard),
            // From a filing, its person (or its employer), where the full
            // data may then be asked for; Esc comes back to the filing.
            Action::OpenParty => {
                let about = match &self.detail {
                    Some(d) if d.kind == ListKind::Filings => match &d.detail {
                        Some(crate::store::Detail::Filing { item, .. }) => item
                            .person_id
                            .map(|p| (ListKind::Persons, p))
                            .or(item.employer_id.map(|e| (ListKind::Employers, e))),
                        _ => None,
                    },
                    _ => None,
                };
                let Some((kind, id)) = about else {
                    return vec![];
                };
                self.came_from = self.detail.take().map(Box::new);
                self.open_detail(kind, id)
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
            Action::ReceiveFiling => {
                let fresh = super::form::Form::receive_start(self.lang, self.today);
                self.open_form(fresh);
                vec![]
            }
            _ => vec![],
        }
    }

    /// Moving in the list or record in view, opening, going back,
    /// filtering and reading afresh.
    // Long because it is one match over the moving keys, where each kind
    // of view (a record, the hits, the figures, a list) takes them.
    fn list_action(&mut self, action: Action) -> Vec<Effect> {
        let page = self.list_height().max(1) as isize;
        match action {
            Action::Back => {
                // Back to the record this one was opened from, if any.
                if self.detail.is_some()
                    && let Some(from) = self.came_from.take()
                {
                    self.detail = Some(*from);
                    return vec![];
                }
                if self.detail.take().is_some() {
                    // What was done in the record shows in the section at once.
                    return if self.on_supervision() {
                        self.load_section()
                    } else {
                        vec![]
                    };
                }
                self.message = None;
                let narrowed = self.pane == PaneId::Filings && self.review.queue_problem.is_some();
                let scoped = self.pane == PaneId::Filings
                    && self.review.queue != crate::tui::review::QueueChoice::All;
                let tagged = if self.pane == PaneId::Filings {
                    self.review.tagged.len()
                } else {
                    0
                };
                let asked = self.review.untag_asked;
                match self.list_mut() {
                    Some(l) if !l.filter.is_empty() => {
                        l.filter.clear();
                        vec![Effect::LoadPage(l.reload())]
                    }
                    _ if narrowed => self.choose_problem(None),
                    // Esc on the queue puts its scope back to every filing.
                    _ if scoped => {
                        self.review.queue = crate::tui::review::QueueChoice::All;
                        self.reload_queue()
                    }
                    // Tags go on a second Esc, asked by the first.
                    _ if tagged > 0 && asked => {
                        self.review.untag_all();
                        self.message = Some(i18n::untagged(self.lang, tagged));
                        vec![]
                    }
                    _ if tagged > 0 => {
                        self.review.untag_asked = true;
                        self.message = Some(i18n::untag_ask(self.lang, tagged));
                        vec![]
                    }
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
                } else if self.on_supervision() {
                    fx.extend(self.load_section());
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
            // A record's page scrolls by a line or by a screen.
            Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top
                if self.detail.is_some() =>
            {
                let page = u16::try_from(page).unwrap_or(u16::MAX);
                let d = self.detail.as_mut().expect("checked");
                d.scroll = match action {
                    Action::Down => d.scroll.saturating_add(1),
                    Action::Up => d.scroll.saturating_sub(1),
                    Action::PageDown => d.scroll.saturating_add(page),
                    Action::PageUp => d.scroll.saturating_sub(page),
                    _ => 0,
                };
                vec![]
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
                if self.pane == PaneId::Dashboard =>
            {
                self.stats_scroll(action)
            }
            // Off the query line, the list keys move through the hits.
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
                if self.searching_lookup() =>
            {
                self.move_hits(action)
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

            _ => vec![],
        }
    }

    /// A pane's own work: the case queue's views, steps and tags, the
    /// review queue's (routed on to `app/review.rs`), a form's keys.
    fn pane_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Scope if self.pane == PaneId::Cases && self.detail.is_none() => {
                self.open_case_views()
            }
            Action::Scope if self.pane == PaneId::Dashboard => self.stats_view(),
            Action::Scope if self.pane == PaneId::Licences && self.detail.is_none() => {
                // The next kind, searched at once; the line stays live.
                self.lookup.rotate_scope(1);
                self.lookup.editing = true;
                self.lookup.ask().map(Effect::Search).into_iter().collect()
            }
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
            Action::Tag
                if self.on_supervision()
                    && self.supervision.section
                        == crate::workflow::supervision::sections::Section::Annual =>
            {
                self.tag_annual()
            }
            Action::Tag | Action::TagRange
                if self.pane == PaneId::Cases && self.detail.is_none() =>
            {
                self.tag_case(action == Action::TagRange)
            }
            Action::TagClean if self.pane == PaneId::Cases && self.detail.is_none() => {
                self.tag_all_cases()
            }
            Action::Scope
            | Action::Tag
            | Action::TagClean
            | Action::TagRange
            | Action::ProblemFilter
            | Action::Approve
            | Action::Return
            | Action::UntagAll
                if self.pane == PaneId::Filings =>
            {
                self.review_action(action)
            }
            Action::Scope
            | Action::Tag
            | Action::TagClean
            | Action::TagRange
            | Action::ProblemFilter
            | Action::Approve
            | Action::Return
            | Action::UntagAll => vec![],
            // A form's keys mean nothing over a pane.
            Action::Submit | Action::NextField | Action::PrevField | Action::PassRest => vec![],
            _ => vec![],
        }
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
            None if self.on_supervision() => fx.extend(self.load_section()),
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

//! `App::handle`: the one way the app changes — an event in, the effects
//! to run out.

use super::app::{App, Overlay};
use super::messages::{AppEvent, Effect};
use super::pane::LoadMode;
use crate::i18n;
use crate::store::ListKind;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

impl App {
    pub fn handle(&mut self, event: AppEvent) -> Vec<Effect> {
        match event {
            // Ctrl-L repaints wherever the keys are going (a form, the
            // notice editor, the query line), as in any terminal program,
            // and leaves an Enter typed ahead in place.
            AppEvent::Key(k)
                if k.kind != KeyEventKind::Release
                    && k.code == KeyCode::Char('l')
                    && k.modifiers == KeyModifiers::CONTROL =>
            {
                self.apply(super::action::Action::Repaint)
            }
            // No keymap uses Alt (it does not survive every terminal): an
            // Alt key is an Esc typed just before it, as terminals send both.
            // The notice editor has Alt keys of its own (word by word).
            AppEvent::Key(k)
                if k.kind != KeyEventKind::Release
                    && matches!(self.overlay, Some(Overlay::Notice { .. })) =>
            {
                self.key(k)
            }
            AppEvent::Key(k)
                if k.kind != KeyEventKind::Release && k.modifiers.contains(KeyModifiers::ALT) =>
            {
                let mut fx = self.key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                fx.extend(self.key(KeyEvent::new(k.code, k.modifiers - KeyModifiers::ALT)));
                fx
            }
            AppEvent::Key(k) if k.kind != KeyEventKind::Release => self.key(k),
            AppEvent::Key(_) => vec![],
            AppEvent::Resize(w, h) => {
                self.size = (w, h);
                self.follow();
                vec![]
            }
            AppEvent::Page { ask, result } => self.page_loaded(ask, result),
            AppEvent::Detail { kind, id, result } => {
                if let Some(d) = self
                    .detail
                    .as_mut()
                    .filter(|d| d.kind == kind && d.id == id)
                {
                    match result {
                        Ok(Some(detail)) => d.detail = Some(detail),
                        Ok(None) => d.error = Some(i18n::empty_list(self.lang).to_string()),
                        Err(e) => d.error = Some(e),
                    }
                }
                vec![]
            }
            AppEvent::IndexReady(r) => {
                match r {
                    Ok(ix) => {
                        self.index = Some(ix);
                        self.index_error = None;
                        // Old hits point into the old index: drop them, search afresh.
                        self.lookup.hits = None;
                        self.lookup.answered.clear();
                        // What was typed while the index was being built.
                        return self.lookup.ask().map(Effect::Search).into_iter().collect();
                    }
                    Err(e) => self.index_error = Some(e),
                }
                vec![]
            }
            AppEvent::Searched {
                generation,
                query,
                hits,
            } => {
                if let Some(h) = hits {
                    self.lookup.receive(generation, &query, *h);
                }
                vec![]
            }
            AppEvent::Revealed { id, result } => {
                match result {
                    Ok(Some(data)) => {
                        if let Some(d) = self
                            .detail
                            .as_mut()
                            .filter(|d| d.kind == ListKind::Persons && d.id == id)
                        {
                            d.revealed = Some(data);
                        }
                    }
                    Ok(None) => self.message = Some(i18n::empty_list(self.lang).to_string()),
                    Err(e) => self.message = Some(e),
                }
                vec![]
            }
            AppEvent::LeaseHeld(held) => {
                match held {
                    Ok(Some((who, until))) => {
                        let local = until.with_timezone(&crate::domain::calendar::office_offset());
                        self.message = Some(i18n::lease_held(
                            self.lang,
                            &who,
                            &local.format("%H:%M").to_string(),
                        ));
                    }
                    Ok(None) => {}
                    Err(e) => self.message = Some(i18n::lease_failed(self.lang, &e)),
                }
                vec![]
            }
            AppEvent::DataChanged => self.data_changed(),
            AppEvent::Ended { .. } => {
                self.quit = true;
                vec![]
            }
            AppEvent::Section { generation, result } => self.section_loaded(generation, result),
            AppEvent::Statistics { month, result } => self.stats_loaded(month, result),
            AppEvent::TextReady(r) => self.text_ready(r),
            AppEvent::Exported(r) => {
                self.message = Some(r.unwrap_or_else(|e| e));
                vec![]
            }
            AppEvent::InspectionTarget { id, result } => self.inspection_target(id, result),
            AppEvent::FormDone(r) => self.form_done(r),
            AppEvent::CaseDone(r) => self.case_done(r),
            AppEvent::DeadlinesRecomputed(r) => self.deadlines_recomputed(r),
            AppEvent::Inspectors { ids, result } => self.inspectors_loaded(ids, result),
            AppEvent::CasesTagged(r) => self.cases_tagged(r),
            AppEvent::ViewsLoaded(r) => self.views_loaded(r),
            e @ (AppEvent::DecisionReady(_)
            | AppEvent::ProblemCounts(_)
            | AppEvent::FilingProblems { .. }
            | AppEvent::Tally(_)
            | AppEvent::CleanFilings(_)
            | AppEvent::Decided(_)) => self.review_event(e),
            AppEvent::Complaints(r) => self.inbox_loaded(r),
            AppEvent::ComplaintDecided(r) => self.complaint_decided(r),
            AppEvent::Dashboard(r) => {
                self.dashboard = Some(r);
                vec![]
            }
            AppEvent::GroupReady(r) => {
                match r {
                    Ok(f) if self.on_supervision() => self.open_form(f),
                    Ok(_) => {}
                    Err(e) => self.message = Some(e),
                }
                vec![]
            }
            AppEvent::CaseViewCounts(r) => {
                // Counts that could not be read leave the chooser without them.
                self.cases.view_counts = r.ok();
                vec![]
            }
            AppEvent::Counts(r) => {
                match r {
                    Ok(c) => self.counts = Some(c),
                    Err(e) => self.message = Some(i18n::load_failed(self.lang, &e)),
                }
                vec![]
            }
        }
    }

    /// A page of a list came: kept if it is the answer awaited, the next
    /// asked for, and an Enter typed ahead of it carried out.
    fn page_loaded(
        &mut self,
        ask: super::pane::PageAsk,
        result: Result<Vec<crate::store::ListItem>, String>,
    ) -> Vec<Effect> {
        let height = self.list_height();
        let Some(list) = self.lists.get_mut(&ask.kind) else {
            return vec![];
        };
        let dir = ask.request.dir;
        // The answer to the list read afresh (not an older one's, nor
        // the next page's a prefetch asks for after it).
        let afresh = ask.mode == LoadMode::Replace && list.awaits(ask.generation, ask.mode);
        let more = list.receive(ask.generation, ask.mode, dir, result);
        list.follow(height);
        let failed = list.error.is_some();
        let mut fx: Vec<Effect> = more.map(Effect::LoadPage).into_iter().collect();
        // The Enter is for this answer only: a failed read drops it
        // (a later refresh must not open a row nobody asked for).
        if afresh && self.open_on_arrival == Some(ask.kind) {
            self.open_on_arrival = None;
            let still_here = !failed
                && self.pane.list_kind() == Some(ask.kind)
                && self.detail.is_none()
                && self.overlay.is_none()
                && !self.filtering;
            if still_here {
                fx.extend(self.apply(super::action::Action::Open));
            }
        }
        fx
    }
}

//! How the review queue (待审核) acts on its keys and answers: the scope
//! and problem it shows, tags, and the decisions on one filing or a batch.
//! Its state is `tui::review::ReviewState`.

use super::App;
use crate::domain::decision::Decision;
use crate::i18n;
use crate::store::{ListItem, ListKind};
use crate::tui::action::Action;
use crate::tui::form::FIELD_MAX_CHARS;
use crate::tui::messages::{AppEvent, DecisionAsk, Effect};
use crate::tui::notice;
use crate::tui::overlay::Overlay;
use crate::tui::overlay::{LayerKey, pick};

impl App {
    /// An action on the review pane; `apply` sends only those.
    pub(crate) fn review_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Scope => {
                self.review.queue = self.review.queue.next();
                self.reload_queue()
            }
            Action::Tag => {
                if let Some(id) = self.list().and_then(|l| l.selected()).map(ListItem::id)
                    && !self.review.tagged.remove(&id)
                {
                    self.review.tagged.insert(id);
                    self.review.tag_anchor = Some(id);
                }
                self.message = Some(i18n::tagged(self.lang, self.review.tagged.len()));
                // Tagging moves on, so a run of filings is tagged key by key.
                self.apply(Action::Down)
            }
            Action::TagClean => vec![Effect::TagClean { lang: self.lang }],
            Action::TagRange => {
                self.tag_range();
                vec![]
            }
            Action::ProblemFilter => {
                match &self.review.problem_tally {
                    None => self.message = Some(i18n::problems_not_ready(self.lang).to_string()),
                    Some(t) if t.is_empty() && self.review.queue_problem.is_none() => {
                        self.message = Some(i18n::problems_none(self.lang).to_string())
                    }
                    Some(t) => {
                        let cursor = self
                            .review
                            .queue_problem
                            .as_ref()
                            .and_then(|c| t.iter().position(|(x, _)| x == c))
                            .map_or(0, |i| i + 1);
                        self.overlay = Some(Overlay::Problems { cursor });
                    }
                }
                vec![]
            }
            // Many filings decided with one key is asked first, with how
            // many and of which kinds (issue 21, point 3).
            Action::Approve if self.detail.is_none() && !self.review.tagged.is_empty() => {
                self.overlay = Some(self.confirm_approve());
                vec![]
            }
            Action::UntagAll => {
                let n = self.review.tagged.len();
                self.review.untag_all();
                self.message = Some(i18n::untagged(self.lang, n));
                vec![]
            }
            Action::Approve | Action::Return => {
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
            _ => vec![],
        }
    }

    /// The question before approving every tagged filing.
    fn confirm_approve(&self) -> Overlay {
        let ids: Vec<i64> = self.review.tagged.iter().copied().collect();
        let mut kinds: Vec<(crate::domain::FilingKind, usize)> = Vec::new();
        let mut seen = 0;
        for item in self
            .lists
            .get(&ListKind::Filings)
            .map_or(&[][..], |l| &l.items)
        {
            if let crate::store::ListItem::Filing(f) = item
                && self.review.tagged.contains(&f.id)
            {
                seen += 1;
                match kinds.iter_mut().find(|(k, _)| *k == f.kind) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((f.kind, 1)),
                }
            }
        }
        kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
        Overlay::ConfirmApprove {
            unseen: ids.len() - seen,
            ids,
            kinds,
        }
    }

    /// The filings among `ids` the list holds, named as its rows show them:
    /// person (else employer), kind, day received.
    fn filings_as_shown(&self, ids: &[i64]) -> Vec<(i64, String)> {
        let Some(list) = self.lists.get(&ListKind::Filings) else {
            return vec![];
        };
        list.items
            .iter()
            .filter_map(|item| match item {
                ListItem::Filing(f) if ids.contains(&f.id) => Some((
                    f.id,
                    format!(
                        "{}·{}·{}",
                        f.person_name
                            .as_deref()
                            .or(f.employer_name.as_deref())
                            .map_or_else(|| "-".into(), crate::tui::text::clean),
                        f.kind.label(self.lang),
                        crate::domain::calendar::office_date(f.received_at).format("%m-%d")
                    ),
                )),
                _ => None,
            })
            .collect()
    }

    /// Enter approves them all; Esc asks nothing and keeps the tags.
    pub(crate) fn confirm_approve_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let Some(Overlay::ConfirmApprove { ids, .. }) = &self.overlay else {
            return vec![];
        };
        match k.action {
            Some(Action::Open) => {
                let ids = ids.clone();
                self.overlay = None;
                let shown = self.filings_as_shown(&ids);
                vec![Effect::ApproveTagged {
                    ids,
                    lang: self.lang,
                    shown,
                }]
            }
            Some(Action::Back) => {
                self.overlay = None;
                vec![]
            }
            _ => vec![],
        }
    }

    /// An answer for the review pane; `handle` sends only those.
    pub(crate) fn review_event(&mut self, event: AppEvent) -> Vec<Effect> {
        match event {
            AppEvent::DecisionReady(r) => {
                match r {
                    Ok(draft) if draft.decision == Decision::Return && draft.refused.is_none() => {
                        let lines = notice::opening_lines(
                            self.lang,
                            &draft,
                            self.review.notices.get(&draft.id),
                        );
                        let editor = notice::editor(lines);
                        self.overlay = Some(Overlay::Notice { draft, editor })
                    }
                    Ok(draft) => {
                        self.overlay = Some(Overlay::Decide {
                            draft,
                            input: String::new(),
                        })
                    }
                    Err(e) => self.message = Some(e),
                }
                vec![]
            }
            AppEvent::ProblemCounts(counts) => {
                self.review.problems.extend(counts);
                vec![]
            }
            AppEvent::FilingProblems { id, problems } => {
                if let Some(d) = self
                    .detail
                    .as_mut()
                    .filter(|d| d.kind == ListKind::Filings && d.id == id)
                {
                    match problems {
                        Ok(problems) => {
                            self.review.problems.insert(id, problems.len());
                            d.problems = Some(problems);
                        }
                        // The detail stays; only its checks are unknown.
                        Err(e) => self.message = Some(i18n::problems_failed(self.lang, &e)),
                    }
                }
                vec![]
            }
            AppEvent::Tally(r) => {
                match r {
                    Ok(t) => self.review.problem_tally = Some(t),
                    Err(e) => self.message = Some(i18n::load_failed(self.lang, &e)),
                }
                vec![]
            }
            AppEvent::CleanFilings(r) => {
                match r {
                    Ok(ids) => {
                        self.review.tagged.extend(ids);
                        self.message = Some(i18n::tagged(self.lang, self.review.tagged.len()));
                    }
                    Err(e) => self.message = Some(e),
                }
                vec![]
            }
            AppEvent::Decided(r) => {
                match r {
                    Ok(done) => {
                        self.message = Some(done);
                        if let Some(Overlay::Notice { draft, .. }) = self.review.deciding.take() {
                            self.review.notices.remove(&draft.id);
                            // Its notice is printed next, with `p`, as a rule.
                            self.review.last_returned = Some(draft.id);
                            self.message = Some(format!(
                                "{}{}{}",
                                self.message.take().unwrap_or_default(),
                                self.lang.pick("", " "),
                                i18n::print_hint(self.lang)
                            ));
                        }
                        self.detail = None;
                        self.came_from = None;
                        self.review.decided();
                        let mut fx = vec![Effect::LoadCounts, Effect::LoadTally];
                        if let Some(l) = self.lists.get_mut(&ListKind::Filings) {
                            fx.push(Effect::LoadPage(l.reload()));
                        }
                        return fx;
                    }
                    Err(e) => {
                        self.message = Some(e);
                        // The clerk's remark or reason is not lost with the refusal.
                        if let Some(o) = self.review.deciding.take() {
                            self.overlay = Some(o);
                        }
                    }
                }
                vec![]
            }
            _ => vec![],
        }
    }

    /// Tags every loaded filing between the last one tagged by hand and the
    /// cursor, both included.
    fn tag_range(&mut self) {
        let lang = self.lang;
        let Some(list) = self.list() else { return };
        let anchor = self
            .review
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
        self.review.tagged.extend(ids);
        self.message = Some(i18n::tagged(lang, self.review.tagged.len()));
    }

    /// Narrows the queue to one problem (None: every filing) and reloads it.
    pub(crate) fn choose_problem(&mut self, code: Option<String>) -> Vec<Effect> {
        self.review.queue_problem = code;
        self.reload_queue()
    }

    /// The queue read afresh in the scope and problem chosen.
    pub(crate) fn reload_queue(&mut self) -> Vec<Effect> {
        let scope = self.queue_scope();
        let Some(list) = self.lists.get_mut(&ListKind::Filings) else {
            return vec![];
        };
        list.scope = scope;
        vec![Effect::LoadPage(list.reload())]
    }

    /// Keys while the notice is open: Ctrl-S or F2 returns the filing with
    /// it; Esc closes it and keeps the edit; everything else edits.
    pub(crate) fn notice_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let Some(Overlay::Notice { draft, editor }) = &mut self.overlay else {
            return vec![];
        };
        match k.action {
            // Esc or Ctrl-C: closed, the edit kept for `r` to pick up.
            Some(Action::Back) => {
                self.review
                    .notices
                    .insert(draft.id, (draft.version, editor.lines().to_vec()));
                self.message = Some(i18n::notice_kept(self.lang, draft.id));
                self.overlay = None;
                vec![]
            }
            Some(Action::Submit) => self.return_with_notice(),
            // Everything else edits, Enter and the arrows included.
            _ => {
                editor.input(k.key);
                vec![]
            }
        }
    }

    /// A decision to confirm, with the clerk's remark or the chief's reason.
    pub(crate) fn decide_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let Some(Overlay::Decide { draft, input }) = &mut self.overlay else {
            return vec![];
        };
        match k.action {
            Some(Action::Back) => self.overlay = None,
            Some(Action::Open)
                if draft.refused.is_none() && !(draft.needs_reason && input.trim().is_empty()) =>
            {
                let text = match draft.decision {
                    Decision::Return if input.trim().is_empty() => draft.notice.clone(),
                    Decision::Return => format!("{}{}\n", draft.notice, input.trim()),
                    Decision::Approve => input.trim().to_string(),
                };
                let ask = DecisionAsk {
                    id: draft.id,
                    version: draft.version,
                    decision: draft.decision,
                    text,
                };
                // Kept until the decision is taken: a refusal brings it back.
                self.review.deciding = self.overlay.take();
                return vec![Effect::Decide(ask)];
            }
            _ if k.is_backspace() => {
                input.pop();
            }
            _ => {
                if let Some(c) = k.typed()
                    && draft.refused.is_none()
                    && input.chars().count() < FIELD_MAX_CHARS
                {
                    input.push(c);
                }
            }
        }
        vec![]
    }

    /// The problems found in the queue: choosing one narrows it.
    pub(crate) fn problems_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let page = self.list_height();
        let rows = 1 + self.review.problem_tally.as_ref().map_or(0, Vec::len);
        let Some(Overlay::Problems { cursor }) = &mut self.overlay else {
            return vec![];
        };
        if pick(cursor, rows, k.action, page) {
            return vec![];
        }
        match k.action {
            Some(Action::Open) => {
                let chosen = cursor.checked_sub(1).and_then(|i| {
                    self.review
                        .problem_tally
                        .as_ref()
                        .and_then(|t| t.get(i))
                        .map(|(c, _)| c.clone())
                });
                self.overlay = None;
                self.choose_problem(chosen)
            }
            Some(Action::Back) => {
                self.overlay = None;
                vec![]
            }
            _ => vec![],
        }
    }

    fn return_with_notice(&mut self) -> Vec<Effect> {
        let Some(Overlay::Notice { draft, editor }) = &self.overlay else {
            return vec![];
        };
        // Kept until the return is taken: a refusal brings the edit back.
        self.review
            .notices
            .insert(draft.id, (draft.version, editor.lines().to_vec()));
        let ask = DecisionAsk {
            id: draft.id,
            version: draft.version,
            decision: draft.decision,
            text: notice::text(editor),
        };
        self.review.deciding = self.overlay.take();
        vec![Effect::Decide(ask)]
    }
}

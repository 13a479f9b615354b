//! How the case queue's overlays take their keys: the choosers (its
//! views, a case's steps, a step for every tagged case, the inspectors) move
//! with the one picker; its forms (a view's name, a step to confirm, a
//! decision) take text and submit.

use crate::i18n;
use crate::store::ListKind;
use crate::tui::action::Action;
use crate::tui::app::{App, CaseMoveAsk, Effect, Overlay};
use crate::tui::casework::SavedView;
use crate::tui::overlay::{LayerKey, pick};

/// The longest note a step carries.
const NOTE_MAX_CHARS: usize = 200;

impl App {
    /// Keys of the case overlays: a chooser's moves are the one picker's;
    /// what Enter, Esc and the typed keys do is each overlay's.
    pub(crate) fn case_overlay_key(&mut self, k: LayerKey) -> Vec<Effect> {
        match &self.overlay {
            Some(
                Overlay::CaseViews { .. }
                | Overlay::CaseMoves { .. }
                | Overlay::BulkMoves { .. }
                | Overlay::Assign { .. },
            ) => self.case_picker_key(k),
            Some(Overlay::CaseDecide(_)) => self.case_decide_key(k),
            _ => self.case_form_key(k),
        }
    }

    /// The case queue's choosers: its views, a case's steps, a step for
    /// every tagged case, the inspectors to assign.
    fn case_picker_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let lang = self.lang;
        let page = self.list_height();
        let act = k.action;
        let choices = match &self.overlay {
            Some(Overlay::CaseViews { .. }) => self.view_choices(lang),
            _ => Vec::new(),
        };
        let Some(overlay) = self.overlay.as_mut() else {
            return vec![];
        };
        match overlay {
            // Row 0 is the complaints inbox, the views after it.
            Overlay::CaseViews { cursor } => match act {
                Some(Action::Open) if *cursor == 0 => self.open_inbox(),
                Some(Action::Open) => {
                    let (_, v, filter) = choices[(*cursor - 1).min(choices.len() - 1)].clone();
                    self.overlay = None;
                    self.choose_case_view(v, filter)
                }
                Some(Action::Back) => self.close(),
                _ => {
                    pick(cursor, choices.len() + 1, act, page);
                    vec![]
                }
            },
            Overlay::CaseMoves { id, moves, cursor } => match act {
                Some(Action::Open) => {
                    let (id, m) = (*id, moves[*cursor]);
                    self.choose_step(id, m)
                }
                Some(Action::Back) => self.close(),
                _ => {
                    pick(cursor, moves.len(), act, page);
                    vec![]
                }
            },
            Overlay::BulkMoves { ids, moves, cursor } => match act {
                Some(Action::Open) => vec![Effect::MoveCases {
                    ids: ids.clone(),
                    step: moves[*cursor],
                    lang,
                }],
                Some(Action::Back) => self.close(),
                _ => {
                    pick(cursor, moves.len(), act, page);
                    vec![]
                }
            },
            Overlay::Assign {
                ids,
                staff,
                chosen,
                cursor,
            } => match act {
                Some(Action::Tag) if !staff.is_empty() => {
                    match chosen.iter().position(|c| c == cursor) {
                        Some(p) => {
                            chosen.remove(p);
                        }
                        None => chosen.push(*cursor),
                    }
                    vec![]
                }
                Some(Action::Open) => {
                    let logins: Vec<String> =
                        chosen.iter().map(|i| staff[*i].login.clone()).collect();
                    match logins.first() {
                        Some(officer) => vec![Effect::AssignCase {
                            ids: ids.clone(),
                            officer: officer.clone(),
                            inspectors: logins.clone(),
                            lang,
                        }],
                        None => vec![],
                    }
                }
                Some(Action::Back) => self.close(),
                _ => {
                    pick(cursor, staff.len(), act, page);
                    vec![]
                }
            },
            _ => vec![],
        }
    }

    /// The decision form: the article picked, the basis and the fine typed.
    fn case_decide_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let lang = self.lang;
        let page = self.list_height();
        let act = k.action;
        let Some(Overlay::CaseDecide(form)) = self.overlay.as_mut() else {
            return vec![];
        };
        match act {
            Some(Action::Back) => self.close(),
            Some(Action::NextField) => {
                form.field = (form.field + 1) % 5;
                vec![]
            }
            Some(Action::Down) if form.field > 0 => {
                form.field = (form.field + 1) % 5;
                vec![]
            }
            Some(Action::PrevField) => {
                form.field = (form.field + 4) % 5;
                vec![]
            }
            // On the article: the one picker over the articles.
            Some(Action::Up | Action::Down) if form.field == 0 => {
                pick(&mut form.article, form.choices.len(), act, page);
                vec![]
            }
            Some(Action::Open | Action::Submit) => match form.ask(lang).and_then(|d| {
                let on = match form.on.trim() {
                    "" => None,
                    s => Some(
                        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                            .map_err(|_| i18n::not_a_date(lang, s))?,
                    ),
                };
                Ok((d, on))
            }) {
                Ok((terms, on)) => {
                    vec![Effect::MoveCase(CaseMoveAsk {
                        id: form.id,
                        step: form.step,
                        note: String::new(),
                        decision: Some(terms),
                        lang,
                        on,
                        served_by: crate::domain::ServiceMethod::Direct,
                        approved_by: String::new(),
                        until: None,
                    })]
                }
                Err(e) => {
                    form.error = Some(e);
                    vec![]
                }
            },
            _ if k.is_backspace() => {
                if let Some(s) = form.input() {
                    s.pop();
                }
                vec![]
            }
            _ => {
                if let Some(c) = k
                    .typed()
                    .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
                    && let Some(s) = form.input()
                    && s.chars().count() < 40
                {
                    s.push(c);
                }
                vec![]
            }
        }
    }

    /// The case queue's forms: a view's name, a step to confirm.
    fn case_form_key(&mut self, k: LayerKey) -> Vec<Effect> {
        let lang = self.lang;
        let act = k.action;
        let Some(overlay) = self.overlay.as_mut() else {
            return vec![];
        };
        match overlay {
            Overlay::SaveView { name } => match act {
                Some(Action::Open) if !name.trim().is_empty() => {
                    let saved = SavedView {
                        name: name.trim().to_string(),
                        view: self.cases.view,
                        filter: self
                            .lists
                            .get(&ListKind::Cases)
                            .map_or(String::new(), |l| l.filter.clone()),
                    };
                    self.overlay = None;
                    vec![Effect::SaveView(saved, lang)]
                }
                Some(Action::Back) => self.close(),
                _ if k.is_backspace() => {
                    name.pop();
                    vec![]
                }
                _ => {
                    if let Some(c) = k.typed()
                        && name.chars().count() < 30
                    {
                        name.push(c);
                    }
                    vec![]
                }
            },
            Overlay::CaseConfirm {
                id,
                step: m,
                note,
                form,
                ..
            } => match act {
                Some(Action::Open | Action::Submit) => match form.days(lang) {
                    Ok((on, until)) => {
                        let ask = CaseMoveAsk {
                            id: *id,
                            step: *m,
                            note: note.trim().to_string(),
                            decision: None,
                            lang,
                            on: Some(on),
                            served_by: form.method(),
                            approved_by: form.approved_by.trim().to_string(),
                            until,
                        };
                        vec![Effect::MoveCase(ask)]
                    }
                    Err(e) => {
                        form.error = Some(e);
                        vec![]
                    }
                },
                Some(Action::Back) => self.close(),
                Some(Action::NextField | Action::Down) => {
                    form.next(*m, 1);
                    vec![]
                }
                Some(Action::PrevField | Action::Up) => {
                    form.next(*m, -1);
                    vec![]
                }
                _ if form.turn(*m, k.key.code) => vec![],
                _ if k.is_backspace() => {
                    match form.input(*m) {
                        Some(s) => s.pop(),
                        None => note.pop(),
                    };
                    vec![]
                }
                _ => {
                    if let Some(c) = k.typed() {
                        match form.input(*m) {
                            Some(s) if s.chars().count() < 40 => s.push(c),
                            Some(_) => {}
                            None if note.chars().count() < NOTE_MAX_CHARS => note.push(c),
                            None => {}
                        }
                    }
                    vec![]
                }
            },
            _ => vec![],
        }
    }

    fn close(&mut self) -> Vec<Effect> {
        self.overlay = None;
        vec![]
    }
}

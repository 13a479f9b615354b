//! The case queue's work at the desk: its views (`f`), a case's steps (`m`)
//! with the documents each issues and the decision's fine checked against
//! its article, and assigning inspectors (`i`) by their open-case load.

use crate::domain::{CaseMove, fines};
use crate::i18n::{self, Lang};

pub use crate::workflow::case_views::CASE_DUE_SOON_WORKING_DAYS;

/// What the case pane keeps between keys.
#[derive(Debug, Clone, Default)]
pub struct CasesState {
    /// The queue's view.
    pub view: CaseView,
    /// The queue's order.
    pub sort: crate::store::CaseSort,
    /// Cases tagged to act on together, and the last one tagged by hand.
    pub tagged: std::collections::BTreeSet<i64>,
    pub tag_anchor: Option<i64>,
    /// Views of the case queue this staff member saved.
    pub saved_views: Vec<SavedView>,
    /// The locality's case figures (hearing threshold, statement window).
    pub settings: crate::workflow::cases::CaseSettings,
    /// How many cases each built-in view holds, as last counted (the
    /// chooser's figures, in `CaseView::all()` order).
    pub view_counts: Option<Vec<i64>>,
}

pub use crate::workflow::case_views::CaseView;

/// A named view the staff member saved: the view and the filter text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedView {
    pub name: String,
    pub view: CaseView,
    pub filter: String,
}

impl SavedView {
    /// From the stored definition `{"view": "...", "filter": "..."}`; a
    /// definition this program cannot read is left out.
    pub fn from_stored(name: String, definition: &str) -> Option<SavedView> {
        let v: serde_json::Value = serde_json::from_str(definition).ok()?;
        Some(SavedView {
            name,
            view: CaseView::parse(v.get("view")?.as_str()?)?,
            filter: v
                .get("filter")
                .and_then(|f| f.as_str())
                .unwrap_or("")
                .to_string(),
        })
    }

    pub fn definition(&self) -> String {
        serde_json::json!({"view": self.view.code(), "filter": self.filter}).to_string()
    }
}

/// The decision form: the decision and its article (a cursor into the
/// choices), then the fine and what the article measures it on, typed in
/// yuan or as a count. A licence holder's case chooses among the penalties
/// on licences (警告, 没收, 罚款, 停止招生, 吊销), and its prior notice
/// proposes one the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecideForm {
    pub id: i64,
    /// Decide, or a prior notice proposing the penalty.
    pub step: CaseMove,
    /// (the decision's kind, its article's code)
    pub choices: Vec<(crate::domain::DecisionKind, &'static str)>,
    pub article: usize,
    /// 0 the article list, 1 the fine, 2 affected workers, 3 amount owed,
    /// 4 the day decided.
    pub field: usize,
    pub fine: String,
    pub workers: String,
    pub owed: String,
    /// The day decided (empty: today).
    pub on: String,
    pub error: Option<String>,
}

impl DecideForm {
    pub(super) fn input(&mut self) -> Option<&mut String> {
        match self.field {
            1 => Some(&mut self.fine),
            2 => Some(&mut self.workers),
            3 => Some(&mut self.owed),
            4 => Some(&mut self.on),
            _ => None,
        }
    }

    /// The form for a labour-inspection case: fines, by their articles.
    pub fn fines(id: i64) -> DecideForm {
        DecideForm {
            id,
            step: CaseMove::Decide,
            choices: fines::fine_articles()
                .into_iter()
                .map(|a| (crate::domain::DecisionKind::Fine, a.code))
                .collect(),
            article: 0,
            field: 0,
            fine: String::new(),
            workers: String::new(),
            owed: String::new(),
            on: String::new(),
            error: None,
        }
    }

    /// The form for a licence holder's case: each penalty its articles found.
    pub fn licence_penalties(id: i64, step: CaseMove) -> DecideForm {
        DecideForm {
            step,
            choices: fines::licence_choices(),
            ..DecideForm::fines(id)
        }
    }

    /// The decision as asked, or the sentence saying what is wrong.
    pub(super) fn ask(&self, lang: Lang) -> Result<crate::workflow::cases::DecisionTerms, String> {
        let Some(&(kind, code)) = self.choices.get(self.article) else {
            return Err(i18n::fine_refusal(
                lang,
                &fines::FineRefusal::UnknownArticle,
            ));
        };
        let money = |s: &str| -> Result<i64, String> {
            if s.trim().is_empty() {
                return Ok(0);
            }
            fines::parse_yuan(s).ok_or_else(|| i18n::not_money(lang, s))
        };
        let workers = if self.workers.trim().is_empty() {
            0
        } else {
            self.workers
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| i18n::not_a_count(lang, &self.workers))?
        };
        let fine = money(&self.fine)?;
        let owed = money(&self.owed)?;
        let basis = fines::Basis {
            workers,
            owed,
            ..fines::Basis::default()
        };
        // What the law fixes (no amount, or exactly what is owed) needs no typing.
        let fine = match fines::fixed_amount(kind, code, basis) {
            Some(fixed) => fixed.map_err(|r| i18n::fine_refusal(lang, &r))?,
            None => fine,
        };
        fines::check_for(kind, code, basis, fine).map_err(|r| i18n::fine_refusal(lang, &r))?;
        Ok(crate::workflow::cases::DecisionTerms {
            kind,
            article: code.to_string(),
            workers,
            owed,
            amount: fine,
        })
    }
}

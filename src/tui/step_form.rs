//! The inputs of a case step besides its note: the day it happened (the
//! paper's service day), how it was served, who approved it, and an order's
//! deadline or a suspension's expected end. Typed on screen as the command
//! line takes them (`--on`, `--served-by`, `--approved-by`, `--until`).

use crate::domain::procedure::acts::serves;
use crate::domain::{CaseMove, ServiceMethod};
use crate::i18n::Lang;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

/// One input of the step form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepField {
    Note,
    On,
    ServedBy,
    ApprovedBy,
    Until,
}

impl StepField {
    pub fn label(self, step: CaseMove, lang: Lang) -> &'static str {
        match self {
            StepField::Note if needs_reason(step) => lang.pick("理由：", "Reason: "),
            StepField::Note => lang.pick("说明：", "Note: "),
            StepField::On if serves(step) => lang.pick("送达日期：", "Served on: "),
            StepField::On => lang.pick("办理日期：", "Done on: "),
            StepField::ServedBy => lang.pick("送达方式：", "Served by: "),
            StepField::ApprovedBy => lang.pick("批准人：", "Approved by: "),
            StepField::Until if step == CaseMove::Order => lang.pick("改正期限：", "Rectify by: "),
            StepField::Until if step == CaseMove::ScheduleHearing => {
                lang.pick("听证日期：", "Hearing on: ")
            }
            StepField::Until => lang.pick("预计中止至：", "Suspended until: "),
        }
    }
}

fn needs_reason(step: CaseMove) -> bool {
    matches!(
        step,
        CaseMove::Suspend | CaseMove::Extend | CaseMove::Terminate
    )
}

/// The fields a step asks for, the note first (typing goes there).
pub fn fields(step: CaseMove) -> Vec<StepField> {
    let mut f = vec![StepField::Note, StepField::On];
    if serves(step) {
        f.push(StepField::ServedBy);
    }
    if matches!(step, CaseMove::Suspend | CaseMove::Extend) {
        f.push(StepField::ApprovedBy);
    }
    if matches!(
        step,
        CaseMove::Suspend | CaseMove::Order | CaseMove::ScheduleHearing
    ) {
        f.push(StepField::Until);
    }
    f
}

/// What is typed besides the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepInputs {
    pub on: String,
    /// Index into `ServiceMethod::ALL`.
    pub served_by: usize,
    pub approved_by: String,
    pub until: String,
    /// Index into `fields(step)`.
    pub field: usize,
    pub error: Option<String>,
}

impl StepInputs {
    pub fn new(today: NaiveDate) -> StepInputs {
        StepInputs {
            on: today.format("%Y-%m-%d").to_string(),
            served_by: 0,
            approved_by: String::new(),
            until: String::new(),
            field: 0,
            error: None,
        }
    }

    pub fn focused(&self, step: CaseMove) -> StepField {
        let f = fields(step);
        f[self.field.min(f.len() - 1)]
    }

    pub fn method(&self) -> ServiceMethod {
        ServiceMethod::ALL[self.served_by % ServiceMethod::ALL.len()]
    }

    /// The field `by` on (1: the next, -1: the one before), round.
    pub fn next(&mut self, step: CaseMove, by: isize) {
        let n = fields(step).len() as isize;
        self.field = (self.field as isize + by).rem_euclid(n) as usize;
    }

    /// ←/→ on the method of service turn it; true when the key was taken.
    pub fn turn(&mut self, step: CaseMove, code: KeyCode) -> bool {
        let methods = ServiceMethod::ALL.len();
        if self.focused(step) != StepField::ServedBy {
            return false;
        }
        match code {
            KeyCode::Right => self.served_by = (self.served_by + 1) % methods,
            KeyCode::Left => self.served_by = (self.served_by + methods - 1) % methods,
            _ => return false,
        }
        true
    }

    /// The text input focused, if any (the note is the caller's).
    pub fn input(&mut self, step: CaseMove) -> Option<&mut String> {
        match self.focused(step) {
            StepField::On => Some(&mut self.on),
            StepField::ApprovedBy => Some(&mut self.approved_by),
            StepField::Until => Some(&mut self.until),
            StepField::Note | StepField::ServedBy => None,
        }
    }

    /// The days typed, or the sentence saying which is not a day.
    pub fn days(&self, lang: Lang) -> Result<(NaiveDate, Option<NaiveDate>), String> {
        let day = |s: &str| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|_| crate::i18n::not_a_date(lang, s))
        };
        let on = day(&self.on)?;
        let until = match self.until.trim() {
            "" => None,
            s => Some(day(s)?),
        };
        Ok((on, until))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_asks_for_what_it_needs() {
        use StepField::*;
        assert_eq!(fields(CaseMove::Open), [Note, On]);
        assert_eq!(fields(CaseMove::Serve), [Note, On, ServedBy]);
        assert_eq!(fields(CaseMove::Suspend), [Note, On, ApprovedBy, Until]);
        assert_eq!(fields(CaseMove::Order), [Note, On, Until]);
        let mut f = StepInputs::new(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        assert_eq!(f.days(Lang::Zh).unwrap().0.to_string(), "2026-11-27");
        assert!(
            !f.turn(CaseMove::Serve, KeyCode::Right),
            "not on the method"
        );
        f.next(CaseMove::Serve, 1);
        f.next(CaseMove::Serve, 1);
        assert_eq!(f.focused(CaseMove::Serve), ServedBy);
        assert!(f.turn(CaseMove::Serve, KeyCode::Right));
        assert_eq!(f.method(), ServiceMethod::Left);
        assert!(f.turn(CaseMove::Serve, KeyCode::Left));
        assert!(f.turn(CaseMove::Serve, KeyCode::Left));
        assert!(!f.turn(CaseMove::Serve, KeyCode::Up));
        f.next(CaseMove::Serve, 1);
        assert_eq!(f.focused(CaseMove::Serve), Note, "round to the first");
        f.next(CaseMove::Serve, -1);
        assert_eq!(f.focused(CaseMove::Serve), ServedBy);
        assert_eq!(f.method(), ServiceMethod::Electronic);
        f.on = "2026-13-01".into();
        assert!(f.days(Lang::Zh).unwrap_err().contains("不存在"));
        f.on = "明天".into();
        assert!(f.days(Lang::Zh).unwrap_err().contains("不是日期"));
    }
}

//! A case's detail: where it stands, its next deadline and how that date was
//! reached, the steps the procedure allows from here, its file and history.

use super::super::app::App;
use super::super::text::clean;
use super::yuan;
use super::{field, heading, label};
use crate::domain::calendar::office_date;
use crate::domain::clocks::working_days_left;
use crate::domain::procedure::moves_from;
use crate::domain::{CaseMove, CaseStage, ServiceMethod, fines};
use crate::i18n::Field;
use crate::store::{CaseEventRow, CaseFileRow, CaseItem, CaseState};
use crate::workflow::cases::{facts as case_facts, next_deadline};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

/// What the detail shows of a case.
pub struct CaseView<'a> {
    pub item: &'a CaseItem,
    pub facts: Option<&'a str>,
    pub fine: i64,
    pub outcome: &'a str,
    pub inspectors: &'a [String],
    pub events: &'a [CaseEventRow],
    pub state: Option<&'a CaseState>,
    pub files: &'a [CaseFileRow],
}

pub fn lines(app: &App, out: &mut Vec<Line<'static>>, v: CaseView<'_>) {
    let lang = app.lang;
    let item = v.item;
    out.push(field(Field::Number, clean(&item.number), lang));
    if item.mass_incident {
        out.push(Line::styled(
            format!("【{}】", Field::MassIncident.label(lang)),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ));
    }
    out.push(field(Field::Respondent, clean(&item.respondent_name), lang));
    let suspended = v.state.is_some_and(|s| s.row.suspended);
    out.push(field(
        Field::Stage,
        format!(
            "{}{}",
            item.stage.label(lang),
            if suspended {
                Field::SuspendedNow.label(lang)
            } else {
                ""
            }
        ),
        lang,
    ));
    out.push(field(
        Field::Registered,
        item.registered_on.to_string(),
        lang,
    ));
    if let Some(s) = v.state {
        // The deadline as the clocks give it today, with its working.
        if let Some(d) = next_deadline(
            &app.calendar,
            &crate::store::ClockRow::from(&s.row),
            &s.suspensions,
            app.today,
            app.cases.settings,
        ) {
            let left = working_days_left(&app.calendar, app.today, d.due);
            let when = if left < 0 {
                format!("{} · {}", d.due, Field::Overdue.label(lang))
            } else {
                format!("{} · {} {left}", d.due, Field::WorkingDaysLeft.label(lang))
            };
            let style = if left < 0 {
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            let mut line = field(Field::NextDeadline, when, lang);
            line.style = style;
            out.push(line);
            out.push(field(Field::HowComputed, clean(&d.describe_in(lang)), lang));
        }
    }
    out.push(field(
        Field::Officer,
        item.officer_name.as_deref().map_or("-".into(), clean),
        lang,
    ));
    let names: Vec<String> = v.inspectors.iter().map(|s| clean(s)).collect();
    out.push(field(Field::Inspectors, names.join("、"), lang));
    if let Some(f) = v.facts {
        // The complainant may have written an ID or a phone into the facts.
        out.push(field(
            Field::Facts,
            clean(&crate::domain::mask::mask_digit_runs(f)),
            lang,
        ));
    }
    if v.fine > 0 {
        let article = v
            .state
            .and_then(|s| fines::article(&s.row.article))
            .map_or(String::new(), |a| format!(" · {}", lang.pick(a.zh, a.en)));
        out.push(field(
            Field::Fine,
            format!("{}{article}", yuan(v.fine)),
            lang,
        ));
    }
    if v.state.is_some_and(|s| s.row.legal_reviewer_id.is_some()) {
        out.push(field(
            Field::LegalReviewDone,
            Field::Done.label(lang).to_string(),
            lang,
        ));
    }
    if !v.outcome.is_empty() {
        let outcome = crate::domain::procedure::Outcome::parse(v.outcome)
            .map_or_else(|| clean(v.outcome), |o| o.label(lang).to_string());
        out.push(field(Field::Decision, outcome, lang));
    }
    if let Some(s) = v.state {
        let moves = moves_from(&case_facts(s, app.cases.settings, &app.calendar, app.today));
        if !moves.is_empty() {
            out.push(heading(Field::Moves, lang));
            let names: Vec<&str> = moves.iter().map(|m| m.label(lang)).collect();
            out.push(Line::raw(format!(
                "  {}",
                names.join(lang.pick("、", ", "))
            )));
        }
    }
    out.push(heading(Field::CaseFile, lang));
    if v.files.is_empty() {
        out.push(Line::raw(format!("  {}", Field::None.label(lang))));
    }
    for f in v.files {
        out.push(Line::raw(format!(
            "  {} {} · {} · {}{}{}{}",
            f.on_date,
            f.kind.label(lang),
            f.recorded_by.as_deref().map_or("-".into(), clean),
            Field::KeptAt.label(lang),
            lang.pick("：", ": "),
            kept_at(&f.kept_at, lang),
            if f.note.is_empty() || CaseMove::parse(&f.note).is_some() {
                String::new()
            } else {
                format!(" · {}", clean(&f.note))
            }
        )));
    }
    out.push(heading(Field::History, lang));
    for e in v.events {
        // A move's note starts with its code: show the step's name.
        let step = e
            .note
            .split(':')
            .next()
            .and_then(CaseMove::parse)
            .map_or(String::new(), |m| format!(" · {}", m.label(lang)));
        // The act's own day first; the day it was keyed in when later.
        let recorded = office_date(e.at).to_string();
        let day = e
            .on_date
            .map_or_else(|| recorded.clone(), |d| d.to_string());
        let keyed = if day == recorded {
            String::new()
        } else {
            format!(" ({}{recorded})", lang.pick("登记于 ", "recorded "))
        };
        let served = ServiceMethod::parse(&e.served_by)
            .map_or(String::new(), |s| format!(" · {}", s.label(lang)));
        out.push(Line::raw(format!(
            "  {day} {}{step}{served}{keyed}",
            label(CaseStage::parse, CaseStage::label, &e.stage_to, lang)
        )));
    }
}

/// Where an original is kept, as stored; the case file itself is named in
/// the screen's language (older rows hold both names in one text).
fn kept_at(stored: &str, lang: crate::i18n::Lang) -> String {
    match stored {
        "案卷" | "案卷 / case file" => lang.pick("案卷", "the case file").to_string(),
        other => clean(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_case_file_is_named_in_the_screens_language() {
        assert_eq!(kept_at("案卷 / case file", Lang::En), "the case file");
        assert_eq!(kept_at("案卷 / case file", Lang::Zh), "案卷");
        assert_eq!(kept_at("案卷", Lang::En), "the case file");
        assert_eq!(kept_at("档案室2", Lang::En), "档案室2");
    }
}

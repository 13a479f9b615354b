//! A record's detail view: its fields and what belongs to it. Personal data
//! stays masked; revealing it is a separate, audited act.

use super::super::app::{App, DetailView};
use super::super::text::clean;
use super::{titled, yuan};
use crate::domain::calendar::office_date;
use crate::domain::check_items;
use crate::domain::ladder::Step;
use crate::domain::licence::standing;
use crate::domain::mask::{mask_bank_account, mask_id_number, mask_personal, mask_phone};
use crate::domain::*;
use crate::i18n::{self, Field, Lang};
use crate::store::Detail;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(super) fn field(label: Field, value: String, lang: Lang) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{}{}", label.label(lang), lang.pick("：", ": ")),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(value),
    ])
}

pub(super) fn heading(label: Field, lang: Lang) -> Line<'static> {
    Line::from(Span::styled(
        format!("── {} ──", label.label(lang)),
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    ))
}

pub(super) fn label<T: Copy>(
    parse: impl Fn(&str) -> Option<T>,
    f: impl Fn(T, Lang) -> &'static str,
    code: &str,
    lang: Lang,
) -> String {
    parse(code).map_or_else(|| clean(code), |v| f(v, lang).to_string())
}

/// A published figure with its year, source and the day it took effect.
fn figure_line(label: Field, f: Option<&crate::store::FigureRow>, lang: Lang) -> Line<'static> {
    let value = match f {
        None => Field::NotConfigured.label(lang).to_string(),
        Some(f) => format!(
            "{} {}{} · {}：{} · {} {}",
            f.year,
            yuan(f.monthly),
            lang.pick("元/月", " yuan a month"),
            Field::FigureSource.label(lang),
            clean(&f.source),
            Field::FigureFrom.label(lang),
            f.effective_from
        ),
    };
    field(label, value, lang)
}

pub(super) fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// The lines of a detail, in the current language.
pub fn lines(
    app: &App,
    detail: &Detail,
    revealed: Option<&(String, String, String)>,
    problems: Option<&[review::Problem]>,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = Vec::new();
    match detail {
        Detail::Filing {
            item,
            declared,
            materials,
            decision,
            reason,
            average_wage,
            pension_figure,
            intake,
        } => {
            let received = office_date(item.received_at);
            let due = app.calendar.add_working_days(received, 10);
            out.push(field(
                Field::Kind,
                label(FilingKind::parse, FilingKind::label, &item.kind, lang),
                lang,
            ));
            out.push(field(
                Field::Status,
                label(FilingStatus::parse, FilingStatus::label, &item.status, lang),
                lang,
            ));
            out.push(field(
                Field::Employer,
                item.employer_name.as_deref().map_or("-".into(), clean),
                lang,
            ));
            out.push(field(
                Field::Person,
                item.person_name.as_deref().map_or("-".into(), clean),
                lang,
            ));
            out.push(field(
                Field::IdNumber,
                item.person_id_number
                    .as_deref()
                    .map_or("-".into(), |s| clean(&mask_id_number(s))),
                lang,
            ));
            out.push(field(Field::Received, received.to_string(), lang));
            out.push(field(
                Field::Channel,
                crate::domain::Channel::parse(&intake.channel)
                    .map_or_else(|| clean(&intake.channel), |c| c.label(lang).to_string()),
                lang,
            ));
            if let Some(no) = &intake.upstream_no {
                out.push(field(Field::UpstreamNo, clean(no), lang));
            }
            // A resubmission is checked against the notice it answers.
            if let Some((original, notice)) = &intake.resubmits {
                out.push(field(Field::Resubmits, number(lang, *original), lang));
                out.push(heading(Field::NoticeAnswered, lang));
                for l in notice.lines().filter(|l| !l.trim().is_empty()) {
                    out.push(Line::raw(format!("  {}", clean(l))));
                }
            }
            if let Some(by) = intake.resubmitted_by {
                out.push(field(Field::ResubmittedBy, number(lang, by), lang));
            }
            let provisional = if due.provisional {
                format!("（{}）", i18n::provisional_note(lang))
            } else {
                String::new()
            };
            out.push(field(
                Field::Due,
                format!("{}{provisional}", due.date),
                lang,
            ));
            if item.status == "pending" {
                out.push(heading(Field::Problems, lang));
                let name = |code: &str| {
                    materials.iter().find(|m| m.material == code).map_or_else(
                        || code.to_string(),
                        |m| lang.pick(&m.name_zh, &m.name_en).to_string(),
                    )
                };
                match problems {
                    None => out.push(Line::raw(format!("  {}", Field::Checking.label(lang)))),
                    Some([]) => out.push(Line::raw(format!("  {}", Field::NoProblems.label(lang)))),
                    Some(found) => {
                        for (n, p) in found.iter().enumerate() {
                            out.push(Line::raw(format!(
                                "  {}. {}",
                                n + 1,
                                clean(&i18n::problem(lang, p, &name))
                            )));
                        }
                    }
                }
            }
            if item.kind == "contribution-base" {
                out.push(figure_line(Field::AverageWage, average_wage.as_ref(), lang));
            }
            if let Some(f) = pension_figure {
                out.push(figure_line(Field::PensionFigure, Some(f), lang));
            }
            out.push(heading(Field::Materials, lang));
            for m in materials {
                let name = clean(lang.pick(&m.name_zh, &m.name_en));
                let state = match (m.present, m.valid) {
                    (Some(true), Some(true)) => Field::PresentValid,
                    (Some(true), _) => Field::PresentInvalid,
                    _ => Field::Missing,
                };
                let optional = if m.required {
                    ""
                } else {
                    Field::Optional.label(lang)
                };
                let note = match m.note.as_deref().map(str::trim) {
                    Some(n) if !n.is_empty() => match lang {
                        Lang::Zh => format!("（{}）", clean(n)),
                        Lang::En => format!(" ({})", clean(n)),
                    },
                    _ => String::new(),
                };
                out.push(Line::raw(format!(
                    "  {name}{optional}：{}{note}",
                    state.label(lang)
                )));
            }
            out.push(heading(Field::Declared, lang));
            out.push(Line::raw(format!(
                "  {}",
                clean(&masked_declaration(declared))
            )));
            out.extend(declared_rows(declared, lang));
            if let Some(d) = decision {
                out.push(field(
                    Field::Decision,
                    format!("{} {}", clean(d), clean(reason)),
                    lang,
                ));
            }
        }
        Detail::Licence {
            licence: l,
            inspections,
            sanctions,
            reviews,
            steps,
            leads,
            complaints,
            cases,
        } => {
            out.push(field(
                Field::Kind,
                label(LicenceKind::parse, LicenceKind::label, &l.kind, lang),
                lang,
            ));
            out.push(field(Field::Number, clean(&l.number), lang));
            out.push(field(Field::Holder, clean(&l.holder), lang));
            out.push(field(Field::Uscc, clean(&l.uscc), lang));
            out.push(field(Field::LegalRep, clean(&l.legal_rep), lang));
            out.push(field(Field::Address, clean(&l.address), lang));
            out.push(field(
                Field::Zone,
                l.zone.as_deref().map_or("-".into(), clean),
                lang,
            ));
            let st = LicenceStatus::parse(&l.status)
                .map(|s| {
                    i18n::standing_label(standing(s, l.expires_on, app.today), lang).to_string()
                })
                .unwrap_or_else(|| clean(&l.status));
            out.push(field(Field::Status, st, lang));
            out.push(field(Field::Issued, l.issued_on.to_string(), lang));
            out.push(field(Field::Expires, opt_date(l.expires_on), lang));
            out.push(heading(Field::Inspections, lang));
            if inspections.is_empty() {
                out.push(Line::raw(format!("  {}", Field::None.label(lang))));
            }
            for i in inspections {
                out.push(Line::raw(format!(
                    "  {} {} {} {}",
                    i.planned_on,
                    label(
                        InspectionMethod::parse,
                        InspectionMethod::label,
                        &i.method,
                        lang
                    ),
                    label(
                        InspectionResult::parse,
                        InspectionResult::label,
                        &i.result,
                        lang
                    ),
                    clean(&i.findings)
                )));
            }
            out.push(heading(Field::Sanctions, lang));
            if sanctions.is_empty() {
                out.push(Line::raw(format!("  {}", Field::None.label(lang))));
            }
            for s in sanctions {
                let amount = if s.amount > 0 {
                    format!(" {}", yuan(s.amount))
                } else {
                    String::new()
                };
                let deadline = s.deadline.map_or(String::new(), |d| format!(" → {d}"));
                out.push(Line::raw(format!(
                    "  {} {}{amount}{deadline} {} {}",
                    s.decided_on,
                    label(Sanction::parse, Sanction::label, &s.kind, lang),
                    label(
                        SanctionStatus::parse,
                        SanctionStatus::label,
                        &s.status,
                        lang
                    ),
                    clean(&s.reason)
                )));
            }
            out.push(heading(Field::Ladder, lang));
            if steps.is_empty() {
                out.push(Line::raw(format!("  {}", Field::None.label(lang))));
            }
            for s in steps {
                // A deadline to rectify: re-inspected since, awaited, or overdue.
                let deadline = s.deadline.map_or(String::new(), |d| {
                    let reinspected = inspections
                        .iter()
                        .filter_map(|i| i.done_on)
                        .filter(|on| *on > s.decided_on)
                        .min();
                    let state = i18n::rectification_mark(
                        lang,
                        reinspected,
                        crate::domain::ladder::rectification_overdue(d, reinspected, app.today),
                    );
                    format!(" → {d}{state}")
                });
                out.push(Line::raw(format!(
                    "  {} {}{deadline} {}",
                    s.decided_on,
                    label(Step::parse, Step::label, &s.step, lang),
                    clean(&s.reason)
                )));
            }
            out.push(heading(Field::Leads, lang));
            if leads.is_empty() {
                out.push(Line::raw(format!("  {}", Field::None.label(lang))));
            }
            for d in leads {
                let inspection = d
                    .inspection_id
                    .map_or(String::new(), |i| format!(" → #{i}"));
                out.push(Line::raw(format!(
                    "  {} {} {}{inspection}",
                    d.received_on,
                    label(LeadSource::parse, LeadSource::label, &d.source, lang),
                    clean(&d.summary)
                )));
            }
            out.push(heading(Field::Reviews, lang));
            if reviews.is_empty() {
                out.push(Line::raw(format!("  {}", Field::None.label(lang))));
            }
            for r in reviews {
                let submitted = r.submitted_on.map_or_else(
                    || Field::NotSubmitted.label(lang).to_string(),
                    |d| format!("{}{d}", Field::Submitted.label(lang)),
                );
                out.push(Line::raw(format!(
                    "  {}{} {}{} {submitted} {}",
                    r.year,
                    Field::ReviewYear.label(lang),
                    Field::ReviewDue.label(lang),
                    r.due_on,
                    if r.result == "pending" {
                        Field::AwaitingReview.label(lang).to_string()
                    } else {
                        label(
                            InspectionResult::parse,
                            InspectionResult::label,
                            &r.result,
                            lang,
                        )
                    }
                )));
            }
            case_lines(&mut out, complaints, cases, lang);
        }
        Detail::Case {
            item,
            facts,
            fine,
            outcome,
            inspectors,
            events,
            state,
            files,
        } => super::case_detail::lines(
            app,
            &mut out,
            super::case_detail::CaseView {
                item,
                facts: facts.as_deref(),
                fine: *fine,
                outcome,
                inspectors,
                events,
                state: state.as_deref(),
                files,
            },
        ),
        Detail::Employer {
            employer: e,
            persons,
            cases,
        } => {
            out.push(field(Field::Name, clean(&e.name), lang));
            out.push(field(Field::Uscc, clean(&e.uscc), lang));
            out.push(field(Field::LegalRep, clean(&e.legal_rep), lang));
            out.push(field(Field::Address, clean(&e.address), lang));
            out.push(field(
                Field::Zone,
                e.zone.as_deref().map_or("-".into(), clean),
                lang,
            ));
            out.push(field(
                Field::Status,
                label(
                    EmployerStatus::parse,
                    EmployerStatus::label,
                    &e.status,
                    lang,
                ),
                lang,
            ));
            out.push(field(Field::Persons, persons.to_string(), lang));
            if e.arrears > 0 {
                out.push(field(Field::Arrears, yuan(e.arrears), lang));
            }
            case_lines(&mut out, &[], cases, lang);
        }
        Detail::Inspection {
            item,
            findings,
            inspectors,
            campaign,
            items,
            notice,
            ..
        } => {
            out.push(field(Field::Date, item.planned_on.to_string(), lang));
            out.push(field(Field::Number, clean(&item.licence_number), lang));
            out.push(field(Field::Holder, clean(&item.holder), lang));
            out.push(field(
                Field::Method,
                label(
                    InspectionMethod::parse,
                    InspectionMethod::label,
                    &item.method,
                    lang,
                ),
                lang,
            ));
            out.push(field(
                Field::Result,
                label(
                    InspectionResult::parse,
                    InspectionResult::label,
                    &item.result,
                    lang,
                ),
                lang,
            ));
            let names: Vec<String> = inspectors.iter().map(|s| clean(s)).collect();
            out.push(field(Field::Inspectors, names.join("、"), lang));
            out.push(field(
                Field::Findings,
                if findings.is_empty() {
                    Field::None.label(lang).into()
                } else {
                    clean(findings)
                },
                lang,
            ));
            if let Some(theme) = campaign {
                out.push(field(Field::Campaign, clean(theme), lang));
            }
            if let Some(n) = notice {
                out.push(field(
                    Field::ViolationNotice,
                    format!(
                        "{} {}",
                        i18n::violation_notice_number(n.year, n.seq),
                        n.issued_on
                    ),
                    lang,
                ));
            }
            if !items.is_empty() {
                out.push(heading(Field::CheckItems, lang));
            }
            let mut items: Vec<_> = items.iter().collect();
            items.sort_by_key(|(code, ..)| check_items::item_position(code));
            for (code, outcome, finding) in items {
                let name =
                    check_items::item_label(code, lang).map_or_else(|| clean(code), String::from);
                let outcome = match outcome.as_str() {
                    "na" => i18n::not_applicable(lang).to_string(),
                    o => label(InspectionResult::parse, InspectionResult::label, o, lang),
                };
                out.push(Line::raw(format!("  {outcome} {name} {}", clean(finding))));
            }
        }
        Detail::Person {
            person: p,
            employer,
        } => {
            // Full values only after a reason was given (and audited) for this view.
            let (id, phone, bank) = match revealed {
                Some((i, ph, b)) => (i.clone(), ph.clone(), b.clone()),
                None => (
                    mask_id_number(&p.id_number),
                    mask_phone(&p.phone),
                    mask_bank_account(&p.bank_account),
                ),
            };
            out.push(field(Field::Name, clean(&p.name), lang));
            out.push(field(Field::IdNumber, clean(&id), lang));
            out.push(field(Field::Phone, clean(&phone), lang));
            out.push(field(Field::Bank, clean(&bank), lang));
            out.push(field(
                Field::Employer,
                employer.as_deref().map_or("-".into(), clean),
                lang,
            ));
            out.push(field(
                Field::Status,
                label(PersonStatus::parse, PersonStatus::label, &p.status, lang),
                lang,
            ));
            out.push(field(Field::Hired, opt_date(p.hired_on), lang));
            if p.contribution_base > 0 {
                out.push(field(Field::Base, yuan(p.contribution_base), lang));
            }
            if p.pension_base > 0 {
                out.push(field(Field::Pension, yuan(p.pension_base), lang));
            }
            out.push(Line::styled(
                format!("（{}）", Field::MaskedNote.label(lang)),
                Style::new().add_modifier(Modifier::DIM),
            ));
        }
    }
    out
}

/// The complaints and cases about a licence holder or an employer; the
/// complainants stay out of it.
fn case_lines(
    out: &mut Vec<Line<'static>>,
    complaints: &[crate::store::ComplaintItem],
    cases: &[crate::store::CaseItem],
    lang: Lang,
) {
    out.push(heading(Field::CasesAbout, lang));
    if cases.is_empty() && complaints.is_empty() {
        out.push(Line::raw(format!("  {}", Field::None.label(lang))));
    }
    for c in complaints {
        out.push(Line::raw(format!(
            "  {} {} {} {}",
            c.received_on,
            label(
                ComplaintChannel::parse,
                ComplaintChannel::label,
                &c.channel,
                lang
            ),
            label(
                ComplaintDecision::parse,
                ComplaintDecision::label,
                &c.decision,
                lang
            ),
            clean(&c.facts)
        )));
    }
    for c in cases {
        out.push(Line::raw(format!(
            "  {} {} {} {}",
            c.registered_on,
            clean(&c.number),
            label(CaseStage::parse, CaseStage::label, &c.stage, lang),
            c.due_on.map_or(String::new(), |d| format!("→ {d}"))
        )));
    }
}

/// A filing's declaration as one line, every personal value in it masked:
/// by its key, by the field a change names (`{"field":"phone","new":…}`),
/// or by its shape, at any depth.
/// A filing's number as a sentence names it.
fn number(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("第{id}号"),
        Lang::En => format!("no. {id}"),
    }
}

fn masked_declaration(declared: &str) -> String {
    fn walk(key: &str, v: &serde_json::Value, field: Option<&str>) -> String {
        match v {
            serde_json::Value::Object(map) => {
                let field = map.get("field").and_then(|f| f.as_str());
                let parts: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("{k}={}", walk(k, v, field)))
                    .collect();
                format!("{{{}}}", parts.join(" "))
            }
            serde_json::Value::Array(items) => {
                let parts: Vec<String> = items.iter().map(|v| walk(key, v, field)).collect();
                format!("[{}]", parts.join(", "))
            }
            serde_json::Value::String(s) => {
                let as_key = match (key, field) {
                    ("new" | "old", Some(f)) => f,
                    _ => key,
                };
                mask_personal(as_key, s)
            }
            other => mask_personal(key, &other.to_string()),
        }
    }
    match serde_json::from_str::<serde_json::Value>(declared) {
        Ok(serde_json::Value::Object(map)) => {
            let field = map.get("field").and_then(|f| f.as_str());
            // A yearly declaration's persons get a line each (declared_rows).
            map.iter()
                .filter(|(k, v)| !(k.as_str() == "persons" && v.is_array()))
                .map(|(k, v)| format!("{k}={}", walk(k, v, field)))
                .collect::<Vec<_>>()
                .join("  ")
        }
        Ok(other) => walk("", &other, None),
        Err(_) => mask_personal("", declared),
    }
}

/// A yearly declaration's persons, a line each: masked ID, name, wage, base.
fn declared_rows(declared: &str, lang: Lang) -> Vec<Line<'static>> {
    let parsed: serde_json::Value = serde_json::from_str(declared).unwrap_or_default();
    let Some(rows) = parsed.get("persons").and_then(|p| p.as_array()) else {
        return vec![];
    };
    let text = |r: &serde_json::Value, k: &str| {
        r.get(k).and_then(|v| v.as_str()).unwrap_or("-").to_string()
    };
    let fen = |r: &serde_json::Value, k: &str| {
        r.get(k)
            .and_then(|v| v.as_i64())
            .map_or_else(|| "-".to_string(), yuan)
    };
    rows.iter()
        .enumerate()
        .map(|(n, r)| {
            Line::raw(format!(
                "  {:>3}. {}  {}  {}{}  {}{}",
                n + 1,
                clean(&mask_id_number(&text(r, "id_number"))),
                clean(&text(r, "name")),
                lang.pick("工资 ", "wage "),
                fen(r, "wage"),
                lang.pick("基数 ", "base "),
                fen(r, "base"),
            ))
        })
        .collect()
}

pub fn render(frame: &mut Frame, app: &App, d: &DetailView, area: Rect) {
    let lang = app.lang;
    // Titled by what the record is, wherever it was opened from.
    use crate::store::ListKind;
    let pane = match d.kind {
        ListKind::Filings => 0,
        ListKind::Licences | ListKind::Employers => 1,
        ListKind::Cases => 2,
        ListKind::Inspections => 3,
        ListKind::Persons => 4,
    };
    let title = i18n::pane_title(pane, lang);
    let block = titled(title, area);
    let body: Vec<Line> = match (&d.detail, &d.error) {
        (Some(detail), _) => lines(app, detail, d.revealed.as_ref(), d.problems.as_deref()),
        (None, Some(e)) => vec![Line::raw(i18n::load_failed(lang, e))],
        (None, None) => vec![Line::raw(i18n::loading(lang))],
    };
    // Broken here rather than by the paragraph, so Chinese breaks between characters.
    let width = usize::from(block.inner(area).width);
    let body: Vec<Line> = body
        .into_iter()
        .flat_map(|l| crate::tui::wrap::wrap(l, width))
        .collect();
    frame.render_widget(
        Paragraph::new(body).block(block).scroll((d.scroll, 0)),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::{declared_rows, masked_declaration};
    use crate::i18n::Lang;

    #[test]
    fn a_yearly_declaration_shows_a_masked_line_per_person() {
        let declared = r#"{"year":2026,"persons":[{"id_number":"130110199003070015","name":"王芳","wage":650000,"base":650000}]}"#;
        let top = masked_declaration(declared);
        assert_eq!(top, "year=2026");
        let rows: Vec<String> = declared_rows(declared, Lang::Zh)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(
            rows,
            ["    1. 130110********0015  王芳  工资 6,500.00  基数 6,500.00"]
        );
    }

    #[test]
    fn every_personal_value_in_a_declaration_is_masked() {
        let text = masked_declaration(
            r#"{"id_number":"130110199003070015","field":"bank_account","new":"6222021234567890123"}"#,
        );
        assert!(
            text.contains("622202*********0123") && !text.contains("1234567890"),
            "{text}"
        );
        let nested = masked_declaration(
            r#"{"agent":[{"id_number":"130110199003070015","phone":"13812345678"}]}"#,
        );
        assert!(
            nested.contains("138****5678") && nested.contains("130110********0015"),
            "{nested}"
        );
        assert!(!masked_declaration("电话13812345678").contains("1234"));
    }

    #[test]
    fn an_id_number_in_a_declaration_is_masked() {
        let text = masked_declaration(r#"{"id_number":"130110199003070015","wage":500000}"#);
        assert!(text.contains("130110********0015"), "{text}");
        assert!(!text.contains("19900307"));
    }
}

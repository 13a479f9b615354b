//! A record's detail view: its fields and what belongs to it. Personal data
//! stays masked; revealing it is a separate, audited act.

use super::super::app::{App, DetailView};
use super::super::text::clean;
use super::{field, filing, heading, label, opt_date, titled, yuan};
use crate::domain::check_items;
use crate::domain::licence::standing;
use crate::domain::mask::{mask_bank_account, mask_id_number, mask_phone};
use crate::domain::*;
use crate::i18n::{self, Field, Lang};
use crate::store::Detail;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The lines of a detail, in the current language.
pub fn lines(
    app: &App,
    detail: &Detail,
    revealed: Option<&crate::store::RevealedPerson>,
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
        } => filing::lines(
            app,
            filing::Filing {
                item,
                declared,
                materials,
                decision,
                reason,
                average_wage,
                pension_figure,
                intake,
            },
            problems,
            &mut out,
        ),
        Detail::Licence { .. } => licence_lines(app, detail, &mut out),
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
            out.push(field(Field::Status, e.status.label(lang).to_string(), lang));
            out.push(field(Field::Persons, persons.to_string(), lang));
            if e.arrears > 0 {
                out.push(field(Field::Arrears, yuan(e.arrears), lang));
            }
            case_lines(&mut out, &[], cases, lang);
        }
        Detail::Inspection { .. } => inspection_lines(app, detail, &mut out),
        Detail::Person {
            person: p,
            employer,
        } => {
            // Full values only after a reason was given (and audited) for this view.
            let (id, phone, bank) = match revealed {
                Some(r) => (r.id_number.clone(), r.phone.clone(), r.bank_account.clone()),
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
            out.push(field(Field::Status, p.status.label(lang).to_string(), lang));
            out.push(field(Field::Hired, opt_date(p.hired_on), lang));
            if p.contribution_base > 0 {
                out.push(field(Field::Base, yuan(p.contribution_base), lang));
            }
            if p.pension_base > 0 {
                out.push(field(Field::Pension, yuan(p.pension_base), lang));
            }
            // What the screen shows now: masked, or in full after a reason.
            let note = match revealed {
                Some(_) => Field::RevealedNote,
                None => Field::MaskedNote,
            };
            out.push(Line::styled(
                format!("（{}）", note.label(lang)),
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
            c.channel.label(lang),
            c.decision.label(lang),
            clean(&c.facts)
        )));
    }
    for c in cases {
        out.push(Line::raw(format!(
            "  {} {} {} {}",
            c.registered_on,
            clean(&c.number),
            c.stage.label(lang),
            c.due_on.map_or(String::new(), |d| format!("→ {d}"))
        )));
    }
}

/// A filing's declaration as one line, every personal value in it masked:
/// by its key, by the field a change names (`{"field":"phone","new":…}`),
/// or by its shape, at any depth.
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
    // Scrolled past its end, the page still shows its last screen.
    let rows = usize::from(block.inner(area).height);
    let last = u16::try_from(body.len().saturating_sub(rows)).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(body)
            .block(block)
            .scroll((d.scroll.min(last), 0)),
        area,
    );
}

/// A licence: its holder, standing, inspections, ladder and what came of it.
fn licence_lines(app: &App, detail: &Detail, out: &mut Vec<Line<'static>>) {
    let lang = app.lang;
    let Detail::Licence {
        licence: l,
        inspections,
        sanctions,
        reviews,
        steps,
        standing: standing_row,
        leads,
        complaints,
        cases,
    } = detail
    else {
        return;
    };
    out.push(field(Field::Kind, l.kind.label(lang).to_string(), lang));
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
    // The standing with what set it and since when (吊销 by a case's decision…).
    let st = standing(l.status, l.expires_on, app.today, app.licence_warn_days);
    let st = match standing_row {
        Some(row) => i18n::standing_text(lang, row, st),
        None => i18n::standing_label(st, lang).to_string(),
    };
    out.push(field(Field::Status, st, lang));
    out.push(field(Field::Issued, l.issued_on.to_string(), lang));
    out.push(field(Field::Expires, opt_date(l.expires_on), lang));
    // 行政许可法 art 50: renewal applied for 30 days before the end.
    // Renewal only of one in force: a revoked licence renews nothing.
    if let (Some(e), LicenceStatus::Valid, kind) = (l.expires_on, l.status, l.kind) {
        let by = crate::domain::licence::renewal_due_for(kind, e);
        let label = if crate::domain::licence::is_agreement(kind) {
            Field::RenewAgreementBy
        } else {
            Field::RenewBy
        };
        out.push(field(label, by.to_string(), lang));
    }
    let history = History {
        inspections,
        sanctions,
        steps,
        leads,
        reviews,
    };
    licence_history(out, &history, app.today, lang);
    case_lines(out, complaints, cases, lang);
}

/// The findings as stored (`code: finding; …`), each check item named in
/// the screen's language rather than by its code.
fn findings_text(findings: &str, lang: Lang) -> String {
    findings
        .split("; ")
        .map(|one| match one.split_once(": ") {
            Some((code, text)) => match check_items::item_label(code, lang) {
                Some(label) => format!("{label}{}{}", lang.pick("：", ": "), clean(text)),
                None => clean(one),
            },
            None => clean(one),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

/// An inspection: what was checked, by whom, and what came of it.
fn inspection_lines(app: &App, detail: &Detail, out: &mut Vec<Line<'static>>) {
    let lang = app.lang;
    let Detail::Inspection {
        item,
        findings,
        inspectors,
        campaign,
        items,
        notice,
        ..
    } = detail
    else {
        return;
    };
    out.push(field(Field::Date, item.planned_on.to_string(), lang));
    out.push(field(Field::Number, clean(&item.licence_number), lang));
    out.push(field(Field::Holder, clean(&item.holder), lang));
    out.push(field(
        Field::Method,
        item.method.label(lang).to_string(),
        lang,
    ));
    out.push(field(
        Field::Result,
        item.result.label(lang).to_string(),
        lang,
    ));
    let names: Vec<String> = inspectors.iter().map(|s| clean(s)).collect();
    out.push(field(Field::Inspectors, names.join("、"), lang));
    out.push(field(
        Field::Findings,
        if findings.is_empty() {
            Field::None.label(lang).into()
        } else {
            findings_text(findings, lang)
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
        let name = check_items::item_label(code, lang).map_or_else(|| clean(code), String::from);
        let outcome = match outcome.as_str() {
            "na" => i18n::not_applicable(lang).to_string(),
            o => label(InspectionResult::parse, InspectionResult::label, o, lang),
        };
        out.push(Line::raw(format!("  {outcome} {name} {}", clean(finding))));
    }
}

/// What a licence's detail lists below its standing.
struct History<'a> {
    inspections: &'a [crate::store::InspectionRow],
    sanctions: &'a [crate::store::SanctionRow],
    steps: &'a [crate::store::SanctionStepRow],
    leads: &'a [crate::store::LeadRow],
    reviews: &'a [crate::store::AnnualReviewRow],
}

/// A licence's history: inspections, sanctions, ladder steps, leads and
/// annual reviews, each under its heading, newest first.
fn licence_history(
    out: &mut Vec<Line<'static>>,
    h: &History<'_>,
    today: chrono::NaiveDate,
    lang: Lang,
) {
    let History {
        inspections,
        sanctions,
        steps,
        leads,
        reviews,
    } = *h;
    out.push(heading(Field::Inspections, lang));
    if inspections.is_empty() {
        out.push(Line::raw(format!("  {}", Field::None.label(lang))));
    }
    for i in inspections {
        out.push(Line::raw(format!(
            "  {} {} {} {}",
            i.planned_on,
            i.method.label(lang),
            i.result.label(lang),
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
            s.kind.label(lang),
            s.status.label(lang),
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
                crate::domain::ladder::rectification_overdue(d, reinspected, today),
            );
            format!(" → {d}{state}")
        });
        let until = s
            .until_on
            .filter(|_| s.deadline.is_none())
            .map_or(String::new(), |u| format!(" ~{u}"));
        out.push(Line::raw(format!(
            "  {} {}{deadline}{until} {}",
            s.decided_on,
            s.step.label(lang),
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
            d.source.label(lang),
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
            if r.result == InspectionResult::Pending {
                Field::AwaitingReview.label(lang).to_string()
            } else {
                r.result.label(lang).to_string()
            }
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_name_their_check_items_in_the_screens_language() {
        let stored = "management: 未按规定配备专职管理人员; 其他情况";
        let zh = findings_text(stored, Lang::Zh);
        assert!(!zh.contains("management"), "{zh}");
        assert!(zh.ends_with("：未按规定配备专职管理人员；其他情况"), "{zh}");
        let en = findings_text(stored, Lang::En);
        assert!(
            en.starts_with("Chaotic management harming teaching: "),
            "{en}"
        );
    }
}

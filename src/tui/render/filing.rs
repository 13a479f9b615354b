//! A filing's detail: its kind, parties, how it came in (and the notice a
//! resubmission answers), its due date, its problems, its materials with the
//! clerk's notes, and what it declares, personal data masked.

use super::yuan;
use super::{field, heading, label};
use crate::domain::calendar::office_date;
use crate::domain::mask::{mask_id_number, mask_personal};
use crate::domain::*;
use crate::i18n::{self, Field, Lang};
use crate::tui::app::App;
use crate::tui::text::clean;
use chrono::Datelike;
use ratatui::text::Line;

/// What the store's filing detail holds.
pub(super) struct Filing<'a> {
    pub item: &'a crate::store::FilingItem,
    pub declared: &'a String,
    pub materials: &'a Vec<crate::store::MaterialLine>,
    pub decision: &'a Option<String>,
    pub reason: &'a String,
    pub average_wage: &'a Option<crate::store::FigureRow>,
    pub pension_figure: &'a Option<crate::store::FigureRow>,
    pub intake: &'a crate::store::FilingIntake,
}

pub(super) fn lines(
    app: &App,
    f: Filing<'_>,
    problems: Option<&[review::Problem]>,
    out: &mut Vec<Line<'static>>,
) {
    let lang = app.lang;
    let Filing {
        item,
        declared,
        materials,
        decision,
        reason,
        average_wage,
        pension_figure,
        intake,
    } = f;
    let received = office_date(item.received_at);
    let due = app.calendar.add_working_days(received, 10);
    out.push(field(Field::Kind, item.kind.label(lang).to_string(), lang));
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
    if let Some((original, notice, by)) = &intake.resubmits {
        out.push(field(Field::Resubmits, number(lang, *original), lang));
        out.push(heading(Field::NoticeAnswered, lang));
        // As it was sent: with the day it gave to correct by.
        let sent = i18n::notice_as_sent(notice, *by);
        for l in sent.lines().filter(|l| !l.trim().is_empty()) {
            out.push(Line::raw(format!("  {}", clean(l))));
        }
    }
    if let Some(by) = intake.resubmitted_by {
        out.push(field(Field::ResubmittedBy, number(lang, by), lang));
    }
    out.push(field(
        Field::Due,
        dated(lang, due.date, due.provisional),
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
    if item.kind == crate::domain::FilingKind::ContributionBase {
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
            "  {name}{optional}{}{}{note}",
            lang.pick("：", ": "),
            state.label(lang)
        )));
    }
    out.push(heading(Field::Declared, lang));
    out.extend(declared_lines(declared, lang));
    out.extend(declared_rows(declared, lang));
    if let Some(d) = decision {
        let said = match d.as_str() {
            "approve" => lang.pick("办结", "Approved"),
            "return" => lang.pick("退回更正", "Returned for correction"),
            other => other,
        };
        out.push(field(Field::Decision, clean(said), lang));
        // The reason or the notice, a line each as it was written.
        for l in reason.lines().filter(|l| !l.trim().is_empty()) {
            out.push(Line::raw(format!("  {}", clean(l))));
        }
        // The day the notice gave, as stored; provisional while its year's
        // holidays are unknown.
        if let Some(by) = intake.correction_due {
            let provisional = !app.calendar.is_published(by.year());
            out.push(field(
                Field::CorrectionDue,
                dated(lang, by, provisional),
                lang,
            ));
        }
    }
}

/// A date, said provisional when it rests on an unpublished holiday table.
fn dated(lang: Lang, date: chrono::NaiveDate, provisional: bool) -> String {
    if provisional {
        format!("{date}（{}）", i18n::provisional_note(lang))
    } else {
        date.to_string()
    }
}

/// What a filing declares, a labelled line a field in the screen's
/// language: amounts in yuan, codes as their words, personal data masked.
/// Something that is not a declaration the program wrote is shown masked.
fn declared_lines(declared: &str, lang: Lang) -> Vec<Line<'static>> {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(declared)
    else {
        return vec![Line::raw(format!(
            "  {}",
            clean(&masked_declaration(declared))
        ))];
    };
    let changed = map.get("field").and_then(|f| f.as_str());
    map.iter()
        // A yearly declaration's persons get a line each (declared_rows).
        .filter(|(k, v)| !(k.as_str() == "persons" && v.is_array()))
        .map(|(k, v)| {
            let known = declared_field(k);
            let label = known.map_or_else(
                || extra_label(k, lang).map_or_else(|| clean(k), str::to_string),
                |f| f.label(lang).to_string(),
            );
            let money = known.is_some_and(|f| f.ty == intake::FieldType::Yuan);
            let value = match (k.as_str(), v) {
                (_, serde_json::Value::Number(n)) if money => {
                    n.as_i64().map_or_else(|| n.to_string(), yuan)
                }
                ("reason", serde_json::Value::String(s)) => {
                    reason_label(s, lang).map_or_else(|| clean(s), str::to_string)
                }
                ("field", serde_json::Value::String(s)) => {
                    declared_field(s).map_or_else(|| clean(s), |f| f.label(lang).to_string())
                }
                // A changed detail's values are masked as the detail is.
                ("new" | "old", serde_json::Value::String(s)) => {
                    clean(&mask_personal(changed.unwrap_or(k), s))
                }
                (_, serde_json::Value::String(s)) => clean(&mask_personal(k, s)),
                (_, other) => clean(&masked_declaration(&other.to_string())),
            };
            Line::raw(format!("  {label}{}{value}", lang.pick("：", ": ")))
        })
        .collect()
}

/// The intake field a declaration's key is, in any form.
fn declared_field(code: &str) -> Option<&'static intake::Field> {
    intake::Form::ALL
        .iter()
        .flat_map(|f| f.fields().iter())
        .find(|f| f.code == code)
}

/// Keys a declaration holds that no form's field names.
fn extra_label(code: &str, lang: Lang) -> Option<&'static str> {
    Some(match code {
        "employer_uscc" => lang.pick("统一社会信用代码", "Credit code"),
        _ => return None,
    })
}

/// A cancellation's reason code as words.
fn reason_label(code: &str, lang: Lang) -> Option<&'static str> {
    Some(match code {
        "death" => lang.pick("死亡", "Death"),
        "emigration" => lang.pick("出国（境）定居", "Emigration"),
        "retirement" => lang.pick("退休", "Retirement"),
        "duplicate" => lang.pick("重复参保", "Enrolled twice"),
        "other-insurance" => lang.pick("参加其他社会保险", "Insured elsewhere"),
        _ => return None,
    })
}

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

#[cfg(test)]
mod tests {
    use super::{declared_lines, declared_rows, masked_declaration};
    use crate::i18n::Lang;

    fn lines(declared: &str, lang: Lang) -> Vec<String> {
        declared_lines(declared, lang)
            .iter()
            .map(|l| l.to_string())
            .collect()
    }

    #[test]
    fn a_declaration_reads_as_labelled_fields_in_the_screens_language() {
        // Issue 21, point 6: no `key=value`, fen or codes on screen.
        let change = r#"{"employer_uscc":"91130110MA0AB9Y8K1","field":"phone","id_number":"130110199003070015","new":"17712345693","old":"13812345678"}"#;
        let zh = lines(change, Lang::Zh);
        assert!(zh.contains(&"  变更项目：联系电话".to_string()), "{zh:?}");
        assert!(zh.contains(&"  新值：177****5693".to_string()), "{zh:?}");
        assert!(
            zh.iter().any(|l| l.starts_with("  统一社会信用代码：")),
            "{zh:?}"
        );
        assert!(zh.iter().all(|l| !l.contains('=')), "{zh:?}");
        let en = lines(change, Lang::En);
        assert!(en.contains(&"  Field changed: Phone".to_string()), "{en:?}");
        assert!(
            en.iter().all(|l| !l.contains('：')),
            "no Chinese colon: {en:?}"
        );
        let base = lines(
            r#"{"base":1393544,"statement_wage_total":161710822,"year":2026}"#,
            Lang::Zh,
        );
        assert!(
            base.contains(&"  缴费基数（元）：13,935.44".to_string()),
            "{base:?}"
        );
        assert!(
            base.contains(&"  财务报表工资总额（元）：1,617,108.22".to_string()),
            "{base:?}"
        );
        let cancel = lines(r#"{"reason":"emigration"}"#, Lang::En);
        assert_eq!(cancel, ["  Reason: Emigration"]);
    }

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

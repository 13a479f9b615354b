//! The case queue's overlays: its views, a case's steps, a step to confirm
//! with the documents it issues, the decision form, and the assignment.

use super::super::app::{App, Overlay};
use super::super::casework::DecideForm;
use super::super::step_form::{StepField, StepInputs, fields};
use super::super::text::{clean, fit_end, width};
use super::overlay::{FORM_WIDTH, boxed};
use crate::domain::{CaseFileKind, CaseMove, DecisionKind, fines};
use crate::i18n::{self, Lang};
use ratatui::Frame;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

fn chosen(text: String, on: bool) -> Line<'static> {
    if on {
        Line::styled(
            text,
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    } else {
        Line::raw(text)
    }
}

fn keys(lang: Lang, zh: &str, en: &str) -> Line<'static> {
    Line::styled(
        lang.pick(zh, en).to_string(),
        Style::new().add_modifier(Modifier::BOLD),
    )
}

/// A form's keys, broken over as many lines as the box needs: the end of
/// the line (`Esc` keeps the draft) is never cut off.
fn wrapped_keys(lang: Lang, zh: &str, en: &str) -> Vec<Line<'static>> {
    // Broken between the keys (at " · "), never inside one.
    let room = usize::from(FORM_WIDTH - 2);
    let mut rows: Vec<String> = Vec::new();
    for item in lang.pick(zh, en).split(" · ") {
        match rows.last_mut() {
            Some(row) if width(row) + 3 + width(item) <= room => {
                row.push_str(" · ");
                row.push_str(item);
            }
            _ => rows.push(item.to_string()),
        }
    }
    rows.into_iter()
        .flat_map(|r| crate::tui::wrap::wrap(keys(lang, &r, &r), room))
        .collect()
}

/// Scrolls so the cursor's row stays in the box (18 rows inside).
fn scroll_for(cursor: usize) -> u16 {
    cursor.saturating_sub(16) as u16
}

pub fn render(frame: &mut Frame, app: &App) {
    let lang = app.lang;
    match &app.overlay {
        Some(Overlay::CaseViews { cursor }) => {
            // The complaints inbox first (its label holds its counts), then
            // each built-in view with how many cases it holds, right-aligned.
            let counts = app.cases.view_counts.as_deref().unwrap_or_default();
            let lines = std::iter::once((app.inbox_label(), None))
                .chain(
                    app.view_choices(lang)
                        .into_iter()
                        .enumerate()
                        .map(|(i, (label, _, _))| (label, counts.get(i))),
                )
                .enumerate()
                .map(|(i, (label, count))| {
                    let label = format!(" {}", clean(&label));
                    let text = match count {
                        Some(n) => {
                            let n = n.to_string();
                            let pad = 70usize.saturating_sub(width(&label) + width(&n));
                            format!("{label}{}{n}", " ".repeat(pad))
                        }
                        None => label,
                    };
                    chosen(text, i == *cursor)
                })
                .collect();
            boxed(
                frame,
                app,
                lang.pick(
                    "案件视图（上下键选择 · Enter 选定 · Esc 关闭）",
                    "Case views (Up/Down, Enter chooses, Esc closes)",
                ),
                lines,
                scroll_for(*cursor),
            );
        }
        Some(Overlay::CaseMoves { moves, cursor, .. }) => {
            let lines = moves
                .iter()
                .enumerate()
                .map(|(i, m)| chosen(format!(" {}", m.label(lang)), i == *cursor))
                .collect();
            boxed(
                frame,
                app,
                lang.pick(
                    "可办理的步骤（Enter 选定 · Esc 关闭）",
                    "Steps that can be taken (Enter chooses, Esc closes)",
                ),
                lines,
                scroll_for(*cursor),
            );
        }
        Some(Overlay::SaveView { name }) => boxed(
            frame,
            app,
            lang.pick("保存当前视图", "Save the current view"),
            vec![
                Line::styled(
                    format!("{}{}_", lang.pick("名称：", "Name: "), clean(name)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                keys(lang, "Enter 保存 · Esc 取消", "Enter saves · Esc cancels"),
            ],
            0,
        ),
        Some(Overlay::BulkMoves { ids, moves, cursor }) => {
            let lines = moves
                .iter()
                .enumerate()
                .map(|(i, m)| chosen(format!(" {}", m.label(lang)), i == *cursor))
                .collect();
            boxed(
                frame,
                app,
                &i18n::bulk_title(lang, ids.len()),
                lines,
                scroll_for(*cursor),
            );
        }
        Some(Overlay::CaseConfirm {
            step,
            documents,
            note,
            form,
            ..
        }) => confirm(frame, app, *step, documents, note, form),
        Some(Overlay::CaseDecide(form)) => decide(frame, app, form),
        Some(Overlay::Assign {
            staff,
            chosen: picked,
            cursor,
            ..
        }) => {
            let mut lines: Vec<Line<'static>> = staff
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mark = match picked.iter().position(|p| *p == i) {
                        Some(0) => lang.pick("[承办]", "[officer]").to_string(),
                        Some(_) => "[x]".to_string(),
                        None => "[ ]".to_string(),
                    };
                    chosen(
                        format!(
                            " {mark} {} ({}) · {}",
                            clean(&s.name),
                            clean(&s.login),
                            i18n::open_cases(lang, s.open_cases)
                        ),
                        i == *cursor,
                    )
                })
                .collect();
            lines.push(Line::raw(""));
            lines.push(keys(
                lang,
                "空格 选择（第一位为承办人）· Enter 指派 · Esc 关闭",
                "Space chooses (the first is the case officer) · Enter assigns · Esc closes",
            ));
            boxed(
                frame,
                app,
                lang.pick("指派监察员（至少2名）", "Assign inspectors (two at least)"),
                lines,
                scroll_for(*cursor),
            );
        }
        _ => {}
    }
}

fn confirm(
    frame: &mut Frame,
    app: &App,
    step: CaseMove,
    documents: &[CaseFileKind],
    note: &str,
    form: &StepInputs,
) {
    let lang = app.lang;
    let mut lines = vec![Line::raw(lang.pick(
        "办理这一步将出具并归入案卷：",
        "This step issues and files:",
    ))];
    if documents.is_empty() {
        lines.push(Line::raw(format!("  {}", lang.pick("（无）", "(nothing)"))));
    }
    for d in documents {
        lines.push(Line::raw(format!("  · {}", d.label(lang))));
    }
    lines.push(Line::raw(""));
    let focused = form.focused(step);
    for f in fields(step) {
        let value = match f {
            StepField::Note => clean(note),
            StepField::On => clean(&form.on),
            StepField::ServedBy => format!("< {} >", form.method().label(lang)),
            StepField::ApprovedBy => clean(&form.approved_by),
            StepField::Until => clean(&form.until),
        };
        let here = f == focused;
        let cursor = if here && f != StepField::ServedBy {
            "_"
        } else {
            ""
        };
        lines.push(chosen(
            format!("{}{value}{cursor}", f.label(step, lang)),
            here,
        ));
    }
    if let Some(e) = &form.error {
        lines.push(Line::styled(clean(e), Style::new().fg(Color::Red)));
    }
    lines.push(keys(
        lang,
        "Tab 下一项 · Enter 确认办理 · Esc 取消",
        "Tab next field · Enter takes the step · Esc cancels",
    ));
    boxed(frame, app, step.label(lang), lines, 0);
}

fn decide(frame: &mut Frame, app: &App, f: &DecideForm) {
    let lang = app.lang;
    let mut lines: Vec<Line<'static>> = vec![Line::raw(lang.pick("处罚依据：", "Article:"))];
    // A fine's list names the article; a licence penalty's its kind too.
    let licence = f.choices.iter().any(|(k, _)| *k != DecisionKind::Fine);
    for (i, (kind, code)) in f.choices.iter().enumerate() {
        let Some(a) = fines::article(code) else {
            continue;
        };
        let mark = if i == f.article { ">" } else { " " };
        let text = if licence {
            format!(
                " {mark} {}{}{}",
                kind.label(lang),
                lang.pick("：", ": "),
                lang.pick(a.zh, a.en)
            )
        } else {
            format!(" {mark} {}", lang.pick(a.zh, a.en))
        };
        lines.push(chosen(text, f.field == 0 && i == f.article));
    }
    lines.push(Line::raw(""));
    let inputs = [
        (1, lang.pick("罚款金额（元）：", "Fine (yuan): "), &f.fine),
        (
            2,
            lang.pick("受侵害劳动者人数：", "Affected workers: "),
            &f.workers,
        ),
        (
            3,
            lang.pick("应付金额（元）：", "Amount owed (yuan): "),
            &f.owed,
        ),
        (
            4,
            lang.pick("决定日期（空为今天）：", "Decided on (empty: today): "),
            &f.on,
        ),
    ];
    for (n, label, value) in inputs {
        let cursor = if f.field == n { "_" } else { "" };
        lines.push(chosen(
            format!(" {label}{}{cursor}", clean(value)),
            f.field == n,
        ));
    }
    if let Some(e) = &f.error {
        lines.push(Line::styled(
            clean(e),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    lines.push(if f.step == CaseMove::Decide {
        keys(
            lang,
            "Tab 下一项 · 上下键选条款 · Enter 作出决定 · Esc 取消",
            "Tab next field · Up/Down article · Enter decides · Esc cancels",
        )
    } else {
        keys(
            lang,
            "Tab 下一项 · 上下键选拟作出的处罚 · Enter 送达告知 · Esc 取消",
            "Tab next field · Up/Down the penalty proposed · Enter serves the notice · Esc cancels",
        )
    });
    boxed(frame, app, f.step.label(lang), lines, 0);
}

/// A form: each field on its line, the focused one marked, choices shown.
pub fn form(frame: &mut Frame, app: &App, f: &crate::tui::form::Form) {
    use crate::tui::form::Kind;
    let lang = app.lang;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, field) in f.fields.iter().enumerate() {
        let focus = i == f.focus;
        let value = match &field.kind {
            Kind::Text | Kind::Date => {
                format!("{}{}", clean(&field.text), if focus { "_" } else { "" })
            }
            Kind::OneOf(o) => o
                .get(field.choice)
                .map_or(String::new(), |(_, l)| format!("< {} >", clean(l))),
            Kind::AnyOf(o) => o
                .iter()
                .enumerate()
                .filter(|(j, _)| field.picks[*j] || (focus && *j == field.cursor))
                .map(|(j, (_, l))| {
                    let mark = if field.picks[j] { "[x]" } else { "[ ]" };
                    let at = if focus && j == field.cursor { ">" } else { "" };
                    format!("{at}{mark}{}", clean(l))
                })
                .collect::<Vec<_>>()
                .join(" "),
            Kind::Flag => if field.flag { "[x]" } else { "[ ]" }.to_string(),
            Kind::Check => format!("< {} >", crate::i18n::check_outcome(lang, field.choice)),
            Kind::Material => format!("< {} >", crate::i18n::material_state(lang, field.choice)),
        };
        lines.push(chosen(
            format!(" {}{}{value}", field.label, lang.pick("：", ": ")),
            focus,
        ));
        // Records to choose from, each whole on its line (wrapped if need be).
        if let (true, Kind::OneOf(o)) = (focus && field.listed, &field.kind) {
            for (j, (_, label)) in o.iter().enumerate() {
                let mark = if j == field.choice { "  ▶ " } else { "    " };
                let line = Line::raw(format!("{mark}{}", clean(label)));
                let rows = crate::tui::wrap::wrap(line, usize::from(FORM_WIDTH - 2));
                for row in rows {
                    lines.push(if j == field.choice {
                        row.style(Style::new().add_modifier(Modifier::BOLD))
                    } else {
                        row
                    });
                }
            }
        }
        // A failed item's finding on a line of its own, its end in view as it is typed.
        if field.kind.ticked() && field.choice == 2 {
            let cursor = if focus { "_" } else { "" };
            let room = usize::from(FORM_WIDTH).saturating_sub(12);
            lines.push(chosen(
                format!(
                    "     {}{}",
                    if field.kind == Kind::Check {
                        crate::i18n::finding_label(lang)
                    } else {
                        crate::i18n::note_label(lang)
                    },
                    fit_end(&format!("{}{cursor}", clean(&field.text)), room)
                ),
                focus,
            ));
        }
    }
    // Said whole, over as many lines as it needs: a refusal names the
    // report's path and the first problem, which a clipped line would lose.
    if let Some(e) = &f.error {
        let line = Line::styled(clean(e), Style::new().add_modifier(Modifier::BOLD));
        lines.extend(crate::tui::wrap::wrap(
            line,
            usize::from(FORM_WIDTH).saturating_sub(2),
        ));
    }
    if f.fields.iter().any(|x| x.kind == Kind::Material) {
        lines.extend(wrapped_keys(
            lang,
            "Tab 下一项 ←→ 有效/无效/未交 输入即记备注 F3 其余有效 F2 收件 Esc 暂存",
            "Tab next ←→ valid/invalid/missing type a note F3 rest valid F2 receive Esc keep",
        ));
    } else if f.fields.iter().any(|x| x.kind == Kind::Check) {
        lines.extend(wrapped_keys(
            lang,
            "Tab 下一项 ←→ 合格/不合格/不适用 输入即记问题 F3 其余合格 F2 登记 Esc 暂存",
            "Tab next ←→ passed/failed/n.a. type a finding F3 rest passed F2 record Esc keep",
        ));
    } else {
        lines.extend(wrapped_keys(
            lang,
            "Enter/Tab 下一项 · 左右键选择 · 空格 勾选 · F2 或 Ctrl-S 登记 · Esc 暂存关闭",
            "Enter/Tab next · Left/Right choose · Space ticks · F2 or Ctrl-S registers · Esc keeps and closes",
        ));
    }
    boxed(frame, app, &f.title, lines, 0);
}

//! `hrss-desk cases show ID`: a case whole, as text or JSON. Every text from
//! the database is made printable; personal data arrives masked.

use super::Failure;
use crate::domain::{
    CaseSource, CaseStage, DecisionKind, InspectionMatter, PartyKind, ServiceMethod,
};
use crate::i18n::{Lang, case_show_label as label, printable, yuan};
use crate::workflow::case_acts::{CaseShown, file_label, step_label};
use std::io::Write;
use std::process::ExitCode;

pub fn print(lang: Lang, c: &CaseShown, json: bool) -> Result<ExitCode, Failure> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = Failure::output;
    if json {
        crate::cli::write_json(&mut out, c)?;
        writeln!(out).map_err(io)?;
        out.flush().map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let code_label = |code: &str, l: Option<&'static str>| {
        l.map_or_else(|| printable(code).into_owned(), String::from)
    };
    let stage = code_label(&c.stage, CaseStage::parse(&c.stage).map(|s| s.label(lang)));
    let source = code_label(
        &c.source,
        CaseSource::parse(&c.source).map(|s| s.label(lang)),
    );
    let kind = code_label(
        &c.respondent_kind,
        PartyKind::parse(&c.respondent_kind).map(|s| s.label(lang)),
    );
    let matters: Vec<String> = c
        .matters
        .iter()
        .map(|m| code_label(m, InspectionMatter::parse(m).map(|s| s.label(lang))))
        .collect();
    let sep = lang.pick("、", ", ");
    let mut lines = vec![
        format!("{}\t{}", label(lang, "number"), printable(&c.number)),
        format!("{}\t{stage}", label(lang, "stage")),
        format!("{}\t{source}", label(lang, "source")),
        format!(
            "{}\t{}（{kind}）",
            label(lang, "respondent"),
            printable(&c.respondent)
        ),
        format!("{}\t{}", label(lang, "matters"), matters.join(sep)),
    ];
    if c.anonymous {
        lines.push(format!(
            "{}\t{}",
            label(lang, "anonymous"),
            lang.pick("是", "yes")
        ));
    } else if !c.informant.is_empty() {
        lines.push(format!(
            "{}\t{} {}",
            label(lang, "informant"),
            printable(&c.informant),
            printable(&c.informant_phone)
        ));
    }
    if !c.decision.is_empty() || c.fine_fen > 0 {
        let kind = DecisionKind::parse(&c.decision).map_or("", |k| k.label(lang));
        let article = crate::domain::fines::article(&c.article).map_or_else(
            || printable(&c.article).into_owned(),
            |a| lang.pick(a.zh, a.en).to_string(),
        );
        lines.push(format!(
            "{}\t{kind} {article} {}{}",
            label(lang, "decision"),
            yuan(c.fine_fen),
            lang.pick("元", " yuan")
        ));
    }
    if let Some(d) = c.order_deadline {
        lines.push(format!("{}\t{d}", label(lang, "order_deadline")));
    }
    if c.served_on.is_some() && c.fine_fen > 0 {
        lines.push(format!(
            "{}\t{}  {} {}  {} {}  {} {}{}",
            label(lang, "owed"),
            c.pay_by.map_or(String::new(), |d| d.to_string()),
            label(lang, "paid"),
            yuan(c.paid_fen),
            label(lang, "late_fee"),
            yuan(c.late_fee_fen),
            label(lang, "outstanding"),
            yuan(c.outstanding_fen),
            lang.pick("元", " yuan"),
        ));
    }
    if let (Some(d), Some(how)) = (c.next_deadline, &c.deadline_explained) {
        let flag = if c.overdue {
            lang.pick("（已超期）", " (OVERDUE)")
        } else {
            ""
        };
        lines.push(format!(
            "{}\t{d}{flag}  {}",
            label(lang, "next"),
            printable(how)
        ));
    }
    lines.push(label(lang, "history").to_string());
    for h in &c.history {
        let day = h.on.map_or_else(
            || h.recorded_at.chars().take(10).collect(),
            |d| d.to_string(),
        );
        let served = h
            .served_by
            .as_deref()
            .and_then(ServiceMethod::parse)
            .map_or("", |s| s.label(lang));
        lines.push(format!(
            "  {day}\t{}\t{served}\t{}\t{}{}",
            printable(&step_label(lang, &h.step)),
            printable(&h.recorded_at),
            printable(h.recorded_by.as_deref().unwrap_or("")),
            if h.note.is_empty() {
                String::new()
            } else {
                format!("\t{}", printable(&h.note))
            }
        ));
    }
    if !c.payments.is_empty() {
        lines.push(label(lang, "payments").to_string());
        for p in &c.payments {
            lines.push(format!(
                "  {}\t{}{}\t{}",
                p.on,
                yuan(p.amount_fen),
                lang.pick("元", " yuan"),
                printable(&p.receipt)
            ));
        }
    }
    lines.push(label(lang, "files").to_string());
    for f in &c.files {
        lines.push(format!(
            "  {}\t{}\t{}",
            f.on,
            printable(&file_label(lang, &f.kind)),
            printable(&f.kept_at)
        ));
    }
    for l in lines {
        writeln!(out, "{l}").map_err(io)?;
    }
    out.flush().map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

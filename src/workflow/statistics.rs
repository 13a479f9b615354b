//! The statistics pane's month, and the same figures as the monthly report
//! the chief sends upward (`.xlsx`, a sheet a table).

use crate::domain::calendar::office_offset;
use crate::domain::statistics::{self, Month, MonthFigures};
use crate::domain::{CaseStage, InspectionMatter};
use crate::i18n::{self, Lang};
use crate::store::{Dashboard, Store};
use chrono::{NaiveDate, TimeZone};
use std::path::Path;

/// The month's figures, counted from its records and the eleven before.
pub async fn load(store: &Store, lang: Lang, month: Month) -> Result<MonthFigures, String> {
    // The twelve months up to this one, and nothing after it.
    let from = month.last_twelve()[0].first_day();
    let until = month.next().first_day();
    let instant = |day: NaiveDate| {
        office_offset()
            .from_local_datetime(&day.and_hms_opt(0, 0, 0).expect("midnight"))
            .single()
            .expect("a fixed offset")
            .with_timezone(&chrono::Utc)
    };
    let records = store
        .statistics_records((instant(from), from), (instant(until), until))
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    Ok(statistics::figures(&records, month))
}

fn matter_label(lang: Lang, code: &str) -> String {
    InspectionMatter::parse(code).map_or_else(|| code.to_string(), |m| m.label(lang).to_string())
}

/// A cell of the report: text, a whole number, or a date (a date cell with
/// a date format, as a spreadsheet sorts and counts it).
#[derive(Debug, Clone, PartialEq)]
enum Put {
    Text(String),
    Number(u64),
    Day(NaiveDate),
}

fn put(
    s: &mut rust_xlsxwriter::Worksheet,
    (row, col): (u32, u16),
    cell: &Put,
    date: &rust_xlsxwriter::Format,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    use chrono::Datelike;
    match cell {
        Put::Text(t) => s.write_string(row, col, t).map(drop),
        Put::Number(n) => s.write_number(row, col, *n as f64).map(drop),
        Put::Day(d) => {
            let x = rust_xlsxwriter::ExcelDateTime::from_ymd(
                d.year() as u16,
                d.month() as u8,
                d.day() as u8,
            )?;
            s.write_datetime_with_format(row, col, &x, date).map(drop)
        }
    }
}

/// One sheet: `top` lines first (the title, the office, the period), then
/// the head in bold and the rows.
fn sheet(
    book: &mut rust_xlsxwriter::Workbook,
    name: &str,
    top: &[Vec<Put>],
    head: &[String],
    rows: &[Vec<Put>],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::Format;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let s = book.add_worksheet();
    s.set_name(name)?;
    for (i, r) in top.iter().enumerate() {
        for (j, c) in r.iter().enumerate() {
            put(s, (i as u32, j as u16), c, &date)?;
        }
    }
    let at = if top.is_empty() { 0 } else { top.len() + 1 } as u32;
    for (j, t) in head.iter().enumerate() {
        s.write_string_with_format(at, j as u16, t, &bold)?;
        s.set_column_width(j as u16, 18)?;
    }
    for (i, r) in rows.iter().enumerate() {
        for (j, c) in r.iter().enumerate() {
            put(s, (at + 1 + i as u32, j as u16), c, &date)?;
        }
    }
    Ok(())
}

/// The summary's head: the title, the office, and the month's first and
/// last days as dates.
fn summary_top(lang: Lang, month: Month, office: &str) -> Vec<Vec<Put>> {
    let last = month.next().first_day() - chrono::Days::new(1);
    let label = |zh: &str, en: &str| Put::Text(lang.pick(zh, en).to_string());
    vec![
        vec![Put::Text(i18n::month_report_title(
            lang,
            month.year,
            month.month,
        ))],
        vec![label("填报单位", "Office"), Put::Text(office.to_string())],
        vec![
            label("统计期间（起）", "Period from"),
            Put::Day(month.first_day()),
        ],
        vec![label("统计期间（止）", "Period to"), Put::Day(last)],
    ]
}

/// Cases opened and closed in the month by matter: every matter the
/// program knows, then any other code met.
fn matter_rows(lang: Lang, f: &MonthFigures) -> Vec<Vec<Put>> {
    let count = |code: &str| {
        f.matters_opened_closed
            .iter()
            .find(|(m, ..)| m == code)
            .map_or((0, 0), |(_, o, c)| (*o, *c))
    };
    let known = InspectionMatter::ALL.iter().map(|m| m.code().to_string());
    let other = f
        .matters_opened_closed
        .iter()
        .map(|(m, ..)| m.clone())
        .filter(|m| InspectionMatter::parse(m).is_none());
    known
        .chain(other)
        .map(|code| {
            let (o, c) = count(&code);
            vec![
                Put::Text(matter_label(lang, &code)),
                Put::Number(o),
                Put::Number(c),
            ]
        })
        .collect()
}

/// Cases registered in the month by matter, and cases now in each stage.
fn case_rows(lang: Lang, f: &MonthFigures, d: &Dashboard) -> Vec<Vec<Put>> {
    let h = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let t = |x: String| Put::Text(x);
    let n = Put::Number;
    f.by_matter
        .iter()
        .map(|(m, x)| {
            vec![
                t(h("本月事项", "matter (month)")),
                t(matter_label(lang, m)),
                n(*x),
            ]
        })
        .chain(CaseStage::ALL.iter().map(|s| {
            let k = d
                .cases_by_stage
                .iter()
                .find(|(x, _)| x == s.code())
                .map_or(0, |(_, k)| *k);
            vec![
                t(h("阶段（当前）", "stage (now)")),
                t(s.label(lang).to_string()),
                n(k as u64),
            ]
        }))
        .collect()
}

/// Writes the monthly report: its title, the office and the period, the
/// month's figures and today's standing (cases by stage, what is overdue,
/// rectifications awaited), cases opened and closed by matter.
pub fn write_report(
    lang: Lang,
    month: Month,
    office: &str,
    (f, d): (&MonthFigures, &Dashboard),
    audit_head: &(i64, String),
    path: &Path,
) -> Result<(), String> {
    let e = |x: rust_xlsxwriter::XlsxError| x.to_string();
    let mut book = rust_xlsxwriter::Workbook::new();
    let h = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let t = |x: String| Put::Text(x);
    let n = Put::Number;
    let c = &d.counts;
    let summary: Vec<Vec<Put>> = i18n::month_figures(lang, f)
        .into_iter()
        .map(|(label, x)| vec![t(label.to_string()), n(x)])
        .chain([
            vec![
                t(h("待审核申报（当前）", "Pending filings (now)")),
                n(c.pending_filings as u64),
            ],
            vec![
                t(h("在办案件（当前）", "Open cases (now)")),
                n(c.open_cases as u64),
            ],
            vec![
                t(h("超期案件（当前）", "Overdue cases (now)")),
                n(c.overdue_cases as u64),
            ],
            vec![
                t(h(
                    "逾期未复查的整改（当前）",
                    "Rectifications overdue (now)",
                )),
                n(d.rectifications_overdue as u64),
            ],
            // Printed and filed, the head is an anchor outside the
            // database (`audit verify` shows the same two values).
            vec![
                t(h("审计日志头（当前）", "Audit log head (now)")),
                t(format!("#{} {}", audit_head.0, audit_head.1)),
            ],
        ])
        .collect();
    sheet(
        &mut book,
        &h("概况", "Summary"),
        &summary_top(lang, month, office),
        &[h("项目", "Figure"), month.to_string()],
        &summary,
    )
    .map_err(e)?;
    let by_clerk: Vec<Vec<Put>> = f
        .by_clerk
        .iter()
        .map(|(who, a, r)| vec![t(who.clone()), n(*a), n(*r)])
        .collect();
    sheet(
        &mut book,
        &h("按经办人", "By clerk"),
        &[],
        &[
            h("经办人", "Clerk"),
            h("办结", "Approved"),
            h("退回", "Returned"),
        ],
        &by_clerk,
    )
    .map_err(e)?;
    let by_day: Vec<Vec<Put>> = f
        .by_day
        .iter()
        .enumerate()
        .map(|(i, x)| {
            vec![
                Put::Day(month.first_day() + chrono::Days::new(i as u64)),
                n(*x),
            ]
        })
        .collect();
    sheet(
        &mut book,
        &h("按日", "By day"),
        &[],
        &[h("日期", "Day"), h("办结与退回", "Decided")],
        &by_day,
    )
    .map_err(e)?;
    let cases = case_rows(lang, f, d);
    sheet(
        &mut book,
        &h("案件", "Cases"),
        &[],
        &[h("类别", "By"), h("名称", "Name"), h("件数", "Cases")],
        &cases,
    )
    .map_err(e)?;
    sheet(
        &mut book,
        &h("按事项", "By matter"),
        &[],
        &[
            h("事项", "Matter"),
            h("本月立案", "Opened this month"),
            h("本月结案", "Closed this month"),
        ],
        &matter_rows(lang, f),
    )
    .map_err(e)?;
    let twelve: Vec<Vec<Put>> = f
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                t(m.to_string()),
                n(f.decided_series[i]),
                n(f.cases_series[i]),
                n(f.inspections_series[i]),
            ]
        })
        .collect();
    sheet(
        &mut book,
        &h("近12个月", "12 months"),
        &[],
        &[
            h("月份", "Month"),
            h("办结与退回", "Filings decided"),
            h("登记案件", "Cases registered"),
            h("完成检查", "Inspections done"),
        ],
        &twelve,
    )
    .map_err(e)?;
    let bytes = book.save_to_buffer().map_err(e)?;
    crate::sheet::write_private(path, &bytes).map_err(|x| x.to_string())
}

/// Where the report from the screen goes: the home folder.
pub fn report_path(month: Month) -> std::path::PathBuf {
    let dir = dirs::home_dir().unwrap_or_else(|| std::path::PathBuf::from("."));
    dir.join(format!("hrss-desk-report-{month}.xlsx"))
}

/// Reads and writes the month's report. Ok is the sentence to show.
pub async fn report(
    store: &Store,
    lang: Lang,
    month: Month,
    today: NaiveDate,
    path: &Path,
) -> Result<String, String> {
    let f = load(store, lang, month).await?;
    let years = store
        .calendar_years()
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    let soon = crate::domain::WorkCalendar::from_years(&years)
        .add_working_days(today, 5)
        .date;
    let d = store
        .dashboard(today, soon)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    let head = store
        .audit_head()
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .unwrap_or((0, crate::domain::audit::GENESIS.to_string()));
    let office = super::documents::office_name(store).await;
    write_report(lang, month, &office, (&f, &d), &head, path)
        .map_err(|e| i18n::list_export_failed(lang, &format!("{}: {e}", path.display())))?;
    Ok(i18n::report_written(
        lang,
        &month.to_string(),
        &path.display().to_string(),
    ))
}

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

/// Writes the monthly report: the month's figures and today's standing
/// (cases by stage, what is overdue, rectifications awaited).
pub fn write_report(
    lang: Lang,
    month: Month,
    f: &MonthFigures,
    d: &Dashboard,
    audit_head: &(i64, String),
    path: &Path,
) -> Result<(), String> {
    use rust_xlsxwriter::{Format, Workbook};
    let e = |x: rust_xlsxwriter::XlsxError| x.to_string();
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let h = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let mut sheet =
        |name: String, head: Vec<String>, rows: Vec<Vec<String>>| -> Result<(), String> {
            let s = book.add_worksheet();
            s.set_name(&name).map_err(e)?;
            for (j, t) in head.iter().enumerate() {
                s.write_string_with_format(0, j as u16, t, &bold)
                    .map_err(e)?;
                s.set_column_width(j as u16, 18).map_err(e)?;
            }
            for (i, r) in rows.iter().enumerate() {
                for (j, t) in r.iter().enumerate() {
                    match t.parse::<f64>() {
                        Ok(n) => s.write_number((i + 1) as u32, j as u16, n).map_err(e)?,
                        Err(_) => s.write_string((i + 1) as u32, j as u16, t).map_err(e)?,
                    };
                }
            }
            Ok(())
        };
    let n = |x: u64| x.to_string();
    let c = &d.counts;
    sheet(
        h("概况", "Summary"),
        vec![h("项目", "Figure"), month.to_string()],
        i18n::month_figures(lang, f)
            .into_iter()
            .map(|(label, x)| vec![label.to_string(), n(x)])
            .chain([
                vec![
                    h("待审核申报（当前）", "Pending filings (now)"),
                    c.pending_filings.to_string(),
                ],
                vec![
                    h("在办案件（当前）", "Open cases (now)"),
                    c.open_cases.to_string(),
                ],
                vec![
                    h("超期案件（当前）", "Overdue cases (now)"),
                    c.overdue_cases.to_string(),
                ],
                vec![
                    h("逾期未复查的整改（当前）", "Rectifications overdue (now)"),
                    d.rectifications_overdue.to_string(),
                ],
                // Printed and filed, the head is an anchor outside the
                // database (`audit verify` shows the same two values).
                vec![
                    h("审计日志头（当前）", "Audit log head (now)"),
                    format!("#{} {}", audit_head.0, audit_head.1),
                ],
            ])
            .collect(),
    )?;
    sheet(
        h("按经办人", "By clerk"),
        vec![
            h("经办人", "Clerk"),
            h("办结", "Approved"),
            h("退回", "Returned"),
        ],
        f.by_clerk
            .iter()
            .map(|(who, a, r)| vec![who.clone(), n(*a), n(*r)])
            .collect(),
    )?;
    sheet(
        h("按日", "By day"),
        vec![h("日期", "Day"), h("办结与退回", "Decided")],
        f.by_day
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let day = month.first_day() + chrono::Days::new(i as u64);
                vec![day.to_string(), n(*x)]
            })
            .collect(),
    )?;
    sheet(
        h("案件", "Cases"),
        vec![h("类别", "By"), h("名称", "Name"), h("件数", "Cases")],
        f.by_matter
            .iter()
            .map(|(m, x)| {
                vec![
                    h("本月事项", "matter (month)"),
                    matter_label(lang, m),
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
                    h("阶段（当前）", "stage (now)"),
                    s.label(lang).to_string(),
                    k.to_string(),
                ]
            }))
            .collect(),
    )?;
    sheet(
        h("近12个月", "12 months"),
        vec![
            h("月份", "Month"),
            h("办结与退回", "Filings decided"),
            h("登记案件", "Cases registered"),
            h("完成检查", "Inspections done"),
        ],
        f.months
            .iter()
            .enumerate()
            .map(|(i, m)| {
                vec![
                    m.to_string(),
                    n(f.decided_series[i]),
                    n(f.cases_series[i]),
                    n(f.inspections_series[i]),
                ]
            })
            .collect(),
    )?;
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
    write_report(lang, month, &f, &d, &head, path)
        .map_err(|e| i18n::list_export_failed(lang, &format!("{}: {e}", path.display())))?;
    Ok(i18n::report_written(
        lang,
        &month.to_string(),
        &path.display().to_string(),
    ))
}

//! Exporting a list as the office's spreadsheets take it: `.xlsx`, or CSV
//! in UTF-8 with a byte-order mark or in GB18030 (as Excel and WPS in China
//! open it). The same rows as the screen's list with its filter, every one
//! of them; ID numbers masked unless a clerk or chief asks with a reason,
//! and every export written to the audit log.

use crate::domain::calendar::office_date;
use crate::domain::mask::mask_id_number;
use crate::domain::{FilingStatus, Staff, WorkCalendar};
use crate::i18n::{self, Lang};
use crate::sheet::Cell;
use crate::store::{Direction, ListItem, ListKind, PageRequest, QueueScope, Store};
use crate::workflow::Cx;
use chrono::NaiveDate;
use std::path::Path;

/// A list as a table: a title (the sheet's name), the head, the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The columns holding yuan (shown with two decimals).
    pub money: Vec<usize>,
}

/// The file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    CsvUtf8,
    CsvGb18030,
}

impl Format {
    /// By the file's ending, and for CSV the encoding named (UTF-8 by default).
    pub fn of(path: &Path, encoding: Option<&str>) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match (ext.as_str(), encoding.map(crate::sheet::encoding_named)) {
            ("xlsx", None) => Some(Format::Xlsx),
            ("csv" | "txt", None) => Some(Format::CsvUtf8),
            ("csv" | "txt", Some(Some(e))) if e == encoding_rs::UTF_8 => Some(Format::CsvUtf8),
            ("csv" | "txt", Some(Some(_))) => Some(Format::CsvGb18030),
            _ => None,
        }
    }
}

/// What can be exported: a list, or a section of the supervision pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    List(ListKind),
    Supervision(super::supervision::sections::Section),
}

impl Source {
    pub fn parse(s: &str) -> Option<Source> {
        use super::supervision::sections::Section;
        Some(match s.trim() {
            "filings" => Source::List(ListKind::Filings),
            "licences" => Source::List(ListKind::Licences),
            "cases" => Source::List(ListKind::Cases),
            "inspections" => Source::List(ListKind::Inspections),
            "persons" => Source::List(ListKind::Persons),
            "employers" => Source::List(ListKind::Employers),
            "due" => Source::Supervision(Section::Due),
            "rectifications" => Source::Supervision(Section::Rectifications),
            "draws" => Source::Supervision(Section::Draws),
            "annual" => Source::Supervision(Section::Annual),
            "leads" => Source::Supervision(Section::Leads),
            "campaigns" => Source::Supervision(Section::Campaigns),
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        use super::supervision::sections::Section;
        match self {
            Source::List(k) => kind_code(k),
            Source::Supervision(Section::Due) => "due",
            Source::Supervision(Section::Rectifications) => "rectifications",
            Source::Supervision(Section::Draws) => "draws",
            Source::Supervision(Section::Annual) => "annual",
            Source::Supervision(Section::Leads) => "leads",
            Source::Supervision(Section::Campaigns) => "campaigns",
            Source::Supervision(Section::Rota) => "rota",
            Source::Supervision(Section::Inspections) => "inspections",
        }
    }
}

/// A section of the supervision pane as a table, its cells as shown.
pub async fn section_table(
    store: &Store,
    calendar: &WorkCalendar,
    lang: Lang,
    section: super::supervision::sections::Section,
    today: NaiveDate,
) -> Result<Table, String> {
    let page = super::supervision::sections::load(store, lang, section, today, calendar).await?;
    Ok(Table {
        title: section.label(lang).to_string(),
        head: i18n::section_columns(lang, section.index())
            .iter()
            .map(|s| s.to_string())
            .collect(),
        rows: page
            .rows
            .into_iter()
            .map(|r| r.cells.into_iter().map(|c| text(&c)).collect())
            .collect(),
        money: vec![],
    })
}

/// Rows read a page at a time: the list's own keyset paging.
const PAGE: i64 = 5_000;

fn label<T: Copy>(
    parse: impl Fn(&str) -> Option<T>,
    label: impl Fn(T, Lang) -> &'static str,
    code: &str,
    lang: Lang,
) -> Cell {
    Cell::Text(parse(code).map_or_else(|| code.to_string(), |v| label(v, lang).to_string()))
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn day(d: Option<NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

fn yuan(fen: i64) -> Cell {
    Cell::Number(fen as f64 / 100.0)
}

/// The whole list of `kind` as the screen shows it with `filter` and
/// `scope`; ID numbers in full only when `reveal`.
pub async fn table(
    store: &Store,
    calendar: &WorkCalendar,
    lang: Lang,
    kind: ListKind,
    filter: &str,
    scope: &QueueScope,
    reveal: bool,
) -> Result<Table, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let mut items: Vec<ListItem> = Vec::new();
    let mut from = None;
    loop {
        let page = store
            .list_page(
                kind,
                &PageRequest {
                    dir: Direction::Forward,
                    from: from.clone(),
                    limit: PAGE,
                    filter: filter.to_string(),
                    scope: scope.clone(),
                },
            )
            .await
            .map_err(fail)?;
        let full = page.len() as i64 == PAGE;
        from = page.last().map(ListItem::key);
        items.extend(page);
        if !full {
            break;
        }
    }
    let id = |s: &str| {
        if reveal {
            s.to_string()
        } else {
            mask_id_number(s)
        }
    };
    let rows = items
        .iter()
        .map(|item| match item {
            ListItem::Filing(f) => {
                let received = office_date(f.received_at);
                vec![
                    Cell::Number(f.id as f64),
                    Cell::Text(f.kind.label(lang).into()),
                    text(f.employer_name.as_deref().unwrap_or("")),
                    text(f.person_name.as_deref().unwrap_or("")),
                    text(&f.person_id_number.as_deref().map(id).unwrap_or_default()),
                    Cell::Date(received),
                    Cell::Date(calendar.add_working_days(received, 10).date),
                    label(FilingStatus::parse, FilingStatus::label, &f.status, lang),
                ]
            }
            ListItem::Licence(l) => vec![
                Cell::Text(l.kind.label(lang).into()),
                text(&l.number),
                text(&l.holder),
                text(&l.uscc),
                text(&l.address),
                day(Some(l.issued_on)),
                day(l.expires_on),
                Cell::Text(l.status.label(lang).into()),
            ],
            ListItem::Case(c) => vec![
                text(&c.number),
                text(&c.respondent_name),
                Cell::Text(c.stage.label(lang).into()),
                Cell::Date(c.registered_on),
                day(c.due_on),
                text(c.officer_name.as_deref().unwrap_or("")),
                Cell::Text(
                    if c.mass_incident {
                        lang.pick("是", "yes")
                    } else {
                        ""
                    }
                    .into(),
                ),
            ],
            ListItem::Inspection(i) => vec![
                Cell::Date(i.planned_on),
                text(&i.licence_number),
                text(&i.holder),
                Cell::Text(i.method.label(lang).into()),
                Cell::Text(i.result.label(lang).into()),
            ],
            ListItem::Person(p) => vec![
                text(&p.name),
                text(&id(&p.id_number)),
                text(p.employer_name.as_deref().unwrap_or("")),
                Cell::Text(p.status.label(lang).into()),
                yuan(p.contribution_base),
            ],
            ListItem::Employer(e) => vec![
                text(&e.name),
                text(&e.uscc),
                text(&e.town),
                Cell::Text(e.status.label(lang).into()),
                yuan(e.arrears),
            ],
        })
        .collect();
    Ok(Table {
        title: i18n::export_title(lang, kind).to_string(),
        head: i18n::export_head(lang, kind)
            .iter()
            .map(|s| s.to_string())
            .collect(),
        rows,
        money: match kind {
            ListKind::Persons | ListKind::Employers => vec![4],
            _ => vec![],
        },
    })
}

/// Exports a list or a section to `path` (its format by its ending) and
/// audits it: what, how many rows, whether ID numbers went out in full and
/// why. Ok is the sentence to show.
pub async fn export(
    cx: &Cx<'_>,
    source: Source,
    filter: &str,
    scope: &QueueScope,
    path: &Path,
    encoding: Option<&str>,
    reveal: Option<&str>,
) -> Result<String, String> {
    let Cx {
        store,
        calendar,
        staff,
        lang,
        today,
    } = *cx;
    let format = Format::of(path, encoding).ok_or_else(|| i18n::export_format(lang))?;
    if let Some(reason) = reveal {
        // A whole list of full ID numbers: a section chief's act, with a
        // reason that says something.
        if staff.acted_by.is_some() {
            return Err(i18n::not_on_behalf(lang).to_string());
        }
        if !staff.may_reveal() || !staff.roles.contains(&crate::domain::Role::Chief) {
            return Err(i18n::bulk_reveal_refused(lang).to_string());
        }
        if !crate::domain::mask::substantive_reason(reason) {
            return Err(i18n::export_reason_needed(lang).to_string());
        }
    }
    let table = match source {
        Source::List(kind) => {
            table(store, calendar, lang, kind, filter, scope, reveal.is_some()).await?
        }
        Source::Supervision(section) => {
            section_table(store, calendar, lang, section, today).await?
        }
    };
    // The reason is kept without digit runs (an ID number typed in it) and short.
    let reason = reveal.map(|r| {
        crate::domain::mask::mask_digit_runs(r.trim())
            .chars()
            .take(200)
            .collect::<String>()
    });
    let to = (path, format);
    audited_write(
        store,
        staff,
        lang,
        source.code(),
        &table,
        to,
        reason.as_deref(),
    )
    .await
}

/// Audits an export (what, how many rows, why ID numbers went out in full),
/// then writes it: no file without its entry. Ok is the sentence to show.
async fn audited_write(
    store: &Store,
    staff: &Staff,
    lang: Lang,
    code: &str,
    table: &Table,
    (path, format): (&Path, Format),
    revealed_because: Option<&str>,
) -> Result<String, String> {
    store
        .record_export(&staff.login, code, table.rows.len(), revealed_because)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    write(table, format, path)
        .map_err(|e| i18n::list_export_failed(lang, &format!("{}: {e}", path.display())))?;
    Ok(i18n::list_exported(
        lang,
        table.rows.len(),
        &path.display().to_string(),
    ))
}

fn kind_code(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Filings => "filings",
        ListKind::Licences => "licences",
        ListKind::Cases => "cases",
        ListKind::Inspections => "inspections",
        ListKind::Persons => "persons",
        ListKind::Employers => "employers",
    }
}

/// Writes a table in a format; Err is the reason.
pub fn write(table: &Table, format: Format, path: &Path) -> Result<(), String> {
    match format {
        Format::Xlsx => write_xlsx(table, path),
        Format::CsvUtf8 | Format::CsvGb18030 => {
            let csv = csv_text(table);
            let bytes = if format == Format::CsvUtf8 {
                format!("\u{feff}{csv}").into_bytes()
            } else {
                let (b, _, _) = encoding_rs::GB18030.encode(&csv);
                b.into_owned()
            };
            crate::sheet::write_private(path, &bytes).map_err(|e| e.to_string())
        }
    }
}

fn csv_text(table: &Table) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| super::cases::csv_field(c))
            .collect::<Vec<_>>()
            .join(",")
    };
    out.push_str(&line(table.head.clone()));
    out.push_str("\r\n");
    for r in &table.rows {
        out.push_str(&line(
            r.iter()
                .enumerate()
                .map(|(j, c)| match c {
                    Cell::Number(n) if table.money.contains(&j) => format!("{n:.2}"),
                    Cell::Empty | Cell::Formula(_) | Cell::TooLong(_) => String::new(),
                    Cell::Text(t) => t.clone(),
                    Cell::Number(n) if n.fract() == 0.0 && !n.is_nan() => format!("{n:.0}"),
                    Cell::Number(n) => format!("{n:.2}"),
                    Cell::Date(d) => d.to_string(),
                })
                .collect(),
        ));
        out.push_str("\r\n");
    }
    out
}

fn write_xlsx(table: &Table, path: &Path) -> Result<(), String> {
    use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
    let e = |x: rust_xlsxwriter::XlsxError| x.to_string();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // Sheet names: at most 31 characters, none of []:*?/\.
    let name: String = table
        .title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    sheet.set_name(&name).map_err(e)?;
    let bold = XFormat::new().set_bold();
    let date = XFormat::new().set_num_format("yyyy-mm-dd");
    let money = XFormat::new().set_num_format("#,##0.00");
    for (j, h) in table.head.iter().enumerate() {
        sheet
            .write_string_with_format(0, j as u16, h, &bold)
            .map_err(e)?;
    }
    for (i, r) in table.rows.iter().enumerate() {
        let row = (i + 1) as u32;
        for (j, c) in r.iter().enumerate() {
            let col = j as u16;
            match c {
                Cell::Text(t) => {
                    sheet.write_string(row, col, t).map_err(e)?;
                }
                Cell::Number(n) if table.money.contains(&j) => {
                    sheet
                        .write_number_with_format(row, col, *n, &money)
                        .map_err(e)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(row, col, *n).map_err(e)?;
                }
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let x =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .map_err(e)?;
                    sheet
                        .write_datetime_with_format(row, col, &x, &date)
                        .map_err(e)?;
                }
                Cell::Empty | Cell::Formula(_) | Cell::TooLong(_) => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(e)?;
    for j in 0..table.head.len() {
        sheet.set_column_width(j as u16, 16).map_err(e)?;
    }
    let bytes = book.save_to_buffer().map_err(e)?;
    crate::sheet::write_private(path, &bytes).map_err(|x| x.to_string())
}

/// Where an export from the screen goes: the desk user's home folder (over
/// SSH too), `hrss-desk-WHAT-YYYYMMDD-HHMMSS.xlsx`.
pub fn screen_path(source: Source, now: chrono::DateTime<chrono::Utc>) -> std::path::PathBuf {
    stamped_path(source.code(), now)
}

/// `~/hrss-desk-WHAT-YYYYMMDD-HHMMSS.xlsx`, stamped in office time.
fn stamped_path(what: &str, now: chrono::DateTime<chrono::Utc>) -> std::path::PathBuf {
    let stamp = now
        .with_timezone(&crate::domain::calendar::office_offset())
        .format("%Y%m%d-%H%M%S");
    let dir = dirs::home_dir().unwrap_or_else(|| std::path::PathBuf::from("."));
    dir.join(format!("hrss-desk-{what}-{stamp}.xlsx"))
}

/// Exports a table made on screen (the lookup's hits), audited first.
pub async fn export_table(
    cx: &Cx<'_>,
    code: &str,
    table: &Table,
    path: &Path,
) -> Result<String, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    audited_write(store, staff, lang, code, table, (path, Format::Xlsx), None).await
}

/// Where the lookup's hits go from the screen.
pub fn lookup_path(now: chrono::DateTime<chrono::Utc>) -> std::path::PathBuf {
    stamped_path("lookup", now)
}

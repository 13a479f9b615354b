//! The supervision pane's sections (监督检查): what is due, rectifications
//! awaiting a re-inspection, draws, annual reviews, leads, campaigns and
//! the zone rota — each read from the store and put in rows for the screen,
//! in the language asked.

use crate::domain::annual::ReportStatus;
use crate::domain::zone::Period;
use crate::domain::{LicenceKind, WorkCalendar, ladder};
use crate::i18n::{self, Lang};
use crate::store::Store;
use chrono::{Datelike, NaiveDate};

/// The sections, in the order of the section bar. The first is the paged
/// list of inspections, which the pane reads as any list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Section {
    #[default]
    Inspections,
    Due,
    Rectifications,
    Draws,
    Annual,
    Leads,
    Campaigns,
    Rota,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Inspections,
        Section::Due,
        Section::Rectifications,
        Section::Draws,
        Section::Annual,
        Section::Leads,
        Section::Campaigns,
        Section::Rota,
    ];

    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        i18n::section_name(lang, self.index())
    }

    /// The next (or previous) section, round the bar.
    pub fn step(self, forward: bool) -> Section {
        let n = Section::ALL.len();
        let i = self.index();
        Section::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// One row of a section: its cells, what it leads to, and whether it needs
/// attention (overdue, missing, failed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRow {
    pub cells: Vec<String>,
    pub licence: Option<i64>,
    /// A pending inspection the row is about (to record it).
    pub inspection: Option<i64>,
    /// A draw the row is about (to show it).
    pub draw: Option<i64>,
    /// A campaign the row is about (to take inspections in).
    pub campaign: Option<i64>,
    pub alert: bool,
}

impl SectionRow {
    fn new(cells: Vec<String>) -> SectionRow {
        SectionRow {
            cells,
            licence: None,
            inspection: None,
            draw: None,
            campaign: None,
            alert: false,
        }
    }
}

/// A section as read: a sentence summing it up, then its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionPage {
    pub section: Section,
    pub summary: String,
    pub rows: Vec<SectionRow>,
}

fn text(s: &str) -> String {
    i18n::printable(s).into_owned()
}

/// Reads a section as of `today`.
pub async fn load(
    store: &Store,
    lang: Lang,
    section: Section,
    today: NaiveDate,
    calendar: &WorkCalendar,
) -> Result<SectionPage, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let (summary, rows) = match section {
        Section::Inspections => (String::new(), Vec::new()),
        Section::Due => due(lang, &store.inspection_queue().await.map_err(fail)?, today),
        Section::Rectifications => {
            rectifications(lang, &store.rectifications().await.map_err(fail)?, today)
        }
        Section::Draws => draws(lang, &store.draw_plans().await.map_err(fail)?, calendar),
        Section::Annual => annual(store, lang, today).await?,
        Section::Leads => leads(lang, &store.leads(true).await.map_err(fail)?),
        Section::Campaigns => campaigns(lang, &store.campaigns(None).await.map_err(fail)?, today),
        Section::Rota => {
            let mut lines =
                crate::workflow::zones::rota(store, lang, Period::of(today), true).await?;
            let head = if lines.is_empty() {
                String::new()
            } else {
                lines.remove(0)
            };
            let rows = lines
                .into_iter()
                .map(|l| SectionRow::new(l.split('\t').map(str::to_string).collect()))
                .collect();
            (head, rows)
        }
    };
    Ok(SectionPage {
        section,
        summary,
        rows,
    })
}

pub fn due(
    lang: Lang,
    rows: &[crate::store::InspectionQueueRow],
    today: NaiveDate,
) -> (String, Vec<SectionRow>) {
    let mut out = Vec::new();
    let (mut inspections, mut late, mut tasks) = (0, 0, 0);
    for r in rows {
        let audit = r.source == "audit";
        let what = super::queue_what(lang, r);
        if audit {
            tasks += 1;
        } else {
            inspections += 1;
        }
        let overdue = !audit && r.since < today;
        late += usize::from(overdue);
        let mut row = SectionRow::new(vec![
            r.since.to_string(),
            format!("{} #{}", i18n::queue_kind(lang, audit), r.id),
            text(&r.number),
            text(&r.holder),
            what,
        ]);
        row.licence = Some(r.licence_id);
        row.inspection = (!audit).then_some(r.id);
        row.alert = overdue;
        out.push(row);
    }
    (i18n::due_summary(lang, inspections, late, tasks), out)
}

/// Rectifications not yet re-inspected, by deadline.
pub fn rectifications(
    lang: Lang,
    rows: &[crate::store::RectificationRow],
    today: NaiveDate,
) -> (String, Vec<SectionRow>) {
    let mut out = Vec::new();
    let mut overdue = 0;
    for r in rows.iter().filter(|r| r.reinspected_on.is_none()) {
        let late = ladder::rectification_overdue(r.deadline, r.reinspected_on, today);
        overdue += usize::from(late);
        let step = r.step.label(lang).into();
        let mut row = SectionRow::new(vec![
            r.deadline.to_string(),
            i18n::rectification_state(lang, (r.deadline - today).num_days()),
            text(&r.number),
            text(&r.holder),
            step,
            r.decided_on.to_string(),
        ]);
        row.licence = Some(r.licence_id);
        row.alert = late;
        out.push(row);
    }
    (i18n::rectification_summary(lang, out.len(), overdue), out)
}

/// Working days within which an inspection's result is published, counted
/// from the day the result was made (企业信息公示暂行条例: 自产生之日起20个
/// 工作日内公示) — not from the day of the draw.
pub const PUBLISH_WORKING_DAYS: u32 = 20;

/// The day a draw's results are due to be published: 20 working days from
/// its first inspection result; None while no result has been made.
pub fn publish_by(calendar: &WorkCalendar, first_done_on: Option<NaiveDate>) -> Option<NaiveDate> {
    first_done_on.map(|d| calendar.add_working_days(d, PUBLISH_WORKING_DAYS).date)
}

pub fn draws(
    lang: Lang,
    rows: &[crate::store::DrawPlanRow],
    calendar: &WorkCalendar,
) -> (String, Vec<SectionRow>) {
    let mut out = Vec::new();
    for d in rows {
        let drawn = crate::domain::calendar::office_date(d.drawn_at);
        let kind = LicenceKind::parse(&d.licence_kind).map_or_else(
            || i18n::all_kinds(lang).to_string(),
            |k| k.label(lang).into(),
        );
        let zone = if d.zone.is_empty() {
            String::new()
        } else {
            format!(" · {}", text(&d.zone))
        };
        let mut row = SectionRow::new(vec![
            format!("#{}", d.id),
            drawn.to_string(),
            text(&d.name),
            format!("{kind}{zone}"),
            i18n::done_of(lang, d.done, d.inspections, None),
            publish_by(calendar, d.first_done_on)
                .map_or_else(|| i18n::after_results(lang).to_string(), |p| p.to_string()),
        ]);
        row.draw = Some(d.id);
        out.push(row);
    }
    let inspections = rows.iter().map(|d| d.inspections).sum();
    let done = rows.iter().map(|d| d.done).sum();
    (
        i18n::plans_summary(lang, rows.len(), inspections, done),
        out,
    )
}

/// Last year's reviews: the HR agencies' reports (due in this year's
/// spring) and the training schools' inspection results.
async fn annual(
    store: &Store,
    lang: Lang,
    today: NaiveDate,
) -> Result<(String, Vec<SectionRow>), String> {
    let year = i64::from(today.year()) - 1;
    let reports =
        crate::workflow::annual::status(store, lang, year, LicenceKind::HrService, today).await?;
    let schools =
        crate::workflow::annual::status(store, lang, year, LicenceKind::TrainingSchool, today)
            .await?;
    let count = |s: ReportStatus| reports.iter().filter(|(_, x)| *x == s).count();
    let result = |r: &str| {
        schools
            .iter()
            .filter(|(a, _)| a.result.as_deref() == Some(r))
            .count()
    };
    let (passed, failed) = (result("passed"), result("failed"));
    let summary = i18n::annual_summary(
        lang,
        year,
        count(ReportStatus::Received),
        count(ReportStatus::Late),
        count(ReportStatus::Missing),
        count(ReportStatus::NotYetDue),
        passed,
        failed,
        schools.len() - passed - failed,
    );
    let mut out = Vec::new();
    for (kind, rows) in [
        (LicenceKind::HrService, &reports),
        (LicenceKind::TrainingSchool, &schools),
    ] {
        for (r, status) in rows {
            let school = kind == LicenceKind::TrainingSchool;
            let mut row = SectionRow::new(vec![
                kind.label(lang).to_string(),
                text(&r.number),
                text(&r.holder),
                status.label(lang).to_string(),
                if school {
                    i18n::annual_result(lang, r.result.as_deref()).to_string()
                } else {
                    String::new()
                },
            ]);
            row.licence = Some(r.licence_id);
            row.alert = matches!(status, ReportStatus::Late | ReportStatus::Missing)
                || r.result.as_deref() == Some("failed");
            out.push(row);
        }
    }
    // What needs attention first, each group in licence order.
    out.sort_by_key(|r| !r.alert);
    Ok((summary, out))
}

pub fn leads(lang: Lang, rows: &[crate::store::LeadRow]) -> (String, Vec<SectionRow>) {
    let out = rows
        .iter()
        .map(|r| {
            let mut row = SectionRow::new(vec![
                r.received_on.to_string(),
                r.source.label(lang).into(),
                text(&r.number),
                text(&r.holder),
                text(&r.summary),
            ]);
            row.licence = Some(r.licence_id);
            row
        })
        .collect::<Vec<_>>();
    (i18n::leads_summary(lang, out.len()), out)
}

pub fn campaigns(
    lang: Lang,
    rows: &[crate::store::CampaignRow],
    today: NaiveDate,
) -> (String, Vec<SectionRow>) {
    let mut running = 0;
    let out = rows
        .iter()
        .map(|c| {
            let (before, after) = (today < c.starts_on, today > c.ends_on);
            running += usize::from(!before && !after);
            let mut row = SectionRow::new(vec![
                format!("#{}", c.id),
                i18n::campaign_kind(lang, c.patrol).to_string(),
                text(&c.theme),
                format!("{} – {}", c.starts_on, c.ends_on),
                i18n::done_of(lang, c.done, c.inspections, Some(c.failed)),
                i18n::period_state(lang, before, after).to_string(),
            ]);
            // Ended with inspections still not made.
            row.alert = after && c.done < c.inspections;
            row.campaign = Some(c.id);
            row
        })
        .collect::<Vec<_>>();
    (i18n::campaigns_summary(lang, out.len(), running), out)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_draws_results_are_published_within_twenty_working_days_of_being_made() {
        let cal = WorkCalendar::from_years(
            &crate::domain::calendar::CalendarFile::parse(include_str!(
                "../../../data/calendar.toml"
            ))
            .unwrap()
            .year,
        );
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(publish_by(&cal, Some(d(11, 10))), Some(d(12, 8)));
        // Nothing to publish before a result exists.
        assert_eq!(publish_by(&cal, None), None);
    }

    use super::*;
    use crate::store::{InspectionQueueRow, RectificationRow};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2099, m, d).unwrap()
    }

    #[test]
    fn sections_go_round_the_bar() {
        assert_eq!(Section::Inspections.step(false), Section::Rota);
        assert_eq!(Section::Rota.step(true), Section::Inspections);
        assert_eq!(Section::Due.step(true), Section::Rectifications);
        for (i, s) in Section::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
    }

    #[test]
    fn a_rectification_past_its_deadline_without_a_reinspection_is_flagged() {
        let row = |deadline, reinspected_on| RectificationRow {
            licence_id: 7,
            number: "L1".into(),
            holder: "甲".into(),
            step: ladder::Step::WarnAndRectify,
            decided_on: day(1, 5),
            deadline,
            reinspected_on,
        };
        let rows = [
            row(day(3, 1), None),
            row(day(3, 20), None),
            row(day(3, 1), Some(day(3, 2))),
        ];
        let (summary, out) = rectifications(Lang::Zh, &rows, day(3, 10));
        assert_eq!(out.len(), 2, "the re-inspected one is done");
        assert!(out[0].alert && !out[1].alert);
        assert_eq!(out[0].cells[1], "逾期9天");
        assert_eq!(out[1].cells[1], "还剩10天");
        assert_eq!(out[0].licence, Some(7));
        assert!(summary.contains("待复查的整改2项") && summary.contains("逾期未复查1项"));
        let (_, en) = rectifications(Lang::En, &rows, day(3, 1));
        assert_eq!(en[0].cells[1], "due today");
    }

    #[test]
    fn due_rows_lead_to_their_inspection_and_flag_a_missed_plan() {
        let q = |source: &str, id, since| InspectionQueueRow {
            source: source.into(),
            id,
            licence_id: id * 10,
            since,
            number: "L".into(),
            holder: "乙".into(),
            what: if source == "audit" {
                "zone-cost".into()
            } else {
                "unannounced".into()
            },
            month: 209901,
            detail: "1;2;3".into(),
        };
        let rows = [
            q("inspection", 1, day(2, 1)),
            q("audit", 2, day(2, 1)),
            q("inspection", 3, day(4, 1)),
        ];
        let (summary, out) = due(Lang::Zh, &rows, day(3, 1));
        assert_eq!(out[0].inspection, Some(1));
        assert_eq!(
            out[1].inspection, None,
            "an audit task is not an inspection"
        );
        assert_eq!(out[1].licence, Some(20));
        assert!(out[0].alert && !out[1].alert && !out[2].alert);
        assert!(summary.starts_with("待检查2项（已过计划日期1项），稽核任务1项"));
    }
}

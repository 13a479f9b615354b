//! The statistics pane's month on every backend: a filing returned today is
//! counted for its clerk and its day, cases by matter, inspections planned
//! and done; and the monthly report read back by calamine (and openpyxl
//! where present).

use crate::common;

use common::TestDb;
use hrss_desk::domain::decision::Decision;
use hrss_desk::domain::statistics::Month;
use hrss_desk::i18n::Lang;
use hrss_desk::workflow;

#[tokio::test]
async fn a_return_made_now_is_counted_in_this_month_for_its_clerk() {
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 100).await;
        let today = common::today();
        let month = Month::of(today);
        let before = workflow::statistics::load(&store, Lang::Zh, month)
            .await
            .unwrap();
        let clerk = store.staff_by_login("lina").await.unwrap().unwrap();
        let id = db
            .scalar("SELECT MIN(id) FROM filing WHERE status = 'pending'")
            .await;
        let draft = workflow::draft(
            &crate::common::cx(&store, &clerk, Lang::Zh, today),
            id,
            Decision::Return,
        )
        .await
        .unwrap();
        workflow::decide(
            &crate::common::cx(&store, &clerk, Lang::Zh, today),
            id,
            draft.version,
            Decision::Return,
            "请补交材料。",
        )
        .await
        .unwrap();
        let after = workflow::statistics::load(&store, Lang::Zh, month)
            .await
            .unwrap();
        assert_eq!(after.returned, before.returned + 1, "{l}");
        let lina = |f: &hrss_desk::domain::statistics::MonthFigures| {
            f.by_clerk
                .iter()
                .find(|(n, ..)| n == "李娜")
                .map_or(0, |(_, _, r)| *r)
        };
        assert_eq!(lina(&after), lina(&before) + 1, "{l}");
        let day = chrono::Datelike::day0(&today) as usize;
        assert_eq!(after.by_day[day], before.by_day[day] + 1, "{l}");
        assert_eq!(
            after.decided_series[11],
            before.decided_series[11] + 1,
            "{l}"
        );
        // The demo's cases are registered over the past months, with matters.
        assert!(after.cases_series.iter().sum::<u64>() > 0, "{l}");
        // The report, read back by an independent reader.
        let path = dir.path().join(format!("{l}-report.xlsx"));
        workflow::statistics::report(&store, Lang::Zh, month, today, &path)
            .await
            .unwrap();
        let wb = common::readers::Workbook::read(&path);
        assert!(
            wb.sheets.iter().any(|s| s == "按经办人") && wb.sheets.iter().any(|s| s == "近12个月"),
            "{l}: {:?}",
            wb.sheets
        );
        let returned = wb.sheet("概况")[1..]
            .iter()
            .find(|r| common::readers::text(&r[0]) == "退回更正")
            .map(|r| common::readers::text(&r[1]));
        assert_eq!(returned, Some(after.returned.to_string()), "{l}");
        if let Some(text) = common::readers::python(
            common::tools::Tool::Openpyxl,
            "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(wb.sheetnames); print(dict((r[0], r[1]) for r in wb['概况'].iter_rows(min_row=2, values_only=True))['退回更正'])",
            &[&path],
        ) {
            assert!(
                text.contains("'按经办人'") && text.contains("'近12个月'"),
                "{l}: {text}"
            );
            assert_eq!(
                text.lines().nth(1).unwrap(),
                after.returned.to_string(),
                "{l}"
            );
        }
    }
}

/// Cases of `matter` among `rows` of `sql_from` (a case `c` with its
/// complaint `m`), counted by the database: the case's own matters, else
/// its complaint's, matched as a whole code in the comma list.
async fn count_matter(db: &TestDb, sql_from: &str, matter: &str) -> i64 {
    db.scalar(&format!(
        "SELECT COUNT(*) {sql_from}
         AND (',' || COALESCE(NULLIF(c.matters, ''), m.matters, '') || ',') LIKE '%,{matter},%'"
    ))
    .await
}

#[tokio::test]
async fn the_month_report_has_its_title_office_dates_and_cases_by_matter() {
    use calamine::{Data, DataType};
    use hrss_desk::domain::InspectionMatter;
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all().await {
        let l = db.label;
        let store = common::demo_store(&db, 100).await;
        let office = "廊坊市安次区人力资源和社会保障局";
        db.raw(&format!(
            "UPDATE setting SET value = '{office}' WHERE key = 'office.name'"
        ))
        .await;
        // The month the demo last closed a case in: cases closed and opened.
        let last = db
            .text("SELECT MAX(on_date) || '' FROM case_event WHERE stage_to = 'closed'")
            .await;
        let month = Month::parse(&last[..7]).unwrap();
        let (from, until) = (month.first_day(), month.next().first_day());
        let path = dir.path().join(format!("{l}-month.xlsx"));
        workflow::statistics::report(&store, Lang::Zh, month, common::today(), &path)
            .await
            .unwrap();
        store.close().await;

        let wb = common::readers::Workbook::read(&path);
        let summary = wb.sheet("概况");
        let title = format!(
            "{}年{}月 劳动保障监察及事中事后监管月报",
            month.year, month.month
        );
        assert_eq!(common::readers::text(&summary[0][0]), title, "{l}");
        assert_eq!(common::readers::text(&summary[1][1]), office, "{l}");
        // The period as dates, not text.
        let last_day = until - chrono::Days::new(1);
        for (row, day) in [(2, from), (3, last_day)] {
            let cell = &summary[row][1];
            assert!(matches!(cell, Data::DateTime(_)), "{l}: {cell:?}");
            assert_eq!(cell.as_date(), Some(day), "{l}");
        }
        assert!(matches!(wb.sheet("按日")[1][0], Data::DateTime(_)), "{l}");
        // Cases opened and closed in the month by matter, as the database
        // counts them.
        let by_matter = wb.sheet("按事项");
        let opened_from = format!(
            "FROM inspection_case c LEFT JOIN complaint m ON m.id = c.complaint_id
             WHERE c.opened_on >= '{from}' AND c.opened_on < '{until}'"
        );
        let closed_from = format!(
            "FROM case_event e JOIN inspection_case c ON c.id = e.case_id
             LEFT JOIN complaint m ON m.id = c.complaint_id
             WHERE e.stage_to = 'closed' AND e.on_date >= '{from}' AND e.on_date < '{until}'"
        );
        let (mut opened_total, mut closed_total) = (0, 0);
        for matter in InspectionMatter::ALL {
            let row = by_matter
                .iter()
                .find(|r| common::readers::text(&r[0]) == matter.label(Lang::Zh))
                .unwrap_or_else(|| panic!("{l}: no row for {}", matter.code()));
            let opened = count_matter(&db, &opened_from, matter.code()).await;
            let closed = count_matter(&db, &closed_from, matter.code()).await;
            opened_total += opened;
            closed_total += closed;
            assert_eq!(
                (
                    common::readers::text(&row[1]),
                    common::readers::text(&row[2])
                ),
                (opened.to_string(), closed.to_string()),
                "{l}: {}",
                matter.code()
            );
        }
        assert!(
            opened_total > 0 && closed_total > 0,
            "{l}: the month opens and closes cases"
        );

        // The same read by openpyxl, where present: the title, the office,
        // the period's cells as dates with a date format.
        if let Some(text) = common::readers::python(
            common::tools::Tool::Openpyxl,
            "import openpyxl,sys,datetime; ws=openpyxl.load_workbook(sys.argv[1])['概况']; \
             print(ws['A1'].value); print(ws['B2'].value); \
             print(all(isinstance(ws[c].value, datetime.datetime) and 'yy' in ws[c].number_format for c in ('B3','B4'))); \
             print(ws['B3'].value.date(), ws['B4'].value.date())",
            &[&path],
        ) {
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines[0], title, "{l}");
            assert_eq!(lines[1], office, "{l}");
            assert_eq!(lines[2], "True", "{l}: {text}");
            assert_eq!(lines[3], format!("{from} {last_day}"), "{l}");
        }
    }
}

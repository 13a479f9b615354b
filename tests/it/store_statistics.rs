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

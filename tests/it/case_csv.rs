//! The case queue's CSV (`x` on tagged cases) names each case's inspectors,
//! the officer first, as the staff table has them (issue 21, point 11): read
//! back with a CSV reader and checked against the demo's rows, read past
//! the program.

use crate::common;

use common::{TestDb, today};
use hrss_desk::domain::WorkCalendar;
use hrss_desk::domain::calendar::CalendarFile;
use hrss_desk::i18n::Lang;

/// The CSV's head and rows, read by the `csv` crate (its byte-order mark off).
fn read(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let head = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    (head, rows)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_case_csv_names_the_officer_and_the_inspectors() {
    let cal = WorkCalendar::from_years(
        &CalendarFile::parse(include_str!("../../data/calendar.toml"))
            .unwrap()
            .year,
    );
    for db in TestDb::all().await {
        let l = db.label;
        let store = common::demo_store(&db, 300).await;
        // An open case with an officer and another inspector.
        let case = db
            .scalar(
                "SELECT c.id FROM inspection_case c WHERE c.stage <> 'closed'
                 AND c.case_officer_id IS NOT NULL
                 AND (SELECT COUNT(*) FROM case_inspector ci WHERE ci.case_id = c.id) >= 2
                 ORDER BY c.id LIMIT 1",
            )
            .await;
        let number = db
            .text(&format!(
                "SELECT number FROM inspection_case WHERE id = {case}"
            ))
            .await;
        let officer = db
            .text(&format!(
                "SELECT s.name FROM inspection_case c JOIN staff s ON s.id = c.case_officer_id
                 WHERE c.id = {case}"
            ))
            .await;
        let mut names: Vec<String> = Vec::new();
        for id in db
            .rows(&format!(
                "SELECT staff_id FROM case_inspector WHERE case_id = {case}"
            ))
            .await
        {
            names.push(
                db.text(&format!("SELECT name FROM staff WHERE id = {id}"))
                    .await,
            );
        }
        names.sort();
        let open = db
            .rows("SELECT id FROM inspection_case WHERE stage <> 'closed' ORDER BY id")
            .await;

        for (lang, column, sep) in [(Lang::Zh, "承办人", "、"), (Lang::En, "Officers", ", ")] {
            let (text, n) = hrss_desk::workflow::cases::csv(&store, &cal, lang, today(), &open)
                .await
                .unwrap();
            let (head, rows) = read(&text);
            assert_eq!(rows.len(), n, "{l}");
            assert_eq!(rows.len(), open.len(), "{l}");
            let at = head
                .iter()
                .position(|h| h == column)
                .unwrap_or_else(|| panic!("{l}: no {column} in {head:?}"));
            let row = rows
                .iter()
                .find(|r| r[0] == number)
                .unwrap_or_else(|| panic!("{l}: no row for {number}"));
            let listed: Vec<String> = row[at].split(sep).map(str::to_string).collect();
            assert_eq!(listed[0], officer, "{l}: the officer first: {row:?}");
            let mut sorted = listed.clone();
            sorted.sort();
            assert_eq!(sorted, names, "{l}: every inspector: {row:?}");
        }
        store.close().await;
    }
}

//! Case queue figures on SQLite, with 100,000 open cases:
//!   cargo bench --bench cases
//! The first page of the queue (mass incidents first, then by deadline), the
//! first page of the overdue view, and recomputing every open case's next
//! deadline: the clocks alone, and clocks plus writing every changed row.
//! Medians of several runs. HRSS_BENCH_OPEN sets another number of open
//! cases; each figure is also printed as a `figure: NAME VALUE UNIT` line for
//! `scripts/bench.sh`.

use hrss_desk::demo::{DemoInputs, generate};
use hrss_desk::domain::WorkCalendar;
use hrss_desk::domain::calendar::CalendarFile;
use hrss_desk::store::{DatabaseUrl, Direction, ListKind, PageRequest, QueueScope, Store};
use hrss_desk::workflow::cases::{CaseSettings, due_list, recompute_deadlines};
use std::time::{Duration, Instant};

/// How many open cases: 100,000 unless HRSS_BENCH_OPEN says otherwise.
fn open_cases() -> usize {
    std::env::var("HRSS_BENCH_OPEN")
        .map(|s| s.parse().expect("HRSS_BENCH_OPEN is a number"))
        .unwrap_or(100_000)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let open_len = open_cases();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cases.sqlite").display());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let cal_file = CalendarFile::parse(include_str!("../data/calendar.toml")).unwrap();
    let calendar = WorkCalendar::from_years(&cal_file.year);
    let store = rt.block_on(async {
        let store = Store::connect(&DatabaseUrl::parse(&url).unwrap())
            .await
            .unwrap();
        store.migrate().await.unwrap();
        store.seed_calendar(&cal_file.year).await.unwrap();
        let lists = store.material_requirements().await.unwrap();
        let mut data = generate(&DemoInputs {
            persons: 5_000,
            today,
            calendar: &calendar,
            checklists: &lists,
        });
        // Grow the demo's open cases into 100,000 like them (no events: the
        // queue does not read them).
        let open: Vec<_> = data
            .cases
            .iter()
            .filter(|c| c.stage != hrss_desk::domain::CaseStage::Closed)
            .cloned()
            .collect();
        let inspectors: Vec<(i64, i64)> = data.case_inspectors.clone();
        let mut next = data.cases.len() as i64;
        let mut n = 0;
        while data
            .cases
            .iter()
            .filter(|c| c.stage != hrss_desk::domain::CaseStage::Closed)
            .count()
            < open_len
        {
            let c = &open[n % open.len()];
            n += 1;
            next += 1;
            let mut copy = c.clone();
            let old = copy.id;
            copy.id = next;
            copy.number = format!("{}-{next}", c.number);
            copy.complaint_id = None;
            data.cases.push(copy);
            data.case_inspectors.extend(
                inspectors
                    .iter()
                    .filter(|(case, _)| *case == old)
                    .map(|(_, s)| (next, *s)),
            );
        }
        store.seed_demo("system", &data).await.unwrap();
        store
    });
    println!("{open_len} open cases on SQLite");
    let page = |scope: QueueScope| {
        let v: Vec<Duration> = (0..15)
            .map(|_| {
                let t = Instant::now();
                let rows = rt
                    .block_on(store.list_page(
                        ListKind::Cases,
                        &PageRequest {
                            dir: Direction::Forward,
                            from: None,
                            limit: 100,
                            filter: String::new(),
                            scope: scope.clone(),
                        },
                    ))
                    .unwrap();
                assert_eq!(rows.len(), 100);
                t.elapsed()
            })
            .collect();
        median(v)
    };
    let first_write: Vec<Duration> = (0..1)
        .map(|_| {
            let t = Instant::now();
            let changed = rt
                .block_on(recompute_deadlines(&store, &calendar, today))
                .unwrap();
            assert!(changed > 0);
            t.elapsed()
        })
        .collect();
    let f = page(QueueScope::default());
    println!("figure: first_page {:.4} ms", ms(f));
    println!(
        "first page of the queue          median {:>8.2} ms  budget   50 ms  ratio {:.3}",
        ms(f),
        ms(f) / 50.0
    );
    let o = page(QueueScope {
        due_by: today.pred_opt(),
        ..QueueScope::default()
    });
    println!("figure: overdue_page {:.4} ms", ms(o));
    println!(
        "first page, overdue view         median {:>8.2} ms  budget   50 ms  ratio {:.3}",
        ms(o),
        ms(o) / 50.0
    );
    let reads: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let n = rt.block_on(store.each_case_deadline(|_| {})).unwrap();
            assert!(n >= open_len);
            t.elapsed()
        })
        .collect();
    let r = median(reads);
    println!("figure: read_clock_rows {:.4} ms", ms(r));
    println!(
        "reading every open case's clock row  median {:>8.2} ms",
        ms(r)
    );
    let clocks = rt.block_on(store.open_case_clocks()).unwrap();
    let compute: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let list = due_list(&calendar, &clocks, today, CaseSettings::default());
            assert_eq!(list.len(), clocks.len());
            t.elapsed()
        })
        .collect();
    let c = median(compute);
    println!("figure: clocks_only {:.4} ms", ms(c));
    println!(
        "every deadline, clocks only      median {:>8.2} ms  budget 1000 ms  ratio {:.3}",
        ms(c),
        ms(c) / 1000.0
    );
    let unchanged: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            assert_eq!(
                rt.block_on(recompute_deadlines(&store, &calendar, today))
                    .unwrap(),
                0
            );
            t.elapsed()
        })
        .collect();
    let u = median(unchanged);
    println!("figure: recompute {:.4} ms", ms(u));
    println!(
        "recompute, read + clocks, none changed   median {:>8.2} ms  budget 1000 ms  ratio {:.3}",
        ms(u),
        ms(u) / 1000.0
    );
    let next_day = today.succ_opt().unwrap();
    let t = Instant::now();
    let changed = rt
        .block_on(recompute_deadlines(&store, &calendar, next_day))
        .unwrap();
    let nd = t.elapsed();
    println!(
        "recompute the next day ({changed} changed)  once {:>8.2} ms;  first recompute after seeding (all rows) once {:>8.2} ms",
        ms(nd),
        ms(first_write[0])
    );
}

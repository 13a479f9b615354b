//! Enrollment review figures on SQLite, with a queue of 100,000 pending filings:
//!   cargo bench --bench review
//! The first page of the queue, one decision committed, `filings check`
//! over the whole queue (the command, end to end, recording what it finds),
//! and the first page narrowed to one problem (common and rare). Medians.
//! HRSS_BENCH_QUEUE sets another queue length; each figure is also printed as
//! a `figure: NAME VALUE UNIT` line for `scripts/bench.sh`.

use hrss_desk::demo::{DemoInputs, generate};
use hrss_desk::domain::WorkCalendar;
use hrss_desk::domain::calendar::CalendarFile;
use hrss_desk::domain::decision::{Decision, change_for};
use hrss_desk::domain::review::check;
use hrss_desk::store::{DatabaseUrl, Direction, ListKind, PageRequest, Store};
use std::time::{Duration, Instant};

/// The queue's length: 100,000 unless HRSS_BENCH_QUEUE says otherwise.
fn queue() -> usize {
    std::env::var("HRSS_BENCH_QUEUE")
        .map(|s| s.parse().expect("HRSS_BENCH_QUEUE is a number"))
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
    let queue_len = queue();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.sqlite");
    let url = format!("sqlite://{}", path.display());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let store = rt.block_on(async {
        let store = Store::connect(&DatabaseUrl::parse(&url).unwrap())
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let cal = CalendarFile::parse(include_str!("../data/calendar.toml")).unwrap();
        store.seed_calendar(&cal.year).await.unwrap();
        let calendar = WorkCalendar::from_years(&cal.year);
        let lists = store.material_requirements().await.unwrap();
        let mut data = generate(&DemoInputs {
            persons: 50_000,
            today,
            calendar: &calendar,
            checklists: &lists,
        });
        // Grow the 300 pending filings into a queue of 100,000 like them.
        let pending: Vec<_> = data
            .filings
            .iter()
            .filter(|f| f.status == "pending")
            .cloned()
            .collect();
        let mut next = data.filings.len() as i64;
        while data
            .filings
            .iter()
            .filter(|f| f.status == "pending")
            .count()
            < queue_len
        {
            for f in &pending {
                next += 1;
                let mut copy = f.clone();
                let old = copy.id;
                copy.id = next;
                let mats: Vec<_> = data
                    .materials
                    .iter()
                    .filter(|m| m.filing_id == old)
                    .cloned()
                    .collect();
                data.filings.push(copy);
                data.materials.extend(mats.into_iter().map(|mut m| {
                    m.filing_id = next;
                    m
                }));
            }
        }
        store.seed_demo("system", &data).await.unwrap();
        store
    });
    println!("queue of {queue_len} pending filings on SQLite");
    let first_page: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let rows = rt
                .block_on(store.list_page(
                    ListKind::Filings,
                    &PageRequest {
                        dir: Direction::Forward,
                        from: None,
                        limit: 100,
                        filter: String::new(),
                        scope: Default::default(),
                    },
                ))
                .unwrap();
            assert_eq!(rows.len(), 100);
            t.elapsed()
        })
        .collect();
    let f = median(first_page);
    println!("figure: first_page {:.4} ms", ms(f));
    println!(
        "first page of the queue        median {:>8.2} ms  budget    50 ms  ratio {:.3}",
        ms(f),
        ms(f) / 50.0
    );
    let clerk = rt
        .block_on(store.staff_by_login("wangfang"))
        .unwrap()
        .unwrap();
    let facts = rt
        .block_on(store.pending_filing_facts(today, None))
        .unwrap();
    let clean: Vec<_> = facts
        .iter()
        .filter(|f| check(&f.facts).is_empty())
        .take(25)
        .cloned()
        .collect();
    let decisions: Vec<Duration> = clean
        .iter()
        .map(|f| {
            let t = Instant::now();
            rt.block_on(store.decide_filing(
                &clerk,
                f.id,
                f.version,
                &hrss_desk::store::FilingDecision {
                    decision: Decision::Approve,
                    reason: "",
                    overridden: None,
                    change: &change_for(&f.facts),
                    decided_at: store.clock().now(),
                    correction_due: None,
                },
            ))
            .unwrap();
            t.elapsed()
        })
        .collect();
    let d = median(decisions);
    println!("figure: decision {:.4} ms", ms(d));
    println!(
        "one decision committed         median {:>8.2} ms  budget    20 ms  ratio {:.3}",
        ms(d),
        ms(d) / 20.0
    );
    let checks: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_hrss-desk"))
                .args([
                    "--database-url",
                    &url,
                    "--user",
                    "wangfang",
                    "filings",
                    "check",
                    "--json",
                ])
                .output()
                .unwrap();
            assert!(!out.stdout.is_empty());
            t.elapsed()
        })
        .collect();
    let c = median(checks);
    println!("figure: check {:.4} s", c.as_secs_f64());
    println!(
        "filings check over the queue   median {:>8.2} s   budget     5 s   ratio {:.3}",
        c.as_secs_f64(),
        c.as_secs_f64() / 5.0
    );
    for code in ["material-missing", "statement-mismatch"] {
        let narrowed: Vec<Duration> = (0..15)
            .map(|_| {
                let t = Instant::now();
                let rows = rt
                    .block_on(store.list_page(
                        ListKind::Filings,
                        &PageRequest {
                            dir: Direction::Forward,
                            from: None,
                            limit: 100,
                            filter: String::new(),
                            scope: hrss_desk::store::QueueScope {
                                problem: Some(code.to_string()),
                                ..Default::default()
                            },
                        },
                    ))
                    .unwrap();
                assert!(!rows.is_empty());
                t.elapsed()
            })
            .collect();
        let n = median(narrowed);
        println!("figure: problem_{code} {:.4} ms", ms(n));
        println!(
            "first page, problem {code:<18} median {:>8.2} ms  budget    50 ms  ratio {:.3}",
            ms(n),
            ms(n) / 50.0
        );
    }
}

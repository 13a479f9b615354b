//! Spreadsheet figures: importing 1,000,000 persons from CSV into SQLite,
//! all or nothing (budget 20 s, 50,000 rows/s), and the same file again
//! (nothing changes); a batch of 10,000 filings from the declaration system
//! received (each checked as at the counter, audited, checked after) and the
//! same batch again (nothing new); exporting 100,000 persons to .xlsx
//! (budget 5 s) and, beside it, to CSV:
//!   cargo bench --bench sheets
//! Medians of 3 runs (imports each on a fresh database). HRSS_BENCH_PERSONS,
//! HRSS_BENCH_FILINGS and HRSS_BENCH_EXPORT set other sizes; HRSS_BENCH_CSV names where to write
//! (and keep) the imported CSV, for comparing with other tools. Each figure is
//! also printed as a `figure: NAME VALUE UNIT` line for `scripts/bench.sh`.

mod common;

use common::grouped;
use hrss_desk::demo::{DemoInputs, generate};
use hrss_desk::domain::WorkCalendar;
use hrss_desk::domain::calendar::CalendarFile;
use hrss_desk::domain::import::ImportKind;
use hrss_desk::domain::resident_id::check_char;
use hrss_desk::i18n::Lang;
use hrss_desk::store::{DatabaseUrl, Store};
use hrss_desk::workflow::Cx;
use hrss_desk::workflow::export::{Source, export};
use hrss_desk::workflow::import::import_file;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// A size from the environment, else the default.
fn size(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .map(|s| s.parse().unwrap_or_else(|_| panic!("{var} is a number")))
        .unwrap_or(default)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A register of `n` persons with valid ID numbers, phones, accounts,
/// statuses, days and bases, as an office exports it.
fn write_register(path: &Path, n: u64) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(
        f,
        "公民身份号码,姓名,联系电话,银行账号,参保状态,入职日期,缴费基数"
    )
    .unwrap();
    let born = chrono::NaiveDate::from_ymd_opt(1960, 1, 1).unwrap();
    let surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"];
    let given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "䶮", "艳"];
    for i in 0..n {
        let day = born + chrono::Days::new(i / 900);
        let first17 = format!("130110{}{:03}", day.format("%Y%m%d"), i % 900);
        writeln!(
            f,
            "{first17}{},{}{},138{:08},6222{:012},参保缴费,20{:02}-{:02}-15,{}.00",
            check_char(first17.as_bytes()),
            surnames[(i % 8) as usize],
            given[(i % 10) as usize],
            i,
            i * 7,
            10 + i % 15,
            1 + i % 12,
            3000 + i % 17000
        )
        .unwrap();
    }
}

/// A declaration system's export of `n` enrollments at employer `uscc`, of
/// persons new to the register, every material handed in.
fn write_batch(path: &Path, n: u64, uscc: &str) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(
        f,
        "申报编号,业务类型,统一社会信用代码,申报日期,材料,公民身份号码,姓名,入职日期,月工资"
    )
    .unwrap();
    let born = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    for i in 0..n {
        let day = born + chrono::Days::new(i / 900);
        let first17 = format!("130111{}{:03}", day.format("%Y%m%d"), i % 900);
        writeln!(
            f,
            "WS{i:08},参保登记,{uscc},2026-11-26,居民身份证；社会保险参保登记表；劳动合同,{first17}{},新员工{i},2026-11-10,6500",
            check_char(first17.as_bytes()),
        )
        .unwrap();
    }
}

async fn fresh(path: &Path) -> Store {
    let url = format!("sqlite://{}", path.display());
    let store = Store::connect(&DatabaseUrl::parse(&url).unwrap())
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let cal = CalendarFile::parse(include_str!("../data/calendar.toml")).unwrap();
    store.seed_calendar(&cal.year).await.unwrap();
    let calendar = WorkCalendar::from_years(&cal.year);
    let lists = store.material_requirements().await.unwrap();
    let data = generate(&DemoInputs {
        persons: 100,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        calendar: &calendar,
        checklists: &lists,
    });
    store.seed_demo("system", &data).await.unwrap();
    store
}

fn main() {
    let persons = size("HRSS_BENCH_PERSONS", 1_000_000);
    let exported = size("HRSS_BENCH_EXPORT", 100_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let csv = std::env::var_os("HRSS_BENCH_CSV")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("persons.csv"));
    write_register(&csv, persons);
    let bytes = std::fs::metadata(&csv).unwrap().len();
    println!(
        "{persons} persons, {:.0} MB of CSV, on SQLite",
        bytes as f64 / 1e6
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut first = Vec::new();
    let mut again = Vec::new();
    for run in 0..3 {
        let db = dir.path().join(format!("import-{run}.sqlite"));
        rt.block_on(async {
            let store = fresh(&db).await;
            let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
            for times in [&mut first, &mut again] {
                let t = Instant::now();
                let o = import_file(
                    &Cx::new(&store, &WorkCalendar::default(), &clerk, Lang::Zh, today),
                    ImportKind::Persons,
                    &csv,
                    None,
                    false,
                    &|_, _| {},
                )
                .await
                .unwrap();
                times.push(t.elapsed());
                assert!(o.problems.is_empty(), "{:?}", &o.problems[..1]);
                assert_eq!(o.counts.unwrap().rows, persons);
            }
            store.close().await;
        });
        let _ = std::fs::remove_file(&db);
    }
    let f = median(first).as_secs_f64();
    let a = median(again).as_secs_f64();
    println!("figure: import {f:.4} s");
    println!("figure: import_again {a:.4} s");
    println!(
        "import {} persons (new)        median {f:>6.2} s  budget 20 s  ratio {:.3}  ({:.0} rows/s)",
        grouped(persons),
        f / 20.0,
        persons as f64 / f
    );
    println!(
        "the same file again (nothing changes) median {a:>6.2} s  budget 20 s  ratio {:.3}",
        a / 20.0
    );

    // A batch from the declaration system: enrollments of persons new to the
    // register, each received as the counter receives one.
    let filings = size("HRSS_BENCH_FILINGS", 10_000);
    let mut batch_first = Vec::new();
    let mut batch_again = Vec::new();
    for run in 0..3 {
        let db = dir.path().join(format!("batch-{run}.sqlite"));
        let batch = dir.path().join("batch.csv");
        rt.block_on(async {
            let store = fresh(&db).await;
            let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
            let uscc = store
                .employer_ids()
                .await
                .unwrap()
                .into_keys()
                .min()
                .unwrap();
            write_batch(&batch, filings, &uscc);
            for times in [&mut batch_first, &mut batch_again] {
                let t = Instant::now();
                let o = import_file(
                    &Cx::new(&store, &WorkCalendar::default(), &clerk, Lang::Zh, today),
                    ImportKind::Filings,
                    &batch,
                    None,
                    false,
                    &|_, _| {},
                )
                .await
                .unwrap();
                times.push(t.elapsed());
                assert!(o.problems.is_empty(), "{:?}", &o.problems[..1]);
                assert_eq!(o.counts.unwrap().rows, filings);
            }
            store.close().await;
        });
        let _ = std::fs::remove_file(&db);
    }
    let bf = median(batch_first).as_secs_f64();
    let ba = median(batch_again).as_secs_f64();
    println!("figure: batch_filings {bf:.4} s");
    println!("figure: batch_filings_again {ba:.4} s");
    println!(
        "receive {} filings in a batch       median {bf:>6.2} s  ({:.0} filings/s; persons import above: {:.0} rows/s)",
        grouped(filings),
        filings as f64 / bf,
        persons as f64 / f
    );
    println!("the same batch again (nothing new)    median {ba:>6.2} s",);

    // Exports: a register of 100,000, read from the database and written out
    // (with the 100 persons of the demo beside them).
    let small = dir.path().join("persons-export.csv");
    write_register(&small, exported);
    let rows_said = (exported + 100).to_string();
    let db = dir.path().join("export.sqlite");
    let (xlsx, csv_times) = rt.block_on(async {
        let store = fresh(&db).await;
        let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
        import_file(
            &Cx::new(&store, &WorkCalendar::default(), &clerk, Lang::Zh, today),
            ImportKind::Persons,
            &small,
            None,
            false,
            &|_, _| {},
        )
        .await
        .unwrap();
        let cal = CalendarFile::parse(include_str!("../data/calendar.toml")).unwrap();
        let calendar = WorkCalendar::from_years(&cal.year);
        let mut out = (Vec::new(), Vec::new());
        for run in 0..3 {
            for (file, times) in [("x.xlsx", &mut out.0), ("x.csv", &mut out.1)] {
                let path = dir.path().join(format!("{run}-{file}"));
                let t = Instant::now();
                let said = export(
                    &Cx::new(&store, &calendar, &clerk, Lang::Zh, today),
                    Source::List(hrss_desk::store::ListKind::Persons),
                    "",
                    &Default::default(),
                    &path,
                    None,
                    None,
                )
                .await
                .unwrap();
                times.push(t.elapsed());
                assert!(said.contains(&rows_said), "{said}");
            }
        }
        store.close().await;
        out
    });
    let x = median(xlsx).as_secs_f64();
    let c = median(csv_times).as_secs_f64();
    println!("figure: export_xlsx {x:.4} s");
    println!("figure: export_csv {c:.4} s");
    println!(
        "export {} persons to .xlsx        median {x:>6.2} s  budget  5 s  ratio {:.3}",
        grouped(exported + 100),
        x / 5.0
    );
    println!(
        "the same to CSV (UTF-8 with BOM)       median {c:>6.2} s  (xlsx/csv {:.1}×)",
        x / c
    );

    // Reading that workbook back: cell by cell with the sheet's limits (as
    // imports read now) beside calamine's dense range and formula range (as
    // they read before issue 19), interleaved, three runs each.
    let book = std::fs::read(dir.path().join("0-x.xlsx")).unwrap();
    let (mut streamed, mut dense) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let t = Instant::now();
        let sheet = hrss_desk::sheet::parse(book.clone(), true, None).unwrap();
        streamed.push(t.elapsed());
        assert_eq!(sheet.rows.len() as u64, exported + 100);
        let t = Instant::now();
        let n = dense_read(book.clone());
        dense.push(t.elapsed());
        assert_eq!(n as u64, exported + 101);
    }
    let (s, d) = (median(streamed).as_secs_f64(), median(dense).as_secs_f64());
    println!("figure: read_xlsx {s:.4} s");
    println!(
        "read those {} rows of .xlsx          median {s:>6.2} s  (dense range as before: {d:.2} s, ratio {:.2})",
        grouped(exported + 100),
        s / d
    );
}

/// The rows of a workbook's first sheet read as imports read it before:
/// calamine's dense value range and dense formula range.
fn dense_read(bytes: Vec<u8>) -> usize {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let formulas = book.worksheet_formula(&name).unwrap();
    std::hint::black_box(&formulas);
    range.rows().count()
}

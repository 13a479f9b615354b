//! Foundation figures, measured end to end on the release binary:
//!   cargo bench --bench foundation              # validate 100,000 IDs and USCCs
//!   cargo bench --bench foundation -- seed      # also demo --seed-only --size 1000000
//! Each figure is the median of several runs, with the range and the ratio to
//! the budget (under 1.00 is within budget). HRSS_BENCH_SEED_SIZE seeds
//! another number of persons; each figure is also printed as a
//! `figure: NAME VALUE UNIT` line for `scripts/bench.sh`.

use hrss_desk::domain::{ResidentId, Uscc};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_hrss-desk")
}

/// 100,000 values, one in twenty with a wrong check character.
fn ids(n: usize) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(1960, 1, 1).unwrap();
    let mut out = String::with_capacity(n * 19);
    for i in 0..n {
        let birth = start + chrono::Days::new((i % 16_000) as u64);
        let mut id = ResidentId::compose("130110", birth, (i / 16_000) as u16).to_string();
        if i % 20 == 0 {
            id.pop();
            id.push(if id.ends_with('1') { '2' } else { '1' });
        }
        out.push_str(&id);
        out.push('\n');
    }
    out
}

fn usccs(n: usize) -> String {
    const A: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let mut out = String::with_capacity(n * 19);
    for i in 0..n {
        let mut body = String::from("91130110");
        let mut r = i;
        for _ in 0..9 {
            body.push(A[r % 31] as char);
            r /= 31;
        }
        out.push_str(Uscc::compose(&body).as_str());
        out.push('\n');
    }
    out
}

fn time_validate(what: &str, input: &str) -> Duration {
    let started = Instant::now();
    let mut child = Command::new(binary())
        .args(["validate", what, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("run hrss-desk");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait().unwrap();
    started.elapsed()
}

fn time_seed(size: usize) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.sqlite").display());
    let started = Instant::now();
    let st = Command::new(binary())
        .args([
            "--database-url",
            &url,
            "demo",
            "--seed-only",
            "--size",
            &size.to_string(),
        ])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    started.elapsed()
}

fn report(key: &str, name: &str, runs: &mut [Duration], budget: Duration) {
    runs.sort();
    let median = runs[runs.len() / 2];
    println!("figure: {key} {:.6} s", median.as_secs_f64());
    println!(
        "{name:<44} median {:>8.3} s  (min {:.3}, max {:.3}, {} runs)  budget {:>5.1} s  ratio {:.3}",
        median.as_secs_f64(),
        runs[0].as_secs_f64(),
        runs[runs.len() - 1].as_secs_f64(),
        runs.len(),
        budget.as_secs_f64(),
        median.as_secs_f64() / budget.as_secs_f64()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ids = ids(100_000);
    let usccs = usccs(100_000);
    let mut id_runs: Vec<Duration> = (0..7).map(|_| time_validate("id", &ids)).collect();
    let mut uscc_runs: Vec<Duration> = (0..7).map(|_| time_validate("uscc", &usccs)).collect();
    report(
        "validate_id",
        "validate id - (100,000 values)",
        &mut id_runs,
        Duration::from_secs(1),
    );
    report(
        "validate_uscc",
        "validate uscc - (100,000 values)",
        &mut uscc_runs,
        Duration::from_secs(1),
    );
    if args.iter().any(|a| a == "seed") {
        let size: usize = std::env::var("HRSS_BENCH_SEED_SIZE")
            .map(|s| s.parse().expect("HRSS_BENCH_SEED_SIZE is a number"))
            .unwrap_or(1_000_000);
        let mut seed_runs: Vec<Duration> = (0..3).map(|_| time_seed(size)).collect();
        report(
            "seed",
            &format!("demo --seed-only --size {size} (SQLite)"),
            &mut seed_runs,
            Duration::from_secs(60),
        );
    }
}

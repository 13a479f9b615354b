//! Lookup figures over the shared deterministic corpus of 1,000,000 records:
//!   python3 ../shared/tools/gen_corpus.py 1000000 --tsv -o target/c1m.tsv
//!   cargo bench --bench lookup
//! (HRSS_CORPUS names another corpus file.) When the corpus file is missing it
//! is made here, by `../shared/tools/gen_corpus.py` when that exists beside
//! the repository, else by the copy in `benches/gen_corpus.py`. Typing `lqrl`,
//! `鹿泉人力` and `2023107` one character at a time, each keystroke's search
//! narrowing the last, as the pane does; seven rounds; per-keystroke medians,
//! the slowest keystroke, and the index's memory. Each figure is also printed
//! as a `figure: NAME VALUE UNIT` line for `scripts/bench.sh`.

use hrss_desk::domain::LicenceKind;
use hrss_desk::search::{Hits, Index, KindFilter, RecordKind, Source};
use std::time::{Duration, Instant};

fn corpus() -> String {
    let path = std::env::var("HRSS_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target/c1m.tsv").into());
    if !std::path::Path::new(&path).exists() {
        let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/tools/gen_corpus.py");
        let tool = if std::path::Path::new(shared).exists() {
            shared
        } else {
            concat!(env!("CARGO_MANIFEST_DIR"), "/benches/gen_corpus.py")
        };
        let st = std::process::Command::new("python3")
            .args([tool, "1000000", "--tsv", "-o", &path])
            .status()
            .expect("python3 makes the corpus");
        assert!(st.success());
    }
    std::fs::read_to_string(&path).unwrap()
}

fn main() {
    let text = corpus();
    let started = Instant::now();
    let mut index = Index::new();
    for (n, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let kind = match f[0] {
            "licence" => RecordKind::Licence(LicenceKind::HrService),
            "employer" => RecordKind::Employer,
            _ => RecordKind::Person,
        };
        index.push(Source {
            kind,
            id: n as i64 + 1,
            name: f[2].to_string(),
            number: f[1].to_string(),
            uscc: String::new(),
            rank: 0,
            status: "valid".into(),
            employer_id: None,
        });
    }
    index.finish();
    drop(text);
    let built = started.elapsed().as_secs_f64();
    let mb = index.heap_bytes() as f64 / 1_048_576.0;
    println!("figure: records {} count", index.len());
    println!("figure: index_build {built:.3} s");
    println!("figure: index_heap {mb:.1} MB");
    println!(
        "index of {} records: built in {:.2} s, {:.1} MB on the heap (budget 150 MB)",
        index.len(),
        built,
        mb
    );
    let mut all_keystrokes: Vec<Duration> = Vec::new();
    for query in ["lqrl", "鹿泉人力", "2023107"] {
        let chars: Vec<char> = query.chars().collect();
        let mut per_key: Vec<Vec<Duration>> = vec![Vec::new(); chars.len()];
        let mut hits_found = 0;
        for _ in 0..7 {
            let mut previous: Option<Hits> = None;
            for k in 1..=chars.len() {
                let q: String = chars[..k].iter().collect();
                let t = Instant::now();
                let hits = index
                    .search(&q, KindFilter::All, 200, previous.as_ref(), None)
                    .unwrap();
                let took = t.elapsed();
                per_key[k - 1].push(took);
                all_keystrokes.push(took);
                hits_found = hits.matched.as_ref().map_or(hits.top.len(), Vec::len);
                previous = Some(hits);
            }
        }
        let medians: Vec<f64> = per_key
            .iter_mut()
            .map(|v| {
                v.sort();
                v[v.len() / 2].as_secs_f64() * 1e3
            })
            .collect();
        let shown: Vec<String> = medians.iter().map(|m| format!("{m:.2}")).collect();
        println!(
            "typing {query:<10} per-keystroke medians ms [{}]  final matches {hits_found}",
            shown.join(", ")
        );
    }
    all_keystrokes.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "figure: keystroke_median {:.4} ms",
        ms(all_keystrokes[all_keystrokes.len() / 2])
    );
    println!(
        "figure: keystroke_slowest {:.4} ms",
        ms(*all_keystrokes.last().unwrap())
    );
    println!(
        "all keystrokes: median {:.2} ms (budget 3), slowest {:.2} ms (budget 16), {} keystrokes",
        ms(all_keystrokes[all_keystrokes.len() / 2]),
        ms(*all_keystrokes.last().unwrap()),
        all_keystrokes.len()
    );
}

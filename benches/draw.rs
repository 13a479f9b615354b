//! A random inspection draw over 100,000 targets and 200 inspectors, and its
//! replay from the record:
//!   cargo bench --bench draw
//! Medians of 15 runs; the replay must give the same bytes.

use hrss_desk::domain::draw::{Inspector, Plan, Target, draw, pool_hash, result_bytes};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // Some targets weigh more (complaints, a bad record); some have a last pair;
    // some inspectors declared interests.
    let targets: Vec<Target> = (1..=100_000)
        .map(|id| Target {
            id,
            weight: if id % 13 == 0 { 4 } else { 1 },
            last_pair: (id % 7 == 0).then_some((1000 + id % 200, 1000 + (id + 1) % 200)),
        })
        .collect();
    let inspectors: Vec<Inspector> = (0..200)
        .map(|n| Inspector {
            id: 1000 + n,
            conflicts: (0..50).map(|k| (n * 500 + k * 7) % 100_000 + 1).collect(),
        })
        .collect();
    let plan = Plan {
        seed: 20_261_127,
        ratio_permille: 50,
        per_target: 2,
    };
    let mut first = None;
    let times: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let r = draw(&plan, &targets, &inspectors).unwrap();
            let e = t.elapsed();
            let bytes = result_bytes(&r);
            match &first {
                None => first = Some(bytes),
                Some(b) => assert_eq!(b, &bytes, "replay differs"),
            }
            e
        })
        .collect();
    let m = median(times);
    let picks =
        serde_json::from_slice::<serde_json::Value>(first.as_ref().unwrap()).unwrap()["picks"]
            .as_array()
            .unwrap()
            .len();
    let t = Instant::now();
    let h = (pool_hash(&targets), pool_hash(&inspectors));
    let hashed = t.elapsed();
    println!(
        "draw of {picks} from 100,000 targets, 200 inspectors  median {:>8.2} ms  budget 200 ms  ratio {:.3}; 15 replays byte-identical",
        m.as_secs_f64() * 1e3,
        m.as_secs_f64() * 1e3 / 200.0
    );
    println!(
        "hashing both pools once {:>8.2} ms ({}…, {}…)",
        hashed.as_secs_f64() * 1e3,
        &h.0[..12],
        &h.1[..12]
    );
}

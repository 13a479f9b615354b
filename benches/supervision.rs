//! Supervision figures: a random inspection draw over 100,000 targets and 200
//! inspectors (its replays must give the same bytes), and the settlement-data
//! audit of 12 months × 10,000 institutions:
//!   cargo bench --bench supervision
//! Medians of 15 (draw) and 7 (audit) runs. Each figure is also printed as a
//! `figure: NAME VALUE UNIT` line for `scripts/bench.sh`.
// Money in fen reads as yuan and fen.
#![allow(clippy::inconsistent_digit_grouping)]

use hrss_desk::domain::draw::{Inspector, Plan, Target, draw, pool_hash, result_bytes};
use hrss_desk::domain::settlement::{MonthFigures, Rules, audit};
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
            // Two rounds kept off for some: the rotation's exclusion costs its part.
            recent: if id % 5 == 0 {
                vec![
                    1000 + id % 200,
                    1000 + (id + 3) % 200,
                    1000 + (id + 7) % 200,
                ]
            } else {
                vec![]
            },
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
    println!("figure: draw {:.4} ms", m.as_secs_f64() * 1e3);
    println!("figure: draw_picks {picks} count");
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
    // 10,000 institutions in 20 zones, 12 months; one in fifty misbehaves.
    let figures: Vec<MonthFigures> = (0..10_000i64)
        .flat_map(|i| {
            (1..=12u32).map(move |m| {
                let odd = i % 50 == 0 && m == 7;
                let visits = 500 + (i * 37 + i64::from(m) * 11) % 700;
                MonthFigures {
                    institution: i,
                    zone: format!("LQ-{:02}", i % 20),
                    month: 202600 + m,
                    visits,
                    outpatient_cost: visits * if odd { 600_00 } else { 120_00 + (i % 30) * 100 },
                    persons: visits / 3,
                }
            })
        })
        .collect();
    let mut flagged = 0;
    let audits: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let flags = audit(&figures, &Rules::default());
            let e = t.elapsed();
            flagged = flags.len();
            e
        })
        .collect();
    let a = median(audits);
    println!("figure: audit {:.4} ms", a.as_secs_f64() * 1e3);
    println!(
        "settlement audit, 12 months × 10,000 institutions ({flagged} flags)  median {:>8.2} ms  budget 2000 ms  ratio {:.3}",
        a.as_secs_f64() * 1e3,
        a.as_secs_f64() * 1e3 / 2000.0
    );
}

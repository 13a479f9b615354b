//! Draws are reproducible and respect every exclusion, on adversarial pools.

use super::*;

fn targets(n: i64) -> Vec<Target> {
    (1..=n)
        .map(|id| Target {
            id,
            weight: 1,
            last_pair: None,
            recent: vec![],
        })
        .collect()
}

fn inspectors(n: i64) -> Vec<Inspector> {
    (100..100 + n)
        .map(|id| Inspector {
            id,
            conflicts: vec![],
        })
        .collect()
}

fn plan(seed: u64, ratio_permille: u32) -> Plan {
    Plan {
        seed,
        ratio_permille,
        per_target: 2,
    }
}

#[test]
fn the_same_seed_and_pools_give_the_same_bytes_in_any_order() {
    let t = targets(500);
    let i = inspectors(20);
    let a = draw(&plan(7, 100), &t, &i).unwrap();
    let mut shuffled_t = t.clone();
    shuffled_t.reverse();
    let mut shuffled_i = i.clone();
    shuffled_i.rotate_left(5);
    let b = draw(&plan(7, 100), &shuffled_t, &shuffled_i).unwrap();
    assert_eq!(result_bytes(&a), result_bytes(&b));
    assert_eq!(a.picks.len(), 50);
    let c = draw(&plan(8, 100), &t, &i).unwrap();
    assert_ne!(a, c, "another seed, another draw");
}

#[test]
fn each_target_gets_two_inspectors_and_the_load_is_shared() {
    let r = draw(&plan(1, 200), &targets(100), &inspectors(10)).unwrap();
    assert_eq!(r.picks.len(), 20);
    let mut load = std::collections::HashMap::new();
    for p in &r.picks {
        assert_eq!(p.inspectors.len(), 2);
        assert_ne!(p.inspectors[0], p.inspectors[1]);
        for i in &p.inspectors {
            *load.entry(*i).or_insert(0) += 1;
        }
    }
    // 40 assignments over 10 inspectors: 4 each.
    assert!(load.values().all(|n| *n == 4), "{load:?}");
    let mut ids: Vec<i64> = r.picks.iter().map(|p| p.target).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 20, "no target twice");
}

#[test]
fn a_conflicted_inspector_is_never_sent_and_everyone_conflicted_leaves_it_unstaffed() {
    let t = targets(10);
    let mut i = inspectors(3);
    i[0].conflicts = (1..=10).collect();
    let r = draw(&plan(3, 1000), &t, &i).unwrap();
    assert!(r.picks.iter().all(|p| !p.inspectors.contains(&100)));
    assert_eq!(r.picks.len(), 10);
    for ins in &mut i {
        ins.conflicts = vec![4];
    }
    let r = draw(&plan(3, 1000), &t, &i).unwrap();
    assert_eq!(
        r.unstaffed,
        [Unstaffed {
            target: 4,
            eligible: 0
        }]
    );
    assert_eq!(r.picks.len(), 9);
}

#[test]
fn the_pair_that_last_inspected_a_target_is_not_sent_together_again() {
    let mut t = targets(1);
    t[0].last_pair = Some((100, 101));
    for seed in 0..50 {
        let r = draw(&plan(seed, 1000), &t, &inspectors(3)).unwrap();
        assert_ne!(r.picks[0].inspectors, [100, 101], "seed {seed}");
    }
    // Only that pair is left: the target waits, it is not sent to them.
    let r = draw(&plan(1, 1000), &t, &inspectors(2)).unwrap();
    assert_eq!(
        r.unstaffed,
        [Unstaffed {
            target: 1,
            eligible: 2
        }]
    );
}

#[test]
fn the_rotation_keeps_inspectors_off_a_target_for_the_set_rounds() {
    // Newest first: inspection 9 by 100 and 101, 8 by 102 and 103, 7 by 104.
    let history = [(9, 100), (9, 101), (8, 102), (8, 103), (7, 104)];
    assert_eq!(kept_off(&history, 0), Vec::<i64>::new());
    assert_eq!(kept_off(&history, 1), [100, 101]);
    assert_eq!(kept_off(&history, 2), [100, 101, 102, 103]);
    assert_eq!(kept_off(&history, 5), [100, 101, 102, 103, 104]);
    // Two rounds off: only 104 and 105 are left to send.
    let mut t = targets(1);
    t[0].recent = kept_off(&history, 2);
    for seed in 0..50 {
        let r = draw(&plan(seed, 1000), &t, &inspectors(6)).unwrap();
        assert_eq!(r.picks[0].inspectors, [104, 105], "seed {seed}");
    }
    // Too few left: the target waits, naming how many were eligible.
    let r = draw(&plan(1, 1000), &t, &inspectors(5)).unwrap();
    assert_eq!(
        r.unstaffed,
        [Unstaffed {
            target: 1,
            eligible: 1
        }]
    );
    // A record made before rounds existed reads and hashes as it did.
    let old = r#"[{"id":1,"weight":1,"last_pair":null}]"#;
    let read: Vec<Target> = serde_json::from_str(old).unwrap();
    assert!(read[0].recent.is_empty());
    assert_eq!(serde_json::to_string(&read).unwrap(), old);
}

#[test]
fn too_few_inspectors_no_targets_or_a_bad_ratio_is_refused() {
    assert_eq!(
        draw(&plan(1, 100), &targets(10), &inspectors(1)),
        Err(DrawError::TooFewInspectors { have: 1, need: 2 })
    );
    assert_eq!(
        draw(&plan(1, 100), &[], &inspectors(5)),
        Err(DrawError::NoTargets)
    );
    assert_eq!(
        draw(&plan(1, 0), &targets(10), &inspectors(5)),
        Err(DrawError::BadRatio)
    );
    assert_eq!(
        draw(&plan(1, 1001), &targets(10), &inspectors(5)),
        Err(DrawError::BadRatio)
    );
}

#[test]
fn weight_raises_the_chance_of_being_drawn() {
    let mut t = targets(1000);
    for x in t.iter_mut().take(100) {
        x.weight = 5;
    }
    let mut heavy = 0;
    for seed in 0..20 {
        let r = draw(&plan(seed, 100), &t, &inspectors(20)).unwrap();
        heavy += r.picks.iter().filter(|p| p.target <= 100).count();
    }
    // A tenth of the pool weighs five times: well over a tenth of the picks.
    assert!(heavy > 2000 * 3 / 10, "{heavy} of 2000");
}

#[test]
fn pools_have_a_fingerprint_and_sample_sizes_round_up() {
    assert_eq!(pool_hash(&targets(3)), pool_hash(&targets(3)));
    assert_ne!(pool_hash(&targets(3)), pool_hash(&targets(4)));
    assert_eq!(pool_hash(&targets(1)).len(), 64);
    assert_eq!(sample_size(1000, 50), 50);
    assert_eq!(sample_size(7, 50), 1);
    assert_eq!(sample_size(3, 1000), 3);
}

#[test]
fn complaints_and_a_bad_record_weigh_more() {
    assert_eq!(weight(0, false), 1);
    assert_eq!(weight(2, false), 3);
    assert_eq!(weight(9, true), 6);
}

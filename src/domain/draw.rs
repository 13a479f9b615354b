//! Random inspection draws (双随机、一公开, 国办发〔2015〕58号): targets drawn
//! from a pool by lot, weighted towards those with complaints or a bad
//! record, then at least two inspectors for each, never one with a declared
//! interest in the target nor the pair that last inspected it. The seed is
//! fixed and shown before the draw; the same seed and pools give the same
//! result, byte for byte, so a draw can be replayed from its record.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Inspectors a target needs at least.
pub const MIN_PER_TARGET: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub id: i64,
    /// 1 for an ordinary target; more for complaints or a bad record.
    pub weight: u32,
    /// The two who inspected it last, if any (they are not sent together again).
    pub last_pair: Option<(i64, i64)>,
    /// Who inspected it in the rounds the rotation keeps them off for
    /// (`draw.rotation_rounds`): none of them is sent to it. Absent from
    /// records made before rotation rounds, which replay as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspector {
    pub id: i64,
    /// Targets this inspector declared an interest in.
    pub conflicts: Vec<i64>,
}

/// A share typed as "5%", "5", "0.5%" (or with a full-width ％), in
/// thousandths: None unless between 0.1 % and 100 %.
pub fn parse_ratio(s: &str) -> Option<u32> {
    let v: f64 = s.trim().trim_end_matches(['%', '％']).parse().ok()?;
    let permille = (v * 10.0).round();
    (1.0..=1000.0)
        .contains(&permille)
        .then_some(permille as u32)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub seed: u64,
    /// The share of the pool drawn, in thousandths (50 = 5 %); at least one.
    pub ratio_permille: u32,
    pub per_target: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    pub target: i64,
    pub inspectors: Vec<i64>,
}

/// Why a drawn target got no inspectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unstaffed {
    pub target: i64,
    /// Inspectors left once the conflicted were set aside.
    pub eligible: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawResult {
    pub picks: Vec<Pick>,
    pub unstaffed: Vec<Unstaffed>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrawError {
    NoTargets,
    TooFewInspectors { have: usize, need: usize },
    BadRatio,
}

/// A target's weight: one, plus one for each complaint about it (up to
/// three), plus two for a bad record (a failed inspection or a sanction) —
/// 国办发〔2015〕58号 asks that these be drawn more often.
pub fn weight(complaints: i64, bad_record: bool) -> u32 {
    1 + complaints.clamp(0, 3) as u32 + if bad_record { 2 } else { 0 }
}

/// A pool's fingerprint: SHA-256 of its canonical JSON (sorted by id).
pub fn pool_hash<T: Serialize>(pool: &[T]) -> String {
    let bytes = serde_json::to_vec(pool).expect("pools serialise");
    hex::encode(Sha256::digest(bytes))
}

/// How many targets a ratio of `n` gives: rounded up, at least one.
pub fn sample_size(n: usize, ratio_permille: u32) -> usize {
    let k = (n as u64 * u64::from(ratio_permille)).div_ceil(1000) as usize;
    k.clamp(1, n)
}

/// A uniform draw in (0, 1].
fn unit(rng: &mut ChaCha8Rng) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
}

/// Draws. `targets` and `inspectors` are taken in id order whatever order
/// they come in, so only their content decides the result.
pub fn draw(
    plan: &Plan,
    targets: &[Target],
    inspectors: &[Inspector],
) -> Result<DrawResult, DrawError> {
    if plan.ratio_permille == 0 || plan.ratio_permille > 1000 {
        return Err(DrawError::BadRatio);
    }
    let need = plan.per_target.max(MIN_PER_TARGET);
    if targets.is_empty() {
        return Err(DrawError::NoTargets);
    }
    if inspectors.len() < need {
        return Err(DrawError::TooFewInspectors {
            have: inspectors.len(),
            need,
        });
    }
    let mut targets: Vec<&Target> = targets.iter().collect();
    targets.sort_by_key(|t| t.id);
    let mut inspectors: Vec<&Inspector> = inspectors.iter().collect();
    inspectors.sort_by_key(|i| i.id);
    let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);

    // Weighted sampling without replacement (Efraimidis–Spirakis): each
    // target's key is u^(1/w); the k largest keys are drawn.
    let k = sample_size(targets.len(), plan.ratio_permille);
    let mut keyed: Vec<(f64, i64, usize)> = targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                unit(&mut rng).powf(1.0 / f64::from(t.weight.max(1))),
                t.id,
                i,
            )
        })
        .collect();
    let by_key =
        |a: &(f64, i64, usize), b: &(f64, i64, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if k < keyed.len() {
        keyed.select_nth_unstable_by(k, by_key);
        keyed.truncate(k);
    }
    keyed.sort_by(by_key);

    // Inspectors for each drawn target: the least loaded first, ties broken
    // by lot; never one with an interest in it, never its last pair again.
    let mut load = vec![0u32; inspectors.len()];
    let mut picks = Vec::with_capacity(k);
    let mut unstaffed = Vec::new();
    for (_, id, ti) in keyed {
        let t = targets[ti];
        let mut eligible: Vec<(u32, u64, usize)> = inspectors
            .iter()
            .enumerate()
            .filter(|(_, ins)| !ins.conflicts.contains(&id) && !t.recent.contains(&ins.id))
            .map(|(ii, _)| (load[ii], rng.next_u64(), ii))
            .collect();
        if eligible.len() < need {
            unstaffed.push(Unstaffed {
                target: id,
                eligible: eligible.len(),
            });
            continue;
        }
        eligible.sort_unstable();
        let mut team: Vec<usize> = eligible.iter().take(need).map(|e| e.2).collect();
        if let Some((a, b)) = t.last_pair {
            let ids: Vec<i64> = team.iter().map(|i| inspectors[*i].id).collect();
            if ids.contains(&a) && ids.contains(&b) {
                // Rotate: the next eligible one replaces the last pair's second.
                match eligible.get(need) {
                    Some(e) => {
                        let pos = team
                            .iter()
                            .position(|i| inspectors[*i].id == b)
                            .expect("b is in the team");
                        team[pos] = e.2;
                    }
                    None => {
                        unstaffed.push(Unstaffed {
                            target: id,
                            eligible: eligible.len(),
                        });
                        continue;
                    }
                }
            }
        }
        for i in &team {
            load[*i] += 1;
        }
        let mut chosen: Vec<i64> = team.iter().map(|i| inspectors[*i].id).collect();
        chosen.sort_unstable();
        picks.push(Pick {
            target: id,
            inspectors: chosen,
        });
    }
    Ok(DrawResult { picks, unstaffed })
}

/// Who is kept off a target: the inspectors of its newest `rounds`
/// inspections, given newest first as (inspection, inspector).
pub fn kept_off(history: &[(i64, i64)], rounds: usize) -> Vec<i64> {
    let mut seen = Vec::new();
    let mut off = Vec::new();
    for (inspection, inspector) in history {
        if !seen.contains(inspection) {
            if seen.len() == rounds {
                break;
            }
            seen.push(*inspection);
        }
        off.push(*inspector);
    }
    off.sort_unstable();
    off.dedup();
    off
}

/// The result as recorded and compared on replay.
pub fn result_bytes(r: &DrawResult) -> Vec<u8> {
    serde_json::to_vec(r).expect("results serialise")
}

/// What a draw did, for the screen or the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub id: i64,
    pub seed: u64,
    pub targets: usize,
    pub inspectors: usize,
    pub targets_hash: String,
    pub inspectors_hash: String,
    pub result: DrawResult,
}

#[cfg(test)]
mod tests;

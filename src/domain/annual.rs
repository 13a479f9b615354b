//! Annual reviews (DOMAIN.md §4–5): HR agencies' annual reports (due by a
//! configured day, 31 March by default) received, late or missing; training
//! schools' annual inspection with an on-site sample of at least the
//! configured share (30 % by default), and a school rated 不合格 may not
//! enrol until a re-check passes.

use chrono::NaiveDate;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStatus {
    Received,
    Late,
    Missing,
    NotYetDue,
}

impl ReportStatus {
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            ReportStatus::Received => lang.pick("已按时报送", "received"),
            ReportStatus::Late => lang.pick("逾期报送", "late"),
            ReportStatus::Missing => lang.pick("未报送", "missing"),
            ReportStatus::NotYetDue => lang.pick("未到期", "not yet due"),
        }
    }
}

pub fn report_status(
    due: NaiveDate,
    submitted: Option<NaiveDate>,
    today: NaiveDate,
) -> ReportStatus {
    match submitted {
        Some(s) if s <= due => ReportStatus::Received,
        Some(_) => ReportStatus::Late,
        None if today > due => ReportStatus::Missing,
        None => ReportStatus::NotYetDue,
    }
}

/// What may follow a report not filed (人力资源市场暂行条例 arts 36, 46:
/// 未按规定提交年度报告的，责令改正；拒不改正的，处5000元以上1万元以下罚款).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportChain {
    /// Filed, or not yet due: nothing to order.
    NothingToOrder,
    /// Missing: an order to file it by a day may be made.
    MayOrder,
    /// Ordered, the order's day not yet passed.
    Ordered(NaiveDate),
    /// The order's day passed with the report still not filed (or filed
    /// after it): the fine may be proposed.
    OrderUnmet(NaiveDate),
}

/// Where `status`'s report stands in the chain, given its order's day.
pub fn report_chain(
    status: ReportStatus,
    submitted: Option<NaiveDate>,
    order_deadline: Option<NaiveDate>,
    today: NaiveDate,
) -> ReportChain {
    match (order_deadline, submitted) {
        (Some(d), Some(s)) if s > d => ReportChain::OrderUnmet(d),
        (Some(_), Some(_)) => ReportChain::NothingToOrder,
        (Some(d), None) if today > d => ReportChain::OrderUnmet(d),
        (Some(d), None) => ReportChain::Ordered(d),
        (None, _) if status == ReportStatus::Missing => ReportChain::MayOrder,
        (None, _) => ReportChain::NothingToOrder,
    }
}

/// The schools visited on site: at least `share_permille` of them (rounded
/// up, at least one), drawn by lot from `seed`; the same seed and schools
/// give the same sample.
pub fn onsite_sample(schools: &[i64], share_permille: u32, seed: u64) -> Vec<i64> {
    if schools.is_empty() {
        return vec![];
    }
    let mut all: Vec<i64> = schools.to_vec();
    all.sort_unstable();
    all.dedup();
    let k = crate::domain::draw::sample_size(all.len(), share_permille.clamp(1, 1000));
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // A partial Fisher–Yates shuffle: the first k are the sample.
    for i in 0..k {
        let j = i + (rng.next_u64() % (all.len() - i) as u64) as usize;
        all.swap(i, j);
    }
    let mut sample = all[..k].to_vec();
    sample.sort_unstable();
    sample
}

/// A school whose latest annual result is 不合格 may not enrol until a
/// re-check passes: `results` are (year, passed) in any order, a re-check
/// recorded as a later result of the same or a later year.
pub fn no_enrolment(results: &[(i64, Option<bool>)]) -> bool {
    results
        .iter()
        .filter_map(|(y, r)| r.map(|p| (*y, p)))
        .max_by_key(|(y, _)| *y)
        .is_some_and(|(_, passed)| !passed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_report_is_ordered_then_fined_if_the_order_is_not_met() {
        // 人力资源市场暂行条例 arts 36, 46: ordered first, fined only if not corrected.
        let due = d(3, 31);
        let missing = report_status(due, None, d(4, 10));
        assert_eq!(
            report_chain(missing, None, None, d(4, 10)),
            ReportChain::MayOrder
        );
        let not_due = report_status(due, None, d(3, 1));
        assert_eq!(
            report_chain(not_due, None, None, d(3, 1)),
            ReportChain::NothingToOrder
        );
        let order = d(4, 30);
        assert_eq!(
            report_chain(missing, None, Some(order), d(4, 30)),
            ReportChain::Ordered(order)
        );
        assert_eq!(
            report_chain(missing, None, Some(order), d(5, 1)),
            ReportChain::OrderUnmet(order)
        );
        // Filed within the order: corrected, no fine; filed after it: not met.
        let late = report_status(due, Some(d(4, 20)), d(5, 1));
        assert_eq!(
            report_chain(late, Some(d(4, 20)), Some(order), d(5, 1)),
            ReportChain::NothingToOrder
        );
        assert_eq!(
            report_chain(late, Some(d(5, 2)), Some(order), d(5, 3)),
            ReportChain::OrderUnmet(order)
        );
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    #[test]
    fn a_report_is_received_late_missing_or_not_yet_due() {
        let due = d(3, 31);
        assert_eq!(
            report_status(due, Some(d(3, 31)), d(4, 2)),
            ReportStatus::Received
        );
        assert_eq!(
            report_status(due, Some(d(4, 1)), d(4, 2)),
            ReportStatus::Late
        );
        assert_eq!(report_status(due, None, d(4, 1)), ReportStatus::Missing);
        assert_eq!(report_status(due, None, d(3, 31)), ReportStatus::NotYetDue);
    }

    #[test]
    fn the_onsite_sample_takes_at_least_its_share_the_same_each_time() {
        let schools: Vec<i64> = (1..=60).collect();
        let a = onsite_sample(&schools, 300, 9);
        assert_eq!(a.len(), 18);
        assert_eq!(a, onsite_sample(&schools, 300, 9));
        assert_ne!(a, onsite_sample(&schools, 300, 10));
        assert!(a.iter().all(|s| schools.contains(s)));
        assert_eq!(
            onsite_sample(&[5, 6, 7], 300, 1).len(),
            1,
            "rounded up, at least one"
        );
        assert!(onsite_sample(&[], 300, 1).is_empty());
    }

    #[test]
    fn a_failed_school_enrols_again_only_after_a_passed_recheck() {
        assert!(no_enrolment(&[(2025, Some(true)), (2026, Some(false))]));
        assert!(!no_enrolment(&[(2026, Some(false)), (2027, Some(true))]));
        assert!(!no_enrolment(&[(2026, None)]), "not yet rated");
        assert!(
            no_enrolment(&[(2026, Some(false)), (2027, None)]),
            "the re-check not yet done"
        );
    }
}

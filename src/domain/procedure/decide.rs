//! What a decision, or the penalty a prior notice proposes, comes to: its
//! article must found its kind and its amount lie in the article's range
//! (or be exactly what the law fixes); a notice proposes penalties only; a
//! decision is no heavier than the notice proposed (行政处罚法 art 45) and a
//! large money penalty stands only if the notice offered a hearing (art 63).

use super::{Move, Refusal};
use crate::domain::fines::{self, Basis, FineRefusal};
use crate::domain::kinds::DecisionKind;
use chrono::NaiveDate;

/// A decision (or a proposal) as asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked<'a> {
    pub kind: DecisionKind,
    pub article: &'a str,
    pub basis: Basis,
    /// None: the amount the law fixes (what is owed, with its charge).
    pub amount: Option<i64>,
}

/// What a notice proposed, as the case keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposed {
    pub kind: DecisionKind,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionRefusal {
    Amount(FineRefusal),
    /// A prior notice proposes an administrative penalty, nothing else.
    NoticeProposesPenalties,
    Procedure(Refusal),
}

/// The amount of `a` made by `m` on `on`: checked against its article.
pub fn amount_of(m: Move, a: &Asked, on: NaiveDate) -> Result<i64, DecisionRefusal> {
    if matches!(m, Move::PriorNotice | Move::Renotice) && !a.kind.is_penalty() {
        return Err(DecisionRefusal::NoticeProposesPenalties);
    }
    // A daily charge runs to the day of the decision.
    let basis = Basis {
        until: Some(on),
        ..a.basis
    };
    let amount = match fines::fixed_amount(a.kind, a.article, basis) {
        Some(fixed) => {
            let fixed = fixed.map_err(DecisionRefusal::Amount)?;
            if a.amount.is_some_and(|typed| typed != fixed) {
                return Err(DecisionRefusal::Amount(FineRefusal::OutOfRange {
                    min: fixed,
                    max: fixed,
                }));
            }
            fixed
        }
        None => a.amount.unwrap_or(0),
    };
    fines::check_for(a.kind, a.article, basis, amount).map_err(DecisionRefusal::Amount)?;
    Ok(amount)
}

/// Whether a proposal of `kind` and `amount` must offer a hearing: 较大数额
/// 罚款 or 没收较大数额违法所得 (行政处罚法 art 63), at the party's threshold.
pub fn offers_hearing(kind: DecisionKind, amount: i64, threshold: i64) -> bool {
    kind.on_the_licence()
        || matches!(kind, DecisionKind::Fine | DecisionKind::Confiscation)
            && fines::needs_hearing(amount, threshold)
}

/// What the case's notice did: none served, served without a proposal on
/// record (cases kept before proposals were), or served proposing this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    None,
    Unrecorded,
    Proposed(Proposed),
}

/// Whether a decision of `kind` and `amount` may follow what the notice
/// proposed and offered.
pub fn against_notice(
    notice: Notice,
    kind: DecisionKind,
    amount: i64,
    hearing_offered: bool,
    threshold: i64,
) -> Result<(), Refusal> {
    if !kind.is_penalty() {
        return Ok(());
    }
    match notice {
        Notice::None => return Err(Refusal::NoPriorNotice),
        Notice::Unrecorded => {}
        Notice::Proposed(p) => {
            let heavier = kind.weight() > p.kind.weight()
                || (kind.weight() == p.kind.weight() && kind.weight() == 2 && amount > p.amount);
            if heavier {
                return Err(Refusal::HeavierThanNotice);
            }
        }
    }
    if offers_hearing(kind, amount, threshold) && !hearing_offered {
        return Err(Refusal::HearingNotOffered);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecisionKind::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn asked(kind: DecisionKind, article: &str, owed: i64, amount: Option<i64>) -> Asked<'_> {
        Asked {
            kind,
            article,
            basis: Basis {
                workers: 2,
                owed,
                since: Some(d(2026, 6, 30)),
                until: None,
            },
            amount,
        }
    }

    #[test]
    fn each_article_founds_its_own_kinds_of_decision() {
        let on = d(2026, 10, 23);
        assert_eq!(
            amount_of(Move::Decide, &asked(Fine, "lsi-23", 0, Some(3_000_00)), on),
            Ok(3_000_00)
        );
        // Art 25 founds a warning (no amount) as well as a fine.
        assert_eq!(
            amount_of(Move::Decide, &asked(Warning, "lsi-25", 0, None), on),
            Ok(0)
        );
        assert_eq!(
            amount_of(Move::Decide, &asked(Warning, "lsi-23", 0, None), on),
            Err(DecisionRefusal::Amount(FineRefusal::WrongKind))
        );
        // 加付赔偿金 is paid to the workers: a handling decision, not a fine.
        assert_eq!(
            amount_of(
                Move::Decide,
                &asked(Fine, "lsi-26", 10_000_00, Some(5_000_00)),
                on
            ),
            Err(DecisionRefusal::Amount(FineRefusal::WrongKind))
        );
        assert_eq!(
            amount_of(
                Move::Decide,
                &asked(Handling, "lsi-26", 10_000_00, Some(5_000_00)),
                on
            ),
            Ok(5_000_00)
        );
        assert_eq!(
            amount_of(Move::Decide, &asked(NoPenalty, "ap-33", 0, None), on),
            Ok(0)
        );
        // Art 30: 2,000–20,000 yuan for refusing an order.
        assert!(amount_of(Move::Decide, &asked(Fine, "lsi-30", 0, Some(1_999_99)), on).is_err());
        assert_eq!(
            amount_of(Move::Decide, &asked(Fine, "lsi-30", 0, Some(20_000_00)), on),
            Ok(20_000_00)
        );
    }

    #[test]
    fn what_is_owed_is_decided_exactly_with_its_daily_charge_to_the_decision_day() {
        // Wages owed: exactly the amount, typed or not.
        let on = d(2026, 10, 23);
        assert_eq!(
            amount_of(
                Move::Decide,
                &asked(Handling, "lsi-26-pay", 8_000_00, None),
                on
            ),
            Ok(8_000_00)
        );
        assert_eq!(
            amount_of(
                Move::Decide,
                &asked(Handling, "lsi-26-pay", 8_000_00, Some(7_000_00)),
                on
            ),
            Err(DecisionRefusal::Amount(FineRefusal::OutOfRange {
                min: 8_000_00,
                max: 8_000_00
            }))
        );
        // Contributions owed since 30 June: 0.05 % a day for 115 days (社会保险法 art 86).
        assert_eq!(
            amount_of(
                Move::Decide,
                &asked(Handling, "si-86-arrears", 10_000_00, None),
                on
            ),
            Ok(10_000_00 + 575_00)
        );
        let mut no_since = asked(Handling, "si-86-arrears", 10_000_00, None);
        no_since.basis.since = None;
        assert_eq!(
            amount_of(Move::Decide, &no_since, on),
            Err(DecisionRefusal::Amount(FineRefusal::NoSince))
        );
        // Confiscation: the gains, whole.
        assert_eq!(
            amount_of(
                Move::Decide,
                &asked(Confiscation, "lsi-28-gains", 3_456_00, None),
                on
            ),
            Ok(3_456_00)
        );
    }

    #[test]
    fn a_notice_proposes_a_penalty_and_the_decision_is_no_heavier() {
        let on = d(2026, 10, 23);
        assert_eq!(
            amount_of(
                Move::PriorNotice,
                &asked(Handling, "lsi-26-pay", 1, None),
                on
            ),
            Err(DecisionRefusal::NoticeProposesPenalties)
        );
        let fine = |amount| Notice::Proposed(Proposed { kind: Fine, amount });
        let warning = Notice::Proposed(Proposed {
            kind: Warning,
            amount: 0,
        });
        let t = 10_000_00;
        assert_eq!(
            against_notice(fine(3_000_00), Fine, 3_000_00, false, t),
            Ok(())
        );
        assert_eq!(
            against_notice(fine(3_000_00), Warning, 0, false, t),
            Ok(()),
            "lighter"
        );
        assert_eq!(
            against_notice(fine(3_000_00), Fine, 3_000_01, false, t),
            Err(Refusal::HeavierThanNotice)
        );
        assert_eq!(
            against_notice(warning, Fine, 100_00, false, t),
            Err(Refusal::HeavierThanNotice)
        );
        assert_eq!(
            against_notice(Notice::None, Warning, 0, false, t),
            Err(Refusal::NoPriorNotice)
        );
        assert_eq!(
            against_notice(Notice::Unrecorded, Fine, 9_000_00, false, t),
            Ok(())
        );
        // A handling decision needs no notice: it is not a penalty.
        assert_eq!(
            against_notice(Notice::None, Handling, 8_000_00, false, t),
            Ok(())
        );
        assert_eq!(
            against_notice(fine(12_000_00), Fine, 12_000_00, false, t),
            Err(Refusal::HearingNotOffered)
        );
        assert_eq!(
            against_notice(fine(12_000_00), Fine, 12_000_00, true, t),
            Ok(())
        );
        // Confiscating a large amount offers a hearing too; a handling decision never.
        assert!(offers_hearing(Confiscation, 20_000_00, t));
        assert!(!offers_hearing(Handling, 20_000_00, t));
    }
}

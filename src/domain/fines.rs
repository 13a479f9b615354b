//! Fines and payments the law sets a range for: the decision form proposes
//! the range of the article chosen and refuses an amount outside it. Amounts
//! in fen. The ranges are the statutes' own (not local figures).

/// How an article measures its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// So much per affected worker.
    PerWorker { min: i64, max: i64 },
    /// A share (in per cent) of an amount owed.
    ShareOfOwed { min_pct: i64, max_pct: i64 },
    /// A multiple of an amount owed.
    MultipleOfOwed { min: i64, max: i64 },
    /// A fixed range.
    Fixed { min: i64, max: i64 },
}

/// An article a decision can rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub measure: Measure,
}

pub const ARTICLES: &[Article] = &[
    Article {
        code: "lsi-23",
        zh: "劳动保障监察条例第二十三条（每名受侵害劳动者1000元至5000元）",
        en: "Labour Inspection Regulations art 23 (1,000–5,000 yuan per affected worker)",
        measure: Measure::PerWorker {
            min: 1_000_00,
            max: 5_000_00,
        },
    },
    Article {
        code: "lsi-26",
        zh: "劳动保障监察条例第二十六条（加付应付金额50%至100%的赔偿金）",
        en: "Labour Inspection Regulations art 26 (50–100 % of the amount owed as extra compensation)",
        measure: Measure::ShareOfOwed {
            min_pct: 50,
            max_pct: 100,
        },
    },
    Article {
        code: "si-84",
        zh: "社会保险法第八十四条（未办理社会保险登记：应缴费额1倍至3倍）",
        en: "Social Insurance Law art 84 (not registered: 1–3 times the contributions due)",
        measure: Measure::MultipleOfOwed { min: 1, max: 3 },
    },
    Article {
        code: "si-84-person",
        zh: "社会保险法第八十四条（直接负责的主管人员500元至3000元）",
        en: "Social Insurance Law art 84 (the person in charge: 500–3,000 yuan)",
        measure: Measure::Fixed {
            min: 500_00,
            max: 3_000_00,
        },
    },
    Article {
        code: "si-86",
        zh: "社会保险法第八十六条（逾期仍不缴纳：欠缴数额1倍至3倍）",
        en: "Social Insurance Law art 86 (arrears still unpaid: 1–3 times the arrears)",
        measure: Measure::MultipleOfOwed { min: 1, max: 3 },
    },
];

pub fn article(code: &str) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.code == code)
}

/// What the range is measured on: affected workers, or the amount owed (fen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Basis {
    pub workers: i64,
    pub owed: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FineRefusal {
    UnknownArticle,
    /// The article needs a number of workers or an amount owed.
    NoBasis,
    OutOfRange {
        min: i64,
        max: i64,
    },
}

/// The range the article allows on this basis, in fen.
pub fn range(a: &Article, b: Basis) -> Result<(i64, i64), FineRefusal> {
    let positive = |n: i64| (n > 0).then_some(n).ok_or(FineRefusal::NoBasis);
    Ok(match a.measure {
        Measure::PerWorker { min, max } => {
            let w = positive(b.workers)?;
            (min.saturating_mul(w), max.saturating_mul(w))
        }
        Measure::ShareOfOwed { min_pct, max_pct } => {
            let o = positive(b.owed)?;
            // Round the floor up and the ceiling down: stay inside the law's range.
            let share = |pct: i64, up: i64| {
                let v = (i128::from(o) * i128::from(pct) + i128::from(up)) / 100;
                i64::try_from(v).unwrap_or(i64::MAX)
            };
            (share(min_pct, 99), share(max_pct, 0))
        }
        Measure::MultipleOfOwed { min, max } => {
            let o = positive(b.owed)?;
            (o.saturating_mul(min), o.saturating_mul(max))
        }
        Measure::Fixed { min, max } => (min, max),
    })
}

/// Whether `amount` lies in the article's range.
pub fn check(code: &str, b: Basis, amount: i64) -> Result<(), FineRefusal> {
    let a = article(code).ok_or(FineRefusal::UnknownArticle)?;
    let (min, max) = range(a, b)?;
    if (min..=max).contains(&amount) {
        Ok(())
    } else {
        Err(FineRefusal::OutOfRange { min, max })
    }
}

/// Yuan as typed ("12000", "12,000.50") into fen; None when it is not money.
pub fn parse_yuan(s: &str) -> Option<i64> {
    let t = s.trim().replace(',', "");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

/// A fine that must be offered a hearing (行政处罚法 art 63: 较大数额), the
/// threshold being the locality's configured figure.
pub fn needs_hearing(amount: i64, threshold: i64) -> bool {
    amount >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_23_is_per_affected_worker() {
        let three = Basis {
            workers: 3,
            owed: 0,
        };
        assert_eq!(check("lsi-23", three, 3_000_00), Ok(()));
        assert_eq!(check("lsi-23", three, 15_000_00), Ok(()));
        assert_eq!(
            check("lsi-23", three, 15_000_01),
            Err(FineRefusal::OutOfRange {
                min: 3_000_00,
                max: 15_000_00
            })
        );
        assert!(check("lsi-23", three, 2_999_99).is_err());
        assert_eq!(
            check("lsi-23", Basis::default(), 1),
            Err(FineRefusal::NoBasis)
        );
    }

    #[test]
    fn article_26_is_a_share_of_what_is_owed() {
        let owed = Basis {
            workers: 0,
            owed: 10_001_01,
        };
        let (min, max) = range(article("lsi-26").unwrap(), owed).unwrap();
        assert_eq!((min, max), (5_000_51, 10_001_01));
        assert!(check("lsi-26", owed, 5_000_50).is_err(), "half, rounded up");
        assert!(check("lsi-26", owed, 10_001_02).is_err());
    }

    #[test]
    fn a_huge_amount_owed_does_not_overflow() {
        let owed = Basis {
            workers: 0,
            owed: i64::MAX,
        };
        let (min, max) = range(article("lsi-26").unwrap(), owed).unwrap();
        assert!(min > 0 && max == i64::MAX / 100 || max > min);
    }

    #[test]
    fn multiples_fixed_ranges_and_unknown_articles() {
        let owed = Basis {
            workers: 0,
            owed: 2_000_00,
        };
        assert_eq!(
            range(article("si-86").unwrap(), owed),
            Ok((2_000_00, 6_000_00))
        );
        assert_eq!(check("si-84-person", Basis::default(), 3_000_00), Ok(()));
        assert_eq!(check("art-999", owed, 1), Err(FineRefusal::UnknownArticle));
    }

    #[test]
    fn yuan_as_typed_become_fen() {
        assert_eq!(parse_yuan("12000"), Some(12_000_00));
        assert_eq!(parse_yuan("12,000.5"), Some(12_000_50));
        assert_eq!(parse_yuan("0.05"), Some(5));
        for bad in [
            "",
            "-5",
            "1.234",
            "一万",
            "1e5",
            ".5",
            "99999999999999999999",
        ] {
            assert_eq!(parse_yuan(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_fine_at_the_threshold_offers_a_hearing() {
        assert!(needs_hearing(10_000_00, 10_000_00));
        assert!(!needs_hearing(9_999_99, 10_000_00));
    }
}

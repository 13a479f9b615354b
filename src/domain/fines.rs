//! The articles a decision rests on, in one table: what each founds (a
//! fine, a warning, a confiscation, no penalty, or a 行政处理决定 — which is
//! not a penalty) and how it measures the amount — per worker, a share or a
//! multiple of an amount owed, fixed, or exactly what is owed. The decision
//! form proposes the range of the article chosen and refuses an amount
//! outside it. Amounts in fen. The ranges are the statutes' own.

use super::kinds::DecisionKind;
use chrono::NaiveDate;

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
    /// Exactly the amount owed (wages to pay, gains to confiscate).
    Owed,
    /// The amount owed with a daily charge (per ten thousand) from the day
    /// it fell due to the day of the decision: 社会保险法 art 86's 滞纳金.
    OwedWithDailyCharge { per_ten_thousand: i64 },
    /// No amount: a warning, no penalty.
    Nothing,
}

/// An article a decision can rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub measure: Measure,
    /// The decisions the article founds.
    pub founds: &'static [DecisionKind],
}

use DecisionKind::{Confiscation, Fine, Handling, NoPenalty, Revocation, StopEnrolment, Warning};

pub const ARTICLES: &[Article] = &[
    Article {
        code: "lsi-23",
        zh: "劳动保障监察条例第二十三条（每名受侵害劳动者1000元至5000元）",
        en: "Labour Inspection Regulations art 23 (1,000–5,000 yuan per affected worker)",
        measure: Measure::PerWorker {
            min: 1_000_00,
            max: 5_000_00,
        },
        founds: &[Fine],
    },
    Article {
        code: "lsi-26",
        zh: "劳动保障监察条例第二十六条（逾期不支付：加付应付金额50%至100%的赔偿金）",
        en: "Labour Inspection Regulations art 26 (unpaid when due: 50–100 % of the amount owed as extra compensation)",
        measure: Measure::ShareOfOwed {
            min_pct: 50,
            max_pct: 100,
        },
        // Paid to the workers: a 行政处理决定, not a penalty.
        founds: &[Handling],
    },
    Article {
        code: "si-84",
        zh: "社会保险法第八十四条（未办理社会保险登记：应缴费额1倍至3倍）",
        en: "Social Insurance Law art 84 (not registered: 1–3 times the contributions due)",
        measure: Measure::MultipleOfOwed { min: 1, max: 3 },
        founds: &[Fine],
    },
    Article {
        code: "si-84-person",
        zh: "社会保险法第八十四条（直接负责的主管人员500元至3000元）",
        en: "Social Insurance Law art 84 (the person in charge: 500–3,000 yuan)",
        measure: Measure::Fixed {
            min: 500_00,
            max: 3_000_00,
        },
        founds: &[Fine],
    },
    Article {
        code: "si-86",
        zh: "社会保险法第八十六条（逾期仍不缴纳：欠缴数额1倍至3倍）",
        en: "Social Insurance Law art 86 (arrears still unpaid: 1–3 times the arrears)",
        measure: Measure::MultipleOfOwed { min: 1, max: 3 },
        founds: &[Fine],
    },
    Article {
        code: "lsi-25",
        zh: "劳动保障监察条例第二十五条（违法延长工作时间：警告，每名受侵害劳动者100元至500元）",
        en: "Labour Inspection Regulations art 25 (unlawful overtime: a warning, 100–500 yuan per affected worker)",
        measure: Measure::PerWorker {
            min: 100_00,
            max: 500_00,
        },
        founds: &[Warning, Fine],
    },
    Article {
        code: "lsi-27",
        zh: "劳动保障监察条例第二十七条（瞒报工资总额或职工人数：瞒报工资数额1倍至3倍）",
        en: "Labour Inspection Regulations art 27 (wages or headcount concealed: 1–3 times the wages concealed)",
        measure: Measure::MultipleOfOwed { min: 1, max: 3 },
        founds: &[Fine],
    },
    Article {
        code: "lsi-28",
        zh: "劳动保障监察条例第二十八条（职业介绍、培训、技能鉴定机构违规：1万元至5万元）",
        en: "Labour Inspection Regulations art 28 (employment, training or skill-assessment bodies: 10,000–50,000 yuan)",
        measure: Measure::Fixed {
            min: 10_000_00,
            max: 50_000_00,
        },
        founds: &[Fine],
    },
    Article {
        code: "lsi-28-gains",
        zh: "劳动保障监察条例第二十八条（没收违法所得）",
        en: "Labour Inspection Regulations art 28 (confiscation of unlawful gains)",
        measure: Measure::Owed,
        founds: &[Confiscation],
    },
    Article {
        code: "lsi-30",
        zh: "劳动保障监察条例第三十条（阻挠监察、拒不改正或拒不履行行政处理决定：2000元至2万元）",
        en: "Labour Inspection Regulations art 30 (obstruction, refusing an order or a handling decision: 2,000–20,000 yuan)",
        measure: Measure::Fixed {
            min: 2_000_00,
            max: 20_000_00,
        },
        founds: &[Fine],
    },
    Article {
        code: "si-88",
        zh: "社会保险法第八十八条（骗取社会保险待遇：骗取金额2倍至5倍）",
        en: "Social Insurance Law art 88 (benefits obtained by fraud: 2–5 times the amount)",
        measure: Measure::MultipleOfOwed { min: 2, max: 5 },
        founds: &[Fine],
    },
    Article {
        code: "lsi-26-pay",
        zh: "劳动保障监察条例第二十六条（限期支付工资报酬、最低工资差额或经济补偿）",
        en: "Labour Inspection Regulations art 26 (pay the wages, the minimum-wage shortfall or the severance owed)",
        measure: Measure::Owed,
        founds: &[Handling],
    },
    Article {
        code: "si-86-arrears",
        zh: "社会保险法第八十六条（限期缴纳或补足社会保险费，并自欠缴之日起按日加收万分之五滞纳金）",
        en: "Social Insurance Law art 86 (pay the contributions owed, with 0.05 % a day from when they fell due)",
        measure: Measure::OwedWithDailyCharge {
            per_ten_thousand: 5,
        },
        founds: &[Handling],
    },
    Article {
        code: "ap-33",
        zh: "行政处罚法第三十三条（违法行为轻微并及时改正，或初次违法且危害后果轻微并及时改正）",
        en: "Administrative Penalty Law art 33 (minor and corrected in time, or a first minor violation corrected in time)",
        measure: Measure::Nothing,
        founds: &[NoPenalty],
    },
    Article {
        code: "ap-57",
        zh: "行政处罚法第五十七条第一款第二项（违法行为轻微，依法可以不予行政处罚）",
        en: "Administrative Penalty Law art 57(1)(ii) (minor: no penalty as the law allows)",
        measure: Measure::Nothing,
        founds: &[NoPenalty],
    },
    // Licensed bodies. Private schools: 民办教育促进法 art 62 (责令限期改正，
    // 警告；有违法所得的，退还所收费用后没收违法所得；情节严重的，责令停止
    // 招生、吊销办学许可证).
    Article {
        code: "mjcj-62",
        zh: "民办教育促进法第六十二条（责令限期改正并警告；情节严重的，责令停止招生、吊销办学许可证）",
        en: "Private Education Promotion Law art 62 (warning with an order to rectify; if serious, stop enrolment or revoke the school licence)",
        measure: Measure::Nothing,
        founds: &[Warning, StopEnrolment, Revocation],
    },
    Article {
        code: "mjcj-62-gains",
        zh: "民办教育促进法第六十二条（退还所收费用后没收违法所得）",
        en: "Private Education Promotion Law art 62 (confiscation of unlawful gains, after refunds)",
        measure: Measure::Owed,
        founds: &[Confiscation],
    },
    // HR service agencies: 人力资源市场暂行条例 (国务院令700).
    Article {
        code: "hrm-42",
        zh: "人力资源市场暂行条例第四十二条（未备案或变更未书面报告，拒不改正：5000元至1万元）",
        en: "Interim Regulations on the HR Market art 42 (service not filed or a change not reported, not corrected: 5,000–10,000 yuan)",
        measure: Measure::Fixed {
            min: 5_000_00,
            max: 10_000_00,
        },
        founds: &[Fine],
    },
    Article {
        code: "hrm-43",
        zh: "人力资源市场暂行条例第四十三条（发布虚假招聘信息等：1万元至5万元；情节严重的，吊销人力资源服务许可证）",
        en: "Interim Regulations on the HR Market art 43 (false recruitment information and the like: 10,000–50,000 yuan; if serious, the licence revoked)",
        measure: Measure::Fixed {
            min: 10_000_00,
            max: 50_000_00,
        },
        founds: &[Fine, Revocation],
    },
    Article {
        code: "hrm-46",
        zh: "人力资源市场暂行条例第四十六条（未按规定提交经营情况年度报告，拒不改正：5000元至1万元）",
        en: "Interim Regulations on the HR Market art 46 (annual report not filed, not corrected: 5,000–10,000 yuan)",
        measure: Measure::Fixed {
            min: 5_000_00,
            max: 10_000_00,
        },
        founds: &[Fine],
    },
];

pub fn article(code: &str) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.code == code)
}

/// The articles that found `kind`, in the table's order.
pub fn founding(kind: DecisionKind) -> impl Iterator<Item = &'static Article> {
    ARTICLES.iter().filter(move |a| a.founds.contains(&kind))
}

/// The articles that found penalties on licence holders (private schools,
/// HR agencies): decided in a case opened from the licence's ladder.
pub const LICENCE_ARTICLES: [&str; 5] = ["mjcj-62", "mjcj-62-gains", "hrm-42", "hrm-43", "hrm-46"];

/// The penalties on licence holders, each with an article that founds it:
/// (kind, article code), in the table's order.
pub fn licence_choices() -> Vec<(DecisionKind, &'static str)> {
    ARTICLES
        .iter()
        .filter(|a| LICENCE_ARTICLES.contains(&a.code))
        .flat_map(|a| {
            a.founds
                .iter()
                .filter(|k| k.is_penalty())
                .map(move |k| (*k, a.code))
        })
        .collect()
}

/// The articles a labour-inspection fine rests on (the screen's decision
/// form lists these).
pub fn fine_articles() -> Vec<&'static Article> {
    founding(Fine)
        .filter(|a| !LICENCE_ARTICLES.contains(&a.code))
        .collect()
}

/// What the range is measured on: affected workers, or the amount owed
/// (fen); for a daily charge, the day the amount fell due and the day of
/// the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Basis {
    pub workers: i64,
    pub owed: i64,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
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
    /// The article does not found this kind of decision.
    WrongKind,
    /// A daily charge needs the day the amount fell due.
    NoSince,
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
        Measure::Owed => {
            let o = positive(b.owed)?;
            (o, o)
        }
        Measure::OwedWithDailyCharge { per_ten_thousand } => {
            let o = positive(b.owed)?;
            let (Some(since), Some(until)) = (b.since, b.until) else {
                return Err(FineRefusal::NoSince);
            };
            let total = o.saturating_add(daily_charge(o, per_ten_thousand, since, until));
            (total, total)
        }
        Measure::Nothing => (0, 0),
    })
}

/// A daily charge on `owed` from the day after `since` to `until`, both
/// counted by calendar day (滞纳金: 自欠缴之日起按日加收), rounded down.
pub fn daily_charge(owed: i64, per_ten_thousand: i64, since: NaiveDate, until: NaiveDate) -> i64 {
    let days = (until - since).num_days().max(0);
    let v = i128::from(owed) * i128::from(per_ten_thousand) * i128::from(days) / 10_000;
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Whether `amount` lies in the range of the article `code` for a decision
/// of `kind`.
pub fn check_for(kind: DecisionKind, code: &str, b: Basis, amount: i64) -> Result<(), FineRefusal> {
    let a = article(code).ok_or(FineRefusal::UnknownArticle)?;
    if !a.founds.contains(&kind) {
        return Err(FineRefusal::WrongKind);
    }
    // An article that founds a warning and a fine: a warning has no amount.
    if matches!(kind, Warning | NoPenalty | StopEnrolment | Revocation) {
        return if amount == 0 {
            Ok(())
        } else {
            Err(FineRefusal::OutOfRange { min: 0, max: 0 })
        };
    }
    let (min, max) = range(a, b)?;
    if (min..=max).contains(&amount) {
        Ok(())
    } else {
        Err(FineRefusal::OutOfRange { min, max })
    }
}

/// The amount a decision of `kind` under `code` comes to when the law
/// fixes it (exactly what is owed, with its daily charge): None when the
/// amount is the decider's within a range.
pub fn fixed_amount(kind: DecisionKind, code: &str, b: Basis) -> Option<Result<i64, FineRefusal>> {
    let a = article(code)?;
    match (kind, a.measure) {
        (Warning | NoPenalty | StopEnrolment | Revocation, _) | (_, Measure::Nothing) => {
            Some(Ok(0))
        }
        (_, Measure::Owed | Measure::OwedWithDailyCharge { .. }) => Some(range(a, b).map(|r| r.0)),
        _ => None,
    }
}

/// Whether `amount` lies in the fine article's range.
pub fn check(code: &str, b: Basis, amount: i64) -> Result<(), FineRefusal> {
    check_for(Fine, code, b, amount)
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
            ..Basis::default()
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
            ..Basis::default()
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
            ..Basis::default()
        };
        let (min, max) = range(article("lsi-26").unwrap(), owed).unwrap();
        assert!(min > 0 && max == i64::MAX / 100 || max > min);
    }

    #[test]
    fn multiples_fixed_ranges_and_unknown_articles() {
        let owed = Basis {
            workers: 0,
            owed: 2_000_00,
            ..Basis::default()
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

//! Contribution bases (缴费基数): the declared monthly base lies within
//! 60 %–300 % of the prior-year average monthly wage. Amounts are in fen.

/// The band a base must lie in, for a configured average monthly wage.
pub fn base_band(average_wage: i64) -> (i64, i64) {
    // Round the floor up and the ceiling down so both stay inside the law's band.
    ((average_wage * 6 + 9) / 10, average_wage * 3)
}

/// `min(max(wage, 0.6·avg), 3·avg)`: the base a wage gives.
pub fn clamp_base(wage: i64, average_wage: i64) -> i64 {
    let (lo, hi) = base_band(average_wage);
    wage.clamp(lo, hi)
}

pub fn within_band(base: i64, average_wage: i64) -> bool {
    let (lo, hi) = base_band(average_wage);
    (lo..=hi).contains(&base)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AVG: i64 = 7_000_00; // 7,000 yuan a month

    #[test]
    fn a_base_below_sixty_percent_of_the_average_wage_is_a_problem() {
        assert!(!within_band(4_199_99, AVG));
        assert!(within_band(4_200_00, AVG));
    }

    #[test]
    fn a_base_above_three_times_the_average_wage_is_a_problem() {
        assert!(within_band(21_000_00, AVG));
        assert!(!within_band(21_000_01, AVG));
    }

    #[test]
    fn a_wage_is_clamped_into_the_band() {
        assert_eq!(clamp_base(3_000_00, AVG), 4_200_00);
        assert_eq!(clamp_base(8_000_00, AVG), 8_000_00);
        assert_eq!(clamp_base(30_000_00, AVG), 21_000_00);
    }
}

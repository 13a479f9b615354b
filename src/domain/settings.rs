//! What an office setting may hold, where the program reads it as a number:
//! a value out of its range would be read as the default without a word,
//! so it is refused when set.

/// The range of each numeric setting the program reads.
const NUMERIC: &[(&str, i64, i64)] = &[
    ("draw.rotation_rounds", 0, 10),
    ("licence.expiring_warn_days", 1, 365),
    ("case.on_the_spot_filing_days", 0, 30),
    ("annual.onsite_share_permille", 1, 1000),
    // Working days to correct a returned filing; 0 is the default (15).
    ("filing.correction_days", 0, 60),
];

/// The range a numeric setting's value must lie in, for the refusal to
/// name; None for a setting read as text.
pub fn range(key: &str) -> Option<(i64, i64)> {
    NUMERIC
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, min, max)| (*min, *max))
}

/// Whether `value` suits `key`: a numeric setting's value is a whole number
/// in its range; any other setting takes its text as given.
pub fn fits(key: &str, value: &str) -> bool {
    match range(key) {
        Some((min, max)) => value
            .trim()
            .parse::<i64>()
            .is_ok_and(|v| (min..=max).contains(&v)),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numeric_setting_takes_a_number_in_its_range() {
        assert!(fits("draw.rotation_rounds", "2"));
        assert!(!fits("draw.rotation_rounds", "11"));
        assert!(!fits("draw.rotation_rounds", "two"));
        assert!(fits("licence.expiring_warn_days", "90"));
        assert!(!fits("licence.expiring_warn_days", "0"));
        assert!(fits("office.review_body", "石家庄市鹿泉区人民政府"));
        // 0 stands for the default period; a negative or a word does not fit.
        assert!(fits("filing.correction_days", "0"));
        assert!(fits("filing.correction_days", "20"));
        assert!(!fits("filing.correction_days", "61"));
        assert!(!fits("filing.correction_days", "-1"));
        assert!(!fits("filing.correction_days", "十五"));
        assert_eq!(range("licence.expiring_warn_days"), Some((1, 365)));
        assert_eq!(range("filing.correction_days"), Some((0, 60)));
        assert_eq!(range("office.name"), None);
    }
}

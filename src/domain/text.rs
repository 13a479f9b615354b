//! Characters no record should carry: what a terminal or a reader could be
//! fooled by. The screen and every output defuse them; imports refuse them.

/// Controls, bidirectional marks and overrides, invisible separators and
/// joiners, interlinear annotation marks, and tag characters.
pub fn harmful(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

/// The first harmful character of `s`, if any.
pub fn first_harmful(s: &str) -> Option<char> {
    s.chars().find(|c| harmful(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_overrides_are_harmful_chinese_is_not() {
        for c in ['\u{0}', '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}'] {
            assert!(harmful(c), "{:?}", c);
        }
        assert_eq!(first_harmful("鹿泉区人力资源有限公司"), None);
        assert_eq!(first_harmful("甲\u{202e}乙"), Some('\u{202e}'));
    }
}

//! What a query and a name are compared as: full-width folded to half-width,
//! ASCII in lower case, control characters dropped, spaces trimmed.

/// Folds one character; None for characters that never take part in a search.
pub fn fold_char(c: char) -> Option<char> {
    let c = match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    };
    if c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    {
        return None;
    }
    Some(c.to_ascii_lowercase())
}

pub fn fold(text: &str) -> String {
    text.chars()
        .filter_map(fold_char)
        .collect::<String>()
        .trim()
        .to_string()
}

/// A CJK ideograph (the names' script).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_capitals_fold_and_controls_vanish() {
        assert_eq!(fold("ＬＱＲＬ"), "lqrl");
        assert_eq!(fold("  LQRL\u{1b}[2J "), "lqrl[2j");
        assert_eq!(fold("鹿泉　人力"), "鹿泉 人力");
        assert_eq!(fold("\u{202E}"), "");
    }
}

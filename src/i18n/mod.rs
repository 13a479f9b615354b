//! Everything the user reads, in Simplified Chinese first and English as the
//! alternative. Each message is one function that must answer for both
//! languages, so a language can never miss a key.

mod board;
mod case_acts;
mod cases;
mod complaints;
mod documents;
mod import;
mod intake;
mod leads;
mod licences;
mod messages;
mod problems;
mod supervision;
mod tui;

pub use board::*;
pub use case_acts::*;
pub use cases::*;
pub use complaints::*;
pub use documents::*;
pub use import::*;
pub use intake::*;
pub use leads::*;
pub use licences::*;
pub use messages::*;
pub use problems::*;
pub use supervision::*;
pub use tui::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Accepts `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en-US`, … case-insensitively.
    pub fn parse(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        let base = c.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "zh" | "cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_understood_in_their_usual_spellings() {
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN-us"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }
}

/// Money in fen as yuan with thousands: `1,234.56`.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    let yuan = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", fen % 100)
}

/// Text from outside (a database, a file, the command line) made safe to
/// print: control characters, escape sequences and bidirectional overrides
/// are shown as `<U+XXXX>` instead of acting on the terminal.
/// Controls, bidirectional marks and overrides, invisible separators and
/// joiners, interlinear annotation marks, and tag characters: what a
/// terminal or a reader could be fooled by.
fn harmful(c: char) -> bool {
    crate::domain::text::harmful(c)
}

/// JSON text with every harmful character (C1 controls, bidi overrides…;
/// serde already escapes C0) written as a `\u` escape: the same data, and
/// nothing a terminal acts on. Such characters occur only inside strings.
pub fn json_defused(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if harmful(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(harmful) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if harmful(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod printable_tests {
    use super::printable;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_defused() {
        assert_eq!(printable("鹿泉区"), "鹿泉区");
        assert_eq!(printable("a\u{1b}[31mb"), "a<U+001B>[31mb");
        assert_eq!(printable("x\u{202E}y\n"), "x<U+202E>y<U+000A>");
        assert_eq!(
            printable("a\u{2028}b\u{200B}c\u{E0041}"),
            "a<U+2028>b<U+200B>c<U+E0041>"
        );
    }
}

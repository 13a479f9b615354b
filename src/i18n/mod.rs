//! Everything the user reads, in Simplified Chinese first and English as the
//! alternative. Each message is one function that must answer for both
//! languages, so a language can never miss a key.

mod backup;
mod case_acts;
mod cases;
mod complaints;
mod documents;
mod import;
mod intake;
mod leads;
mod licences;
mod messages;
mod printing;
mod problems;
mod screen;
mod sections;
mod supervision;
mod tui;
mod usage;

pub use backup::*;
pub use case_acts::*;
pub use cases::*;
pub use complaints::*;
pub use documents::*;
pub use import::*;
pub use intake::*;
pub use leads::*;
pub use licences::*;
pub use messages::*;
pub use printing::*;
pub use problems::*;
pub use screen::*;
pub use sections::*;
pub use supervision::*;
pub use tui::*;
pub use usage::*;

pub use crate::domain::money::yuan;
pub use crate::lang::Lang;

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

//! Text measured in terminal columns: Chinese characters take two, and no
//! character is ever cut in half. Everything from the database passes through
//! `clean` before it reaches the screen.

use crate::i18n::printable;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The marker of a shortened text; ASCII, since `…` is one column on some
/// terminals and two on others.
const MORE: char = '~';

pub fn width(s: &str) -> usize {
    s.width()
}

/// Database text made harmless: control characters and escape sequences are
/// shown as `<U+XXXX>`, never sent to the terminal.
pub fn clean(s: &str) -> String {
    printable(s).into_owned()
}

/// Cuts `s` to at most `w` columns, marking a cut with `~`.
pub fn fit(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push(MORE);
    out
}

/// Cuts `s` to at most `w` columns keeping its end (for paths): `~o/demo.sqlite`.
pub fn fit_end(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w - 1 {
            break;
        }
        kept.push(c);
        used += cw;
    }
    kept.push(MORE);
    kept.into_iter().rev().collect()
}

/// Splits `total` columns among columns that each want at least `min` and
/// share what is left by `weight`; `gaps` columns of one space between them.
pub fn share(total: u16, cols: &[(u16, u16)]) -> Vec<u16> {
    let gaps = cols.len().saturating_sub(1) as u16;
    let mins: u16 = cols.iter().map(|c| c.0).sum();
    let spare = total.saturating_sub(mins + gaps);
    let weights: u16 = cols.iter().map(|c| c.1).sum::<u16>().max(1);
    let mut out: Vec<u16> = cols
        .iter()
        .map(|(min, w)| min + spare * w / weights)
        .collect();
    // Give rounding leftovers to the first flexible column.
    let used: u16 = out.iter().sum::<u16>() + gaps;
    if let Some(i) = cols.iter().position(|c| c.1 > 0) {
        out[i] += total.saturating_sub(used);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_cut_on_a_character_boundary() {
        assert_eq!(fit("石家庄市鹿泉区", 7), "石家庄~");
        assert_eq!(width(&fit("石家庄市鹿泉区", 7)), 7);
        assert_eq!(fit("石家庄市鹿泉区", 6), "石家~");
        assert_eq!(fit("石家庄", 6), "石家庄");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn a_path_keeps_its_end() {
        assert_eq!(
            fit_end("/root/.local/share/hrss-desk/demo.sqlite", 12),
            "~demo.sqlite"
        );
        assert_eq!(fit_end("short", 12), "short");
    }

    #[test]
    fn database_text_cannot_move_the_cursor() {
        assert_eq!(clean("恒信\u{1b}[2J公司"), "恒信<U+001B>[2J公司");
    }

    #[test]
    fn columns_share_the_width() {
        let w = share(78, &[(10, 0), (10, 2), (8, 1)]);
        assert_eq!(w.iter().sum::<u16>() + 2, 78);
        assert_eq!(w[0], 10);
        assert!(w[1] > w[2]);
    }
}

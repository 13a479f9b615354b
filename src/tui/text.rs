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

/// From this many columns a screen is wide enough to widen a cut fixed
/// column at the names' expense.
const WIDE: u16 = 100;

/// Like [`share`], but a column whose cells would be cut gets, before the
/// flexible columns share the rest, the columns it needs (`natural`: the
/// widest cell or header shown), so extra width goes first where text was
/// cut: at 120 columns "New enrollm~" reads whole.
pub fn share_to_fit(total: u16, cols: &[(u16, u16)], natural: &[u16]) -> Vec<u16> {
    let gaps = cols.len().saturating_sub(1) as u16;
    let mins: u16 = cols.iter().map(|c| c.0).sum();
    let spare = total.saturating_sub(mins + gaps);
    let need = |flexible: bool| -> u16 {
        cols.iter()
            .zip(natural)
            .filter(|(c, _)| (c.1 > 0) == flexible)
            .map(|(c, n)| n.saturating_sub(c.0))
            .sum()
    };
    // Where the flexible columns (names) would be cut anyway, they keep
    // every spare column, as before; where everything fits, every column
    // gets its want and the flexible ones share what is left.
    if need(true) + need(false) > spare {
        // Not all fits: on a wide screen (120 columns, not 80, where the
        // names keep every column) a cut fixed column — a kind, a method —
        // still gets its want when that takes at most half the spare width.
        if total < WIDE || need(false) == 0 || need(false) * 2 > spare {
            return share(total, cols);
        }
        let grown: Vec<(u16, u16)> = cols
            .iter()
            .zip(natural.iter().chain(std::iter::repeat(&0)))
            .map(|(c, n)| if c.1 == 0 { ((*n).max(c.0), 0) } else { *c })
            .collect();
        return share(total, &grown);
    }
    let grown: Vec<(u16, u16)> = cols
        .iter()
        .zip(natural.iter().chain(std::iter::repeat(&0)))
        .map(|(c, n)| ((*n).max(c.0), c.1))
        .collect();
    share(total, &grown)
}

/// The place a name begins with (省, 市, 区, 县 … within its first ten
/// characters, the longest such), as "石家庄市鹿泉区" of
/// "石家庄市鹿泉区恒信人力资源服务有限公司".
fn place_of(name: &str) -> Option<&str> {
    let mut end = None;
    for (n, (i, c)) in name.char_indices().enumerate() {
        if n >= 10 {
            break;
        }
        if "省市区县旗盟".contains(c) {
            end = Some(i + c.len_utf8());
        }
    }
    // A name that is only a place keeps it.
    end.filter(|e| *e < name.len()).map(|e| &name[..e])
}

/// The place prefix most of `names` share (two at least), when one of
/// them would not fit in `w` columns: shown once in the title, it is left
/// out of each row, so rows differ by what differs.
pub fn shared_place(names: &[&str], w: usize) -> Option<String> {
    if !names.iter().any(|n| n.width() > w) {
        return None;
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for p in names.iter().filter_map(|n| place_of(n)) {
        match counts.iter_mut().find(|(q, _)| *q == p) {
            Some((_, c)) => *c += 1,
            None => counts.push((p, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|(_, c)| *c >= 2 && *c * 2 >= names.len())
        .max_by_key(|(p, c)| (*c, p.len()))
        .map(|(p, _)| p.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_fixed_column_grows_first_and_the_flexible_one_takes_the_rest() {
        // Narrow: the name would be cut anyway and keeps the spare, as before.
        assert_eq!(
            share_to_fit(40, &[(12, 0), (17, 1)], &[17, 40]),
            vec![12, 27]
        );
        // Wider: the kind column gets its 17, the name the rest.
        assert_eq!(
            share_to_fit(70, &[(12, 0), (17, 1)], &[17, 40]),
            vec![17, 52]
        );
        assert_eq!(share(70, &[(12, 0), (17, 1)]), vec![12, 57]);
        // The name would be cut even so: the kind still gets its want when
        // it takes at most half the spare width.
        assert_eq!(
            share_to_fit(110, &[(12, 0), (17, 1)], &[17, 120]),
            vec![17, 92]
        );
        assert_eq!(
            share_to_fit(50, &[(12, 0), (17, 1)], &[17, 60]),
            vec![12, 37]
        );
    }

    #[test]
    fn the_place_most_names_begin_with_is_found_when_a_name_is_cut() {
        let names = [
            "石家庄市鹿泉区恒信人力资源服务有限公司",
            "石家庄市鹿泉区同辉劳务派遣有限公司",
            "河北信达汽车服务股份有限公司",
        ];
        assert_eq!(shared_place(&names, 16).as_deref(), Some("石家庄市鹿泉区"));
        assert_eq!(shared_place(&names, 60), None, "all fit: nothing dropped");
        assert_eq!(
            shared_place(&names[1..], 16),
            None,
            "one alone is not shared"
        );
        assert_eq!(place_of("石家庄市"), None, "a place alone keeps its name");
    }

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

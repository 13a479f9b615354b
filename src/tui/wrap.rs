//! Lines broken to a width the way Chinese text breaks: between any two
//! Chinese characters, and at spaces in English. (ratatui breaks only at
//! spaces, so a long Chinese sentence after "2. " would leave the number
//! alone on its line.) A continued line is indented under the text it
//! continues, past any leading spaces and list number.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Where a continued line starts: the leading spaces and a list number
/// ("1. ", "12、") of the first line.
fn hanging_indent(text: &str) -> usize {
    let spaces = text.len() - text.trim_start_matches(' ').len();
    let rest = &text[spaces..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &rest[digits..];
    // "1. " is three columns, "1、" too: 、 is two wide.
    let number = if digits > 0 && (after.starts_with(". ") || after.starts_with('、')) {
        digits + 2
    } else {
        0
    };
    spaces + number
}

/// `line` broken into lines of at most `width` columns.
pub fn wrap(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    let chars: Vec<(char, Style)> = line
        .spans
        .iter()
        .flat_map(|s| {
            let style = line.style.patch(s.style);
            s.content.chars().map(move |c| (c, style))
        })
        .collect();
    let total: usize = chars.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
    if width == 0 || total <= width {
        return vec![line];
    }
    let text: String = chars.iter().map(|(c, _)| *c).collect();
    let indent = hanging_indent(&text).min(width / 2);
    let mut out = Vec::new();
    let mut start = 0;
    let mut first = true;
    while start < chars.len() {
        let room = if first { width } else { width - indent };
        // The longest run from `start` that fits, ending at a break opportunity.
        let mut used = 0;
        let mut end = start;
        let mut last_break = None;
        while end < chars.len() {
            let (c, _) = chars[end];
            let w = c.width().unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            end += 1;
            let next = chars.get(end).map(|(c, _)| *c);
            if c == ' ' || w > 1 || next.is_none_or(|n| n.width().unwrap_or(0) > 1) {
                last_break = Some(end);
            }
        }
        if end < chars.len()
            && let Some(b) = last_break.filter(|b| *b > start)
        {
            end = b;
        }
        if end == start {
            end = start + 1; // a character wider than the room: never loop forever
        }
        let mut spans: Vec<Span<'static>> = Vec::new();
        if !first && indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        let mut piece = &chars[start..end];
        if !first {
            // A continued line does not start with the space it broke at.
            while let [(' ', _), rest @ ..] = piece {
                piece = rest;
            }
        }
        for (c, style) in piece {
            match spans.last_mut() {
                Some(s) if s.style == *style => s.content.to_mut().push(*c),
                _ => spans.push(Span::styled(c.to_string(), *style)),
            }
        }
        out.push(Line::from(spans));
        start = end;
        first = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_numbered_chinese_sentence_keeps_its_number_and_hangs_under_its_text() {
        let l = Line::raw("  2. 申报工资总额与年度财务报表工资总额不符。");
        assert_eq!(
            texts(&wrap(l, 20)),
            [
                "  2. 申报工资总额与",
                "     年度财务报表工",
                "     资总额不符。"
            ]
        );
    }

    #[test]
    fn english_breaks_at_spaces_and_short_lines_are_left_alone() {
        let l = Line::raw("The base is below the floor of the band.");
        assert_eq!(
            texts(&wrap(l, 16)),
            ["The base is ", "below the floor ", "of the band."]
        );
        assert_eq!(texts(&wrap(Line::raw("短句"), 16)), ["短句"]);
    }

    #[test]
    fn styles_stay_with_their_text() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let l = Line::from(vec![
            Span::styled("来源：", bold),
            Span::raw("演示数值非官方公布数"),
        ]);
        let w = wrap(l, 12);
        assert_eq!(texts(&w), ["来源：演示数", "值非官方公布", "数"]);
        assert_eq!(w[0].spans[0].style, bold);
        assert_eq!(w[0].spans[1].style, Style::new());
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        assert_eq!(
            texts(&wrap(Line::raw("abcdefghij"), 4)),
            ["abcd", "efgh", "ij"]
        );
    }
}

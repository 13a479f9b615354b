//! The one-time correction notice as the clerk edits it before a return:
//! drafted with every problem, then free to change line by line. An edit
//! closed without returning (Esc, Ctrl-C, a refusal) is kept per filing,
//! so `r` picks it up again.

use super::text::clean;
use crate::i18n;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

/// An editor holding `lines`, the cursor at the end of the text.
pub fn editor(lines: Vec<String>) -> Box<TextArea<'static>> {
    let mut t = TextArea::new(lines);
    // Chinese runs have no spaces: wrap at words, else at characters.
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.set_cursor_line_style(Style::new());
    t.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(t)
}

/// The notice as it will be stored: the lines as edited, trailing blank
/// lines dropped, ending with one newline.
pub fn text(editor: &TextArea<'_>) -> String {
    let mut out = editor.lines().join("\n").trim_end().to_string();
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// The drafted notice as editor lines, made safe to show.
pub fn lines_of(notice: &str) -> Vec<String> {
    notice.lines().map(clean).collect()
}

/// What the editor opens with: the fresh draft, or the clerk's kept edit of
/// it. An edit of an older version of the filing is kept below the fresh
/// draft (its problems may have changed), for the clerk to merge or delete.
pub fn opening_lines(
    lang: crate::i18n::Lang,
    draft: &crate::workflow::Draft,
    kept: Option<&(i64, Vec<String>)>,
) -> Vec<String> {
    match kept {
        Some((version, lines)) if *version == draft.version => lines.clone(),
        Some((_, lines)) => {
            let mut out = lines_of(&draft.notice);
            out.push(String::new());
            out.push(i18n::notice_earlier_edit(lang).to_string());
            out.extend(lines.iter().cloned());
            out
        }
        None => lines_of(&draft.notice),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn the_stored_text_drops_trailing_blank_lines_and_ends_with_one_newline() {
        let e = editor(vec![
            "一次性告知书".into(),
            "1. 缺少材料。".into(),
            String::new(),
        ]);
        assert_eq!(text(&e), "一次性告知书\n1. 缺少材料。\n");
        assert_eq!(text(&editor(vec![String::new(), "  ".into()])), "");
    }

    fn draft(version: i64) -> crate::workflow::Draft {
        crate::workflow::Draft {
            id: 7,
            version,
            decision: crate::domain::decision::Decision::Return,
            problems: vec![],
            notice: "一次性告知书\n1. 缺少材料\u{1b}[2J。\n".into(),
            correction_due: None,
            refused: None,
            needs_reason: false,
        }
    }

    #[test]
    fn an_edit_of_an_older_version_is_kept_below_the_fresh_draft() {
        use crate::i18n::Lang;
        let kept = (
            2,
            vec!["一次性告知书".to_string(), "请补交合同".to_string()],
        );
        assert_eq!(opening_lines(Lang::Zh, &draft(2), Some(&kept)), kept.1);
        let merged = opening_lines(Lang::Zh, &draft(3), Some(&kept));
        assert_eq!(merged[..2], ["一次性告知书", "1. 缺少材料<U+001B>[2J。"]);
        assert_eq!(merged[4..], kept.1[..]);
        assert!(merged[3].contains("此前"), "{merged:?}");
    }

    #[test]
    fn typing_goes_in_at_the_end_of_the_draft() {
        let mut e = editor(lines_of("一次性告知书\n1. 缺少材料。\n"));
        for c in "请于5日内补正".chars() {
            e.input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        assert_eq!(text(&e), "一次性告知书\n1. 缺少材料。请于5日内补正\n");
    }
}

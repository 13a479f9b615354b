//! The screen's own furniture: the message line opened whole, a page that
//! scrolls saying what is below.

use super::Lang;

/// The title of the message opened whole.
pub fn message_title(lang: Lang) -> &'static str {
    lang.pick("消息全文", "The whole message")
}

/// Said when the message key is pressed before anything was said.
pub fn no_message(lang: Lang) -> &'static str {
    lang.pick("还没有消息。", "Nothing has been said yet.")
}

/// The end of a message cut at the message line's last row: the key that
/// opens it whole.
pub fn message_more(lang: Lang, key: Option<&str>) -> String {
    match (lang, key) {
        (Lang::Zh, Some(k)) => format!("…（{k} 看全文）"),
        (Lang::En, Some(k)) => format!("… ({k}: all of it)"),
        (_, None) => "…".into(),
    }
}

/// A scrolled page's title note: rows above and below the window.
pub fn more_rows(lang: Lang, above: usize, below: usize) -> String {
    let lines = |n: usize| if n == 1 { "line" } else { "lines" };
    match (lang, above > 0, below > 0) {
        (Lang::Zh, true, true) => format!("↑{above}行 ↓{below}行"),
        (Lang::Zh, false, true) => format!("↓ 还有{below}行"),
        (Lang::Zh, true, false) => format!("↑ 上面{above}行"),
        (Lang::En, true, true) => format!("↑{above} ↓{below} {}", lines(below)),
        (Lang::En, false, true) => format!("↓ {below} more {}", lines(below)),
        (Lang::En, true, false) => format!("↑ {above} {} above", lines(above)),
        (_, false, false) => String::new(),
    }
}

//! Drawing to the terminal with as few bytes as an old line allows. ratatui
//! sends only the cells that changed; when a list moves by a row or two, that
//! would still be every visible row. Instead the terminal is told to scroll
//! the list's rows (a scroll region, which every VT100 knows), ratatui's idea
//! of the screen is shifted to match, and only the new row is sent.

use super::app::App;
use super::pane::PaneId;
use super::render::render;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use std::ops::Range;

/// What was in the list's rows at the last frame.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    pane: PaneId,
    size: (u16, u16),
    lang: crate::i18n::Lang,
    /// Hits of a lookup rather than a list: other numbers, never compared.
    searching: bool,
    top: u16,
    ids: Vec<i64>,
}

fn shown(app: &App) -> Option<Shown> {
    Some(Shown {
        pane: app.pane,
        size: app.size,
        lang: app.lang,
        searching: app.pane == PaneId::Licences && app.lookup.searching(),
        top: app.list_top(),
        ids: app.visible_ids()?,
    })
}

/// By how many rows the same list moved: positive when its rows went up.
fn moved_by(before: &Shown, now: &Shown) -> Option<i32> {
    if before.pane != now.pane
        || before.size != now.size
        || before.lang != now.lang
        || before.searching != now.searching
        || before.top != now.top
    {
        return None;
    }
    let (a, b) = (&before.ids, &now.ids);
    if a.len() != b.len() || a.len() < 8 {
        return None;
    }
    (1..=3usize).find_map(|d| {
        if a[d..] == b[..b.len() - d] {
            Some(d as i32)
        } else if b[d..] == a[..a.len() - d] {
            Some(-(d as i32))
        } else {
            None
        }
    })
}

/// The last frame with the rows of `region` moved up by `d` (down when
/// negative), the freed rows blank: what the terminal shows after scrolling.
pub fn shifted(last: &Buffer, region: Range<u16>, d: i32) -> Buffer {
    let mut out = last.clone();
    let area = last.area;
    for y in region.clone() {
        let from = y as i32 + d;
        for x in area.left()..area.right() {
            let cell = if region.contains(&(from as u16)) && from >= 0 {
                last[(x, from as u16)].clone()
            } else {
                ratatui::buffer::Cell::default()
            };
            out[(x, y)] = cell;
        }
    }
    out
}

pub struct Screen<B: Backend> {
    pub terminal: Terminal<B>,
    last: Option<(Buffer, Shown)>,
}

impl<B: Backend> Screen<B> {
    pub fn new(terminal: Terminal<B>) -> Self {
        Screen {
            terminal,
            last: None,
        }
    }

    pub fn draw(&mut self, app: &App) -> Result<(), B::Error> {
        let now = shown(app);
        if let (Some((buffer, before)), Some(now)) = (&self.last, &now)
            && let Some(d) = moved_by(before, now)
        {
            let region = now.top..now.top + now.ids.len() as u16;
            let backend = self.terminal.backend_mut();
            if d > 0 {
                backend.scroll_region_up(region.clone(), d as u16)?;
            } else {
                backend.scroll_region_down(region.clone(), (-d) as u16)?;
            }
            // Make ratatui's "previous frame" what the terminal now shows.
            *self.terminal.current_buffer_mut() = shifted(buffer, region, d);
            self.terminal.swap_buffers();
        }
        let frame = self.terminal.draw(|f| render(f, app))?;
        let buffer = frame.buffer.clone();
        self.last = now.map(|n| (buffer, n));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn a_shifted_frame_moves_only_the_region_and_blanks_what_it_frees() {
        let mut b = Buffer::empty(Rect::new(0, 0, 3, 6));
        for y in 0..6 {
            b[(0, y)].set_symbol(&y.to_string());
        }
        let up = shifted(&b, 1..5, 1);
        let col: Vec<&str> = (0..6).map(|y| up[(0, y)].symbol()).collect();
        assert_eq!(col, ["0", "2", "3", "4", " ", "5"]);
        let down = shifted(&b, 1..5, -2);
        let col: Vec<&str> = (0..6).map(|y| down[(0, y)].symbol()).collect();
        assert_eq!(col, ["0", " ", " ", "1", "2", "5"]);
    }

    #[test]
    fn only_a_small_move_of_the_same_list_counts_as_a_scroll() {
        let s = |ids: std::ops::RangeInclusive<i64>| Shown {
            pane: PaneId::Persons,
            size: (120, 40),
            lang: crate::i18n::Lang::Zh,
            searching: false,
            top: 3,
            ids: ids.collect(),
        };
        assert_eq!(moved_by(&s(1..=34), &s(2..=35)), Some(1));
        assert_eq!(moved_by(&s(5..=38), &s(3..=36)), Some(-2));
        assert_eq!(moved_by(&s(1..=34), &s(1..=34)), None);
        assert_eq!(moved_by(&s(1..=34), &s(30..=63)), None);
        let other = Shown {
            pane: PaneId::Filings,
            ..s(2..=35)
        };
        assert_eq!(moved_by(&s(1..=34), &other), None);
    }
}

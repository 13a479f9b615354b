//! Drawing to the terminal with as few bytes as an old line allows. ratatui
//! sends only the cells that changed; when a list moves by a row or two, that
//! would still be every visible row. Instead the terminal is told to scroll
//! the list's rows (a scroll region, which every VT100 knows), the idea of
//! the screen is shifted to match, and only the new row is sent.
//!
//! The changes are sent by this module rather than by ratatui's flush: a short
//! stretch of unchanged cells between two changed ones on a row is sent again
//! when that costs fewer bytes than the cursor move it saves (a row blanked
//! over Chinese text was a move before every other cell).

use super::app::App;
use super::pane::PaneId;
use super::render::render;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::{Modifier, Style};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

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

fn shown_list(app: &App) -> Option<Shown> {
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

/// The cells to send to turn `shown` into `next`: ratatui's changed cells,
/// with each short gap between two of them on a row bridged by the cells
/// already there, when those are fewer bytes than moving the cursor over it
/// and in the same style (no colour change to send).
pub fn changes(shown: &Buffer, next: &Buffer) -> Vec<(u16, u16, Cell)> {
    let changed = shown.diff(next);
    let mut out: Vec<(u16, u16, Cell)> = Vec::with_capacity(changed.len() * 2);
    // Where the last cell sent ends, on which row, and its style.
    let mut last: Option<(u16, u16, Style)> = None;
    for (x, y, cell) in changed {
        // (The right half of a wide character overwritten: what the
        // terminal leaves there is its own, so it is sent.)
        let half = x > shown.area.left() && shown[(x - 1, y)].symbol().width() > 1;
        if !half && blank_alike(&shown[(x, y)], cell) {
            continue;
        }
        if let Some((end, row, style)) = last
            && row == y
            && x > end
            && let Some(bridge) = bridge(next, y, end..x, style)
        {
            out.extend(bridge);
        }
        out.push((x, y, cell.clone()));
        let width = (cell.symbol().width() as u16).max(1);
        last = Some((x + width, y, cell.style()));
    }
    out
}

/// Two blanks the terminal shows alike: the same background and neither
/// reversed, underlined nor struck through (then a blank shows its colour,
/// and bold may brighten it): only the foreground colour, unseen, differs.
fn blank_alike(a: &Cell, b: &Cell) -> bool {
    let shows = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
    let plain = |c: &Cell| {
        c.symbol() == " " && c.diff_option == CellDiffOption::None && !c.modifier.intersects(shows)
    };
    plain(a) && plain(b) && a.bg == b.bg
}

/// A blank in `style` (a cell's whole style, every colour given).
fn styled_blank(style: Style) -> Cell {
    let mut c = Cell::default();
    c.fg = style.fg.unwrap_or_default();
    c.bg = style.bg.unwrap_or_default();
    c.underline_color = style.underline_color.unwrap_or_default();
    c.modifier = style.add_modifier;
    c
}

/// The cells of `next` in `gap` on row `y`, if sending them is cheaper than
/// a cursor move over them and needs no change of style.
fn bridge(next: &Buffer, y: u16, gap: Range<u16>, style: Style) -> Option<Vec<(u16, u16, Cell)>> {
    let move_cost = format!("\x1b[{};{}H", y + 1, gap.end + 1).len();
    let (mut bytes, mut x) = (0, gap.start);
    let mut cells = Vec::new();
    while x < gap.end {
        let mut cell = next[(x, y)].clone();
        // A blank differing only in what a blank does not show is sent in
        // the style already set.
        if cell.style() != style && blank_alike(&cell, &styled_blank(style)) {
            cell = styled_blank(style);
        }
        let width = cell.symbol().width() as u16;
        bytes += cell.symbol().len();
        if cell.diff_option != CellDiffOption::None
            || cell.style() != style
            || width == 0
            || x + width > gap.end
            || bytes >= move_cost
        {
            return None;
        }
        cells.push((x, y, cell));
        x += width;
    }
    Some(cells)
}

pub struct Screen<B: Backend> {
    pub terminal: Terminal<B>,
    /// What the terminal shows: the last frame sent (moved by any scroll).
    shown: Option<Buffer>,
    /// The list's rows at the last frame.
    last: Option<Shown>,
}

impl<B: Backend> Screen<B> {
    pub fn new(terminal: Terminal<B>) -> Self {
        Screen {
            terminal,
            shown: None,
            last: None,
        }
    }

    /// Clears the terminal: the next frame is sent whole. (Not ratatui's
    /// `Terminal::clear`: it asks the terminal where its cursor is, an answer
    /// read from the same input as the keys.)
    pub fn clear(&mut self) -> Result<(), B::Error> {
        // Colours and attributes back to normal first (noise may have set
        // some): the clear fills with them, and the frame assumes them.
        let backend = self.terminal.backend_mut();
        backend.draw(std::iter::empty())?;
        backend.clear()?;
        self.shown = None;
        self.last = None;
        Ok(())
    }

    pub fn draw(&mut self, app: &App) -> Result<(), B::Error> {
        // A new size: ratatui clears the terminal, which then shows nothing.
        self.terminal.autoresize()?;
        let area = self.terminal.get_frame().area();
        let (mut shown, cleared) = match self.shown.take() {
            Some(b) if b.area == area => (b, false),
            _ => (Buffer::empty(area), true),
        };
        let now = shown_list(app);
        // No scroll on a screen just cleared, nor for a size the app has
        // not heard of yet (its rows would lie past the terminal's).
        if let (Some(before), Some(now)) = (&self.last, &now)
            && !cleared
            && now.size == (area.width, area.height)
            && let Some(d) = moved_by(before, now)
        {
            let region = now.top..now.top + now.ids.len() as u16;
            let backend = self.terminal.backend_mut();
            if d > 0 {
                backend.scroll_region_up(region.clone(), d as u16)?;
            } else {
                backend.scroll_region_down(region.clone(), (-d) as u16)?;
            }
            shown = shifted(&shown, region, d);
        }
        render(&mut self.terminal.get_frame(), app);
        let next = self.terminal.current_buffer_mut();
        let cells = changes(&shown, next);
        // The frame drawn is what will be shown; ratatui's own copy is only
        // drawn into, so it gets the old one to reuse.
        std::mem::swap(&mut shown, next);
        self.terminal
            .backend_mut()
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))?;
        self.terminal.hide_cursor()?;
        self.terminal.swap_buffers();
        self.terminal.backend_mut().flush()?;
        self.shown = Some(shown);
        self.last = now;
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

    fn row(text: &str, width: u16) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, width, 1));
        b.set_string(0, 0, text, Style::new());
        b
    }

    #[test]
    fn a_row_blanked_over_chinese_is_one_run_not_a_move_a_cell() {
        let shown = row("鹿泉区恒信人力资源服务有限公司", 40);
        let next = row("", 40);
        let cells = changes(&shown, &next);
        let xs: Vec<u16> = cells.iter().map(|(x, _, _)| *x).collect();
        // Every column in order; the last character's right half goes with
        // its left, overwritten.
        assert_eq!(xs, (0..29).collect::<Vec<u16>>());
        assert!(cells.iter().all(|(_, _, c)| c.symbol() == " "));
    }

    #[test]
    fn a_long_unchanged_stretch_is_moved_over_a_short_one_sent_again() {
        let shown = row("a                    b", 30);
        let next = row("x                    y", 30);
        let xs: Vec<u16> = changes(&shown, &next).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(xs, [0, 21]);
        let shown = row("a  b", 30);
        let next = row("x  y", 30);
        let xs: Vec<u16> = changes(&shown, &next).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(xs, [0, 1, 2, 3]);
        // Not across a change of colour: that would cost its own bytes.
        let mut next = row("x  y", 30);
        next[(1, 0)].set_style(Style::new().bg(ratatui::style::Color::Blue));
        let xs: Vec<u16> = changes(&shown, &next).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(xs, [0, 1, 3]);
    }

    #[test]
    fn a_blank_is_sent_only_when_its_difference_shows() {
        let shown = row("", 4);
        let mut next = row("", 4);
        // A foreground colour on a blank shows nothing…
        next[(0, 0)].set_style(Style::new().fg(ratatui::style::Color::Green));
        assert!(changes(&shown, &next).is_empty());
        // …but reversed it is the background.
        next[(1, 0)].set_style(
            Style::new()
                .fg(ratatui::style::Color::Green)
                .add_modifier(Modifier::REVERSED),
        );
        next[(2, 0)].set_style(Style::new().add_modifier(Modifier::UNDERLINED));
        let xs: Vec<u16> = changes(&shown, &next).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(xs, [1, 2]);
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

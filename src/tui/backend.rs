//! Fewer bytes for Chinese. ratatui's crossterm backend moves the cursor
//! before every cell that does not follow the previous one, and the cell after
//! a double-width character never does: every Chinese character cost a cursor
//! move (about eight bytes) besides its own three. This backend slips an empty
//! cell into the gap, so the terminal's own advance is used instead.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

pub struct NarrowBackend<B> {
    inner: B,
}

impl<B> NarrowBackend<B> {
    pub fn new(inner: B) -> Self {
        NarrowBackend { inner }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

/// The cells to draw, with an empty, same-styled cell after each
/// double-width one whose right neighbour is drawn too.
pub fn fill_gaps<'a>(content: impl Iterator<Item = (u16, u16, &'a Cell)>) -> Vec<(u16, u16, Cell)> {
    let cells: Vec<(u16, u16, &Cell)> = content.collect();
    let mut out = Vec::with_capacity(cells.len() + cells.len() / 2);
    for (n, &(x, y, cell)) in cells.iter().enumerate() {
        out.push((x, y, cell.clone()));
        let wide = cell.symbol().width() == 2;
        let next_follows = cells
            .get(n + 1)
            .is_some_and(|&(nx, ny, _)| ny == y && nx == x.saturating_add(2));
        if wide && next_follows {
            let mut gap = cell.clone();
            gap.set_symbol("");
            out.push((x + 1, y, gap));
        }
    }
    out
}

impl<B: Backend> Backend for NarrowBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells = fill_gaps(content);
        self.inner.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }

    fn scroll_region_up(
        &mut self,
        region: std::ops::Range<u16>,
        amount: u16,
    ) -> Result<(), Self::Error> {
        self.inner.scroll_region_up(region, amount)
    }

    fn scroll_region_down(
        &mut self,
        region: std::ops::Range<u16>,
        amount: u16,
    ) -> Result<(), Self::Error> {
        self.inner.scroll_region_down(region, amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_follows_a_wide_character_only_when_its_neighbour_is_drawn() {
        let mut wide = Cell::default();
        wide.set_symbol("鹿");
        let mut narrow = Cell::default();
        narrow.set_symbol("a");
        let cells = [
            (0, 0, &wide),
            (2, 0, &wide),
            (4, 0, &narrow),
            (10, 0, &wide),
            (20, 0, &wide),
        ];
        let out = fill_gaps(cells.into_iter());
        let xs: Vec<u16> = out.iter().map(|(x, _, _)| *x).collect();
        assert_eq!(xs, [0, 1, 2, 3, 4, 10, 20]);
        assert_eq!(out[1].2.symbol(), "");
    }
}

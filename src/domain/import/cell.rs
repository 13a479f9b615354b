//! A cell as a spreadsheet holds it, before the domain says what it means:
//! the reader (`sheet`) makes them, the import's checks read them.

use chrono::NaiveDate;

/// The largest cell read: beyond it the row is refused, not the program.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// A cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number cell of a workbook (a CSV has only text).
    Number(f64),
    /// A date cell of a workbook.
    Date(NaiveDate),
    /// A cell computed by a formula: its formula, never its cached value.
    Formula(String),
    /// A cell far over `MAX_CELL_BYTES` (its size).
    TooLong(usize),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

//! Spreadsheets as the office has them: CSV saved by Excel or WPS in UTF-8
//! (often with a byte-order mark) or GB18030/GBK, and `.xlsx`. A file is
//! read into its header and rows of cells; what the cells mean is the
//! domain's business (`domain::import`).

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;
use std::path::Path;

pub use crate::domain::import::cell::{Cell, MAX_CELL_BYTES};

/// A sheet read whole: the header's cells and each data row with its line
/// (the header is line 1, as the spreadsheet numbers rows).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<Cell>)>,
    /// How the file was read: "UTF-8", "GB18030", "xlsx".
    pub encoding: &'static str,
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    Io(String),
    /// Neither UTF-8 nor GB18030 (nor the encoding asked for).
    Encoding {
        asked: Option<String>,
    },
    UnknownEncoding(String),
    /// A workbook that does not open: truncated, or not a workbook.
    Workbook(String),
    Csv {
        line: u64,
        why: String,
    },
    /// Nothing but perhaps a header.
    Empty,
    /// A workbook bigger than the program unpacks: the file, its parts or
    /// how far they would inflate (a zip bomb).
    TooLarge,
}

/// The largest workbook file read, in bytes.
pub const XLSX_MAX_BYTES: u64 = 64 << 20;
/// The most any one part of a workbook may unpack to, and all together.
pub const XLSX_MAX_PART: u64 = 256 << 20;
pub const XLSX_MAX_TOTAL: u64 = 512 << 20;
/// How far a part above 1 MB may inflate: real sheets compress 5–20 times.
pub const XLSX_MAX_RATIO: u64 = 200;
/// The most parts a workbook may have.
pub const XLSX_MAX_PARTS: usize = 10_000;
/// The widest and longest sheet read (a register has a few dozen columns;
/// Excel itself stops at 1,048,576 rows), and the most cells its rows may
/// span in all (a million persons by a dozen columns is half of it).
pub const XLSX_MAX_COLUMNS: u32 = 256;
pub const XLSX_MAX_ROWS: u32 = 2_000_000;
pub const XLSX_MAX_CELLS: usize = 24_000_000;

/// Refuses a workbook whose parts would unpack past the limits, from the
/// zip's own directory — before anything is inflated. (A part that lies
/// about its size is cut at its stated size when read.)
fn check_xlsx_limits(bytes: &[u8]) -> Result<(), SheetError> {
    if bytes.len() as u64 > XLSX_MAX_BYTES {
        return Err(SheetError::TooLarge);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SheetError::Workbook(e.to_string()))?;
    if zip.len() > XLSX_MAX_PARTS {
        return Err(SheetError::TooLarge);
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| SheetError::Workbook(e.to_string()))?;
        let (size, packed) = (part.size(), part.compressed_size().max(1));
        total = total.saturating_add(size);
        if size > XLSX_MAX_PART
            || total > XLSX_MAX_TOTAL
            || (size > 1 << 20 && size / packed > XLSX_MAX_RATIO)
        {
            return Err(SheetError::TooLarge);
        }
    }
    Ok(())
}

/// The encodings a clerk may name with `--encoding`.
pub fn encoding_named(name: &str) -> Option<&'static encoding_rs::Encoding> {
    match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Some(encoding_rs::UTF_8),
        "gb18030" | "gbk" | "gb2312" | "cp936" => Some(encoding_rs::GB18030),
        _ => None,
    }
}

/// Writes a file only its owner may read: an office server is shared over
/// SSH, and exports, documents and reports carry personal data. Written new
/// and renamed into place (`files::write_new`): an existing file is
/// replaced whole, a symbolic link at the name is refused.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::files::write_new(path, bytes, 0o600, None)
}

/// Whether a file is a workbook, by its name's ending.
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Reads a file's bytes as a workbook or as CSV.
pub fn parse(bytes: Vec<u8>, xlsx: bool, encoding: Option<&str>) -> Result<Sheet, SheetError> {
    if xlsx {
        read_xlsx(bytes)
    } else {
        read_csv(&bytes, encoding)
    }
}

/// Decodes CSV bytes: a byte-order mark decides; else valid UTF-8 is UTF-8;
/// else GB18030 (which GBK and GB2312 are subsets of) if it decodes cleanly.
pub fn decode(bytes: &[u8], asked: Option<&str>) -> Result<(String, &'static str), SheetError> {
    if let Some(name) = asked {
        let enc = encoding_named(name).ok_or_else(|| SheetError::UnknownEncoding(name.into()))?;
        let body = enc.decode_with_bom_removal(bytes);
        return match body {
            (text, false) => Ok((text.into_owned(), label(enc))),
            (_, true) => Err(SheetError::Encoding {
                asked: Some(name.into()),
            }),
        };
    }
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom..]);
        return if bad {
            Err(SheetError::Encoding { asked: None })
        } else {
            Ok((text.into_owned(), label(enc)))
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8"));
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| (t.into_owned(), "GB18030"))
        .ok_or(SheetError::Encoding { asked: None })
}

fn label(enc: &'static encoding_rs::Encoding) -> &'static str {
    if enc == encoding_rs::GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

fn read_csv(bytes: &[u8], asked: Option<&str>) -> Result<Sheet, SheetError> {
    let (text, encoding) = decode(bytes, asked)?;
    // Tab-separated when the header has tabs and no commas (Excel's "text").
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.byte_records();
    let csv_error = |e: csv::Error| SheetError::Csv {
        line: e.position().map_or(0, |p| p.line()),
        why: e.to_string(),
    };
    let headers: Vec<String> = match records.next() {
        None => return Err(SheetError::Empty),
        Some(r) => r
            .map_err(csv_error)?
            .iter()
            .map(|c| String::from_utf8_lossy(c).trim().to_string())
            .collect(),
    };
    let mut rows = Vec::new();
    // Lines counted from the bytes: the reader passes over blank lines unseen.
    let (mut seen, mut line) = (0usize, 1usize);
    for r in records {
        let r = r.map_err(csv_error)?;
        let mut at = r.position().map_or(seen, |p| p.byte() as usize);
        // A record's position may be where the blank lines before it begin.
        let bytes = text.as_bytes();
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[seen..at]).count();
        seen = at;
        if r.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue; // a blank line
        }
        let cells = r
            .iter()
            .map(|c| {
                if c.len() > MAX_CELL_BYTES {
                    Cell::TooLong(c.len())
                } else if c.iter().all(u8::is_ascii_whitespace) {
                    Cell::Empty
                } else {
                    // The text was decoded to UTF-8 above; a field is a slice of it.
                    Cell::Text(String::from_utf8_lossy(c).into_owned())
                }
            })
            .collect();
        rows.push((line, cells));
    }
    if rows.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(Sheet {
        headers,
        rows,
        encoding,
    })
}

fn read_xlsx(bytes: Vec<u8>) -> Result<Sheet, SheetError> {
    check_xlsx_limits(&bytes)?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| SheetError::Workbook(e.to_string()))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| SheetError::Workbook("no sheet".into()))?;
    let bad = |e: calamine::XlsxError| SheetError::Workbook(e.to_string());
    let mut reader = book.worksheet_cells_reader(&name).map_err(bad)?;
    // Cell by cell, never as one dense block: two cells at A1 and XFD1048576
    // would otherwise ask for 17 billion cells. Each filled cell is kept,
    // with its row, and a sheet past the limits is refused as it is read.
    let mut filled: std::collections::BTreeMap<u32, Vec<(u32, Cell)>> = Default::default();
    let (mut cells, mut left, mut right) = (0usize, u32::MAX, 0u32);
    while let Some(c) = reader.next_cell_with_formula().map_err(bad)? {
        let (row, col) = c.pos;
        let cell = match c.formula {
            Some(f) if !f.is_empty() => Cell::Formula(f),
            _ => cell_of(&Data::from(c.value)),
        };
        if cell.is_empty() {
            continue;
        }
        cells += 1;
        if col >= XLSX_MAX_COLUMNS || row >= XLSX_MAX_ROWS || cells > XLSX_MAX_CELLS {
            return Err(SheetError::TooLarge);
        }
        left = left.min(col);
        right = right.max(col);
        filled.entry(row).or_default().push((col, cell));
    }
    let width = (right + 1).saturating_sub(left) as usize;
    // Rows are made as wide as the sheet: refused first if that is too much.
    if filled.len().saturating_mul(width) > XLSX_MAX_CELLS {
        return Err(SheetError::TooLarge);
    }
    let dense = |row: Vec<(u32, Cell)>| {
        let mut out = vec![Cell::Empty; width];
        for (col, cell) in row {
            out[(col - left) as usize] = cell;
        }
        out
    };
    let mut rows_iter = filled.into_iter();
    // The first filled row heads the columns, as wide as the sheet.
    let headers: Vec<String> = match rows_iter.next() {
        None => return Err(SheetError::Empty),
        Some((_, r)) => dense(r).iter().map(header_text).collect(),
    };
    // Spreadsheet rows are numbered from 1.
    let rows: Vec<(usize, Vec<Cell>)> = rows_iter
        .map(|(row, r)| (row as usize + 1, dense(r)))
        .collect();
    if rows.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(Sheet {
        headers,
        rows,
        encoding: "xlsx",
    })
}

/// A header cell as text, whatever the spreadsheet kept it as.
fn header_text(c: &Cell) -> String {
    match c {
        Cell::Empty | Cell::TooLong(_) => String::new(),
        Cell::Text(s) | Cell::Formula(s) => s.trim().to_string(),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.to_string(),
    }
}

fn cell_of(c: &Data) -> Cell {
    match c {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.len() > MAX_CELL_BYTES => Cell::TooLong(s.len()),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(d) => d
            .as_datetime()
            .map_or_else(|| Cell::Number(d.as_f64()), |t| Cell::Date(t.date())),
        Data::DateTimeIso(s) => NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
            .map_or_else(|_| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_a_mark_and_gb18030_are_told_apart() {
        let text = "姓名,公民身份号码\n张三,110101199003078515\n";
        assert_eq!(decode(text.as_bytes(), None).unwrap().1, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        let (t, e) = decode(&bom, None).unwrap();
        assert_eq!((t.as_str(), e), (text, "UTF-8"));
        let (gb, _, _) = encoding_rs::GB18030.encode("姓名,身份\n䶮,1\n");
        let (t, e) = decode(&gb, None).unwrap();
        assert_eq!((t.as_str(), e), ("姓名,身份\n䶮,1\n", "GB18030"));
        // Named: GBK is read as GB18030, of which it is a part.
        assert_eq!(decode(&gb, Some("GBK")).unwrap().1, "GB18030");
        assert_eq!(
            decode(&gb, Some("utf-8")),
            Err(SheetError::Encoding {
                asked: Some("utf-8".into())
            })
        );
        assert_eq!(
            decode(b"a", Some("latin-9")),
            Err(SheetError::UnknownEncoding("latin-9".into()))
        );
    }

    #[test]
    fn bytes_neither_utf8_nor_gb18030_are_refused() {
        // 0xFF begins no GB18030 sequence, nor a UTF-8 one.
        assert_eq!(
            decode(&[b'a', 0xFF, b'\n'], None),
            Err(SheetError::Encoding { asked: None })
        );
    }

    #[test]
    fn a_csv_reads_its_header_rows_and_lines_skipping_blank_lines() {
        let s = read_csv("a,b\n1,2\n\n3,\"x,y\"\n".as_bytes(), None).unwrap();
        assert_eq!(s.headers, ["a", "b"]);
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[1].0, 4, "line numbers as the file counts them");
        assert_eq!(s.rows[1].1[1], Cell::Text("x,y".into()));
        let tsv = read_csv("a\tb\n1\t2\n".as_bytes(), None).unwrap();
        assert_eq!(tsv.rows[0].1[1], Cell::Text("2".into()));
        assert_eq!(read_csv(b"a,b\n", None), Err(SheetError::Empty));
    }

    #[test]
    fn a_huge_cell_is_marked_not_kept() {
        let big = "x".repeat(MAX_CELL_BYTES + 1);
        let s = read_csv(format!("a\n{big}\n").as_bytes(), None).unwrap();
        assert_eq!(s.rows[0].1[0], Cell::TooLong(MAX_CELL_BYTES + 1));
    }

    #[test]
    fn a_truncated_workbook_is_refused() {
        let e = read_xlsx(b"PK\x03\x04 not really".to_vec()).unwrap_err();
        assert!(matches!(e, SheetError::Workbook(_)), "{e:?}");
    }
}

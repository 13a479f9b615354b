//! A workbook that would unpack past the limits is refused from the zip's
//! own directory, before anything is inflated (issue 19, point 5): a zip
//! bomb of a few hundred kilobytes standing for hundreds of megabytes of
//! sheet is refused in one sentence, nothing imported.

use crate::common::cli::Demo;
use std::io::Write;

/// A workbook whose sheet inflates `mb` megabytes of the same byte.
fn bomb(mb: usize) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("[Content_Types].xml", o).unwrap();
        z.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
        z.start_file("xl/worksheets/sheet1.xml", o).unwrap();
        let block = vec![b' '; 1 << 20];
        for _ in 0..mb {
            z.write_all(&block).unwrap();
        }
        z.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    let d = Demo::new();
    let before = d.scalar("SELECT COUNT(*) FROM person");
    let file = d.dir.path().join("bomb.xlsx");
    let bytes = bomb(300);
    assert!(bytes.len() < 2 << 20, "a small file: {} bytes", bytes.len());
    std::fs::write(&file, &bytes).unwrap();
    let out = d
        .run(&["import", "persons", file.to_str().unwrap()])
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("压缩炸弹") && err.trim().lines().count() == 1,
        "{err}"
    );
    assert_eq!(
        d.scalar("SELECT COUNT(*) FROM person"),
        before,
        "nothing imported"
    );
    // Far below the part's limit, but inflating two hundred times and more.
    std::fs::write(&file, bomb(20)).unwrap();
    d.run(&["import", "persons", file.to_str().unwrap()])
        .code(1)
        .stderr(predicates::str::contains("压缩炸弹"));
}

/// Two cells far apart span a sheet of 17 billion cells: the sheet is read
/// cell by cell, and refused in one sentence as soon as a cell lies past
/// the widest sheet read — never built as one dense block (issue 19,
/// point 5).
#[test]
fn a_sheet_spanning_past_the_limits_is_refused_without_being_built() {
    let d = Demo::new();
    let file = d.dir.path().join("span.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "公民身份号码").unwrap();
    sheet.write_string(0, 1, "姓名").unwrap();
    sheet.write_string(1_048_575, 16_383, "远处").unwrap();
    book.save(&file).unwrap();
    let out = d
        .run(&["import", "persons", file.to_str().unwrap()])
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("压缩炸弹") || err.contains("过大"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
}

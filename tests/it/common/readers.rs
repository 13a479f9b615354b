//! Independent readers for what the program writes: workbooks by calamine,
//! documents from their XML by zip and quick-xml — neither is the code that
//! wrote them. Python's openpyxl and python-docx, where present, are the
//! stronger check (`python_*`); without them those checks are skipped, said once.

use super::tools::{self, Tool};
use calamine::{Data, Reader, Xlsx};
use std::io::{Read, Write};
use std::path::Path;

/// A workbook as calamine reads it: its sheets' names, and each sheet's rows.
pub struct Workbook {
    pub sheets: Vec<String>,
    rows: Vec<Vec<Vec<Data>>>,
}

impl Workbook {
    pub fn read(path: &Path) -> Workbook {
        let mut wb: Xlsx<_> = calamine::open_workbook(path)
            .unwrap_or_else(|e| panic!("calamine cannot open {}: {e}", path.display()));
        let sheets = wb.sheet_names();
        let rows = sheets
            .iter()
            .map(|name| {
                let range = wb.worksheet_range(name).expect("a sheet calamine reads");
                range.rows().map(<[Data]>::to_vec).collect()
            })
            .collect();
        Workbook { sheets, rows }
    }

    /// The rows of the sheet named `name` (the head first).
    pub fn sheet(&self, name: &str) -> &[Vec<Data>] {
        let i = self
            .sheets
            .iter()
            .position(|s| s == name)
            .unwrap_or_else(|| panic!("no sheet {name} in {:?}", self.sheets));
        &self.rows[i]
    }

    /// The first sheet's rows.
    pub fn first(&self) -> &[Vec<Data>] {
        &self.rows[0]
    }
}

/// A cell's text as a reader shows it (numbers without a trailing `.0`).
/// A report's figure: the cell after the one labelled `label` on the
/// first sheet.
pub fn figure(path: &Path, label: &str) -> String {
    let book = Workbook::read(path);
    let row = book
        .first()
        .iter()
        .find(|r| r.iter().any(|c| text(c) == label))
        .unwrap_or_else(|| panic!("no row labelled {label}"))
        .clone();
    let at = row.iter().position(|c| text(c) == label).unwrap();
    row.get(at + 1).map(text).unwrap_or_default()
}

pub fn text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// The body's paragraphs of a `.docx` (as python-docx counts them: not
/// those in tables or text boxes), each its runs' text joined — a line break
/// "\n", a tab "\t" — read from `word/document.xml`.
pub fn docx_paragraphs(path: &Path) -> Vec<String> {
    use quick_xml::events::Event;
    let xml = document_xml(path);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paragraphs: Vec<String> = Vec::new();
    // The open elements, outermost first.
    let mut open: Vec<String> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed document.xml") {
            Event::Start(e) => {
                let name = e.name().into_inner().to_string();
                if name == "w:p" && open.last().is_some_and(|l| l == "w:body") {
                    paragraphs.push(String::new());
                }
                open.push(name);
            }
            Event::Empty(e) => {
                let name = e.name().into_inner();
                if name == "w:p" && open.last().is_some_and(|l| l == "w:body") {
                    paragraphs.push(String::new());
                } else if run_of_body_paragraph(&open) {
                    match name {
                        "w:br" | "w:cr" => paragraphs.last_mut().unwrap().push('\n'),
                        "w:tab" => paragraphs.last_mut().unwrap().push('\t'),
                        _ => {}
                    }
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) if in_run_text(&open) => {
                paragraphs.last_mut().unwrap().push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_run_text(&open) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.clone().into_inner();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("unknown entity &{name};"))
                            .to_string()
                    }
                };
                paragraphs.last_mut().unwrap().push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    paragraphs
}

/// Whether the innermost open elements are a run of a body paragraph:
/// `w:body`, `w:p`, then `w:r` (or `w:hyperlink`, `w:r`).
fn run_of_body_paragraph(open: &[String]) -> bool {
    let Some(p) = open.iter().rposition(|e| e == "w:p") else {
        return false;
    };
    let below: Vec<&str> = open[p + 1..].iter().map(String::as_str).collect();
    p > 0 && open[p - 1] == "w:body" && matches!(below.as_slice(), ["w:r"] | ["w:hyperlink", "w:r"])
}

/// Whether the reader is in the text (`w:t`) of such a run.
fn in_run_text(open: &[String]) -> bool {
    open.split_last()
        .is_some_and(|(t, run)| t == "w:t" && run_of_body_paragraph(run))
}

/// The paragraphs of a `.docx`, a line each (as python-docx would print them).
pub fn docx_text(path: &Path) -> String {
    docx_paragraphs(path).join("\n")
}

fn document_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("a .docx is a zip archive");
    let mut part = zip
        .by_name("word/document.xml")
        .expect("a .docx has word/document.xml");
    let mut xml = String::new();
    part.read_to_string(&mut xml).expect("UTF-8 document.xml");
    xml
}

/// Writes `src` again as `dst` with one paragraph of `text` added at the end
/// of the body (before its section properties), as an office editing a
/// template in WPS or Word would.
pub fn docx_add_paragraph(src: &Path, dst: &Path, text: &str) {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let paragraph = format!("<w:p><w:r><w:t xml:space=\"preserve\">{escaped}</w:t></w:r></w:p>");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().expect("a part name").into_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let at = xml
                .rfind("<w:sectPr")
                .or_else(|| xml.rfind("</w:body>"))
                .expect("a body");
            bytes = format!("{}{paragraph}{}", &xml[..at], &xml[at..]).into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

/// Runs a Python snippet with `args` as `sys.argv[1:]`: its printout, or None
/// (the check skipped, said once) when `tool` is missing.
pub fn python(tool: Tool, code: &str, args: &[&Path]) -> Option<String> {
    if !tools::have(tool) {
        return None;
    }
    let out = std::process::Command::new("python3")
        .args(["-c", code])
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python3: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// The paragraphs as python-docx reads them, a line each; None without it.
pub fn python_docx_text(path: &Path) -> Option<String> {
    python(
        Tool::PythonDocx,
        "import docx,sys; print('\\n'.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))",
        &[path],
    )
    .map(|s| s.trim_end_matches('\n').to_string())
}

/// The paragraphs as both readers see them, each its own text (a line feed
/// inside one is kept, as Word shows it: a space, not a new line).
pub fn read_docx_paragraphs(path: &Path) -> Vec<String> {
    let ours = hrss_desk::docx::paragraphs(&std::fs::read(path).unwrap()).unwrap();
    let theirs = python(
        Tool::PythonDocx,
        "import docx,sys,json; print(json.dumps([p.text for p in docx.Document(sys.argv[1]).paragraphs], ensure_ascii=False))",
        &[path],
    );
    if let Some(theirs) = theirs {
        let theirs: Vec<String> = serde_json::from_str(theirs.trim()).unwrap();
        assert_eq!(
            ours,
            theirs,
            "python-docx reads {} otherwise",
            path.display()
        );
    }
    ours
}

/// Both readers of a document agree; the paragraphs, a line each.
pub fn read_docx(path: &Path) -> String {
    let ours = docx_text(path);
    if let Some(theirs) = python_docx_text(path) {
        assert_eq!(
            ours.trim_end_matches('\n'),
            theirs,
            "python-docx reads {} otherwise",
            path.display()
        );
    }
    ours
}

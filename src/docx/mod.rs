//! Word documents (`.docx`) that WPS and Word open and print: a plain
//! built-in template for each kind, and any template — the office's own,
//! with its letterhead and wording — filled where it says `{{名称}}`.
//!
//! Word splits a paragraph's text into runs as it likes, so a placeholder
//! may straddle several; a paragraph holding one is rewritten as a single
//! run with the first run's formatting, its paragraph style kept.

use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a .docx (or a damaged one).
    NotDocx(String),
    /// Placeholders the template has that no field fills.
    Unknown(Vec<String>),
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 forbids are dropped, not written.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A paragraph in 仿宋 (the official documents' face), bold and centred for a title.
fn paragraph(text: &str, title: bool) -> String {
    aligned(text, title, "")
}

/// A paragraph as `paragraph`, aligned `jc` (`right` for the seal and the
/// date) unless it is a title.
fn aligned(text: &str, title: bool, jc: &str) -> String {
    let (jc, size, bold) = if title {
        ("<w:jc w:val=\"center\"/>".to_string(), 44, "<w:b/>")
    } else if jc.is_empty() {
        (String::new(), 32, "")
    } else {
        (format!("<w:jc w:val=\"{jc}\"/>"), 32, "")
    };
    format!(
        "<w:p><w:pPr>{jc}</w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"FangSong\" w:eastAsia=\"仿宋\" w:hAnsi=\"FangSong\"/>{bold}<w:sz w:val=\"{size}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(text)
    )
}

/// A field laid out as a letter's: `收件人` is the addressee (`名称：` on a
/// line of its own, first), `正文` fields stand without a label, `日期` goes
/// last, under the office's name and the place of its seal.
pub const ADDRESSEE: &str = "收件人";
const DATE: &str = "日期";

/// The built-in template of a kind: the office name, the title, the number,
/// the addressee, then each field on its line (the `bodies` without a
/// label), and at the end the office and its seal, and the date.
pub fn default_template(office: &str, title: &str, fields: &[&str], bodies: &[&str]) -> Vec<u8> {
    let mut body = String::new();
    body.push_str(&paragraph(office, true));
    body.push_str(&paragraph(title, true));
    body.push_str(&paragraph("{{编号}}", false));
    if fields.contains(&ADDRESSEE) {
        body.push_str(&paragraph(&format!("{{{{{ADDRESSEE}}}}}："), false));
    }
    for f in fields.iter().filter(|f| **f != ADDRESSEE && **f != DATE) {
        let line = if bodies.contains(f) {
            format!("{{{{{f}}}}}")
        } else {
            format!("{f}：{{{{{f}}}}}")
        };
        body.push_str(&paragraph(&line, false));
    }
    body.push_str(&paragraph("", false));
    body.push_str(&aligned(&format!("{office}（盖章）"), false, "right"));
    if fields.contains(&DATE) {
        body.push_str(&aligned(&format!("{{{{{DATE}}}}}"), false, "right"));
    }
    package(&body)
}

/// A document of paragraphs, each (text, whether it is a title): a report
/// written whole by the program, not filled from a template.
pub fn document(paragraphs: &[(String, bool)]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|(text, title)| paragraph(text, *title))
        .collect();
    package(&body)
}

/// The `.docx` package around a body of paragraphs (A4, the official margins).
fn package(body: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let mut out = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let o = SimpleFileOptions::default();
        for (name, text) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", doc.as_str()),
        ] {
            z.start_file(name, o).expect("an in-memory zip");
            z.write_all(text.as_bytes()).expect("an in-memory zip");
        }
        z.finish().expect("an in-memory zip");
    }
    out.into_inner()
}

/// The text of a paragraph's runs, in order.
fn paragraph_text(p: &str) -> String {
    let mut text = String::new();
    let mut rest = p;
    while let Some(i) = rest.find("<w:t") {
        let after = &rest[i + 4..];
        // `<w:t>` or `<w:t xml:space=...>`, not `<w:tab/>` or `<w:tbl>`.
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let Some(open_end) = after.find('>') else {
            break;
        };
        if after[..open_end].ends_with('/') {
            rest = &after[open_end + 1..];
            continue;
        }
        let inner = &after[open_end + 1..];
        let Some(close) = inner.find("</w:t>") else {
            break;
        };
        text.push_str(&unescape(&inner[..close]));
        rest = &inner[close + 6..];
    }
    text
}

/// Where the next paragraph opens: `<w:p>` or `<w:p ` (not `<w:pPr>`).
fn next_paragraph(xml: &str) -> Option<usize> {
    [xml.find("<w:p>"), xml.find("<w:p ")]
        .into_iter()
        .flatten()
        .min()
}

/// The end (just past `</w:p>`) of the paragraph opening at 0, counting the
/// paragraphs nested in it (a text box's).
fn paragraph_end(xml: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        let rest = &xml[at..];
        let close = rest.find("</w:p>")?;
        match next_paragraph(rest) {
            Some(o) if o < close => {
                depth += 1;
                at += o + 4;
            }
            _ => {
                depth = depth.checked_sub(1)?;
                at += close + "</w:p>".len();
                if depth == 0 {
                    return Some(at);
                }
            }
        }
    }
}

/// Fills `{{名称}}` placeholders in one XML part, paragraph by paragraph.
fn fill_part(xml: &str, values: &[(&str, String)], unknown: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    loop {
        let Some(start) = next_paragraph(rest) else {
            out.push_str(rest);
            break;
        };
        let Some(len) = paragraph_end(&rest[start..]) else {
            out.push_str(rest);
            break;
        };
        let end = start + len;
        out.push_str(&rest[..start]);
        let p = &rest[start..end];
        let open_end = p.find('>').map_or(0, |i| i + 1);
        if next_paragraph(&p[open_end..]).is_some() {
            // A paragraph holding others (a text box): fill those inside.
            out.push_str(&p[..open_end]);
            let inner = &p[open_end..p.len() - "</w:p>".len()];
            out.push_str(&fill_part(inner, values, unknown));
            out.push_str("</w:p>");
        } else {
            out.push_str(&fill_paragraph(p, values, unknown));
        }
        rest = &rest[end..];
    }
    out
}

/// One paragraph: placeholders inside one text element are filled where
/// they stand (tabs, breaks, fields and pictures kept); one split across
/// runs makes the paragraph one run.
fn fill_paragraph(p: &str, values: &[(&str, String)], unknown: &mut Vec<String>) -> String {
    if !paragraph_text(p).contains("{{") {
        return p.to_string();
    }
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    let mut local = Vec::new();
    while let Some(i) = rest.find("<w:t") {
        let after = &rest[i + 4..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let is_text =
            (after.starts_with('>') || after.starts_with(' ')) && !after[..open_end].ends_with('/');
        let inner = &after[open_end + 1..];
        match (is_text, inner.find("</w:t>")) {
            (true, Some(close)) => {
                out.push_str(&rest[..i + 4 + open_end + 1]);
                let text = unescape(&inner[..close]);
                if text.contains("{{") && text.contains("}}") {
                    out.push_str(&escape(&substitute(&text, values, &mut local)));
                } else {
                    out.push_str(&inner[..close]);
                }
                out.push_str("</w:t>");
                rest = &inner[close + "</w:t>".len()..];
            }
            _ => {
                out.push_str(&rest[..i + 4]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    // Split across runs, or a value of several lines: rebuilt whole, a
    // paragraph a line (a line feed inside one text shows as a space).
    if paragraph_text(&out).contains("{{") || paragraph_text(&out).contains('\n') {
        return rewrite(p, &substitute(&paragraph_text(p), values, unknown));
    }
    unknown.extend(local);
    out
}

fn substitute(text: &str, values: &[(&str, String)], unknown: &mut Vec<String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            out.push_str(&rest[i..]);
            return out;
        };
        let name = after[..j].trim();
        match values.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(v),
            None => unknown.push(name.to_string()),
        }
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    out
}

/// The paragraph rebuilt as one run of `text`, a paragraph for each of its
/// lines, each keeping the paragraph's properties and its first run's format.
fn rewrite(p: &str, text: &str) -> String {
    let open_end = p.find('>').map_or(0, |i| i + 1);
    let ppr = match (p.find("<w:pPr"), p.find("</w:pPr>")) {
        (Some(a), Some(b)) => &p[a..b + "</w:pPr>".len()],
        _ => "",
    };
    // The first run's format (not the paragraph mark's, inside `w:pPr`).
    let runs_from = p
        .find("</w:pPr>")
        .map_or(open_end, |i| i + "</w:pPr>".len());
    let runs = &p[runs_from..];
    let first_run = [runs.find("<w:r>"), runs.find("<w:r ")]
        .into_iter()
        .flatten()
        .min()
        .map_or("", |i| &runs[i..]);
    let rpr = match (
        first_run.find("<w:rPr>"),
        first_run.find("</w:rPr>"),
        first_run.find("</w:r>"),
    ) {
        (Some(a), Some(b), Some(end)) if a < b && b < end => &first_run[a..b + "</w:rPr>".len()],
        _ => "",
    };
    text.split('\n')
        .map(|line| {
            format!(
                "{}{ppr}<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                &p[..open_end],
                escape(line)
            )
        })
        .collect()
}

/// Fills a template with the values; every placeholder must have one.
pub fn fill(template: &[u8], values: &[(&str, String)]) -> Result<Vec<u8>, DocxError> {
    let bad = |e: zip::result::ZipError| DocxError::NotDocx(e.to_string());
    let mut zin = zip::ZipArchive::new(Cursor::new(template)).map_err(bad)?;
    if zin.by_name("word/document.xml").is_err() {
        return Err(DocxError::NotDocx("word/document.xml".into()));
    }
    let mut out = Cursor::new(Vec::new());
    let mut unknown = Vec::new();
    {
        let mut z = zip::ZipWriter::new(&mut out);
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).map_err(bad)?;
            let name = f.name().map_err(bad)?.to_string();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes)
                .map_err(|e| DocxError::NotDocx(e.to_string()))?;
            // The body, headers and footers carry text to fill.
            let text_part = name == "word/document.xml"
                || (name.starts_with("word/header") || name.starts_with("word/footer"))
                    && name.ends_with(".xml");
            if text_part {
                let xml =
                    String::from_utf8(bytes).map_err(|e| DocxError::NotDocx(e.to_string()))?;
                let filled = fill_part(&xml, values, &mut unknown);
                well_formed(&filled).map_err(|e| DocxError::NotDocx(format!("{name}: {e}")))?;
                bytes = filled.into_bytes();
            }
            z.start_file(name, SimpleFileOptions::default())
                .map_err(bad)?;
            z.write_all(&bytes)
                .map_err(|e| DocxError::NotDocx(e.to_string()))?;
        }
        z.finish().map_err(bad)?;
    }
    if !unknown.is_empty() {
        unknown.sort();
        unknown.dedup();
        return Err(DocxError::Unknown(unknown));
    }
    Ok(out.into_inner())
}

/// Whether XML is well formed: every element closed, in order.
fn well_formed(xml: &str) -> Result<(), String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i64;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
        if depth < 0 {
            return Err("an element closed twice".into());
        }
    }
    if depth == 0 {
        Ok(())
    } else {
        Err("an element left open".into())
    }
}

/// The text of a document's body, a line a paragraph (for tests and checks).
pub fn text_of(docx: &[u8]) -> Result<String, DocxError> {
    Ok(paragraphs(docx)?.join("\n"))
}

/// The paragraphs of a document's body, each its text (a line feed inside
/// one stays in it, as Word would show it: a space).
pub fn paragraphs(docx: &[u8]) -> Result<Vec<String>, DocxError> {
    let mut z =
        zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| DocxError::NotDocx(e.to_string()))?;
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .map_err(|e| DocxError::NotDocx(e.to_string()))?
        .read_to_string(&mut xml)
        .map_err(|e| DocxError::NotDocx(e.to_string()))?;
    let mut lines = Vec::new();
    let mut rest = xml.as_str();
    while let Some(start) = next_paragraph(rest) {
        let Some(len) = paragraph_end(&rest[start..]) else {
            break;
        };
        lines.push(paragraph_text(&rest[start..start + len]));
        rest = &rest[start + len..];
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_template_fills_every_field_escaped() {
        let t = default_template(
            "石家庄市鹿泉区人力资源和社会保障局",
            "整改通知书",
            &["机构名称", "事实和理由"],
            &[],
        );
        let doc = fill(
            &t,
            &[
                ("编号", "鹿人社整改〔2026〕第3号".into()),
                ("机构名称", "A&B <人力> 公司".into()),
                ("事实和理由", "一、未公示收费\n二、台账缺失".into()),
            ],
        )
        .unwrap();
        let text = text_of(&doc).unwrap();
        assert!(text.contains("鹿人社整改〔2026〕第3号"), "{text}");
        assert!(text.contains("机构名称：A&B <人力> 公司"), "{text}");
        assert!(!text.contains("{{"), "{text}");
        // A value of several lines is several paragraphs, as Word shows them.
        let ps = paragraphs(&doc).unwrap();
        assert!(ps.iter().all(|p| !p.contains('\n')), "{ps:?}");
        assert!(
            ps.contains(&"事实和理由：一、未公示收费".to_string()),
            "{ps:?}"
        );
        assert!(ps.contains(&"二、台账缺失".to_string()), "{ps:?}");
        // It ends with the office and the place of its seal.
        assert_eq!(
            ps.last().unwrap(),
            "石家庄市鹿泉区人力资源和社会保障局（盖章）"
        );
    }

    #[test]
    fn a_letter_names_its_addressee_sets_its_body_unlabelled_and_dates_under_the_seal() {
        let t = default_template(
            "局",
            "一次性告知书",
            &["收件人", "业务类型", "告知内容", "日期"],
            &["告知内容"],
        );
        let doc = fill(
            &t,
            &[
                ("编号", "告〔2026〕第1号".into()),
                ("收件人", "甲公司".into()),
                ("业务类型", "参保登记".into()),
                ("告知内容", "1. 缺少劳动合同。\n2. 缺少身份证。".into()),
                ("日期", "2026年11月27日".into()),
            ],
        )
        .unwrap();
        let ps = paragraphs(&doc).unwrap();
        assert_eq!(
            ps[..4],
            ["局", "一次性告知书", "告〔2026〕第1号", "甲公司："]
        );
        assert!(ps.contains(&"1. 缺少劳动合同。".to_string()), "{ps:?}");
        assert!(ps.contains(&"2. 缺少身份证。".to_string()), "{ps:?}");
        assert_eq!(ps[ps.len() - 2..], ["局（盖章）", "2026年11月27日"]);
        assert_eq!(ps.iter().filter(|p| p.contains("一次性告知书")).count(), 1);
    }

    #[test]
    fn a_value_of_several_lines_in_a_run_of_its_own_becomes_paragraphs_keeping_their_format() {
        let xml = r#"<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{{正文}}</w:t></w:r></w:p>"#;
        let mut unknown = Vec::new();
        let out = fill_part(xml, &[("正文", "甲\n乙".into())], &mut unknown);
        assert!(unknown.is_empty());
        assert_eq!(out.matches("<w:p>").count(), 2, "{out}");
        assert_eq!(
            out.matches("<w:ind w:firstLine=\"640\"/>").count(),
            2,
            "{out}"
        );
        assert_eq!(out.matches("<w:b/>").count(), 2, "{out}");
        assert!(!out.contains("<w:br/>"), "{out}");
    }

    #[test]
    fn a_placeholder_split_across_runs_is_still_filled() {
        let xml = r#"<w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>单位：{{机</w:t></w:r><w:r><w:t>构名称}}</w:t></w:r><w:r><w:tab/></w:r></w:p><w:p><w:r><w:t>不变</w:t></w:r></w:p></w:body>"#;
        let mut unknown = Vec::new();
        let out = fill_part(xml, &[("机构名称", "某公司".into())], &mut unknown);
        assert!(unknown.is_empty());
        assert!(
            out.contains("<w:jc w:val=\"center\"/>"),
            "paragraph style kept: {out}"
        );
        assert!(out.contains("<w:b/>"), "first run's format kept: {out}");
        assert!(out.contains(">单位：某公司</w:t>"), "{out}");
        assert!(
            out.contains("<w:t>不变</w:t>"),
            "other paragraphs untouched: {out}"
        );
    }

    #[test]
    fn a_placeholder_in_one_run_keeps_the_paragraphs_tabs_and_fields() {
        let xml = r#"<w:p><w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>编号</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">{{编号}}</w:t></w:r><w:fldSimple w:instr="PAGE"/></w:p>"#;
        let mut unknown = Vec::new();
        let out = fill_part(xml, &[("编号", "鹿〔2026〕第1号".into())], &mut unknown);
        assert!(out.contains("<w:tab/>") && out.contains("PAGE"), "{out}");
        assert!(out.contains(">鹿〔2026〕第1号</w:t>"), "{out}");
        // Split across runs, the rebuilt run takes the first run's format,
        // not the paragraph mark's.
        let split = r#"<w:p><w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>{{编</w:t></w:r><w:r><w:t>号}}</w:t></w:r></w:p>"#;
        let out = fill_part(split, &[("编号", "第1号".into())], &mut unknown);
        assert!(
            out.contains(
                r#"<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t"#
            ),
            "{out}"
        );
        assert!(unknown.is_empty());
    }

    #[test]
    fn a_text_box_inside_a_paragraph_is_filled_and_stays_well_formed() {
        let xml = r#"<w:body><w:p><w:r><w:t>甲</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>{{机构名称}}</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p><w:p><w:r><w:t>乙{{日期}}</w:t></w:r></w:p></w:body>"#;
        let mut unknown = Vec::new();
        let out = fill_part(
            xml,
            &[("机构名称", "某&公司".into()), ("日期", "今日".into())],
            &mut unknown,
        );
        assert!(unknown.is_empty(), "{unknown:?}");
        assert!(
            out.contains(">某&amp;公司</w:t>") && out.contains(">乙今日</w:t>"),
            "{out}"
        );
        assert_eq!(well_formed(&out), Ok(()));
    }

    #[test]
    fn an_unknown_placeholder_or_a_broken_file_is_refused() {
        let t = default_template("局", "通知", &["甲"], &[]);
        assert_eq!(
            fill(&t, &[("编号", "1".into())]),
            Err(DocxError::Unknown(vec!["甲".into()]))
        );
        assert!(matches!(
            fill(b"not a zip", &[]),
            Err(DocxError::NotDocx(_))
        ));
    }
}

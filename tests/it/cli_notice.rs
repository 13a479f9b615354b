//! Documents as `.docx`, read back by independent readers (the document's
//! XML read here, and python-docx where present):
//! every kind rendered with its fields filled, numbered per kind and year
//! once (a reprint keeps its number), its hash kept and audited; the
//! office's own template loaded and used; refusals said.

use crate::common;

use common::cli::Demo;
use common::readers::{docx_add_paragraph, read_docx, read_docx_paragraphs};
use common::tools::{self, Tool};
use predicates::prelude::*;
use std::path::Path;

fn sha256(path: &Path) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(std::fs::read(path).unwrap()))
}

/// Issue 21, point 1: the notice printed at the counter is a document —
/// its lines paragraphs, its title once, an addressee, the office and the
/// place of its seal, the date.
#[test]
fn a_one_time_notice_prints_as_a_letter_a_paragraph_a_line() {
    let d = Demo::new();
    let id =
        d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending' AND employer_id IS NOT NULL");
    d.run(&[
        "filings",
        "return",
        &id,
        "--notice",
        "一次性告知书\n1. 请补交劳动合同复印件。\n2. 请补交身份证复印件。",
    ])
    .success();
    let out = d.dir.path().join("n.docx");
    d.run(&[
        "notice",
        "render",
        "correction-notice",
        &id,
        "-o",
        out.to_str().unwrap(),
    ])
    .success();
    let ps = read_docx_paragraphs(&out);
    assert!(
        ps.iter().all(|p| !p.contains('\n')),
        "a line feed inside a paragraph: {ps:?}"
    );
    for line in ["1. 请补交劳动合同复印件。", "2. 请补交身份证复印件。"] {
        assert!(
            ps.iter().any(|p| p == line),
            "{line} not a paragraph: {ps:?}"
        );
    }
    assert_eq!(
        ps.iter().filter(|p| p.contains("一次性告知书")).count(),
        1,
        "the title once: {ps:?}"
    );
    let employer = d.scalar(&format!(
        "SELECT e.name FROM filing f JOIN employer e ON e.id = f.employer_id WHERE f.id = {id}"
    ));
    assert_eq!(
        ps[3],
        format!("{employer}："),
        "the addressee after the number: {ps:?}"
    );
    let seal = ps
        .iter()
        .position(|p| p.ends_with("（盖章）"))
        .expect("the seal's place");
    assert!(
        ps[seal].starts_with("石家庄市鹿泉区人力资源和社会保障局"),
        "{ps:?}"
    );
    assert!(
        ps[seal + 1].ends_with('日') && ps[seal + 1].contains('年'),
        "the date under the seal: {ps:?}"
    );
}

/// Issue 21, point 1: the notice says by when to correct and resubmit —
/// the office's period (`filing.correction_days`, 15 working days unless
/// set) from the day of the return, kept with the return so a reprint
/// gives the applicant the same day after the setting changed.
#[test]
fn a_one_time_notice_says_by_when_to_correct_and_a_reprint_keeps_that_day() {
    let d = Demo::new();
    let id =
        d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending' AND employer_id IS NOT NULL");
    const BY: &str = "请于2026年12月18日前补正材料后重新提交。";
    // The office's setting, listed with its source among the others.
    d.run(&["config", "office"])
        .success()
        .stdout(predicate::str::contains(
            "filing.correction_days\t15\t无法定期限",
        ));
    // Returned on Friday 27 November: 15 working days on, three weekends
    // skipped, is Friday 18 December.
    d.run(&[
        "filings",
        "return",
        &id,
        "--notice",
        "一次性告知书\n1. 请补交劳动合同复印件。\n2. 请补交身份证复印件。",
    ])
    .success()
    .stdout(predicate::str::contains(
        "已退回更正，须于2026-12-18前补正后重新提交。",
    ))
    .stdout(predicate::str::contains(BY));
    assert_eq!(
        d.scalar(&format!(
            "SELECT correction_due FROM filing WHERE id = {id}"
        )),
        "2026-12-18"
    );
    let render = |name: &str| {
        let out = d.dir.path().join(name);
        d.run(&[
            "notice",
            "render",
            "correction-notice",
            &id,
            "-o",
            out.to_str().unwrap(),
        ])
        .success();
        read_docx_paragraphs(&out)
    };
    let ps = render("first.docx");
    let last = ps
        .iter()
        .position(|p| p == "2. 请补交身份证复印件。")
        .unwrap_or_else(|| panic!("the problems as paragraphs: {ps:?}"));
    assert_eq!(ps[last + 1], BY, "the day right after the problems: {ps:?}");
    assert_eq!(ps.iter().filter(|p| p.contains("补正材料")).count(), 1);
    // Nothing the rules do not say: no deemed withdrawal.
    assert!(!ps.iter().any(|p| p.contains("撤回")), "{ps:?}");

    // The office shortens its period: a reprint keeps the day given, the
    // next return counts 5 working days.
    d.run(&[
        "config",
        "set",
        "filing.correction_days",
        "5",
        "--source",
        "本局规定：5个工作日内补正",
    ])
    .success();
    assert_eq!(render("again.docx"), ps);
    d.run(&["filings", "notice", &id])
        .success()
        .stdout(predicate::str::ends_with(format!("{BY}\n")));
    let next =
        d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending' AND employer_id IS NOT NULL");
    // In English the command line says the day in English; the notice stays
    // in the office's language.
    d.run(&["--lang", "en", "filings", "return", &next])
        .success()
        .stdout(predicate::str::contains(
            "returned for correction, to be corrected and resubmitted by 2026-12-04.",
        ))
        .stdout(predicate::str::contains(
            "请于2026年12月04日前补正材料后重新提交。",
        ));

    // A nonsense period is refused in one sentence and changes nothing;
    // 0 stands for the default.
    for (bad, lang) in [("十五", "zh"), ("61", "en"), ("1.5", "zh")] {
        let out = d
            .run(&[
                "--lang",
                lang,
                "config",
                "set",
                "filing.correction_days",
                bad,
                "--source",
                "试",
            ])
            .code(2)
            .get_output()
            .clone();
        let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        let expected = match lang {
            "zh" => format!("“filing.correction_days”须为0至60之间的整数，“{bad}”不是。"),
            _ => format!(
                "\"filing.correction_days\" takes a whole number from 0 to 60; \"{bad}\" is not one."
            ),
        };
        assert_eq!(said, expected);
    }
    assert_eq!(
        d.scalar("SELECT value FROM setting WHERE key = 'filing.correction_days'"),
        "5"
    );
    d.run(&[
        "config",
        "set",
        "filing.correction_days",
        "0",
        "--source",
        "按缺省15个工作日",
    ])
    .success();
    let third =
        d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending' AND employer_id IS NOT NULL");
    d.run(&["filings", "return", &third])
        .success()
        .stdout(predicate::str::contains(BY));
}

#[test]
fn a_returned_filings_notice_is_numbered_once_and_its_hash_kept() {
    let d = Demo::new();
    let id = d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending'");
    d.run(&[
        "filings",
        "return",
        &id,
        "--notice",
        "请补交劳动合同复印件。",
    ])
    .success();
    let first = d.dir.path().join("a.docx");
    d.run(&[
        "notice",
        "render",
        "correction-notice",
        &id,
        "-o",
        first.to_str().unwrap(),
    ])
    .success()
    .stdout(predicate::str::contains("鹿人社告〔"));
    let text = read_docx(&first);
    assert!(
        text.contains("一次性告知书") && text.contains("请补交劳动合同复印件。"),
        "{text}"
    );
    let employer = d.scalar(&format!(
        "SELECT e.name FROM filing f JOIN employer e ON e.id = f.employer_id WHERE f.id = {id}"
    ));
    assert!(text.contains(&format!("参保单位：{employer}")), "{text}");
    let number = text.lines().nth(2).unwrap().to_string();
    assert!(
        number.starts_with("鹿人社告〔") && number.ends_with("第1号"),
        "{text}"
    );
    // A reprint keeps its number; the file's hash is kept with the record.
    let again = d.dir.path().join("b.docx");
    d.run(&[
        "notice",
        "render",
        "correction-notice",
        &id,
        "-o",
        again.to_str().unwrap(),
    ])
    .success();
    assert_eq!(read_docx(&again).lines().nth(2).unwrap(), number);
    assert_eq!(d.scalar("SELECT COUNT(*) FROM document_issued"), "1");
    assert_eq!(
        d.scalar(&format!(
            "SELECT sha256 FROM document_issued WHERE record_id = {id}"
        )),
        sha256(&again)
    );
    assert_eq!(
        d.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'document.render'"),
        "2"
    );
    // Another filing's notice is the next number; a pending one has none.
    let other = d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending'");
    d.run(&["filings", "return", &other]).success();
    let c = d.dir.path().join("c.docx");
    d.run(&[
        "notice",
        "render",
        "correction-notice",
        &other,
        "-o",
        c.to_str().unwrap(),
    ])
    .success();
    assert!(read_docx(&c).contains("第2号"));
    let pending = d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending'");
    d.run(&["notice", "render", "correction-notice", &pending])
        .code(1)
        .stderr(predicate::str::contains("未退回"));
    d.run(&["notice", "render", "传票", "1"]).code(2);
}

#[test]
fn a_template_that_cannot_be_filled_gives_no_number() {
    let d = Demo::new();
    let id = d.scalar("SELECT MIN(id) FROM filing WHERE status = 'pending'");
    d.run(&["filings", "return", &id]).success();
    // A damaged template put in past the program's check.
    d.sql("INSERT INTO document_template (kind, body) VALUES ('correction-notice', X'00010203');");
    let out = d.dir.path().join("x.docx");
    d.run(&[
        "notice",
        "render",
        "correction-notice",
        &id,
        "-o",
        out.to_str().unwrap(),
    ])
    .code(1);
    assert!(!out.exists(), "no file written");
    assert_eq!(
        d.scalar("SELECT COUNT(*) FROM document_issued"),
        "0",
        "no number used up"
    );
}

#[test]
fn every_case_document_fills_from_the_case_once_its_step_is_taken() {
    let d = Demo::new();
    let closed = d.scalar("SELECT MIN(id) FROM inspection_case WHERE stage = 'closed'");
    let number = d.scalar(&format!(
        "SELECT number FROM inspection_case WHERE id = {closed}"
    ));
    for kind in [
        "case-opening",
        "rectify-order",
        "prior-notice",
        "hearing-notice",
        "penalty-decision",
        "case-closing",
    ] {
        let out = d.dir.path().join(format!("{kind}.docx"));
        d.run(&[
            "notice",
            "render",
            kind,
            &closed,
            "-o",
            out.to_str().unwrap(),
        ])
        .success();
        let text = read_docx(&out);
        assert!(text.contains(&format!("案号：{number}")), "{kind}: {text}");
        assert!(!text.contains("{{"), "{kind}: {text}");
    }
    let early = d.scalar("SELECT MIN(id) FROM inspection_case WHERE stage = 'investigating'");
    d.run(&["notice", "render", "penalty-decision", &early])
        .code(1)
        .stderr(predicate::str::contains(
            "尚未办理到出具行政处罚决定书的步骤",
        ));
}

#[test]
fn a_rectification_notice_and_the_offices_own_template() {
    let d = Demo::new();
    let licence =
        d.scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'");
    d.run(&[
        "--user",
        "liuyang",
        "sanction",
        "add",
        &licence,
        "rectify",
        "--deadline",
        "2099-06-30",
        "--reason",
        "未公示收费标准",
    ])
    .success();
    let step = d.scalar("SELECT MAX(id) FROM sanction_step");
    let out = d.dir.path().join("r.docx");
    d.run(&[
        "notice",
        "render",
        "rectification-notice",
        &step,
        "-o",
        out.to_str().unwrap(),
    ])
    .success();
    let text = read_docx(&out);
    assert!(
        text.contains("整改期限：2099-06-30") && text.contains("事实和理由：未公示收费标准"),
        "{text}"
    );
    // Every fact of the step where it belongs: the licence, its holder, the
    // step in words, who decided.
    let number = d.scalar(&format!("SELECT number FROM licence WHERE id = {licence}"));
    let holder = d.scalar(&format!("SELECT holder FROM licence WHERE id = {licence}"));
    for line in [
        format!("许可证号：{number}"),
        format!("机构名称：{holder}"),
        "决定人：刘洋".to_string(),
        "处理措施：限期整改".to_string(),
    ] {
        assert!(text.contains(&line), "{line} in {text}");
    }
    // The office writes the template out, edits it in its word processor
    // (here python-docx where present, else a paragraph written into its
    // XML), and loads it back.
    let template = d.dir.path().join("t.docx");
    d.run(&[
        "notice",
        "template",
        "rectification-notice",
        "-o",
        template.to_str().unwrap(),
    ])
    .success();
    let edit = |extra: &str, to: &Path| {
        if !tools::have(Tool::PythonDocx) {
            return docx_add_paragraph(&template, to, extra);
        }
        let st = std::process::Command::new("python3")
            .args([
                "-c",
                "import docx,sys; d=docx.Document(sys.argv[1]); d.add_paragraph(sys.argv[3]); d.save(sys.argv[2])",
            ])
            .arg(&template)
            .arg(to)
            .arg(extra)
            .status()
            .unwrap();
        assert!(st.success());
    };
    let bad = d.dir.path().join("bad.docx");
    edit("请于{{缴款期限}}前整改", &bad);
    d.run(&[
        "notice",
        "template-load",
        "rectification-notice",
        bad.to_str().unwrap(),
    ])
    .code(1)
    .stderr(predicate::str::contains("{{缴款期限}}"));
    let good = d.dir.path().join("good.docx");
    edit(
        "特此通知{{机构名称}}，逾期将依法处理。经办人：{{经办人}}",
        &good,
    );
    d.run(&[
        "--user",
        "wangfang",
        "notice",
        "template-load",
        "rectification-notice",
        good.to_str().unwrap(),
    ])
    .code(1);
    d.run(&[
        "notice",
        "template-load",
        "rectification-notice",
        good.to_str().unwrap(),
    ])
    .success();
    let holder = d.scalar(&format!("SELECT holder FROM licence WHERE id = {licence}"));
    let reprint = d.dir.path().join("r2.docx");
    d.run(&[
        "notice",
        "render",
        "rectification-notice",
        &step,
        "-o",
        reprint.to_str().unwrap(),
    ])
    .success();
    assert!(
        read_docx(&reprint).contains(&format!("特此通知{holder}，逾期将依法处理。经办人：赵静")),
        "{}",
        read_docx(&reprint)
    );
}

//! `hrss-desk export` read back by independent readers (calamine, and
//! Python's openpyxl where present, for workbooks; encoding_rs, and Python's
//! own GB18030 codec where present, for CSV): the head, every row, ID
//! numbers masked unless revealed with a reason, and each export audited.

use crate::common;

use common::cli::Demo;
use common::readers::{Workbook, python, text};
use common::tools::Tool;
use predicates::prelude::*;

#[test]
fn a_list_exported_to_xlsx_opens_in_another_reader_with_ids_masked() {
    let d = Demo::new();
    let xlsx = d.dir.path().join("参保人员.xlsx");
    d.run(&["export", "persons", xlsx.to_str().unwrap()])
        .success()
        .stdout(predicate::str::contains("已导出300行"));
    let wb = Workbook::read(&xlsx);
    assert_eq!(wb.sheets, ["参保人员"]);
    let rows = wb.first();
    let head: Vec<String> = rows[0].iter().map(text).collect();
    assert!(
        head.iter().any(|h| h == "公民身份号码") && head.iter().any(|h| h == "缴费基数（元）"),
        "{head:?}"
    );
    assert_eq!(rows.len() - 1, 300);
    assert!(
        text(&rows[1][1]).contains("********"),
        "masked: {:?}",
        rows[1]
    );
    assert!(
        matches!(
            rows[1][4],
            calamine::Data::Float(_) | calamine::Data::Int(_)
        ),
        "a number, not text: {:?}",
        rows[1][4]
    );
    if let Some(read) = python(
        Tool::Openpyxl,
        "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; rows=list(ws.iter_rows(values_only=True)); print(ws.title); print(rows[0]); print(len(rows)-1); print(rows[1][1]); print(type(rows[1][4]).__name__)",
        &[&xlsx],
    ) {
        let lines: Vec<&str> = read.lines().collect();
        assert_eq!(lines[0], "参保人员");
        assert!(
            lines[1].contains("公民身份号码") && lines[1].contains("缴费基数（元）"),
            "{read}"
        );
        assert_eq!(lines[2], "300");
        assert!(lines[3].contains("********"), "masked: {read}");
        assert!(
            matches!(lines[4], "float" | "int"),
            "a number, not text: {read}"
        );
    }
    let masked = d.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'export.persons' AND detail = 'rows=300 masked'");
    assert_eq!(masked, "1");
}

#[test]
fn a_gb18030_csv_reads_back_and_full_ids_need_a_reason() {
    let d = Demo::new();
    let csv = d.dir.path().join("licences.csv");
    d.run(&[
        "export",
        "licences",
        csv.to_str().unwrap(),
        "--encoding",
        "gb18030",
        "--filter",
        "鹿泉",
    ])
    .success();
    let bytes = std::fs::read(&csv).unwrap();
    let (decoded, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
    assert!(!had_errors, "GB18030 throughout");
    assert!(
        decoded.starts_with("\"许可类别\",\"许可证号\""),
        "{decoded}"
    );
    let n = decoded.lines().count() - 1;
    assert!(n > 0, "{decoded}");
    if let Some(read) = python(
        Tool::Python3,
        "import sys; t=open(sys.argv[1],encoding='gb18030').read(); print(t.splitlines()[0]); print(len(t.splitlines())-1)",
        &[&csv],
    ) {
        assert!(read.starts_with("\"许可类别\",\"许可证号\""), "{read}");
        assert_eq!(read.lines().nth(1).unwrap(), n.to_string(), "{read}");
    }

    let full = d.dir.path().join("full.csv");
    // A reason is asked before the numbers go out in full.
    d.run(&["export", "persons", full.to_str().unwrap(), "--reveal"])
        .code(2);
    assert!(!full.exists());
    d.run(&[
        "export",
        "persons",
        full.to_str().unwrap(),
        "--reveal",
        "--reason",
        "医保稽核比对",
    ])
    .success();
    let text = std::fs::read_to_string(&full).unwrap();
    assert!(text.starts_with('\u{feff}'), "UTF-8 with a byte-order mark");
    assert!(!text.contains("********"), "in full");
    assert_eq!(
        d.scalar("SELECT detail FROM audit_log WHERE action = 'export.persons'"),
        "rows=300 revealed: 医保稽核比对"
    );
    // A clerk-less inspector may not; an unknown list or ending is refused.
    d.run(&[
        "--user",
        "wulei",
        "export",
        "persons",
        full.to_str().unwrap(),
        "--reveal",
        "--reason",
        "x",
    ])
    .code(1);
    d.run(&["export", "salaries", full.to_str().unwrap()])
        .code(2);
    d.run(&["export", "persons", "/tmp/x.pdf"])
        .code(1)
        .stderr(predicate::str::contains(".xlsx 或 .csv"));
}

#[test]
fn exported_files_are_for_their_owner_alone() {
    use std::os::unix::fs::PermissionsExt;
    let d = Demo::new();
    let xlsx = d.dir.path().join("p.xlsx");
    d.run(&["export", "persons", xlsx.to_str().unwrap()])
        .success();
    let mode = std::fs::metadata(&xlsx).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
    // The reason is audited without the ID number typed into it.
    let csv = d.dir.path().join("p.csv");
    d.run(&[
        "export",
        "persons",
        csv.to_str().unwrap(),
        "--reveal",
        "--reason",
        "核对130110199003071234",
    ])
    .success();
    assert_eq!(
        std::fs::metadata(&csv).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let logged = d.scalar(
        "SELECT detail FROM audit_log WHERE action = 'export.persons' ORDER BY seq DESC LIMIT 1",
    );
    assert!(!logged.contains("130110199003071234"), "{logged}");
}

/// What the screen's `Ctrl-E` runs on the lookup's hits: its audit entry
/// first, then the file, which reads back.
#[tokio::test]
async fn the_lookups_hits_are_written_after_their_audit_entry() {
    use hrss_desk::store::{DatabaseUrl, Store};
    use hrss_desk::workflow::export::{Table, export_table};
    let d = Demo::new();
    let url = DatabaseUrl::parse(&format!("sqlite://{}", d.db.display())).unwrap();
    let mut store = Store::connect(&url).await.unwrap();
    store.set_clock(hrss_desk::clock::Clock::Pinned(common::today()));
    let staff = store.staff_by_login("wulei").await.unwrap().unwrap();
    let table = Table {
        title: "许可查询".into(),
        head: vec!["类别".into(), "名称".into()],
        rows: vec![vec![
            hrss_desk::sheet::Cell::Text("人力资源服务许可证".into()),
            hrss_desk::sheet::Cell::Text("石家庄市鹿泉区恒信人力资源服务有限公司".into()),
        ]],
        money: vec![],
    };
    let path = d.dir.path().join("hits.xlsx");
    let said = export_table(
        &crate::common::cx(
            &store,
            &staff,
            hrss_desk::i18n::Lang::Zh,
            crate::common::today(),
        ),
        "lookup",
        &table,
        &path,
    )
    .await
    .unwrap();
    assert!(said.contains("hits.xlsx"), "{said}");
    assert_eq!(
        d.scalar("SELECT actor || ' ' || detail FROM audit_log WHERE action = 'export.lookup'"),
        "wulei rows=1 masked"
    );
    assert_eq!(
        text(&Workbook::read(&path).first()[1][1]),
        "石家庄市鹿泉区恒信人力资源服务有限公司"
    );
    if let Some(back) = python(
        Tool::Openpyxl,
        "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(ws['B2'].value)",
        &[&path],
    ) {
        assert_eq!(back.trim(), "石家庄市鹿泉区恒信人力资源服务有限公司");
    }
    // A folder that cannot be written: no file, and said so — and its entry
    // is there all the same, which shows the entry is written first (what
    // was attempted is on record).
    let bad = d.dir.path().join("no/such/dir/hits.xlsx");
    let e = export_table(
        &crate::common::cx(
            &store,
            &staff,
            hrss_desk::i18n::Lang::Zh,
            crate::common::today(),
        ),
        "lookup",
        &table,
        &bad,
    )
    .await
    .unwrap_err();
    assert!(e.contains("no/such/dir"), "{e}");
    assert!(!bad.exists());
    assert_eq!(
        d.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'export.lookup'"),
        "2"
    );
}

//! Importing registers on every backend: GB18030 with rare characters, a
//! workbook, re-importing changing nothing, a partial file touching only its
//! columns, references found (employers, licences, zones), and any bad row
//! leaving the database as it was.

use crate::common;
use common::today;

use common::TestDb;
use hrss_desk::domain::import::{ImportKind, Problem};
use hrss_desk::i18n::Lang;
use hrss_desk::store::Store;
use hrss_desk::workflow::import::{ImportOutcome, from_desk, import_file};
use std::path::Path;

fn id(first17: &str) -> String {
    format!(
        "{first17}{}",
        hrss_desk::domain::resident_id::check_char(first17.as_bytes())
    )
}

fn uscc(first17: &str) -> String {
    format!(
        "{first17}{}",
        hrss_desk::domain::uscc::check_char(first17.as_bytes())
    )
}

async fn import(
    store: &Store,
    login: &str,
    kind: ImportKind,
    path: &Path,
    dry_run: bool,
) -> Result<ImportOutcome, String> {
    let staff = store.staff_by_login(login).await.unwrap().unwrap();
    import_file(
        &crate::common::cx(store, &staff, Lang::Zh, today()),
        kind,
        path,
        None,
        dry_run,
        &|_, _| {},
    )
    .await
}

/// Writes `text` to `path`, then imports it.
async fn import_text(
    store: &Store,
    login: &str,
    kind: ImportKind,
    path: &Path,
    text: impl AsRef<[u8]>,
) -> Result<ImportOutcome, String> {
    std::fs::write(path, text).unwrap();
    import(store, login, kind, path, false).await
}

fn gb18030(path: &Path, text: &str) {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    std::fs::write(path, bytes).unwrap();
}

#[tokio::test]
async fn a_gb18030_register_with_rare_characters_imports_once_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 100).await;
        let before = db.scalar("SELECT COUNT(*) FROM person").await;
        let (a, b) = (id("13011019900307123"), id("13011019851122002"));
        // 䶮 (U+4DAE) and 𪚥 (U+2A6A5) are four-byte sequences in GB18030.
        let file = dir.path().join(format!("{l}-persons.csv"));
        gb18030(
            &file,
            &format!(
                "公民身份号码,姓名,联系电话,缴费基数,入职日期\r\n{a},刘䶮,13800138000,\"6,420.00\",2024/3/1\r\n{b},王𪚥,13900139000,5000,2023-07-15\r\n"
            ),
        );
        let o = import(&store, "wangfang", ImportKind::Persons, &file, false)
            .await
            .unwrap();
        assert_eq!(o.encoding, "GB18030", "{l}");
        let c = o.counts.unwrap();
        assert_eq!((c.rows, c.inserted, c.updated), (2, 2, 0), "{l}");
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM person").await,
            before + 2,
            "{l}"
        );
        assert_eq!(
            db.text(&format!("SELECT name FROM person WHERE id_number = '{b}'"))
                .await,
            "王𪚥",
            "{l}"
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT contribution_base FROM person WHERE id_number = '{a}'"
            ))
            .await,
            642_000,
            "{l}"
        );
        // The same file again: nothing changes, not even a version.
        let versions = "SELECT CAST(SUM(version) AS BIGINT) FROM person";
        let v = db.scalar(versions).await;
        let c = import(&store, "wangfang", ImportKind::Persons, &file, false)
            .await
            .unwrap()
            .counts
            .unwrap();
        assert_eq!((c.inserted, c.updated), (0, 0), "{l}");
        assert_eq!(db.scalar(versions).await, v, "{l}");
        // A file with only the phone column changes the phone, nothing else.
        let phones = dir.path().join(format!("{l}-phones.csv"));
        let c = import_text(
            &store,
            "wangfang",
            ImportKind::Persons,
            &phones,
            format!("身份证号,姓名,电话\n{a},刘䶮,13700137000\n"),
        )
        .await
        .unwrap()
        .counts
        .unwrap();
        assert_eq!((c.inserted, c.updated), (0, 1), "{l}");
        assert_eq!(
            db.text(&format!("SELECT phone FROM person WHERE id_number = '{a}'"))
                .await,
            "13700137000",
            "{l}"
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT contribution_base FROM person WHERE id_number = '{a}'"
            ))
            .await,
            642_000,
            "{l}: a column the file lacks is kept"
        );
        // One audit entry an import, with counts and no personal data.
        let logged = db
            .text("SELECT detail FROM audit_log WHERE action = 'import.persons' ORDER BY seq DESC LIMIT 1")
            .await;
        assert_eq!(logged, "rows=1 inserted=0 updated=1", "{l}");
        assert!(store.verify_audit().await.unwrap().is_ok(), "{l}");
    }
}

#[tokio::test]
async fn any_bad_row_writes_nothing_and_every_problem_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 100).await;
        let before = db.scalar("SELECT COUNT(*) FROM person").await;
        let good = id("13011019900307123");
        let file = dir.path().join(format!("{l}-bad.csv"));
        let o = import_text(
            &store,
            "wangfang",
            ImportKind::Persons,
            &file,
            format!(
                "公民身份号码,姓名,入职日期,单位统一社会信用代码\n{good},张三,2024-01-01,\n130110199003071230,李四,45352,\n{good},张三,2024-01-01,\n{},王五,,{}\n",
                id("13011019700101001"),
                uscc("91130110MA0A1B2C3")
            ),
        )
            .await
            .unwrap();
        assert_eq!(o.counts, None, "{l}");
        let found: Vec<(usize, &str)> = o
            .problems
            .iter()
            .map(|p| {
                (
                    p.line,
                    match &p.problem {
                        Problem::IdNumber(_) => "id",
                        Problem::SerialDate { .. } => "serial",
                        Problem::Duplicate(2) => "duplicate of 2",
                        Problem::NoEmployer(_) => "no employer",
                        _ => "other",
                    },
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (3, "id"),
                (3, "serial"),
                (4, "duplicate of 2"),
                (5, "no employer")
            ],
            "{l}"
        );
        assert_eq!(o.bad_rows(), 3, "{l}");
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM person").await,
            before,
            "{l}: nothing written"
        );
        // A dry run of a clean file writes nothing either.
        let clean = dir.path().join(format!("{l}-clean.csv"));
        std::fs::write(&clean, format!("公民身份号码,姓名\n{good},张三\n")).unwrap();
        let o = import(&store, "wangfang", ImportKind::Persons, &clean, true)
            .await
            .unwrap();
        assert!(o.problems.is_empty() && o.counts.is_none(), "{l}");
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM person").await,
            before,
            "{l}"
        );
        // A clerk does not import the licence register.
        let refused = import(&store, "wangfang", ImportKind::Licences, &clean, false).await;
        assert!(refused.unwrap_err().contains("科室负责人"), "{l}");
    }
}

#[tokio::test]
async fn employers_then_their_staff_then_licences_and_settlements_find_each_other() {
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 100).await;
        let code = uscc("91130110MA0AB9Y8K");
        let employers = dir.path().join(format!("{l}-employers.csv"));
        let o = import_text(
            &store,
            "wangfang",
            ImportKind::Employers,
            &employers,
            format!("统一社会信用代码,单位名称,监管片区,单位状态,成立日期\n{code},鹿泉区新建材料有限公司,东部片区,正常参保,2019-05-20\n"),
        )
            .await
            .unwrap();
        assert_eq!(
            o.counts.map(|c| c.inserted),
            Some(1),
            "{l}: {:?}",
            o.problems
        );
        assert_eq!(
            db.text(&format!("SELECT zone FROM employer WHERE uscc = '{code}'"))
                .await,
            "LQ-02",
            "{l}: a zone found by its name"
        );
        let person = id("13011019950505004");
        let persons = dir.path().join(format!("{l}-staff.csv"));
        import_text(
            &store,
            "wangfang",
            ImportKind::Persons,
            &persons,
            format!("公民身份号码,姓名,单位统一社会信用代码\n{person},赵六,{code}\n"),
        )
        .await
        .unwrap();
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM person p JOIN employer e ON e.id = p.employer_id
                 WHERE p.id_number = '{person}' AND e.uscc = '{code}'"
            ))
            .await,
            1,
            "{l}"
        );
        let licences = dir.path().join(format!("{l}-licences.csv"));
        let c = import_text(
            &store,
            "liuyang",
            ImportKind::Licences,
            &licences,
            format!("许可类别,许可证号,机构名称,统一社会信用代码,发证日期,有效期至,监管片区\n定点零售药店,P139990000001,鹿泉区新建大药房,{code},2025-01-01,2027-12-31,LQ-01\n"),
        )
            .await
            .unwrap()
            .counts
            .unwrap();
        assert_eq!(c.inserted, 1, "{l}");
        let settlements = dir.path().join(format!("{l}-settlements.csv"));
        let o = import_text(
            &store,
            "yangqiang",
            ImportKind::Settlements,
            &settlements,
            "许可证号,结算月份,就诊人次,门诊费用,服务参保人数\nP139990000001,2026-09,1200,\"150,000.00\",400\nP139990000001,202610,1300,160000,410\nP000,202610,1,1,1\n",
        )
        .await
        .unwrap();
        assert!(
            matches!(o.problems.as_slice(), [p] if p.line == 4 && p.problem == Problem::NoLicence("P000".into())),
            "{l}: {:?}",
            o.problems
        );
        import_text(
            &store,
            "yangqiang",
            ImportKind::Settlements,
            &settlements,
            "许可证号,结算月份,就诊人次,门诊费用,服务参保人数\nP139990000001,2026-09,1200,\"150,000.00\",400\nP139990000001,202610,1300,160000,410\n",
        )
        .await
        .unwrap();
        assert_eq!(
            db.scalar("SELECT outpatient_cost FROM settlement_month WHERE month = 202609")
                .await,
            15_000_000,
            "{l}"
        );
    }
}

#[tokio::test]
async fn a_workbook_reads_dates_and_refuses_formulas_and_numbers_that_lost_digits() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 100).await;
        let path = dir.path().join(format!("{l}-persons.xlsx"));
        let (a, b, c) = (
            id("13011019900307123"),
            id("13011019851122002"),
            id("13011019700101001"),
        );
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for (j, h) in ["公民身份号码", "姓名", "入职日期", "缴费基数"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, j as u16, *h).unwrap();
        }
        sheet.write_string(1, 0, &a).unwrap();
        sheet.write_string(1, 1, "陈一").unwrap();
        let day = ExcelDateTime::from_ymd(2024, 3, 1).unwrap();
        sheet.write_datetime_with_format(1, 2, &day, &date).unwrap();
        sheet.write_number(1, 3, 6420.5).unwrap();
        sheet.write_string(2, 0, &b).unwrap();
        sheet
            .write_formula(2, 1, Formula::new("=B2&\"二\""))
            .unwrap();
        sheet.write_string(3, 0, &c).unwrap();
        sheet.write_string(3, 1, "陈三").unwrap();
        sheet.write_number(3, 2, 45352.0).unwrap();
        sheet.write_number(4, 0, 130110199003071234.0).unwrap();
        sheet.write_string(4, 1, "陈四").unwrap();
        book.save(&path).unwrap();
        let o = import(&store, "wangfang", ImportKind::Persons, &path, false)
            .await
            .unwrap();
        assert_eq!(o.encoding, "xlsx", "{l}");
        let found: Vec<(usize, bool)> = o
            .problems
            .iter()
            .map(|p| {
                (
                    p.line,
                    matches!(
                        p.problem,
                        Problem::Formula(_) | Problem::SerialDate { .. } | Problem::DigitsLost(_)
                    ),
                )
            })
            .collect();
        assert_eq!(
            found,
            [(3, true), (4, true), (5, true)],
            "{l}: {:?}",
            o.problems
        );
        // Without the bad rows, the dated one goes in.
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (j, h) in ["公民身份号码", "姓名", "入职日期", "缴费基数"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, j as u16, *h).unwrap();
        }
        sheet.write_string(1, 0, &a).unwrap();
        sheet.write_string(1, 1, "陈一").unwrap();
        sheet.write_datetime_with_format(1, 2, &day, &date).unwrap();
        sheet.write_number(1, 3, 6420.5).unwrap();
        book.save(&path).unwrap();
        let o = import(&store, "wangfang", ImportKind::Persons, &path, false)
            .await
            .unwrap();
        assert_eq!(o.counts.unwrap().inserted, 1, "{l}: {:?}", o.problems);
        assert_eq!(
            db.text(&format!(
                "SELECT CAST(hired_on AS TEXT) FROM person WHERE id_number = '{a}'"
            ))
            .await,
            "2024-03-01",
            "{l}"
        );
    }
}

#[tokio::test]
async fn the_screens_import_form_imports_or_writes_its_report_beside_the_file() {
    use hrss_desk::tui::form::Form;
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 100).await;
        let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
        let file = dir.path().join(format!("{l}-screen.csv"));
        gb18030(
            &file,
            &format!("姓名,身份证号\n周䶮,{}\n", id("13011019900307123")),
        );
        let mut form = Form::import(Lang::Zh);
        form.fields[0].choice = 2; // persons
        form.fields[1].text = file.display().to_string();
        let asked = |form: &Form| match form.submission(Lang::Zh) {
            Ok(hrss_desk::tui::submission::Submission::Import(ask)) => Ok(ask),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e),
        };
        let cx = crate::common::cx(&store, &clerk, Lang::Zh, today());
        let said = from_desk(&cx, &asked(&form).unwrap()).await.unwrap();
        assert!(
            said.starts_with("已导入参保人员：1行，新增1"),
            "{l}: {said}"
        );
        std::fs::write(&file, "姓名,身份证号\n周一,130110199003071230\n").unwrap();
        let refused = from_desk(&cx, &asked(&form).unwrap()).await.unwrap_err();
        assert!(
            refused.contains("未导入任何数据") && refused.contains("第2行"),
            "{l}: {refused}"
        );
        assert!(
            dir.path().join(format!("{l}-screen.errors.csv")).exists(),
            "{l}"
        );
        form.fields[1].text.clear();
        // An empty path is said before anything is sent.
        assert_eq!(asked(&form).unwrap_err(), "请填写文件路径。", "{l}");
    }
}

#[tokio::test]
async fn an_empty_cell_keeps_what_a_record_has_and_a_failure_midway_writes_nothing() {
    use hrss_desk::domain::import::Value;
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 100).await;
        let code = uscc("91130110MA0AB9Y8K");
        let file = dir.path().join(format!("{l}-employers.csv"));
        import_text(
            &store,
            "wangfang",
            ImportKind::Employers,
            &file,
            format!("统一社会信用代码,单位名称,单位状态,欠费金额,监管片区\n{code},鹿泉区旧厂,已注销,1000,LQ-02\n"),
        )
            .await
            .unwrap();
        // The same employer again with those cells left empty: kept, not reset.
        let c = import_text(
            &store,
            "wangfang",
            ImportKind::Employers,
            &file,
            format!("统一社会信用代码,单位名称,单位状态,欠费金额,监管片区\n{code},鹿泉区旧厂（更名）,,,\n"),
        )
            .await
            .unwrap()
            .counts
            .unwrap();
        assert_eq!((c.inserted, c.updated), (0, 1), "{l}");
        let row =
            |col: &str| format!("SELECT CAST({col} AS TEXT) FROM employer WHERE uscc = '{code}'");
        assert_eq!(db.text(&row("name")).await, "鹿泉区旧厂（更名）", "{l}");
        assert_eq!(db.text(&row("status")).await, "cancelled", "{l}");
        assert_eq!(db.text(&row("arrears")).await, "100000", "{l}");
        assert_eq!(db.text(&row("zone")).await, "LQ-02", "{l}");
        // A quote left open swallows the lines after it: named, not imported.
        let quoted = dir.path().join(format!("{l}-quoted.csv"));
        let o = import_text(
            &store,
            "wangfang",
            ImportKind::Persons,
            &quoted,
            format!(
                "公民身份号码,姓名\n{},\"张三\n{},李四\n",
                id("13011019900307123"),
                id("13011019851122002")
            ),
        )
        .await
        .unwrap();
        assert!(
            o.counts.is_none() && matches!(o.problems[0].problem, Problem::LineBreak),
            "{l}: {:?}",
            o.problems
        );
        // A row the database refuses after others were written: none stay.
        let before = db.scalar("SELECT COUNT(*) FROM person").await;
        let good = |first17: &str, status: &str| {
            let mut v = vec![Value::Empty; ImportKind::Persons.columns().len()];
            v[0] = Value::Text(id(first17));
            v[1] = Value::Text("某人".into());
            v[5] = Value::Text(status.into());
            v
        };
        let rows: Vec<Vec<Value>> = (0..600)
            .map(|i| good(&format!("1301101990030{i:04}"), "active"))
            .chain([good("13011019900307999", "bogus")])
            .collect();
        let failed = store
            .import_rows(
                "wangfang",
                ImportKind::Persons,
                &["id_number", "name", "status"],
                &rows,
                "x",
                &|_, _| {},
            )
            .await;
        assert!(failed.is_err(), "{l}: the CHECK constraint refuses 'bogus'");
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM person").await,
            before,
            "{l}"
        );
    }
}

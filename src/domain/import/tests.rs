use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// A resident ID with a right check character.
fn id(first17: &str) -> String {
    format!(
        "{first17}{}",
        crate::domain::resident_id::check_char(first17.as_bytes())
    )
}

fn uscc(first17: &str) -> String {
    format!(
        "{first17}{}",
        crate::domain::uscc::check_char(first17.as_bytes())
    )
}

fn heads(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}

fn cells(c: &[&str]) -> Vec<Cell> {
    c.iter()
        .map(|s| {
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.to_string())
            }
        })
        .collect()
}

#[test]
fn headers_match_in_chinese_english_or_by_other_names() {
    let h = heads(&["\u{feff}姓名", " 身份证号 ", "phone", "备注"]);
    let m = map_headers(ImportKind::Persons, &h).unwrap();
    assert_eq!(m.present(), ["id_number", "name", "phone"]);
    assert_eq!(m.ignored, ["备注"]);
    assert_eq!(
        map_headers(ImportKind::Persons, &heads(&["甲", "乙"])),
        Err(HeaderProblem::NothingMatched)
    );
    assert_eq!(
        map_headers(ImportKind::Persons, &heads(&["姓名"])),
        Err(HeaderProblem::Missing(vec!["公民身份号码"]))
    );
    assert_eq!(
        map_headers(
            ImportKind::Persons,
            &heads(&["姓名", "身份证号", "公民身份号码"])
        ),
        Err(HeaderProblem::Twice(
            "身份证号".into(),
            "公民身份号码".into()
        ))
    );
}

#[test]
fn a_person_row_is_checked_and_defaults_fill_what_is_empty() {
    let h = heads(&["公民身份号码", "姓名", "参保状态", "缴费基数", "入职日期"]);
    let m = map_headers(ImportKind::Persons, &h).unwrap();
    let good = id("13011019900307123");
    let v = check_row(
        &m,
        &h,
        2,
        &cells(&[&good, "张三", "", "6,420.00", "2024/3/1"]),
        today(),
    )
    .unwrap();
    assert_eq!(v[0], Value::Text(good.clone()));
    assert_eq!(v[1], Value::Text("张三".into()));
    assert_eq!(v[2], Value::Empty, "no phone column: nothing given");
    assert_eq!(
        v[5],
        Value::Empty,
        "an empty status: the default on a new record only"
    );
    assert_eq!(
        default_value(&ImportKind::Persons.columns()[5]),
        Value::Text("active".into())
    );
    assert_eq!(v[6], Value::Date(NaiveDate::from_ymd_opt(2024, 3, 1)));
    assert_eq!(v[7], Value::Int(Some(642_000)));
    // Every problem of a row, each with its column as the file heads it.
    let bad = check_row(
        &m,
        &h,
        3,
        &cells(&["130110199003071230", "", "下岗", "abc", "45352"]),
        today(),
    )
    .unwrap_err();
    let cols: Vec<&str> = bad.iter().map(|p| p.column.as_str()).collect();
    assert_eq!(
        cols,
        ["公民身份号码", "姓名", "参保状态", "缴费基数", "入职日期"]
    );
    assert!(matches!(bad[0].problem, Problem::IdNumber(_)));
    assert_eq!(bad[1].problem, Problem::Missing);
    assert!(
        matches!(&bad[2].problem, Problem::Unknown { value, allowed } if value == "下岗" && allowed.contains(&"退休".to_string())),
        "{:?}",
        bad[2]
    );
    assert!(matches!(bad[4].problem, Problem::SerialDate { .. }));
    assert!(bad.iter().all(|p| p.line == 3));
}

#[test]
fn statuses_and_kinds_are_read_by_code_label_or_office_word() {
    let h = heads(&["公民身份号码", "姓名", "状态"]);
    let m = map_headers(ImportKind::Persons, &h).unwrap();
    let person = id("13011019900307123");
    for (word, code) in [
        ("退休", "retired"),
        ("Retired", "retired"),
        ("在职", "active"),
        ("暂停缴费", "suspended"),
    ] {
        let v = check_row(&m, &h, 2, &cells(&[&person, "李四", word]), today()).unwrap();
        assert_eq!(v[5], Value::Text(code.into()), "{word}");
    }
    let h = heads(&[
        "许可类别",
        "许可证号",
        "机构名称",
        "统一社会信用代码",
        "发证日期",
        "有效期至",
    ]);
    let m = map_headers(ImportKind::Licences, &h).unwrap();
    let code = uscc("91130110MA0A1B2C3");
    let v = check_row(
        &m,
        &h,
        2,
        &cells(&["定点药店", "P1", "某药房", &code, "2024-01-01", ""]),
        today(),
    )
    .unwrap();
    assert_eq!(v[0], Value::Text("designated-pharmacy".into()));
    assert_eq!(v[10], Value::Empty, "no status column");
    let bad = check_row(
        &m,
        &h,
        2,
        &cells(&[
            "定点药店",
            "P1",
            "某药房",
            &code,
            "2024-01-01",
            "2023-12-31",
        ]),
        today(),
    )
    .unwrap_err();
    assert_eq!(bad[0].problem, Problem::ExpiresBeforeIssued);
}

/// Issue 19, point 13: a hire day before the birth day is refused.
#[test]
fn a_person_hired_before_being_born_is_refused() {
    let h: Vec<String> = ["公民身份号码", "姓名", "入职日期"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let m = map_headers(ImportKind::Persons, &h).unwrap();
    let id = "110101199003074514";
    let row = |hired: &str| check_row(&m, &h, 2, &cells(&[id, "张三", hired]), today());
    assert!(row("2012-09-01").is_ok());
    let bad = row("1989-01-01").unwrap_err();
    assert_eq!(
        bad[0].problem,
        Problem::HiredBeforeBirth(chrono::NaiveDate::from_ymd_opt(1990, 3, 7).unwrap())
    );
}

#[test]
fn a_record_given_twice_names_its_first_line() {
    let rows = vec![
        (2, vec![Value::Text("A".into())]),
        (3, vec![Value::Text("B".into())]),
        (7, vec![Value::Text("A".into())]),
    ];
    let d = duplicates(ImportKind::Persons, &rows);
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].line, &d[0].problem), (7, &Problem::Duplicate(2)));
}

#[test]
fn settlements_are_keyed_by_licence_and_month() {
    let h = heads(&[
        "许可证号",
        "结算月份",
        "就诊人次",
        "门诊费用",
        "服务参保人数",
    ]);
    let m = map_headers(ImportKind::Settlements, &h).unwrap();
    let v = check_row(
        &m,
        &h,
        2,
        &cells(&["H1", "2026-03", "1200", "150000", "400"]),
        today(),
    )
    .unwrap();
    assert_eq!(v[1], Value::Int(Some(202603)));
    assert_eq!(v[3], Value::Int(Some(15_000_000)));
    let rows = vec![(2, v.clone()), (3, v)];
    assert_eq!(duplicates(ImportKind::Settlements, &rows).len(), 1);
}

#[test]
fn formula_cells_and_numbers_that_lost_digits_are_named() {
    let h = heads(&["公民身份号码", "姓名"]);
    let m = map_headers(ImportKind::Persons, &h).unwrap();
    let bad = check_row(
        &m,
        &h,
        5,
        &[
            Cell::Number(1.30110199003071e17),
            Cell::Formula("=B2".into()),
        ],
        today(),
    )
    .unwrap_err();
    assert!(matches!(bad[0].problem, Problem::DigitsLost(_)));
    assert_eq!(bad[1].problem, Problem::Formula("=B2".into()));
}

#[test]
fn a_line_break_or_an_extra_cell_is_named() {
    let h = heads(&["公民身份号码", "姓名"]);
    let m = map_headers(ImportKind::Persons, &h).unwrap();
    let good = id("13011019900307123");
    let bad = check_row(&m, &h, 2, &cells(&[&good, "张三\n130110,李四"]), today()).unwrap_err();
    assert_eq!(bad[0].problem, Problem::LineBreak);
    let bad = check_row(&m, &h, 3, &cells(&[&good, "张三", "鹿泉区"]), today()).unwrap_err();
    assert_eq!(bad[0].problem, Problem::ExtraCells(1));
    // Trailing empty cells are no problem.
    assert!(check_row(&m, &h, 4, &cells(&[&good, "张三", "", ""]), today()).is_ok());
}

//! A batch of filings from the upstream declaration system (网上申报): its
//! columns, and each checked row turned into the receipt the counter would
//! write, so a batch meets the same rules as a paper at the window.

use super::{Column, Problem, Type, Value, col};
use crate::domain::Channel;
use crate::domain::intake::{BaseRow, Form, MaterialTick, Receipt};
use chrono::NaiveDate;

/// The longest materials cell: every material of a checklist with a note.
pub const MATERIALS_MAX_CHARS: usize = 1000;

pub(super) const FILING: &[Column] = &[
    col(
        "upstream_no",
        "申报编号",
        &["申报流水号", "业务流水号", "申报单号", "declaration_no"],
        Type::Text(40),
        true,
    ),
    col(
        "kind",
        "业务类型",
        &["申报类型", "业务种类"],
        Type::FilingForm,
        true,
    ),
    col(
        "employer_uscc",
        "单位统一社会信用代码",
        &["统一社会信用代码", "单位信用代码", "信用代码"],
        Type::Uscc,
        true,
    ),
    col(
        "received_on",
        "申报日期",
        &["提交日期", "收件日期", "received"],
        Type::Date,
        true,
    ),
    col(
        "materials",
        "材料",
        &["申报材料", "附件材料"],
        Type::Text(MATERIALS_MAX_CHARS),
        false,
    ),
    col(
        "id_number",
        "公民身份号码",
        &["身份证号", "身份证号码", "证件号码"],
        Type::IdNumber,
        false,
    ),
    col("name", "姓名", &[], Type::Text(50), false),
    col(
        "phone",
        "联系电话",
        &["手机号", "电话"],
        Type::Text(30),
        false,
    ),
    col("hired_on", "入职日期", &["参加工作日期"], Type::Date, false),
    col(
        "wage",
        "月工资",
        &["月工资（元）", "月工资(元)"],
        Type::Yuan,
        false,
    ),
    col(
        "reason",
        "原因",
        &["中断原因", "注销原因"],
        Type::Text(200),
        false,
    ),
    col("effective_on", "中断日期", &["生效日期"], Type::Date, false),
    col("from_region", "转出地", &[], Type::Text(100), false),
    col("to_region", "转入地", &[], Type::Text(100), false),
    col("periods", "缴费期间", &[], Type::Text(200), false),
    col("field", "变更项目", &[], Type::Text(40), false),
    col("old", "原值", &[], Type::Text(200), false),
    col("new", "新值", &[], Type::Text(200), false),
    col("year", "申报年度", &["年度"], Type::Count, false),
    col(
        "base",
        "缴费基数",
        &["缴费基数（元）", "缴费基数(元)"],
        Type::Yuan,
        false,
    ),
    col(
        "statement_wage_total",
        "财务报表工资总额",
        &["财务报表工资总额（元）"],
        Type::Yuan,
        false,
    ),
    col("retirement_year", "退休年度", &[], Type::Count, false),
    col(
        "pension_base",
        "养老金计发基数",
        &["养老金计发基数（元）", "计发基数"],
        Type::Yuan,
        false,
    ),
    col("employer_name", "单位名称", &[], Type::Text(100), false),
    col("legal_rep", "法定代表人", &["法人"], Type::Text(50), false),
    col("address", "单位地址", &["地址"], Type::Text(200), false),
    col("town", "乡镇街道", &["乡镇", "街道"], Type::Text(50), false),
    col("zone", "监管片区", &["片区"], Type::Text(50), false),
    col("established_on", "成立日期", &[], Type::Date, false),
];

/// The columns of a yearly declaration's persons (单位年度缴费基数申报表).
pub const BASE_ROWS: &[Column] = &[
    col(
        "id_number",
        "公民身份号码",
        &["身份证号", "身份证号码", "证件号码"],
        Type::IdNumber,
        true,
    ),
    col("name", "姓名", &[], Type::Text(50), false),
    col(
        "wage",
        "月工资",
        &[
            "月平均工资",
            "月工资（元）",
            "月工资(元)",
            "上年度月平均工资",
        ],
        Type::Yuan,
        true,
    ),
    col(
        "base",
        "缴费基数",
        &["申报缴费基数", "缴费基数（元）", "缴费基数(元)"],
        Type::Yuan,
        true,
    ),
];

/// A yearly declaration's persons from its spreadsheet, every row checked
/// as an import checks one, each person once. Err(header problem) for a
/// file that is not such a list; Ok(Err(problems)) for bad rows.
pub fn base_rows(
    headers: &[String],
    cells: &[(usize, Vec<super::Cell>)],
    today: NaiveDate,
) -> Result<Result<Vec<BaseRow>, Vec<super::RowProblem>>, super::HeaderProblem> {
    let m = super::map_columns(BASE_ROWS, headers)?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (line, row) in cells {
        match super::check_row(&m, headers, *line, row, today) {
            Err(p) => problems.extend(p),
            Ok(v) => {
                let text = |i: usize| match &v[i] {
                    Value::Text(t) => t.clone(),
                    _ => String::new(),
                };
                let fen = |i: usize| match &v[i] {
                    Value::Int(Some(n)) => *n,
                    _ => 0,
                };
                let id_number = text(0);
                if let Some(first) = seen.insert(id_number.clone(), *line) {
                    problems.push(super::RowProblem {
                        line: *line,
                        column: BASE_ROWS[0].zh.to_string(),
                        problem: Problem::Duplicate(first),
                    });
                    continue;
                }
                rows.push(BaseRow {
                    id_number,
                    name: text(1),
                    wage: fen(2),
                    base: fen(3),
                });
            }
        }
    }
    Ok(if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    })
}

/// A material as the checklist names it: (code, Chinese name, English name).
pub type ChecklistLine = (String, String, String);

/// Reads a materials cell: `居民身份证；劳动合同=无效：未签字` — each
/// material by its name or code, handed in and valid unless `=无效`
/// (`=invalid`) or `=未交` (`=missing`) says otherwise, with an optional
/// note after a colon. Err is the piece that cannot be read.
pub fn read_materials(
    text: &str,
    checklist: &[ChecklistLine],
) -> Result<Vec<MaterialTick>, String> {
    let mut out = Vec::new();
    for piece in text.split([';', '；', '\n']) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        let (head, note) = piece
            .split_once([':', '：'])
            .map_or((piece, ""), |(h, n)| (h.trim(), n.trim()));
        let (name, state) = head
            .split_once(['=', '＝'])
            .map_or((head, ""), |(n, s)| (n.trim(), s.trim()));
        let (present, valid) = match state {
            "" | "有效" | "present" | "valid" => (true, true),
            "无效" | "invalid" => (true, false),
            "未交" | "缺" | "missing" => (false, false),
            _ => return Err(piece.chars().take(40).collect()),
        };
        // By name in either language or by code; unknown, kept as given
        // so the receipt names it in its refusal.
        let material = checklist
            .iter()
            .find(|(code, zh, en)| name == code || name == zh || name.eq_ignore_ascii_case(en))
            .map_or_else(|| name.to_string(), |(code, ..)| code.clone());
        out.push(MaterialTick {
            material,
            present,
            valid,
            note: note.to_string(),
        });
    }
    Ok(out)
}

/// A batch row, checked, as the receipt of the filing it declares: its
/// upstream number and the receipt, or (column key, problem). The fields
/// are those the row's form declares; a filled cell of another form's
/// column is refused as the counter refuses a field its form lacks.
pub fn receipt_of(
    values: &[Value],
    checklist: impl Fn(Form) -> Vec<ChecklistLine>,
) -> Result<(String, Receipt), (&'static str, Problem)> {
    let get = |key: &str| {
        FILING
            .iter()
            .position(|c| c.key == key)
            .and_then(|i| values.get(i))
    };
    let text = |key: &str| match get(key) {
        Some(Value::Text(t)) => t.clone(),
        _ => String::new(),
    };
    let form = Form::from_any(&text("kind")).ok_or(("kind", Problem::Missing))?;
    let received_on: NaiveDate = match get("received_on") {
        Some(Value::Date(Some(d))) => *d,
        _ => return Err(("received_on", Problem::Missing)),
    };
    let list = checklist(form);
    let materials = read_materials(&text("materials"), &list).map_err(|piece| {
        (
            "materials",
            Problem::Unknown {
                value: piece,
                allowed: list.iter().map(|(_, zh, _)| zh.clone()).collect(),
            },
        )
    })?;
    let mut fields = Vec::new();
    for (c, v) in FILING.iter().zip(values).skip(5) {
        let written = match (c.ty, v) {
            (_, Value::Empty) => continue,
            (_, Value::Text(t)) if t.is_empty() => continue,
            (_, Value::Text(t)) => t.clone(),
            (_, Value::Date(Some(d))) => d.to_string(),
            (Type::Yuan, Value::Int(Some(fen))) => {
                format!("{}.{:02}", fen / 100, fen % 100)
            }
            (_, Value::Int(Some(n))) => n.to_string(),
            _ => continue,
        };
        fields.push((c.key.to_string(), written));
    }
    Ok((
        text("upstream_no"),
        Receipt {
            form,
            employer_uscc: text("employer_uscc"),
            fields,
            materials,
            received_on,
            channel: Channel::Online,
            resubmits: None,
            persons: Vec::new(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> Vec<ChecklistLine> {
        vec![
            (
                "id-card".into(),
                "居民身份证".into(),
                "Resident identity card".into(),
            ),
            (
                "labour-contract".into(),
                "劳动合同".into(),
                "Labour contract".into(),
            ),
        ]
    }

    #[test]
    fn materials_are_named_in_either_language_with_their_state_and_note() {
        let ticks = read_materials("居民身份证；labour-contract=无效：未签字", &list()).unwrap();
        assert_eq!(ticks.len(), 2);
        assert_eq!(ticks[0].material, "id-card");
        assert!(ticks[0].present && ticks[0].valid);
        assert_eq!(ticks[1].material, "labour-contract");
        assert!(ticks[1].present && !ticks[1].valid);
        assert_eq!(ticks[1].note, "未签字");
        let missing = read_materials("Labour contract=未交", &list()).unwrap();
        assert!(!missing[0].present);
        assert_eq!(
            read_materials("劳动合同=也许", &list()),
            Err("劳动合同=也许".to_string())
        );
        // Unknown names are kept for the receipt's own refusal.
        assert_eq!(
            read_materials("户口本", &list()).unwrap()[0].material,
            "户口本"
        );
    }

    #[test]
    fn the_first_five_columns_are_the_rows_own_and_the_rest_its_fields() {
        let keys: Vec<&str> = FILING.iter().take(5).map(|c| c.key).collect();
        assert_eq!(
            keys,
            [
                "upstream_no",
                "kind",
                "employer_uscc",
                "received_on",
                "materials"
            ]
        );
        // Every field any form declares has its column.
        for form in Form::ALL {
            for f in form.fields() {
                assert!(FILING.iter().any(|c| c.key == f.code), "{}", f.code);
            }
        }
    }

    #[test]
    fn a_row_becomes_the_counters_receipt() {
        let mut values = vec![Value::Empty; FILING.len()];
        let at = |k: &str| FILING.iter().position(|c| c.key == k).unwrap();
        values[at("upstream_no")] = Value::Text("WS20261120001".into());
        values[at("kind")] = Value::Text("enroll".into());
        values[at("employer_uscc")] = Value::Text("91110000600037341L".into());
        values[at("received_on")] = Value::Date(NaiveDate::from_ymd_opt(2026, 11, 20));
        values[at("materials")] = Value::Text("居民身份证".into());
        values[at("id_number")] = Value::Text("11010519491231002X".into());
        values[at("hired_on")] = Value::Date(NaiveDate::from_ymd_opt(2026, 11, 2));
        values[at("wage")] = Value::Int(Some(6_420_05));
        let (no, r) = receipt_of(&values, |_| list()).unwrap();
        assert_eq!(no, "WS20261120001");
        assert_eq!(r.form, Form::Enroll);
        assert_eq!(r.channel, Channel::Online);
        assert_eq!(
            r.fields,
            [
                ("id_number".to_string(), "11010519491231002X".to_string()),
                ("hired_on".to_string(), "2026-11-02".to_string()),
                ("wage".to_string(), "6420.05".to_string()),
            ]
        );
        assert_eq!(r.materials[0].material, "id-card");
    }
}

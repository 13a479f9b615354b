//! The words of imports: what is wrong with a file, a header or a cell, and
//! what an import did.

use super::Lang;
use crate::domain::import::{HeaderProblem, ImportKind, Problem};
use crate::sheet::SheetError;

pub fn import_kind_label(lang: Lang, kind: ImportKind) -> &'static str {
    match (lang, kind) {
        (Lang::Zh, ImportKind::Licences) => "许可证",
        (Lang::Zh, ImportKind::Employers) => "参保单位",
        (Lang::Zh, ImportKind::Persons) => "参保人员",
        (Lang::Zh, ImportKind::Settlements) => "结算数据",
        (Lang::En, ImportKind::Licences) => "licences",
        (Lang::En, ImportKind::Employers) => "employers",
        (Lang::En, ImportKind::Persons) => "persons",
        (Lang::En, ImportKind::Settlements) => "settlements",
        (Lang::Zh, ImportKind::Filings) => "网上申报",
        (Lang::En, ImportKind::Filings) => "online filings",
    }
}

pub fn unknown_import_kind(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => {
            format!("不能导入“{s}”：可导入 licences、employers、persons、settlements、filings。")
        }
        Lang::En => {
            format!("Cannot import \"{s}\": licences, employers, persons, settlements or filings.")
        }
    }
}

pub fn sheet_error(lang: Lang, e: &SheetError) -> String {
    match (lang, e) {
        (Lang::Zh, SheetError::Io(why)) => format!("文件无法读取：{}", super::printable(why)),
        (Lang::En, SheetError::Io(why)) => format!("The file cannot be read: {}", super::printable(why)),
        (Lang::Zh, SheetError::Encoding { asked: None }) => {
            "文件编码无法识别：既不是 UTF-8 也不是 GB18030/GBK。请另存为 UTF-8 的 CSV，或用 --encoding 指定。".into()
        }
        (Lang::En, SheetError::Encoding { asked: None }) => {
            "The file's encoding is neither UTF-8 nor GB18030/GBK. Save it as UTF-8 CSV, or name it with --encoding.".into()
        }
        (Lang::Zh, SheetError::Encoding { asked: Some(a) }) => {
            format!("文件不是{}编码。", super::printable(a))
        }
        (Lang::En, SheetError::Encoding { asked: Some(a) }) => {
            format!("The file is not in {}.", super::printable(a))
        }
        (Lang::Zh, SheetError::UnknownEncoding(a)) => format!(
            "不认识编码“{}”：可用 utf-8、gb18030、gbk。",
            super::printable(a)
        ),
        (Lang::En, SheetError::UnknownEncoding(a)) => format!(
            "Unknown encoding \"{}\": utf-8, gb18030 or gbk.",
            super::printable(a)
        ),
        (Lang::Zh, SheetError::TooLarge) => {
            "工作簿过大或解压后过大（可能是压缩炸弹）：文件不超过64 MB、解压后不超过512 MB，表格不超过256列、200万行；请拆分后分批导入。".into()
        }
        (Lang::En, SheetError::TooLarge) => {
            "The workbook is too large, or would unpack too large (a zip bomb?): at most 64 MB, 512 MB unpacked, 256 columns and 2 million rows; split it and import in parts.".into()
        }
        (Lang::Zh, SheetError::Workbook(why)) => format!(
            "工作簿无法打开（文件可能不完整或不是 .xlsx）：{}",
            super::printable(why)
        ),
        (Lang::En, SheetError::Workbook(why)) => format!(
            "The workbook does not open (truncated, or not .xlsx): {}",
            super::printable(why)
        ),
        (Lang::Zh, SheetError::Csv { line, why }) => {
            format!("第{line}行不是规范的 CSV：{}", super::printable(why))
        }
        (Lang::En, SheetError::Csv { line, why }) => {
            format!("Line {line} is not well-formed CSV: {}", super::printable(why))
        }
        (Lang::Zh, SheetError::Empty) => "文件中没有数据行。".into(),
        (Lang::En, SheetError::Empty) => "The file has no data rows.".into(),
    }
}

pub fn header_problem(lang: Lang, kind: ImportKind, e: &HeaderProblem) -> String {
    header_problem_of(lang, import_kind_label(lang, kind), kind.columns(), e)
}

/// A header that does not fit `cols`, the columns of `what`.
pub fn header_problem_of(
    lang: Lang,
    what: &str,
    cols: &[crate::domain::import::Column],
    e: &HeaderProblem,
) -> String {
    let expected = || {
        cols.iter()
            .map(|c| match lang {
                Lang::Zh => c.zh.to_string(),
                Lang::En => format!("{} ({})", c.key, c.zh),
            })
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    };
    match (lang, e) {
        (Lang::Zh, HeaderProblem::NothingMatched) => {
            format!("表头与{}的列都对不上。应有的列：{}", what, expected())
        }
        (Lang::En, HeaderProblem::NothingMatched) => format!(
            "No header matches the columns of {}. Expected: {}",
            what,
            expected()
        ),
        (Lang::Zh, HeaderProblem::Missing(m)) => format!("缺少必需的列：{}", m.join("、")),
        (Lang::En, HeaderProblem::Missing(m)) => {
            format!("Required columns missing: {}", m.join(", "))
        }
        (Lang::Zh, HeaderProblem::Twice(a, b)) => format!(
            "“{}”和“{}”是同一列，只能留一个。",
            super::printable(a),
            super::printable(b)
        ),
        (Lang::En, HeaderProblem::Twice(a, b)) => format!(
            "\"{}\" and \"{}\" are the same column: keep one.",
            super::printable(a),
            super::printable(b)
        ),
    }
}

/// What is wrong with a cell, in a sentence.
pub fn import_problem(lang: Lang, p: &Problem) -> String {
    let q = |s: &str| super::printable(s).into_owned();
    match (lang, p) {
        (Lang::Zh, Problem::Missing) => "必填，不能为空".into(),
        (Lang::En, Problem::Missing) => "required, empty".into(),
        (_, Problem::IdNumber(e)) => super::resident_id_error(lang, e),
        (_, Problem::Uscc(e)) => super::uscc_error(lang, e),
        (Lang::Zh, Problem::Date(s)) => format!("“{}”不是日期（应为 YYYY-MM-DD）", q(s)),
        (Lang::En, Problem::Date(s)) => format!("\"{}\" is not a date (YYYY-MM-DD)", q(s)),
        (Lang::Zh, Problem::SerialDate { serial, day }) => match day {
            Some(d) => format!(
                "日期写成了 Excel 序号 {}（即 {d}），请把该列设为日期格式或写成 YYYY-MM-DD",
                q(serial)
            ),
            None => format!("日期写成了数字 {}，请写成 YYYY-MM-DD", q(serial)),
        },
        (Lang::En, Problem::SerialDate { serial, day }) => match day {
            Some(d) => format!(
                "a date written as Excel's serial number {} ({d}): format the column as dates or write YYYY-MM-DD",
                q(serial)
            ),
            None => format!(
                "a date written as the number {}: write YYYY-MM-DD",
                q(serial)
            ),
        },
        (Lang::Zh, Problem::Month(s)) => format!("“{}”不是月份（应为 YYYYMM 或 YYYY-MM）", q(s)),
        (Lang::En, Problem::Month(s)) => format!("\"{}\" is not a month (YYYYMM or YYYY-MM)", q(s)),
        (Lang::Zh, Problem::Amount(s)) => format!("“{}”不是金额（元，最多两位小数，不为负）", q(s)),
        (Lang::En, Problem::Amount(s)) => {
            format!(
                "\"{}\" is not an amount (yuan, two decimals at most, not negative)",
                q(s)
            )
        }
        (Lang::Zh, Problem::Count(s)) => format!("“{}”不是非负整数", q(s)),
        (Lang::En, Problem::Count(s)) => format!("\"{}\" is not a whole number", q(s)),
        (Lang::Zh, Problem::Unknown { value, allowed }) => {
            format!("不认识“{}”；可填：{}", q(value), allowed.join("、"))
        }
        (Lang::En, Problem::Unknown { value, allowed }) => {
            format!(
                "\"{}\" is not a known value; one of: {}",
                q(value),
                allowed.join(", ")
            )
        }
        (Lang::Zh, Problem::TooLong { len, max }) => format!("内容过长（{len}，最多{max}）"),
        (Lang::En, Problem::TooLong { len, max }) => format!("too long ({len}, at most {max})"),
        (Lang::Zh, Problem::LineBreak) => {
            "内容中有换行：多半是前面有未配对的引号，把后面的行并了进来".into()
        }
        (Lang::En, Problem::LineBreak) => {
            "a line break inside: most likely a quote left open swallowed the lines after it".into()
        }
        (Lang::Zh, Problem::Control(c)) => {
            format!("含控制字符或方向控制符 U+{:04X}，不能存入", *c as u32)
        }
        (Lang::En, Problem::Control(c)) => {
            format!(
                "holds a control or direction character, U+{:04X}, which no record may carry",
                *c as u32
            )
        }
        (Lang::Zh, Problem::ExtraCells(n)) => {
            format!("比表头多出{n}个单元格：多半是内容中有未加引号的逗号")
        }
        (Lang::En, Problem::ExtraCells(n)) => {
            format!("{n} cells more than the header: most likely an unquoted comma")
        }
        (Lang::Zh, Problem::Formula(f)) => {
            format!("单元格是公式 {}，请复制后“粘贴为数值”", q(f))
        }
        (Lang::En, Problem::Formula(f)) => {
            format!("a formula cell {}: copy and paste as values", q(f))
        }
        (Lang::Zh, Problem::DigitsLost(n)) => format!(
            "号码被存成了数字 {}，末几位已丢失；请把该列设为文本后重新录入",
            q(n)
        ),
        (Lang::En, Problem::DigitsLost(n)) => format!(
            "the number was kept as a number {}, its last digits lost: format the column as text and enter it again",
            q(n)
        ),
        (Lang::Zh, Problem::Duplicate(first)) => format!("与第{first}行重复"),
        (Lang::En, Problem::Duplicate(first)) => format!("the same as line {first}"),
        (Lang::Zh, Problem::NoEmployer(u)) => format!("单位 {} 不在参保单位名册中", q(u)),
        (Lang::En, Problem::NoEmployer(u)) => format!("no employer {} on the register", q(u)),
        (Lang::Zh, Problem::NoLicence(n)) => format!("没有许可证或协议 {}", q(n)),
        (Lang::En, Problem::NoLicence(n)) => format!("no licence or agreement {}", q(n)),
        (Lang::Zh, Problem::NoZone(z)) => format!("没有监管片区“{}”", q(z)),
        (Lang::En, Problem::NoZone(z)) => format!("no supervision zone \"{}\"", q(z)),
        (Lang::Zh, Problem::HiredBeforeBirth(born)) => {
            format!("入职日期早于身份证号所示的出生日期 {born}")
        }
        (Lang::En, Problem::HiredBeforeBirth(born)) => {
            format!("hired before the birth day {born} the ID number gives")
        }
        (Lang::Zh, Problem::ExpiresBeforeIssued) => "有效期早于发证日期".into(),
        (Lang::En, Problem::ExpiresBeforeIssued) => "expires before it was issued".into(),
        (_, Problem::Receipt(form, e)) => super::receipt_error(lang, *form, e),
        (Lang::Zh, Problem::NoPerson(id)) => {
            format!("参保人员名册中没有公民身份号码为{}的人员", q(id))
        }
        (Lang::En, Problem::NoPerson(id)) => {
            format!(
                "no insured person on the register has the ID number {}",
                q(id)
            )
        }
        (_, Problem::EmployerRegistered(u)) => super::employer_already_registered(lang, u),
    }
}

/// A problem as a line: where it is, then what.
pub fn row_problem_line(lang: Lang, line: usize, column: &str, p: &Problem) -> String {
    let column = super::printable(column);
    match lang {
        Lang::Zh => format!("第{line}行「{column}」：{}", import_problem(lang, p)),
        Lang::En => format!("Line {line}, \"{column}\": {}", import_problem(lang, p)),
    }
}

pub fn import_refused(lang: Lang, bad_rows: usize, problems: usize, report: &str) -> String {
    let report = super::printable(report);
    match lang {
        Lang::Zh => format!(
            "未导入任何数据：{bad_rows}行有问题（共{problems}处），清单已写入 {report}。改正后重新导入。"
        ),
        Lang::En => format!(
            "Nothing imported: {bad_rows} rows have problems ({problems} in all), listed in {report}. Correct them and import again."
        ),
    }
}

/// A dry run that found problems: said in full above, no file written.
pub fn dry_run_problems(lang: Lang, bad_rows: usize, problems: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "试导入：{bad_rows}行有问题（共{problems}处，均列于上方），未写入数据库，也未写任何文件。"
        ),
        Lang::En => format!(
            "Dry run: {bad_rows} rows have problems ({problems} in all, each listed above); nothing written, no file either."
        ),
    }
}

pub fn import_checked(lang: Lang, kind: ImportKind, rows: usize, encoding: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "试导入：{rows}行{}均无问题（{encoding}），未写入数据库。",
            import_kind_label(lang, kind)
        ),
        Lang::En => format!(
            "Dry run: {rows} rows of {} without a problem ({encoding}); nothing written.",
            import_kind_label(lang, kind)
        ),
    }
}

pub fn import_done(
    lang: Lang,
    kind: ImportKind,
    c: &crate::store::ImportCounts,
    encoding: &str,
    seconds: f64,
) -> String {
    let unchanged = c.rows.saturating_sub(c.inserted + c.updated);
    if kind == ImportKind::Filings {
        return match lang {
            Lang::Zh => format!(
                "已收件网上申报：{}行，新收件{}件，此前已收件{unchanged}件（{encoding}，用时{seconds:.1}秒）；新收件已进入待审核队列。",
                c.rows, c.inserted
            ),
            Lang::En => format!(
                "Received online filings: {} rows, {} received, {unchanged} received before ({encoding}, {seconds:.1} s); the new ones are in the review queue.",
                c.rows, c.inserted
            ),
        };
    }
    match lang {
        Lang::Zh => format!(
            "已导入{}：{}行，新增{}，更新{}，未变{}（{encoding}，用时{seconds:.1}秒）。",
            import_kind_label(lang, kind),
            c.rows,
            c.inserted,
            c.updated,
            unchanged
        ),
        Lang::En => format!(
            "Imported {}: {} rows, {} added, {} changed, {} unchanged ({encoding}, {seconds:.1} s).",
            import_kind_label(lang, kind),
            c.rows,
            c.inserted,
            c.updated,
            unchanged
        ),
    }
}

pub fn columns_ignored(lang: Lang, cols: &[String]) -> String {
    let cols: Vec<String> = cols
        .iter()
        .map(|c| super::printable(c).into_owned())
        .collect();
    match lang {
        Lang::Zh => format!("以下列未识别，已忽略：{}", cols.join("、")),
        Lang::En => format!("Columns not recognised, ignored: {}", cols.join(", ")),
    }
}

pub fn import_not_allowed(lang: Lang, kind: ImportKind) -> String {
    match (lang, kind) {
        (Lang::Zh, ImportKind::Licences) => "许可证名册只能由科室负责人或系统管理员导入。".into(),
        (Lang::Zh, ImportKind::Settlements) => "结算数据只能由监察员或科室负责人导入。".into(),
        (Lang::Zh, ImportKind::Filings) => "网上申报只能由经办人员或科室负责人收件。".into(),
        (Lang::En, ImportKind::Filings) => {
            "Only a clerk or a section chief receives online filings.".into()
        }
        (Lang::Zh, _) => "参保名册只能由经办人员、科室负责人或系统管理员导入。".into(),
        (Lang::En, ImportKind::Licences) => {
            "Only a section chief or an administrator imports the licence register.".into()
        }
        (Lang::En, ImportKind::Settlements) => {
            "Only an inspector or a section chief imports settlement figures.".into()
        }
        (Lang::En, _) => {
            "Only a clerk, a section chief or an administrator imports the insurance registers."
                .into()
        }
    }
}

/// The report's head: line, column, problem.
pub fn report_head(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["行号", "列", "问题"],
        Lang::En => ["line", "column", "problem"],
    }
}

pub fn export_title(lang: Lang, kind: crate::store::ListKind) -> &'static str {
    use crate::store::ListKind::*;
    match (lang, kind) {
        (Lang::Zh, Filings) => "待审核申报",
        (Lang::Zh, Licences) => "许可证",
        (Lang::Zh, Cases) => "在办案件",
        (Lang::Zh, Inspections) => "检查记录",
        (Lang::Zh, Persons) => "参保人员",
        (Lang::Zh, Employers) => "参保单位",
        (Lang::En, Filings) => "Pending filings",
        (Lang::En, Licences) => "Licences",
        (Lang::En, Cases) => "Open cases",
        (Lang::En, Inspections) => "Inspections",
        (Lang::En, Persons) => "Insured persons",
        (Lang::En, Employers) => "Employers",
    }
}

/// The head of an exported list.
pub fn export_head(lang: Lang, kind: crate::store::ListKind) -> &'static [&'static str] {
    use crate::store::ListKind::*;
    match (lang, kind) {
        (Lang::Zh, Filings) => &[
            "编号",
            "业务类型",
            "参保单位",
            "参保人员",
            "公民身份号码",
            "收件日期",
            "办结期限",
            "状态",
        ],
        (Lang::En, Filings) => &[
            "No.",
            "Kind",
            "Employer",
            "Person",
            "ID number",
            "Received",
            "Due",
            "Status",
        ],
        (Lang::Zh, Licences) => &[
            "许可类别",
            "许可证号",
            "机构名称",
            "统一社会信用代码",
            "地址",
            "发证日期",
            "有效期至",
            "状态",
        ],
        (Lang::En, Licences) => &[
            "Kind",
            "Number",
            "Holder",
            "Credit code",
            "Address",
            "Issued",
            "Expires",
            "Status",
        ],
        (Lang::Zh, Cases) => &[
            "案号",
            "被投诉单位",
            "阶段",
            "立案日期",
            "下一期限",
            "承办人",
            "群体性事件",
        ],
        (Lang::En, Cases) => &[
            "Number",
            "Respondent",
            "Stage",
            "Registered",
            "Next deadline",
            "Officer",
            "Mass incident",
        ],
        (Lang::Zh, Inspections) => &["检查日期", "许可证号", "被检查单位", "方式", "结果"],
        (Lang::En, Inspections) => &["Date", "Licence", "Holder", "Method", "Result"],
        (Lang::Zh, Persons) => &[
            "姓名",
            "公民身份号码",
            "参保单位",
            "参保状态",
            "缴费基数（元）",
        ],
        (Lang::En, Persons) => &[
            "Name",
            "ID number",
            "Employer",
            "Status",
            "Contribution base (yuan)",
        ],
        (Lang::Zh, Employers) => &[
            "单位名称",
            "统一社会信用代码",
            "乡镇街道",
            "单位状态",
            "欠费金额（元）",
        ],
        (Lang::En, Employers) => &["Name", "Credit code", "Town", "Status", "Arrears (yuan)"],
    }
}

pub fn export_format(lang: Lang) -> &'static str {
    lang.pick(
        "导出文件须以 .xlsx 或 .csv 结尾；CSV 的编码为 utf-8 或 gb18030。",
        "The file must end in .xlsx or .csv; a CSV's encoding is utf-8 or gb18030.",
    )
}

pub fn export_reason_needed(lang: Lang) -> &'static str {
    lang.pick(
        "导出完整身份证号须写明理由（--reason，至少4个字，不超过200字）。",
        "Exporting full ID numbers needs a reason that says something (--reason, 4 letters at least, 200 characters at most).",
    )
}

pub fn list_export_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("文件未能写出：{}", super::printable(why)),
        Lang::En => format!("The file could not be written: {}", super::printable(why)),
    }
}

pub fn list_exported(lang: Lang, rows: usize, path: &str) -> String {
    let path = super::printable(path);
    match lang {
        Lang::Zh => format!("已导出{rows}行到 {path}"),
        Lang::En => format!("{rows} rows exported to {path}"),
    }
}

pub fn unknown_export(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!(
            "不能导出“{s}”：可导出 filings、licences、cases、inspections、persons、employers、due、rectifications、draws、annual、leads、campaigns。"
        ),
        Lang::En => format!(
            "Cannot export \"{s}\": filings, licences, cases, inspections, persons, employers, due, rectifications, draws, annual, leads or campaigns."
        ),
    }
}

pub fn nothing_to_export(lang: Lang) -> &'static str {
    lang.pick(
        "这里没有可导出的列表：导出在各列表、监督检查各栏和许可查询的结果中（按 ? 看该处的按键）。",
        "Nothing to export here: lists, supervision sections and lookup hits export (? shows the keys there).",
    )
}

pub fn exporting(lang: Lang) -> &'static str {
    lang.pick("正在导出……", "Exporting…")
}

pub fn import_file_needed(lang: Lang) -> &'static str {
    lang.pick("请填写文件路径。", "Give the file's path.")
}

pub fn report_written(lang: Lang, month: &str, path: &str) -> String {
    let path = super::printable(path);
    match lang {
        Lang::Zh => format!("{month} 月报已写出：{path}"),
        Lang::En => format!("The report for {month} is written to {path}"),
    }
}

pub fn bad_month(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("“{s}”不是月份（应为 YYYY-MM）。"),
        Lang::En => format!("\"{s}\" is not a month (YYYY-MM)."),
    }
}

pub fn bad_log_level(s: &str) -> String {
    let s = super::printable(s);
    format!(
        "配置文件中的 log_level “{s}”无效：off、error、warn、info 或 debug。 / The config file's log_level \"{s}\" is not one of off, error, warn, info, debug."
    )
}

pub fn no_such_command(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("没有命令“{s}”：hrss-desk --help 列出全部命令。"),
        Lang::En => format!("No command \"{s}\": hrss-desk --help lists them all."),
    }
}

/// A personal act tried while working as another staff member (`--user`).
pub fn not_on_behalf(lang: Lang) -> &'static str {
    lang.pick(
        "代他人操作（--user）时不能查看个人信息、导出完整身份证号或越过问题办结：请本人登录办理。",
        "Working as another (--user) cannot reveal personal data, export full ID numbers or approve over problems: the staff member does it in person.",
    )
}

pub fn bulk_reveal_refused(lang: Lang) -> &'static str {
    lang.pick(
        "导出整份名单的完整身份证号只能由科室负责人进行。",
        "Only a section chief may export a whole list with full ID numbers.",
    )
}

pub fn reveal_reason_says_nothing(lang: Lang) -> &'static str {
    lang.pick(
        "查看完整信息须写明理由，至少4个字。",
        "Seeing the full details needs a reason of 4 letters at least.",
    )
}

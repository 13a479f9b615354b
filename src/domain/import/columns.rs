//! The columns of the registers an office imports: persons, employers,
//! licences and settlement figures.

use super::{Column, Type, col};

pub(super) const PERSON: &[Column] = &[
    col(
        "id_number",
        "公民身份号码",
        &["身份证号", "身份证号码", "证件号码", "社会保障号码"],
        Type::IdNumber,
        true,
    ),
    col("name", "姓名", &[], Type::Text(50), true),
    col(
        "phone",
        "联系电话",
        &["手机号", "手机号码", "电话"],
        Type::Text(30),
        false,
    ),
    col(
        "bank_account",
        "银行账号",
        &["银行卡号"],
        Type::Text(40),
        false,
    ),
    col(
        "employer_id",
        "单位统一社会信用代码",
        &["employer_uscc", "单位信用代码", "统一社会信用代码"],
        Type::Employer,
        false,
    ),
    col("status", "参保状态", &["状态"], Type::PersonStatus, false),
    col(
        "hired_on",
        "入职日期",
        &["参加工作日期", "参保日期"],
        Type::Date,
        false,
    ),
    col(
        "contribution_base",
        "缴费基数",
        &["缴费基数（元）", "缴费基数(元)"],
        Type::Yuan,
        false,
    ),
];

pub(super) const EMPLOYER: &[Column] = &[
    col(
        "uscc",
        "统一社会信用代码",
        &["信用代码", "单位统一社会信用代码"],
        Type::Uscc,
        true,
    ),
    col("name", "单位名称", &["名称"], Type::Text(100), true),
    col("legal_rep", "法定代表人", &["法人"], Type::Text(50), false),
    col("address", "单位地址", &["地址"], Type::Text(200), false),
    col("town", "乡镇街道", &["乡镇", "街道"], Type::Text(50), false),
    col("zone", "监管片区", &["片区"], Type::Zone, false),
    col(
        "status",
        "单位状态",
        &["状态", "参保状态"],
        Type::EmployerStatus,
        false,
    ),
    col("established_on", "成立日期", &[], Type::Date, false),
    col(
        "arrears",
        "欠费金额",
        &["欠费金额（元）", "欠费"],
        Type::Yuan,
        false,
    ),
];

pub(super) const LICENCE: &[Column] = &[
    col(
        "kind",
        "许可类别",
        &["类别", "证照类别"],
        Type::LicenceKind,
        true,
    ),
    col(
        "number",
        "许可证号",
        &["licence_no", "证书编号", "协议编号", "编号"],
        Type::Text(60),
        true,
    ),
    col(
        "holder",
        "机构名称",
        &["持证单位", "单位名称", "名称"],
        Type::Text(100),
        true,
    ),
    col("uscc", "统一社会信用代码", &["信用代码"], Type::Uscc, true),
    col(
        "legal_rep",
        "法定代表人",
        &["法人", "负责人"],
        Type::Text(50),
        false,
    ),
    col(
        "address",
        "地址",
        &["机构地址", "经营场所"],
        Type::Text(200),
        false,
    ),
    col("district", "所在区县", &["区县"], Type::Text(50), false),
    col("zone", "监管片区", &["片区"], Type::Zone, false),
    col("issued_on", "发证日期", &["签订日期"], Type::Date, true),
    col(
        "expires_on",
        "有效期至",
        &["有效期", "到期日期"],
        Type::Date,
        false,
    ),
    col("status", "状态", &["许可状态"], Type::LicenceStatus, false),
];

pub(super) const SETTLEMENT: &[Column] = &[
    col(
        "licence_id",
        "许可证号",
        &["licence_no", "协议编号", "机构编号"],
        Type::Licence,
        true,
    ),
    col("month", "结算月份", &["月份"], Type::Month, true),
    col("visits", "就诊人次", &["人次"], Type::Count, true),
    col(
        "outpatient_cost",
        "门诊费用",
        &["门诊费用（元）", "费用"],
        Type::Yuan,
        true,
    ),
    col(
        "persons",
        "服务参保人数",
        &["参保人数", "人数"],
        Type::Count,
        true,
    ),
];

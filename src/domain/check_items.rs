//! The check items of an inspection, by kind of licence (DOMAIN.md §4–6):
//! each recorded as passed, failed with a finding, or not applicable.

use super::kinds::LicenceKind;

/// (code, Chinese, English)
pub type Item = (&'static str, &'static str, &'static str);

const HR: &[Item] = &[
    (
        "conduct",
        "经营行为（按许可范围开展业务）",
        "Business conduct within the licence",
    ),
    (
        "staff-insurance",
        "从业人员及其社会保险",
        "Staff and their social insurance",
    ),
    (
        "honesty",
        "诚信经营（无虚假信息、欺诈）",
        "Honest operation (no false information or fraud)",
    ),
    (
        "notices",
        "公示事项（执照、服务项目、收费、监督电话、许可证）",
        "Displayed notices (licence, services, fees, hotline)",
    ),
    (
        "ledger",
        "服务台账保存不少于2年",
        "Service ledger kept two years",
    ),
];

/// 民办教育促进法 art 62.
const SCHOOL: &[Item] = &[
    (
        "split-merger",
        "擅自分立、合并",
        "Unauthorised split or merger",
    ),
    (
        "change",
        "擅自改变名称、层次、类别和举办者",
        "Unauthorised change of name, level, type or sponsor",
    ),
    (
        "false-ads",
        "发布虚假招生简章或广告骗取钱财",
        "False enrolment ads to obtain money",
    ),
    (
        "certificates",
        "非法颁发或伪造证书",
        "Illegal or forged certificates",
    ),
    (
        "management",
        "管理混乱严重影响教育教学",
        "Chaotic management harming teaching",
    ),
    (
        "licence-fraud",
        "提交虚假证明文件或以其他欺诈手段取得许可",
        "Licence obtained by fraud",
    ),
    (
        "licence-abuse",
        "伪造、变造、买卖、出租、出借办学许可证",
        "Licence forged, altered, sold, rented or lent",
    ),
    (
        "abandonment",
        "恶意终止办学、抽逃资金或挪用办学经费",
        "Malicious closure, diverted or withdrawn funds",
    ),
];

const AGREEMENT: &[Item] = &[
    (
        "clauses",
        "服务协议条款履行",
        "Performance of the agreement's clauses",
    ),
    (
        "reimbursements",
        "费用结算与报销",
        "Settlement and reimbursements",
    ),
    (
        "audit-findings",
        "结算数据审核发现的问题",
        "Findings of the settlement-data audit",
    ),
];

/// The label of an item of any kind, by its code.
pub fn item_label(code: &str, lang: crate::lang::Lang) -> Option<&'static str> {
    [HR, SCHOOL, AGREEMENT]
        .iter()
        .flat_map(|items| items.iter())
        .find(|(c, ..)| *c == code)
        .map(|(_, zh, en)| lang.pick(zh, en))
}

/// Where an item stands in its kind's list (the order of the law), for
/// showing recorded items in that order; unknown codes last.
pub fn item_position(code: &str) -> usize {
    [HR, SCHOOL, AGREEMENT]
        .iter()
        .find_map(|items| items.iter().position(|(c, ..)| *c == code))
        .unwrap_or(usize::MAX)
}

pub fn items(kind: LicenceKind) -> &'static [Item] {
    match kind {
        LicenceKind::HrService => HR,
        LicenceKind::TrainingSchool => SCHOOL,
        LicenceKind::DesignatedClinic
        | LicenceKind::DesignatedPharmacy
        | LicenceKind::WorkInjuryAgreement => AGREEMENT,
    }
}

/// Whether a failed inspection of this kind is served an on-site violation
/// notice (违约通知单): agreement institutions, under their agreement.
pub fn serves_violation_notice(kind: LicenceKind) -> bool {
    matches!(
        kind,
        LicenceKind::DesignatedClinic
            | LicenceKind::DesignatedPharmacy
            | LicenceKind::WorkInjuryAgreement
    )
}

/// Whether recording these items closes the institution's open audit tasks:
/// the settlement audit's findings were looked into (passed or failed, not
/// "not applicable").
pub fn closes_audit_tasks(items: &[(String, Outcome)]) -> bool {
    items
        .iter()
        .any(|(c, o)| c == "audit-findings" && *o != Outcome::NotApplicable)
}

/// How an item came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed(String),
    NotApplicable,
}

impl Outcome {
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Failed(_) => "failed",
            Outcome::NotApplicable => "na",
        }
    }
}

/// How an inspection came about.
pub const ORIGINS: [&str; 5] = ["routine", "campaign", "complaint", "media", "tracking"];
/// How it was done.
pub const APPROACHES: [&str; 4] = ["open", "unannounced", "records", "data"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    UnknownItem(String),
    /// A failed item says what was found.
    NoFinding(String),
    /// Every item of the kind is recorded, once.
    Missing(Vec<&'static str>),
    Twice(String),
    UnknownOrigin(String),
    UnknownApproach(String),
}

/// Checks a whole record of an inspection: every item of the kind once, a
/// finding for each failure, a known origin and approach. Ok is whether the
/// inspection passed (no item failed).
pub fn check_record(
    kind: LicenceKind,
    recorded: &[(String, Outcome)],
    origin: &str,
    approach: &str,
) -> Result<bool, RecordError> {
    if !ORIGINS.contains(&origin) {
        return Err(RecordError::UnknownOrigin(origin.to_string()));
    }
    if !APPROACHES.contains(&approach) {
        return Err(RecordError::UnknownApproach(approach.to_string()));
    }
    let all = items(kind);
    let mut seen: Vec<&str> = Vec::new();
    for (code, outcome) in recorded {
        if !all.iter().any(|(c, ..)| c == code) {
            return Err(RecordError::UnknownItem(code.clone()));
        }
        if seen.contains(&code.as_str()) {
            return Err(RecordError::Twice(code.clone()));
        }
        seen.push(code);
        if let Outcome::Failed(f) = outcome
            && f.trim().is_empty()
        {
            return Err(RecordError::NoFinding(code.clone()));
        }
    }
    let missing: Vec<&'static str> = all
        .iter()
        .map(|(c, ..)| *c)
        .filter(|c| !seen.contains(c))
        .collect();
    if !missing.is_empty() {
        return Err(RecordError::Missing(missing));
    }
    Ok(!recorded
        .iter()
        .any(|(_, o)| matches!(o, Outcome::Failed(_))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_agreement_institutions_are_served_a_violation_notice() {
        assert!(serves_violation_notice(LicenceKind::DesignatedPharmacy));
        assert!(serves_violation_notice(LicenceKind::WorkInjuryAgreement));
        assert!(!serves_violation_notice(LicenceKind::HrService));
        assert!(!serves_violation_notice(LicenceKind::TrainingSchool));
    }

    #[test]
    fn audit_tasks_close_when_the_audit_findings_were_looked_into() {
        let item = |o| vec![("audit-findings".to_string(), o)];
        assert!(closes_audit_tasks(&item(Outcome::Passed)));
        assert!(closes_audit_tasks(&item(Outcome::Failed("多收费".into()))));
        assert!(!closes_audit_tasks(&item(Outcome::NotApplicable)));
        assert!(!closes_audit_tasks(&[("clauses".into(), Outcome::Passed)]));
    }

    fn all_passed(kind: LicenceKind) -> Vec<(String, Outcome)> {
        items(kind)
            .iter()
            .map(|(c, ..)| (c.to_string(), Outcome::Passed))
            .collect()
    }

    #[test]
    fn each_kind_has_its_items_and_schools_the_eight_of_article_62() {
        assert_eq!(items(LicenceKind::HrService).len(), 5);
        assert_eq!(items(LicenceKind::TrainingSchool).len(), 8);
        assert_eq!(
            items(LicenceKind::DesignatedPharmacy),
            items(LicenceKind::DesignatedClinic)
        );
    }

    #[test]
    fn a_record_passes_only_when_no_item_failed() {
        let k = LicenceKind::HrService;
        assert_eq!(
            check_record(k, &all_passed(k), "routine", "unannounced"),
            Ok(true)
        );
        let mut r = all_passed(k);
        r[4].1 = Outcome::Failed("台账仅保存6个月".into());
        r[3].1 = Outcome::NotApplicable;
        assert_eq!(check_record(k, &r, "campaign", "open"), Ok(false));
    }

    #[test]
    fn a_record_names_every_item_once_and_each_failure_its_finding() {
        let k = LicenceKind::HrService;
        let mut r = all_passed(k);
        r[0].1 = Outcome::Failed(" ".into());
        assert_eq!(
            check_record(k, &r, "routine", "open"),
            Err(RecordError::NoFinding("conduct".into()))
        );
        let short = all_passed(k)[1..].to_vec();
        assert_eq!(
            check_record(k, &short, "routine", "open"),
            Err(RecordError::Missing(vec!["conduct"]))
        );
        let mut twice = all_passed(k);
        twice.push(("conduct".into(), Outcome::Passed));
        assert_eq!(
            check_record(k, &twice, "routine", "open"),
            Err(RecordError::Twice("conduct".into()))
        );
        let mut odd = all_passed(k);
        odd.push(("astrology".into(), Outcome::Passed));
        assert_eq!(
            check_record(k, &odd, "routine", "open"),
            Err(RecordError::UnknownItem("astrology".into()))
        );
        assert_eq!(
            check_record(k, &all_passed(k), "rumour", "open"),
            Err(RecordError::UnknownOrigin("rumour".into()))
        );
    }

    #[test]
    fn items_are_labelled_and_ordered_as_their_kind_lists_them() {
        use crate::lang::Lang;
        let hr = items(LicenceKind::HrService);
        let mut codes: Vec<&str> = hr.iter().map(|(c, ..)| *c).rev().collect();
        codes.sort_by_key(|c| item_position(c));
        assert_eq!(codes, hr.iter().map(|(c, ..)| *c).collect::<Vec<_>>());
        assert_eq!(item_label(hr[0].0, Lang::Zh), Some(hr[0].1));
        assert_eq!(item_label(hr[0].0, Lang::En), Some(hr[0].2));
        assert_eq!(item_label("no-such-item", Lang::Zh), None);
        assert_eq!(item_position("no-such-item"), usize::MAX);
    }
}

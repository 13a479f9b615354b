//! The documents the office prints and serves: each a kind with its title,
//! the record it is issued on, the fields its template is filled with, and
//! its number — per kind and year in the office's style
//! (`鹿人社监令〔2026〕第12号`), given once and never again.

use crate::lang::Lang;

/// What a document is issued on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Filing,
    Case,
    Inspection,
    /// A step of a licence's sanction ladder.
    SanctionStep,
    /// A complaint, answered in writing (劳社部令25 art 18).
    Complaint,
}

impl RecordKind {
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Filing => "filing",
            RecordKind::Case => "case",
            RecordKind::Inspection => "inspection",
            RecordKind::SanctionStep => "sanction-step",
            RecordKind::Complaint => "complaint",
        }
    }
}

macro_rules! documents {
    ($($variant:ident = $code:literal, $zh:literal, $en:literal, $prefix:literal, $record:ident;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum DocKind { $($variant),+ }

        impl DocKind {
            pub const ALL: &'static [DocKind] = &[$(DocKind::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $(DocKind::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<DocKind> {
                match code.trim() { $($code | $zh => Some(DocKind::$variant),)+ _ => None }
            }

            pub fn title(self, lang: Lang) -> &'static str {
                match self { $(DocKind::$variant => lang.pick($zh, $en)),+ }
            }

            /// The word of the office's number before the year.
            pub fn prefix(self) -> &'static str {
                match self { $(DocKind::$variant => $prefix),+ }
            }

            pub fn record(self) -> RecordKind {
                match self { $(DocKind::$variant => RecordKind::$record),+ }
            }
        }
    };
}

documents! {
    CorrectionNotice = "correction-notice", "一次性告知书", "One-time correction notice", "鹿人社告", Filing;
    FilingReceipt = "filing-receipt", "收件回执", "Filing receipt", "鹿人社收", Filing;
    CaseOpening = "case-opening", "立案审批表", "Case opening approval", "鹿人社监立", Case;
    RectifyOrder = "rectify-order", "限期改正指令书", "Order to rectify within a time limit", "鹿人社监令", Case;
    PriorNotice = "prior-notice", "行政处罚事先告知书", "Prior notice of an administrative penalty", "鹿人社监告", Case;
    HearingNotice = "hearing-notice", "听证告知书", "Notice of the right to a hearing", "鹿人社监听", Case;
    PenaltyDecision = "penalty-decision", "行政处罚决定书", "Administrative penalty decision", "鹿人社监罚", Case;
    HandlingDecision = "handling-decision", "行政处理决定书", "Administrative handling decision", "鹿人社监处", Case;
    InquiryNotice = "inquiry-notice", "调查询问通知书", "Notice to attend an inquiry", "鹿人社监询", Case;
    AuditCommission = "audit-commission", "委托审计书", "Commission of an audit", "鹿人社监审", Case;
    CaseClosing = "case-closing", "结案审批表", "Case closing approval", "鹿人社监结", Case;
    ViolationNotice = "violation-notice", "违约通知单", "On-site violation notice", "鹿医保违", Inspection;
    RectificationNotice = "rectification-notice", "整改通知书", "Rectification notice", "鹿人社整改", SanctionStep;
    ComplaintRefusal = "complaint-refusal", "不予受理通知书", "Notice that a complaint is not accepted", "鹿人社监不受", Complaint;
    ComplaintElsewhere = "complaint-elsewhere", "投诉告知书", "Notice of where to complain", "鹿人社监诉告", Complaint;
}

/// The case-file document a case's procedure issues with the step that
/// calls for this kind: a case document is rendered once that step is taken.
pub fn case_file(kind: DocKind) -> Option<super::CaseFileKind> {
    use super::CaseFileKind as F;
    Some(match kind {
        DocKind::CaseOpening => F::OpeningApproval,
        DocKind::RectifyOrder => F::RectifyOrderDoc,
        DocKind::PriorNotice => F::PriorNoticeDoc,
        DocKind::HearingNotice => F::HearingNoticeDoc,
        DocKind::PenaltyDecision => F::PenaltyDecision,
        DocKind::HandlingDecision => F::HandlingDecision,
        DocKind::CaseClosing => F::ClosingApproval,
        _ => return None,
    })
}

/// The stage from which a case has had the step that issues this kind (for
/// cases whose file predates the procedure's record of its documents).
pub fn case_stage(kind: DocKind) -> Option<super::CaseStage> {
    use super::CaseStage as S;
    Some(match kind {
        DocKind::CaseOpening => S::Opened,
        DocKind::RectifyOrder => S::Investigating,
        DocKind::PriorNotice | DocKind::HearingNotice => S::PriorNotice,
        DocKind::PenaltyDecision | DocKind::HandlingDecision => S::Decided,
        DocKind::InquiryNotice | DocKind::AuditCommission => S::Investigating,
        DocKind::CaseClosing => S::Closed,
        _ => return None,
    })
}

/// Whether a case at `stage` with these documents on file may have `kind`
/// rendered: the document is on file, or the case is past the step.
pub fn case_may_render(kind: DocKind, stage: super::CaseStage, on_file: &[&str]) -> bool {
    let filed = case_file(kind).is_some_and(|f| on_file.contains(&f.code()));
    let pos = |s: super::CaseStage| super::CaseStage::ALL.iter().position(|x| *x == s);
    let past = case_stage(kind).is_some_and(|min| pos(stage) >= pos(min));
    filed || past || (case_file(kind).is_none() && case_stage(kind).is_none())
}

/// The fields nothing on the record gives, typed for each document
/// (`notice render … --field 名称=值`): an inquiry's time and place, an
/// audit's body and period. The screen does not offer these kinds.
pub fn typed_fields(kind: DocKind) -> &'static [&'static str] {
    match kind {
        DocKind::InquiryNotice => &["询问时间", "询问地点"],
        DocKind::AuditCommission => &["受托机构", "审计期间"],
        _ => &[],
    }
}

/// Fields that are a document's body, set without a label in the built-in
/// template (the notice says what to correct in its own words).
pub fn bodies(kind: DocKind) -> &'static [&'static str] {
    match kind {
        DocKind::CorrectionNotice | DocKind::ComplaintElsewhere => &["告知内容"],
        DocKind::ComplaintRefusal => &["不予受理理由", "救济途径"],
        _ => &[],
    }
}

/// A document's number in the office's style.
pub fn number(kind: DocKind, year: i64, seq: i64) -> String {
    format!("{}〔{year}〕第{seq}号", kind.prefix())
}

/// The fields a kind's template may hold, as `{{名称}}`, in the order the
/// built-in template lists them (the title and number come first).
pub fn fields(kind: DocKind) -> &'static [&'static str] {
    match kind {
        DocKind::CorrectionNotice => &[
            "收件人",
            "参保单位",
            "参保人员",
            "业务类型",
            "收件日期",
            "告知内容",
            "经办人",
            "日期",
        ],
        // To the complainant (劳社部令25 art 18): the complaint as received,
        // the reason it is not accepted, how to challenge that.
        DocKind::ComplaintRefusal => &[
            "收件人",
            "被投诉单位",
            "投诉事项",
            "收到投诉日期",
            "不予受理理由",
            "救济途径",
            "日期",
        ],
        // To the complainant: not this bureau's, and where to turn.
        DocKind::ComplaintElsewhere => &[
            "收件人",
            "被投诉单位",
            "投诉事项",
            "收到投诉日期",
            "告知内容",
            "日期",
        ],
        // Handed to the applicant: what was received and by when it is decided.
        DocKind::FilingReceipt => &[
            "参保单位",
            "参保人员",
            "公民身份号码",
            "业务类型",
            "收件日期",
            "收件材料",
            "办结期限",
            "经办人",
            "日期",
        ],
        DocKind::ViolationNotice => &[
            "机构名称",
            "许可证号",
            "检查日期",
            "违约事项",
            "检查人员",
            "日期",
        ],
        DocKind::RectificationNotice => &[
            "机构名称",
            "许可证号",
            "处理措施",
            "事实和理由",
            "整改期限",
            "决定人",
            "日期",
        ],
        DocKind::CaseOpening => &["案号", "当事人", "案件来源", "违法事实", "承办人", "日期"],
        DocKind::RectifyOrder => &[
            "案号",
            "当事人",
            "违法事实",
            "改正期限",
            "逾期不改正",
            "日期",
        ],
        // 行政处罚法 art 44: facts, reasons, basis, the penalty proposed,
        // the rights to state, defend and ask for a hearing.
        DocKind::PriorNotice | DocKind::HearingNotice => &[
            "案号",
            "当事人",
            "违法事实",
            "理由和依据",
            "拟作出的行政处罚",
            "陈述申辩权利",
            "听证权利",
            "承办人",
            "日期",
        ],
        // 行政处罚法 art 59: the same, the evidence, how and by when to
        // carry it out, and the review and lawsuit routes with their limits.
        DocKind::PenaltyDecision | DocKind::HandlingDecision => &[
            "案号",
            "当事人",
            "违法事实",
            "证据",
            "理由和依据",
            "决定内容",
            "履行方式和期限",
            "逾期不履行",
            "救济途径",
            "日期",
        ],
        DocKind::CaseClosing => &["案号", "当事人", "处理结果", "执行情况", "承办人", "日期"],
        // Seed 五·四·三: who is asked, about what, with what papers, when and where.
        DocKind::InquiryNotice => &[
            "案号",
            "当事人",
            "询问事项",
            "须携带材料",
            "询问时间",
            "询问地点",
            "承办人",
            "日期",
        ],
        // Seed 五·四·六: a wage or social-insurance audit commissioned.
        DocKind::AuditCommission => &[
            "案号",
            "受托机构",
            "被审计单位",
            "审计事项",
            "审计期间",
            "承办人",
            "日期",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_by_code_or_title_and_number_in_the_office_style() {
        for k in DocKind::ALL {
            assert_eq!(DocKind::parse(k.code()), Some(*k));
            assert_eq!(DocKind::parse(k.title(Lang::Zh)), Some(*k));
        }
        assert_eq!(
            number(DocKind::RectifyOrder, 2026, 12),
            "鹿人社监令〔2026〕第12号"
        );
        assert_eq!(DocKind::parse("传票"), None);
    }

    #[test]
    fn a_case_document_waits_for_its_step() {
        use crate::domain::CaseStage;
        assert!(!case_may_render(
            DocKind::PenaltyDecision,
            CaseStage::Investigating,
            &[]
        ));
        assert!(case_may_render(
            DocKind::PenaltyDecision,
            CaseStage::Decided,
            &[]
        ));
        assert!(case_may_render(
            DocKind::PenaltyDecision,
            CaseStage::Closed,
            &[]
        ));
        // A rectification order is a side exit: on file, whatever the stage.
        assert!(case_may_render(
            DocKind::RectifyOrder,
            CaseStage::Registered,
            &["rectify-order"]
        ));
        assert!(!case_may_render(
            DocKind::CaseClosing,
            CaseStage::Enforcing,
            &["penalty-decision"]
        ));
    }
}

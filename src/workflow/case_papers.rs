//! The fields of a case's documents, read from the case: its facts and
//! evidence, the article and the decision, the rights and routes the law
//! makes each document state (`domain::case_papers`), and the office's
//! names from its settings. No SQL and no rule here.

use super::cases::{owed, settings};
use crate::domain::case_papers::{self as papers, OfficeNames};
use crate::domain::documents::DocKind;
use crate::domain::procedure::Outcome;
use crate::domain::{
    CaseFileKind, CaseSource, DecisionKind, InspectionMatter, WorkCalendar, fines,
};
use crate::i18n::Lang;
use crate::store::{CaseFileRow, CaseItem, CaseState, Store, StoreError};

/// Why a document does not fit the case.
#[derive(Debug)]
pub enum Unfit {
    /// A penalty decision on a handling decision, or the reverse.
    WrongDecision,
    Store(StoreError),
}

/// The evidence on file, as the decision lists it.
const EVIDENCE: &[CaseFileKind] = &[
    CaseFileKind::InquiryRecord,
    CaseFileKind::SiteRecord,
    CaseFileKind::EmployerDocuments,
    CaseFileKind::AudioVideo,
    CaseFileKind::CommissionedAudit,
    CaseFileKind::StatementRecord,
    CaseFileKind::HearingRecord,
];

pub(super) async fn setting(store: &Store, key: &str, default: &str) -> String {
    store
        .setting(key)
        .await
        .ok()
        .flatten()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| default.to_string())
}

/// The document fields of `kind` for the case.
// Long because it is a table: the fields of each of the case's documents,
// one arm per document as its form lays them out.
pub async fn values(
    store: &Store,
    kind: DocKind,
    item: &CaseItem,
    complaint_facts: Option<String>,
    files: &[CaseFileRow],
    state: &CaseState,
) -> Result<Vec<(&'static str, String)>, Unfit> {
    let r = &state.row;
    let zh = Lang::Zh;
    let decision =
        DecisionKind::parse(&r.decision).or_else(|| (r.fine > 0).then_some(DecisionKind::Fine));
    // Each decision its own document.
    match (kind, decision) {
        (DocKind::PenaltyDecision, Some(k)) if !k.is_penalty() => return Err(Unfit::WrongDecision),
        (DocKind::HandlingDecision, k) if k != Some(DecisionKind::Handling) => {
            return Err(Unfit::WrongDecision);
        }
        _ => {}
    }
    let facts = if r.facts.trim().is_empty() {
        complaint_facts.unwrap_or_default()
    } else {
        r.facts.clone()
    };
    let matters: Vec<&str> = r
        .matters
        .split(',')
        .filter_map(InspectionMatter::parse)
        .map(|m| m.label(zh))
        .collect();
    let article = fines::article(&r.article).map_or(r.article.clone(), |a| a.zh.to_string());
    let basis = match (matters.is_empty(), article.is_empty()) {
        (_, true) => "—".to_string(),
        (true, false) => format!("依据{article}"),
        (false, false) => format!(
            "违反劳动保障法律、法规关于{}的规定，依据{article}",
            matters.join("、")
        ),
    };
    let what = match decision {
        Some(k) if r.fine > 0 => format!("{}{}元", k.label(zh), crate::i18n::yuan(r.fine)),
        Some(k) => k.label(zh).to_string(),
        None => "—".to_string(),
    };
    let evidence: Vec<String> = files
        .iter()
        .filter(|f| EVIDENCE.contains(&f.kind))
        .map(|f| {
            let label = f.kind.label(zh);
            format!("{label}（{}）", f.on_date)
        })
        .collect();
    let cal = WorkCalendar::from_years(&store.calendar_years().await.map_err(Unfit::Store)?);
    let case_settings = settings(store).await;
    let names = OfficeNames {
        review_body: setting(store, "office.review_body", "石家庄市鹿泉区人民政府").await,
        court: setting(store, "office.court", "石家庄市鹿泉区人民法院").await,
        pay_at: setting(store, "office.pay_at", "本局指定的代收罚款银行").await,
    };
    let hearing = r.hearing_required
        || decision.is_some_and(|k| {
            crate::domain::procedure::decide::offers_hearing(
                k,
                r.fine,
                case_settings.hearing_threshold_for(
                    crate::domain::PartyKind::parse(&r.respondent_kind)
                        .unwrap_or(crate::domain::PartyKind::Organisation),
                ),
            )
        });
    let deadline = r
        .order_deadline
        .map(|d| d.format("%Y年%m月%d日").to_string());
    let dash = |s: String| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s
        }
    };
    let common = [
        ("案号", item.number.clone()),
        ("当事人", item.respondent_name.clone()),
        ("承办人", item.officer_name.clone().unwrap_or_default()),
    ];
    let mut v: Vec<(&'static str, String)> = common.to_vec();
    match kind {
        DocKind::CaseOpening => v.extend([
            (
                "案件来源",
                CaseSource::parse(&r.source).map_or(r.source.clone(), |s| s.label(zh).into()),
            ),
            ("违法事实", dash(facts)),
        ]),
        DocKind::RectifyOrder => v.extend([
            ("违法事实", dash(facts)),
            ("改正期限", deadline.clone().unwrap_or_else(|| "—".into())),
            ("逾期不改正", papers::if_not_complied(DecisionKind::Order)),
        ]),
        DocKind::PriorNotice | DocKind::HearingNotice => v.extend([
            ("违法事实", dash(facts)),
            ("理由和依据", basis),
            ("拟作出的行政处罚", what),
            ("陈述申辩权利", papers::statement_right(case_settings.statement_days)),
            ("听证权利", papers::hearing_right(hearing)),
        ]),
        DocKind::PenaltyDecision | DocKind::HandlingDecision => {
            let k = decision.unwrap_or(DecisionKind::Fine);
            v.extend([
                ("违法事实", dash(facts)),
                ("证据", dash(evidence.join("；"))),
                ("理由和依据", basis),
                ("决定内容", what),
                (
                    "履行方式和期限",
                    papers::how_to_comply(k, r.fine, &names.pay_at, deadline.as_deref()),
                ),
                ("逾期不履行", papers::if_not_complied(k)),
                ("救济途径", papers::relief(&names)),
            ]);
        }
        DocKind::CaseClosing => {
            let money = owed(state, &cal, store.clock().today());
            let carried = match (Outcome::parse(&r.outcome), r.court_applied_on) {
                (Some(Outcome::Terminated), _) => "终结".to_string(),
                (_, Some(d)) => format!("已于{d}申请人民法院强制执行"),
                _ if r.fine > 0 && money.paid_in_full() => {
                    format!("已缴清{}元", crate::i18n::yuan(money.paid))
                }
                _ => "—".to_string(),
            };
            let result = match Outcome::parse(&r.outcome) {
                Some(Outcome::Decided) | None => what,
                Some(o) => o.label(zh).to_string(),
            };
            v.extend([("处理结果", result), ("执行情况", carried)]);
        }
        DocKind::InquiryNotice => v.extend([
            ("询问事项", dash(matters.join("、"))),
            (
                "须携带材料",
                setting(
                    store,
                    "case.inquiry_materials",
                    "营业执照副本、法定代表人身份证明及授权委托书、劳动合同、职工名册、工资支付记录、考勤记录、社会保险缴费记录",
                )
                .await,
            ),
        ]),
        DocKind::AuditCommission => v.extend([
            ("被审计单位", item.respondent_name.clone()),
            ("审计事项", dash(matters.join("、"))),
        ]),
        _ => {}
    }
    Ok(v)
}

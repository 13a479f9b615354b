//! Annual reviews at the desk: the year's reports received, late or
//! missing; the on-site sample of schools; results, and the no-enrolment
//! flag of a school rated 不合格.

use crate::domain::LicenceKind;
use crate::domain::Staff;
use crate::domain::annual::{self, ReportStatus};
use crate::domain::permissions::{Act, may};
use crate::i18n::{self, Lang};
use crate::store::{AnnualRow, Store};
use crate::workflow::Cx;
use chrono::NaiveDate;

/// The office's figures: the report's due day (month, day) and the on-site share.
pub async fn figures(store: &Store) -> ((u32, u32), u32) {
    let due = store
        .setting("annual.report_due")
        .await
        .ok()
        .flatten()
        .and_then(|v| {
            let (m, d) = v.trim().split_once('-')?;
            Some((m.parse().ok()?, d.parse().ok()?))
        })
        .filter(|(m, d): &(u32, u32)| NaiveDate::from_ymd_opt(2028, *m, *d).is_some())
        .unwrap_or((3, 31));
    let share = store
        .setting("annual.onsite_share_permille")
        .await
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse().ok())
        .filter(|s| (1..=1000).contains(s))
        .unwrap_or(300);
    (due, share)
}

/// The due day of `year`'s report: in the year after.
pub fn due_of(year: i64, (m, d): (u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::try_from(year + 1).unwrap_or(2100), m, d)
        .expect("checked when read")
}

/// Each licence of the kind with its report's status for `year`.
pub async fn status(
    store: &Store,
    lang: Lang,
    year: i64,
    kind: LicenceKind,
    today: NaiveDate,
) -> Result<Vec<(AnnualRow, ReportStatus)>, String> {
    let (due_day, _) = figures(store).await;
    let rows = store
        .annual_rows(year, kind.code())
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    Ok(rows
        .into_iter()
        .map(|mut r| {
            let due = *r.due_on.get_or_insert_with(|| due_of(year, due_day));
            let s = annual::report_status(due, r.submitted_on, today);
            (r, s)
        })
        .collect())
}

/// Records a report received today, or a result (passed / failed).
pub async fn record(
    cx: &Cx<'_>,
    licence: i64,
    year: i64,
    result: Option<bool>,
    note: &str,
) -> Result<String, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    cx.allowed(Act::RecordAnnualReview)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let (kind, _) = store
        .licence_kind(licence)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_licence(lang, licence))?;
    let (due_day, _) = figures(store).await;
    let due = due_of(year, due_day);
    let result_code = result.map(|p| if p { "passed" } else { "failed" });
    let submitted = result.is_none().then_some(today);
    store
        .record_annual(
            &staff.login,
            &crate::store::AnnualRecord {
                licence,
                year,
                due,
                submitted,
                result: result_code,
                note,
            },
        )
        .await
        .map_err(fail)?;
    let results: Vec<(i64, Option<bool>)> = store
        .annual_results(licence)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|(y, r)| {
            (
                y,
                match r.as_str() {
                    "passed" => Some(true),
                    "failed" => Some(false),
                    _ => None,
                },
            )
        })
        .collect();
    let school = kind == LicenceKind::TrainingSchool.code();
    Ok(i18n::annual_recorded(
        lang,
        licence,
        year,
        result,
        school && annual::no_enrolment(&results),
    ))
}

/// The year's results as CSV, the report sent up to the city bureau (with a
/// byte-order mark so spreadsheets read the Chinese right).
pub fn results_csv(lang: Lang, year: i64, rows: &[(AnnualRow, ReportStatus)]) -> String {
    let head = match lang {
        Lang::Zh => [
            "年度",
            "许可证号",
            "机构名称",
            "报告截止日",
            "报送日期",
            "报送情况",
            "年检结果",
        ],
        Lang::En => [
            "Year",
            "Number",
            "Holder",
            "Report due",
            "Received on",
            "Report",
            "Result",
        ],
    };
    let rows = rows.iter().map(|(r, s)| {
        let result = match (r.result.as_deref(), lang) {
            (Some("passed"), Lang::Zh) => "合格",
            (Some("passed"), Lang::En) => "passed",
            (Some("failed"), Lang::Zh) => "不合格",
            (Some("failed"), Lang::En) => "failed",
            (_, Lang::Zh) => "未评定",
            (_, Lang::En) => "not rated",
        };
        [
            year.to_string(),
            r.number.clone(),
            r.holder.clone(),
            r.due_on.map_or(String::new(), |d| d.to_string()),
            r.submitted_on.map_or(String::new(), |d| d.to_string()),
            s.label(lang).to_string(),
            result.to_string(),
        ]
    });
    crate::workflow::cases::csv_table(head, rows)
}

/// Where `licence`'s report for `year` stands in the chain on `on`, for a
/// chief (who orders and fines) acting on a day not after today.
async fn chain_of(
    store: &Store,
    staff: &Staff,
    lang: Lang,
    today: NaiveDate,
    licence: i64,
    year: i64,
    on: NaiveDate,
) -> Result<(NaiveDate, annual::ReportChain), String> {
    if !may(staff, Act::TakeLadderStep) {
        return Err(i18n::act_refused(lang, Act::TakeLadderStep));
    }
    crate::domain::procedure::acts::check_act_date(on, today, None)
        .map_err(|r| i18n::act_date_refusal(lang, &r))?;
    let rows = status(store, lang, year, LicenceKind::HrService, on).await?;
    let (row, s) = rows
        .iter()
        .find(|(r, _)| r.licence_id == licence)
        .ok_or_else(|| i18n::not_an_hr_agency_in_force(lang, licence))?;
    let due = row.due_on.unwrap_or(on);
    Ok((
        due,
        annual::report_chain(*s, row.submitted_on, row.order_deadline, on),
    ))
}

/// Orders an HR agency's missing report for `year` filed by `until` (责令
///改正, 人力资源市场暂行条例 arts 36, 46): a light step, on the licence and
/// beside the year. Ok is the sentence to show.
pub async fn order(
    cx: &Cx<'_>,
    licence: i64,
    year: i64,
    on: NaiveDate,
    until: NaiveDate,
) -> Result<String, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    use crate::domain::ladder::{LicenceAct, Step};
    let (due, chain) = chain_of(store, staff, lang, today, licence, year, on).await?;
    if chain != annual::ReportChain::MayOrder {
        return Err(i18n::annual_chain_refusal(lang, year, chain));
    }
    if until <= on {
        return Err(i18n::deadline_in_past(lang).to_string());
    }
    let act = LicenceAct {
        licence,
        step: Step::Rectify,
        decided_on: on,
        on,
        until: Some(until),
        reason: format!(
            "未按规定提交{year}年度经营情况年度报告，责令于{until}前报送（人力资源市场暂行条例第三十六条、第四十六条）"
        ),
        case: None,
    };
    store
        .order_annual_report(staff, year, due, &act)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    Ok(i18n::annual_ordered(lang, year, until))
}

/// Proposes the fine for a report still not filed after its order's day:
/// a penalty, opened as a case against the agency (人力资源市场暂行条例
/// art 46: 拒不改正的，处5000元以上1万元以下的罚款). Ok is the sentence.
pub async fn fine(cx: &Cx<'_>, licence: i64, year: i64, on: NaiveDate) -> Result<String, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    let (_, chain) = chain_of(store, staff, lang, today, licence, year, on).await?;
    let annual::ReportChain::OrderUnmet(by) = chain else {
        return Err(i18n::annual_chain_refusal(lang, year, chain));
    };
    let reason = format!(
        "未按规定提交{year}年度经营情况年度报告，经责令于{by}前改正，逾期仍未改正（人力资源市场暂行条例第四十六条）"
    );
    let t = super::supervision::TakeStep {
        licence,
        step: crate::domain::ladder::Step::Fine,
        on,
        until: None,
        reason: &reason,
        source: crate::domain::CaseSource::AnnualReview,
        from_inspection: None,
    };
    super::supervision::sanction(cx, &t).await
}

/// The year's results as the document sent up to the city bureau (市局职业能力
/// 建设处 for schools): the office, the title, the addressee, the figures,
/// each school with its report, its result and what followed a failure
/// (its rectification's deadline, a stop of enrolment, a revocation), then
/// the office's name, the day and the seal's place. Always in Chinese: it
/// is an official paper.
pub async fn city_report(
    store: &Store,
    lang: Lang,
    year: i64,
    kind: LicenceKind,
    today: NaiveDate,
) -> Result<Vec<u8>, String> {
    let rows = status(store, lang, year, kind, today).await?;
    let count = |s: ReportStatus| rows.iter().filter(|(_, x)| *x == s).count();
    let result = |r: &AnnualRow, code: &str| r.result.as_deref() == Some(code);
    let passed = rows.iter().filter(|(r, _)| result(r, "passed")).count();
    let failed = rows.iter().filter(|(r, _)| result(r, "failed")).count();
    let (what, to) = if kind == LicenceKind::TrainingSchool {
        ("民办职业培训学校", "市人力资源和社会保障局职业能力建设处")
    } else {
        (
            "人力资源服务机构",
            "市人力资源和社会保障局人力资源流动管理处",
        )
    };
    let office = super::documents::office_name(store).await;
    let mut p: Vec<(String, bool)> = vec![
        (office.clone(), true),
        (format!("关于{year}年度{what}年度检查结果的报告"), true),
        (format!("{to}："), false),
        (
            format!(
                "根据年度检查和年度报告制度（民办教育促进法实施条例第四十七条、人力资源市场暂行条例第三十六条），现将本区{year}年度{what}年度检查结果报告如下。本年度应参加年度检查的共{}家：按时报送年度报告{}家，逾期报送{}家，未报送{}家；年度检查合格{passed}家，不合格{failed}家，未评定{}家。",
                rows.len(),
                count(ReportStatus::Received),
                count(ReportStatus::Late),
                count(ReportStatus::Missing),
                rows.len() - passed - failed,
            ),
            false,
        ),
        ("一、各单位年度检查结果".to_string(), false),
    ];
    for (i, (r, s)) in rows.iter().enumerate() {
        let verdict = match r.result.as_deref() {
            Some("passed") => "合格",
            Some("failed") => "不合格",
            _ => "未评定",
        };
        let mut line = format!(
            "{}. {}（{}）：年度报告{}，年度检查{verdict}",
            i + 1,
            i18n::printable(&r.holder),
            i18n::printable(&r.number),
            s.label(Lang::Zh)
        );
        if result(r, "failed") {
            // What followed: the latest step taken on it.
            let steps = store
                .licence_steps(r.licence_id)
                .await
                .map_err(|e| i18n::store_error(lang, &e))?;
            match steps.first() {
                Some(st) => {
                    let label = st.step.label(Lang::Zh);
                    line.push_str(&format!("；{}{label}", st.decided_on));
                    if let Some(d) = st.deadline.or(st.until_on) {
                        line.push_str(&format!("，期限至{d}"));
                    }
                }
                None => line.push_str("；尚未作出处理"),
            }
        }
        line.push('。');
        p.push((line, false));
    }
    if rows.is_empty() {
        p.push(("（本年度无应参加年度检查的单位。）".to_string(), false));
    }
    p.push((
        "二、对年度检查不合格的单位，本局已责令限期整改并组织复查，复查仍不合格的依法处理。"
            .to_string(),
        false,
    ));
    p.push(("特此报告。".to_string(), false));
    p.push((office, false));
    p.push((today.format("%Y年%m月%d日").to_string(), false));
    p.push(("（盖章）".to_string(), false));
    Ok(crate::docx::document(&p))
}

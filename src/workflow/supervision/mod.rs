//! Recording an inspection item by item, and climbing a licence's sanction
//! ladder, for the screen and the command line alike.

use crate::domain::LicenceKind;
use crate::domain::check_items::{self, Outcome};
use crate::domain::ladder::{self, Step, Taken};
use crate::domain::permissions::Act;
use crate::i18n::{self, Lang};
use crate::store::Store;
use crate::workflow::Cx;
use chrono::NaiveDate;

pub mod sections;

/// Records inspection `id`: every item of its kind (`rest` fills those not
/// named). Ok is the sentence to show.
pub async fn record(
    cx: &Cx<'_>,
    id: i64,
    named: &[(String, Outcome)],
    rest: Option<Outcome>,
    origin: Option<&str>,
    approach: &str,
) -> Result<String, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    cx.allowed(Act::RecordInspection)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let target = store
        .inspection_target(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_inspection(lang, id))?;
    let licence = target.licence_id;
    if target.result != "pending" {
        return Err(i18n::inspection_recorded_already(lang, id));
    }
    let kind = LicenceKind::parse(&target.kind).ok_or_else(|| i18n::no_inspection(lang, id))?;
    let origin = match origin {
        Some(o) => o,
        None => {
            let (lead, in_campaign) = store.inspection_source(id).await.map_err(fail)?;
            let lead = lead.as_deref().and_then(crate::domain::LeadSource::parse);
            crate::domain::lead::default_origin(lead, in_campaign)
        }
    };
    let mut all: Vec<(String, Outcome)> = named.to_vec();
    if let Some(r) = rest {
        for (code, ..) in check_items::items(kind) {
            if !all.iter().any(|(c, _)| c == code) {
                all.push((code.to_string(), r.clone()));
            }
        }
    }
    let passed = check_items::check_record(kind, &all, origin, approach)
        .map_err(|e| i18n::record_error(lang, kind, &e))?;
    let rows: Vec<(String, String, String)> = all
        .iter()
        .map(|(c, o)| {
            let finding = match o {
                Outcome::Failed(f) => f.trim().to_string(),
                _ => String::new(),
            };
            (c.clone(), o.code().to_string(), finding)
        })
        .collect();
    // An agreement institution found at fault is served the violation
    // notice on the spot: the failed items with their findings, in Chinese
    // (the official text whatever the screen's language).
    let notice = (!passed && check_items::serves_violation_notice(kind)).then(|| {
        all.iter()
            .filter_map(|(c, o)| match o {
                Outcome::Failed(f) => Some(format!(
                    "{}：{}",
                    check_items::item_label(c, Lang::Zh).unwrap_or(c),
                    f.trim()
                )),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    // A licence held until a re-check passes is free again when one does.
    let lift = if passed {
        store
            .licence_standing(Some(licence), "")
            .await
            .map_err(fail)?
            .filter(|l| ladder::held_until_recheck(l.status, &l.standing_step, l.standing_until))
            .map(|_| ladder::LicenceAct {
                licence,
                step: Step::Lift,
                decided_on: today,
                on: today,
                until: None,
                reason: format!("复查合格 / re-check passed: inspection {id}"),
                case: None,
            })
    } else {
        None
    };
    let rec = crate::store::InspectionRecord {
        items: &rows,
        origin,
        approach,
        passed,
        on: today,
        notice: notice.as_deref(),
        close_audit_tasks: check_items::closes_audit_tasks(&all),
        lift: lift.as_ref(),
    };
    let done = store
        .record_inspection(staff, id, &rec)
        .await
        .map_err(fail)?;
    let mut said = i18n::inspection_recorded(lang, id, passed);
    if let Some((year, seq)) = done.notice {
        said.push_str(&i18n::violation_notice_served(lang, year, seq));
        // The notice leads to the agreement's own handling, with a day by
        // which to rectify and a re-check after it (医保条例 art 13; 定点管理
        // 暂行办法 art 38).
        said.push_str(&i18n::agreement_handling_next(lang, licence, year, seq));
    }
    if done.tasks_closed > 0 {
        said.push_str(&i18n::audit_tasks_closed(lang, done.tasks_closed));
    }
    if lift.is_some() {
        said.push_str(i18n::hold_lifted_by_recheck(lang));
    }
    // A school failing its re-check after a rectification was ordered: the
    // chain goes on to the penalty (民办教育促进法 art 62).
    if !passed && kind == LicenceKind::TrainingSchool {
        let steps = store.licence_steps(licence).await.map_err(fail)?;
        if steps
            .iter()
            .any(|s| s.step == Step::Rectify && s.deadline.is_some_and(|d| d <= today))
        {
            said.push_str(&i18n::recheck_failed(lang, licence, id));
        }
    }
    Ok(said)
}

/// The ladder steps taken on `licence`, as the ladder's rules read them.
pub(super) async fn steps_taken(
    store: &Store,
    licence: i64,
) -> Result<Vec<Taken>, crate::store::StoreError> {
    Ok(store
        .sanction_steps(licence)
        .await?
        .into_iter()
        .filter_map(|(s, on)| Step::parse(&s).map(|step| Taken { step, on }))
        .collect())
}

/// A ladder step as asked for: the licence, the step, the day it was
/// decided, its last day (a deadline, or the end of a suspension), why, and
/// — for a penalty, which runs as a case — where the case came from.
#[derive(Debug, Clone, Copy)]
pub struct TakeStep<'a> {
    pub licence: i64,
    pub step: Step,
    pub on: NaiveDate,
    pub until: Option<NaiveDate>,
    pub reason: &'a str,
    pub source: crate::domain::CaseSource,
    pub from_inspection: Option<i64>,
}

/// Takes a step of a licence's ladder (a section chief's act). A penalty
/// (警告, 没收, 罚款, 停止招生, 吊销) opens a case against the holder, to be
/// decided by the procedure — prior notice, statement and defence, a
/// hearing where the law gives one, a decision served — and to take effect
/// on the licence when served; any other step is recorded and takes effect
/// from its day. Ok is the sentence to show.
pub async fn sanction(cx: &Cx<'_>, t: &TakeStep<'_>) -> Result<String, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    use crate::domain::procedure::acts;
    cx.allowed(Act::TakeLadderStep)?;
    let reason = t.reason.trim();
    if reason.is_empty() {
        return Err(i18n::sanction_needs_reason(lang).to_string());
    }
    if reason.chars().count() > acts::FACTS_MAX_CHARS {
        return Err(i18n::open_refusal(lang, &acts::OpenRefusal::TooLong));
    }
    acts::check_act_date(t.on, today, None).map_err(|r| i18n::act_date_refusal(lang, &r))?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let l = store
        .licence_standing(Some(t.licence), "")
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_licence(lang, t.licence))?;
    let kind = l.kind;
    let taken = steps_taken(store, t.licence).await.map_err(fail)?;
    if t.step == Step::Lift {
        let now = l.status;
        ladder::may_lift(now).map_err(|r| i18n::ladder_refusal(lang, kind, &r))?;
    } else {
        ladder::may_take(kind, &taken, t.step).map_err(|r| i18n::ladder_refusal(lang, kind, &r))?;
        ladder::check_until(t.step, t.on, t.until)
            .map_err(|r| i18n::ladder_refusal(lang, kind, &r))?;
    }
    if t.step.is_penalty() {
        let a = crate::workflow::case_acts::OpenArgs {
            source: t.source,
            respondent_uscc: crate::domain::Uscc::parse(&l.uscc)
                .ok()
                .map(|u| u.as_str().to_string()),
            respondent: Some(l.holder.clone()),
            respondent_kind: crate::domain::PartyKind::Organisation,
            matters: vec![crate::domain::InspectionMatter::Agencies],
            facts: reason.to_string(),
            on: t.on,
            anonymous: false,
            informant: String::new(),
            informant_phone: String::new(),
            from_inspection: t.from_inspection,
            from_lead: None,
            from_campaign: None,
            licence: Some((t.licence, t.step)),
        };
        let (id, number, _) = crate::workflow::case_acts::open(cx, &a).await?;
        return Ok(i18n::penalty_case_opened(lang, t.step, &number, id));
    }
    let act = ladder::LicenceAct {
        licence: t.licence,
        step: t.step,
        decided_on: t.on,
        on: t.on,
        until: t.until,
        reason: reason.to_string(),
        case: None,
    };
    store.take_licence_step(staff, &act).await.map_err(fail)?;
    let mut after = taken;
    after.push(Taken {
        step: t.step,
        on: t.on,
    });
    let forced =
        t.step == Step::SuspendAgreement && ladder::termination_forced(&after, l.issued_on);
    Ok(i18n::sanction_taken(lang, t.step, forced))
}

/// Rectifications whose deadline passed without a re-inspection, as of `on`.
pub async fn rectifications_due(
    store: &Store,
    lang: Lang,
    on: NaiveDate,
) -> Result<Vec<crate::store::RectificationRow>, String> {
    Ok(store
        .rectifications()
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .into_iter()
        .filter(|r| ladder::rectification_overdue(r.deadline, r.reinspected_on, on))
        .collect())
}

/// Reads settlement figures from CSV text — `licence number, YYYYMM, visits,
/// outpatient cost in yuan, persons served` a line, a header line allowed —
/// and stores them, all or none. Ok is how many months were stored.
pub async fn import_settlements(cx: &Cx<'_>, text: &str) -> Result<usize, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    cx.allowed(Act::ImportSettlements)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let licences: std::collections::HashMap<String, i64> = store
        .agreement_licences()
        .await
        .map_err(fail)?
        .into_iter()
        .map(|(id, n)| (n, id))
        .collect();
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        // A first line that names no institution and gives no month is a header.
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let header = n == 0
            && fields.first().is_none_or(|f| !licences.contains_key(*f))
            && fields.get(1).is_none_or(|m| m.parse::<i64>().is_err());
        if line.is_empty() || header {
            continue;
        }
        let bad = || i18n::bad_settlement_line(lang, n + 1, line);
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        let [number, month, visits, cost, persons] = f.as_slice() else {
            return Err(bad());
        };
        let licence = *licences
            .get(*number)
            .ok_or_else(|| i18n::unknown_agreement(lang, n + 1, number))?;
        let month: i64 = month
            .parse()
            .ok()
            .filter(|m| (200001..=209912).contains(m) && (1..=12).contains(&(m % 100)))
            .ok_or_else(bad)?;
        let count = |s: &str| s.parse::<i64>().ok().filter(|v| *v >= 0);
        let (Some(visits), Some(persons)) = (count(visits), count(persons)) else {
            return Err(bad());
        };
        let cost = crate::domain::fines::parse_yuan(cost).ok_or_else(bad)?;
        rows.push((licence, month, visits, cost, persons));
    }
    if rows.is_empty() {
        return Err(i18n::no_settlement_rows(lang).to_string());
    }
    store
        .store_settlements(&staff.login, &rows)
        .await
        .map_err(fail)?;
    Ok(rows.len())
}

/// The largest settlement file taken: years of every institution's months.
pub const SETTLEMENTS_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Settlement figures from a file typed at the desk (`~/` its user's home),
/// imported and, if asked, audited at once. Ok is the sentence to show.
pub async fn settlements_from_file(cx: &Cx<'_>, file: &str, audit: bool) -> Result<String, String> {
    let lang = cx.lang;
    cx.allowed(Act::ImportSettlements)?;
    let path = match file.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().unwrap_or_default().join(rest),
        None => std::path::PathBuf::from(file),
    };
    let cannot = |e: std::io::Error| i18n::cannot_read(lang, file, &e.to_string());
    let size = std::fs::metadata(&path).map_err(cannot)?.len();
    if size > SETTLEMENTS_MAX_BYTES {
        return Err(i18n::file_too_large(lang, file, SETTLEMENTS_MAX_BYTES));
    }
    let text = std::fs::read_to_string(&path).map_err(cannot)?;
    let months = import_settlements(cx, &text).await?;
    if !audit {
        return Ok(i18n::settlements_done(lang, months, None));
    }
    let (flags, tasks) = audit_settlements(cx).await?;
    Ok(i18n::settlements_done(
        lang,
        months,
        Some((flags.len(), tasks)),
    ))
}

/// Runs the settlement audit over every stored month and opens an audit
/// task for each new flag. Ok is the flags with the number of new tasks.
pub async fn audit_settlements(
    cx: &Cx<'_>,
) -> Result<(Vec<crate::domain::settlement::Flag>, u64), String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    use crate::domain::settlement::{MonthFigures, Rules, audit};
    cx.allowed(Act::RecordInspection)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let figures: Vec<MonthFigures> = store
        .settlements()
        .await
        .map_err(fail)?
        .into_iter()
        .map(
            |(institution, zone, month, visits, outpatient_cost, persons)| MonthFigures {
                institution,
                zone,
                month: u32::try_from(month).unwrap_or(0),
                visits,
                outpatient_cost,
                persons,
            },
        )
        .collect();
    let flags = audit(&figures, &Rules::default());
    let tasks: Vec<(i64, i64, String, String)> = flags
        .iter()
        .map(|f| {
            (
                f.institution,
                i64::from(f.month),
                f.rule.code().to_string(),
                f.rule.figures(),
            )
        })
        .collect();
    let new = store
        .open_audit_tasks(&staff.login, &tasks, today)
        .await
        .map_err(fail)?;
    Ok((flags, new))
}

/// The inspection queue as lines: a head with the counts, then each
/// pending inspection (its method) and open audit task (its flag, with the
/// figures) oldest first.
pub fn queue_lines(lang: Lang, rows: &[crate::store::InspectionQueueRow]) -> Vec<String> {
    let audits = rows.iter().filter(|r| r.source == "audit").count();
    let mut lines = vec![i18n::inspection_queue_head(
        lang,
        rows.len() - audits,
        audits,
    )];
    for r in rows {
        let audit = r.source == "audit";
        let what = queue_what(lang, r);
        lines.push(format!(
            "{} #{}\t{}\t{}\t{}\t{}",
            i18n::queue_source(lang, audit),
            r.id,
            r.since,
            i18n::printable(&r.number),
            i18n::printable(&r.holder),
            i18n::printable(&what)
        ));
    }
    lines
}

/// What a queue row is about: an inspection's method, or an audit task's
/// flag with the figures behind it.
pub fn queue_what(lang: Lang, r: &crate::store::InspectionQueueRow) -> String {
    use crate::domain::settlement::{Flag, Rule};
    if r.source != "audit" {
        return crate::domain::InspectionMethod::parse(&r.what).map_or_else(
            || i18n::printable(&r.what).into_owned(),
            |m| m.label(lang).to_string(),
        );
    }
    match Rule::parse(&r.what, &r.detail) {
        Some(rule) => {
            let flag = Flag {
                institution: 0,
                month: u32::try_from(r.month).unwrap_or(0),
                rule,
            };
            i18n::settlement_flag(lang, "", &flag)
                .trim_start()
                .to_string()
        }
        None => i18n::printable(&format!("{} {} {}", r.what, r.month, r.detail)).into_owned(),
    }
}

/// The public register as CSV (with a byte-order mark for spreadsheets).
pub fn register_csv(lang: Lang, rows: &[crate::store::RegisterRow]) -> String {
    let head = match lang {
        Lang::Zh => [
            "许可证号",
            "机构名称",
            "统一社会信用代码",
            "类别",
            "地址",
            "发证日期",
            "有效期至",
            "状态",
            "处理记录数",
        ],
        Lang::En => [
            "Number",
            "Holder",
            "Credit code",
            "Kind",
            "Address",
            "Issued",
            "Expires",
            "Status",
            "Sanction steps",
        ],
    };
    let rows = rows.iter().map(|r| {
        let kind = r.kind.label(lang).to_string();
        // An agreement is terminated (解除协议), not revoked.
        let status = i18n::agreement_word(lang, Some(r.kind), r.status)
            .unwrap_or(r.status.label(lang))
            .to_string();
        [
            r.number.clone(),
            r.holder.clone(),
            r.uscc.clone(),
            kind,
            r.address.clone(),
            r.issued_on.to_string(),
            r.expires_on.map_or(String::new(), |d| d.to_string()),
            status,
            r.sanctions.to_string(),
        ]
    });
    crate::workflow::cases::csv_table(head, rows)
}

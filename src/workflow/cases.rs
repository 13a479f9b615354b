//! Working a case, for the screen and the command line alike: read its
//! state, ask the procedure whether the move is allowed, compute the clock it
//! sets, and make the move at the version read. The next deadline of every
//! open case, for the queue and `cases due`. No SQL and no rule here.

use crate::domain::clocks::{self, Explained, Suspension};
use crate::domain::procedure::{CaseFacts, acts, queue_key};
use crate::domain::{
    CaseFileKind, CaseSource, CaseStage, DecisionKind, PartyKind, WorkCalendar, fines,
};
use crate::i18n::{self, Lang};
use crate::store::{CaseClock, CaseState, ClockRow, NextDue, Store};
use chrono::NaiveDate;

pub use super::case_moves::{
    DecisionTerms, Step, add_to_file, assign, assign_all, make_move, make_move_on, move_all,
};

/// The locality's figures the procedure uses, from the settings table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseSettings {
    /// 较大数额 for a legal person or other organisation, in fen.
    pub hearing_threshold: i64,
    /// 较大数额 for a citizen or an individual business, in fen.
    pub hearing_threshold_person: i64,
    pub statement_days: u32,
    /// A penalty from this amount (fen) is decided by the heads together.
    pub collective_discussion: i64,
}

impl Default for CaseSettings {
    fn default() -> Self {
        CaseSettings {
            hearing_threshold: 10_000_00,
            hearing_threshold_person: 1_000_00,
            statement_days: 5,
            collective_discussion: 50_000_00,
        }
    }
}

impl CaseSettings {
    /// The hearing threshold for a party of this kind (行政处罚法 art 63:
    /// 较大数额, set locally, lower for citizens and individual businesses).
    pub fn hearing_threshold_for(&self, kind: PartyKind) -> i64 {
        match kind {
            PartyKind::Organisation => self.hearing_threshold,
            PartyKind::IndividualBusiness | PartyKind::Person => self.hearing_threshold_person,
        }
    }

    pub(super) fn threshold_of(&self, kind: &str) -> i64 {
        self.hearing_threshold_for(PartyKind::parse(kind).unwrap_or(PartyKind::Organisation))
    }
}

pub async fn settings(store: &Store) -> CaseSettings {
    let d = CaseSettings::default();
    let read = |v: Option<String>| v.and_then(|v| v.trim().parse::<i64>().ok());
    CaseSettings {
        hearing_threshold: read(
            store
                .setting("case.hearing_threshold_fen")
                .await
                .ok()
                .flatten(),
        )
        .filter(|n| *n > 0)
        .unwrap_or(d.hearing_threshold),
        hearing_threshold_person: read(
            store
                .setting("case.hearing_threshold_person_fen")
                .await
                .ok()
                .flatten(),
        )
        .filter(|n| *n > 0)
        .unwrap_or(d.hearing_threshold_person),
        collective_discussion: read(
            store
                .setting("case.collective_discussion_fen")
                .await
                .ok()
                .flatten(),
        )
        .filter(|n| *n > 0)
        .unwrap_or(d.collective_discussion),
        statement_days: read(store.setting("case.statement_days").await.ok().flatten())
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (1..=30).contains(n))
            .unwrap_or(d.statement_days),
    }
}

fn suspensions(spans: &[(NaiveDate, Option<NaiveDate>)]) -> Vec<Suspension> {
    spans
        .iter()
        .map(|(from, to)| Suspension {
            from: *from,
            to: *to,
        })
        .collect()
}

/// The stem of the year's case numbers, `鹿人社监案〔2026〕`: the office's
/// prefix (`case.number_prefix`) and the year; the store numbers in turn.
pub async fn number_stem(store: &Store, year: i32) -> String {
    let prefix = store
        .setting("case.number_prefix")
        .await
        .ok()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "鹿人社监案".into());
    format!("{prefix}〔{year}〕")
}

/// What the case's decision leaves owed on `on`.
pub fn owed(s: &CaseState, cal: &WorkCalendar, on: NaiveDate) -> acts::Owed {
    // Only a money penalty adds 3 % a day (a case decided before decisions
    // had kinds decided a fine).
    let late_fee = DecisionKind::parse(&s.row.decision).is_none_or(DecisionKind::late_fee_applies);
    acts::owed(cal, s.row.fine, s.row.served_on, &s.payments, on, late_fee)
}

/// The procedure's view of a case on `today` (the day of the act judged).
pub fn facts(
    s: &CaseState,
    settings: CaseSettings,
    cal: &WorkCalendar,
    today: NaiveDate,
) -> CaseFacts {
    let r = &s.row;
    let owed = owed(s, cal, today);
    CaseFacts {
        rights_waived: r.rights_waived,
        paid_in_full: owed.paid_in_full(),
        payment_overdue: !owed.paid_in_full() && owed.due.is_some_and(|d| today > d),
        reminder_served: r.reminder_served_on.is_some(),
        court_window_open: match (r.served_on, r.reminder_served_on) {
            (Some(s), Some(rem)) => acts::court_window_open(cal, s, rem, today),
            _ => false,
        },
        court_applied: r.court_applied_on.is_some(),
        found_by_office: CaseSource::parse(&r.source).is_some_and(acts::found_by_office),
        deciding: None,
        order_deadline_given: false,
        hearing_on: r.hearing_on,
        act_on: None,
        discussion_required: false,
        stage: Some(r.stage),
        case_officer: r.case_officer_id,
        inspectors: s.inspectors.clone(),
        suspended: r.suspended,
        extended: r.extended,
        hearing_required: r.hearing_required
            || fines::needs_hearing(r.fine, settings.threshold_of(&r.respondent_kind)),
        hearing_requested: r.hearing_requested,
        hearing_request_open: r
            .notice_served_on
            .is_some_and(|n| clocks::hearing_request_due(cal, n).due >= today),
        hearing_host: r.hearing_host_id,
        legal_reviewer: r.legal_reviewer_id,
        statement_open: r
            .notice_served_on
            .is_some_and(|n| clocks::statement_due(cal, n, settings.statement_days).due >= today),
        investigation_overdue: r.opened_on.is_some_and(|o| {
            clocks::investigation_due(cal, o, r.extended, &suspensions(&s.suspensions), today).due
                < today
        }),
        served: r.served_on.is_some(),
        conflicted: s.conflicted.clone(),
        on_file: s
            .on_file
            .iter()
            .filter_map(|k| CaseFileKind::parse(k))
            .collect(),
    }
}

/// The deadline that governs the case now, with how it was computed.
pub fn next_deadline(
    cal: &WorkCalendar,
    r: &ClockRow,
    spans: &[(NaiveDate, Option<NaiveDate>)],
    today: NaiveDate,
    settings: CaseSettings,
) -> Option<Explained> {
    let stage = r.stage;
    let investigation = || {
        r.opened_on
            .map(|o| clocks::investigation_due(cal, o, r.extended, &suspensions(spans), today))
    };
    match stage {
        // A case the office found itself has no acceptance to decide
        // (若干规定 art 18 is for complaints and reports): 及时立案, no fixed clock.
        CaseStage::Registered | CaseStage::Preliminary if r.office_found => None,
        CaseStage::Registered | CaseStage::Preliminary => Some(clocks::accept_due(
            cal,
            r.complaint_received_on.unwrap_or(r.registered_on),
        )),
        CaseStage::Opened | CaseStage::Investigating => investigation(),
        // The statement window runs inside the investigation's limit: the earlier one governs.
        CaseStage::PriorNotice => {
            let window = r
                .notice_served_on
                .map(|n| clocks::statement_due(cal, n, settings.statement_days));
            match (window, investigation()) {
                (Some(w), Some(i)) if i.due < w.due => Some(i),
                (Some(w), _) => Some(w),
                (None, i) => i,
            }
        }
        CaseStage::Defence => investigation(),
        CaseStage::Decided => match (r.served_on, r.decided_on) {
            // Served with nothing to pay (a warning): carried out, to close.
            (Some(_), _) if r.fine <= 0 => None,
            (Some(s), _) => Some(clocks::fine_due(cal, s)),
            (None, Some(d)) => Some(clocks::service_due(cal, d)),
            (None, None) => None,
        },
        CaseStage::Enforcing => r
            .served_on
            .map(|s| clocks::court_application_window(cal, s, r.reminder_served_on).1),
        CaseStage::Closed => None,
    }
}

/// What the queue keeps of a case's next deadline.
pub(super) fn next_due(r: &ClockRow, d: Option<&Explained>) -> NextDue {
    let due_on = if r.stage == CaseStage::Closed {
        None
    } else {
        d.map(|d| d.due)
    };
    NextDue {
        due_on,
        rule: d
            .filter(|_| due_on.is_some())
            .map_or("", |d| d.rule.code())
            .to_string(),
        queue_key: queue_key(r.mass_incident, due_on),
    }
}

/// Computes every open case's next deadline as of `today` and writes those
/// that changed; Ok is how many changed.
pub async fn recompute_deadlines(
    store: &Store,
    cal: &WorkCalendar,
    today: NaiveDate,
) -> Result<usize, crate::store::StoreError> {
    let settings = settings(store).await;
    // Computed as the rows arrive: the clocks run while the rest is read.
    let mut changed: Vec<(i64, i64, NextDue)> = Vec::new();
    store
        .each_case_deadline(|c| {
            let n = next_due(
                &c.row,
                next_deadline(cal, &c.row, &c.suspensions, today, settings).as_ref(),
            );
            // The queue key follows the date and the (unchanging) mass flag.
            if n.due_on != c.row.due_on || n.rule != c.row.due_rule {
                changed.push((c.row.id, c.row.version, n));
            }
        })
        .await?;
    if !changed.is_empty() {
        store.record_deadlines(&changed).await?;
    }
    Ok(changed.len())
}

/// `f` over the two halves of `items` on two threads (the office server
/// has few cores; every open case's clocks are worth both), results in order.
fn in_halves<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let (a, b) = items.split_at(items.len() / 2);
    std::thread::scope(|s| {
        let second = s.spawn(|| f(b));
        let mut out = f(a);
        out.extend(second.join().expect("the clocks do not panic"));
        out
    })
}

/// An open case with its next deadline, for the queue and `cases due`.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseDue {
    pub id: i64,
    pub number: String,
    pub stage: CaseStage,
    pub respondent: String,
    pub mass_incident: bool,
    pub deadline: Option<Explained>,
    pub working_days_left: Option<i64>,
    pub overdue: bool,
}

/// Every open case's next deadline as of `today`, the most pressing first
/// (a mass incident always first, then overdue, then the nearest).
pub fn due_list(
    cal: &WorkCalendar,
    cases: &[CaseClock],
    today: NaiveDate,
    settings: CaseSettings,
) -> Vec<CaseDue> {
    let mut out: Vec<CaseDue> = in_halves(cases, |part| {
        part.iter()
            .map(|c| {
                let deadline = next_deadline(
                    cal,
                    &ClockRow::from(&c.row),
                    &c.suspensions,
                    today,
                    settings,
                );
                let left = deadline
                    .as_ref()
                    .map(|d| clocks::working_days_left(cal, today, d.due));
                CaseDue {
                    id: c.row.id,
                    number: c.row.number.clone(),
                    stage: c.row.stage,
                    respondent: c.row.respondent_name.clone(),
                    mass_incident: c.row.mass_incident,
                    overdue: deadline.as_ref().is_some_and(|d| d.due < today),
                    deadline,
                    working_days_left: left,
                }
            })
            .collect()
    });
    out.sort_by_key(|c| {
        (
            !c.mass_incident,
            c.deadline.as_ref().map_or(NaiveDate::MAX, |d| d.due),
            c.id,
        )
    });
    out
}

/// Quotes a CSV field (RFC 4180): always, doubling inner quotes; a field a
/// spreadsheet would take for a formula is marked as text with a leading ',
/// but a plain negative number (days overdue) stays a number.
pub fn csv_field(s: &str) -> String {
    let number = s
        .strip_prefix('-')
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == '.'));
    let guard = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", s.replace('"', "\"\""))
}

/// A table as CSV: a byte-order mark (so a spreadsheet opens it as UTF-8),
/// the head, then each row, every line ended by CRLF (RFC 4180).
pub fn csv_table<const N: usize>(
    head: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&head.map(csv_field).join(","));
    out.push_str("\r\n");
    for row in rows {
        // What the database holds is defused: a name may carry escapes.
        out.push_str(
            &row.map(|f| csv_field(&crate::i18n::printable(&f)))
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// The cases `ids` with their next deadline and their inspectors as CSV
/// (with a byte-order mark, so a spreadsheet opens it as UTF-8);
/// `inspectors` by case id, the officer first.
pub fn cases_csv(
    lang: Lang,
    list: &[CaseDue],
    inspectors: &std::collections::HashMap<i64, Vec<String>>,
) -> String {
    let head = match lang {
        Lang::Zh => [
            "案号",
            "阶段",
            "被投诉单位",
            "下一期限",
            "期限依据",
            "剩余工作日",
            "是否超期",
            "群体性事件",
            "承办人",
        ],
        Lang::En => [
            "Case no.",
            "Stage",
            "Respondent",
            "Next deadline",
            "Rule",
            "Working days left",
            "Overdue",
            "Mass incident",
            "Officers",
        ],
    };
    let yes = |b: bool| {
        if b {
            lang.pick("是", "yes")
        } else {
            lang.pick("否", "no")
        }
    };
    let rows = list.iter().map(|c| {
        let stage = c.stage.label(lang).to_string();
        [
            c.number.clone(),
            stage,
            c.respondent.clone(),
            c.deadline
                .as_ref()
                .map_or(String::new(), |d| d.due.to_string()),
            c.deadline.as_ref().map_or(String::new(), |d| {
                d.rule.label(lang == Lang::Zh).to_string()
            }),
            c.working_days_left.map_or(String::new(), |n| n.to_string()),
            yes(c.overdue).to_string(),
            yes(c.mass_incident).to_string(),
            inspectors
                .get(&c.id)
                .map_or(String::new(), |names| names.join(lang.pick("、", ", "))),
        ]
    });
    csv_table(head, rows)
}

/// The open cases among `ids` as the CSV the queue exports (`x`), and how
/// many rows it has.
pub async fn csv(
    store: &Store,
    cal: &WorkCalendar,
    lang: Lang,
    today: NaiveDate,
    ids: &[i64],
) -> Result<(String, usize), String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let settings = settings(store).await;
    let all = store.open_case_clocks().await.map_err(fail)?;
    let wanted: std::collections::HashSet<i64> = ids.iter().copied().collect();
    let chosen: Vec<CaseClock> = all
        .into_iter()
        .filter(|c| wanted.contains(&c.row.id))
        .collect();
    let list = due_list(cal, &chosen, today, settings);
    let mut inspectors: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for (case, name) in store.open_case_inspectors().await.map_err(fail)? {
        if wanted.contains(&case) {
            inspectors.entry(case).or_default().push(name);
        }
    }
    Ok((cases_csv(lang, &list, &inspectors), list.len()))
}

/// Writes the cases `ids` to `~/hrss-desk-cases-YYYYMMDD-HHMMSS.csv` (the
/// folder the desk's user owns, over SSH too). Ok is the sentence to show.
pub async fn export(
    store: &Store,
    cal: &WorkCalendar,
    lang: Lang,
    today: NaiveDate,
    ids: &[i64],
) -> Result<String, String> {
    let (text, rows) = csv(store, cal, lang, today, ids).await?;
    let stamp = store
        .clock()
        .now()
        .with_timezone(&crate::domain::calendar::office_offset())
        .format("%Y%m%d-%H%M%S");
    let dir = dirs::home_dir().unwrap_or_else(|| std::path::PathBuf::from("."));
    let path = dir.join(format!("hrss-desk-cases-{stamp}.csv"));
    crate::sheet::write_private(&path, text.as_bytes())
        .map_err(|e| i18n::export_failed(lang, &path.display().to_string(), &e))?;
    Ok(i18n::exported(lang, rows, &path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_opens_as_utf8_and_quotes_every_field() {
        let c = CaseDue {
            id: 1,
            number: "鹿人社监案〔2026〕016号".into(),
            stage: CaseStage::Investigating,
            respondent: "某\"恒信\"公司, 鹿泉".into(),
            mass_incident: true,
            deadline: None,
            working_days_left: None,
            overdue: false,
        };
        let inspectors = [(1, vec!["吴磊".to_string(), "黄伟".to_string()])].into();
        let csv = cases_csv(Lang::Zh, &[c], &inspectors);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0].split(',').count(), 9);
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        // Days overdue stay a number (issue 21, point 11); a formula does not.
        assert_eq!(csv_field("-45"), "\"-45\"");
        assert_eq!(csv_field("-4.5"), "\"-4.5\"");
        assert_eq!(csv_field("-1+1"), "\"'-1+1\"");
        assert_eq!(csv_field("-"), "\"'-\"");
        assert_eq!(
            lines[1],
            "\"鹿人社监案〔2026〕016号\",\"调查取证\",\"某\"\"恒信\"\"公司, 鹿泉\",\"\",\"\",\"\",\"否\",\"是\",\"吴磊、黄伟\""
        );
    }
}

//! The statutory clocks of a labour-inspection case (劳动保障监察): every due
//! date comes with the days it skipped and why, so a clerk can read it out.
//!
//! Counting: the start day is never counted. 二日/三日/五日/七日 in 行政处罚法
//! (art. 85) and any period of ten days or less in 行政强制法 (art. 69) count
//! working days; longer periods count calendar days or months, and a last day
//! that is not a working day moves to the next one (民事诉讼法 art. 85).

use super::calendar::WorkCalendar;
use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

/// The 陈述申辩 window when the locality sets none (DOMAIN.md §1: 3–5 days).
pub const DEFAULT_STATEMENT_DAYS: u32 = 5;

/// One statutory period of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Accept or refuse a complaint: 5 working days from receipt.
    Accept,
    /// Finish the investigation: 60 working days from 立案.
    Investigation,
    /// The investigation extended once by 30 working days (60 + 30).
    Extension,
    /// 陈述申辩 after the prior notice is served, in working days.
    Statement(u32),
    /// Ask for a hearing within 5 working days of the notice.
    HearingRequest,
    /// Notify the hearing 7 working days before it is held.
    HearingNotice,
    /// Serve a decision within 7 working days.
    Service,
    /// Pay a fine within 15 calendar days of service.
    FinePayment,
    /// Apply for 行政复议 within 60 calendar days of service.
    ReviewWindow,
    /// Sue within 6 calendar months of service.
    LawsuitWindow,
    /// Wait 10 working days after a written 催告 is served.
    Reminder,
    /// Apply to court within 3 months after the relief windows lapse.
    CourtApplication,
}

/// How a rule counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    WorkingDays(u32),
    CalendarDays(u32),
    Months(u32),
}

impl Rule {
    /// A stable code for JSON and the database.
    pub fn code(self) -> &'static str {
        match self {
            Rule::Accept => "accept",
            Rule::Investigation => "investigation",
            Rule::Extension => "extension",
            Rule::Statement(_) => "statement",
            Rule::HearingRequest => "hearing-request",
            Rule::HearingNotice => "hearing-notice",
            Rule::Service => "service",
            Rule::FinePayment => "fine-payment",
            Rule::ReviewWindow => "review-window",
            Rule::LawsuitWindow => "lawsuit-window",
            Rule::Reminder => "reminder",
            Rule::CourtApplication => "court-application",
        }
    }

    /// The period the rule itself sets; `Extension` is the 30 it adds.
    pub fn period(self) -> Period {
        match self {
            Rule::Accept | Rule::HearingRequest => Period::WorkingDays(5),
            Rule::Investigation => Period::WorkingDays(INVESTIGATION_DAYS),
            Rule::Extension => Period::WorkingDays(EXTENSION_DAYS),
            Rule::Statement(n) => Period::WorkingDays(n),
            // 行政处罚法 art. 85 makes both 七日 working days.
            Rule::HearingNotice | Rule::Service => Period::WorkingDays(7),
            Rule::FinePayment => Period::CalendarDays(15),
            Rule::ReviewWindow => Period::CalendarDays(60),
            Rule::LawsuitWindow => Period::Months(6),
            // 行政强制法 art. 69: ten days or less are working days.
            Rule::Reminder => Period::WorkingDays(10),
            Rule::CourtApplication => Period::Months(3),
        }
    }

    /// The provision the period comes from.
    pub fn basis(self) -> &'static str {
        match self {
            Rule::Accept => "关于实施《劳动保障监察条例》若干规定 第十八条",
            Rule::Investigation | Rule::Extension => "劳动保障监察条例 第十七条",
            Rule::Statement(_) => "行政处罚法 第四十五条（期限由本地规定）",
            Rule::HearingRequest | Rule::HearingNotice => "行政处罚法 第六十四条、第八十五条",
            Rule::Service => "行政处罚法 第六十一条、第八十五条",
            Rule::FinePayment => "行政处罚法 第六十七条",
            Rule::ReviewWindow => "行政复议法 第二十条",
            Rule::LawsuitWindow => "行政诉讼法 第四十六条",
            Rule::Reminder => "行政强制法 第五十四条、第六十九条",
            Rule::CourtApplication => "行政强制法 第五十三条",
        }
    }

    /// The clock's name.
    pub fn label(self, zh: bool) -> &'static str {
        let (z, e) = match self {
            Rule::Accept => ("受理期限", "acceptance"),
            Rule::Investigation => ("调查期限", "investigation"),
            Rule::Extension => ("延长后调查期限", "extended investigation"),
            Rule::Statement(_) => ("陈述申辩期限", "statement window"),
            Rule::HearingRequest => ("听证申请期限", "hearing request window"),
            Rule::HearingNotice => ("听证通知最迟日", "latest hearing notice"),
            Rule::Service => ("送达期限", "service"),
            Rule::FinePayment => ("罚款缴纳期限", "fine payment"),
            Rule::ReviewWindow => ("复议期限", "review window"),
            Rule::LawsuitWindow => ("诉讼期限", "lawsuit window"),
            Rule::Reminder => ("催告期", "reminder wait"),
            Rule::CourtApplication => ("申请强制执行期限", "court application"),
        };
        if zh { z } else { e }
    }

    /// What happened on the start day.
    fn start_label(self, zh: bool) -> &'static str {
        let (z, e) = match self {
            Rule::Accept => ("收到投诉举报", "Complaint or report received"),
            Rule::Investigation | Rule::Extension => ("立案", "Case opened"),
            Rule::Statement(_) | Rule::HearingRequest => ("告知书送达", "Prior notice served"),
            Rule::HearingNotice => ("听证", "Hearing on"),
            Rule::Service => ("作出决定", "Decided"),
            Rule::FinePayment | Rule::ReviewWindow | Rule::LawsuitWindow => {
                ("决定书送达", "Decision served")
            }
            Rule::Reminder => ("催告书送达", "Reminder served"),
            Rule::CourtApplication => ("救济期限届满", "Relief windows lapsed"),
        };
        if zh { z } else { e }
    }
}

const INVESTIGATION_DAYS: u32 = 60;
const EXTENSION_DAYS: u32 = 30;

/// Why a day between start and due did not count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    Weekend,
    /// A public holiday, by its name in the yearly notice.
    Holiday(String),
    /// A working day inside a suspension (中止) of the case.
    Suspended,
}

/// A due date with its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub rule: Rule,
    /// The day counting starts after (for `HearingNotice`, counts back from).
    pub start: NaiveDate,
    pub due: NaiveDate,
    /// Rests on a calendar year whose holiday table is not published.
    pub provisional: bool,
    /// The days that did not count, oldest first. For calendar-day and month
    /// periods every day counts: these are the days the last day moved over.
    pub skipped: Vec<(NaiveDate, Skip)>,
    /// Weekend days counted because they are 调休 working days (for calendar
    /// periods: the last day, when it stays on one).
    pub make_up: Vec<NaiveDate>,
    /// `due` is the first day an act becomes possible (a wait has run out),
    /// not the last day for it: the earliest court application.
    pub opens: bool,
    /// An open suspension stops the clock: `due` assumes it resumes tomorrow
    /// and moves one working day later for each working day it does not.
    pub stopped: bool,
    /// The periods this one waits for, when it follows others.
    pub after: Vec<Explained>,
}

impl Explained {
    fn new(rule: Rule, start: NaiveDate, due: NaiveDate) -> Self {
        Explained {
            rule,
            start,
            due,
            provisional: false,
            skipped: Vec::new(),
            make_up: Vec::new(),
            opens: false,
            stopped: false,
            after: Vec::new(),
        }
    }

    /// One line for the clerk, Chinese when `zh`, else English: start, period,
    /// the holidays, weekends and suspended days skipped, the 调休 days counted.
    pub fn describe(&self, zh: bool) -> String {
        let mut s = self.head(zh);
        let skips = summary(&self.skipped, zh);
        let calendar = matches!(
            self.rule.period(),
            Period::CalendarDays(_) | Period::Months(_)
        ) && !self.opens;
        match (skips.is_empty(), calendar, zh) {
            (true, _, _) => {}
            (false, true, true) => {
                s += &format!(
                    "，末日 {} 逢{}，顺延",
                    self.skipped[0].0,
                    names(&self.skipped, true)
                )
            }
            (false, true, false) => {
                s += &format!(
                    ", last day {} falls on {}, moved",
                    self.skipped[0].0,
                    names(&self.skipped, false)
                )
            }
            (false, false, true) => s += &format!("，跳过{skips}"),
            (false, false, false) => s += &format!(", skipping {skips}"),
        }
        if !self.make_up.is_empty() {
            let days = join(self.make_up.iter().map(ToString::to_string), zh);
            s += &if zh {
                format!("，调休上班日 {days} 照常计算")
            } else if self.make_up.len() == 1 {
                format!(", make-up working day {days} counted")
            } else {
                format!(", make-up working days {days} counted")
            };
        }
        s += &match (self.rule, self.opens, zh) {
            (_, true, true) => format!(" → 最早 {} 可申请法院强制执行", self.due),
            (_, true, false) => format!(" → court application from {}", self.due),
            (Rule::HearingNotice, _, true) => format!(" → 最迟 {} 通知", self.due),
            (Rule::HearingNotice, _, false) => format!(" → notify by {}", self.due),
            _ => format!(" → {}", self.due),
        };
        if self.opens && !self.after.iter().any(|w| w.rule == Rule::Reminder) {
            s += if zh {
                "（尚未送达催告书，须先催告）"
            } else {
                " (no reminder served yet: serve one first)"
            };
        }
        if self.stopped {
            s += if zh {
                "（案件中止中，按明日恢复计算）"
            } else {
                " (suspended: assumes the clock resumes tomorrow)"
            };
        }
        if self.provisional {
            s += if zh {
                "（暂定：涉及尚未公布节假日安排的年份）"
            } else {
                " (provisional: reaches a year whose holiday table is not published)"
            };
        }
        s
    }

    /// `describe` for an interface language.
    pub fn describe_in(&self, lang: Lang) -> String {
        self.describe(lang == Lang::Zh)
    }

    /// Start and period: "立案 2026-09-28 起 60 个工作日".
    fn head(&self, zh: bool) -> String {
        let (what, start) = (self.rule.start_label(zh), self.start);
        if self.opens {
            let waits = self.after.iter().map(|w| {
                if zh {
                    format!("{} {} 届满", w.rule.label(true), w.due)
                } else {
                    format!("{} ends {}", w.rule.label(false), w.due)
                }
            });
            let line = join(waits, zh);
            // English starts a sentence with a capital; Chinese has none.
            let mut chars = line.chars();
            return match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => line,
            };
        }
        let n = match (self.rule, self.rule.period()) {
            (Rule::Extension, _) => format!("{INVESTIGATION_DAYS}+{EXTENSION_DAYS}"),
            (_, Period::WorkingDays(n) | Period::CalendarDays(n) | Period::Months(n)) => {
                n.to_string()
            }
        };
        match (self.rule, self.rule.period(), zh) {
            (Rule::HearingNotice, _, true) => format!("{what} {start} 前 {n} 个工作日"),
            (Rule::HearingNotice, _, false) => format!("{what} {start}: {n} working days before"),
            (_, Period::WorkingDays(_), true) => format!("{what} {start} 起 {n} 个工作日"),
            (_, Period::WorkingDays(_), false) => format!("{what} {start}: {n} working days"),
            (_, Period::CalendarDays(_), true) => format!("{what} {start} 起 {n} 日"),
            (_, Period::CalendarDays(_), false) => format!("{what} {start}: {n} days"),
            (_, Period::Months(_), true) => format!("{what} {start} 起 {n} 个月"),
            (_, Period::Months(_), false) => format!("{what} {start}: {n} months"),
        }
    }
}

fn join(items: impl Iterator<Item = String>, zh: bool) -> String {
    items.collect::<Vec<_>>().join(if zh { "、" } else { ", " })
}

/// "国庆节假期 7 天、周末 21 天、中止 10 个工作日", in order of first
/// appearance; 假期 keeps a name like "国庆节、中秋节" apart from the list.
fn summary(skipped: &[(NaiveDate, Skip)], zh: bool) -> String {
    let mut groups: Vec<(&Skip, usize)> = Vec::new();
    for (_, k) in skipped {
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, n)) => *n += 1,
            None => groups.push((k, 1)),
        }
    }
    let plural = |n: usize, what: &str| {
        if n == 1 {
            format!("1 {what}")
        } else {
            format!("{n} {what}s")
        }
    };
    join(
        groups.into_iter().map(|(k, n)| match (k, zh) {
            (Skip::Holiday(name), true) => format!("{name}假期 {n} 天"),
            (Skip::Holiday(name), false) => format!("{} of {}", plural(n, "day"), holiday_en(name)),
            (Skip::Weekend, true) => format!("周末 {n} 天"),
            (Skip::Weekend, false) => plural(n, "weekend day"),
            (Skip::Suspended, true) => format!("中止 {n} 个工作日"),
            (Skip::Suspended, false) => plural(n, "suspended working day"),
        }),
        zh,
    )
}

/// The distinct reasons only: "国庆节" or "周末".
fn names(skipped: &[(NaiveDate, Skip)], zh: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    for (_, k) in skipped {
        let name = match (k, zh) {
            (Skip::Holiday(name), true) => format!("{name}假期"),
            (Skip::Holiday(name), false) => holiday_en(name),
            (Skip::Weekend, true) => "周末".into(),
            (Skip::Weekend, false) => "a weekend".into(),
            (Skip::Suspended, true) => "中止".into(),
            (Skip::Suspended, false) => "a suspension".into(),
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    join(out.into_iter(), zh)
}

/// "National Day (国庆节)": the notice's name kept, since the tables are data
/// and may name a holiday this list does not know.
fn holiday_en(name: &str) -> String {
    let known: Option<Vec<&str>> = name
        .split('、')
        .map(|part| match part.trim() {
            "元旦" => Some("New Year's Day"),
            "春节" => Some("Spring Festival"),
            "清明节" => Some("Qingming Festival"),
            "劳动节" => Some("Labour Day"),
            "端午节" => Some("Dragon Boat Festival"),
            "中秋节" => Some("Mid-Autumn Festival"),
            "国庆节" => Some("National Day"),
            _ => None,
        })
        .collect();
    match known {
        Some(parts) => format!("{} ({name})", parts.join(" and ")),
        None => name.to_string(),
    }
}

/// A case's suspension (中止): `[from, to]` inclusive; `to` None while it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suspension {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Suspension {
    /// An open suspension covers `from` through `today` (at least its first day).
    fn covers(&self, d: NaiveDate, today: NaiveDate) -> bool {
        let to = self.to.unwrap_or(today.max(self.from));
        self.from <= d && d <= to
    }
}

fn skip_of(cal: &WorkCalendar, d: NaiveDate) -> Option<Skip> {
    if cal.is_working_day(d) {
        None
    } else {
        Some(match cal.holiday_name(d) {
            Some(name) => Skip::Holiday(name.to_string()),
            None => Skip::Weekend,
        })
    }
}

fn any_unpublished(cal: &WorkCalendar, a: NaiveDate, b: NaiveDate) -> bool {
    let (lo, hi) = (a.min(b).year(), a.max(b).year());
    (lo..=hi).any(|y| !cal.is_published(y))
}

/// Counts `n` working days from `start` (not counted), forward or back,
/// leaving out suspended days, and records what it skipped.
fn count_working(
    cal: &WorkCalendar,
    rule: Rule,
    start: NaiveDate,
    n: u32,
    back: bool,
    suspended: impl Fn(NaiveDate) -> bool,
) -> Explained {
    let mut e = Explained::new(rule, start, start);
    let mut d = start;
    let mut left = n;
    while left > 0 {
        let step = if back { d.pred_opt() } else { d.succ_opt() };
        let Some(next) = step else { break };
        d = next;
        if let Some(skip) = skip_of(cal, d) {
            e.skipped.push((d, skip));
        } else if suspended(d) {
            e.skipped.push((d, Skip::Suspended));
        } else {
            if cal.is_make_up_day(d) {
                e.make_up.push(d);
            }
            left -= 1;
        }
    }
    if back {
        e.skipped.reverse();
        e.make_up.reverse();
    }
    e.due = d;
    e.provisional = any_unpublished(cal, start, d);
    e
}

fn working(cal: &WorkCalendar, rule: Rule, start: NaiveDate, n: u32) -> Explained {
    count_working(cal, rule, start, n, false, |_| false)
}

/// A calendar period from `start` whose nominal last day is `nominal`.
fn calendar(
    cal: &WorkCalendar,
    rule: Rule,
    start: NaiveDate,
    nominal: NaiveDate,
    due: super::Deadline,
) -> Explained {
    let mut e = Explained::new(rule, start, due.date);
    e.provisional = due.provisional;
    e.skipped = nominal
        .iter_days()
        .take_while(|d| *d < due.date)
        .filter_map(|d| skip_of(cal, d).map(|k| (d, k)))
        .collect();
    if cal.is_make_up_day(due.date) {
        e.make_up.push(due.date);
    }
    e
}

/// Accept or refuse a complaint.
pub fn accept_due(cal: &WorkCalendar, received: NaiveDate) -> Explained {
    working(cal, Rule::Accept, received, 5)
}

/// The investigation's last day: 60 working days from 立案, 90 when the
/// bureau head extended it; working days inside a suspension do not count.
///
/// An open suspension is taken to cover `today`: the due date is the one
/// the case would have if it resumed tomorrow, and `stopped` is set, because
/// an end date nobody knows cannot be guessed.
pub fn investigation_due(
    cal: &WorkCalendar,
    opened: NaiveDate,
    extended: bool,
    suspensions: &[Suspension],
    today: NaiveDate,
) -> Explained {
    let (rule, n) = if extended {
        (Rule::Extension, INVESTIGATION_DAYS + EXTENSION_DAYS)
    } else {
        (Rule::Investigation, INVESTIGATION_DAYS)
    };
    let mut e = count_working(cal, rule, opened, n, false, |d| {
        suspensions.iter().any(|s| s.covers(d, today))
    });
    // A suspension opened after the clock ran out does not stop it.
    e.stopped = suspensions
        .iter()
        .any(|s| s.to.is_none() && s.from <= e.due);
    e
}

/// The 陈述申辩 window after the prior notice (`window` from configuration;
/// `DEFAULT_STATEMENT_DAYS` when the locality sets none).
pub fn statement_due(cal: &WorkCalendar, notice_served: NaiveDate, window: u32) -> Explained {
    working(cal, Rule::Statement(window), notice_served, window)
}

/// The last day to ask for a hearing.
pub fn hearing_request_due(cal: &WorkCalendar, notice_served: NaiveDate) -> Explained {
    working(cal, Rule::HearingRequest, notice_served, 5)
}

/// The latest day to notify a hearing held on `hearing_on`: 7 working days
/// before it, counted back with the hearing day not counted. Art. 64 says
/// 七日 and art. 85 makes every 七日 of 行政处罚法 working days, the hearing
/// notice's as much as service's.
pub fn hearing_notice_latest(cal: &WorkCalendar, hearing_on: NaiveDate) -> Explained {
    count_working(cal, Rule::HearingNotice, hearing_on, 7, true, |_| false)
}

/// The last day to serve a decision not handed over when announced: 七日
/// (行政处罚法 art. 61), working days by art. 85.
pub fn service_due(cal: &WorkCalendar, decided: NaiveDate) -> Explained {
    working(cal, Rule::Service, decided, 7)
}

/// The last day to pay a fine.
pub fn fine_due(cal: &WorkCalendar, served: NaiveDate) -> Explained {
    calendar_days(cal, Rule::FinePayment, served, 15)
}

/// The last day to apply for 行政复议.
pub fn review_window_due(cal: &WorkCalendar, served: NaiveDate) -> Explained {
    calendar_days(cal, Rule::ReviewWindow, served, 60)
}

/// The last day to sue.
pub fn lawsuit_window_due(cal: &WorkCalendar, served: NaiveDate) -> Explained {
    let nominal = served
        .checked_add_months(chrono::Months::new(6))
        .unwrap_or(NaiveDate::MAX);
    calendar(
        cal,
        Rule::LawsuitWindow,
        served,
        nominal,
        cal.add_calendar_months(served, 6),
    )
}

/// The last day of the 10 working days a served 催告 must be left to run.
pub fn reminder_due(cal: &WorkCalendar, reminder_served: NaiveDate) -> Explained {
    working(cal, Rule::Reminder, reminder_served, 10)
}

fn calendar_days(cal: &WorkCalendar, rule: Rule, start: NaiveDate, n: u32) -> Explained {
    let nominal = start
        .checked_add_days(chrono::Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX);
    calendar(cal, rule, start, nominal, cal.add_calendar_days(start, n))
}

/// 加处罚款: 3 % of the fine for each calendar day after `due`, never more
/// than the fine (行政处罚法 art. 72). Rounded down to the fen, so the party
/// is never charged a fraction it does not owe.
pub fn late_fee(fine_fen: i64, due: NaiveDate, on: NaiveDate) -> i64 {
    if fine_fen <= 0 || on <= due {
        return 0;
    }
    let days = i128::from((on - due).num_days());
    let fine = i128::from(fine_fen);
    // i128: a fine near i64::MAX times thousands of days must not overflow.
    (fine * 3 * days / 100).min(fine) as i64
}

/// When the bureau may apply to court to enforce a decision served on
/// `served` that was neither paid nor challenged: `(earliest, latest)`.
///
/// Earliest: the first working day after the review window, the lawsuit
/// window and the 10-working-day wait after the 催告 have all run out; with
/// no 催告 served yet it is computed from the windows alone and says so.
/// Latest: 3 months from the day the relief windows lapse (art. 53), which
/// the 催告 does not move; earliest after latest means the 催告 came too late.
pub fn court_application_window(
    cal: &WorkCalendar,
    served: NaiveDate,
    reminder_served: Option<NaiveDate>,
) -> (Explained, Explained) {
    let review = review_window_due(cal, served);
    let lawsuit = lawsuit_window_due(cal, served);
    let lapse = review.due.max(lawsuit.due);
    let mut waits = vec![review, lawsuit];
    waits.extend(reminder_served.map(|r| reminder_due(cal, r)));
    let waited = waits.iter().map(|w| w.due).max().unwrap_or(lapse);

    let mut earliest = working(cal, Rule::CourtApplication, waited, 1);
    earliest.opens = true;
    earliest.provisional |= waits.iter().any(|w| w.provisional);
    earliest.after = waits.clone();

    let nominal = lapse
        .checked_add_months(chrono::Months::new(3))
        .unwrap_or(NaiveDate::MAX);
    let mut latest = calendar(
        cal,
        Rule::CourtApplication,
        lapse,
        nominal,
        cal.add_calendar_months(lapse, 3),
    );
    latest.provisional |= waits[..2].iter().any(|w| w.provisional);
    waits.truncate(2);
    latest.after = waits;
    (earliest, latest)
}

/// Working days from `today` to `due`: 0 on the day itself, negative when
/// overdue. An overdue clock is at least −1 even over a weekend, so it never
/// reads like one due today.
pub fn working_days_left(cal: &WorkCalendar, today: NaiveDate, due: NaiveDate) -> i64 {
    let n = cal.working_days_between(today, due);
    if today > due { n.min(-1) } else { n }
}

#[cfg(test)]
mod tests;

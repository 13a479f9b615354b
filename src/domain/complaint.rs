//! Complaint intake (投诉登记, 劳社部令25 art 18; 条例 arts 20–21): what a
//! complaint must carry, and the decision due within 5 working days —
//! accept (a case is registered), refuse in writing (older than the 2-year
//! limitation), ask to complete (补正: no respondent, no facts), refer (a
//! labour dispute goes to arbitration), or — the chief's finding — tell the
//! complainant it is not this bureau's and where to turn (劳社部令25 art 18).

use super::kinds::InspectionMatter;
use chrono::NaiveDate;

/// Channels a complaint comes by (the schema's list).
pub const CHANNELS: [&str; 5] = ["window", "hotline", "online", "letter", "referred"];

/// What intake needs to know of a complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    pub complainant: String,
    /// The complainant's ID number, if given (checked, never shown whole).
    pub complainant_id: String,
    pub respondent: String,
    pub respondent_known: bool,
    pub matters: Vec<InspectionMatter>,
    pub facts: String,
    pub channel: String,
    pub received_on: NaiveDate,
    /// When the violation happened, or ended if it continued.
    pub violation_on: Option<NaiveDate>,
    /// A dispute between the parties (pay owed under a contract, dismissal…)
    /// that is for labour arbitration rather than inspection.
    pub labour_dispute: bool,
}

/// What cannot be taken in at all (the form is refused on the spot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeError {
    NoComplainant,
    /// The complainant's ID number, when given, fails its check.
    BadIdNumber,
    UnknownChannel(String),
    ReceivedInFuture,
    ViolationAfterReceipt,
    /// A name or the facts longer than a complaint's record takes: the
    /// field and its limit in characters.
    TooLong(&'static str, usize),
}

/// The decision the rules lead to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Accept,
    /// Written refusal: the violation is older than two years (条例 art 20).
    RefuseLimitation {
        years: i64,
    },
    /// Ask the complainant to complete the complaint (补正).
    Correction {
        missing: Vec<Missing>,
    },
    /// Refer to labour arbitration (条例 art 21).
    ReferArbitration,
    /// Not this bureau's (劳社部令25 art 18, the third condition of
    /// acceptance): within labour-inspection competence but another
    /// bureau's jurisdiction, the complainant is told which bureau to
    /// complain to (告知投诉人向有关劳动保障行政部门提出); outside that
    /// competence, told so and where to turn. `to` is that place, as the
    /// chief names it.
    Elsewhere {
        to: String,
    },
}

/// The longest name of the place a complaint is sent elsewhere to.
pub const ELSEWHERE_MAX_CHARS: usize = 100;

/// Why the place named for a complaint sent elsewhere is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElsewhereError {
    Empty,
    TooLong,
    /// A line break or another control character: the name is one line of
    /// the notice.
    NotOneLine,
}

/// The chief's finding that a complaint is not this bureau's, to `to`
/// (trimmed): one line, at most `ELSEWHERE_MAX_CHARS` characters.
pub fn elsewhere(to: &str) -> Result<Outcome, ElsewhereError> {
    let to = to.trim();
    if to.is_empty() {
        return Err(ElsewhereError::Empty);
    }
    if to.chars().count() > ELSEWHERE_MAX_CHARS {
        return Err(ElsewhereError::TooLong);
    }
    if to.chars().any(char::is_control) {
        return Err(ElsewhereError::NotOneLine);
    }
    Ok(Outcome::Elsewhere { to: to.to_string() })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Respondent,
    Facts,
    Matter,
}

impl Outcome {
    /// The code stored in `complaint.decision`.
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Accept => "accepted",
            Outcome::RefuseLimitation { .. } => "refused",
            Outcome::Correction { .. } => "correction",
            Outcome::ReferArbitration => "referred",
            Outcome::Elsewhere { .. } => "elsewhere",
        }
    }

    /// The written notice to the complainant this decision calls for: a
    /// refusal is notified in writing (劳社部令25 art 18: 书面通知投诉人),
    /// and so is where to turn for a complaint not this bureau's — or one
    /// to be settled as a labour dispute (条例 art 21 para 2: 告知投诉人依照
    /// 劳动争议处理或者诉讼的程序办理), told in the same 告知书 so that the
    /// telling is on file.
    pub fn notice(&self) -> Option<super::documents::DocKind> {
        use super::documents::DocKind;
        match self {
            Outcome::RefuseLimitation { .. } => Some(DocKind::ComplaintRefusal),
            Outcome::Elsewhere { .. } | Outcome::ReferArbitration => {
                Some(DocKind::ComplaintElsewhere)
            }
            Outcome::Accept | Outcome::Correction { .. } => None,
        }
    }
}

/// Whether the complaint can be registered at all.
pub fn check_intake(i: &Intake, today: NaiveDate) -> Result<(), IntakeError> {
    if i.complainant.trim().is_empty() {
        return Err(IntakeError::NoComplainant);
    }
    use super::procedure::acts::{FACTS_MAX_CHARS, NAME_MAX_CHARS};
    for (field, text, max) in [
        ("complainant", &i.complainant, NAME_MAX_CHARS),
        ("respondent", &i.respondent, NAME_MAX_CHARS),
        ("facts", &i.facts, FACTS_MAX_CHARS),
    ] {
        if text.chars().count() > max {
            return Err(IntakeError::TooLong(field, max));
        }
    }
    if !i.complainant_id.trim().is_empty()
        && super::ResidentId::parse(&i.complainant_id, today).is_err()
    {
        return Err(IntakeError::BadIdNumber);
    }
    if !CHANNELS.contains(&i.channel.as_str()) {
        return Err(IntakeError::UnknownChannel(i.channel.clone()));
    }
    if i.received_on > today {
        return Err(IntakeError::ReceivedInFuture);
    }
    if i.violation_on.is_some_and(|v| v > i.received_on) {
        return Err(IntakeError::ViolationAfterReceipt);
    }
    Ok(())
}

/// The decision the rules lead to for a complaint received on `received_on`.
pub fn decide(i: &Intake) -> Outcome {
    if let Some(v) = i.violation_on {
        // Two years from the act (or its end): the same day two years on is
        // still inside, the day after is not.
        let limit = v
            .checked_add_months(chrono::Months::new(24))
            .unwrap_or(NaiveDate::MAX);
        if i.received_on > limit {
            let years = i64::from(i.received_on.years_since(v).unwrap_or(0));
            return Outcome::RefuseLimitation { years };
        }
    }
    if i.labour_dispute {
        return Outcome::ReferArbitration;
    }
    let mut missing = Vec::new();
    if !i.respondent_known && i.respondent.trim().is_empty() {
        missing.push(Missing::Respondent);
    }
    if i.facts.trim().is_empty() {
        missing.push(Missing::Facts);
    }
    if i.matters.is_empty() {
        missing.push(Missing::Matter);
    }
    if missing.is_empty() {
        Outcome::Accept
    } else {
        Outcome::Correction { missing }
    }
}

/// The first day of receipt whose complaints are not yet overdue on
/// `today`: a complaint received before it is past its decision day, 5
/// working days from receipt (劳社部令25 art 18, as `clocks::accept_due`
/// counts them).
pub fn overdue_before(cal: &super::WorkCalendar, today: NaiveDate) -> NaiveDate {
    // Stepping back from today over the days whose due day is today or later.
    let mut first = today;
    while let Some(before) = first.pred_opt()
        && super::clocks::accept_due(cal, before).due >= today
    {
        first = before;
    }
    first
}

/// A case number: 鹿人社监案〔2026〕017号.
pub fn case_number(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}〔{year}〕{seq:03}号")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn intake() -> Intake {
        Intake {
            complainant: "张伟".into(),
            complainant_id: "360426199101010071".into(),
            respondent: "石家庄市鹿泉区恒信建筑工程有限公司".into(),
            respondent_known: true,
            matters: vec![InspectionMatter::Wages],
            facts: "拖欠三个月工资".into(),
            channel: "hotline".into(),
            received_on: d(2026, 11, 27),
            violation_on: Some(d(2026, 8, 31)),
            labour_dispute: false,
        }
    }

    #[test]
    fn a_complete_timely_complaint_is_accepted() {
        assert_eq!(decide(&intake()), Outcome::Accept);
        assert_eq!(check_intake(&intake(), d(2026, 11, 27)), Ok(()));
    }

    #[test]
    fn a_violation_older_than_two_years_is_refused_in_writing() {
        let mut i = intake();
        i.violation_on = Some(d(2024, 11, 27));
        assert_eq!(
            decide(&i),
            Outcome::Accept,
            "two years to the day is inside"
        );
        i.violation_on = Some(d(2024, 11, 26));
        assert_eq!(decide(&i), Outcome::RefuseLimitation { years: 2 });
    }

    #[test]
    fn a_missing_respondent_or_facts_asks_for_completion_and_a_dispute_is_referred() {
        let mut i = intake();
        i.respondent_known = false;
        i.respondent = " ".into();
        i.facts = String::new();
        assert_eq!(
            decide(&i),
            Outcome::Correction {
                missing: vec![Missing::Respondent, Missing::Facts]
            }
        );
        let mut dispute = intake();
        dispute.labour_dispute = true;
        assert_eq!(decide(&dispute), Outcome::ReferArbitration);
    }

    #[test]
    fn a_form_without_complainant_or_with_impossible_dates_is_not_taken() {
        let today = d(2026, 11, 27);
        let mut i = intake();
        i.channel = "pigeon".into();
        assert_eq!(
            check_intake(&i, today),
            Err(IntakeError::UnknownChannel("pigeon".into()))
        );
        let mut i = intake();
        i.received_on = d(2026, 11, 28);
        assert_eq!(check_intake(&i, today), Err(IntakeError::ReceivedInFuture));
        let mut i = intake();
        i.violation_on = Some(d(2026, 11, 28));
        i.received_on = today;
        assert_eq!(
            check_intake(&i, today),
            Err(IntakeError::ViolationAfterReceipt)
        );
        let mut i = intake();
        i.complainant = " ".into();
        assert_eq!(check_intake(&i, today), Err(IntakeError::NoComplainant));
        let mut i = intake();
        i.complainant_id = "360426199101010072".into();
        assert_eq!(check_intake(&i, today), Err(IntakeError::BadIdNumber));
    }

    #[test]
    fn a_complaint_is_overdue_once_its_fifth_working_day_has_passed() {
        let cal = crate::domain::WorkCalendar::default();
        // Friday 27 November 2026: received Friday 20th, due Friday 27th, not
        // yet overdue; received Thursday 19th, due Thursday 26th, overdue.
        assert_eq!(overdue_before(&cal, d(2026, 11, 27)), d(2026, 11, 20));
        // Monday 30th: one received on Sunday 22nd was due on Friday 27th.
        assert_eq!(overdue_before(&cal, d(2026, 11, 30)), d(2026, 11, 23));
    }

    /// 劳社部令25 art 18: a complaint not this bureau's is answered with
    /// where to turn, named in one line; it, a dispute and a refusal are
    /// answered in writing, an acceptance and a request to complete not by
    /// this program's notices.
    #[test]
    fn a_complaint_not_ours_names_where_to_turn_in_one_line() {
        use crate::domain::documents::DocKind;
        let o = elsewhere("  石家庄市桥西区人力资源和社会保障局 ").unwrap();
        assert_eq!(
            o,
            Outcome::Elsewhere {
                to: "石家庄市桥西区人力资源和社会保障局".into()
            }
        );
        assert_eq!(o.code(), "elsewhere");
        assert_eq!(o.notice(), Some(DocKind::ComplaintElsewhere));
        assert_eq!(elsewhere(" "), Err(ElsewhereError::Empty));
        assert_eq!(elsewhere("某局\n某处"), Err(ElsewhereError::NotOneLine));
        let long = "局".repeat(ELSEWHERE_MAX_CHARS + 1);
        assert_eq!(elsewhere(&long), Err(ElsewhereError::TooLong));
        assert!(elsewhere(&long[3..]).is_ok());
        assert_eq!(
            Outcome::RefuseLimitation { years: 3 }.notice(),
            Some(DocKind::ComplaintRefusal)
        );
        assert_eq!(Outcome::Accept.notice(), None);
        // 条例 art 21 para 2: a dispute is told the dispute procedure, in
        // the same written 告知书.
        assert_eq!(
            Outcome::ReferArbitration.notice(),
            Some(DocKind::ComplaintElsewhere)
        );
        assert_eq!(
            Outcome::Correction {
                missing: vec![Missing::Facts]
            }
            .notice(),
            None
        );
        // The code is one of the vocabulary's, as the schema allows it.
        assert!(crate::domain::ComplaintDecision::parse(o.code()).is_some());
    }

    #[test]
    fn case_numbers_follow_the_bureaus_form() {
        assert_eq!(
            case_number("鹿人社监案", 2026, 17),
            "鹿人社监案〔2026〕017号"
        );
    }
}

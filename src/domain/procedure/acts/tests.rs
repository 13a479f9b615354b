//! The acts' dates, service, new cases by source, and what stays owed.

use super::*;
use crate::domain::calendar::CalendarFile;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn shipped() -> WorkCalendar {
    let file = CalendarFile::parse(include_str!("../../../../data/calendar.toml")).unwrap();
    WorkCalendar::from_years(&file.year)
}

#[test]
fn an_act_is_dated_on_or_before_the_day_it_is_recorded_and_not_before_the_last_act() {
    let today = d(2026, 11, 27);
    assert_eq!(
        check_act_date(d(2026, 11, 20), today, Some(d(2026, 11, 19))),
        Ok(())
    );
    assert_eq!(check_act_date(today, today, Some(today)), Ok(()));
    assert_eq!(
        check_act_date(d(2026, 11, 28), today, None),
        Err(DateRefusal::InFuture { today })
    );
    assert_eq!(
        check_act_date(d(2026, 11, 18), today, Some(d(2026, 11, 19))),
        Err(DateRefusal::BeforeLast {
            last: d(2026, 11, 19)
        })
    );
}

#[test]
fn service_by_public_notice_takes_effect_thirty_days_after_publication_the_rest_on_the_day() {
    // 民事诉讼法 (2021) art 95: 自发出公告之日起，经过三十日，即视为送达.
    let on = d(2026, 10, 9);
    assert_eq!(
        service_takes_effect(ServiceMethod::Notice, on),
        d(2026, 11, 8)
    );
    for m in [
        ServiceMethod::Direct,
        ServiceMethod::Left,
        ServiceMethod::Post,
        ServiceMethod::Electronic,
    ] {
        assert_eq!(service_takes_effect(m, on), on, "{m:?}");
    }
    assert!(serves(Move::PriorNotice) && serves(Move::Serve) && serves(Move::Remind));
    assert!(!serves(Move::Decide) && !serves(Move::Open));
}

fn new_case(source: CaseSource) -> NewCaseFacts {
    NewCaseFacts {
        source,
        respondent: "鹿泉区某建筑公司".into(),
        matters: vec![InspectionMatter::Wages],
        facts: "拖欠工资".into(),
        on: d(2026, 11, 20),
        anonymous: false,
        informant: String::new(),
        from_inspection: false,
    }
}

#[test]
fn a_report_may_be_anonymous_a_complaint_names_its_complainant() {
    let today = d(2026, 11, 27);
    let report = NewCaseFacts {
        anonymous: true,
        ..new_case(CaseSource::Report)
    };
    assert_eq!(check_new_case(&report, today), Ok(()));
    // A named report is fine too; an anonymous one names no one.
    let named = NewCaseFacts {
        informant: "张某".into(),
        ..new_case(CaseSource::Report)
    };
    assert_eq!(check_new_case(&named, today), Ok(()));
    let both = NewCaseFacts {
        informant: "张某".into(),
        ..report.clone()
    };
    assert_eq!(
        check_new_case(&both, today),
        Err(OpenRefusal::AnonymousNamed)
    );
    assert_eq!(
        check_new_case(&new_case(CaseSource::Complaint), today),
        Err(OpenRefusal::ComplainantNeeded)
    );
    let anonymous_patrol = NewCaseFacts {
        anonymous: true,
        ..new_case(CaseSource::Patrol)
    };
    assert_eq!(
        check_new_case(&anonymous_patrol, today),
        Err(OpenRefusal::OnlyReportsAnonymous)
    );
}

#[test]
fn a_case_the_office_finds_needs_a_respondent_a_matter_and_a_day_not_ahead() {
    let today = d(2026, 11, 27);
    for s in [
        CaseSource::Patrol,
        CaseSource::WrittenReview,
        CaseSource::AnnualReview,
        CaseSource::Campaign,
        CaseSource::Audit,
    ] {
        assert!(found_by_office(s));
        let from_inspection = NewCaseFacts {
            from_inspection: true,
            ..new_case(s)
        };
        assert_eq!(check_new_case(&from_inspection, today), Ok(()), "{s:?}");
    }
    assert!(!found_by_office(CaseSource::Report));
    let c = new_case(CaseSource::Patrol);
    let no_one = NewCaseFacts {
        respondent: " ".into(),
        ..c.clone()
    };
    assert_eq!(
        check_new_case(&no_one, today),
        Err(OpenRefusal::NoRespondent)
    );
    let nothing = NewCaseFacts {
        matters: vec![],
        ..c.clone()
    };
    assert_eq!(check_new_case(&nothing, today), Err(OpenRefusal::NoMatters));
    let ahead = NewCaseFacts {
        on: d(2026, 11, 28),
        ..c.clone()
    };
    assert_eq!(check_new_case(&ahead, today), Err(OpenRefusal::InFuture));
    let long = NewCaseFacts {
        facts: "事".repeat(FACTS_MAX_CHARS + 1),
        ..c.clone()
    };
    assert_eq!(check_new_case(&long, today), Err(OpenRefusal::TooLong));
    let report_from_inspection = NewCaseFacts {
        from_inspection: true,
        ..new_case(CaseSource::Report)
    };
    assert_eq!(
        check_new_case(&report_from_inspection, today),
        Err(OpenRefusal::InspectionNotASource)
    );
}

#[test]
fn a_fine_paid_late_owes_three_percent_a_day_until_paid_and_never_more_than_itself() {
    let cal = shipped();
    // Served Monday 2 March 2026: 15 days → Tuesday 17 March is the last day.
    let served = d(2026, 3, 2);
    let fine = 10_000_00;
    let on_time = owed(
        &cal,
        fine,
        Some(served),
        &[(d(2026, 3, 17), fine)],
        d(2026, 3, 20),
        true,
    );
    assert_eq!(on_time.due, Some(d(2026, 3, 17)));
    assert_eq!((on_time.late_fee, on_time.outstanding()), (0, 0));
    assert!(on_time.paid_in_full());
    // Two days late: 6 % more is owed, and stops growing once the fine is met.
    let late = owed(
        &cal,
        fine,
        Some(served),
        &[(d(2026, 3, 19), fine)],
        d(2026, 4, 30),
        true,
    );
    assert_eq!(late.late_fee, 600_00);
    assert_eq!(late.outstanding(), 600_00);
    assert!(!late.paid_in_full());
    let settled = owed(
        &cal,
        fine,
        Some(served),
        &[(d(2026, 3, 19), fine), (d(2026, 3, 25), 600_00)],
        d(2026, 4, 30),
        true,
    );
    assert!(settled.paid_in_full());
    // Never paid: the late fee stops at the fine itself (art 72).
    let never = owed(&cal, fine, Some(served), &[], d(2026, 12, 31), true);
    assert_eq!(never.late_fee, fine);
    assert_eq!(never.outstanding(), 2 * fine);
    // Part paid on time: the fee still runs on the fine until it is met.
    let part = owed(
        &cal,
        fine,
        Some(served),
        &[(d(2026, 3, 10), 4_000_00)],
        d(2026, 3, 18),
        true,
    );
    assert_eq!((part.late_fee, part.outstanding()), (300_00, 6_300_00));
    // A payment dated after the day asked about does not count yet.
    let before = owed(
        &cal,
        fine,
        Some(served),
        &[(d(2026, 3, 19), fine)],
        d(2026, 3, 18),
        true,
    );
    assert_eq!(before.paid, 0);
    // A handling decision (wages owed) adds no 3 % a day: it is not a fine.
    let wages = owed(&cal, fine, Some(served), &[], d(2026, 12, 31), false);
    assert_eq!((wages.late_fee, wages.outstanding()), (0, fine));
    // A decision without an amount (a warning) is carried out once served.
    assert!(owed(&cal, 0, Some(served), &[], d(2026, 3, 3), true).paid_in_full());
}

#[test]
fn the_court_is_applied_to_after_the_reminders_wait_and_within_three_months_of_the_windows() {
    let cal = shipped();
    let served = d(2026, 3, 2);
    let reminder = d(2026, 9, 7);
    let (earliest, latest) =
        crate::domain::clocks::court_application_window(&cal, served, Some(reminder));
    assert!(!court_window_open(
        &cal,
        served,
        reminder,
        earliest.due.pred_opt().unwrap()
    ));
    assert!(court_window_open(&cal, served, reminder, earliest.due));
    assert!(court_window_open(&cal, served, reminder, latest.due));
    assert!(!court_window_open(
        &cal,
        served,
        reminder,
        latest.due.succ_opt().unwrap()
    ));
}

#[test]
fn a_hearing_is_notified_seven_working_days_ahead() {
    let cal = shipped();
    // Friday 20 November: 7 working days back is Wednesday 11 November.
    let hearing = d(2026, 11, 20);
    assert_eq!(check_hearing_notice(&cal, d(2026, 11, 11), hearing), Ok(()));
    assert_eq!(
        check_hearing_notice(&cal, d(2026, 11, 12), hearing),
        Err(crate::domain::procedure::Refusal::HearingNoticeLate {
            latest: d(2026, 11, 11)
        })
    );
}

#[test]
fn on_the_spot_only_a_warning_or_a_small_fine_on_a_numbered_form() {
    use crate::domain::kinds::{DecisionKind::*, PartyKind::*};
    // 行政处罚法 art 51: 200 yuan on a citizen (an individual business is one), 3,000 on an organisation.
    assert_eq!(
        check_on_the_spot(Person, Fine, 200_00, "DC-1", false),
        Ok(())
    );
    assert_eq!(
        check_on_the_spot(IndividualBusiness, Fine, 200_01, "DC-1", false),
        Err(SpotRefusal::OverLimit { limit: 200_00 })
    );
    assert_eq!(
        check_on_the_spot(Organisation, Fine, 3_000_00, "DC-1", false),
        Ok(())
    );
    assert_eq!(
        check_on_the_spot(Organisation, Warning, 0, "DC-1", false),
        Ok(())
    );
    assert_eq!(spot_kind(Handling), Err(SpotRefusal::NotWarningOrFine));
    assert_eq!(spot_kind(Confiscation), Err(SpotRefusal::NotWarningOrFine));
    assert_eq!(
        check_on_the_spot(Person, Fine, 100_00, " ", false),
        Err(SpotRefusal::NoNumber)
    );
    // Collected there and then only up to 100 yuan (art 68(1)).
    assert_eq!(
        check_on_the_spot(Person, Fine, 100_00, "DC-1", true),
        Ok(())
    );
    assert_eq!(
        check_on_the_spot(Organisation, Fine, 100_01, "DC-1", true),
        Err(SpotRefusal::CollectOverLimit)
    );
}

#[test]
fn filed_with_the_office_within_its_working_days() {
    let cal = shipped();
    // Friday 20 November, keyed in Tuesday 24th: two working days.
    assert!(filed_in_time(&cal, d(2026, 11, 20), d(2026, 11, 24), 2));
    assert!(!filed_in_time(&cal, d(2026, 11, 20), d(2026, 11, 25), 2));
}

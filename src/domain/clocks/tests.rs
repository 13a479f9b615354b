//! The legal clocks, worked through the calendar's holidays and make-up days.

use super::*;
use crate::domain::calendar::CalendarFile;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn shipped() -> WorkCalendar {
    let file = CalendarFile::parse(include_str!("../../../data/calendar.toml")).unwrap();
    WorkCalendar::from_years(&file.year)
}

fn holiday(name: &str) -> Skip {
    Skip::Holiday(name.to_string())
}

/// How many skipped days have this reason.
fn count(e: &Explained, why: &Skip) -> usize {
    e.skipped.iter().filter(|(_, k)| k == why).count()
}

fn days(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    from.iter_days().take_while(|x| *x <= to).collect()
}

#[test]
fn working_day_clocks_on_a_plain_week_count_from_the_day_after_and_skip_the_weekend() {
    let cal = shipped();
    let mon = d(2026, 3, 9);
    let accept = accept_due(&cal, mon);
    assert_eq!(accept.due, d(2026, 3, 16));
    assert_eq!(
        accept.skipped,
        vec![
            (d(2026, 3, 14), Skip::Weekend),
            (d(2026, 3, 15), Skip::Weekend)
        ]
    );
    assert!(accept.make_up.is_empty() && !accept.provisional);
    assert_eq!(hearing_request_due(&cal, mon).due, d(2026, 3, 16));
    assert_eq!(
        statement_due(&cal, mon, DEFAULT_STATEMENT_DAYS).due,
        d(2026, 3, 16)
    );
    // The window is the locality's: three days end on Thursday.
    let short = statement_due(&cal, mon, 3);
    assert_eq!(
        (short.rule, short.due),
        (Rule::Statement(3), d(2026, 3, 12))
    );
    // 七日 are working days (art. 85): Wednesday week, not the calendar 16th.
    assert_eq!(service_due(&cal, mon).due, d(2026, 3, 18));
    // Ten working days after a 催告 (行政强制法 art. 69), not the 19th.
    assert_eq!(reminder_due(&cal, mon).due, d(2026, 3, 23));
}

#[test]
fn the_hearing_notice_goes_out_seven_working_days_before_the_hearing() {
    let cal = shipped();
    // Hearing Fri 20 Mar: back over Sat 14 and Sun 15 to Wed 11 (calendar
    // days would give Fri 13).
    let e = hearing_notice_latest(&cal, d(2026, 3, 20));
    assert_eq!((e.start, e.due), (d(2026, 3, 20), d(2026, 3, 11)));
    assert_eq!(
        e.skipped,
        vec![
            (d(2026, 3, 14), Skip::Weekend),
            (d(2026, 3, 15), Skip::Weekend)
        ]
    );
}

#[test]
fn calendar_day_windows_on_a_plain_week_count_every_day_and_move_off_a_weekend() {
    let cal = shipped();
    // Served Mon 9 Mar + 15 = Tue 24 Mar: weekends inside count.
    let fine = fine_due(&cal, d(2026, 3, 9));
    assert_eq!(fine.due, d(2026, 3, 24));
    assert!(fine.skipped.is_empty());
    // Served Fri 6 Mar + 15 = Sat 21 Mar → Mon 23 Mar.
    let moved = fine_due(&cal, d(2026, 3, 6));
    assert_eq!(moved.due, d(2026, 3, 23));
    assert_eq!(
        moved.skipped,
        vec![
            (d(2026, 3, 21), Skip::Weekend),
            (d(2026, 3, 22), Skip::Weekend)
        ]
    );
    assert_eq!(review_window_due(&cal, d(2026, 3, 9)).due, d(2026, 5, 8));
    assert_eq!(lawsuit_window_due(&cal, d(2026, 3, 9)).due, d(2026, 9, 9));
}

#[test]
fn the_investigation_runs_sixty_working_days_past_qingming_and_labour_day() {
    let cal = shipped();
    let opened = d(2026, 3, 2);
    let e = investigation_due(&cal, opened, false, &[], opened);
    assert_eq!((e.rule, e.due), (Rule::Investigation, d(2026, 5, 28)));
    assert_eq!(count(&e, &holiday("清明节")), 3);
    assert_eq!(count(&e, &holiday("劳动节")), 5);
    // Sat 9 May is a 调休 working day and counts.
    assert_eq!(e.make_up, vec![d(2026, 5, 9)]);
    assert_eq!(cal.working_days_between(opened, e.due), 60);
    assert!(!e.stopped && !e.provisional);
}

#[test]
fn an_extension_adds_thirty_working_days_past_the_dragon_boat_festival() {
    let cal = shipped();
    let opened = d(2026, 3, 2);
    let e = investigation_due(&cal, opened, true, &[], opened);
    assert_eq!((e.rule, e.due), (Rule::Extension, d(2026, 7, 10)));
    assert_eq!(cal.working_days_between(d(2026, 5, 28), e.due), 30);
    assert_eq!(count(&e, &holiday("端午节")), 3);
}

#[test]
fn a_suspension_pauses_the_investigation_clock_and_it_resumes_after() {
    let cal = shipped();
    let opened = d(2026, 3, 2);
    // 16–27 Mar: ten working days stopped, so 28 May moves ten on.
    let s = [Suspension {
        from: d(2026, 3, 16),
        to: Some(d(2026, 3, 27)),
    }];
    let e = investigation_due(&cal, opened, false, &s, d(2026, 4, 1));
    assert_eq!(e.due, d(2026, 6, 11));
    assert_eq!(count(&e, &Skip::Suspended), 10);
    // A weekend inside the suspension is still a weekend.
    assert!(e.skipped.contains(&(d(2026, 3, 21), Skip::Weekend)));
    assert!(!e.stopped);
    // Counting resumes the day after: Mon 30 Mar counts.
    assert!(!e.skipped.iter().any(|(x, _)| *x == d(2026, 3, 30)));
    // A suspension before 立案 changes nothing.
    let before = [Suspension {
        from: d(2026, 2, 2),
        to: Some(d(2026, 3, 2)),
    }];
    let e = investigation_due(&cal, opened, false, &before, opened);
    assert_eq!(e.due, d(2026, 5, 28));
}

#[test]
fn an_open_suspension_stops_the_clock_as_if_it_resumed_tomorrow() {
    let cal = shipped();
    let opened = d(2026, 3, 2);
    let open = [Suspension {
        from: d(2026, 3, 16),
        to: None,
    }];
    let friday = investigation_due(&cal, opened, false, &open, d(2026, 3, 27));
    assert_eq!(friday.due, d(2026, 6, 11));
    assert!(friday.stopped);
    // Still suspended on Monday: one more working day lost.
    let monday = investigation_due(&cal, opened, false, &open, d(2026, 3, 30));
    assert_eq!(monday.due, d(2026, 6, 12));
    assert!(monday.describe(true).contains("中止中"));
    // A suspension opened after the clock ran out does not stop it.
    let late = [Suspension {
        from: d(2026, 6, 1),
        to: None,
    }];
    let e = investigation_due(&cal, opened, false, &late, d(2026, 6, 5));
    assert_eq!(e.due, d(2026, 5, 28));
    assert!(!e.stopped);
}

#[test]
fn clocks_across_the_2026_spring_festival_count_its_make_up_saturdays() {
    let cal = shipped();
    let spring = holiday("春节");
    // Fri 13 Feb: Sat 14 (调休), 15–23 off, 24, 25, 26, 27.
    let accept = accept_due(&cal, d(2026, 2, 13));
    assert_eq!(accept.due, d(2026, 2, 27));
    assert_eq!(accept.make_up, vec![d(2026, 2, 14)]);
    let festival: Vec<_> = days(d(2026, 2, 15), d(2026, 2, 23))
        .into_iter()
        .map(|x| (x, spring.clone()))
        .collect();
    assert_eq!(accept.skipped, festival);
    // Thu 12 Feb: 13, Sat 14, then 24, 25, 26.
    assert_eq!(
        hearing_request_due(&cal, d(2026, 2, 12)).due,
        d(2026, 2, 26)
    );
    // Hearing Wed 25 Feb: back 24, Sat 14, 13, 12, 11, 10, 9.
    let notice = hearing_notice_latest(&cal, d(2026, 2, 25));
    assert_eq!(notice.due, d(2026, 2, 9));
    assert_eq!(notice.make_up, vec![d(2026, 2, 14)]);
    assert_eq!(count(&notice, &spring), 9);
    // 31 Jan + 15 = Sun 15 Feb, the festival's first day → Tue 24 Feb.
    let fine = fine_due(&cal, d(2026, 1, 31));
    assert_eq!(fine.due, d(2026, 2, 24));
    assert_eq!(fine.skipped, festival);
    // 13 Feb + 15 = Sat 28 Feb, a 调休 working day: it stays.
    let kept = fine_due(&cal, d(2026, 2, 13));
    assert_eq!(kept.due, d(2026, 2, 28));
    assert!(kept.skipped.is_empty());
    assert_eq!(kept.make_up, vec![d(2026, 2, 28)]);
}

#[test]
fn service_across_the_2025_spring_festival_counts_both_make_up_days() {
    let cal = shipped();
    // Thu 23 Jan: 24, Sun 26 (调休), 27, 28 Jan–4 Feb off, 5, 6, 7, Sat 8 (调休).
    let e = service_due(&cal, d(2025, 1, 23));
    assert_eq!(e.due, d(2025, 2, 8));
    assert_eq!(e.make_up, vec![d(2025, 1, 26), d(2025, 2, 8)]);
    assert_eq!(e.skipped[0], (d(2025, 1, 25), Skip::Weekend));
    assert_eq!(count(&e, &holiday("春节")), 8);
    assert_eq!(e.skipped.len(), 9);
}

#[test]
fn the_investigation_across_national_day_2026_skips_the_holiday_and_counts_the_make_up_saturday() {
    let cal = shipped();
    // Mon 28 Sep: 29, 30, 1–7 Oct off, 8, 9, Sat 10 (调休), … Fri 25 Dec.
    let opened = d(2026, 9, 28);
    let e = investigation_due(&cal, opened, false, &[], opened);
    assert_eq!(e.due, d(2026, 12, 25));
    assert_eq!(count(&e, &holiday("国庆节")), 7);
    assert_eq!(count(&e, &Skip::Weekend), 21);
    assert_eq!(e.skipped.len(), 28);
    assert_eq!(e.make_up, vec![d(2026, 10, 10)]);
    assert!(!e.provisional);
}

#[test]
fn clocks_across_national_day_2025_count_its_make_up_days() {
    let cal = shipped();
    let national = holiday("国庆节、中秋节");
    // Fri 26 Sep: Sat 27 off, Sun 28 (调休), 29, 30, 1–8 Oct off, 9, 10.
    let st = statement_due(&cal, d(2025, 9, 26), 5);
    assert_eq!(st.due, d(2025, 10, 10));
    assert_eq!(st.make_up, vec![d(2025, 9, 28)]);
    assert_eq!(count(&st, &national), 8);
    assert!(st.describe(true).contains("国庆节、中秋节假期 8 天"));
    assert!(
        st.describe(false)
            .contains("8 days of National Day and Mid-Autumn Festival (国庆节、中秋节)")
    );
    // Tue 30 Sep: 1–8 off, 9, 10, Sat 11 (调休), 13–17, 20, 21.
    let rem = reminder_due(&cal, d(2025, 9, 30));
    assert_eq!(rem.due, d(2025, 10, 21));
    assert_eq!(rem.make_up, vec![d(2025, 10, 11)]);
    // 2 Aug + 60 days = 1 Oct → past the eight days off to Thu 9 Oct.
    let review = review_window_due(&cal, d(2025, 8, 2));
    assert_eq!(review.due, d(2025, 10, 9));
    assert_eq!(count(&review, &national), 8);
    assert_eq!(review.skipped.len(), 8);
}

#[test]
fn calendar_windows_ending_in_national_day_2026_move_past_it() {
    let cal = shipped();
    let national = holiday("国庆节");
    // 18 Sep + 15 = Sat 3 Oct → Thu 8 Oct.
    let fine = fine_due(&cal, d(2026, 9, 18));
    assert_eq!(fine.due, d(2026, 10, 8));
    let rest: Vec<_> = days(d(2026, 10, 3), d(2026, 10, 7))
        .into_iter()
        .map(|x| (x, national.clone()))
        .collect();
    assert_eq!(fine.skipped, rest);
    // 1 Apr + 6 months = 1 Oct → 8 Oct.
    let suit = lawsuit_window_due(&cal, d(2026, 4, 1));
    assert_eq!(suit.due, d(2026, 10, 8));
    assert_eq!(count(&suit, &national), 7);
}

#[test]
fn a_month_window_from_a_month_end_ends_on_the_shorter_months_last_day() {
    let cal = shipped();
    // 31 Aug + 6 months = 28 Feb 2027 (a Sunday) → Mon 1 Mar, on an
    // unpublished year.
    let e = lawsuit_window_due(&cal, d(2026, 8, 31));
    assert_eq!(e.due, d(2027, 3, 1));
    assert_eq!(e.skipped, vec![(d(2027, 2, 28), Skip::Weekend)]);
    assert!(e.provisional);
}

#[test]
fn the_court_may_be_asked_after_the_windows_and_the_reminder_and_within_three_months_of_the_windows()
 {
    let cal = shipped();
    let served = d(2026, 3, 9);
    // Windows: review 8 May, lawsuit Wed 9 Sep.
    let (earliest, latest) = court_application_window(&cal, served, None);
    assert_eq!(earliest.due, d(2026, 9, 10));
    assert!(earliest.opens && !latest.opens);
    assert_eq!((latest.start, latest.due), (d(2026, 9, 9), d(2026, 12, 9)));
    assert!(earliest.describe(true).contains("尚未送达催告书"));
    assert!(
        earliest
            .describe(false)
            .starts_with("Review window ends 2026-05-08")
    );
    // 催告 Mon 7 Sep: ten working days end on Sun 20 Sep (调休), so the
    // court may be asked from Mon 21; the three months do not move.
    let (earliest, latest) = court_application_window(&cal, served, Some(d(2026, 9, 7)));
    assert_eq!(earliest.start, d(2026, 9, 20));
    assert_eq!(earliest.due, d(2026, 9, 21));
    assert_eq!(earliest.after[2].make_up, vec![d(2026, 9, 20)]);
    assert_eq!(latest.due, d(2026, 12, 9));
    assert!(!earliest.describe(true).contains("尚未送达催告书"));
}

#[test]
fn a_court_window_reaching_into_2027_is_provisional_and_a_weekend_delays_the_earliest() {
    let cal = shipped();
    // Lawsuit window ends 8 Oct (after National Day); the 催告 of 28 Sep
    // runs to Fri 16 Oct, so the earliest is Mon 19 Oct.
    let (earliest, latest) = court_application_window(&cal, d(2026, 4, 1), Some(d(2026, 9, 28)));
    assert_eq!(earliest.due, d(2026, 10, 19));
    assert_eq!(
        earliest.skipped,
        vec![
            (d(2026, 10, 17), Skip::Weekend),
            (d(2026, 10, 18), Skip::Weekend)
        ]
    );
    assert!(!earliest.provisional);
    // Three months from 8 Oct, not from the 催告.
    assert_eq!((latest.start, latest.due), (d(2026, 10, 8), d(2027, 1, 8)));
    assert!(latest.provisional);
}

#[test]
fn a_count_running_into_2027_is_provisional() {
    let cal = shipped();
    let opened = d(2026, 9, 28);
    // 2027 has no table: 1 Jan counts as a plain Friday.
    let e = investigation_due(&cal, opened, true, &[], opened);
    assert_eq!(e.due, d(2027, 2, 5));
    assert!(e.provisional);
    assert!(e.describe(true).contains("暂定"));
    assert!(e.describe(false).contains("provisional"));
    assert!(!investigation_due(&cal, opened, false, &[], opened).provisional);
    let fine = fine_due(&cal, d(2026, 12, 20));
    assert_eq!(fine.due, d(2027, 1, 4));
    assert!(fine.provisional);
}

#[test]
fn the_late_fee_is_three_percent_a_day_after_the_due_date_and_never_more_than_the_fine() {
    let due = d(2026, 3, 24);
    let fine = 100_000; // 1,000 yuan
    assert_eq!(late_fee(fine, due, d(2026, 3, 23)), 0);
    assert_eq!(late_fee(fine, due, due), 0);
    assert_eq!(late_fee(fine, due, d(2026, 3, 25)), 3_000);
    assert_eq!(late_fee(fine, due, d(2026, 3, 26)), 6_000);
    // Day 33 is 99 %; day 34 would be 102 % and stops at the fine.
    assert_eq!(late_fee(fine, due, d(2026, 4, 26)), 99_000);
    assert_eq!(late_fee(fine, due, d(2026, 4, 27)), fine);
    assert_eq!(late_fee(fine, due, d(2030, 1, 1)), fine);
    // A fraction of a fen is not charged; nothing is ever negative.
    assert_eq!(late_fee(1_001, due, d(2026, 3, 25)), 30);
    assert_eq!(late_fee(-5_000, due, d(2026, 4, 1)), 0);
    assert_eq!(late_fee(i64::MAX, due, d(2100, 1, 1)), i64::MAX);
}

#[test]
fn working_days_left_counts_to_the_due_date_and_goes_negative_when_overdue() {
    let cal = shipped();
    // Mon 28 Sep to Fri 9 Oct: 29, 30, 8, 9.
    assert_eq!(working_days_left(&cal, d(2026, 9, 28), d(2026, 10, 9)), 4);
    assert_eq!(working_days_left(&cal, d(2026, 3, 13), d(2026, 3, 13)), 0);
    // Due Fri 13 Mar: overdue on the Saturday already, not "due today".
    assert_eq!(working_days_left(&cal, d(2026, 3, 14), d(2026, 3, 13)), -1);
    assert_eq!(working_days_left(&cal, d(2026, 3, 16), d(2026, 3, 13)), -1);
    assert_eq!(working_days_left(&cal, d(2026, 3, 17), d(2026, 3, 13)), -2);
}

#[test]
fn describe_names_the_holiday_and_the_make_up_day_in_both_languages() {
    let cal = shipped();
    let opened = d(2026, 9, 28);
    let e = investigation_due(&cal, opened, false, &[], opened);
    assert_eq!(
        e.describe(true),
        "立案 2026-09-28 起 60 个工作日，跳过国庆节假期 7 天、周末 21 天，\
         调休上班日 2026-10-10 照常计算 → 2026-12-25"
    );
    assert_eq!(
        e.describe(false),
        "Case opened 2026-09-28: 60 working days, skipping 7 days of National Day (国庆节), \
         21 weekend days, make-up working day 2026-10-10 counted → 2026-12-25"
    );
    assert_eq!(e.describe_in(Lang::En), e.describe(false));
    let fine = fine_due(&cal, d(2026, 1, 31));
    assert_eq!(
        fine.describe(true),
        "决定书送达 2026-01-31 起 15 日，末日 2026-02-15 逢春节假期，顺延 → 2026-02-24"
    );
    assert_eq!(
        fine.describe(false),
        "Decision served 2026-01-31: 15 days, last day 2026-02-15 falls on \
         Spring Festival (春节), moved → 2026-02-24"
    );
    let s = [Suspension {
        from: d(2026, 3, 16),
        to: Some(d(2026, 3, 27)),
    }];
    let paused = investigation_due(&cal, d(2026, 3, 2), true, &s, d(2026, 4, 1));
    assert!(
        paused
            .describe(true)
            .starts_with("立案 2026-03-02 起 60+30 个工作日")
    );
    assert!(paused.describe(true).contains("中止 10 个工作日"));
    assert!(paused.describe(false).contains("10 suspended working days"));
    let notice = hearing_notice_latest(&cal, d(2026, 2, 25));
    assert!(notice.describe(true).contains("春节假期 9 天"));
    assert!(notice.describe(true).ends_with("→ 最迟 2026-02-09 通知"));
}

#[test]
fn a_working_day_clock_agrees_with_the_calendars_own_count() {
    let cal = shipped();
    for start in days(d(2025, 1, 1), d(2026, 12, 31)) {
        for n in [5, 7, 10, 60] {
            let e = working(&cal, Rule::Accept, start, n);
            assert_eq!(e.due, cal.add_working_days(start, n).date, "{start} + {n}");
            let spanned = (e.due - start).num_days() as usize;
            assert_eq!(e.skipped.len() + n as usize, spanned, "{start} + {n}");
        }
        // Counting back from a working day and forward again returns to it.
        if cal.is_working_day(start) {
            let back = hearing_notice_latest(&cal, start).due;
            assert_eq!(back, cal.sub_working_days(start, 7).date, "{start}");
            assert_eq!(cal.add_working_days(back, 7).date, start, "{start}");
        }
    }
}

#[test]
fn rule_codes_are_distinct_kebab_case() {
    let rules = [
        Rule::Accept,
        Rule::Investigation,
        Rule::Extension,
        Rule::Statement(5),
        Rule::HearingRequest,
        Rule::HearingNotice,
        Rule::Service,
        Rule::FinePayment,
        Rule::ReviewWindow,
        Rule::LawsuitWindow,
        Rule::Reminder,
        Rule::CourtApplication,
    ];
    let codes: std::collections::BTreeSet<_> = rules.iter().map(|r| r.code()).collect();
    assert_eq!(codes.len(), rules.len());
    for c in codes {
        assert!(
            c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
            "{c}"
        );
    }
}

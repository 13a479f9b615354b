//! Cases through the procedure on every backend: a move changes the stage,
//! records its documents, event and audit entry together; a stale move is a
//! conflict; assignment refuses a conflicted inspector; the queue's deadlines
//! come from the clocks.
// Money in fen reads as yuan and fen: 9_000_00 is 9,000.00 yuan.
#![allow(clippy::inconsistent_digit_grouping)]

use crate::common;
use common::today;
use hrss_desk::workflow::Cx;

use chrono::NaiveDate;
use common::TestDb;
use hrss_desk::domain::calendar::CalendarFile;
use hrss_desk::domain::{CaseMove, CaseStage, Staff, WorkCalendar, fines};
use hrss_desk::i18n::Lang;
use hrss_desk::store::{Store, StoreError};
use hrss_desk::workflow::cases as work;

fn calendar() -> WorkCalendar {
    WorkCalendar::from_years(
        &CalendarFile::parse(include_str!("../../data/calendar.toml"))
            .unwrap()
            .year,
    )
}

async fn who(store: &Store, login: &str) -> Staff {
    store.staff_by_login(login).await.unwrap().unwrap()
}

/// Suspends case `id` today with its reason and approver.
async fn suspend(
    store: &Store,
    cal: &WorkCalendar,
    chief: &Staff,
    id: i64,
) -> Result<String, String> {
    let step = work::Step {
        note: "当事人下落不明",
        approved_by: "王局长",
        ..work::Step::on(CaseMove::Suspend, today())
    };
    work::make_move_on(&Cx::new(store, cal, chief, Lang::En, today()), id, &step).await
}

/// The id of a demo case in `stage`.
async fn case_in(db: &TestDb, stage: CaseStage) -> i64 {
    db.scalar(&format!(
        "SELECT MIN(id) FROM inspection_case WHERE stage = '{}'",
        stage.code()
    ))
    .await
}

#[tokio::test]
async fn a_case_moves_from_preliminary_check_to_decision_with_its_documents_and_history() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let cal = calendar();
        let chief = who(&store, "liuyang").await;
        let id = case_in(&db, CaseStage::Preliminary).await;
        // Two inspectors who are not the chief.
        let done = work::assign(
            &crate::common::cx(&store, &chief, Lang::Zh, crate::common::today()),
            id,
            "yangqiang",
            &["yangqiang", "huangwei"],
        )
        .await;
        assert!(done.is_ok(), "{}: {done:?}", db.label);
        let officer = who(&store, "yangqiang").await;
        let legal = who(&store, "liuyang").await;
        let steps: [(CaseMove, &Staff); 5] = [
            (CaseMove::Open, &chief),
            (CaseMove::Investigate, &officer),
            (CaseMove::PriorNotice, &officer),
            // Waived in writing: the decision need not wait for the window.
            (CaseMove::Waive, &officer),
            (CaseMove::LegalReview, &legal),
        ];
        for (m, by) in steps {
            let r = work::make_move(
                &Cx::new(&store, &cal, by, Lang::En, today()),
                id,
                m,
                None,
                "",
            )
            .await;
            assert!(r.is_ok(), "{}: {m:?}: {r:?}", db.label);
        }
        // A fine outside the article's range is refused; inside it, decided.
        let basis = fines::Basis {
            workers: 3,
            owed: 0,
            ..fines::Basis::default()
        };
        let over = work::make_move(
            &Cx::new(&store, &cal, &chief, Lang::En, today()),
            id,
            CaseMove::Decide,
            Some(("lsi-23", basis, 16_000_00)),
            "",
        )
        .await;
        assert!(
            over.unwrap_err().contains("between 3,000.00 and 15,000.00"),
            "{}",
            db.label
        );
        let ok = work::make_move(
            &Cx::new(&store, &cal, &chief, Lang::En, today()),
            id,
            CaseMove::Decide,
            Some(("lsi-23", basis, 9_000_00)),
            "",
        )
        .await;
        assert!(ok.is_ok(), "{}: {ok:?}", db.label);
        // Decided, then served: the fine's days run from service.
        assert_eq!(
            store.case_state(id).await.unwrap().unwrap().row.due_rule,
            "service"
        );
        let served = work::make_move(
            &Cx::new(&store, &cal, &officer, Lang::En, today()),
            id,
            CaseMove::Serve,
            None,
            "",
        )
        .await;
        assert!(served.is_ok(), "{}: {served:?}", db.label);
        let state = store.case_state(id).await.unwrap().unwrap();
        assert_eq!(state.row.stage.code(), "decided");
        assert_eq!(state.row.served_on, Some(today()));
        assert_eq!(
            (state.row.fine, state.row.article.as_str()),
            (9_000_00, "lsi-23")
        );
        assert_eq!(state.row.opened_on, Some(today()));
        assert_eq!(state.row.legal_reviewer_id, Some(legal.id));
        for doc in [
            "opening-approval",
            "prior-notice",
            "rights-waiver",
            "legal-opinion",
            "penalty-decision",
            "service-receipt",
        ] {
            assert!(
                state.on_file.iter().any(|k| k == doc),
                "{}: {doc} on file",
                db.label
            );
        }
        let events = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM case_event WHERE case_id = {id} AND note LIKE 'decide%'"
            ))
            .await;
        assert_eq!(events, 1);
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn a_move_on_a_version_no_longer_current_changes_nothing() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = who(&store, "liuyang").await;
        let id = case_in(&db, CaseStage::Investigating).await;
        let state = store.case_state(id).await.unwrap().unwrap();
        let e = hrss_desk::domain::procedure::effect(
            CaseMove::Suspend,
            &chief,
            today(),
            hrss_desk::domain::ServiceMethod::Direct,
        );
        let next = hrss_desk::store::NextDue {
            due_on: state.row.due_on,
            rule: state.row.due_rule.clone(),
            queue_key: state.row.queue_key.clone(),
        };
        let first = store
            .move_case(
                &chief,
                id,
                state.row.version,
                &hrss_desk::store::CaseMoveRecord {
                    m: CaseMove::Suspend,
                    effect: &e,
                    attached: &[],
                    on: today(),
                    note: "",
                    next: &next,
                    decision: None,
                },
            )
            .await;
        assert!(first.is_ok());
        let second = store
            .move_case(
                &chief,
                id,
                state.row.version,
                &hrss_desk::store::CaseMoveRecord {
                    m: CaseMove::Suspend,
                    effect: &e,
                    attached: &[],
                    on: today(),
                    note: "",
                    next: &next,
                    decision: None,
                },
            )
            .await;
        assert!(
            matches!(second, Err(StoreError::Conflict { .. })),
            "{}",
            db.label
        );
        let spans = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM case_suspension WHERE case_id = {id}"
            ))
            .await;
        assert_eq!(spans, 1, "{}: one suspension, not two", db.label);
    }
}

#[tokio::test]
async fn an_inspector_with_a_declared_interest_is_not_assigned() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = who(&store, "liuyang").await;
        let id = case_in(&db, CaseStage::Registered).await;
        let employer = store
            .case_state(id)
            .await
            .unwrap()
            .unwrap()
            .row
            .respondent_employer_id
            .unwrap();
        let zhou = who(&store, "zhouhao").await;
        store
            .declare_conflict("liuyang", zhou.id, employer, "配偶在该单位任职", today())
            .await
            .unwrap();
        let r = work::assign(
            &crate::common::cx(&store, &chief, Lang::Zh, crate::common::today()),
            id,
            "zhouhao",
            &["zhouhao", "wulei"],
        )
        .await;
        assert!(r.unwrap_err().contains("回避"), "{}", db.label);
        let one = work::assign(
            &crate::common::cx(&store, &chief, Lang::Zh, crate::common::today()),
            id,
            "wulei",
            &["wulei"],
        )
        .await;
        assert!(one.unwrap_err().contains("至少2名"));
        let clerk = who(&store, "wangfang").await;
        assert!(
            work::assign(
                &crate::common::cx(&store, &clerk, Lang::Zh, crate::common::today()),
                id,
                "wulei",
                &["wulei", "huangwei"]
            )
            .await
            .is_err()
        );
        let loads = store.inspector_loads().await.unwrap();
        assert!(
            loads.iter().any(|l| l.name == "吴磊" && l.open_cases > 0),
            "{loads:?}"
        );
    }
}

#[tokio::test]
async fn the_queue_of_deadlines_puts_mass_incidents_first_then_the_overdue() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let clocks = store.open_case_clocks().await.unwrap();
        let list = work::due_list(&calendar(), &clocks, today(), work::CaseSettings::default());
        assert_eq!(list.len(), clocks.len());
        assert!(list[0].mass_incident, "{}", db.label);
        let first_ordinary = list.iter().position(|c| !c.mass_incident).unwrap();
        assert!(
            list[first_ordinary].overdue,
            "{}: the overdue come next",
            db.label
        );
        assert!(list.iter().any(|c| c.overdue) && list.iter().any(|c| !c.overdue));
        for c in &list {
            if let (Some(d), Some(left)) = (&c.deadline, c.working_days_left) {
                assert_eq!(c.overdue, d.due < today());
                assert_eq!(left < 0, c.overdue, "{c:?}");
            }
        }
    }
}

#[tokio::test]
async fn recomputing_the_deadlines_keeps_the_queue_in_order_and_is_idempotent() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let cal = calendar();
        let changed = work::recompute_deadlines(&store, &cal, today())
            .await
            .unwrap();
        assert!(changed > 0, "{}: the demo's first recomputation", db.label);
        assert_eq!(
            work::recompute_deadlines(&store, &cal, today())
                .await
                .unwrap(),
            0
        );
        // What is stored is what the clocks say.
        let clocks = store.open_case_clocks().await.unwrap();
        let list = work::due_list(&cal, &clocks, today(), work::CaseSettings::default());
        for c in clocks.iter().take(50) {
            let due = list.iter().find(|d| d.id == c.row.id).unwrap();
            assert_eq!(
                c.row.due_on,
                due.deadline.as_ref().map(|d| d.due),
                "{}",
                db.label
            );
            assert_eq!(
                c.row.due_rule,
                due.deadline.as_ref().map_or("", |d| d.rule.code())
            );
        }
        // The queue's first page: mass incidents, then the nearest deadline.
        let page = store
            .list_page(
                hrss_desk::store::ListKind::Cases,
                &hrss_desk::store::PageRequest {
                    dir: hrss_desk::store::Direction::Forward,
                    from: None,
                    limit: 500,
                    filter: String::new(),
                    scope: Default::default(),
                },
            )
            .await
            .unwrap();
        let ids: Vec<i64> = page.iter().map(|i| i.id()).collect();
        let expected: Vec<i64> = list.iter().map(|c| c.id).collect();
        assert_eq!(ids, expected, "{}", db.label);
    }
}

#[tokio::test]
async fn an_accepted_complaint_registers_its_case_numbered_after_the_years_highest() {
    use hrss_desk::domain::InspectionMatter;
    use hrss_desk::domain::complaint::{Intake, Outcome};
    use hrss_desk::workflow::complaints::{self as intake, Complainant};
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let cal = calendar();
        let clerk = who(&store, "wangfang").await;
        let chief = who(&store, "liuyang").await;
        let form = Intake {
            complainant_id: String::new(),
            complainant: "张伟".into(),
            respondent: "某建筑公司".into(),
            respondent_known: false,
            matters: vec![InspectionMatter::Wages],
            facts: "拖欠工资".into(),
            channel: "window".into(),
            received_on: today(),
            violation_on: NaiveDate::from_ymd_opt(2026, 10, 1),
            labour_dispute: false,
        };
        let (id, outcome, due) = intake::register(
            &Cx::new(&store, &cal, &clerk, Lang::Zh, today()),
            &form,
            &Complainant::default(),
            None,
            true,
        )
        .await
        .unwrap();
        assert_eq!(outcome, Outcome::Accept);
        assert_eq!(
            due,
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            "5 working days"
        );
        let said = intake::decide(
            &Cx::new(&store, &cal, &chief, Lang::Zh, today()),
            id,
            false,
            "",
            "",
        )
        .await
        .unwrap()
        .said(false);
        assert!(said.contains("已登记案件"), "{}: {said}", db.label);
        let mass_first = db
            .scalar(&format!("SELECT COUNT(*) FROM inspection_case WHERE complaint_id = {id} AND mass_incident AND queue_key LIKE 'A%'"))
            .await;
        assert_eq!(
            mass_first, 1,
            "{}: a mass incident's case sorts first",
            db.label
        );
        let again = intake::decide(
            &Cx::new(&store, &cal, &chief, Lang::Zh, today()),
            id,
            false,
            "",
            "",
        )
        .await;
        assert!(again.unwrap_err().contains("已作出决定"));
        // A second acceptance takes the next number.
        let (id2, _, _) = intake::register(
            &Cx::new(&store, &cal, &clerk, Lang::Zh, today()),
            &form,
            &Complainant::default(),
            None,
            false,
        )
        .await
        .unwrap();
        intake::decide(
            &Cx::new(&store, &cal, &chief, Lang::Zh, today()),
            id2,
            false,
            "",
            "",
        )
        .await
        .unwrap();
        let numbers = db
            .scalar(&format!("SELECT COUNT(DISTINCT number) FROM inspection_case WHERE complaint_id IN ({id}, {id2})"))
            .await;
        assert_eq!(numbers, 2, "{}", db.label);
    }
}

#[tokio::test]
async fn a_large_proposed_fine_offers_a_hearing_that_must_be_held_and_reviewed_before_deciding() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let cal = calendar();
        let chief = who(&store, "liuyang").await;
        let boss = who(&store, "zhaojing").await;
        let id = case_in(&db, CaseStage::Preliminary).await;
        work::assign(
            &crate::common::cx(&store, &chief, Lang::Zh, crate::common::today()),
            id,
            "wulei",
            &["wulei", "zhouhao"],
        )
        .await
        .unwrap();
        let officer = who(&store, "wulei").await;
        // Each act on its own day: the hearing is notified 7 working days ahead.
        let step =
            |m: CaseMove, by: &Staff, d: Option<(&'static str, fines::Basis, i64)>, on: &str| {
                let (store, cal, by) = (&store, &cal, by.clone());
                let on = chrono::NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap();
                async move {
                    let step = work::Step {
                        decision: d.map(|(article, basis, amount)| {
                            hrss_desk::domain::procedure::decide::Asked {
                                kind: hrss_desk::domain::DecisionKind::Fine,
                                article,
                                basis,
                                amount: Some(amount),
                            }
                        }),
                        until: (m == CaseMove::ScheduleHearing)
                            .then(|| chrono::NaiveDate::from_ymd_opt(2026, 11, 17).unwrap()),
                        ..work::Step::on(m, on)
                    };
                    work::make_move_on(&Cx::new(store, cal, &by, Lang::En, today()), id, &step)
                        .await
                }
            };
        step(CaseMove::Open, &chief, None, "2026-11-02")
            .await
            .unwrap();
        step(CaseMove::Investigate, &officer, None, "2026-11-03")
            .await
            .unwrap();
        // 20 workers × 1,000 yuan: 20,000 yuan, above the 10,000 threshold.
        let basis = fines::Basis {
            workers: 20,
            owed: 0,
            ..fines::Basis::default()
        };
        step(
            CaseMove::PriorNotice,
            &officer,
            Some(("lsi-23", basis, 20_000_00)),
            "2026-11-04",
        )
        .await
        .unwrap();
        let s = store.case_state(id).await.unwrap().unwrap();
        assert!(s.row.hearing_required, "{}", db.label);
        assert!(
            s.on_file.iter().any(|k| k == "hearing-notice"),
            "{}",
            db.label
        );
        step(CaseMove::HearingRequest, &officer, None, "2026-11-05")
            .await
            .unwrap();
        step(CaseMove::Waive, &officer, None, "2026-11-05")
            .await
            .unwrap();
        step(CaseMove::ScheduleHearing, &officer, None, "2026-11-06")
            .await
            .unwrap();
        let early = step(
            CaseMove::Decide,
            &boss,
            Some(("lsi-23", basis, 20_000_00)),
            "2026-11-09",
        )
        .await;
        assert!(
            early.unwrap_err().contains("hold it before deciding"),
            "{}",
            db.label
        );
        let before = step(CaseMove::Hearing, &boss, None, "2026-11-16").await;
        assert!(
            before.unwrap_err().contains("notified of"),
            "held on the day notified"
        );
        let host = step(CaseMove::Hearing, &officer, None, "2026-11-17").await;
        assert!(host.is_err(), "an investigator may not host");
        step(CaseMove::Hearing, &boss, None, "2026-11-17")
            .await
            .unwrap();
        let unreviewed = step(
            CaseMove::Decide,
            &boss,
            Some(("lsi-23", basis, 20_000_00)),
            "2026-11-18",
        )
        .await;
        assert!(
            unreviewed.unwrap_err().contains("legal review"),
            "{}",
            db.label
        );
        step(CaseMove::LegalReview, &chief, None, "2026-11-18")
            .await
            .unwrap();
        step(CaseMove::Discuss, &boss, None, "2026-11-18")
            .await
            .unwrap();
        step(
            CaseMove::Decide,
            &boss,
            Some(("lsi-23", basis, 20_000_00)),
            "2026-11-19",
        )
        .await
        .unwrap();
        step(CaseMove::Serve, &officer, None, "2026-11-20")
            .await
            .unwrap();
        let s = store.case_state(id).await.unwrap().unwrap();
        assert_eq!(s.row.stage.code(), "decided");
        assert_eq!(
            s.row.due_rule, "fine-payment",
            "{}: next, the fine's 15 days",
            db.label
        );
    }
}

#[tokio::test]
async fn one_step_on_many_cases_lists_those_it_is_refused() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let cal = calendar();
        let chief = who(&store, "liuyang").await;
        let ids: Vec<i64> = {
            let clocks = store.open_case_clocks().await.unwrap();
            clocks
                .iter()
                .filter(|c| c.row.stage.code() == "investigating" && !c.row.suspended)
                .take(2)
                .map(|c| c.row.id)
                .collect()
        };
        assert_eq!(ids.len(), 2);
        let done = work::move_all(
            &Cx::new(&store, &cal, &chief, Lang::Zh, today()),
            &ids,
            CaseMove::PriorNotice,
        )
        .await;
        assert!(done.unwrap().contains("已办理2件"), "{}", db.label);
        let again = work::move_all(
            &Cx::new(&store, &cal, &chief, Lang::Zh, today()),
            &ids,
            CaseMove::PriorNotice,
        )
        .await;
        let said = again.unwrap_err();
        assert!(
            said.contains("未办理2件") && said.contains("不能进行这一步"),
            "{}: {said}",
            db.label
        );
    }
}

#[tokio::test]
async fn a_saved_view_is_kept_per_staff_member_and_replaced_by_name() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = who(&store, "liuyang").await;
        let other = who(&store, "zhaojing").await;
        store
            .save_view(&chief, "晨会", r#"{"view":"overdue","filter":""}"#)
            .await
            .unwrap();
        store
            .save_view(&chief, "晨会", r#"{"view":"mine","filter":"恒信"}"#)
            .await
            .unwrap();
        assert_eq!(
            store.saved_views(chief.id).await.unwrap(),
            [(
                "晨会".to_string(),
                r#"{"view":"mine","filter":"恒信"}"#.to_string()
            )],
            "{}",
            db.label
        );
        assert!(store.saved_views(other.id).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn the_queue_pages_by_any_column_both_ways() {
    use hrss_desk::store::{CaseSort, Direction, ListKind, PageRequest, QueueScope, SortKey};
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        for sort in CaseSort::ALL {
            let ask = |dir, from| PageRequest {
                dir,
                from,
                limit: 40,
                filter: String::new(),
                scope: QueueScope {
                    case_sort: sort,
                    ..QueueScope::default()
                },
            };
            // Forward page by page from the top, then the last page from the bottom.
            let mut seen = Vec::new();
            let mut from: Option<SortKey> = None;
            loop {
                let page = store
                    .list_page(ListKind::Cases, &ask(Direction::Forward, from.clone()))
                    .await
                    .unwrap();
                if page.is_empty() {
                    break;
                }
                from = page.last().map(|i| i.key());
                seen.extend(page.iter().map(|i| i.key()));
            }
            let open = db
                .scalar("SELECT COUNT(*) FROM inspection_case WHERE stage <> 'closed'")
                .await;
            assert_eq!(seen.len() as i64, open, "{} {sort:?}", db.label);
            let bottom = store
                .list_page(ListKind::Cases, &ask(Direction::Backward, None))
                .await
                .unwrap();
            let tail: Vec<SortKey> = seen[seen.len() - bottom.len()..].to_vec();
            assert_eq!(
                bottom.iter().map(|i| i.key()).collect::<Vec<_>>(),
                tail,
                "{} {sort:?}",
                db.label
            );
        }
    }
}

#[tokio::test]
async fn a_fine_at_the_hearing_threshold_stands_only_if_the_notice_offered_a_hearing() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let cal = calendar();
        let chief = who(&store, "liuyang").await;
        let boss = who(&store, "zhaojing").await;
        let id = case_in(&db, CaseStage::Preliminary).await;
        work::assign(
            &crate::common::cx(&store, &chief, Lang::En, crate::common::today()),
            id,
            "wulei",
            &["wulei", "zhouhao"],
        )
        .await
        .unwrap();
        let officer = who(&store, "wulei").await;
        for (m, by) in [
            (CaseMove::Open, &chief),
            (CaseMove::Investigate, &officer),
            (CaseMove::PriorNotice, &officer),
            (CaseMove::Waive, &officer),
        ] {
            work::make_move(
                &Cx::new(&store, &cal, by, Lang::En, today()),
                id,
                m,
                None,
                "",
            )
            .await
            .unwrap();
        }
        let basis = fines::Basis {
            workers: 20,
            owed: 0,
            ..fines::Basis::default()
        };
        let r = work::make_move(
            &Cx::new(&store, &cal, &boss, Lang::En, today()),
            id,
            CaseMove::Decide,
            Some(("lsi-23", basis, 20_000_00)),
            "",
        )
        .await;
        assert!(
            r.unwrap_err().contains("offered no hearing"),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn a_recomputed_deadline_never_overwrites_a_move_made_since_it_was_read() {
    use hrss_desk::store::NextDue;
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let cal = calendar();
        let chief = who(&store, "liuyang").await;
        let id = case_in(&db, CaseStage::Investigating).await;
        let before = store.case_state(id).await.unwrap().unwrap().row;
        suspend(&store, &cal, &chief, id).await.unwrap();
        let after = store.case_state(id).await.unwrap().unwrap().row;
        // A recomputation that read the case before the move writes nothing to it.
        let stale = NextDue {
            due_on: None,
            rule: "stale".into(),
            queue_key: "Bstale".into(),
        };
        store
            .record_deadlines(&[(id, before.version, stale)])
            .await
            .unwrap();
        let now = store.case_state(id).await.unwrap().unwrap().row;
        assert_eq!(
            (now.due_rule, now.queue_key),
            (after.due_rule, after.queue_key),
            "{}",
            db.label
        );
        // Suspended and resumed the same day: no day was stopped, and it can start again.
        work::make_move(
            &Cx::new(&store, &cal, &chief, Lang::En, today()),
            id,
            CaseMove::Resume,
            None,
            "",
        )
        .await
        .unwrap();
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM case_suspension WHERE case_id = {id}"
            ))
            .await,
            0
        );
        suspend(&store, &cal, &chief, id).await.unwrap();
    }
}

#[tokio::test]
async fn the_respondent_is_found_as_the_lookup_finds_it() {
    use hrss_desk::workflow::complaints::{Respondent, resolve_respondent};
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let ix = hrss_desk::search::build(&store, today()).await.unwrap();
        let (uscc, name): (String, String) = {
            let id = db.scalar("SELECT MIN(id) FROM employer").await;
            let uscc = db
                .text(&format!("SELECT uscc FROM employer WHERE id = {id}"))
                .await;
            let name = db
                .text(&format!("SELECT name FROM employer WHERE id = {id}"))
                .await;
            (uscc, name)
        };
        let by_code = resolve_respondent(&store, Some(&ix), &uscc).await.unwrap();
        assert!(
            matches!(&by_code, Respondent::Found(_, n) if *n == name),
            "{}: {by_code:?}",
            db.label
        );
        let by_name = resolve_respondent(&store, Some(&ix), &name).await.unwrap();
        assert!(
            matches!(&by_name, Respondent::Found(_, n) if *n == name),
            "{}",
            db.label
        );
        // "有限公司" fits many: said, not guessed.
        let many = resolve_respondent(&store, Some(&ix), "有限公司")
            .await
            .unwrap();
        assert!(
            matches!(many, Respondent::Several(ref v) if v.len() > 1),
            "{many:?}"
        );
        let none = resolve_respondent(&store, Some(&ix), "不存在的某某某单位")
            .await
            .unwrap();
        assert_eq!(none, Respondent::Named("不存在的某某某单位".into()));
    }
}

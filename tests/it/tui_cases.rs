//! The case queue at the desk, drawn from fixtures: a case's next deadline
//! with its working, its file and its steps; the views; taking a step with
//! the documents it issues; the decision's fine checked against its article;
//! assigning inspectors by their load.

use crate::common;

use common::tui::*;
use hrss_desk::domain::{CaseFileKind, CaseMove, DecisionKind};
use hrss_desk::i18n::Lang;
use hrss_desk::store::ListKind;
use hrss_desk::tui::action::Action;
use hrss_desk::tui::app::{AppEvent, Effect, Overlay};
use hrss_desk::tui::casework::{CaseView, DecideForm};
use hrss_desk::tui::submission::Submission;
use hrss_desk::workflow::cases::DecisionTerms;
use ratatui::crossterm::event::KeyCode;

fn open_case(lang: Lang) -> hrss_desk::tui::app::App {
    let mut a = app(lang, 100, 30);
    act(&mut a, Action::Pane3);
    typed(&mut a, KeyCode::Enter);
    a
}

#[test]
fn a_case_shows_its_next_deadline_with_how_it_was_reached_its_steps_and_its_file() {
    let a = open_case(Lang::Zh);
    let s = draw(&a);
    // Opened 28 Sep: 60 working days skip National Day and count the make-up Saturday.
    assert!(s.contains("下一期限：2026-12-25"), "{s}");
    assert!(s.contains("国庆节"), "{s}");
    assert!(s.contains("事先告知") && s.contains("中止调查"), "{s}");
    assert!(
        s.contains("询问笔录") && s.contains("监察大队档案室"),
        "{s}"
    );
    insta::assert_snapshot!("case_detail_zh_100x30", s);
    let en = draw(&open_case(Lang::En));
    assert!(
        en.contains("Next deadline: 2026-12-25") && en.contains("National Day"),
        "{en}"
    );
    insta::assert_snapshot!("case_detail_en_100x30", en);
}

#[test]
fn f_chooses_a_view_of_the_case_queue() {
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane3);
    a.apply(Action::Scope);
    // The complaints inbox is the first row, the view in use chosen.
    assert!(matches!(a.overlay, Some(Overlay::CaseViews { cursor: 1 })));
    assert!(draw(&a).contains("5个工作日内到期"));
    // Each view says how many cases it holds, counted as it opens.
    let fx = a.apply(Action::Scope);
    assert!(
        matches!(fx.as_slice(), [Effect::CountCaseViews(s)] if s.len() > 10
            && s[2].due_from == Some(today())),
        "{fx:?}"
    );
    feed(&mut a, fx);
    let s = draw(&a);
    let row = s.lines().find(|l| l.contains("5个工作日内到期")).unwrap();
    assert!(row.trim_end_matches([' ', '│']).ends_with("12"), "{s}");
    let first = s.lines().position(|l| l.contains("待受理投诉（3，超期1）"));
    let all = s.lines().position(|l| l.contains("全部在办案件"));
    assert_eq!(first.map(|f| f + 1), all, "{s}");
    key(&mut a, KeyCode::Down);
    let fx = key(&mut a, KeyCode::Enter);
    assert_eq!(a.cases.view, CaseView::Overdue);
    match fx.as_slice() {
        [Effect::LoadPage(ask)] => {
            assert_eq!(ask.kind, ListKind::Cases);
            // Overdue: the next deadline was yesterday or before.
            assert_eq!(ask.request.scope.due_by, today().pred_opt());
        }
        other => panic!("{other:?}"),
    }
    feed(&mut a, fx);
    assert!(draw(&a).contains("已超期"));
    a.cases.view = CaseView::Mine;
    assert_eq!(a.case_scope().inspector, Some(1));
    a.cases.view = CaseView::Unassigned;
    assert!(a.case_scope().unassigned);
}

#[test]
fn m_takes_a_step_listing_the_documents_it_issues() {
    let mut a = open_case(Lang::Zh);
    a.apply(Action::CaseMove);
    let Some(Overlay::CaseMoves { moves, .. }) = &a.overlay else {
        panic!("{:?}", a.overlay)
    };
    assert_eq!(
        moves,
        &[
            CaseMove::Suspend,
            CaseMove::Extend,
            CaseMove::PriorNotice,
            CaseMove::Withdraw,
            CaseMove::Transfer,
            CaseMove::RectifyOrder,
            CaseMove::Order
        ]
    );
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    match &a.overlay {
        Some(Overlay::CaseConfirm {
            step, documents, ..
        }) => {
            assert_eq!(*step, CaseMove::PriorNotice);
            assert_eq!(documents, &[CaseFileKind::PriorNoticeDoc]);
        }
        other => panic!("{other:?}"),
    }
    assert!(draw(&a).contains("行政处罚事先告知书"));
    for c in "当场送达".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::MoveCase(ask)] => {
            assert_eq!(
                (ask.id, ask.step, ask.note.as_str()),
                (1, CaseMove::PriorNotice, "当场送达")
            );
            assert_eq!(ask.decision, None);
        }
        other => panic!("{other:?}"),
    }
    // Done: said, and the case and the queue read again.
    let fx = a.handle(AppEvent::CaseDone(Ok("案件1：事先告知已办理。".into())));
    assert!(a.overlay.is_none());
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadDetail { .. })));
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadPage(_))));
    // Refused: the sentence, and nothing else happens.
    assert!(
        a.handle(AppEvent::CaseDone(Err("缺少文书".into())))
            .is_empty()
    );
    assert_eq!(a.message.as_deref(), Some("缺少文书"));
}

#[test]
fn the_decision_form_refuses_a_fine_outside_its_articles_range() {
    let mut a = open_case(Lang::En);
    a.overlay = Some(Overlay::CaseDecide(DecideForm::fines(1)));
    key(&mut a, KeyCode::Tab);
    for c in "16000".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Char('3'));
    assert!(key(&mut a, KeyCode::Enter).is_empty());
    let s = draw(&a);
    assert!(s.contains("between 3,000.00 and 15,000.00"), "{s}");
    // 15,000 for three workers is the top of art 23's range.
    key(&mut a, KeyCode::BackTab);
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    for c in "5000".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::MoveCase(ask)] => {
            assert_eq!(ask.step, CaseMove::Decide);
            assert_eq!(
                ask.decision,
                Some(DecisionTerms {
                    kind: DecisionKind::Fine,
                    article: "lsi-23".into(),
                    workers: 3,
                    owed: 0,
                    amount: 1_500_000,
                })
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn i_assigns_inspectors_by_their_load_the_first_chosen_as_officer() {
    let mut a = open_case(Lang::Zh);
    act(&mut a, Action::Assign);
    assert!(matches!(a.overlay, Some(Overlay::Assign { .. })));
    assert!(draw(&a).contains("在办4件"));
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Char(' '));
    assert!(draw(&a).contains("[承办] 黄伟"));
    match key(&mut a, KeyCode::Enter).as_slice() {
        [
            Effect::AssignCase {
                ids,
                officer,
                inspectors,
                ..
            },
        ] => {
            assert_eq!(ids, &[1]);
            assert_eq!(officer, "huangwei");
            assert_eq!(inspectors, &["huangwei".to_string(), "zhouhao".to_string()]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn steps_need_an_open_case() {
    let mut a = app(Lang::En, 100, 30);
    act(&mut a, Action::Pane3);
    a.apply(Action::CaseMove);
    assert!(a.overlay.is_none());
    assert!(a.message.as_deref().unwrap().contains("Open a case first"));
}

#[test]
fn n_registers_a_complaint_from_a_form_that_keeps_its_text_on_a_refusal() {
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane3);
    act(&mut a, Action::NewComplaint);
    for c in "张伟".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    // To the matters: Right moves among them, Space ticks.
    for _ in 0..4 {
        key(&mut a, KeyCode::Tab);
    }
    for _ in 0..5 {
        key(&mut a, KeyCode::Right);
    }
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Tab);
    for c in "拖欠工资".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Right); // hotline
    let s = draw(&a);
    assert!(
        s.contains("投诉登记")
            && s.contains("[x]工资支付和最低工资")
            && s.contains("< 12333热线 >"),
        "{s}"
    );
    // Enter moves on like Tab; F2 registers, once until answered.
    let fx = key(&mut a, KeyCode::F(2));
    assert!(
        key(&mut a, KeyCode::F(2)).is_empty(),
        "no second send in flight"
    );
    let ask = match fx.as_slice() {
        [
            Effect::SubmitForm {
                submission: Submission::Complaint(ask),
                ..
            },
        ] => ask.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(ask.complainant, "张伟");
    assert_eq!(ask.matters, [hrss_desk::domain::InspectionMatter::Wages]);
    assert_eq!(ask.channel, "hotline");
    assert_eq!(ask.received_on, Some(today()));
    a.handle(AppEvent::FormDone(Err("请填写投诉人姓名。".into())));
    assert!(matches!(a.overlay, Some(Overlay::Form(_))), "kept open");
    assert!(draw(&a).contains("请填写投诉人姓名") && draw(&a).contains("张伟"));
    // Esc keeps it; n opens it again as it was.
    key(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
    act(&mut a, Action::NewComplaint);
    assert!(draw(&a).contains("张伟"), "{}", draw(&a));
    match key(&mut a, KeyCode::F(2)).as_slice() {
        [Effect::SubmitForm { .. }] => {}
        other => panic!("{other:?}"),
    }
    a.handle(AppEvent::FormDone(Ok(
        hrss_desk::tui::form::FormReply::Done("投诉已登记（编号201）".into()),
    )));
    assert!(a.overlay.is_none());
    act(&mut a, Action::NewComplaint);
    assert!(!draw(&a).contains("张伟"), "a registered form is not kept");
    assert!(a.message.as_deref().unwrap().contains("投诉已登记"));
}

#[test]
fn e_adds_evidence_to_the_open_case() {
    let mut a = open_case(Lang::En);
    act(&mut a, Action::AddEvidence);
    key(&mut a, KeyCode::Right); // site record
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    for c in "Archive room 2".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    match key(&mut a, KeyCode::F(2)).as_slice() {
        [
            Effect::SubmitForm {
                submission:
                    Submission::Evidence {
                        case,
                        kind,
                        kept_at,
                        ..
                    },
                ..
            },
        ] => {
            assert_eq!(*case, 1);
            assert_eq!(*kind, CaseFileKind::SiteRecord);
            assert_eq!(kept_at, "Archive room 2");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn tagged_cases_take_one_step_get_assigned_and_export_together() {
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane3);
    // Nothing tagged: nothing to export, and m asks for an open case.
    a.apply(Action::Export);
    assert!(a.message.as_deref().unwrap().contains("请先标记"));
    act(&mut a, Action::Tag);
    act(&mut a, Action::TagRange);
    assert_eq!(a.cases.tagged.iter().copied().collect::<Vec<_>>(), [1, 2]);
    assert!(a.message.as_deref().unwrap().contains("已标记2件"));
    a.apply(Action::CaseMove);
    let Some(Overlay::BulkMoves { ids, moves, .. }) = a.overlay.clone() else {
        panic!("{:?}", a.overlay)
    };
    assert_eq!(ids, [1, 2]);
    assert!(
        !moves.contains(&CaseMove::Decide),
        "each decision is its own"
    );
    match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::MoveCases { ids, step, .. }] => {
            assert_eq!((ids.as_slice(), *step), (&[1, 2][..], moves[0]))
        }
        other => panic!("{other:?}"),
    }
    key(&mut a, KeyCode::Esc);
    match a.apply(Action::Assign).as_slice() {
        [Effect::LoadInspectors { ids }] => assert_eq!(ids, &[1, 2]),
        other => panic!("{other:?}"),
    }
    match a.apply(Action::Export).as_slice() {
        [Effect::ExportCases { ids, .. }] => assert_eq!(ids, &[1, 2]),
        other => panic!("{other:?}"),
    }
    // T tags the whole view, as the store lists it.
    match a.apply(Action::TagClean).as_slice() {
        [Effect::TagAllCases(scope, _)] => assert_eq!(scope, &a.case_scope()),
        other => panic!("{other:?}"),
    }
    // Done: the tags go.
    a.handle(AppEvent::CaseDone(Ok("已办理2件。".into())));
    assert!(a.cases.tagged.is_empty());
}

#[test]
fn a_view_is_saved_by_name_and_chosen_again_with_its_filter() {
    use hrss_desk::tui::casework::SavedView;
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane3);
    a.cases.view = CaseView::Overdue;
    a.apply(Action::SaveView);
    for c in "晨会超期".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    let saved = match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::SaveView(v, _)] => v.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        (saved.name.as_str(), saved.view),
        ("晨会超期", CaseView::Overdue)
    );
    // Stored and read back as the store keeps it.
    let again = SavedView::from_stored(saved.name.clone(), &saved.definition()).unwrap();
    assert_eq!(again, saved);
    assert!(SavedView::from_stored("坏".into(), "{\"view\":\"nonsense\"}").is_none());
    a.handle(AppEvent::ViewsLoaded(Ok(vec![SavedView {
        filter: "恒信".into(),
        ..saved
    }])));
    a.cases.view = CaseView::All;
    a.apply(Action::Scope);
    let n = CaseView::all().len();
    for _ in 0..n {
        key(&mut a, KeyCode::Down);
    }
    assert!(draw(&a).contains("已存：晨会超期"), "{}", draw(&a));
    let fx = key(&mut a, KeyCode::Enter);
    assert_eq!(a.cases.view, CaseView::Overdue);
    match fx.as_slice() {
        [Effect::LoadPage(ask)] => {
            assert_eq!(ask.request.filter, "恒信");
            assert_eq!(ask.request.scope.due_by, today().pred_opt());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn o_sorts_the_case_queue_by_the_next_column() {
    use hrss_desk::store::CaseSort;
    let mut a = app(Lang::En, 100, 30);
    act(&mut a, Action::Pane3);
    let fx = a.apply(Action::SortCases);
    assert_eq!(a.cases.sort, CaseSort::Number);
    match fx.as_slice() {
        [Effect::LoadPage(ask)] => assert_eq!(ask.request.scope.case_sort, CaseSort::Number),
        other => panic!("{other:?}"),
    }
    feed(&mut a, fx);
    assert!(draw(&a).contains("sorted by number"));
    for _ in 0..4 {
        a.apply(Action::SortCases);
    }
    assert_eq!(a.cases.sort, CaseSort::Deadline, "round again");
}

#[test]
fn a_step_refused_because_another_desk_changed_the_case_keeps_what_was_typed() {
    let mut a = open_case(Lang::Zh);
    a.apply(Action::CaseMove);
    key(&mut a, KeyCode::Enter); // the first step offered
    for c in "已电话通知".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    assert!(matches!(
        key(&mut a, KeyCode::Enter).as_slice(),
        [Effect::MoveCase(_)]
    ));
    a.handle(AppEvent::CaseDone(Err(
        "案件已被他人修改，请刷新后重试。".into()
    )));
    match &a.overlay {
        Some(Overlay::CaseConfirm { note, .. }) => assert_eq!(note, "已电话通知"),
        other => panic!("{other:?}"),
    }
    assert!(a.message.as_deref().unwrap().contains("已被他人修改"));
}

#[test]
fn a_step_on_screen_asks_the_day_it_happened_and_who_approved_it() {
    let mut a = open_case(Lang::Zh);
    a.apply(Action::CaseMove);
    key(&mut a, KeyCode::Enter); // 中止调查, the first step offered
    let s = draw(&a);
    for label in ["理由：", "办理日期：2026-11-27", "批准人：", "预计中止至："] {
        assert!(s.contains(label), "{label}: {s}");
    }
    for c in "当事人下落不明".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    for c in "2026-11-2O".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    // A day mistyped is said in place, nothing sent.
    assert!(key(&mut a, KeyCode::Enter).is_empty());
    assert!(draw(&a).contains("不是日期"));
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Char('0'));
    key(&mut a, KeyCode::Tab);
    for c in "王局长".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::MoveCase(ask)] => {
            assert_eq!(ask.step, CaseMove::Suspend);
            assert_eq!(ask.note, "当事人下落不明");
            assert_eq!(ask.on.map(|d| d.to_string()).as_deref(), Some("2026-11-20"));
            assert_eq!(ask.approved_by, "王局长");
            assert_eq!(ask.until, None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn serving_a_paper_on_screen_says_how_it_was_served() {
    let mut a = open_case(Lang::En);
    a.overlay = Some(Overlay::CaseConfirm {
        id: 1,
        step: CaseMove::Serve,
        documents: vec![CaseFileKind::ServiceReceipt],
        note: String::new(),
        form: hrss_desk::tui::step_form::StepInputs::new(common::today()),
    });
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    assert!(draw(&a).contains("Served by: < Served in person >"));
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Right);
    assert!(draw(&a).contains("< Served by post >"));
    match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::MoveCase(ask)] => {
            assert_eq!(ask.served_by, hrss_desk::domain::ServiceMethod::Post);
            assert_eq!(ask.on, Some(common::today()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_licence_holders_notice_proposes_and_its_decision_chooses_a_licence_penalty() {
    let mut a = open_case(Lang::Zh);
    // The case is a penalty on a licence holder (opened from its ladder).
    if let Some(d) = a.detail.as_mut()
        && let Some(hrss_desk::store::Detail::Case { state: Some(s), .. }) = d.detail.as_mut()
    {
        s.row.licence_id = Some(1);
        s.row.sanction = "revoke".into();
    }
    a.apply(Action::CaseMove);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    // The prior notice proposes a penalty: the licence penalties, by kind.
    let Some(Overlay::CaseDecide(form)) = &a.overlay else {
        panic!("{:?}", a.overlay)
    };
    assert_eq!(form.step, CaseMove::PriorNotice);
    let s = draw(&a);
    assert!(
        s.contains("事先告知") && s.contains("吊销许可证：民办教育促进法第六十二条"),
        "{s}"
    );
    assert!(
        !s.contains("劳动保障监察条例第二十三条"),
        "no labour fines: {s}"
    );
    let revoke = form
        .choices
        .iter()
        .position(|(k, c)| *k == DecisionKind::Revocation && *c == "mjcj-62")
        .unwrap();
    for _ in 0..revoke {
        key(&mut a, KeyCode::Down);
    }
    match key(&mut a, KeyCode::Enter).as_slice() {
        [Effect::MoveCase(ask)] => {
            assert_eq!(ask.step, CaseMove::PriorNotice);
            assert_eq!(
                ask.decision,
                Some(DecisionTerms {
                    kind: DecisionKind::Revocation,
                    article: "mjcj-62".into(),
                    workers: 0,
                    owed: 0,
                    amount: 0,
                })
            );
        }
        other => panic!("{other:?}"),
    }
}

//! The supervision pane (监督检查) at the desk, drawn from fixtures: its
//! sections, what is due and what is overdue, a draw's result, and the forms
//! that record an inspection item by item, take a ladder step and record a
//! lead — from the pane and from a licence's detail.

use crate::common;

use common::tui::*;
use hrss_desk::domain::check_items::Outcome;
use hrss_desk::i18n::Lang;
use hrss_desk::store::ListKind;
use hrss_desk::tui::action::Action;
use hrss_desk::tui::app::{AppEvent, Effect, Overlay};
use hrss_desk::tui::form::Purpose;
use hrss_desk::tui::submission::Submission;
use hrss_desk::workflow::supervision::sections::Section;
use ratatui::crossterm::event::KeyCode;

fn pane(lang: Lang, w: u16, h: u16) -> hrss_desk::tui::app::App {
    let mut a = app(lang, w, h);
    act(&mut a, Action::Pane4);
    a
}

fn submitted(fx: &[Effect]) -> Submission {
    match fx {
        [Effect::SubmitForm { submission, .. }] => submission.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_sections_go_round_with_brackets_and_keys() {
    let mut a = pane(Lang::Zh, 100, 30);
    let s = draw(&a);
    assert!(s.contains("[检查记录]") && s.contains("待检查"), "{s}");
    assert!(
        s.contains("石家庄市鹿泉区恒信人力资源服务有限公司"),
        "the list: {s}"
    );
    typed(&mut a, KeyCode::Char(']'));
    assert_eq!(a.supervision.section, Section::Due);
    assert!(draw(&a).contains("[待检查]"));
    typed(&mut a, KeyCode::Right);
    assert_eq!(a.supervision.section, Section::Rectifications);
    typed(&mut a, KeyCode::Char('['));
    typed(&mut a, KeyCode::Left);
    assert_eq!(a.supervision.section, Section::Inspections);
    typed(&mut a, KeyCode::Left);
    assert_eq!(a.supervision.section, Section::Rota, "round the bar");
    // Another pane's keys are its own: [ does nothing there.
    act(&mut a, Action::Pane3);
    typed(&mut a, KeyCode::Char('['));
    assert_eq!(a.supervision.section, Section::Rota);
}

#[test]
fn due_lists_pending_inspections_and_audit_tasks_marking_a_missed_plan() {
    let mut a = pane(Lang::Zh, 100, 30);
    typed(&mut a, KeyCode::Char(']'));
    let s = draw(&a);
    assert!(
        s.contains("待检查1项（已过计划日期1项），稽核任务1项"),
        "{s}"
    );
    assert!(s.contains("!2026-11-20") && s.contains("检查 #3"), "{s}");
    assert!(
        s.contains("稽核任务 #5") && !s.contains("!2026-11-25"),
        "{s}"
    );
    insta::assert_snapshot!("supervision_due_zh_100x30", s);
    let mut en = pane(Lang::En, 80, 24);
    typed(&mut en, KeyCode::Char(']'));
    let s = draw(&en);
    assert!(s.contains("To inspect: 1 (1 past its planned day)"), "{s}");
    // A licence number keeps its tail, as in the lists (issue 21, point 5).
    assert!(s.contains("~证字[2026]第0001号"), "{s}");
    insta::assert_snapshot!("supervision_due_en_80x24", s);
}

#[test]
fn rectifications_show_days_left_and_overdue_and_open_the_licence() {
    let mut a = pane(Lang::Zh, 80, 24);
    typed(&mut a, KeyCode::Right);
    typed(&mut a, KeyCode::Right);
    let s = draw(&a);
    assert!(s.contains("逾期7天") && s.contains("还剩13天"), "{s}");
    assert!(s.contains("其中逾期未复查1项"), "{s}");
    insta::assert_snapshot!("supervision_rectifications_zh_80x24", s);
    typed(&mut a, KeyCode::Down);
    let fx = key(&mut a, KeyCode::Enter);
    assert_eq!(
        fx,
        vec![Effect::LoadDetail {
            kind: ListKind::Licences,
            id: 3
        }]
    );
    feed(&mut a, fx);
    let s = draw(&a);
    assert!(s.contains("处罚阶梯") || s.contains("阶梯"), "{s}");
    // Esc comes back to the section, the cursor where it was.
    typed(&mut a, KeyCode::Esc);
    assert_eq!(a.supervision.section, Section::Rectifications);
    assert_eq!(a.supervision.cursor, 1);
}

#[test]
fn a_draw_opens_its_published_result() {
    let mut a = pane(Lang::Zh, 100, 30);
    for _ in 0..3 {
        typed(&mut a, KeyCode::Right);
    }
    let s = draw(&a);
    // First result made 10 Nov: published by 20 working days later, 8 Dec
    // (not from the draw of 2 Nov: 企业信息公示暂行条例, 自产生之日起).
    assert!(
        s.contains("#1") && s.contains("4/6") && s.contains("2026-12-08"),
        "{s}"
    );
    typed(&mut a, KeyCode::Enter);
    assert!(matches!(a.overlay, Some(Overlay::Text { .. })));
    let s = draw(&a);
    assert!(
        s.contains("随机种子20261102") && s.contains("杨强、黄伟"),
        "{s}"
    );
    typed(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
}

#[test]
fn an_empty_section_says_so_and_late_answers_are_dropped() {
    let mut a = pane(Lang::Zh, 100, 30);
    for _ in 0..5 {
        typed(&mut a, KeyCode::Right);
    }
    assert_eq!(a.supervision.section, Section::Leads);
    assert!(draw(&a).contains("（无）"), "{}", draw(&a));
    let summary = |a: &hrss_desk::tui::app::App| match &a.supervision.page {
        Some(Ok(p)) => p.summary.clone(),
        other => panic!("{other:?}"),
    };
    // L reads the section again in English; the Chinese answer to the
    // load before, arriving late, is dropped.
    let before = a.supervision.generation;
    let fx = a.apply(Action::Language);
    assert_eq!(
        fx,
        vec![Effect::LoadSection {
            section: Section::Leads,
            lang: Lang::En,
            generation: before + 1,
        }]
    );
    feed(&mut a, fx);
    assert!(
        summary(&a).contains("leads that started"),
        "{}",
        summary(&a)
    );
    a.handle(AppEvent::Section {
        generation: before,
        result: Ok(board(Section::Leads, Lang::Zh)),
    });
    a.handle(AppEvent::Section {
        generation: before,
        result: Err("连接中断".into()),
    });
    assert!(
        summary(&a).contains("leads that started"),
        "{}",
        summary(&a)
    );
    // An answer for a section left since is dropped too, even a failure.
    let asked = key(&mut a, KeyCode::Right);
    assert_eq!(a.supervision.section, Section::Campaigns);
    a.handle(AppEvent::Section {
        generation: before + 1,
        result: Err("连接中断".into()),
    });
    assert!(a.supervision.page.is_none(), "{:?}", a.supervision.page);
    feed(&mut a, asked);
    assert!(
        summary(&a).contains("campaigns and patrols"),
        "{}",
        summary(&a)
    );
}

#[test]
fn c_records_the_selected_inspection_item_by_item() {
    let mut a = pane(Lang::Zh, 100, 30);
    typed(&mut a, KeyCode::Char(']'));
    assert_eq!(
        key(&mut a, KeyCode::Char('c')),
        vec![Effect::PrepareInspection { id: 3 }]
    );
    typed(&mut a, KeyCode::Char('c'));
    let s = draw(&a);
    assert!(
        s.contains("记录检查：石家庄市鹿泉区众诚人力资源服务有限公司（检查#3）")
            && s.contains("经营行为")
            && s.contains("< 未填 >"),
        "{s}"
    );
    // Nothing is recorded while an item is left unfilled.
    assert!(key(&mut a, KeyCode::F(2)).is_empty());
    assert!(draw(&a).contains("尚有5项未填"), "{}", draw(&a));
    // The second item: typing a finding marks it failed, shown on its own line.
    key(&mut a, KeyCode::Tab);
    for c in "两名员工未参保".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Left); // not applicable
    let s = draw(&a);
    assert!(
        s.contains("< 不合格 >") && s.contains("问题：两名员工未参保") && s.contains("< 不适用 >"),
        "{s}"
    );
    // F3: the rest passed.
    key(&mut a, KeyCode::F(3));
    let Submission::Inspection { id: 3, items, .. } = submitted(&key(&mut a, KeyCode::F(2))) else {
        panic!("not inspection 3's record")
    };
    let item = |key: &str| items.iter().find(|(k, _)| k == key).map(|(_, o)| o.clone());
    assert_eq!(item("conduct"), Some(Outcome::Passed));
    assert_eq!(
        item("staff-insurance"),
        Some(Outcome::Failed("两名员工未参保".into()))
    );
    assert_eq!(item("honesty"), Some(Outcome::NotApplicable));
    assert_eq!(item("ledger"), Some(Outcome::Passed));
    a.handle(AppEvent::FormDone(Ok(
        hrss_desk::tui::form::FormReply::Done("检查3已记录".into()),
    )));
    assert!(a.overlay.is_none());
    // An audit task is not an inspection to record.
    typed(&mut a, KeyCode::Down);
    assert!(key(&mut a, KeyCode::Char('c')).is_empty());
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("请先选择一项待检查的检查")
    );
}

#[test]
fn a_late_answer_about_an_inspection_opens_no_form() {
    let mut a = pane(Lang::Zh, 100, 30);
    typed(&mut a, KeyCode::Char(']'));
    let asked = key(&mut a, KeyCode::Char('c'));
    assert_eq!(asked, vec![Effect::PrepareInspection { id: 3 }]);
    // An answer about another inspection is not this one's.
    a.handle(AppEvent::InspectionTarget {
        id: 4,
        result: Ok(Some(hrss_desk::store::InspectionTarget {
            licence_id: 1,
            kind: "hr-service".into(),
            holder: "石家庄市鹿泉区众诚人力资源服务有限公司".into(),
            result: "pending".into(),
        })),
    });
    assert!(a.overlay.is_none());
    // The clerk opened help meanwhile: the answer does not cover it.
    typed(&mut a, KeyCode::Char('?'));
    feed(&mut a, asked);
    assert!(matches!(a.overlay, Some(Overlay::Help { .. })));
}

#[test]
fn c_on_a_licence_records_its_oldest_pending_inspection() {
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane4);
    typed(&mut a, KeyCode::Char(']'));
    typed(&mut a, KeyCode::Enter);
    assert_eq!(
        key(&mut a, KeyCode::Char('c')),
        vec![Effect::PrepareInspection { id: 8 }],
        "planned 26 Nov, before the one of 15 Dec"
    );
    // Back to the section, it is read again: what was done there shows.
    let fx = key(&mut a, KeyCode::Esc);
    assert!(
        matches!(
            fx.as_slice(),
            [Effect::LoadSection {
                section: Section::Due,
                ..
            }]
        ),
        "{fx:?}"
    );
}

#[test]
fn a_recorded_inspection_cannot_be_recorded_again() {
    let mut a = pane(Lang::En, 100, 30);
    typed(&mut a, KeyCode::Char(']'));
    key(&mut a, KeyCode::Char('c'));
    // Recorded at another desk meanwhile.
    a.handle(AppEvent::InspectionTarget {
        id: 3,
        result: Ok(Some(hrss_desk::store::InspectionTarget {
            licence_id: 1,
            kind: "hr-service".into(),
            holder: "石家庄市鹿泉区众诚人力资源服务有限公司".into(),
            result: "failed".into(),
        })),
    });
    assert!(a.overlay.is_none());
    assert!(a.message.as_deref().unwrap().contains("recorded already"));
}

#[test]
fn a_licence_detail_takes_a_ladder_step_and_records_a_lead() {
    let mut a = app(Lang::Zh, 100, 30);
    // Not on a licence: said, nothing opens.
    act(&mut a, Action::SanctionStep);
    assert!(a.overlay.is_none());
    assert!(a.message.as_deref().unwrap().contains("请先打开一个许可证"));
    act(&mut a, Action::Pane4);
    typed(&mut a, KeyCode::Char(']'));
    typed(&mut a, KeyCode::Enter); // the due inspection's licence
    assert!(matches!(&a.detail, Some(d) if d.kind == ListKind::Licences && d.id == 1));
    // Titled as a licence, though opened from the supervision pane.
    assert!(
        draw(&a).contains("许可查询：许可证与服务协议"),
        "{}",
        draw(&a)
    );
    typed(&mut a, KeyCode::Char('s'));
    let s = draw(&a);
    assert!(
        s.contains("处理措施") && s.contains("限期整改、中止协议必填"),
        "{s}"
    );
    for c in "2026-12-31".chars() {
        key(&mut a, KeyCode::Char(c)); // the step field takes no text
    }
    key(&mut a, KeyCode::Tab);
    for c in "2026-12-31".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Tab);
    for c in "未明示收费标准".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    assert_eq!(
        submitted(&key(&mut a, KeyCode::F(2))),
        Submission::Sanction {
            licence: 1,
            step: hrss_desk::domain::ladder::Step::Rectify,
            until: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
            reason: "未明示收费标准".into(),
        }
    );
    a.handle(AppEvent::FormDone(Ok(
        hrss_desk::tui::form::FormReply::Done("已作出处理".into()),
    )));
    typed(&mut a, KeyCode::Char('n'));
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Tab);
    for c in "群众举报收取押金".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    assert_eq!(
        submitted(&key(&mut a, KeyCode::F(2))),
        Submission::Lead {
            licence: 1,
            source: "tip".into(),
            summary: "群众举报收取押金".into(),
        }
    );
}

#[test]
fn an_inspection_detail_records_it_and_steps_its_licence() {
    let mut a = pane(Lang::En, 100, 30);
    typed(&mut a, KeyCode::Enter);
    assert!(matches!(&a.detail, Some(d) if d.kind == ListKind::Inspections));
    let id = a.detail.as_ref().unwrap().id;
    assert_eq!(
        key(&mut a, KeyCode::Char('c')),
        vec![Effect::PrepareInspection { id }]
    );
    typed(&mut a, KeyCode::Char('s'));
    match &a.overlay {
        Some(Overlay::Form(f)) => assert_eq!(f.purpose, Purpose::Sanction { licence: 1 }),
        other => panic!("{other:?}"),
    }
}

#[test]
fn e_exports_the_list_or_section_on_screen_with_its_filter() {
    use hrss_desk::workflow::export::Source;
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane5);
    typed(&mut a, KeyCode::Char('/'));
    typed(&mut a, KeyCode::Char('张'));
    typed(&mut a, KeyCode::Enter);
    match key(&mut a, KeyCode::Char('e')).as_slice() {
        [Effect::ExportView { source, filter, .. }] => {
            assert_eq!(*source, Source::List(ListKind::Persons));
            assert_eq!(filter, "张");
        }
        other => panic!("{other:?}"),
    }
    assert!(a.message.as_deref().unwrap().contains("正在导出"));
    a.handle(AppEvent::Exported(Ok(
        "已导出1行到 /home/x/hrss-desk-persons.xlsx".into(),
    )));
    assert!(draw(&a).contains("已导出1行"), "{}", draw(&a));
    // A supervision section, as shown.
    act(&mut a, Action::Pane4);
    typed(&mut a, KeyCode::Char(']'));
    typed(&mut a, KeyCode::Char(']'));
    assert!(matches!(
        key(&mut a, KeyCode::Char('e')).as_slice(),
        [Effect::ExportView {
            source: Source::Supervision(Section::Rectifications),
            ..
        }]
    ));
    // Not from a record's detail (there `e` files evidence on a case).
    typed(&mut a, KeyCode::Enter);
    assert!(a.detail.is_some());
    assert!(!matches!(
        key(&mut a, KeyCode::Char('e')).as_slice(),
        [Effect::ExportView { .. }]
    ));
}

#[test]
fn capital_i_opens_the_import_form_from_any_pane() {
    let mut a = app(Lang::En, 100, 30);
    typed(&mut a, KeyCode::Char('I'));
    let s = draw(&a);
    assert!(
        s.contains("Import a register") && s.contains("< licences >"),
        "{s}"
    );
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Right); // persons
    key(&mut a, KeyCode::Tab);
    for c in "~/名册.csv".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    match submitted(&key(&mut a, KeyCode::F(2))) {
        Submission::Import(ask) => {
            assert_eq!(ask.kind, hrss_desk::domain::import::ImportKind::Persons);
            assert_eq!(ask.file, "~/名册.csv");
            assert!(!ask.dry_run);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn p_prints_the_records_document_or_offers_a_cases() {
    use hrss_desk::domain::documents::DocKind;
    // A licence: the rectification notice of its step with a deadline.
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane4);
    typed(&mut a, KeyCode::Char(']'));
    typed(&mut a, KeyCode::Enter);
    assert_eq!(
        key(&mut a, KeyCode::Char('p')),
        vec![Effect::PrintDocument {
            kind: DocKind::RectificationNotice,
            id: 4,
            lang: Lang::Zh
        }]
    );
    assert!(a.message.as_deref().unwrap().contains("正在出具整改通知书"));
    // A pending filing: its receipt for the applicant.
    let mut f = app(Lang::Zh, 100, 30);
    typed(&mut f, KeyCode::Enter);
    match key(&mut f, KeyCode::Char('p')).as_slice() {
        [Effect::PrintDocument { kind, .. }] => assert_eq!(*kind, DocKind::FilingReceipt),
        other => panic!("{other:?}"),
    }
    assert!(f.message.as_deref().unwrap().contains("正在出具收件回执"));
    // A case past its opening: the documents its steps allow, to choose.
    let mut c = app(Lang::Zh, 100, 30);
    act(&mut c, Action::Pane3);
    typed(&mut c, KeyCode::Enter);
    typed(&mut c, KeyCode::Char('p'));
    let Some(Overlay::Documents { kinds, .. }) = &c.overlay else {
        panic!("{:?}", c.overlay);
    };
    assert!(kinds.contains(&DocKind::CaseOpening), "{kinds:?}");
    assert!(
        !kinds.contains(&DocKind::CaseClosing),
        "not yet closed: {kinds:?}"
    );
    assert!(draw(&c).contains("立案审批表"), "{}", draw(&c));
    let second = kinds[1];
    key(&mut c, KeyCode::Down);
    match key(&mut c, KeyCode::Enter).as_slice() {
        [Effect::PrintDocument { kind, .. }] => assert_eq!(*kind, second),
        other => panic!("{other:?}"),
    }
    assert!(c.overlay.is_none());
}

#[test]
fn e_on_the_lookup_exports_its_hits_masked() {
    let mut a = app(Lang::Zh, 100, 30);
    act(&mut a, Action::Pane2);
    // The persons' scope, then a person's name.
    for _ in 0..9 {
        if a.lookup.filter == hrss_desk::search::KindFilter::Persons {
            break;
        }
        common::tui::ctrl(&mut a, 't');
    }
    assert_eq!(a.lookup.filter, hrss_desk::search::KindFilter::Persons);
    for c in "欧阳".chars() {
        typed(&mut a, KeyCode::Char(c));
    }
    // Ctrl-E while typing: the hits as they stand.
    let ctrl_e = ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('e'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    match a.handle(AppEvent::Key(ctrl_e)).as_slice() {
        [Effect::WriteTable { table, .. }] => {
            assert!(!table.rows.is_empty());
            assert_eq!(table.head[0], "类别");
            let shown: Vec<String> = table.rows.iter().map(|r| format!("{:?}", r[1])).collect();
            assert!(
                shown.iter().any(|n| n.contains("********")),
                "ID numbers masked: {shown:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn capital_p_prints_the_notice_of_the_filing_just_returned() {
    use hrss_desk::domain::documents::DocKind;
    let mut a = app(Lang::Zh, 100, 30);
    assert!(
        key(&mut a, KeyCode::Char('P')).is_empty(),
        "nothing returned yet"
    );
    a.review.last_returned = Some(5);
    assert_eq!(
        key(&mut a, KeyCode::Char('P')),
        vec![Effect::PrintDocument {
            kind: DocKind::CorrectionNotice,
            id: 5,
            lang: Lang::Zh
        }]
    );
}

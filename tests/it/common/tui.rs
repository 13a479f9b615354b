//! The terminal program's fixtures: rows, details and search answers as the
//! database would give them, an app fed with them, keys and a drawn screen.
// Money in fen reads as yuan and fen.
#![allow(clippy::inconsistent_digit_grouping)]

use chrono::{NaiveDate, TimeZone, Utc};
use hrss_desk::domain::calendar::CalendarFile;
use hrss_desk::domain::{Role, WorkCalendar};
use hrss_desk::i18n::Lang;
use hrss_desk::store::*;
use hrss_desk::tui::action::Action;
use hrss_desk::tui::app::{App, AppEvent, Effect, Who};
use hrss_desk::tui::keymap::Keymap;
use hrss_desk::tui::render::{render, screen_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};

pub use super::today;

pub fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

pub fn rows(kind: ListKind) -> Vec<ListItem> {
    let at = |m, day| {
        Utc.with_ymd_and_hms(2026, m, day, 2, 30, 0)
            .single()
            .unwrap()
    };
    match kind {
        ListKind::Filings => vec![
            ListItem::Filing(FilingItem {
                id: 1,
                kind: hrss_desk::domain::FilingKind::parse("enroll").unwrap(),
                status: "pending".into(),
                employer_name: Some("石家庄市鹿泉区恒信建筑工程有限公司".into()),
                person_name: Some("曾晓东".into()),
                person_id_number: Some("130110199003070015".into()),
                person_id: Some(1),
                employer_id: Some(1),
                received_at: at(11, 9),
                material_problems: 1,
                lease_holder: None,
                lease_by: None,
            }),
            ListItem::Filing(FilingItem {
                id: 2,
                kind: hrss_desk::domain::FilingKind::parse("contribution-base").unwrap(),
                status: "pending".into(),
                // A name carrying an escape sequence must not reach the terminal raw.
                employer_name: Some("河北润德\u{1b}[2J商贸有限公司".into()),
                person_name: Some("单丽".into()),
                person_id_number: Some("13018519850615002X".into()),
                person_id: Some(2),
                employer_id: Some(2),
                received_at: at(11, 25),
                material_problems: 0,
                lease_holder: Some("李娜".into()),
                lease_by: Some(4),
            }),
        ],
        ListKind::Licences => vec![
            ListItem::Licence(LicenceRow {
                id: 1,
                kind: hrss_desk::domain::LicenceKind::HrService,
                number: "(冀)人服证字[2023]第0107号".into(),
                holder: "石家庄市鹿泉区恒信人力资源服务有限公司".into(),
                uscc: "91130110MA0F3K7Q2X".into(),
                legal_rep: "王伟".into(),
                address: "石家庄市鹿泉区获鹿镇向阳大街12号".into(),
                district: "鹿泉区".into(),
                zone: Some("LQ-01".into()),
                issued_on: d(3, 1),
                expires_on: Some(d(12, 10)),
                status: hrss_desk::domain::LicenceStatus::Valid,
            }),
            ListItem::Licence(LicenceRow {
                id: 2,
                kind: hrss_desk::domain::LicenceKind::TrainingSchool,
                number: "人社民1301100001001号".into(),
                holder: "鹿泉区博远职业技能培训学校".into(),
                uscc: "52130110MA0F3K7Q2X".into(),
                legal_rep: "李娜".into(),
                address: "石家庄市鹿泉区铜冶镇".into(),
                district: "鹿泉区".into(),
                zone: Some("LQ-02".into()),
                issued_on: d(1, 5),
                expires_on: Some(d(10, 1)),
                status: hrss_desk::domain::LicenceStatus::Valid,
            }),
            ListItem::Licence(LicenceRow {
                id: 3,
                kind: hrss_desk::domain::LicenceKind::DesignatedPharmacy,
                number: "P130110000012".into(),
                holder: "石家庄乐亭大药房有限公司鹿泉上庄镇店".into(),
                uscc: "91130110MA0F3K7Q2X".into(),
                legal_rep: "赵强".into(),
                address: "上庄镇".into(),
                district: "鹿泉区".into(),
                zone: Some("LQ-02".into()),
                issued_on: d(2, 2),
                expires_on: Some(NaiveDate::from_ymd_opt(2029, 2, 1).unwrap()),
                status: hrss_desk::domain::LicenceStatus::Revoked,
            }),
        ],
        ListKind::Cases => vec![
            ListItem::Case(CaseItem {
                id: 1,
                number: "鹿人社监案〔2026〕016号".into(),
                respondent_name: "石家庄市鹿泉区冀华水泥制品有限公司".into(),
                stage: hrss_desk::domain::CaseStage::parse("investigating").unwrap(),
                registered_on: d(9, 1),
                due_on: Some(d(11, 20)),
                officer_name: Some("杨强".into()),
                mass_incident: false,
                due_rule: "investigation".into(),
                queue_key: "B2026-11-20".into(),
                sort_key: "B2026-11-20".into(),
            }),
            ListItem::Case(CaseItem {
                id: 2,
                number: "鹿人社监案〔2026〕023号".into(),
                respondent_name: "河北信达汽车服务股份有限公司".into(),
                stage: hrss_desk::domain::CaseStage::parse("prior-notice").unwrap(),
                registered_on: d(10, 9),
                due_on: Some(d(12, 2)),
                officer_name: Some("黄伟".into()),
                mass_incident: false,
                due_rule: "statement".into(),
                queue_key: "B2026-12-02".into(),
                sort_key: "B2026-12-02".into(),
            }),
        ],
        ListKind::Inspections => vec![ListItem::Inspection(InspectionItem {
            id: 1,
            licence_number: "(冀)人服证字[2023]第0107号".into(),
            holder: "石家庄市鹿泉区恒信人力资源服务有限公司".into(),
            method: hrss_desk::domain::InspectionMethod::parse("on-site").unwrap(),
            planned_on: d(11, 3),
            result: hrss_desk::domain::InspectionResult::parse("failed").unwrap(),
        })],
        ListKind::Employers => vec![],
        ListKind::Persons => vec![ListItem::Person(PersonItem {
            id: 1,
            name: "欧阳秀英".into(),
            id_number: "130110199003070015".into(),
            employer_name: Some("石家庄市鹿泉区恒信建筑工程有限公司".into()),
            status: hrss_desk::domain::PersonStatus::parse("active").unwrap(),
            contribution_base: 6_420_00,
        })],
    }
}

/// A case in investigation, opened 28 Sep 2026 (before National Day).
pub fn case_detail() -> Detail {
    let ListItem::Case(item) = rows(ListKind::Cases).remove(0) else {
        unreachable!()
    };
    let row = CaseStateRow {
        id: item.id,
        version: 4,
        number: item.number.clone(),
        respondent_name: item.respondent_name.clone(),
        respondent_employer_id: Some(3),
        stage: hrss_desk::domain::CaseStage::parse("investigating").unwrap(),
        registered_on: d(9, 21),
        opened_on: Some(d(9, 28)),
        due_on: Some(d(12, 25)),
        extended: false,
        suspended: false,
        hearing_required: false,
        hearing_requested: false,
        hearing_host_id: None,
        legal_reviewer_id: None,
        case_officer_id: Some(7),
        mass_incident: false,
        notice_served_on: None,
        decided_on: None,
        served_on: None,
        fine: 0,
        article: String::new(),
        outcome: String::new(),
        due_rule: "investigation".into(),
        queue_key: "B2026-12-25".into(),
        complaint_received_on: Some(d(9, 18)),
        source: "complaint".into(),
        respondent_kind: "organisation".into(),
        matters: "wages".into(),
        facts: String::new(),
        anonymous: false,
        informant_name: String::new(),
        informant_phone: String::new(),
        last_act_on: Some(d(10, 14)),
        reminder_served_on: None,
        court_applied_on: None,
        rights_waived: false,
        decision: String::new(),
        order_deadline: None,
        hearing_on: None,
        licence_id: None,
        sanction: String::new(),
    };
    Detail::Case {
        item,
        facts: Some("拖欠三个月工资未支付".into()),
        fine: 0,
        outcome: String::new(),
        inspectors: vec!["杨强".into(), "黄伟".into()],
        events: vec![],
        state: Some(Box::new(CaseState {
            row,
            inspectors: vec![7, 8],
            on_file: vec!["complaint-form".into(), "opening-approval".into()],
            suspensions: vec![],
            conflicted: vec![],
            payments: vec![],
        })),
        files: vec![CaseFileRow {
            kind: hrss_desk::domain::CaseFileKind::parse("inquiry-record").unwrap(),
            on_date: d(10, 14),
            recorded_by: Some("杨强".into()),
            kept_at: "监察大队档案室".into(),
            note: "询问劳动者张某".into(),
        }],
    }
}

pub fn detail(kind: ListKind, id: i64) -> Detail {
    match kind {
        ListKind::Cases => case_detail(),
        ListKind::Licences => {
            let ListItem::Licence(l) = rows(kind).remove(0) else {
                unreachable!()
            };
            let (number, holder) = (l.number.clone(), l.holder.clone());
            Detail::Licence {
                licence: l,
                // Newest first, as the store gives them: two still pending.
                inspections: vec![
                    InspectionRow {
                        id: 9,
                        licence_id: id,
                        method: hrss_desk::domain::InspectionMethod::parse("on-site").unwrap(),
                        planned_on: d(12, 15),
                        done_on: None,
                        result: hrss_desk::domain::InspectionResult::parse("pending").unwrap(),
                        findings: String::new(),
                    },
                    InspectionRow {
                        id: 8,
                        licence_id: id,
                        method: hrss_desk::domain::InspectionMethod::parse("written").unwrap(),
                        planned_on: d(11, 26),
                        done_on: None,
                        result: hrss_desk::domain::InspectionResult::parse("pending").unwrap(),
                        findings: String::new(),
                    },
                    InspectionRow {
                        id: 1,
                        licence_id: id,
                        method: hrss_desk::domain::InspectionMethod::parse("on-site").unwrap(),
                        planned_on: d(11, 3),
                        done_on: Some(d(11, 3)),
                        result: hrss_desk::domain::InspectionResult::parse("failed").unwrap(),
                        findings: "未在服务场所明示收费标准".into(),
                    },
                ],
                sanctions: vec![],
                reviews: vec![],
                steps: vec![SanctionStepRow {
                    id: 4,
                    step: hrss_desk::domain::ladder::Step::parse("warn-rectify").unwrap(),
                    decided_on: d(11, 10),
                    deadline: Some(d(12, 10)),
                    reason: "未明示收费标准".into(),
                    until_on: Some(d(12, 10)),
                    case_number: None,
                }],
                standing: None,
                leads: vec![LeadRow {
                    id: 1,
                    licence_id: 1,
                    number,
                    holder,
                    source: hrss_desk::domain::LeadSource::parse("media").unwrap(),
                    summary: "报道称收取求职押金".into(),
                    received_on: d(10, 28),
                    inspection_id: Some(1),
                }],
                complaints: vec![ComplaintItem {
                    id: 1,
                    received_on: d(8, 20),
                    channel: hrss_desk::domain::ComplaintChannel::parse("hotline").unwrap(),
                    matters: "wages".into(),
                    decision: hrss_desk::domain::ComplaintDecision::parse("accepted").unwrap(),
                    facts: "拖欠三个月工资未支付".into(),
                }],
                cases: vec![CaseItem {
                    id: 1,
                    number: "鹿人社监案〔2026〕016号".into(),
                    respondent_name: "石家庄市鹿泉区恒信人力资源服务有限公司".into(),
                    stage: hrss_desk::domain::CaseStage::parse("investigating").unwrap(),
                    registered_on: d(9, 1),
                    due_on: Some(d(11, 20)),
                    officer_name: Some("杨强".into()),
                    mass_incident: false,
                    due_rule: "investigation".into(),
                    queue_key: "B2026-11-20".into(),
                    sort_key: "B2026-11-20".into(),
                }],
            }
        }
        ListKind::Inspections => {
            let ListItem::Inspection(item) = rows(kind).remove(0) else {
                unreachable!()
            };
            Detail::Inspection {
                item,
                licence: (1, "hr-service".into()),
                notice: None,
                findings: "notices: 未公示收费标准".into(),
                inspectors: vec!["杨强".into(), "黄伟".into()],
                campaign: Some("清理整顿人力资源市场秩序专项行动".into()),
                // Stored in code order; shown in the order of the kind's list.
                items: vec![
                    ("conduct".into(), "passed".into(), String::new()),
                    ("ledger".into(), "na".into(), String::new()),
                    ("notices".into(), "failed".into(), "未公示收费标准".into()),
                ],
            }
        }
        _ => {
            let ListItem::Filing(f) = rows(ListKind::Filings).remove(0) else {
                unreachable!()
            };
            Detail::Filing {
                item: f,
                declared: r#"{"id_number":"130110199003070015","wage":650000}"#.into(),
                materials: vec![MaterialLine {
                    material: "labour-contract".into(),
                    name_zh: "劳动合同".into(),
                    name_en: "Labour contract".into(),
                    required: true,
                    present: Some(false),
                    valid: Some(false),
                    note: None,
                }],
                decision: None,
                reason: String::new(),
                average_wage: None,
                pension_figure: None,
                intake: hrss_desk::store::FilingIntake {
                    channel: "window".into(),
                    ..Default::default()
                },
            }
        }
    }
}

pub fn dashboard() -> Dashboard {
    Dashboard {
        counts: counts(),
        pending_by_kind: vec![("enroll".into(), 50), ("suspend".into(), 50)],
        cases_by_stage: vec![("opened".into(), 22), ("closed".into(), 22)],
        licences_by_kind: vec![("hr-service".into(), 150, 140)],
        expiring_soon: 14,
        expired: 9,
        rectifications_overdue: 3,
        rectifications_pending: 2,
        cases_due_soon: 7,
        inspections_pending: 12,
        audit_tasks_open: 4,
        leads_open: 2,
        suspensions_ending: 5,
        held_until_recheck: 1,
        agreement_renewals_due: 6,
    }
}

pub fn counts() -> Counts {
    Counts {
        employers: 2_000,
        persons: 50_000,
        licences: 410,
        pending_filings: 300,
        overdue_filings: 4,
        open_cases: 178,
        overdue_cases: 12,
        pending_complaints: 3,
        overdue_complaints: 1,
    }
}

/// The lookup index over the fixtures' licences and persons.
pub fn fixture_index() -> std::sync::Arc<hrss_desk::search::Index> {
    let mut sources = Vec::new();
    for kind in [ListKind::Licences, ListKind::Persons] {
        for item in rows(kind) {
            let row = match item {
                ListItem::Licence(l) => LookupRow {
                    source: "licence".into(),
                    licence_kind: l.kind.code().into(),
                    id: l.id,
                    name: l.holder,
                    number: l.number,
                    uscc: l.uscc,
                    status: l.status.code().into(),
                    expires_on: l.expires_on,
                    employer_id: None,
                },
                ListItem::Person(p) => LookupRow {
                    source: "person".into(),
                    licence_kind: String::new(),
                    id: p.id,
                    name: p.name,
                    number: p.id_number,
                    uscc: String::new(),
                    status: p.status.code().into(),
                    expires_on: None,
                    employer_id: None,
                },
                _ => unreachable!(),
            };
            sources.push(hrss_desk::search::source(
                row,
                today(),
                hrss_desk::domain::licence::DEFAULT_WARN_DAYS,
            ));
        }
    }
    let mut ix = hrss_desk::search::Index::build(sources);
    ix.finish();
    std::sync::Arc::new(ix)
}

/// What the checks find in the fixture filing.
pub fn fixture_problems() -> Vec<hrss_desk::domain::review::Problem> {
    use hrss_desk::domain::review::Problem;
    vec![
        Problem::MissingMaterial("labour-contract".into()),
        Problem::LateRegistration { days: 45 },
    ]
}

/// The problems found across the fixture queue.
pub fn fixture_tally() -> Vec<(String, i64)> {
    vec![
        ("material-missing".into(), 2),
        ("registration-late".into(), 1),
    ]
}

/// A section of the supervision pane as the database would give it.
pub fn board(
    section: hrss_desk::workflow::supervision::sections::Section,
    lang: Lang,
) -> hrss_desk::workflow::supervision::sections::SectionPage {
    use hrss_desk::workflow::supervision::sections::{self as b, Section, SectionPage};
    let (summary, rows) = match section {
        Section::Due => b::due(
            lang,
            &[
                InspectionQueueRow {
                    source: "inspection".into(),
                    id: 3,
                    licence_id: 1,
                    since: d(11, 20),
                    number: "(冀)人服证字[2026]第0001号".into(),
                    holder: "石家庄市鹿泉区众诚人力资源服务有限公司".into(),
                    what: "on-site".into(),
                    month: 0,
                    detail: String::new(),
                },
                InspectionQueueRow {
                    source: "audit".into(),
                    id: 5,
                    licence_id: 2,
                    since: d(11, 25),
                    number: "H130110000023".into(),
                    holder: "石家庄鹿鸣医院有限公司".into(),
                    what: "sudden-jump".into(),
                    month: 202610,
                    detail: "cost=9800000 own_mean=4100000".into(),
                },
            ],
            today(),
        ),
        Section::Rectifications => b::rectifications(
            lang,
            &[
                RectificationRow {
                    licence_id: 1,
                    number: "(冀)人服证字[2026]第0001号".into(),
                    holder: "石家庄市鹿泉区众诚人力资源服务有限公司".into(),
                    step: hrss_desk::domain::ladder::Step::parse("warn-rectify").unwrap(),
                    decided_on: d(10, 20),
                    deadline: d(11, 20),
                    reinspected_on: None,
                },
                RectificationRow {
                    licence_id: 3,
                    number: "人社民1301100001046号".into(),
                    holder: "鹿泉区聚贤汽车维修培训学校".into(),
                    step: hrss_desk::domain::ladder::Step::parse("warn-rectify").unwrap(),
                    decided_on: d(11, 10),
                    deadline: d(12, 10),
                    reinspected_on: None,
                },
            ],
            today(),
        ),
        Section::Draws => {
            let cal = WorkCalendar::from_years(
                &CalendarFile::parse(include_str!("../../../data/calendar.toml"))
                    .unwrap()
                    .year,
            );
            b::draws(
                lang,
                &[DrawPlanRow {
                    id: 1,
                    name: "2026年第四季度人力资源服务机构抽查".into(),
                    licence_kind: "hr-service".into(),
                    zone: String::new(),
                    seed: "20261102".into(),
                    drawn_at: Utc.with_ymd_and_hms(2026, 11, 2, 2, 0, 0).single().unwrap(),
                    inspections: 6,
                    done: 4,
                    first_done_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 10),
                }],
                &cal,
            )
        }
        Section::Leads => b::leads(lang, &[]),
        Section::Campaigns => b::campaigns(lang, &[], today()),
        _ => (String::new(), Vec::new()),
    };
    SectionPage {
        section,
        summary,
        rows,
    }
}

/// The records the fixture month is counted from.
pub fn stats_records() -> hrss_desk::domain::statistics::Records {
    hrss_desk::domain::statistics::Records {
        received: vec![d(11, 2), d(11, 3), d(11, 20), d(10, 8)],
        resubmitted: vec![d(11, 20)],
        decided: vec![
            (d(11, 3), true, "王芳".into()),
            (d(11, 3), false, "王芳".into()),
            (d(11, 20), true, "李娜".into()),
            (d(10, 9), true, "李娜".into()),
        ],
        cases: vec![
            (d(11, 9), vec!["wages".into()]),
            (d(9, 1), vec!["insurance".into()]),
        ],
        inspections: vec![(d(11, 1), Some(d(11, 5))), (d(11, 20), None)],
        ..Default::default()
    }
}

/// A return's day to correct by: 15 working days from the pinned today.
fn fixture_due(
    decision: hrss_desk::domain::decision::Decision,
) -> Option<hrss_desk::domain::calendar::Deadline> {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 18).unwrap();
    (decision == hrss_desk::domain::decision::Decision::Return).then_some(
        hrss_desk::domain::calendar::Deadline {
            date,
            provisional: false,
        },
    )
}

/// Answers every effect as the database would, with the fixtures.
pub fn feed(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        let event = match e {
            Effect::BuildIndex => AppEvent::IndexReady(Ok(fixture_index())),
            Effect::PrepareDecision { id, decision, .. } => {
                AppEvent::DecisionReady(Ok(hrss_desk::workflow::Draft {
                    id,
                    version: 3,
                    decision,
                    problems: vec!["缺少材料：劳动合同，请补交。".into(), "入职45天后才申报，超过30天的登记期限。".into()],
                    notice: "一次性告知书\n1. 缺少材料：劳动合同，请补交。\n2. 入职45天后才申报，超过30天的登记期限。\n".into(),
                    correction_due: fixture_due(decision),
                    refused: None,
                    needs_reason: decision == hrss_desk::domain::decision::Decision::Approve,
                }))
            }
            // Decisions are taken by the tests themselves, to look at them.
            Effect::Decide(_) | Effect::ApproveTagged { .. } => continue,
            Effect::TagClean { .. } => AppEvent::CleanFilings(Ok(vec![2])),
            Effect::Reveal { .. } => continue,
            Effect::TakeLease { .. } => continue,
            Effect::Search(ask) => {
                let index = app.index.clone().unwrap();
                let hits = index.search(&ask.query, ask.filter, 200, ask.previous.as_deref(), None);
                AppEvent::Searched {
                    generation: ask.generation,
                    query: ask.query,
                    hits: hits.map(Box::new),
                }
            }
            Effect::LoadPage(ask) => {
                let result = Ok(rows(ask.kind));
                AppEvent::Page { ask, result }
            }
            Effect::LoadDetail { kind, id } => {
                let more = app.handle(AppEvent::Detail {
                    kind,
                    id,
                    result: Ok(Some(detail(kind, id))),
                });
                feed(app, more);
                if kind != ListKind::Filings {
                    continue;
                }
                AppEvent::FilingProblems {
                    id,
                    problems: Ok(fixture_problems()),
                }
            }
            Effect::Recheck | Effect::LoadTally => AppEvent::Tally(Ok(fixture_tally())),
            Effect::RecomputeDeadlines => AppEvent::DeadlinesRecomputed(Ok(0)),
            // Steps and assignments are taken by the tests themselves, to look at them.
            Effect::MoveCase(_)
            | Effect::AssignCase { .. }
            | Effect::SubmitForm { .. }
            | Effect::MoveCases { .. }
            | Effect::TagAllCases(..)
            | Effect::ExportCases { .. }
            | Effect::ExportView { .. }
            | Effect::PrintDocument { .. }
            | Effect::WriteTable { .. }
            | Effect::SaveView(..) => continue,
            Effect::LoadViews => AppEvent::ViewsLoaded(Ok(vec![])),
            Effect::LoadInspectors { ids } => AppEvent::Inspectors {
                ids,
                result: Ok([
                    (7, "杨强", "yangqiang", 4),
                    (8, "黄伟", "huangwei", 2),
                    (9, "周浩", "zhouhao", 0),
                ]
                .map(|(id, name, login, open_cases)| hrss_desk::store::InspectorLoad {
                    id,
                    name: name.into(),
                    login: login.into(),
                    open_cases,
                })
                .to_vec()),
            },
            Effect::LoadDashboard => AppEvent::Dashboard(Ok(dashboard())),
            Effect::LoadStatistics { month } => AppEvent::Statistics {
                month,
                result: Ok(hrss_desk::domain::statistics::figures(&stats_records(), month)),
            },
            Effect::WriteReport { .. } => continue,
            Effect::LoadSection {
                section,
                lang,
                generation,
            } => AppEvent::Section {
                generation,
                result: Ok(board(section, lang)),
            },
            Effect::ShowDraw { id, .. } => AppEvent::TextReady(Ok((
                format!("抽查#{id}"),
                vec!["抽查1“2026年第四季度”：随机种子20261102".into(), "(冀)人服证字[2026]第0001号\t众诚\t杨强、黄伟".into()],
            ))),
            Effect::PrepareInspection { id } => AppEvent::InspectionTarget {
                id,
                result: Ok(Some(hrss_desk::store::InspectionTarget {
            licence_id: 1,
            kind: "hr-service".into(),
            holder: "石家庄市鹿泉区众诚人力资源服务有限公司".into(),
            result: "pending".into(),
        })),
            },
            Effect::LoadCounts => AppEvent::Counts(Ok(counts())),
            Effect::PrepareGroup { .. } => AppEvent::GroupReady(Err("no store".into())),
            // A figure per view, each its place in the list plus ten.
            Effect::CountCaseViews(scopes) => {
                AppEvent::CaseViewCounts(Ok((0..scopes.len() as i64).map(|i| i + 10).collect()))
            }
            // The inbox is read from a real office in its tests (tui_complaints).
            Effect::LoadComplaints { .. } => AppEvent::Complaints(Ok(vec![])),
            Effect::DecideComplaint { .. } => continue,
            Effect::Quit => continue,
        };
        let more = app.handle(event);
        feed(app, more);
    }
}

pub fn app(lang: Lang, w: u16, h: u16) -> App {
    let cal = WorkCalendar::from_years(
        &CalendarFile::parse(include_str!("../../../data/calendar.toml"))
            .unwrap()
            .year,
    );
    let who = Who {
        id: 1,
        name: "赵静".into(),
        login: "zhaojing".into(),
        roles: vec![Role::Chief, Role::Admin],
    };
    let (mut app, fx) = App::new(
        who,
        lang,
        "SQLite /srv/hrss/hrss-desk.sqlite".into(),
        Keymap::shipped("default").unwrap(),
        cal,
        today(),
        (w, h),
    );
    feed(&mut app, fx);
    app
}

pub fn act(app: &mut App, a: Action) {
    let fx = app.apply(a);
    feed(app, fx);
}

pub fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle(AppEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Ctrl and a letter, its effects fed back as the runner would.
pub fn ctrl(app: &mut App, c: char) {
    let fx = app.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
    feed(app, fx);
}

pub fn typed(app: &mut App, code: KeyCode) {
    let fx = key(app, code);
    feed(app, fx);
}

pub fn draw(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| render(f, app)).unwrap();
    screen_text(t.backend().buffer())
}

//! Random inspection draws on every backend: the pools from the database,
//! the draw recorded with its inspections, and its replay.

use crate::common;
use hrss_desk::workflow::Cx;

use chrono::NaiveDate;
use common::TestDb;
use hrss_desk::domain::draw::Plan;
use hrss_desk::i18n::Lang;
use hrss_desk::store::{Detail, ListKind, StoreError};
use hrss_desk::workflow::draws;

#[tokio::test]
async fn a_draw_is_recorded_with_its_inspections_and_replays_identically() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        // An inspector declares an interest in a licence holder: never sent there.
        // The licence holder is also on the employer register (same credit code).
        let licence = db
            .scalar("SELECT MIN(id) FROM licence WHERE status = 'valid'")
            .await;
        db.raw(&format!(
            "INSERT INTO employer (id, uscc, name, status) SELECT 900001, uscc, holder, 'active' FROM licence WHERE id = {licence}"
        ))
        .await;
        let employer = 900001;
        let zhou = store.staff_by_login("zhouhao").await.unwrap().unwrap();
        store
            .declare_conflict("liuyang", zhou.id, employer, "亲属任职", today)
            .await
            .unwrap();
        let plan = Plan {
            seed: 7,
            ratio_permille: 1000,
            per_target: 2,
        };
        let d = draws::run(
            &crate::common::cx(&store, &chief, Lang::Zh, today),
            "全部",
            "",
            "",
            plan,
        )
        .await
        .unwrap();
        assert!(!d.result.picks.is_empty(), "{}", db.label);
        let made = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM inspection WHERE draw_id = {}",
                d.id
            ))
            .await;
        assert_eq!(made as usize, d.result.picks.len(), "{}", db.label);
        let sent_there = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM inspection i JOIN inspection_inspector ii ON ii.inspection_id = i.id
                 WHERE i.draw_id = {} AND i.licence_id = {licence} AND ii.staff_id = {}",
                d.id, zhou.id
            ))
            .await;
        assert_eq!(
            sent_there, 0,
            "{}: a declared interest keeps them away",
            db.label
        );
        assert!(
            draws::replay(&store, Lang::Zh, d.id).await.unwrap(),
            "{}",
            db.label
        );
        // Its results are published from the first one made, not from the draw.
        let plan_of = |plans: Vec<hrss_desk::store::DrawPlanRow>| {
            plans.into_iter().find(|p| p.id == d.id).unwrap()
        };
        assert_eq!(
            plan_of(store.draw_plans().await.unwrap()).first_done_on,
            None
        );
        db.raw(&format!(
            "UPDATE inspection SET result = 'passed', done_on = '2026-12-02' WHERE id = (SELECT MIN(id) FROM inspection WHERE draw_id = {0});
             UPDATE inspection SET result = 'failed', done_on = '2026-12-01' WHERE id = (SELECT MAX(id) FROM inspection WHERE draw_id = {0})",
            d.id
        ))
        .await;
        assert_eq!(
            plan_of(store.draw_plans().await.unwrap()).first_done_on,
            NaiveDate::from_ymd_opt(2026, 12, 1),
            "{}",
            db.label
        );
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn an_inspection_is_recorded_once_and_its_rectification_comes_due() {
    use hrss_desk::domain::check_items::Outcome;
    use hrss_desk::domain::ladder::Step;
    use hrss_desk::workflow::supervision;
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let inspector = store.staff_by_login("yangqiang").await.unwrap().unwrap();
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let inspection = db
            .scalar("SELECT MIN(i.id) FROM inspection i JOIN licence l ON l.id = i.licence_id WHERE i.result = 'pending' AND l.kind = 'training-school'")
            .await;
        let licence = db
            .scalar(&format!(
                "SELECT licence_id FROM inspection WHERE id = {inspection}"
            ))
            .await;
        let failed = vec![(
            "false-ads".to_string(),
            Outcome::Failed("招生简章虚假宣传".into()),
        )];
        let said = supervision::record(
            &crate::common::cx(&store, &inspector, Lang::Zh, today),
            inspection,
            &failed,
            Some(Outcome::Passed),
            Some("complaint"),
            "unannounced",
        )
        .await
        .unwrap();
        assert!(said.contains("发现问题"), "{}", db.label);
        let again = supervision::record(
            &crate::common::cx(&store, &inspector, Lang::Zh, today),
            inspection,
            &failed,
            Some(Outcome::Passed),
            Some("complaint"),
            "open",
        )
        .await;
        assert!(again.is_err(), "{}: recorded once", db.label);
        // Its detail lists every item, the failed one with its finding.
        let Some(Detail::Inspection {
            items, campaign, ..
        }) = store
            .detail(ListKind::Inspections, inspection)
            .await
            .unwrap()
        else {
            panic!("{}: no inspection detail", db.label)
        };
        assert_eq!(items.len(), 8, "{}: the 8 items of art 62", db.label);
        assert!(
            items.contains(&(
                "false-ads".into(),
                "failed".into(),
                "招生简章虚假宣传".into()
            )),
            "{}",
            db.label
        );
        assert_eq!(campaign, None, "{}", db.label);
        let deadline = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        supervision::sanction(
            &Cx::new(
                &store,
                &hrss_desk::domain::WorkCalendar::from_years(&[]),
                &chief,
                Lang::Zh,
                today,
            ),
            &supervision::TakeStep {
                licence,
                step: Step::Rectify,
                on: today,
                until: Some(deadline),
                reason: "虚假宣传",
                source: hrss_desk::domain::CaseSource::Patrol,
                from_inspection: None,
            },
        )
        .await
        .unwrap();
        let before = supervision::rectifications_due(&store, Lang::Zh, deadline)
            .await
            .unwrap();
        assert!(
            before.iter().all(|r| r.deadline != deadline),
            "{}",
            db.label
        );
        let after = supervision::rectifications_due(&store, Lang::Zh, deadline.succ_opt().unwrap())
            .await
            .unwrap();
        assert!(
            after
                .iter()
                .any(|r| r.deadline == deadline && r.step.code() == "rectify"),
            "{}",
            db.label
        );
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn settlement_figures_and_audit_tasks_are_kept_on_every_backend() {
    use hrss_desk::workflow::supervision;
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let inspector = store.staff_by_login("yangqiang").await.unwrap().unwrap();
        let numbers: Vec<(i64, String)> = store
            .agreement_licences()
            .await
            .unwrap()
            .into_iter()
            .take(4)
            .collect();
        let mut csv = String::new();
        for (i, (_, n)) in numbers.iter().enumerate() {
            for m in 1..=5 {
                let cost = if i == 1 && m == 5 { "900000" } else { "150000" };
                csv.push_str(&format!("{n},2026{m:02},1000,{cost},400\n"));
            }
        }
        assert_eq!(
            supervision::import_settlements(
                &crate::common::cx(&store, &inspector, Lang::Zh, crate::common::today()),
                &csv
            )
            .await
            .unwrap(),
            20
        );
        // The same months again replace, not add.
        supervision::import_settlements(
            &crate::common::cx(&store, &inspector, Lang::Zh, crate::common::today()),
            &csv,
        )
        .await
        .unwrap();
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM settlement_month").await,
            20,
            "{}",
            db.label
        );
        let (flags, new) =
            supervision::audit_settlements(&crate::common::cx(&store, &inspector, Lang::Zh, today))
                .await
                .unwrap();
        assert!(
            flags
                .iter()
                .any(|f| f.institution == numbers[1].0 && f.month == 202605),
            "{}: {flags:?}",
            db.label
        );
        assert_eq!(new as usize, flags.len());
        let (_, again) =
            supervision::audit_settlements(&crate::common::cx(&store, &inspector, Lang::Zh, today))
                .await
                .unwrap();
        assert_eq!(again, 0, "{}: tasks are opened once", db.label);
    }
}

#[tokio::test]
async fn an_annual_report_and_result_are_kept_on_every_backend() {
    use hrss_desk::domain::LicenceKind;
    use hrss_desk::domain::annual::ReportStatus;
    use hrss_desk::workflow::annual;
    let today = NaiveDate::from_ymd_opt(2027, 4, 2).unwrap();
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
        let agency = db
            .scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'")
            .await;
        // Received after 31 March: late.
        annual::record(
            &crate::common::cx(&store, &clerk, Lang::En, today),
            agency,
            2026,
            None,
            "",
        )
        .await
        .unwrap();
        let rows = annual::status(&store, Lang::En, 2026, LicenceKind::HrService, today)
            .await
            .unwrap();
        let (_, s) = rows.iter().find(|(r, _)| r.licence_id == agency).unwrap();
        assert_eq!(*s, ReportStatus::Late, "{}", db.label);
        assert!(
            rows.iter().any(|(_, s)| *s == ReportStatus::Missing),
            "{}",
            db.label
        );
        // A result later keeps the day the report came.
        let said = annual::record(
            &crate::common::cx(&store, &clerk, Lang::En, today),
            agency,
            2026,
            Some(true),
            "",
        )
        .await
        .unwrap();
        assert!(said.contains("passed"));
        let rows = annual::status(&store, Lang::En, 2026, LicenceKind::HrService, today)
            .await
            .unwrap();
        let (r, _) = rows.iter().find(|(r, _)| r.licence_id == agency).unwrap();
        assert_eq!(
            (r.submitted_on, r.result.as_deref()),
            (Some(today), Some("passed")),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn the_dashboard_counts_overdue_rectifications_as_the_ladder_rule_does() {
    use hrss_desk::domain::ladder::Step;
    use hrss_desk::workflow::supervision;
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let licence = db
            .scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'")
            .await;
        let deadline = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        supervision::sanction(
            &Cx::new(
                &store,
                &hrss_desk::domain::WorkCalendar::from_years(&[]),
                &chief,
                Lang::Zh,
                today,
            ),
            &supervision::TakeStep {
                licence,
                step: Step::Rectify,
                on: today,
                until: Some(deadline),
                reason: "台账不全",
                source: hrss_desk::domain::CaseSource::Patrol,
                from_inspection: None,
            },
        )
        .await
        .unwrap();
        for on in [deadline, deadline.succ_opt().unwrap()] {
            let rule = supervision::rectifications_due(&store, Lang::Zh, on)
                .await
                .unwrap()
                .len() as i64;
            let shown = store
                .dashboard(on, on)
                .await
                .unwrap()
                .rectifications_overdue;
            assert_eq!(shown, rule, "{} on {on}", db.label);
        }
        assert!(
            store
                .dashboard(deadline.succ_opt().unwrap(), deadline.succ_opt().unwrap())
                .await
                .unwrap()
                .rectifications_overdue
                >= 1
        );
    }
}

#[tokio::test]
async fn the_public_register_reads_alike_on_every_backend() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let all = store.public_register("").await.unwrap();
        assert_eq!(
            all.len() as i64,
            db.scalar("SELECT COUNT(*) FROM licence").await,
            "{}",
            db.label
        );
        let schools = store.public_register("training-school").await.unwrap();
        assert!(
            !schools.is_empty() && schools.iter().all(|r| r.kind.code() == "training-school"),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn the_inspection_queue_holds_pending_inspections_and_open_audit_tasks_oldest_first() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let licence = db
            .scalar("SELECT MIN(id) FROM licence WHERE kind = 'designated-clinic'")
            .await;
        store
            .open_audit_tasks(
                "tester",
                &[(
                    licence,
                    202605,
                    "sudden-jump".into(),
                    "cost=9 own_mean=3".into(),
                )],
                chrono::NaiveDate::from_ymd_opt(2000, 1, 3).unwrap(),
            )
            .await
            .unwrap();
        let queue = store.inspection_queue().await.unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(
            store
                .dashboard(today, today)
                .await
                .unwrap()
                .audit_tasks_open,
            1,
            "{}",
            db.label
        );
        let pending = db
            .scalar("SELECT COUNT(*) FROM inspection WHERE result = 'pending'")
            .await;
        assert_eq!(queue.len() as i64, pending + 1, "{}", db.label);
        assert!(
            queue.windows(2).all(|w| w[0].since <= w[1].since),
            "{}",
            db.label
        );
        let task = &queue[0];
        assert_eq!(
            (
                task.source.as_str(),
                task.what.as_str(),
                task.month,
                task.detail.as_str()
            ),
            ("audit", "sudden-jump", 202605, "cost=9 own_mean=3"),
            "{}",
            db.label
        );
        assert!(
            queue[1..]
                .iter()
                .all(|r| r.source == "inspection" && r.month == 0)
        );
    }
}

#[tokio::test]
async fn a_lead_starts_one_inspection_on_every_backend() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let a = store.staff_by_login("wulei").await.unwrap().unwrap();
        let b = store.staff_by_login("yangqiang").await.unwrap().unwrap();
        let licence = db.scalar("SELECT MIN(id) FROM licence").await;
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let (lead, number) = store
            .add_lead(&chief, licence, "tip", "举报称超范围经营", day)
            .await
            .unwrap();
        assert_eq!(store.leads(true).await.unwrap().len(), 1, "{}", db.label);
        let before = store.dashboard(day, day).await.unwrap();
        assert_eq!(before.leads_open, 1, "{}", db.label);
        assert_eq!(
            before.inspections_pending,
            db.scalar("SELECT COUNT(*) FROM inspection WHERE result = 'pending'")
                .await,
            "{}",
            db.label
        );
        assert_eq!(
            number,
            store.leads(false).await.unwrap()[0].number,
            "{}",
            db.label
        );
        let facts = store.lead_facts(lead).await.unwrap().unwrap();
        assert_eq!(
            (facts.licence, facts.inspection),
            (licence, None),
            "{}",
            db.label
        );
        assert!(facts.conflicted.is_empty(), "{}", db.label);
        let inspection = store
            .inspect_lead(&chief, lead, licence, "on-site", day, &[a.id, b.id])
            .await
            .unwrap();
        assert!(store.leads(true).await.unwrap().is_empty(), "{}", db.label);
        assert_eq!(
            store.inspection_source(inspection).await.unwrap(),
            (Some("tip".to_string()), false),
            "{}",
            db.label
        );
        let after = store.dashboard(day, day).await.unwrap();
        assert_eq!(
            (after.leads_open, after.inspections_pending),
            (0, before.inspections_pending + 1),
            "{}",
            db.label
        );
        assert_eq!(
            store.leads(false).await.unwrap()[0].inspection_id,
            Some(inspection),
            "{}",
            db.label
        );
        // A second start is a conflict and writes nothing.
        let count = "SELECT COUNT(*) FROM inspection";
        let before = db.scalar(count).await;
        assert!(matches!(
            store
                .inspect_lead(&chief, lead, licence, "on-site", day, &[a.id, b.id])
                .await,
            Err(StoreError::Conflict { .. })
        ));
        assert_eq!(db.scalar(count).await, before, "{}", db.label);
        assert!(
            store
                .inspection_queue()
                .await
                .unwrap()
                .iter()
                .any(|r| r.id == inspection)
        );
        // The licence's detail shows the lead and a ladder step taken.
        store
            .take_licence_step(
                &chief,
                &hrss_desk::domain::ladder::LicenceAct {
                    licence,
                    step: hrss_desk::domain::ladder::Step::Rectify,
                    decided_on: day,
                    on: day,
                    until: Some(day),
                    reason: "未明示".into(),
                    case: None,
                },
            )
            .await
            .unwrap();
        let Some(Detail::Licence { steps, leads, .. }) =
            store.detail(ListKind::Licences, licence).await.unwrap()
        else {
            panic!("{}: no licence detail", db.label)
        };
        assert_eq!(
            (
                leads.len(),
                leads[0].inspection_id,
                steps.len(),
                steps[0].step.code()
            ),
            (1, Some(inspection), 1, "rectify"),
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn a_campaign_groups_inspections_once_on_every_backend() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
        let c = store
            .add_campaign(&chief, "专项", true, from, to)
            .await
            .unwrap();
        let a = db.scalar("SELECT MIN(id) FROM inspection").await;
        let b = db.scalar("SELECT MAX(id) FROM inspection").await;
        store.group_inspections(&chief, c, &[a]).await.unwrap();
        // b is free but a is taken: nothing of the second call is written.
        assert!(matches!(
            store.group_inspections(&chief, c, &[b, a]).await,
            Err(StoreError::Conflict { .. })
        ));
        let row = store.campaigns(Some(c)).await.unwrap().pop().unwrap();
        assert_eq!(
            (row.patrol, row.inspections, row.theme.as_str()),
            (true, 1, "专项"),
            "{}",
            db.label
        );
        let listed = store.campaign_inspections(c).await.unwrap();
        assert_eq!(listed.len(), 1, "{}", db.label);
        assert_eq!(listed[0].id, a, "{}", db.label);
        assert_eq!(store.inspection_plan(a).await.unwrap().unwrap().1, Some(c));
        let Some(Detail::Inspection { campaign, .. }) =
            store.detail(ListKind::Inspections, a).await.unwrap()
        else {
            panic!("{}: no inspection detail", db.label)
        };
        assert_eq!(campaign.as_deref(), Some("专项"), "{}", db.label);
        assert_eq!(
            store.inspection_source(a).await.unwrap(),
            (None, true),
            "{}",
            db.label
        );
        assert_eq!(
            store.campaigns(None).await.unwrap().len(),
            1,
            "{}",
            db.label
        );
    }
}

#[tokio::test]
async fn inspector_teams_are_kept_with_their_members_on_every_backend() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let a = store.staff_by_login("wulei").await.unwrap().unwrap();
        let b = store.staff_by_login("yangqiang").await.unwrap().unwrap();
        assert!(store.teams().await.unwrap().is_empty());
        store.add_team(&chief, "甲组", &[a.id, b.id]).await.unwrap();
        store.add_team(&chief, "空组", &[]).await.unwrap();
        assert!(matches!(
            store.add_team(&chief, "甲组", &[a.id]).await,
            Err(StoreError::Duplicate(_))
        ));
        let teams = store.teams().await.unwrap();
        let mut members = teams[0].2.clone();
        members.sort();
        let mut expected = vec![a.name.clone(), b.name.clone()];
        expected.sort();
        assert_eq!(
            (teams.len(), teams[0].1.as_str(), members, teams[1].2.len()),
            (2, "甲组", expected, 0),
            "{}",
            db.label
        );
        assert!(!store.zones().await.unwrap().is_empty(), "{}", db.label);
    }
}

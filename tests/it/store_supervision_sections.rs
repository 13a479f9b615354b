//! The supervision pane's sections read from every backend: a draw with its
//! progress, an inspection recorded with a failed item, a rectification that
//! comes due and leaves once re-inspected, a lead until it starts an
//! inspection, and the year's annual reviews.

use crate::common;
use hrss_desk::workflow::Cx;

use chrono::{Datelike, NaiveDate};
use common::TestDb;
use hrss_desk::domain::WorkCalendar;
use hrss_desk::domain::check_items::Outcome;
use hrss_desk::domain::draw::Plan;
use hrss_desk::domain::ladder::Step;
use hrss_desk::i18n::Lang;
use hrss_desk::workflow::supervision::sections::{self, Section};
use hrss_desk::workflow::{draws, leads, supervision};

#[tokio::test]
async fn a_draw_an_inspection_and_its_rectification_move_through_the_sections() {
    // Far ahead of the demo's own dates, so nothing else comes due meanwhile.
    let today = NaiveDate::from_ymd_opt(2098, 3, 2).unwrap();
    for db in TestDb::all().await {
        let l = &db.label;
        let store = common::demo_store(&db, 300).await;
        let cal = WorkCalendar::from_years(&store.calendar_years().await.unwrap());
        let chief = store.staff_by_login("liuyang").await.unwrap().unwrap();
        let inspector = store.staff_by_login("yangqiang").await.unwrap().unwrap();
        let load = |section, on| {
            let (store, cal) = (&store, &cal);
            async move {
                sections::load(store, Lang::Zh, section, on, cal)
                    .await
                    .unwrap()
            }
        };

        let plan = Plan {
            seed: 11,
            ratio_permille: 200,
            per_target: 2,
        };
        let d = draws::run(
            &crate::common::cx(&store, &chief, Lang::Zh, today),
            "季度抽查",
            "training-school",
            "",
            plan,
        )
        .await
        .unwrap();
        let drawn = d.result.picks.len() as i64;
        assert!(drawn > 0, "{l}");
        let page = load(Section::Draws, today).await;
        let row = page
            .rows
            .iter()
            .find(|r| r.draw == Some(d.id))
            .unwrap_or_else(|| panic!("{l}: the draw is listed"));
        assert_eq!(row.cells[4], format!("0/{drawn}"), "{l}");

        // Record one of the draw's inspections with a failed item.
        let inspection = db
            .scalar(&format!(
                "SELECT MIN(id) FROM inspection WHERE draw_id = {}",
                d.id
            ))
            .await;
        let licence = db
            .scalar(&format!(
                "SELECT licence_id FROM inspection WHERE id = {inspection}"
            ))
            .await;
        let due = load(Section::Due, today).await;
        assert!(
            due.rows
                .iter()
                .any(|r| r.inspection == Some(inspection) && r.licence == Some(licence)),
            "{l}: due before it is recorded"
        );
        supervision::record(
            &crate::common::cx(&store, &inspector, Lang::Zh, today),
            inspection,
            &[(
                "false-ads".into(),
                Outcome::Failed("招生简章夸大就业率".into()),
            )],
            Some(Outcome::Passed),
            None,
            "open",
        )
        .await
        .unwrap();
        let due = load(Section::Due, today).await;
        assert!(
            due.rows.iter().all(|r| r.inspection != Some(inspection)),
            "{l}"
        );
        let page = load(Section::Draws, today).await;
        let row = page.rows.iter().find(|r| r.draw == Some(d.id)).unwrap();
        assert_eq!(row.cells[4], format!("1/{drawn}"), "{l}");

        // The chief orders it rectified within the month.
        let deadline = NaiveDate::from_ymd_opt(2098, 3, 31).unwrap();
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
                reason: "虚假招生宣传",
                source: hrss_desk::domain::CaseSource::Patrol,
                from_inspection: None,
            },
        )
        .await
        .unwrap();
        let ours = |p: &sections::SectionPage| {
            p.rows
                .iter()
                .find(|r| r.licence == Some(licence) && r.cells[0] == deadline.to_string())
                .cloned()
        };
        let pending = ours(&load(Section::Rectifications, today).await)
            .unwrap_or_else(|| panic!("{l}: awaiting its re-inspection"));
        assert!(!pending.alert, "{l}");
        assert_eq!(pending.cells[1], "还剩29天", "{l}");
        let after = deadline.succ_opt().unwrap();
        // The statistics pane counts it awaited, then overdue.
        let dash = |on| {
            let store = &store;
            async move { store.dashboard(on, on).await.unwrap() }
        };
        assert_eq!(
            dash(today).await.rectifications_pending,
            dash(after).await.rectifications_pending + 1,
            "{l}"
        );
        assert_eq!(
            dash(after).await.rectifications_overdue,
            dash(today).await.rectifications_overdue + 1,
            "{l}"
        );
        let overdue = ours(&load(Section::Rectifications, after).await).unwrap();
        assert!(overdue.alert, "{l}");
        assert_eq!(overdue.cells[1], "逾期1天", "{l}");

        // A tip about the holder starts the re-inspection; the lead is open until then.
        leads::add(
            &crate::common::cx(&store, &inspector, Lang::Zh, today),
            licence,
            "tip",
            "仍在发布虚假广告",
        )
        .await
        .unwrap();
        let lead = db
            .scalar(&format!(
                "SELECT MAX(id) FROM licence_lead WHERE licence_id = {licence}"
            ))
            .await;
        let open = load(Section::Leads, today).await;
        assert!(
            open.rows
                .iter()
                .any(|r| r.licence == Some(licence) && r.cells[4] == "仍在发布虚假广告"),
            "{l}"
        );
        leads::inspect(
            &crate::common::cx(&store, &chief, Lang::Zh, today),
            lead,
            "on-site",
            after,
            &["wulei".into(), "huangwei".into()],
        )
        .await
        .unwrap();
        assert!(
            load(Section::Leads, today)
                .await
                .rows
                .iter()
                .all(|r| r.licence != Some(licence)),
            "{l}: the lead started its inspection"
        );
        let reinspection = db
            .scalar(&format!(
                "SELECT inspection_id FROM licence_lead WHERE id = {lead}"
            ))
            .await;
        supervision::record(
            &crate::common::cx(&store, &inspector, Lang::Zh, after),
            reinspection,
            &[],
            Some(Outcome::Passed),
            None,
            "unannounced",
        )
        .await
        .unwrap();
        assert_eq!(
            ours(&load(Section::Rectifications, after).await),
            None,
            "{l}: re-inspected, no longer awaited"
        );

        // The year's reviews and the rota read without fault.
        let annual = load(Section::Annual, today).await;
        assert!(
            annual
                .summary
                .starts_with(&format!("{}年度", today.year() - 1)),
            "{l}"
        );
        assert!(!annual.rows.is_empty(), "{l}");
        load(Section::Campaigns, today).await;
        load(Section::Rota, today).await;
        assert!(store.verify_audit().await.unwrap().is_ok(), "{l}");
    }
}

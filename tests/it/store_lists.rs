//! The panes' lists on every backend: keyset pages join up without gaps or
//! repeats in both directions, orders are as the panes promise, filters match
//! fragments literally, and every record opens in detail.

use crate::common;
use common::today;

use chrono::NaiveDate;
use common::TestDb;
use hrss_desk::store::*;

async fn demo(db: &TestDb, persons: usize) -> Store {
    common::demo_store(db, persons).await
}

fn ask(dir: Direction, from: Option<SortKey>, filter: &str) -> PageRequest {
    PageRequest {
        dir,
        from,
        limit: 100,
        filter: filter.into(),
        scope: Default::default(),
    }
}

/// Every row of a list, walked forward a page at a time.
async fn walk(store: &Store, kind: ListKind, filter: &str) -> Vec<ListItem> {
    let mut all: Vec<ListItem> = Vec::new();
    loop {
        let from = all.last().map(ListItem::key);
        let page = store
            .list_page(kind, &ask(Direction::Forward, from, filter))
            .await
            .unwrap();
        let short = page.len() < 100;
        all.extend(page);
        if short {
            return all;
        }
    }
}

#[tokio::test]
async fn pages_join_up_forward_and_backward() {
    for db in TestDb::all().await {
        let store = demo(&db, 2_500).await;
        let ids: Vec<i64> = walk(&store, ListKind::Persons, "")
            .await
            .iter()
            .map(ListItem::id)
            .collect();
        assert_eq!(ids, (1..=2_500).collect::<Vec<_>>(), "{}", db.label);
        let last = store
            .list_page(ListKind::Persons, &ask(Direction::Backward, None, ""))
            .await
            .unwrap();
        let last_ids: Vec<i64> = last.iter().map(ListItem::id).collect();
        assert_eq!(
            last_ids,
            (2_401..=2_500).collect::<Vec<_>>(),
            "{}",
            db.label
        );
        let before = store
            .list_page(
                ListKind::Persons,
                &ask(Direction::Backward, Some(SortKey::Id(101)), ""),
            )
            .await
            .unwrap();
        assert_eq!(before.first().map(ListItem::id), Some(1));
        assert_eq!(before.last().map(ListItem::id), Some(100));
        for kind in [
            ListKind::Filings,
            ListKind::Cases,
            ListKind::Inspections,
            ListKind::Licences,
        ] {
            let forward = walk(&store, kind, "").await;
            // Walk the same list backward from its end.
            let mut backward: Vec<ListItem> = Vec::new();
            loop {
                let from = backward.first().map(ListItem::key);
                let page = store
                    .list_page(kind, &ask(Direction::Backward, from, ""))
                    .await
                    .unwrap();
                let short = page.len() < 100;
                backward.splice(0..0, page);
                if short {
                    break;
                }
            }
            assert_eq!(forward, backward, "{} {kind:?}", db.label);
            let mut seen = std::collections::HashSet::new();
            assert!(
                forward.iter().all(|i| seen.insert(i.id())),
                "{} {kind:?} repeats",
                db.label
            );
        }
    }
}

#[tokio::test]
async fn each_list_is_in_the_order_its_pane_promises() {
    for db in TestDb::all().await {
        let store = demo(&db, 500).await;
        let filings = walk(&store, ListKind::Filings, "").await;
        assert_eq!(filings.len(), 322, "{}: the pending queue", db.label);
        let keys: Vec<SortKey> = filings.iter().map(ListItem::key).collect();
        assert!(keys.windows(2).all(|w| matches!((&w[0], &w[1]), (SortKey::Time(a, i), SortKey::Time(b, j)) if (a, i) < (b, j))));
        let cases = walk(&store, ListKind::Cases, "").await;
        let open = db
            .scalar("SELECT COUNT(*) FROM inspection_case WHERE stage <> 'closed'")
            .await;
        assert_eq!(cases.len() as i64, open);
        // Mass incidents first, then the soonest due.
        let dues: Vec<(bool, NaiveDate)> = cases
            .iter()
            .map(|c| match c {
                ListItem::Case(c) => (!c.mass_incident, c.due_on.unwrap_or_else(no_due_date)),
                _ => unreachable!(),
            })
            .collect();
        assert!(
            dues.windows(2).all(|w| w[0] <= w[1]),
            "{}: mass incidents, then soonest due first",
            db.label
        );
        assert!(!dues[0].0, "{}: a mass incident first", db.label);
        let dates: Vec<NaiveDate> = walk(&store, ListKind::Inspections, "")
            .await
            .iter()
            .map(|i| match i {
                ListItem::Inspection(i) => i.planned_on,
                _ => unreachable!(),
            })
            .collect();
        assert!(dates.len() > 10);
        assert!(
            dates.windows(2).all(|w| w[0] >= w[1]),
            "{}: newest inspection first",
            db.label
        );
    }
}

#[tokio::test]
async fn a_filter_matches_a_fragment_literally_and_ignores_case() {
    for db in TestDb::all().await {
        let store = demo(&db, 500).await;
        let wang = walk(&store, ListKind::Persons, "王").await;
        assert!(!wang.is_empty());
        assert!(
            wang.iter()
                .all(|p| matches!(p, ListItem::Person(p) if p.name.contains('王')))
        );
        let lower = walk(&store, ListKind::Licences, "p1301").await;
        assert_eq!(lower.len(), 80, "{}: the pharmacies' P-numbers", db.label);
        assert!(
            walk(&store, ListKind::Persons, "%").await.is_empty(),
            "{}: % is literal",
            db.label
        );
        assert!(
            walk(&store, ListKind::Persons, "_").await.is_empty(),
            "{}: _ is literal",
            db.label
        );
        let some_id = match &walk(&store, ListKind::Persons, "").await[7] {
            ListItem::Person(p) => p.id_number.clone(),
            _ => unreachable!(),
        };
        let by_id = walk(&store, ListKind::Persons, &some_id).await;
        assert_eq!(by_id.len(), 1, "{}: found by the full ID number", db.label);
    }
}

#[tokio::test]
async fn every_kind_of_record_opens_in_detail() {
    for db in TestDb::all().await {
        let store = demo(&db, 300).await;
        for kind in [
            ListKind::Filings,
            ListKind::Licences,
            ListKind::Cases,
            ListKind::Inspections,
            ListKind::Persons,
        ] {
            let first = store
                .list_page(kind, &ask(Direction::Forward, None, ""))
                .await
                .unwrap();
            let id = first[0].id();
            let detail = store.detail(kind, id).await.unwrap();
            assert!(detail.is_some(), "{} {kind:?}", db.label);
            if let Some(Detail::Filing {
                item, materials, ..
            }) = &detail
            {
                let listed = db
                    .scalar(&format!(
                        "SELECT COUNT(*) FROM material_requirement WHERE kind = '{}'",
                        item.kind
                    ))
                    .await;
                assert_eq!(materials.len() as i64, listed);
            }
            if let Some(Detail::Case {
                item,
                inspectors,
                events,
                ..
            }) = &detail
            {
                // Past registration, a case has its two inspectors.
                assert!(
                    item.stage.code() == "registered" || inspectors.len() >= 2,
                    "two inspectors on a case"
                );
                assert!(!events.is_empty());
            }
            assert!(store.detail(kind, 9_999_999).await.unwrap().is_none());
        }
        let soon = today() + chrono::Days::new(10);
        let dash = store.dashboard(today(), soon).await.unwrap();
        let due_soon = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM inspection_case WHERE stage <> 'closed' AND due_on >= '{}' AND due_on <= '{soon}'",
                today()
            ))
            .await;
        assert!(due_soon > 0, "the demo has cases due soon");
        assert_eq!(dash.cases_due_soon, due_soon);
        assert_eq!(
            dash.pending_by_kind.iter().map(|(_, n)| n).sum::<i64>(),
            322
        );
        assert_eq!(dash.cases_by_stage.iter().map(|(_, n)| n).sum::<i64>(), 200);
        assert_eq!(
            dash.licences_by_kind.iter().map(|(_, n, _)| n).sum::<i64>(),
            410
        );
    }
}

#[tokio::test]
async fn every_pending_filing_comes_with_the_facts_its_checks_need() {
    for db in TestDb::all().await {
        let store = demo(&db, 500).await;
        let facts = store.pending_filing_facts(today(), None).await.unwrap();
        assert_eq!(facts.len(), 322, "{}", db.label);
        let with_materials = facts
            .iter()
            .filter(|f| !f.facts.materials.is_empty())
            .count();
        assert_eq!(
            with_materials, 322,
            "{}: every kind has a checklist",
            db.label
        );
        assert!(
            facts
                .iter()
                .filter(|f| f.facts.employer_id.is_some())
                .all(|f| f.facts.employer.is_some()),
            "{}",
            db.label
        );
        // A yearly declaration comes with who is insured with its employer;
        // a retiree's filing with the figure published for the retirement year.
        let yearly: Vec<_> = facts
            .iter()
            .filter(|f| f.facts.declared.get("persons").is_some())
            .collect();
        assert_eq!(yearly.len(), 12, "{}", db.label);
        assert!(
            yearly.iter().all(|f| f
                .facts
                .employer
                .as_ref()
                .is_some_and(|e| e.insured.len() >= 2)),
            "{}",
            db.label
        );
        let retirees: Vec<_> = facts
            .iter()
            .filter(|f| f.facts.declared.get("pension_base").is_some())
            .collect();
        assert_eq!(retirees.len(), 10, "{}", db.label);
        assert!(
            retirees.iter().all(|f| f.facts.pension_figure.is_some()),
            "{}",
            db.label
        );
        let bases = facts
            .iter()
            .filter(|f| f.facts.kind == hrss_desk::domain::FilingKind::ContributionBase)
            .collect::<Vec<_>>();
        assert!(
            bases.iter().all(|f| f.facts.average_wage.is_some()),
            "{}: the year's wage is found",
            db.label
        );
        let problems: usize = facts
            .iter()
            .map(|f| hrss_desk::domain::review::check(&f.facts).len())
            .sum();
        assert!(problems > 0);
    }
}

#[tokio::test]
async fn the_queue_narrows_to_a_kind_to_one_clerk_and_to_what_is_due_soon() {
    for db in TestDb::all().await {
        let store = demo(&db, 500).await;
        let scoped = |scope: QueueScope| PageRequest {
            scope,
            ..ask(Direction::Forward, None, "")
        };
        let all = store
            .list_page(ListKind::Filings, &scoped(QueueScope::default()))
            .await
            .unwrap();
        assert_eq!(all.len(), 100);
        let enroll = QueueScope {
            kind: Some("enroll".into()),
            ..Default::default()
        };
        let rows = store
            .list_page(ListKind::Filings, &scoped(enroll))
            .await
            .unwrap();
        assert_eq!(rows.len(), 50, "{}", db.label);
        assert!(
            rows.iter()
                .all(|r| matches!(r, ListItem::Filing(f) if f.kind.code() == "enroll"))
        );
        let wangfang = store.staff_by_login("wangfang").await.unwrap().unwrap().id;
        let mine = QueueScope {
            assigned_to: Some(wangfang),
            ..Default::default()
        };
        let rows = store
            .list_page(ListKind::Filings, &scoped(mine))
            .await
            .unwrap();
        let assigned = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM filing WHERE status = 'pending' AND assigned_to = {wangfang}"
            ))
            .await;
        assert_eq!(rows.len() as i64, assigned.min(100), "{}", db.label);
        let cutoff = chrono::NaiveDate::from_ymd_opt(2026, 11, 15)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc();
        let early = QueueScope {
            received_by: Some(cutoff),
            ..Default::default()
        };
        let rows = store
            .list_page(ListKind::Filings, &scoped(early))
            .await
            .unwrap();
        assert!(!rows.is_empty());
        assert!(
            rows.iter()
                .all(|r| matches!(r, ListItem::Filing(f) if f.received_at <= cutoff)),
            "{}",
            db.label
        );
    }
}

/// The case view chooser's counts are the rows each view lists, and the
/// cases due within five working days are those not yet overdue (issue 21,
/// point 11): the overdue have their own view.
#[tokio::test]
async fn each_case_views_count_is_what_it_lists_and_due_soon_leaves_out_the_overdue() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 300).await;
        let soon = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let scopes = [
            QueueScope::default(),
            QueueScope {
                due_by: today().pred_opt(),
                ..Default::default()
            },
            QueueScope {
                due_by: Some(soon),
                due_from: Some(today()),
                ..Default::default()
            },
            QueueScope {
                unassigned: true,
                ..Default::default()
            },
            QueueScope {
                case_stage: Some("opened".into()),
                ..Default::default()
            },
        ];
        let counts = store.case_view_counts(&scopes).await.unwrap();
        for (scope, n) in scopes.iter().zip(&counts) {
            let rows = store
                .list_page(
                    ListKind::Cases,
                    &PageRequest {
                        scope: scope.clone(),
                        limit: 10_000,
                        ..ask(Direction::Forward, None, "")
                    },
                )
                .await
                .unwrap();
            assert_eq!(rows.len() as i64, *n, "{}: {scope:?}", db.label);
            if scope.due_from.is_some() {
                assert!(*n > 0, "{}", db.label);
                for r in &rows {
                    let ListItem::Case(c) = r else { panic!() };
                    let due = c.due_on.unwrap();
                    assert!(due >= today() && due <= soon, "{}: {due}", db.label);
                }
            }
        }
        assert!(
            counts[1] > 0 && counts[0] > counts[1] + counts[2],
            "{counts:?}"
        );
    }
}

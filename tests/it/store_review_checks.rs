//! The filings that carry more than one person's facts, and the queue's
//! filter by problem, on every backend: a yearly declaration's approval sets
//! each listed base; a retiree's sets the pension base; an employer's own
//! cancellation cancels it; what the checks find is recorded and narrows the
//! queue.

use crate::common;
use common::today;

use common::TestDb;
use hrss_desk::domain::decision::{Decision, change_for};
use hrss_desk::domain::review::check;
use hrss_desk::store::{
    Direction, ListItem, ListKind, PageRequest, PendingFiling, QueueScope, Store,
};

async fn chief(store: &Store) -> hrss_desk::domain::Staff {
    store.staff_by_login("zhaojing").await.unwrap().unwrap()
}

async fn pending(store: &Store) -> Vec<PendingFiling> {
    store.pending_filing_facts(today(), None).await.unwrap()
}

async fn approve(store: &Store, f: &PendingFiling) {
    let me = chief(store).await;
    let overridden = (!check(&f.facts).is_empty()).then_some("科长核准");
    store
        .decide_filing(
            &me,
            f.id,
            f.version,
            &hrss_desk::store::FilingDecision {
                decision: Decision::Approve,
                reason: overridden.unwrap_or(""),
                overridden,
                change: &change_for(&f.facts),
                decided_at: store.clock().now(),
                correction_due: None,
            },
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn approving_a_yearly_declaration_sets_the_base_of_each_person_it_lists() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 500).await;
        let all = pending(&store).await;
        let f = all
            .iter()
            .find(|f| f.facts.declared.get("persons").is_some() && check(&f.facts).is_empty())
            .expect("a clean yearly declaration");
        let rows = f.facts.declared["persons"].as_array().unwrap().clone();
        let employer = f.facts.employer_id.unwrap();
        // Someone of another employer keeps their base, whatever it is.
        let others_before = db
            .scalar(&format!(
                "SELECT CAST(COALESCE(SUM(contribution_base), 0) AS BIGINT) FROM person WHERE employer_id <> {employer}"
            ))
            .await;
        approve(&store, f).await;
        for r in &rows {
            let set = db
                .scalar(&format!(
                    "SELECT contribution_base FROM person WHERE id_number = '{}'",
                    r["id_number"].as_str().unwrap()
                ))
                .await;
            assert_eq!(set, r["base"].as_i64().unwrap(), "{}", db.label);
        }
        let others_after = db
            .scalar(&format!(
                "SELECT CAST(COALESCE(SUM(contribution_base), 0) AS BIGINT) FROM person WHERE employer_id <> {employer}"
            ))
            .await;
        assert_eq!(others_before, others_after, "{}", db.label);
        let logged = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM audit_log WHERE entity_id = '{}' AND detail LIKE '%bases set for {} persons%'",
                f.id,
                rows.len()
            ))
            .await;
        assert_eq!(
            logged, 1,
            "{}: the audit names the count, not the IDs",
            db.label
        );
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn approving_a_retirees_filing_sets_the_pension_base() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 500).await;
        let all = pending(&store).await;
        let f = all
            .iter()
            .find(|f| f.facts.declared.get("pension_base").is_some() && check(&f.facts).is_empty())
            .expect("a clean retiree's filing");
        let base = f.facts.declared["pension_base"].as_i64().unwrap();
        approve(&store, f).await;
        let set = db
            .scalar(&format!(
                "SELECT pension_base FROM person WHERE id = {}",
                f.person_id.unwrap()
            ))
            .await;
        assert_eq!(set, base, "{}", db.label);
    }
}

#[tokio::test]
async fn approving_an_employers_own_cancellation_cancels_the_employer() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 500).await;
        // An employer's own cancellation: the filing names no person.
        let employer = db
            .scalar(
                "SELECT MIN(id) FROM employer e WHERE status = 'active' AND arrears = 0
                   AND NOT EXISTS (SELECT 1 FROM person p WHERE p.employer_id = e.id AND p.status = 'active')",
            )
            .await;
        db.raw(&format!(
            "INSERT INTO filing (id, kind, status, employer_id, person_id, received_at, declared)
             VALUES (90001, 'cancel', 'pending', {employer}, NULL, '2026-11-20 02:00:00+00:00', '{{\"reason\":\"duplicate\"}}')"
        ))
        .await;
        db.raw(
            "INSERT INTO filing_material (filing_id, material, present, valid)
             VALUES (90001, 'cancel-form', TRUE, TRUE), (90001, 'cancel-proof', TRUE, TRUE)",
        )
        .await;
        let f = store
            .pending_filing_facts(today(), Some(90001))
            .await
            .unwrap()
            .pop()
            .unwrap();
        assert_eq!(
            check(&f.facts),
            [],
            "{}: no one left, nothing owed",
            db.label
        );
        approve(&store, &f).await;
        let cancelled = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM employer WHERE id = {employer} AND status = 'cancelled'"
            ))
            .await;
        assert_eq!(cancelled, 1, "{}", db.label);
    }
}

fn page(problem: Option<&str>) -> PageRequest {
    PageRequest {
        dir: Direction::Forward,
        from: None,
        limit: 1000,
        filter: String::new(),
        scope: QueueScope {
            problem: problem.map(str::to_string),
            ..QueueScope::default()
        },
    }
}

#[tokio::test]
async fn the_queue_narrows_to_the_filings_with_one_problem() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 500).await;
        let found = hrss_desk::workflow::recheck(&store, today(), None)
            .await
            .unwrap();
        let with = |code: &str| -> Vec<i64> {
            let mut v: Vec<i64> = found
                .iter()
                .filter(|(_, p)| p.iter().any(|x| x.code() == code))
                .map(|(id, _)| *id)
                .collect();
            v.sort_unstable();
            v
        };
        let tally = store.problem_tally().await.unwrap();
        let missing = tally
            .iter()
            .find(|(c, _)| c == "material-missing")
            .expect("missing materials in the demo");
        assert_eq!(
            missing.1 as usize,
            with("material-missing").len(),
            "{}",
            db.label
        );
        for code in ["material-missing", "base-above-band", "statement-mismatch"] {
            let listed = store
                .list_page(ListKind::Filings, &page(Some(code)))
                .await
                .unwrap();
            let mut ids: Vec<i64> = listed.iter().map(ListItem::id).collect();
            ids.sort_unstable();
            assert_eq!(ids, with(code), "{}: {code}", db.label);
            assert!(!ids.is_empty(), "{}: {code}", db.label);
        }
        // A decided filing leaves the filter with the queue.
        let f = pending(&store)
            .await
            .into_iter()
            .find(|f| with("material-missing").contains(&f.id))
            .unwrap();
        let me = chief(&store).await;
        store
            .decide_filing(
                &me,
                f.id,
                f.version,
                &hrss_desk::store::FilingDecision {
                    decision: Decision::Return,
                    reason: "请补交",
                    overridden: None,
                    change: &change_for(&f.facts),
                    decided_at: store.clock().now(),
                    correction_due: None,
                },
            )
            .await
            .unwrap();
        let listed = store
            .list_page(ListKind::Filings, &page(Some("material-missing")))
            .await
            .unwrap();
        assert_eq!(
            listed.len(),
            with("material-missing").len() - 1,
            "{}",
            db.label
        );
        assert!(listed.iter().all(|i| i.id() != f.id));
        // Checking one filing again replaces only its own findings.
        let again = hrss_desk::workflow::recheck(&store, today(), Some(&[f.id]))
            .await
            .unwrap();
        assert!(again.is_empty(), "no longer pending");
        let all_rows = db.scalar("SELECT COUNT(*) FROM filing_problem").await;
        let expected: i64 = found
            .iter()
            .filter(|(id, _)| **id != f.id)
            .map(|(_, p)| hrss_desk::workflow::tally(p).len() as i64)
            .sum();
        assert_eq!(all_rows, expected, "{}", db.label);
    }
}

#[tokio::test]
async fn two_clerks_checking_the_queue_at_once_both_record_without_error() {
    for db in TestDb::all().await {
        let store = common::demo_store(&db, 500).await;
        let ids: Vec<i64> = pending(&store)
            .await
            .iter()
            .take(40)
            .map(|f| f.id)
            .collect();
        // A clerk's start (the whole queue) beside another's screenful, twice over.
        let (a, b, c, d) = tokio::join!(
            hrss_desk::workflow::recheck(&store, today(), None),
            hrss_desk::workflow::recheck(&store, today(), Some(&ids)),
            hrss_desk::workflow::recheck(&store, today(), None),
            hrss_desk::workflow::recheck(&store, today(), Some(&ids)),
        );
        for r in [a.map(|_| ()), b.map(|_| ()), c.map(|_| ()), d.map(|_| ())] {
            assert!(r.is_ok(), "{}: {r:?}", db.label);
        }
        let found = hrss_desk::workflow::recheck(&store, today(), None)
            .await
            .unwrap();
        let expected: i64 = found
            .values()
            .map(|p| hrss_desk::workflow::tally(p).len() as i64)
            .sum();
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM filing_problem").await,
            expected,
            "{}",
            db.label
        );
    }
}

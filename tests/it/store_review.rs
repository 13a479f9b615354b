//! Deciding filings on every backend: an approval applies the filing in the
//! same transaction as its audit entry; a stale decision changes nothing; two
//! clerks on one filing get one success and one conflict.

use crate::common;
use common::today;

use common::TestDb;
use hrss_desk::domain::FilingKind;
use hrss_desk::domain::decision::{Decision, change_for};
use hrss_desk::domain::review::check;
use hrss_desk::store::{PendingFiling, Store, StoreError};

async fn demo(db: &TestDb) -> Store {
    common::demo_store(db, 400).await
}

async fn clerk(store: &Store) -> hrss_desk::domain::Staff {
    store.staff_by_login("wangfang").await.unwrap().unwrap()
}

async fn clean_of(store: &Store, kind: FilingKind) -> PendingFiling {
    store
        .pending_filing_facts(today(), None)
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.facts.kind == kind && check(&f.facts).is_empty() && f.person_id.is_some())
        .expect("a clean filing of that kind")
}

#[tokio::test]
async fn an_approval_applies_the_filing_and_is_audited_with_it() {
    for db in TestDb::all().await {
        let store = demo(&db).await;
        let me = clerk(&store).await;
        let f = clean_of(&store, FilingKind::Suspend).await;
        let person = f.person_id.unwrap();
        let audit_before = db.scalar("SELECT COUNT(*) FROM audit_log").await;
        let v = store
            .decide_filing(
                &me,
                f.id,
                f.version,
                &hrss_desk::store::FilingDecision {
                    decision: Decision::Approve,
                    reason: "",
                    overridden: None,
                    change: &change_for(&f.facts),
                    decided_at: store.clock().now(),
                    correction_due: None,
                },
            )
            .await
            .unwrap();
        assert_eq!(v, f.version + 1);
        let status = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM person WHERE id = {person} AND status = 'suspended'"
            ))
            .await;
        assert_eq!(status, 1, "{}: the person is suspended", db.label);
        let decided = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM filing WHERE id = {} AND status = 'approved'",
                f.id
            ))
            .await;
        assert_eq!(decided, 1);
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM audit_log").await,
            audit_before + 1
        );
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn a_decision_on_a_version_no_longer_current_changes_nothing() {
    for db in TestDb::all().await {
        let store = demo(&db).await;
        let me = clerk(&store).await;
        let f = clean_of(&store, FilingKind::ContributionBase).await;
        let person = f.person_id.unwrap();
        let base_before = db
            .scalar(&format!(
                "SELECT contribution_base FROM person WHERE id = {person}"
            ))
            .await;
        let audit_before = db.scalar("SELECT COUNT(*) FROM audit_log").await;
        let stale = store
            .decide_filing(
                &me,
                f.id,
                f.version + 5,
                &hrss_desk::store::FilingDecision {
                    decision: Decision::Approve,
                    reason: "",
                    overridden: None,
                    change: &change_for(&f.facts),
                    decided_at: store.clock().now(),
                    correction_due: None,
                },
            )
            .await;
        assert!(
            matches!(stale, Err(StoreError::Conflict { .. })),
            "{}: {stale:?}",
            db.label
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT contribution_base FROM person WHERE id = {person}"
            ))
            .await,
            base_before
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM audit_log").await,
            audit_before
        );
    }
}

#[tokio::test]
async fn two_clerks_deciding_one_filing_get_one_success_and_one_conflict() {
    for db in TestDb::all().await {
        let store = demo(&db).await;
        let me = clerk(&store).await;
        let other = store.staff_by_login("lina").await.unwrap().unwrap();
        let f = clean_of(&store, FilingKind::Transfer).await;
        let change = change_for(&f.facts);
        let approve = hrss_desk::store::FilingDecision {
            decision: Decision::Approve,
            reason: "",
            overridden: None,
            change: &change,
            decided_at: store.clock().now(),
            correction_due: None,
        };
        let ret = hrss_desk::store::FilingDecision {
            decision: Decision::Return,
            reason: "请补交材料",
            ..approve
        };
        let (a, b) = tokio::join!(
            store.decide_filing(&me, f.id, f.version, &approve),
            store.decide_filing(&other, f.id, f.version, &ret)
        );
        assert_eq!(
            u8::from(a.is_ok()) + u8::from(b.is_ok()),
            1,
            "{}: {a:?} {b:?}",
            db.label
        );
        assert!(matches!(
            a.err().or(b.err()),
            Some(StoreError::Conflict { .. })
        ));
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn a_return_keeps_its_notice_and_leaves_the_person_alone() {
    for db in TestDb::all().await {
        let store = demo(&db).await;
        let me = clerk(&store).await;
        let f = clean_of(&store, FilingKind::Suspend).await;
        let person = f.person_id.unwrap();
        store
            .decide_filing(
                &me,
                f.id,
                f.version,
                &hrss_desk::store::FilingDecision {
                    decision: Decision::Return,
                    reason: "一次性告知书：请补交解除劳动关系证明。",
                    overridden: None,
                    change: &change_for(&f.facts),
                    decided_at: store.clock().now(),
                    correction_due: None,
                },
            )
            .await
            .unwrap();
        let kept = db
            .scalar(&format!("SELECT COUNT(*) FROM filing WHERE id = {} AND status = 'returned' AND reason LIKE '%解除劳动关系%'", f.id))
            .await;
        assert_eq!(kept, 1, "{}", db.label);
        let active = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM person WHERE id = {person} AND status = 'active'"
            ))
            .await;
        assert_eq!(active, 1);
        assert!(
            store
                .pending_filing_facts(today(), Some(f.id))
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn approving_a_batch_leaves_out_and_lists_the_filings_with_problems() {
    for db in TestDb::all().await {
        let store = demo(&db).await;
        let me = clerk(&store).await;
        let all = store.pending_filing_facts(today(), None).await.unwrap();
        let clean: Vec<i64> = all
            .iter()
            .filter(|f| check(&f.facts).is_empty())
            .take(3)
            .map(|f| f.id)
            .collect();
        let dirty: Vec<i64> = all
            .iter()
            .filter(|f| !check(&f.facts).is_empty())
            .take(2)
            .map(|f| f.id)
            .collect();
        let mut ids = clean.clone();
        ids.extend(&dirty);
        let said = hrss_desk::workflow::approve_all(
            &crate::common::cx(&store, &me, hrss_desk::i18n::Lang::En, today()),
            &ids,
            // The first left-out filing as the screen's list shows it; the
            // other has no row at hand and is named by its number.
            &[(dirty[0], "袁磊·New enrollment·11-09".to_string())],
        )
        .await
        .unwrap();
        assert!(said.starts_with("3 approved"), "{}: {said}", db.label);
        assert!(said.contains("袁磊·New enrollment·11-09"), "{said}");
        assert!(said.contains(&format!("filing {}", dirty[1])), "{said}");
        for id in &dirty {
            assert_eq!(
                store
                    .pending_filing_facts(today(), Some(*id))
                    .await
                    .unwrap()
                    .len(),
                1,
                "left pending"
            );
        }
        for id in &clean {
            assert!(
                store
                    .pending_filing_facts(today(), Some(*id))
                    .await
                    .unwrap()
                    .is_empty(),
                "approved"
            );
        }
        let found = hrss_desk::workflow::clean_filings(&store, hrss_desk::i18n::Lang::Zh, today())
            .await
            .unwrap();
        assert!(
            clean.iter().all(|id| !found.contains(id)),
            "approved ones are no longer pending"
        );
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn revealing_a_persons_data_is_audited_with_the_reason_and_without_the_values() {
    for db in TestDb::all().await {
        let store = demo(&db).await;
        let shown = store
            .reveal_person("wangfang", 5, "窗口核验本人身份")
            .await
            .unwrap()
            .unwrap();
        let (id, phone, bank) = (shown.id_number, shown.phone, shown.bank_account);
        assert_eq!(id.len(), 18);
        let entry = db
            .scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'person.reveal' AND actor = 'wangfang' AND entity_id = '5' AND detail = '窗口核验本人身份'")
            .await;
        assert_eq!(entry, 1, "{}", db.label);
        for value in [&id, &phone, &bank] {
            let leaked = db
                .scalar(&format!(
                    "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%{value}%'"
                ))
                .await;
            assert_eq!(leaked, 0, "{}: a full value in the log", db.label);
        }
        assert!(
            store
                .reveal_person("wangfang", 99_999_999, "x")
                .await
                .unwrap()
                .is_none()
        );
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

#[tokio::test]
async fn a_filing_in_review_is_marked_for_the_others_until_its_lease_ends() {
    use chrono::{Duration, TimeZone, Utc};
    for db in TestDb::all().await {
        let store = demo(&db).await;
        let me = clerk(&store).await;
        let other = store.staff_by_login("lina").await.unwrap().unwrap();
        let f = clean_of(&store, FilingKind::Suspend).await;
        let now = Utc
            .with_ymd_and_hms(2026, 11, 27, 2, 0, 0)
            .single()
            .unwrap();
        let until = now + Duration::minutes(15);
        let before = store.change_marker().await.unwrap();
        assert_eq!(
            store.take_lease(me.id, f.id, now, until).await.unwrap(),
            None,
            "{}",
            db.label
        );
        // The other desks' watch sees it (within two seconds on screen),
        // though opening a filing writes no audit entry.
        let after = store.change_marker().await.unwrap();
        assert_ne!(before, after, "{}", db.label);
        assert_eq!(before.audited, after.audited, "{}", db.label);
        assert_eq!(
            store.take_lease(me.id, f.id, now, until).await.unwrap(),
            None,
            "the holder renews"
        );
        let held = store
            .take_lease(other.id, f.id, now + Duration::minutes(5), until)
            .await
            .unwrap();
        assert_eq!(held, Some((me.name.clone(), until)), "{}", db.label);
        // Once the lease has run out, the other clerk takes it.
        let later = until + Duration::minutes(1);
        assert_eq!(
            store
                .take_lease(other.id, f.id, later, later + Duration::minutes(15))
                .await
                .unwrap(),
            None
        );
        // A decision clears it, and moves no other lease.
        store
            .decide_filing(
                &other,
                f.id,
                f.version,
                &hrss_desk::store::FilingDecision {
                    decision: Decision::Approve,
                    reason: "",
                    overridden: None,
                    change: &change_for(&f.facts),
                    decided_at: store.clock().now(),
                    correction_due: None,
                },
            )
            .await
            .unwrap();
        let leased = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM filing WHERE id = {} AND lease_by IS NOT NULL",
                f.id
            ))
            .await;
        assert_eq!(leased, 0, "{}", db.label);
        assert!(store.verify_audit().await.unwrap().is_ok());
    }
}

/// Issue 21, point 11: the one-time notice goes to the applicant in the
/// office's language, Chinese, even when the clerk's screen is in English;
/// the problems the clerk reads stay in the screen's language.
#[tokio::test]
async fn a_notice_drafted_on_an_english_screen_is_in_chinese() {
    use hrss_desk::i18n::Lang;
    for db in TestDb::all().await {
        let store = demo(&db).await;
        let clerk = store.staff_by_login("wangfang").await.unwrap().unwrap();
        let id = db
            .scalar("SELECT MIN(id) FROM filing WHERE status = 'pending'")
            .await;
        let draft = hrss_desk::workflow::draft(
            &common::cx(&store, &clerk, Lang::En, today()),
            id,
            Decision::Return,
        )
        .await
        .unwrap();
        assert!(
            draft.notice.starts_with("一次性告知书\n您提交的"),
            "{}: {}",
            db.label,
            draft.notice
        );
        assert!(
            !draft.notice.contains("Your "),
            "{}: {}",
            db.label,
            draft.notice
        );
    }
}

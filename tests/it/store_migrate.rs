//! Migrating a database that holds filings: the filing table SQLite rebuilds
//! for the employer's registration keeps every row, its materials, problems
//! and resubmission links, and the foreign keys still hold; so does the
//! complaint table rebuilt for the answer elsewhere (0022).

use crate::common::TestDb;
use hrss_desk::store::migrate::MIGRATIONS;

const BEFORE_KINDS: i64 = 15;

/// The schema as the first `upto` migrations left it, written past the program.
async fn schema_upto(db: &TestDb, upto: i64) {
    if db.label == "sqlite" {
        let path = db.url.trim_start_matches("sqlite://");
        std::fs::File::create(path).expect("database file");
    }
    let mut sql = String::from(
        "CREATE TABLE schema_migration (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);\n",
    );
    for m in MIGRATIONS.iter().take(upto as usize) {
        sql.push_str(if db.label == "sqlite" {
            m.sqlite
        } else {
            m.postgres
        });
        sql.push_str(&format!(
            "\nINSERT INTO schema_migration VALUES ({}, '{}', '2026-11-01T00:00:00Z');\n",
            m.version, m.name
        ));
    }
    db.raw(&sql).await;
}

#[tokio::test]
async fn filings_survive_the_migration_that_adds_the_employers_registration() {
    for db in TestDb::all().await {
        schema_upto(&db, BEFORE_KINDS).await;
        db.raw(
            "INSERT INTO employer (id, uscc, name, status) VALUES (1, '91110000600037341L', '甲公司', 'active');
             INSERT INTO person (id, id_number, name, status) VALUES (1, '11010519491231002X', '王立新', 'active');
             INSERT INTO filing (id, kind, status, employer_id, person_id, received_at, declared, reason)
               VALUES (1, 'enroll', 'returned', 1, 1, '2026-11-02T01:00:00Z', '{\"name\":\"王立新\"}', '请补交劳动合同');
             INSERT INTO filing (id, kind, status, employer_id, person_id, received_at, resubmits, channel)
               VALUES (2, 'enroll', 'pending', 1, 1, '2026-11-09T01:00:00Z', 1, 'post');
             INSERT INTO filing_material (filing_id, material, present, valid) VALUES (2, 'id-card', TRUE, TRUE);
             INSERT INTO filing_problem (filing_id, code, count) VALUES (2, 'material-missing', 1);",
        )
        .await;
        let store = db.open().await;
        assert_eq!(
            store.schema_version().await.unwrap(),
            hrss_desk::store::migrate::latest(),
            "{}",
            db.label
        );
        assert_eq!(db.one::<i64>("SELECT COUNT(*) FROM filing").await, 2);
        assert_eq!(
            db.one::<String>("SELECT reason FROM filing WHERE id = 1")
                .await,
            "请补交劳动合同"
        );
        assert_eq!(
            db.one::<i64>("SELECT resubmits FROM filing WHERE id = 2")
                .await,
            1
        );
        assert_eq!(
            db.one::<String>("SELECT channel FROM filing WHERE id = 2")
                .await,
            "post"
        );
        assert_eq!(
            db.one::<i64>("SELECT COUNT(*) FROM filing_material").await,
            1
        );
        assert_eq!(
            db.one::<i64>("SELECT COUNT(*) FROM filing_problem").await,
            1
        );
        if db.label == "sqlite" {
            assert_eq!(
                db.one::<i64>("SELECT COUNT(*) FROM pragma_foreign_key_check")
                    .await,
                0
            );
        }
        // The new kind is allowed, with the upstream number taken once.
        db.raw(
            "INSERT INTO filing (id, kind, status, received_at, upstream_no)
               VALUES (3, 'register-employer', 'pending', '2026-11-20T01:00:00Z', 'WS-1')",
        )
        .await;
        assert_eq!(
            db.one::<i64>("SELECT COUNT(*) FROM filing WHERE upstream_no = 'WS-1'")
                .await,
            1
        );
        // A returned filing is answered once, whoever writes the second.
        let twice = db
            .try_raw(
                "INSERT INTO filing (id, kind, status, employer_id, received_at, resubmits)
                   VALUES (4, 'enroll', 'pending', 1, '2026-11-21T01:00:00Z', 1)",
            )
            .await;
        assert!(
            twice.is_err(),
            "{}: a second resubmission of filing 1",
            db.label
        );
        store.close().await;
    }
}

/// Cases recorded before acts had their own day keep their history: each
/// act reads as a complaint's, dated the day it was recorded, and the case
/// takes the new acts (a waiver, a payment) at once.
#[tokio::test]
async fn cases_survive_the_migration_that_dates_each_act() {
    for db in TestDb::all().await {
        schema_upto(&db, 16).await;
        db.raw(
            "INSERT INTO staff (id, login, name, roles, active) VALUES (1, 'wulei', '吴磊', 'inspector', TRUE);
             INSERT INTO inspection_case (id, number, respondent_name, stage, registered_on, opened_on, fine)
               VALUES (1, '鹿人社监案〔2026〕001号', '甲公司', 'investigating', '2026-09-21', '2026-09-28', 0);
             INSERT INTO case_event (case_id, at, staff_id, stage_from, stage_to, note)
               VALUES (1, '2026-09-28T02:00:00Z', 1, 'preliminary', 'opened', 'open');",
        )
        .await;
        let store = db.open().await;
        let state = store.case_state(1).await.unwrap().unwrap();
        assert_eq!(state.row.source, "complaint", "{}", db.label);
        assert_eq!(state.row.respondent_kind, "organisation");
        // Its last act is its latest known day: no act may be dated before it.
        assert_eq!(
            state.row.last_act_on.map(|d| d.to_string()).as_deref(),
            Some("2026-09-28"),
            "{}",
            db.label
        );
        assert!(state.payments.is_empty());
        let history = store.case_history(1).await.unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].on_date, None, "{}", db.label);
        assert_eq!(history[0].served_by, "");
        assert_eq!(
            db.one::<String>(
                "SELECT value FROM setting WHERE key = 'case.hearing_threshold_person_fen'"
            )
            .await,
            "100000"
        );
        store.close().await;
    }
}

/// Migration 0022 (劳社部令25 art 18, a complaint answered elsewhere): the
/// complaint table SQLite rebuilds keeps every row and its id, the case
/// made from one still points at it, and the new decision is allowed with
/// where to — no other.
#[tokio::test]
async fn complaints_survive_the_migration_that_answers_them_elsewhere() {
    for db in TestDb::all().await {
        schema_upto(&db, 21).await;
        db.raw(
            "INSERT INTO complaint (id, complainant_name, respondent_name, matters, facts, channel,
                received_on, violation_on, decision, decision_due, decided_on, mass_incident, decision_note)
               VALUES (7, '张伟', '甲公司', 'wages', '拖欠工资', 'hotline', '2026-11-02', '2026-10-01',
                'accepted', '2026-11-09', '2026-11-03', TRUE, '当面核实');
             INSERT INTO complaint (id, complainant_name, respondent_name, matters, channel,
                received_on, decision, decision_due)
               VALUES (9, '李娜', '乙公司', 'contracts', 'window', '2026-11-20', 'pending', '2026-11-27');
             INSERT INTO inspection_case (id, number, complaint_id, respondent_name, stage, registered_on)
               VALUES (1, '鹿人社监案〔2026〕001号', 7, '甲公司', 'registered', '2026-11-03');",
        )
        .await;
        let store = db.open().await;
        assert_eq!(
            store.schema_version().await.unwrap(),
            hrss_desk::store::migrate::latest(),
            "{}",
            db.label
        );
        let kept = store.complaint(7).await.unwrap().unwrap();
        assert_eq!(
            (
                kept.decision.code(),
                kept.mass_incident,
                kept.referred_to.as_str()
            ),
            ("accepted", true, ""),
            "{}",
            db.label
        );
        assert_eq!(
            db.one::<String>("SELECT decision_note FROM complaint WHERE id = 7")
                .await,
            "当面核实"
        );
        assert_eq!(
            db.one::<i64>("SELECT complaint_id FROM inspection_case WHERE id = 1")
                .await,
            7
        );
        if db.label == "sqlite" {
            assert_eq!(
                db.one::<i64>("SELECT COUNT(*) FROM pragma_foreign_key_check")
                    .await,
                0
            );
        }
        db.raw(
            "UPDATE complaint SET decision = 'elsewhere', referred_to = '某区人社局' WHERE id = 9",
        )
        .await;
        assert!(
            db.try_raw("UPDATE complaint SET decision = 'lost' WHERE id = 9")
                .await
                .is_err(),
            "{}: the CHECK still holds",
            db.label
        );
        store.close().await;
    }
}

//! Codes read as words (issue 20, point 4): every column the store decodes
//! into a vocabulary enum allows, by its CHECK constraint in both dialects,
//! exactly the enum's codes; a code the program does not know (written past
//! the constraint) makes the record unreadable, said as an error, never a
//! panic or a blank.

use crate::common::{self, TestDb};
use hrss_desk::domain::{
    CaseStage, ComplaintChannel, ComplaintDecision, EmployerStatus, FilingKind, InspectionMethod,
    InspectionResult, LeadSource, LicenceKind, LicenceStatus, PersonStatus, Sanction,
    SanctionStatus,
};
use hrss_desk::store::ListKind;
use std::collections::BTreeSet;

/// The codes a migration folder's last CHECK for `table.column` allows.
fn allowed(dialect: &str, table: &str, column: &str) -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(dialect);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut found = None;
    for f in files {
        let sql = std::fs::read_to_string(&f).unwrap();
        let marker = format!("CHECK ({column} IN (");
        let list_at = |text: &str| -> Option<BTreeSet<String>> {
            let at = text.find(&marker)?;
            let list = &text[at + marker.len()..];
            let list = &list[..list.find(')').unwrap()];
            Some(
                list.split(',')
                    .map(|c| c.trim().trim_matches('\'').to_string())
                    .collect(),
            )
        };
        // A constraint replaced in place (Postgres's ALTER TABLE … ADD CONSTRAINT).
        for line in sql.lines() {
            if line.starts_with(&format!("ALTER TABLE {table} ADD CONSTRAINT"))
                && let Some(l) = list_at(line)
            {
                found = Some(l);
            }
        }
        // Each CREATE TABLE of `table`; its column's CHECK list.
        for part in sql.split("CREATE TABLE ").skip(1) {
            let name: String = part
                .trim_start_matches("IF NOT EXISTS ")
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name != table {
                continue;
            }
            let body = &part[..part.find(");").unwrap_or(part.len())];
            if let Some(l) = list_at(body) {
                found = Some(l);
            }
        }
    }
    found.unwrap_or_else(|| panic!("{dialect}: no CHECK for {table}.{column}"))
}

fn codes<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str) -> BTreeSet<String> {
    all.iter().map(|v| code(*v).to_string()).collect()
}

#[test]
fn each_decoded_column_allows_exactly_its_words_codes() {
    let columns: Vec<(&str, &str, BTreeSet<String>)> = vec![
        (
            "licence",
            "kind",
            codes(LicenceKind::ALL, LicenceKind::code),
        ),
        (
            "licence",
            "status",
            codes(LicenceStatus::ALL, LicenceStatus::code),
        ),
        (
            "inspection_case",
            "stage",
            codes(CaseStage::ALL, CaseStage::code),
        ),
        (
            "employer",
            "status",
            codes(EmployerStatus::ALL, EmployerStatus::code),
        ),
        (
            "person",
            "status",
            codes(PersonStatus::ALL, PersonStatus::code),
        ),
        (
            "inspection",
            "method",
            codes(InspectionMethod::ALL, InspectionMethod::code),
        ),
        (
            "inspection",
            "result",
            codes(InspectionResult::ALL, InspectionResult::code),
        ),
        (
            "annual_review",
            "result",
            codes(InspectionResult::ALL, InspectionResult::code),
        ),
        ("sanction", "kind", codes(Sanction::ALL, Sanction::code)),
        (
            "sanction",
            "status",
            codes(SanctionStatus::ALL, SanctionStatus::code),
        ),
        (
            "complaint",
            "channel",
            codes(ComplaintChannel::ALL, ComplaintChannel::code),
        ),
        (
            "complaint",
            "decision",
            codes(ComplaintDecision::ALL, ComplaintDecision::code),
        ),
        (
            "licence_lead",
            "source",
            codes(LeadSource::ALL, LeadSource::code),
        ),
        ("filing", "kind", codes(FilingKind::ALL, FilingKind::code)),
    ];
    for dialect in ["sqlite", "postgres"] {
        for (table, column, words) in &columns {
            assert_eq!(
                &allowed(dialect, table, column),
                words,
                "{dialect}: {table}.{column}"
            );
        }
    }
}

#[tokio::test]
async fn a_code_the_program_does_not_know_makes_the_record_unreadable_not_a_panic() {
    // SQLite can be told to skip its CHECKs, as a damaged or foreign file
    // might have; Postgres cannot, so this runs there only.
    let db = TestDb::sqlite();
    let store = common::demo_store(&db, 50).await;
    let id = db.scalar("SELECT MIN(id) FROM licence").await;
    db.raw(&format!(
        "PRAGMA ignore_check_constraints = ON; UPDATE licence SET kind = 'space-agency' WHERE id = {id};"
    ))
    .await;
    let read = store.detail(ListKind::Licences, id).await;
    let said = read
        .expect_err("an unknown kind is not a licence")
        .to_string();
    assert!(said.contains("space-agency"), "{said}");
    // The others are read as before.
    let other = db
        .scalar(&format!("SELECT MIN(id) FROM licence WHERE id > {id}"))
        .await;
    assert!(
        store
            .detail(ListKind::Licences, other)
            .await
            .unwrap()
            .is_some()
    );
}

//! Records as the store reads and writes them: plain fields, codes as text,
//! money in fen. Conversion to the domain's types happens at the edges.

use chrono::{DateTime, NaiveDate, Utc};

/// An active inspector and how many open cases they are on.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InspectorLoad {
    pub id: i64,
    pub name: String,
    pub login: String,
    pub open_cases: i64,
}

/// A person's data in full, as shown after a reason is given (and audited).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RevealedPerson {
    pub id_number: String,
    pub phone: String,
    pub bank_account: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ZoneRow {
    pub code: String,
    pub name: String,
    pub towns: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub roles: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct EmployerRow {
    pub id: i64,
    pub uscc: String,
    pub name: String,
    pub legal_rep: String,
    pub address: String,
    pub town: String,
    pub zone: Option<String>,
    pub status: crate::domain::EmployerStatus,
    pub established_on: Option<NaiveDate>,
    pub arrears: i64,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PersonRow {
    pub id: i64,
    pub id_number: String,
    pub name: String,
    pub phone: String,
    pub bank_account: String,
    pub employer_id: Option<i64>,
    pub status: crate::domain::PersonStatus,
    pub hired_on: Option<NaiveDate>,
    pub last_paid_month: Option<NaiveDate>,
    pub contribution_base: i64,
    pub pension_base: i64,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LicenceRow {
    pub id: i64,
    pub kind: crate::domain::LicenceKind,
    pub number: String,
    pub holder: String,
    pub uscc: String,
    pub legal_rep: String,
    pub address: String,
    pub district: String,
    pub zone: Option<String>,
    pub issued_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
    pub status: crate::domain::LicenceStatus,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct InspectionRow {
    pub id: i64,
    pub licence_id: i64,
    pub method: crate::domain::InspectionMethod,
    pub planned_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub result: crate::domain::InspectionResult,
    pub findings: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct AnnualReviewRow {
    pub id: i64,
    pub licence_id: i64,
    pub year: i64,
    pub due_on: NaiveDate,
    pub submitted_on: Option<NaiveDate>,
    pub result: crate::domain::InspectionResult,
    pub note: String,
}

/// A ladder step as its rectification notice states it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SanctionStepFacts {
    pub licence_number: String,
    pub holder: String,
    pub step: crate::domain::ladder::Step,
    pub decided_on: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub reason: String,
    /// Who decided it (their name; empty if unknown).
    pub decided_by: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SanctionRow {
    pub id: i64,
    pub licence_id: i64,
    pub kind: crate::domain::Sanction,
    pub decided_on: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub amount: i64,
    pub reason: String,
    pub status: crate::domain::SanctionStatus,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FilingRow {
    pub id: i64,
    pub kind: crate::domain::FilingKind,
    pub status: String,
    pub employer_id: Option<i64>,
    pub person_id: Option<i64>,
    pub received_at: DateTime<Utc>,
    pub declared: String,
    pub assigned_to: Option<i64>,
}

/// A filing received at the counter, to be written with its materials.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivedFiling {
    pub kind: String,
    /// None for an employer's own first registration.
    pub employer_id: Option<i64>,
    /// The person it is about, by ID number as declared (none for an
    /// employer's own filing); linked when the register has them.
    pub id_number: Option<String>,
    /// The day it came in (at the time of day it was keyed in, or the
    /// office's morning for a paper keyed in later).
    pub received_at: DateTime<Utc>,
    pub declared: String,
    pub channel: String,
    /// (material, present, valid, note), every one of the kind's checklist.
    pub materials: Vec<(String, bool, bool, String)>,
    /// The returned filing it corrects.
    pub resubmits: Option<i64>,
    /// The upstream declaration system's number (网上申报), for a batch.
    pub upstream_no: Option<String>,
}

/// A filing as a resubmission names it: its kind and status, its
/// employer's credit code, what it declared, and whether another filing
/// already answers its notice.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OriginalRow {
    pub kind: String,
    pub status: String,
    pub employer_uscc: Option<String>,
    pub declared: String,
    pub answered: i64,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct MaterialRow {
    pub filing_id: i64,
    pub material: String,
    pub present: bool,
    pub valid: bool,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ComplaintRow {
    pub id: i64,
    pub complainant_name: String,
    pub complainant_id_number: String,
    pub complainant_phone: String,
    pub respondent_employer_id: Option<i64>,
    pub respondent_name: String,
    pub matters: String,
    pub facts: String,
    pub channel: crate::domain::ComplaintChannel,
    pub received_on: NaiveDate,
    pub violation_on: Option<NaiveDate>,
    pub decision: crate::domain::ComplaintDecision,
    pub decision_due: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub mass_incident: bool,
    /// Where the complainant was told to turn, for a complaint decided not
    /// this bureau's (劳社部令25 art 18); '' otherwise.
    pub referred_to: String,
}

/// A decision on a complaint as the store records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComplaintVerdict<'a> {
    /// The decision's code (`Outcome::code`).
    pub decision: &'a str,
    pub note: &'a str,
    /// Where the complainant is told to turn ('' unless decided elsewhere).
    pub referred_to: &'a str,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CaseRow {
    pub id: i64,
    pub number: String,
    pub complaint_id: Option<i64>,
    pub respondent_employer_id: Option<i64>,
    pub respondent_name: String,
    pub stage: crate::domain::CaseStage,
    pub registered_on: NaiveDate,
    pub opened_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub extended: bool,
    pub case_officer_id: Option<i64>,
    pub fine: i64,
    pub outcome: String,
    /// From a mass incident (群体性事件): always first in the queue.
    pub mass_incident: bool,
    pub notice_served_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub served_on: Option<NaiveDate>,
    pub due_rule: String,
    pub queue_key: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseEventRow {
    pub case_id: i64,
    pub at: DateTime<Utc>,
    pub staff_id: Option<i64>,
    pub stage_from: Option<String>,
    pub stage_to: String,
    pub note: String,
    /// The day the act happened (None: recorded before acts had their own day).
    pub on_date: Option<NaiveDate>,
    /// How its paper was served (a `ServiceMethod` code), or empty.
    pub served_by: String,
}

/// A published yearly figure with its source: the average wage, or the
/// pension base (计发基数).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FigureRow {
    pub year: i64,
    pub region: String,
    pub monthly: i64,
    pub source: String,
    pub effective_from: NaiveDate,
}

/// A row of a filing kind's material checklist, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ChecklistRow {
    pub kind: String,
    pub material: String,
    pub name_zh: String,
    pub name_en: String,
    pub required: bool,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SettingRow {
    pub key: String,
    pub value: String,
    pub source: String,
    pub effective_from: Option<NaiveDate>,
}

/// Everything the demo generator makes, inserted in one transaction.
#[derive(Debug, Clone, Default)]
pub struct DemoData {
    pub zones: Vec<ZoneRow>,
    pub staff: Vec<StaffRow>,
    pub employers: Vec<EmployerRow>,
    pub persons: Vec<PersonRow>,
    pub licences: Vec<LicenceRow>,
    pub inspections: Vec<InspectionRow>,
    /// (inspection id, staff id)
    pub inspection_inspectors: Vec<(i64, i64)>,
    pub annual_reviews: Vec<AnnualReviewRow>,
    pub sanctions: Vec<SanctionRow>,
    pub filings: Vec<FilingRow>,
    pub materials: Vec<MaterialRow>,
    pub complaints: Vec<ComplaintRow>,
    pub cases: Vec<CaseRow>,
    /// (case id, staff id)
    pub case_inspectors: Vec<(i64, i64)>,
    pub case_events: Vec<CaseEventRow>,
    pub average_wages: Vec<FigureRow>,
    pub pension_figures: Vec<FigureRow>,
    pub settings: Vec<SettingRow>,
}

/// Counts the status bar and the dashboard show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub employers: i64,
    pub persons: i64,
    pub licences: i64,
    pub pending_filings: i64,
    /// Pending filings past their decision day (set by the workflow, which
    /// knows the working days; 0 as the store reads the counts).
    pub overdue_filings: i64,
    pub open_cases: i64,
    pub overdue_cases: i64,
    /// Complaints registered and not yet decided (the inbox).
    pub pending_complaints: i64,
    /// Of those, past their decision day (set by the workflow, as
    /// `overdue_filings` is).
    pub overdue_complaints: i64,
}

/// What moves when anything at any desk changes: the audit log's newest
/// entry, and the review leases (opening a filing is not audited).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeMarker {
    pub audited: i64,
    pub leases: i64,
    pub latest_lease: Option<chrono::DateTime<chrono::Utc>>,
}

/// What an inspection to record is of: its licence, the licence's kind and
/// holder, and where the inspection stands.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InspectionTarget {
    pub licence_id: i64,
    pub kind: String,
    pub holder: String,
    pub result: String,
}

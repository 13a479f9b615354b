//! What the panes read: list items with their keyset sort keys, record
//! details, and the dashboard's figures.

use super::model::*;
use chrono::{DateTime, NaiveDate, Utc};

/// The lists the panes page through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Filings,
    Licences,
    Cases,
    Inspections,
    Persons,
    /// Insured employers: reached from the lookup.
    Employers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Rows after `from` in the list's order (from the top when `from` is None).
    Forward,
    /// Rows before `from` (from the bottom when `from` is None), returned in list order.
    Backward,
}

/// A row's place in its list's order; keyset paging continues from it, so a
/// list of a million rows never loads more than a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortKey {
    Time(DateTime<Utc>, i64),
    Date(NaiveDate, i64),
    /// A sortable text key (the case queue's).
    Text(String, i64),
    Id(i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub dir: Direction,
    pub from: Option<SortKey>,
    pub limit: i64,
    /// Typed by the user after `/`; matched as a case-insensitive fragment.
    pub filter: String,
    /// The review queue's narrowing; other lists ignore it.
    pub scope: QueueScope,
}

/// Which pending filings the queue shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueScope {
    /// One kind's code.
    pub kind: Option<String>,
    /// Those assigned to this staff member.
    pub assigned_to: Option<i64>,
    /// Those received up to this instant (due soon: received long enough ago).
    pub received_by: Option<DateTime<Utc>>,
    /// Those whose last check found this problem code.
    pub problem: Option<String>,
    /// Cases in this stage.
    pub case_stage: Option<String>,
    /// Cases this staff member handles or investigates.
    pub inspector: Option<i64>,
    /// Cases without their two inspectors yet.
    pub unassigned: bool,
    /// Cases whose next deadline falls on or before this day…
    pub due_by: Option<NaiveDate>,
    /// …and, with it, on or after this one (due soon: not yet overdue).
    pub due_from: Option<NaiveDate>,
    /// Cases arising from a complaint about this inspection matter.
    pub matter: Option<String>,
    /// The case queue's order.
    pub case_sort: CaseSort,
}

/// The column the case queue is sorted by (ascending; the deadline order
/// puts mass incidents first).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum CaseSort {
    #[default]
    Deadline,
    Number,
    Respondent,
    Stage,
    Officer,
}

impl CaseSort {
    pub const ALL: [CaseSort; 5] = [
        CaseSort::Deadline,
        CaseSort::Number,
        CaseSort::Respondent,
        CaseSort::Stage,
        CaseSort::Officer,
    ];

    /// The SQL expression the queue pages by (with the id after it).
    pub fn expr(self) -> &'static str {
        match self {
            CaseSort::Deadline => "c.queue_key",
            CaseSort::Number => "c.number",
            CaseSort::Respondent => "c.respondent_name",
            // The procedure's order, not the alphabet's.
            CaseSort::Stage => {
                "CASE c.stage WHEN 'registered' THEN '1' WHEN 'preliminary' THEN '2' WHEN 'opened' THEN '3'
                 WHEN 'investigating' THEN '4' WHEN 'prior-notice' THEN '5' WHEN 'defence' THEN '6'
                 WHEN 'decided' THEN '7' WHEN 'enforcing' THEN '8' ELSE '9' END"
            }
            CaseSort::Officer => "COALESCE(s.name, '')",
        }
    }
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FilingItem {
    pub id: i64,
    pub kind: crate::domain::FilingKind,
    pub status: String,
    pub employer_name: Option<String>,
    pub person_name: Option<String>,
    pub person_id_number: Option<String>,
    /// The person and the employer it is about, to open from it.
    pub person_id: Option<i64>,
    pub employer_id: Option<i64>,
    pub received_at: DateTime<Utc>,
    /// Required materials that are missing or not valid.
    pub material_problems: i64,
    /// Who is reviewing it now, if someone is.
    pub lease_holder: Option<String>,
    pub lease_by: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CaseItem {
    pub id: i64,
    pub number: String,
    pub respondent_name: String,
    pub stage: crate::domain::CaseStage,
    pub registered_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub officer_name: Option<String>,
    pub mass_incident: bool,
    /// The rule of the next deadline (`due_on`), by its code.
    pub due_rule: String,
    pub queue_key: String,
    /// The value the queue is sorted by, as the statement computed it.
    pub sort_key: String,
}

/// A complaint as a licence's detail lists it: no complainant's personal data.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ComplaintItem {
    pub id: i64,
    pub received_on: NaiveDate,
    pub channel: crate::domain::ComplaintChannel,
    pub matters: String,
    pub decision: crate::domain::ComplaintDecision,
    pub facts: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct InspectionItem {
    pub id: i64,
    pub licence_number: String,
    pub holder: String,
    pub method: crate::domain::InspectionMethod,
    pub planned_on: NaiveDate,
    pub result: crate::domain::InspectionResult,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PersonItem {
    pub id: i64,
    pub name: String,
    pub id_number: String,
    pub employer_name: Option<String>,
    pub status: crate::domain::PersonStatus,
    pub contribution_base: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ListItem {
    Filing(FilingItem),
    Licence(LicenceRow),
    Case(CaseItem),
    Inspection(InspectionItem),
    Person(PersonItem),
    Employer(EmployerRow),
}

/// Cases without a due date sort last, as if due on this day (the same text
/// in the SQL's `COALESCE`).
pub fn no_due_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("valid date")
}

impl ListItem {
    pub fn id(&self) -> i64 {
        match self {
            ListItem::Filing(x) => x.id,
            ListItem::Licence(x) => x.id,
            ListItem::Case(x) => x.id,
            ListItem::Inspection(x) => x.id,
            ListItem::Person(x) => x.id,
            ListItem::Employer(x) => x.id,
        }
    }

    pub fn key(&self) -> SortKey {
        match self {
            ListItem::Filing(x) => SortKey::Time(x.received_at, x.id),
            ListItem::Licence(x) => SortKey::Id(x.id),
            ListItem::Case(x) => SortKey::Text(x.sort_key.clone(), x.id),
            ListItem::Inspection(x) => SortKey::Date(x.planned_on, x.id),
            ListItem::Person(x) => SortKey::Id(x.id),
            ListItem::Employer(x) => SortKey::Id(x.id),
        }
    }
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct MaterialLine {
    pub material: String,
    pub name_zh: String,
    pub name_en: String,
    pub required: bool,
    pub present: Option<bool>,
    pub valid: Option<bool>,
    /// What the clerk noted at the counter (empty when nothing).
    pub note: Option<String>,
}

/// How a filing came in, and the resubmission it is or was answered by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilingIntake {
    pub channel: String,
    /// The upstream declaration system's number, for a batch's filing.
    pub upstream_no: Option<String>,
    /// It corrects this returned filing: (its number, its one-time notice,
    /// the day that notice said to correct by).
    pub resubmits: Option<(i64, String, Option<NaiveDate>)>,
    /// Returned, it was corrected by this filing.
    pub resubmitted_by: Option<i64>,
    /// Returned, the day its notice says to correct and resubmit by (none
    /// for a filing returned before the notice said one).
    pub correction_due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Filing {
        item: FilingItem,
        declared: String,
        materials: Vec<MaterialLine>,
        decision: Option<String>,
        reason: String,
        /// For a contribution base: the average wage of the declared year.
        average_wage: Option<FigureRow>,
        /// For a retiree: the pension base published for the retirement year.
        pension_figure: Option<FigureRow>,
        intake: FilingIntake,
    },
    Licence {
        licence: LicenceRow,
        inspections: Vec<InspectionRow>,
        sanctions: Vec<SanctionRow>,
        reviews: Vec<AnnualReviewRow>,
        /// The ladder's steps taken, newest first.
        steps: Vec<SanctionStepRow>,
        /// Its standing on the day and what set it.
        standing: Option<LicenceStanding>,
        /// Leads about the holder, newest first.
        leads: Vec<LeadRow>,
        /// Complaints and cases about the holder: by its credit code or its name.
        complaints: Vec<ComplaintItem>,
        cases: Vec<CaseItem>,
    },
    Employer {
        employer: EmployerRow,
        persons: i64,
        cases: Vec<CaseItem>,
    },
    Case {
        item: CaseItem,
        facts: Option<String>,
        fine: i64,
        outcome: String,
        inspectors: Vec<String>,
        events: Vec<CaseEventRow>,
        /// What the procedure and the clocks read.
        state: Option<Box<CaseState>>,
        files: Vec<CaseFileRow>,
    },
    Inspection {
        item: InspectionItem,
        /// The licence inspected: its id and kind.
        licence: (i64, String),
        /// The violation notice served on the spot, if one was.
        notice: Option<ViolationNotice>,
        findings: String,
        inspectors: Vec<String>,
        /// The campaign or patrol it belongs to (its theme).
        campaign: Option<String>,
        /// Each check item recorded: (item, outcome, finding).
        items: Vec<(String, String, String)>,
    },
    Person {
        person: PersonRow,
        employer: Option<String>,
    },
}

/// The figures of the statistics pane.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dashboard {
    pub counts: Counts,
    /// (filing kind, pending count)
    pub pending_by_kind: Vec<(String, i64)>,
    /// (case stage, count)
    pub cases_by_stage: Vec<(String, i64)>,
    /// (licence kind, all, valid)
    pub licences_by_kind: Vec<(String, i64, i64)>,
    /// Valid licences expiring within the warning period (60 days unless the
    /// office sets another), and those already past expiry.
    pub expiring_soon: i64,
    pub expired: i64,
    /// Rectification deadlines passed with no inspection done since.
    pub rectifications_overdue: i64,
    /// Rectifications within their deadline, awaiting a re-inspection.
    pub rectifications_pending: i64,
    /// Open cases due within five working days.
    pub cases_due_soon: i64,
    /// Suspensions (an agreement's, a stop of enrolment) whose last day
    /// falls within 30 days: to be lifted or end in termination.
    pub suspensions_ending: i64,
    /// Enrolment stopped until a re-check passes.
    pub held_until_recheck: i64,
    /// Agreements in force whose renewal is due within 30 days (or is
    /// overdue), three months before their end.
    pub agreement_renewals_due: i64,
    /// The inspection queue: pending inspections, open audit tasks; and
    /// leads that started no inspection.
    pub inspections_pending: i64,
    pub audit_tasks_open: i64,
    pub leads_open: i64,
}

/// One record as the lookup index takes it in.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LookupRow {
    /// `licence`, `employer` or `person`.
    pub source: String,
    /// A licence's kind code; empty for employers and persons.
    pub licence_kind: String,
    pub id: i64,
    pub name: String,
    /// Licence number, credit code, or resident ID number.
    pub number: String,
    pub uscc: String,
    pub status: String,
    pub expires_on: Option<NaiveDate>,
    /// A person's employer.
    pub employer_id: Option<i64>,
}

/// A pending filing, ready for the checks.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingFiling {
    pub id: i64,
    /// The version read: a decision names it.
    pub version: i64,
    pub person_id: Option<i64>,
    pub employer_uscc: Option<String>,
    pub person_id_number: Option<String>,
    /// The returned filing it corrects, when it is a resubmission.
    pub resubmits: Option<i64>,
    pub facts: crate::domain::review::FilingFacts,
}

/// A case's own row, as the procedure and the clocks read it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CaseStateRow {
    pub id: i64,
    pub version: i64,
    pub number: String,
    pub respondent_name: String,
    pub respondent_employer_id: Option<i64>,
    pub stage: crate::domain::CaseStage,
    pub registered_on: NaiveDate,
    pub opened_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub extended: bool,
    pub suspended: bool,
    pub hearing_required: bool,
    pub hearing_requested: bool,
    pub hearing_host_id: Option<i64>,
    pub legal_reviewer_id: Option<i64>,
    pub case_officer_id: Option<i64>,
    pub mass_incident: bool,
    pub notice_served_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub served_on: Option<NaiveDate>,
    pub fine: i64,
    pub article: String,
    pub outcome: String,
    pub due_rule: String,
    pub queue_key: String,
    pub complaint_received_on: Option<NaiveDate>,
    pub source: String,
    pub respondent_kind: String,
    pub matters: String,
    pub facts: String,
    pub anonymous: bool,
    pub informant_name: String,
    pub informant_phone: String,
    pub last_act_on: Option<NaiveDate>,
    pub reminder_served_on: Option<NaiveDate>,
    pub court_applied_on: Option<NaiveDate>,
    pub rights_waived: bool,
    /// The kind of the decision, or of the penalty the notice proposed.
    pub decision: String,
    pub order_deadline: Option<NaiveDate>,
    pub hearing_on: Option<NaiveDate>,
    /// A penalty on a licence holder: the licence, and the ladder step the
    /// case was opened for.
    pub licence_id: Option<i64>,
    pub sanction: String,
}

/// What a case's clocks read: a narrow row, so that every open case's
/// deadline can be recomputed quickly.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ClockRow {
    pub id: i64,
    pub version: i64,
    pub stage: crate::domain::CaseStage,
    pub registered_on: NaiveDate,
    pub opened_on: Option<NaiveDate>,
    pub extended: bool,
    pub mass_incident: bool,
    pub notice_served_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub served_on: Option<NaiveDate>,
    pub complaint_received_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub due_rule: String,
    /// The office found the case itself (no acceptance clock): read as a
    /// flag, not the source's text — every open case's row is read daily.
    pub office_found: bool,
    pub reminder_served_on: Option<NaiveDate>,
    pub fine: i64,
}

impl From<&CaseStateRow> for ClockRow {
    fn from(r: &CaseStateRow) -> Self {
        ClockRow {
            id: r.id,
            version: r.version,
            stage: r.stage,
            registered_on: r.registered_on,
            opened_on: r.opened_on,
            extended: r.extended,
            mass_incident: r.mass_incident,
            notice_served_on: r.notice_served_on,
            decided_on: r.decided_on,
            served_on: r.served_on,
            complaint_received_on: r.complaint_received_on,
            due_on: r.due_on,
            due_rule: r.due_rule.clone(),
            office_found: crate::domain::CaseSource::parse(&r.source)
                .is_some_and(crate::domain::procedure::acts::found_by_office),
            reminder_served_on: r.reminder_served_on,
            fine: r.fine,
        }
    }
}

/// An open case's clock row with its suspension periods.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineClock {
    pub row: ClockRow,
    pub suspensions: Vec<(NaiveDate, Option<NaiveDate>)>,
}

/// A case with its inspectors, the kinds of document on file and its
/// suspension periods.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseState {
    pub row: CaseStateRow,
    pub inspectors: Vec<i64>,
    pub on_file: Vec<String>,
    pub suspensions: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// Staff who declared an interest in the respondent.
    pub conflicted: Vec<i64>,
    /// Payments of the decision: (day paid, amount in fen).
    pub payments: Vec<(NaiveDate, i64)>,
}

/// An open case's clock facts.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseClock {
    pub row: CaseStateRow,
    pub suspensions: Vec<(NaiveDate, Option<NaiveDate>)>,
}

/// One entry of a case file.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CaseFileRow {
    pub kind: crate::domain::CaseFileKind,
    pub on_date: NaiveDate,
    pub recorded_by: Option<String>,
    pub kept_at: String,
    pub note: String,
}

/// One act in a case's history: the day it happened and the moment it was
/// recorded, by whom, and how its paper was served.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CaseActRow {
    pub on_date: Option<NaiveDate>,
    pub at: String,
    pub staff_name: Option<String>,
    pub stage_from: Option<String>,
    pub stage_to: String,
    pub note: String,
    pub served_by: String,
}

/// One payment of a decision.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CasePaymentRow {
    pub paid_on: NaiveDate,
    pub amount: i64,
    pub receipt: String,
    pub recorded_by: Option<String>,
}

/// A case registered from any source (`cases open`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedCase {
    pub number_stem: String,
    pub source: String,
    pub respondent_employer_id: Option<i64>,
    pub respondent_name: String,
    pub respondent_kind: String,
    pub matters: String,
    pub facts: String,
    pub on: NaiveDate,
    pub anonymous: bool,
    pub informant_name: String,
    pub informant_phone: String,
    pub from_inspection_id: Option<i64>,
    pub from_lead_id: Option<i64>,
    pub from_campaign_id: Option<i64>,
    pub mass_incident: bool,
    /// A penalty on a licence holder: the licence and the ladder step.
    pub licence: Option<(i64, String)>,
    pub next: NextDue,
    /// Decided on the spot (简易程序): the decision, served there and then.
    pub spot: Option<SpotRecord>,
}

/// A penalty decided on the spot on a numbered form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpotRecord {
    pub number: String,
    pub decision: String,
    pub article: String,
    pub amount: i64,
    pub officer: i64,
    pub inspectors: Vec<i64>,
    /// Collected there and then (at most 100 yuan).
    pub paid: bool,
    pub filed_late: bool,
}

/// A case's next deadline as the queue keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextDue {
    pub due_on: Option<NaiveDate>,
    pub rule: String,
    pub queue_key: String,
}

/// A case move as written: what it is, its effect on the case, the
/// documents attached, the day it happened, the note, the next deadline,
/// and the decision it takes, if any.
#[derive(Debug, Clone, Copy)]
pub struct CaseMoveRecord<'a> {
    pub m: crate::domain::CaseMove,
    pub effect: &'a crate::domain::procedure::MoveEffect,
    pub attached: &'a [crate::domain::CaseFileKind],
    pub on: NaiveDate,
    pub note: &'a str,
    pub next: &'a NextDue,
    pub decision: Option<DecisionWritten<'a>>,
}

/// A penalty decision as the case keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionWritten<'a> {
    /// The fine in fen.
    pub amount: i64,
    pub article: &'a str,
    /// The decision kind's code.
    pub kind: &'a str,
}

/// A payment of a fine as recorded.
#[derive(Debug, Clone, Copy)]
pub struct PaymentRecord<'a> {
    pub paid_on: NaiveDate,
    /// In fen.
    pub amount: i64,
    pub receipt: &'a str,
    pub next: &'a NextDue,
}

/// A licence's annual report received and/or its result, for a year.
#[derive(Debug, Clone, Copy)]
pub struct AnnualRecord<'a> {
    pub licence: i64,
    pub year: i64,
    pub due: NaiveDate,
    pub submitted: Option<NaiveDate>,
    /// `passed` or `failed`; None keeps the result recorded.
    pub result: Option<&'a str>,
    pub note: &'a str,
}

/// A decision on a filing as written: a return's notice or an approval's
/// reason, the reason for approving over problems, the change an approval
/// makes to the person, when it was taken, and for a return the day its
/// notice says to correct by (counted from that instant's day).
#[derive(Debug, Clone, Copy)]
pub struct FilingDecision<'a> {
    pub decision: crate::domain::decision::Decision,
    pub reason: &'a str,
    pub overridden: Option<&'a str>,
    pub change: &'a crate::domain::decision::Change,
    pub decided_at: DateTime<Utc>,
    pub correction_due: Option<NaiveDate>,
}

/// A complaint as intake registers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComplaint {
    pub complainant_name: String,
    pub complainant_id_number: String,
    pub complainant_phone: String,
    pub respondent_employer_id: Option<i64>,
    pub respondent_name: String,
    /// Comma list of inspection matter codes.
    pub matters: String,
    pub facts: String,
    pub channel: String,
    pub received_on: NaiveDate,
    pub violation_on: Option<NaiveDate>,
    pub decision_due: NaiveDate,
    pub mass_incident: bool,
}

/// The case an accepted complaint registers: its number's stem (the
/// sequence is given in the transaction) and its first deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    /// 鹿人社监案〔2026〕
    pub number_stem: String,
    pub due_on: Option<NaiveDate>,
    pub due_rule: String,
    pub queue_key: String,
}

/// What the draw's pools are made of, as the database has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawFacts {
    /// (licence id, complaints about its holder, failed inspections + sanctions)
    pub targets: Vec<(i64, i64, i64)>,
    /// (licence id, inspection id, staff id), each licence's newest first.
    pub teams: Vec<(i64, i64, i64)>,
    pub inspectors: Vec<i64>,
    /// (staff id, licence id) declared interests.
    pub conflicts: Vec<(i64, i64)>,
}

/// A draw to record, with the inspections it makes: (licence, inspectors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDraw {
    pub name: String,
    pub kind: String,
    pub zone: String,
    pub ratio_permille: i64,
    pub per_target: i64,
    pub seed: String,
    pub targets: String,
    pub inspectors: String,
    pub targets_hash: String,
    pub inspectors_hash: String,
    pub result: String,
    pub result_hash: String,
    pub picks: Vec<(i64, Vec<i64>)>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DrawRow {
    pub id: i64,
    pub name: String,
    pub licence_kind: String,
    pub zone: String,
    pub ratio_permille: i64,
    pub per_target: i64,
    pub seed: String,
    pub drawn_at: DateTime<Utc>,
    pub targets: String,
    pub inspectors: String,
    pub targets_hash: String,
    pub inspectors_hash: String,
    pub result: String,
    pub result_hash: String,
}

/// A step with a deadline and the first inspection done since it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RectificationRow {
    pub licence_id: i64,
    pub number: String,
    pub holder: String,
    pub step: crate::domain::ladder::Step,
    pub decided_on: NaiveDate,
    pub deadline: NaiveDate,
    pub reinspected_on: Option<NaiveDate>,
}

/// What an import wrote: rows in the file, records added, records changed
/// (the rest were already as the file has them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportCounts {
    pub rows: u64,
    pub inserted: u64,
    pub updated: u64,
}

/// An on-site violation notice (违约通知单).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ViolationNotice {
    pub year: i64,
    pub seq: i64,
    pub issued_on: NaiveDate,
    pub content: String,
}

/// An inspection's outcome as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct InspectionRecord<'a> {
    /// (item, outcome, finding)
    pub items: &'a [(String, String, String)],
    pub origin: &'a str,
    pub approach: &'a str,
    pub passed: bool,
    pub on: NaiveDate,
    /// The text of the violation notice served on the spot, if one is.
    pub notice: Option<&'a str>,
    /// Close the institution's open audit tasks (their findings looked into).
    pub close_audit_tasks: bool,
    /// A re-check passed that ends a hold on the licence (enrolment stopped
    /// until a re-check passes): the lifting, recorded with it.
    pub lift: Option<&'a crate::domain::ladder::LicenceAct>,
}

/// What recording an inspection did besides: the notice served (year,
/// number in the year) and how many audit tasks it closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub notice: Option<(i64, i64)>,
    pub tasks_closed: u64,
}

/// A draw as the plans list shows it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DrawPlanRow {
    pub id: i64,
    pub name: String,
    pub licence_kind: String,
    pub zone: String,
    pub seed: String,
    pub drawn_at: DateTime<Utc>,
    pub inspections: i64,
    pub done: i64,
    /// The day of the draw's first inspection result, if any.
    pub first_done_on: Option<NaiveDate>,
}

/// A licence with its annual review of a year (none yet: all None).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct AnnualRow {
    pub licence_id: i64,
    pub number: String,
    pub holder: String,
    pub due_on: Option<NaiveDate>,
    pub submitted_on: Option<NaiveDate>,
    pub result: Option<String>,
    /// A missing report ordered filed by this day.
    pub order_deadline: Option<NaiveDate>,
}

/// One entry of the inspection queue: a pending inspection (`source` =
/// "inspection", `what` its method) or an open audit task ("audit", `what`
/// its rule, with the month and the figures behind it).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct InspectionQueueRow {
    pub source: String,
    pub id: i64,
    pub licence_id: i64,
    pub since: NaiveDate,
    pub number: String,
    pub holder: String,
    pub what: String,
    pub month: i64,
    pub detail: String,
}

/// A lead about a licence holder, with the inspection it started if any.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LeadRow {
    pub id: i64,
    pub licence_id: i64,
    pub number: String,
    pub holder: String,
    pub source: crate::domain::LeadSource,
    pub summary: String,
    pub received_on: NaiveDate,
    pub inspection_id: Option<i64>,
}

/// What deciding a lead's inspection needs.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadFacts {
    pub licence: i64,
    pub inspection: Option<i64>,
    pub conflicted: Vec<i64>,
}

/// A special campaign or patrol with its inspections counted.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CampaignRow {
    pub id: i64,
    pub theme: String,
    pub patrol: bool,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub inspections: i64,
    pub done: i64,
    pub failed: i64,
}

/// An inspection grouped under a campaign.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CampaignInspectionRow {
    pub id: i64,
    pub number: String,
    pub holder: String,
    pub planned_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub result: String,
}

/// A step of a licence's sanction ladder as taken.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SanctionStepRow {
    pub id: i64,
    pub step: crate::domain::ladder::Step,
    pub decided_on: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub reason: String,
    /// A suspension's or a stop's last day.
    pub until_on: Option<NaiveDate>,
    /// The case whose served decision took the step.
    pub case_number: Option<String>,
}

/// A change a licence holder reported, with its filing's deadline.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct LicenceChangeRow {
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    pub changed_on: NaiveDate,
    pub reported_on: NaiveDate,
    pub due_on: NaiveDate,
}

/// A licence with its standing on the day and what set it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct LicenceStanding {
    pub id: i64,
    pub kind: crate::domain::LicenceKind,
    pub number: String,
    pub holder: String,
    pub uscc: String,
    pub legal_rep: String,
    pub address: String,
    pub issued_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
    /// The status on the day (a suspension past its last day is valid again).
    pub status: crate::domain::LicenceStatus,
    /// The status as the last decision set it, from `standing_since`.
    pub stored_status: crate::domain::LicenceStatus,
    pub prior_status: String,
    pub standing_since: Option<NaiveDate>,
    pub standing_until: Option<NaiveDate>,
    /// The ladder step that set it ('' when none did).
    pub standing_step: String,
    pub standing_reason: String,
    /// The number of the case whose decision set it.
    pub standing_case: Option<String>,
}

/// A licence as the public register shows it: no personal data.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RegisterRow {
    pub number: String,
    pub holder: String,
    pub uscc: String,
    pub kind: crate::domain::LicenceKind,
    pub address: String,
    pub issued_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
    pub status: crate::domain::LicenceStatus,
    pub sanctions: i64,
}

//! Deciding a filing: who may, when problems stand in the way, and what an
//! approval changes on the person or the employer (办结 applies the filing).

use super::review::{FilingFacts, Problem};
use super::{FilingKind, Staff};
use serde_json::Value;

/// A filing is decided within this many working days of its receipt
/// (社会保险经办条例 2023, arts 6 and 10).
pub const DECIDE_WITHIN_WORKING_DAYS: u32 = 10;

/// The instant before which a filing received is overdue on `today`: its
/// decision day (receipt + the working days) is already past. Receipt is
/// counted by the office's date (China Standard Time).
pub fn filings_overdue_before(
    cal: &super::WorkCalendar,
    today: chrono::NaiveDate,
) -> chrono::DateTime<chrono::Utc> {
    // The first day whose filings are not yet overdue: stepping back from
    // today, the days whose due day is today or later.
    let mut first = today;
    while let Some(before) = first.pred_opt()
        && cal
            .add_working_days(before, DECIDE_WITHIN_WORKING_DAYS)
            .date
            >= today
    {
        first = before;
    }
    let start = first.and_hms_opt(0, 0, 0).expect("midnight");
    start
        .and_local_timezone(super::calendar::office_offset())
        .single()
        .expect("a fixed offset")
        .with_timezone(&chrono::Utc)
}

/// Working days a returned filing's applicant has to correct and resubmit
/// it when the office sets none (`filing.correction_days`). No statute fixes
/// this period (the law asks only that every correction be told at once), so
/// it is the office's choice. It is counted in working days on the holiday
/// calendar, as the decision's own 10 days are: a notice given before the
/// Spring Festival keeps its days to correct in.
pub const DEFAULT_CORRECTION_WORKING_DAYS: u32 = 15;

/// The office's period to correct a returned filing, from its setting: 0,
/// absent or unreadable is the default (a value out of range is refused
/// when set, `settings::fits`).
pub fn correction_days(setting: Option<&str>) -> u32 {
    setting
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_CORRECTION_WORKING_DAYS)
}

/// The day by which a filing returned on `returned_on` must be corrected
/// and resubmitted: `days` working days after the day of the return.
pub fn correction_due(
    cal: &super::WorkCalendar,
    returned_on: chrono::NaiveDate,
    days: u32,
) -> super::calendar::Deadline {
    cal.add_working_days(returned_on, days)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// 办结
    Approve,
    /// 退回更正
    Return,
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Return => "return",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Only counter clerks and section chiefs decide filings.
    NotAClerk,
    /// Problems stand: only a section chief may approve over them, with a reason.
    HasProblems(usize),
    OverrideNeedsReason,
    /// A return says why: the correction notice may not be empty.
    EmptyNotice,
    /// An employer's registration without a valid code or a name: an
    /// approval would add no employer, so it can only be returned.
    NothingToApply,
    /// Approving over problems is the chief's own judgement: never done by
    /// someone acting on the chief's behalf.
    NotOnBehalf,
    /// A notice or a reason longer than a decision takes (its limit in
    /// characters).
    TooLong(usize),
}

/// The longest one-time notice a return sends: room for every problem of a
/// large yearly declaration, not for a pasted file.
pub const NOTICE_MAX_CHARS: usize = 20_000;
/// The longest reason for approving over problems.
pub const REASON_MAX_CHARS: usize = 500;

/// Whether approving `f` would apply `change`: an employer's registration
/// must add the employer it declares (a chief's override cannot make up a
/// missing name or code).
pub fn applies(f: &FilingFacts, change: &Change) -> Result<(), Refusal> {
    match f.kind {
        FilingKind::RegisterEmployer if change.new_employer.is_none() => {
            Err(Refusal::NothingToApply)
        }
        _ => Ok(()),
    }
}

/// Whether `staff` may take `decision` on a filing with these `problems`.
pub fn may_decide(
    staff: &Staff,
    decision: Decision,
    problems: &[Problem],
    override_reason: Option<&str>,
    notice: &str,
) -> Result<(), Refusal> {
    if !super::permissions::may(staff, super::permissions::Act::DecideFiling) {
        return Err(Refusal::NotAClerk);
    }
    if notice.chars().count() > NOTICE_MAX_CHARS {
        return Err(Refusal::TooLong(NOTICE_MAX_CHARS));
    }
    if override_reason.is_some_and(|r| r.chars().count() > REASON_MAX_CHARS) {
        return Err(Refusal::TooLong(REASON_MAX_CHARS));
    }
    match decision {
        Decision::Return if notice.trim().is_empty() => Err(Refusal::EmptyNotice),
        Decision::Return => Ok(()),
        Decision::Approve if problems.is_empty() => Ok(()),
        Decision::Approve => match override_reason.map(str::trim) {
            _ if staff.acted_by.is_some()
                && super::permissions::any_of(
                    &staff.roles,
                    super::permissions::Act::ApproveOverProblems,
                ) =>
            {
                Err(Refusal::NotOnBehalf)
            }
            _ if !super::permissions::may(staff, super::permissions::Act::ApproveOverProblems) => {
                Err(Refusal::HasProblems(problems.len()))
            }
            Some(r) if super::mask::substantive_reason(r) => Ok(()),
            _ => Err(Refusal::OverrideNeedsReason),
        },
    }
}

/// What approving a filing does to the insured person, or to the employer
/// and the persons its yearly declaration lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub status: Option<&'static str>,
    /// Some(None) clears the employer.
    pub employer_id: Option<Option<i64>>,
    pub contribution_base: Option<i64>,
    /// A retiree's pension base (计发基数).
    pub pension_base: Option<i64>,
    /// One detail changed: (column, new value); only `name`, `phone`,
    /// `bank_account` and `id_number` are ever named.
    pub detail: Option<(&'static str, String)>,
    /// The employer's own status (its cancellation).
    pub employer_status: Option<&'static str>,
    /// A yearly declaration's bases: (ID number as registered, base), for
    /// persons insured with the filing's employer.
    pub bases: Vec<(String, i64)>,
    /// An enrollment of someone the register does not have yet: the person
    /// it adds, insured with the filing's employer.
    pub new_person: Option<NewPerson>,
    /// An employer's first registration: the employer it adds.
    pub new_employer: Option<NewEmployer>,
}

/// An employer its registration adds to the register, active.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmployer {
    /// In its one written form (upper case).
    pub uscc: String,
    pub name: String,
    pub legal_rep: String,
    pub address: String,
    pub town: String,
    /// A zone's code, or none.
    pub zone: Option<String>,
    pub established_on: Option<chrono::NaiveDate>,
}

/// A person an enrollment adds to the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    /// In its one written form (upper-case X).
    pub id_number: String,
    pub name: String,
    pub phone: String,
    pub hired_on: Option<chrono::NaiveDate>,
    /// The declared monthly wage, in fen (0 when none was declared).
    pub wage: i64,
}

/// The change an approval applies, from the filing's facts.
pub fn change_for(f: &FilingFacts) -> Change {
    let d = &f.declared;
    let text = |k: &str| {
        d.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    match f.kind {
        FilingKind::RegisterEmployer => Change {
            new_employer: (|| {
                let uscc = super::Uscc::parse(text("employer_uscc")?).ok()?;
                Some(NewEmployer {
                    uscc: uscc.to_string(),
                    name: text("employer_name")?.to_string(),
                    legal_rep: text("legal_rep").unwrap_or("").to_string(),
                    address: text("address").unwrap_or("").to_string(),
                    town: text("town").unwrap_or("").to_string(),
                    zone: text("zone").map(str::to_string),
                    established_on: text("established_on").and_then(|d| d.parse().ok()),
                })
            })(),
            ..Change::default()
        },
        FilingKind::Enroll | FilingKind::Transfer => Change {
            status: Some("active"),
            employer_id: Some(f.employer_id),
            // Someone new to the register is added by their enrollment.
            new_person: (f.kind == FilingKind::Enroll && f.person.is_none())
                .then(|| {
                    let id = super::ResidentId::parse(text("id_number")?, f.today).ok()?;
                    Some(NewPerson {
                        id_number: id.as_str().to_string(),
                        name: text("name")?.to_string(),
                        phone: text("phone").unwrap_or("").to_string(),
                        hired_on: text("hired_on").and_then(|h| h.parse().ok()),
                        wage: d.get("wage").and_then(Value::as_i64).unwrap_or(0),
                    })
                })
                .flatten(),
            ..Change::default()
        },
        FilingKind::Suspend => Change {
            status: Some("suspended"),
            ..Change::default()
        },
        FilingKind::Cancel => Change {
            status: Some(if text("reason") == Some("retirement") {
                "retired"
            } else {
                "cancelled"
            }),
            // A cancellation about no person, naming none, is the employer's own.
            employer_status: (f.person.is_none() && text("id_number").is_none())
                .then_some("cancelled"),
            ..Change::default()
        },
        FilingKind::ChangeDetails => {
            let column = match text("field") {
                Some("name") => Some("name"),
                Some("phone") => Some("phone"),
                Some("bank_account") => Some("bank_account"),
                Some("id_number") => Some("id_number"),
                _ => None,
            };
            // An ID number is stored in its one written form (upper-case X).
            let new = text("new").map(|n| match column {
                Some("id_number") => super::ResidentId::parse(n, f.today)
                    .map_or_else(|_| n.to_string(), |id| id.as_str().to_string()),
                _ => n.to_string(),
            });
            Change {
                detail: column.zip(new),
                ..Change::default()
            }
        }
        // One shape, as the checks read it: a pension base, a yearly
        // declaration, or one person's base; never fields of another shape.
        FilingKind::ContributionBase => {
            let fen = |v: &Value, k: &str| v.get(k).and_then(Value::as_i64).filter(|b| *b >= 0);
            if d.get("pension_base").is_some() {
                return Change {
                    pension_base: fen(d, "pension_base"),
                    ..Change::default()
                };
            }
            if let Some(rows) = d.get("persons") {
                let bases = rows
                    .as_array()
                    .map(|rows| {
                        rows.iter()
                            .filter_map(|r| {
                                let id = r.get("id_number").and_then(Value::as_str)?;
                                let id = super::ResidentId::parse(id, f.today).ok()?;
                                Some((id.as_str().to_string(), fen(r, "base")?))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                return Change {
                    bases,
                    ..Change::default()
                };
            }
            Change {
                contribution_base: fen(d, "base"),
                ..Change::default()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filing_is_overdue_once_its_tenth_working_day_is_past_by_the_offices_date() {
        use super::super::calendar::{CalendarFile, WorkCalendar};
        let file = CalendarFile::parse(include_str!("../../data/calendar.toml")).unwrap();
        let cal = WorkCalendar::from_years(&file.year);
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        // Friday 27 November: one received Friday the 13th is due today, one
        // received Thursday the 12th was due yesterday.
        let before = filings_overdue_before(&cal, day(11, 27));
        let cst = |d: chrono::NaiveDate, h| {
            d.and_hms_opt(h, 0, 0)
                .unwrap()
                .and_local_timezone(super::super::calendar::office_offset())
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        assert!(cst(day(11, 12), 23) < before, "received the 12th: overdue");
        assert!(
            cst(day(11, 13), 0) >= before,
            "received the 13th: due today"
        );
        // Half past midnight in Beijing is the 13th, though the 12th in UTC.
        assert_eq!(before, cst(day(11, 13), 0));
    }

    #[test]
    fn a_returned_filing_is_corrected_within_the_offices_working_days() {
        use super::super::calendar::{CalendarFile, WorkCalendar};
        let file = CalendarFile::parse(include_str!("../../data/calendar.toml")).unwrap();
        let cal = WorkCalendar::from_years(&file.year);
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // Returned Friday 27 November 2026: 15 working days on is Friday 18
        // December, three weekends skipped.
        let due = correction_due(&cal, day(2026, 11, 27), correction_days(None));
        assert_eq!(due.date, day(2026, 12, 18));
        assert!(!due.provisional);
        // Before the Spring Festival: the holiday is skipped and both make-up
        // Saturdays (14 and 28 February) count.
        let due = correction_due(&cal, day(2026, 2, 6), 15);
        assert_eq!(due.date, day(2026, 3, 5));
        // Into 2027, whose holiday notice is not published: provisional.
        let due = correction_due(&cal, day(2026, 12, 18), 15);
        assert_eq!(due.date, day(2027, 1, 8));
        assert!(due.provisional);
        // The office's own period; 0, nothing or nonsense is the default.
        assert_eq!(
            correction_due(&cal, day(2026, 11, 27), correction_days(Some(" 5 "))).date,
            day(2026, 12, 4)
        );
        for v in [Some("0"), Some("十五"), Some(""), None] {
            assert_eq!(correction_days(v), 15, "{v:?}");
        }
    }

    use crate::domain::Role;
    use crate::domain::review::{MaterialFact, PersonFact};
    use chrono::NaiveDate;
    use serde_json::json;

    fn staff(roles: &[Role]) -> Staff {
        Staff {
            id: 1,
            login: "wangfang".into(),
            name: "王芳".into(),
            roles: roles.to_vec(),
            active: true,
            acted_by: None,
        }
    }

    #[test]
    fn a_clean_filing_is_approved_by_a_clerk() {
        assert_eq!(
            may_decide(&staff(&[Role::Clerk]), Decision::Approve, &[], None, ""),
            Ok(())
        );
        assert_eq!(
            may_decide(&staff(&[Role::Inspector]), Decision::Approve, &[], None, ""),
            Err(Refusal::NotAClerk)
        );
    }

    #[test]
    fn a_filing_with_problems_needs_the_chiefs_override_with_a_reason() {
        let problems = [Problem::NoReason];
        assert_eq!(
            may_decide(
                &staff(&[Role::Clerk]),
                Decision::Approve,
                &problems,
                Some("ok"),
                ""
            ),
            Err(Refusal::HasProblems(1))
        );
        assert_eq!(
            may_decide(
                &staff(&[Role::Chief]),
                Decision::Approve,
                &problems,
                Some("  "),
                ""
            ),
            Err(Refusal::OverrideNeedsReason)
        );
        assert_eq!(
            may_decide(
                &staff(&[Role::Chief]),
                Decision::Approve,
                &problems,
                Some("原件已当场核验"),
                ""
            ),
            Ok(())
        );
    }

    #[test]
    fn a_return_needs_a_notice() {
        assert_eq!(
            may_decide(&staff(&[Role::Clerk]), Decision::Return, &[], None, " "),
            Err(Refusal::EmptyNotice)
        );
        assert_eq!(
            may_decide(
                &staff(&[Role::Clerk]),
                Decision::Return,
                &[],
                None,
                "请补交"
            ),
            Ok(())
        );
    }

    fn facts(kind: FilingKind, declared: Value) -> FilingFacts {
        FilingFacts {
            kind,
            employer_id: Some(7),
            received_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            declared,
            materials: Vec::<MaterialFact>::new(),
            employer: None,
            person: None,
            average_wage: None,
            pension_figure: None,
            today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        }
    }

    #[test]
    fn an_enrollment_of_someone_new_adds_them_and_of_someone_registered_no_one() {
        let declared = json!({
            "id_number": "11010519491231002x", "name": "王立新", "phone": "13800000000",
            "hired_on": "2026-11-02", "wage": 6_420_00,
        });
        let c = change_for(&facts(FilingKind::Enroll, declared.clone()));
        assert_eq!(
            c.new_person,
            Some(NewPerson {
                id_number: "11010519491231002X".into(),
                name: "王立新".into(),
                phone: "13800000000".into(),
                hired_on: NaiveDate::from_ymd_opt(2026, 11, 2),
                wage: 6_420_00,
            })
        );
        assert_eq!(c.status, Some("active"));
        let mut known = facts(FilingKind::Enroll, declared.clone());
        known.person = Some(PersonFact {
            id_number: "11010519491231002X".into(),
            status: "cancelled".into(),
            employer_id: None,
            hired_on: None,
            last_paid_month: None,
        });
        assert_eq!(change_for(&known).new_person, None);
        // An ID number that is not one adds no one (the checks say why).
        let bad = facts(
            FilingKind::Enroll,
            json!({"id_number": "110105194912310021", "name": "王立新"}),
        );
        assert_eq!(change_for(&bad).new_person, None);
        // A transfer in is never an enrollment of someone new.
        assert_eq!(
            change_for(&facts(FilingKind::Transfer, declared)).new_person,
            None
        );
    }

    #[test]
    fn an_employers_registration_adds_the_employer_it_declares() {
        let mut f = facts(
            FilingKind::RegisterEmployer,
            json!({
                "employer_uscc": "91110000600037341l", "employer_name": " 鹿泉区新材料有限公司 ",
                "legal_rep": "赵志强", "zone": "LQ-01", "established_on": "2020-05-06",
            }),
        );
        f.employer_id = None;
        let c = change_for(&f);
        assert_eq!(
            c.new_employer,
            Some(NewEmployer {
                uscc: "91110000600037341L".into(),
                name: "鹿泉区新材料有限公司".into(),
                legal_rep: "赵志强".into(),
                address: String::new(),
                town: String::new(),
                zone: Some("LQ-01".into()),
                established_on: NaiveDate::from_ymd_opt(2020, 5, 6),
            })
        );
        assert_eq!((c.status, &c.new_person), (None, &None));
        assert_eq!(applies(&f, &c), Ok(()));
        // Without a valid code or a name, nothing is added (the checks say
        // why), and nothing can be approved.
        f.declared = json!({"employer_uscc": "91110000600037341A", "employer_name": "某公司"});
        assert_eq!(change_for(&f).new_employer, None);
        assert_eq!(applies(&f, &change_for(&f)), Err(Refusal::NothingToApply));
    }

    #[test]
    fn an_approval_of_a_yearly_declaration_sets_each_listed_base() {
        let c = change_for(&facts(
            FilingKind::ContributionBase,
            json!({"persons": [
                {"id_number": "360426199101010071", "base": 8_000_00},
                {"id_number": "11010519491231002x", "base": 5_000_00},
                {"id_number": "bad", "base": 1},
            ]}),
        ));
        assert_eq!(
            c.bases,
            [
                ("360426199101010071".to_string(), 8_000_00),
                ("11010519491231002X".to_string(), 5_000_00)
            ]
        );
        assert_eq!(c.contribution_base, None);
        let pension = change_for(&facts(
            FilingKind::ContributionBase,
            json!({"retirement_year": 2024, "pension_base": 6_830_00}),
        ));
        assert_eq!(pension.pension_base, Some(6_830_00));
    }

    #[test]
    fn an_approval_applies_only_the_shape_the_checks_read() {
        let pension = change_for(&facts(
            FilingKind::ContributionBase,
            json!({"retirement_year": 2024, "pension_base": 6_830_00, "base": 1}),
        ));
        assert_eq!(
            (pension.pension_base, pension.contribution_base),
            (Some(6_830_00), None)
        );
        let yearly = change_for(&facts(
            FilingKind::ContributionBase,
            json!({"base": 1, "persons": [{"id_number": "360426199101010071", "base": 8_000_00}]}),
        ));
        assert_eq!(yearly.contribution_base, None);
        assert_eq!(yearly.bases.len(), 1);
    }

    #[test]
    fn a_new_id_number_is_stored_in_its_one_written_form() {
        let c = change_for(&facts(
            FilingKind::ChangeDetails,
            json!({"field": "id_number", "new": "11010519491231002x"}),
        ));
        assert_eq!(
            c.detail,
            Some(("id_number", "11010519491231002X".to_string()))
        );
    }

    #[test]
    fn a_cancellation_naming_a_person_never_cancels_the_employer() {
        let c = change_for(&facts(
            FilingKind::Cancel,
            json!({"reason": "death", "id_number": "360426199101010071"}),
        ));
        assert_eq!(c.employer_status, None);
    }

    #[test]
    fn an_employers_own_cancellation_cancels_the_employer() {
        let c = change_for(&facts(FilingKind::Cancel, json!({"reason": "duplicate"})));
        assert_eq!(c.employer_status, Some("cancelled"));
    }

    #[test]
    fn an_approval_changes_what_the_filing_declares() {
        assert_eq!(
            change_for(&facts(FilingKind::Enroll, json!({}))).employer_id,
            Some(Some(7))
        );
        assert_eq!(
            change_for(&facts(FilingKind::Suspend, json!({}))).status,
            Some("suspended")
        );
        assert_eq!(
            change_for(&facts(FilingKind::Cancel, json!({"reason": "retirement"}))).status,
            Some("retired")
        );
        assert_eq!(
            change_for(&facts(FilingKind::Cancel, json!({"reason": "death"}))).status,
            Some("cancelled")
        );
        assert_eq!(
            change_for(&facts(
                FilingKind::ChangeDetails,
                json!({"field": "phone", "new": "13812345678"})
            ))
            .detail,
            Some(("phone", "13812345678".to_string()))
        );
        assert_eq!(
            change_for(&facts(
                FilingKind::ChangeDetails,
                json!({"field": "status; DROP", "new": "x"})
            ))
            .detail,
            None,
            "only known columns are ever named"
        );
        assert_eq!(
            change_for(&facts(
                FilingKind::ContributionBase,
                json!({"base": 8_000_00})
            ))
            .contribution_base,
            Some(8_000_00)
        );
    }
}

//! The checks of every kind of filing, each on its good and bad case.
use super::*;
use serde_json::json;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn facts(kind: FilingKind, declared: Value) -> FilingFacts {
    FilingFacts {
        kind,
        employer_id: Some(1),
        received_on: d(2026, 11, 20),
        declared,
        materials: vec![MaterialFact {
            material: "id-card".into(),
            required: true,
            present: Some(true),
            valid: Some(true),
        }],
        employer: Some(EmployerFact {
            uscc: "91110000600037341L".into(),
            status: "active".into(),
            arrears: 0,
            insured: vec![],
        }),
        person: Some(PersonFact {
            id_number: "360426199101010071".into(),
            status: "active".into(),
            employer_id: Some(1),
            hired_on: Some(d(2024, 3, 15)),
            last_paid_month: Some(d(2026, 10, 1)),
        }),
        average_wage: Some(7_000_00),
        pension_figure: None,
        today: d(2026, 11, 27),
    }
}

fn codes(f: &FilingFacts) -> Vec<&'static str> {
    check(f).iter().map(Problem::code).collect()
}

#[test]
fn a_clean_filing_of_every_kind_has_no_problem() {
    let clean = [
        (
            FilingKind::Enroll,
            json!({"id_number": "360426199101010071", "hired_on": "2026-11-01"}),
        ),
        (
            FilingKind::Suspend,
            json!({"reason": "离职", "effective_on": "2026-11-01"}),
        ),
        (FilingKind::Cancel, json!({"reason": "death"})),
        (
            FilingKind::Transfer,
            json!({"from_region": "保定市", "to_region": "鹿泉区", "periods": "2015-01 至 2020-12"}),
        ),
        (
            FilingKind::ChangeDetails,
            json!({"field": "phone", "new": "13812345678"}),
        ),
        (
            FilingKind::ContributionBase,
            json!({"base": 8_000_00, "wage": 8_000_00}),
        ),
    ];
    for (kind, declared) in clean {
        assert_eq!(
            codes(&facts(kind, declared)),
            Vec::<&str>::new(),
            "{kind:?}"
        );
    }
}

#[test]
fn a_missing_or_invalid_required_material_is_a_problem_and_an_optional_one_is_not() {
    let mut f = facts(FilingKind::Cancel, json!({"reason": "death"}));
    f.materials = vec![
        MaterialFact {
            material: "cancel-form".into(),
            required: true,
            present: None,
            valid: None,
        },
        MaterialFact {
            material: "cancel-proof".into(),
            required: true,
            present: Some(true),
            valid: Some(false),
        },
        MaterialFact {
            material: "extra".into(),
            required: false,
            present: None,
            valid: None,
        },
        MaterialFact {
            material: "financial-statement".into(),
            required: false,
            present: Some(true),
            valid: Some(true),
        },
    ];
    assert_eq!(codes(&f), ["material-missing", "material-invalid"]);
}

#[test]
fn bad_checksums_and_an_inactive_employer_are_problems() {
    let mut f = facts(
        FilingKind::Suspend,
        json!({"reason": "离职", "id_number": "36042619910102009X", "employer_uscc": "91110000600037341N"}),
    );
    f.employer.as_mut().unwrap().status = "cancelled".into();
    assert_eq!(
        codes(&f),
        ["id-number-invalid", "uscc-invalid", "employer-inactive"]
    );
    f.employer = None;
    assert!(codes(&f).contains(&"employer-unknown"));
}

#[test]
fn an_enrollment_late_or_for_someone_enrolled_elsewhere_is_flagged() {
    let mut f = facts(FilingKind::Enroll, json!({"hired_on": "2026-09-01"}));
    f.person.as_mut().unwrap().employer_id = Some(2);
    assert_eq!(codes(&f), ["already-enrolled", "registration-late"]);
    let on_time = facts(FilingKind::Enroll, json!({"hired_on": "2026-10-21"}));
    assert!(codes(&on_time).is_empty(), "30 days is still on time");
}

#[test]
fn a_suspension_needs_an_active_person_a_reason_and_a_date_after_the_last_paid_month() {
    let mut f = facts(FilingKind::Suspend, json!({"effective_on": "2026-09-01"}));
    f.person.as_mut().unwrap().status = "retired".into();
    assert_eq!(
        codes(&f),
        [
            "person-not-active",
            "reason-missing",
            "effective-before-last-paid"
        ]
    );
}

#[test]
fn a_cancellation_needs_a_listed_reason_and_an_employer_without_arrears() {
    assert_eq!(
        codes(&facts(FilingKind::Cancel, json!({"reason": "bored"}))),
        ["cancel-reason-invalid"]
    );
    let mut f = facts(FilingKind::Cancel, json!({"reason": "duplicate"}));
    f.person = None;
    f.employer.as_mut().unwrap().arrears = 1_200_00;
    assert_eq!(codes(&f), ["employer-arrears"]);
}

#[test]
fn a_transfer_needs_regions_and_periods() {
    assert_eq!(
        codes(&facts(
            FilingKind::Transfer,
            json!({"from_region": "保定市"})
        )),
        ["regions-missing", "periods-missing"]
    );
}

fn transfer(periods: &str) -> FilingFacts {
    facts(
        FilingKind::Transfer,
        json!({"from_region": "保定市", "to_region": "鹿泉区", "periods": periods}),
    )
}

#[test]
fn transfer_periods_must_be_readable_and_must_not_overlap() {
    assert_eq!(
        check(&transfer("2015-01 至 2015-13")),
        [Problem::BadPeriod("2015-01 至 2015-13".into())]
    );
    assert_eq!(
        check(&transfer("2015-01 至 2018-06；2017-01 至 2019-12")),
        [Problem::PeriodsOverlap {
            first: "2015-01—2018-06".into(),
            second: "2017-01—2019-12".into()
        }]
    );
}

#[test]
fn a_transfer_period_already_paid_here_is_a_problem() {
    // Paid here from hire (2024-03) to the last paid month (2026-10).
    assert_eq!(
        check(&transfer("2020-01 至 2024-03")),
        [Problem::PeriodPaidHere {
            period: "2020-01—2024-03".into(),
            paid: "2024-03—2026-10".into()
        }]
    );
    assert!(check(&transfer("2020-01 至 2024-02")).is_empty());
}

#[test]
fn a_change_of_id_number_needs_a_valid_new_number() {
    assert_eq!(
        codes(&facts(FilingKind::ChangeDetails, json!({}))),
        ["changed-field-missing"]
    );
    let bad = facts(
        FilingKind::ChangeDetails,
        json!({"field": "id_number", "new": "36042619910102009X"}),
    );
    assert_eq!(
        codes(&bad),
        ["new-id-number-invalid", "change-proof-missing"]
    );
    let mut good = facts(
        FilingKind::ChangeDetails,
        json!({"field": "id_number", "new": "360426199101010071"}),
    );
    good.materials.push(MaterialFact {
        material: CHANGE_PROOF.into(),
        required: true,
        present: Some(true),
        valid: Some(true),
    });
    assert!(codes(&good).is_empty());
}

#[test]
fn a_change_names_a_known_field_and_its_new_value() {
    let unknown = facts(
        FilingKind::ChangeDetails,
        json!({"field": "blood", "new": "A"}),
    );
    assert_eq!(check(&unknown), [Problem::UnknownField("blood".into())]);
    let empty = facts(
        FilingKind::ChangeDetails,
        json!({"field": "phone", "new": " "}),
    );
    assert_eq!(codes(&empty), ["new-value-missing"]);
}

#[test]
fn a_change_of_name_needs_the_supporting_document_and_a_phone_does_not() {
    // The checklist here lists only the ID card: the rule itself asks for the proof.
    let name = facts(
        FilingKind::ChangeDetails,
        json!({"field": "name", "new": "王小芳"}),
    );
    assert_eq!(check(&name), [Problem::ChangeNeedsProof("name".into())]);
    let phone = facts(
        FilingKind::ChangeDetails,
        json!({"field": "phone", "new": "13812345678"}),
    );
    assert!(check(&phone).is_empty());
    let mut proven = name.clone();
    proven.materials.push(MaterialFact {
        material: CHANGE_PROOF.into(),
        required: false,
        present: Some(true),
        valid: Some(true),
    });
    assert!(check(&proven).is_empty());
    // A required proof that is missing is said once, as a missing material.
    let mut missing = name;
    missing.materials.push(MaterialFact {
        material: CHANGE_PROOF.into(),
        required: true,
        present: None,
        valid: None,
    });
    assert_eq!(codes(&missing), ["material-missing"]);
}

#[test]
fn every_code_is_listed_for_the_filter() {
    let samples = [
        check(&transfer("x")),
        check(&facts(FilingKind::ChangeDetails, json!({"field": "blood"}))),
        check(&facts(
            FilingKind::ContributionBase,
            json!({"base": 1, "wage": 2}),
        )),
    ];
    for p in samples.iter().flatten() {
        assert!(Problem::CODES.contains(&p.code()), "{}", p.code());
    }
    let mut unique = Problem::CODES.to_vec();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), Problem::CODES.len());
}

#[test]
fn an_invalid_id_in_a_problem_is_kept_masked() {
    let f = facts(
        FilingKind::Cancel,
        json!({"reason": "death", "id_number": "36042619910102009X"}),
    );
    assert_eq!(
        check(&f)[0],
        Problem::BadIdNumber("360426********009X".into())
    );
}

#[test]
fn a_filing_about_someone_not_on_the_register_is_a_problem_unless_it_enrolls_them() {
    let mut suspend = facts(
        FilingKind::Suspend,
        json!({"id_number": "360426199101010071", "reason": "离职"}),
    );
    suspend.person = None;
    assert_eq!(codes(&suspend), ["person-unknown"]);
    let mut enroll = facts(
        FilingKind::Enroll,
        json!({"id_number": "360426199101010071", "hired_on": "2026-11-10"}),
    );
    enroll.person = None;
    assert!(codes(&enroll).is_empty(), "a new person is enrolled");
}

#[test]
fn an_employer_cancels_only_when_no_one_is_insured_with_it_and_a_person_is_not_taken_for_it() {
    let mut own = facts(FilingKind::Cancel, json!({"reason": "duplicate"}));
    own.person = None;
    own.employer.as_mut().unwrap().insured = vec!["360426199101010071".into()];
    assert_eq!(check(&own), [Problem::EmployerHasInsured { count: 1 }]);
    // Someone the intake could not match: not the employer's cancellation.
    let mut unmatched = facts(
        FilingKind::Cancel,
        json!({"reason": "death", "id_number": "360426199101010071"}),
    );
    unmatched.person = None;
    unmatched.employer.as_mut().unwrap().arrears = 5_00;
    assert_eq!(codes(&unmatched), ["person-unknown"]);
}

#[test]
fn an_employer_registers_once_and_gives_its_name() {
    let mut f = facts(
        FilingKind::RegisterEmployer,
        json!({"employer_uscc": "91110000600037341L", "employer_name": "鹿泉区新材料有限公司"}),
    );
    f.employer_id = None;
    f.person = None;
    f.employer = None;
    assert_eq!(codes(&f), Vec::<&str>::new());
    // The register has it already (registered since it was received).
    f.employer = Some(EmployerFact {
        uscc: "91110000600037341L".into(),
        status: "active".into(),
        arrears: 0,
        insured: vec![],
    });
    assert_eq!(codes(&f), ["employer-registered"]);
    f.employer = None;
    f.declared = json!({"employer_uscc": "91110000600037341A"});
    assert_eq!(codes(&f), ["uscc-invalid", "employer-name-missing"]);
}

#[test]
fn a_base_is_measured_against_the_average_wage_in_force_on_the_day_it_was_filed() {
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let figure = |from, region: &str, monthly| Published {
        effective_from: from,
        region: region.into(),
        monthly,
    };
    let figures = [
        figure(d(2025, 7, 1), "河北省", 6_215_00),
        figure(d(2026, 7, 1), "河北省", 6_420_00),
        figure(d(2026, 7, 1), "石家庄市", 6_900_00),
    ];
    // Filed in March 2026: last year's figure is still in force.
    assert_eq!(
        in_force(&figures, d(2026, 3, 10), "河北省").map(|f| f.monthly),
        Some(6_215_00)
    );
    assert_eq!(
        in_force(&figures, d(2026, 6, 30), "河北省").map(|f| f.monthly),
        Some(6_215_00)
    );
    assert_eq!(
        in_force(&figures, d(2026, 7, 1), "河北省").map(|f| f.monthly),
        Some(6_420_00)
    );
    // The office's region when it names one; else the first by name.
    assert_eq!(
        in_force(&figures, d(2026, 7, 1), "石家庄市").map(|f| f.monthly),
        Some(6_900_00)
    );
    assert_eq!(
        in_force(&figures, d(2026, 8, 1), "").map(|f| f.region.as_str()),
        Some("河北省")
    );
    // Before any figure took effect: none (the check says so).
    assert_eq!(in_force(&figures, d(2025, 6, 30), ""), None);
}

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn checklist() -> Vec<String> {
    vec!["身份证复印件".into(), "劳动合同".into()]
}

fn enrol(fields: &[(&str, &str)]) -> Receipt {
    Receipt {
        form: Form::Enroll,
        employer_uscc: "91130110MA0CXXXX0X".into(),
        fields: fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        materials: vec![MaterialTick {
            material: "身份证复印件".into(),
            present: true,
            valid: true,
            note: String::new(),
        }],
        received_on: d(2026, 11, 27),
        channel: Channel::Window,
        resubmits: None,
        persons: Vec::new(),
    }
}

const TODAY: (i32, u32, u32) = (2026, 11, 27);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

/// Issue 19, point 13: a hire day before the birth day the ID number
/// gives is refused at the counter.
#[test]
fn a_person_hired_before_being_born_is_refused() {
    let r = enrol(&[
        ("id_number", "110101199003074514"),
        ("name", "王立新"),
        ("hired_on", "1989-01-01"),
    ]);
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::HiredBeforeBirth(
            NaiveDate::from_ymd_opt(1990, 3, 7).unwrap()
        ))
    );
}

#[test]
fn an_enrollment_is_written_in_the_shape_the_checks_read() {
    let r = enrol(&[
        ("id_number", "130110199003071234"),
        ("name", " 王立新 "),
        ("hired_on", "2026/11/2"),
        ("wage", "6,420.00"),
    ]);
    let a = accept(&r, &checklist(), today()).unwrap();
    assert_eq!(a.declared["name"], "王立新");
    assert_eq!(a.declared["hired_on"], "2026-11-02");
    assert_eq!(a.declared["wage"], 6_420_00);
    assert_eq!(a.declared["employer_uscc"], "91130110MA0CXXXX0X");
    // The contract was not ticked: recorded as not handed in.
    let contract = a
        .materials
        .iter()
        .find(|m| m.material == "劳动合同")
        .unwrap();
    assert!(!contract.present && !contract.valid);
    assert_eq!(a.materials.len(), 2);
}

#[test]
fn a_paper_is_received_on_a_real_day_not_after_today() {
    let mut r = enrol(&[
        ("id_number", "130110199003071234"),
        ("name", "王立新"),
        ("hired_on", "2026-11-02"),
    ]);
    r.received_on = d(2026, 11, 28);
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::ReceivedAfterToday(d(2026, 11, 28)))
    );
    r.received_on = d(2025, 11, 1);
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::ReceivedTooLongAgo(d(2025, 11, 1)))
    );
    // Keyed in a week late: received on the day it came.
    r.received_on = d(2026, 11, 20);
    assert!(accept(&r, &checklist(), today()).is_ok());
}

#[test]
fn each_kind_asks_its_own_fields_and_refuses_others() {
    let r = enrol(&[("id_number", "130110199003071234"), ("name", "王立新")]);
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::MissingField("hired_on"))
    );
    let r = enrol(&[
        ("id_number", "130110199003071234"),
        ("name", "王立新"),
        ("hired_on", "2026-11-02"),
        ("base", "5000"),
    ]);
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::UnknownField("base".into()))
    );
    let r = enrol(&[
        ("id_number", "130110199003071234"),
        ("name", "王立新"),
        ("hired_on", "十一月"),
    ]);
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::BadDate("hired_on", "十一月".into()))
    );
    let mut r = enrol(&[
        ("id_number", "130110199003071234"),
        ("year", "26"),
        ("base", "abc"),
    ]);
    r.form = Form::ContributionBase;
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::BadYear("year", "26".into()))
    );
    // The employer's own cancellation names no one.
    let mut r = enrol(&[("reason", "other-insurance")]);
    r.form = Form::Cancel;
    assert!(accept(&r, &checklist(), today()).is_ok());
}

#[test]
fn materials_are_the_kinds_own_each_once() {
    let mut r = enrol(&[
        ("id_number", "130110199003071234"),
        ("name", "王立新"),
        ("hired_on", "2026-11-02"),
    ]);
    r.materials.push(MaterialTick {
        material: "户口本".into(),
        present: true,
        valid: true,
        note: String::new(),
    });
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::UnknownMaterial("户口本".into(), checklist()))
    );
    r.materials.pop();
    r.materials.push(r.materials[0].clone());
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::MaterialTwice("身份证复印件".into()))
    );
    r.materials.pop();
    r.materials[0].present = false;
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::ValidButAbsent("身份证复印件".into()))
    );
}

#[test]
fn a_returned_filing_comes_back_once_the_same_kind_from_the_same_party() {
    let r = enrol(&[
        ("id_number", "130110199003071234"),
        ("name", "王立新"),
        ("hired_on", "2026-11-02"),
    ]);
    let original = Original {
        id: 41,
        kind: FilingKind::Enroll,
        status: "returned".into(),
        employer_uscc: Some("91130110ma0cxxxx0x".into()),
        id_number: Some("130110199003071234".into()),
        answered: false,
    };
    assert_eq!(fits_original(&r, &original), Ok(()));
    let pending = Original {
        status: "pending".into(),
        ..original.clone()
    };
    assert_eq!(
        fits_original(&r, &pending),
        Err(ReceiptError::NotReturned(41))
    );
    let answered = Original {
        answered: true,
        ..original.clone()
    };
    assert_eq!(
        fits_original(&r, &answered),
        Err(ReceiptError::AlreadyResubmitted(41))
    );
    let other_kind = Original {
        kind: FilingKind::Transfer,
        ..original.clone()
    };
    assert_eq!(
        fits_original(&r, &other_kind),
        Err(ReceiptError::OtherKind(41, FilingKind::Transfer))
    );
    let someone_else = Original {
        id_number: Some("11010519491231002X".into()),
        ..original.clone()
    };
    assert_eq!(
        fits_original(&r, &someone_else),
        Err(ReceiptError::OtherParty(41))
    );
    let other_employer = Original {
        employer_uscc: Some("91130110MA0CYYYY0Y".into()),
        ..original
    };
    assert_eq!(
        fits_original(&r, &other_employer),
        Err(ReceiptError::OtherParty(41))
    );
}

#[test]
fn a_paper_keyed_in_later_is_received_on_its_own_day() {
    let now: DateTime<Utc> = "2026-11-27T06:30:00Z".parse().unwrap();
    assert_eq!(received_at(d(2026, 11, 27), now), now);
    let earlier = received_at(d(2026, 11, 20), now);
    assert_eq!(earlier.to_rfc3339(), "2026-11-20T01:00:00+00:00");
    assert_eq!(office_date(earlier), d(2026, 11, 20));
}

#[test]
fn a_filing_is_decided_within_ten_working_days() {
    let file =
        super::super::calendar::CalendarFile::parse(include_str!("../../../data/calendar.toml"))
            .unwrap();
    let cal = WorkCalendar::from_years(&file.year);
    // Friday 27 November 2026: two weeks of working days on.
    assert_eq!(decide_by(&cal, d(2026, 11, 27)).date, d(2026, 12, 11));
}

#[test]
fn the_forms_are_found_by_code_or_label_and_write_their_kind() {
    assert_eq!(
        Form::from_any("退休人员养老金基数"),
        Some(Form::RetireePensionBase)
    );
    assert_eq!(Form::from_any("缴费基数申报"), Some(Form::ContributionBase));
    assert_eq!(
        Form::from_any("Employer enrollment"),
        Some(Form::RegisterEmployer)
    );
    assert_eq!(Form::from_any("yearly-base"), Some(Form::YearlyBase));
    assert_eq!(Form::from_any("参保"), None);
    assert_eq!(Form::YearlyBase.kind(), FilingKind::ContributionBase);
    for f in Form::ALL {
        assert_eq!(Form::from_any(f.code()), Some(f));
        assert_eq!(Form::from_any(f.label(Lang::Zh)), Some(f));
    }
}

#[test]
fn an_employer_registering_brings_a_code_that_checks_out() {
    let mut r = enrol(&[("employer_name", "鹿泉区新材料有限公司")]);
    r.form = Form::RegisterEmployer;
    r.employer_uscc = "91110000600037341L".into();
    let a = accept(&r, &checklist(), today()).unwrap();
    assert_eq!(a.declared["employer_name"], "鹿泉区新材料有限公司");
    assert_eq!(a.declared["employer_uscc"], "91110000600037341L");
    r.employer_uscc = "91110000600037341A".into();
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::BadUscc("91110000600037341A".into()))
    );
}

#[test]
fn a_yearly_declaration_carries_its_persons_and_no_other_form_does() {
    let mut r = enrol(&[("year", "2026")]);
    r.form = Form::YearlyBase;
    assert_eq!(
        accept(&r, &checklist(), today()),
        Err(ReceiptError::NoPersons)
    );
    r.persons = vec![BaseRow {
        id_number: "130110199003071234".into(),
        name: "王立新".into(),
        wage: 6_420_00,
        base: 6_420_00,
    }];
    let a = accept(&r, &checklist(), today()).unwrap();
    assert_eq!(a.declared["persons"][0]["base"], 6_420_00);
    assert_eq!(a.declared["year"], 2026);
    let mut other = enrol(&[
        ("id_number", "130110199003071234"),
        ("name", "王立新"),
        ("hired_on", "2026-11-02"),
    ]);
    other.persons = r.persons.clone();
    assert_eq!(
        accept(&other, &checklist(), today()),
        Err(ReceiptError::PersonsNotTaken)
    );
}

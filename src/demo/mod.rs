//! Deterministic demo data that looks real: Luquan district employers and
//! persons with valid codes, licence holders with their supervision history,
//! filings (some with deliberate errors for review to catch), and cases in
//! every stage. The same size always gives the same database.

mod declarations;
mod filings;
mod names;

use crate::domain::calendar::WorkCalendar;
use crate::domain::contribution::{base_band, clamp_base};
use crate::domain::{
    CaseStage, InspectionMatter, InspectionMethod, InspectionResult, LicenceKind, LicenceStatus,
    ResidentId, Uscc, uscc,
};
use crate::store::model::*;
use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc};
use names::*;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

/// The default number of insured persons.
pub const DEFAULT_PERSONS: usize = 50_000;
pub const MAX_PERSONS: usize = 1_000_000;
pub const MIN_PERSONS: usize = 100;
/// The demo's default staff member when the login is not on its staff list.
pub const DEFAULT_DEMO_LOGIN: &str = "zhaojing";

const SEED: u64 = 0x6872_7373_6465_736b; // "hrssdesk"

/// Prior-year average monthly wage used by the demo, in fen.
const DEMO_AVERAGE_WAGE: i64 = 6_420_00;

/// What the generator needs from the database: the checklist of materials per
/// filing kind (an administrator's table, not code) and the working calendar.
pub struct DemoInputs<'a> {
    pub persons: usize,
    pub today: NaiveDate,
    pub calendar: &'a WorkCalendar,
    /// (filing kind code, material code, required)
    pub checklists: &'a [(String, String, bool)],
}

/// A small wrapper with the few draws the generator needs.
struct Dice(ChaCha8Rng);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n as u64) as usize
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.0.next_u64() % (hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn date(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days().max(0);
        from + Days::new(self.range(0, span) as u64)
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

/// A GB 11714 organisation code for a running number: "MA" and five
/// characters of the USCC alphabet, then its check character.
fn organisation_code(n: usize) -> String {
    let mut body = String::from("MA");
    let mut rest = n;
    let mut tail = [b'0'; 6];
    for slot in tail.iter_mut().rev() {
        *slot = uscc::ALPHABET[rest % 31];
        rest /= 31;
    }
    body.push_str(std::str::from_utf8(&tail).expect("ascii"));
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let value = |c: u8| -> u32 {
        if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        }
    };
    let sum: u32 = body.bytes().zip(W).map(|(c, w)| value(c) * w).sum();
    body.push(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from(b'0' + d as u8),
    });
    body
}

fn make_uscc(prefix: &str, area: &str, n: usize) -> String {
    Uscc::compose(&format!("{prefix}{area}{}", organisation_code(n)))
        .as_str()
        .to_string()
}

fn person_name(d: &mut Dice) -> String {
    format!("{}{}", d.pick(SURNAMES), d.pick(GIVEN))
}

fn phone(d: &mut Dice) -> String {
    format!(
        "1{}{}",
        d.pick(&["35", "38", "39", "50", "58", "77", "86", "89"]),
        d.digits(8)
    )
}

pub fn generate(input: &DemoInputs<'_>) -> DemoData {
    let mut d = Dice(ChaCha8Rng::seed_from_u64(SEED));
    let mut out = DemoData::default();
    let today = input.today;
    out.zones = ZONES
        .iter()
        .map(|(code, name, towns)| ZoneRow {
            code: code.to_string(),
            name: name.to_string(),
            towns: towns.join("、"),
        })
        .collect();
    out.staff = staff();
    employers(&mut d, &mut out, (input.persons / 25).max(2000), today);
    persons(&mut d, &mut out, input.persons, today);
    licences(&mut d, &mut out, today);
    filings::generate(&mut d, &mut out, input, today);
    cases(&mut d, &mut out, input.calendar, today);
    // Drawn from dice of their own, so the filings and cases above stay as they were.
    declarations::generate(
        &mut Dice(ChaCha8Rng::seed_from_u64(SEED ^ 0x5)),
        &mut out,
        input,
        today,
    );
    out.average_wages = vec![
        FigureRow {
            year: 2025,
            region: "河北省".into(),
            monthly: 6_215_00,
            source: "演示数值，非官方公布数 / demo figure, not the published one".into(),
            effective_from: ymd(2025, 7, 1),
        },
        FigureRow {
            year: 2026,
            region: "河北省".into(),
            monthly: DEMO_AVERAGE_WAGE,
            source: "演示数值，非官方公布数 / demo figure, not the published one".into(),
            effective_from: ymd(2026, 7, 1),
        },
    ];
    out.settings = settings();
    out
}

fn staff() -> Vec<StaffRow> {
    let list: &[(&str, &str, &str)] = &[
        (DEFAULT_DEMO_LOGIN, "赵静", "chief,admin"),
        ("liuyang", "刘洋", "chief,legal"),
        ("wangfang", "王芳", "clerk"),
        ("lina", "李娜", "clerk"),
        ("zhangmin", "张敏", "clerk"),
        ("chenjie", "陈杰", "clerk"),
        ("yangqiang", "杨强", "inspector"),
        ("huangwei", "黄伟", "inspector"),
        ("zhouhao", "周浩", "inspector"),
        ("wulei", "吴磊", "inspector"),
        ("xuli", "徐丽", "inspector,clerk"),
        ("sunhao", "孙浩", "admin"),
    ];
    list.iter()
        .enumerate()
        .map(|(i, (login, name, roles))| StaffRow {
            id: i as i64 + 1,
            login: login.to_string(),
            name: name.to_string(),
            roles: roles.to_string(),
            active: true,
        })
        .collect()
}

const CLERKS: [i64; 5] = [3, 4, 5, 6, 11];
const INSPECTORS: [i64; 5] = [7, 8, 9, 10, 11];

fn two_inspectors(d: &mut Dice) -> (i64, i64) {
    let a = d.below(INSPECTORS.len());
    let b = (a + 1 + d.below(INSPECTORS.len() - 1)) % INSPECTORS.len();
    (INSPECTORS[a], INSPECTORS[b])
}

fn town_and_zone(d: &mut Dice) -> (String, String) {
    let (code, _, towns) = d.pick(ZONES);
    (d.pick(towns).to_string(), code.to_string())
}

fn employers(d: &mut Dice, out: &mut DemoData, n: usize, today: NaiveDate) {
    out.employers.reserve(n);
    for i in 0..n {
        let (town, zone) = town_and_zone(d);
        let prefix = if d.chance(0.08) { "92" } else { "91" };
        let status = if d.chance(0.03) {
            "cancelled"
        } else if d.chance(0.03) {
            "suspended"
        } else {
            "active"
        };
        out.employers.push(EmployerRow {
            id: i as i64 + 1,
            uscc: make_uscc(prefix, "130110", i),
            name: format!(
                "{}{}{}{}",
                d.pick(&["石家庄市鹿泉区", "石家庄", "河北", "鹿泉区", "", ""]),
                d.pick(BRANDS),
                d.pick(TRADES),
                d.pick(COMPANY_SUFFIXES)
            ),
            legal_rep: person_name(d),
            address: format!("石家庄市鹿泉区{town}{}{}号", d.pick(ROADS), d.range(1, 300)),
            town,
            zone: Some(zone),
            status: crate::domain::EmployerStatus::parse(status).expect("a demo status"),
            established_on: Some(d.date(ymd(1995, 1, 1), today)),
            arrears: if d.chance(0.05) {
                d.range(1_000_00, 200_000_00)
            } else {
                0
            },
        });
    }
}

fn persons(d: &mut Dice, out: &mut DemoData, n: usize, today: NaiveDate) {
    let first = ymd(1960, 1, 1);
    let days = (ymd(2005, 12, 31) - first).num_days() as usize;
    // A stride coprime with `days` walks every birth date once per block, and
    // the block number is the sequence code: every ID number is unique.
    let stride = 7919;
    let employers = out.employers.len();
    let (lo, hi) = base_band(DEMO_AVERAGE_WAGE);
    out.persons.reserve(n);
    for i in 0..n {
        let birth = first + Days::new(((i * stride) % days) as u64);
        let sequence = (i / days) as u16 * 2 + (d.below(2) as u16);
        let area = if d.chance(0.15) {
            *d.pick(OTHER_AREAS)
        } else if birth.year() < 1994 {
            // 获鹿县 until 1994, 鹿泉市 until 2014, 鹿泉区 since.
            *d.pick(&["130121", "130185", "130110"])
        } else {
            *d.pick(&["130185", "130110"])
        };
        let age = today.year() - birth.year();
        let retired = age >= 60 || (age >= 55 && d.chance(0.5));
        let status = if retired {
            "retired"
        } else if d.chance(0.03) {
            "suspended"
        } else if d.chance(0.02) {
            "cancelled"
        } else {
            "active"
        };
        let working = status == "active" || status == "suspended";
        let hired = working.then(|| d.date(ymd(2010, 1, 1), today));
        let last_paid = match status {
            "active" => Some(ymd(today.year(), today.month(), 1) - Days::new(1)),
            "suspended" => Some(ymd(2025, d.range(1, 12) as u32, 1)),
            _ => None,
        };
        out.persons.push(PersonRow {
            id: i as i64 + 1,
            id_number: ResidentId::compose(area, birth, sequence)
                .as_str()
                .to_string(),
            name: person_name(d),
            phone: phone(d),
            bank_account: format!("622202{}", d.digits(13)),
            employer_id: working.then(|| d.below(employers) as i64 + 1),
            status: crate::domain::PersonStatus::parse(status).expect("a demo status"),
            hired_on: hired,
            last_paid_month: last_paid.map(|m| ymd(m.year(), m.month(), 1)),
            contribution_base: if working {
                clamp_base(d.range(lo / 2, hi + hi / 5), DEMO_AVERAGE_WAGE)
            } else {
                0
            },
            pension_base: if retired {
                d.range(2_500_00, 6_000_00)
            } else {
                0
            },
        });
    }
}

fn licences(d: &mut Dice, out: &mut DemoData, today: NaiveDate) {
    let plan: [(LicenceKind, usize); 5] = [
        (LicenceKind::HrService, 150),
        (LicenceKind::TrainingSchool, 60),
        (LicenceKind::DesignatedClinic, 90),
        (LicenceKind::DesignatedPharmacy, 80),
        (LicenceKind::WorkInjuryAgreement, 30),
    ];
    let mut id = 0i64;
    for (kind, count) in plan {
        for k in 0..count {
            id += 1;
            let (town, zone) = town_and_zone(d);
            let brand = d.pick(BRANDS);
            let issued = d.date(ymd(2016, 1, 1), today - Days::new(40));
            let (number, holder, prefix, years) = match kind {
                LicenceKind::HrService => (
                    format!("(冀)人服证字[{}]第{:04}号", issued.year(), 100 + k),
                    format!("石家庄市鹿泉区{brand}{}有限公司", d.pick(HR_TRADES)),
                    "91",
                    5,
                ),
                LicenceKind::TrainingSchool => (
                    format!("人社民130110{:07}号", 1000 + k),
                    format!("鹿泉区{brand}{}", d.pick(SCHOOL_TRADES)),
                    "52",
                    4,
                ),
                LicenceKind::DesignatedClinic => (
                    format!("H13011000{:04}", k + 1),
                    if k % 3 == 0 {
                        format!("鹿泉区{town}卫生院")
                    } else {
                        format!("石家庄{brand}医院有限公司")
                    },
                    if k % 3 == 0 { "12" } else { "91" },
                    3,
                ),
                LicenceKind::DesignatedPharmacy => (
                    format!("P13011000{:04}", k + 1),
                    format!("石家庄{brand}大药房有限公司鹿泉{town}店"),
                    "91",
                    3,
                ),
                LicenceKind::WorkInjuryAgreement => (
                    format!("鹿人社工伤协〔{}〕{}号", issued.year(), k + 1),
                    format!("石家庄{brand}康复医院有限公司"),
                    "91",
                    3,
                ),
            };
            // A spread of expiry: most valid, some expiring within 30 days, some expired.
            let expires = match d.below(10) {
                0 => Some(today + Days::new(d.range(1, 30) as u64)),
                1 => Some(today - Days::new(d.range(1, 200) as u64)),
                _ => {
                    // Renewed each term, as holders do: the current term covers today.
                    // Months, not with_year: 29 February has no twin in most years.
                    let term = chrono::Months::new(12 * years);
                    let mut end = issued + term;
                    while end < today {
                        end = end + term;
                    }
                    Some(end)
                }
            };
            let status = match d.below(40) {
                0 | 1 => LicenceStatus::Suspended,
                2 => LicenceStatus::Revoked,
                3 => LicenceStatus::Cancelled,
                _ => LicenceStatus::Valid,
            };
            out.licences.push(LicenceRow {
                id,
                kind,
                number,
                holder,
                uscc: make_uscc(prefix, "130110", 500_000 + id as usize),
                legal_rep: person_name(d),
                address: format!("石家庄市鹿泉区{town}{}{}号", d.pick(ROADS), d.range(1, 300)),
                district: "鹿泉区".into(),
                zone: Some(zone),
                issued_on: issued,
                expires_on: expires,
                status,
            });
            supervision_history(d, out, id, kind, issued, today);
        }
    }
}

fn supervision_history(
    d: &mut Dice,
    out: &mut DemoData,
    licence: i64,
    kind: LicenceKind,
    issued: NaiveDate,
    today: NaiveDate,
) {
    for _ in 0..d.below(3) {
        let id = out.inspections.len() as i64 + 1;
        let planned = d.date(issued, today);
        let failed = d.chance(0.2);
        let done = planned <= today - Days::new(10);
        out.inspections.push(InspectionRow {
            id,
            licence_id: licence,
            method: if d.chance(0.6) {
                InspectionMethod::OnSite
            } else {
                InspectionMethod::Written
            },
            planned_on: planned,
            done_on: done.then_some(planned),
            result: match (done, failed) {
                (false, _) => InspectionResult::Pending,
                (true, true) => InspectionResult::Failed,
                (true, false) => InspectionResult::Passed,
            },
            findings: if done && failed {
                d.pick(FINDINGS).to_string()
            } else {
                String::new()
            },
        });
        let (a, b) = two_inspectors(d);
        out.inspection_inspectors.extend([(id, a), (id, b)]);
        if done && failed {
            let sid = out.sanctions.len() as i64 + 1;
            let kind_code = *d.pick(&["warning", "rectify", "rectify", "fine", "suspend"]);
            let deadline = (kind_code == "rectify").then(|| planned + Days::new(30));
            out.sanctions.push(SanctionRow {
                id: sid,
                licence_id: licence,
                kind: crate::domain::Sanction::parse(kind_code).expect("a demo sanction"),
                decided_on: planned + Days::new(5),
                deadline,
                amount: if kind_code == "fine" {
                    d.range(5_000, 50_000) * 100
                } else {
                    0
                },
                reason: d.pick(FINDINGS).to_string(),
                status: if deadline.is_some_and(|x| x > today) {
                    crate::domain::SanctionStatus::Open
                } else {
                    crate::domain::SanctionStatus::Closed
                },
            });
        }
    }
    if matches!(kind, LicenceKind::HrService | LicenceKind::TrainingSchool) {
        for year in [today.year() - 2, today.year() - 1] {
            if issued.year() > year {
                continue;
            }
            let due = ymd(year + 1, 3, 31);
            let submitted =
                (due <= today && d.chance(0.9)).then(|| due - Days::new(d.range(0, 60) as u64));
            out.annual_reviews.push(AnnualReviewRow {
                id: out.annual_reviews.len() as i64 + 1,
                licence_id: licence,
                year: i64::from(year),
                due_on: due,
                submitted_on: submitted,
                result: match (submitted.is_some(), d.chance(0.1)) {
                    (false, _) => InspectionResult::Pending,
                    (true, true) => InspectionResult::Failed,
                    (true, false) => InspectionResult::Passed,
                },
                note: String::new(),
            });
        }
    }
}

fn cases(d: &mut Dice, out: &mut DemoData, cal: &WorkCalendar, today: NaiveDate) {
    let employers = out.employers.len();
    let matters = InspectionMatter::ALL;
    for n in 0..200usize {
        let id = n as i64 + 1;
        let e = &out.employers[d.below(employers)];
        let (resp_id, resp_name) = (e.id, e.name.clone());
        // Every stage is represented: case n sits in stage n mod 9. Open cases
        // are recent; closed ones reach back more than a year.
        let stage = CaseStage::ALL[n % CaseStage::ALL.len()];
        let age = if stage == CaseStage::Closed {
            d.range(100, 400)
        } else {
            d.range(0, 75)
        };
        // One open case in seven has run past its 60 working days: it was
        // received long enough ago (the draw stays the same).
        let age = if n % 7 == 1 && stage >= CaseStage::Opened && stage < CaseStage::Closed {
            age + 70
        } else {
            age
        };
        let received = today - Days::new(age as u64);
        let decision = match n % 10 {
            0 => "refused",
            1 => "correction",
            2 => "referred",
            3 if received > today - Days::new(10) => "pending",
            _ => "accepted",
        };
        let due = cal.add_working_days(received, 5).date;
        out.complaints.push(ComplaintRow {
            id,
            complainant_name: person_name(d),
            complainant_id_number: out.persons[d.below(out.persons.len())].id_number.clone(),
            complainant_phone: phone(d),
            respondent_employer_id: Some(resp_id),
            respondent_name: resp_name.clone(),
            matters: d.pick(matters).code().to_string(),
            facts: d.pick(COMPLAINT_FACTS).to_string(),
            channel: *d.pick(crate::domain::ComplaintChannel::ALL),
            received_on: received,
            violation_on: Some(received - Days::new(d.range(10, 300) as u64)),
            decision: crate::domain::ComplaintDecision::parse(decision).expect("a demo decision"),
            decision_due: due,
            decided_on: (decision != "pending")
                .then(|| cal.add_working_days(received, d.range(1, 5) as u32).date),
            mass_incident: n % 40 == 6,
            referred_to: String::new(),
        });
        let registered = received;
        let opened = (stage >= CaseStage::Opened).then(|| cal.add_working_days(registered, 3).date);
        let opened = opened.map(|o| o.min(today));
        // Due 60 working days after opening (the draw is kept so the rest of
        // the demo stays put).
        let due_on = opened.map(|o| {
            let _ = (n % 7 == 0).then(|| d.range(1, 5));
            let _ = (n % 7 == 1).then(|| d.range(1, 20));
            cal.add_working_days(o, 60).date
        });
        let officer = *d.pick(&INSPECTORS);
        out.cases.push(CaseRow {
            id,
            number: format!("鹿人社监案〔{}〕{:03}号", registered.year(), n + 1),
            complaint_id: (decision == "accepted").then_some(id),
            respondent_employer_id: Some(resp_id),
            respondent_name: resp_name,
            stage,
            registered_on: registered,
            opened_on: opened,
            due_on,
            extended: n % 23 == 0,
            case_officer_id: (stage != CaseStage::Registered).then_some(officer),
            fine: if stage >= CaseStage::PriorNotice {
                d.range(1_000, 50_000) * 100
            } else {
                0
            },
            outcome: if stage == CaseStage::Closed {
                "decided".into()
            } else {
                String::new()
            },
            mass_incident: n % 40 == 6,
            // The investigation's limit until the deadlines are first recomputed.
            due_rule: if due_on.is_some() {
                "investigation".into()
            } else {
                String::new()
            },
            queue_key: crate::domain::procedure::queue_key(n % 40 == 6, due_on),
            notice_served_on: (stage >= CaseStage::PriorNotice)
                .then(|| opened.map(|o| cal.add_working_days(o, 20).date.min(today)))
                .flatten(),
            decided_on: (stage >= CaseStage::Decided)
                .then(|| opened.map(|o| cal.add_working_days(o, 40).date.min(today)))
                .flatten(),
            served_on: (stage >= CaseStage::Decided)
                .then(|| opened.map(|o| cal.add_working_days(o, 41).date.min(today)))
                .flatten(),
        });
        let (a, b) = two_inspectors(d);
        // A case just registered waits for the chief to assign it.
        if stage != CaseStage::Registered {
            out.case_inspectors.extend([(id, a), (id, b)]);
        }
        let mut prev: Option<CaseStage> = None;
        for s in CaseStage::ALL.iter().take_while(|s| **s <= stage) {
            let at = Utc
                .with_ymd_and_hms(
                    registered.year(),
                    registered.month(),
                    registered.day(),
                    2,
                    0,
                    0,
                )
                .single()
                .expect("valid time");
            out.case_events.push(CaseEventRow {
                case_id: id,
                at,
                staff_id: Some(officer),
                stage_from: prev.map(|p| p.code().to_string()),
                stage_to: s.code().to_string(),
                note: String::new(),
                on_date: Some(registered),
                served_by: String::new(),
            });
            prev = Some(*s);
        }
    }
}

fn settings() -> Vec<SettingRow> {
    let src = "石家庄市人民政府令第112号（示例，现行效力待核） / Shijiazhuang Order 112 (example)";
    let s = |key: &str, value: &str, source: &str| SettingRow {
        key: key.into(),
        value: value.into(),
        source: source.into(),
        effective_from: Some(ymd(2025, 1, 1)),
    };
    vec![
        s(crate::store::DEMO_SETTING, "true", "hrss-desk demo"),
        s("hearing.threshold.business_individual", "100000", src),
        s("hearing.threshold.business_organisation", "1000000", src),
        s("hearing.threshold.nonbusiness_individual", "50000", src),
        s("hearing.threshold.nonbusiness_organisation", "500000", src),
        s(
            "statement.window.working_days",
            "5",
            "地方文书惯例 / local practice",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_can_be_made_on_any_day_including_29_february() {
        let cal = WorkCalendar::default();
        for today in [
            ymd(2024, 2, 29),
            ymd(2028, 2, 29),
            ymd(2026, 12, 31),
            ymd(2027, 1, 1),
        ] {
            let data = generate(&DemoInputs {
                persons: MIN_PERSONS,
                today,
                calendar: &cal,
                checklists: &[],
            });
            assert_eq!(data.licences.len(), 410);
            // A renewed licence's current term covers the day, except the few set to lapse.
            let lapsed = data
                .licences
                .iter()
                .filter(|l| l.expires_on.is_some_and(|e| e < today))
                .count();
            assert!(lapsed < 80, "{today}: {lapsed}");
        }
    }

    #[test]
    fn organisation_codes_pass_their_own_check_and_make_valid_usccs() {
        for n in [0, 1, 30, 31, 999_999] {
            let code = make_uscc("91", "130110", n);
            let u = Uscc::parse(&code).unwrap();
            assert!(u.organisation_code_ok(), "{code}");
        }
        assert_ne!(make_uscc("91", "130110", 1), make_uscc("91", "130110", 2));
    }
}

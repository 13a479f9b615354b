//! Complaint intake for the screen and the command line: register (the form
//! checked, the decision's due date set), then decide as the rules lead —
//! an acceptance registers the case with its first deadline.

use crate::domain::Role;
use crate::domain::clocks;
use crate::domain::complaint::{self, Intake, Outcome, check_intake};
use crate::domain::permissions::{Act, may};
use crate::domain::procedure::queue_key;
use crate::i18n::{self};
use crate::store::{ComplaintRow, ComplaintVerdict, NewCase, NewComplaint, Store};
use crate::workflow::Cx;
use chrono::{Datelike, NaiveDate};

/// The complainant's own data, kept apart from what the rules read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Complainant {
    pub id_number: String,
    pub phone: String,
}

/// Registers a complaint; Ok is its id, what the rules lead to, and the day
/// the decision is due.
pub async fn register(
    cx: &Cx<'_>,
    intake: &Intake,
    who: &Complainant,
    respondent_employer_id: Option<i64>,
    mass_incident: bool,
) -> Result<(i64, Outcome, NaiveDate), String> {
    let Cx {
        store,
        calendar: cal,
        staff,
        lang,
        today,
    } = *cx;
    cx.allowed(Act::RegisterComplaint)?;
    check_intake(intake, today).map_err(|e| i18n::intake_error(lang, &e))?;
    let due = clocks::accept_due(cal, intake.received_on).due;
    let matters: Vec<&str> = intake.matters.iter().map(|m| m.code()).collect();
    let id = store
        .register_complaint(
            &staff.login,
            &NewComplaint {
                complainant_name: intake.complainant.trim().to_string(),
                complainant_id_number: who.id_number.trim().to_string(),
                complainant_phone: who.phone.trim().to_string(),
                respondent_employer_id,
                respondent_name: intake.respondent.trim().to_string(),
                matters: matters.join(","),
                facts: intake.facts.trim().to_string(),
                channel: intake.channel.clone(),
                received_on: intake.received_on,
                violation_on: intake.violation_on,
                decision_due: due,
                mass_incident,
            },
        )
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    Ok((id, complaint::decide(intake), due))
}

/// A complaint as the desk's form gives it, the respondent as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ComplaintAsk {
    pub respondent: String,
    pub complainant: String,
    pub id_number: String,
    pub phone: String,
    pub matters: Vec<crate::domain::InspectionMatter>,
    pub facts: String,
    pub channel: String,
    /// None: today.
    pub received_on: Option<NaiveDate>,
    pub violation_on: Option<NaiveDate>,
    pub mass_incident: bool,
}

/// What registering a complaint typed at the desk came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// Registered: the sentence to show.
    Registered(String),
    /// Several employers fit the respondent typed: nothing registered yet,
    /// one is to be chosen (by its credit code) and the form sent again.
    Choose(Vec<EmployerChoice>),
}

/// An employer offered to choose from: enough to tell two of one name apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerChoice {
    pub id: i64,
    pub name: String,
    pub uscc: String,
    pub town: String,
    pub legal_rep: String,
}

/// Registers a complaint typed at the desk: its respondent found as the
/// lookup finds it (credit code, name, pinyin, initials), or kept as typed
/// if not on the register; several that fit are offered to choose from.
pub async fn register_asked(
    cx: &Cx<'_>,
    index: Option<&crate::search::Index>,
    ask: &ComplaintAsk,
) -> Result<Asked, String> {
    let lang = cx.lang;
    let employer = match resolve_respondent(cx.store, index, &ask.respondent)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
    {
        Respondent::Found(id, name) => Some((id, name)),
        Respondent::Named(_) => None,
        Respondent::Several(choices) => return Ok(Asked::Choose(choices)),
    };
    let intake = Intake {
        complainant_id: ask.id_number.clone(),
        complainant: ask.complainant.clone(),
        respondent: employer
            .as_ref()
            .map_or_else(|| ask.respondent.clone(), |(_, n)| n.clone()),
        respondent_known: employer.is_some(),
        matters: ask.matters.clone(),
        facts: ask.facts.clone(),
        channel: ask.channel.clone(),
        received_on: ask.received_on.unwrap_or(cx.today),
        violation_on: ask.violation_on,
        labour_dispute: false,
    };
    let who = Complainant {
        id_number: ask.id_number.clone(),
        phone: ask.phone.clone(),
    };
    let (id, outcome, due) = register(
        cx,
        &intake,
        &who,
        employer.map(|(id, _)| id),
        ask.mass_incident,
    )
    .await?;
    Ok(Asked::Registered(i18n::complaint_registered(
        lang, id, due, &outcome,
    )))
}

/// Decides complaint `id` as the rules lead (a section chief's act); Ok is
/// the sentence to show, with how to print the written notice the decision
/// calls for. `elsewhere`, when not blank, is the chief's finding that the
/// complaint is not this bureau's and where the complainant is to turn
/// (劳社部令25 art 18): that is the decision, whatever else the rules say.
pub async fn decide(
    cx: &Cx<'_>,
    id: i64,
    labour_dispute: bool,
    elsewhere: &str,
    note: &str,
) -> Result<Decided, String> {
    let Cx {
        store,
        calendar: cal,
        staff,
        lang,
        today,
    } = *cx;
    if !may(staff, Act::DecideComplaint) {
        return Err(i18n::case_refusal(
            lang,
            &crate::domain::procedure::Refusal::WrongRole {
                needs: &[Role::Chief],
            },
        ));
    }
    // The place named is checked before anything is read or written.
    if !elsewhere.trim().is_empty() {
        complaint::elsewhere(elsewhere).map_err(|e| i18n::elsewhere_error(lang, e))?;
    }
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(i18n::decision_note_too_long(lang, NOTE_MAX_CHARS));
    }
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let c = store
        .complaint(id)
        .await
        .map_err(fail)?
        .ok_or_else(|| i18n::no_complaint(lang, id))?;
    if c.decision != crate::domain::ComplaintDecision::Pending {
        return Err(i18n::complaint_decided_already(lang, id));
    }
    let outcome = outcome(&c, labour_dispute, elsewhere);
    let number_stem = super::cases::number_stem(store, today.year()).await;
    let new_case = (outcome == Outcome::Accept).then(|| {
        // A registered case's first deadline is the acceptance's.
        let due = clocks::accept_due(cal, c.received_on).due;
        let mass = c.mass_incident;
        NewCase {
            number_stem,
            due_on: Some(due),
            due_rule: clocks::Rule::Accept.code().to_string(),
            queue_key: queue_key(mass, Some(due)),
        }
    });
    let referred_to = match &outcome {
        Outcome::Elsewhere { to } => to.as_str(),
        _ => "",
    };
    let verdict = ComplaintVerdict {
        decision: outcome.code(),
        note,
        referred_to,
    };
    let made = store
        .decide_complaint(staff, id, &verdict, today, new_case.as_ref())
        .await
        .map_err(fail)?;
    Ok(Decided {
        id,
        outcome,
        case: made.map(|(_, n)| n),
        lang,
    })
}

/// A complaint decided: what was decided and the case it registered, said
/// for the command line (naming the command that prints its notice) or for
/// the screen (naming the key).
#[derive(Debug, Clone)]
pub struct Decided {
    pub id: i64,
    pub outcome: Outcome,
    pub case: Option<String>,
    lang: crate::i18n::Lang,
}

impl Decided {
    pub fn said(&self, on_screen: bool) -> String {
        i18n::complaint_decided(
            self.lang,
            self.id,
            &self.outcome,
            self.case.as_deref(),
            on_screen,
        )
    }

    /// The written notice the decision calls for, if any.
    pub fn notice(&self) -> Option<crate::domain::documents::DocKind> {
        self.outcome.notice()
    }
}

/// The longest note a decision carries (the screen's form stops there).
pub const NOTE_MAX_CHARS: usize = 200;

/// What the rules lead to for a registered complaint (a dispute between the
/// parties, said by the chief, goes to arbitration; a place named in
/// `elsewhere`, the chief's finding that it is not this bureau's, is where
/// the complainant is told to turn): what `decide` records, and what the
/// screen's decision form says before it is made.
pub fn outcome(c: &ComplaintRow, labour_dispute: bool, elsewhere: &str) -> Outcome {
    if !elsewhere.trim().is_empty() {
        return Outcome::Elsewhere {
            to: elsewhere.trim().to_string(),
        };
    }
    complaint::decide(&Intake {
        complainant_id: c.complainant_id_number.clone(),
        complainant: c.complainant_name.clone(),
        respondent: c.respondent_name.clone(),
        respondent_known: c.respondent_employer_id.is_some(),
        matters: c
            .matters
            .split(',')
            .filter_map(crate::domain::InspectionMatter::parse)
            .collect(),
        facts: c.facts.clone(),
        channel: c.channel.code().to_string(),
        received_on: c.received_on,
        violation_on: c.violation_on,
        labour_dispute,
    })
}

/// A complaint in the inbox: its record, the day its decision is due and
/// how that day was counted, and whether it has passed.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub complaint: ComplaintRow,
    pub due: clocks::Explained,
    pub overdue: bool,
}

/// The complaints inbox on `cx.today`, oldest first: those pending their
/// decision (or, with `all`, every complaint). The due day is counted
/// afresh from the day received — 5 working days, 劳社部令25 art 18 — so a
/// holiday table loaded after registration is heeded; a decided complaint is
/// never overdue.
pub async fn inbox(cx: &Cx<'_>, all: bool) -> Result<Vec<Waiting>, String> {
    let rows = cx
        .store
        .complaints(!all)
        .await
        .map_err(|e| i18n::store_error(cx.lang, &e))?;
    Ok(rows
        .into_iter()
        .map(|c| {
            let due = clocks::accept_due(cx.calendar, c.received_on);
            let overdue =
                c.decision == crate::domain::ComplaintDecision::Pending && due.due < cx.today;
            Waiting {
                complaint: c,
                due,
                overdue,
            }
        })
        .collect())
}

/// What a respondent typed at intake turns out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Respondent {
    /// An employer on the register: (id, name).
    Found(i64, String),
    /// Not on the register: kept as the name typed.
    Named(String),
    /// Several employers match, to choose from.
    Several(Vec<EmployerChoice>),
}

/// Finds the respondent as the lookup does: by credit code, or by name,
/// pinyin or initials. One match (or a name typed in full) is taken; more
/// than one is said, not guessed.
pub async fn resolve_respondent(
    store: &Store,
    index: Option<&crate::search::Index>,
    typed: &str,
) -> Result<Respondent, crate::store::StoreError> {
    let typed = typed.trim();
    if let Ok(u) = crate::domain::Uscc::parse(typed) {
        return Ok(match store.employer_by_uscc(u.as_str()).await? {
            Some((id, name)) => Respondent::Found(id, name),
            None => Respondent::Named(typed.to_string()),
        });
    }
    let Some(ix) = index.filter(|_| !typed.is_empty()) else {
        return Ok(Respondent::Named(typed.to_string()));
    };
    let hits = ix
        .search(typed, crate::search::KindFilter::Employers, 6, None, None)
        .unwrap_or_default();
    let found: Vec<(i64, String)> = hits
        .top
        .iter()
        .map(|h| (ix.id(h.index), ix.name(h.index).to_string()))
        .collect();
    Ok(match found.iter().find(|(_, n)| n == typed) {
        Some((id, n)) => Respondent::Found(*id, n.clone()),
        None => match found.as_slice() {
            [] => Respondent::Named(typed.to_string()),
            [(id, n)] => Respondent::Found(*id, n.clone()),
            many => {
                let ids: Vec<i64> = many.iter().map(|(id, _)| *id).collect();
                let rows = store.employers_by_id(&ids).await?;
                Respondent::Several(
                    rows.into_iter()
                        .map(|e| EmployerChoice {
                            id: e.id,
                            name: e.name,
                            uscc: e.uscc,
                            town: e.town,
                            legal_rep: e.legal_rep,
                        })
                        .collect(),
                )
            }
        },
    })
}

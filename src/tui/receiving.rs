//! Receiving a filing at the counter on screen (收件登记, `n` in the review
//! pane), in two steps. First what it is, from which employer (found by
//! credit code, name or pinyin, a chooser when several match), the day the
//! papers came and how; then the fields its kind declares and each material
//! of its checklist ticked. Saved, it is checked at once and the clerk reads
//! its problems before the applicant leaves; `p` on it prints the receipt.

use super::form::{Form, FormField, FormReply, Kind, Purpose, ReceiveHead};
use crate::domain::Channel;
use crate::domain::intake::{self, MaterialTick, Receipt};
use crate::i18n::{self, Lang};
use crate::store::Store;
use crate::workflow::Cx;
use crate::workflow::intake::EmployerFound;
use chrono::NaiveDate;

impl Form {
    /// The first step: kind, employer, day received, channel, and the
    /// returned filing it corrects, if it is a resubmission.
    pub fn receive_start(lang: Lang, today: NaiveDate) -> Form {
        let forms = intake::Form::ALL
            .iter()
            .map(|f| (f.code().to_string(), f.label(lang).to_string()))
            .collect();
        let channels = Channel::ALL
            .iter()
            .map(|c| (c.code().to_string(), c.label(lang).to_string()))
            .collect();
        let mut received = FormField::new(
            "received",
            lang.pick("收件日期（实际收到）", "Received on (the day it came)"),
            Kind::Date,
        );
        received.text = today.to_string();
        Form {
            purpose: Purpose::ReceiveStart,
            title: lang
                .pick("收件登记（1/2）", "Receive a filing (1/2)")
                .into(),
            fields: vec![
                FormField::new("form", lang.pick("业务类型", "Kind"), Kind::OneOf(forms)),
                FormField::new(
                    "employer",
                    lang.pick(
                        "参保单位（信用代码、名称或拼音；新登记填信用代码）",
                        "Employer (credit code, name or pinyin; a new one: its code)",
                    ),
                    Kind::Text,
                ),
                received,
                FormField::new(
                    "channel",
                    lang.pick("收件渠道", "Channel"),
                    Kind::OneOf(channels),
                ),
                FormField::new(
                    "resubmits",
                    lang.pick(
                        "补正件：所补正的退回申报编号（无则空）",
                        "Resubmission of returned filing no. (else empty)",
                    ),
                    Kind::Text,
                ),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }

    /// The second step: the fields `head.form` declares (required ones
    /// marked), a yearly declaration's spreadsheet, and each material of
    /// `checklist` (code, Chinese, English) to tick.
    pub fn receive_details(
        lang: Lang,
        head: ReceiveHead,
        checklist: &[(String, String, String)],
    ) -> Form {
        let mut fields: Vec<FormField> = head
            .form
            .fields()
            .iter()
            .map(|f| {
                let mark = if f.required { "*" } else { "" };
                let kind = match f.ty {
                    intake::FieldType::Date => Kind::Date,
                    _ => Kind::Text,
                };
                FormField::new(f.code, &format!("{mark}{}", f.label(lang)), kind)
            })
            .collect();
        if head.form == intake::Form::YearlyBase {
            fields.push(FormField::new(
                "persons",
                lang.pick(
                    "*人员明细表（.xlsx 或 CSV 的路径）",
                    "*Persons' spreadsheet (.xlsx or CSV path)",
                ),
                Kind::Text,
            ));
        }
        fields.extend(checklist.iter().map(|(code, zh, en)| {
            let mut f = FormField::new(
                "material",
                &format!("{}{}", lang.pick("材料：", "Material: "), lang.pick(zh, en)),
                Kind::Material,
            );
            f.code = code.clone();
            f
        }));
        let who = if head.employer.is_empty() {
            head.uscc.clone()
        } else {
            head.employer.clone()
        };
        Form {
            title: format!(
                "{} · {} · {}",
                lang.pick("收件登记（2/2）", "Receive a filing (2/2)"),
                head.form.label(lang),
                crate::i18n::printable(&who)
            ),
            purpose: Purpose::Receive(Box::new(head)),
            fields,
            focus: 0,
            error: None,
            sending: false,
        }
    }
}

/// What the receiving forms do when sent: the first step gives the form
/// of the second, the second receives the filing.
pub async fn submit(
    cx: &Cx<'_>,
    form: &Form,
    index: Option<&crate::search::Index>,
) -> Result<FormReply, String> {
    let Cx {
        store, lang, today, ..
    } = *cx;
    match &form.purpose {
        Purpose::ReceiveStart => start(store, lang, today, form, index).await,
        Purpose::Receive(head) => finish(cx, head, form).await,
        other => unreachable!("not a receiving form: {other:?}"),
    }
}

async fn start(
    store: &Store,
    lang: Lang,
    today: NaiveDate,
    form: &Form,
    index: Option<&crate::search::Index>,
) -> Result<FormReply, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let kind = intake::Form::from_any(&form.value("form"))
        .ok_or_else(|| i18n::unknown_filing_kind(lang, &form.value("form")))?;
    let typed = form.value("employer");
    if typed.is_empty() {
        return Err(i18n::receipt_error(
            lang,
            kind,
            &intake::ReceiptError::NoEmployer,
        ));
    }
    let received = form.value("received");
    let received_on = match received.as_str() {
        "" => today,
        // Read as the command line and imports read a day (2026/11/20 too).
        d => crate::domain::import::values::date(&crate::sheet::Cell::Text(d.to_string()))
            .ok()
            .flatten()
            .ok_or_else(|| i18n::bad_date(lang, d))?,
    };
    let channel = Channel::from_any(&form.value("channel"))
        .ok_or_else(|| i18n::unknown_channel(lang, &form.value("channel")))?;
    let resubmits = match form.value("resubmits").trim() {
        "" => None,
        n => Some(
            n.parse::<i64>()
                .map_err(|_| i18n::not_a_filing_number(lang, n))?,
        ),
    };
    let (uscc, employer) = if kind == intake::Form::RegisterEmployer {
        // A new employer: its code as typed, checked when it is received.
        (typed.trim().to_uppercase(), String::new())
    } else {
        match crate::workflow::intake::find_employer(store, index, &typed)
            .await
            .map_err(fail)?
        {
            EmployerFound::One(u, n) => (u, n),
            EmployerFound::None => return Err(i18n::no_employer_found(lang, &typed)),
            EmployerFound::Several(found) => {
                return Ok(FormReply::Choose {
                    key: "employer",
                    note: i18n::choose_employer(lang, found.len()),
                    options: found
                        .into_iter()
                        .map(|(u, n)| (u.clone(), format!("{n} {u}")))
                        .collect(),
                });
            }
        }
    };
    let checklist = checklist_of(store, kind).await.map_err(fail)?;
    let head = ReceiveHead {
        form: kind,
        uscc,
        employer,
        received_on,
        channel,
        resubmits,
    };
    Ok(FormReply::Next(Box::new(Form::receive_details(
        lang, head, &checklist,
    ))))
}

/// The kind's materials with their names: (code, Chinese, English).
async fn checklist_of(
    store: &Store,
    form: intake::Form,
) -> Result<Vec<(String, String, String)>, crate::store::StoreError> {
    let names = store.material_names().await?;
    Ok(store
        .material_requirements()
        .await?
        .into_iter()
        .filter(|(kind, ..)| kind == form.kind().code())
        .map(|(_, code, _)| {
            names
                .iter()
                .find(|(c, ..)| *c == code)
                .cloned()
                .unwrap_or_else(|| (code.clone(), code.clone(), code))
        })
        .collect())
}

async fn finish(cx: &Cx<'_>, head: &ReceiveHead, form: &Form) -> Result<FormReply, String> {
    let Cx { lang, today, .. } = *cx;
    let fields = head
        .form
        .fields()
        .iter()
        .map(|f| (f.code.to_string(), form.value(f.code)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let materials = form
        .fields
        .iter()
        .filter(|f| f.kind == Kind::Material)
        .map(|f| MaterialTick {
            material: f.code.clone(),
            present: matches!(f.choice, 1 | 2),
            valid: f.choice == 1,
            note: f.text.trim().to_string(),
        })
        .collect();
    // Only the yearly base's form has the persons' file.
    let yearly = head.form == intake::Form::YearlyBase;
    let path = if yearly {
        form.value("persons")
    } else {
        String::new()
    };
    let persons = match path {
        path if !path.is_empty() => {
            let path = match path.strip_prefix("~/") {
                Some(rest) => dirs::home_dir().unwrap_or_default().join(rest),
                None => std::path::PathBuf::from(&path),
            };
            crate::workflow::intake::persons_from(lang, today, &path)?
        }
        _ => Vec::new(),
    };
    let receipt = Receipt {
        form: head.form,
        employer_uscc: head.uscc.clone(),
        fields,
        materials,
        received_on: head.received_on,
        channel: head.channel,
        resubmits: head.resubmits,
        persons,
    };
    let got = crate::workflow::intake::receive(cx, &receipt).await?;
    Ok(FormReply::Received {
        id: got.id,
        said: i18n::filing_received_short(
            lang,
            got.id,
            head.form,
            got.decide_by.date,
            &got.problems,
            head.resubmits,
        ),
    })
}

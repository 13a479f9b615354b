//! Rendering a document on a record: its fields read from the record, its
//! number given (once), the office's template (or the built-in one) filled,
//! the file's hash kept with the record and the rendering audited.

use crate::docx;
use crate::domain::documents::{self, DocKind, RecordKind};
use crate::i18n::{self, Lang};
use crate::printing;
use crate::store::{Detail, ListKind, Store};
use crate::workflow::Cx;
use sha2::{Digest, Sha256};

/// The office's name until the setting `office.name` is set: what the
/// migration puts there, a placeholder an office replaces at deployment.
pub const DEFAULT_OFFICE: &str = "石家庄市鹿泉区人力资源和社会保障局";

/// The issuing office, as its documents and reports are headed and signed:
/// the setting `office.name` (issue 21, point 11), else the default.
pub async fn office_name(store: &Store) -> String {
    store
        .setting("office.name")
        .await
        .ok()
        .flatten()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| DEFAULT_OFFICE.to_string())
}

/// A document rendered: its number, the file's bytes and their SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub number: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
}

/// The template a kind is filled from: the office's, or the built-in one.
pub async fn template(store: &Store, lang: Lang, kind: DocKind) -> Result<Vec<u8>, String> {
    let own = store
        .document_template(kind.code())
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    if let Some(own) = own {
        return Ok(own);
    }
    let office = office_name(store).await;
    Ok(docx::default_template(
        &office,
        kind.title(Lang::Zh),
        documents::fields(kind),
        documents::bodies(kind),
    ))
}

/// Loads the office's own template of a kind, after checking it fills.
pub async fn load_template(cx: &Cx<'_>, kind: DocKind, body: &[u8]) -> Result<String, String> {
    let Cx {
        store, staff, lang, ..
    } = *cx;
    if !crate::domain::permissions::may(staff, crate::domain::permissions::Act::LoadTemplate) {
        return Err(i18n::templates_for_chiefs(lang).to_string());
    }
    // Every placeholder must be a field of the kind.
    let mut values: Vec<(&str, String)> = ["编号", "日期", "经办人"]
        .iter()
        .map(|k| (*k, String::new()))
        .collect();
    values.extend(
        documents::fields(kind)
            .iter()
            .filter(|f| !["日期", "经办人"].contains(f))
            .map(|f| (*f, String::new())),
    );
    docx::fill(body, &values).map_err(|e| i18n::docx_error(lang, kind, &e))?;
    let sha = hex::encode(Sha256::digest(body));
    store
        .store_template(staff, kind.code(), body, &sha)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?;
    Ok(i18n::template_loaded(lang, kind))
}

/// Renders `kind` on record `id` (a filing, case, inspection or ladder step).
pub async fn render(cx: &Cx<'_>, kind: DocKind, id: i64) -> Result<Rendered, String> {
    render_with(cx, kind, id, &[]).await
}

/// `render` with fields typed for this document (`--field 名称=值`): only
/// the kind's own fields, each at most 500 characters.
pub async fn render_with(
    cx: &Cx<'_>,
    kind: DocKind,
    id: i64,
    given_fields: &[(String, String)],
) -> Result<Rendered, String> {
    let Cx {
        store,
        staff,
        lang,
        today,
        ..
    } = *cx;
    use crate::domain::permissions::Act;
    cx.allowed(Act::PrintDocument)?;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let (mut values, given) = record_values(cx, kind, id).await?;
    // What was typed for this document (a time, a place, a body).
    for (k, v) in given_fields {
        let Some(key) = documents::fields(kind).iter().find(|f| **f == k.as_str()) else {
            return Err(i18n::no_such_field(lang, kind, k));
        };
        if v.chars().count() > 500 {
            return Err(i18n::no_such_field(lang, kind, k));
        }
        values.retain(|(f, _)| f != key);
        values.push((key, v.trim().to_string()));
    }
    // A field the law needs that nothing gave.
    if let Some(missing) = documents::typed_fields(kind)
        .iter()
        .find(|f| !values.iter().any(|(k, v)| k == *f && !v.trim().is_empty()))
    {
        return Err(i18n::field_needed(lang, kind, missing));
    }
    if !values.iter().any(|(k, _)| *k == "经办人") {
        values.push(("经办人", staff.name.clone()));
    }
    values.push(("日期", today.format("%Y年%m月%d日").to_string()));
    // A template that cannot be filled is refused before a number is given:
    // a number, once given, is never given again.
    let template = template(store, lang, kind).await?;
    let mut trial = values.clone();
    trial.push(("编号", String::new()));
    docx::fill(&template, &trial).map_err(|e| i18n::docx_error(lang, kind, &e))?;
    let (year, seq, _) = store
        .issue_document(staff, kind.code(), kind.record().code(), id, today, given)
        .await
        .map_err(fail)?;
    let number = documents::number(kind, year, seq);
    values.push(("编号", number.clone()));
    let bytes = docx::fill(&template, &values).map_err(|e| i18n::docx_error(lang, kind, &e))?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    store
        .document_rendered(&staff.login, kind.code(), kind.record().code(), id, &sha256)
        .await
        .map_err(fail)?;
    Ok(Rendered {
        number,
        bytes,
        sha256,
    })
}

/// A filing's receipt (受理回执): who handed in what, when, and by when it
/// is decided.
async fn receipt_values(cx: &Cx<'_>, id: i64) -> Result<Vec<(&'static str, String)>, String> {
    let Cx { store, lang, .. } = *cx;
    let kind = DocKind::FilingReceipt;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let not_for = || i18n::document_not_for(lang, kind, id);
    let mut values: Vec<(&'static str, String)> = Vec::new();
    let Some(Detail::Filing {
        item,
        materials,
        declared,
        ..
    }) = store.detail(ListKind::Filings, id).await.map_err(fail)?
    else {
        return Err(not_for());
    };
    // Someone new to the register, as their filing declares them.
    let declared: serde_json::Value = serde_json::from_str(&declared).unwrap_or_default();
    let said = |k: &str| declared.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let received_on = crate::domain::calendar::office_date(item.received_at);
    let cal = crate::domain::WorkCalendar::from_years(&store.calendar_years().await.map_err(fail)?);
    // Each material as handed in; the applicant keeps the list.
    let handed: Vec<String> = materials
        .iter()
        .map(|m| {
            let state = match (m.present, m.valid) {
                (Some(true), Some(false)) => "无效",
                (Some(true), _) => "已收",
                _ => "未交",
            };
            format!("{}（{state}）", m.name_zh)
        })
        .collect();
    values.extend([
        (
            "参保单位",
            // An employer registering is not on the register yet.
            item.employer_name
                .or_else(|| said("employer_name"))
                .unwrap_or_default(),
        ),
        (
            "参保人员",
            item.person_name
                .or_else(|| said("name"))
                .unwrap_or_default(),
        ),
        (
            "公民身份号码",
            item.person_id_number
                .or_else(|| said("id_number"))
                .as_deref()
                .map(crate::domain::mask::mask_id_number)
                .unwrap_or_default(),
        ),
        ("业务类型", item.kind.label(Lang::Zh).into()),
        ("收件日期", received_on.to_string()),
        ("收件材料", handed.join("；")),
        (
            "办结期限",
            crate::domain::intake::decide_by(&cal, received_on)
                .date
                .to_string(),
        ),
    ]);
    Ok(values)
}

/// The written answer to a complainant (劳社部令25 art 18): the refusal
/// of a complaint past the 2-year limitation (条例 art 20), or where to turn
/// with one not this bureau's — only for a complaint so decided. Addressed
/// to the complainant by name; no ID number or phone on it.
async fn complaint_values(
    cx: &Cx<'_>,
    kind: DocKind,
    id: i64,
) -> Result<Vec<(&'static str, String)>, String> {
    use crate::domain::ComplaintDecision as D;
    use crate::domain::complaint_notice as notice;
    let Cx { store, lang, .. } = *cx;
    let c = store
        .complaint(id)
        .await
        .map_err(|e| i18n::store_error(lang, &e))?
        .ok_or_else(|| i18n::document_not_for(lang, kind, id))?;
    let mut values: Vec<(&'static str, String)> = vec![
        ("收件人", c.complainant_name.clone()),
        ("被投诉单位", c.respondent_name.clone()),
        ("投诉事项", i18n::matter_names(Lang::Zh, &c.matters)),
        ("收到投诉日期", notice::day(c.received_on)),
    ];
    match (kind, c.decision) {
        (DocKind::ComplaintRefusal, D::Refused) => {
            let review =
                super::case_papers::setting(store, "office.review_body", "石家庄市鹿泉区人民政府")
                    .await;
            let court =
                super::case_papers::setting(store, "office.court", "石家庄市鹿泉区人民法院").await;
            values.extend([
                (
                    "不予受理理由",
                    notice::refusal_reason(c.received_on, c.violation_on),
                ),
                ("救济途径", notice::refusal_relief(&review, &court)),
            ]);
        }
        (DocKind::ComplaintElsewhere, D::Elsewhere) => {
            values.push((
                "告知内容",
                notice::elsewhere_body(c.received_on, &c.referred_to),
            ));
        }
        (DocKind::ComplaintElsewhere, D::Referred) => {
            let committee = super::case_papers::setting(
                store,
                "office.arbitration",
                "石家庄市鹿泉区劳动人事争议仲裁委员会",
            )
            .await;
            values.push((
                "告知内容",
                notice::arbitration_body(c.received_on, &committee),
            ));
        }
        _ => return Err(i18n::document_not_for(lang, kind, id)),
    }
    Ok(values)
}

/// The values a document takes from its record (a filing, a licence's
/// step, a case and its file), and the number a returned filing's notice
/// was given already, if it was.
async fn record_values(
    cx: &Cx<'_>,
    kind: DocKind,
    id: i64,
) -> Result<(Vec<(&'static str, String)>, Option<(i64, i64)>), String> {
    let Cx { store, lang, .. } = *cx;
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let not_for = || i18n::document_not_for(lang, kind, id);
    let mut given = None;
    let mut values: Vec<(&'static str, String)> = Vec::new();
    match kind.record() {
        RecordKind::Filing if kind == DocKind::FilingReceipt => {
            values.extend(receipt_values(cx, id).await?)
        }
        RecordKind::Complaint => values.extend(complaint_values(cx, kind, id).await?),
        RecordKind::Filing => {
            let Some(Detail::Filing {
                item,
                decision: Some(d),
                reason,
                intake,
                ..
            }) = store.detail(ListKind::Filings, id).await.map_err(fail)?
            else {
                return Err(not_for());
            };
            if d != "return" {
                return Err(not_for());
            }
            // Addressed to the employer that filed, else to the person.
            let to = item
                .employer_name
                .clone()
                .or_else(|| item.person_name.clone())
                .unwrap_or_default();
            values.extend([
                ("收件人", to),
                ("参保单位", item.employer_name.unwrap_or_default()),
                ("参保人员", item.person_name.unwrap_or_default()),
                ("业务类型", item.kind.label(Lang::Zh).into()),
                (
                    "收件日期",
                    crate::domain::calendar::office_date(item.received_at).to_string(),
                ),
                // The day to correct by as stored with the return: a
                // reprint gives the date the applicant was first given.
                (
                    "告知内容",
                    notice_body(&i18n::notice_as_sent(&reason, intake.correction_due)),
                ),
            ]);
        }
        RecordKind::Inspection => {
            let Some(Detail::Inspection {
                item,
                notice: Some(n),
                inspectors,
                ..
            }) = store
                .detail(ListKind::Inspections, id)
                .await
                .map_err(fail)?
            else {
                return Err(not_for());
            };
            // The notice was numbered when served on the spot.
            given = Some((n.year, n.seq));
            values.extend([
                ("机构名称", item.holder),
                ("许可证号", item.licence_number),
                ("检查日期", n.issued_on.to_string()),
                ("违约事项", n.content),
                ("检查人员", inspectors.join("、")),
            ]);
        }
        RecordKind::SanctionStep => {
            let facts = store
                .sanction_step_facts(id)
                .await
                .map_err(fail)?
                .ok_or_else(not_for)?;
            let Some(deadline) = facts.deadline else {
                return Err(not_for());
            };
            let step = facts.step.label(Lang::Zh).into();
            values.extend([
                ("机构名称", facts.holder),
                ("许可证号", facts.licence_number),
                ("处理措施", step),
                ("事实和理由", facts.reason),
                ("整改期限", deadline.to_string()),
                ("决定人", facts.decided_by),
            ]);
        }
        RecordKind::Case => {
            let Some(Detail::Case {
                item,
                facts,
                files,
                state: Some(state),
                ..
            }) = store.detail(ListKind::Cases, id).await.map_err(fail)?
            else {
                return Err(not_for());
            };
            // Only once the procedure has taken the step that issues it.
            let on_file: Vec<&str> = files.iter().map(|f| f.kind.code()).collect();
            let stage = item.stage;
            if !documents::case_may_render(kind, stage, &on_file) {
                return Err(i18n::case_step_first(lang, kind, id));
            }
            let paper = super::case_papers::values(store, kind, &item, facts, &files, &state)
                .await
                .map_err(|e| match e {
                    super::case_papers::Unfit::WrongDecision => not_for(),
                    super::case_papers::Unfit::Store(e) => fail(e),
                })?;
            values.extend(paper);
        }
    }
    Ok((values, given))
}

/// The stored notice as the document's body: its own first line, the
/// document's title, is the document's already; blank lines at the end go.
fn notice_body(notice: &str) -> String {
    let title = DocKind::CorrectionNotice.title(Lang::Zh);
    let mut lines: Vec<&str> = notice.lines().collect();
    if lines.first().is_some_and(|l| l.trim() == title) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// A rendered document's file name: `KIND-NUMBER.docx` (the number as the
/// office writes it, with what a file name cannot hold replaced).
pub fn file_name(kind: DocKind, number: &str) -> String {
    let safe: String = number
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .collect();
    format!("{}-{safe}.docx", kind.title(Lang::Zh))
}

/// The folder documents go to as `settings` say (the home folder, or the
/// office's documents folder), or the sentence why it cannot be used.
pub fn documents_folder(
    lang: Lang,
    settings: &printing::Settings,
) -> Result<std::path::PathBuf, String> {
    printing::documents_folder(settings.documents_dir.as_deref())
        .map_err(|p| i18n::documents_folder_bad(lang, &p))
}

/// `p` and `P`: renders document `kind` for record `id` into the documents
/// folder, owner-only, and sends it to the printer when one is set; Ok is
/// the sentence saying where (and which job), Err why not.
pub async fn print(
    cx: &Cx<'_>,
    kind: DocKind,
    id: i64,
    settings: &printing::Settings,
) -> Result<String, String> {
    // The folder first: a number, once given, is never given again.
    let dir = documents_folder(cx.lang, settings)?;
    let r = render(cx, kind, id).await?;
    let path = dir.join(file_name(kind, &r.number));
    deliver(
        cx.lang,
        kind,
        &r,
        &path,
        settings.printer.as_ref(),
        settings,
    )
    .await
}

/// Writes a rendered document at `path` (owner-only, created new) and,
/// when `printer` is given, sends it there as PDF (off the async tasks, the
/// programs killed when they hang).
pub async fn deliver(
    lang: Lang,
    kind: DocKind,
    r: &Rendered,
    path: &std::path::Path,
    printer: Option<&printing::Printer>,
    settings: &printing::Settings,
) -> Result<String, String> {
    crate::sheet::write_private(path, &r.bytes)
        .map_err(|e| i18n::list_export_failed(lang, &e.to_string()))?;
    let Some(printer) = printer else {
        return Ok(said(lang, kind, r, path));
    };
    let (bytes, queue) = (r.bytes.clone(), printer.clone());
    let tools = printing::Tools::find(settings.search_path.as_deref());
    let title = format!("{} {}", kind.title(Lang::Zh), r.number);
    let sent =
        tokio::task::spawn_blocking(move || printing::print_docx(&tools, &bytes, &title, &queue))
            .await
            .unwrap_or_else(|e| Err(printing::Failure::Io(e.to_string())));
    let shown = path.display().to_string();
    match sent {
        Ok(job) => Ok(i18n::printed(
            lang,
            kind,
            &r.number,
            &shown,
            printer.name(),
            job.as_deref(),
        )),
        Err(why) => Err(i18n::not_printed(
            lang,
            kind,
            &r.number,
            &shown,
            printer.name(),
            &why,
        )),
    }
}

/// The sentence for a rendered document.
pub fn said(lang: Lang, kind: DocKind, r: &Rendered, path: &std::path::Path) -> String {
    i18n::document_rendered(lang, kind, &r.number, &path.display().to_string())
}

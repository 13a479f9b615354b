//! The effects run off the UI task: each a tokio task (a search on a
//! blocking thread) whose answer comes back to the loop as an event.

use super::app::{App, AppEvent, Effect};
use super::{casework, form, imports, lookup, supervision};
use crate::domain::{Staff, WorkCalendar};
use crate::i18n::{self};
use crate::store::Store;
use crate::workflow::Cx;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use tokio::sync::mpsc::UnboundedSender;

/// What the effects need besides the store.
pub(super) struct Runner {
    pub(super) store: Store,
    pub(super) tx: UnboundedSender<AppEvent>,
    pub(super) today: chrono::NaiveDate,
    pub(super) database: crate::store::DatabaseUrl,
    pub(super) staff: Staff,
    pub(super) calendar: Arc<WorkCalendar>,
    /// The newest search's number: an older search sees it move and stops.
    pub(super) search_generation: Arc<AtomicU64>,
    /// The review lease the config files set, if they do.
    pub(super) lease: Option<crate::config::Lease>,
    /// Effects started and not yet finished: the headless desk waits for
    /// none, rather than for a quiet spell a slow machine may outlast.
    pub(super) in_flight: Arc<AtomicUsize>,
}

/// Counts one effect as running until dropped, which is after everything
/// it sends (an early return and a panic included).
struct Running(Arc<AtomicUsize>);

impl Running {
    fn start(count: &Arc<AtomicUsize>) -> Running {
        count.fetch_add(1, Ordering::SeqCst);
        Running(count.clone())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Runner {
    pub(super) fn run(&self, app: &App, effect: Effect) {
        let store = self.store.clone();
        let tx = self.tx.clone();
        // A desk left open overnight works on the new day's date.
        let today = self.store.clock().today().max(self.today);
        let staff = self.staff.clone();
        let calendar = self.calendar.clone();
        let index = app.index.clone();
        let lang = app.lang;
        let lang_free = |e: crate::store::StoreError| e.to_string();
        let lease = self.lease;
        match effect {
            Effect::Search(ask) => {
                let Some(index) = app.index.clone() else {
                    return;
                };
                let generation = self.search_generation.clone();
                generation.store(ask.generation, Ordering::Relaxed);
                let running = Running::start(&self.in_flight);
                tokio::task::spawn_blocking(move || {
                    let _running = running;
                    let hits = index.search(
                        &ask.query,
                        ask.filter,
                        lookup::LIMIT,
                        ask.previous.as_deref(),
                        Some((&generation, ask.generation)),
                    );
                    let _ = tx.send(AppEvent::Searched {
                        generation: ask.generation,
                        query: ask.query,
                        hits: hits.map(Box::new),
                    });
                });
                return;
            }
            Effect::BuildIndex => {
                let database = self.database.clone();
                let running = Running::start(&self.in_flight);
                tokio::spawn(async move {
                    let _running = running;
                    let r = crate::search::load_or_build(&store, &database, today)
                        .await
                        .map(Arc::new)
                        .map_err(lang_free);
                    let _ = tx.send(AppEvent::IndexReady(r));
                });
                return;
            }
            _ => {}
        }
        let running = Running::start(&self.in_flight);
        tokio::spawn(async move {
            let _running = running;
            let cx = Cx {
                store: &store,
                calendar: &calendar,
                staff: &staff,
                lang,
                today,
            };
            let event = match effect {
                Effect::LoadPage(ask) => {
                    let result = store
                        .list_page(ask.kind, &ask.request)
                        .await
                        .map_err(lang_free);
                    // The queue's rows get their full problem count after them.
                    let ids: Vec<i64> = match (&ask.kind, &result) {
                        (crate::store::ListKind::Filings, Ok(rows)) => {
                            rows.iter().map(|r| r.id()).collect()
                        }
                        _ => Vec::new(),
                    };
                    let _ = tx.send(AppEvent::Page { ask, result });
                    if ids.is_empty() {
                        return;
                    }
                    AppEvent::ProblemCounts(
                        crate::workflow::problem_counts(&store, today, &ids).await,
                    )
                }
                Effect::LoadDetail { kind, id } => {
                    let result = store.detail(kind, id).await.map_err(lang_free);
                    let _ = tx.send(AppEvent::Detail { kind, id, result });
                    if kind != crate::store::ListKind::Filings {
                        return;
                    }
                    // A pending filing's detail lists what its checks find now.
                    match crate::workflow::recheck(&store, today, Some(&[id])).await {
                        Ok(mut found) => match found.remove(&id) {
                            Some(problems) => AppEvent::FilingProblems {
                                id,
                                problems: Ok(problems),
                            },
                            None => return,
                        },
                        Err(e) => AppEvent::FilingProblems {
                            id,
                            problems: Err(lang_free(e)),
                        },
                    }
                }
                Effect::LoadBoard {
                    section,
                    lang,
                    generation,
                } => AppEvent::Board {
                    generation,
                    result: crate::workflow::board::load(&store, lang, section, today, &calendar)
                        .await,
                },
                Effect::ShowDraw { id, lang } => AppEvent::TextReady(
                    crate::workflow::draws::show(&store, lang, id)
                        .await
                        .map(|lines| (i18n::draw_title(lang, id), lines)),
                ),
                Effect::WriteTable { table, lang } => AppEvent::Exported(
                    crate::workflow::export::export_table(
                        &Cx { lang, ..cx },
                        "lookup",
                        &table,
                        &crate::workflow::export::lookup_path(store.clock().now()),
                    )
                    .await,
                ),
                Effect::PrintDocument { kind, id, lang } => AppEvent::Exported(
                    match crate::workflow::documents::render(&cx, kind, id).await {
                        Ok(r) => {
                            let path = crate::workflow::documents::default_path(kind, &r.number);
                            crate::sheet::write_private(&path, &r.bytes)
                                .map(|_| crate::workflow::documents::said(lang, kind, &r, &path))
                                .map_err(|e| i18n::list_export_failed(lang, &e.to_string()))
                        }
                        Err(e) => Err(e),
                    },
                ),
                Effect::ExportView {
                    source,
                    filter,
                    scope,
                    lang,
                } => AppEvent::Exported(
                    crate::workflow::export::export(
                        &Cx { lang, ..cx },
                        source,
                        &filter,
                        &scope,
                        &crate::workflow::export::screen_path(source, store.clock().now()),
                        None,
                        None,
                    )
                    .await,
                ),
                Effect::PrepareInspection { id } => AppEvent::InspectionTarget {
                    id,
                    result: store.inspection_target(id).await.map_err(lang_free),
                },
                Effect::LoadStatistics { month } => AppEvent::Statistics {
                    month,
                    result: crate::workflow::statistics::load(&store, lang, month).await,
                },
                Effect::WriteReport { month, lang } => AppEvent::Exported(
                    crate::workflow::statistics::report(
                        &store,
                        lang,
                        month,
                        today,
                        &crate::workflow::statistics::report_path(month),
                    )
                    .await,
                ),
                Effect::LoadDashboard => AppEvent::Dashboard(
                    store
                        .dashboard(today, calendar.add_working_days(today, 5).date)
                        .await
                        .map_err(lang_free),
                ),
                Effect::LoadCounts => {
                    AppEvent::Counts(store.counts(today).await.map_err(lang_free))
                }
                Effect::PrepareDecision { id, decision, lang } => AppEvent::DecisionReady(
                    crate::workflow::draft(&Cx { lang, ..cx }, id, decision).await,
                ),
                Effect::Decide(ask) => AppEvent::Decided(
                    crate::workflow::decide(&cx, ask.id, ask.version, ask.decision, &ask.text)
                        .await,
                ),
                Effect::ApproveTagged { ids, lang } => {
                    AppEvent::Decided(crate::workflow::approve_all(&Cx { lang, ..cx }, &ids).await)
                }
                Effect::TakeLease { id } => {
                    AppEvent::LeaseHeld(crate::workflow::take_lease(&cx, id, lease).await)
                }
                Effect::Reveal { id, reason } => {
                    // The rule is the domain's: the runner's staff is who is working.
                    let result = if staff.acted_by.is_some() {
                        Err(crate::i18n::not_on_behalf(lang).to_string())
                    } else if !crate::domain::mask::substantive_reason(&reason) {
                        Err(crate::i18n::reveal_reason_says_nothing(lang).to_string())
                    } else if staff.may_reveal() {
                        store
                            .reveal_person(&staff.login, id, &reason)
                            .await
                            .map_err(lang_free)
                    } else {
                        Err(crate::i18n::reveal_refused(lang).to_string())
                    };
                    AppEvent::Revealed { id, result }
                }
                Effect::Recheck => {
                    // The counts of every pending filing first, then the tally.
                    match crate::workflow::recheck(&store, today, None).await {
                        Ok(found) => {
                            let counts = found.into_iter().map(|(id, p)| (id, p.len())).collect();
                            let _ = tx.send(AppEvent::ProblemCounts(counts));
                            AppEvent::Tally(store.problem_tally().await.map_err(lang_free))
                        }
                        Err(e) => AppEvent::Tally(Err(lang_free(e))),
                    }
                }
                Effect::RecomputeDeadlines => AppEvent::DeadlinesRecomputed(
                    crate::workflow::cases::recompute_deadlines(&store, &calendar, today)
                        .await
                        .map_err(lang_free),
                ),
                Effect::MoveCase(ask) => {
                    let decision = ask.decision.as_ref().map(|(article, workers, owed, fine)| {
                        (
                            article.as_str(),
                            crate::domain::fines::Basis {
                                workers: *workers,
                                owed: *owed,
                                ..Default::default()
                            },
                            *fine,
                        )
                    });
                    let step = crate::workflow::cases::Step {
                        m: ask.step,
                        on: ask.on.unwrap_or(today),
                        served_by: ask.served_by,
                        decision: decision.map(|(article, basis, amount)| {
                            crate::domain::procedure::decide::Asked {
                                kind: ask.kind,
                                article,
                                basis,
                                amount: Some(amount),
                            }
                        }),
                        note: &ask.note,
                        approved_by: &ask.approved_by,
                        until: ask.until,
                    };
                    AppEvent::CaseDone(
                        crate::workflow::cases::make_move_on(
                            &Cx {
                                lang: ask.lang,
                                ..cx
                            },
                            ask.id,
                            &step,
                        )
                        .await,
                    )
                }
                Effect::SubmitForm { form, lang } => AppEvent::FormDone(
                    match super::receiving::submit(&Cx { lang, ..cx }, &form, index.as_deref())
                        .await
                    {
                        Some(reply) => reply,
                        None => submit_form(&Cx { lang, ..cx }, &form, index.as_deref())
                            .await
                            .map(form::FormReply::Done),
                    },
                ),
                Effect::LoadInspectors { ids } => AppEvent::Inspectors {
                    ids,
                    result: store.inspector_loads().await.map_err(lang_free),
                },
                Effect::AssignCase {
                    ids,
                    officer,
                    inspectors,
                    lang,
                } => {
                    let logins: Vec<&str> = inspectors.iter().map(String::as_str).collect();
                    AppEvent::CaseDone(
                        crate::workflow::cases::assign_all(
                            &Cx { lang, ..cx },
                            &ids,
                            &officer,
                            &logins,
                        )
                        .await,
                    )
                }
                Effect::MoveCases { ids, step, lang } => AppEvent::CaseDone(
                    crate::workflow::cases::move_all(&Cx { lang, ..cx }, &ids, step).await,
                ),
                Effect::TagAllCases(scope, filter) => {
                    let ask = crate::store::PageRequest {
                        dir: crate::store::Direction::Forward,
                        from: None,
                        limit: 200_000,
                        filter,
                        scope,
                    };
                    AppEvent::CasesTagged(
                        store
                            .list_page(crate::store::ListKind::Cases, &ask)
                            .await
                            .map(|rows| rows.iter().map(|r| r.id()).collect())
                            .map_err(lang_free),
                    )
                }
                Effect::LoadViews => AppEvent::ViewsLoaded(load_views(&store, staff.id).await),
                Effect::SaveView(view, lang) => {
                    match store
                        .save_view(&staff, &view.name, &view.definition())
                        .await
                    {
                        Ok(()) => {
                            let _ =
                                tx.send(AppEvent::CaseDone(Ok(i18n::view_saved(lang, &view.name))));
                            AppEvent::ViewsLoaded(load_views(&store, staff.id).await)
                        }
                        Err(e) => AppEvent::CaseDone(Err(i18n::store_error(lang, &e))),
                    }
                }
                Effect::ExportCases { ids, lang } => AppEvent::CaseDone(
                    crate::workflow::cases::export(&store, &calendar, lang, today, &ids).await,
                ),
                Effect::LoadTally => {
                    AppEvent::Tally(store.problem_tally().await.map_err(lang_free))
                }
                Effect::TagClean { lang } => AppEvent::CleanFilings(
                    crate::workflow::clean_filings(&store, lang, today).await,
                ),
                Effect::Quit | Effect::Search(_) | Effect::BuildIndex => return,
            };
            let _ = tx.send(event);
        });
    }
}

async fn load_views(store: &Store, staff: i64) -> Result<Vec<casework::SavedView>, String> {
    Ok(store
        .saved_views(staff)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter_map(|(name, def)| casework::SavedView::from_stored(name, &def))
        .collect())
}

/// Registers what a form holds; Ok is the sentence to show.
async fn submit_form(
    cx: &Cx<'_>,
    form: &form::Form,
    index: Option<&crate::search::Index>,
) -> Result<String, String> {
    let Cx {
        store, lang, today, ..
    } = *cx;
    let day = |key: &str| -> Result<Option<chrono::NaiveDate>, String> {
        let v = form.value(key);
        if v.is_empty() {
            return Ok(None);
        }
        chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| i18n::not_a_date(lang, &v))
    };
    if form.purpose == form::Purpose::Import {
        return imports::submit(cx, form).await;
    }
    if let Some(done) = supervision::submit(cx, form).await {
        return done;
    }
    match form.purpose {
        form::Purpose::Complaint => {
            let typed = form.value("respondent");
            // Found as the lookup finds it: credit code, name, pinyin, initials.
            let employer =
                match crate::workflow::complaints::resolve_respondent(store, index, &typed)
                    .await
                    .map_err(|e| i18n::store_error(lang, &e))?
                {
                    crate::workflow::complaints::Respondent::Found(id, name) => Some((id, name)),
                    crate::workflow::complaints::Respondent::Named(_) => None,
                    crate::workflow::complaints::Respondent::Several(names) => {
                        return Err(i18n::respondent_several(lang, &names));
                    }
                };
            let respondent = typed;
            let intake = crate::domain::complaint::Intake {
                complainant_id: form.value("id_number"),
                complainant: form.value("complainant"),
                respondent: employer.as_ref().map_or(respondent, |(_, n)| n.clone()),
                respondent_known: employer.is_some(),
                matters: form
                    .value("matters")
                    .split(',')
                    .filter_map(crate::domain::InspectionMatter::parse)
                    .collect(),
                facts: form.value("facts"),
                channel: form.value("channel"),
                received_on: day("received")?.unwrap_or(today),
                violation_on: day("violation_on")?,
                labour_dispute: false,
            };
            let who = crate::workflow::complaints::Complainant {
                id_number: form.value("id_number"),
                phone: form.value("phone"),
            };
            let (id, outcome, due) = crate::workflow::complaints::register(
                cx,
                &intake,
                &who,
                employer.map(|(id, _)| id),
                !form.value("mass").is_empty(),
            )
            .await?;
            Ok(i18n::complaint_registered(lang, id, due, &outcome))
        }
        form::Purpose::Evidence { case } => {
            let kind = crate::domain::CaseFileKind::parse(&form.value("kind"))
                .ok_or_else(|| i18n::unknown_file_kind(lang, &form.value("kind")))?;
            crate::workflow::cases::add_to_file(
                cx,
                case,
                kind,
                day("on")?.unwrap_or(today),
                &form.value("kept_at"),
                &form.value("note"),
            )
            .await
        }
        form::Purpose::Inspection { .. }
        | form::Purpose::Sanction { .. }
        | form::Purpose::Lead { .. }
        | form::Purpose::Import
        | form::Purpose::ReceiveStart
        | form::Purpose::Receive(_) => unreachable!("registered above"),
    }
}

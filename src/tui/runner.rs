//! The effects run off the UI task: each a tokio task (a search on a
//! blocking thread) whose answer comes back to the loop as an event.

use super::app::{App, AppEvent, Effect};
use super::submission::Submission;
use super::{casework, form, lookup};
use crate::domain::{Staff, WorkCalendar};
use crate::i18n::{self, Lang};
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
    /// Where documents go and the printer they are sent to.
    pub(super) printing: Arc<crate::printing::Settings>,
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
    /// Starts `effect`; its answer comes back on the channel as an event.
    pub(super) fn run(&self, app: &App, effect: Effect) {
        // A desk left open overnight works on the new day's date.
        let today = self.store.clock().today().max(self.today);
        match effect {
            Effect::Quit => return,
            Effect::Search(ask) => return self.search(app, ask),
            Effect::BuildIndex => return self.build_index(today),
            _ => {}
        }
        let task = Task {
            store: self.store.clone(),
            tx: self.tx.clone(),
            staff: self.staff.clone(),
            calendar: self.calendar.clone(),
            index: app.index.clone(),
            lang: app.lang,
            today,
            lease: self.lease,
            printing: self.printing.clone(),
        };
        let running = Running::start(&self.in_flight);
        tokio::spawn(async move {
            let _running = running;
            if let Some(event) = task.answer(effect).await {
                let _ = task.tx.send(event);
            }
        });
    }

    /// A search runs on a blocking thread and stops when a newer one starts.
    fn search(&self, app: &App, ask: super::lookup::SearchAsk) {
        let Some(index) = app.index.clone() else {
            return;
        };
        let (tx, generation) = (self.tx.clone(), self.search_generation.clone());
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
    }

    fn build_index(&self, today: chrono::NaiveDate) {
        let (store, tx, database) = (self.store.clone(), self.tx.clone(), self.database.clone());
        let running = Running::start(&self.in_flight);
        tokio::spawn(async move {
            let _running = running;
            let r = crate::search::load_or_build(&store, &database, today)
                .await
                .map(Arc::new)
                .map_err(|e| e.to_string());
            let _ = tx.send(AppEvent::IndexReady(r));
        });
    }
}

/// What one effect needs, owned by its task.
struct Task {
    store: Store,
    tx: UnboundedSender<AppEvent>,
    staff: Staff,
    calendar: Arc<WorkCalendar>,
    index: Option<Arc<crate::search::Index>>,
    lang: Lang,
    today: chrono::NaiveDate,
    lease: Option<crate::config::Lease>,
    printing: Arc<crate::printing::Settings>,
}

/// A store error as the screen shows it where no sentence is kept for it.
fn plain(e: crate::store::StoreError) -> String {
    e.to_string()
}

impl Task {
    fn cx(&self, lang: Lang) -> Cx<'_> {
        Cx {
            store: &self.store,
            calendar: &self.calendar,
            staff: &self.staff,
            lang,
            today: self.today,
        }
    }

    /// The effect's answer, one workflow (or store) call each; None when
    /// the effect sent its answers itself or has none.
    async fn answer(&self, effect: Effect) -> Option<AppEvent> {
        use crate::workflow::supervision::sections;
        use crate::workflow::{self as work, cases, draws, export, statistics};
        let (store, today, lang) = (&self.store, self.today, self.lang);
        let cx = self.cx(lang);
        Some(match effect {
            Effect::LoadPage(ask) => return self.load_page(ask).await,
            Effect::LoadDetail { kind, id } => return self.load_detail(kind, id).await,
            Effect::Recheck => self.recheck().await,
            Effect::LoadSection {
                section,
                lang,
                generation,
            } => AppEvent::Section {
                generation,
                result: sections::load(store, lang, section, today, &self.calendar).await,
            },
            Effect::ShowDraw { id, lang } => AppEvent::TextReady(
                draws::show(store, lang, id)
                    .await
                    .map(|lines| (i18n::draw_title(lang, id), lines)),
            ),
            Effect::WriteTable { table, lang } => {
                let path = export::lookup_path(store.clock().now());
                AppEvent::Exported(
                    export::export_table(&self.cx(lang), "lookup", &table, &path).await,
                )
            }
            Effect::PrintDocument { kind, id, lang } => AppEvent::Exported(
                work::documents::print(&self.cx(lang), kind, id, &self.printing).await,
            ),
            Effect::ExportView {
                source,
                filter,
                scope,
                lang,
            } => {
                let path = export::screen_path(source, store.clock().now());
                let cx = self.cx(lang);
                AppEvent::Exported(
                    export::export(&cx, source, &filter, &scope, &path, None, None).await,
                )
            }
            Effect::PrepareInspection { id } => AppEvent::InspectionTarget {
                id,
                result: store.inspection_target(id).await.map_err(plain),
            },
            Effect::LoadStatistics { month } => AppEvent::Statistics {
                month,
                result: statistics::load(store, lang, month).await,
            },
            Effect::WriteReport { month, lang } => {
                let path = statistics::report_path(month);
                AppEvent::Exported(statistics::report(store, lang, month, today, &path).await)
            }
            Effect::LoadDashboard => AppEvent::Dashboard(work::dashboard(&cx).await.map_err(plain)),
            Effect::LoadCounts => AppEvent::Counts(work::counts(&cx).await.map_err(plain)),
            Effect::PrepareGroup { campaign } => {
                AppEvent::GroupReady(group_form(store, lang, campaign).await)
            }
            Effect::CountCaseViews(scopes) => {
                AppEvent::CaseViewCounts(store.case_view_counts(&scopes).await.map_err(plain))
            }
            Effect::LoadComplaints { lang } => {
                AppEvent::Complaints(work::complaints::inbox(&self.cx(lang), false).await)
            }
            Effect::DecideComplaint {
                id,
                dispute,
                elsewhere,
                note,
                lang,
            } => AppEvent::ComplaintDecided(
                work::complaints::decide(&self.cx(lang), id, dispute, &elsewhere, note.trim())
                    .await,
            ),
            Effect::PrepareDecision { id, decision, lang } => {
                AppEvent::DecisionReady(work::draft(&self.cx(lang), id, decision).await)
            }
            Effect::Decide(ask) => AppEvent::Decided(
                work::decide(&cx, ask.id, ask.version, ask.decision, &ask.text).await,
            ),
            Effect::ApproveTagged { ids, lang, shown } => {
                AppEvent::Decided(work::approve_all(&self.cx(lang), &ids, &shown).await)
            }
            Effect::TakeLease { id } => {
                AppEvent::LeaseHeld(work::take_lease(&cx, id, self.lease).await)
            }
            Effect::Reveal { id, reason } => AppEvent::Revealed {
                id,
                result: work::reveal(&cx, id, &reason).await,
            },
            Effect::RecomputeDeadlines => AppEvent::DeadlinesRecomputed(
                cases::recompute_deadlines(store, &self.calendar, today)
                    .await
                    .map_err(plain),
            ),
            Effect::MoveCase(ask) => AppEvent::CaseDone(
                cases::make_move_on(&self.cx(ask.lang), ask.id, &ask.step(today)).await,
            ),
            Effect::SubmitForm { submission, lang } => {
                AppEvent::FormDone(submit(&self.cx(lang), submission, self.index.as_deref()).await)
            }
            Effect::LoadInspectors { ids } => AppEvent::Inspectors {
                ids,
                result: store.inspector_loads().await.map_err(plain),
            },
            Effect::AssignCase {
                ids,
                officer,
                inspectors,
                lang,
            } => {
                let logins: Vec<&str> = inspectors.iter().map(String::as_str).collect();
                AppEvent::CaseDone(cases::assign_all(&self.cx(lang), &ids, &officer, &logins).await)
            }
            Effect::MoveCases { ids, step, lang } => {
                AppEvent::CaseDone(cases::move_all(&self.cx(lang), &ids, step).await)
            }
            Effect::TagAllCases(scope, filter) => self.tag_all_cases(scope, filter).await,
            Effect::LoadViews => AppEvent::ViewsLoaded(load_views(store, self.staff.id).await),
            Effect::SaveView(view, lang) => self.save_view(view, lang).await,
            Effect::ExportCases { ids, lang } => {
                AppEvent::CaseDone(cases::export(store, &self.calendar, lang, today, &ids).await)
            }
            Effect::LoadTally => AppEvent::Tally(store.problem_tally().await.map_err(plain)),
            Effect::TagClean { lang } => {
                AppEvent::CleanFilings(work::clean_filings(store, lang, today).await)
            }
            Effect::Quit | Effect::Search(_) | Effect::BuildIndex => return None,
        })
    }

    /// A page of a list; the queue's rows get their full problem count after.
    async fn load_page(&self, ask: super::pane::PageAsk) -> Option<AppEvent> {
        let result = self
            .store
            .list_page(ask.kind, &ask.request)
            .await
            .map_err(plain);
        let ids: Vec<i64> = match (&ask.kind, &result) {
            (crate::store::ListKind::Filings, Ok(rows)) => rows.iter().map(|r| r.id()).collect(),
            _ => Vec::new(),
        };
        let _ = self.tx.send(AppEvent::Page { ask, result });
        if ids.is_empty() {
            return None;
        }
        let counts = crate::workflow::problem_counts(&self.store, self.today, &ids).await;
        Some(AppEvent::ProblemCounts(counts))
    }

    /// A record's detail; a pending filing's with what its checks find now.
    async fn load_detail(&self, kind: crate::store::ListKind, id: i64) -> Option<AppEvent> {
        let result = self.store.detail(kind, id).await.map_err(plain);
        let _ = self.tx.send(AppEvent::Detail { kind, id, result });
        if kind != crate::store::ListKind::Filings {
            return None;
        }
        let problems = match crate::workflow::recheck(&self.store, self.today, Some(&[id])).await {
            Ok(mut found) => Ok(found.remove(&id)?),
            Err(e) => Err(plain(e)),
        };
        Some(AppEvent::FilingProblems { id, problems })
    }

    /// The counts of every pending filing first, then the tally.
    async fn recheck(&self) -> AppEvent {
        match crate::workflow::recheck(&self.store, self.today, None).await {
            Ok(found) => {
                let counts = found.into_iter().map(|(id, p)| (id, p.len())).collect();
                let _ = self.tx.send(AppEvent::ProblemCounts(counts));
                AppEvent::Tally(self.store.problem_tally().await.map_err(plain))
            }
            Err(e) => AppEvent::Tally(Err(plain(e))),
        }
    }

    /// Every case of the view (its filter and scope), to tag.
    async fn tag_all_cases(&self, scope: crate::store::QueueScope, filter: String) -> AppEvent {
        let ask = crate::store::PageRequest {
            dir: crate::store::Direction::Forward,
            from: None,
            limit: 200_000,
            filter,
            scope,
        };
        let rows = self
            .store
            .list_page(crate::store::ListKind::Cases, &ask)
            .await;
        AppEvent::CasesTagged(
            rows.map(|r| r.iter().map(|r| r.id()).collect())
                .map_err(plain),
        )
    }

    /// A view saved: said, then the views read again.
    async fn save_view(&self, view: casework::SavedView, lang: Lang) -> AppEvent {
        let saved = self
            .store
            .save_view(&self.staff, &view.name, &view.definition())
            .await;
        match saved {
            Ok(()) => {
                let said = i18n::view_saved(lang, &view.name);
                let _ = self.tx.send(AppEvent::CaseDone(Ok(said)));
                AppEvent::ViewsLoaded(load_views(&self.store, self.staff.id).await)
            }
            Err(e) => AppEvent::CaseDone(Err(i18n::store_error(lang, &e))),
        }
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

/// A complaint registered, or the employers to choose its respondent from
/// (the form's respondent line becomes the list).
fn complaint_reply(
    lang: crate::i18n::Lang,
    asked: crate::workflow::complaints::Asked,
) -> form::FormReply {
    use crate::workflow::complaints::Asked;
    match asked {
        Asked::Registered(said) => form::FormReply::Done(said),
        Asked::Choose(found) => form::FormReply::Choose {
            key: "respondent",
            note: i18n::respondent_several(lang, found.len()),
            options: found
                .iter()
                .map(|e| {
                    let label =
                        i18n::employer_choice(lang, &e.name, &e.uscc, &e.town, &e.legal_rep);
                    (e.uscc.clone(), label)
                })
                .collect(),
        },
    }
}

/// Campaign `campaign`'s form with the inspections it may take in.
async fn group_form(
    store: &crate::store::Store,
    lang: crate::i18n::Lang,
    campaign: i64,
) -> Result<form::Form, String> {
    let fail = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let c = store
        .campaigns(Some(campaign))
        .await
        .map_err(fail)?
        .into_iter()
        .next()
        .ok_or_else(|| i18n::choose_a_campaign(lang).to_string())?;
    let found = store
        .inspections_to_group(c.starts_on, c.ends_on)
        .await
        .map_err(fail)?;
    if found.is_empty() {
        return Err(i18n::nothing_to_group(lang).to_string());
    }
    Ok(super::chief_forms::group_form(
        lang, campaign, &c.theme, &found,
    ))
}

/// One of the chief's acts, as the command line does it.
async fn chief(cx: &Cx<'_>, ask: super::chief_forms::ChiefAsk) -> Result<String, String> {
    use super::chief_forms::ChiefAsk;
    use crate::workflow::{campaigns, draws, zones};
    match ask {
        ChiefAsk::Draw {
            name,
            kind,
            zone,
            plan,
        } => {
            let d = draws::run(cx, &name, kind.trim(), zone.trim(), plan).await?;
            // The seed first, as the command line says it.
            let mut said = vec![
                i18n::draw_seed(cx.lang, d.seed),
                i18n::draw_done(cx.lang, &d),
            ];
            for u in &d.result.unstaffed {
                said.push(i18n::draw_unstaffed(cx.lang, u.target, u.eligible));
            }
            Ok(said.join(" "))
        }
        ChiefAsk::Campaign {
            theme,
            patrol,
            from,
            to,
        } => campaigns::add(cx, &theme, patrol, from, to).await,
        ChiefAsk::Team { name, members } => zones::add_team(cx, &name, &members).await,
        // Each licence as `annual receive|result` records it; one refused
        // (not an HR agency's or school's licence…) is said, the rest kept.
        ChiefAsk::Annual {
            licences,
            year,
            result,
            note,
        } => {
            let mut done = 0;
            let mut refused = None;
            for licence in &licences {
                match crate::workflow::annual::record(cx, *licence, year, result, &note).await {
                    Ok(_) => done += 1,
                    Err(e) => {
                        refused.get_or_insert(e);
                    }
                }
            }
            if done == 0
                && let Some(e) = refused
            {
                return Err(e);
            }
            Ok(i18n::annual_batch(cx.lang, done, refused.as_deref()))
        }
        ChiefAsk::Group {
            campaign,
            inspections,
        } => campaigns::group(cx, campaign, &inspections).await,
        ChiefAsk::Settlements { file, audit } => {
            crate::workflow::supervision::settlements_from_file(cx, &file, audit).await
        }
    }
}

/// Does what a sent form asks: one workflow call for each kind.
async fn submit(
    cx: &Cx<'_>,
    submission: Submission,
    index: Option<&crate::search::Index>,
) -> Result<form::FormReply, String> {
    use crate::workflow::{cases, complaints, import, leads, supervision};
    let done = match submission {
        Submission::Receive(form) => return super::receiving::submit(cx, &form, index).await,
        Submission::Complaint(ask) => {
            return Ok(complaint_reply(
                cx.lang,
                complaints::register_asked(cx, index, &ask).await?,
            ));
        }
        Submission::Evidence {
            case,
            kind,
            on,
            kept_at,
            note,
        } => {
            let on = on.unwrap_or(cx.today);
            cases::add_to_file(cx, case, kind, on, &kept_at, &note).await
        }
        Submission::Inspection {
            id,
            items,
            origin,
            approach,
        } => supervision::record(cx, id, &items, None, origin.as_deref(), &approach).await,
        Submission::Sanction {
            licence,
            step,
            until,
            reason,
        } => {
            let t = supervision::TakeStep {
                licence,
                step,
                on: cx.today,
                until,
                reason: &reason,
                source: crate::domain::CaseSource::Patrol,
                from_inspection: None,
            };
            supervision::sanction(cx, &t).await
        }
        Submission::Lead {
            licence,
            source,
            summary,
        } => leads::add(cx, licence, &source, &summary).await,
        Submission::Import(ask) => import::from_desk(cx, &ask).await,
        Submission::Chief(ask) => chief(cx, ask).await,
    };
    done.map(form::FormReply::Done)
}

//! The screen without a terminal: the same app and the same effect runner
//! as `run`, against a real store, with keys fed in and the screen read back
//! as text. Tests drive whole interactions through it — a key, the workflow
//! it starts, the database's answer, the sentence shown — in-process.

use super::app::{App, AppEvent, Effect};
use super::keymap::Keymap;
use super::{Runner, render};
use crate::domain::Staff;
use crate::i18n::Lang;
use crate::store::{DatabaseUrl, Store};
use ratatui::crossterm::event::KeyEvent;
use std::time::Duration;
use tokio::sync::mpsc::UnboundedReceiver;

pub struct Desk {
    pub app: App,
    runner: Runner,
    rx: UnboundedReceiver<AppEvent>,
}

impl Desk {
    /// A desk for `staff` on `store`, `size` columns × rows, its first
    /// loads done. Its clock is pinned to `today`, so what it shows reads
    /// the same on any day.
    pub async fn open(
        store: &Store,
        database: &DatabaseUrl,
        staff: &Staff,
        lang: Lang,
        today: chrono::NaiveDate,
        size: (u16, u16),
    ) -> Desk {
        let mut store = store.clone();
        store.set_clock(crate::clock::Clock::Pinned(today));
        let store = &store;
        let calendar = super::office_calendar(store)
            .await
            .expect("the calendar is readable");
        let keymap = Keymap::shipped("default").expect("the default keymap ships");
        let (app, effects, runner, rx) = super::Opening {
            store,
            staff,
            lang,
            database,
            keymap,
            calendar,
            today,
            size,
            lease: None,
            printing: crate::printing::Settings::default(),
        }
        .open()
        .await;
        let mut desk = Desk { app, runner, rx };
        desk.effects(effects);
        desk.settle().await;
        desk
    }

    /// Documents printed from this desk go to `settings`' folder and
    /// printer (as the config files would say).
    pub fn set_printing(&mut self, settings: crate::printing::Settings) {
        self.runner.printing = std::sync::Arc::new(settings);
    }

    fn effects(&mut self, effects: Vec<Effect>) {
        for e in effects {
            self.runner.run(&self.app, e);
        }
    }

    /// Handles what the effects answer until none is running and nothing
    /// is left to handle (each answer may start more effects).
    pub async fn settle(&mut self) {
        use std::sync::atomic::Ordering;
        use tokio::sync::mpsc::error::TryRecvError;
        let start = std::time::Instant::now();
        loop {
            match self.rx.try_recv() {
                Ok(ev) => {
                    self.handle(ev);
                    continue;
                }
                Err(TryRecvError::Disconnected) => return,
                Err(TryRecvError::Empty) => {}
            }
            // An effect sends before it stops counting: none running and
            // nothing queued after that means nothing more comes.
            if self.runner.in_flight.load(Ordering::SeqCst) == 0 {
                if self.rx.is_empty() {
                    return;
                }
                continue;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "an effect ran for a minute"
            );
            // Short waits: an effect may end without sending anything.
            match tokio::time::timeout(Duration::from_millis(10), self.rx.recv()).await {
                Ok(Some(ev)) => self.handle(ev),
                Ok(None) => return,
                Err(_) => {}
            }
        }
    }

    fn handle(&mut self, ev: AppEvent) {
        let fx = self.app.handle(ev);
        self.effects(fx);
    }

    /// One key, and everything it leads to.
    pub async fn key(&mut self, key: KeyEvent) {
        let fx = self.app.handle(AppEvent::Key(key));
        self.effects(fx);
        self.settle().await;
    }

    /// The screen as text, a line a row.
    pub fn screen(&self) -> String {
        let (w, h) = self.app.size;
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h))
            .expect("a test backend");
        term.draw(|f| render(f, &self.app)).expect("drawn");
        render::screen_text(term.backend().buffer())
    }
}

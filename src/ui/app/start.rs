//! The window's start: the app made at once, while a thread reads the
//! content, which comes back as [`Message::Loaded`].

use std::sync::Arc;

use iced::Task;

use super::{App, Config, Message, first_screen};
use crate::content::{self, LoadReport};

impl App {
    /// The window's start: the app, while a thread reads the content, and
    /// the task that brings it ([`Message::Loaded`]). The window is created
    /// and its drawing surface readied in the meantime, instead of after the
    /// reading; it shows nothing but its background until then (a few
    /// milliseconds). If the thread cannot start, the content is read here.
    pub fn opening(config: Config) -> (App, Task<Message>) {
        let (sender, receiver) = iced::futures::channel::oneshot::channel();
        let (source, lang, today) = (config.source.clone(), config.lang, config.today);
        let reading = std::thread::Builder::new()
            .name("content".into())
            .spawn(move || {
                // The window may be gone already; then nobody waits for it.
                let _ = sender.send(content::load(&source, lang, today));
            });
        if reading.is_err() {
            return (App::new(config), Task::none());
        }
        let mut app = App::with_report(config, LoadReport::default());
        app.loading = true;
        let task = Task::perform(receiver, |report| {
            Message::Loaded(report.ok().map(Arc::new))
        });
        (app, task)
    }

    /// The content has been read: the window opens on it as [`App::new`]
    /// would have. What was done in the meantime (a resize, the modifiers)
    /// is kept.
    pub(super) fn loaded(&mut self, report: Option<Arc<LoadReport>>) {
        if !self.loading {
            return;
        }
        self.loading = false;
        self.report = match report {
            Some(report) => Arc::unwrap_or_clone(report),
            // The thread died.
            None => content::load(&self.config.source, self.lang, self.config.today),
        };
        self.screen = first_screen(&self.report, self.config.kiosk);
    }
}

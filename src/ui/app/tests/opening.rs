//! The real window's start: the content read by its own thread while the
//! window opens (`App::opening`), then brought by a subscription as
//! `Message::Loaded`.

use iced::futures::{self, StreamExt};

use super::*;

/// What the app's reading subscription brings, run to its end, as the
/// runtime would.
fn outputs(app: &App) -> Vec<Message> {
    let ticket = app.loading.expect("the content is being read");
    futures::executor::block_on(events::reading(&ticket).collect::<Vec<_>>())
}

fn opening_on(source: ContentSource) -> App {
    App::opening(Config::new(source, Lang::Fr, today())).0
}

#[test]
fn the_window_opens_empty_then_on_the_first_tab_once_its_thread_has_read_the_content() {
    let mut app = opening_on(ContentSource::Embedded);
    assert!(app.library().tabs.is_empty(), "nothing is read yet");
    let messages = outputs(&app);
    assert_eq!(messages.len(), 1, "one message: the content");
    for message in messages {
        assert!(matches!(message, Message::Loaded(Some(_))));
        let _ = app.update(message);
    }
    assert!(app.loading.is_none());
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(
        app.reader.tab(app.library()).map(|t| t.id.as_str()),
        Some("basics")
    );
    assert_eq!(app.library().tabs.len(), app_().library().tabs.len());
}

#[test]
fn broken_content_read_by_the_thread_opens_on_the_problems_screen() {
    let dir = copy_of_content();
    break_liver(dir.path());
    let mut app = opening_on(ContentSource::Dir(dir.path().to_path_buf()));
    for message in outputs(&app) {
        let _ = app.update(message);
    }
    assert_eq!(app.screen, Screen::Problems);
    assert!(app.report().failed_tabs.contains(&"liver".to_string()));
}

#[test]
fn if_the_thread_died_the_content_is_read_when_its_message_comes() {
    let mut app = opening_on(ContentSource::Embedded);
    let _ = app.update(Message::Loaded(None));
    assert!(app.loading.is_none());
    assert!(!app.library().tabs.is_empty());
    assert_eq!(app.screen, Screen::Reader);
}

#[test]
fn input_before_the_content_is_there_is_ignored_and_a_resize_is_kept() {
    let mut app = opening_on(ContentSource::Embedded);
    let _ = app.update(Message::SetLang(Lang::En));
    let _ = app.update(Message::Open(TabKey::Glossary));
    let _ = app.update(Message::Resized(Size::new(800.0, 600.0)));
    for message in outputs(&app) {
        let _ = app.update(message);
    }
    assert_eq!(app.lang, Lang::Fr);
    assert_eq!(app.library().lang, Lang::Fr);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(app.window, Size::new(800.0, 600.0));
    // Nothing empty was kept for the other language either.
    let _ = app.update(Message::SetLang(Lang::En));
    let _ = app.update(Message::SetLang(Lang::Fr));
    assert_eq!(app.library().tabs.len(), app_().library().tabs.len());
}

#[test]
fn a_ticket_is_taken_once_and_a_second_asking_gets_nothing() {
    let app = opening_on(ContentSource::Embedded);
    let first = outputs(&app);
    assert!(matches!(first.as_slice(), [Message::Loaded(Some(_))]));
    let again = outputs(&app);
    assert!(matches!(again.as_slice(), [Message::Loaded(None)]));
}

#[test]
fn the_app_listens_for_its_content_only_while_it_is_read() {
    let mut app = opening_on(ContentSource::Embedded);
    let reading = app.subscription().units();
    for message in outputs(&app) {
        let _ = app.update(message);
    }
    assert_eq!(app.subscription().units(), reading - 1);
}

#[test]
fn a_late_copy_of_the_content_changes_nothing_once_loaded() {
    let mut app = app_();
    app.screen = Screen::Glossary;
    let _ = app.update(Message::Loaded(None));
    assert_eq!(app.screen, Screen::Glossary, "the reader's place is kept");
}

fn app_() -> App {
    app()
}

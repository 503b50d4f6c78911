//! The real window's start: the content read by its own thread while the
//! window opens (`App::opening`), then `Message::Loaded`.

use super::*;

fn opening_on(source: ContentSource) -> (App, Task<Message>) {
    App::opening(Config::new(source, Lang::Fr, today()))
}

#[test]
fn the_window_opens_empty_then_on_the_first_tab_once_its_thread_has_read_the_content() {
    let (mut app, task) = opening_on(ContentSource::Embedded);
    assert!(app.loading);
    assert!(app.library().tabs.is_empty(), "nothing is read yet");
    let messages = outputs(task);
    assert_eq!(messages.len(), 1, "one message: the content");
    for message in messages {
        assert!(matches!(message, Message::Loaded(Some(_))));
        let _ = app.update(message);
    }
    assert!(!app.loading);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(
        app.reader.tab(app.library()).map(|t| t.id.as_str()),
        Some("basics")
    );
    assert_eq!(app.library().tabs.len(), super::app().library().tabs.len());
}

#[test]
fn broken_content_read_by_the_thread_opens_on_the_problems_screen() {
    let dir = copy_of_content();
    break_liver(dir.path());
    let (mut app, task) = opening_on(ContentSource::Dir(dir.path().to_path_buf()));
    for message in outputs(task) {
        let _ = app.update(message);
    }
    assert_eq!(app.screen, Screen::Problems);
    assert!(app.report().failed_tabs.contains(&"liver".to_string()));
}

#[test]
fn if_the_thread_died_the_content_is_read_when_its_message_comes() {
    let (mut app, _task) = opening_on(ContentSource::Embedded);
    let _ = app.update(Message::Loaded(None));
    assert!(!app.loading);
    assert!(!app.library().tabs.is_empty());
    assert_eq!(app.screen, Screen::Reader);
}

#[test]
fn input_before_the_content_is_there_is_ignored_and_a_resize_is_kept() {
    let (mut app, task) = opening_on(ContentSource::Embedded);
    let _ = app.update(Message::SetLang(Lang::En));
    let _ = app.update(Message::Open(TabKey::Glossary));
    let _ = app.update(Message::Resized(Size::new(800.0, 600.0)));
    for message in outputs(task) {
        let _ = app.update(message);
    }
    assert_eq!(app.lang, Lang::Fr);
    assert_eq!(app.library().lang, Lang::Fr);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(app.window, Size::new(800.0, 600.0));
    // Nothing empty was kept for the other language either.
    let _ = app.update(Message::SetLang(Lang::En));
    let _ = app.update(Message::SetLang(Lang::Fr));
    assert_eq!(app.library().tabs.len(), super::app().library().tabs.len());
}

#[test]
fn a_late_copy_of_the_content_changes_nothing_once_loaded() {
    let mut app = app();
    app.screen = Screen::Glossary;
    let _ = app.update(Message::Loaded(None));
    assert_eq!(app.screen, Screen::Glossary, "the reader's place is kept");
}

//! Search through `App::update`: the on-screen keyboard (as the settings
//! say, typing, hiding, cleared at the idle reset), a result opened with
//! its words highlighted, the way back to the results, the suggestion.

use chrono::NaiveDate;

use crate::Lang;
use crate::content::ContentSource;
use crate::search::{Place, Target};
use crate::settings::OnScreenKeyboard;
use crate::ui::app::{App, Message};
use crate::ui::focus::TabKey;
use crate::ui::{Config, Control, Screen, glossary, keyboard, reader, search};

fn app_with(setting: OnScreenKeyboard, kiosk: bool) -> App {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, today);
    config.kiosk = kiosk;
    config.settings.on_screen_keyboard = setting;
    App::new(config)
}

/// A word that finds nothing, one typo too many, and has a suggestion.
const SUGGESTED: &str = "sirrhoze";

fn type_on_keyboard(app: &mut App, word: &str) {
    for c in word.chars() {
        let _ = app.update(Message::Keyboard(keyboard::Message::Type(c)));
    }
}

#[test]
fn auto_shows_the_keyboard_when_the_field_is_tapped_and_at_a_kiosk() {
    let mut app = app_with(OnScreenKeyboard::Auto, false);
    let _ = app.update(Message::OpenSearch);
    assert!(!app.search.keyboard, "a desktop opens search without it");
    let _ = app.update(Message::Search(search::Message::FieldTapped));
    assert!(app.search.keyboard, "a tap on the field brings it up");
    let _ = app.update(Message::Keyboard(keyboard::Message::Hide));
    assert!(!app.search.keyboard);
    assert!(app.message_for(Control::ShowKeyboard).is_some());
    let _ = app.update(Message::Search(search::Message::ShowKeyboard));
    assert!(app.search.keyboard, "« Clavier » brings it back");

    let mut kiosk = app_with(OnScreenKeyboard::Auto, true);
    let _ = kiosk.update(Message::OpenSearch);
    assert!(kiosk.search.keyboard, "a kiosk opens search with it");
}

#[test]
fn always_and_never_override_auto() {
    let mut always = app_with(OnScreenKeyboard::Always, false);
    let _ = always.update(Message::OpenSearch);
    assert!(always.search.keyboard);
    let mut never = app_with(OnScreenKeyboard::Never, true);
    let _ = never.update(Message::OpenSearch);
    let _ = never.update(Message::Search(search::Message::FieldTapped));
    assert!(!never.search.keyboard, "never, even at a kiosk or on a tap");
}

#[test]
fn typing_on_the_keyboard_searches_and_forgives_the_typo() {
    let mut app = app_with(OnScreenKeyboard::Always, false);
    let _ = app.update(Message::OpenSearch);
    type_on_keyboard(&mut app, "cirosx");
    let _ = app.update(Message::Keyboard(keyboard::Message::Backspace));
    type_on_keyboard(&mut app, "e");
    assert_eq!(app.search.query, "cirose");
    assert!(
        app.search
            .hits
            .iter()
            .any(|h| h.title.to_lowercase().contains("cirrhose")),
        "{:?}",
        app.search.hits
    );
    let _ = app.update(Message::Keyboard(keyboard::Message::Clear));
    assert!(app.search.query.is_empty() && app.search.hits.is_empty());
}

#[test]
fn the_suggestion_runs_the_search_it_suggests() {
    let mut app = app_with(OnScreenKeyboard::Never, false);
    let _ = app.update(Message::OpenSearch);
    let _ = app.update(Message::Search(search::Message::Query(SUGGESTED.into())));
    assert!(app.search.hits.is_empty());
    let Some(suggestion) = app.search.suggestion.clone() else {
        panic!("no suggestion for {:?}", app.search.query);
    };
    assert!(app.controls().contains(&Control::Suggestion));
    let message = app.message_for(Control::Suggestion);
    assert_eq!(
        message.as_ref().map(|m| format!("{m:?}")),
        Some(format!("{:?}", Message::Search(search::Message::Suggest)))
    );
    let _ = app.update(Message::Search(search::Message::Suggest));
    assert_eq!(app.search.query, suggestion);
    assert!(!app.search.hits.is_empty());
    assert_eq!(app.search.suggestion, None);
}

/// The first result that is in a section, by position.
fn section_hit(hits: &[crate::search::Hit]) -> usize {
    hits.iter()
        .position(|h| matches!(h.target, Target::Section { .. }))
        .unwrap_or(usize::MAX)
}

#[test]
fn a_result_opens_highlighted_until_the_reader_moves_on_and_back_keeps_the_results() {
    let mut app = app_with(OnScreenKeyboard::Never, false);
    let _ = app.update(Message::OpenSearch);
    let _ = app.update(Message::Search(search::Message::Query("cirose".into())));
    let hits = app.search.hits.clone();
    let i = section_hit(&hits);
    let _ = app.update(Message::Search(search::Message::Scrolled(0.4)));
    let _ = app.update(Message::Search(search::Message::Open(i)));
    assert_eq!(app.screen, Screen::Reader);
    let found = app.reader.found_here(app.library()).cloned();
    let Some(found) = found else {
        panic!("the result is not highlighted");
    };
    assert_eq!(found.words, hits[i].words);
    assert!(found.words.iter().any(|w| w == "cirrhose"), "{found:?}");
    assert_eq!(found.place, hits[i].place);
    assert!(app.controls().contains(&Control::BackToResults));

    let _ = app.update(Message::Reader(reader::Message::BackToResults));
    assert_eq!(app.screen, Screen::Search);
    assert_eq!(app.search.query, "cirose");
    assert_eq!(app.search.hits, hits, "the same results");
    assert_eq!(app.search.offset, 0.4, "where the list was left");
    assert_eq!(app.reader.found, None);

    // Another section, another tab, or the search: the highlight goes.
    for leave in [
        Message::Reader(reader::Message::NextSection),
        Message::Open(TabKey::Content(0)),
        Message::OpenSearch,
    ] {
        let _ = app.update(Message::Search(search::Message::Open(i)));
        assert!(app.reader.found.is_some());
        let _ = app.update(leave.clone());
        assert_eq!(app.reader.found, None, "{leave:?}");
    }
}

#[test]
fn a_glossary_result_is_highlighted_with_the_way_back() {
    let mut app = app_with(OnScreenKeyboard::Never, false);
    let _ = app.update(Message::OpenSearch);
    let _ = app.update(Message::Search(search::Message::Query("cirose".into())));
    let Some(i) = app
        .search
        .hits
        .iter()
        .position(|h| matches!(h.target, Target::Term(_)))
    else {
        panic!("no glossary result");
    };
    assert_eq!(app.search.hits[i].place, Place::Definition);
    let _ = app.update(Message::Search(search::Message::Open(i)));
    assert_eq!(app.screen, Screen::Glossary);
    assert!(app.glossary.found.is_some());
    assert!(app.controls().contains(&Control::BackToResults));
    let _ = app.update(Message::Glossary(glossary::Message::BackToResults));
    assert_eq!(app.screen, Screen::Search);
    assert_eq!(app.search.query, "cirose");
    assert_eq!(app.glossary.found, None);
}

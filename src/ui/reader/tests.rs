//! `reader::State::update` for every message, and the controls it lists.

use super::*;
use crate::Lang;
use crate::content::{self, ContentSource};

fn wide() -> Look {
    Look {
        colors: &crate::ui::theme::NORMAL,
        sizes: crate::ui::Sizes::new(crate::ui::TextSize::MIN),
        lang: Lang::Fr,
        focus: None,
        window: iced::Size::new(1280.0, 800.0),
    }
}

fn library() -> Library {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    content::load(&ContentSource::Embedded, Lang::Fr, today).library
}

#[test]
fn a_new_reader_shows_the_first_section_of_the_first_tab() {
    let lib = library();
    let state = State::default();
    assert_eq!(state.tab(&lib).map(|t| t.id.as_str()), Some("basics"));
    assert_eq!(
        state.section(&lib).map(|s| &s.id),
        lib.tabs[0].sections.first().map(|s| &s.id)
    );
}

#[test]
fn opening_a_tab_starts_at_the_top_and_closes_the_definition() {
    let lib = library();
    let mut state = State {
        definition: Some(0),
        ..State::default()
    };
    assert_eq!(
        state.update(Message::OpenTab("liver".into()), &lib),
        Action::ScrollToTop
    );
    assert_eq!(state.tab(&lib).map(|t| t.id.as_str()), Some("liver"));
    assert_eq!(state.definition, None);
}

#[test]
fn an_unknown_tab_or_section_changes_nothing() {
    let lib = library();
    let mut state = State::default();
    assert_eq!(
        state.update(Message::OpenTab("nope".into()), &lib),
        Action::None
    );
    assert_eq!(
        state.update(Message::OpenSection("nope".into()), &lib),
        Action::None
    );
    assert_eq!(state, State::default());
}

#[test]
fn opening_a_section_starts_at_the_top_and_is_remembered_per_tab() {
    let lib = library();
    let mut state = State::default();
    let second = lib.tabs[0].sections[1].id.clone();
    assert_eq!(
        state.update(Message::OpenSection(second.clone()), &lib),
        Action::ScrollToTop
    );
    assert_eq!(state.section(&lib).map(|s| &s.id), Some(&second));
    state.update(Message::OpenTab("liver".into()), &lib);
    assert_eq!(
        state.section(&lib).map(|s| &s.id),
        Some(&lib.tabs[1].sections[0].id)
    );
    state.update(Message::OpenTab("basics".into()), &lib);
    assert_eq!(state.section(&lib).map(|s| &s.id), Some(&second));
}

#[test]
fn a_section_of_another_tab_cannot_be_opened_from_here() {
    let lib = library();
    let mut state = State::default();
    let elsewhere = lib.tabs[1].sections[0].id.clone();
    assert_eq!(
        state.update(Message::OpenSection(elsewhere), &lib),
        Action::None
    );
}

#[test]
fn show_and_close_definition() {
    let lib = library();
    let mut state = State::default();
    assert_eq!(state.update(Message::ShowDefinition(3), &lib), Action::None);
    assert_eq!(state.definition, Some(3));
    assert_eq!(
        state.update(Message::ShowDefinition(usize::MAX), &lib),
        Action::None
    );
    assert_eq!(
        state.definition,
        Some(3),
        "no such entry: the panel keeps what it shows"
    );
    assert_eq!(state.update(Message::CloseDefinition, &lib), Action::None);
    assert_eq!(state.definition, None);
}

#[test]
fn the_controls_are_the_sections_the_words_then_the_way_on() {
    let lib = library();
    let mut state = State::default();
    let ring = state.controls(&lib, wide(), false);
    let sections = lib.tabs[0].sections.len();
    assert!(
        ring[..sections]
            .iter()
            .all(|c| matches!(c, Control::Section(_)))
    );
    let words = ring.len() - sections - 1;
    assert!(
        ring[sections..sections + words]
            .iter()
            .all(|c| matches!(c, Control::Term(_)))
    );
    // The first section of the first tab: no way back, a way on.
    assert_eq!(ring.last(), Some(&Control::NextSection));
    assert!(!ring.contains(&Control::PreviousSection));
    // A definition open: its « Fermer » first, the sheet is over the text.
    state.update(Message::ShowDefinition(0), &lib);
    assert_eq!(
        state.controls(&lib, wide(), false).first(),
        Some(&Control::CloseDefinition)
    );
    // At 200 %, the list folds away (the tabs sheet and the path replace
    // it); a kiosk adds its page buttons.
    let large = state.controls(
        &lib,
        Look {
            sizes: crate::ui::Sizes::new(crate::ui::TextSize::MAX),
            ..wide()
        },
        true,
    );
    assert!(!large.iter().any(|c| matches!(c, Control::Section(_))));
    assert!(large.ends_with(&[Control::PageUp, Control::PageDown]));
    let first = lib.tabs[0].sections[0].id.clone();
    assert_eq!(
        state.message(Control::Section(0), &lib),
        Some(Message::OpenSection(first))
    );
    assert_eq!(
        state.message(Control::Term(4), &lib),
        Some(Message::ShowDefinition(4))
    );
    assert_eq!(state.message(Control::Section(999), &lib), None);
}

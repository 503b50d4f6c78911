//! `App::update` for every top-level message and shortcut, asserting on
//! state; no window is opened.

use std::fs;
use std::path::Path;

use super::*;
use crate::setup::Request;
use crate::ui::keys::Shortcut;

/// The messages a Task produces, run to its end (scrolling and other
/// widget operations are left out).
fn outputs(task: Task<Message>) -> Vec<Message> {
    use iced::futures::{self, StreamExt};
    let Some(stream) = iced_test::runtime::task::into_stream(task) else {
        return Vec::new();
    };
    futures::executor::block_on(stream.collect::<Vec<_>>())
        .into_iter()
        .filter_map(|action| match action {
            iced_test::runtime::Action::Output(message) => Some(message),
            _ => None,
        })
        .collect()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

fn app() -> App {
    App::new(Config::new(ContentSource::Embedded, Lang::Fr, today()))
}

/// A copy of the shipped content in a temporary folder.
fn copy_of_content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for lang in ["fr", "en"] {
        fs::create_dir_all(dir.path().join(lang)).expect("a language folder");
        for file in content::FILE_NAMES {
            fs::copy(from.join(lang).join(file), dir.path().join(lang).join(file))
                .expect("a content file");
        }
    }
    let figures = dir.path().join("figures");
    fs::create_dir_all(&figures).expect("the figures folder");
    for (id, bytes) in content::FIGURES {
        fs::write(figures.join(format!("{id}.svg")), bytes).expect("a figure");
    }
    dir
}

/// Breaks the French `liver.ron` with a misspelt field name.
fn break_liver(dir: &Path) {
    let path = dir.join("fr").join("liver.ron");
    let text = fs::read_to_string(&path).expect("liver.ron");
    fs::write(&path, text.replacen("title:", "titel:", 1)).expect("write liver.ron");
}

fn app_on(dir: &Path) -> App {
    App::new(Config::new(
        ContentSource::Dir(dir.to_path_buf()),
        Lang::Fr,
        today(),
    ))
}

#[test]
fn the_window_opens_on_the_first_tab_when_the_content_is_sound() {
    let app = app();
    assert!(!app.report().has_errors(), "{:?}", app.report().diagnostics);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(
        app.reader.tab(app.library()).map(|t| t.id.as_str()),
        Some("basics")
    );
    assert!(!app.tabs().iter().any(|(k, _)| *k == TabKey::Problems));
}

#[test]
fn broken_content_opens_on_the_problems_screen_and_keeps_the_tabs_that_loaded() {
    let dir = copy_of_content();
    break_liver(dir.path());
    let app = app_on(dir.path());
    assert_eq!(app.screen, Screen::Problems);
    assert!(app.report().failed_tabs.contains(&"liver".to_string()));
    let keys: Vec<TabKey> = app.tabs().iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys.len(),
        3 + 3,
        "three content tabs, glossary, questions, problems: {keys:?}"
    );
    assert_eq!(keys.last(), Some(&TabKey::Problems));
}

#[test]
fn set_lang_shows_the_english_content_and_keeps_the_open_section() {
    let mut app = app();
    let _ = app.update(Message::Open(TabKey::Content(1)));
    let second = app
        .reader
        .tab(app.library())
        .map(|t| t.sections[1].id.clone())
        .unwrap_or_default();
    let _ = app.update(Message::Reader(reader::Message::OpenSection(
        second.clone(),
    )));
    let _ = app.update(Message::SetLang(Lang::En));
    assert_eq!(app.lang, Lang::En);
    assert_eq!(app.library().lang, Lang::En);
    assert_eq!(
        app.reader.section(app.library()).map(|s| s.id.clone()),
        Some(second)
    );
    let _ = app.update(Message::SetLang(Lang::Fr));
    assert_eq!(app.library().lang, Lang::Fr);
}

#[test]
fn set_lang_to_a_language_the_content_lacks_changes_nothing() {
    let french_only = content::EMBEDDED
        .iter()
        .filter(|(lang, _, _)| *lang == "fr")
        .map(|(_, file, bytes)| (Lang::Fr, (*file).to_string(), bytes.to_vec()))
        .collect();
    let mut app = App::new(Config::new(
        ContentSource::Memory(french_only),
        Lang::Fr,
        today(),
    ));
    assert_eq!(app.languages(), [Lang::Fr]);
    let _ = app.update(Message::SetLang(Lang::En));
    assert_eq!(app.lang, Lang::Fr);
}

#[test]
fn text_larger_and_smaller_step_by_25_percent_between_100_and_200() {
    let mut app = app();
    let _ = app.update(Message::TextSmaller);
    assert_eq!(app.text_size.percent(), 100);
    for expected in [125, 150, 175, 200, 200] {
        let _ = app.update(Message::TextLarger);
        assert_eq!(app.text_size.percent(), expected);
    }
    let _ = app.update(Message::TextSmaller);
    assert_eq!(app.text_size.percent(), 175);
}

#[test]
fn text_reset_returns_to_100_percent() {
    let mut app = app();
    let _ = app.update(Message::TextLarger);
    let _ = app.update(Message::TextReset);
    assert_eq!(app.text_size, TextSize::MIN);
}

#[test]
fn toggle_contrast_switches_to_the_high_contrast_palette_and_back() {
    let mut app = app();
    let _ = app.update(Message::ToggleContrast);
    assert_eq!(app.contrast, Contrast::High);
    assert_eq!(app.look().colors.background, theme::HIGH.background);
    assert_eq!(app.theme().palette().background, theme::HIGH.background);
    let _ = app.update(Message::ToggleContrast);
    assert_eq!(app.contrast, Contrast::Normal);
}

#[test]
fn open_export_opens_the_panel_and_leaves_the_reading_where_it_was() {
    let mut app = app();
    let before = (
        app.screen,
        app.lang,
        app.text_size,
        app.contrast,
        app.reader.clone(),
    );
    let _ = app.update(Message::OpenExport);
    assert!(app.export.is_some());
    assert_eq!(
        before,
        (
            app.screen,
            app.lang,
            app.text_size,
            app.contrast,
            app.reader.clone()
        )
    );
}

#[test]
fn open_shows_each_tab_of_the_tab_row() {
    let mut app = app();
    let keys: Vec<TabKey> = app.tabs().iter().map(|(k, _)| *k).collect();
    for key in keys {
        let _ = app.update(Message::Open(key));
        assert!(app.is_open(key), "{key:?}");
    }
    let _ = app.update(Message::Open(TabKey::Content(2)));
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(
        app.reader.tab(app.library()).map(|t| t.id.as_str()),
        Some("treatments")
    );
    let _ = app.update(Message::Open(TabKey::Content(99)));
    assert_eq!(
        app.reader.tab(app.library()).map(|t| t.id.as_str()),
        Some("treatments")
    );
}

#[test]
fn reader_glossary_and_questions_messages_reach_their_screen() {
    let mut app = app();
    let _ = app.update(Message::Reader(reader::Message::ShowDefinition(0)));
    assert_eq!(app.reader.definition, Some(0));
    let letter = glossary::letters(&app.library().glossary)[0];
    let _ = app.update(Message::Glossary(glossary::Message::ShowLetter(Some(
        letter,
    ))));
    assert_eq!(app.glossary.letter, Some(letter));
    let id = app.library().questions[0].id.clone();
    let _ = app.update(Message::Questions(questions::Message::Toggle(id.clone())));
    assert!(app.questions.ticked.contains(&id));
}

#[test]
fn reload_reads_the_folder_again_and_the_problems_go_away_once_fixed() {
    let dir = copy_of_content();
    break_liver(dir.path());
    let mut app = app_on(dir.path());
    assert!(app.report().has_errors());
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/fr/liver.ron");
    fs::copy(from, dir.path().join("fr/liver.ron")).expect("restore liver.ron");
    let _ = app.update(Message::Problems(problems::Message::Reload));
    assert!(!app.report().has_errors(), "{:?}", app.report().diagnostics);
    assert_eq!(app.problems.reloaded.map(|c| c.errors), Some(0));
    assert!(app.library().tab("liver").is_some());
    // Still on the problems screen, which now says all is well.
    assert_eq!(app.screen, Screen::Problems);
}

#[test]
fn tab_and_shift_tab_walk_every_control_in_order() {
    let mut app = app();
    let ring = app.controls();
    assert!(ring.len() > 10);
    let _ = app.update(Message::Key(Shortcut::FocusNext));
    assert_eq!(app.focus, Some(ring[0]));
    let _ = app.update(Message::Key(Shortcut::FocusNext));
    assert_eq!(app.focus, Some(ring[1]));
    let _ = app.update(Message::Key(Shortcut::FocusPrevious));
    let _ = app.update(Message::Key(Shortcut::FocusPrevious));
    assert_eq!(app.focus, ring.last().copied());
}

#[test]
fn enter_presses_the_focused_control() {
    let mut app = app();
    app.focus = Some(Control::Tab(TabKey::Glossary));
    let _ = app.update(Message::Key(Shortcut::Activate));
    assert_eq!(app.screen, Screen::Glossary);
    assert_eq!(
        app.focus,
        Some(Control::Tab(TabKey::Glossary)),
        "the focus stays put"
    );
    app.focus = Some(Control::Contrast);
    let _ = app.update(Message::Key(Shortcut::Activate));
    assert_eq!(app.contrast, Contrast::High);
    app.focus = None;
    let _ = app.update(Message::Key(Shortcut::Activate));
    assert_eq!(
        app.contrast,
        Contrast::High,
        "nothing focused, nothing pressed"
    );
}

#[test]
fn every_control_of_every_screen_sends_a_message() {
    let mut app = app();
    let _ = app.update(Message::Reader(reader::Message::ShowDefinition(0)));
    let _ = app.update(Message::Questions(questions::Message::Toggle(
        app.library().questions[0].id.clone(),
    )));
    for screen in [TabKey::Content(0), TabKey::Glossary, TabKey::Questions] {
        let _ = app.update(Message::Open(screen));
        for control in app.controls() {
            assert!(
                app.message_for(control).is_some(),
                "{control:?} on {screen:?}"
            );
        }
    }
}

#[test]
fn ctrl_and_a_digit_open_the_tab_at_that_place() {
    let mut app = app();
    let _ = app.update(Message::Key(Shortcut::OpenTab(4)));
    assert_eq!(app.screen, Screen::Glossary);
    let _ = app.update(Message::Key(Shortcut::OpenTab(5)));
    assert_eq!(app.screen, Screen::Questions);
    let _ = app.update(Message::Key(Shortcut::OpenTab(1)));
    assert_eq!(
        app.reader.tab(app.library()).map(|t| t.id.as_str()),
        Some("liver")
    );
    let _ = app.update(Message::Key(Shortcut::OpenTab(6)));
    assert_eq!(
        app.screen,
        Screen::Reader,
        "no seventh tab without problems"
    );
}

#[test]
fn ctrl_plus_minus_and_zero_set_the_text_size() {
    let mut app = app();
    let _ = app.update(Message::Key(Shortcut::TextLarger));
    let _ = app.update(Message::Key(Shortcut::TextLarger));
    assert_eq!(app.text_size.percent(), 150);
    let _ = app.update(Message::Key(Shortcut::TextSmaller));
    assert_eq!(app.text_size.percent(), 125);
    let _ = app.update(Message::Key(Shortcut::TextReset));
    assert_eq!(app.text_size.percent(), 100);
}

#[test]
fn scrolling_keys_scroll_the_screen_shown_and_change_no_state() {
    let mut app = app();
    for (key, area) in [
        (TabKey::Content(0), reader::PANE),
        (TabKey::Glossary, glossary::LIST),
        (TabKey::Questions, questions::LIST),
    ] {
        let _ = app.update(Message::Open(key));
        assert_eq!(app.scroll_area(), area);
        let before = (app.screen, app.reader.clone(), app.focus);
        for shortcut in [
            Shortcut::PageDown,
            Shortcut::PageUp,
            Shortcut::LineDown,
            Shortcut::LineUp,
            Shortcut::Top,
            Shortcut::Bottom,
        ] {
            let _ = app.update(Message::Key(shortcut));
        }
        assert_eq!(before, (app.screen, app.reader.clone(), app.focus));
    }
}

#[test]
fn escape_closes_the_definition_then_hides_the_focus_ring() {
    let mut app = app();
    let _ = app.update(Message::Reader(reader::Message::ShowDefinition(2)));
    app.focus = Some(Control::CloseDefinition);
    let _ = app.update(Message::Key(Shortcut::Escape));
    assert_eq!(app.reader.definition, None);
    assert_eq!(app.focus, Some(Control::CloseDefinition));
    let _ = app.update(Message::Key(Shortcut::Escape));
    assert_eq!(app.focus, None);
}

#[test]
fn resized_gives_the_layout_the_new_window_size() {
    let mut app = app();
    let _ = app.update(Message::Resized(Size::new(1024.0, 768.0)));
    assert_eq!(app.window, Size::new(1024.0, 768.0));
    assert_eq!(app.look().window.width, 1024.0);
}

#[test]
fn a_click_hides_the_focus_ring() {
    let mut app = app();
    let _ = app.update(Message::Key(Shortcut::FocusNext));
    assert!(app.focus.is_some());
    let _ = app.update(Message::Pointer);
    assert_eq!(app.focus, None);
}

#[test]
fn reset_returns_to_the_start_up_settings_and_forgets_the_ticks() {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, today());
    config.text_size = TextSize::from_percent(150);
    let mut app = App::new(config);
    let _ = app.update(Message::SetLang(Lang::En));
    let _ = app.update(Message::TextLarger);
    let _ = app.update(Message::ToggleContrast);
    let _ = app.update(Message::Open(TabKey::Content(2)));
    let _ = app.update(Message::Reader(reader::Message::ShowDefinition(1)));
    let _ = app.update(Message::Questions(questions::Message::Toggle(
        app.library().questions[0].id.clone(),
    )));
    let _ = app.update(Message::Key(Shortcut::FocusNext));
    let _ = app.reset();
    assert_eq!(app.lang, Lang::Fr);
    assert_eq!(app.library().lang, Lang::Fr);
    assert_eq!(app.text_size.percent(), 150);
    assert_eq!(app.contrast, Contrast::Normal);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(
        app.reader.tab(app.library()).map(|t| t.id.as_str()),
        Some("basics")
    );
    assert_eq!(app.reader.definition, None);
    assert!(app.questions.ticked.is_empty());
    assert_eq!(app.focus, None);
}

#[test]
fn the_command_line_and_the_settings_file_make_the_start_up_config() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let settings = dir.path().join("settings.ron");
    fs::write(
        &settings,
        "(default_language: \"en\", default_text_size: 150)",
    )
    .expect("write settings");
    let path = settings.to_string_lossy().into_owned();
    let request = Request {
        settings: Some(path.into()),
        ..Request::default()
    };
    let config = Config::from_setup(&Setup::new(&request));
    assert_eq!(config.lang, Lang::En);
    assert_eq!(config.text_size.percent(), 150);
    assert_eq!(config.source, ContentSource::Embedded);
    let request = Request {
        lang: Some(Lang::Fr),
        ..request
    };
    assert_eq!(
        Config::from_setup(&Setup::new(&request)).lang,
        Lang::Fr,
        "the command line wins"
    );
}

#[test]
fn rechercher_opens_the_search_with_the_keyboard_in_its_field() {
    let mut app = app();
    let _ = app.update(Message::OpenSearch);
    assert_eq!(app.screen, Screen::Search);
    assert_eq!(app.focus, Some(Control::SearchField));
    assert!(app.controls().contains(&Control::SearchField));
    assert_eq!(app.scroll_area(), crate::ui::search::LIST);
    let mut other = self::app();
    let _ = other.update(Message::Key(Shortcut::Search));
    assert_eq!(other.screen, Screen::Search);
}

#[test]
fn a_search_result_opens_its_section_or_its_glossary_letter() {
    let mut app = app();
    let _ = app.update(Message::OpenSearch);
    let _ = app.update(Message::Search(search::Message::Query("cirrhose".into())));
    let hits = app.search.hits.clone();
    let section = hits
        .iter()
        .position(|h| matches!(h.target, crate::search::Target::Section { .. }))
        .expect("a section about cirrhosis");
    let _ = app.update(Message::Search(search::Message::Open(section)));
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(
        app.reader.section(app.library()).map(|s| s.title.clone()),
        Some(hits[section].title.clone())
    );

    let _ = app.update(Message::OpenSearch);
    assert_eq!(app.search.hits, hits, "the search is kept while reading");
    let word = hits
        .iter()
        .position(|h| matches!(h.target, crate::search::Target::Term(_)))
        .expect("the glossary word");
    let _ = app.update(Message::Search(search::Message::Open(word)));
    assert_eq!(app.screen, Screen::Glossary);
    assert_eq!(app.glossary.letter, Some('c'));
    let chosen = app
        .glossary
        .chosen
        .map(|i| app.library().glossary.terms[i].term.clone());
    assert_eq!(chosen.as_deref(), Some("cirrhose"));
}

#[test]
fn the_search_follows_the_language() {
    let mut app = app();
    let _ = app.update(Message::OpenSearch);
    // « cirrhosis » is now close enough to « cirrhoses » to be found in
    // French (a forgiving search); « liver » is English only.
    let _ = app.update(Message::Search(search::Message::Query("liver".into())));
    assert!(app.search.hits.is_empty());
    let _ = app.update(Message::SetLang(Lang::En));
    assert!(!app.search.hits.is_empty());
}

#[test]
fn tab_moves_from_the_search_field_to_the_results() {
    let mut app = app();
    let _ = app.update(Message::OpenSearch);
    let _ = app.update(Message::Search(search::Message::Query("foie".into())));
    let _ = app.update(Message::Key(Shortcut::FocusNext));
    assert_eq!(app.focus, Some(Control::ClearSearch));
    let _ = app.update(Message::Key(Shortcut::FocusNext));
    assert_eq!(app.focus, Some(Control::Hit(0)));
    let _ = app.update(Message::Key(Shortcut::Activate));
    assert_ne!(app.screen, Screen::Search);
}

#[test]
fn search_looks_in_the_language_shown_even_when_it_changed_elsewhere() {
    let mut app = app();
    let _ = app.update(Message::OpenSearch);
    let _ = app.update(Message::Search(search::Message::Query("liver".into())));
    assert!(app.search.hits.is_empty(), "no French text says « liver »");
    // Away from the search screen, the language changes; back on it, the
    // query runs on the English content.
    let _ = app.update(Message::Open(TabKey::Content(0)));
    let _ = app.update(Message::SetLang(Lang::En));
    let _ = app.update(Message::OpenSearch);
    assert!(!app.search.hits.is_empty());
    // Changed while the screen is shown, the results follow at once.
    let _ = app.update(Message::SetLang(Lang::Fr));
    assert!(app.search.hits.is_empty());
}

#[test]
fn an_overdue_review_shows_the_problems_tab_to_staff_but_never_to_a_patient() {
    let dir = copy_of_content();
    let path = dir.path().join("fr").join("basics.ron");
    let text = fs::read_to_string(&path).expect("basics.ron");
    let overdue = text
        .replacen("reviewed_by: \"\"", "reviewed_by: \"Dr Martin\"", 1)
        .replacen("reviewed_on: \"\"", "reviewed_on: \"2024-01-10\"", 1)
        .replacen("next_review: \"\"", "next_review: \"2025-01-10\"", 1);
    assert_ne!(overdue, text, "the review record was filled in");
    fs::write(&path, overdue).expect("write basics.ron");
    let app = app_on(dir.path());
    assert!(!app.report().has_errors(), "{:?}", app.report().diagnostics);
    assert!(app.tabs().iter().any(|(k, _)| *k == TabKey::Problems));
    let listed = app.report().diagnostics.iter().any(|d| {
        matches!(d.kind, crate::Problem::ReviewOverdue { .. }) && d.file.ends_with("basics.ron")
    });
    assert!(listed, "the overdue review is among the problems listed");
    let mut kiosk = Config::new(
        ContentSource::Dir(dir.path().to_path_buf()),
        Lang::Fr,
        today(),
    );
    kiosk.kiosk = true;
    let app = App::new(kiosk);
    assert!(!app.tabs().iter().any(|(k, _)| *k == TabKey::Problems));
}

#[test]
fn a_save_in_the_content_folder_reloads_the_window_where_the_reader_is() {
    use iced::futures::StreamExt;
    let dir = copy_of_content();
    let mut app = app_on(dir.path());
    let section = app.library().tabs[1].sections[1].clone();
    let _ = app.update(Message::Open(TabKey::Content(1)));
    let _ = app.update(Message::Reader(reader::Message::OpenSection(
        section.id.clone(),
    )));
    let (tx, rx) = std::sync::mpsc::channel();
    let watched = dir.path().to_path_buf();
    std::thread::spawn(move || {
        let mut changes = Box::pin(super::events::content_changes(&watched));
        while let Some(message) = iced::futures::executor::block_on(changes.next()) {
            if tx.send(message).is_err() {
                return;
            }
        }
    });
    // The editor saves a new title; the watcher starts with the stream, so
    // the save is repeated until it is seen (a guard, not a timing).
    let path = dir.path().join("fr").join("liver.ron");
    let text = fs::read_to_string(&path).expect("liver.ron");
    let marker = format!("id: \"{}\",\n            title: \"", section.id);
    let saved = text.replacen(&marker, &format!("{marker}Nouveau titre, "), 1);
    assert_ne!(saved, text);
    let mut message = None;
    for _ in 0..60 {
        fs::write(&path, &saved).expect("save");
        if let Ok(m) = rx.recv_timeout(std::time::Duration::from_secs(1)) {
            message = Some(m);
            break;
        }
    }
    let message = message.expect("the save was seen");
    assert!(matches!(message, Message::ContentChanged));
    let _ = app.update(message);
    let title = app.reader.section(app.library()).map(|s| s.title.clone());
    assert!(
        title
            .as_deref()
            .is_some_and(|t| t.starts_with("Nouveau titre, ")),
        "the same section, reloaded: {title:?}"
    );
    assert!(app.is_open(TabKey::Content(1)));
}

mod export;
mod kiosk;
mod opening;
mod searching;
mod welcome;

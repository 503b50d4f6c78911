//! Search in the window, played in iced's simulator with the app's own
//! fonts: typing « cirose » on the on-screen keyboard, the suggestion when
//! nothing matches, a result opened at its block with its words
//! highlighted, and the way back to the results; the keyboard's keys at
//! 100 % and 200 %.

#![cfg(feature = "gui")]

#[path = "support/ui.rs"]
mod support;

use iced_test::selector::id;
use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::i18n::Label;
use patient_info::search::{Place, Target};
use patient_info::settings::OnScreenKeyboard;
use patient_info::ui::keyboard::{self, key_id};
use patient_info::ui::{App, Config, Control, Message, Screen, TextSize, reader, search};
use support::{Result, Window, click, clicked, shows};

const SMALL: (f32, f32) = (800.0, 600.0);

fn app_with(setting: OnScreenKeyboard, window: (f32, f32), percent: u16) -> App {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, support::today());
    config.window = window.into();
    config.text_size = TextSize::from_percent(percent);
    config.settings.on_screen_keyboard = setting;
    App::new(config)
}

/// Taps each letter of `word` on the on-screen keyboard.
fn tap_keys(app: &mut App, word: &str) -> Result {
    for c in word.chars() {
        click(app, id(key_id(keyboard::Message::Type(c))))?;
    }
    Ok(())
}

#[test]
fn cirose_typed_on_the_keyboard_finds_cirrhosis_and_a_misspelling_gets_a_suggestion() -> Result {
    let mut app = app_with(OnScreenKeyboard::Always, SMALL, 100);
    let _ = app.update(Message::OpenSearch);
    assert!(app.search.keyboard);
    tap_keys(&mut app, "cirose")?;
    assert_eq!(app.search.query, "cirose");
    let first = app.search.hits.first().ok_or("« cirose » found nothing")?;
    assert!(first.title.contains("cirrhose"), "{}", first.title);
    assert!(shows(&app, &first.title));

    click(&mut app, id(key_id(keyboard::Message::Clear)))?;
    assert!(app.search.query.is_empty());
    tap_keys(&mut app, "sirrhoze")?;
    assert!(app.search.hits.is_empty());
    let asked = "Vouliez-vous dire «\u{a0}cirrhose\u{a0}»\u{a0}?";
    assert!(shows(&app, asked), "no « {asked} »");
    click(&mut app, id(Control::Suggestion.id()))?;
    assert_eq!(app.search.query, "cirrhose");
    assert!(!app.search.hits.is_empty());

    click(&mut app, id(key_id(keyboard::Message::Hide)))?;
    assert!(!app.search.keyboard);
    assert!(
        clicked(&app, id(key_id(keyboard::Message::Space))).is_err(),
        "hidden, its keys are gone"
    );
    Ok(())
}

/// How much of `text` is on screen, in pixels of height.
fn visible_height(app: &App, text: &str) -> f32 {
    support::texts(app)
        .iter()
        .filter(|t| t.text == text)
        .filter_map(|t| t.visible)
        .map(|v| v.height)
        .fold(0.0, f32::max)
}

#[test]
fn at_200_percent_on_a_small_screen_the_hide_key_leads_to_the_results_the_keyboard_covers() -> Result
{
    let mut app = app_with(OnScreenKeyboard::Always, SMALL, 200);
    let _ = app.update(Message::OpenSearch);
    assert!(shows(&app, "Masquer") && !shows(&app, "Voir les résultats"));
    tap_keys(&mut app, "cirose")?;
    let first = app
        .search
        .hits
        .first()
        .ok_or("« cirose » found nothing")?
        .title
        .clone();
    // The keyboard leaves no room for a result: its hide key says where
    // they are.
    assert_eq!(visible_height(&app, &first), 0.0, "{first} is on screen");
    assert!(shows(&app, "Voir les résultats") && !shows(&app, "Masquer"));
    click(&mut app, id(key_id(keyboard::Message::Hide)))?;
    assert!(!app.search.keyboard);
    assert!(
        visible_height(&app, &first) > 20.0,
        "{first} is not on screen"
    );
    Ok(())
}

#[test]
fn a_result_opens_at_its_block_highlighted_and_back_finds_the_results_as_left() -> Result {
    let mut app = app_with(OnScreenKeyboard::Never, SMALL, 100);
    let mut window = Window::new(&app)?;
    window.update(&mut app, Message::OpenSearch);
    window.update(
        &mut app,
        Message::Search(search::Message::Query("cirose".into())),
    );
    // The section result whose sentence is furthest down its section.
    let (i, hit) = app
        .search
        .hits
        .iter()
        .enumerate()
        .filter(|(_, h)| matches!(h.target, Target::Section { .. }))
        .max_by_key(|(_, h)| match h.place {
            Place::Block { block, item } => (block + 1, item),
            _ => (0, 0),
        })
        .map(|(i, h)| (i, h.clone()))
        .ok_or("no section among the results")?;
    assert!(matches!(hit.place, Place::Block { .. }), "{hit:?}");
    // The list as the reader left it: scrolled to its end.
    window.update(&mut app, Message::Search(search::Message::Scrolled(1.0)));

    window.update(&mut app, Message::Search(search::Message::Open(i)));
    assert_eq!(app.screen, Screen::Reader);
    let found = app
        .reader
        .found_here(app.library())
        .ok_or("the result is not highlighted")?;
    assert_eq!(found.words, hit.words);
    // The text scrolled down to the block, whose words show highlighted.
    let scrolled = window.scrolled(&app, reader::PANE).unwrap_or_default();
    assert!(scrolled.abs() > 1.0, "the text did not move");
    let words = window.found_words(&app);
    let shown: Vec<&str> = words
        .iter()
        .filter(|(_, visible)| visible.is_some_and(|b| b.height > 10.0))
        .map(|(w, _)| w.as_str())
        .collect();
    assert!(
        shown.iter().any(|w| w.to_lowercase() == "cirrhose"),
        "no highlighted « cirrhose » in view: {words:?}"
    );
    // « ‹ Retour aux résultats » stays above the text.
    let back = Label::BackToResults.get(Lang::Fr);
    assert!(shows(&app, back));

    for message in clicked(&app, id(Control::BackToResults.id()))? {
        window.update(&mut app, message);
    }
    assert_eq!(app.screen, Screen::Search);
    assert_eq!(app.search.query, "cirose");
    assert_eq!(app.search.hits.get(i), Some(&hit));
    assert_eq!(app.reader.found, None);
    let list = window.scrolled(&app, search::LIST).unwrap_or_default();
    assert!(list.abs() > 1.0, "the results are back at their top");
    assert!(!shows(&app, back));
    Ok(())
}

/// The bounds of the key `key` on screen.
fn key_bounds(app: &App, key: keyboard::Message) -> Result<iced::Rectangle> {
    let mut ui = support::simulator(app);
    let found = ui.find(id(key_id(key)))?;
    Ok(found.visible_bounds().ok_or("the key is not on screen")?)
}

#[test]
fn keys_are_at_least_44_px_and_grow_at_200_percent_within_the_window() -> Result {
    let mut sizes = Vec::new();
    for (window, percent) in [
        ((1280.0, 800.0), 100),
        ((1280.0, 800.0), 200),
        (SMALL, 100),
        (SMALL, 200),
    ] {
        let mut app = app_with(OnScreenKeyboard::Always, window, percent);
        let _ = app.update(Message::OpenSearch);
        let _ = app.update(Message::Search(search::Message::Query("foie".into())));
        let mut wrong = Vec::new();
        let mut letters = Vec::new();
        for key in [
            keyboard::Message::Type('a'),
            keyboard::Message::Type('é'),
            keyboard::Message::Type('p'),
            keyboard::Message::Backspace,
            keyboard::Message::Hide,
        ] {
            let b = key_bounds(&app, key);
            wrong.extend(support::control(
                &format!("{window:?} at {percent} %"),
                &format!("{key:?}"),
                &b.as_ref()
                    .map(|b| *b)
                    .map_err(|e| iced_test::Error::SelectorNotFound {
                        selector: e.to_string(),
                    }),
                window.0,
            ));
            if let (keyboard::Message::Type(_), Ok(b)) = (key, b) {
                letters.push(b);
                assert!(b.y + b.height <= window.1 + support::EPSILON, "{b:?}");
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
        sizes.push(letters[0].size());
        // The results keep room above the keyboard.
        let mut ui = support::simulator(&app);
        let area = support::scroll_area("search with the keyboard", &app, &mut ui);
        assert_eq!(area, None);
    }
    // Larger at 200 %: wider and higher in a large window; in a small one
    // wider (the results keep their room).
    assert!(sizes[1].width > sizes[0].width, "{sizes:?}");
    assert!(sizes[1].height > sizes[0].height, "{sizes:?}");
    assert!(sizes[3].width > sizes[2].width, "{sizes:?}");
    Ok(())
}

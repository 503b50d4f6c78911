//! What a patient does in the window, played in iced's simulator with the
//! app's own fonts: open each tab, open a section, tap a glossary word and
//! read its definition, tick a question, change the text size and the
//! language, search for a word, and see the problems screen of a broken
//! content folder.

#![cfg(feature = "gui")]

#[path = "support/ui.rs"]
mod support;

use iced_test::selector::id;
use patient_info::Lang;
use patient_info::content::Glossary;
use patient_info::i18n::Text;
use patient_info::ui::{Control, Screen, TabKey, TextSize, reader, search};
use support::{Result, app, app_on, click, shows, simulator, texts};

const WINDOW: (f32, f32) = (1280.0, 800.0);

#[test]
fn each_tab_of_the_tab_row_opens_its_screen() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    let tabs: Vec<(TabKey, String)> = app
        .tabs()
        .iter()
        .map(|(k, l)| (*k, l.to_string()))
        .collect();
    assert_eq!(
        tabs.len(),
        6,
        "four content tabs, the glossary and the questions"
    );
    for (key, label) in tabs {
        click(&mut app, label.as_str())?;
        assert!(app.is_open(key), "{label}");
        let expected = match key {
            TabKey::Content(i) => app.library().tabs[i].sections[0].title.clone(),
            TabKey::Glossary => first_term(&app.library().glossary),
            TabKey::Questions => app.library().questions[0].text.clone(),
            TabKey::Problems => Text::ProblemsTitle.get(Lang::Fr).to_string(),
        };
        assert!(
            shows(&app, &expected),
            "{label} does not show « {expected} »"
        );
    }
    Ok(())
}

fn first_term(glossary: &Glossary) -> String {
    glossary
        .sorted()
        .first()
        .map(|&i| glossary.terms[i].term.clone())
        .unwrap_or_default()
}

#[test]
fn a_section_of_the_list_opens_in_the_reading_pane() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    let section = app.library().tabs[0].sections[2].clone();
    click(&mut app, section.title.as_str())?;
    assert_eq!(
        app.reader.section(app.library()).map(|s| s.id.clone()),
        Some(section.id)
    );
    // Its title is now both in the list and at the top of the pane.
    let copies = texts(&app)
        .iter()
        .filter(|t| t.text == section.title)
        .count();
    assert_eq!(copies, 2);
    Ok(())
}

#[test]
fn tapping_a_glossary_word_opens_a_sheet_below_and_the_text_does_not_move() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    let section = app.library().tabs[0].sections[0].clone();
    let term = *section
        .terms()
        .first()
        .ok_or("the first section marks no glossary word")?;
    let entry = app.library().glossary.terms[term].clone();
    let before: Vec<_> = texts(&app)
        .into_iter()
        .map(|t| (t.text, t.bounds))
        .collect();

    click(&mut app, id(reader::mark_id(term)))?;
    assert_eq!(app.reader.definition, Some(term));
    let laid = texts(&app);
    let definition = laid
        .iter()
        .find(|t| t.text == entry.definition)
        .ok_or("the definition is not shown")?;
    assert!(
        definition.bounds.y > WINDOW.1 / 2.0,
        "the definition is in a sheet over the bottom of the window"
    );
    // Every text of the page stays where it was: nothing reflows.
    for (text, bounds) in &before {
        let still = laid.iter().any(|t| &t.text == text && t.bounds == *bounds);
        assert!(still, "« {text} » moved when the definition opened");
    }
    // « Fermer » is on screen.
    let close = laid
        .iter()
        .find(|t| t.text == Text::Close.get(Lang::Fr))
        .ok_or("no « Fermer »")?;
    assert!(close.bounds.y + close.bounds.height <= WINDOW.1);

    click(&mut app, Text::Close.get(Lang::Fr))?;
    assert_eq!(app.reader.definition, None);
    assert!(!shows(&app, &entry.definition));
    Ok(())
}

#[test]
fn a_finger_on_a_glossary_word_shows_its_definition_too() -> Result {
    use iced::touch::{Event, Finger};
    let mut app = app(Lang::Fr, WINDOW);
    let term = *app.library().tabs[0].sections[0]
        .terms()
        .first()
        .ok_or("the first section marks no glossary word")?;
    let messages: Vec<_> = {
        let mut ui = simulator(&app);
        let mark = ui.find(id(reader::mark_id(term)))?;
        let at = mark
            .visible_bounds()
            .ok_or("the word is not on screen")?
            .center();
        // A touch moves iced's cursor to the finger, as the window does.
        ui.point_at(at);
        let finger = Finger(7);
        let _ = ui.simulate([
            iced::Event::Touch(Event::FingerPressed {
                id: finger,
                position: at,
            }),
            iced::Event::Touch(Event::FingerLifted {
                id: finger,
                position: at,
            }),
        ]);
        ui.into_messages().collect()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert_eq!(app.reader.definition, Some(term));
    Ok(())
}

#[test]
fn a_press_elsewhere_forgets_an_earlier_press_on_a_glossary_word() -> Result {
    use iced::mouse::{Button, Event as Mouse};
    use iced::touch::{Event, Finger};
    let mut app = app(Lang::Fr, WINDOW);
    let section = app.library().tabs[0].sections[0].clone();
    let term = *section
        .terms()
        .first()
        .ok_or("the first section marks no glossary word")?;
    let messages: Vec<_> = {
        let mut ui = simulator(&app);
        let mark = ui
            .find(id(reader::mark_id(term)))?
            .visible_bounds()
            .ok_or("the word is not on screen")?
            .center();
        // The section's title at the top of the pane (the other copy, in
        // the list on the left, is a button).
        let heading = support::texts_of(&mut ui)
            .into_iter()
            .filter(|t| t.text == section.title)
            .map(|t| t.bounds.center())
            .max_by(|a, b| a.x.total_cmp(&b.x))
            .ok_or("no section title")?;
        // A finger lands on the word and its lift is never seen (the window
        // lost it); then the mouse presses the title, plain text, and is let
        // go over the word: that is no click on the word.
        ui.point_at(mark);
        let _ = ui.simulate([iced::Event::Touch(Event::FingerPressed {
            id: Finger(3),
            position: mark,
        })]);
        ui.point_at(heading);
        let _ = ui.simulate([iced::Event::Mouse(Mouse::ButtonPressed(Button::Left))]);
        ui.point_at(mark);
        let _ = ui.simulate([iced::Event::Mouse(Mouse::ButtonReleased(Button::Left))]);
        ui.into_messages().collect()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert_eq!(app.reader.definition, None);
    Ok(())
}

#[test]
fn the_words_of_the_page_open_their_definition_too() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    let section = app.library().tabs[0].sections[0].clone();
    let term = *section.terms().last().ok_or("no glossary word")?;
    // The words are listed at the end of the section, below the fold.
    support::scroll_and_click(
        &mut app,
        iced::Point::new(900.0, 600.0),
        Control::Term(term).id(),
    )?;
    assert_eq!(app.reader.definition, Some(term));
    Ok(())
}

#[test]
fn ticking_a_question_counts_it() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    click(&mut app, Text::QuestionsTitle.get(Lang::Fr))?;
    assert_eq!(app.screen, Screen::Questions);
    let question = app.library().questions[1].clone();
    click(&mut app, question.text.as_str())?;
    assert!(app.questions.ticked.contains(&question.id));
    let counted = format!("{} 1", Text::TickedCount.get(Lang::Fr));
    assert!(shows(&app, &counted), "no « {counted} »");
    click(&mut app, question.text.as_str())?;
    assert!(app.questions.ticked.is_empty());
    Ok(())
}

#[test]
fn a_plus_and_a_minus_change_the_text_size() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    let before = texts(&app)
        .into_iter()
        .rfind(|t| t.text == app.library().tabs[0].sections[0].title)
        .ok_or("no title")?;
    click(&mut app, "A+")?;
    assert_eq!(app.text_size, TextSize::from_percent(125));
    assert!(shows(&app, "125\u{a0}%"));
    let after = texts(&app)
        .into_iter()
        .rfind(|t| t.text == app.library().tabs[0].sections[0].title)
        .ok_or("no title")?;
    assert!(
        after.bounds.height > before.bounds.height,
        "the heading grew"
    );
    click(&mut app, "A\u{2212}")?;
    assert_eq!(app.text_size, TextSize::MIN);
    Ok(())
}

#[test]
fn the_language_switch_shows_the_english_content_and_interface() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    click(&mut app, "English")?;
    assert_eq!(app.lang, Lang::En);
    assert!(shows(&app, Text::AppTitle.get(Lang::En)));
    assert!(shows(&app, &app.library().tabs[0].title.clone()));
    click(&mut app, "Français")?;
    assert!(shows(&app, Text::AppTitle.get(Lang::Fr)));
    Ok(())
}

#[test]
fn the_contrast_switch_turns_high_contrast_on() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    click(&mut app, Text::HighContrast.get(Lang::Fr))?;
    assert_eq!(app.contrast, patient_info::ui::Contrast::High);
    Ok(())
}

#[test]
fn a_broken_content_folder_shows_every_problem_and_the_tabs_that_loaded() -> Result {
    let dir = support::copy_of_content()?;
    support::break_content(dir.path())?;
    let mut app = app_on(dir.path(), WINDOW);
    assert_eq!(app.screen, Screen::Problems);
    assert!(shows(&app, Text::ProblemsTitle.get(Lang::Fr)));
    let diagnostics = app.report().diagnostics.clone();
    assert!(diagnostics.iter().filter(|d| d.is_error()).count() >= 2);
    for d in &diagnostics {
        assert!(shows(&app, &d.location()), "{} is not listed", d.location());
        // The problem and what it hides, with the window's typography.
        let message = patient_info::content::typography::apply(&d.message(Lang::Fr), Lang::Fr);
        assert!(shows(&app, &message), "{message}");
    }

    // The tabs that loaded can be read meanwhile.
    let first = app.library().tabs[0].clone();
    click(&mut app, first.title.as_str())?;
    assert!(shows(&app, &first.sections[0].title));

    // Fixed on disk, then « Recharger »: no problem left, every tab back.
    click(&mut app, Text::ProblemsTitle.get(Lang::Fr))?;
    support::repair_content(dir.path())?;
    click(&mut app, Text::Reload.get(Lang::Fr))?;
    assert!(!app.report().has_errors());
    let warnings = app.report().diagnostics.len();
    let summary = format!(
        "0 erreur, {warnings} avertissement{}",
        if warnings > 1 { "s" } else { "" }
    );
    let summary = if warnings == 0 {
        Text::NoProblems.get(Lang::Fr).to_string()
    } else {
        summary
    };
    assert!(shows(&app, &summary), "no « {summary} »");
    assert!(shows(&app, Text::Reloaded.get(Lang::Fr)));
    assert_eq!(app.library().tabs.len(), 4);
    Ok(())
}

#[test]
fn a_folder_with_nothing_in_it_still_shows_a_window_with_the_problems() -> Result {
    let dir = tempfile::tempdir()?;
    let app = app_on(dir.path(), WINDOW);
    assert_eq!(app.screen, Screen::Problems);
    assert!(shows(&app, Text::ProblemsTitle.get(Lang::Fr)));
    let _ = simulator(&app).find(Text::Reload.get(Lang::Fr))?;
    Ok(())
}

#[test]
fn a_word_typed_in_the_search_opens_the_section_that_explains_it() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    click(&mut app, Text::Search.get(Lang::Fr))?;
    assert_eq!(app.screen, Screen::Search);
    assert!(shows(&app, Text::SearchTitle.get(Lang::Fr)));
    // Typed without its accents, as on many keyboards.
    let messages: Vec<_> = {
        let mut ui = simulator(&app);
        let _ = ui.click(id(search::FIELD))?;
        let _ = ui.typewrite("cirrhose du foie");
        ui.into_messages().collect()
    };
    assert!(!messages.is_empty(), "typing sent nothing");
    for message in messages {
        let _ = app.update(message);
    }
    assert_eq!(app.search.query, "cirrhose du foie");
    let (i, first) = app
        .search
        .hits
        .iter()
        .enumerate()
        .find(|(_, h)| matches!(h.target, patient_info::search::Target::Section { .. }))
        .map(|(i, h)| (i, h.clone()))
        .ok_or("no section among the results")?;
    assert!(shows(&app, &first.title), "the result is not shown");
    click(&mut app, id(Control::Hit(i).id()))?;
    assert_eq!(app.screen, Screen::Reader);
    let section = app.reader.section(app.library()).ok_or("no section")?;
    assert_eq!(section.title, first.title);
    assert!(shows(&app, &section.title));
    Ok(())
}

#[test]
fn a_search_that_finds_nothing_says_so_and_clear_empties_it() -> Result {
    let mut app = app(Lang::Fr, WINDOW);
    click(&mut app, Text::Search.get(Lang::Fr))?;
    let _ = app.update(patient_info::ui::Message::Search(search::Message::Query(
        "xylophone".into(),
    )));
    assert!(app.search.hits.is_empty());
    assert!(shows(
        &app,
        &format!(
            "{} «\u{a0}xylophone\u{a0}».",
            Text::SearchNone.get(Lang::Fr)
        )
    ));
    click(&mut app, Text::SearchClear.get(Lang::Fr))?;
    assert!(app.search.query.is_empty());
    assert!(shows(&app, Text::SearchHint.get(Lang::Fr)));
    Ok(())
}

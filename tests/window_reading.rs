//! Reading at large sizes and on a touch screen, played in iced's simulator:
//! the folded header and its sheets at 200 %, the reading path from section
//! to section and on into the next tab, a tab reopened where it was left,
//! the kiosk's welcome and its page buttons, and window shortcuts that work
//! while the search field has the keyboard.

#![cfg(feature = "gui")]

#[path = "support/ui.rs"]
mod support;

use iced::keyboard::key::{Code, Physical};
use iced::keyboard::{Key, Modifiers};
use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::i18n::{Label, Text};
use patient_info::ui::keys::{self, Shortcut};
use patient_info::ui::{App, Config, Control, Message, Screen, TabKey, TextSize, kiosk, reader};
use support::{Result, click, shows};

const SMALL: (f32, f32) = (800.0, 600.0);

fn app_at(lang: Lang, window: (f32, f32), percent: u16, kiosk: bool) -> App {
    let mut config = Config::new(ContentSource::Embedded, lang, support::today());
    config.window = window.into();
    config.text_size = TextSize::from_percent(percent);
    config.kiosk = kiosk;
    App::new(config)
}

#[test]
fn at_200_percent_the_tabs_and_the_settings_are_one_tap_away_in_sheets() -> Result {
    let mut app = app_at(Lang::Fr, SMALL, 200, false);
    // Folded: no tab row, no language switch in the header.
    assert!(!shows(&app, Text::GlossaryTitle.get(Lang::Fr)));
    assert!(!shows(&app, "English"));
    let first_tab = app.library().tabs[0].title.clone();
    assert!(shows(&app, &format!("Onglets\u{a0}: {first_tab}")));

    click(&mut app, Control::TabsMenu.id())?;
    click(&mut app, Text::GlossaryTitle.get(Lang::Fr))?;
    assert_eq!(app.screen, Screen::Glossary);
    assert_eq!(app.menu, None, "choosing a tab closes the sheet");

    click(&mut app, Label::Settings.get(Lang::Fr))?;
    click(&mut app, "English")?;
    assert_eq!(app.lang, Lang::En);
    click(&mut app, Text::HighContrast.get(Lang::En))?;
    assert_eq!(app.contrast, patient_info::ui::Contrast::High);
    click(&mut app, Text::Close.get(Lang::En))?;
    assert_eq!(app.menu, None);
    Ok(())
}

#[test]
fn suivante_walks_the_sections_then_leads_into_the_next_tab() -> Result {
    let mut app = app_at(Lang::Fr, SMALL, 200, false);
    let tabs: Vec<(String, usize)> = app
        .library()
        .tabs
        .iter()
        .map(|t| (t.id.clone(), t.sections.len()))
        .collect();
    let (first, count) = tabs[0].clone();
    assert!(shows(&app, &format!("Question 1 sur {count}")));
    assert!(
        !shows(&app, Label::Previous.get(Lang::Fr)),
        "nothing before"
    );
    for n in 2..=count {
        support::scroll_and_click(
            &mut app,
            iced::Point::new(400.0, 400.0),
            Control::NextSection.id(),
        )?;
        assert!(shows(&app, &format!("Question {n} sur {count}")), "{n}");
    }
    assert_eq!(
        app.reader.tab(app.library()).map(|t| t.id.clone()),
        Some(first)
    );
    // The last section leads on into the next tab, at its first section.
    assert!(shows(&app, Label::NextTab.get(Lang::Fr)));
    support::scroll_and_click(
        &mut app,
        iced::Point::new(400.0, 400.0),
        Control::NextSection.id(),
    )?;
    let next = app.library().tabs[1].clone();
    assert!(app.is_open(TabKey::Content(1)));
    assert_eq!(
        app.reader.section(app.library()).map(|s| s.id.clone()),
        Some(next.sections[0].id.clone())
    );
    // And back.
    support::scroll_and_click(
        &mut app,
        iced::Point::new(400.0, 400.0),
        Control::PreviousSection.id(),
    )?;
    assert!(app.is_open(TabKey::Content(0)));
    assert!(shows(&app, &format!("Question {count} sur {count}")));
    Ok(())
}

#[test]
fn a_tab_reopens_where_the_reader_left_it() {
    let mut app = app_at(Lang::Fr, (1280.0, 800.0), 100, false);
    let _ = app.update(Message::Reader(reader::Message::Scrolled(0.4)));
    let _ = app.update(Message::Open(TabKey::Glossary));
    let _ = app.update(Message::Open(TabKey::Content(0)));
    assert_eq!(app.reader.offset(app.library()), 0.4);
    // Another section of the tab opens at its top.
    let _ = app.update(Message::Reader(reader::Message::NextSection));
    assert_eq!(app.reader.offset(app.library()), 0.0);
}

#[test]
fn the_kiosk_welcomes_each_reader_and_their_language_choice_sticks() -> Result {
    let mut app = app_at(Lang::Fr, SMALL, 100, true);
    assert!(shows(&app, Label::Welcome.get(Lang::Fr)));
    click(&mut app, Control::Welcome(Lang::En).id())?;
    assert!(!app.kiosk.welcome);
    assert_eq!(app.lang, Lang::En);
    assert!(!shows(&app, Label::Welcome.get(Lang::En)));
    // The kiosk's page buttons scroll the text (their Task is a scroll).
    assert!(app.controls().contains(&Control::PageDown));
    click(&mut app, Control::PageDown.id())?;
    Ok(())
}

#[test]
fn a_tap_anywhere_on_the_welcome_starts_in_the_language_shown() -> Result {
    let mut app = app_at(Lang::Fr, SMALL, 200, true);
    click(&mut app, Label::WelcomeHint.get(Lang::Fr))?;
    assert!(!app.kiosk.welcome);
    assert_eq!(app.lang, Lang::Fr);
    // The welcome is not the page: nothing behind it was pressed.
    assert_eq!(app.screen, Screen::Reader);
    let _ = app.update(Message::Kiosk(kiosk::Message::Start));
    Ok(())
}

#[test]
fn window_shortcuts_work_while_the_search_field_has_the_keyboard() {
    let mut app = app_at(Lang::Fr, (1280.0, 800.0), 100, false);
    let _ = app.update(Message::OpenSearch);
    assert_eq!(app.focus, Some(Control::SearchField));
    let ctrl = Modifiers::CTRL;
    let one = keys::shortcut(
        &Key::Character("1".into()),
        Physical::Code(Code::Digit1),
        ctrl,
    );
    assert_eq!(one, Some(Shortcut::OpenTab(0)));
    // The field took the key press (captured): the shortcut still reaches
    // the window, and the « 1 » the field typed is not kept.
    let typed = patient_info::ui::search::Message::Query("1".into());
    let _ = app.update(Message::Modifiers(ctrl));
    let _ = app.update(Message::Search(typed));
    assert_eq!(app.search.query, "", "text typed with Ctrl held is no text");
    let captured = patient_info::ui::app_event(
        iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
            key: Key::Character("1".into()),
            modified_key: Key::Character("1".into()),
            physical_key: Physical::Code(Code::Digit1),
            location: iced::keyboard::Location::Standard,
            modifiers: ctrl,
            text: Some("1".into()),
            repeat: false,
        }),
        iced::event::Status::Captured,
    );
    assert!(matches!(captured, Some(Message::Key(Shortcut::OpenTab(0)))));
    let _ = app.update(Message::Modifiers(Modifiers::empty()));
    let _ = app.update(Message::Key(Shortcut::OpenTab(0)));
    assert!(app.is_open(TabKey::Content(0)));
}

#[test]
fn every_section_ends_with_who_reviewed_its_tab_or_says_a_review_is_to_come() -> Result {
    let app = app_at(Lang::Fr, (1280.0, 800.0), 100, false);
    let pending = Text::ReviewPending.get(Lang::Fr);
    let dates = support::texts(&app)
        .into_iter()
        .find(|t| t.text.starts_with("Rédigé le"))
        .ok_or("no dates line")?;
    assert!(dates.text.ends_with(pending), "{}", dates.text);

    let dir = support::copy_of_content()?;
    let path = dir.path().join("fr").join("basics.ron");
    let text = std::fs::read_to_string(&path)?
        .replacen("reviewed_by: \"\"", "reviewed_by: \"Dr Martin\"", 1)
        .replacen("reviewed_on: \"\"", "reviewed_on: \"2026-11-10\"", 1)
        .replacen("next_review: \"\"", "next_review: \"2027-11-10\"", 1);
    std::fs::write(&path, text)?;
    let app = support::app_on(dir.path(), (1280.0, 800.0));
    let dates = support::texts(&app)
        .into_iter()
        .find(|t| t.text.starts_with("Rédigé le"))
        .ok_or("no dates line")?;
    assert!(
        dates.text.ends_with("Relu par Dr Martin le 10/11/2026"),
        "{}",
        dates.text
    );
    Ok(())
}

#[test]
fn every_section_and_mes_questions_say_whom_to_call() -> Result {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, support::today());
    config.window = (1280.0, 800.0).into();
    config.settings.clinic_name = Some("Centre Lumière".into());
    config.settings.clinic_phone = Some("04 67 00 00 00".into());
    let mut app = App::new(config);
    let clinic = "Centre Lumière\u{a0}: 04 67 00 00 00";
    let national = format!(
        "{}\u{a0}: 0\u{a0}805\u{a0}123\u{a0}124",
        Label::CancerInfo.get(Lang::Fr)
    );
    assert!(shows(&app, Label::Contacts.get(Lang::Fr)));
    assert!(shows(&app, clinic), "the clinic at the end of the section");
    assert!(shows(&app, &national));
    click(&mut app, Text::QuestionsTitle.get(Lang::Fr))?;
    assert_eq!(app.screen, Screen::Questions);
    assert!(
        shows(&app, clinic),
        "the « Contacts » place on « Mes questions »"
    );
    assert!(shows(&app, &national));
    // Without a phone in the settings, the team's own number is meant.
    let app = app_at(Lang::En, (1280.0, 800.0), 100, false);
    assert!(shows(&app, "Your care team: the number you were given"));
    Ok(())
}

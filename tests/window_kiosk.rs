//! Waiting-room mode played in iced's simulator: a patient ticks a question
//! and changes the language and text size, walks away, and the countdown
//! brings the window back to the first tab in French at 100 % with nothing
//! ticked; « Continuer » keeps their page; the page cannot be touched
//! through the card; staff tap their code on the keypad. Time is driven by
//! the test with `Tick` messages; nothing sleeps.

#![cfg(feature = "gui")]

#[path = "support/ui.rs"]
mod support;

use std::time::Duration;

use iced::time::Instant;
use iced_test::selector::id;
use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::i18n::Text;
use patient_info::ui::kiosk::{self, Mode};
use patient_info::ui::{App, Config, Message, Screen, TabKey, TextSize};
use support::{Result, click, shows};

const WINDOW: (f32, f32) = (1280.0, 800.0);

fn kiosk_app() -> App {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, support::today());
    config.window = WINDOW.into();
    config.kiosk = true;
    config.settings.idle_timeout_s = 120;
    config.settings.idle_warning_s = 30;
    config.settings.staff_exit_code = Some("2468".into());
    let mut app = App::new(config);
    // A kiosk opens on its welcome; a tap starts.
    let _ = app.update(Message::Kiosk(kiosk::Message::Start));
    app
}

fn tick(app: &mut App, at: Instant) {
    let _ = app.update(Message::Kiosk(kiosk::Message::Tick(at)));
}

fn after(t0: Instant, seconds: u64) -> Instant {
    t0 + Duration::from_secs(seconds)
}

#[test]
fn a_kiosk_left_alone_goes_back_to_the_first_tab_in_french_at_100_percent() -> Result {
    let mut app = kiosk_app();
    let t0 = Instant::now();
    click(&mut app, Text::QuestionsTitle.get(Lang::Fr))?;
    let question = app.library().questions[2].clone();
    click(&mut app, question.text.as_str())?;
    assert!(app.questions.ticked.contains(&question.id));
    click(&mut app, "English")?;
    click(&mut app, "A+")?;
    assert_eq!((app.lang, app.text_size.percent()), (Lang::En, 125));

    // The reader walks away: the clock starts at the first tick after
    // their last tap.
    tick(&mut app, t0);
    tick(&mut app, after(t0, 119));
    assert!(!shows(&app, Text::StillThere.get(Lang::En)));
    tick(&mut app, after(t0, 120));
    assert!(shows(&app, Text::StillThere.get(Lang::En)));
    assert!(shows(&app, "30\u{a0}seconds"), "the countdown shows");
    tick(&mut app, after(t0, 141));
    assert!(shows(&app, "9\u{a0}seconds"));
    tick(&mut app, after(t0, 150));

    assert!(!shows(&app, Text::StillThere.get(Lang::Fr)));
    assert_eq!(app.lang, Lang::Fr);
    assert_eq!(app.text_size, TextSize::MIN);
    assert!(shows(&app, "100\u{a0}%"));
    assert_eq!(app.screen, Screen::Reader);
    assert!(app.is_open(TabKey::Content(0)));
    let first = app.library().tabs[0].sections[0].title.clone();
    assert!(shows(&app, &first), "the first section in French");
    assert!(app.questions.ticked.is_empty());
    // The next reader finds the welcome, and a tap starts.
    assert!(shows(
        &app,
        patient_info::i18n::Label::Welcome.get(Lang::Fr)
    ));
    click(&mut app, patient_info::i18n::Label::Welcome.get(Lang::Fr))?;
    assert!(!app.kiosk.welcome);
    click(&mut app, Text::QuestionsTitle.get(Lang::Fr))?;
    let counted = format!("{} 1", Text::TickedCount.get(Lang::Fr));
    assert!(!shows(&app, &counted), "nothing is ticked any more");
    Ok(())
}

#[test]
fn continuer_keeps_the_reader_s_page_and_restarts_the_clock() -> Result {
    let mut app = kiosk_app();
    let t0 = Instant::now();
    click(&mut app, Text::QuestionsTitle.get(Lang::Fr))?;
    let question = app.library().questions[0].clone();
    click(&mut app, question.text.as_str())?;
    tick(&mut app, t0);
    tick(&mut app, after(t0, 125));
    click(&mut app, Text::Continue.get(Lang::Fr))?;
    assert!(!shows(&app, Text::StillThere.get(Lang::Fr)));
    tick(&mut app, after(t0, 126));
    tick(&mut app, after(t0, 160));
    assert!(app.questions.ticked.contains(&question.id));
    assert_eq!(app.screen, Screen::Questions);
    assert!(!shows(&app, Text::StillThere.get(Lang::Fr)));
    Ok(())
}

#[test]
fn the_page_cannot_be_touched_through_the_card() -> Result {
    let mut app = kiosk_app();
    let t0 = Instant::now();
    click(&mut app, "A+")?;
    tick(&mut app, t0);
    tick(&mut app, after(t0, 130));
    assert!(
        click(&mut app, Text::GlossaryTitle.get(Lang::Fr)).is_err(),
        "a tap on a tab under the card sends nothing"
    );
    assert_eq!(app.screen, Screen::Reader);
    assert!(app.kiosk.warning.is_some());
    Ok(())
}

#[test]
fn staff_tap_their_code_on_the_keypad_to_pause_the_kiosk() -> Result {
    let mut app = kiosk_app();
    // Ctrl+Alt+Q comes from the keyboard listener, not from a widget.
    let _ = app.update(Message::Kiosk(kiosk::Message::StaffGesture));
    assert!(shows(&app, Text::StaffCode.get(Lang::Fr)));
    for digit in ["keypad-1", "keypad-2"] {
        click(&mut app, id(digit))?;
    }
    assert!(shows(&app, "• •"), "the entry shows dots, not digits");
    click(&mut app, Text::Confirm.get(Lang::Fr))?;
    assert!(shows(&app, Text::WrongCode.get(Lang::Fr)));
    for digit in ["keypad-2", "keypad-4", "keypad-6", "keypad-8"] {
        click(&mut app, id(digit))?;
    }
    click(&mut app, Text::Confirm.get(Lang::Fr))?;
    assert_eq!(app.kiosk.mode, Mode::Staff);
    assert!(shows(&app, Text::StaffMode.get(Lang::Fr)));
    click(&mut app, Text::ResumeKiosk.get(Lang::Fr))?;
    assert_eq!(app.kiosk.mode, Mode::Patient);
    assert!(!shows(&app, Text::StaffMode.get(Lang::Fr)));
    Ok(())
}

#[test]
fn annuler_closes_the_keypad() -> Result {
    let mut app = kiosk_app();
    let _ = app.update(Message::Kiosk(kiosk::Message::StaffGesture));
    click(&mut app, id("keypad-5"))?;
    click(&mut app, Text::Cancel.get(Lang::Fr))?;
    assert!(!shows(&app, Text::StaffCode.get(Lang::Fr)));
    assert_eq!(app.kiosk.panel, None);
    Ok(())
}

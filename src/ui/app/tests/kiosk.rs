//! Kiosk mode through `App::update`, with time driven by the test: ticks
//! carry instants made here, nothing sleeps.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use iced::keyboard::key::{Code, Named, NativeCode, Physical};
use iced::keyboard::{Key, Modifiers};

use std::time::Duration;

use iced::time::Instant;
use iced::{Task, window};

use crate::Lang;
use crate::content::{self, ContentSource};
use crate::settings::{SettingsProblem, SettingsWarning};
use crate::ui::app::{App, Message as AppMessage};
use crate::ui::focus::TabKey;
use crate::ui::keys::Shortcut;
use crate::ui::kiosk::*;
use crate::ui::{Config, Contrast, Screen, TextSize, glossary, questions, reader, search};

const CODE: &str = "2468";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

fn config(kiosk: bool, code: Option<&str>) -> Config {
    let mut config = Config::new(ContentSource::Embedded, Lang::Fr, today());
    config.kiosk = kiosk;
    config.settings.idle_timeout_s = 120;
    config.settings.idle_warning_s = 30;
    config.settings.staff_exit_code = code.map(str::to_string);
    config
}

fn kiosk() -> App {
    App::new(config(true, Some(CODE)))
}

fn send(app: &mut App, message: Message) -> Task<AppMessage> {
    app.update(AppMessage::Kiosk(message))
}

fn after(t0: Instant, seconds: u64) -> Instant {
    t0 + Duration::from_secs(seconds)
}

/// Someone taps, then the first tick starts the clock at `t0`.
fn used_at(app: &mut App, t0: Instant) {
    let _ = app.update(AppMessage::Pointer);
    let _ = send(app, Message::Tick(t0));
}

fn type_code(app: &mut App, code: &str) {
    for d in code.bytes() {
        let _ = send(app, Message::Digit(d - b'0'));
    }
    let _ = send(app, Message::Submit);
}

fn first_question(app: &App) -> String {
    app.library().questions[0].id.clone()
}

#[test]
fn the_idle_clock_rests_until_someone_uses_the_window() {
    let mut app = kiosk();
    let t0 = Instant::now();
    assert!(!app.kiosk.clock_running(), "no ticks needed at start-up");
    let _ = send(&mut app, Message::Tick(t0));
    let _ = send(&mut app, Message::Tick(after(t0, 3600)));
    assert_eq!(app.kiosk.warning, None);
    let _ = app.update(AppMessage::Pointer);
    assert!(app.kiosk.clock_running());
}

#[test]
fn the_warning_appears_at_the_timeout_and_counts_down_the_seconds() {
    let mut app = kiosk();
    let t0 = Instant::now();
    used_at(&mut app, t0);
    let _ = send(&mut app, Message::Tick(after(t0, 119)));
    assert_eq!(app.kiosk.warning, None);
    let _ = send(&mut app, Message::Tick(after(t0, 120)));
    assert_eq!(app.kiosk.warning, Some(30));
    let _ = send(&mut app, Message::Tick(after(t0, 135)));
    assert_eq!(app.kiosk.warning, Some(15));
    let _ = send(&mut app, Message::Tick(t0 + Duration::from_millis(149_500)));
    assert_eq!(app.kiosk.warning, Some(1), "half a second left shows 1");
}

#[test]
fn a_countdown_is_never_under_20_seconds() {
    let mut config = config(true, None);
    config.settings.idle_warning_s = 5;
    let mut app = App::new(config);
    let t0 = Instant::now();
    used_at(&mut app, t0);
    let _ = send(&mut app, Message::Tick(after(t0, 120)));
    assert_eq!(app.kiosk.warning, Some(20));
}

#[test]
fn any_input_cancels_the_warning_and_restarts_the_clock() {
    let inputs = [
        AppMessage::Pointer,
        AppMessage::Kiosk(Message::Input),
        AppMessage::Kiosk(Message::Continue),
        AppMessage::Key(Shortcut::FocusNext),
        AppMessage::TextLarger,
    ];
    for input in inputs {
        let mut app = kiosk();
        let t0 = Instant::now();
        let id = first_question(&app);
        let _ = app.update(AppMessage::Questions(questions::Message::Toggle(
            id.clone(),
        )));
        let _ = send(&mut app, Message::Tick(t0));
        let _ = send(&mut app, Message::Tick(after(t0, 125)));
        assert!(app.kiosk.warning.is_some());
        let _ = app.update(input.clone());
        assert_eq!(app.kiosk.warning, None, "{input:?}");
        // The countdown's end passes: the clock restarted at the input.
        let _ = send(&mut app, Message::Tick(after(t0, 126)));
        let _ = send(&mut app, Message::Tick(after(t0, 160)));
        assert!(
            app.questions.ticked.contains(&id),
            "{input:?} did not stop the reset"
        );
        assert_eq!(app.kiosk.warning, None);
        let _ = send(&mut app, Message::Tick(after(t0, 126 + 120)));
        assert_eq!(
            app.kiosk.warning,
            Some(30),
            "{input:?}: the clock restarted"
        );
    }
}

#[test]
fn a_key_pressed_under_the_warning_only_dismisses_it() {
    let mut app = kiosk();
    let t0 = Instant::now();
    used_at(&mut app, t0);
    let _ = send(&mut app, Message::Tick(after(t0, 130)));
    let _ = app.update(AppMessage::Key(Shortcut::OpenTab(4)));
    assert_eq!(app.kiosk.warning, None);
    assert_eq!(app.screen, Screen::Reader, "the shortcut did not act");
    let _ = app.update(AppMessage::Key(Shortcut::OpenTab(4)));
    assert_eq!(app.screen, Screen::Glossary, "the next key does");
}

#[test]
fn the_end_of_the_countdown_resets_everything_the_reader_did() {
    let mut app = kiosk();
    let t0 = Instant::now();
    let _ = app.update(AppMessage::Open(TabKey::Content(2)));
    let section = app.library().tabs[2].sections[1].id.clone();
    let _ = app.update(AppMessage::Reader(reader::Message::OpenSection(section)));
    let _ = app.update(AppMessage::Reader(reader::Message::ShowDefinition(1)));
    let letter = glossary::letters(&app.library().glossary)[1];
    let _ = app.update(AppMessage::Glossary(glossary::Message::ShowLetter(Some(
        letter,
    ))));
    for q in &app.library().questions.clone()[..3] {
        let _ = app.update(AppMessage::Questions(questions::Message::Toggle(
            q.id.clone(),
        )));
    }
    let _ = app.update(AppMessage::OpenSearch);
    assert!(app.search.keyboard, "a kiosk shows the on-screen keyboard");
    let _ = app.update(AppMessage::Keyboard(crate::ui::keyboard::Message::Type(
        'f',
    )));
    let _ = app.update(AppMessage::Search(search::Message::Query("foie".into())));
    assert!(!app.search.hits.is_empty());
    let _ = app.update(AppMessage::SetLang(Lang::En));
    let _ = app.update(AppMessage::TextLarger);
    let _ = app.update(AppMessage::TextLarger);
    let _ = app.update(AppMessage::ToggleContrast);
    let _ = app.update(AppMessage::Key(Shortcut::FocusNext));
    let _ = app.update(AppMessage::OpenExport);
    assert!(app.export.is_some());
    let _ = send(&mut app, Message::StaffGesture);
    assert!(app.kiosk.keypad().is_some());
    let _ = send(&mut app, Message::Digit(1));

    let _ = send(&mut app, Message::Tick(t0));
    let _ = send(&mut app, Message::Tick(after(t0, 120)));
    assert_eq!(app.kiosk.warning, Some(30));
    let scroll = send(&mut app, Message::Tick(after(t0, 150)));

    assert_eq!(app.lang, Lang::Fr);
    assert_eq!(app.library().lang, Lang::Fr);
    assert_eq!(app.text_size, TextSize::MIN);
    assert_eq!(app.contrast, Contrast::Normal);
    assert_eq!(app.screen, Screen::Reader);
    let first = &app.library().tabs[0];
    assert_eq!(
        app.reader.tab(app.library()).map(|t| &t.id),
        Some(&first.id)
    );
    assert_eq!(
        app.reader.section(app.library()).map(|s| &s.id),
        Some(&first.sections[0].id)
    );
    assert_eq!(app.reader.definition, None, "the glossary panel is closed");
    assert_eq!(app.glossary.letter, None);
    assert!(app.questions.ticked.is_empty(), "every question unticked");
    assert!(app.search.query.is_empty(), "the search is cleared");
    assert!(app.search.hits.is_empty());
    assert!(!app.search.keyboard, "the on-screen keyboard is put away");
    assert_eq!(app.focus, None);
    assert!(app.export.is_none(), "the export panel is closed");
    assert_eq!(app.kiosk.panel, None, "the staff keypad is closed");
    assert_eq!(app.kiosk.warning, None);
    assert!(scroll.units() > 0, "the panes go back to their top");
    assert!(
        !app.kiosk.clock_running(),
        "the clock rests until the next reader"
    );
}

#[test]
fn a_reset_goes_back_to_the_start_up_language_and_text_size() {
    let mut config = config(true, None);
    config.lang = Lang::En;
    config.text_size = TextSize::from_percent(150);
    let mut app = App::new(config);
    let t0 = Instant::now();
    let _ = app.update(AppMessage::SetLang(Lang::Fr));
    let _ = app.update(AppMessage::TextReset);
    let _ = send(&mut app, Message::Tick(t0));
    let _ = send(&mut app, Message::Tick(after(t0, 150)));
    assert_eq!(app.lang, Lang::En);
    assert_eq!(app.text_size.percent(), 150);
}

#[test]
fn outside_kiosk_mode_nothing_is_ever_reset() {
    let mut app = App::new(config(false, Some(CODE)));
    let t0 = Instant::now();
    let id = first_question(&app);
    let _ = app.update(AppMessage::Questions(questions::Message::Toggle(
        id.clone(),
    )));
    let _ = send(&mut app, Message::Tick(t0));
    let _ = send(&mut app, Message::Tick(after(t0, 10_000)));
    assert_eq!(app.kiosk.warning, None);
    assert!(app.questions.ticked.contains(&id));
    let _ = send(&mut app, Message::StaffGesture);
    assert_eq!(app.kiosk.panel, None, "no keypad outside kiosk mode");
}

#[test]
fn a_close_request_is_refused_in_kiosk_mode_and_honoured_outside() {
    let id = window::Id::unique();
    let mut app = kiosk();
    assert_eq!(send(&mut app, Message::CloseRequested(id)).units(), 0);
    assert_eq!(app.kiosk.mode, Mode::Patient);
    let mut ordinary = App::new(config(false, None));
    assert_eq!(send(&mut ordinary, Message::CloseRequested(id)).units(), 1);
}

#[test]
fn in_kiosk_mode_the_window_fills_the_screen_without_a_title_bar() {
    let base = window::Settings::default();
    let full = window_settings(base.clone(), true);
    assert!(full.fullscreen && !full.decorations);
    assert!(
        !full.exit_on_close_request,
        "the app decides on close requests"
    );
    assert!(!full.resizable && !full.minimizable && !full.closeable);
    let ordinary = window_settings(base, false);
    assert!(!ordinary.fullscreen && ordinary.decorations && ordinary.exit_on_close_request);
    let mut app = kiosk();
    assert_eq!(
        send(&mut app, Message::Opened(window::Id::unique())).units(),
        1,
        "the window is sized to its screen once open"
    );
}

#[test]
fn ctrl_alt_q_opens_the_keypad_and_digits_fill_a_masked_entry() {
    let mut app = kiosk();
    let _ = send(&mut app, Message::StaffGesture);
    assert_eq!(app.kiosk.keypad(), Some(&Keypad::default()));
    for d in [1, 2, 3] {
        let _ = send(&mut app, Message::Digit(d));
    }
    let _ = send(&mut app, Message::Digit(10));
    assert_eq!(app.kiosk.keypad().map(|k| k.entry.as_str()), Some("123"));
    let _ = send(&mut app, Message::Erase);
    assert_eq!(app.kiosk.keypad().map(|k| k.entry.as_str()), Some("12"));
    for _ in 0..20 {
        let _ = send(&mut app, Message::Digit(9));
    }
    assert_eq!(app.kiosk.keypad().map(|k| k.entry.len()), Some(MAX_DIGITS));
}

#[test]
fn a_wrong_code_says_so_clears_the_entry_and_keeps_the_kiosk() {
    let mut app = kiosk();
    let _ = send(&mut app, Message::StaffGesture);
    type_code(&mut app, "1111");
    let keypad = app.kiosk.keypad().cloned().unwrap_or_default();
    assert_eq!(keypad.refused, Some(Refusal::WrongCode));
    assert!(keypad.entry.is_empty());
    assert_eq!(app.kiosk.mode, Mode::Patient);
    // A code that starts like the right one is still wrong.
    type_code(&mut app, "24680");
    assert_eq!(app.kiosk.mode, Mode::Patient);
    let _ = send(&mut app, Message::Digit(2));
    assert_eq!(
        app.kiosk.keypad().and_then(|k| k.refused),
        None,
        "typing again clears the message"
    );
}

#[test]
fn the_right_code_pauses_the_kiosk_for_staff() {
    let mut app = kiosk();
    let _ = send(&mut app, Message::StaffGesture);
    type_code(&mut app, CODE);
    assert_eq!(app.kiosk.mode, Mode::Staff);
    assert_eq!(app.kiosk.panel, None);
    let id = window::Id::unique();
    assert_eq!(
        send(&mut app, Message::CloseRequested(id)).units(),
        1,
        "staff may close the window"
    );
    assert_eq!(send(&mut app, Message::Quit).units(), 1, "and quit");
}

#[test]
fn quit_and_resume_do_nothing_for_a_patient() {
    let mut app = kiosk();
    assert_eq!(send(&mut app, Message::Quit).units(), 0);
    let _ = send(&mut app, Message::Resume);
    assert_eq!(app.kiosk.mode, Mode::Patient);
}

#[test]
fn resuming_the_kiosk_resets_the_window_for_the_next_patient() {
    let mut app = kiosk();
    let _ = send(&mut app, Message::StaffGesture);
    type_code(&mut app, CODE);
    let _ = app.update(AppMessage::ToggleContrast);
    let _ = send(&mut app, Message::Resume);
    assert_eq!(app.kiosk.mode, Mode::Patient);
    assert_eq!(app.contrast, Contrast::Normal);
}

#[test]
fn the_idle_reset_ends_staff_mode_too() {
    let mut app = kiosk();
    let t0 = Instant::now();
    let _ = send(&mut app, Message::StaffGesture);
    type_code(&mut app, CODE);
    let _ = send(&mut app, Message::Tick(t0));
    let _ = send(&mut app, Message::Tick(after(t0, 150)));
    assert_eq!(app.kiosk.mode, Mode::Patient);
}

#[test]
fn cancel_closes_the_keypad_and_forgets_the_digits() {
    let mut app = kiosk();
    let _ = send(&mut app, Message::StaffGesture);
    let _ = send(&mut app, Message::Digit(2));
    let _ = send(&mut app, Message::Cancel);
    assert_eq!(app.kiosk.panel, None);
    let _ = send(&mut app, Message::StaffGesture);
    assert_eq!(app.kiosk.keypad(), Some(&Keypad::default()));
}

#[test]
fn keys_do_not_reach_the_window_behind_the_keypad() {
    let mut app = kiosk();
    let _ = send(&mut app, Message::StaffGesture);
    let _ = app.update(AppMessage::Key(Shortcut::OpenTab(4)));
    assert_eq!(app.screen, Screen::Reader);
    assert!(
        app.kiosk.keypad().is_some(),
        "a key does not close the keypad"
    );
}

#[test]
fn five_wrong_codes_pause_the_keypad_for_a_minute() {
    let mut app = kiosk();
    let t0 = Instant::now();
    let _ = send(&mut app, Message::StaffGesture);
    for _ in 0..MAX_TRIES {
        type_code(&mut app, "1357");
    }
    assert!(app.kiosk.locked());
    assert_eq!(
        app.kiosk.keypad().and_then(|k| k.refused),
        Some(Refusal::TooManyTries)
    );
    type_code(&mut app, CODE);
    assert_eq!(app.kiosk.mode, Mode::Patient, "no code is taken meanwhile");
    let _ = send(&mut app, Message::Tick(t0));
    let _ = send(&mut app, Message::Tick(after(t0, 59)));
    assert!(app.kiosk.locked());
    let _ = send(&mut app, Message::Tick(after(t0, 60)));
    assert!(!app.kiosk.locked());
    type_code(&mut app, CODE);
    assert_eq!(app.kiosk.mode, Mode::Staff);
}

#[test]
fn without_a_staff_code_the_gesture_only_says_the_kiosk_cannot_be_left() {
    let mut app = App::new(config(true, None));
    let _ = send(&mut app, Message::StaffGesture);
    assert_eq!(app.kiosk.panel, Some(Panel::NoCode));
    type_code(&mut app, "0000");
    assert_eq!(app.kiosk.mode, Mode::Patient);
    let _ = app.update(AppMessage::Pointer);
    assert_eq!(app.kiosk.panel, None, "a tap closes the notice");
    let _ = send(&mut app, Message::StaffGesture);
    let _ = send(&mut app, Message::Cancel);
    assert_eq!(app.kiosk.panel, None, "and so does « Fermer »");
}

/// A copy of the shipped content whose French `liver.ron` cannot load.
fn broken_content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for lang in ["fr", "en"] {
        fs::create_dir_all(dir.path().join(lang)).expect("a language folder");
        for file in content::FILE_NAMES {
            fs::copy(from.join(lang).join(file), dir.path().join(lang).join(file))
                .expect("a content file");
        }
    }
    let liver = dir.path().join("fr").join("liver.ron");
    let text = fs::read_to_string(&liver).expect("liver.ron");
    fs::write(&liver, text.replacen("title:", "titel:", 1)).expect("write liver.ron");
    dir
}

#[test]
fn a_patient_kiosk_with_broken_content_shows_the_tabs_that_loaded_and_no_problems_tab() {
    let dir = broken_content();
    let mut config = config(true, Some(CODE));
    config.source = ContentSource::Dir(dir.path().to_path_buf());
    let mut app = App::new(config);
    assert!(app.report().has_errors());
    assert_eq!(app.screen, Screen::Reader);
    assert!(app.library().tab("liver").is_none());
    assert!(!app.tabs().iter().any(|(k, _)| *k == TabKey::Problems));
    let _ = app.update(AppMessage::Open(TabKey::Problems));
    assert_eq!(
        app.screen,
        Screen::Reader,
        "the problems screen is for staff"
    );
    // Staff see it after the gesture and their code.
    let _ = send(&mut app, Message::StaffGesture);
    type_code(&mut app, CODE);
    assert!(app.tabs().iter().any(|(k, _)| *k == TabKey::Problems));
    let _ = app.update(AppMessage::Open(TabKey::Problems));
    assert_eq!(app.screen, Screen::Problems);
}

#[test]
fn ignored_settings_show_the_problems_tab_to_staff_only() {
    let warning = SettingsWarning {
        place: "settings.ron:3:5".into(),
        kind: SettingsProblem::UnknownKey {
            key: "kiosque".into(),
        },
    };
    let mut ordinary = config(false, None);
    ordinary.settings_warnings = vec![warning.clone()];
    let app = App::new(ordinary);
    assert!(app.tabs().iter().any(|(k, _)| *k == TabKey::Problems));
    let mut at_kiosk = config(true, None);
    at_kiosk.settings_warnings = vec![warning];
    let app = App::new(at_kiosk);
    assert!(!app.tabs().iter().any(|(k, _)| *k == TabKey::Problems));
}

#[test]
fn the_staff_code_is_never_printed() {
    let app = kiosk();
    assert!(!format!("{:?}", app.kiosk).contains(CODE));
}

#[test]
fn the_mask_of_a_digit_is_in_the_bundled_font() {
    assert!(crate::fonts::can_draw(crate::ui::kiosk::view::DOT));
}

const UNKNOWN: Physical = Physical::Unidentified(NativeCode::Unidentified);
const CTRL_ALT: Modifiers = Modifiers::CTRL.union(Modifiers::ALT);

fn ch(c: &str) -> Key {
    Key::Character(c.into())
}

#[test]
fn ctrl_alt_q_is_the_staff_gesture_on_qwerty_and_azerty() {
    assert!(staff_gesture(
        &ch("q"),
        Physical::Code(Code::KeyQ),
        CTRL_ALT
    ));
    assert!(staff_gesture(&ch("Q"), UNKNOWN, CTRL_ALT));
    // AZERTY: Q sits where QWERTY has A.
    assert!(staff_gesture(
        &ch("q"),
        Physical::Code(Code::KeyA),
        CTRL_ALT
    ));
    assert!(!staff_gesture(
        &ch("a"),
        Physical::Code(Code::KeyQ),
        CTRL_ALT
    ));
    assert!(!staff_gesture(&ch("q"), UNKNOWN, Modifiers::CTRL));
    assert!(!staff_gesture(&ch("q"), UNKNOWN, Modifiers::ALT));
}

#[test]
fn the_keyboard_types_on_the_keypad_too() {
    let digit = |m: Option<Message>| match m {
        Some(Message::Digit(d)) => Some(d),
        _ => None,
    };
    assert_eq!(digit(keypad_key(&ch("7"), UNKNOWN)), Some(7));
    // AZERTY: the 1 key types "&" without Shift.
    assert_eq!(
        digit(keypad_key(&ch("&"), Physical::Code(Code::Digit1))),
        Some(1)
    );
    assert_eq!(
        digit(keypad_key(
            &Key::Named(Named::End),
            Physical::Code(Code::Numpad1)
        )),
        Some(1)
    );
    assert!(matches!(
        keypad_key(&Key::Named(Named::Backspace), UNKNOWN),
        Some(Message::Erase)
    ));
    assert!(matches!(
        keypad_key(&Key::Named(Named::Enter), UNKNOWN),
        Some(Message::Submit)
    ));
    assert!(matches!(
        keypad_key(&Key::Named(Named::Escape), UNKNOWN),
        Some(Message::Cancel)
    ));
    assert!(keypad_key(&ch("x"), Physical::Code(Code::KeyX)).is_none());
}

//! The accessibility measures of what kiosk mode draws, from iced's own
//! layout in the simulator, at 100 % and 200 % text, in 1024×768 and
//! 1280×800 windows, in French and English: « Êtes-vous toujours là ? »,
//! the staff keypad (with its longest message), the notice without a staff
//! code, the staff band, and a patient kiosk on broken content.
//! - every text of a card lies inside the window, and no two overlap;
//! - every button is at least 44×44 px and inside the window;
//! - the page under the staff band and the discreet notice still fits, with
//!   a useful reading area.
//!
//! The cards are measured on their own layer: they sit over the page, so
//! their texts cover the page's by design.

#![cfg(feature = "gui")]

#[path = "support/ui.rs"]
mod support;

use iced::time::Instant;
use iced_test::Simulator;
use iced_test::selector::{Target, id};
use patient_info::Lang;
use patient_info::content::ContentSource;
use patient_info::settings::{SettingsProblem, SettingsWarning};
use patient_info::ui::kiosk::{self, MAX_TRIES};
use patient_info::ui::{App, Config, Message, TabKey, TextSize};
use support::{
    EPSILON, Result, non_blank, outside_window, overlapping, simulator, texts, texts_of,
    under_18_px,
};

const SMALL_WINDOW: (f32, f32) = (1024.0, 768.0);
const LARGE_WINDOW: (f32, f32) = (1280.0, 800.0);
/// The smallest window the layout is made for.
const SMALLEST_WINDOW: (f32, f32) = (800.0, 600.0);

fn new_app(source: ContentSource, lang: Lang, window: (f32, f32), percent: u16) -> App {
    let mut config = Config::new(source, lang, support::today());
    config.window = window.into();
    config.text_size = TextSize::from_percent(percent);
    config.kiosk = true;
    config.settings.staff_exit_code = Some("2468".into());
    let mut app = App::new(config);
    // A kiosk opens on its welcome (measured on its own); a tap starts.
    let _ = app.update(Message::Kiosk(kiosk::Message::Start));
    app
}

fn send(app: &mut App, message: kiosk::Message) {
    let _ = app.update(Message::Kiosk(message));
}

fn type_code(app: &mut App, code: &str) {
    for d in code.bytes() {
        send(app, kiosk::Message::Digit(d - b'0'));
    }
    send(app, kiosk::Message::Submit);
}

/// Each card, by name.
fn cards(lang: Lang, window: (f32, f32), percent: u16) -> Vec<(String, App)> {
    let mut cards = Vec::new();

    let mut idle = new_app(ContentSource::Embedded, lang, window, percent);
    let t0 = Instant::now();
    let _ = idle.update(Message::Pointer);
    send(&mut idle, kiosk::Message::Tick(t0));
    send(
        &mut idle,
        kiosk::Message::Tick(t0 + std::time::Duration::from_secs(120)),
    );
    cards.push(("still there".into(), idle));

    let mut keypad = new_app(ContentSource::Embedded, lang, window, percent);
    send(&mut keypad, kiosk::Message::StaffGesture);
    for d in 0..12 {
        send(&mut keypad, kiosk::Message::Digit(d % 10));
    }
    cards.push(("keypad, twelve digits".into(), keypad));

    let mut refused = new_app(ContentSource::Embedded, lang, window, percent);
    send(&mut refused, kiosk::Message::StaffGesture);
    for _ in 0..MAX_TRIES {
        type_code(&mut refused, "1357");
    }
    cards.push(("keypad, too many tries".into(), refused));

    let mut config = Config::new(ContentSource::Embedded, lang, support::today());
    config.window = window.into();
    config.text_size = TextSize::from_percent(percent);
    config.kiosk = true;
    let mut no_code = App::new(config);
    send(&mut no_code, kiosk::Message::StaffGesture);
    cards.push(("no staff code".into(), no_code));
    cards
}

/// What is wrong with the kiosk's buttons in a simulator of `app`'s view
/// or card.
fn buttons(name: &str, app: &App, ui: &mut Simulator<'_, Message>) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut keys = Vec::new();
    for button in app.kiosk.buttons() {
        let found = ui.find(id(button)).map(|t| Target::bounds(&t));
        if let Ok(b) = found
            && button.starts_with("keypad-")
            && button != "keypad-cancel"
        {
            keys.push(b.height);
        }
        wrong.extend(support::control(name, button, &found, app.window.width));
    }
    // A card too tall for the window squeezes its last row of keys.
    let (low, high) = keys
        .iter()
        .fold((f32::MAX, 0.0_f32), |(l, h), &k| (l.min(k), h.max(k)));
    if !keys.is_empty() && high - low > EPSILON {
        wrong.push(format!("{name}: the keys are {low} to {high} px tall"));
    }
    wrong
}

/// What is wrong with the layout of a card.
fn measure_card(name: &str, app: &App, percent: u16) -> Vec<String> {
    let (w, h) = (app.window.width, app.window.height);
    let Some(layer) = kiosk::layer(&app.kiosk, app.languages(), app.look()) else {
        return vec![format!("{name}: no card is shown")];
    };
    let layer = layer.map(Message::Kiosk);
    let mut ui = Simulator::with_size(patient_info::ui::settings(), app.window, layer);
    let laid = non_blank(texts_of(&mut ui));
    let mut wrong = Vec::new();
    if laid.len() < 2 {
        wrong.push(format!("{name}: only {} texts found", laid.len()));
    }
    for t in &laid {
        let b = t.bounds;
        if b.x < -EPSILON
            || b.x + b.width > w + EPSILON
            || b.y < -EPSILON
            || b.y + b.height > h + EPSILON
        {
            wrong.push(format!("{name}: « {} » leaves the window: {b:?}", t.text));
        }
    }
    if percent == 100 {
        wrong.extend(under_18_px(name, &laid));
    }
    wrong.extend(overlapping(name, &laid));
    wrong.extend(buttons(name, app, &mut ui));
    wrong
}

/// What is wrong with the page of a kiosk (staff band, discreet notice).
fn measure_page(name: &str, app: &App) -> Vec<String> {
    let (w, h) = (app.window.width, app.window.height);
    let mut wrong = outside_window(name, &non_blank(texts(app)), w, h);
    let mut ui = simulator(app);
    wrong.extend(support::scroll_area(name, app, &mut ui));
    wrong.extend(buttons(name, app, &mut ui));
    wrong
}

fn check(lang: Lang, window: (f32, f32), percent: u16) -> Result {
    let mut wrong: Vec<String> = cards(lang, window, percent)
        .iter()
        .flat_map(|(name, app)| measure_card(name, app, percent))
        .collect();

    let mut staff = new_app(ContentSource::Embedded, lang, window, percent);
    send(&mut staff, kiosk::Message::StaffGesture);
    type_code(&mut staff, "2468");
    wrong.extend(measure_page("staff band", &staff));

    if lang == Lang::Fr {
        let dir = support::copy_of_content()?;
        support::break_content(dir.path())?;
        let broken = new_app(
            ContentSource::Dir(dir.path().to_path_buf()),
            lang,
            window,
            percent,
        );
        assert!(
            support::shows(&broken, kiosk_notice(lang)),
            "no discreet notice"
        );
        wrong.extend(measure_page("patient kiosk on broken content", &broken));

        // Staff, on the problems screen: the content's problems and the
        // settings that were ignored.
        let warning = SettingsWarning {
            place: "/etc/patient-info/settings.ron:4:5".into(),
            kind: SettingsProblem::BadValue {
                key: "idle_warning_s".into(),
                expected: "20 – 600",
            },
        };
        let mut config = Config::new(
            ContentSource::Dir(dir.path().to_path_buf()),
            lang,
            support::today(),
        );
        config.window = window.into();
        config.text_size = TextSize::from_percent(percent);
        config.kiosk = true;
        config.settings.staff_exit_code = Some("2468".into());
        config.settings_warnings = vec![warning.clone()];
        let mut staff = App::new(config);
        send(&mut staff, kiosk::Message::StaffGesture);
        type_code(&mut staff, "2468");
        let _ = staff.update(Message::Open(TabKey::Problems));
        assert!(
            support::shows(
                &staff,
                &patient_info::content::typography::apply(&warning.render(lang), lang)
            ),
            "the ignored setting is not on the problems screen"
        );
        wrong.extend(measure_page("staff on the problems screen", &staff));
    }
    assert!(
        wrong.is_empty(),
        "{} problem(s) at {percent} % in {window:?} ({lang}):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    Ok(())
}

fn kiosk_notice(lang: Lang) -> &'static str {
    patient_info::i18n::Text::ContentMissing.get(lang)
}

#[test]
fn at_200_percent_the_kiosk_cards_fit_a_1024_by_768_window() -> Result {
    check(Lang::Fr, SMALL_WINDOW, 200)?;
    check(Lang::En, SMALL_WINDOW, 200)
}

#[test]
fn at_200_percent_the_kiosk_cards_fit_a_1280_by_800_window() -> Result {
    check(Lang::Fr, LARGE_WINDOW, 200)?;
    check(Lang::En, LARGE_WINDOW, 200)
}

#[test]
fn at_200_percent_the_kiosk_cards_fit_even_an_800_by_600_window() -> Result {
    for lang in [Lang::Fr, Lang::En] {
        let wrong: Vec<String> = cards(lang, SMALLEST_WINDOW, 200)
            .iter()
            .flat_map(|(name, app)| measure_card(name, app, 200))
            .collect();
        assert!(wrong.is_empty(), "{lang}:\n{}", wrong.join("\n"));
    }
    Ok(())
}

#[test]
fn at_100_percent_the_kiosk_cards_fit_and_no_text_is_under_18_px() -> Result {
    for window in [SMALL_WINDOW, LARGE_WINDOW] {
        for lang in [Lang::Fr, Lang::En] {
            check(lang, window, 100)?;
        }
    }
    Ok(())
}

#[test]
fn the_card_measure_catches_a_card_that_leaves_the_window() {
    let mut app = new_app(ContentSource::Embedded, Lang::Fr, (300.0, 300.0), 200);
    send(&mut app, kiosk::Message::StaffGesture);
    assert!(!measure_card("too small", &app, 200).is_empty());
    let mut app = new_app(ContentSource::Embedded, Lang::Fr, (800.0, 340.0), 200);
    send(&mut app, kiosk::Message::StaffGesture);
    let wrong = measure_card("too short", &app, 200);
    assert!(!wrong.is_empty(), "a squeezed keypad must be reported");
}

//! The kiosk's welcome, the idle clock that a resting pointer does not
//! start, growing keypad lockouts and the clipboard emptied at the reset,
//! through `App::update` with time driven by the test.

use std::time::Duration;

use chrono::NaiveDate;
use iced::Task;
use iced::time::Instant;

use crate::Lang;
use crate::content::ContentSource;
use crate::ui::Config;
use crate::ui::app::{App, Message as AppMessage};
use crate::ui::kiosk::*;

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

fn type_code(app: &mut App, code: &str) {
    for d in code.bytes() {
        let _ = send(app, Message::Digit(d - b'0'));
    }
    let _ = send(app, Message::Submit);
}

#[test]
fn pointer_moves_are_watched_once_per_tick_once_someone_started() {
    let mut app = kiosk();
    assert!(
        !app.kiosk.watching_motion(),
        "a pointer resting under the new window is nobody"
    );
    let _ = send(&mut app, Message::Input);
    let _ = send(&mut app, Message::Tick(Instant::now()));
    assert!(app.kiosk.watching_motion());
    let _ = send(&mut app, Message::Motion);
    assert!(!app.kiosk.watching_motion(), "one move a second is enough");
    let _ = send(&mut app, Message::Tick(Instant::now()));
    assert!(app.kiosk.watching_motion());
}

#[test]
fn a_pointer_resting_at_start_does_not_start_the_idle_clock() {
    let mut app = kiosk();
    let t0 = Instant::now();
    // The window opens under a resting pointer: the system reports moves.
    for s in 0..300 {
        let _ = send(&mut app, Message::Motion);
        let _ = send(&mut app, Message::Tick(after(t0, s)));
    }
    assert!(!app.kiosk.clock_running(), "no countdown in an empty room");
    assert_eq!(app.kiosk.warning, None);
    assert!(app.kiosk.welcome, "the welcome still waits");
}

#[test]
fn the_welcome_shows_at_start_and_after_each_reset_and_a_tap_starts() {
    let mut app = kiosk();
    assert!(app.kiosk.welcome);
    assert!(app.kiosk.covered());
    let t0 = Instant::now();
    let _ = send(&mut app, Message::Welcome(Lang::En));
    assert!(!app.kiosk.welcome);
    assert_eq!(app.lang, Lang::En, "the language chosen on the welcome");
    let _ = send(&mut app, Message::Tick(t0));
    assert!(
        app.kiosk.clock_running(),
        "the first touch starts the clock"
    );
    // The idle reset brings the welcome back, in the start-up language.
    let _ = send(&mut app, Message::Tick(after(t0, 200)));
    assert!(app.kiosk.welcome);
    assert_eq!(app.lang, Lang::Fr);
    // A tap anywhere else starts in the language shown.
    let _ = send(&mut app, Message::Start);
    assert!(!app.kiosk.welcome);
    assert_eq!(app.lang, Lang::Fr);
    // An ordinary window has no welcome.
    let ordinary = App::new(config(false, None));
    assert!(!ordinary.kiosk.welcome);
}

#[test]
fn each_lockout_of_the_keypad_lasts_twice_as_long_and_says_so() {
    let mut app = kiosk();
    let _ = send(&mut app, Message::StaffGesture);
    let mut t = Instant::now();
    for (n, minutes) in [1u64, 2, 4, 8].into_iter().enumerate() {
        // A long pause ends in the idle reset, which closes the keypad.
        if app.kiosk.keypad().is_none() {
            let _ = send(&mut app, Message::StaffGesture);
        }
        for _ in 0..MAX_TRIES {
            type_code(&mut app, "1357");
        }
        assert!(app.kiosk.locked(), "lockout {n}");
        assert_eq!(app.kiosk.pause(), Some(Duration::from_secs(60 * minutes)));
        let _ = send(&mut app, Message::Tick(t));
        let _ = send(
            &mut app,
            Message::Tick(t + Duration::from_secs(60 * minutes - 1)),
        );
        assert!(app.kiosk.locked(), "still paused just before {minutes} min");
        t += Duration::from_secs(60 * minutes);
        let _ = send(&mut app, Message::Tick(t));
        assert!(!app.kiosk.locked(), "open again after {minutes} min");
    }
    // Never longer than a day, however many lockouts.
    assert_eq!(lockout(40), MAX_LOCKOUT);
}

#[test]
fn the_idle_reset_empties_the_clipboard_and_the_primary_selection() {
    use iced::advanced::clipboard::Kind;
    use iced::futures::{StreamExt, executor};
    use iced_test::runtime::{Action as Run, clipboard::Action as Clip};
    let mut app = kiosk();
    let task = app.reset();
    let Some(stream) = iced_test::runtime::task::into_stream(task) else {
        panic!("the reset runs nothing");
    };
    let mut emptied = Vec::new();
    for action in executor::block_on(stream.collect::<Vec<_>>()) {
        if let Run::Clipboard(Clip::Write { target, contents }) = action {
            assert_eq!(contents, "", "nothing of the previous reader stays");
            emptied.push(target);
        }
    }
    assert!(emptied.contains(&Kind::Standard), "{emptied:?}");
    assert!(emptied.contains(&Kind::Primary), "{emptied:?}");
}

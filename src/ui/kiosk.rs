//! Waiting-room (kiosk) mode. The window fills the screen and refuses to
//! close; after `idle_timeout_s` without input it asks « Êtes-vous toujours
//! là ? » with a countdown of `idle_warning_s` seconds, then resets
//! everything the reader did; staff leave with Ctrl+Alt+Q and their code
//! typed on an on-screen keypad. Time only comes in as `Tick(Instant)`
//! messages, so tests drive it without waiting.
//!
//! [`State`] is the kiosk's own state machine; what the app does with it
//! (which messages count as input, which are held back while a card is
//! shown, what to subscribe to) is in `app/kiosk.rs`.

use std::fmt;
use std::time::Duration;

use iced::time::Instant;
use iced::window;

use crate::settings::{MIN_IDLE_WARNING_S, Settings};

mod input;
pub(crate) mod view;

pub use input::{keypad_key, staff_gesture, window_settings};
pub use view::{content_missing, layer, nothing_to_read, staff_band};

/// How often the idle clock is read while someone uses the window.
pub const TICK: Duration = Duration::from_secs(1);
/// Wrong codes in a row before the keypad stops taking codes.
pub const MAX_TRIES: u32 = 5;
/// How long the keypad stops taking codes after [`MAX_TRIES`] wrong ones.
pub const LOCKOUT: Duration = Duration::from_secs(60);
/// The longest code the keypad takes (the settings allow 4 to 12 digits).
pub const MAX_DIGITS: usize = 12;

/// Who the window is for at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Not a kiosk: an ordinary window, no idle reset.
    Off,
    /// A kiosk with a patient in front of it, or nobody.
    Patient,
    /// A kiosk paused by staff (after Ctrl+Alt+Q and their code): the
    /// problems list shows, and the window may be closed or quit.
    Staff,
}

/// A card shown over the window, which takes every tap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Panel {
    /// The staff keypad.
    Keypad(Keypad),
    /// Ctrl+Alt+Q without a staff code in the settings.
    NoCode,
}

/// The keypad's entry, shown as dots.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keypad {
    pub entry: String,
    /// Why the last code was refused, until a digit is typed again.
    pub refused: Option<Refusal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    WrongCode,
    TooManyTries,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The clock, once a second while someone uses the window.
    Tick(Instant),
    /// A key or a tap that no other message stands for.
    Input,
    /// A pointer move, a scroll or a finger move: someone is there, but only
    /// once someone has started (a pointer resting where the window opened
    /// does not start the clock).
    Motion,
    /// « Touchez l'écran pour commencer »: a tap anywhere on the welcome.
    Start,
    /// A language button of the welcome.
    Welcome(crate::Lang),
    /// « Continuer » on « Êtes-vous toujours là ? ».
    Continue,
    /// Ctrl+Alt+Q.
    StaffGesture,
    /// A digit of the keypad, 0 to 9.
    Digit(u8),
    /// « Effacer »: the last digit.
    Erase,
    /// « Valider ».
    Submit,
    /// « Annuler » on the keypad, « Fermer » on the notice.
    Cancel,
    /// Staff: « Reprendre la borne ».
    Resume,
    /// Staff: « Quitter le programme ».
    Quit,
    /// The window manager asks the window to close.
    CloseRequested(window::Id),
    /// The window opened: make it cover the screen.
    Opened(window::Id),
}

/// What the app must do after a kiosk message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    /// Everything back to how it started (the app's `reset`).
    Reset,
    /// End the program.
    Exit,
    /// Close this window (which ends the program).
    Close(window::Id),
    /// Size this window to its screen.
    CoverScreen(window::Id),
    /// Show the content in this language (chosen on the welcome).
    SetLang(crate::Lang),
}

/// The staff code, never printed (not even in debug output).
#[derive(Clone, PartialEq, Eq)]
struct StaffCode(String);

impl fmt::Debug for StaffCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StaffCode(…)")
    }
}

/// When the keypad takes codes again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lock {
    Open,
    /// Too many wrong codes; the pause starts at the next tick.
    Starting,
    Until(Instant),
}

/// The kiosk's state: mode, overlay, idle clock and keypad.
#[derive(Debug, Clone)]
pub struct State {
    pub mode: Mode,
    /// « Touchez l'écran pour commencer », at start and after each reset.
    pub welcome: bool,
    pub panel: Option<Panel>,
    /// Seconds left before the reset while « Êtes-vous toujours là ? »
    /// shows.
    pub warning: Option<u32>,
    /// The tick that followed the last input; `None` while nobody has used
    /// the window since start-up or the last reset (then the clock rests).
    last_input: Option<Instant>,
    /// Input came since the last tick.
    input_pending: bool,
    failures: u32,
    lock: Lock,
    timeout: Duration,
    countdown: Duration,
    code: Option<StaffCode>,
}

impl State {
    /// The kiosk as the settings describe it; [`Mode::Off`] unless `kiosk`.
    pub fn new(kiosk: bool, settings: &Settings) -> State {
        State {
            mode: if kiosk { Mode::Patient } else { Mode::Off },
            welcome: kiosk,
            panel: None,
            warning: None,
            last_input: None,
            input_pending: false,
            failures: 0,
            lock: Lock::Open,
            timeout: Duration::from_secs(settings.idle_timeout_s.max(1).into()),
            countdown: Duration::from_secs(settings.idle_warning_s.max(MIN_IDLE_WARNING_S).into()),
            code: settings
                .staff_exit_code
                .clone()
                .filter(|c| !c.is_empty())
                .map(StaffCode),
        }
    }

    /// Whether the window is a kiosk (with a patient or staff).
    pub fn is_kiosk(&self) -> bool {
        self.mode != Mode::Off
    }

    /// Whether the window is a kiosk in front of a patient: no problems
    /// tab, no closing.
    pub fn patient(&self) -> bool {
        self.mode == Mode::Patient
    }

    /// Whether a card, the welcome or « Êtes-vous toujours là ? » covers
    /// the window.
    pub fn covered(&self) -> bool {
        self.warning.is_some() || self.panel.is_some() || self.welcome
    }

    pub fn keypad(&self) -> Option<&Keypad> {
        match &self.panel {
            Some(Panel::Keypad(keypad)) => Some(keypad),
            _ => None,
        }
    }

    /// Whether the keypad refuses codes for now.
    pub fn locked(&self) -> bool {
        self.lock != Lock::Open
    }

    /// Whether the idle clock runs (someone used the window since start-up
    /// or the last reset): only then does the window need ticks.
    pub fn clock_running(&self) -> bool {
        self.is_kiosk() && (self.last_input.is_some() || self.input_pending || self.locked())
    }

    /// Whether pointer moves and scrolls are worth a message: only while
    /// the clock runs (someone started), and once per tick is enough to
    /// know someone is still there.
    pub fn watching_motion(&self) -> bool {
        self.is_kiosk() && !self.input_pending && self.last_input.is_some()
    }

    /// Someone did something: the countdown stops (and a tap or a key
    /// closes the notice).
    pub fn input(&mut self, closes_notice: bool) {
        if !self.is_kiosk() {
            return;
        }
        self.input_pending = true;
        self.warning = None;
        if closes_notice && self.panel == Some(Panel::NoCode) {
            self.panel = None;
        }
    }

    /// A key on the welcome: the reader starts, in the language shown.
    pub fn key_pressed(&mut self) {
        self.welcome = false;
    }

    pub fn update(&mut self, message: Message) -> Action {
        if !self.is_kiosk() {
            // An ordinary window closes when asked, and has no idle clock.
            return match message {
                Message::CloseRequested(id) => Action::Close(id),
                _ => Action::None,
            };
        }
        match message {
            Message::Tick(now) => return self.tick(now),
            Message::Input | Message::Continue => self.input(false),
            Message::Motion => {
                if self.last_input.is_some() {
                    self.input(false);
                }
            }
            Message::Start => {
                self.welcome = false;
                self.input(false);
            }
            Message::Welcome(lang) => {
                self.welcome = false;
                self.input(false);
                return Action::SetLang(lang);
            }
            Message::StaffGesture => {
                self.input(false);
                if self.mode == Mode::Patient && self.panel.is_none() {
                    self.panel = Some(match self.code {
                        Some(_) => Panel::Keypad(Keypad::default()),
                        None => Panel::NoCode,
                    });
                }
            }
            Message::Digit(digit) => {
                self.input(false);
                let locked = self.locked();
                if let Some(Panel::Keypad(keypad)) = &mut self.panel
                    && !locked
                    && digit <= 9
                    && keypad.entry.len() < MAX_DIGITS
                {
                    keypad.entry.push(char::from(b'0' + digit));
                    keypad.refused = None;
                }
            }
            Message::Erase => {
                self.input(false);
                if let Some(Panel::Keypad(keypad)) = &mut self.panel {
                    keypad.entry.pop();
                }
            }
            Message::Submit => {
                self.input(false);
                self.submit();
            }
            Message::Cancel => {
                self.input(false);
                self.panel = None;
            }
            Message::Resume => {
                if self.mode == Mode::Staff {
                    self.mode = Mode::Patient;
                    return Action::Reset;
                }
            }
            Message::Quit => {
                if self.mode == Mode::Staff {
                    return Action::Exit;
                }
            }
            Message::CloseRequested(id) => {
                if self.mode == Mode::Staff {
                    return Action::Close(id);
                }
            }
            Message::Opened(id) => return Action::CoverScreen(id),
        }
        Action::None
    }

    /// Checks the typed code: the right one pauses the kiosk for staff.
    fn submit(&mut self) {
        let locked = self.locked();
        let Some(Panel::Keypad(keypad)) = &mut self.panel else {
            return;
        };
        if locked || keypad.entry.is_empty() {
            return;
        }
        let entry = std::mem::take(&mut keypad.entry);
        if self.code.as_ref().is_some_and(|c| c.0 == entry) {
            self.failures = 0;
            self.panel = None;
            self.mode = Mode::Staff;
        } else {
            self.failures += 1;
            keypad.refused = Some(Refusal::WrongCode);
            if self.failures >= MAX_TRIES {
                keypad.refused = Some(Refusal::TooManyTries);
                self.lock = Lock::Starting;
            }
        }
    }

    /// A second passed: start the clock after input, show or count down
    /// the warning, or ask for the reset when the countdown ends.
    fn tick(&mut self, now: Instant) -> Action {
        match self.lock {
            Lock::Starting => self.lock = Lock::Until(now + LOCKOUT),
            Lock::Until(until) if now >= until => {
                self.lock = Lock::Open;
                self.failures = 0;
                if let Some(Panel::Keypad(keypad)) = &mut self.panel {
                    keypad.refused = None;
                }
            }
            Lock::Until(_) | Lock::Open => {}
        }
        if self.input_pending {
            self.input_pending = false;
            self.last_input = Some(now);
            self.warning = None;
            return Action::None;
        }
        let Some(last) = self.last_input else {
            return Action::None;
        };
        let idle = now.saturating_duration_since(last);
        let end = self.timeout + self.countdown;
        if idle >= end {
            return Action::Reset;
        }
        self.warning = (idle >= self.timeout).then(|| {
            let left = end - idle;
            let whole = left.as_secs() + u64::from(left.subsec_nanos() > 0);
            u32::try_from(whole).unwrap_or(u32::MAX)
        });
        Action::None
    }

    /// After the app's reset: a patient kiosk at rest, nothing shown over
    /// it. The keypad's pause after wrong codes outlives the reset.
    pub fn reset(&mut self) {
        if self.is_kiosk() {
            self.mode = Mode::Patient;
            self.welcome = true;
        }
        self.panel = None;
        self.warning = None;
        self.last_input = None;
        self.input_pending = false;
    }
}

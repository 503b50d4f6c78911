//! The reading window (iced 0.14). [`App`] (in `app`, the only module that
//! knows it) holds the state and carries out what the screens ask for; each
//! screen (`header`, `reader`, `glossary`, `questions`, `search`,
//! `problems`, `export`, `kiosk`) takes the data it shows and returns its
//! own Message or Action. Colours and sizes come from `theme`. Only this
//! module and `main.rs` name iced.

mod app;
mod contacts;
mod controls;
pub mod export;
pub mod focus;
pub mod glossary;
mod header;
pub mod keyboard;
pub mod keys;
pub mod kiosk;
pub mod problems;
pub mod questions;
pub mod reader;
mod reveal;
mod rich;
pub mod search;
pub mod theme;
mod unhinted;

use iced::font::Weight;
use iced::{Font, Pixels, Settings, Size};

pub use app::{App, Config, Message, Screen, Shown};
pub use focus::{Control, TabKey};
pub use rich::FOUND_WORD;
pub use theme::{Contrast, Sizes, TextSize};

use crate::Lang;
use crate::i18n::Text;

/// The size the window opens at, in logical pixels.
pub const WINDOW_SIZE: Size = Size::new(1280.0, 800.0);

/// The smallest window the layout is made for.
pub const MIN_WINDOW_SIZE: Size = Size::new(800.0, 600.0);

/// The bundled Atkinson Hyperlegible, regular.
pub const FONT: Font = Font::with_name(crate::fonts::FAMILY);

/// The bundled Atkinson Hyperlegible, bold.
pub const BOLD: Font = Font {
    weight: Weight::Bold,
    ..FONT
};

/// The iced settings of the window with the bundled regular and bold fonts
/// listed (with hinting turned off, see `unhinted`), Atkinson Hyperlegible
/// as the default font: what the simulator tests open. The real window
/// uses [`run_settings`], whose fonts its font thread loads.
pub fn settings() -> Settings {
    Settings {
        fonts: unhinted::fonts(),
        ..run_settings()
    }
}

/// The settings of the real window: [`settings`] without the fonts, which
/// [`start_font_thread`] makes and loads (the unhinted copies are made
/// there too, off the window's thread).
pub(crate) fn run_settings() -> Settings {
    Settings {
        id: Some("patient-info".into()),
        default_font: FONT,
        default_text_size: Pixels(Sizes::new(TextSize::MIN).body),
        ..Settings::default()
    }
}

/// Why the window could not open.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no display to open the window on: set DISPLAY (X11) or WAYLAND_DISPLAY (Wayland)")]
    NoDisplay,
    #[error("the display named by DISPLAY or WAYLAND_DISPLAY cannot be reached ({0})")]
    Unreachable(String),
    #[error(
        "the window was closed by another program; the program stops so that it can be started again"
    )]
    WindowLost,
    #[error("the window failed: {0}")]
    Window(#[from] iced::Error),
}

/// Set when another program destroyed the window: the run then ends with
/// an error, so that a service manager starts the program again.
static WINDOW_LOST: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records that the window is gone (see [`Error::WindowLost`]).
fn window_lost() {
    WINDOW_LOST.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// The words iced's event loop panics with when the display cannot be
/// reached (iced 0.14 has no error for it).
const NO_EVENT_LOOP: &str = "Create event loop";

/// Runs the window, turning iced's panic on an unreachable display into
/// [`Error::Unreachable`]; any other panic goes on as it was.
fn run_catching(run: impl FnOnce() -> Result<(), iced::Error>) -> Result<(), Error> {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if !text.starts_with(NO_EVENT_LOOP) {
            default(info);
        }
    }));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(result) => result?,
        Err(payload) => {
            let text = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            if let Some(detail) = text.strip_prefix(NO_EVENT_LOOP) {
                return Err(Error::Unreachable(
                    detail.trim_start_matches(':').trim().to_string(),
                ));
            }
            std::panic::resume_unwind(payload);
        }
    }
    if WINDOW_LOST.load(std::sync::atomic::Ordering::SeqCst) {
        return Err(Error::WindowLost);
    }
    Ok(())
}

/// Opens the window and runs it until it is closed.
pub fn run(config: Config) -> Result<(), Error> {
    // Without a display iced panics while creating its event loop; say why
    // instead. Only X11 and Wayland have such variables: Windows and macOS
    // always have their desktop.
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let has_display = ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
        if !has_display {
            return Err(Error::NoDisplay);
        }
    }
    let window = kiosk::window_settings(
        iced::window::Settings {
            size: config.window,
            min_size: Some(MIN_WINDOW_SIZE),
            platform_specific: platform_specific(),
            ..Default::default()
        },
        config.kiosk,
    );
    run_catching(|| app::run(config, window))?;
    Ok(())
}

/// What only one platform has: on X11 and Wayland the application id (the
/// desktop file's name, which docks and window rules match on).
#[cfg(all(unix, not(target_os = "macos")))]
fn platform_specific() -> iced::window::settings::PlatformSpecific {
    iced::window::settings::PlatformSpecific {
        application_id: "patient-info".into(),
        ..Default::default()
    }
}

/// Windows and macOS: the defaults.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn platform_specific() -> iced::window::settings::PlatformSpecific {
    iced::window::settings::PlatformSpecific::default()
}

/// Starts the font thread: it builds the font database (ours, and the
/// system's where `system_fonts` did not point fontconfig at none) and
/// readies it for our text (`warm_text`) while the
/// window is created and the content loads. The real window's settings
/// name no fonts ([`run_settings`]): this thread loads them, so that
/// creating the window does not wait for the database. Should the thread
/// not start, the work is done here.
///
/// It is started from the window's boot, once iced has connected to the
/// display, and not before: while the process has a single thread, glibc's
/// stdio skips its locks, and libX11 reads the input method's Compose file
/// (thousands of lines) one `getc` at a time while iced sets up input. With
/// a second thread already running that reading took 6 ms more, a fifth of
/// the whole start (measured with `perf record` over 20 launches).
pub(crate) fn start_font_thread() {
    fn work() {
        if let Ok(mut fonts) = iced::advanced::graphics::text::font_system().write() {
            for font in unhinted::fonts() {
                fonts.load_font(font);
            }
        }
        warm_text();
    }
    if std::thread::Builder::new()
        .name("fonts".into())
        .spawn(work)
        .is_err()
    {
        work();
    }
}

/// Shapes a line of French in each window font, on the font thread, so
/// that the first frame finds the fonts already matched, parsed and their
/// shaping plans built (all of which the font system keeps for every
/// later text) instead of doing that work itself.
fn warm_text() {
    use iced::advanced::text::Paragraph as _;
    let size = Sizes::new(TextSize::MIN).body;
    for font in [FONT, BOLD] {
        let _ = iced::advanced::graphics::text::Paragraph::with_text(rich::prose::paragraph(
            "Pourquoi un traitement peut-il cesser d’agir ? « Foie » : 1, 2… À É ç",
            Size::INFINITE,
            size,
            theme::LINE_HEIGHT.into(),
            font,
        ));
    }
}

/// What the window makes of an event (the app's own filter), for tests
/// that check a key reaches the window even when a widget took it.
pub fn app_event(event: iced::Event, status: iced::event::Status) -> Option<Message> {
    app::on_event(event, status, iced::window::Id::unique())
}

/// What every view needs to know to draw itself: colours, sizes, language,
/// the control that has keyboard focus, and the window size.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub colors: &'static theme::Colors,
    pub sizes: Sizes,
    pub lang: Lang,
    pub focus: Option<Control>,
    pub window: Size,
}

impl Look {
    /// An interface string in the current language.
    pub fn text(&self, text: Text) -> &'static str {
        text.get(self.lang)
    }

    /// A label of the window in the current language.
    pub fn label(&self, label: crate::i18n::Label) -> &'static str {
        label.get(self.lang)
    }

    /// Whether the window folds its header and tab row and gives the text
    /// the screen: from 150 % text, or in a narrow or short window.
    pub fn compact(&self) -> bool {
        self.sizes.body >= 1.5 * Sizes::new(TextSize::MIN).body
            || self.window.width < 1000.0
            || self.window.height < 700.0
    }

    /// Whether `control` has keyboard focus.
    pub fn focused(&self, control: Control) -> bool {
        self.focus == Some(control)
    }
}

//! The reading window (iced 0.14). [`App`] holds the state and carries out
//! what the screens ask for; each screen (`reader`, `glossary`,
//! `questions`, `problems`) has its own State, Message, update returning an
//! Action, and view. Colours and sizes come from `theme`. Only this module
//! and `main.rs` name iced.

mod app;
mod controls;
pub mod export;
pub mod focus;
pub mod glossary;
mod header;
pub mod keys;
pub mod kiosk;
pub mod problems;
pub mod questions;
pub mod reader;
mod rich;
pub mod search;
pub mod theme;
mod unhinted;

use iced::font::Weight;
use iced::{Font, Pixels, Settings, Size, Task};

pub use app::{App, Config, Message, Screen};
pub use focus::{Control, TabKey};
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

/// The iced settings of the window: the bundled regular and bold fonts
/// loaded (with hinting turned off, see `unhinted`), Atkinson
/// Hyperlegible as the default font. The simulator tests use the same.
pub fn settings() -> Settings {
    Settings {
        id: Some("patient-info".into()),
        fonts: unhinted::fonts(),
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
    #[error("the window failed: {0}")]
    Window(#[from] iced::Error),
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
    let size = config.window;
    let kiosk = config.kiosk;
    // While iced connects to the display and sets up input, two threads do
    // work it would otherwise do one after the other: one builds the font
    // database (the system's fonts, then ours, which iced then skips as
    // already loaded) and readies it for our text (`warm_text`), one loads
    // the content, which the window's start waits for.
    std::thread::spawn(|| {
        if let Ok(mut fonts) = iced::advanced::graphics::text::font_system().write() {
            for font in unhinted::fonts() {
                fonts.load_font(font);
            }
        }
        warm_text();
    });
    let loading = {
        let (source, lang, today) = (config.source.clone(), config.lang, config.today);
        std::sync::Mutex::new(Some(std::thread::spawn(move || {
            crate::content::load(&source, lang, today)
        })))
    };
    let boot = move || {
        let loaded = loading
            .lock()
            .ok()
            .and_then(|mut handle| handle.take())
            .and_then(|handle| handle.join().ok());
        match loaded {
            Some(report) => (App::with_report(config.clone(), report), Task::none()),
            // Started twice, or the loading thread panicked: load here.
            None => App::boot(config.clone()),
        }
    };
    iced::application(boot, App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .theme(App::theme)
        .settings(settings())
        .window(kiosk::window_settings(
            iced::window::Settings {
                size,
                min_size: Some(MIN_WINDOW_SIZE),
                platform_specific: platform_specific(),
                ..Default::default()
            },
            kiosk,
        ))
        .run()?;
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

    /// Whether `control` has keyboard focus.
    pub fn focused(&self, control: Control) -> bool {
        self.focus == Some(control)
    }
}

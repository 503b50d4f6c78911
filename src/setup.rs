//! What applies once the command line and the settings file are read: the
//! command line first, then the settings, then the defaults. Built once at
//! start-up and handed to both the command line (`cli`) and the window
//! (`ui`), so the settings file is read once per run.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::Lang;
use crate::content::ContentSource;
use crate::settings::{self, Loaded};

/// What the command line asks for, before the settings are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// `--content DIR`.
    pub content: Option<PathBuf>,
    /// `--lang`.
    pub lang: Option<Lang>,
    /// `--settings FILE`.
    pub settings: Option<PathBuf>,
    /// `--kiosk`.
    pub kiosk: bool,
}

/// The settings as read, and what they and the command line decide.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The settings file as read, with what it said that was ignored.
    pub settings: Loaded,
    /// Where the content is read from.
    pub source: ContentSource,
    /// The language of the content and of the messages.
    pub lang: Lang,
    /// Waiting-room mode.
    pub kiosk: bool,
    /// Today, for the content's review dates.
    pub today: NaiveDate,
}

impl Setup {
    /// Reads the settings file (`--settings`, else the config folder's) and
    /// combines it with the command line.
    pub fn new(request: &Request) -> Setup {
        Setup::with_settings(
            request,
            settings::load(request.settings.as_deref()),
            today(),
        )
    }

    /// Combines the command line with settings already read.
    pub fn with_settings(request: &Request, settings: Loaded, today: NaiveDate) -> Setup {
        let s = &settings.settings;
        let source = request
            .content
            .clone()
            .or(s.content_dir.clone())
            .map_or(ContentSource::Embedded, ContentSource::Dir);
        Setup {
            source,
            lang: request.lang.unwrap_or(s.default_language),
            kiosk: request.kiosk || s.kiosk,
            today,
            settings,
        }
    }
}

/// Today, in the computer's time zone.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

//! The application: its start-up [`Config`], the state of every screen, the
//! top-level [`Message`], and the one `update` that matches every message
//! and calls plain methods on the screens' states. Only this module and
//! `app/` know [`App`]; each screen takes the data it shows and returns its
//! own message or action.
//!
//! - `app/navigate.rs`: opening tabs, sections, entries and search, the
//!   language, reloading;
//! - `app/input.rs`: the focus ring, shortcuts and scrolling;
//! - `app/events.rs`: the events the window listens to (kiosk included);
//! - `app/export_panel.rs`: the « Imprimer / PDF » panel's side of the app;
//! - `app/kiosk_mode.rs`: what kiosk mode holds back, counts as input,
//!   resets.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use iced::widget::operation::{self, RelativeOffset};
use iced::{Size, Task, Theme};

use super::focus::{Control, TabKey};
use super::keys::Shortcut;
use super::theme::{Contrast, Sizes, TextSize};
use super::{
    Look, WINDOW_SIZE, export, glossary, header, keyboard, kiosk, problems, questions, reader,
    search, theme,
};
use crate::Lang;
use crate::content::{self, ContentSource, Library, LoadReport};
use crate::i18n::Text;
use crate::settings::{Settings, SettingsWarning};
use crate::setup::Setup;

mod events;
mod export_panel;
mod input;
mod kiosk_mode;
mod navigate;
mod repaint;
mod start;
mod view;

pub(super) use view::run;

/// How the window starts, and what [`App::reset`] returns to.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where the content is read from (and reloaded from).
    pub source: ContentSource,
    /// The language at start.
    pub lang: Lang,
    pub text_size: TextSize,
    pub contrast: Contrast,
    /// Today, for the content's review dates.
    pub today: NaiveDate,
    /// The window size at start, in logical pixels.
    pub window: Size,
    /// Waiting-room mode (`--kiosk` or `kiosk: true`).
    pub kiosk: bool,
    /// Everything else the settings file says: idle delays, staff code,
    /// clinic name, export folder, printer, copies, duplex, save dialog.
    pub settings: Settings,
    /// What the settings file said that was ignored, shown to staff.
    pub settings_warnings: Vec<SettingsWarning>,
}

impl Config {
    /// Defaults: 100 % text, normal contrast, a 1280×800 window, default
    /// settings, not in kiosk mode.
    pub fn new(source: ContentSource, lang: Lang, today: NaiveDate) -> Config {
        Config {
            source,
            lang,
            text_size: TextSize::default(),
            contrast: Contrast::default(),
            today,
            window: WINDOW_SIZE,
            kiosk: false,
            settings: Settings::default(),
            settings_warnings: Vec::new(),
        }
    }

    /// What the command line and the settings file decided (see
    /// [`Setup`]): content, language, text size, kiosk mode and the rest of
    /// the settings.
    pub fn from_setup(setup: &Setup) -> Config {
        let loaded = &setup.settings;
        Config {
            text_size: TextSize::from_percent(loaded.settings.default_text_size),
            kiosk: setup.kiosk,
            settings: loaded.settings.clone(),
            settings_warnings: loaded.warnings.clone(),
            ..Config::new(setup.source.clone(), setup.lang, setup.today)
        }
    }
}

/// What fills the window under the tab row (unless the « Imprimer / PDF »
/// panel covers it: see [`Shown`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// A content tab (which one is in [`reader::State`]).
    Reader,
    Glossary,
    Questions,
    Problems,
    /// « Rechercher ».
    Search,
}

/// What the body of the window shows: a screen, or the « Imprimer / PDF »
/// panel over it. Asked in one place, [`App::shown`].
#[derive(Debug, Clone, Copy)]
pub enum Shown<'a> {
    Screen(Screen),
    Panel(&'a export::State),
}

#[derive(Debug, Clone)]
pub enum Message {
    SetLang(Lang),
    TextSmaller,
    TextLarger,
    TextReset,
    ToggleContrast,
    /// « Imprimer / PDF ».
    OpenExport,
    /// « Rechercher »: the search screen, its field ready for typing.
    OpenSearch,
    Search(search::Message),
    /// A key of the search screen's on-screen keyboard.
    Keyboard(keyboard::Message),
    /// The « Imprimer / PDF » panel, and the results of its jobs.
    Export(export::Message),
    /// A tab of the tab row.
    Open(TabKey),
    Reader(reader::Message),
    Glossary(glossary::Message),
    Questions(questions::Message),
    Problems(problems::Message),
    /// A keyboard shortcut.
    Key(Shortcut),
    /// The window changed size.
    Resized(Size),
    /// A click or a touch: the keyboard focus ring goes away.
    Pointer,
    /// Waiting-room mode: the idle clock, the staff keypad, close requests.
    Kiosk(kiosk::Message),
    /// The folded header's sheets: open one, or close (`None`).
    Menu(Option<header::Menu>),
    /// The keyboard's modifiers changed (Ctrl held: typing is a shortcut).
    Modifiers(iced::keyboard::Modifiers),
    /// A content file was saved in the folder the window reads: reload.
    ContentChanged,
    /// The content, read by its own thread while the window opened (see
    /// [`App::opening`]); `None` if that thread died.
    Loaded(Option<Arc<LoadReport>>),
}

impl From<header::Message> for Message {
    fn from(message: header::Message) -> Message {
        match message {
            header::Message::SetLang(lang) => Message::SetLang(lang),
            header::Message::TextSmaller => Message::TextSmaller,
            header::Message::TextLarger => Message::TextLarger,
            header::Message::ToggleContrast => Message::ToggleContrast,
            header::Message::Search => Message::OpenSearch,
            header::Message::Export => Message::OpenExport,
            header::Message::Open(key) => Message::Open(key),
            header::Message::Menu(menu) => Message::Menu(menu),
        }
    }
}

/// The whole state of the window.
#[derive(Debug)]
pub struct App {
    config: Config,
    /// The languages the content source has, French first.
    languages: Vec<Lang>,
    /// The content in the current language.
    report: LoadReport,
    /// Content already loaded in the other languages.
    cache: BTreeMap<Lang, LoadReport>,
    pub lang: Lang,
    pub text_size: TextSize,
    pub contrast: Contrast,
    pub screen: Screen,
    pub reader: reader::State,
    pub glossary: glossary::State,
    /// Ticked questions, in memory only.
    pub questions: questions::State,
    pub problems: problems::State,
    /// What was typed in « Rechercher », in memory only.
    pub search: search::State,
    /// The « Imprimer / PDF » panel while it is open, shown instead of the
    /// screen.
    pub export: Option<export::State>,
    /// Where the panel saves, worked out once from the settings (it looks
    /// up the user's documents folder on disk).
    saving: export::Saving,
    /// Waiting-room mode: idle countdown, staff keypad (off outside kiosk).
    pub kiosk: kiosk::State,
    /// The sheet open from the folded header (« Réglages », the tabs).
    pub menu: Option<header::Menu>,
    /// The control with the keyboard focus ring, if any.
    pub focus: Option<Control>,
    /// Ctrl (or Cmd) is held: what a text field types then is a shortcut's
    /// key, not text.
    ctrl: bool,
    /// The program is closing its own window (staff quit): the window's end
    /// is then no loss.
    closing: bool,
    /// The window size, for the layout.
    pub window: Size,
    themes: [Theme; 2],
    /// Forces a whole-window repaint after a layout change.
    repaint: repaint::Repaint,
    /// The content is still being read (see [`App::opening`]): the window
    /// shows its background only.
    loading: bool,
}

impl App {
    /// Loads the content and opens on the first tab, or on the problems
    /// screen when the content has errors.
    pub fn new(config: Config) -> App {
        let report = content::load(&config.source, config.lang, config.today);
        App::with_report(config, report)
    }

    /// Opens on `report`, the content as loaded for `config` (see
    /// [`App::new`]).
    pub fn with_report(config: Config, report: LoadReport) -> App {
        let screen = first_screen(&report, config.kiosk);
        App {
            languages: languages(&config.source, config.lang),
            report,
            cache: BTreeMap::new(),
            lang: config.lang,
            text_size: config.text_size,
            contrast: config.contrast,
            screen,
            reader: reader::State::default(),
            glossary: glossary::State::default(),
            questions: questions::State::default(),
            problems: problems::State::default(),
            search: search::State::default(),
            export: None,
            saving: export::Saving::new(config.kiosk, &config.settings),
            kiosk: kiosk::State::new(config.kiosk, &config.settings),
            menu: None,
            focus: None,
            ctrl: false,
            closing: false,
            window: config.window,
            themes: [
                theme::NORMAL.theme("patient-info"),
                theme::HIGH.theme("patient-info (high contrast)"),
            ],
            repaint: repaint::Repaint::default(),
            loading: false,
            config,
        }
    }

    /// Back to the start-up settings: language, text size, contrast, first
    /// screen at its top; ticks, open definition, focus, the export panel
    /// and the kiosk's cards are forgotten. The loaded content is kept.
    /// Called at the end of the kiosk's idle countdown, and when staff
    /// resume the kiosk.
    pub fn reset(&mut self) -> Task<Message> {
        if self.lang != self.config.lang {
            self.switch_language(self.config.lang);
        }
        self.text_size = self.config.text_size;
        self.contrast = self.config.contrast;
        self.screen = first_screen(&self.report, self.config.kiosk);
        self.reader = reader::State::default();
        self.glossary = glossary::State::default();
        self.questions = questions::State::default();
        self.problems = problems::State::default();
        self.search = search::State::default();
        // Closes the panel; a save or print result that still arrives finds
        // no panel and is ignored.
        self.export = None;
        self.kiosk.reset();
        self.menu = None;
        self.focus = None;
        let scrolls = [
            reader::PANE,
            reader::SECTIONS,
            glossary::LIST,
            questions::LIST,
            problems::LIST,
        ]
        .map(top);
        // What the previous reader copied (a search, Ctrl+A, Ctrl+C) must
        // not be pasted back by the next one: the program empties both the
        // clipboard and the primary selection it may own.
        Task::batch(scrolls.into_iter().chain([
            iced::clipboard::write(String::new()),
            iced::clipboard::write_primary(String::new()),
        ]))
    }

    /// The start-up configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The content in the current language, with its diagnostics.
    pub fn report(&self) -> &LoadReport {
        &self.report
    }

    /// What loaded of the content in the current language.
    pub fn library(&self) -> &Library {
        &self.report.library
    }

    /// The languages of the switch: those the content has.
    pub fn languages(&self) -> &[Lang] {
        &self.languages
    }

    /// What the body of the window shows: the panel when open, else the
    /// screen.
    pub fn shown(&self) -> Shown<'_> {
        match &self.export {
            Some(panel) => Shown::Panel(panel),
            None => Shown::Screen(self.screen),
        }
    }

    /// The window title.
    pub fn title(&self) -> String {
        Text::AppTitle.get(self.lang).to_string()
    }

    pub fn theme(&self) -> Theme {
        match self.contrast {
            Contrast::Normal => self.themes[0].clone(),
            Contrast::High => self.themes[1].clone(),
        }
    }

    /// Colours, sizes, language and focus, for the views.
    pub fn look(&self) -> Look {
        Look {
            colors: self.contrast.colors(),
            sizes: Sizes::new(self.text_size),
            lang: self.lang,
            focus: self.focus,
            window: self.window,
        }
    }

    /// What the header shows.
    fn header(&self) -> header::Header<'_> {
        let shown = self.shown();
        header::Header {
            languages: &self.languages,
            lang: self.lang,
            text_size: self.text_size,
            contrast: self.contrast,
            searching: matches!(shown, Shown::Screen(Screen::Search)),
            exporting: matches!(shown, Shown::Panel(_)),
            menu: self.menu,
            compact: self.look().compact(),
        }
    }

    /// Whom to call, from the settings.
    pub(super) fn contacts(&self) -> super::contacts::Contacts<'_> {
        super::contacts::Contacts {
            clinic_name: self.config.settings.clinic_name.as_deref(),
            clinic_phone: self.config.settings.clinic_phone.as_deref(),
        }
    }

    /// The tabs as the tab row and the tabs sheet show them.
    fn tab_buttons(&self) -> Vec<header::TabButton<'_>> {
        self.tabs()
            .into_iter()
            .map(|(key, label)| header::TabButton {
                key,
                label,
                open: self.is_open(key),
            })
            .collect()
    }

    /// The tabs of the tab row and their labels, in order.
    pub fn tabs(&self) -> Vec<(TabKey, &str)> {
        let mut tabs: Vec<(TabKey, &str)> = self
            .library()
            .tabs
            .iter()
            .enumerate()
            .map(|(i, t)| (TabKey::Content(i), t.title.as_str()))
            .collect();
        tabs.push((TabKey::Glossary, Text::GlossaryTitle.get(self.lang)));
        tabs.push((TabKey::Questions, Text::QuestionsTitle.get(self.lang)));
        if self.problems_tab_shown() {
            tabs.push((TabKey::Problems, Text::ProblemsTitle.get(self.lang)));
        }
        tabs
    }

    /// Whether this tab is the one shown.
    pub fn is_open(&self, key: TabKey) -> bool {
        match key {
            TabKey::Content(i) => {
                self.screen == Screen::Reader
                    && self.reader.tab(self.library()).map(|t| &t.id)
                        == self.library().tabs.get(i).map(|t| &t.id)
            }
            TabKey::Glossary => self.screen == Screen::Glossary,
            TabKey::Questions => self.screen == Screen::Questions,
            TabKey::Problems => self.screen == Screen::Problems,
        }
    }

    /// Every message of the window, clicked, typed or timed, lands here.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let mut task = self.handle(message);
        if let Some(lay) = self.measure_export() {
            task = Task::batch([task, lay]);
        }
        self.repaint.note(self.layout_key());
        task
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        // Before the content is there the window shows nothing to act on:
        // only what comes by itself is taken.
        if self.loading
            && !matches!(
                message,
                Message::Loaded(_)
                    | Message::Resized(_)
                    | Message::Modifiers(_)
                    | Message::Kiosk(_)
            )
        {
            return Task::none();
        }
        if self.kiosk_holds(&message) {
            return Task::none();
        }
        match message {
            Message::Kiosk(m) => self.kiosk_update(m),
            Message::Key(shortcut) => self.shortcut(shortcut),
            Message::Resized(size) => {
                self.window = size;
                Task::none()
            }
            Message::Pointer => {
                self.focus = None;
                Task::none()
            }
            Message::Menu(menu) => {
                self.menu = menu;
                Task::none()
            }
            Message::Loaded(report) => {
                self.loaded(report);
                Task::none()
            }
            Message::ContentChanged => {
                self.reload();
                Task::none()
            }
            Message::Modifiers(modifiers) => {
                self.ctrl = modifiers.control() || modifiers.command();
                Task::none()
            }
            Message::Search(search::Message::Query(_)) if self.ctrl => Task::none(),
            Message::SetLang(lang) => {
                self.set_language(lang);
                Task::none()
            }
            Message::TextSmaller => {
                self.text_size = self.text_size.smaller();
                Task::none()
            }
            Message::TextLarger => {
                self.text_size = self.text_size.larger();
                Task::none()
            }
            Message::TextReset => {
                self.text_size = TextSize::MIN;
                Task::none()
            }
            Message::ToggleContrast => {
                self.contrast = self.contrast.toggled();
                Task::none()
            }
            Message::OpenExport => self.open_export(),
            Message::OpenSearch => self.open_search(),
            Message::Search(m) => match self.search.update(m) {
                search::Action::OpenSection {
                    tab,
                    section,
                    place,
                    words,
                } => self.open_section(&tab, &section, place, words),
                search::Action::OpenTerm { term, words } => self.open_term(term, words),
                search::Action::FieldTapped => {
                    self.field_tapped();
                    Task::none()
                }
                search::Action::None => Task::none(),
            },
            Message::Keyboard(key) => {
                self.keyboard_key(key);
                Task::none()
            }
            Message::Export(m) => self.export_update(m),
            Message::Open(key) => self.open(key),
            Message::Reader(m) => {
                let action = self.reader.update(m, &self.report.library);
                if action == reader::Action::BackToResults {
                    return self.back_to_results();
                }
                self.reader_action(action)
            }
            Message::Glossary(m) => {
                let action = self.glossary.update(m, &self.report.library.glossary);
                if action == glossary::Action::BackToResults {
                    return self.back_to_results();
                }
                glossary_action(action)
            }
            Message::Questions(m) => match self.questions.update(m, &self.report.library) {
                questions::Action::None => Task::none(),
                questions::Action::Print => self.open_export(),
            },
            Message::Problems(m) => match self.problems.update(m) {
                problems::Action::Reload => {
                    self.reload();
                    Task::none()
                }
                problems::Action::None => Task::none(),
            },
        }
    }
}

/// What the glossary's action asks of the window.
fn glossary_action(action: glossary::Action) -> Task<Message> {
    match action {
        glossary::Action::ScrollToTop => top(glossary::LIST),
        glossary::Action::ScrollTo(y) => {
            operation::snap_to(glossary::LIST, RelativeOffset { x: 0.0, y })
        }
        glossary::Action::None | glossary::Action::BackToResults => Task::none(),
    }
}

/// The languages of the switch: those `source` has, and `lang` (shown
/// even if its folder is missing, so its problems can be read).
fn languages(source: &ContentSource, lang: Lang) -> Vec<Lang> {
    let mut languages = source.languages();
    if !languages.contains(&lang) {
        languages.push(lang);
        languages.sort();
    }
    languages
}

/// Problems first when the content has errors (except for a patient at a
/// kiosk), otherwise the first tab.
fn first_screen(report: &LoadReport, kiosk: bool) -> Screen {
    if report.has_errors() && !kiosk {
        Screen::Problems
    } else {
        Screen::Reader
    }
}

fn top(id: &'static str) -> Task<Message> {
    operation::snap_to(id, RelativeOffset::START)
}

pub(super) use events::on_event;

#[cfg(test)]
mod tests;

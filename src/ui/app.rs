//! The application: its start-up [`Config`], the state of every screen, the
//! top-level [`Message`], and `update`, which carries out what the screens
//! ask for (scrolling, reloading). Keyboard shortcuts (in `app/input.rs`)
//! go through the same messages as clicks.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use iced::widget::operation::{self, RelativeOffset};
use iced::widget::{column, container};
use iced::{Element, Length, Size, Task, Theme};

use super::focus::{Control, TabKey};
use super::keys::Shortcut;
use super::theme::{Contrast, Sizes, TextSize};
use super::{
    Look, WINDOW_SIZE, export, glossary, header, kiosk, problems, questions, reader, search, theme,
};
use crate::content::{self, ContentSource, Library, LoadReport};
use crate::i18n::Text;
use crate::settings::{Settings, SettingsWarning};
use crate::{Lang, cli};

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

    /// What the command line and the settings file ask for (the command
    /// line first): content, language, text size, kiosk mode and the rest
    /// of the settings.
    pub fn from_cli(cli: &cli::Cli) -> Config {
        let setup = cli.setup();
        Config {
            text_size: TextSize::from_percent(setup.settings.settings.default_text_size),
            kiosk: setup.kiosk,
            settings: setup.settings.settings.clone(),
            settings_warnings: setup.settings.warnings.clone(),
            ..Config::new(setup.source, setup.lang, cli::today())
        }
    }
}

/// What fills the window under the tab row.
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
    /// The « Imprimer / PDF » panel, shown instead of the screen when open.
    pub export: export::State,
    /// Where the panel saves, worked out once from the settings (it looks
    /// up the user's documents folder on disk).
    pub(super) saving: export::Saving,
    /// Waiting-room mode: idle countdown, staff keypad (off outside kiosk).
    pub kiosk: kiosk::State,
    /// The control with the keyboard focus ring, if any.
    pub focus: Option<Control>,
    /// The window size, for the layout.
    pub window: Size,
    themes: [Theme; 2],
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
            export: export::State::default(),
            saving: export::Saving::new(config.kiosk, &config.settings),
            kiosk: kiosk::State::new(config.kiosk, &config.settings),
            focus: None,
            window: config.window,
            themes: [
                theme::NORMAL.theme("patient-info"),
                theme::HIGH.theme("patient-info (high contrast)"),
            ],
            config,
        }
    }

    /// The window's start: the app and nothing to run yet.
    pub fn boot(config: Config) -> (App, Task<Message>) {
        (App::new(config), Task::none())
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
        // Closes the panel; a save or print result that still arrives is
        // ignored (its ticket is no longer the job under way).
        self.export.close();
        self.kiosk.reset();
        self.focus = None;
        Task::batch(
            [
                reader::PANE,
                reader::SECTIONS,
                glossary::LIST,
                questions::LIST,
                problems::LIST,
            ]
            .map(|id| operation::snap_to(id, RelativeOffset::START)),
        )
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

    pub fn update(&mut self, message: Message) -> Task<Message> {
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
            other => self.apply(other),
        }
    }

    /// Carries out a message from a control, clicked or pressed with the
    /// keyboard.
    fn apply(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::SetLang(lang) => {
                if self.languages.contains(&lang) && lang != self.lang {
                    self.switch_language(lang);
                }
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
                search::Action::OpenSection { tab, section } => self.open_section(tab, section),
                search::Action::OpenTerm(term) => self.open_term(term),
                search::Action::None => Task::none(),
            },
            Message::Export(m) => self.export_update(m),
            Message::Open(key) => self.open(key),
            Message::Reader(m) => match self.reader.update(m, &self.report.library) {
                reader::Action::ScrollToTop => top(reader::PANE),
                reader::Action::None => Task::none(),
            },
            Message::Glossary(m) => match self.glossary.update(m, &self.report.library.glossary) {
                glossary::Action::ScrollToTop => top(glossary::LIST),
                glossary::Action::ScrollTo(y) => {
                    operation::snap_to(glossary::LIST, RelativeOffset { x: 0.0, y })
                }
                glossary::Action::None => Task::none(),
            },
            Message::Questions(m) => match self.questions.update(m, &self.report.library) {
                questions::Action::None => Task::none(),
            },
            Message::Problems(m) => match self.problems.update(m) {
                problems::Action::Reload => {
                    self.reload();
                    Task::none()
                }
                problems::Action::None => Task::none(),
            },
            Message::Key(_) | Message::Resized(_) | Message::Pointer | Message::Kiosk(_) => {
                self.update(message)
            }
        }
    }

    /// Opens a tab of the tab row, at its top.
    fn open(&mut self, key: TabKey) -> Task<Message> {
        self.export.close();
        match key {
            TabKey::Content(i) => {
                let Some(id) = self.library().tabs.get(i).map(|t| t.id.clone()) else {
                    return Task::none();
                };
                self.screen = Screen::Reader;
                let _ = self
                    .reader
                    .update(reader::Message::OpenTab(id), &self.report.library);
                Task::batch([top(reader::PANE), top(reader::SECTIONS)])
            }
            TabKey::Glossary => {
                self.screen = Screen::Glossary;
                top(glossary::LIST)
            }
            TabKey::Questions => {
                self.screen = Screen::Questions;
                top(questions::LIST)
            }
            TabKey::Problems => {
                self.screen = Screen::Problems;
                top(problems::LIST)
            }
        }
    }

    /// The search screen, on the content shown, the keyboard in its field.
    fn open_search(&mut self) -> Task<Message> {
        self.export.close();
        self.screen = Screen::Search;
        self.search.show(&self.report.library);
        self.focus = Some(Control::SearchField);
        Task::batch([top(search::LIST), operation::focus(search::FIELD)])
    }

    /// Opens a section of a tab at its top (from a search result).
    fn open_section(&mut self, tab: String, section: String) -> Task<Message> {
        let library = &self.report.library;
        if library.tab(&tab).is_none() {
            return Task::none();
        }
        self.screen = Screen::Reader;
        self.focus = None;
        let _ = self.reader.update(reader::Message::OpenTab(tab), library);
        let _ = self
            .reader
            .update(reader::Message::OpenSection(section), library);
        Task::batch([top(reader::PANE), top(reader::SECTIONS)])
    }

    /// Shows a glossary entry, framed, among the words of its letter
    /// (from a search result).
    fn open_term(&mut self, term: usize) -> Task<Message> {
        self.screen = Screen::Glossary;
        self.focus = None;
        self.apply(Message::Glossary(glossary::Message::ShowEntry(term)))
    }

    /// Shows the content in another language; the open tab, section and
    /// ticks stay (ids are the same in every language).
    fn switch_language(&mut self, lang: Lang) {
        let report = self
            .cache
            .remove(&lang)
            .unwrap_or_else(|| content::load(&self.config.source, lang, self.config.today));
        let previous = std::mem::replace(&mut self.report, report);
        self.cache.insert(self.lang, previous);
        self.lang = lang;
        self.content_changed();
    }

    /// After the content was replaced (another language, a reload): a
    /// definition whose entry is gone closes, and search looks in the new
    /// content (at once if its screen is shown).
    fn content_changed(&mut self) {
        let terms = self.report.library.glossary.terms.len();
        if self.reader.definition.is_some_and(|i| i >= terms) {
            self.reader.definition = None;
        }
        self.search.forget_index();
        if self.screen == Screen::Search {
            self.search.show(&self.report.library);
        }
    }

    /// Reads the content again from its source, in every language; what
    /// loaded stays readable even if new errors appeared.
    fn reload(&mut self) {
        self.cache.clear();
        self.report = content::load(&self.config.source, self.lang, self.config.today);
        self.languages = languages(&self.config.source, self.lang);
        self.content_changed();
        self.problems.reloaded(&self.report);
    }

    pub fn view(&self) -> Element<'_, Message> {
        let look = self.look();
        let library = self.library();
        let body: Element<'_, Message> = match self.screen {
            _ if self.export.is_open() => {
                export::view(&self.export, self.export_context(), look).map(Message::Export)
            }
            Screen::Reader if self.kiosk.patient() && library.tabs.is_empty() => {
                kiosk::nothing_to_read(look)
            }
            Screen::Reader => reader::view(&self.reader, library, look).map(Message::Reader),
            Screen::Glossary => {
                glossary::view(&self.glossary, &library.glossary, look).map(Message::Glossary)
            }
            Screen::Questions => {
                questions::view(&self.questions, library, look).map(Message::Questions)
            }
            Screen::Search => search::view(&self.search, library, look).map(Message::Search),
            Screen::Problems => problems::view(
                &self.problems,
                &self.report,
                &self.config.source,
                &self.config.settings_warnings,
                look,
            )
            .map(Message::Problems),
        };
        let c = look.colors;
        let page = column![
            header::view(self, look),
            container(iced::widget::space())
                .height(1)
                .width(Length::Fill)
                .style(theme::rule(c)),
            header::tabs(self, look),
            container(iced::widget::space())
                .height(2)
                .width(Length::Fill)
                .style(theme::rule(c)),
            body,
        ]
        .width(Length::Fill)
        .height(Length::Fill);
        kiosk::frame(self, look, page.into())
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

mod input;
pub(super) use input::on_event;
#[cfg(test)]
mod tests;

//! Moving around the window: opening a tab, a section, a glossary entry or
//! the search screen, switching language, reloading the content. Each is a
//! plain method on the screens' states, called by `update` for a click and
//! by the shortcuts for a key.

use iced::Task;
use iced::widget::operation;

use super::{App, Message, Screen, glossary_action, languages, top};
use crate::Lang;
use crate::content;
use crate::search::Place;
use crate::settings::OnScreenKeyboard;
use crate::ui::focus::{Control, TabKey};
use crate::ui::{glossary, keyboard, problems, questions, reader, reveal, search};

impl App {
    /// Opens a tab of the tab row, at its top.
    pub(super) fn open(&mut self, key: TabKey) -> Task<Message> {
        self.export = None;
        self.menu = None;
        match key {
            TabKey::Content(i) => {
                let Some(id) = self.library().tabs.get(i).map(|t| t.id.clone()) else {
                    return Task::none();
                };
                self.screen = Screen::Reader;
                self.reader.open_tab(&id, &self.report.library);
                // Where the reader left this tab's section, or its top.
                let y = self.reader.offset(&self.report.library);
                Task::batch([
                    operation::snap_to(reader::PANE, operation::RelativeOffset { x: 0.0, y }),
                    top(reader::SECTIONS),
                ])
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

    /// The search screen, on the content shown, the keyboard in its field
    /// (and the on-screen keyboard, as the settings say).
    pub(super) fn open_search(&mut self) -> Task<Message> {
        self.show_search();
        if match self.config.settings.on_screen_keyboard {
            OnScreenKeyboard::Always => true,
            OnScreenKeyboard::Auto => self.kiosk.is_kiosk(),
            OnScreenKeyboard::Never => false,
        } {
            self.search.keyboard = true;
        }
        Task::batch([top(search::LIST), operation::focus(search::FIELD)])
    }

    /// The search screen shown; what a search result highlighted is
    /// forgotten.
    fn show_search(&mut self) {
        self.export = None;
        self.menu = None;
        self.screen = Screen::Search;
        self.reader.found = None;
        self.glossary.found = None;
        self.search.show(&self.report.library);
        self.focus = Some(Control::SearchField);
    }

    /// « ‹ Retour aux résultats »: the search screen as it was left, its
    /// query, results and scroll position.
    pub(super) fn back_to_results(&mut self) -> Task<Message> {
        self.show_search();
        let y = self.search.offset;
        Task::batch([
            operation::snap_to(search::LIST, operation::RelativeOffset { x: 0.0, y }),
            operation::focus(search::FIELD),
        ])
    }

    /// The search field was tapped or clicked: the on-screen keyboard
    /// shows, unless the settings say never.
    pub(super) fn field_tapped(&mut self) {
        if self.config.settings.on_screen_keyboard != OnScreenKeyboard::Never {
            self.search.keyboard = true;
        }
    }

    /// A key of the on-screen keyboard: the query changes (and is searched)
    /// or the keyboard hides.
    pub(super) fn keyboard_key(&mut self, key: keyboard::Message) {
        match keyboard::edit(key, &self.search.query) {
            keyboard::Edit::Text(text) => {
                let _ = self.search.update(search::Message::Query(text));
            }
            keyboard::Edit::Hide => self.search.keyboard = false,
        }
    }

    /// Opens a search result in a section: its tab and section, scrolled to
    /// the block that matched, `words` highlighted.
    pub(super) fn open_section(
        &mut self,
        tab: &str,
        section: &str,
        place: Place,
        words: Vec<String>,
    ) -> Task<Message> {
        let library = &self.report.library;
        if !self.reader.show_found(tab, section, place, words, library) {
            return Task::none();
        }
        self.screen = Screen::Reader;
        self.focus = None;
        Task::batch([
            top(reader::PANE).chain(reveal::bring(reader::FOUND)),
            top(reader::SECTIONS),
        ])
    }

    /// Shows a glossary entry, framed, among the words of its letter, with
    /// `words` highlighted (from a search result).
    pub(super) fn open_term(&mut self, term: usize, words: Vec<String>) -> Task<Message> {
        self.screen = Screen::Glossary;
        self.focus = None;
        let action = self
            .glossary
            .show_found(term, words, &self.report.library.glossary);
        glossary_action(action)
    }

    /// Shows the content in `lang` if the source has it.
    pub(super) fn set_language(&mut self, lang: Lang) {
        if self.languages.contains(&lang) && lang != self.lang {
            self.switch_language(lang);
        }
    }

    /// Shows the content in another language; the open tab, section and
    /// ticks stay (ids are the same in every language).
    pub(super) fn switch_language(&mut self, lang: Lang) {
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
        if let Some(panel) = &mut self.export {
            panel.forget_layouts();
        }
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
    pub(super) fn reload(&mut self) {
        self.cache.clear();
        self.report = content::load(&self.config.source, self.lang, self.config.today);
        self.languages = languages(&self.config.source, self.lang);
        self.content_changed();
        self.problems.reloaded(&self.report);
    }
}

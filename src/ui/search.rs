//! « Rechercher »: a field where the reader types a word, and the sections
//! and glossary words that hold it, as large buttons that open them. The
//! matching itself (accents and case ignored) is [`crate::search`].

use iced::widget::{Column, column, container, row, text_input};
use iced::{Alignment, Element, Length};

use super::controls;
use super::focus::{self, Control};
use super::theme;
use super::{FONT, Look};
use crate::Library;
use crate::i18n::Text;
use crate::search::{Hit, Index, Target};

/// The id of the results' scroll area.
pub const LIST: &str = "search-list";
/// The widget id of the text field.
pub const FIELD: &str = "search-field";

/// Most results shown: a longer list helps nobody.
pub const MAX_HITS: usize = 12;

/// Longest query kept: a pasted page is cut.
const MAX_QUERY: usize = 100;

/// What the reader typed and what it found, in memory only.
#[derive(Debug, Clone, Default)]
pub struct State {
    pub query: String,
    pub hits: Vec<Hit>,
    /// The content shown, indexed when the screen first needs it; `None`
    /// again once that content is replaced.
    index: Option<Index>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The text of the field changed.
    Query(String),
    /// « Effacer »: an empty field.
    Clear,
    /// A result was chosen, by position in the list.
    Open(usize),
}

/// What the app must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Open this section of this tab, at its top.
    OpenSection {
        tab: String,
        section: String,
    },
    /// Show this glossary entry.
    OpenTerm(usize),
}

impl State {
    /// Readies the screen to show `library` (the content in the language
    /// shown): indexes it, and runs the query on it, unless that is done.
    pub fn show(&mut self, library: &Library) {
        if self.index.is_none() {
            let index = Index::new(library);
            self.hits = index.search(&self.query, MAX_HITS);
            self.index = Some(index);
        }
    }

    /// The content was replaced (another language, a reload): the next
    /// [`State::show`] indexes the new one.
    pub fn forget_index(&mut self) {
        self.index = None;
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Query(query) => {
                self.query = query.chars().take(MAX_QUERY).collect();
                self.hits = self
                    .index
                    .as_ref()
                    .map(|index| index.search(&self.query, MAX_HITS))
                    .unwrap_or_default();
                Action::None
            }
            Message::Clear => {
                self.query.clear();
                self.hits.clear();
                Action::None
            }
            Message::Open(i) => match self.hits.get(i).map(|h| h.target.clone()) {
                Some(Target::Section { tab, section }) => Action::OpenSection { tab, section },
                Some(Target::Term(term)) => Action::OpenTerm(term),
                None => Action::None,
            },
        }
    }

    /// The controls of this screen, in reading order (the field itself
    /// takes the keyboard when tapped, or with Ctrl+F).
    pub fn controls(&self) -> Vec<Control> {
        let mut ring = Vec::new();
        if !self.query.is_empty() {
            ring.push(Control::ClearSearch);
        }
        ring.extend((0..self.hits.len()).map(Control::Hit));
        ring
    }

    /// The message a control of this screen sends, clicked or pressed with
    /// the keyboard.
    pub fn message(&self, control: Control) -> Option<Message> {
        match control {
            Control::ClearSearch => Some(Message::Clear),
            Control::Hit(i) if i < self.hits.len() => Some(Message::Open(i)),
            _ => None,
        }
    }
}

pub fn view<'a>(state: &'a State, library: &'a Library, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let field = text_input(look.text(Text::SearchPlaceholder), &state.query)
        .id(FIELD)
        .on_input(Message::Query)
        .on_submit(Message::Open(0))
        .font(FONT)
        .size(s.body)
        .line_height(theme::LINE_HEIGHT)
        .padding([s.pad_for(s.body), 1.5 * u])
        .width(Length::Fill)
        .style(theme::field(c));
    let mut bar = row![field].spacing(u).align_y(Alignment::Center);
    if !state.query.is_empty() {
        bar = bar.push(controls::button(
            look,
            Control::ClearSearch,
            look.text(Text::SearchClear),
            theme::plain(c),
            state.message(Control::ClearSearch),
        ));
    }

    let mut list = Column::new().spacing(u);
    for (i, hit) in state.hits.iter().enumerate() {
        let place = match &hit.target {
            Target::Section { tab, .. } => {
                library.tab(tab).map_or(tab.as_str(), |t| t.title.as_str())
            }
            Target::Term(_) => look.text(Text::GlossaryTitle),
        };
        let card = column![
            super::rich::plain(place, s.small, c.muted),
            super::rich::bold(&hit.title, s.body, c.heading),
            super::rich::plain(&hit.excerpt, s.body, c.text),
        ]
        .spacing(0.3 * s.body);
        list = list.push(controls::wide(
            look,
            Control::Hit(i),
            card,
            theme::entry(c, false),
            state.message(Control::Hit(i)),
        ));
    }
    let status = if state.query.trim().is_empty() {
        look.text(Text::SearchHint).to_string()
    } else if state.hits.is_empty() {
        let query = state.query.trim();
        let quoted = match look.lang {
            crate::Lang::Fr => format!("«\u{a0}{query}\u{a0}»"),
            crate::Lang::En => format!("“{query}”"),
        };
        format!("{} {quoted}.", look.text(Text::SearchNone))
    } else {
        String::new()
    };

    let mut page = column![
        super::rich::bold(look.text(Text::SearchTitle), s.h1, c.heading),
        focus::wide_target(Control::SearchField, bar),
    ]
    .spacing(2.0 * u)
    .padding([2.0 * u, 3.0 * u]);
    if !status.is_empty() {
        page = page.push(super::rich::plain(status, s.body, c.text));
    }
    page = page.push(list);
    controls::scroll(
        look,
        LIST,
        container(page).max_width(48.0 * s.body).width(Length::Fill),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::content::{ContentSource, load};

    fn library() -> Library {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        load(&ContentSource::Embedded, Lang::Fr, today).library
    }

    fn searched(query: &str) -> (State, Library) {
        let library = library();
        let mut state = State::default();
        state.show(&library);
        assert_eq!(state.update(Message::Query(query.into())), Action::None);
        (state, library)
    }

    #[test]
    fn typing_finds_sections_and_words_without_accents() {
        let (state, _) = searched("cirrhose");
        assert!(!state.hits.is_empty());
        assert!(state.hits.len() <= MAX_HITS);
        let (unaccented, _) = searched("chimiotherapie");
        assert!(
            unaccented
                .hits
                .iter()
                .any(|h| h.title.contains("chimiothérapie") || h.excerpt.contains("chimiothérapie"))
        );
    }

    #[test]
    fn choosing_a_section_result_opens_that_section() {
        let (mut state, library) = searched("cirrhose");
        let i = state
            .hits
            .iter()
            .position(|h| matches!(h.target, Target::Section { .. }))
            .unwrap_or(usize::MAX);
        let Action::OpenSection { tab, section } = state.update(Message::Open(i)) else {
            panic!("a section result must open its section");
        };
        let opened = library
            .tab(&tab)
            .map(|t| t.sections.iter().any(|s| s.id == section));
        assert_eq!(opened, Some(true));
    }

    #[test]
    fn choosing_a_word_result_opens_the_glossary_entry() {
        let (mut state, library) = searched("cirrhose");
        let i = state
            .hits
            .iter()
            .position(|h| matches!(h.target, Target::Term(_)))
            .unwrap_or(usize::MAX);
        let Action::OpenTerm(term) = state.update(Message::Open(i)) else {
            panic!("a glossary result must open the glossary");
        };
        assert_eq!(library.glossary.terms[term].term.to_lowercase(), "cirrhose");
    }

    #[test]
    fn a_result_that_is_gone_opens_nothing() {
        let (mut state, _) = searched("cirrhose");
        assert_eq!(state.update(Message::Open(state.hits.len())), Action::None);
        assert_eq!(state.message(Control::Hit(state.hits.len())), None);
    }

    #[test]
    fn clear_empties_the_field_and_the_results() {
        let (mut state, _) = searched("foie");
        assert!(state.controls().contains(&Control::ClearSearch));
        assert_eq!(state.message(Control::ClearSearch), Some(Message::Clear));
        assert_eq!(state.update(Message::Clear), Action::None);
        assert!(state.query.is_empty());
        assert!(state.hits.is_empty());
        assert!(state.controls().is_empty());
    }

    #[test]
    fn every_result_is_in_the_focus_ring() {
        let (state, _) = searched("traitement");
        let ring = state.controls();
        assert_eq!(ring.len(), state.hits.len() + 1);
        for i in 0..state.hits.len() {
            assert_eq!(state.message(Control::Hit(i)), Some(Message::Open(i)));
        }
    }

    #[test]
    fn a_pasted_page_is_cut() {
        let (state, _) = searched(&"foie ".repeat(100));
        assert_eq!(state.query.chars().count(), MAX_QUERY);
    }

    #[test]
    fn a_new_language_runs_the_query_again() {
        let (mut state, _) = searched("liver");
        assert!(state.hits.is_empty(), "no French text says « liver »");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let english = load(&ContentSource::Embedded, Lang::En, today).library;
        // Shown again without a change, the French index stays.
        state.show(&english);
        assert!(state.hits.is_empty());
        state.forget_index();
        state.show(&english);
        assert!(!state.hits.is_empty());
        assert_eq!(state.query, "liver");
    }
}

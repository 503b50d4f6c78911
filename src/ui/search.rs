//! « Rechercher »: a field where the reader types a word, and the sections
//! and glossary words that hold it, as large buttons that open them. The
//! matching itself (accents and case ignored) is [`crate::search`].

use iced::widget::{Column, column, container, mouse_area, row, text_input};
use iced::{Alignment, Element, Length};

use super::controls;
use super::focus::{self, Control};
use super::theme;
use super::{FONT, Look};
use crate::Library;
use crate::i18n::{Label, Text};
use crate::search::{Hit, Index, Place, Target};

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
    /// When nothing matches: the query spelt with the content's words, if
    /// that finds something (« cirrhose » for « cirrhoze »).
    pub suggestion: Option<String>,
    /// How far the results were scrolled (0 top, 1 end): « Retour aux
    /// résultats » comes back there.
    pub offset: f32,
    /// Whether the on-screen keyboard is shown under the results.
    pub keyboard: bool,
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
    /// « Vouliez-vous dire … ? »: search for the suggestion instead.
    Suggest,
    /// The results were scrolled to this relative offset (0 top, 1 end).
    Scrolled(f32),
    /// The field was tapped or clicked.
    FieldTapped,
    /// « Clavier »: show the on-screen keyboard.
    ShowKeyboard,
}

/// What the app must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Open this section of this tab, at the block of `place`, with the
    /// content `words` that matched highlighted.
    OpenSection {
        tab: String,
        section: String,
        place: Place,
        words: Vec<String>,
    },
    /// Show this glossary entry, with `words` highlighted.
    OpenTerm {
        term: usize,
        words: Vec<String>,
    },
    /// The field was tapped: the app decides whether the on-screen
    /// keyboard shows.
    FieldTapped,
}

impl State {
    /// Readies the screen to show `library` (the content in the language
    /// shown): indexes it, and runs the query on it, unless that is done.
    pub fn show(&mut self, library: &Library) {
        if self.index.is_none() {
            self.index = Some(Index::new(library));
            self.run();
        }
    }

    /// Runs the query on the index.
    fn run(&mut self) {
        let found = self
            .index
            .as_ref()
            .map(|index| index.find(&self.query, MAX_HITS))
            .unwrap_or_default();
        self.hits = found.hits;
        self.suggestion = found.suggestion;
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
                self.run();
                Action::None
            }
            Message::Clear => {
                self.query.clear();
                self.hits.clear();
                self.suggestion = None;
                Action::None
            }
            Message::Suggest => match self.suggestion.take() {
                Some(suggestion) => self.update(Message::Query(suggestion)),
                None => Action::None,
            },
            Message::Open(i) => match self.hits.get(i) {
                Some(hit) => match &hit.target {
                    Target::Section { tab, section } => Action::OpenSection {
                        tab: tab.clone(),
                        section: section.clone(),
                        place: hit.place,
                        words: hit.words.clone(),
                    },
                    Target::Term(term) => Action::OpenTerm {
                        term: *term,
                        words: hit.words.clone(),
                    },
                },
                None => Action::None,
            },
            Message::Scrolled(y) => {
                self.offset = y.clamp(0.0, 1.0);
                Action::None
            }
            Message::FieldTapped => Action::FieldTapped,
            Message::ShowKeyboard => {
                self.keyboard = true;
                Action::None
            }
        }
    }

    /// The controls of this screen, in reading order (the field itself
    /// takes the keyboard when tapped, or with Ctrl+F).
    pub fn controls(&self) -> Vec<Control> {
        let mut ring = Vec::new();
        if !self.query.is_empty() {
            ring.push(Control::ClearSearch);
        }
        if self.suggestion.is_some() && self.hits.is_empty() {
            ring.push(Control::Suggestion);
        }
        ring.extend((0..self.hits.len()).map(Control::Hit));
        ring
    }

    /// The message a control of this screen sends, clicked or pressed with
    /// the keyboard.
    pub fn message(&self, control: Control) -> Option<Message> {
        match control {
            Control::ClearSearch => Some(Message::Clear),
            Control::Suggestion if self.suggestion.is_some() => Some(Message::Suggest),
            Control::ShowKeyboard => Some(Message::ShowKeyboard),
            Control::Hit(i) if i < self.hits.len() => Some(Message::Open(i)),
            _ => None,
        }
    }
}

/// The search screen. `offer_keyboard`: the settings allow the on-screen
/// keyboard, so « Clavier » shows beside the field while it is hidden.
pub fn view<'a>(
    state: &'a State,
    library: &'a Library,
    look: Look,
    offer_keyboard: bool,
) -> Element<'a, Message> {
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
    // A tap on the field (its release: the press gives it the keyboard
    // focus) may bring up the on-screen keyboard.
    let field = mouse_area(field).on_release(Message::FieldTapped);
    let mut bar = row![field].spacing(u).align_y(Alignment::Center);
    if offer_keyboard && !state.keyboard {
        bar = bar.push(controls::button(
            look,
            Control::ShowKeyboard,
            look.label(Label::ShowKeyboard),
            theme::plain(c),
            state.message(Control::ShowKeyboard),
        ));
    }
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
    if let (true, Some(suggestion)) = (state.hits.is_empty(), &state.suggestion) {
        let asked = match look.lang {
            crate::Lang::Fr => format!(
                "{} «\u{a0}{suggestion}\u{a0}»\u{a0}?",
                look.text(Text::SearchDidYouMean)
            ),
            crate::Lang::En => format!("{} “{suggestion}”?", look.text(Text::SearchDidYouMean)),
        };
        page = page.push(controls::wide(
            look,
            Control::Suggestion,
            super::rich::bold(asked, s.body, c.button_text),
            theme::plain(c),
            state.message(Control::Suggestion),
        ));
    }
    page = page.push(list);
    controls::scroll_with(
        look,
        LIST,
        container(page).max_width(48.0 * s.body).width(Length::Fill),
        |viewport| Message::Scrolled(viewport.relative_offset().y),
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
        let Action::OpenSection { tab, section, .. } = state.update(Message::Open(i)) else {
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
        let Action::OpenTerm { term, .. } = state.update(Message::Open(i)) else {
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

//! « Glossaire »: every term in alphabetical order (French collation), each
//! with its definition, and a row of letters to show one letter at a time.

use iced::widget::{Column, Row, column, container};
use iced::{Element, Length};

use super::Look;
use super::controls;
use super::focus::Control;
use super::rich;
use super::theme;
use crate::content::{Glossary, collation_key};
use crate::i18n::{Label, Text};

/// The id of the list's scroll area.
pub const LIST: &str = "glossary-list";

/// The letter shown, or every letter; the entry asked for, framed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub letter: Option<char>,
    pub chosen: Option<usize>,
    /// When the chosen entry was opened from a search: the words it found
    /// (folded), highlighted in its definition, with « ‹ Retour aux
    /// résultats » above the list, until another letter is chosen.
    pub found: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Show the terms starting with this letter (`None`: all of them).
    ShowLetter(Option<char>),
    /// Show this entry (by index), among the terms of its letter.
    ShowEntry(usize),
    /// « ‹ Retour aux résultats ».
    BackToResults,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    None,
    /// Bring the list back to its top.
    ScrollToTop,
    /// Scroll the list this far (0 top, 1 bottom): where the chosen entry
    /// stands among those shown.
    ScrollTo(f32),
    /// Show the search results again, as they were left.
    BackToResults,
}

/// The letter a term is filed under: its first letter without accent.
pub fn letter_of(term: &str) -> Option<char> {
    collation_key(term).0.chars().find(|c| c.is_alphanumeric())
}

/// The letters that have at least one term, in order.
pub fn letters(glossary: &Glossary) -> Vec<char> {
    let mut letters: Vec<char> = glossary
        .sorted()
        .into_iter()
        .filter_map(|i| letter_of(&glossary.terms[i].term))
        .collect();
    letters.dedup();
    letters
}

impl State {
    pub fn update(&mut self, message: Message, glossary: &Glossary) -> Action {
        match message {
            Message::ShowLetter(letter) => {
                if letter.is_some_and(|l| !letters(glossary).contains(&l)) {
                    return Action::None;
                }
                self.letter = letter;
                self.chosen = None;
                self.found = None;
                Action::ScrollToTop
            }
            Message::ShowEntry(i) => {
                let Some(term) = glossary.terms.get(i) else {
                    return Action::None;
                };
                self.letter = letter_of(&term.term);
                self.chosen = Some(i);
                self.found = None;
                let shown = self.shown(glossary);
                let at = shown.iter().position(|&j| j == i).unwrap_or(0);
                Action::ScrollTo(if shown.len() > 1 {
                    at as f32 / (shown.len() - 1) as f32
                } else {
                    0.0
                })
            }
            Message::BackToResults => {
                self.found = None;
                Action::BackToResults
            }
        }
    }

    /// The glossary entries shown, in alphabetical order.
    pub fn shown(&self, glossary: &Glossary) -> Vec<usize> {
        glossary
            .sorted()
            .into_iter()
            .filter(|&i| self.letter.is_none() || letter_of(&glossary.terms[i].term) == self.letter)
            .collect()
    }

    /// The controls of this screen, in reading order.
    pub fn controls(&self, glossary: &Glossary) -> Vec<Control> {
        self.found
            .as_ref()
            .map(|_| Control::BackToResults)
            .into_iter()
            .chain(std::iter::once(Control::Letter(None)))
            .chain(
                letters(glossary)
                    .into_iter()
                    .map(|l| Control::Letter(Some(l))),
            )
            .collect()
    }

    /// Shows this entry (by index) framed among the terms of its letter.
    pub fn show_entry(&mut self, i: usize, glossary: &Glossary) -> Action {
        self.update(Message::ShowEntry(i), glossary)
    }

    /// Shows this entry as a search result: framed, with the `words` it
    /// found highlighted and the way back to the results.
    pub fn show_found(&mut self, i: usize, words: Vec<String>, glossary: &Glossary) -> Action {
        let action = self.show_entry(i, glossary);
        if self.chosen == Some(i) {
            self.found = Some(words);
        }
        action
    }
}

/// The message a control of this screen sends, clicked or pressed with the
/// keyboard.
pub fn message(control: Control) -> Option<Message> {
    match control {
        Control::Letter(letter) => Some(Message::ShowLetter(letter)),
        Control::BackToResults => Some(Message::BackToResults),
        _ => None,
    }
}

pub fn view<'a>(state: &'a State, glossary: &'a Glossary, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    if glossary.terms.is_empty() {
        return container(rich::plain(look.text(Text::GlossaryEmpty), s.body, c.text))
            .padding(3.0 * u)
            .into();
    }
    let letters = letters(glossary);
    let all = controls::button(
        look,
        Control::Letter(None),
        look.text(Text::AllLetters),
        if state.letter.is_none() {
            theme::chosen(c)
        } else {
            theme::plain(c)
        },
        message(Control::Letter(None)),
    );
    let index = Row::with_children(std::iter::once(all).chain(letters.into_iter().map(|l| {
        let paint = if state.letter == Some(l) {
            theme::chosen(c)
        } else {
            theme::plain(c)
        };
        controls::square(
            look,
            Control::Letter(Some(l)),
            upper(l),
            paint,
            message(Control::Letter(Some(l))),
        )
    })))
    .spacing(u)
    .wrap()
    .vertical_spacing(u);

    let mut list = Column::new().spacing(1.5 * u);
    for i in state.shown(glossary) {
        let term = &glossary.terms[i];
        let definition = match &state.found {
            Some(words) if state.chosen == Some(i) => rich::found_plain(
                &term.definition,
                rich::Ink {
                    size: s.body,
                    color: c.text,
                },
                look,
                words,
            ),
            _ => rich::plain(&term.definition, s.body, c.text),
        };
        list = list.push(
            container(
                column![rich::bold(&term.term, s.h2, c.heading), definition].spacing(0.3 * s.body),
            )
            .padding([2.0 * u, 2.5 * u])
            .width(Length::Fill)
            .style(if state.chosen == Some(i) {
                theme::boxed(c.panel_bg, c.heading, 3.0, c.text)
            } else {
                theme::boxed(c.panel_bg, c.panel_border, 1.0, c.text)
            }),
        );
    }
    let mut page = Column::new().spacing(2.0 * u).padding([2.0 * u, 3.0 * u]);
    if state.found.is_some() {
        page = page.push(controls::button(
            look,
            Control::BackToResults,
            look.label(Label::BackToResults),
            theme::plain(c),
            message(Control::BackToResults),
        ));
    }
    let page = page.extend([
        rich::bold(look.text(Text::GlossaryTitle), s.h1, c.heading),
        rich::plain(look.text(Text::GlossaryIntro), s.body, c.text),
        index.into(),
        list.into(),
    ]);
    controls::scroll(
        look,
        LIST,
        container(page).max_width(48.0 * s.body).width(Length::Fill),
    )
}

/// A letter as printed on its button.
fn upper(letter: char) -> &'static str {
    const LETTERS: [&str; 36] = [
        "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R",
        "S", "T", "U", "V", "W", "X", "Y", "Z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ];
    let index = match letter {
        'a'..='z' => (letter as u8 - b'a') as usize,
        '0'..='9' => 26 + (letter as u8 - b'0') as usize,
        _ => return "?",
    };
    LETTERS[index]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Term;

    fn glossary(words: &[&str]) -> Glossary {
        Glossary {
            terms: words
                .iter()
                .map(|w| Term {
                    id: w.to_lowercase(),
                    term: (*w).to_string(),
                    forms: vec![],
                    definition: format!("Définition de {w}."),
                })
                .collect(),
        }
    }

    #[test]
    fn showing_an_entry_shows_its_letter_and_scrolls_to_it() {
        let g = glossary(&["foie", "évolution", "échographie", "essai", "anticorps"]);
        let mut state = State::default();
        // « évolution » comes last of the e's: échographie, essai, évolution.
        assert_eq!(
            state.update(Message::ShowEntry(1), &g),
            Action::ScrollTo(1.0)
        );
        assert_eq!(state.letter, Some('e'));
        assert_eq!(state.chosen, Some(1));
        assert_eq!(
            state.update(Message::ShowEntry(3), &g),
            Action::ScrollTo(0.5)
        );
        assert_eq!(
            state.update(Message::ShowEntry(4), &g),
            Action::ScrollTo(0.0)
        );
        assert_eq!(state.letter, Some('a'));
        // A letter chosen by hand frames nothing; an unknown entry changes nothing.
        assert_eq!(
            state.update(Message::ShowLetter(Some('f')), &g),
            Action::ScrollToTop
        );
        assert_eq!(state.chosen, None);
        assert_eq!(state.update(Message::ShowEntry(9), &g), Action::None);
        assert_eq!(state.letter, Some('f'));
    }

    #[test]
    fn terms_are_filed_under_their_letter_without_accent() {
        assert_eq!(letter_of("échographie"), Some('e'));
        assert_eq!(letter_of("Œdème"), Some('o'));
        assert_eq!(letter_of("« anticorps »"), Some('a'));
        let g = glossary(&["foie", "échographie", "Anticorps", "émotion"]);
        assert_eq!(letters(&g), vec!['a', 'e', 'f']);
    }

    #[test]
    fn showing_a_letter_keeps_only_its_terms_in_alphabetical_order() {
        let g = glossary(&["foie", "évolution", "échographie", "essai"]);
        let mut state = State::default();
        assert_eq!(
            state.update(Message::ShowLetter(Some('e')), &g),
            Action::ScrollToTop
        );
        let shown: Vec<&str> = state
            .shown(&g)
            .iter()
            .map(|&i| g.terms[i].term.as_str())
            .collect();
        assert_eq!(shown, ["échographie", "essai", "évolution"]);
    }

    #[test]
    fn showing_every_letter_lists_the_whole_glossary() {
        let g = glossary(&["foie", "essai"]);
        let mut state = State {
            letter: Some('f'),
            ..State::default()
        };
        assert_eq!(
            state.update(Message::ShowLetter(None), &g),
            Action::ScrollToTop
        );
        assert_eq!(state.letter, None);
        assert_eq!(state.shown(&g).len(), 2);
    }

    #[test]
    fn a_letter_without_terms_changes_nothing() {
        let g = glossary(&["foie"]);
        let mut state = State::default();
        assert_eq!(
            state.update(Message::ShowLetter(Some('z')), &g),
            Action::None
        );
        assert_eq!(state.letter, None);
    }

    #[test]
    fn the_letters_are_the_controls_of_the_screen() {
        let g = glossary(&["foie", "essai"]);
        let state = State::default();
        let ring = state.controls(&g);
        assert_eq!(
            ring,
            [
                Control::Letter(None),
                Control::Letter(Some('e')),
                Control::Letter(Some('f'))
            ]
        );
        assert_eq!(message(ring[1]), Some(Message::ShowLetter(Some('e'))));
        assert_eq!(upper('e'), "E");
    }
}

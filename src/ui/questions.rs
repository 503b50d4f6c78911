//! « Mes questions »: the suggested questions grouped by tab, each with a
//! large tick box. Ticks live in memory only and are never written to disk.

use std::collections::BTreeSet;

use iced::widget::{Column, column, row};
use iced::{Alignment, Element, Length};

use super::Look;
use super::controls;
use super::focus::Control;
use super::rich;
use super::theme;
use crate::content::{Library, TAB_IDS};
use crate::i18n::{Label, Text};

/// The id of the list's scroll area.
pub const LIST: &str = "questions-list";

/// The ticked questions, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub ticked: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Tick or untick the question with this id.
    Toggle(String),
    /// Untick every question.
    ClearAll,
    /// « Imprimer mes questions ».
    Print,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    /// Open « Imprimer / PDF » on the questions sheet.
    Print,
}

/// A group of questions under a heading: the tab's title, or `None` for
/// questions whose tab did not load.
pub struct Group<'a> {
    pub title: Option<&'a str>,
    /// Positions in [`Library::questions`].
    pub questions: Vec<usize>,
}

/// The questions grouped by tab, in the order of the tabs.
pub fn groups(library: &Library) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = Vec::new();
    for id in TAB_IDS {
        let questions: Vec<usize> = (0..library.questions.len())
            .filter(|&i| library.questions[i].tab == id)
            .collect();
        if questions.is_empty() {
            continue;
        }
        match library.tab(id) {
            Some(tab) => groups.push(Group {
                title: Some(&tab.title),
                questions,
            }),
            None => match groups.iter_mut().find(|g| g.title.is_none()) {
                Some(other) => other.questions.extend(questions),
                None => groups.push(Group {
                    title: None,
                    questions,
                }),
            },
        }
    }
    groups.sort_by_key(|g| g.title.is_none());
    groups
}

impl State {
    pub fn update(&mut self, message: Message, library: &Library) -> Action {
        match message {
            Message::Toggle(id) => {
                if library.question(&id).is_some() && !self.ticked.remove(&id) {
                    self.ticked.insert(id);
                }
            }
            Message::ClearAll => self.ticked.clear(),
            Message::Print => return Action::Print,
        }
        Action::None
    }

    /// The ticked questions that exist in `library`, in the order shown.
    pub fn ticked_in<'a>(&self, library: &'a Library) -> Vec<&'a crate::Question> {
        groups(library)
            .into_iter()
            .flat_map(|g| g.questions)
            .map(|i| &library.questions[i])
            .filter(|q| self.ticked.contains(&q.id))
            .collect()
    }

    /// The controls of this screen, in reading order.
    pub fn controls(&self, library: &Library) -> Vec<Control> {
        let mut ring = vec![Control::PrintQuestions];
        if !self.ticked_in(library).is_empty() {
            ring.push(Control::ClearQuestions);
        }
        ring.extend(
            groups(library)
                .into_iter()
                .flat_map(|g| g.questions)
                .map(Control::Question),
        );
        ring
    }

    /// The message a control of this screen sends, clicked or pressed with
    /// the keyboard.
    pub fn message(&self, control: Control, library: &Library) -> Option<Message> {
        match control {
            Control::Question(i) => library
                .questions
                .get(i)
                .map(|q| Message::Toggle(q.id.clone())),
            Control::ClearQuestions => Some(Message::ClearAll),
            Control::PrintQuestions => Some(Message::Print),
            _ => None,
        }
    }
}

/// The questions, then whom to call (the « Contacts » place).
pub fn view<'a>(
    state: &'a State,
    library: &'a Library,
    contacts: super::contacts::Contacts<'a>,
    look: Look,
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let ticked = state.ticked_in(library).len();
    let mut list = Column::new().spacing(u);
    if library.questions.is_empty() {
        list = list.push(rich::plain(look.text(Text::NoQuestions), s.body, c.text));
    }
    for group in groups(library) {
        let title = group.title.unwrap_or(look.text(Text::OtherQuestions));
        list = list.push(
            iced::widget::container(rich::bold(title, s.h2, c.heading)).padding(iced::Padding {
                top: 2.0 * u,
                ..iced::Padding::ZERO
            }),
        );
        for i in group.questions {
            let q = &library.questions[i];
            let on = state.ticked.contains(&q.id);
            let text_color = if on { c.selected_text } else { c.text };
            let content = row![
                controls::tick_box(look, on),
                rich::plain(&q.text, s.body, text_color)
            ]
            .spacing(2.0 * u)
            .align_y(Alignment::Center);
            list = list.push(controls::wide(
                look,
                Control::Question(i),
                content,
                theme::entry(c, on),
                state.message(Control::Question(i), library),
            ));
        }
    }

    let count = format!("{} {ticked}", look.text(Text::TickedCount));
    let mut bar = row![
        controls::button(
            look,
            Control::PrintQuestions,
            look.label(Label::PrintMyQuestions),
            theme::chosen(c),
            state.message(Control::PrintQuestions, library),
        ),
        iced::widget::text(count).size(s.control).color(c.text)
    ]
    .spacing(2.0 * u)
    .align_y(Alignment::Center);
    if ticked > 0 {
        bar = bar.push(controls::button(
            look,
            Control::ClearQuestions,
            look.text(Text::ClearTicks),
            theme::plain(c),
            state.message(Control::ClearQuestions, library),
        ));
    }
    let page = column![
        rich::bold(look.text(Text::QuestionsTitle), s.h1, c.heading),
        rich::plain(look.text(Text::QuestionsIntro), s.body, c.text),
        bar.wrap(),
        list,
        super::contacts::view(contacts, look),
    ]
    .spacing(2.0 * u)
    .padding([2.0 * u, 3.0 * u]);
    controls::scroll(
        look,
        LIST,
        iced::widget::container(page)
            .max_width(48.0 * s.body)
            .width(Length::Fill),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Question;

    fn library() -> Library {
        let q = |id: &str, tab: &str| Question {
            id: id.into(),
            tab: tab.into(),
            text: format!("Question {id} ?"),
        };
        Library {
            questions: vec![q("a", "liver"), q("b", "basics"), q("c", "liver")],
            ..Library::default()
        }
    }

    #[test]
    fn toggling_a_question_ticks_it_then_unticks_it() {
        let lib = library();
        let mut state = State::default();
        assert_eq!(
            state.update(Message::Toggle("a".into()), &lib),
            Action::None
        );
        assert!(state.ticked.contains("a"));
        state.update(Message::Toggle("a".into()), &lib);
        assert!(state.ticked.is_empty());
    }

    #[test]
    fn an_unknown_question_cannot_be_ticked() {
        let lib = library();
        let mut state = State::default();
        state.update(Message::Toggle("nope".into()), &lib);
        assert!(state.ticked.is_empty());
    }

    #[test]
    fn clear_all_unticks_everything() {
        let lib = library();
        let mut state = State::default();
        state.update(Message::Toggle("a".into()), &lib);
        state.update(Message::Toggle("b".into()), &lib);
        state.update(Message::ClearAll, &lib);
        assert!(state.ticked.is_empty());
    }

    #[test]
    fn questions_of_tabs_that_did_not_load_are_grouped_last() {
        // No tab loaded in this library: all questions fall in one group.
        let lib = library();
        let groups = groups(&lib);
        assert_eq!(groups.len(), 1);
        assert!(groups[0].title.is_none());
        // Grouped in tab order: basics before liver.
        assert_eq!(groups[0].questions, [1, 0, 2]);
    }

    #[test]
    fn the_controls_are_print_then_clear_when_something_is_ticked_then_the_questions() {
        let lib = library();
        let mut state = State::default();
        assert_eq!(state.controls(&lib).len(), 1 + 3);
        assert_eq!(state.controls(&lib)[0], Control::PrintQuestions);
        state.update(Message::Toggle("c".into()), &lib);
        let ring = state.controls(&lib);
        assert_eq!(
            ring[..2],
            [Control::PrintQuestions, Control::ClearQuestions]
        );
        assert_eq!(
            state.message(Control::Question(2), &lib),
            Some(Message::Toggle("c".into()))
        );
        assert_eq!(state.ticked_in(&lib).len(), 1);
    }
}

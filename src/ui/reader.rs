//! A content tab: the list of its sections beside a scrollable reading pane,
//! and the definition of a tapped glossary word in a panel beside the text.

use std::collections::BTreeMap;

use iced::widget::{Column, Row, column, container, row, space};
use iced::{Element, Length};

use super::controls;
use super::focus::Control;
use super::rich::{self, Ink};
use super::theme;
use super::{BOLD, Look};
use crate::content::{Block, CalloutKind, Library, Section, Tab, Term};
use crate::i18n::Text;

pub use super::rich::mark_id;

/// The id of the reading pane's scroll area.
pub const PANE: &str = "reader-pane";
/// The id of the section list's scroll area.
pub const SECTIONS: &str = "reader-sections";

/// Which tab and section are open, and which definition is shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The open content tab, by id; the first tab when `None`.
    tab: Option<String>,
    /// The section last opened in each tab, by tab id; a tab not in here
    /// opens at its first section.
    sections: BTreeMap<String, String>,
    /// The glossary entry whose definition is shown beside the text.
    pub definition: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Open the tab with this id.
    OpenTab(String),
    /// Open the section with this id, in the open tab.
    OpenSection(String),
    /// Show the definition of this glossary entry.
    ShowDefinition(usize),
    CloseDefinition,
}

/// What the app must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    /// Bring the reading pane back to its top.
    ScrollToTop,
}

impl State {
    /// The open tab, or the first one that loaded.
    pub fn tab<'a>(&self, library: &'a Library) -> Option<&'a Tab> {
        self.tab
            .as_deref()
            .and_then(|id| library.tab(id))
            .or_else(|| library.tabs.first())
    }

    /// The open section of the open tab.
    pub fn section<'a>(&self, library: &'a Library) -> Option<&'a Section> {
        let tab = self.tab(library)?;
        self.sections
            .get(&tab.id)
            .and_then(|id| tab.sections.iter().find(|s| &s.id == id))
            .or_else(|| tab.sections.first())
    }

    pub fn update(&mut self, message: Message, library: &Library) -> Action {
        match message {
            Message::OpenTab(id) => {
                if library.tab(&id).is_none() {
                    return Action::None;
                }
                self.tab = Some(id);
                self.definition = None;
                Action::ScrollToTop
            }
            Message::OpenSection(id) => {
                let Some(tab) = self.tab(library) else {
                    return Action::None;
                };
                if !tab.sections.iter().any(|s| s.id == id) {
                    return Action::None;
                }
                self.sections.insert(tab.id.clone(), id);
                self.definition = None;
                Action::ScrollToTop
            }
            Message::ShowDefinition(term) => {
                if term < library.glossary.terms.len() {
                    self.definition = Some(term);
                }
                Action::None
            }
            Message::CloseDefinition => {
                self.definition = None;
                Action::None
            }
        }
    }

    /// Whether the section list is on screen: a definition takes its place
    /// when the window is too narrow for both beside the text.
    pub fn shows_sections(&self, look: Look) -> bool {
        self.definition.is_none() || columns(look).2
    }

    /// The controls of this screen, in reading order.
    pub fn controls(&self, library: &Library, look: Look) -> Vec<Control> {
        let mut ring = Vec::new();
        if self.definition.is_some() && !self.shows_sections(look) {
            ring.push(Control::CloseDefinition);
        }
        if let Some(tab) = self.tab(library).filter(|_| self.shows_sections(look)) {
            ring.extend((0..tab.sections.len()).map(Control::Section));
        }
        if let Some(section) = self.section(library) {
            ring.extend(section.terms().into_iter().map(Control::Term));
        }
        if self.definition.is_some() && self.shows_sections(look) {
            ring.push(Control::CloseDefinition);
        }
        ring
    }

    /// The message a control of this screen sends, clicked or pressed with
    /// the keyboard.
    pub fn message(&self, control: Control, library: &Library) -> Option<Message> {
        message(control, self.tab(library))
    }

    /// Opens the tab with this id; `false` when no such tab loaded.
    pub fn open_tab(&mut self, id: &str, library: &Library) -> bool {
        self.update(Message::OpenTab(id.to_string()), library) == Action::ScrollToTop
    }

    /// Opens the section with this id in the open tab; `false` when the
    /// open tab has no such section.
    pub fn open_section(&mut self, id: &str, library: &Library) -> bool {
        self.update(Message::OpenSection(id.to_string()), library) == Action::ScrollToTop
    }
}

/// What a control of the reader sends, for the tab shown.
fn message(control: Control, tab: Option<&Tab>) -> Option<Message> {
    match control {
        Control::Section(i) => {
            let section = tab?.sections.get(i)?;
            Some(Message::OpenSection(section.id.clone()))
        }
        Control::Term(i) => Some(Message::ShowDefinition(i)),
        Control::CloseDefinition => Some(Message::CloseDefinition),
        _ => None,
    }
}

/// Widths of the columns for a window: (section list, definition panel,
/// whether the panel fits beside the list and the text).
fn columns(look: Look) -> (f32, f32, bool) {
    let w = look.window.width;
    let side = (w * 0.25).clamp(220.0, 340.0);
    let panel = (w * 0.27).clamp(260.0, 380.0);
    let gaps = 6.0 * look.sizes.unit;
    let wide = w - side - panel - gaps >= 26.0 * look.sizes.body;
    (side, panel, wide)
}

pub fn view<'a>(state: &'a State, library: &'a Library, look: Look) -> Element<'a, Message> {
    let (Some(tab), Some(section)) = (state.tab(library), state.section(library)) else {
        return container(rich::plain(
            look.text(Text::NothingToRead),
            look.sizes.body,
            look.colors.text,
        ))
        .padding(3.0 * look.sizes.unit)
        .into();
    };
    let definition = state.definition.and_then(|i| library.glossary.terms.get(i));
    let (side, panel_width, wide) = columns(look);
    let pane = pane(tab, section, library, state.definition, look);
    let u = look.sizes.unit;
    let body: Row<'a, Message> = match (definition, wide) {
        (Some(term), true) => row![
            container(sections(tab, section, look)).width(side),
            pane,
            container(panel(term, look)).width(panel_width)
        ],
        (Some(term), false) => row![container(panel(term, look)).width(side), pane],
        (None, _) => row![container(sections(tab, section, look)).width(side), pane],
    };
    body.spacing(2.0 * u)
        .padding([2.0 * u, 2.0 * u])
        .height(Length::Fill)
        .into()
}

/// The list of the tab's sections (the questions it answers).
fn sections<'a>(tab: &'a Tab, open: &'a Section, look: Look) -> Element<'a, Message> {
    let c = look.colors;
    let mut list = Column::new().spacing(look.sizes.unit);
    list = list.push(rich::bold(
        look.text(Text::InThisTab),
        look.sizes.control,
        c.muted,
    ));
    for (i, s) in tab.sections.iter().enumerate() {
        let selected = s.id == open.id;
        let text_color = if selected { c.selected_text } else { c.text };
        list = list.push(controls::wide(
            look,
            Control::Section(i),
            controls::label(look, &s.title, text_color),
            theme::entry(c, selected),
            message(Control::Section(i), Some(tab)),
        ));
    }
    controls::scroll(look, SECTIONS, list)
}

/// The reading pane: title, « L'essentiel », blocks, words, footer.
fn pane<'a>(
    tab: &'a Tab,
    section: &'a Section,
    library: &'a Library,
    open: Option<usize>,
    look: Look,
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let body = Ink {
        size: s.body,
        color: c.text,
    };
    let mut page = Column::new().spacing(0.9 * s.body).padding(iced::Padding {
        top: u,
        right: 2.0 * u,
        bottom: 4.0 * u,
        left: 2.0 * u,
    });
    page = page.push(rich::bold(&section.title, s.h1, c.heading));

    let summary = column![
        rich::bold(look.text(Text::Essential), s.h2, c.summary_title),
        rich::view(
            &section.summary,
            Ink {
                color: c.callout_text,
                ..body
            },
            look,
            open,
            Message::ShowDefinition
        ),
    ]
    .spacing(0.6 * s.body);
    page = page.push(
        container(summary)
            .padding(2.5 * s.unit)
            .width(Length::Fill)
            .style(theme::boxed(
                c.summary_bg,
                c.summary_border,
                2.0,
                c.callout_text,
            )),
    );

    for block in &section.blocks {
        page = page.push(block_view(block, body, look, open));
    }

    let terms = section.terms();
    if !terms.is_empty() {
        page = page.push(words(&terms, library, look, open));
    }
    page = page.push(footer(tab, look));

    let page = container(page).max_width(42.0 * s.body).width(Length::Fill);
    controls::scroll(look, PANE, page)
}

fn block_view<'a>(
    block: &'a Block,
    body: Ink,
    look: Look,
    open: Option<usize>,
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    match block {
        Block::Paragraph(text) => rich::view(text, body, look, open, Message::ShowDefinition),
        Block::List(items) => Column::with_children(items.iter().map(|item| {
            rich::bullet(
                rich::view(item, body, look, open, Message::ShowDefinition),
                body,
            )
        }))
        .spacing(0.4 * s.body)
        .into(),
        Block::Callout { kind, text } => {
            let colors = c.callout(*kind);
            let title = match kind {
                CalloutKind::Remember => Text::Remember,
                CalloutKind::Important => Text::Important,
                CalloutKind::ToDo => Text::ToDo,
            };
            let inner = column![
                rich::bold(look.text(title), s.body, colors.title),
                rich::view(
                    text,
                    Ink {
                        color: c.callout_text,
                        ..body
                    },
                    look,
                    open,
                    Message::ShowDefinition
                ),
            ]
            .spacing(0.4 * s.body);
            container(inner)
                .padding(2.5 * s.unit)
                .width(Length::Fill)
                .style(theme::boxed(colors.bg, colors.border, 3.0, c.callout_text))
                .into()
        }
    }
}

/// The glossary words of the section as large buttons.
fn words<'a>(
    terms: &[usize],
    library: &'a Library,
    look: Look,
    open: Option<usize>,
) -> Element<'a, Message> {
    let c = look.colors;
    let buttons = terms.iter().filter_map(|&i| {
        let term = library.glossary.terms.get(i)?;
        let paint = if open == Some(i) {
            theme::chosen(c)
        } else {
            theme::mark(c, false)
        };
        Some(controls::button(
            look,
            Control::Term(i),
            &term.term,
            paint,
            message(Control::Term(i), None),
        ))
    });
    column![
        rich::bold(look.text(Text::WordsOnThisPage), look.sizes.h2, c.heading),
        rich::plain(look.text(Text::WordsHint), look.sizes.body, c.text),
        Row::with_children(buttons)
            .spacing(look.sizes.unit)
            .width(Length::Fill)
            .wrap()
            .vertical_spacing(look.sizes.unit),
    ]
    .spacing(look.sizes.unit)
    .into()
}

/// Sources, dates and the reminder that the care team has the last word.
fn footer<'a>(tab: &'a Tab, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let mut notes = Column::new().spacing(0.3 * s.small);
    notes = notes.push(rich::bold(look.text(Text::Sources), s.small, c.muted));
    for source in &tab.meta.sources {
        notes = notes.push(rich::bullet(
            rich::plain(source, s.small, c.muted),
            Ink {
                size: s.small,
                color: c.muted,
            },
        ));
    }
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let mut dates = format!(
        "{} {}",
        look.text(Text::WrittenOn),
        date(tab.meta.written_on)
    );
    match (&tab.meta.review.reviewed_on, &tab.meta.review.reviewed_by) {
        (Some(on), Some(by)) => dates.push_str(&format!(
            " · {} {} ({by})",
            look.text(Text::ReviewedOn),
            date(*on)
        )),
        (Some(on), None) => {
            dates.push_str(&format!(" · {} {}", look.text(Text::ReviewedOn), date(*on)))
        }
        _ => dates.push_str(&format!(" · {}", look.text(Text::ReviewPending))),
    }
    notes = notes.push(
        iced::widget::text(dates)
            .size(s.small)
            .line_height(theme::LINE_HEIGHT)
            .color(c.muted)
            .width(Length::Fill),
    );
    column![
        container(space().height(0))
            .height(2)
            .width(Length::Fill)
            .style(theme::rule(c)),
        container(rich::bold(look.text(Text::Disclaimer), s.body, c.text))
            .padding(2.5 * s.unit)
            .width(Length::Fill)
            .style(theme::boxed(c.panel_bg, c.panel_border, 2.0, c.text)),
        notes,
    ]
    .spacing(1.0 * s.body)
    .into()
}

/// The definition of a glossary entry, with a button to close it.
fn panel<'a>(term: &'a Term, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let content = column![
        rich::plain(look.text(Text::Definition), s.control, c.muted),
        iced::widget::text(&term.term)
            .size(s.h2)
            .line_height(theme::LINE_HEIGHT)
            .font(BOLD)
            .color(c.heading)
            .width(Length::Fill),
        rich::plain(&term.definition, s.body, c.text),
        controls::button(
            look,
            Control::CloseDefinition,
            look.text(Text::Close),
            theme::plain(c),
            message(Control::CloseDefinition, None)
        ),
    ]
    .spacing(1.0 * s.unit + 0.4 * s.body);
    let boxed = container(content)
        .padding(2.5 * s.unit)
        .width(Length::Fill)
        .style(theme::boxed(c.panel_bg, c.summary_border, 3.0, c.text));
    controls::scroll(look, DEFINITION, boxed)
}

/// The id of the definition panel's scroll area.
pub const DEFINITION: &str = "reader-definition";

#[cfg(test)]
mod tests;

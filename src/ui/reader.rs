//! A content tab: the list of its sections beside a scrollable reading pane
//! (the list folds away at large sizes), a reading path from section to
//! section (« Question 3 sur 6 », « ‹ Précédente », « Suivante › »), and
//! the definition of a tapped glossary word in a sheet over the bottom of
//! the window, so the text never moves under the reader's finger.

use std::collections::BTreeMap;

use iced::widget::{Column, Row, column, container, row};
use iced::{Element, Length};

use super::Look;
use super::controls;
use super::focus::Control;
use super::rich::{self, Ink};
use super::theme;
use crate::content::{Block, Library, Section, Tab};
use crate::i18n::{Label, Text};
use crate::search::Place;

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
    /// The glossary entry whose definition is shown over the text.
    pub definition: Option<usize>,
    /// The figure of the open section shown large over everything (its
    /// position among the section's figures).
    pub figure: Option<usize>,
    /// How far down the reader had scrolled each section (0 top, 1 end),
    /// by section id: a tab reopens where it was left.
    offsets: BTreeMap<String, f32>,
    /// Where a search result led, highlighted until the reader moves on
    /// (another section or tab, or the search again).
    pub found: Option<Found>,
}

/// A search result opened in the reader: its section, the block of the
/// sentence that matched, and the content words to highlight (folded, as
/// in [`crate::search::Hit::words`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub section: String,
    pub place: Place,
    pub words: Vec<String>,
}

/// The widget id of the block (or list item) a search result matched in:
/// the window scrolls it into view.
pub const FOUND: &str = "reader-found";

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Open the tab with this id.
    OpenTab(String),
    /// Open the section with this id, in the open tab.
    OpenSection(String),
    /// Show the definition of this glossary entry.
    ShowDefinition(usize),
    CloseDefinition,
    /// « ‹ Précédente »: the section before, or the last of the tab before.
    PreviousSection,
    /// « Suivante › »: the section after, or the first of the next tab.
    NextSection,
    /// The kiosk's page buttons.
    PageUp,
    PageDown,
    /// The reading pane scrolled to this relative offset (0 top, 1 end).
    Scrolled(f32),
    /// Show this figure of the section large (its position among the
    /// section's figures), and close it.
    OpenFigure(usize),
    CloseFigure,
    /// « ‹ Retour aux résultats »: back to the search that led here.
    BackToResults,
}

/// What the app must do after an update.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    None,
    /// Bring the reading pane back to its top.
    ScrollToTop,
    /// Scroll the reading pane by this many screens (-1 up, 1 down).
    Page(f32),
    /// Show the search results again, as they were left.
    BackToResults,
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
                self.figure = None;
                self.found = None;
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
                self.figure = None;
                self.found = None;
                Action::ScrollToTop
            }
            Message::ShowDefinition(term) => {
                if term < library.glossary.terms.len() {
                    self.definition = Some(term);
                }
                Action::None
            }
            Message::OpenFigure(i) => {
                if self
                    .section(library)
                    .is_some_and(|s| figure::nth(s, i).is_some())
                {
                    self.figure = Some(i);
                    self.definition = None;
                }
                Action::None
            }
            Message::CloseFigure => {
                self.figure = None;
                Action::None
            }
            Message::CloseDefinition => {
                self.definition = None;
                self.figure = None;
                Action::None
            }
            Message::PreviousSection => self.step(library, -1),
            Message::NextSection => self.step(library, 1),
            Message::PageUp => Action::Page(-1.0),
            Message::PageDown => Action::Page(1.0),
            Message::BackToResults => {
                self.found = None;
                Action::BackToResults
            }
            Message::Scrolled(y) => {
                if let Some(section) = self.section(library) {
                    self.offsets.insert(section.id.clone(), y.clamp(0.0, 1.0));
                }
                Action::None
            }
        }
    }

    /// Where the open section was left: 0 at its top.
    pub fn offset(&self, library: &Library) -> f32 {
        self.section(library)
            .and_then(|s| self.offsets.get(&s.id))
            .copied()
            .unwrap_or(0.0)
    }

    /// The open section's place in its tab: (1-based position, count).
    pub fn position(&self, library: &Library) -> Option<(usize, usize)> {
        let tab = self.tab(library)?;
        let section = self.section(library)?;
        let at = tab.sections.iter().position(|s| s.id == section.id)?;
        Some((at + 1, tab.sections.len()))
    }

    /// The way on from the open section: `Some(false)` to a section of the
    /// same tab, `Some(true)` to another tab, `None` at the very end (or
    /// the very start, going back).
    pub fn way(&self, library: &Library, by: isize) -> Option<bool> {
        let (at, count) = self.position(library)?;
        let next = at as isize - 1 + by;
        if (0..count as isize).contains(&next) {
            return Some(false);
        }
        let tab = self.tab(library)?;
        let t = library.tabs.iter().position(|x| x.id == tab.id)? as isize + by;
        (0..library.tabs.len() as isize)
            .contains(&t)
            .then_some(true)
    }

    /// Moves `by` sections (±1), into the next or previous tab at its ends.
    fn step(&mut self, library: &Library, by: isize) -> Action {
        self.found = None;
        let (Some(tab), Some((at, count))) = (self.tab(library), self.position(library)) else {
            return Action::None;
        };
        let next = at as isize - 1 + by;
        if (0..count as isize).contains(&next) {
            let id = tab.sections[next as usize].id.clone();
            self.sections.insert(tab.id.clone(), id.clone());
            self.offsets.remove(&id);
            self.definition = None;
            self.figure = None;
            return Action::ScrollToTop;
        }
        let Some(t) = library.tabs.iter().position(|x| x.id == tab.id) else {
            return Action::None;
        };
        let Some(other) = usize::try_from(t as isize + by)
            .ok()
            .and_then(|t| library.tabs.get(t))
        else {
            return Action::None;
        };
        // Back into the tab before: its last section; on: its first.
        let section = if by < 0 {
            other.sections.last()
        } else {
            other.sections.first()
        };
        if let Some(section) = section {
            self.sections.insert(other.id.clone(), section.id.clone());
            self.offsets.remove(&section.id);
        }
        self.tab = Some(other.id.clone());
        self.definition = None;
        self.figure = None;
        Action::ScrollToTop
    }

    /// Whether the section list is on screen beside the text: not when the
    /// window folds for large text (the tabs sheet and the reading path
    /// take its place).
    pub fn shows_sections(&self, look: Look) -> bool {
        !look.compact()
    }

    /// The controls of this screen, in reading order. With a definition
    /// open, its « Fermer » comes first: the sheet is over the text.
    pub fn controls(&self, library: &Library, look: Look, kiosk: bool) -> Vec<Control> {
        let mut ring = Vec::new();
        // A figure shown large covers the window: only its « Fermer ».
        if self.figure.is_some() {
            return vec![Control::CloseFigure];
        }
        if let Some(section) = self.section(library) {
            ring.extend((0..figure::count(section)).map(Control::Figure));
        }
        if self.definition.is_some() {
            ring.push(Control::CloseDefinition);
        }
        if self.found_here(library).is_some() {
            ring.push(Control::BackToResults);
        }
        if let Some(tab) = self.tab(library).filter(|_| self.shows_sections(look)) {
            ring.extend((0..tab.sections.len()).map(Control::Section));
        }
        if let Some(section) = self.section(library) {
            ring.extend(section.terms().into_iter().map(Control::Term));
        }
        if self.way(library, -1).is_some() {
            ring.push(Control::PreviousSection);
        }
        if self.way(library, 1).is_some() {
            ring.push(Control::NextSection);
        }
        if kiosk {
            ring.extend([Control::PageUp, Control::PageDown]);
        }
        ring
    }

    /// The message a control of this screen sends, clicked or pressed with
    /// the keyboard.
    pub fn message(&self, control: Control, library: &Library) -> Option<Message> {
        message(control, self.tab(library))
    }

    /// Opens a search result: its tab and section, with its words
    /// highlighted; `false` when no such section loaded.
    pub fn show_found(
        &mut self,
        tab: &str,
        section: &str,
        place: Place,
        words: Vec<String>,
        library: &Library,
    ) -> bool {
        if !(self.open_tab(tab, library) && self.open_section(section, library)) {
            return false;
        }
        self.found = Some(Found {
            section: section.to_string(),
            place,
            words,
        });
        true
    }

    /// The search result shown in the open section, if any.
    pub fn found_here(&self, library: &Library) -> Option<&Found> {
        let section = self.section(library)?;
        self.found.as_ref().filter(|f| f.section == section.id)
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
        Control::Figure(i) => Some(Message::OpenFigure(i)),
        Control::CloseFigure => Some(Message::CloseFigure),
        Control::PreviousSection => Some(Message::PreviousSection),
        Control::NextSection => Some(Message::NextSection),
        Control::PageUp => Some(Message::PageUp),
        Control::PageDown => Some(Message::PageDown),
        Control::BackToResults => Some(Message::BackToResults),
        _ => None,
    }
}

/// The width of the section list beside the text.
fn side_width(look: Look) -> f32 {
    (look.window.width * 0.25).clamp(220.0, 340.0)
}

/// The height of the definition sheet: under half the window, so the text
/// it explains stays in view above it.
pub fn sheet_height(look: Look) -> f32 {
    0.42 * look.window.height
}

/// The longest line of the reading column, in body-text sizes: about 65
/// characters of Atkinson Hyperlegible.
const MEASURE: f32 = 33.0;

/// What the reading screen needs besides its state and the content.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Kiosk mode: large page buttons beside the text for touch screens.
    pub kiosk: bool,
    /// Whom to call, at the end of every section.
    pub contacts: super::contacts::Contacts<'a>,
}

pub fn view<'a>(
    state: &'a State,
    library: &'a Library,
    look: Look,
    context: Context<'a>,
) -> Element<'a, Message> {
    let (Some(tab), Some(section)) = (state.tab(library), state.section(library)) else {
        return container(rich::plain(
            look.text(Text::NothingToRead),
            look.sizes.body,
            look.colors.text,
        ))
        .padding(3.0 * look.sizes.unit)
        .into();
    };
    let pane = pane(state, tab, section, library, context.contacts, look);
    let u = look.sizes.unit;
    let mut body: Row<'a, Message> = Row::new();
    if state.shows_sections(look) {
        body = body.push(container(sections(tab, section, look)).width(side_width(look)));
    }
    body = body.push(pane);
    if context.kiosk {
        body = body.push(page_buttons(look));
    }
    let pad = if look.compact() { u } else { 2.0 * u };
    body.spacing(2.0 * u)
        .padding([pad, 2.0 * u])
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
            row![
                controls::label(look, &s.title, text_color),
                iced::widget::text("\u{203a}")
                    .size(1.3 * look.sizes.control)
                    .color(text_color)
            ]
            .spacing(look.sizes.unit)
            .align_y(iced::Alignment::Center),
            theme::entry(c, selected),
            message(Control::Section(i), Some(tab)),
        ));
    }
    controls::scroll(look, SECTIONS, list)
}

/// The reading pane: title, « L'essentiel », blocks, words, footer.
fn pane<'a>(
    state: &'a State,
    tab: &'a Tab,
    section: &'a Section,
    library: &'a Library,
    contacts: super::contacts::Contacts<'a>,
    look: Look,
) -> Element<'a, Message> {
    let open = state.definition;
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let body = Ink {
        size: s.body,
        color: c.text,
    };
    // With a definition open, the end of the text can still be scrolled
    // up above the sheet.
    let bottom = 4.0 * u + open.map_or(0.0, |_| sheet_height(look));
    let mut page = Column::new().spacing(0.9 * s.body).padding(iced::Padding {
        top: u,
        right: 2.0 * u,
        bottom,
        left: 2.0 * u,
    });
    let found = state.found_here(library);
    let lit: &[String] = found.map_or(&[], |f| f.words.as_slice());
    let place = found.map(|f| f.place);
    if let Some((at, count)) = state.position(library) {
        page = page.push(rich::plain(
            format!(
                "{} {at} {} {count}",
                look.label(Label::Question),
                look.label(Label::Of)
            ),
            s.control,
            c.muted,
        ));
    }
    page = page.push(rich::bold(&section.title, s.h1, c.heading));

    let summary = column![
        rich::bold(look.text(Text::Essential), s.h2, c.summary_title),
        rich::found(
            &section.summary,
            Ink {
                color: c.callout_text,
                ..body
            },
            look,
            open,
            lit,
            Message::ShowDefinition
        ),
    ]
    .spacing(0.6 * s.body);
    let summary = container(summary)
        .padding(2.5 * s.unit)
        .width(Length::Fill)
        .style(theme::boxed(
            c.summary_bg,
            c.summary_border,
            2.0,
            c.callout_text,
        ));
    page = page.push(if place == Some(Place::Summary) {
        summary.id(FOUND)
    } else {
        summary
    });

    let mut figures = 0;
    for (b, block) in section.blocks.iter().enumerate() {
        let item = match place {
            Some(Place::Block { block, item }) if block == b => Some(item),
            _ => None,
        };
        let found = Mark { words: lit, item };
        page = page.push(block_view(block, figures, body, look, open, found));
        if matches!(block, Block::Figure(_)) {
            figures += 1;
        }
    }

    let terms = section.terms();
    if !terms.is_empty() {
        page = page.push(words(&terms, library, look, open));
    }
    page = page.push(path(state, library, look));
    page = page.push(super::contacts::view(contacts, look));
    page = page.push(footer(tab, look));

    let page = container(page)
        .max_width(MEASURE * s.body)
        .width(Length::Fill);
    let pane = controls::scroll_with(look, PANE, page, |viewport| {
        Message::Scrolled(viewport.relative_offset().y)
    });
    if found.is_none() {
        return pane;
    }
    // Above the text, not in it: the way back stays in view wherever the
    // result scrolled the text to.
    column![
        container(controls::button(
            look,
            Control::BackToResults,
            look.label(Label::BackToResults),
            theme::plain(c),
            message(Control::BackToResults, None),
        ))
        .padding(iced::Padding {
            left: 2.0 * u,
            ..iced::Padding::ZERO
        }),
        pane
    ]
    .spacing(u)
    .into()
}

/// The id of the definition panel's scroll area.
pub const DEFINITION: &str = "reader-definition";

mod blocks;
mod path;

use blocks::{Mark, block_view, footer, words};

pub use figure::large as figure;
pub use path::{SHEET, definition};

mod figure;
use path::{page_buttons, path};

#[cfg(test)]
mod tests;

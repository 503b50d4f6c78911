//! Keyboard focus. iced 0.14 buttons cannot take focus, so the app keeps its
//! own ring: every clickable control has a [`Control`] name, the screens list
//! theirs in reading order, Tab and Shift+Tab walk the list, and the focused
//! control is drawn with a thick ring. Each control's name is also its widget
//! id, which lets tests measure its size.

use iced::widget::{Id, container};
use iced::{Element, Length};

use crate::Lang;

/// A tab of the tab row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TabKey {
    /// The content tab at this position among the tabs that loaded.
    Content(usize),
    Glossary,
    Questions,
    Problems,
}

/// Something the reader can click, tap or reach with Tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Control {
    Lang(Lang),
    TextSmaller,
    TextLarger,
    Contrast,
    /// « Rechercher » in the header.
    Search,
    Export,
    Tab(TabKey),
    /// A section of the open tab, by position.
    Section(usize),
    /// A glossary word in the list under a section, by glossary index.
    Term(usize),
    CloseDefinition,
    /// A figure of the open section, by position among its figures: opens
    /// it large; and « Fermer » over it.
    Figure(usize),
    CloseFigure,
    /// A letter of the glossary's index (`None`: every letter).
    Letter(Option<char>),
    /// A suggested question, by position in the library.
    Question(usize),
    ClearQuestions,
    /// « Imprimer mes questions » on « Mes questions ».
    PrintQuestions,
    Reload,
    /// A control of the « Imprimer / PDF » panel.
    Panel(crate::ui::export::Button),
    /// The search field (its box, for tests and Tab).
    SearchField,
    /// « Effacer » beside the search field.
    ClearSearch,
    /// A search result, by position.
    Hit(usize),
    /// The folded header's « Réglages ».
    Settings,
    /// The folded tab row's menu button.
    TabsMenu,
    /// « Fermer » on a menu sheet.
    CloseMenu,
    /// « ‹ Précédente » at the end of a section.
    PreviousSection,
    /// « Suivante › » at the end of a section.
    NextSection,
    /// The kiosk's page buttons beside the text.
    PageUp,
    PageDown,
    /// A language button of the kiosk's welcome.
    Welcome(Lang),
    /// « ‹ Retour aux résultats » over a search result.
    BackToResults,
    /// « Vouliez-vous dire … ? » when a search finds nothing.
    Suggestion,
    /// « Clavier » beside the search field.
    ShowKeyboard,
}

impl Control {
    /// The widget id of the control, stable across frames.
    pub fn name(self) -> String {
        match self {
            Control::Lang(lang) => format!("lang-{}", lang.code()),
            Control::TextSmaller => "text-smaller".into(),
            Control::TextLarger => "text-larger".into(),
            Control::Contrast => "contrast".into(),
            Control::Search => "search".into(),
            Control::Export => "export".into(),
            Control::Tab(TabKey::Content(i)) => format!("tab-{i}"),
            Control::Tab(TabKey::Glossary) => "tab-glossary".into(),
            Control::Tab(TabKey::Questions) => "tab-questions".into(),
            Control::Tab(TabKey::Problems) => "tab-problems".into(),
            Control::Section(i) => format!("section-{i}"),
            Control::Term(i) => format!("term-{i}"),
            Control::CloseDefinition => "close-definition".into(),
            Control::Figure(i) => format!("figure-{i}"),
            Control::CloseFigure => "close-figure".into(),
            Control::Letter(None) => "letter-all".into(),
            Control::Letter(Some(c)) => format!("letter-{c}"),
            Control::Question(i) => format!("question-{i}"),
            Control::ClearQuestions => "clear-questions".into(),
            Control::PrintQuestions => "print-questions".into(),
            Control::Reload => "reload".into(),
            Control::Panel(button) => format!("export-{}", button.name()),
            Control::SearchField => "search-field-box".into(),
            Control::ClearSearch => "clear-search".into(),
            Control::Hit(i) => format!("hit-{i}"),
            Control::Settings => "settings".into(),
            Control::TabsMenu => "tabs-menu".into(),
            Control::CloseMenu => "close-menu".into(),
            Control::PreviousSection => "previous-section".into(),
            Control::NextSection => "next-section".into(),
            Control::PageUp => "page-up".into(),
            Control::PageDown => "page-down".into(),
            Control::Welcome(lang) => format!("welcome-{}", lang.code()),
            Control::BackToResults => "back-to-results".into(),
            Control::Suggestion => "suggestion".into(),
            Control::ShowKeyboard => "show-keyboard".into(),
        }
    }

    /// The widget id of the control.
    pub fn id(self) -> Id {
        Id::from(self.name())
    }
}

/// Wraps a control's widget in a container carrying its id.
pub fn target<'a, M: 'a>(control: Control, widget: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(widget).id(control.id()).into()
}

/// Wraps a control that fills the width of its column.
pub fn wide_target<'a, M: 'a>(
    control: Control,
    widget: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    container(widget)
        .id(control.id())
        .width(Length::Fill)
        .into()
}

/// The control after `current` in `ring`, wrapping around; the first one
/// when nothing (or something no longer shown) has focus.
pub fn next(ring: &[Control], current: Option<Control>) -> Option<Control> {
    let at = current.and_then(|c| ring.iter().position(|r| *r == c));
    match at {
        Some(i) => ring.get((i + 1) % ring.len()).copied(),
        None => ring.first().copied(),
    }
}

/// The control before `current` in `ring`, wrapping around; the last one
/// when nothing (or something no longer shown) has focus.
pub fn previous(ring: &[Control], current: Option<Control>) -> Option<Control> {
    let at = current.and_then(|c| ring.iter().position(|r| *r == c));
    match at {
        Some(0) | None => ring.last().copied(),
        Some(i) => ring.get(i - 1).copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RING: [Control; 3] = [Control::TextSmaller, Control::TextLarger, Control::Export];

    #[test]
    fn tab_walks_forward_and_wraps_around() {
        assert_eq!(next(&RING, None), Some(Control::TextSmaller));
        assert_eq!(
            next(&RING, Some(Control::TextSmaller)),
            Some(Control::TextLarger)
        );
        assert_eq!(
            next(&RING, Some(Control::Export)),
            Some(Control::TextSmaller)
        );
    }

    #[test]
    fn shift_tab_walks_backward_and_wraps_around() {
        assert_eq!(previous(&RING, None), Some(Control::Export));
        assert_eq!(
            previous(&RING, Some(Control::TextSmaller)),
            Some(Control::Export)
        );
        assert_eq!(
            previous(&RING, Some(Control::Export)),
            Some(Control::TextLarger)
        );
    }

    #[test]
    fn a_control_that_left_the_screen_restarts_the_walk() {
        assert_eq!(
            next(&RING, Some(Control::Reload)),
            Some(Control::TextSmaller)
        );
        assert_eq!(next(&[], Some(Control::Reload)), None);
    }

    #[test]
    fn every_control_has_its_own_name() {
        let all = [
            Control::Lang(Lang::Fr),
            Control::Lang(Lang::En),
            Control::TextSmaller,
            Control::TextLarger,
            Control::Contrast,
            Control::Export,
            Control::Tab(TabKey::Content(0)),
            Control::Tab(TabKey::Glossary),
            Control::Tab(TabKey::Questions),
            Control::Tab(TabKey::Problems),
            Control::Section(0),
            Control::Term(0),
            Control::CloseDefinition,
            Control::Figure(0),
            Control::CloseFigure,
            Control::Letter(None),
            Control::Letter(Some('a')),
            Control::Question(0),
            Control::ClearQuestions,
            Control::PrintQuestions,
            Control::Reload,
            Control::Panel(crate::ui::export::Button::Back),
            Control::Panel(crate::ui::export::Button::Print),
            Control::Search,
            Control::SearchField,
            Control::ClearSearch,
            Control::Hit(0),
            Control::BackToResults,
            Control::Suggestion,
            Control::ShowKeyboard,
        ];
        let mut names: Vec<String> = all.iter().map(|c| c.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }
}

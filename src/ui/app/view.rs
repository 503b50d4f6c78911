//! What the window draws: the header, the tab row and the screen shown,
//! the sheets over them (a definition, « Réglages », the tabs), the
//! kiosk's band and cards; and the iced application that runs it all.

use iced::widget::operation;
use iced::widget::{Column, column, container, stack};
use iced::{Element, Length, Task};

use super::{App, Config, Message, Screen, Shown, top};
use crate::settings::OnScreenKeyboard;
use crate::ui::{
    Look, export, glossary, header, keyboard, kiosk, problems, questions, reader, search, theme,
};

impl App {
    pub fn view(&self) -> Element<'_, Message> {
        if self.loading {
            // The window's background (its style) and nothing on it.
            return iced::widget::Space::new().into();
        }
        let look = self.look();
        let library = self.library();
        let body: Element<'_, Message> = match self.shown() {
            Shown::Panel(panel) => {
                export::view(panel, self.export_context(), look).map(Message::Export)
            }
            Shown::Screen(Screen::Reader) if self.kiosk.patient() && library.tabs.is_empty() => {
                kiosk::nothing_to_read(look)
            }
            Shown::Screen(Screen::Reader) => {
                let context = reader::Context {
                    kiosk: self.kiosk.is_kiosk(),
                    contacts: self.contacts(),
                };
                reader::view(&self.reader, library, look, context).map(Message::Reader)
            }
            Shown::Screen(Screen::Glossary) => {
                glossary::view(&self.glossary, &library.glossary, look).map(Message::Glossary)
            }
            Shown::Screen(Screen::Questions) => {
                questions::view(&self.questions, library, self.contacts(), look)
                    .map(Message::Questions)
            }
            Shown::Screen(Screen::Search) => {
                let offer = self.config.settings.on_screen_keyboard != OnScreenKeyboard::Never;
                let screen = search::view(&self.search, library, look, offer).map(Message::Search);
                if self.search.keyboard && offer {
                    let found = !self.search.hits.is_empty();
                    column![screen, keyboard::view(look, found).map(Message::Keyboard)].into()
                } else {
                    screen
                }
            }
            Shown::Screen(Screen::Problems) => problems::view(
                &self.problems,
                &self.report,
                &self.config.source,
                &self.config.settings_warnings,
                look,
            )
            .map(Message::Problems),
        };
        let c = look.colors;
        let header = self.header();
        let page = column![
            header::view(header, look).map(Message::from),
            container(iced::widget::space())
                .height(1)
                .width(Length::Fill)
                .style(theme::rule(c)),
            header::tabs(&header, self.tab_buttons(), look).map(Message::from),
            container(iced::widget::space())
                .height(2)
                .width(Length::Fill)
                .style(theme::rule(c)),
            body,
        ]
        .width(Length::Fill)
        .height(Length::Fill);
        let mut layers = vec![page.into()];
        if let Shown::Screen(Screen::Reader) = self.shown()
            && let Some(sheet) = reader::definition(&self.reader, library, look)
        {
            layers.push(sheet.map(Message::Reader));
        }
        if let Shown::Screen(Screen::Reader) = self.shown()
            && let Some(large) = reader::figure(&self.reader, library, look)
        {
            layers.push(large.map(Message::Reader));
        }
        if let Some(sheet) = header::sheet(&header, self.tab_buttons(), look) {
            layers.push(sheet.map(Message::from));
        }
        let page: Element<'_, Message> = if layers.len() == 1 {
            layers.remove(0)
        } else {
            iced::widget::Stack::with_children(layers)
                .width(Length::Fill)
                .height(Length::Fill)
                .into()
        };
        self.kiosk_frame(look, page)
    }

    /// The page with what kiosk mode adds: the staff band above, the
    /// discreet notice below, and any card over it all.
    fn kiosk_frame<'a>(&'a self, look: Look, page: Element<'a, Message>) -> Element<'a, Message> {
        if !self.kiosk.is_kiosk() {
            return page;
        }
        let mut framed = Column::new().width(Length::Fill).height(Length::Fill);
        if self.kiosk.mode == kiosk::Mode::Staff {
            framed = framed.push(kiosk::staff_band(look).map(Message::Kiosk));
        }
        framed = framed.push(page);
        if self.kiosk.patient() && self.report.has_errors() {
            framed = framed.push(kiosk::content_missing(look));
        }
        match kiosk::layer(&self.kiosk, &self.languages, look) {
            Some(layer) => stack![framed, layer.map(Message::Kiosk)].into(),
            None => framed.into(),
        }
    }
}

/// Runs the window until it is closed. Its boot, which iced calls once it
/// has connected to the display, starts the font and the content threads
/// (see [`App::opening`]).
pub(in crate::ui) fn run(
    config: Config,
    window: iced::window::Settings,
) -> Result<(), iced::Error> {
    let boot = move || {
        crate::ui::start_font_thread();
        App::opening(config.clone())
    };
    iced::application(boot, App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .theme(App::theme)
        .style(App::style)
        .settings(crate::ui::run_settings())
        .window(window)
        .run()
}

impl App {
    /// What the reader's action asks of the window.
    pub(super) fn reader_action(&self, action: reader::Action) -> Task<Message> {
        match action {
            reader::Action::ScrollToTop => top(reader::PANE),
            reader::Action::Page(screens) => operation::scroll_by(
                reader::PANE,
                operation::AbsoluteOffset {
                    x: 0.0,
                    y: screens * self.page_height(),
                },
            ),
            // Handled by `update`, which may change the screen.
            reader::Action::None | reader::Action::BackToResults => Task::none(),
        }
    }

    /// How far a page key or button scrolls: most of the window.
    pub(super) fn page_height(&self) -> f32 {
        (self.window.height * 0.6).max(120.0)
    }
}

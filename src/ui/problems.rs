//! « Problèmes de contenu »: every diagnostic of the loaded content with its
//! file:line:column, and « Recharger » to read the files again after a fix;
//! then what the settings file said that was ignored. The tabs that loaded
//! stay readable meanwhile. Staff only: a patient kiosk never shows it.

use iced::widget::{Column, column, container, row};
use iced::{Alignment, Element, Length};

use super::controls;
use super::focus::Control;
use super::rich;
use super::theme;
use super::{BOLD, Look};
use crate::content::{ContentSource, LoadReport, typography};
use crate::diagnostic::Severity;
use crate::i18n::Text;
use crate::settings::SettingsWarning;

/// The id of the list's scroll area.
pub const LIST: &str = "problems-list";

/// What the last reload found, if there was one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct State {
    pub reloaded: Option<Count>,
}

/// How many errors and warnings a load found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub errors: usize,
    pub warnings: usize,
}

impl Count {
    pub fn of(report: &LoadReport) -> Count {
        let errors = report.errors().count();
        Count {
            errors,
            warnings: report.diagnostics.len() - errors,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Read the content again from where it came from.
    Reload,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    /// Load the content again, then call [`State::reloaded`].
    Reload,
}

impl State {
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Reload => {
                self.reloaded = None;
                Action::Reload
            }
        }
    }

    /// Notes what the reload found, to tell the reader.
    pub fn reloaded(&mut self, report: &LoadReport) {
        self.reloaded = Some(Count::of(report));
    }

    /// The controls of this screen, in reading order.
    pub fn controls(&self) -> Vec<Control> {
        vec![Control::Reload]
    }

    /// The message a control of this screen sends, clicked or pressed with
    /// the keyboard.
    pub fn message(&self, control: Control) -> Option<Message> {
        (control == Control::Reload).then_some(Message::Reload)
    }
}

pub fn view<'a>(
    state: &'a State,
    report: &'a LoadReport,
    source: &'a ContentSource,
    settings: &'a [SettingsWarning],
    look: Look,
) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let u = s.unit;
    let lang = look.lang;
    let from = match source {
        ContentSource::Dir(dir) => format!("{} {}", Text::ContentFolder.get(lang), dir.display()),
        ContentSource::Embedded | ContentSource::Memory(_) => {
            Text::ContentBuiltIn.get(lang).to_string()
        }
    };
    let count = Count::of(report);
    let summary = if count.errors == 0 && count.warnings == 0 {
        look.text(Text::NoProblems).to_string()
    } else {
        format!(
            "{}, {}",
            crate::i18n::errors(count.errors, lang),
            crate::i18n::warnings(count.warnings, lang)
        )
    };
    let mut bar = row![controls::button(
        look,
        Control::Reload,
        look.text(Text::Reload),
        theme::chosen(c),
        state.message(Control::Reload)
    )]
    .spacing(2.0 * u)
    .align_y(Alignment::Center);
    if state.reloaded.is_some() {
        bar = bar.push(rich::bold(look.text(Text::Reloaded), s.body, c.text));
    }

    // Errors first (they are what keeps a tab from showing), each group in
    // file order.
    let mut diagnostics: Vec<_> = report.diagnostics.iter().collect();
    diagnostics.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let mut list = Column::new().spacing(u);
    for d in diagnostics {
        let (label, color) = match d.severity {
            Severity::Error => (Text::Error, c.error_text),
            Severity::Warning => (Text::Warning, c.warning_text),
        };
        list = list.push(
            container(
                column![
                    iced::widget::text(d.location())
                        .size(s.body)
                        .line_height(theme::LINE_HEIGHT)
                        .font(BOLD)
                        .color(c.text)
                        .wrapping(iced::widget::text::Wrapping::WordOrGlyph)
                        .width(Length::Fill),
                    rich::bold(look.text(label), s.body, color),
                    rich::plain(typography::apply(&d.message(lang), lang), s.body, c.text),
                ]
                .spacing(0.2 * s.body),
            )
            .padding([1.5 * u, 2.0 * u])
            .width(Length::Fill)
            .style(theme::boxed(c.panel_bg, c.panel_border, 1.0, c.text)),
        );
    }

    let mut page = column![rich::bold(look.text(Text::ProblemsTitle), s.h1, c.heading)];
    if count.errors > 0 {
        page = page.push(rich::plain(look.text(Text::ProblemsIntro), s.body, c.text));
    }
    let mut page = page
        .push(rich::plain(from, s.small, c.muted))
        .push(rich::bold(summary, s.body, c.text))
        .push(bar.wrap())
        .push(list)
        .spacing(1.5 * u)
        .padding([2.0 * u, 3.0 * u]);
    if !settings.is_empty() {
        page = page.push(rich::bold(
            look.text(Text::SettingsIgnored),
            s.h2,
            c.heading,
        ));
        for warning in settings {
            page = page.push(
                container(rich::plain(
                    typography::apply(&warning.render(lang), lang),
                    s.body,
                    c.text,
                ))
                .padding([1.5 * u, 2.0 * u])
                .width(Length::Fill)
                .style(theme::boxed(c.panel_bg, c.panel_border, 1.0, c.text)),
            );
        }
    }
    controls::scroll(
        look,
        LIST,
        container(page).max_width(60.0 * s.body).width(Length::Fill),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;

    #[test]
    fn reload_asks_the_app_to_load_again_and_forgets_the_last_count() {
        let mut state = State {
            reloaded: Some(Count::default()),
        };
        assert_eq!(state.update(Message::Reload), Action::Reload);
        assert_eq!(state.reloaded, None);
    }

    #[test]
    fn after_a_reload_the_screen_knows_what_was_found() {
        let mut state = State::default();
        let source = ContentSource::Memory(vec![]);
        let report = content::load(&source, crate::Lang::Fr, chrono::NaiveDate::MIN);
        state.reloaded(&report);
        let count = state.reloaded.unwrap_or_default();
        assert!(count.errors > 0, "an empty source has missing files");
        assert_eq!(count.errors + count.warnings, report.diagnostics.len());
    }

    #[test]
    fn the_reload_button_is_the_control_of_the_screen() {
        let state = State::default();
        assert_eq!(state.controls(), [Control::Reload]);
        assert_eq!(state.message(Control::Reload), Some(Message::Reload));
        assert_eq!(state.message(Control::Export), None);
    }
}

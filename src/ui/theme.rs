//! Colours by role (a normal and a high-contrast palette), text sizes from
//! 100 % to 200 %, and the style functions every screen paints with. Contrast
//! ratios are computed from these colours in the tests below.

use iced::widget::{button, container, scrollable, text_input};
use iced::{Background, Border, Color, Shadow, Theme};

mod palette;

pub use palette::{Callout, Colors, HIGH, NORMAL, contrast, luminance};

/// Normal colours, or the high-contrast palette (light text on black).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Contrast {
    #[default]
    Normal,
    High,
}

impl Contrast {
    /// The other setting.
    pub fn toggled(self) -> Contrast {
        match self {
            Contrast::Normal => Contrast::High,
            Contrast::High => Contrast::Normal,
        }
    }

    /// The palette of this setting.
    pub fn colors(self) -> &'static Colors {
        match self {
            Contrast::Normal => &NORMAL,
            Contrast::High => &HIGH,
        }
    }
}

/// The reader's text size, from 100 % to 200 % in steps of 25 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextSize(u16);

impl TextSize {
    pub const MIN: TextSize = TextSize(100);
    pub const MAX: TextSize = TextSize(200);
    const STEP: u16 = 25;

    /// The nearest step to `percent`, kept within 100 %…200 %.
    pub fn from_percent(percent: u16) -> TextSize {
        let clamped = percent.clamp(Self::MIN.0, Self::MAX.0);
        let steps = (clamped - Self::MIN.0 + Self::STEP / 2) / Self::STEP;
        TextSize(Self::MIN.0 + steps * Self::STEP)
    }

    pub fn percent(self) -> u16 {
        self.0
    }

    /// One step up, no further than 200 %.
    pub fn larger(self) -> TextSize {
        TextSize::from_percent(self.0 + Self::STEP)
    }

    /// One step down, no further than 100 %.
    pub fn smaller(self) -> TextSize {
        TextSize::from_percent(self.0.saturating_sub(Self::STEP))
    }

    /// The factor applied to reading text: 1.0 to 2.0.
    pub fn scale(self) -> f32 {
        f32::from(self.0) / 100.0
    }
}

impl Default for TextSize {
    fn default() -> Self {
        TextSize::MIN
    }
}

/// Every size on screen, in logical pixels, for one [`TextSize`]. Reading
/// text grows with the full factor; the controls around it (header, tabs,
/// lists) with 40 % of it and headings with 60 %, so that at 200 % the text
/// still has room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Paragraphs, lists, callouts, definitions.
    pub body: f32,
    /// Sources and dates: the smallest text anywhere.
    pub small: f32,
    /// A section's title.
    pub h1: f32,
    /// Box titles, glossary terms, group headings.
    pub h2: f32,
    /// Labels of buttons, tabs and the section list.
    pub control: f32,
    /// The application's title in the header.
    pub title: f32,
    /// The spacing unit.
    pub unit: f32,
    /// The smallest width and height of anything clickable.
    pub target: f32,
}

/// Line height of every text, as a factor of its size.
pub const LINE_HEIGHT: f32 = 1.45;

impl Sizes {
    pub fn new(size: TextSize) -> Sizes {
        let text = size.scale();
        let chrome = 1.0 + (text - 1.0) * 0.4;
        let heading = 1.0 + (text - 1.0) * 0.6;
        let body = 20.0 * text;
        Sizes {
            body,
            small: 18.0 * text,
            h1: (30.0 * heading).max(1.25 * body),
            h2: (23.0 * heading).max(1.1 * body),
            control: 19.0 * chrome,
            title: 24.0 * chrome,
            unit: 8.0 * chrome,
            target: 48.0,
        }
    }

    /// Vertical padding that brings a one-line label of `size` to the
    /// target height.
    pub fn pad_for(&self, size: f32) -> f32 {
        ((self.target - size * LINE_HEIGHT) / 2.0).max(self.unit)
    }
}

/// The width of the focus ring.
pub const FOCUS_WIDTH: f32 = 4.0;

fn border(color: Color, width: f32, radius: f32) -> Border {
    Border {
        color,
        width,
        radius: radius.into(),
    }
}

/// What a button looks like in each state: background, text, border.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub bg: Color,
    pub hover_bg: Color,
    pub text: Color,
    pub border: Color,
    pub border_width: f32,
    pub radius: f32,
}

impl Paint {
    /// A button style function for this paint, with a focus ring when
    /// `focused`.
    pub fn button(
        self,
        colors: &'static Colors,
        focused: bool,
    ) -> impl Fn(&Theme, button::Status) -> button::Style {
        move |_theme, status| {
            let bg = match status {
                button::Status::Hovered | button::Status::Pressed => self.hover_bg,
                button::Status::Active | button::Status::Disabled => self.bg,
            };
            let (edge, width) = if focused {
                (colors.focus, FOCUS_WIDTH)
            } else {
                (self.border, self.border_width)
            };
            let text = match status {
                button::Status::Disabled => Color {
                    a: 0.55,
                    ..self.text
                },
                _ => self.text,
            };
            button::Style {
                background: Some(Background::Color(bg)),
                text_color: text,
                border: border(edge, width, self.radius),
                shadow: Shadow::default(),
                snap: true,
            }
        }
    }
}

/// An ordinary button: outlined, white (normal) or black (high contrast).
pub fn plain(colors: &'static Colors) -> Paint {
    Paint {
        bg: colors.button_bg,
        hover_bg: colors.button_hover_bg,
        text: colors.button_text,
        border: colors.button_border,
        border_width: 2.0,
        radius: 10.0,
    }
}

/// A button that is switched on (the current language, a ticked box).
pub fn chosen(colors: &'static Colors) -> Paint {
    Paint {
        bg: colors.primary_bg,
        hover_bg: colors.primary_bg,
        text: colors.primary_text,
        border: colors.primary_bg,
        border_width: 2.0,
        radius: 10.0,
    }
}

/// A tab of the tab row.
pub fn tab(colors: &'static Colors, selected: bool) -> Paint {
    if selected {
        Paint {
            bg: colors.tab_selected_bg,
            hover_bg: colors.tab_selected_bg,
            text: colors.tab_selected_text,
            border: colors.tab_selected_bg,
            border_width: 2.0,
            radius: 12.0,
        }
    } else {
        Paint {
            bg: colors.tab_bg,
            hover_bg: colors.tab_hover_bg,
            text: colors.tab_text,
            border: colors.tab_border,
            border_width: 2.0,
            radius: 12.0,
        }
    }
}

/// An entry of a list (sections, questions): flat until chosen.
pub fn entry(colors: &'static Colors, selected: bool) -> Paint {
    Paint {
        bg: if selected {
            colors.selected_bg
        } else {
            colors.panel_bg
        },
        hover_bg: if selected {
            colors.selected_bg
        } else {
            colors.button_hover_bg
        },
        text: if selected {
            colors.selected_text
        } else {
            colors.text
        },
        // A card that can be pressed has the border of a control (3:1
        // against the page and the card), so it reads as a button.
        border: if selected {
            colors.summary_border
        } else {
            colors.tab_border
        },
        border_width: 2.0,
        radius: 10.0,
    }
}

/// A glossary word marked in the text.
pub fn mark(colors: &'static Colors, open: bool) -> Paint {
    Paint {
        bg: colors.mark_bg,
        hover_bg: colors.mark_bg,
        text: colors.mark_text,
        border: colors.mark_border,
        border_width: if open { 3.0 } else { 1.5 },
        radius: 5.0,
    }
}

/// A filled box: background, optional border, text colour.
pub fn boxed(
    bg: Color,
    edge: Color,
    width: f32,
    text: Color,
) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        text_color: Some(text),
        background: Some(Background::Color(bg)),
        border: border(edge, width, 12.0),
        shadow: Shadow::default(),
        snap: true,
    }
}

/// A text field: white (black in high contrast) with the buttons' outline,
/// the focus colour and a thicker edge while it takes the keyboard.
pub fn field(colors: &'static Colors) -> impl Fn(&Theme, text_input::Status) -> text_input::Style {
    move |_theme, status| {
        let (edge, width) = match status {
            text_input::Status::Focused { .. } => (colors.focus, FOCUS_WIDTH),
            _ => (colors.button_border, 2.0),
        };
        text_input::Style {
            background: Background::Color(colors.panel_bg),
            border: border(edge, width, 10.0),
            icon: colors.text,
            placeholder: colors.muted,
            value: colors.text,
            selection: colors.mark_bg,
        }
    }
}

/// The header band, with a rule under it.
pub fn header(colors: &'static Colors) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        text_color: Some(colors.header_text),
        background: Some(Background::Color(colors.header_bg)),
        border: Border::default(),
        shadow: Shadow::default(),
        snap: true,
    }
}

/// A thin line between parts of the window.
pub fn rule(colors: &'static Colors) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        background: Some(Background::Color(colors.rule)),
        ..container::Style::default()
    }
}

/// A wide, high-contrast scrollbar that a finger can grab.
pub fn scrollbar(
    colors: &'static Colors,
) -> impl Fn(&Theme, scrollable::Status) -> scrollable::Style {
    move |theme, status| {
        let mut style = scrollable::default(theme, status);
        let rail = scrollable::Rail {
            background: Some(Background::Color(colors.rail)),
            border: border(colors.rail, 0.0, 7.0),
            scroller: scrollable::Scroller {
                background: Background::Color(colors.scroller),
                border: border(colors.scroller, 0.0, 7.0),
            },
        };
        style.vertical_rail = rail;
        style.horizontal_rail = rail;
        style
    }
}

/// Width of the scrollbar, in logical pixels.
pub const SCROLLBAR_WIDTH: f32 = 14.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_sizes_go_from_100_to_200_percent_in_steps_of_25() {
        let mut size = TextSize::MIN;
        let mut seen = vec![size.percent()];
        while size != TextSize::MAX {
            size = size.larger();
            seen.push(size.percent());
        }
        assert_eq!(seen, [100, 125, 150, 175, 200]);
        assert_eq!(TextSize::MAX.larger(), TextSize::MAX);
        assert_eq!(TextSize::MIN.smaller(), TextSize::MIN);
        assert_eq!(TextSize::from_percent(160), TextSize::from_percent(150));
        assert_eq!(TextSize::from_percent(400), TextSize::MAX);
        assert_eq!(TextSize::from_percent(0), TextSize::MIN);
    }

    #[test]
    fn body_text_at_100_percent_is_at_least_18_px_and_headings_are_larger() {
        let s = Sizes::new(TextSize::MIN);
        for (name, size) in [("body", s.body), ("small", s.small), ("control", s.control)] {
            assert!(size >= 18.0, "{name} is {size} px");
        }
        assert!(
            s.h1 > s.body && s.h2 > s.body,
            "headings must be larger than body text"
        );
        assert!(s.target >= 44.0);
    }

    #[test]
    fn reading_text_doubles_at_200_percent_and_headings_stay_larger() {
        let (a, b) = (Sizes::new(TextSize::MIN), Sizes::new(TextSize::MAX));
        assert!((b.body - 2.0 * a.body).abs() < 0.01);
        assert!((b.small - 2.0 * a.small).abs() < 0.01);
        for size in [125, 150, 175, 200].map(TextSize::from_percent) {
            let s = Sizes::new(size);
            assert!(s.h1 > s.h2 && s.h2 > s.body, "{size:?}: {s:?}");
        }
        assert!(b.control > a.control && b.h1 > a.h1);
    }
}

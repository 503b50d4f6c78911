//! The widgets every screen builds with: buttons that are at least the target
//! size, carry their [`Control`] id and show the focus ring; scroll areas with
//! a wide scrollbar; a tick box drawn without the font's help.

use iced::alignment::Horizontal;
use iced::widget::scrollable::{Direction, Scrollbar};
use iced::widget::text::Wrapping;
use iced::widget::{self, container, scrollable, text};
use iced::{Background, Border, Element, Font, Length};

use super::focus::{self, Control};
use super::theme::{self, LINE_HEIGHT, Paint, SCROLLBAR_WIDTH};
use super::{FONT, Look};

/// A button with a text label at the size of controls.
pub fn button<'a, M: Clone + 'a>(
    look: Look,
    control: Control,
    label: &'a str,
    paint: Paint,
    message: Option<M>,
) -> Element<'a, M> {
    let s = look.sizes;
    let label = text(label)
        .size(s.control)
        .line_height(LINE_HEIGHT)
        .font(FONT)
        .wrapping(Wrapping::WordOrGlyph)
        .align_x(Horizontal::Center);
    let widget = widget::Button::new(label)
        .padding([s.pad_for(s.control), 2.0 * s.unit])
        .on_press_maybe(message)
        .style(paint.button(look.colors, look.focused(control)));
    focus::target(control, widget)
}

/// A short-labelled button (« A+ », « FR ») made square enough to hit.
pub fn square<'a, M: Clone + 'a>(
    look: Look,
    control: Control,
    label: &'a str,
    paint: Paint,
    message: Option<M>,
) -> Element<'a, M> {
    let s = look.sizes;
    let width = s.target.max(2.6 * s.control);
    let label = text(label)
        .size(s.control)
        .line_height(LINE_HEIGHT)
        .font(FONT)
        .width(Length::Fill)
        .align_x(Horizontal::Center);
    let widget = widget::Button::new(label)
        .width(width)
        .padding([s.pad_for(s.control), 0.0])
        .on_press_maybe(message)
        .style(paint.button(look.colors, look.focused(control)));
    focus::target(control, widget)
}

/// A full-width button holding any content (an entry of a list); greyed
/// out without a message.
pub fn wide<'a, M: Clone + 'a>(
    look: Look,
    control: Control,
    content: impl Into<Element<'a, M>>,
    paint: Paint,
    message: Option<M>,
) -> Element<'a, M> {
    let s = look.sizes;
    let widget = widget::Button::new(content)
        .width(Length::Fill)
        .padding([s.pad_for(s.control), 1.5 * s.unit])
        .on_press_maybe(message)
        .style(paint.button(look.colors, look.focused(control)));
    focus::wide_target(control, widget)
}

/// A text label of a wide button.
pub fn label<'a, M: 'a>(look: Look, s: &'a str, color: iced::Color) -> Element<'a, M> {
    text(s)
        .size(look.sizes.control)
        .line_height(LINE_HEIGHT)
        .font(FONT)
        .color(color)
        .wrapping(Wrapping::WordOrGlyph)
        .width(Length::Fill)
        .into()
}

/// A vertical scroll area with a scrollbar wide enough for a finger.
pub fn scroll<'a, M: 'a>(
    look: Look,
    id: &'static str,
    content: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    scrollable(content)
        .id(id)
        .direction(Direction::Vertical(
            Scrollbar::new()
                .width(SCROLLBAR_WIDTH)
                .scroller_width(SCROLLBAR_WIDTH)
                .spacing(look.sizes.unit),
        ))
        .width(Length::Fill)
        .height(Length::Fill)
        .style(theme::scrollbar(look.colors))
        .into()
}

/// A vertical scroll area that reports where it was scrolled to.
pub fn scroll_with<'a, M: 'a>(
    look: Look,
    id: &'static str,
    content: impl Into<Element<'a, M>>,
    on_scroll: impl Fn(scrollable::Viewport) -> M + 'a,
) -> Element<'a, M> {
    scrollable(content)
        .id(id)
        .direction(Direction::Vertical(
            Scrollbar::new()
                .width(SCROLLBAR_WIDTH)
                .scroller_width(SCROLLBAR_WIDTH)
                .spacing(look.sizes.unit),
        ))
        .width(Length::Fill)
        .height(Length::Fill)
        .style(theme::scrollbar(look.colors))
        .on_scroll(on_scroll)
        .into()
}

/// The font holding iced's check mark.
const ICONS: Font = Font::with_name("Iced-Icons");

/// A tick box, ticked or not, sized for the text beside it.
pub fn tick_box<'a, M: 'a>(look: Look, ticked: bool) -> Element<'a, M> {
    let c = look.colors;
    let side = (1.6 * look.sizes.control).max(32.0);
    let mark = text(if ticked { "\u{f00c}" } else { "" })
        .font(ICONS)
        .size(side * 0.6)
        .color(c.tick_mark)
        .width(Length::Fill)
        .align_x(Horizontal::Center);
    let (bg, edge) = if ticked {
        (c.tick_bg, c.tick_bg)
    } else {
        (c.panel_bg, c.text)
    };
    container(mark)
        .width(side)
        .height(side)
        .center_y(side)
        .style(move |_theme| container::Style {
            background: Some(Background::Color(bg)),
            border: Border {
                color: edge,
                width: 2.5,
                radius: 6.0.into(),
            },
            ..container::Style::default()
        })
        .into()
}

/// A radio mark, on or not, the size of a tick box: one choice among
/// several (a ring, with a dot in the one chosen).
pub fn radio<'a, M: 'a>(look: Look, on: bool) -> Element<'a, M> {
    let c = look.colors;
    let side = (1.6 * look.sizes.control).max(32.0);
    let dot = side * 0.5;
    let (fill, edge) = if on {
        (c.tick_bg, c.tick_bg)
    } else {
        (c.panel_bg, c.text)
    };
    let inner = container(text(""))
        .width(dot)
        .height(dot)
        .style(move |_theme| container::Style {
            background: on.then_some(Background::Color(fill)),
            border: Border {
                radius: (dot / 2.0).into(),
                ..Border::default()
            },
            ..container::Style::default()
        });
    container(inner)
        .width(side)
        .height(side)
        .center(side)
        .style(move |_theme| container::Style {
            background: Some(Background::Color(c.panel_bg)),
            border: Border {
                color: edge,
                width: 2.5,
                radius: (side / 2.0).into(),
            },
            ..container::Style::default()
        })
        .into()
}

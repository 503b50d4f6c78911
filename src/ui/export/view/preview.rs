//! « Aperçu »: the first pages of a choice, small, drawn from the very
//! `layout::Document` its PDF is written from (no second layout).

use iced::advanced::Widget;
use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer::{self, Quad};
use iced::advanced::widget::Tree;
use iced::widget::{Row, column};
use iced::{Border, Color, Element, Length, Rectangle, Size, mouse};

use super::super::{Context, Message, PREVIEW_PAGES, State};
use crate::handout::layout::{self as paper, Draw, Page, Rgb};
use crate::i18n::Label;
use crate::ui::{Look, rich};

/// « Aperçu »: the first pages of the choice, drawn from the layout its
/// PDF is written from; « … » until it is laid out.
pub(super) fn preview<'a>(state: &'a State, ctx: &Context<'_>, look: Look) -> Element<'a, Message> {
    let (c, s) = (look.colors, look.sizes);
    let heading = rich::bold(look.label(Label::Preview), s.control, c.heading);
    let Some(document) = state.document(state.scope, ctx) else {
        return column![heading, rich::plain("…", s.control, c.muted)]
            .spacing(s.unit)
            .into();
    };
    let width = 9.0 * s.control;
    let mut pages = Row::new().spacing(2.0 * s.unit);
    for page in document.pages.iter().take(PREVIEW_PAGES) {
        pages = pages.push(Sheet::new(page, width, c.text));
    }
    column![heading, pages].spacing(s.unit).into()
}

/// A page of a handout, small: the paper, its boxes and lines, its figures
/// as framed boxes and its text as grey bars where the words are.
pub struct Sheet<'a> {
    page: &'a Page,
    /// The widest it is drawn (narrower when the room is less).
    width: f32,
    edge: Color,
}

impl<'a> Sheet<'a> {
    pub fn new(page: &'a Page, width: f32, edge: Color) -> Self {
        Sheet { page, width, edge }
    }
}

/// Height over width of A4.
const A4: f32 = paper::PAGE_HEIGHT / paper::PAGE_WIDTH;

fn color(Rgb(r, g, b): Rgb, alpha: f32) -> Color {
    Color::from_rgba8(r, g, b, alpha)
}

impl<M, T, R: iced::advanced::Renderer> Widget<M, T, R> for Sheet<'_> {
    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Shrink)
    }

    fn layout(&mut self, _tree: &mut Tree, _renderer: &R, limits: &layout::Limits) -> layout::Node {
        let width = limits.max().width.min(self.width);
        layout::Node::new(Size::new(width, width * A4))
    }

    fn draw(
        &self,
        _tree: &Tree,
        renderer: &mut R,
        _theme: &T,
        _style: &renderer::Style,
        layout: Layout<'_>,
        _cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        let b = layout.bounds();
        if !b.intersects(viewport) {
            return;
        }
        renderer.fill_quad(
            Quad {
                bounds: b,
                border: Border {
                    color: self.edge,
                    width: 1.0,
                    radius: 0.0.into(),
                },
                ..Quad::default()
            },
            Color::WHITE,
        );
        let k = b.width / paper::PAGE_WIDTH;
        let at = |x: f32, y: f32, w: f32, h: f32| Rectangle {
            x: b.x + x * k,
            y: b.y + y * k,
            width: (w * k).max(1.0),
            height: (h * k).max(1.0),
        };
        let mut fill = |bounds: Rectangle, border: Border, background: Color| {
            renderer.fill_quad(
                Quad {
                    bounds,
                    border,
                    snap: false,
                    ..Quad::default()
                },
                background,
            );
        };
        for draw in &self.page.draws {
            match draw {
                Draw::Text {
                    x,
                    baseline,
                    size,
                    style,
                    color: ink,
                    text,
                    ..
                } => {
                    let w = paper::lines::width(text.trim_end(), *style, *size);
                    let bar = at(*x, baseline - 0.7 * size, w, 0.6 * size);
                    fill(bar, Border::default(), color(*ink, 0.45));
                }
                Draw::Rect {
                    x,
                    y,
                    width,
                    height,
                    color: tint,
                } => fill(
                    at(*x, *y, *width, *height),
                    Border::default(),
                    color(*tint, 1.0),
                ),
                Draw::Line {
                    from,
                    to,
                    width,
                    color: ink,
                    dotted,
                } => {
                    let (x0, x1) = (from.0.min(to.0), from.0.max(to.0));
                    let (y0, y1) = (from.1.min(to.1), from.1.max(to.1));
                    let alpha = if *dotted { 0.4 } else { 1.0 };
                    let line = at(x0, y0 - width / 2.0, x1 - x0 + width, y1 - y0 + width);
                    fill(line, Border::default(), color(*ink, alpha));
                }
                Draw::Figure {
                    x,
                    y,
                    width,
                    height,
                    ..
                } => fill(
                    at(*x, *y, *width, *height),
                    Border {
                        color: color(paper::palette::MUTED, 1.0),
                        width: 1.0,
                        radius: 0.0.into(),
                    },
                    color(paper::palette::NOTE_TINT, 1.0),
                ),
                Draw::Link { .. } => {}
            }
        }
    }
}

impl<'a, M: 'a, T: 'a, R: iced::advanced::Renderer + 'a> From<Sheet<'a>> for Element<'a, M, T, R> {
    fn from(sheet: Sheet<'a>) -> Self {
        Element::new(sheet)
    }
}

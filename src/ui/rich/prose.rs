//! A paragraph of rich text shaped as one piece, whose glossary marks can be
//! clicked or tapped.
//!
//! iced's `rich_text` shapes a paragraph once too, but its links answer
//! only the mouse, and it tells operations (and so the simulator tests)
//! neither its text nor where its links are. [`Prose`] draws each mark as
//! a box behind its words, sends its message on a click or a tap (press and
//! release on the same mark, as a button does), shows the hand cursor over
//! it, and reports the paragraph's text and each mark's box (under
//! [`super::mark_id`]) to operations.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer::{self, Quad};
use iced::advanced::text::{self, Paragraph as _, Span, Text};
use iced::advanced::widget::{Id, Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget};
use iced::alignment::Vertical;
use iced::widget::text::{Alignment, LineHeight, Shaping, Wrapping};
use iced::{Color, Element, Event, Font, Length, Pixels, Point, Rectangle, Size, mouse, touch};

/// How a paragraph of prose is shaped and wrapped: `content` in `font` at
/// `size`, within `bounds`. The window's start shapes a line this way
/// ahead of time (`ui::warm_text`).
pub fn paragraph<C>(
    content: C,
    bounds: Size,
    size: f32,
    line_height: LineHeight,
    font: Font,
) -> Text<C> {
    Text {
        content,
        bounds,
        size: Pixels(size),
        line_height,
        font,
        align_x: Alignment::Default,
        align_y: Vertical::Top,
        shaping: Shaping::Advanced,
        wrapping: Wrapping::WordOrGlyph,
    }
}

/// The id under which a paragraph shows operations (and tests) each box of
/// a word a search found, with the word's text as its state (a `String`).
pub const FOUND_WORD: &str = "found-word";

/// A paragraph of spans; the spans that carry a link (a glossary index) are
/// marks, painted with their highlight.
pub struct Prose<'a, M> {
    spans: Vec<Span<'a, usize, Font>>,
    size: f32,
    line_height: LineHeight,
    font: Font,
    color: Color,
    on_mark: Option<Box<dyn Fn(usize) -> M + 'a>>,
    /// The spans (by index) that hold words a search found.
    found: Vec<usize>,
}

impl<'a, M> Prose<'a, M> {
    /// A paragraph of `spans` at `size` in `font` and `color` (spans may
    /// set their own font and colour); a click on a mark sends
    /// `on_mark(link)`.
    pub fn new(
        spans: Vec<Span<'a, usize, Font>>,
        size: f32,
        font: Font,
        color: Color,
        on_mark: impl Fn(usize) -> M + 'a,
    ) -> Self {
        Prose {
            on_mark: Some(Box::new(on_mark)),
            ..Self::plain(spans, size, font, color)
        }
    }

    /// A paragraph of `spans` without marks.
    pub fn plain(spans: Vec<Span<'a, usize, Font>>, size: f32, font: Font, color: Color) -> Self {
        Prose {
            spans,
            size,
            line_height: LineHeight::Relative(super::LINE_HEIGHT),
            font,
            color,
            on_mark: None,
            found: Vec::new(),
        }
    }

    /// Marks these spans (by index) as words a search found: operations
    /// see each of their boxes under [`FOUND_WORD`], holding its text.
    pub fn found(mut self, spans: Vec<usize>) -> Self {
        self.found = spans;
        self
    }

    /// The text as read: the spans one after the other, the no-break
    /// spaces that pad the marks left out.
    pub fn text(&self) -> String {
        self.spans
            .iter()
            .map(|span| {
                if span.link.is_some() {
                    span.text.trim_matches(super::PAD)
                } else {
                    &span.text
                }
            })
            .collect()
    }

    /// The mark (by span index) under `point`, relative to the paragraph.
    fn mark_at<P: text::Paragraph>(&self, state: &State<P>, point: Point) -> Option<usize> {
        state
            .paragraph
            .hit_span(point)
            .filter(|&i| self.spans.get(i).is_some_and(|s| s.link.is_some()))
    }
}

/// What a paragraph keeps between frames: its shaped text, the spans it was
/// shaped from, and the mark a press started on.
struct State<P> {
    paragraph: P,
    spans: Vec<Span<'static, usize, Font>>,
    pressed: Option<usize>,
}

impl<M, Theme, R> Widget<M, Theme, R> for Prose<'_, M>
where
    R: text::Renderer<Font = Font>,
{
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State<R::Paragraph>>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State {
            paragraph: R::Paragraph::default(),
            spans: Vec::<Span<'static, usize, Font>>::new(),
            pressed: None,
        })
    }

    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Shrink)
    }

    fn layout(&mut self, tree: &mut Tree, _renderer: &R, limits: &layout::Limits) -> layout::Node {
        let state = tree.state.downcast_mut::<State<R::Paragraph>>();
        layout::sized(limits, Length::Fill, Length::Shrink, |limits| {
            let text = paragraph((), limits.max(), self.size, self.line_height, self.font);
            let reshape = state.spans != self.spans
                || match state.paragraph.compare(text) {
                    text::Difference::None => false,
                    text::Difference::Bounds => {
                        state.paragraph.resize(text.bounds);
                        false
                    }
                    text::Difference::Shape => true,
                };
            if reshape {
                state.paragraph = R::Paragraph::with_spans(text.with_content(&self.spans[..]));
                state.spans = self.spans.iter().cloned().map(Span::to_static).collect();
            }
            state.paragraph.min_bounds()
        })
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut R,
        _theme: &Theme,
        _style: &renderer::Style,
        layout: Layout<'_>,
        _cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        let bounds = layout.bounds();
        if !bounds.intersects(viewport) {
            return;
        }
        let state = tree.state.downcast_ref::<State<R::Paragraph>>();
        let origin = bounds.position() - Point::ORIGIN;
        for (i, span) in self.spans.iter().enumerate() {
            let Some(highlight) = span.highlight else {
                continue;
            };
            for region in state.paragraph.span_bounds(i) {
                renderer.fill_quad(
                    Quad {
                        bounds: region + origin,
                        border: highlight.border,
                        snap: true,
                        ..Quad::default()
                    },
                    highlight.background,
                );
            }
        }
        renderer.fill_paragraph(&state.paragraph, bounds.position(), self.color, *viewport);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        _renderer: &R,
        _clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        _viewport: &Rectangle,
    ) {
        if shell.is_event_captured() {
            return;
        }
        let state = tree.state.downcast_mut::<State<R::Paragraph>>();
        let (press, release) = match event {
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerPressed { .. }) => (true, false),
            Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerLifted { .. }) => (false, true),
            Event::Touch(touch::Event::FingerLost { .. }) => {
                state.pressed = None;
                return;
            }
            _ => return,
        };
        // iced moves the cursor to a touch too, and scroll areas shift the
        // cursor (not the event's position) into their content.
        let under = cursor
            .position_in(layout.bounds())
            .and_then(|p| self.mark_at(state, p));
        if press {
            // The latest press decides: one off the marks forgets an
            // earlier press whose release this widget never saw.
            state.pressed = under;
            if under.is_some() {
                shell.capture_event();
            }
        } else if release && let Some(pressed) = state.pressed.take() {
            if under == Some(pressed)
                && let Some(link) = self.spans.get(pressed).and_then(|s| s.link)
                && let Some(on_mark) = &self.on_mark
            {
                shell.publish(on_mark(link));
            }
            shell.capture_event();
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        _viewport: &Rectangle,
        _renderer: &R,
    ) -> mouse::Interaction {
        let state = tree.state.downcast_ref::<State<R::Paragraph>>();
        match cursor.position_in(layout.bounds()) {
            Some(p) if self.mark_at(state, p).is_some() => mouse::Interaction::Pointer,
            _ => mouse::Interaction::None,
        }
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        _renderer: &R,
        operation: &mut dyn Operation,
    ) {
        let bounds = layout.bounds();
        operation.text(None, bounds, &self.text());
        let state = tree.state.downcast_ref::<State<R::Paragraph>>();
        let origin = bounds.position() - Point::ORIGIN;
        for (i, span) in self.spans.iter().enumerate() {
            if let Some(link) = span.link
                && let Some(region) = state.paragraph.span_bounds(i).first()
            {
                operation.container(Some(&super::mark_id(link)), *region + origin);
            }
        }
        let found = Id::from(FOUND_WORD);
        for &i in &self.found {
            let Some(span) = self.spans.get(i) else {
                continue;
            };
            let mut word = span.text.trim_matches(super::PAD).to_string();
            for region in state.paragraph.span_bounds(i) {
                operation.custom(Some(&found), region + origin, &mut word);
            }
        }
    }
}

impl<'a, M: 'a, Theme: 'a, R> From<Prose<'a, M>> for Element<'a, M, Theme, R>
where
    R: text::Renderer<Font = Font> + 'a,
{
    fn from(prose: Prose<'a, M>) -> Self {
        Element::new(prose)
    }
}

//! Where everything of a [`Handout`] goes on A4 pages: pure geometry,
//! measured with the bundled fonts and tested without writing any PDF.
//!
//! The flow of items becomes rows (`flow`): lines of text, the slices of a
//! box, ruled lines. Rows are then laid on pages (`pages`): a row that
//! must stay with the next one (a heading, the first two lines of a
//! paragraph) moves to the next page with it. The booklet's cover and
//! table of contents come last (`front`, `contents`), once every
//! section's page is known; then each page gets its header and footer.

mod contents;
mod flow;
mod front;
pub mod lines;
mod pages;
pub mod structure;

pub use lines::Hyphenation;
pub use structure::{Node, Role, Structure, Tag};

use super::{Handout, Kind};
use crate::fonts::Style;

/// A4 in PDF points.
pub const PAGE_WIDTH: f32 = 595.2756;
pub const PAGE_HEIGHT: f32 = 841.8898;
/// One millimetre in points.
pub const MM: f32 = 72.0 / 25.4;

/// A colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The colours of the handout: dark text on white, one calm blue, and a
/// tint per kind of box that stays readable on a black and white printer
/// (each box also says what it is in words).
pub mod palette {
    use super::Rgb;
    pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
    pub const MUTED: Rgb = Rgb(0x55, 0x5b, 0x61);
    pub const ACCENT: Rgb = Rgb(0x1b, 0x4f, 0x72);
    pub const ACCENT_TINT: Rgb = Rgb(0xe8, 0xf1, 0xf8);
    pub const RULE: Rgb = Rgb(0xc3, 0xcb, 0xd3);
    pub const WRITING: Rgb = Rgb(0x9a, 0xa1, 0xa8);
    pub const REMEMBER: Rgb = Rgb(0x86, 0x57, 0x00);
    pub const REMEMBER_BAR: Rgb = Rgb(0xc9, 0x8b, 0x12);
    pub const REMEMBER_TINT: Rgb = Rgb(0xff, 0xf4, 0xd4);
    pub const IMPORTANT: Rgb = Rgb(0xa3, 0x1f, 0x16);
    pub const IMPORTANT_TINT: Rgb = Rgb(0xfc, 0xe9, 0xe7);
    pub const TODO: Rgb = Rgb(0x1e, 0x6b, 0x3a);
    pub const TODO_TINT: Rgb = Rgb(0xe4, 0xf3, 0xe8);
    /// Warning signs: a dark red (8:1 on its tint) that prints dark grey.
    pub const URGENT: Rgb = Rgb(0x8b, 0x00, 0x00);
    pub const URGENT_TINT: Rgb = Rgb(0xfd, 0xde, 0xde);
    pub const NOTE_TINT: Rgb = Rgb(0xf0, 0xf2, 0xf3);
}

/// Type sizes in points, for normal or large print.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub body: f32,
    /// Line height as a multiple of the type size.
    pub leading: f32,
    pub title: f32,
    pub section: f32,
    pub minor: f32,
    pub kicker: f32,
    /// Sources.
    pub small: f32,
    /// Header and footer.
    pub furniture: f32,
    /// Height of a ruled line to write on.
    pub writing_line: f32,
    /// The space between blocks and inside boxes, as a multiple of the
    /// usual (1): less only to bring a section onto one page.
    pub spacing: f32,
    /// The share of the column a figure is drawn across: 0.6, the whole
    /// column in large print; a little less only as the last step that
    /// brings a section onto one page.
    pub figure: f32,
}

impl Theme {
    /// 12 pt body text, or 16 pt in large print (the usual low-vision
    /// standard is 16 to 18 pt); page furniture at 10 pt, 12 in large print.
    pub fn new(large_print: bool) -> Self {
        if large_print {
            Theme {
                body: 16.0,
                leading: 1.4,
                title: 26.0,
                section: 20.0,
                minor: 17.0,
                kicker: 14.0,
                small: 14.0,
                furniture: 12.0,
                writing_line: 32.0,
                spacing: 1.0,
                figure: 1.0,
            }
        } else {
            Theme {
                body: 12.0,
                leading: 1.4,
                title: 22.0,
                section: 15.5,
                minor: 12.5,
                kicker: 10.5,
                small: 10.0,
                furniture: 10.0,
                writing_line: 26.0,
                spacing: 1.0,
                figure: 0.6,
            }
        }
    }

    /// Closer lines and blocks, at the same type sizes, for a section
    /// that would otherwise spill onto a second page: each step is tried
    /// in turn, and the first that saves the page is used. The last step
    /// also draws figures a fifth narrower (a marker's disc is still
    /// 10.6 pt across), never the text smaller.
    pub fn tighter(&self) -> [Theme; 4] {
        [
            (0.7, 1.4_f32, 1.0),
            (0.5, 1.35, 1.0),
            (0.5, 1.3, 1.0),
            (0.5, 1.3, 0.8),
        ]
        .map(|(spacing, leading, figure)| Theme {
            spacing,
            leading: leading.min(self.leading),
            figure: self.figure * figure,
            ..*self
        })
    }

    /// The height of a line of body text.
    pub fn line(&self) -> f32 {
        self.body * self.leading
    }
}

/// The area of a page that holds the body, in points from the top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    /// A4 with 20 mm side margins (what any office printer reaches), the
    /// header above the body and the footer below it.
    pub fn a4() -> Self {
        Frame {
            left: 20.0 * MM,
            right: PAGE_WIDTH - 20.0 * MM,
            top: 23.0 * MM,
            bottom: PAGE_HEIGHT - 23.0 * MM,
        }
    }

    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    pub fn height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// Something to paint, in points from the page's top left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    /// A run of text in one style; `baseline` is the y of its baseline;
    /// `tag` says which element of the structure it belongs to.
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        style: Style,
        color: Rgb,
        text: String,
        tag: Tag,
    },
    /// A filled rectangle; `y` is its top.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        color: Rgb,
    },
    /// A straight line, solid or dotted.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
        dotted: bool,
    },
    /// A figure's drawing scaled into the box whose top left corner is
    /// (x, y); `tag` is its /Figure element.
    Figure {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        drawing: std::sync::Arc<crate::figure::Drawing>,
        tag: Tag,
    },
    /// A clickable area that opens a page (0-based); `tag` is the
    /// structure's link element it belongs to.
    Link {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        page: usize,
        tag: Tag,
    },
}

impl Draw {
    /// The same text, read as part of this element (other draws are
    /// decoration and have no tag).
    pub fn of(mut self, element: Tag) -> Self {
        if let Draw::Text { tag, .. } = &mut self {
            *tag = element;
        }
        self
    }

    /// The same thing moved by (dx, dy).
    pub fn moved(mut self, dx: f32, dy: f32) -> Self {
        match &mut self {
            Draw::Text { x, baseline, .. } => {
                *x += dx;
                *baseline += dy;
            }
            Draw::Rect { x, y, .. } | Draw::Link { x, y, .. } | Draw::Figure { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Draw::Line { from, to, .. } => {
                *from = (from.0 + dx, from.1 + dy);
                *to = (to.0 + dx, to.1 + dy);
            }
        }
        self
    }
}

/// What a row on a page is, for the tests and for keep-with-next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// A line of a heading (or the rule under a title).
    Heading,
    /// A line of running text.
    Text,
    /// A slice of a box (« L'essentiel », a callout, the closing note).
    Boxed,
    /// A ruled line to write on.
    Writing,
    /// An entry of the table of contents.
    Contents,
    /// A figure's drawing.
    Figure,
}

/// A row as laid on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct RowInfo {
    pub kind: RowKind,
    pub top: f32,
    pub bottom: f32,
    /// The characters drawn in the row.
    pub text: String,
}

/// One page: what to paint, and the rows of its body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub draws: Vec<Draw>,
    pub rows: Vec<RowInfo>,
}

/// An entry of the PDF outline: a heading, where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// 0 for the top level.
    pub depth: usize,
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// y of the heading's top, from the page's top.
    pub top: f32,
}

/// A laid-out handout.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub frame: Frame,
    pub theme: Theme,
    /// The logical structure the text's tags point into.
    pub structure: Structure,
}

impl Document {
    /// How many pages.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }
}

/// Lays the handout out on A4 pages.
///
/// A single section that would take two pages is laid out again with
/// closer lines and blocks (never smaller type), and printed on one page
/// when one of those steps gets it there; otherwise it keeps the usual
/// spacing.
pub fn layout(handout: &Handout) -> Document {
    let theme = Theme::new(handout.large_print);
    let frame = Frame::a4();
    let usual = layout_with(handout, theme, frame);
    if handout.kind != Kind::Section || usual.page_count() == 1 {
        return usual;
    }
    theme
        .tighter()
        .into_iter()
        .map(|tight| layout_with(handout, tight, frame))
        .find(|tight| tight.page_count() == 1)
        .unwrap_or(usual)
}

fn layout_with(handout: &Handout, theme: Theme, frame: Frame) -> Document {
    let (elements, structure) = flow::elements(handout, &theme, frame.width());
    let body = pages::paginate(elements, &frame);
    front::assemble(handout, body, structure, theme, frame)
}

#[cfg(test)]
mod paper_tests;
#[cfg(test)]
mod tests;

//! Figures: schematic drawings that explain what words alone explain badly.
//!
//! A tab file places one with `Figure(id: "…", caption: "…", alt: "…")`;
//! the drawing is `content/figures/<id>.svg`, shared by both languages, so
//! it holds no words: its parts are marked with circled numbers drawn as
//! shapes, which the caption explains in each language.
//!
//! The SVG is checked ([`check`]) against the small subset every renderer
//! of the program draws the same way: plain shapes (`path`, `rect`,
//! `circle`, `ellipse`, `line`, `polyline`, `polygon`) in groups, with
//! flat fills and strokes in the figure palette ([`palette`]). No text,
//! images, gradients, patterns, filters, masks, clipping, `use`, styles or
//! scripts. Then usvg resolves it into plain paths ([`Drawing`]) that the
//! PDF writer draws as vectors; the window draws the SVG text itself.

mod check;
mod drawing;
pub mod palette;

use std::sync::Arc;

pub use check::{FigureProblem, load};
pub use drawing::{Drawing, Polyline, Segment, Shape, Stroke, dashed};

use crate::content::RichText;

/// Figure files larger than this are refused before they are read.
pub const MAX_FIGURE_BYTES: u64 = 64 * 1024;

/// A figure placed in a section.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Its file is `content/figures/<id>.svg`.
    pub id: String,
    /// Shown under the drawing; explains each marker in words.
    pub caption: RichText,
    /// What the picture says, for whoever cannot see it (the PDF's /Alt,
    /// the text export's « Illustration : » line).
    pub alt: String,
    pub drawing: Arc<Drawing>,
}

/// What a figure is called where it is replaced by its description: the
/// text export's « Illustration : <alt> » line.
pub fn word(lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::Fr => "Illustration",
        crate::Lang::En => "Figure",
    }
}

/// Where a figure's file sits inside the content folder.
pub fn file_name(id: &str) -> String {
    format!("figures/{id}.svg")
}

//! A figure on paper: the drawing as vectors, centred, its caption below
//! it; kept on the page of the paragraph before it, which it illustrates.
//! In large print it takes the whole column instead of three quarters.

use super::{Element, Flow, Row, keep_all, rich};
use crate::figure::Figure;
use crate::handout::layout::palette::MUTED;
use crate::handout::layout::structure::{ROOT, Role, Tag};
use crate::handout::layout::{Draw, PAGE_HEIGHT, RowKind};

/// No figure is taller than this share of the page.
const MAX_HEIGHT: f32 = 0.42;

impl Flow {
    /// `line` is the text export's « Illustration : <alt> », which the
    /// drawing's row stands for.
    pub(super) fn figure(&mut self, figure: &Figure, line_text: &str) {
        let t = self.theme;
        let line = t.line();
        // No page break between the paragraph and its picture.
        if let Some(Element::Row(last)) = self
            .out
            .iter_mut()
            .rev()
            .find(|e| matches!(e, Element::Row(_)))
        {
            last.keep_with_next = true;
        }
        let (width, height) = size(self.width, t.figure, figure.drawing.aspect());
        let node = self.node(ROOT, Role::Figure);
        self.describe(node, &figure.alt);
        self.gap(0.2 * line);
        self.rows(vec![Row {
            height,
            draws: vec![Draw::Figure {
                x: (self.width - width) / 2.0,
                y: 0.0,
                width,
                height,
                drawing: figure.drawing.clone(),
                tag: Tag::Node(node),
            }],
            keep_with_next: true,
            kind: RowKind::Figure,
            text: line_text.to_string(),
            mark: None,
        }]);
        self.gap(0.4 * line);
        let tag = self.structure.leaf(Role::P);
        let mut rows = self.text_rows(
            &rich(&figure.caption, MUTED, tag),
            t.body,
            t.leading,
            0.0,
            RowKind::Text,
        );
        // The caption stays whole, under its picture.
        keep_all(&mut rows);
        self.rows(rows);
        self.gap(0.7 * line);
    }
}

/// The drawing's size in points: `share` of the column wide, unless that
/// makes it taller than the page allows.
fn size(column: f32, share: f32, aspect: f32) -> (f32, f32) {
    let mut width = column * share;
    let mut height = width * aspect;
    let max = MAX_HEIGHT * PAGE_HEIGHT;
    if height > max {
        height = max;
        width = height / aspect;
    }
    (width, height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handout::layout::Theme;

    #[test]
    fn large_print_figures_are_larger_and_never_too_tall() {
        let (w, h) = size(450.0, Theme::new(false).figure, 0.6);
        let (lw, lh) = size(450.0, Theme::new(true).figure, 0.6);
        assert!(lw > w && lh > h);
        assert!((h / w - 0.6).abs() < 1e-4);
        let (_, tall) = size(450.0, Theme::new(true).figure, 3.0);
        assert!(tall <= MAX_HEIGHT * PAGE_HEIGHT + 0.01);
    }
}

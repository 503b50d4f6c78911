//! The questions sheet's parts: numbered questions with lines for the
//! answer, fields to fill in, ruled lines to write on.

use super::super::lines;
use super::super::palette::*;
use super::super::structure::{Role, Tag};
use super::super::{Draw, RowKind};
use super::{Flow, Row, Run, empty_row, keep_all, text_draw};
use crate::fonts::Style;
use crate::handout::layout::lines::Span;

impl Flow {
    /// A numbered question in bold, then ruled lines for the answer, all on
    /// one page.
    pub(super) fn question(&mut self, number: usize, text: &str, answer_lines: usize) {
        let t = self.theme;
        let indent = 1.9 * t.body;
        let list = self.run_list(Run::Questions);
        let li = self.node(list, Role::LI);
        let label_tag = Tag::Node(self.node(li, Role::Lbl));
        let body = Tag::Node(self.node(li, Role::LBody));
        let mut rows = self.text_rows(
            &[Span::new(text, Style::Bold, INK).of(body)],
            t.body,
            t.leading,
            indent,
            RowKind::Text,
        );
        if let Some(first) = rows.first_mut() {
            let baseline = lines::baseline(first.height, t.body);
            let label = format!("{number}.");
            first.draws.insert(
                0,
                text_draw(0.0, baseline, t.body, Style::Bold, ACCENT, &label).of(label_tag),
            );
            first.text = format!("{label} {}", first.text);
        }
        for _ in 0..answer_lines {
            rows.push(self.writing_row(indent));
        }
        keep_all(&mut rows);
        self.rows(rows);
        self.gap(0.5 * t.line());
    }

    /// Labels, each followed by a ruled line to write on (« Nom »,
    /// « Date » at the top of the questions sheet): the fields share the
    /// line in equal parts; each is a paragraph.
    pub(super) fn fields(&mut self, labels: &[String]) {
        let t = self.theme;
        let mut row = self.writing_row(0.0);
        let baseline = row.height - 6.0;
        let share = self.width / labels.len().max(1) as f32;
        row.draws.clear();
        for (i, label) in labels.iter().enumerate() {
            let tag = self.structure.leaf(Role::P);
            let x = i as f32 * share;
            let gutter = if i + 1 < labels.len() { 12.0 } else { 0.0 };
            let label_width = lines::width(label, Style::Bold, t.body);
            row.draws
                .push(text_draw(x, baseline, t.body, Style::Bold, INK, label).of(tag));
            row.draws.push(Draw::Line {
                from: (x + label_width + 6.0, row.height - 4.0),
                to: (x + share - gutter, row.height - 4.0),
                width: 0.6,
                color: WRITING,
                dotted: false,
            });
        }
        row.kind = RowKind::Text;
        row.text = labels.join(" ");
        self.rows(vec![row]);
        self.gap(0.3 * t.line());
    }

    /// A ruled line to write on, `indent` points in.
    pub(super) fn writing_row(&self, indent: f32) -> Row {
        let height = self.theme.writing_line;
        Row {
            height,
            draws: vec![Draw::Line {
                from: (indent, height - 4.0),
                to: (self.width, height - 4.0),
                width: 0.6,
                color: WRITING,
                dotted: false,
            }],
            ..empty_row(RowKind::Writing)
        }
    }
}

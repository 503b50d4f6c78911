//! The booklet's table of contents: one row per heading with a dotted
//! leader to its page number, each row a link to that page.

use super::flow::{Element, Flow, Mark, keep_all, text_draw};
use super::lines::{self, Hyphenation, Span};
use super::palette::*;
use super::structure::{ROOT, Role, Structure, Tag};
use super::{Draw, RowKind, Theme};
use crate::fonts::Style;
use crate::handout::Level;

/// An entry of the table of contents: a heading and its page number.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub depth: usize,
    pub title: String,
    /// 0-based page index, for the link.
    pub page: usize,
}

/// The table of contents: its title, then one row per entry with a dotted
/// leader to the page number, each a link to its page. A top-level entry
/// stays with the entry after it. Its elements are added to `structure`
/// (a `TOC` of `TOCI`s after its title). `tight` sets the entries closer
/// (for contents that would otherwise spill a few lines onto a page).
pub fn contents_elements(
    title: &str,
    entries: &[Entry],
    theme: &Theme,
    width: f32,
    structure: Structure,
    tight: bool,
) -> (Vec<Element>, Structure) {
    let (leading, tab_gap, entry_gap, number, indent) = if tight {
        (1.1, 0.2, 0.0, 2.2, 1.0)
    } else {
        (1.3, 0.5, 0.1, 3.0, 1.4)
    };
    let mut flow = Flow::new(*theme, width, Hyphenation::None, structure);
    let mark = Mark {
        title: title.to_string(),
        depth: 0,
        outline: true,
        contents: false,
    };
    flow.heading(Level::Title, title, None, mark);
    let toc = flow.node(ROOT, Role::Toc);
    let t = *theme;
    let number_width = number * t.body;
    for entry in entries {
        let (style, color, indent) = match entry.depth {
            0 => (Style::Bold, ACCENT, 0.0),
            _ => (Style::Regular, INK, indent * t.body),
        };
        if entry.depth == 0 {
            flow.gap(tab_gap * t.line());
        }
        // The entry holds a link: its text and its annotation.
        let entry_node = flow.node(toc, Role::Toci);
        let link = flow.node(entry_node, Role::Link);
        flow.describe(link, &format!("{} {}", entry.title, entry.page + 1));
        let tag = Tag::Node(link);
        let inner = Flow::new(
            t,
            width - number_width,
            Hyphenation::None,
            Structure::default(),
        );
        let mut rows = inner.text_rows(
            &[Span::new(&entry.title, style, color).of(tag)],
            t.body,
            leading,
            indent,
            RowKind::Contents,
        );
        let number = (entry.page + 1).to_string();
        if let Some(last) = rows.last_mut() {
            let baseline = lines::baseline(last.height, t.body);
            let text_end = last.draws.iter().fold(indent, |end, d| match d {
                Draw::Text {
                    x,
                    size,
                    style,
                    text,
                    ..
                } => end.max(x + lines::width(text, *style, *size)),
                _ => end,
            });
            let number_x = width - lines::width(&number, style, t.body);
            if number_x - text_end > 12.0 {
                last.draws.push(Draw::Line {
                    from: (text_end + 6.0, baseline),
                    to: (number_x - 6.0, baseline),
                    width: 0.9,
                    color: RULE,
                    dotted: true,
                });
            }
            last.draws
                .push(text_draw(number_x, baseline, t.body, style, color, &number).of(tag));
            last.text = format!("{} {number}", last.text);
        }
        for row in &mut rows {
            row.draws.push(Draw::Link {
                x: 0.0,
                y: 0.0,
                width,
                height: row.height,
                page: entry.page,
                tag,
            });
            row.kind = RowKind::Contents;
        }
        keep_all(&mut rows);
        if entry.depth == 0
            && let Some(last) = rows.last_mut()
        {
            last.keep_with_next = true;
        }
        flow.rows(rows);
        if entry.depth > 0 {
            flow.gap(entry_gap * t.line());
        }
    }
    flow.into_parts()
}

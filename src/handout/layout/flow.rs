//! From the handout's items to rows: lines of text, slices of boxes and
//! ruled lines, each with its height and whether it must stay with the next
//! row on the same page.

use super::lines::{self, Hyphenation, Span, break_lines};
use super::palette::*;
use super::structure::{ROOT, Role, Structure, Tag};
use super::{Draw, Rgb, RowKind, Theme};
use crate::content::{CalloutKind, Inline, RichText};
use crate::fonts::Style;
use crate::handout::{Handout, Item, Level};

mod figure;
mod forms;

/// A row of the body, before it has a page. Draws are relative to the
/// row's top left corner, at the frame's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub height: f32,
    pub draws: Vec<Draw>,
    /// No page break between this row and the next.
    pub keep_with_next: bool,
    pub kind: RowKind,
    pub text: String,
    /// A heading for the outline and the table of contents.
    pub mark: Option<Mark>,
}

/// A heading that the outline or the table of contents points at.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub title: String,
    pub depth: usize,
    pub outline: bool,
    pub contents: bool,
}

/// What pagination works with.
#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    Row(Row),
    /// Vertical space, dropped at the top of a page.
    Gap(f32),
    /// A new part: its footer note, and whether it starts a page.
    Part {
        new_page: bool,
        note: Option<String>,
    },
    /// `head`, then `line` repeated until the page is full (leaving room
    /// for a short end after it); nothing at all when fewer than
    /// `at_least` lines fit after the head.
    Fill {
        head: Vec<Element>,
        line: Row,
        at_least: usize,
    },
}

/// Ruled lines for the patient's own questions are drawn only when at
/// least this many fit on the page.
const MIN_WRITING_LINES: usize = 3;

/// Boxes hold up to this many rows together; longer ones may break.
const KEEP_BOX_ROWS: usize = 8;

/// The rows of every item of the handout, for a body `width` points wide,
/// and the structure their text is tagged with.
pub fn elements(handout: &Handout, theme: &Theme, width: f32) -> (Vec<Element>, Structure) {
    let mut flow = Flow::new(
        *theme,
        width,
        Hyphenation::of(handout.lang),
        Structure::default(),
    );
    for item in &handout.flow {
        flow.item(item);
    }
    flow.into_parts()
}

pub struct Flow {
    theme: Theme,
    width: f32,
    hyphenation: Hyphenation,
    out: Vec<Element>,
    structure: Structure,
    /// The list the previous item went into (a question, a glossary
    /// entry), which the next item of the same kind joins.
    run: Option<(Run, usize)>,
}

/// Items that make one list when they follow each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Questions,
    Definitions,
}

/// How a box looks.
struct BoxLook {
    tint: Rgb,
    bar: Rgb,
    /// Width of the bar on the left, in points.
    bar_width: f32,
}

/// The usual bar on the left of a box.
const BAR: f32 = 4.0;
/// An « Urgent » box's bar: twice as wide, so that it stands out in black
/// and white, where its red turns grey.
const URGENT_BAR: f32 = 8.0;

impl Flow {
    /// An empty flow for a body `width` points wide, adding to `structure`.
    pub fn new(theme: Theme, width: f32, hyphenation: Hyphenation, structure: Structure) -> Self {
        Flow {
            theme,
            width,
            hyphenation,
            out: Vec::new(),
            structure,
            run: None,
        }
    }

    /// What has been laid so far, and the structure.
    pub fn into_parts(self) -> (Vec<Element>, Structure) {
        (self.out, self.structure)
    }

    /// A new element of the structure.
    pub fn node(&mut self, parent: usize, role: Role) -> usize {
        self.structure.add(parent, role)
    }

    /// Sets an element's replacement text.
    pub fn describe(&mut self, id: usize, alt: &str) {
        self.structure.describe(id, alt);
    }

    fn item(&mut self, item: &Item) {
        let t = self.theme;
        let line = t.line();
        let run = match item {
            Item::Question { .. } => Some(Run::Questions),
            Item::Definition { .. } => Some(Run::Definitions),
            _ => None,
        };
        if self.run.map(|(r, _)| r) != run {
            self.run = None;
        }
        match item {
            Item::Part { new_page, note } => self.out.push(Element::Part {
                new_page: *new_page,
                note: note.clone(),
            }),
            Item::Heading {
                level,
                text,
                kicker,
                outline,
                contents,
            } => {
                let mark = Mark {
                    title: text.clone(),
                    depth: outline.unwrap_or(0),
                    outline: outline.is_some(),
                    contents: *contents,
                };
                self.heading(*level, text, kicker.as_deref(), mark);
            }
            Item::Essential { label, text } => {
                let look = BoxLook {
                    tint: ACCENT_TINT,
                    bar: ACCENT,
                    bar_width: BAR,
                };
                self.boxed(Some((label, ACCENT)), text, &look);
                self.gap(0.7 * line);
            }
            Item::Paragraph(text) => {
                let tag = self.structure.leaf(Role::P);
                let rows =
                    self.text_rows(&rich(text, INK, tag), t.body, t.leading, 0.0, RowKind::Text);
                self.rows(rows);
                self.gap(0.6 * line);
            }
            Item::Lead(text) => {
                let tag = self.structure.leaf(Role::P);
                let rows = self.text_rows(
                    &[Span::new(text, Style::Regular, MUTED).of(tag)],
                    t.body,
                    t.leading,
                    0.0,
                    RowKind::Text,
                );
                self.rows(rows);
                self.gap(0.6 * line);
            }
            Item::List(items) => {
                let indent = 1.6 * t.body;
                let list = self.node(ROOT, Role::L);
                for (i, item) in items.iter().enumerate() {
                    let li = self.node(list, Role::LI);
                    let label = Tag::Node(self.node(li, Role::Lbl));
                    let body = Tag::Node(self.node(li, Role::LBody));
                    let mut rows = self.text_rows(
                        &rich(item, INK, body),
                        t.body,
                        t.leading,
                        indent,
                        RowKind::Text,
                    );
                    if let Some(first) = rows.first_mut() {
                        let baseline = lines::baseline(first.height, t.body);
                        first.draws.insert(
                            0,
                            text_draw(0.35 * t.body, baseline, t.body, Style::Bold, ACCENT, "•")
                                .of(label),
                        );
                        first.text.insert_str(0, "• ");
                    }
                    self.rows(rows);
                    if i + 1 < items.len() {
                        self.gap(0.2 * line);
                    }
                }
                self.gap(0.6 * line);
            }
            Item::Callout { kind, label, text } => {
                let (ink, bar, tint, bar_width) = match kind {
                    CalloutKind::Remember => (REMEMBER, REMEMBER_BAR, REMEMBER_TINT, BAR),
                    CalloutKind::Important => (IMPORTANT, IMPORTANT, IMPORTANT_TINT, BAR),
                    CalloutKind::ToDo => (TODO, TODO, TODO_TINT, BAR),
                    CalloutKind::Urgent => (URGENT, URGENT, URGENT_TINT, URGENT_BAR),
                };
                let look = BoxLook {
                    tint,
                    bar,
                    bar_width,
                };
                self.boxed(Some((label, ink)), text, &look);
                self.gap(0.7 * line);
            }
            Item::Definition { term, definition } => {
                // Consecutive entries make one list: term, then definition.
                let list = self.run_list(Run::Definitions);
                let li = self.node(list, Role::LI);
                let label = Tag::Node(self.node(li, Role::Lbl));
                let body = Tag::Node(self.node(li, Role::LBody));
                let spans = [
                    Span::new(term, Style::Bold, ACCENT).of(label),
                    Span::new(" ", Style::Regular, INK).of(body),
                    Span::new(definition, Style::Regular, INK).of(body),
                ];
                let mut rows = self.hanging_rows(&spans, t.body, 1.2 * t.body);
                keep_all(&mut rows);
                self.rows(rows);
                self.gap(0.3 * line);
            }
            Item::Fields(labels) => self.fields(labels),
            Item::Question {
                number,
                text,
                answer_lines,
            } => self.question(*number, text, *answer_lines),
            Item::WritingLines { heading } => {
                let start = self.out.len();
                let mark = Mark {
                    title: heading.clone(),
                    depth: 0,
                    outline: false,
                    contents: false,
                };
                self.heading(Level::Section, heading, None, mark);
                let head = self.out.split_off(start);
                let line = self.writing_row(0.0);
                self.out.push(Element::Fill {
                    head,
                    line,
                    at_least: MIN_WRITING_LINES,
                });
            }
            Item::Figure { figure, line } => self.figure(figure, line),
            Item::Source(source) => {
                let tag = self.structure.leaf(Role::P);
                let spans = [Span::new(source, Style::Regular, MUTED).of(tag)];
                let mut rows = self.hanging_rows(&spans, t.small, t.small);
                keep_all(&mut rows);
                self.rows(rows);
                self.gap(0.25 * t.small);
            }
            Item::CareTeam(text) => {
                // Never alone on a page: it goes with the end of the text.
                if let Some(Element::Row(last)) = self
                    .out
                    .iter_mut()
                    .rev()
                    .find(|e| matches!(e, Element::Row(_)))
                {
                    last.keep_with_next = true;
                }
                self.gap(0.7 * line);
                let look = BoxLook {
                    tint: NOTE_TINT,
                    bar: MUTED,
                    bar_width: BAR,
                };
                self.boxed(None, text, &look);
            }
        }
    }

    /// The list that an item of this kind goes into: the one the previous
    /// item started, or a new one.
    fn run_list(&mut self, run: Run) -> usize {
        match self.run {
            Some((r, list)) if r == run => list,
            _ => {
                let list = self.node(ROOT, Role::L);
                self.run = Some((run, list));
                list
            }
        }
    }

    /// Space between blocks (closer in a tightened theme).
    pub fn gap(&mut self, height: f32) {
        self.out.push(Element::Gap(height * self.theme.spacing));
    }

    pub fn rows(&mut self, rows: Vec<Row>) {
        self.out.extend(rows.into_iter().map(Element::Row));
    }

    /// Lines of text `indent` points in from the left, with widow and
    /// orphan control (two lines at least at each end of a page break).
    pub fn text_rows(
        &self,
        spans: &[Span],
        size: f32,
        leading: f32,
        indent: f32,
        kind: RowKind,
    ) -> Vec<Row> {
        let height = size * leading;
        let mut rows: Vec<Row> = break_lines(spans, size, self.width - indent, self.hyphenation)
            .into_iter()
            .map(|mut line| {
                let baseline = lines::baseline(height, size);
                // The space where the line breaks is drawn (invisible) so
                // that the PDF's text reads "a b", not "ab".
                if let (true, Some(last)) = (line.space_after, line.runs.last_mut()) {
                    last.text.push(' ');
                }
                Row {
                    height,
                    text: line.text(),
                    draws: line
                        .runs
                        .into_iter()
                        .map(|run| {
                            text_draw(
                                indent + run.x,
                                baseline,
                                size,
                                run.style,
                                run.color,
                                &run.text,
                            )
                            .of(run.tag)
                        })
                        .collect(),
                    keep_with_next: false,
                    kind,
                    mark: None,
                }
            })
            .collect();
        keep_lines(&mut rows);
        rows
    }

    /// Lines whose first one starts at the left edge and the others `hang`
    /// points in (a glossary entry, a source).
    fn hanging_rows(&self, spans: &[Span], size: f32, hang: f32) -> Vec<Row> {
        let mut rows = self.text_rows(spans, size, self.theme.leading, hang, RowKind::Text);
        if let Some(first) = rows.first_mut() {
            first.draws = std::mem::take(&mut first.draws)
                .into_iter()
                .map(|d| d.moved(-hang, 0.0))
                .collect();
        }
        rows
    }

    /// A heading, kept with what follows it.
    pub fn heading(&mut self, level: Level, text: &str, kicker: Option<&str>, mark: Mark) {
        let t = self.theme;
        let line = t.line();
        let (size, color, before, after, role) = match level {
            Level::Title => (t.title, ACCENT, 0.0, 0.5 * line, Role::H1),
            Level::Section => (t.section, ACCENT, 1.2 * line, 0.35 * line, Role::H2),
            Level::Minor => (t.minor, INK, 0.7 * line, 0.2 * line, Role::H3),
        };
        if before > 0.0 {
            self.gap(before);
        }
        let mut rows = Vec::new();
        if let Some(kicker) = kicker {
            let tag = self.structure.leaf(Role::P);
            rows.extend(self.text_rows(
                &[Span::new(kicker, Style::Bold, MUTED).of(tag)],
                t.kicker,
                1.5,
                0.0,
                RowKind::Heading,
            ));
        }
        let tag = self.structure.leaf(role);
        rows.extend(self.text_rows(
            &[Span::new(text, Style::Bold, color).of(tag)],
            size,
            1.2,
            0.0,
            RowKind::Heading,
        ));
        if level == Level::Title {
            let space = t.spacing.max(0.5);
            rows.push(Row {
                height: 0.9 * line * space,
                draws: vec![Draw::Rect {
                    x: 0.0,
                    y: 0.35 * line * space,
                    width: 4.0 * size,
                    height: 3.0,
                    color: ACCENT,
                }],
                ..empty_row(RowKind::Heading)
            });
        }
        if let Some(first) = rows.first_mut() {
            first.mark = Some(mark);
        }
        keep_all(&mut rows);
        if let Some(last) = rows.last_mut() {
            last.keep_with_next = true;
        }
        self.rows(rows);
        self.gap(after);
    }

    /// A tinted box with a coloured bar on its left: a label, then text;
    /// one group (`Div`) of paragraphs for a screen reader.
    fn boxed(&mut self, label: Option<(&str, Rgb)>, text: &RichText, look: &BoxLook) {
        let t = self.theme;
        let (left, right) = self.box_padding();
        let group = self.node(ROOT, Role::Div);
        let inner = Flow::new(
            t,
            self.width - left - right,
            self.hyphenation,
            Structure::default(),
        );
        // The label opens the first line, in bold and in the box's colour:
        // a line of its own would cost paper, not clarity.
        let mut spans = Vec::new();
        if let Some((label, color)) = label {
            let tag = Tag::Node(self.node(group, Role::P));
            spans.push(Span::new(label, Style::Bold, color).of(tag));
            spans.push(Span::new(" ", Style::Regular, INK).of(tag));
        }
        let tag = Tag::Node(self.node(group, Role::P));
        spans.extend(rich(text, INK, tag));
        let content = inner.text_rows(&spans, t.body, t.leading, 0.0, RowKind::Boxed);
        let rows = self.frame_box(content, look);
        self.rows(rows);
    }

    /// (left, right) padding inside a box, the bar included.
    fn box_padding(&self) -> (f32, f32) {
        (0.9 * self.theme.body + 4.0, 0.9 * self.theme.body)
    }

    /// Wraps rows in a box: padding above the first and below the last, a
    /// tint behind every slice and the bar on the left, so that a box cut by
    /// a page break still reads as one.
    fn frame_box(&self, content: Vec<Row>, look: &BoxLook) -> Vec<Row> {
        let (left, _) = self.box_padding();
        let pad = 0.6 * self.theme.body * self.theme.spacing.max(0.5);
        let n = content.len();
        let mut rows: Vec<Row> = content
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let top = if i == 0 { pad } else { 0.0 };
                let bottom = if i + 1 == n { pad } else { 0.0 };
                let height = row.height + top + bottom;
                let mut draws = vec![
                    Draw::Rect {
                        x: 0.0,
                        y: 0.0,
                        width: self.width,
                        height,
                        color: look.tint,
                    },
                    Draw::Rect {
                        x: 0.0,
                        y: 0.0,
                        width: look.bar_width,
                        height,
                        color: look.bar,
                    },
                ];
                draws.extend(row.draws.into_iter().map(|d| d.moved(left, top)));
                Row {
                    height,
                    draws,
                    kind: RowKind::Boxed,
                    ..row
                }
            })
            .collect();
        if rows.len() <= KEEP_BOX_ROWS {
            keep_all(&mut rows);
        } else {
            keep_lines(&mut rows);
        }
        rows
    }
}

/// The text runs of a rich text, all read as part of `tag`: emphasis in
/// bold, glossary words in bold and in the colour of the glossary's
/// entries (not in italics, which low-vision readers find harder).
fn rich(text: &RichText, color: Rgb, tag: Tag) -> Vec<Span> {
    text.0
        .iter()
        .map(|inline| match inline {
            Inline::Text(t) => Span::new(t, Style::Regular, color),
            Inline::Emphasis(t) => Span::new(t, Style::Bold, color),
            Inline::Term { text, .. } => Span::new(text, Style::Bold, ACCENT),
        })
        .map(|span| span.of(tag))
        .collect()
}

/// A run of page furniture (an artifact) until [`Draw::of`] tags it.
pub fn text_draw(x: f32, baseline: f32, size: f32, style: Style, color: Rgb, text: &str) -> Draw {
    Draw::Text {
        x,
        baseline,
        size,
        style,
        color,
        text: text.to_string(),
        tag: Tag::Artifact,
    }
}

fn empty_row(kind: RowKind) -> Row {
    Row {
        height: 0.0,
        draws: Vec::new(),
        keep_with_next: false,
        kind,
        text: String::new(),
        mark: None,
    }
}

/// Every row but the last stays with the next.
pub fn keep_all(rows: &mut [Row]) {
    let n = rows.len();
    for row in rows.iter_mut().take(n.saturating_sub(1)) {
        row.keep_with_next = true;
    }
}

/// Two lines at least on each side of a page break: short blocks stay
/// whole, longer ones keep their first two and last two lines together.
fn keep_lines(rows: &mut [Row]) {
    let n = rows.len();
    if n <= 3 {
        keep_all(rows);
    } else {
        rows[0].keep_with_next = true;
        rows[n - 2].keep_with_next = true;
    }
}

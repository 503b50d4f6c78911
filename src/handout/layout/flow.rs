//! From the handout's items to rows: lines of text, slices of boxes and
//! ruled lines, each with its height and whether it must stay with the next
//! row on the same page.

use super::lines::{self, Span, break_lines};
use super::palette::*;
use super::{Draw, Rgb, RowKind, Theme};
use crate::Lang;
use crate::content::{CalloutKind, Inline, RichText};
use crate::fonts::Style;
use crate::handout::build::colon;
use crate::handout::{Handout, Item, Level};

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
    /// A ruled line repeated until the page is full.
    pub fill: bool,
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
}

/// Boxes hold up to this many rows together; longer ones may break.
const KEEP_BOX_ROWS: usize = 8;

/// The rows of every item of the handout, for a body `width` points wide.
pub fn elements(handout: &Handout, theme: &Theme, width: f32) -> Vec<Element> {
    let mut flow = Flow {
        theme: *theme,
        width,
        lang: handout.lang,
        out: Vec::new(),
    };
    for item in &handout.flow {
        flow.item(item);
    }
    flow.out
}

pub struct Flow {
    theme: Theme,
    width: f32,
    lang: Lang,
    out: Vec<Element>,
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
    /// An empty flow for a body `width` points wide.
    pub fn new(theme: Theme, width: f32, lang: Lang) -> Self {
        Flow {
            theme,
            width,
            lang,
            out: Vec::new(),
        }
    }

    /// What has been laid so far.
    pub fn into_elements(self) -> Vec<Element> {
        self.out
    }

    fn item(&mut self, item: &Item) {
        let t = self.theme;
        let line = t.line();
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
                self.boxed(Some((label, ACCENT)), &rich(text, INK), &look);
                self.gap(0.8 * line);
            }
            Item::Paragraph(text) => {
                let rows = self.text_rows(&rich(text, INK), t.body, t.leading, 0.0, RowKind::Text);
                self.rows(rows);
                self.gap(0.6 * line);
            }
            Item::Lead(text) => {
                let rows = self.text_rows(
                    &[Span::new(text, Style::Italic, MUTED)],
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
                for (i, item) in items.iter().enumerate() {
                    let mut rows =
                        self.text_rows(&rich(item, INK), t.body, t.leading, indent, RowKind::Text);
                    if let Some(first) = rows.first_mut() {
                        let baseline = lines::baseline(first.height, t.body);
                        first.draws.insert(
                            0,
                            text_draw(0.35 * t.body, baseline, t.body, Style::Bold, ACCENT, "•"),
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
                self.boxed(Some((label, ink)), &rich(text, INK), &look);
                self.gap(0.8 * line);
            }
            Item::Definition { term, definition } => {
                let spans = [
                    Span::new(term, Style::Bold, ACCENT),
                    Span::new(colon(self.lang), Style::Regular, INK),
                    Span::new(definition, Style::Regular, INK),
                ];
                let mut rows = self.hanging_rows(&spans, t.body, 1.2 * t.body);
                keep_all(&mut rows);
                self.rows(rows);
                self.gap(0.45 * line);
            }
            Item::Question {
                number,
                text,
                answer_lines,
            } => self.question(*number, text, *answer_lines),
            Item::WritingLines { at_least } => {
                for _ in 0..*at_least {
                    let row = self.writing_row(0.0);
                    self.rows(vec![row]);
                }
                let mut fill = self.writing_row(0.0);
                fill.fill = true;
                self.rows(vec![fill]);
            }
            Item::Source(source) => {
                let spans = [Span::new(source, Style::Regular, MUTED)];
                let mut rows = self.hanging_rows(&spans, t.small, t.small);
                keep_all(&mut rows);
                self.rows(rows);
                self.gap(0.25 * t.small);
            }
            Item::CareTeam(text) => {
                self.gap(line);
                let look = BoxLook {
                    tint: NOTE_TINT,
                    bar: MUTED,
                    bar_width: BAR,
                };
                self.boxed(None, &[Span::new(text, Style::Italic, INK)], &look);
            }
        }
    }

    pub fn gap(&mut self, height: f32) {
        self.out.push(Element::Gap(height));
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
        let mut rows: Vec<Row> = break_lines(spans, size, self.width - indent, self.lang)
            .into_iter()
            .map(|line| {
                let baseline = lines::baseline(height, size);
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
                        })
                        .collect(),
                    keep_with_next: false,
                    kind,
                    mark: None,
                    fill: false,
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
        let (size, color, before, after) = match level {
            Level::Title => (t.title, ACCENT, 0.0, 0.5 * line),
            Level::Section => (t.section, ACCENT, 1.2 * line, 0.35 * line),
            Level::Minor => (t.minor, INK, 0.7 * line, 0.2 * line),
        };
        if before > 0.0 {
            self.gap(before);
        }
        let mut rows = Vec::new();
        if let Some(kicker) = kicker {
            rows.extend(self.text_rows(
                &[Span::new(kicker, Style::Bold, MUTED)],
                t.kicker,
                1.5,
                0.0,
                RowKind::Heading,
            ));
        }
        rows.extend(self.text_rows(
            &[Span::new(text, Style::Bold, color)],
            size,
            1.2,
            0.0,
            RowKind::Heading,
        ));
        if level == Level::Title {
            rows.push(Row {
                height: 0.9 * line,
                draws: vec![Draw::Rect {
                    x: 0.0,
                    y: 0.35 * line,
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

    /// A tinted box with a coloured bar on its left: a label, then text.
    fn boxed(&mut self, label: Option<(&str, Rgb)>, text: &[Span], look: &BoxLook) {
        let t = self.theme;
        let (left, right) = self.box_padding();
        let inner = Flow {
            theme: t,
            width: self.width - left - right,
            lang: self.lang,
            out: Vec::new(),
        };
        let mut content = Vec::new();
        if let Some((label, color)) = label {
            content.extend(inner.text_rows(
                &[Span::new(label, Style::Bold, color)],
                t.body,
                t.leading,
                0.0,
                RowKind::Boxed,
            ));
        }
        content.extend(inner.text_rows(text, t.body, t.leading, 0.0, RowKind::Boxed));
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
        let pad = 0.6 * self.theme.body;
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

    /// A numbered question in bold, then ruled lines for the answer, all on
    /// one page.
    fn question(&mut self, number: usize, text: &str, answer_lines: usize) {
        let t = self.theme;
        let indent = 1.9 * t.body;
        let mut rows = self.text_rows(
            &[Span::new(text, Style::Bold, INK)],
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
                text_draw(0.0, baseline, t.body, Style::Bold, ACCENT, &label),
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

    /// A ruled line to write on, `indent` points in.
    fn writing_row(&self, indent: f32) -> Row {
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

/// The text runs of a rich text: glossary terms in italics, emphasis in
/// bold.
fn rich(text: &RichText, color: Rgb) -> Vec<Span> {
    text.0
        .iter()
        .map(|inline| match inline {
            Inline::Text(t) => Span::new(t, Style::Regular, color),
            Inline::Emphasis(t) => Span::new(t, Style::Bold, color),
            Inline::Term { text, .. } => Span::new(text, Style::Italic, color),
        })
        .collect()
}

pub fn text_draw(x: f32, baseline: f32, size: f32, style: Style, color: Rgb, text: &str) -> Draw {
    Draw::Text {
        x,
        baseline,
        size,
        style,
        color,
        text: text.to_string(),
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
        fill: false,
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

//! Measuring text with the bundled fonts and breaking it into lines: at
//! spaces, with French hyphenation only where a line would otherwise be
//! left very short, and a last-resort cut for a word longer than the line.

use std::sync::OnceLock;

use super::{Rgb, Tag};
use crate::Lang;
use crate::fonts::{self, Style};

/// A line filled less than this (as a share of its width) is "very short":
/// only then is the next word hyphenated.
pub const SHORT_LINE: f32 = 0.7;

/// Hyphenation leaves at least this many letters before the hyphen…
const LEFT_MIN: usize = 2;
/// …and at least this many after it.
const RIGHT_MIN: usize = 3;

/// Below this, advances are read from a table built once per style.
const TABLE_SIZE: usize = 0x0300;

/// The bundled fonts' metrics in em units, read once per process.
struct Metrics {
    /// Advance widths of U+0000..U+02FF per style, in em.
    table: [Vec<f32>; 4],
    /// Ascender and descender (positive), in em.
    ascender: f32,
    descender: f32,
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let table = Style::ALL.map(|style| {
            (0..TABLE_SIZE as u32)
                .map(|cp| char::from_u32(cp).map_or(0.0, |c| face_advance(style, c)))
                .collect()
        });
        let (ascender, descender) = Style::Regular.face().map_or((0.95, 0.29), |f| {
            let em = f32::from(f.units_per_em().max(1));
            (f32::from(f.ascender()) / em, -f32::from(f.descender()) / em)
        });
        Metrics {
            table,
            ascender,
            descender,
        }
    })
}

/// The advance of `c` in em, read from the font file.
fn face_advance(style: Style, c: char) -> f32 {
    let Some(face) = style.face() else { return 0.5 };
    let em = f32::from(face.units_per_em().max(1));
    face.glyph_index(c)
        .and_then(|g| face.glyph_hor_advance(g))
        .map_or(0.0, |a| f32::from(a) / em)
}

/// The advance of `c` in em.
pub fn advance(style: Style, c: char) -> f32 {
    match metrics().table[style as usize].get(c as usize) {
        Some(&a) => a,
        None => face_advance(style, c),
    }
}

/// The width of `text` at `size` points.
pub fn width(text: &str, style: Style, size: f32) -> f32 {
    text.chars().map(|c| advance(style, c)).sum::<f32>() * size
}

/// Where the baseline sits below the top of a line `height` points tall.
pub fn baseline(height: f32, size: f32) -> f32 {
    let m = metrics();
    (height - (m.ascender + m.descender) * size) / 2.0 + m.ascender * size
}

/// The character as it is drawn: the narrow no-break space becomes a
/// no-break space, and a character the font lacks (in a clinic name typed
/// in the settings: the content checker refuses them in the content)
/// becomes `?` rather than an invisible box.
pub fn drawable(c: char) -> char {
    match c {
        '\u{202F}' => '\u{A0}',
        '\n' | '\r' | '\t' => ' ',
        c if fonts::can_draw(c) => c,
        _ => '?',
    }
}

/// A run of text in one style and colour, part of one element of the
/// structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub color: Rgb,
    pub tag: Tag,
}

impl Span {
    /// A span of page furniture (an artifact) until [`Span::of`] says
    /// which element it belongs to.
    pub fn new(text: &str, style: Style, color: Rgb) -> Self {
        Span {
            text: text.to_string(),
            style,
            color,
            tag: Tag::Artifact,
        }
    }

    /// The same span, read as part of this element.
    pub fn of(self, tag: Tag) -> Self {
        Span { tag, ..self }
    }
}

/// A run of text placed on a line, `x` points from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f32,
    pub text: String,
    pub style: Style,
    pub color: Rgb,
    pub tag: Tag,
}

/// One line: its runs and its width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub runs: Vec<Placed>,
    /// The line ends where a space was (dropped at the break): a reader
    /// of the PDF's text needs it back between this line and the next.
    pub space_after: bool,
    pub width: f32,
}

impl Line {
    /// The characters of the line.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// One character with its look and its advance in points.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Glyph {
    c: char,
    style: Style,
    color: Rgb,
    tag: Tag,
    advance: f32,
}

/// The characters between two breaking spaces, and the space after them.
#[derive(Debug, Clone, Default)]
struct Word {
    glyphs: Vec<Glyph>,
    space: Option<Glyph>,
}

/// Splits styled text into words at ordinary spaces; no-break spaces stay
/// inside words.
fn words(spans: &[Span], size: f32) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current = Word::default();
    for span in spans {
        for c in span.text.chars().map(drawable) {
            let glyph = Glyph {
                c,
                style: span.style,
                color: span.color,
                tag: span.tag,
                advance: advance(span.style, c) * size,
            };
            if c == ' ' {
                if !current.glyphs.is_empty() {
                    current.space = Some(glyph);
                    words.push(std::mem::take(&mut current));
                } else if let Some(last) = words.last_mut() {
                    // Runs of spaces count once.
                    last.space.get_or_insert(glyph);
                }
            } else {
                current.glyphs.push(glyph);
            }
        }
    }
    if !current.glyphs.is_empty() {
        words.push(current);
    }
    words
}

/// Whether words may be cut between syllables (with a hyphen added) to fill
/// a line left very short. Only French has hyphenation patterns here; the
/// English text and headings are never hyphenated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hyphenation {
    /// Break only at spaces and after hyphens already in the text.
    None,
    /// French syllables too (patterns from `hypher`).
    French,
}

impl Hyphenation {
    /// What body text in this language gets.
    pub fn of(lang: Lang) -> Self {
        match lang {
            Lang::Fr => Hyphenation::French,
            Lang::En => Hyphenation::None,
        }
    }
}

/// Breaks styled text into lines no wider than `width` points.
///
/// Words go on the line while they fit. When the next word does not fit and
/// the line is filled less than [`SHORT_LINE`], words are hyphenated (as
/// `hyphenation` allows; words holding a hyphen may break after it). A word
/// wider than a whole line is hyphenated, or cut after a `/` or `-`, or as
/// a last resort between two characters. No character is dropped, apart
/// from the spaces where lines break.
///
/// Time is linear in the text's length: a word is never copied nor
/// measured past the end of the line it is being fitted on, so a
/// 200,000-letter word costs what 200,000 letters of prose cost.
pub fn break_lines(spans: &[Span], size: f32, width: f32, hyphenation: Hyphenation) -> Vec<Line> {
    let words = words(spans, size);
    let mut lines = Vec::new();
    let mut line: Vec<Glyph> = Vec::new();
    let mut line_width = 0.0f32;
    let mut space: Option<Glyph> = None;
    let width = width.max(size);
    // The word being placed, and where its unplaced part starts.
    let mut index = 0;
    let mut start = 0;
    while let Some(word) = words.get(index) {
        let rest = &word.glyphs[start..];
        let gap = if line.is_empty() {
            0.0
        } else {
            space.map_or(0.0, |s| s.advance)
        };
        if let Some(w) = width_within(rest, line_width + gap, width + 0.01) {
            if let (false, Some(s)) = (line.is_empty(), space) {
                line.push(s);
            }
            line_width += gap + w;
            line.extend(rest);
            space = word.space;
            index += 1;
            start = 0;
            continue;
        }
        let room = width - line_width - gap;
        let short = line.is_empty() || line_width + gap < width * SHORT_LINE;
        let split = if short {
            split_to_fit(rest, room, hyphenation, size, line.is_empty())
        } else {
            None
        };
        match split {
            Some((at, hyphen)) => {
                if let (false, Some(s)) = (line.is_empty(), space) {
                    line.push(s);
                }
                line.extend(&rest[..at]);
                if let (true, Some(&last)) = (hyphen, rest[..at].last()) {
                    line.push(hyphen_after(last, size));
                }
                lines.push(finish(std::mem::take(&mut line)));
                line_width = 0.0;
                start += at;
            }
            None if line.is_empty() => {
                // Wider than a whole line with no place to break: cut it
                // where the line ends, keeping at least one character.
                let fit = fitting(rest, width).max(1).min(rest.len());
                lines.push(finish(rest[..fit].to_vec()));
                start += fit;
                if start >= word.glyphs.len() {
                    // The cut ended the word: its space is dropped with
                    // the line break.
                    space = word.space;
                    index += 1;
                    start = 0;
                }
            }
            None => {
                let mut done = finish(std::mem::take(&mut line));
                done.space_after = true;
                lines.push(done);
                line_width = 0.0;
            }
        }
    }
    if !line.is_empty() {
        lines.push(finish(line));
    }
    lines
}

/// The width of `glyphs` when `base` plus it stays within `bound`, else
/// `None` as soon as it passes: a word that does not fit is measured no
/// further than the line.
fn width_within(glyphs: &[Glyph], base: f32, bound: f32) -> Option<f32> {
    let mut total = 0.0f32;
    for g in glyphs {
        total += g.advance;
        if base + total > bound {
            return None;
        }
    }
    (base + total <= bound).then_some(total)
}

/// A hyphen in the look of the glyph it follows.
fn hyphen_after(last: Glyph, size: f32) -> Glyph {
    Glyph {
        c: '-',
        advance: advance(last.style, '-') * size,
        ..last
    }
}

/// How many glyphs from the start fit in `room` points.
fn fitting(glyphs: &[Glyph], room: f32) -> usize {
    let mut total = 0.0;
    glyphs
        .iter()
        .take_while(|g| {
            total += g.advance;
            total <= room + 0.01
        })
        .count()
}

/// Where to split the word so that its head fits in `room` (with its
/// hyphen when one is added): (glyphs in the head, hyphen added), or
/// `None` when no break point fits. `cut` allows cutting where no
/// hyphenation point fits (a word alone on its line and wider than it):
/// after a `/` or `-` first, else anywhere.
///
/// Only the glyphs that can fit are looked at, so each call costs the
/// length of a line, not of the word.
fn split_to_fit(
    glyphs: &[Glyph],
    room: f32,
    hyphenation: Hyphenation,
    size: f32,
    cut: bool,
) -> Option<(usize, bool)> {
    // No head longer than `fit` glyphs can fit, hyphen or not.
    let fit = fitting(glyphs, room);
    // The window holds the glyphs a break point may need to look at: the
    // head, the glyph after it, and a run of letters as long as the
    // hyphenation patterns take.
    let window = (fit + hypher::MAX_INLINE_SIZE + 2).min(glyphs.len());
    let chars: Vec<char> = glyphs[..window].iter().map(|g| g.c).collect();
    let mut prefix = Vec::with_capacity(fit + 1);
    let mut total = 0.0f32;
    prefix.push(total);
    for g in &glyphs[..fit] {
        total += g.advance;
        prefix.push(total);
    }
    let fits = |&(at, hyphen): &(usize, bool)| -> bool {
        let Some(&head) = prefix.get(at) else {
            return false;
        };
        let width = match (hyphen, at.checked_sub(1).and_then(|i| glyphs.get(i))) {
            (true, Some(&last)) => head + hyphen_after(last, size).advance,
            (true, None) => return false,
            (false, _) => head,
        };
        width <= room + 0.01
    };
    let points = break_points(&chars, glyphs.len(), hyphenation, fit);
    if let Some(&found) = points.iter().rev().find(|p| fits(p)) {
        return Some(found);
    }
    if !cut {
        return None;
    }
    let marks = (1..=fit.min(glyphs.len() - 1))
        .rev()
        .find(|&i| matches!(chars[i - 1], '/' | '-' | '_' | '.'));
    if let Some(at) = marks {
        return Some((at, false));
    }
    // Anywhere: the longest head that fits, short of the whole word.
    let at = fit.min(glyphs.len().saturating_sub(1));
    (at >= 1).then_some((at, false))
}

/// Break points in a word: (index of the first character after the break,
/// whether a hyphen is added).
type Points = Vec<(usize, bool)>;

/// Places where a word of `n` characters, whose first ones are `chars`,
/// may break with a head of at most `limit` characters, in order: after a
/// hyphen already in the word, and (in French) between syllables of its
/// runs of letters short enough for the patterns. `true` when a hyphen
/// must be added.
fn break_points(chars: &[char], n: usize, hyphenation: Hyphenation, limit: usize) -> Points {
    let mut points = Vec::new();
    for (i, &c) in chars.iter().enumerate().take(limit) {
        if c == '-'
            && i >= LEFT_MIN
            && n - i > RIGHT_MIN
            && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
        {
            points.push((i + 1, false));
        }
    }
    if hyphenation == Hyphenation::French {
        let mut start = 0;
        while start < chars.len().min(limit) {
            if !chars[start].is_alphabetic() {
                start += 1;
                continue;
            }
            let end = (start..chars.len())
                .find(|&i| !chars[i].is_alphabetic())
                .unwrap_or(chars.len());
            // A run that reaches the window's end may go on past it: it is
            // then longer than the patterns take, and never hyphenated.
            let whole = end < chars.len() || chars.len() == n;
            let letters: String = chars[start..end].iter().collect();
            if whole
                && end - start >= LEFT_MIN + RIGHT_MIN
                && letters.len() <= hypher::MAX_INLINE_SIZE
            {
                let mut at = start;
                let syllables: Vec<usize> =
                    hypher::hyphenate_bounded(&letters, hypher::Lang::French, LEFT_MIN, RIGHT_MIN)
                        .map(|s| s.chars().count())
                        .collect();
                for count in syllables.iter().take(syllables.len().saturating_sub(1)) {
                    at += count;
                    points.push((at, true));
                }
            }
            start = end;
        }
    }
    points.sort_unstable();
    points.dedup_by_key(|p| p.0);
    points
}

/// Whether a word (the characters between two spaces; no-break spaces
/// hold a word together) fits on one line of `width` points at `size`
/// points in `style`, without being cut.
pub fn word_fits(word: &str, style: Style, size: f32, width: f32) -> bool {
    width_within(
        &word
            .chars()
            .map(drawable)
            .map(|c| Glyph {
                c,
                style,
                color: Rgb(0, 0, 0),
                tag: Tag::Artifact,
                advance: advance(style, c) * size,
            })
            .collect::<Vec<_>>(),
        0.0,
        width.max(size) + 0.01,
    )
    .is_some()
}

/// Glyphs to runs: one run per change of style or colour.
fn finish(glyphs: Vec<Glyph>) -> Line {
    let mut runs: Vec<Placed> = Vec::new();
    let mut x = 0.0;
    for g in glyphs {
        match runs.last_mut() {
            Some(run) if run.style == g.style && run.color == g.color && run.tag == g.tag => {
                run.text.push(g.c)
            }
            _ => runs.push(Placed {
                x,
                text: g.c.to_string(),
                style: g.style,
                color: g.color,
                tag: g.tag,
            }),
        }
        x += g.advance;
    }
    Line {
        runs,
        width: x,
        space_after: false,
    }
}

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

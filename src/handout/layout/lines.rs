//! Measuring text with the bundled fonts and breaking it into lines: at
//! spaces, with French hyphenation only where a line would otherwise be
//! left very short, and a last-resort cut for a word longer than the line.

use std::sync::OnceLock;

use super::Rgb;
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

/// A run of text in one style and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub color: Rgb,
}

impl Span {
    pub fn new(text: &str, style: Style, color: Rgb) -> Self {
        Span {
            text: text.to_string(),
            style,
            color,
        }
    }
}

/// A run of text placed on a line, `x` points from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f32,
    pub text: String,
    pub style: Style,
    pub color: Rgb,
}

/// One line: its runs and its width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub runs: Vec<Placed>,
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
    advance: f32,
}

/// The characters between two breaking spaces, and the space after them.
#[derive(Debug, Clone, Default)]
struct Word {
    glyphs: Vec<Glyph>,
    space: Option<Glyph>,
}

impl Word {
    fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
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

/// Breaks styled text into lines no wider than `width` points.
///
/// Words go on the line while they fit. When the next word does not fit and
/// the line is filled less than [`SHORT_LINE`], French words are hyphenated
/// (and words holding a hyphen may break after it). A word wider than a
/// whole line is hyphenated, or cut after a `/` or `-`, or as a last resort
/// between two characters. No character is dropped, apart from the spaces
/// where lines break.
pub fn break_lines(spans: &[Span], size: f32, width: f32, lang: Lang) -> Vec<Line> {
    let mut queue: std::collections::VecDeque<Word> = words(spans, size).into();
    let mut lines = Vec::new();
    let mut line: Vec<Glyph> = Vec::new();
    let mut line_width = 0.0f32;
    let mut space: Option<Glyph> = None;
    let width = width.max(size);
    while let Some(word) = queue.pop_front() {
        let gap = if line.is_empty() {
            0.0
        } else {
            space.map_or(0.0, |s| s.advance)
        };
        let w = word.width();
        if line_width + gap + w <= width + 0.01 {
            if let (false, Some(s)) = (line.is_empty(), space) {
                line.push(s);
            }
            line_width += gap + w;
            line.extend(&word.glyphs);
            space = word.space;
            continue;
        }
        let room = width - line_width - gap;
        let short = line.is_empty() || line_width + gap < width * SHORT_LINE;
        let split = if short {
            split_to_fit(&word, room, lang, size, line.is_empty())
        } else {
            None
        };
        match split {
            Some((head, tail)) => {
                if let (false, Some(s)) = (line.is_empty(), space) {
                    line.push(s);
                }
                line.extend(head);
                lines.push(finish(std::mem::take(&mut line)));
                line_width = 0.0;
                queue.push_front(tail);
            }
            None if line.is_empty() => {
                // Wider than a whole line with no place to break: cut it
                // where the line ends, keeping at least one character.
                let fit = fitting(&word.glyphs, width).max(1);
                let (head, rest) = word.glyphs.split_at(fit.min(word.glyphs.len()));
                lines.push(finish(head.to_vec()));
                if !rest.is_empty() {
                    queue.push_front(Word {
                        glyphs: rest.to_vec(),
                        space: word.space,
                    });
                }
            }
            None => {
                lines.push(finish(std::mem::take(&mut line)));
                line_width = 0.0;
                queue.push_front(word);
            }
        }
    }
    if !line.is_empty() {
        lines.push(finish(line));
    }
    lines
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

/// The longest head of the word that fits in `room` (with its hyphen when
/// one is added) and the rest, or `None` when no break point fits. `cut`
/// allows cutting where no hyphenation point fits (a word alone on its
/// line and wider than it): after a `/` or `-` first, else anywhere.
fn split_to_fit(
    word: &Word,
    room: f32,
    lang: Lang,
    size: f32,
    cut: bool,
) -> Option<(Vec<Glyph>, Word)> {
    let chars: Vec<char> = word.glyphs.iter().map(|g| g.c).collect();
    let mut tries = vec![break_points(&chars, lang)];
    if cut {
        let (marks, anywhere) = cut_points(&chars);
        tries.push(marks);
        tries.push(anywhere);
    }
    tries
        .iter()
        .find_map(|points| longest_head(word, points, room, size))
}

/// The split at the last of `points` whose head fits in `room`.
fn longest_head(
    word: &Word,
    points: &[(usize, bool)],
    room: f32,
    size: f32,
) -> Option<(Vec<Glyph>, Word)> {
    points.iter().rev().find_map(|&(at, hyphen)| {
        let mut head: Vec<Glyph> = word.glyphs.get(..at)?.to_vec();
        if hyphen {
            let last = head.last().copied()?;
            head.push(Glyph {
                c: '-',
                advance: advance(last.style, '-') * size,
                ..last
            });
        }
        let head_width: f32 = head.iter().map(|g| g.advance).sum();
        (head_width <= room + 0.01).then(|| {
            let tail = Word {
                glyphs: word.glyphs[at..].to_vec(),
                space: word.space,
            };
            (head, tail)
        })
    })
}

/// Break points in a word: (index of the first character after the break,
/// whether a hyphen is added).
type Points = Vec<(usize, bool)>;

/// Places where a word may break, in order: after a hyphen already in the
/// word, and (in French) between syllables of its longer runs of letters.
/// `true` when a hyphen must be added.
fn break_points(chars: &[char], lang: Lang) -> Points {
    let mut points = Vec::new();
    let n = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        if c == '-' && i >= LEFT_MIN && n - i > RIGHT_MIN && chars[i + 1].is_alphabetic() {
            points.push((i + 1, false));
        }
    }
    if lang == Lang::Fr {
        let mut start = 0;
        while start < n {
            if !chars[start].is_alphabetic() {
                start += 1;
                continue;
            }
            let end = (start..n).find(|&i| !chars[i].is_alphabetic()).unwrap_or(n);
            let letters: String = chars[start..end].iter().collect();
            if end - start >= LEFT_MIN + RIGHT_MIN && letters.len() <= hypher::MAX_INLINE_SIZE {
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

/// Where a word wider than a line may be cut without a hyphen: after a
/// `/`, `-`, `_` or `.` (an address), and after any character.
fn cut_points(chars: &[char]) -> (Points, Points) {
    let marks = (1..chars.len())
        .filter(|&i| matches!(chars[i - 1], '/' | '-' | '_' | '.'))
        .map(|i| (i, false))
        .collect();
    let anywhere = (1..chars.len()).map(|i| (i, false)).collect();
    (marks, anywhere)
}

/// Glyphs to runs: one run per change of style or colour.
fn finish(glyphs: Vec<Glyph>) -> Line {
    let mut runs: Vec<Placed> = Vec::new();
    let mut x = 0.0;
    for g in glyphs {
        match runs.last_mut() {
            Some(run) if run.style == g.style && run.color == g.color => run.text.push(g.c),
            _ => runs.push(Placed {
                x,
                text: g.c.to_string(),
                style: g.style,
                color: g.color,
            }),
        }
        x += g.advance;
    }
    Line { runs, width: x }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INK: Rgb = Rgb(0, 0, 0);

    fn plain(text: &str) -> Vec<Span> {
        vec![Span::new(text, Style::Regular, INK)]
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn widths_come_from_the_font() {
        // Atkinson Hyperlegible Regular: `m` is 841 units of 1000.
        assert!((width("m", Style::Regular, 10.0) - 8.41).abs() < 1e-4);
        assert!(width("mm", Style::Bold, 12.0) > width("mm", Style::Regular, 12.0));
    }

    #[test]
    fn text_that_fits_stays_on_one_line() {
        let lines = break_lines(&plain("Un court texte."), 12.0, 400.0, Lang::Fr);
        assert_eq!(texts(&lines), ["Un court texte."]);
    }

    #[test]
    fn lines_break_at_spaces_and_never_overflow() {
        let text =
            "Le foie est un organe qui travaille beaucoup et qui filtre le sang du corps entier.";
        let lines = break_lines(&plain(text), 12.0, 150.0, Lang::En);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(
                line.width <= 150.01,
                "{:?} is {} wide",
                line.text(),
                line.width
            );
            assert!(!line.text().starts_with(' ') && !line.text().ends_with(' '));
        }
        assert_eq!(texts(&lines).join(" "), text);
    }

    #[test]
    fn a_no_break_space_keeps_its_neighbours_together() {
        let text = "aaaa aaaa aaaa aaaa\u{a0}?";
        let w = width("aaaa aaaa aaaa aaa", Style::Regular, 12.0);
        let lines = break_lines(&plain(text), 12.0, w, Lang::En);
        assert!(lines.iter().all(|l| !l.text().starts_with('?')));
    }

    #[test]
    fn the_narrow_no_break_space_is_drawn_as_a_no_break_space() {
        let lines = break_lines(&plain("Quoi\u{202F}?"), 12.0, 400.0, Lang::Fr);
        assert_eq!(texts(&lines), ["Quoi\u{a0}?"]);
    }

    #[test]
    fn a_character_the_font_lacks_becomes_a_question_mark() {
        let lines = break_lines(&plain("Clinique 🏥"), 12.0, 400.0, Lang::Fr);
        assert_eq!(texts(&lines), ["Clinique ?"]);
    }

    #[test]
    fn french_hyphenates_only_a_line_left_very_short() {
        // The long word does not fit after "Le": the line would be nearly
        // empty, so the word is hyphenated.
        let w = width("Le immunothérapie", Style::Regular, 12.0) * 0.8;
        let lines = break_lines(&plain("Le immunothérapie"), 12.0, w, Lang::Fr);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].text().ends_with('-'), "{:?}", texts(&lines));
        assert_eq!(
            texts(&lines).concat().replacen('-', "", 1),
            "Le immunothérapie"
        );

        // A line already well filled moves the word down whole.
        let text = "Voici une phrase assez longue immunothérapie";
        let w = width("Voici une phrase assez longue immuno", Style::Regular, 12.0);
        let lines = break_lines(&plain(text), 12.0, w, Lang::Fr);
        assert_eq!(
            texts(&lines),
            ["Voici une phrase assez longue", "immunothérapie"]
        );
    }

    #[test]
    fn english_is_never_hyphenated_inside_a_word() {
        let w = width("An immunotherapy", Style::Regular, 12.0) * 0.9;
        let lines = break_lines(&plain("An immunotherapy"), 12.0, w, Lang::En);
        assert_eq!(texts(&lines), ["An", "immunotherapy"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_without_losing_a_character() {
        let word = "Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement";
        for lang in Lang::ALL {
            let lines = break_lines(&plain(word), 12.0, 100.0, lang);
            assert!(lines.len() >= 4, "{lang}: {:?}", texts(&lines));
            for line in &lines {
                assert!(
                    line.width <= 100.01,
                    "{:?} is {} wide",
                    line.text(),
                    line.width
                );
            }
            assert_eq!(texts(&lines).concat().replace('-', ""), word);
        }
        let url = "https://www.example.org/un/chemin/tres/long/vers/une/page/de/reference.html";
        let lines = break_lines(&plain(url), 10.0, 120.0, Lang::En);
        assert_eq!(texts(&lines).concat(), url);
        assert!(lines.iter().all(|l| l.width <= 120.01));
    }

    #[test]
    fn a_word_is_cut_even_where_no_character_fits_whole() {
        let lines = break_lines(&plain("mmm"), 12.0, 1.0, Lang::En);
        assert_eq!(texts(&lines).concat(), "mmm");
    }

    #[test]
    fn styles_within_a_word_stay_in_place() {
        let spans = [
            Span::new("l’", Style::Regular, INK),
            Span::new("immunothérapie", Style::Italic, INK),
            Span::new(".", Style::Regular, INK),
        ];
        let lines = break_lines(&spans, 12.0, 400.0, Lang::Fr);
        let runs = &lines[0].runs;
        assert_eq!(runs.len(), 3);
        assert_eq!(runs[1].style, Style::Italic);
        assert!((runs[1].x - width("l’", Style::Regular, 12.0)).abs() < 1e-3);
    }

    #[test]
    fn empty_text_has_no_line() {
        assert!(break_lines(&plain(""), 12.0, 100.0, Lang::Fr).is_empty());
        assert!(break_lines(&plain("   "), 12.0, 100.0, Lang::Fr).is_empty());
    }

    #[test]
    fn baseline_sits_inside_the_line() {
        let b = baseline(16.8, 12.0);
        assert!(b > 9.0 && b < 16.8);
    }
}

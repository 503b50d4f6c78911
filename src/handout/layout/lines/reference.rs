//! The breaker as it was before it became linear (cubic in a word's
//! length), kept only so that a test can prove the new one breaks normal
//! text exactly as this one did.

use super::*;
use crate::Lang;

impl Word {
    fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
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
                let mut done = finish(std::mem::take(&mut line));
                done.space_after = true;
                lines.push(done);
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

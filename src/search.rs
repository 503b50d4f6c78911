//! Finding a section or a glossary word by what the reader types, forgiving
//! the way patients type a word they heard in consultation:
//!
//! - accents, case, apostrophes and « œ » do not matter (« chimiotherapie »
//!   finds « chimiothérapie »);
//! - a word typed is also the start of longer words (« immuno » finds
//!   « immunothérapie »), from [`MIN_PREFIX`] letters;
//! - one typo is forgiven in a word of 5 letters or more, two from 9
//!   letters (« lenvatinibe », « chimioembolisaton »); a typo is a letter
//!   added, missing, changed, or two neighbours swapped. The same count is
//!   also allowed on the word as it sounds, so silent « h » and doubled
//!   letters are free (« cirose » finds « cirrhose »), see [`fold`];
//! - every word typed must be found in the entry (as such, as a prefix or
//!   with its typos).
//!
//! Results are ranked: words in a title (or a glossary term and its forms)
//! first, a rare word counting more than a common one (« cirrhose » more
//! than « du »), and an exact word more than a prefix more than a typo;
//! then exact words before prefixes before typos anywhere; then how many
//! sentences match; then reading order (sections before glossary words).
//! When nothing matches, [`Found::suggestion`] offers the query spelt with
//! the content's own words, if that spelling finds something.
//!
//! Each [`Hit`] says where it matched, so a window can scroll there and
//! highlight: the [`Place`] of its sentence (summary, block and list item,
//! or definition), that sentence's byte offset in the text's
//! [`RichText::plain`](crate::content::RichText::plain) form, the matched
//! words' byte spans in the title and in the sentence, and the content words
//! that matched ([`Hit::words`]), for [`spans`] to find them in any text.
//!
//! Queries are capped so that none is slow: the first [`MAX_QUERY_CHARS`]
//! characters, the first [`MAX_WORDS`] words of at least [`MIN_WORD`]
//! letters, each cut at [`MAX_WORD_CHARS`] letters. Anything else (emoji,
//! punctuation, control characters) separates words and is otherwise
//! ignored.

mod distance;
mod fold;
mod index;
#[cfg(test)]
mod tests;

use std::ops::Range;

pub use distance::within;
pub use fold::{Word, fold, simplify, spans, words};
pub use index::Index;

/// Shortest query word that counts: one letter matches too much.
pub const MIN_WORD: usize = 2;
/// Shortest query word that also matches longer words starting with it.
pub const MIN_PREFIX: usize = 3;
/// Characters of a query read; a pasted page is cut.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words of a query used; the rest is ignored.
pub const MAX_WORDS: usize = 8;
/// Letters of a query word kept; no content word is longer.
pub const MAX_WORD_CHARS: usize = 40;

/// How many typos a query word of `letters` letters may hold.
pub fn typos_allowed(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// What a result opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A section, and the tab that holds it.
    Section { tab: String, section: String },
    /// A glossary entry, by its index in [`crate::Glossary::terms`].
    Term(usize),
}

/// Which text of an entry a sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A section's summary (« L'essentiel »), shown above its blocks.
    Summary,
    /// `Section::blocks[block]`; `item` is the list item (0 for a paragraph
    /// or a callout).
    Block { block: usize, item: usize },
    /// A glossary entry's definition.
    Definition,
}

/// How well a query word matched a content word, best last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quality {
    /// Within the typos allowed, or spelt as it sounds.
    Typo = 1,
    /// The start of a longer word.
    Prefix = 2,
    /// The word itself.
    Exact = 3,
}

/// One result: where it leads, its title, the sentence that matched, and
/// where the match is, for scrolling and highlighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    /// The section's title or the glossary term, as written.
    pub title: String,
    /// The sentence that matches the most query words (the first one on a
    /// tie), as written; when only the title matched, the entry's first
    /// sentence, and [`Hit::excerpt_spans`] is empty.
    pub excerpt: String,
    /// The text the excerpt comes from.
    pub place: Place,
    /// Byte offset of the excerpt in the plain text of [`Hit::place`]
    /// (`RichText::plain()` for a section, the definition for a term).
    pub offset: usize,
    /// Matched words in [`Hit::title`], as byte ranges.
    pub title_spans: Vec<Range<usize>>,
    /// Matched words in [`Hit::excerpt`], as byte ranges.
    pub excerpt_spans: Vec<Range<usize>>,
    /// The content words that matched anywhere in the entry, folded and
    /// sorted: [`spans`] finds them in any of its texts.
    pub words: Vec<String>,
    /// The weakest of the query words' best matches in this entry.
    pub quality: Quality,
}

/// What a query found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    /// The results, best first.
    pub hits: Vec<Hit>,
    /// When there are no hits: the query with each word that matches no
    /// content word replaced by the closest one (« cirrhose » for
    /// « cirrhoze »), written as in the content, lowercase. Only offered if
    /// it finds something.
    pub suggestion: Option<String>,
}

//! The keys search compares: words folded to lowercase without accents
//! (« L’Œsophage » holds « l » and « oesophage »), and those keys as they
//! sound, for typos that are spelling rather than typing.

use std::ops::Range;

use crate::content::fold_char;

/// One word of a text: its folded key and its place in the text, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub key: String,
    pub span: Range<usize>,
}

/// The words of `text`: runs of letters and digits, folded. Everything else
/// (spaces, apostrophes, hyphens, punctuation, emoji, control characters)
/// separates words. Combining accents (a decomposed « é ») stay in their
/// word and are dropped from its key.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut span = 0..0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if key.is_empty() {
                span.start = i;
            }
            push_folded(c, &mut key);
            span.end = i + c.len_utf8();
        } else if is_combining(c) && !key.is_empty() {
            span.end = i + c.len_utf8();
        } else if !key.is_empty() {
            out.push(Word {
                key: std::mem::take(&mut key),
                span: span.clone(),
            });
        }
    }
    if !key.is_empty() {
        out.push(Word { key, span });
    }
    out
}

/// The combining diacritical marks, written after the letter they accent.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

fn push_folded(c: char, key: &mut String) {
    if c.is_ascii() {
        key.push(c.to_ascii_lowercase());
    } else {
        for f in fold_char(c).chars() {
            key.extend(f.to_lowercase().filter(|l| !is_combining(*l)));
        }
    }
}

/// Lowercase, without accents; apostrophes, hyphens and punctuation become
/// spaces, so « l’immunothérapie » holds the word « immunotherapie ». The
/// words are joined by one space, with one space around them.
pub fn fold(text: &str) -> String {
    let mut out = String::from(" ");
    for w in words(text) {
        out.push_str(&w.key);
        out.push(' ');
    }
    out
}

/// A folded key as it sounds in French: a silent « h » dropped (except in
/// « ch », « sh », and « ph » that becomes « f »), « y » as « i », and a
/// doubled letter as one. « cirrhose » and « cirose » sound the same.
pub fn simplify(key: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(key.len());
    for &c in key {
        let c = if c == 'y' { 'i' } else { c };
        if c == 'h' {
            match out.last() {
                Some('c' | 's') => {}
                Some('p') => {
                    out.pop();
                    out.push('f');
                    continue;
                }
                _ => continue,
            }
        }
        if out.last() == Some(&c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Where the content words `keys` (folded, as in [`Hit::words`]) are in
/// `text`, as byte ranges in reading order: what a window highlights.
///
/// [`Hit::words`]: super::Hit::words
pub fn spans(text: &str, keys: &[String]) -> Vec<Range<usize>> {
    words(text)
        .into_iter()
        .filter(|w| keys.contains(&w.key))
        .map(|w| w.span)
        .collect()
}

//! The index of one language's content: its vocabulary (every word once,
//! sorted, for prefixes and typos) and its entries (sections and glossary
//! words), each sentence holding its words' places. Built once per content;
//! a query looks each of its words up in the vocabulary once, then reads the
//! entries.

use std::collections::BTreeMap;
use std::ops::Range;

use super::fold::{simplify, words};
use super::{
    Found, Hit, MAX_QUERY_CHARS, MAX_WORD_CHARS, MAX_WORDS, MIN_PREFIX, MIN_WORD, Place, Quality,
    Target, typos_allowed, within,
};
use crate::Library;

/// Everything searchable in one language, folded once.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Sorted by key: the words sharing a prefix are neighbours.
    vocab: Vec<Vocable>,
    entries: Vec<Entry>,
}

/// One distinct word of the content.
#[derive(Debug, Clone)]
struct Vocable {
    key: String,
    letters: Vec<char>,
    sound: Vec<char>,
    /// The first spelling met, lowercase, accents kept: for suggestions.
    shown: String,
    /// How many times it appears: the commoner word is the better guess.
    count: usize,
}

#[derive(Debug, Clone)]
struct Entry {
    target: Target,
    title: String,
    /// The title's words: vocabulary index and byte span in `title`.
    title_words: Vec<(usize, Range<usize>)>,
    /// A glossary term's other forms: they match as the title does.
    alias_words: Vec<usize>,
    sentences: Vec<Sentence>,
}

#[derive(Debug, Clone)]
struct Sentence {
    text: String,
    place: Place,
    offset: usize,
    /// Vocabulary index and byte span in `text`.
    words: Vec<(usize, Range<usize>)>,
}

/// A query word.
#[derive(Debug)]
struct Wanted {
    letters: Vec<char>,
    /// As typed, for a suggestion that keeps it.
    typed: String,
}

/// An entry that holds every query word, and how well.
#[derive(Debug)]
struct Scored {
    order: usize,
    /// The best match of each query word in the title (0: none).
    title: Vec<u8>,
    /// The best match of each query word anywhere.
    best: Vec<u8>,
    matching_sentences: usize,
    sentence: Option<usize>,
}

impl Scored {
    /// Bigger is better: the title's matches, each query word weighted by
    /// how rare it is in the content (so that « cirrhose » counts more than
    /// « du » in « cirrhose du foie »); then the matches' quality; then how
    /// many sentences match.
    fn rank(&self, weights: &[u32]) -> (u32, u32, usize) {
        let title = self
            .title
            .iter()
            .zip(weights)
            .map(|(&q, &w)| u32::from(q) * w)
            .sum();
        let best = self.best.iter().map(|&q| u32::from(q)).sum();
        (title, best, self.matching_sentences.min(5))
    }
}

/// Words as read from the content, before the vocabulary has numbers.
type RawWords = Vec<(String, Range<usize>)>;

/// A sentence's text, place, offset and words, before the numbers.
type RawSentence = (String, Place, usize, RawWords);

/// An entry before its words have numbers: target, title and its words,
/// the forms' words, the sentences.
type RawEntry = (Target, String, RawWords, Vec<RawWords>, Vec<RawSentence>);

impl Index {
    /// Indexes every section (title, summary, blocks) and every glossary
    /// entry (term, forms, definition).
    pub fn new(library: &Library) -> Index {
        let mut seen: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let mut read = |text: &str| -> RawWords {
            words(text)
                .into_iter()
                .map(|w| {
                    let slot = seen
                        .entry(w.key.clone())
                        .or_insert_with(|| (text[w.span.clone()].to_lowercase(), 0));
                    slot.1 += 1;
                    (w.key, w.span)
                })
                .collect()
        };
        let mut raw: Vec<RawEntry> = Vec::new();
        for tab in &library.tabs {
            for section in &tab.sections {
                let mut texts = vec![(Place::Summary, section.summary.plain())];
                for (b, block) in section.blocks.iter().enumerate() {
                    for (item, text) in block.texts().into_iter().enumerate() {
                        texts.push((Place::Block { block: b, item }, text.plain()));
                    }
                }
                let sentences = texts
                    .iter()
                    .flat_map(|(place, text)| split(text).map(move |(o, s)| (*place, o, s)))
                    .map(|(place, offset, s)| (s.to_string(), place, offset, read(s)))
                    .collect();
                raw.push((
                    Target::Section {
                        tab: tab.id.clone(),
                        section: section.id.clone(),
                    },
                    section.title.clone(),
                    read(&section.title),
                    Vec::new(),
                    sentences,
                ));
            }
        }
        for (i, term) in library.glossary.terms.iter().enumerate() {
            let sentences = split(&term.definition)
                .map(|(offset, s)| (s.to_string(), Place::Definition, offset, read(s)))
                .collect();
            raw.push((
                Target::Term(i),
                term.term.clone(),
                read(&term.term),
                term.forms.iter().map(|f| read(f)).collect(),
                sentences,
            ));
        }

        let vocab: Vec<Vocable> = seen
            .into_iter()
            .map(|(key, (shown, count))| {
                let letters: Vec<char> = key.chars().collect();
                Vocable {
                    sound: simplify(&letters),
                    letters,
                    key,
                    shown,
                    count,
                }
            })
            .collect();
        let id = |key: &str| vocab.partition_point(|v| v.key.as_str() < key);
        let number = |ws: RawWords| -> Vec<(usize, Range<usize>)> {
            ws.into_iter().map(|(k, span)| (id(&k), span)).collect()
        };
        let entries = raw
            .into_iter()
            .map(|(target, title, title_words, aliases, sentences)| Entry {
                target,
                title,
                title_words: number(title_words),
                alias_words: aliases.into_iter().flatten().map(|(k, _)| id(&k)).collect(),
                sentences: sentences
                    .into_iter()
                    .map(|(text, place, offset, ws)| Sentence {
                        text,
                        place,
                        offset,
                        words: number(ws),
                    })
                    .collect(),
            })
            .collect();
        Index { vocab, entries }
    }

    /// The entries holding every word of `query`, best first (see the
    /// module's documentation); at most `limit`. None for a query without a
    /// word of [`MIN_WORD`] letters.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.find(query, limit).hits
    }

    /// As [`Index::search`], with a suggestion when nothing matches.
    pub fn find(&self, query: &str, limit: usize) -> Found {
        let wanted = parse(query);
        let matches: Vec<Vec<u8>> = wanted.iter().map(|w| self.matches(&w.letters)).collect();
        let hits = self.hits(&matches, limit);
        let suggestion = if hits.is_empty() && !wanted.is_empty() {
            self.suggest(&wanted, &matches)
        } else {
            None
        };
        Found { hits, suggestion }
    }

    /// How well `letters` matches each vocabulary word (0: not at all).
    fn matches(&self, letters: &[char]) -> Vec<u8> {
        let mut row = vec![0u8; self.vocab.len()];
        let key: String = letters.iter().collect();
        let start = self.vocab.partition_point(|v| v.key < key);
        for (v, slot) in self.vocab[start..].iter().zip(&mut row[start..]) {
            if !v.key.starts_with(&key) {
                break;
            }
            if v.key.len() == key.len() {
                *slot = Quality::Exact as u8;
            } else if letters.len() >= MIN_PREFIX {
                *slot = Quality::Prefix as u8;
            }
        }
        let typos = typos_allowed(letters.len());
        let (sound, sound_typos) = sound_of(letters);
        for (v, slot) in self.vocab.iter().zip(&mut row) {
            if *slot != 0 {
                continue;
            }
            let close = within(letters, &v.letters, typos).is_some()
                || sound
                    .as_ref()
                    .is_some_and(|s| within(s, &v.sound, sound_typos).is_some());
            if close {
                *slot = Quality::Typo as u8;
            }
        }
        row
    }

    /// The entries that hold every query word, best first.
    fn hits(&self, matches: &[Vec<u8>], limit: usize) -> Vec<Hit> {
        if matches.is_empty() || limit == 0 {
            return Vec::new();
        }
        let best_of = |ids: &mut dyn Iterator<Item = usize>| -> Vec<u8> {
            let mut best = vec![0u8; matches.len()];
            for id in ids {
                for (b, row) in best.iter_mut().zip(matches) {
                    *b = (*b).max(row[id]);
                }
            }
            best
        };
        let mut scored: Vec<Scored> = Vec::new();
        // In how many entries each query word is found.
        let mut spread = vec![0u32; matches.len()];
        for (order, e) in self.entries.iter().enumerate() {
            let title = best_of(
                &mut e
                    .title_words
                    .iter()
                    .map(|(id, _)| *id)
                    .chain(e.alias_words.iter().copied()),
            );
            let mut best = title.clone();
            let mut matching_sentences = 0;
            let mut sentence = None;
            let mut sentence_rank = (0, 0);
            for (i, s) in e.sentences.iter().enumerate() {
                let here = best_of(&mut s.words.iter().map(|(id, _)| *id));
                let found = here.iter().filter(|&&q| q > 0).count();
                if found == 0 {
                    continue;
                }
                matching_sentences += 1;
                let rank = (found, here.iter().map(|&q| u32::from(q)).sum::<u32>());
                if rank > sentence_rank {
                    sentence_rank = rank;
                    sentence = Some(i);
                }
                for (b, h) in best.iter_mut().zip(&here) {
                    *b = (*b).max(*h);
                }
            }
            for (n, &b) in spread.iter_mut().zip(&best) {
                *n += u32::from(b > 0);
            }
            if best.contains(&0) {
                continue;
            }
            scored.push(Scored {
                order,
                title,
                best,
                matching_sentences,
                sentence,
            });
        }
        let entries = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let weights: Vec<u32> = spread.iter().map(|&n| entries / n.max(1)).collect();
        scored.sort_by_cached_key(|s| (std::cmp::Reverse(s.rank(&weights)), s.order));
        scored
            .into_iter()
            .take(limit)
            .map(|s| self.hit(&s, matches))
            .collect()
    }

    fn hit(&self, s: &Scored, matches: &[Vec<u8>]) -> Hit {
        let e = &self.entries[s.order];
        let matched = |id: usize| matches.iter().any(|row| row[id] > 0);
        let shown = s.sentence.or((!e.sentences.is_empty()).then_some(0));
        let sentence = shown.and_then(|i| e.sentences.get(i));
        let excerpt_spans = match (s.sentence, sentence) {
            (Some(_), Some(sentence)) => sentence
                .words
                .iter()
                .filter(|(id, _)| matched(*id))
                .map(|(_, span)| span.clone())
                .collect(),
            _ => Vec::new(),
        };
        let mut words: Vec<String> = e
            .title_words
            .iter()
            .map(|(id, _)| *id)
            .chain(e.alias_words.iter().copied())
            .chain(
                e.sentences
                    .iter()
                    .flat_map(|s| s.words.iter().map(|(id, _)| *id)),
            )
            .filter(|&id| matched(id))
            .map(|id| self.vocab[id].key.clone())
            .collect();
        words.sort();
        words.dedup();
        let weakest = s.best.iter().copied().min().unwrap_or(0);
        Hit {
            target: e.target.clone(),
            title: e.title.clone(),
            excerpt: sentence.map(|s| s.text.clone()).unwrap_or_default(),
            place: sentence.map_or(
                match e.target {
                    Target::Section { .. } => Place::Summary,
                    Target::Term(_) => Place::Definition,
                },
                |s| s.place,
            ),
            offset: sentence.map_or(0, |s| s.offset),
            title_spans: e
                .title_words
                .iter()
                .filter(|(id, _)| matched(*id))
                .map(|(_, span)| span.clone())
                .collect(),
            excerpt_spans,
            words,
            quality: match weakest {
                3.. => Quality::Exact,
                2 => Quality::Prefix,
                _ => Quality::Typo,
            },
        }
    }

    /// The query spelt with the content's words, when that finds something:
    /// each query word that matches no word at all becomes the closest
    /// vocabulary word (one more typo than a search allows; the commoner
    /// word on a tie). None if such a word has fewer than [`MIN_PREFIX`]
    /// letters or nothing close.
    fn suggest(&self, wanted: &[Wanted], matches: &[Vec<u8>]) -> Option<String> {
        let mut changed = false;
        let mut words = Vec::with_capacity(wanted.len());
        let mut spelt = Vec::with_capacity(wanted.len());
        for (w, row) in wanted.iter().zip(matches) {
            if row.iter().any(|&q| q > 0) {
                words.push(w.typed.clone());
                spelt.push(row.clone());
                continue;
            }
            // A word of two letters is too short to guess from.
            if w.letters.len() < MIN_PREFIX {
                return None;
            }
            let typos = typos_allowed(w.letters.len()) + 1;
            let (sound, sound_typos) = sound_of(&w.letters);
            let (_, _, id) = self
                .vocab
                .iter()
                .enumerate()
                .filter(|(_, v)| v.letters.len() >= MIN_WORD)
                .filter_map(|(id, v)| {
                    let by_sound = sound
                        .as_ref()
                        .and_then(|s| within(s, &v.sound, sound_typos + 1));
                    let d = within(&w.letters, &v.letters, typos)
                        .into_iter()
                        .chain(by_sound)
                        .min()?;
                    Some((d, std::cmp::Reverse(v.count), id))
                })
                .min()?;
            changed = true;
            words.push(self.vocab[id].shown.clone());
            let mut exact = vec![0u8; self.vocab.len()];
            exact[id] = Quality::Exact as u8;
            spelt.push(exact);
        }
        (changed && !self.hits(&spelt, 1).is_empty()).then(|| words.join(" "))
    }
}

/// A query word as it sounds, and the typos allowed in that spelling (as
/// many as its own length allows: « aaaaaa » sounds « a », which is too
/// short to be a word). `None` below four letters.
fn sound_of(letters: &[char]) -> (Option<Vec<char>>, usize) {
    let sound = simplify(letters);
    if sound.len() < 4 {
        return (None, 0);
    }
    let typos = typos_allowed(sound.len());
    (Some(sound), typos)
}

/// The query's words that count, capped (see the module's documentation).
fn parse(query: &str) -> Vec<Wanted> {
    let end = query
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(query.len(), |(i, _)| i);
    let query = &query[..end];
    words(query)
        .into_iter()
        .filter(|w| w.key.chars().count() >= MIN_WORD)
        .take(MAX_WORDS)
        .map(|w| Wanted {
            letters: w.key.chars().take(MAX_WORD_CHARS).collect(),
            typed: query[w.span].to_string(),
        })
        .collect()
}

/// The sentences of a text, trimmed, each with its byte offset in it.
fn split(text: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::readability::sentences(text)
        .into_iter()
        .filter_map(move |s| {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                return None;
            }
            // `s` is a slice of `text`, and `trimmed` of `s`.
            let offset = trimmed.as_ptr() as usize - text.as_ptr() as usize;
            Some((offset, trimmed))
        })
}

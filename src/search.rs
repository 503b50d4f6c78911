//! Finding a section or a glossary word by what the reader types: accents,
//! case and apostrophes do not matter (« chimiotherapie » finds
//! « chimiothérapie »), and every word typed must appear.

use crate::Library;
use crate::content::fold_char;

/// What a result opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A section, and the tab that holds it.
    Section { tab: String, section: String },
    /// A glossary entry, by its index in [`crate::Glossary::terms`].
    Term(usize),
}

/// One result: where it leads, its title and the sentence that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    pub title: String,
    /// The first sentence holding a word of the query (or the start of the
    /// text), as written.
    pub excerpt: String,
}

/// Everything searchable in one language, folded once.
#[derive(Debug, Clone, Default)]
pub struct Index {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    target: Target,
    title: String,
    title_key: String,
    /// The body's sentences, as written and folded.
    sentences: Vec<(String, String)>,
}

/// Shortest query word that counts: one letter matches too much.
const MIN_WORD: usize = 2;

impl Index {
    /// Indexes every section (title, summary, blocks) and every glossary
    /// entry (term, forms, definition).
    pub fn new(library: &Library) -> Index {
        let mut entries = Vec::new();
        for tab in &library.tabs {
            for section in &tab.sections {
                let texts: Vec<String> = section.texts().map(|t| t.plain()).collect();
                entries.push(Entry {
                    target: Target::Section {
                        tab: tab.id.clone(),
                        section: section.id.clone(),
                    },
                    title: section.title.clone(),
                    title_key: fold(&section.title),
                    sentences: sentences(&texts),
                });
            }
        }
        for (i, term) in library.glossary.terms.iter().enumerate() {
            let names = std::iter::once(&term.term).chain(&term.forms);
            entries.push(Entry {
                target: Target::Term(i),
                title: term.term.clone(),
                title_key: names.map(|n| fold(n)).collect::<Vec<_>>().join(" "),
                sentences: sentences(std::slice::from_ref(&term.definition)),
            });
        }
        Index { entries }
    }

    /// The entries holding every word of `query`, best first: words in the
    /// title count most; then sections before glossary words, then reading
    /// order. At most `limit` results; none for an empty query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let key = fold(query);
        let words: Vec<&str> = key
            .split_whitespace()
            .filter(|w| w.chars().count() >= MIN_WORD)
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(usize, usize, Hit)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(order, e)| {
                let mut score = 0;
                for w in &words {
                    let in_title = e.title_key.contains(w);
                    let in_body = e.sentences.iter().filter(|(_, k)| k.contains(w)).count();
                    if !in_title && in_body == 0 {
                        return None;
                    }
                    score += usize::from(in_title) * 10 + in_body.min(5);
                }
                let excerpt = e
                    .sentences
                    .iter()
                    .find(|(_, k)| words.iter().any(|w| k.contains(w)))
                    .or(e.sentences.first())
                    .map(|(s, _)| s.clone())
                    .unwrap_or_default();
                let hit = Hit {
                    target: e.target.clone(),
                    title: e.title.clone(),
                    excerpt,
                };
                Some((score, order, hit))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(limit)
            .map(|(_, _, hit)| hit)
            .collect()
    }
}

/// The sentences of some texts, each with its folded form.
fn sentences(texts: &[String]) -> Vec<(String, String)> {
    texts
        .iter()
        .flat_map(|t| crate::readability::sentences(t))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(|s| {
            let key = fold(&s);
            (s, key)
        })
        .collect()
}

/// Lowercase, without accents; apostrophes, hyphens and punctuation become
/// spaces, so « l’immunothérapie » holds the word « immunotherapie ».
pub fn fold(text: &str) -> String {
    let spaced: String = text
        .chars()
        .flat_map(|c| fold_char(c).chars().collect::<Vec<_>>())
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase();
    format!(
        " {} ",
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::content::{self, ContentSource};

    fn index(lang: Lang) -> (Library, Index) {
        let library = content::load(&ContentSource::Embedded, lang, crate::setup::today()).library;
        let index = Index::new(&library);
        (library, index)
    }

    #[test]
    fn accents_case_and_apostrophes_do_not_matter() {
        let (_, index) = index(Lang::Fr);
        let with = index.search("Immunothérapie", 50);
        let without = index.search("immunotherapie", 50);
        assert!(!with.is_empty());
        assert_eq!(with, without);
        assert_eq!(fold("L’immunothérapie, œil"), " l immunotherapie oeil ");
    }

    #[test]
    fn every_word_typed_must_appear() {
        let (library, index) = index(Lang::Fr);
        let both = index.search("cirrhose foie", 50);
        let one = index.search("cirrhose", 50);
        assert!(!both.is_empty() && both.len() <= one.len());
        for hit in index.search("cirrhose rechallenge", 50) {
            let Target::Section { section, .. } = &hit.target else {
                continue;
            };
            let (_, s) = library
                .section(section)
                .expect("a hit is a section that exists");
            let text = fold(&s.texts().map(|t| t.plain()).collect::<Vec<_>>().join(" "));
            assert!(text.contains("cirrhose") && text.contains("rechallenge"));
        }
    }

    #[test]
    fn a_word_in_a_title_comes_first_with_its_sentence() {
        let (_, index) = index(Lang::Fr);
        let hits = index.search("rechallenge", 10);
        let first = &hits[0];
        assert!(
            fold(&first.title).contains("rechallenge")
                || fold(&first.excerpt).contains("rechallenge")
        );
        assert!(
            hits.iter().any(|h| matches!(h.target, Target::Term(_))),
            "the glossary word is found too"
        );
    }

    #[test]
    fn a_glossary_word_is_found_by_its_forms() {
        let (library, index) = index(Lang::Fr);
        let (i, term) = library
            .glossary
            .terms
            .iter()
            .enumerate()
            .find(|(_, t)| !t.forms.is_empty())
            .expect("a term with forms");
        let hits = index.search(&term.forms[0], 100);
        assert!(hits.iter().any(|h| h.target == Target::Term(i)));
    }

    #[test]
    fn empty_or_one_letter_queries_find_nothing() {
        let (_, index) = index(Lang::En);
        assert!(index.search("", 10).is_empty());
        assert!(index.search("  a ", 10).is_empty());
        assert!(index.search("zzzzqqq", 10).is_empty());
    }

    #[test]
    fn english_is_searched_the_same_way() {
        let (_, index) = index(Lang::En);
        let hits = index.search("LIVER", 5);
        assert_eq!(hits.len(), 5);
    }
}

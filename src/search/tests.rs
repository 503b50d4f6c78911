//! Search on the shipped content and on small made-up libraries whose
//! ranking is known.

use std::ops::Range;

use super::*;
use crate::content::{self, Block, ContentSource, Glossary, Meta, Review, RichText, Section, Tab};
use crate::content::{Inline, Term};
use crate::{Lang, Library};

fn shipped(lang: Lang) -> (Library, Index) {
    let library = content::load(&ContentSource::Embedded, lang, crate::setup::today()).library;
    let index = Index::new(&library);
    (library, index)
}

fn rich(text: &str) -> RichText {
    RichText(vec![Inline::Text(text.to_string())])
}

/// One tab of sections `(id, title, summary, paragraphs)`, and glossary
/// terms `(term, definition)`.
fn made_up(sections: &[(&str, &str, &str, &[&str])], terms: &[(&str, &str)]) -> Index {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let library = Library {
        lang: Lang::Fr,
        tabs: vec![Tab {
            id: "tab".into(),
            title: "Onglet".into(),
            meta: Meta {
                sources: Vec::new(),
                written_on: date,
                review: Review::default(),
            },
            sections: sections
                .iter()
                .map(|(id, title, summary, blocks)| Section {
                    id: (*id).into(),
                    title: (*title).into(),
                    summary: rich(summary),
                    blocks: blocks.iter().map(|b| Block::Paragraph(rich(b))).collect(),
                })
                .collect(),
        }],
        glossary: Glossary {
            terms: terms
                .iter()
                .map(|(term, definition)| Term {
                    id: term.to_lowercase(),
                    term: (*term).into(),
                    forms: Vec::new(),
                    definition: (*definition).into(),
                })
                .collect(),
        },
        questions: Vec::new(),
    };
    Index::new(&library)
}

fn ids(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| match &h.target {
            Target::Section { section, .. } => section.clone(),
            Target::Term(i) => format!("term{i}"),
        })
        .collect()
}

fn letters(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn accents_case_apostrophes_and_oe_do_not_matter() {
    let (_, index) = shipped(Lang::Fr);
    let with = index.search("Immunothérapie", 50);
    let without = index.search("immunotherapie", 50);
    assert!(!with.is_empty());
    assert_eq!(with, without);
    assert_eq!(fold("L’immunothérapie, œil"), " l immunotherapie oeil ");
    assert_eq!(fold("RADIO-Embolisation"), " radio embolisation ");
    // A decomposed accent (e + U+0301) folds as the composed one.
    assert_eq!(fold("he\u{301}patique"), " hepatique ");
    assert_eq!(fold("…!?"), " ");
}

#[test]
fn words_know_where_they_are() {
    let text = "L’œil, « le foie ».";
    let found = words(text);
    let keys: Vec<&str> = found.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["l", "oeil", "le", "foie"]);
    let spelt: Vec<&str> = found.iter().map(|w| &text[w.span.clone()]).collect();
    assert_eq!(spelt, ["L", "œil", "le", "foie"]);
    assert_eq!(
        spans("Le foie, les foies, le Foie.", &["foie".into()]),
        [3..7, 23..27]
    );
}

#[test]
fn a_word_sounds_the_same_without_silent_h_or_double_letters() {
    let s = |w: &str| simplify(&letters(w)).into_iter().collect::<String>();
    assert_eq!(s("cirrhose"), "cirose");
    assert_eq!(s("phosphore"), "fosfore");
    assert_eq!(s("chimiotherapie"), "chimioterapie");
    assert_eq!(s("lymphome"), "limfome");
    assert_eq!(s("hepatique"), "epatique");
}

#[test]
fn typos_allowed_grow_with_the_word() {
    assert_eq!(typos_allowed(4), 0);
    assert_eq!(typos_allowed(5), 1);
    assert_eq!(typos_allowed(8), 1);
    assert_eq!(typos_allowed(9), 2);
    assert_eq!(typos_allowed(30), 2);
}

#[test]
fn the_start_of_a_word_finds_the_word() {
    let (_, index) = shipped(Lang::Fr);
    let hits = index.search("immuno", 50);
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h.words.iter().any(|w| w.starts_with("immuno")))
    );
    assert!(
        hits.iter()
            .any(|h| h.words.contains(&"immunotherapie".into()))
    );
    assert!(hits.iter().all(|h| h.quality == Quality::Prefix));
    // Two letters are too few to be a prefix.
    let index = made_up(&[("a", "Titre", "Le foie filtre.", &[])], &[]);
    assert!(index.search("fo", 5).is_empty());
    assert_eq!(ids(&index.search("foi", 5)), ["a"]);
}

#[test]
fn misspelt_words_find_the_content_words() {
    let (_, index) = shipped(Lang::Fr);
    for (typed, word) in [
        ("chimioembolisaton", "chimioembolisation"),
        ("cirose", "cirrhose"),
        ("imunoterapie", "immunotherapie"),
    ] {
        let hits = index.search(typed, 50);
        assert!(!hits.is_empty(), "{typed}");
        assert!(
            hits.iter().any(|h| h.words.contains(&word.to_string())),
            "{typed} finds {word}"
        );
        assert!(hits.iter().all(|h| h.quality == Quality::Typo), "{typed}");
    }
    // Not in the shipped content yet: a made-up page holds it.
    let index = made_up(
        &[("a", "Titre", "Le lenvatinib est un comprimé.", &[])],
        &[],
    );
    assert_eq!(ids(&index.search("lenvatinibe", 5)), ["a"]);
}

#[test]
fn typos_beyond_the_bound_find_nothing() {
    let index = made_up(
        &[
            ("a", "Titre", "La cirrhose durcit le foie.", &[]),
            (
                "b",
                "Titre",
                "Une chimioembolisation bouche une artère.",
                &[],
            ),
        ],
        &[],
    );
    // Four letters: no typo.
    assert!(index.search("fioe", 5).is_empty());
    assert_eq!(ids(&index.search("foie", 5)), ["a"]);
    // Five to eight letters: one.
    assert_eq!(ids(&index.search("durcitt", 5)), ["a"]);
    assert!(index.search("dorcitz", 5).is_empty());
    // From nine letters: two, not three.
    assert_eq!(ids(&index.search("chimoembolisatin", 5)), ["b"]);
    assert!(index.search("chimoembolsatin", 5).is_empty());
}

#[test]
fn titles_and_terms_come_before_the_text() {
    let index = made_up(
        &[
            (
                "body",
                "Autre chose",
                "On parle du foie ici.",
                &["Et du foie là."],
            ),
            ("title", "Le foie", "Une page.", &[]),
        ],
        &[("Foie", "Un organe.")],
    );
    assert_eq!(ids(&index.search("foie", 5)), ["title", "term0", "body"]);
}

#[test]
fn a_rare_word_in_a_title_counts_more_than_common_ones() {
    let index = made_up(
        &[
            (
                "common",
                "Le cancer du foie",
                "Le foie du patient.",
                &["La cirrhose du foie."],
            ),
            ("rare", "La cirrhose", "La cirrhose du foie.", &[]),
            ("c", "Autre", "Le foie du patient.", &[]),
            ("d", "Autre", "Le foie du corps.", &[]),
            ("e", "Autre", "Le foie du malade.", &[]),
            ("f", "Autre", "Le foie du voisin.", &[]),
        ],
        &[],
    );
    assert_eq!(
        ids(&index.search("cirrhose du foie", 5)),
        ["rare", "common"]
    );
}

#[test]
fn exact_words_come_before_prefixes_before_typos() {
    let index = made_up(
        &[
            ("typo", "Un", "La tumour grossit.", &[]),
            ("prefix", "Deux", "Les tumeurs grossissent.", &[]),
            ("exact", "Trois", "La tumeur grossit.", &[]),
        ],
        &[],
    );
    let hits = index.search("tumeur", 5);
    assert_eq!(ids(&hits), ["exact", "prefix", "typo"]);
    let quality: Vec<Quality> = hits.iter().map(|h| h.quality).collect();
    assert_eq!(quality, [Quality::Exact, Quality::Prefix, Quality::Typo]);
}

#[test]
fn every_word_typed_must_appear() {
    let (library, index) = shipped(Lang::Fr);
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
fn a_hit_says_where_its_sentence_and_words_are() {
    let (library, index) = shipped(Lang::Fr);
    let hits = index.search("immunothérapie", 50);
    let mut checked = 0;
    for hit in &hits {
        let text = match (&hit.target, hit.place) {
            (Target::Section { section, .. }, place) => {
                let (_, s) = library.section(section).expect("the section");
                match place {
                    Place::Summary => s.summary.plain(),
                    Place::Block { block, item } => s.blocks[block].texts()[item].plain(),
                    Place::Definition => panic!("a section has no definition"),
                }
            }
            (Target::Term(i), place) => {
                assert_eq!(place, Place::Definition);
                library.glossary.terms[*i].definition.clone()
            }
        };
        let range = hit.offset..hit.offset + hit.excerpt.len();
        assert_eq!(text.get(range), Some(hit.excerpt.as_str()));
        for span in &hit.excerpt_spans {
            let word = hit
                .excerpt
                .get(span.clone())
                .expect("a span on the excerpt");
            assert!(fold(word).starts_with(" immunotherapie"), "{word}");
            checked += 1;
        }
        for span in &hit.title_spans {
            let word = hit.title.get(span.clone()).expect("a span on the title");
            assert!(fold(word).starts_with(" immunotherapie"), "{word}");
        }
        assert!(!hit.words.is_empty());
        assert!(hit.words.iter().all(|w| w.starts_with("immunotherapie")));
    }
    assert!(checked > 0);
}

#[test]
fn the_sentence_shown_holds_the_most_query_words() {
    let index = made_up(
        &[(
            "a",
            "Titre",
            "Le foie filtre le sang.",
            &["La cirrhose abîme le foie.", "La cirrhose vient."],
        )],
        &[],
    );
    let hit = &index.search("cirrhose foie", 5)[0];
    assert_eq!(hit.excerpt, "La cirrhose abîme le foie.");
    assert_eq!(hit.place, Place::Block { block: 0, item: 0 });
    assert_eq!(hit.offset, 0);
    assert_eq!(hit.excerpt_spans, [3..11, 22..26], "« î » is two bytes");
    // Found in the title only: the first sentence, nothing to highlight.
    let hit = &index.search("titre", 5)[0];
    assert_eq!(hit.place, Place::Summary);
    assert_eq!(hit.excerpt, "Le foie filtre le sang.");
    assert!(hit.excerpt_spans.is_empty());
    assert_eq!(hit.title_spans, vec![Range { start: 0, end: 5 }]);
}

#[test]
fn nothing_found_suggests_a_word_of_the_content() {
    let (_, index) = shipped(Lang::Fr);
    let found = index.find("foei", 10);
    assert!(found.hits.is_empty());
    assert_eq!(found.suggestion.as_deref(), Some("foie"));
    let found = index.find("cirrhose zyrrozee", 10);
    assert!(found.hits.is_empty());
    let suggestion = found.suggestion.unwrap_or_default();
    assert!(suggestion.starts_with("cirrhose "), "{suggestion}");
    assert!(!index.search(&suggestion, 10).is_empty());
    // Nothing close: no suggestion.
    assert_eq!(index.find("xqwzkv", 10).suggestion, None);
    // Found: no suggestion either.
    assert_eq!(index.find("foie", 10).suggestion, None);
}

#[test]
fn bad_queries_find_nothing_quietly() {
    let (_, index) = shipped(Lang::Fr);
    let long = "a".repeat(2000);
    let words = "foie ".repeat(400);
    for query in [
        "",
        "   ",
        " a ",
        "?!…;«»",
        "🙂🙂🙂",
        "\u{0}\u{7}\u{1b}[31m",
        "كبد تليف",
        "\u{202e}esohrric",
        long.as_str(),
    ] {
        let found = index.find(query, 10);
        assert!(found.hits.is_empty(), "{query:?}");
    }
    // A long query is cut, not refused.
    assert!(!index.search(&words, 10).is_empty());
    // Control characters only separate words.
    assert!(!index.search("\u{7}cirrhose\u{1b}", 10).is_empty());
}

#[test]
fn a_glossary_word_is_found_by_its_forms() {
    let (library, index) = shipped(Lang::Fr);
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
fn english_is_searched_the_same_way() {
    let (_, index) = shipped(Lang::En);
    assert_eq!(index.search("LIVER", 5).len(), 5);
    assert!(!index.search("cirosis", 5).is_empty());
    assert_eq!(index.search("", 10), []);
}

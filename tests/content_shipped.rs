//! The content that ships inside the program meets the content guide's
//! targets: it loads without error, has the four tabs in order, reads easily,
//! and both languages hold the same ids.

use std::collections::BTreeSet;

use patient_info::content::{self, ContentSource, FILE_NAMES, LoadReport, TAB_IDS};
use patient_info::readability::{MAX_SENTENCE_WORDS, MIN_SCORE, SectionScore, Stats};
use patient_info::{Block, CalloutKind, Lang};

fn shipped(lang: Lang) -> LoadReport {
    content::load(&ContentSource::Embedded, lang, patient_info::setup::today())
}

#[test]
fn every_shipped_file_is_built_into_the_program() {
    for lang in Lang::ALL {
        for file in FILE_NAMES {
            assert!(
                content::EMBEDDED
                    .iter()
                    .any(|(l, f, _)| *l == lang.code() && *f == file),
                "{lang}/{file} is not embedded"
            );
        }
    }
}

#[test]
fn shipped_content_loads_without_error_in_both_languages() {
    for lang in Lang::ALL {
        let report = shipped(lang);
        let errors: Vec<String> = report.errors().map(|d| d.render(Lang::En)).collect();
        assert!(errors.is_empty(), "{lang}: {errors:#?}");
        // Only review reminders may remain as warnings.
        for d in &report.diagnostics {
            assert!(
                matches!(
                    d.kind.code(),
                    "not-reviewed" | "review-incomplete" | "review-overdue"
                ),
                "{lang}: unexpected {}",
                d.render(Lang::En)
            );
        }
    }
}

#[test]
fn the_four_tabs_come_in_order() {
    for lang in Lang::ALL {
        let report = shipped(lang);
        let ids: Vec<&str> = report.library.tabs.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, TAB_IDS, "{lang}");
    }
}

#[test]
fn every_section_reads_easily_and_no_sentence_runs_over_25_words() {
    for lang in Lang::ALL {
        let report = shipped(lang);
        let mut lengths = Vec::new();
        for tab in &report.library.tabs {
            for section in &tab.sections {
                let score = SectionScore::of(&tab.id, section, lang);
                assert!(
                    score.score >= MIN_SCORE,
                    "{lang}/{}/{}: reading ease {:.1} < {MIN_SCORE}",
                    tab.id,
                    section.id,
                    score.score
                );
                assert!(
                    score.stats.longest_sentence() <= MAX_SENTENCE_WORDS,
                    "{lang}/{}/{}: « {} »",
                    tab.id,
                    section.id,
                    score.stats.longest
                );
                lengths.extend(score.stats.sentence_lengths);
            }
        }
        let all = Stats {
            sentence_lengths: lengths,
            ..Stats::default()
        };
        assert!(
            all.median_sentence() <= 15.0,
            "{lang}: median {}",
            all.median_sentence()
        );
    }
}

#[test]
fn each_tab_follows_the_writing_rules() {
    for lang in Lang::ALL {
        let report = shipped(lang);
        for tab in &report.library.tabs {
            assert!(
                !tab.meta.sources.is_empty(),
                "{lang}/{}: no sources",
                tab.id
            );
            assert!(
                tab.sections
                    .iter()
                    .flat_map(|s| &s.blocks)
                    .any(|b| matches!(
                        b,
                        Block::Callout {
                            kind: CalloutKind::ToDo,
                            ..
                        }
                    )),
                "{lang}/{}: no « à faire » action",
                tab.id
            );
            for section in &tab.sections {
                assert!(
                    section.title.ends_with('?'),
                    "{lang}/{}: title is not a question",
                    section.id
                );
                let summary = Stats::of([section.summary.plain().as_str()], lang);
                assert!(
                    (2..=3).contains(&summary.sentences),
                    "{lang}/{}: « L'essentiel » has {} sentences",
                    section.id,
                    summary.sentences
                );
            }
        }
    }
}

#[test]
fn the_glossary_and_the_questions_are_complete() {
    for lang in Lang::ALL {
        let library = shipped(lang).library;
        assert!(
            library.glossary.terms.len() >= 55,
            "{lang}: {} terms",
            library.glossary.terms.len()
        );
        for term in &library.glossary.terms {
            let sentences = Stats::of([term.definition.as_str()], lang).sentences;
            assert!(
                (1..=2).contains(&sentences),
                "{lang}/{}: {sentences} sentences",
                term.id
            );
        }
        // Every entry is used somewhere in the tabs.
        let used: BTreeSet<usize> = library
            .tabs
            .iter()
            .flat_map(|t| &t.sections)
            .flat_map(|s| s.terms())
            .collect();
        for (i, term) in library.glossary.terms.iter().enumerate() {
            assert!(used.contains(&i), "{lang}: `{}` is never used", term.id);
        }
        assert!(
            library.questions.len() >= 22,
            "{lang}: {} questions",
            library.questions.len()
        );
        for tab in TAB_IDS {
            assert!(
                library.questions.iter().any(|q| q.tab == tab),
                "{lang}: no question for {tab}"
            );
        }
    }
}

#[test]
fn the_english_tree_has_exactly_the_french_ids() {
    let fr = shipped(Lang::Fr);
    let en = shipped(Lang::En);
    assert!(fr.compare_ids(&en).is_empty(), "{:#?}", fr.compare_ids(&en));
    assert!(en.compare_ids(&fr).is_empty(), "{:#?}", en.compare_ids(&fr));
    let ids = |r: &LoadReport| -> Vec<String> {
        r.library
            .tabs
            .iter()
            .flat_map(|t| t.sections.iter().map(|s| s.id.clone()))
            .chain(r.library.glossary.terms.iter().map(|t| t.id.clone()))
            .chain(r.library.questions.iter().map(|q| q.id.clone()))
            .collect()
    };
    assert_eq!(ids(&fr), ids(&en));
    let tabs_of_questions = |r: &LoadReport| -> Vec<(String, String)> {
        r.library
            .questions
            .iter()
            .map(|q| (q.id.clone(), q.tab.clone()))
            .collect()
    };
    assert_eq!(tabs_of_questions(&fr), tabs_of_questions(&en));
}

/// A block reduced to its shape: its kind, a list's length, a callout's kind.
#[derive(Debug, PartialEq)]
enum Shape {
    Paragraph,
    List(usize),
    Callout(CalloutKind),
    Figure(String),
}

fn shapes(library: &patient_info::Library) -> Vec<(String, Vec<Shape>)> {
    library
        .tabs
        .iter()
        .flat_map(|t| &t.sections)
        .map(|s| {
            let blocks = s
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(_) => Shape::Paragraph,
                    Block::List(items) => Shape::List(items.len()),
                    Block::Callout { kind, .. } => Shape::Callout(*kind),
                    Block::Figure(f) => Shape::Figure(f.id.clone()),
                })
                .collect();
            (s.id.clone(), blocks)
        })
        .collect()
}

#[test]
fn french_and_english_say_the_same_thing_block_by_block() {
    let fr = shipped(Lang::Fr).library;
    let en = shipped(Lang::En).library;
    let (fr, en) = (shapes(&fr), shapes(&en));
    assert_eq!(fr.len(), en.len());
    for (f, e) in fr.iter().zip(&en) {
        assert_eq!(f, e, "the sections differ in their blocks");
    }
}

#[test]
fn the_treatments_and_strategies_tabs_say_when_to_call_15() {
    for lang in Lang::ALL {
        let library = shipped(lang).library;
        for tab in ["treatments", "strategies"] {
            let urgent: Vec<String> = library
                .tab(tab)
                .into_iter()
                .flat_map(|t| &t.sections)
                .flat_map(|s| &s.blocks)
                .filter_map(|b| {
                    if let Block::Callout {
                        kind: CalloutKind::Urgent,
                        text,
                    } = b
                    {
                        Some(text.plain())
                    } else {
                        None
                    }
                })
                .collect();
            assert!(
                urgent.iter().any(|t| t.contains("15")),
                "{lang}/{tab}: no « Urgent » callout that says to call 15: {urgent:?}"
            );
        }
    }
}

#[test]
fn french_typography_is_applied_and_every_character_is_drawable() {
    let library = shipped(Lang::Fr).library;
    let mut text = String::new();
    for tab in &library.tabs {
        text.push_str(&tab.title);
        for s in &tab.sections {
            text.push_str(&s.title);
            for t in s.texts() {
                text.push_str(&t.plain());
            }
        }
    }
    assert!(!text.contains('\''), "a straight apostrophe survived");
    assert!(!text.contains(" ?"), "a plain space before « ? » survived");
    assert!(!text.contains('\u{202F}'));
    assert!(text.chars().all(patient_info::fonts::can_draw));
}

//! Line breaking tests: widths, spaces, hyphenation, over-long words, and
//! the linear breaker against the one it replaced, on the shipped text.
use proptest::prelude::*;

use super::*;
use crate::Lang;
use crate::content::{Block, ContentSource, Inline, RichText, load};

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
    let lines = break_lines(&plain("Un court texte."), 12.0, 400.0, Hyphenation::French);
    assert_eq!(texts(&lines), ["Un court texte."]);
}

#[test]
fn lines_break_at_spaces_and_never_overflow() {
    let text =
        "Le foie est un organe qui travaille beaucoup et qui filtre le sang du corps entier.";
    let lines = break_lines(&plain(text), 12.0, 150.0, Hyphenation::None);
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
    let lines = break_lines(&plain(text), 12.0, w, Hyphenation::None);
    assert!(lines.iter().all(|l| !l.text().starts_with('?')));
}

#[test]
fn the_narrow_no_break_space_is_drawn_as_a_no_break_space() {
    let lines = break_lines(&plain("Quoi\u{202F}?"), 12.0, 400.0, Hyphenation::French);
    assert_eq!(texts(&lines), ["Quoi\u{a0}?"]);
}

#[test]
fn a_character_the_font_lacks_becomes_a_question_mark() {
    let lines = break_lines(&plain("Clinique 🏥"), 12.0, 400.0, Hyphenation::French);
    assert_eq!(texts(&lines), ["Clinique ?"]);
}

#[test]
fn french_hyphenates_only_a_line_left_very_short() {
    // The long word does not fit after "Le": the line would be nearly
    // empty, so the word is hyphenated.
    let w = width("Le immunothérapie", Style::Regular, 12.0) * 0.8;
    let lines = break_lines(&plain("Le immunothérapie"), 12.0, w, Hyphenation::French);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].text().ends_with('-'), "{:?}", texts(&lines));
    assert_eq!(
        texts(&lines).concat().replacen('-', "", 1),
        "Le immunothérapie"
    );

    // A line already well filled moves the word down whole.
    let text = "Voici une phrase assez longue immunothérapie";
    let w = width("Voici une phrase assez longue immuno", Style::Regular, 12.0);
    let lines = break_lines(&plain(text), 12.0, w, Hyphenation::French);
    assert_eq!(
        texts(&lines),
        ["Voici une phrase assez longue", "immunothérapie"]
    );
}

#[test]
fn english_is_never_hyphenated_inside_a_word() {
    let w = width("An immunotherapy", Style::Regular, 12.0) * 0.9;
    let lines = break_lines(&plain("An immunotherapy"), 12.0, w, Hyphenation::None);
    assert_eq!(texts(&lines), ["An", "immunotherapy"]);
}

#[test]
fn a_word_longer_than_the_line_is_cut_without_losing_a_character() {
    let word = "Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement";
    for lang in Lang::ALL {
        let lines = break_lines(&plain(word), 12.0, 100.0, Hyphenation::of(lang));
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
    let lines = break_lines(&plain(url), 10.0, 120.0, Hyphenation::None);
    assert_eq!(texts(&lines).concat(), url);
    assert!(lines.iter().all(|l| l.width <= 120.01));
}

#[test]
fn a_word_is_cut_even_where_no_character_fits_whole() {
    let lines = break_lines(&plain("mmm"), 12.0, 1.0, Hyphenation::None);
    assert_eq!(texts(&lines).concat(), "mmm");
}

#[test]
fn styles_within_a_word_stay_in_place() {
    let spans = [
        Span::new("l’", Style::Regular, INK),
        Span::new("immunothérapie", Style::Italic, INK),
        Span::new(".", Style::Regular, INK),
    ];
    let lines = break_lines(&spans, 12.0, 400.0, Hyphenation::French);
    let runs = &lines[0].runs;
    assert_eq!(runs.len(), 3);
    assert_eq!(runs[1].style, Style::Italic);
    assert!((runs[1].x - width("l’", Style::Regular, 12.0)).abs() < 1e-3);
}

#[test]
fn empty_text_has_no_line() {
    assert!(break_lines(&plain(""), 12.0, 100.0, Hyphenation::French).is_empty());
    assert!(break_lines(&plain("   "), 12.0, 100.0, Hyphenation::French).is_empty());
}

#[test]
fn baseline_sits_inside_the_line() {
    let b = baseline(16.8, 12.0);
    assert!(b > 9.0 && b < 16.8);
}

/// Every text of the shipped content as spans, glossary words and emphasis
/// in bold as the handout draws them.
fn shipped_texts(lang: Lang) -> Vec<Vec<Span>> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let library = load(&ContentSource::Embedded, lang, today).library;
    let rich = |text: &RichText| -> Vec<Span> {
        text.0
            .iter()
            .map(|i| match i {
                Inline::Text(t) => Span::new(t, Style::Regular, INK),
                Inline::Emphasis(t) | Inline::Term { text: t, .. } => {
                    Span::new(t, Style::Bold, INK)
                }
            })
            .collect()
    };
    let mut texts = Vec::new();
    for tab in &library.tabs {
        texts.push(plain(&tab.title));
        texts.extend(tab.meta.sources.iter().map(|s| plain(s)));
        for section in &tab.sections {
            texts.push(plain(&section.title));
            texts.push(rich(&section.summary));
            for block in &section.blocks {
                match block {
                    Block::Paragraph(t) | Block::Callout { text: t, .. } => texts.push(rich(t)),
                    Block::List(items) => texts.extend(items.iter().map(rich)),
                    Block::Figure(f) => texts.push(rich(&f.caption)),
                }
            }
        }
    }
    texts.extend(library.glossary.terms.iter().map(|t| plain(&t.definition)));
    texts.extend(library.questions.iter().map(|q| plain(&q.text)));
    texts
}

#[test]
fn the_linear_breaker_breaks_the_shipped_text_exactly_as_the_old_one() {
    let mut compared = 0;
    for lang in Lang::ALL {
        let texts = shipped_texts(lang);
        assert!(texts.len() > 100, "{lang}: {} texts", texts.len());
        for spans in &texts {
            for size in [10.0, 12.0, 16.0] {
                for width in [40.0, 75.0, 120.0, 180.0, 260.0, 340.0, 449.0, 482.0] {
                    let new = break_lines(spans, size, width, Hyphenation::of(lang));
                    let old = reference::break_lines(spans, size, width, lang);
                    assert_eq!(new, old, "{lang} at {size} pt, {width} pt wide");
                    compared += new.len();
                }
            }
        }
    }
    assert!(compared > 10_000, "{compared} lines compared");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_linear_breaker_agrees_with_the_old_one_on_any_words(
        words in prop::collection::vec("[a-zéèàç/.-]{1,70}|[A-Z]{1,4}|\u{a0}[:?!]", 0..30),
        size in 8.0f32..20.0,
        width in 10.0f32..500.0,
        french in any::<bool>(),
    ) {
        let text = words.join(" ");
        let (hyphenation, lang) = if french {
            (Hyphenation::French, Lang::Fr)
        } else {
            (Hyphenation::None, Lang::En)
        };
        let new = break_lines(&plain(&text), size, width, hyphenation);
        let old = reference::break_lines(&plain(&text), size, width, lang);
        prop_assert_eq!(new, old);
    }
}

#[test]
fn a_200000_letter_word_is_split_across_lines_that_fit_and_keep_every_letter() {
    let word: String = "hépatocarcinome".chars().cycle().take(200_000).collect();
    let text = format!("Avant {word} après.");
    for hyphenation in [Hyphenation::French, Hyphenation::None] {
        let lines = break_lines(&plain(&text), 12.0, 449.0, hyphenation);
        assert!(lines.len() > 2000, "{} lines", lines.len());
        assert!(lines.iter().all(|l| l.width <= 449.01));
        let joined: String = texts(&lines)
            .iter()
            .map(|l| l.trim_end_matches('-'))
            .collect::<Vec<_>>()
            .join("");
        assert!(
            joined.replace(' ', "") == text.replace(' ', ""),
            "letters lost"
        );
    }
}

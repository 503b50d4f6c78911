//! The handout's own words that the interface does not share (the cover's
//! lines, the questions sheet's fields, the phone on the last page), in
//! both languages with an exhaustive match; and the check that every word
//! of the content fits a line of the narrowest column, so that no word is
//! cut where no hyphen can go.

use super::layout::lines::word_fits;
use super::layout::{Frame, Theme};
use crate::Lang;
use crate::content::{Block, Library, RichText};
use crate::fonts::Style;

/// A phrase of the handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The national information line of the Institut national du cancer.
    CancerInfo,
    /// Before the clinic's phone: « Téléphone ».
    Phone,
    /// « Une question ? Appelez », before the clinic and its phone.
    CallUs,
    /// Between the clinic and its phone: « au ».
    CallOn,
    /// Before a section's source: « Source ».
    Source,
    /// Where a section's handout sends for the tab's other sources.
    OtherSources,
    /// When no clinician has reviewed the content yet.
    NotReviewed,
    /// When some parts are reviewed and others not.
    PartlyReviewed,
    /// The questions sheet's fields.
    Name,
    Date,
    NextAppointment,
}

impl Phrase {
    pub fn get(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Phrase::CancerInfo, Lang::Fr) => {
                "Cancer info, la ligne d’information nationale sur les cancers\u{a0}: \
                 0\u{a0}805\u{a0}123\u{a0}124 (service et appel gratuits)"
            }
            (Phrase::CancerInfo, Lang::En) => {
                "Cancer Info, the French national cancer information line: \
                 0\u{a0}805\u{a0}123\u{a0}124 (free service and call, in French)"
            }
            (Phrase::Phone, Lang::Fr) => "Téléphone",
            (Phrase::Phone, Lang::En) => "Phone",
            (Phrase::CallUs, Lang::Fr) => "Une question\u{a0}? Appelez",
            (Phrase::CallUs, Lang::En) => "A question? Call",
            (Phrase::CallOn, Lang::Fr) => "au",
            (Phrase::CallOn, Lang::En) => "on",
            (Phrase::Source, Lang::Fr) => "Source",
            (Phrase::Source, Lang::En) => "Source",
            (Phrase::OtherSources, Lang::Fr) => {
                "Les autres sources de cet onglet sont dans son document et dans le livret complet."
            }
            (Phrase::OtherSources, Lang::En) => {
                "This tab's other sources are in its handout and in the full booklet."
            }
            (Phrase::NotReviewed, Lang::Fr) => "Contenu pas encore relu par un soignant",
            (Phrase::NotReviewed, Lang::En) => "Content not yet reviewed by a clinician",
            (Phrase::PartlyReviewed, Lang::Fr) => "Contenu relu en partie par un soignant",
            (Phrase::PartlyReviewed, Lang::En) => "Content partly reviewed by a clinician",
            (Phrase::Name, Lang::Fr) => "Nom",
            (Phrase::Name, Lang::En) => "Name",
            (Phrase::Date, Lang::Fr) => "Date",
            (Phrase::Date, Lang::En) => "Date",
            (Phrase::NextAppointment, Lang::Fr) => "Prochain rendez-vous",
            (Phrase::NextAppointment, Lang::En) => "Next appointment",
        }
    }
}

/// What separates a label from what follows: French puts a no-break space
/// before the colon.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

/// A label with its colon: « Nom : », “Name:”.
pub fn label(text: &str, lang: Lang) -> String {
    format!("{text}{}", colon(lang))
}

/// Whether a word of body text (what lies between two spaces; a no-break
/// space holds two words together) fits one line of the narrowest column
/// a handout has, at the largest size it is printed: inside a box, in
/// large print, in bold (glossary words and emphasis are bold). A word that
/// does not fit is cut where the line ends, without a hyphen.
pub fn word_fits_everywhere(word: &str) -> bool {
    let theme = Theme::new(true);
    word_fits(word, Style::Bold, theme.body, narrowest(&theme))
}

/// Whether a word of a heading fits one line at the title's size.
fn heading_word_fits(word: &str) -> bool {
    let theme = Theme::new(true);
    word_fits(word, Style::Bold, theme.title, Frame::a4().width())
}

/// The narrowest column: the text inside a box (the same padding as
/// `flow::box_padding`).
fn narrowest(theme: &Theme) -> f32 {
    Frame::a4().width() - (0.9 * theme.body + 4.0) - 0.9 * theme.body
}

/// A word of the content too long for a line of the handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverlongWord {
    /// Where it is: a tab id, a section id, `glossary` or `questions`.
    pub place: String,
    /// The word, shortened to 60 characters.
    pub word: String,
}

/// Every word of the library that a handout would have to cut (see
/// [`word_fits_everywhere`]), in reading order, each place once per word.
pub fn overlong_words(library: &Library) -> Vec<OverlongWord> {
    let mut found = Vec::new();
    let mut check = |place: &str, text: &str, heading: bool| {
        for word in text.split([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
            let fits = if heading {
                heading_word_fits(word)
            } else {
                word_fits_everywhere(word)
            };
            if !fits {
                found.push(OverlongWord {
                    place: place.to_string(),
                    word: word.chars().take(60).collect(),
                });
            }
        }
    };
    let rich = |text: &RichText| text.plain();
    for tab in &library.tabs {
        check(&tab.id, &tab.title, true);
        for section in &tab.sections {
            let place = format!("{}/{}", tab.id, section.id);
            check(&place, &section.title, true);
            check(&place, &rich(&section.summary), false);
            for block in &section.blocks {
                match block {
                    Block::Paragraph(text) | Block::Callout { text, .. } => {
                        check(&place, &rich(text), false)
                    }
                    Block::List(items) => {
                        for item in items {
                            check(&place, &rich(item), false);
                        }
                    }
                    Block::Figure(figure) => {
                        check(&place, &rich(&figure.caption), false);
                        check(&place, &figure.alt, false);
                    }
                }
            }
        }
        for source in &tab.meta.sources {
            check(&tab.id, source, false);
        }
    }
    for term in &library.glossary.terms {
        check("glossary", &term.term, false);
        check("glossary", &term.definition, false);
    }
    for question in &library.questions {
        check("questions", &question.text, false);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};

    #[test]
    fn ordinary_words_fit_and_a_very_long_one_does_not() {
        assert!(word_fits_everywhere("anticonstitutionnellement"));
        assert!(word_fits_everywhere("«\u{a0}chimiothérapie\u{a0}»"));
        assert!(!word_fits_everywhere(&"hépato".repeat(20)));
        assert!(!word_fits_everywhere(&"m".repeat(200_000)));
    }

    #[test]
    fn the_shipped_content_has_no_word_too_long_for_a_line() {
        for lang in Lang::ALL {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
            let library = load(&ContentSource::Embedded, lang, today).library;
            assert!(!library.tabs.is_empty());
            assert_eq!(overlong_words(&library), [], "{lang}");
        }
    }

    #[test]
    fn an_overlong_word_is_reported_with_its_place() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let mut library = load(&ContentSource::Embedded, Lang::Fr, today).library;
        let long = "x".repeat(500);
        library.glossary.terms[0].definition = format!("Un mot {long} ici.");
        let found = overlong_words(&library);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].place, "glossary");
        assert_eq!(found[0].word, "x".repeat(60));
    }
}

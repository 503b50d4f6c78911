//! `check`'s warning about words too long for a line of a handout: the
//! PDF cuts such a word where the line ends, without a hyphen.

use std::io::{self, Write};

use crate::Lang;
use crate::content::Library;
use crate::handout::{OverlongWord, overlong_words};

/// Writes one warning per word of `library` that cannot fit a line of the
/// narrowest column of a handout; returns how many.
pub fn warn_overlong(library: &Library, lang: Lang, out: &mut impl Write) -> io::Result<usize> {
    let found = overlong_words(library);
    for word in &found {
        writeln!(out, "{}", message(word, library.lang, lang))?;
    }
    Ok(found.len())
}

/// The warning, in the language of the messages.
fn message(word: &OverlongWord, content: Lang, lang: Lang) -> String {
    let place = format!("{}/{}", content.code(), word.place);
    match lang {
        Lang::Fr => format!(
            "{place}: avertissement: le mot «\u{a0}{}\u{a0}» est trop long pour une ligne \
             du document imprimé (gros caractères)\u{a0}; il y sera coupé sans trait d’union.",
            word.word
        ),
        Lang::En => format!(
            "{place}: warning: the word “{}” is too long for a line of the printed \
             handout (large print); it will be cut there without a hyphen.",
            word.word
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};

    #[test]
    fn a_word_too_long_for_a_line_is_warned_about_in_the_users_language() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let mut library = load(&ContentSource::Embedded, Lang::Fr, today).library;
        let mut out = Vec::new();
        assert_eq!(warn_overlong(&library, Lang::Fr, &mut out).ok(), Some(0));
        assert!(out.is_empty());

        library.tabs[0].sections[0].summary.0 = vec![crate::content::Inline::Text(format!(
            "Voici {}.",
            "a".repeat(300)
        ))];
        let mut out = Vec::new();
        assert_eq!(warn_overlong(&library, Lang::Fr, &mut out).ok(), Some(1));
        let text = String::from_utf8_lossy(&out);
        let section = format!(
            "fr/{}/{}",
            library.tabs[0].id, library.tabs[0].sections[0].id
        );
        assert!(text.starts_with(&section), "{text}");
        assert!(text.contains("trop long pour une ligne"), "{text}");
        let mut out = Vec::new();
        let _ = warn_overlong(&library, Lang::En, &mut out);
        assert!(String::from_utf8_lossy(&out).contains("too long for a line"));
    }
}

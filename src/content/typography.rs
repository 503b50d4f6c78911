//! Typography applied to every text as it loads, so that editors can type
//! ordinary spaces and apostrophes. Each change replaces one character by one
//! character, so positions found in the text still point into the source.

use crate::Lang;

/// The no-break space (U+00A0), which the bundled font can draw.
pub const NBSP: char = '\u{A0}';
/// The narrow no-break space (U+202F), which the bundled font cannot draw.
pub const NARROW_NBSP: char = '\u{202F}';

/// The text as the reader should see it.
///
/// In both languages line breaks and tabs become spaces, the narrow
/// no-break space becomes a no-break space, and the straight apostrophe
/// becomes `’` (one style everywhere). In French, the space before
/// `: ; ? ! »` and after `«` becomes a no-break space, so that a line never
/// starts with `?`.
pub fn apply(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let c = match c {
            '\n' | '\r' | '\t' => ' ',
            NARROW_NBSP => NBSP,
            '\'' => '’',
            ' ' if lang == Lang::Fr
                && (matches!(next, Some(':' | ';' | '?' | '!' | '»')) || prev == Some('«')) =>
            {
                NBSP
            }
            c => c,
        };
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_gets_no_break_spaces_and_curly_apostrophes() {
        let out = apply("« C'est quoi ? » Voici : oui ; non !", Lang::Fr);
        assert_eq!(
            out,
            "«\u{A0}C’est quoi\u{A0}?\u{A0}» Voici\u{A0}: oui\u{A0}; non\u{A0}!"
        );
    }

    #[test]
    fn narrow_no_break_space_becomes_a_no_break_space_in_both_languages() {
        assert_eq!(apply("a\u{202F}b", Lang::En), "a\u{A0}b");
        assert_eq!(apply("a\u{202F}?", Lang::Fr), "a\u{A0}?");
    }

    #[test]
    fn english_keeps_its_spaces_and_takes_the_same_apostrophe() {
        // One apostrophe style everywhere, in both languages.
        assert_eq!(apply("It's here: yes ?", Lang::En), "It’s here: yes ?");
    }

    #[test]
    fn the_text_keeps_its_length_in_characters() {
        let src = "l'a\n« b » : c";
        assert_eq!(apply(src, Lang::Fr).chars().count(), src.chars().count());
    }
}

//! The two languages of the program, and the interface strings shared by the
//! command line and the window.

use std::fmt;
use std::str::FromStr;

mod text;
mod window;

pub use text::Text;

pub use window::{Label, pages, print_long};

/// A language of the content and of the interface. French is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Every language, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The folder name and command-line spelling: `fr`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag written into documents (`/Lang` of a PDF).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr-FR",
            Lang::En => "en-GB",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (expected fr or en)")),
        }
    }
}

/// `text` between the language's quotation marks: «\u{a0}text\u{a0}» in
/// French, “text” in English.
pub fn quoted(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{text}\u{a0}»"),
        Lang::En => format!("“{text}”"),
    }
}

/// « 1 erreur », « 0 erreur », « 3 erreurs »; "1 error", "0 errors".
pub fn errors(n: usize, lang: Lang) -> String {
    counted(n, lang, ("erreur", "erreurs"), ("error", "errors"))
}

/// « 1 avertissement », « 3 avertissements »; "1 warning", "3 warnings".
pub fn warnings(n: usize, lang: Lang) -> String {
    counted(
        n,
        lang,
        ("avertissement", "avertissements"),
        ("warning", "warnings"),
    )
}

/// A count and its noun, singular as [`Lang::singular`] says.
fn counted(n: usize, lang: Lang, fr: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    format!("{n} {}", if lang.singular(n) { one } else { many })
}

impl Lang {
    /// Whether a count of `n` takes the singular: French for 0 and 1,
    /// English for 1 only (« 0 erreur », "0 errors").
    pub fn singular(self, n: usize) -> bool {
        match self {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_plural_each_language_gives_them() {
        assert_eq!(errors(0, Lang::Fr), "0 erreur");
        assert_eq!(errors(1, Lang::Fr), "1 erreur");
        assert_eq!(errors(2, Lang::Fr), "2 erreurs");
        assert_eq!(warnings(3, Lang::Fr), "3 avertissements");
        assert_eq!(errors(0, Lang::En), "0 errors");
        assert_eq!(errors(1, Lang::En), "1 error");
        assert_eq!(warnings(1, Lang::En), "1 warning");
        assert_eq!(warnings(2, Lang::En), "2 warnings");
    }
}

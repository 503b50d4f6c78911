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

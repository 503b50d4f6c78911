//! The two languages of the program, and the interface strings shared by the
//! command line and the window.

use std::fmt;
use std::str::FromStr;

/// A language of the content and of the interface. French is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, clap::ValueEnum)]
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

/// A sentence or label of the interface (window and command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    ContentBuiltIn,
    ContentFolder,
    CheckedLanguage,
    Errors,
    Warnings,
    ReadabilityHeading,
    ColumnTab,
    ColumnSection,
    ColumnScore,
    ColumnWordsPerSentence,
    ColumnSyllablesPerWord,
    ColumnLongest,
    FlagLowScore,
    FlagLongSentence,
    LongestSentence,
    MedianWords,
    ContentOk,
    ContentHasErrors,
    NoContent,
}

impl Text {
    /// The text in the language. Every variant is spelt out for every
    /// language, so a missing translation does not compile.
    pub fn get(self, lang: Lang) -> &'static str {
        use Text::*;
        match (self, lang) {
            (ContentBuiltIn, Lang::Fr) => "Contenu : copie intégrée au programme",
            (ContentBuiltIn, Lang::En) => "Content: the copy built into the program",
            (ContentFolder, Lang::Fr) => "Contenu : dossier",
            (ContentFolder, Lang::En) => "Content: folder",
            (CheckedLanguage, Lang::Fr) => "Langue",
            (CheckedLanguage, Lang::En) => "Language",
            (Errors, Lang::Fr) => "erreur(s)",
            (Errors, Lang::En) => "error(s)",
            (Warnings, Lang::Fr) => "avertissement(s)",
            (Warnings, Lang::En) => "warning(s)",
            (ReadabilityHeading, Lang::Fr) => "Lisibilité par section (cible : score ≥ 60, aucune phrase de plus de 25 mots)",
            (ReadabilityHeading, Lang::En) => "Reading ease per section (target: score ≥ 60, no sentence over 25 words)",
            (ColumnTab, Lang::Fr) => "onglet",
            (ColumnTab, Lang::En) => "tab",
            (ColumnSection, Lang::Fr) => "section",
            (ColumnSection, Lang::En) => "section",
            (ColumnScore, Lang::Fr) => "score",
            (ColumnScore, Lang::En) => "score",
            (ColumnWordsPerSentence, Lang::Fr) => "mots/phrase",
            (ColumnWordsPerSentence, Lang::En) => "words/sent.",
            (ColumnSyllablesPerWord, Lang::Fr) => "syll./mot",
            (ColumnSyllablesPerWord, Lang::En) => "syll./word",
            (ColumnLongest, Lang::Fr) => "phrase max",
            (ColumnLongest, Lang::En) => "longest",
            (FlagLowScore, Lang::Fr) => "score sous 60",
            (FlagLowScore, Lang::En) => "score under 60",
            (FlagLongSentence, Lang::Fr) => "phrase de plus de 25 mots",
            (FlagLongSentence, Lang::En) => "sentence over 25 words",
            (LongestSentence, Lang::Fr) => "phrase la plus longue",
            (LongestSentence, Lang::En) => "longest sentence",
            (MedianWords, Lang::Fr) => "médiane des mots par phrase",
            (MedianWords, Lang::En) => "median words per sentence",
            (ContentOk, Lang::Fr) => "Le contenu peut être publié.",
            (ContentOk, Lang::En) => "The content can ship.",
            (ContentHasErrors, Lang::Fr) => "Le contenu a des erreurs à corriger.",
            (ContentHasErrors, Lang::En) => "The content has errors to fix.",
            (NoContent, Lang::Fr) => "Aucun contenu trouvé dans ce dossier (sous-dossiers fr/ et en/ attendus).",
            (NoContent, Lang::En) => "No content found in this folder (fr/ and en/ subfolders expected).",
        }
    }
}

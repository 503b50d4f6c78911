//! What the settings file said that was ignored or corrected, each with its
//! place (file:line:column) and a sentence in French and English.

use std::path::PathBuf;

use super::scan::FlawKind;
use crate::Lang;
use crate::files::ReadError;

/// Something in the settings file that was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsWarning {
    /// The file, and its line and column when the problem has one.
    pub place: String,
    pub kind: SettingsProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsProblem {
    /// The file cannot be read at all: every setting keeps its default, and
    /// kiosk mode is on.
    Unreadable { reason: ReadError },
    /// Part of the file is not valid RON; it is skipped, the rest applies.
    Syntax { flaw: FlawKind },
    /// A key the program does not know.
    UnknownKey { key: String },
    /// A value of the wrong kind or out of range; `expected` says what fits.
    BadValue { key: String, expected: &'static str },
    /// A key given a second time: the first value applies.
    Duplicate { key: String, first_line: usize },
    /// `staff_exit_code: 1234` without quotes: the digits are used as
    /// written.
    UnquotedCode,
    /// Kiosk mode is on because the file mentions it where it cannot be
    /// read.
    KioskKeptOn,
    /// `export_dir` names a folder that cannot take a handout now.
    ExportDir {
        path: PathBuf,
        problem: FolderProblem,
    },
}

/// What is wrong with the export folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderProblem {
    Missing,
    NotAFolder,
    NotWritable(String),
}

impl SettingsWarning {
    /// The warning as a staff member reads it.
    pub fn render(&self, lang: Lang) -> String {
        let label = match lang {
            Lang::Fr => "réglages",
            Lang::En => "settings",
        };
        format!("{}: {label}: {}", self.place, self.kind.message(lang))
    }
}

impl SettingsProblem {
    pub fn message(&self, lang: Lang) -> String {
        use SettingsProblem::*;
        match (self, lang) {
            (Unreadable { reason }, Lang::Fr) => format!(
                "le fichier de réglages ne peut pas être lu ({}) ; les réglages par défaut s'appliquent, avec le mode borne activé par prudence.",
                reason.message(lang)
            ),
            (Unreadable { reason }, Lang::En) => format!(
                "the settings file cannot be read ({}); the default settings apply, with kiosk mode on to be safe.",
                reason.message(lang)
            ),
            (Syntax { flaw }, Lang::Fr) => format!(
                "{} ; ce passage est ignoré, les autres réglages s'appliquent.",
                flaw_message(flaw, lang)
            ),
            (Syntax { flaw }, Lang::En) => format!(
                "{}; this part is skipped, the other settings apply.",
                flaw_message(flaw, lang)
            ),
            (UnknownKey { key }, Lang::Fr) => {
                format!("le réglage `{key}` n'existe pas (faute de frappe ?).")
            }
            (UnknownKey { key }, Lang::En) => format!("there is no setting `{key}` (a typo?)."),
            (BadValue { key, expected }, Lang::Fr) => format!(
                "la valeur de `{key}` ne convient pas ({expected}) ; la valeur par défaut s'applique."
            ),
            (BadValue { key, expected }, Lang::En) => {
                format!("the value of `{key}` does not fit ({expected}); the default applies.")
            }
            (Duplicate { key, first_line }, Lang::Fr) => format!(
                "`{key}` est déjà donné ligne {first_line} ; la première valeur s'applique (le mode borne, lui, reste activé si l'une des deux le demande)."
            ),
            (Duplicate { key, first_line }, Lang::En) => format!(
                "`{key}` is already given on line {first_line}; the first value applies (kiosk mode stays on if either asks for it)."
            ),
            (UnquotedCode, Lang::Fr) => "`staff_exit_code` est un nombre sans guillemets ; ses chiffres servent tels qu'écrits. Mettez-les entre guillemets : \"1234\".".into(),
            (UnquotedCode, Lang::En) => "`staff_exit_code` is a number without quotes; its digits are used as written. Put them in quotes: \"1234\".".into(),
            (KioskKeptOn, Lang::Fr) => "le mode borne est activé : le fichier en parle à un endroit illisible (voir ci-dessus). Corrigez le fichier pour le désactiver.".into(),
            (KioskKeptOn, Lang::En) => "kiosk mode is on: the file mentions it where it cannot be read (see above). Correct the file to turn it off.".into(),
            (ExportDir { path, problem }, _) => folder_message(path, problem, lang),
        }
    }
}

fn folder_message(path: &std::path::Path, problem: &FolderProblem, lang: Lang) -> String {
    let path = path.display();
    match (problem, lang) {
        (FolderProblem::Missing, Lang::Fr) => format!(
            "le dossier d'export {path} n'existe pas ; il sera créé au premier enregistrement si son dossier parent le permet."
        ),
        (FolderProblem::Missing, Lang::En) => format!(
            "the export folder {path} does not exist; the first save will create it if its parent folder allows."
        ),
        (FolderProblem::NotAFolder, Lang::Fr) => {
            format!("`export_dir` {path} n'est pas un dossier ; rien ne pourra y être enregistré.")
        }
        (FolderProblem::NotAFolder, Lang::En) => {
            format!("`export_dir` {path} is not a folder; nothing can be saved there.")
        }
        (FolderProblem::NotWritable(reason), Lang::Fr) => format!(
            "on ne peut pas écrire dans le dossier d'export {path} ({reason}) ; les enregistrements y échoueront."
        ),
        (FolderProblem::NotWritable(reason), Lang::En) => format!(
            "the export folder {path} cannot be written to ({reason}); saving there will fail."
        ),
    }
}

fn flaw_message(flaw: &FlawKind, lang: Lang) -> String {
    use FlawKind::*;
    let text = match (flaw, lang) {
        (NoOpening, Lang::Fr) => "le fichier doit commencer par « ( »",
        (NoOpening, Lang::En) => "the file must start with `(`",
        (NotClosed, Lang::Fr) => "la parenthèse fermante « ) » manque à la fin",
        (NotClosed, Lang::En) => "the closing `)` is missing at the end",
        (AfterClosing, Lang::Fr) => "du texte suit la parenthèse fermante « ) »",
        (AfterClosing, Lang::En) => "there is text after the closing `)`",
        (StrayComma, Lang::Fr) => "une virgule de trop",
        (StrayComma, Lang::En) => "a comma too many",
        (MissingComma, Lang::Fr) => "une virgule manque avant le réglage suivant",
        (MissingComma, Lang::En) => "a comma is missing before the next setting",
        (NotAKey, Lang::Fr) => "ce n'est pas de la forme `réglage: valeur`",
        (NotAKey, Lang::En) => "this is not `setting: value`",
        (UnclosedText, Lang::Fr) => "un guillemet n'est pas refermé sur sa ligne",
        (UnclosedText, Lang::En) => "a quote is not closed on its line",
        (UnclosedComment, Lang::Fr) => "un commentaire « /* » n'est jamais refermé",
        (UnclosedComment, Lang::En) => "a `/*` comment is never closed",
        (NoValue, Lang::Fr) => "un réglage sans valeur",
        (NoValue, Lang::En) => "a setting with no value",
        (Value(detail), Lang::Fr) => return format!("valeur illisible ({detail})"),
        (Value(detail), Lang::En) => return format!("unreadable value ({detail})"),
    };
    text.to_string()
}

//! Problems found in the content, each pointing at a file, line and column,
//! and worded for a content editor in French or English.

use std::fmt;

use crate::Lang;

/// How bad a problem is: errors keep the content from shipping, warnings do
/// not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem, where it is, and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the editor knows it (`content/fr/basics.ron`).
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    pub kind: Problem,
    /// What the problem keeps from the reader until it is fixed.
    pub hides: Hidden,
}

/// What an error hides: the smallest unit that holds it. Everything else
/// is still shown, in the window, the handouts and `list`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Hidden {
    /// Nothing: a warning, or an error that hides nothing by itself (an id
    /// missing from the other language).
    #[default]
    Nothing,
    /// A tab's file cannot be read: the whole tab.
    TabFile { tab: String },
    /// A problem in a tab's own fields (id, title, `meta`), or every one of
    /// its sections is hidden: the whole tab.
    Tab { tab: String },
    /// A problem inside one section: that section only. `section` is its id,
    /// when it could be read.
    Section {
        tab: String,
        section: Option<String>,
    },
    /// The glossary's file cannot be read: the whole glossary.
    GlossaryFile,
    /// A problem in the glossary's own fields: the whole glossary.
    Glossary,
    /// A problem inside one glossary entry: that entry only.
    Term { id: Option<String> },
    /// The questions' file cannot be read: every suggested question.
    QuestionsFile,
    /// A problem in the questions file's own fields: every question.
    Questions,
    /// A problem inside one question: that question only.
    Question { id: Option<String> },
    /// A problem in a figure: that figure only; its section's text stays.
    Figure {
        tab: String,
        section: String,
        figure: String,
    },
}

/// What went wrong. Each variant carries what the message needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file could not be found.
    MissingFile,
    /// The file exists but could not be read.
    Unreadable { reason: String },
    /// The file is over the size limit.
    TooLarge { bytes: u64, limit: u64 },
    /// The file is not valid UTF-8 text.
    NotUtf8,
    /// A field the program does not know.
    UnknownField {
        found: String,
        expected: Vec<String>,
    },
    /// A required field is absent.
    MissingField { field: String },
    /// The same field twice in one item.
    DuplicateField { field: String },
    /// A kind of block or callout the program does not know.
    UnknownVariant {
        found: String,
        expected: Vec<String>,
    },
    /// The file starts with the wrong name (`Tab(`, `Glossary(`, `Questions(`).
    WrongFileKind { expected: String, found: String },
    /// A string is not closed by `"`.
    UnclosedString,
    /// The file ends in the middle of something.
    UnexpectedEnd,
    /// A comma is missing between two items.
    MissingComma,
    /// A text between double quotes was expected.
    ExpectedText,
    /// Any other syntax problem; `detail` is the RON parser's own words.
    Syntax { detail: String },
    /// The tab's id is not the one its file name asks for.
    WrongTabId { expected: String, found: String },
    /// An id is not made of lowercase letters, digits and hyphens.
    BadId { id: String },
    /// An id (or a glossary term) is used twice; `first` is where it was
    /// first used (`file:line:col`).
    DuplicateId { id: String, first: String },
    /// A title, text or list that must not be empty is empty.
    Empty { field: String },
    /// A date is not written YYYY-MM-DD.
    BadDate { field: String, value: String },
    /// Marks (`[[`, `]]`, `*`) in a text that does not allow them.
    MarksNotAllowed { field: String },
    /// `[[` without its `]]`.
    UnclosedTerm,
    /// `]]` without its `[[`.
    StrayTermEnd,
    /// `[[]]` or `[[text|]]`.
    EmptyTerm,
    /// `*` without its closing `*`.
    UnclosedEmphasis,
    /// `[[word]]` where the word is not in the glossary.
    UnknownTerm { term: String },
    /// A question points at a tab that does not exist.
    UnknownTab { tab: String },
    /// A character the bundled font cannot draw.
    MissingGlyph { ch: char },
    /// Nobody has reviewed the tab yet.
    NotReviewed,
    /// The review is incomplete.
    ReviewIncomplete { field: String },
    /// The next review date has passed.
    ReviewOverdue { due: String },
    /// An id exists in one language but not in the other.
    MissingTranslation { id: String, other: Lang },
    /// A figure's drawing or fields are wrong (src/figure/check.rs).
    Figure(crate::figure::FigureProblem),
}

impl Diagnostic {
    /// Whether a diagnostic is about a tab's review record rather than its text.
    pub fn is_review(&self) -> bool {
        match &self.kind {
            Problem::NotReviewed
            | Problem::ReviewIncomplete { .. }
            | Problem::ReviewOverdue { .. } => true,
            Problem::MissingFile
            | Problem::Unreadable { .. }
            | Problem::TooLarge { .. }
            | Problem::NotUtf8
            | Problem::UnknownField { .. }
            | Problem::MissingField { .. }
            | Problem::DuplicateField { .. }
            | Problem::UnknownVariant { .. }
            | Problem::WrongFileKind { .. }
            | Problem::UnclosedString
            | Problem::UnexpectedEnd
            | Problem::MissingComma
            | Problem::ExpectedText
            | Problem::Syntax { .. }
            | Problem::WrongTabId { .. }
            | Problem::BadId { .. }
            | Problem::DuplicateId { .. }
            | Problem::Empty { .. }
            | Problem::BadDate { .. }
            | Problem::MarksNotAllowed { .. }
            | Problem::UnclosedTerm
            | Problem::StrayTermEnd
            | Problem::EmptyTerm
            | Problem::UnclosedEmphasis
            | Problem::UnknownTerm { .. }
            | Problem::UnknownTab { .. }
            | Problem::MissingGlyph { .. }
            | Problem::MissingTranslation { .. }
            | Problem::Figure(_) => false,
        }
    }

    /// A problem at a place in a file.
    pub fn new(
        severity: Severity,
        file: &str,
        (line, column): (usize, usize),
        kind: Problem,
    ) -> Self {
        Diagnostic {
            severity,
            file: file.to_string(),
            line,
            column,
            kind,
            hides: Hidden::Nothing,
        }
    }

    /// The same problem, saying what it hides.
    pub fn hiding(mut self, hides: Hidden) -> Self {
        self.hides = hides;
        self
    }

    /// What is wrong, then what it hides from the reader: one line.
    pub fn message(&self, lang: Lang) -> String {
        match self.hides.message(lang) {
            Some(hidden) => format!("{} {hidden}", self.kind.message(lang)),
            None => self.kind.message(lang),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` (or just `file` for the whole file).
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }

    /// The full line a content editor reads: place, severity, message, in
    /// the shape compilers use (`file:line:col: error: message`), which
    /// editors' problem matchers and `grep -n` readers already know.
    pub fn render(&self, lang: Lang) -> String {
        let label = match (self.severity, lang) {
            (Severity::Error, Lang::Fr) => "erreur",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Fr) => "avertissement",
            (Severity::Warning, Lang::En) => "warning",
        };
        format!("{}: {}: {}", self.location(), label, self.message(lang))
    }
}

impl Hidden {
    /// What the reader misses and what they still see, as a sentence; none
    /// for a problem that hides nothing.
    pub fn message(&self, lang: Lang) -> Option<String> {
        use Hidden::*;
        let text = match (self, lang) {
            (Nothing, Lang::Fr | Lang::En) => return None,
            (TabFile { tab }, Lang::Fr) => format!(
                "Jusqu'à correction, rien de ce fichier n'est affiché : l'onglet `{tab}` manque ; les autres onglets restent affichés."
            ),
            (TabFile { tab }, Lang::En) => format!(
                "Until this is fixed, nothing from this file is shown: the `{tab}` tab is missing; the other tabs are still shown."
            ),
            (Tab { tab }, Lang::Fr) => {
                format!("L'onglet `{tab}` est masqué jusqu'à correction ; les autres onglets restent affichés.")
            }
            (Tab { tab }, Lang::En) => {
                format!("The `{tab}` tab is hidden until this is fixed; the other tabs are still shown.")
            }
            (Section { tab, section: Some(id) }, Lang::Fr) => format!(
                "La section `{id}` est masquée jusqu'à correction ; le reste de l'onglet `{tab}` reste affiché."
            ),
            (Section { tab, section: Some(id) }, Lang::En) => format!(
                "The section `{id}` is hidden until this is fixed; the rest of the `{tab}` tab is still shown."
            ),
            (Section { tab, section: None }, Lang::Fr) => format!(
                "Cette section est masquée jusqu'à correction ; le reste de l'onglet `{tab}` reste affiché."
            ),
            (Section { tab, section: None }, Lang::En) => format!(
                "This section is hidden until this is fixed; the rest of the `{tab}` tab is still shown."
            ),
            (GlossaryFile, Lang::Fr) => "Jusqu'à correction, rien de ce fichier n'est affiché : le glossaire manque (ses mots apparaissent en texte simple) ; les onglets restent affichés.".into(),
            (GlossaryFile, Lang::En) => "Until this is fixed, nothing from this file is shown: the glossary is missing (its words appear as plain text); the tabs are still shown.".into(),
            (Glossary, Lang::Fr) => "Le glossaire est masqué jusqu'à correction (ses mots apparaissent en texte simple) ; les onglets restent affichés.".into(),
            (Glossary, Lang::En) => "The glossary is hidden until this is fixed (its words appear as plain text); the tabs are still shown.".into(),
            (Term { id: Some(id) }, Lang::Fr) => format!(
                "L'entrée `{id}` du glossaire est masquée jusqu'à correction (son mot apparaît en texte simple) ; les autres entrées restent affichées."
            ),
            (Term { id: Some(id) }, Lang::En) => format!(
                "The glossary entry `{id}` is hidden until this is fixed (its word appears as plain text); the other entries are still shown."
            ),
            (Term { id: None }, Lang::Fr) => "Cette entrée du glossaire est masquée jusqu'à correction ; les autres entrées restent affichées.".into(),
            (Term { id: None }, Lang::En) => "This glossary entry is hidden until this is fixed; the other entries are still shown.".into(),
            (QuestionsFile, Lang::Fr) => "Jusqu'à correction, rien de ce fichier n'est affiché : les questions suggérées manquent ; les onglets restent affichés.".into(),
            (QuestionsFile, Lang::En) => "Until this is fixed, nothing from this file is shown: the suggested questions are missing; the tabs are still shown.".into(),
            (Questions, Lang::Fr) => "Les questions suggérées sont masquées jusqu'à correction ; les onglets restent affichés.".into(),
            (Questions, Lang::En) => "The suggested questions are hidden until this is fixed; the tabs are still shown.".into(),
            (Question { id: Some(id) }, Lang::Fr) => format!(
                "La question `{id}` est masquée jusqu'à correction ; les autres questions restent affichées."
            ),
            (Question { id: Some(id) }, Lang::En) => format!(
                "The question `{id}` is hidden until this is fixed; the other questions are still shown."
            ),
            (Question { id: None }, Lang::Fr) => "Cette question est masquée jusqu'à correction ; les autres questions restent affichées.".into(),
            (Figure { section, figure, .. }, Lang::Fr) => format!(
                "La figure `{figure}` est masquée jusqu'à correction ; le texte de la section `{section}` reste affiché."
            ),
            (Figure { section, figure, .. }, Lang::En) => format!(
                "The figure `{figure}` is hidden until this is fixed; the text of the section `{section}` is still shown."
            ),
            (Question { id: None }, Lang::En) => "This question is hidden until this is fixed; the other questions are still shown.".into(),
        };
        Some(text)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Problem {
    /// A stable name for the kind of problem (`unknown-term`), for tools and
    /// tests.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            MissingFile => "missing-file",
            Unreadable { .. } => "unreadable",
            TooLarge { .. } => "too-large",
            NotUtf8 => "not-utf8",
            UnknownField { .. } => "unknown-field",
            MissingField { .. } => "missing-field",
            DuplicateField { .. } => "duplicate-field",
            UnknownVariant { .. } => "unknown-variant",
            WrongFileKind { .. } => "wrong-file-kind",
            UnclosedString => "unclosed-string",
            UnexpectedEnd => "unexpected-end",
            MissingComma => "missing-comma",
            ExpectedText => "expected-text",
            Syntax { .. } => "syntax",
            WrongTabId { .. } => "wrong-tab-id",
            BadId { .. } => "bad-id",
            DuplicateId { .. } => "duplicate-id",
            Empty { .. } => "empty",
            BadDate { .. } => "bad-date",
            MarksNotAllowed { .. } => "marks-not-allowed",
            UnclosedTerm => "unclosed-term",
            StrayTermEnd => "stray-term-end",
            EmptyTerm => "empty-term",
            UnclosedEmphasis => "unclosed-emphasis",
            UnknownTerm { .. } => "unknown-term",
            UnknownTab { .. } => "unknown-tab",
            MissingGlyph { .. } => "missing-glyph",
            NotReviewed => "not-reviewed",
            ReviewIncomplete { .. } => "review-incomplete",
            ReviewOverdue { .. } => "review-overdue",
            MissingTranslation { .. } => "missing-translation",
            Figure(problem) => problem.code(),
        }
    }

    /// One or two sentences a content editor understands.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        match (self, lang) {
            (MissingFile, Lang::Fr) => "ce fichier est introuvable.".into(),
            (MissingFile, Lang::En) => "this file cannot be found.".into(),
            (Unreadable { reason }, Lang::Fr) => format!("impossible de lire ce fichier ({reason})."),
            (Unreadable { reason }, Lang::En) => format!("this file cannot be read ({reason})."),
            (TooLarge { bytes, limit }, Lang::Fr) => format!(
                "ce fichier fait {bytes} octets, plus que la limite de {limit} octets ; il n'est pas lu."
            ),
            (TooLarge { bytes, limit }, Lang::En) => {
                format!("this file is {bytes} bytes, over the {limit}-byte limit; it is not read.")
            }
            (NotUtf8, Lang::Fr) => "ce fichier n'est pas enregistré en UTF-8 ; enregistrez-le en UTF-8 depuis votre éditeur.".into(),
            (NotUtf8, Lang::En) => "this file is not saved as UTF-8; save it as UTF-8 from your editor.".into(),
            (UnknownField { found, expected }, Lang::Fr) => format!(
                "le champ `{found}` n'existe pas ici (faute de frappe ?). Champs possibles : {}.",
                list(expected)
            ),
            (UnknownField { found, expected }, Lang::En) => format!(
                "there is no field `{found}` here (a typo?). Possible fields: {}.",
                list(expected)
            ),
            (MissingField { field }, Lang::Fr) => format!("il manque le champ `{field}` dans l'élément qui se termine ici."),
            (MissingField { field }, Lang::En) => format!("the item that ends here lacks the field `{field}`."),
            (DuplicateField { field }, Lang::Fr) => format!("le champ `{field}` apparaît deux fois dans cet élément."),
            (DuplicateField { field }, Lang::En) => format!("the field `{field}` appears twice in this item."),
            (UnknownVariant { found, expected }, Lang::Fr) => format!(
                "`{found}` n'est pas un choix possible ici. Choix possibles : {}.",
                list(expected)
            ),
            (UnknownVariant { found, expected }, Lang::En) => format!(
                "`{found}` is not a possible choice here. Possible choices: {}.",
                list(expected)
            ),
            (WrongFileKind { expected, found }, Lang::Fr) => {
                format!("ce fichier doit commencer par `{expected}(`, pas par `{found}(`.")
            }
            (WrongFileKind { expected, found }, Lang::En) => {
                format!("this file must start with `{expected}(`, not `{found}(`.")
            }
            (UnclosedString, Lang::Fr) => "un texte commencé par \" n'est pas fermé par un autre \".".into(),
            (UnclosedString, Lang::En) => "a text opened with \" is not closed by another \".".into(),
            (UnexpectedEnd, Lang::Fr) => {
                "le fichier s'arrête trop tôt : une parenthèse ou un crochet n'est pas fermé.".into()
            }
            (UnexpectedEnd, Lang::En) => "the file ends too early: a bracket or parenthesis is not closed.".into(),
            (MissingComma, Lang::Fr) => "il manque une virgule entre deux éléments, ou une parenthèse n'est pas fermée.".into(),
            (MissingComma, Lang::En) => "a comma is missing between two items, or a parenthesis is not closed.".into(),
            (ExpectedText, Lang::Fr) => "un texte entre guillemets droits \"…\" est attendu ici.".into(),
            (ExpectedText, Lang::En) => "a text between straight double quotes \"…\" is expected here.".into(),
            (Syntax { detail }, Lang::Fr) => format!(
                "le fichier n'a pas la forme attendue ici ({detail}). Vérifiez les guillemets, virgules, parenthèses et crochets."
            ),
            (Syntax { detail }, Lang::En) => format!(
                "the file does not have the expected shape here ({detail}). Check quotes, commas, parentheses and brackets."
            ),
            (WrongTabId { expected, found }, Lang::Fr) => {
                format!("l'identifiant de cet onglet doit être `{expected}` (le nom du fichier), pas `{found}`.")
            }
            (WrongTabId { expected, found }, Lang::En) => {
                format!("this tab's id must be `{expected}` (the file name), not `{found}`.")
            }
            (BadId { id }, Lang::Fr) => format!(
                "l'identifiant `{id}` ne doit contenir que des minuscules sans accent, des chiffres et des tirets."
            ),
            (BadId { id }, Lang::En) => {
                format!("the id `{id}` may only hold lowercase letters without accents, digits and hyphens.")
            }
            (DuplicateId { id, first }, Lang::Fr) => {
                format!("`{id}` est déjà utilisé en {first} ; chaque identifiant, terme ou forme doit être unique.")
            }
            (DuplicateId { id, first }, Lang::En) => {
                format!("`{id}` is already used at {first}; each id, term or form must be unique.")
            }
            (Empty { field }, Lang::Fr) => format!("le champ `{field}` est vide ; il doit contenir du texte."),
            (Empty { field }, Lang::En) => format!("the field `{field}` is empty; it must hold text."),
            (BadDate { field, value }, Lang::Fr) => format!(
                "la date `{value}` du champ `{field}` doit s'écrire AAAA-MM-JJ (par exemple 2026-11-29)."
            ),
            (BadDate { field, value }, Lang::En) => format!(
                "the date `{value}` in `{field}` must be written YYYY-MM-DD (for example 2026-11-29)."
            ),
            (MarksNotAllowed { field }, Lang::Fr) => {
                format!("le champ `{field}` ne peut pas contenir de marques [[…]] ou *…* ; écrivez du texte simple.")
            }
            (MarksNotAllowed { field }, Lang::En) => {
                format!("the field `{field}` cannot hold [[…]] or *…* marks; write plain text.")
            }
            (UnclosedTerm, Lang::Fr) => "ce [[ n'est pas fermé par ]].".into(),
            (UnclosedTerm, Lang::En) => "this [[ is not closed by ]].".into(),
            (StrayTermEnd, Lang::Fr) => "ce ]] n'a pas de [[ avant lui.".into(),
            (StrayTermEnd, Lang::En) => "this ]] has no [[ before it.".into(),
            (EmptyTerm, Lang::Fr) => "cette marque [[…]] est vide : écrivez le terme du glossaire entre les crochets.".into(),
            (EmptyTerm, Lang::En) => "this [[…]] mark is empty: write the glossary term between the brackets.".into(),
            (UnclosedEmphasis, Lang::Fr) => "ce * n'est pas fermé par un autre * (mise en gras).".into(),
            (UnclosedEmphasis, Lang::En) => "this * is not closed by another * (bold).".into(),
            (UnknownTerm { term }, Lang::Fr) => format!(
                "« {term} » n'est pas dans le glossaire ; ajoutez-le au glossaire, ou à ses `forms`, ou corrigez la faute de frappe."
            ),
            (UnknownTerm { term }, Lang::En) => format!(
                "\"{term}\" is not in the glossary; add it to the glossary, or to its `forms`, or fix the typo."
            ),
            (UnknownTab { tab }, Lang::Fr) => format!(
                "l'onglet `{tab}` n'existe pas. Onglets possibles : `basics`, `liver`, `treatments`, `strategies`."
            ),
            (UnknownTab { tab }, Lang::En) => format!(
                "there is no tab `{tab}`. Possible tabs: `basics`, `liver`, `treatments`, `strategies`."
            ),
            (MissingGlyph { ch }, Lang::Fr) => format!(
                "la police du programme ne sait pas dessiner le caractère « {ch} » (U+{:04X}) ; remplacez-le ou écrivez-le en toutes lettres.",
                *ch as u32
            ),
            (MissingGlyph { ch }, Lang::En) => format!(
                "the program's font cannot draw the character \"{ch}\" (U+{:04X}); replace it or write it out in words.",
                *ch as u32
            ),
            (NotReviewed, Lang::Fr) => "cet onglet n'a pas encore été relu par un soignant (champ `review` vide).".into(),
            (NotReviewed, Lang::En) => "no clinician has reviewed this tab yet (the `review` field is empty).".into(),
            (ReviewIncomplete { field }, Lang::Fr) => format!("la relecture est incomplète : le champ `{field}` est vide."),
            (ReviewIncomplete { field }, Lang::En) => format!("the review is incomplete: `{field}` is empty."),
            (ReviewOverdue { due }, Lang::Fr) => format!("la prochaine relecture était prévue le {due} : elle est en retard."),
            (ReviewOverdue { due }, Lang::En) => format!("the next review was due on {due}: it is overdue."),
            (Figure(problem), lang) => problem.message(lang),
            (MissingTranslation { id, other }, Lang::Fr) => {
                format!("`{id}` existe ici mais pas dans la version `{other}` ; les deux langues doivent avoir les mêmes identifiants.")
            }
            (MissingTranslation { id, other }, Lang::En) => {
                format!("`{id}` exists here but not in the `{other}` version; both languages must have the same ids.")
            }
        }
    }
}

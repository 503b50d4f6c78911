//! The window's labels for reading at large sizes and on touch screens: the
//! folded header, the reading path, the kiosk's welcome. Kept apart from
//! [`super::Text`] so each stays a readable size; same rule: every label is
//! spelt out in every language, so a missing translation does not compile.

use super::Lang;

/// A label of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The folded header's button for language, size and contrast.
    Settings,
    /// The folded tab row's button.
    Tabs,
    /// The heading of the language choice.
    Language,
    /// The short title of the folded header.
    ShortTitle,
    /// « ‹ Précédente »: the section before.
    Previous,
    /// « Suivante › »: the section after.
    Next,
    /// The last section's way on: the next tab.
    NextTab,
    /// The first section's way back: the tab before.
    PreviousTab,
    /// « Question » in « Question 3 sur 6 ».
    Question,
    /// « sur » in « Question 3 sur 6 ».
    Of,
    /// The kiosk's welcome.
    Welcome,
    /// Under the welcome: the language buttons.
    WelcomeHint,
    /// The kiosk's page buttons beside the text.
    PageUp,
    PageDown,
    /// « Relu par » … « le » … at the end of every section.
    ReviewedBy,
    On,
    /// Why the keypad's keys are greyed, before « 4 minutes ».
    KeypadPaused,
    /// The contacts box.
    Contacts,
    YourTeam,
    NoClinicPhone,
    CancerInfo,
    /// At the top of a section opened from a search.
    BackToResults,
    /// Beside the search field: shows the on-screen keyboard.
    ShowKeyboard,
    /// The on-screen keyboard's keys that are not letters.
    KeyBackspace,
    KeySpace,
    KeyClear,
    KeyHide,
    /// The hide key once something is found: the keyboard may cover the
    /// results on a short screen at large text sizes.
    KeyShowResults,
    /// A page, pages (handout sizes).
    Page,
    Pages,
    /// The default of `print_pickup_message`: where the kiosk's paper
    /// comes out.
    PickupMessage,
    /// The print panel: the preview of the first pages.
    Preview,
    /// The copies control: its label, and its two buttons' names.
    Copies,
    FewerCopies,
    MoreCopies,
    /// The kiosk's question before a long print: « Oui, imprimer », « Non ».
    PrintYes,
    PrintNo,
    /// On « Mes questions »: opens the print panel on the sheet.
    PrintMyQuestions,
}

impl Label {
    /// The label in the language.
    pub fn get(self, lang: Lang) -> &'static str {
        use Label::*;
        match (self, lang) {
            (Settings, Lang::Fr) => "Réglages",
            (Settings, Lang::En) => "Settings",
            (Tabs, Lang::Fr) => "Onglets",
            (Tabs, Lang::En) => "Tabs",
            (Language, Lang::Fr) => "Langue",
            (Language, Lang::En) => "Language",
            (ShortTitle, Lang::Fr) => "Cancer du foie",
            (ShortTitle, Lang::En) => "Liver cancer",
            (Previous, Lang::Fr) => "\u{2039}\u{a0}Précédente",
            (Previous, Lang::En) => "\u{2039}\u{a0}Previous",
            (Next, Lang::Fr) => "Suivante\u{a0}\u{203a}",
            (Next, Lang::En) => "Next\u{a0}\u{203a}",
            (NextTab, Lang::Fr) => "Onglet suivant\u{a0}\u{203a}",
            (NextTab, Lang::En) => "Next tab\u{a0}\u{203a}",
            (PreviousTab, Lang::Fr) => "\u{2039}\u{a0}Onglet précédent",
            (PreviousTab, Lang::En) => "\u{2039}\u{a0}Previous tab",
            (Question, Lang::Fr) => "Question",
            (Question, Lang::En) => "Question",
            (Of, Lang::Fr) => "sur",
            (Of, Lang::En) => "of",
            (Welcome, Lang::Fr) => "Touchez l’écran pour commencer",
            (Welcome, Lang::En) => "Touch the screen to start",
            (WelcomeHint, Lang::Fr) => "Choisissez votre langue\u{a0}:",
            (WelcomeHint, Lang::En) => "Choose your language:",
            (PageUp, Lang::Fr) => "Remonter",
            (PageUp, Lang::En) => "Page up",
            (PageDown, Lang::Fr) => "Descendre",
            (PageDown, Lang::En) => "Page down",
            (ReviewedBy, Lang::Fr) => "Relu par",
            (ReviewedBy, Lang::En) => "Reviewed by",
            (On, Lang::Fr) => "le",
            (On, Lang::En) => "on",
            (KeypadPaused, Lang::Fr) => "Trop de codes faux. Les touches reprennent dans",
            (KeypadPaused, Lang::En) => "Too many wrong codes. The keys work again in",
            (Contacts, Lang::Fr) => "Contacts",
            (Contacts, Lang::En) => "Contacts",
            (YourTeam, Lang::Fr) => "Votre équipe soignante",
            (YourTeam, Lang::En) => "Your care team",
            (NoClinicPhone, Lang::Fr) => "le numéro que l’on vous a donné",
            (NoClinicPhone, Lang::En) => "the number you were given",
            (CancerInfo, Lang::Fr) => "Cancer Info, la ligne nationale (service et appel gratuits)",
            (CancerInfo, Lang::En) => {
                "Cancer Info, the national line in French (free service and call)"
            }
            (BackToResults, Lang::Fr) => "\u{2039}\u{a0}Retour aux résultats",
            (BackToResults, Lang::En) => "\u{2039}\u{a0}Back to results",
            (ShowKeyboard, Lang::Fr) => "Clavier",
            (ShowKeyboard, Lang::En) => "Keyboard",
            (KeyBackspace, Lang::Fr) => "Corriger",
            (KeyBackspace, Lang::En) => "Delete",
            (KeySpace, Lang::Fr) => "Espace",
            (KeySpace, Lang::En) => "Space",
            (KeyClear, Lang::Fr) => "Tout effacer",
            (KeyClear, Lang::En) => "Clear all",
            (KeyHide, Lang::Fr) => "Masquer",
            (KeyHide, Lang::En) => "Hide",
            (KeyShowResults, Lang::Fr) => "Voir les résultats",
            (KeyShowResults, Lang::En) => "See the results",
            (Page, Lang::Fr) => "page",
            (Page, Lang::En) => "page",
            (Pages, Lang::Fr) => "pages",
            (Pages, Lang::En) => "pages",
            (PickupMessage, Lang::Fr) => "Votre document sort à l’accueil.",
            (PickupMessage, Lang::En) => "Your document comes out at the reception desk.",
            (Preview, Lang::Fr) => "Aperçu",
            (Preview, Lang::En) => "Preview",
            (Copies, Lang::Fr) => "Nombre d’exemplaires",
            (Copies, Lang::En) => "Number of copies",
            (FewerCopies, Lang::Fr) => "\u{2212}",
            (FewerCopies, Lang::En) => "\u{2212}",
            (MoreCopies, Lang::Fr) => "+",
            (MoreCopies, Lang::En) => "+",
            (PrintYes, Lang::Fr) => "Oui, imprimer",
            (PrintYes, Lang::En) => "Yes, print it",
            (PrintNo, Lang::Fr) => "Non",
            (PrintNo, Lang::En) => "No",
            (PrintMyQuestions, Lang::Fr) => "Imprimer mes questions",
            (PrintMyQuestions, Lang::En) => "Print my questions",
        }
    }
}

/// The kiosk's question before printing a long document: « Ce document
/// fait 23 pages. L'imprimer ? ».
pub fn print_long(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Ce document fait {}. L’imprimer\u{a0}?", pages(n, lang)),
        Lang::En => format!("This document is {} long. Print it?", pages(n, lang)),
    }
}

/// « 1 page », « 6 pages »; « 0 page » as French writes it.
pub fn pages(n: usize, lang: Lang) -> String {
    let word = if lang.singular(n) {
        Label::Page
    } else {
        Label::Pages
    };
    format!("{n}\u{a0}{}", word.get(lang))
}

impl Lang {
    /// The language's own name, as its speakers write it: the switch shows
    /// « Français » and « English », never codes.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_is_singular_and_others_plural() {
        assert_eq!(pages(1, Lang::Fr), "1\u{a0}page");
        assert_eq!(pages(6, Lang::Fr), "6\u{a0}pages");
        assert_eq!(pages(0, Lang::En), "0\u{a0}pages");
        assert_eq!(pages(0, Lang::Fr), "0\u{a0}page");
    }

    #[test]
    fn language_names_are_written_in_their_own_language() {
        assert_eq!(Lang::Fr.name(), "Français");
        assert_eq!(Lang::En.name(), "English");
    }
}

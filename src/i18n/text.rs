//! Every sentence and label of the interface shared by the command line
//! and the window, spelt out in both languages: an exhaustive match, so a
//! missing translation does not compile.

use super::Lang;

/// A sentence or label of the interface (window and command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    ContentBuiltIn,
    ContentFolder,
    CheckedLanguage,
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
    // Printed handouts (`handout`) and saving them (`export`).
    HandoutPage,
    HandoutEssential,
    HandoutRemember,
    HandoutImportant,
    HandoutToDo,
    HandoutGlossary,
    HandoutGlossaryIntro,
    HandoutSources,
    HandoutCareTeam,
    HandoutPrintedOn,
    HandoutReviewedOn,
    HandoutReviewedBy,
    HandoutDateOn,
    HandoutWrittenOn,
    HandoutContents,
    HandoutBookletTitle,
    HandoutBookletSubtitle,
    HandoutSubject,
    HandoutQuestionsTitle,
    HandoutQuestionsIntro,
    HandoutOtherQuestions,
    HandoutGivenBy,
    HandoutLargePrint,
    ExportSaved,
    ExportKilobytes,
    ExportContentErrors,
    ExportOverwriteHint,
    // Settings and printing from the command line.
    SettingsFile,
    PrintQueued,
    PrintJob,
    DefaultPrinter,
    // The reading window (`ui`).
    AppTitle,
    TextSize,
    HighContrast,
    PrintPdf,
    Search,
    SearchTitle,
    SearchPlaceholder,
    SearchHint,
    SearchNone,
    SearchClear,
    SearchNoResult,
    SearchNoWord,
    SearchDidYouMean,
    GlossaryTitle,
    QuestionsTitle,
    ProblemsTitle,
    InThisTab,
    Essential,
    Remember,
    Important,
    ToDo,
    Urgent,
    WordsOnThisPage,
    WordsHint,
    Sources,
    WrittenOn,
    ReviewedOn,
    ReviewPending,
    Disclaimer,
    Definition,
    Close,
    GlossaryIntro,
    GlossaryEmpty,
    AllLetters,
    QuestionsIntro,
    OtherQuestions,
    NoQuestions,
    TickedCount,
    ClearTicks,
    ProblemsIntro,
    Reload,
    Reloaded,
    NoProblems,
    Error,
    Warning,
    NothingToRead,
    // Waiting-room mode (`ui::kiosk`).
    StillThere,
    IdleExplain,
    IdleCountdown,
    Second,
    Seconds,
    Continue,
    StaffCode,
    StaffCodeHint,
    WrongCode,
    TooManyTries,
    Erase,
    Confirm,
    Cancel,
    NoStaffCode,
    StaffMode,
    ResumeKiosk,
    QuitProgram,
    ContentMissing,
    SettingsIgnored,
    // The « Imprimer / PDF » panel of the window (`ui::export`).
    ExportPanelTitle,
    ExportWhat,
    ExportThisSection,
    ExportThisTab,
    ExportMyQuestions,
    ExportBooklet,
    ExportBookletDetail,
    ExportNoneTicked,
    ExportLargePrint,
    ExportLargePrintDetail,
    ExportSave,
    ExportSaveNoDialog,
    ExportSaveGoesTo,
    ExportPrint,
    ExportBack,
    ExportMaking,
    ExportChoosing,
    ExportWriting,
    ExportPrinting,
    ExportNoFileChosen,
    ExportOfferFolder,
    ExportSaveInFolder,
    ExportDontSave,
    ExportSavedInFolder,
    ExportPrintFailed,
    ExportNotLost,
    ExportSaveInstead,
    ExportAskDesk,
    ExportSaveFailed,
    ExportPrinter,
    ExportCopy,
    ExportCopies,
    ExportDuplex,
    ExportDialogTitle,
    ExportPdfDocument,
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
            (ReadabilityHeading, Lang::Fr) => {
                "Lisibilité par section (cible : score ≥ 60, aucune phrase de plus de 25 mots)"
            }
            (ReadabilityHeading, Lang::En) => {
                "Reading ease per section (target: score ≥ 60, no sentence over 25 words)"
            }
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
            (NoContent, Lang::Fr) => {
                "Aucun contenu trouvé dans ce dossier (sous-dossiers fr/ et en/ attendus)."
            }
            (NoContent, Lang::En) => {
                "No content found in this folder (fr/ and en/ subfolders expected)."
            }
            (HandoutPage, Lang::Fr) => "Page",
            (HandoutPage, Lang::En) => "Page",
            (HandoutEssential, Lang::Fr) => "L’essentiel",
            (HandoutEssential, Lang::En) => "Key points",
            (HandoutRemember, Lang::Fr) => "À retenir",
            (HandoutRemember, Lang::En) => "Remember",
            (HandoutImportant, Lang::Fr) => "Important",
            (HandoutImportant, Lang::En) => "Important",
            (HandoutToDo, Lang::Fr) => "À faire",
            (HandoutToDo, Lang::En) => "To do",
            (HandoutGlossary, Lang::Fr) => "Les mots à connaître",
            (HandoutGlossary, Lang::En) => "Words to know",
            (HandoutGlossaryIntro, Lang::Fr) => {
                "Les mots en gras et en couleur dans le texte sont expliqués ici."
            }
            (HandoutGlossaryIntro, Lang::En) => {
                "The words in bold colour in the text are explained here."
            }
            (HandoutSources, Lang::Fr) => "Sources",
            (HandoutSources, Lang::En) => "Sources",
            (HandoutCareTeam, Lang::Fr) => {
                "Ce document ne remplace pas l’avis de votre équipe soignante. Parlez-lui de toutes vos questions."
            }
            (HandoutCareTeam, Lang::En) => {
                "This document does not replace the advice of your care team. Talk to them about all your questions."
            }
            (HandoutPrintedOn, Lang::Fr) => "Imprimé le",
            (HandoutPrintedOn, Lang::En) => "Printed on",
            (HandoutReviewedOn, Lang::Fr) => "Relu par un soignant le",
            (HandoutReviewedOn, Lang::En) => "Reviewed by a clinician on",
            (HandoutReviewedBy, Lang::Fr) => "Relu par",
            (HandoutReviewedBy, Lang::En) => "Reviewed by",
            (HandoutDateOn, Lang::Fr) => "le",
            (HandoutDateOn, Lang::En) => "on",
            (HandoutWrittenOn, Lang::Fr) => "Rédigé le",
            (HandoutWrittenOn, Lang::En) => "Written on",
            (HandoutContents, Lang::Fr) => "Sommaire",
            (HandoutContents, Lang::En) => "Contents",
            (HandoutBookletTitle, Lang::Fr) => "Cancer du foie et résistance aux traitements",
            (HandoutBookletTitle, Lang::En) => "Liver cancer and treatment resistance",
            (HandoutBookletSubtitle, Lang::Fr) => {
                "Livret d’information pour les patients et leurs proches"
            }
            (HandoutBookletSubtitle, Lang::En) => {
                "An information booklet for patients and their families"
            }
            (HandoutSubject, Lang::Fr) => "Information des patients",
            (HandoutSubject, Lang::En) => "Patient information",
            (HandoutQuestionsTitle, Lang::Fr) => "Mes questions",
            (HandoutQuestionsTitle, Lang::En) => "My questions",
            (HandoutQuestionsIntro, Lang::Fr) => {
                "Posez ces questions à votre équipe soignante. Notez ses réponses sur les lignes."
            }
            (HandoutQuestionsIntro, Lang::En) => {
                "Ask your care team these questions. Write the answers on the lines."
            }
            (HandoutOtherQuestions, Lang::Fr) => "Mes autres questions",
            (HandoutOtherQuestions, Lang::En) => "My other questions",
            (HandoutGivenBy, Lang::Fr) => "Remis par",
            (HandoutGivenBy, Lang::En) => "Given to you by",
            (HandoutLargePrint, Lang::Fr) => "gros caractères",
            (HandoutLargePrint, Lang::En) => "large print",
            (ExportSaved, Lang::Fr) => "Fichier enregistré\u{a0}:",
            (ExportSaved, Lang::En) => "File saved:",
            (ExportKilobytes, Lang::Fr) => "Ko",
            (ExportKilobytes, Lang::En) => "KB",
            (ExportContentErrors, Lang::Fr) => {
                "Le contenu a des erreurs\u{a0}: corrigez-les avant d’imprimer."
            }
            (ExportContentErrors, Lang::En) => "The content has errors: fix them before printing.",
            (ExportOverwriteHint, Lang::Fr) => "Pour le remplacer\u{a0}: --overwrite.",
            (ExportOverwriteHint, Lang::En) => "To replace it: --overwrite.",
            (SettingsFile, Lang::Fr) => "Réglages\u{a0}:",
            (SettingsFile, Lang::En) => "Settings:",
            (PrintQueued, Lang::Fr) => "Envoyé à l’imprimante",
            (PrintQueued, Lang::En) => "Sent to the printer",
            (PrintJob, Lang::Fr) => "tâche",
            (PrintJob, Lang::En) => "job",
            (DefaultPrinter, Lang::Fr) => "par défaut",
            (DefaultPrinter, Lang::En) => "default",
            (AppTitle, Lang::Fr) => {
                "Cancer du foie\u{a0}: comprendre la résistance aux traitements"
            }
            (AppTitle, Lang::En) => "Liver cancer: understanding treatment resistance",
            (TextSize, Lang::Fr) => "Taille du texte",
            (TextSize, Lang::En) => "Text size",
            (HighContrast, Lang::Fr) => "Contraste élevé",
            (HighContrast, Lang::En) => "High contrast",
            (PrintPdf, Lang::Fr) => "Imprimer / PDF",
            (PrintPdf, Lang::En) => "Print / PDF",
            (Search, Lang::Fr) => "Rechercher",
            (Search, Lang::En) => "Search",
            (SearchTitle, Lang::Fr) => "Rechercher un mot",
            (SearchTitle, Lang::En) => "Search for a word",
            (SearchPlaceholder, Lang::Fr) => "Tapez un mot ici",
            (SearchPlaceholder, Lang::En) => "Type a word here",
            (SearchHint, Lang::Fr) => {
                "Par exemple\u{a0}: cirrhose, immunothérapie, essai. Accents et majuscules ne comptent pas."
            }
            (SearchHint, Lang::En) => {
                "For example: cirrhosis, immunotherapy, trial. Accents and capital letters do not matter."
            }
            (SearchNone, Lang::Fr) => "Aucune page ne parle de",
            (SearchNone, Lang::En) => "No page mentions",
            (SearchClear, Lang::Fr) => "Effacer",
            (SearchClear, Lang::En) => "Clear",
            (SearchNoResult, Lang::Fr) => "Aucun résultat pour",
            (SearchNoResult, Lang::En) => "No result for",
            (SearchNoWord, Lang::Fr) => {
                "Aucun résultat\u{a0}: tapez au moins un mot de deux lettres."
            }
            (SearchNoWord, Lang::En) => "No result: type at least one word of two letters.",
            (SearchDidYouMean, Lang::Fr) => "Vouliez-vous dire",
            (SearchDidYouMean, Lang::En) => "Did you mean",
            (GlossaryTitle, Lang::Fr) => "Glossaire",
            (GlossaryTitle, Lang::En) => "Glossary",
            (QuestionsTitle, Lang::Fr) => "Mes questions",
            (QuestionsTitle, Lang::En) => "My questions",
            (ProblemsTitle, Lang::Fr) => "Problèmes de contenu",
            (ProblemsTitle, Lang::En) => "Content problems",
            (InThisTab, Lang::Fr) => "Dans cet onglet",
            (InThisTab, Lang::En) => "In this tab",
            (Essential, Lang::Fr) => "L’essentiel",
            (Essential, Lang::En) => "Key points",
            (Remember, Lang::Fr) => "À retenir",
            (Remember, Lang::En) => "Remember",
            (Important, Lang::Fr) => "Important",
            (Important, Lang::En) => "Important",
            (ToDo, Lang::Fr) => "À faire",
            (ToDo, Lang::En) => "To do",
            (Urgent, Lang::Fr) => "Urgent",
            (Urgent, Lang::En) => "Urgent",
            (WordsOnThisPage, Lang::Fr) => "Les mots expliqués sur cette page",
            (WordsOnThisPage, Lang::En) => "Words explained on this page",
            (WordsHint, Lang::Fr) => "Touchez un mot surligné pour lire son explication.",
            (WordsHint, Lang::En) => "Tap a highlighted word to read what it means.",
            (Sources, Lang::Fr) => "Sources",
            (Sources, Lang::En) => "Sources",
            (WrittenOn, Lang::Fr) => "Rédigé le",
            (WrittenOn, Lang::En) => "Written on",
            (ReviewedOn, Lang::Fr) => "Relu par un soignant le",
            (ReviewedOn, Lang::En) => "Reviewed by a clinician on",
            (ReviewPending, Lang::Fr) => "Relecture par un soignant à venir",
            (ReviewPending, Lang::En) => "Review by a clinician to come",
            (Disclaimer, Lang::Fr) => {
                "Ces informations ne remplacent pas l’avis de votre équipe soignante. Parlez-lui de toutes vos questions."
            }
            (Disclaimer, Lang::En) => {
                "This information does not replace the advice of your care team. Talk to them about all your questions."
            }
            (Definition, Lang::Fr) => "Définition",
            (Definition, Lang::En) => "Definition",
            (Close, Lang::Fr) => "Fermer",
            (Close, Lang::En) => "Close",
            (GlossaryIntro, Lang::Fr) => {
                "Les mots difficiles, par ordre alphabétique. Touchez une lettre pour ne voir que ses mots."
            }
            (GlossaryIntro, Lang::En) => {
                "The difficult words, in alphabetical order. Tap a letter to see only its words."
            }
            (GlossaryEmpty, Lang::Fr) => "Le glossaire n’a pas pu être chargé.",
            (GlossaryEmpty, Lang::En) => "The glossary could not be loaded.",
            (AllLetters, Lang::Fr) => "Tous",
            (AllLetters, Lang::En) => "All",
            (QuestionsIntro, Lang::Fr) => {
                "Cochez les questions que vous voulez poser à votre équipe soignante. Vos choix ne sont pas enregistrés\u{a0}: ils s’effacent quand vous partez."
            }
            (QuestionsIntro, Lang::En) => {
                "Tick the questions you want to ask your care team. Your choices are not saved: they are cleared when you leave."
            }
            (OtherQuestions, Lang::Fr) => "Autres questions",
            (OtherQuestions, Lang::En) => "Other questions",
            (NoQuestions, Lang::Fr) => "Les questions n’ont pas pu être chargées.",
            (NoQuestions, Lang::En) => "The questions could not be loaded.",
            (TickedCount, Lang::Fr) => "Questions cochées\u{a0}:",
            (TickedCount, Lang::En) => "Ticked questions:",
            (ClearTicks, Lang::Fr) => "Tout décocher",
            (ClearTicks, Lang::En) => "Untick all",
            (ProblemsIntro, Lang::Fr) => {
                "Des fichiers du contenu ont des erreurs. Les onglets qui se sont chargés restent lisibles. Corrigez les fichiers, puis appuyez sur «\u{a0}Recharger\u{a0}»."
            }
            (ProblemsIntro, Lang::En) => {
                "Some content files have errors. The tabs that loaded can still be read. Fix the files, then press \u{201c}Reload\u{201d}."
            }
            (Reload, Lang::Fr) => "Recharger",
            (Reload, Lang::En) => "Reload",
            (Reloaded, Lang::Fr) => "Contenu rechargé.",
            (Reloaded, Lang::En) => "Content reloaded.",
            (NoProblems, Lang::Fr) => "Aucun problème\u{a0}: le contenu est complet.",
            (NoProblems, Lang::En) => "No problems: the content is complete.",
            (Error, Lang::Fr) => "Erreur",
            (Error, Lang::En) => "Error",
            (Warning, Lang::Fr) => "Avertissement",
            (Warning, Lang::En) => "Warning",
            (NothingToRead, Lang::Fr) => {
                "Aucun onglet n’a pu être chargé. Voyez «\u{a0}Problèmes de contenu\u{a0}»."
            }
            (NothingToRead, Lang::En) => {
                "No tab could be loaded. See \u{201c}Content problems\u{201d}."
            }
            (StillThere, Lang::Fr) => "Êtes-vous toujours là\u{a0}?",
            (StillThere, Lang::En) => "Are you still there?",
            (IdleExplain, Lang::Fr) => {
                "Sans réponse, l’écran revient au début et efface ce que vous avez lu et coché."
            }
            (IdleExplain, Lang::En) => {
                "Without an answer, the screen goes back to the start and clears what you read and ticked."
            }
            (IdleCountdown, Lang::Fr) => "Retour au début dans",
            (IdleCountdown, Lang::En) => "Back to the start in",
            (Second, Lang::Fr) => "seconde",
            (Second, Lang::En) => "second",
            (Seconds, Lang::Fr) => "secondes",
            (Seconds, Lang::En) => "seconds",
            (Continue, Lang::Fr) => "Continuer",
            (Continue, Lang::En) => "Continue",
            (StaffCode, Lang::Fr) => "Code du personnel",
            (StaffCode, Lang::En) => "Staff code",
            (StaffCodeHint, Lang::Fr) => "Tapez le code, puis «\u{a0}Valider\u{a0}».",
            (StaffCodeHint, Lang::En) => "Type the code, then \u{201c}Confirm\u{201d}.",
            (WrongCode, Lang::Fr) => "Code incorrect. Réessayez.",
            (WrongCode, Lang::En) => "Wrong code. Try again.",
            (TooManyTries, Lang::Fr) => "Trop d’essais. Attendez une minute.",
            (TooManyTries, Lang::En) => "Too many tries. Wait a minute.",
            (Erase, Lang::Fr) => "Effacer",
            (Erase, Lang::En) => "Erase",
            (Confirm, Lang::Fr) => "Valider",
            (Confirm, Lang::En) => "Confirm",
            (Cancel, Lang::Fr) => "Annuler",
            (Cancel, Lang::En) => "Cancel",
            (NoStaffCode, Lang::Fr) => {
                "Aucun code du personnel n’est réglé\u{a0}: le mode borne ne peut pas être quitté depuis cette fenêtre."
            }
            (NoStaffCode, Lang::En) => {
                "No staff code is set: kiosk mode cannot be left from this window."
            }
            (StaffMode, Lang::Fr) => "Mode personnel\u{a0}: la borne est en pause.",
            (StaffMode, Lang::En) => "Staff mode: the kiosk is paused.",
            (ResumeKiosk, Lang::Fr) => "Reprendre la borne",
            (ResumeKiosk, Lang::En) => "Resume the kiosk",
            (QuitProgram, Lang::Fr) => "Quitter le programme",
            (QuitProgram, Lang::En) => "Quit the program",
            (ContentMissing, Lang::Fr) => {
                "Une partie du contenu n’est pas disponible pour le moment."
            }
            (ContentMissing, Lang::En) => "Part of the content is not available at the moment.",
            (SettingsIgnored, Lang::Fr) => "Réglages ignorés",
            (SettingsIgnored, Lang::En) => "Settings ignored",
            (ExportPanelTitle, Lang::Fr) => "Imprimer ou enregistrer en PDF",
            (ExportPanelTitle, Lang::En) => "Print or save as PDF",
            (ExportWhat, Lang::Fr) => "Que voulez-vous imprimer\u{a0}?",
            (ExportWhat, Lang::En) => "What do you want to print?",
            (ExportThisSection, Lang::Fr) => "Cette section",
            (ExportThisSection, Lang::En) => "This section",
            (ExportThisTab, Lang::Fr) => "Cet onglet",
            (ExportThisTab, Lang::En) => "This tab",
            (ExportMyQuestions, Lang::Fr) => "Mes questions",
            (ExportMyQuestions, Lang::En) => "My questions",
            (ExportBooklet, Lang::Fr) => "Tout le livret",
            (ExportBooklet, Lang::En) => "The whole booklet",
            (ExportBookletDetail, Lang::Fr) => {
                "Couverture, sommaire, tous les onglets et le glossaire"
            }
            (ExportBookletDetail, Lang::En) => "Cover, contents, every tab and the glossary",
            (ExportNoneTicked, Lang::Fr) => {
                "Aucune question cochée\u{a0}: la feuille aura seulement des lignes pour écrire vos questions."
            }
            (ExportNoneTicked, Lang::En) => {
                "No question is ticked: the sheet will only have lines to write your questions."
            }
            (ExportLargePrint, Lang::Fr) => "Gros caractères",
            (ExportLargePrint, Lang::En) => "Large print",
            (ExportLargePrintDetail, Lang::Fr) => {
                "Texte imprimé plus grand (16 points au lieu de 12)"
            }
            (ExportLargePrintDetail, Lang::En) => "Bigger printed text (16 points instead of 12)",
            (ExportSave, Lang::Fr) => "Enregistrer en PDF…",
            (ExportSave, Lang::En) => "Save as PDF…",
            (ExportSaveNoDialog, Lang::Fr) => "Enregistrer en PDF",
            (ExportSaveNoDialog, Lang::En) => "Save as PDF",
            (ExportSaveGoesTo, Lang::Fr) => "Le fichier PDF sera enregistré dans ce dossier\u{a0}:",
            (ExportSaveGoesTo, Lang::En) => "The PDF file will be saved in this folder:",
            (ExportPrint, Lang::Fr) => "Imprimer",
            (ExportPrint, Lang::En) => "Print",
            (ExportBack, Lang::Fr) => "Retour à la lecture",
            (ExportBack, Lang::En) => "Back to reading",
            (ExportMaking, Lang::Fr) => "Préparation du document…",
            (ExportMaking, Lang::En) => "Preparing the document…",
            (ExportChoosing, Lang::Fr) => {
                "Choisissez où enregistrer le fichier dans la fenêtre d’enregistrement."
            }
            (ExportChoosing, Lang::En) => "Choose where to save the file in the save window.",
            (ExportWriting, Lang::Fr) => "Enregistrement du fichier…",
            (ExportWriting, Lang::En) => "Saving the file…",
            (ExportPrinting, Lang::Fr) => "Impression en cours…",
            (ExportPrinting, Lang::En) => "Printing…",
            (ExportNoFileChosen, Lang::Fr) => "Aucun fichier n’a été choisi.",
            (ExportNoFileChosen, Lang::En) => "No file was chosen.",
            (ExportOfferFolder, Lang::Fr) => {
                "Si la fenêtre d’enregistrement ne s’est pas ouverte, le PDF peut être enregistré dans ce dossier\u{a0}:"
            }
            (ExportOfferFolder, Lang::En) => {
                "If the save window did not open, the PDF can be saved in this folder:"
            }
            (ExportSaveInFolder, Lang::Fr) => "Enregistrer dans ce dossier",
            (ExportSaveInFolder, Lang::En) => "Save in this folder",
            (ExportDontSave, Lang::Fr) => "Ne pas enregistrer",
            (ExportDontSave, Lang::En) => "Don’t save",
            (ExportSavedInFolder, Lang::Fr) => {
                "Le PDF est enregistré dans le dossier d’export, sous ce nom\u{a0}:"
            }
            (ExportSavedInFolder, Lang::En) => {
                "The PDF is saved in the export folder, under this name:"
            }
            (ExportPrintFailed, Lang::Fr) => "Le document n’a pas pu être imprimé\u{a0}:",
            (ExportPrintFailed, Lang::En) => "The document could not be printed:",
            (ExportNotLost, Lang::Fr) => {
                "Le document n’est pas perdu\u{a0}: vous pouvez l’enregistrer en PDF."
            }
            (ExportNotLost, Lang::En) => "The document is not lost: you can save it as a PDF.",
            (ExportSaveInstead, Lang::Fr) => "Enregistrer en PDF à la place",
            (ExportSaveInstead, Lang::En) => "Save as PDF instead",
            (ExportAskDesk, Lang::Fr) => "Demandez de l’aide à l’accueil.",
            (ExportAskDesk, Lang::En) => "Ask the front desk for help.",
            (ExportSaveFailed, Lang::Fr) => "Le PDF n’a pas été enregistré.",
            (ExportSaveFailed, Lang::En) => "The PDF was not saved.",
            (ExportPrinter, Lang::Fr) => "Imprimante\u{a0}:",
            (ExportPrinter, Lang::En) => "Printer:",
            (ExportCopy, Lang::Fr) => "exemplaire",
            (ExportCopy, Lang::En) => "copy",
            (ExportCopies, Lang::Fr) => "exemplaires",
            (ExportCopies, Lang::En) => "copies",
            (ExportDuplex, Lang::Fr) => "recto verso",
            (ExportDuplex, Lang::En) => "double-sided",
            (ExportDialogTitle, Lang::Fr) => "Enregistrer le document en PDF",
            (ExportDialogTitle, Lang::En) => "Save the document as PDF",
            (ExportPdfDocument, Lang::Fr) => "Document PDF",
            (ExportPdfDocument, Lang::En) => "PDF document",
        }
    }
}

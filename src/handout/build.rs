//! From a selection of the library to the flow of a [`Handout`]: which
//! headings, boxes, glossary entries and sources it holds, in reading order.

use super::wording::{Phrase, label};
use super::{
    Cover, Furniture, Handout, HandoutError, Item, Kind, Level, Options, Selection, callout_label,
    format_date,
};
use crate::Lang;
use crate::content::{Block, Inline, Library, RichText, Section, Tab};
use crate::i18n::Text;

/// Blank lines under each question of the sheet, for the answer.
pub const ANSWER_LINES: usize = 2;
/// The author when no clinic is named.
pub const PROGRAM: &str = "patient-info";

/// The handout for a selection, or why there is none (an unknown id).
pub fn build(
    library: &Library,
    selection: &Selection,
    options: &Options,
) -> Result<Handout, HandoutError> {
    let lang = library.lang;
    let given = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
    };
    let clinic = given(&options.clinic);
    let phone = given(&options.clinic_phone);
    let printed = format!(
        "{} {}",
        Text::HandoutPrintedOn.get(lang),
        format_date(options.printed_on())
    );
    let mut handout = Handout {
        lang,
        kind: Kind::Section,
        title: String::new(),
        subject: format!(
            "{} – {}",
            Text::HandoutSubject.get(lang),
            Text::HandoutBookletTitle.get(lang)
        ),
        author: clinic.clone().unwrap_or_else(|| PROGRAM.to_string()),
        large_print: options.large_print,
        printed_at: options.printed_at,
        furniture: Furniture {
            page: Text::HandoutPage.get(lang).to_string(),
            printed: printed.clone(),
            clinic: clinic.clone(),
        },
        cover: None,
        contents: None,
        flow: Vec::new(),
    };
    let flow = &mut handout.flow;
    match selection {
        Selection::Section(id) => {
            let (tab, section) = library
                .section(id)
                .ok_or_else(|| HandoutError::UnknownSection(id.clone()))?;
            handout.kind = Kind::Section;
            handout.title = section.title.clone();
            flow.push(part(tab, lang, false));
            flow.push(Item::Heading {
                level: Level::Title,
                text: section.title.clone(),
                kicker: Some(tab.title.clone()),
                outline: Some(0),
                contents: false,
            });
            section_body(section, lang, flow);
            glossary(library, &section.terms(), Level::Section, false, flow);
            section_sources(tab, lang, flow);
        }
        Selection::Tab(id) => {
            let tab = library
                .tab(id)
                .ok_or_else(|| HandoutError::UnknownTab(id.clone()))?;
            handout.kind = Kind::Tab;
            handout.title = tab.title.clone();
            flow.push(part(tab, lang, false));
            flow.push(heading(Level::Title, &tab.title, Some(0), false));
            tab_body(tab, lang, false, flow);
            glossary(library, &terms_of(&[tab]), Level::Section, true, flow);
            sources(&[tab], Level::Minor, lang, flow);
        }
        Selection::Questions(ids) => {
            if let Some(unknown) = ids.iter().find(|id| library.question(id).is_none()) {
                return Err(HandoutError::UnknownQuestion(unknown.clone()));
            }
            handout.kind = Kind::Questions;
            handout.title = Text::HandoutQuestionsTitle.get(lang).to_string();
            flow.push(Item::Part {
                new_page: false,
                note: None,
            });
            flow.push(heading(
                Level::Title,
                Text::HandoutQuestionsTitle.get(lang),
                Some(0),
                false,
            ));
            let field = |phrase: Phrase| label(phrase.get(lang), lang);
            flow.push(Item::Fields(vec![field(Phrase::Name)]));
            flow.push(Item::Fields(vec![
                field(Phrase::Date),
                field(Phrase::NextAppointment),
            ]));
            flow.push(Item::Lead(
                Text::HandoutQuestionsIntro.get(lang).to_string(),
            ));
            let ticked = library.questions.iter().filter(|q| ids.contains(&q.id));
            for (i, question) in ticked.enumerate() {
                flow.push(Item::Question {
                    number: i + 1,
                    text: question.text.clone(),
                    answer_lines: ANSWER_LINES,
                });
            }
            flow.push(Item::WritingLines {
                heading: Text::HandoutOtherQuestions.get(lang).to_string(),
            });
        }
        Selection::All => {
            if library.tabs.is_empty() {
                return Err(HandoutError::NoContent);
            }
            handout.kind = Kind::Booklet;
            handout.title = Text::HandoutBookletTitle.get(lang).to_string();
            handout.subject = format!(
                "{} – {}",
                Text::HandoutSubject.get(lang),
                Text::HandoutBookletSubtitle.get(lang)
            );
            handout.cover = Some(Cover {
                kicker: Text::HandoutSubject.get(lang).to_string(),
                title: handout.title.clone(),
                subtitle: Text::HandoutBookletSubtitle.get(lang).to_string(),
                printed,
                clinic: clinic.clone(),
                phone: phone
                    .as_ref()
                    .map(|p| format!("{} {p}", label(Phrase::Phone.get(lang), lang))),
                review: review_status(&library.tabs, lang),
                cancer_info: Phrase::CancerInfo.get(lang).to_string(),
                given_by: label(Text::HandoutGivenBy.get(lang), lang),
            });
            handout.contents = Some(Text::HandoutContents.get(lang).to_string());
            for tab in &library.tabs {
                flow.push(part(tab, lang, true));
                flow.push(heading(Level::Title, &tab.title, Some(0), true));
                tab_body(tab, lang, true, flow);
            }
            let tabs: Vec<&Tab> = library.tabs.iter().collect();
            flow.push(Item::Part {
                new_page: true,
                note: None,
            });
            glossary(library, &terms_of(&tabs), Level::Title, true, flow);
            sources(&tabs, Level::Section, lang, flow);
        }
    }
    let closing = Item::CareTeam(care_team(clinic.as_deref(), phone.as_deref(), lang));
    match handout.flow.last() {
        // On the questions sheet the reminder follows the questions, and
        // the lines to write on fill what is left of the page after it.
        Some(Item::WritingLines { .. }) => {
            let at = handout.flow.len() - 1;
            handout.flow.insert(at, closing);
        }
        _ => handout.flow.push(closing),
    }
    Ok(handout)
}

/// The closing reminder, then whom to call when the phone is known: the
/// last page of every handout carries it.
fn care_team(clinic: Option<&str>, phone: Option<&str>, lang: Lang) -> RichText {
    let mut text = vec![Inline::Text(Text::HandoutCareTeam.get(lang).to_string())];
    if let Some(phone) = phone {
        let whom = match clinic {
            Some(clinic) => format!(" {clinic}"),
            None => String::new(),
        };
        text.push(Inline::Text(format!(
            " {}{whom} {} ",
            Phrase::CallUs.get(lang),
            Phrase::CallOn.get(lang)
        )));
        // The number on one line, in bold.
        text.push(Inline::Emphasis(phone.replace(' ', "\u{a0}")));
        text.push(Inline::Text(".".to_string()));
    }
    RichText(text)
}

/// Whether the content was reviewed: the date when every tab was (the
/// oldest review), else « partly » or « not yet ».
fn review_status(tabs: &[Tab], lang: Lang) -> String {
    let dates: Vec<_> = tabs
        .iter()
        .filter_map(|t| t.meta.review.reviewed_on)
        .collect();
    match dates.iter().min() {
        Some(oldest) if dates.len() == tabs.len() => format!(
            "{} {}",
            Text::HandoutReviewedOn.get(lang),
            format_date(*oldest)
        ),
        Some(_) => Phrase::PartlyReviewed.get(lang).to_string(),
        None => Phrase::NotReviewed.get(lang).to_string(),
    }
}

fn heading(level: Level, text: &str, outline: Option<usize>, contents: bool) -> Item {
    Item::Heading {
        level,
        text: text.to_string(),
        kicker: None,
        outline,
        contents,
    }
}

/// A tab starts a part whose footer names the tab and its review record:
/// « Relu par … le … », or « Relecture par un soignant à venir » (with the
/// writing date) while no clinician has signed it, so that a reader always
/// sees whether a clinician checked the page in their hands.
fn part(tab: &Tab, lang: Lang, new_page: bool) -> Item {
    let review = &tab.meta.review;
    let note = match (&review.reviewed_by, review.reviewed_on) {
        (Some(who), Some(date)) => format!(
            "{} {who} {} {}",
            Text::HandoutReviewedBy.get(lang),
            Text::HandoutDateOn.get(lang),
            format_date(date)
        ),
        (None, Some(date)) => format!(
            "{} {}",
            Text::HandoutReviewedOn.get(lang),
            format_date(date)
        ),
        (_, None) => format!(
            "{} · {} {}",
            Text::ReviewPending.get(lang),
            Text::HandoutWrittenOn.get(lang),
            format_date(tab.meta.written_on)
        ),
    };
    Item::Part {
        new_page,
        note: Some(format!("{} · {note}", tab.title)),
    }
}

/// Every section of a tab, each under its own heading.
fn tab_body(tab: &Tab, lang: Lang, in_contents: bool, flow: &mut Vec<Item>) {
    for section in &tab.sections {
        flow.push(heading(
            Level::Section,
            &section.title,
            Some(1),
            in_contents,
        ));
        section_body(section, lang, flow);
    }
}

/// « L'essentiel », then the blocks.
fn section_body(section: &Section, lang: Lang, flow: &mut Vec<Item>) {
    if !section.summary.0.is_empty() {
        flow.push(Item::Essential {
            label: label(Text::HandoutEssential.get(lang), lang),
            text: section.summary.clone(),
        });
    }
    for block in &section.blocks {
        flow.push(match block {
            Block::Paragraph(text) => Item::Paragraph(text.clone()),
            Block::List(items) => Item::List(items.clone()),
            Block::Callout { kind, text } => Item::Callout {
                kind: *kind,
                label: label(callout_label(*kind, lang), lang),
                text: text.clone(),
            },
            Block::Figure(figure) => Item::Figure {
                figure: figure.clone(),
                line: format!("{} {}", label(crate::figure::word(lang), lang), figure.alt),
            },
        });
    }
}

/// The glossary entries marked in these tabs, first use first, each once.
fn terms_of(tabs: &[&Tab]) -> Vec<usize> {
    let mut seen = Vec::new();
    for term in tabs
        .iter()
        .flat_map(|t| &t.sections)
        .flat_map(Section::terms)
    {
        if !seen.contains(&term) {
            seen.push(term);
        }
    }
    seen
}

/// The definitions of the terms used, in alphabetical order, under a
/// heading (and a line saying how the text marks them, when `intro`);
/// nothing when no term is used.
fn glossary(library: &Library, used: &[usize], level: Level, intro: bool, flow: &mut Vec<Item>) {
    if used.is_empty() {
        return;
    }
    let lang = library.lang;
    let outline = Some(0);
    flow.push(heading(
        level,
        Text::HandoutGlossary.get(lang),
        outline,
        level == Level::Title,
    ));
    if intro {
        flow.push(Item::Lead(Text::HandoutGlossaryIntro.get(lang).to_string()));
    }
    for i in library
        .glossary
        .sorted()
        .into_iter()
        .filter(|i| used.contains(i))
    {
        if let Some(term) = library.glossary.terms.get(i) {
            flow.push(Item::Definition {
                term: label(&capitalised(&term.term), lang),
                definition: term.definition.clone(),
            });
        }
    }
}

/// A section's sources, in one line of small print. The content gives
/// sources per tab, and every section is written from the tab's first
/// one (the article); the others, which checked the facts of the whole
/// tab, are listed in the tab's and the booklet's handouts.
fn section_sources(tab: &Tab, lang: Lang, flow: &mut Vec<Item>) {
    let Some(first) = tab.meta.sources.first() else {
        return;
    };
    let mut line = format!("{} {first}.", label(Phrase::Source.get(lang), lang));
    if tab.meta.sources.len() > 1 {
        line.push(' ');
        line.push_str(Phrase::OtherSources.get(lang));
    }
    flow.push(Item::Source(line));
}

/// The tabs' sources, under one heading per tab when there are several.
fn sources(tabs: &[&Tab], level: Level, lang: Lang, flow: &mut Vec<Item>) {
    if tabs.iter().all(|t| t.meta.sources.is_empty()) {
        return;
    }
    let several = tabs.len() > 1;
    flow.push(heading(
        level,
        Text::HandoutSources.get(lang),
        Some(0),
        several,
    ));
    for tab in tabs.iter().filter(|t| !t.meta.sources.is_empty()) {
        if several {
            flow.push(heading(Level::Minor, &tab.title, None, false));
        }
        flow.extend(tab.meta.sources.iter().map(|s| Item::Source(s.clone())));
    }
}

/// The word with its first letter in upper case, as a dictionary prints it.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::content::{ContentSource, load};

    fn library(lang: Lang) -> Library {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        load(&ContentSource::Embedded, lang, today).library
    }

    fn options(clinic: Option<&str>) -> Options {
        Options {
            clinic: clinic.map(str::to_string),
            ..Options::now()
        }
    }

    fn built(lang: Lang, selection: Selection) -> Handout {
        match build(&library(lang), &selection, &options(None)) {
            Ok(h) => h,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn unknown_ids_are_refused_by_name() {
        let library = library(Lang::Fr);
        let o = options(None);
        let err = |s: Selection| build(&library, &s, &o).err();
        assert_eq!(
            err(Selection::Section("nope".into())),
            Some(HandoutError::UnknownSection("nope".into()))
        );
        assert_eq!(
            err(Selection::Tab("nope".into())),
            Some(HandoutError::UnknownTab("nope".into()))
        );
        assert_eq!(
            err(Selection::Questions(vec![
                "why-stopped".into(),
                "nope".into()
            ])),
            Some(HandoutError::UnknownQuestion("nope".into()))
        );
        assert_eq!(err(Selection::All), None);
        assert_eq!(
            build(&Library::default(), &Selection::All, &o).err(),
            Some(HandoutError::NoContent)
        );
    }

    #[test]
    fn an_errors_display_is_its_english_message_and_no_section_open_has_its_own() {
        let errors = [
            HandoutError::UnknownSection("x".into()),
            HandoutError::UnknownTab("x".into()),
            HandoutError::UnknownQuestion("x".into()),
            HandoutError::NoContent,
            HandoutError::NoSectionOpen,
            HandoutError::NoTabOpen,
            HandoutError::Pdf("disk".into()),
        ];
        for error in &errors {
            assert_eq!(error.to_string(), error.message(Lang::En));
            assert_ne!(error.message(Lang::Fr), error.message(Lang::En));
        }
        assert_ne!(
            HandoutError::NoSectionOpen.message(Lang::Fr),
            HandoutError::NoContent.message(Lang::Fr)
        );
    }

    #[test]
    fn questions_come_in_the_librarys_order_each_once() {
        let ids = ["second-opinion", "why-stopped", "why-stopped"]
            .map(String::from)
            .to_vec();
        let handout = built(Lang::Fr, Selection::Questions(ids));
        let numbered: Vec<(usize, &str)> = handout
            .flow
            .iter()
            .filter_map(|i| match i {
                Item::Question { number, text, .. } => Some((*number, text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            numbered,
            [
                (1, "Pourquoi mon traitement ne fait-il plus effet\u{a0}?"),
                (2, "Puis-je demander un deuxième avis\u{a0}?")
            ]
        );
        assert!(handout.flow.iter().any(
            |i| matches!(i, Item::WritingLines { heading } if heading == "Mes autres questions")
        ));
        let fields: Vec<String> = handout
            .flow
            .iter()
            .filter_map(|i| match i {
                Item::Fields(labels) => Some(labels.join(" ")),
                _ => None,
            })
            .collect();
        assert_eq!(
            fields,
            ["Nom\u{a0}:", "Date\u{a0}: Prochain rendez-vous\u{a0}:"]
        );
    }

    #[test]
    fn the_glossary_holds_exactly_the_terms_used_in_alphabetical_order() {
        let library = library(Lang::Fr);
        let handout = built(Lang::Fr, Selection::Section("what-is-it".into()));
        let terms: Vec<&str> = handout
            .flow
            .iter()
            .filter_map(|i| match i {
                Item::Definition { term, .. } => Some(term.as_str()),
                _ => None,
            })
            .collect();
        let (_, section) = library
            .section("what-is-it")
            .unwrap_or_else(|| panic!("no section"));
        assert_eq!(terms.len(), section.terms().len());
        let mut sorted = terms.clone();
        sorted.sort_by_key(|t| crate::content::collation_key(t.trim_end_matches(':').trim_end()));
        assert_eq!(terms, sorted);
        assert!(terms.contains(&"Résistance\u{a0}:"), "{terms:?}");
    }

    #[test]
    fn a_booklet_has_a_cover_contents_and_a_footer_note_per_tab() {
        let handout = built(Lang::En, Selection::All);
        assert_eq!(handout.kind, Kind::Booklet);
        assert!(handout.cover.is_some() && handout.contents.is_some());
        let notes: Vec<&str> = handout
            .flow
            .iter()
            .filter_map(|i| match i {
                Item::Part {
                    note: Some(note),
                    new_page: true,
                } => Some(note.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(notes.len(), 4);
        assert!(
            notes[0].starts_with(
                "Understanding resistance · Review by a clinician to come · Written on "
            ),
            "{}",
            notes[0]
        );
        assert!(
            matches!(handout.flow.last(), Some(Item::CareTeam(t)) if t.plain().contains("care team"))
        );
    }

    #[test]
    fn the_clinic_signs_the_document_when_named() {
        let library = library(Lang::Fr);
        let named = build(
            &library,
            &Selection::All,
            &options(Some("  Centre Léon Bérard ")),
        )
        .ok();
        assert_eq!(
            named.as_ref().map(|h| h.author.as_str()),
            Some("Centre Léon Bérard")
        );
        assert_eq!(
            named.and_then(|h| h.furniture.clinic),
            Some("Centre Léon Bérard".to_string())
        );
        let blank = build(&library, &Selection::All, &options(Some("  "))).ok();
        assert_eq!(blank.as_ref().map(|h| h.author.as_str()), Some(PROGRAM));
        assert_eq!(blank.and_then(|h| h.furniture.clinic), None);
    }

    #[test]
    fn a_dictionary_entry_starts_with_a_capital() {
        assert_eq!(capitalised("échographie"), "Échographie");
        assert_eq!(capitalised("CHC"), "CHC");
        assert_eq!(capitalised(""), "");
    }
}

//! `patient-info search`: the window's search on the command line, one
//! result a line, for scripts and for checking what a patient's word finds.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::Setup;
use crate::content::{self, ContentSource};
use crate::i18n::{Text, quoted};
use crate::search::{Index, MIN_WORD, Target, words};

/// What to look for.
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// The words to look for (several words: all must appear). Accents,
    /// capitals and one typo (two in long words) do not matter.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Most results printed.
    #[arg(long, value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub limit: u32,
}

/// Searches the content of `setup` and prints the results; returns 0 with
/// results, 1 with none.
pub fn run(setup: &Setup, args: &SearchArgs) -> ExitCode {
    let stdout = io::stdout();
    let stderr = io::stderr();
    let found = search(
        &setup.source,
        setup.lang,
        args,
        &mut stdout.lock(),
        &mut stderr.lock(),
    );
    // A closed pipe (`patient-info search foie | head -1`) still found.
    if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Prints each result as `ID<TAB>TITLE<TAB>SENTENCE` to `out`, the ID being
/// `TAB/SECTION` or `glossary/TERM-ID`; when there is none, says so on
/// `err`, with a suggestion if the content has a word close to the query.
/// Content problems go to `err` too. Returns whether anything was found.
pub fn search(
    source: &ContentSource,
    lang: crate::Lang,
    args: &SearchArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> bool {
    let query = args.query.join(" ");
    let report = content::load(source, lang, crate::setup::today());
    for d in report.errors() {
        let _ = writeln!(err, "{}", d.render(lang));
    }
    let library = &report.library;
    let index = Index::new(library);
    let limit = usize::try_from(args.limit).unwrap_or(usize::MAX);
    let found = index.find(&query, limit);
    if found.hits.is_empty() {
        let _ = nothing(lang, &query, found.suggestion.as_deref(), err);
        return false;
    }
    for hit in &found.hits {
        let id = match &hit.target {
            Target::Section { tab, section } => format!("{tab}/{section}"),
            Target::Term(i) => {
                let term = library.glossary.terms.get(*i).map_or("", |t| t.id.as_str());
                format!("glossary/{term}")
            }
        };
        let line = format!(
            "{}\t{}\t{}",
            printable(&id),
            printable(&hit.title),
            printable(&hit.excerpt)
        );
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    true
}

/// « Aucun résultat pour « … ». » and the suggestion, if any.
fn nothing(
    lang: crate::Lang,
    query: &str,
    suggestion: Option<&str>,
    err: &mut impl Write,
) -> io::Result<()> {
    let has_word = words(query)
        .iter()
        .any(|w| w.key.chars().count() >= MIN_WORD);
    if has_word {
        // The query as typed, trimmed and shortened for the message.
        let shown: String = query.trim().chars().take(60).collect();
        writeln!(
            err,
            "{} {}.",
            Text::SearchNoResult.get(lang),
            quoted(lang, &printable(&shown))
        )?;
    } else {
        writeln!(err, "{}", Text::SearchNoWord.get(lang))?;
    }
    if let Some(s) = suggestion {
        let question = match lang {
            crate::Lang::Fr => "\u{a0}?",
            crate::Lang::En => "?",
        };
        writeln!(
            err,
            "{} {}{question}",
            Text::SearchDidYouMean.get(lang),
            quoted(lang, &printable(s))
        )?;
    }
    Ok(())
}

/// The text with control characters (tabs and line ends included) and
/// bidirectional overrides written as escapes (`\t`, `\u{1b}`), so that
/// neither content nor query can break a line or drive the terminal.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn run(query: &str, lang: Lang, limit: u32) -> (bool, String, String) {
        let args = SearchArgs {
            query: vec![query.to_string()],
            limit,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let found = search(&ContentSource::Embedded, lang, &args, &mut out, &mut err);
        (
            found,
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(printable("a\tb\nc\u{1b}[31m"), "a\\tb\\nc\\u{1b}[31m");
        assert_eq!(printable("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(printable("«\u{a0}foie\u{a0}»"), "«\u{a0}foie\u{a0}»");
    }

    #[test]
    fn each_result_is_one_line_of_three_fields() {
        let (found, out, err) = run("cirrhose", Lang::Fr, 3);
        assert!(found, "{err}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        for line in lines {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            assert!(fields[0].contains('/'));
        }
    }

    #[test]
    fn nothing_found_is_said_in_the_language_with_a_suggestion() {
        let (found, out, err) = run("foei", Lang::Fr, 5);
        assert!(!found);
        assert!(out.is_empty());
        assert_eq!(
            err,
            "Aucun résultat pour «\u{a0}foei\u{a0}».\nVouliez-vous dire «\u{a0}foie\u{a0}»\u{a0}?\n"
        );
        let (_, _, err) = run("livr", Lang::En, 5);
        assert_eq!(err, "No result for “livr”.\nDid you mean “liver”?\n");
        let (_, _, err) = run("?!", Lang::En, 5);
        assert_eq!(err, "No result: type at least one word of two letters.\n");
    }
}

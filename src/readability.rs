//! Reading ease of the content: Kandel–Moles for French, Flesch for English,
//! with the words-per-sentence and syllables-per-word they are built on.
//!
//! Each title, summary, paragraph, list item and callout is read as its own
//! unit and split into sentences at `.`, `!`, `?` and `…`; a list item
//! without a full stop still counts as a sentence. Words are the
//! whitespace-separated tokens that hold a letter or a digit; an elided
//! article stays with its word (`l’échec` is one word of two syllables).

use crate::{Lang, Section};

/// A section scoring under this is flagged.
pub const MIN_SCORE: f64 = 60.0;
/// A sentence longer than this (in words) is flagged.
pub const MAX_SENTENCE_WORDS: usize = 25;

/// Counts behind the scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    /// The length in words of each sentence, in reading order.
    pub sentence_lengths: Vec<usize>,
    /// The longest sentence, as written.
    pub longest: String,
}

impl Stats {
    /// Counts the sentences, words and syllables of these units of text.
    pub fn of<'a>(units: impl IntoIterator<Item = &'a str>, lang: Lang) -> Stats {
        let mut stats = Stats::default();
        for unit in units {
            for sentence in sentences(unit) {
                let words: Vec<&str> = words(sentence).collect();
                if words.is_empty() {
                    continue;
                }
                stats.sentences += 1;
                stats.words += words.len();
                stats.syllables += words.iter().map(|w| syllables(w, lang)).sum::<usize>();
                if words.len() > stats.sentence_lengths.iter().copied().max().unwrap_or(0) {
                    stats.longest = sentence.trim().to_string();
                }
                stats.sentence_lengths.push(words.len());
            }
        }
        stats
    }

    pub fn words_per_sentence(&self) -> f64 {
        if self.sentences == 0 {
            0.0
        } else {
            self.words as f64 / self.sentences as f64
        }
    }

    pub fn syllables_per_word(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.syllables as f64 / self.words as f64
        }
    }

    /// The number of words of the longest sentence.
    pub fn longest_sentence(&self) -> usize {
        self.sentence_lengths.iter().copied().max().unwrap_or(0)
    }

    /// The median number of words per sentence.
    pub fn median_sentence(&self) -> f64 {
        let mut lengths = self.sentence_lengths.clone();
        lengths.sort_unstable();
        match lengths.len() {
            0 => 0.0,
            n if n % 2 == 1 => lengths[n / 2] as f64,
            n => (lengths[n / 2 - 1] + lengths[n / 2]) as f64 / 2.0,
        }
    }

    /// Kandel & Moles (1958), Flesch adapted to French:
    /// 207 − 1.015 × words/sentence − 73.6 × syllables/word.
    pub fn kandel_moles(&self) -> f64 {
        207.0 - 1.015 * self.words_per_sentence() - 73.6 * self.syllables_per_word()
    }

    /// Flesch (1948) reading ease:
    /// 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.
    pub fn flesch(&self) -> f64 {
        206.835 - 1.015 * self.words_per_sentence() - 84.6 * self.syllables_per_word()
    }

    /// The score for the language: Kandel–Moles in French, Flesch in English.
    pub fn score(&self, lang: Lang) -> f64 {
        match lang {
            Lang::Fr => self.kandel_moles(),
            Lang::En => self.flesch(),
        }
    }
}

/// The reading ease of one section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionScore {
    pub tab: String,
    pub section: String,
    pub score: f64,
    pub stats: Stats,
}

impl SectionScore {
    /// Counts the title, the summary and every block of a section.
    pub fn of(tab: &str, section: &Section, lang: Lang) -> SectionScore {
        let texts: Vec<String> = section.texts().map(|t| t.plain()).collect();
        let units = std::iter::once(section.title.as_str()).chain(texts.iter().map(String::as_str));
        let stats = Stats::of(units, lang);
        SectionScore {
            tab: tab.to_string(),
            section: section.id.clone(),
            score: stats.score(lang),
            stats,
        }
    }

    /// Under the minimum score, or holding a sentence that is too long.
    pub fn is_flagged(&self) -> bool {
        self.score < MIN_SCORE || self.stats.longest_sentence() > MAX_SENTENCE_WORDS
    }
}

/// The sentences of a unit of text: split after `.`, `!`, `?` or `…` when a
/// space or the end follows.
pub fn sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '…');
    let is_closer = |c: char| matches!(c, '»' | '"' | ')' | '”');
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_end(chars[i].1) {
            i += 1;
            continue;
        }
        // Keep runs like "?!" and a closing quote, even after a space, with
        // the sentence they end.
        let mut j = i + 1;
        while j < chars.len() && (is_end(chars[j].1) || is_closer(chars[j].1)) {
            j += 1;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k < chars.len() && is_closer(chars[k].1) {
            j = k + 1;
        }
        let at_break = j == chars.len() || chars[j].1.is_whitespace();
        if at_break {
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            out.push(&text[start..end]);
            start = end;
        }
        i = j;
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

/// The words of a sentence: tokens between spaces (no-break ones too) that
/// hold a letter or a digit, without the punctuation around them.
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(char::is_whitespace)
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| t.chars().any(char::is_alphanumeric))
}

/// The syllables of a word in the language.
pub fn syllables(word: &str, lang: Lang) -> usize {
    let letters: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    if letters.is_empty() {
        return 0;
    }
    if letters.chars().all(|c| c.is_ascii_digit()) {
        // A number: roughly one syllable per digit.
        return letters.chars().count();
    }
    if is_acronym(&letters) {
        // Acronyms are spelt out: one syllable per letter or digit.
        return letters.chars().count();
    }
    // Hyphenated words count part by part (peut-être, anti-angiogénique).
    word.split('-')
        .map(|part| {
            let lower: Vec<char> = part
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            if lower.is_empty() {
                0
            } else {
                match lang {
                    Lang::Fr => syllables_fr(&lower),
                    Lang::En => syllables_en(&lower),
                }
            }
        })
        .sum::<usize>()
        .max(1)
}

/// All capitals (digits allowed), two to six characters: RCP, CHC, TP53.
fn is_acronym(letters: &str) -> bool {
    let n = letters.chars().count();
    (2..=6).contains(&n)
        && letters.chars().any(|c| c.is_alphabetic())
        && letters
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_uppercase())
}

fn is_vowel_fr(c: char) -> bool {
    "aeiouyàâäéèêëîïôöùûüÿœæ".contains(c)
}

/// Words whose final `-ent` is heard, although they do not end in `-ment`.
const SPOKEN_ENT: &[&str] = &[
    "souvent",
    "différent",
    "présent",
    "parent",
    "accident",
    "agent",
    "urgent",
    "content",
    "récent",
    "fréquent",
    "évident",
    "intelligent",
    "dent",
    "vent",
    "cent",
    "lent",
    "absent",
    "excellent",
    "équivalent",
    "adolescent",
    "innocent",
    "apparent",
    "permanent",
    "compétent",
    "transparent",
    "violent",
    "prudent",
    "latent",
    "précédent",
    "régent",
    "décent",
    "pertinent",
    "omniprésent",
    "client",
    "entent",
    "talent",
    "serpent",
    "argent",
    "potent",
];

/// French syllables: vowel groups, with `qu`/`gu` taken as consonants, `y`
/// a consonant before a vowel, a new syllable at a diaeresis and around `é`
/// (`ré-union`, `po-ésie`), and a silent final `e`, `es` or verbal `ent`.
fn syllables_fr(w: &[char]) -> usize {
    let n = w.len();
    // Which letters act as vowels here.
    let vowel: Vec<bool> = (0..n)
        .map(|i| {
            let c = w[i];
            let next_vowel = w.get(i + 1).is_some_and(|&d| is_vowel_fr(d));
            match c {
                // `qu` and `gu` before a vowel: the u is not heard.
                'u' if i > 0 && matches!(w[i - 1], 'q' | 'g') && next_vowel => false,
                'y' if next_vowel => false,
                c => is_vowel_fr(c),
            }
        })
        .collect();

    let mut groups = 0;
    let mut last_group_start = None;
    for i in 0..n {
        if !vowel[i] {
            continue;
        }
        let continues = i > 0 && vowel[i - 1] && !hiatus_fr(w[i - 1], w[i]);
        if !continues {
            groups += 1;
            last_group_start = Some(i);
        }
    }

    // A silent ending: a final e that is a group of its own, after a consonant.
    let ends = |s: &str| w.iter().rev().take(s.len()).rev().copied().eq(s.chars());
    let word: String = w.iter().collect();
    let silent_e_at =
        if ends("ent") && n > 3 && !ends("ment") && !SPOKEN_ENT.contains(&word.as_str()) {
            Some(n - 3)
        } else if ends("es") && n > 2 {
            Some(n - 2)
        } else if ends("e") {
            Some(n - 1)
        } else {
            None
        };
    if let Some(e) = silent_e_at {
        let after_consonant = e > 0 && !vowel[e - 1];
        if after_consonant && last_group_start == Some(e) && groups > 1 {
            groups -= 1;
        }
    }
    groups.max(1)
}

/// Two vowels that are heard separately.
fn hiatus_fr(prev: char, c: char) -> bool {
    matches!(c, 'ï' | 'ü' | 'ë')
        || (prev == 'é' && c != 'e')
        || (matches!(c, 'é' | 'è' | 'ê') && prev != 'i')
}

/// English syllables: vowel groups, less a silent final `e` (but `-le`
/// after a consonant is heard) and a silent `-ed` or `-es`.
fn syllables_en(w: &[char]) -> usize {
    let is_vowel = |c: char| "aeiouy".contains(c);
    let n = w.len();
    let mut groups = 0;
    for i in 0..n {
        if is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])) {
            groups += 1;
        }
    }
    let word: String = w.iter().collect();
    let consonant_before = |k: usize| n > k && !is_vowel(w[n - k - 1]);
    let silent = if word.ends_with("le") {
        // "table": heard after a consonant; "whole": silent.
        n > 2 && is_vowel(w[n - 3])
    } else if word.ends_with('e') {
        consonant_before(1)
    } else if word.ends_with("ed") {
        consonant_before(2) && !word.ends_with("ted") && !word.ends_with("ded")
    } else if word.ends_with("es") {
        consonant_before(2)
            && !["ses", "xes", "zes", "ches", "shes", "ges", "ces"]
                .iter()
                .any(|s| word.ends_with(s))
    } else {
        false
    };
    if silent && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_words_have_the_syllables_a_speaker_hears() {
        let known = [
            ("chat", 1),
            ("foie", 1),
            ("vous", 1),
            ("le", 1),
            ("les", 1),
            ("que", 1),
            ("une", 1),
            ("elle", 1),
            ("type", 1),
            ("cellule", 2),
            ("cellules", 2),
            ("tumeur", 2),
            ("cirrhose", 2),
            ("souvent", 2),
            ("patient", 2),
            ("moyen", 2),
            ("guérir", 2),
            ("clinique", 2),
            ("équipe", 2),
            ("essai", 2),
            ("créée", 2),
            ("maïs", 2),
            ("l’échec", 2),
            ("parlent", 1),
            ("peuvent", 1),
            ("agissent", 2),
            ("traitement", 3),
            ("traitements", 3),
            ("réunion", 3),
            ("poésie", 3),
            ("aérien", 3),
            ("qualité", 3),
            ("mutation", 3),
            ("apoptose", 3),
            ("aujourd’hui", 3),
            ("médicament", 4),
            ("chimiothérapie", 5),
            ("fœtoprotéine", 5),
            ("immunothérapie", 6),
            ("hépatocellulaire", 6),
            ("pluridisciplinaire", 6),
            ("hétérogénéité", 7),
            ("peut-être", 2),
            ("RCP", 3),
            ("CHC", 3),
        ];
        for (word, expected) in known {
            assert_eq!(syllables(word, Lang::Fr), expected, "{word}");
        }
    }

    #[test]
    fn english_words_have_the_syllables_a_speaker_hears() {
        let known = [
            ("cat", 1),
            ("the", 1),
            ("make", 1),
            ("used", 1),
            ("makes", 1),
            ("liver", 2),
            ("cancer", 2),
            ("table", 2),
            ("treatment", 2),
            ("wanted", 2),
            ("uses", 2),
            ("resistance", 3),
            ("immunotherapy", 6),
            ("AFP", 3),
        ];
        for (word, expected) in known {
            assert_eq!(syllables(word, Lang::En), expected, "{word}");
        }
    }

    #[test]
    fn sentences_split_at_end_marks_followed_by_a_space() {
        assert_eq!(
            sentences("Bonjour. Ça va\u{A0}? Oui ! Fin"),
            vec!["Bonjour.", " Ça va\u{A0}?", " Oui !", " Fin"]
        );
        assert_eq!(sentences("Version 3.5 prête."), vec!["Version 3.5 prête."]);
        assert_eq!(
            sentences("Il a dit « non. » Puis"),
            vec!["Il a dit « non. »", " Puis"]
        );
    }

    #[test]
    fn punctuation_alone_is_not_a_word() {
        let w: Vec<&str> = words("« Qu’est-ce que c’est\u{A0}? » – rien").collect();
        assert_eq!(w, vec!["Qu’est-ce", "que", "c’est", "rien"]);
    }

    #[test]
    fn kandel_moles_follows_its_formula() {
        // 2 sentences, 8 words, 12 syllables: 207 - 1.015*4 - 73.6*1.5 = 92.54
        let stats = Stats {
            sentences: 2,
            words: 8,
            syllables: 12,
            ..Stats::default()
        };
        assert!((stats.kandel_moles() - 92.54).abs() < 1e-9);
        assert!((stats.flesch() - (206.835 - 4.06 - 126.9)).abs() < 1e-9);
    }

    #[test]
    fn stats_count_every_unit_and_find_the_longest_sentence() {
        let stats = Stats::of(["Le foie filtre le sang.", "Un point de liste"], Lang::Fr);
        assert_eq!(stats.sentences, 2);
        assert_eq!(stats.words, 9);
        // le1 foie1 filtre1 le1 sang1 / un1 point1 de1 liste1
        assert_eq!(stats.syllables, 9);
        assert_eq!(stats.longest_sentence(), 5);
        assert_eq!(stats.longest, "Le foie filtre le sang.");
        assert_eq!(stats.median_sentence(), 4.5);
    }
}

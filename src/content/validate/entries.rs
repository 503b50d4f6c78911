//! The glossary's entries and the suggested questions, each checked on its
//! own: one with an error is left out, the others kept.

use std::collections::HashMap;

use super::{Checker, Seen};
use crate::content::schema::{GlossaryFile, QuestionFile, QuestionsFile, TermFile, UnitNames};
use crate::content::{Glossary, Question, TAB_IDS, Term, normalize_key, typography};
use crate::diagnostic::{Hidden, Problem};

impl Checker<'_> {
    /// The glossary's entries that have no error, and the normalised words
    /// of those that do. Terms and their forms must not collide: a mark must
    /// point at one entry only.
    pub fn glossary(&mut self, file: GlossaryFile) -> (Glossary, Vec<String>) {
        let mut ids = Seen::new();
        // Normalised word -> (where it was first seen, the entry it names).
        let mut words: HashMap<String, (String, String)> = HashMap::new();
        let mut terms = Vec::with_capacity(file.terms.len());
        let mut hidden_words = Vec::new();
        for raw in file.terms {
            let mark = self.diagnostics.len();
            let (term, names) = match self.unit::<TermFile>(raw) {
                Ok(t) => {
                    let names = UnitNames {
                        id: t.id.clone(),
                        term: t.term.clone(),
                        forms: t.forms.clone(),
                    };
                    (Some(self.term(t, &mut ids, &mut words)), names)
                }
                Err(names) => {
                    if let Some(id) = names.id() {
                        self.place("term", &id);
                    }
                    (None, names)
                }
            };
            let hidden = Hidden::Term { id: names.id() };
            let failed = self.hide_since(mark, &hidden);
            match term {
                Some(term) if !failed => terms.push(term),
                Some(_) | None => {
                    hidden_words.extend(
                        [&names.id, &names.term]
                            .into_iter()
                            .chain(&names.forms)
                            .filter(|w| !w.is_empty())
                            .map(|w| normalize_key(&typography::apply(w, self.lang))),
                    );
                }
            }
        }
        (Glossary { terms }, hidden_words)
    }

    fn term(
        &mut self,
        t: TermFile,
        ids: &mut Seen,
        words: &mut HashMap<String, (String, String)>,
    ) -> Term {
        let id = self.id("term", &t.id, ids);
        let term_spot = self.loc.find(Some("term"), &t.term);
        let term = self.plain_at(term_spot, "term", &t.term);
        let mut forms = Vec::with_capacity(t.forms.len());
        let mut keys = vec![(term_spot, term.clone())];
        for f in &t.forms {
            let spot = self.loc.find(Some("forms"), f);
            let form = self.plain_at(spot, "forms", f);
            keys.push((spot, form.clone()));
            forms.push(form);
        }
        for (spot, word) in keys {
            let at = self.loc.start(spot);
            match words.get(&normalize_key(&word)) {
                Some((first, owner)) if *owner != id => {
                    let first = first.clone();
                    self.error(at, Problem::DuplicateId { id: word, first });
                }
                Some(_) => {}
                None => {
                    let here = format!("{}:{}:{}", self.file, at.0, at.1);
                    words.insert(normalize_key(&word), (here, id.clone()));
                }
            }
        }
        let definition = self.plain("definition", &t.definition);
        Term {
            id,
            term,
            forms,
            definition,
        }
    }

    /// The suggested questions that have no error, each tied to a known tab.
    pub fn questions(&mut self, file: QuestionsFile) -> Vec<Question> {
        let mut ids = Seen::new();
        let mut questions = Vec::with_capacity(file.questions.len());
        for raw in file.questions {
            let mark = self.diagnostics.len();
            let (question, id) = match self.unit::<QuestionFile>(raw) {
                Ok(q) => {
                    let id = q.id.clone();
                    (Some(self.question(q, &mut ids)), Some(id))
                }
                Err(names) => {
                    let id = names.id();
                    if let Some(id) = &id {
                        self.place("question", id);
                    }
                    (None, id)
                }
            };
            if !self.hide_since(mark, &Hidden::Question { id }) {
                questions.extend(question);
            }
        }
        questions
    }

    fn question(&mut self, q: QuestionFile, ids: &mut Seen) -> Question {
        let id = self.id("question", &q.id, ids);
        let tab_spot = self.loc.find(Some("tab"), &q.tab);
        if !TAB_IDS.contains(&q.tab.as_str()) {
            self.error(
                self.loc.start(tab_spot),
                Problem::UnknownTab { tab: q.tab.clone() },
            );
        }
        let text = self.plain("text", &q.text);
        Question {
            id,
            tab: q.tab,
            text,
        }
    }
}

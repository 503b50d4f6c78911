//! A `Figure(id: …, caption: …, alt: …)` block: its fields, then its
//! drawing (`content/figures/<id>.svg`). A figure with any problem is
//! dropped on its own: the section keeps its text, and the diagnostics say
//! so ([`Hidden::Figure`]).

use std::sync::Arc;

use super::{Checker, IdPlace, Terms, is_valid_id};
use crate::diagnostic::{Diagnostic, Hidden, Problem, Severity};
use crate::figure::{self, Figure, FigureProblem};

impl Checker<'_> {
    /// The figure, or nothing when something about it is wrong.
    pub(super) fn figure(
        &mut self,
        (tab, section): (&str, &str),
        id: &str,
        caption: &str,
        alt: &str,
        terms: Terms,
    ) -> Option<Figure> {
        let mark = self.diagnostics.len();
        let empty = |field: &str| {
            Problem::Figure(FigureProblem::EmptyField {
                field: field.into(),
            })
        };
        let id_spot = self.loc.find(Some("id"), id);
        let at = self.loc.start(id_spot);
        let id_ok = if id.trim().is_empty() {
            self.error(at, empty("id"));
            false
        } else if !is_valid_id(id) {
            self.error(at, Problem::BadId { id: id.into() });
            false
        } else {
            self.places.push(IdPlace {
                file: self.file.to_string(),
                kind: "figure",
                id: id.to_string(),
                line: at.0,
                column: at.1,
            });
            true
        };
        let caption = if caption.trim().is_empty() {
            self.error(at, empty("caption"));
            None
        } else {
            Some(self.rich(Some("caption"), "caption", caption, terms))
        };
        let alt = if alt.trim().is_empty() {
            self.error(at, empty("alt"));
            None
        } else {
            Some(self.plain("alt", alt))
        };
        let drawing = match (id_ok, self.figures) {
            (true, Some(source)) => {
                let (name, read) = source.figure(id);
                let drawing = read.map_err(Located::from).and_then(|bytes| {
                    figure::load(&bytes).map_err(|(pos, problem)| Located {
                        at: Some(pos),
                        problem,
                    })
                });
                match drawing {
                    Ok(drawing) => Some(drawing),
                    Err(Located {
                        at: Some(pos),
                        problem,
                    }) => {
                        self.diagnostics.push(Diagnostic::new(
                            Severity::Error,
                            &name,
                            pos,
                            Problem::Figure(problem),
                        ));
                        None
                    }
                    // Missing: pointed at where the tab file names it.
                    Err(Located { at: None, problem }) => {
                        self.error(at, Problem::Figure(problem));
                        None
                    }
                }
            }
            _ => None,
        };
        let hidden = Hidden::Figure {
            tab: tab.to_string(),
            section: section.to_string(),
            figure: id.to_string(),
        };
        let mut broken = false;
        for d in self.diagnostics[mark..].iter_mut().filter(|d| d.is_error()) {
            d.hides = hidden.clone();
            broken = true;
        }
        if broken {
            return None;
        }
        Some(Figure {
            id: id.to_string(),
            caption: caption?,
            alt: alt?,
            drawing: Arc::new(drawing?),
        })
    }
}

/// A figure problem and where it is in the drawing's file; `at` is none
/// for a missing file, reported in the tab file instead.
struct Located {
    at: Option<(usize, usize)>,
    problem: FigureProblem,
}

impl From<FigureProblem> for Located {
    fn from(problem: FigureProblem) -> Self {
        let at = match problem {
            FigureProblem::Missing { .. } => None,
            _ => Some((0, 0)),
        };
        Located { at, problem }
    }
}

//! `patient-info check --release`: the review gate. A plain `check` lets a
//! tab that no clinician has reviewed (or whose review is overdue) through
//! with a warning, so that writers can work; `--release` refuses it, so that
//! unreviewed pages never ship to patients by mistake.

use clap::Args;

use crate::i18n::Text;
use crate::{Diagnostic, Lang, Severity};

/// Options of `check`.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct CheckArgs {
    /// Before shipping: a tab that no clinician has reviewed, or whose next
    /// review date has passed, is an error (exit 1), not a warning.
    #[arg(long)]
    pub release: bool,
}

/// The diagnostic as this run reports it: with `--release`, a review
/// reminder is an error.
pub fn gate(d: &Diagnostic, release: bool) -> Diagnostic {
    let mut d = d.clone();
    if release && d.is_review() {
        d.severity = Severity::Error;
    }
    d
}

/// The last line of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No error, every tab reviewed and up to date.
    Ship,
    /// No error, but some tab is not reviewed (or overdue): fine while
    /// writing, not for patients.
    NotYetReviewed,
    /// Errors to fix (with `--release`, review reminders count).
    Errors,
}

impl Verdict {
    /// The verdict for `errors` errors and `reviews` review reminders that
    /// are still warnings.
    pub fn of(errors: usize, reviews: usize) -> Self {
        if errors > 0 {
            Verdict::Errors
        } else if reviews > 0 {
            Verdict::NotYetReviewed
        } else {
            Verdict::Ship
        }
    }

    /// Whether `check` exits with 0.
    pub fn passes(self) -> bool {
        match self {
            Verdict::Ship | Verdict::NotYetReviewed => true,
            Verdict::Errors => false,
        }
    }

    /// What `check` says last.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Ship, _) => Text::ContentOk.get(lang),
            (Verdict::NotYetReviewed, Lang::Fr) => {
                "Le contenu n’a pas d’erreur, mais au moins un onglet n’est pas relu par un soignant (ou sa relecture est en retard)\u{a0}: il ne doit pas encore être publié. `check --release` le refuse."
            }
            (Verdict::NotYetReviewed, Lang::En) => {
                "The content has no error, but at least one tab is not reviewed by a clinician (or its review is overdue): it must not ship yet. `check --release` refuses it."
            }
            (Verdict::Errors, _) => Text::ContentHasErrors.get(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Problem;

    fn diagnostic(kind: Problem) -> Diagnostic {
        Diagnostic::new(Severity::Warning, "fr/basics.ron", (8, 9), kind)
    }

    #[test]
    fn release_turns_review_reminders_into_errors_and_nothing_else() {
        let overdue = diagnostic(Problem::ReviewOverdue {
            due: "2020-01-01".into(),
        });
        assert_eq!(gate(&overdue, false).severity, Severity::Warning);
        assert_eq!(gate(&overdue, true).severity, Severity::Error);
        assert_eq!(
            gate(&diagnostic(Problem::NotReviewed), true).severity,
            Severity::Error
        );
        let other = diagnostic(Problem::UnclosedEmphasis);
        assert_eq!(gate(&other, true).severity, Severity::Warning);
    }

    #[test]
    fn an_unreviewed_tab_never_reads_as_ready_to_ship() {
        assert_eq!(Verdict::of(0, 0), Verdict::Ship);
        assert_eq!(Verdict::of(0, 2), Verdict::NotYetReviewed);
        assert_eq!(Verdict::of(1, 2), Verdict::Errors);
        assert!(Verdict::NotYetReviewed.passes());
        assert!(!Verdict::Errors.passes());
        for lang in Lang::ALL {
            assert!(
                !Verdict::NotYetReviewed
                    .text(lang)
                    .contains(Verdict::Ship.text(lang))
            );
        }
    }
}

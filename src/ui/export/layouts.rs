//! The panel's choices laid out off the UI thread, as soon as it opens and
//! again in the other print size: the same `layout::Document` the PDF is
//! written from gives each choice its page count and the preview its
//! pages. Layouts are kept per choice, print size and language, and
//! belong to one panel (its [`Ticket`]).

use super::{Action, Context, Scope, State, Ticket, handout_of};
use crate::handout::layout::Document;

/// A choice as laid out: which one, in which print size and language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Measure {
    pub scope: Scope,
    pub large_print: bool,
    pub lang: crate::Lang,
}

impl State {
    /// The layouts still to make: every choice offered, in the current
    /// print size and language, that was not asked for yet.
    pub fn measure(&mut self, ctx: &Context<'_>) -> Action {
        let mut wanted = Vec::new();
        for scope in Scope::ALL.into_iter().filter(|s| ctx.offers(*s)) {
            let key = self.key(scope, ctx);
            if !self.asked.insert(key) {
                continue;
            }
            if let Ok(handout) = handout_of(scope, self.large_print, ctx) {
                wanted.push((key, Box::new(handout)));
            }
        }
        if wanted.is_empty() {
            Action::None
        } else {
            Action::Lay(self.id, wanted)
        }
    }

    /// Keeps the handle of a layout Task: dropping the panel aborts it.
    pub fn laying(&mut self, task: iced::task::Handle) {
        self.laying.push(task.abort_on_drop());
    }

    /// The content changed (reloaded): every layout is made again.
    pub fn forget_layouts(&mut self) {
        self.id = Ticket::next();
        self.laid.clear();
        self.asked.clear();
        self.laying.clear();
    }

    fn key(&self, scope: Scope, ctx: &Context<'_>) -> Measure {
        Measure {
            scope,
            large_print: self.large_print,
            lang: ctx.library.lang,
        }
    }

    /// The layout of a choice in the current print size, once made.
    pub fn document(&self, scope: Scope, ctx: &Context<'_>) -> Option<&Document> {
        self.laid.get(&self.key(scope, ctx)).map(|d| &**d)
    }

    /// The pages a choice takes in the current print size, once laid out.
    pub fn pages(&self, scope: Scope, ctx: &Context<'_>) -> Option<usize> {
        self.document(scope, ctx).map(Document::page_count)
    }
}

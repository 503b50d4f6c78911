//! patient-info: explains to liver-cancer patients why treatments can stop
//! working, and what can be done.
//!
//! The core (this crate without the `gui` feature) knows nothing of windows:
//! it loads and validates the content ([`content`]), scores its reading ease
//! ([`readability`]), and turns a selection of it into a printable handout
//! ([`handout`]). The iced window lives in `ui` behind the `gui` feature.

pub mod cli;
pub mod console;
pub mod content;
pub mod diagnostic;
pub mod export;
pub mod figure;
pub mod files;
pub mod fonts;
pub mod handout;
pub mod i18n;
pub mod print;
pub mod readability;
pub mod search;
pub mod settings;
pub mod setup;
pub mod system_fonts;
#[cfg(feature = "gui")]
pub mod ui;
pub mod watch;

pub use content::{
    Block, CalloutKind, Glossary, Inline, Library, Question, RichText, Section, Tab,
};
pub use diagnostic::{Diagnostic, Hidden, Problem, Severity};
pub use i18n::Lang;

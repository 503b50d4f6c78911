//! The plain-text version of a handout: the same words as the PDF, in the
//! same order, one paragraph per line, for screen readers and for the tests
//! that read the PDF back.

use super::{Handout, Item, Level};
use crate::content::RichText;

/// The handout as UTF-8 text. Page furniture (header, footer, the table of
/// contents' page numbers) has no place here.
pub fn write(handout: &Handout) -> String {
    let mut out = String::new();
    if let Some(cover) = &handout.cover {
        line(&mut out, &cover.title);
        line(&mut out, &cover.subtitle);
        if let Some(clinic) = &cover.clinic {
            line(&mut out, clinic);
        }
        if let Some(phone) = &cover.phone {
            line(&mut out, phone);
        }
        line(&mut out, &cover.review);
        line(&mut out, &cover.printed);
        line(&mut out, &cover.cancer_info);
        out.push('\n');
    }
    for item in &handout.flow {
        match item {
            Item::Part { .. } => {}
            Item::Heading {
                level,
                text,
                kicker,
                ..
            } => {
                if !out.is_empty() {
                    out.push('\n');
                }
                if let Some(kicker) = kicker {
                    line(&mut out, kicker);
                }
                line(&mut out, text);
                let underline = match level {
                    Level::Title => Some('='),
                    Level::Section => Some('-'),
                    Level::Minor => None,
                };
                if let Some(c) = underline {
                    line(&mut out, &c.to_string().repeat(text.chars().count()));
                }
                out.push('\n');
            }
            Item::Essential { label, text } => {
                line(&mut out, label);
                paragraph(&mut out, &plain(text));
            }
            Item::Paragraph(text) => paragraph(&mut out, &plain(text)),
            Item::Lead(text) => paragraph(&mut out, text),
            Item::List(items) => {
                for item in items {
                    line(&mut out, &format!("• {}", plain(item)));
                }
                out.push('\n');
            }
            Item::Callout { label, text, .. } => {
                line(&mut out, label);
                paragraph(&mut out, &plain(text));
            }
            Item::Definition { term, definition } => {
                paragraph(&mut out, &format!("{term} {definition}"));
            }
            Item::Question { number, text, .. } => {
                paragraph(&mut out, &format!("{number}. {text}"))
            }
            Item::Fields(labels) => line(&mut out, &labels.join(" ")),
            // Lines to write on have no place in a text to listen to.
            Item::WritingLines { .. } => {}
            // What the picture says, where the picture is.
            Item::Figure { figure, line: text } => {
                paragraph(&mut out, text);
                paragraph(&mut out, &plain(&figure.caption));
            }
            Item::Source(source) => line(&mut out, source),
            Item::CareTeam(text) => {
                out.push('\n');
                paragraph(&mut out, &plain(text));
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn plain(text: &RichText) -> String {
    text.plain()
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn paragraph(out: &mut String, text: &str) {
    line(out, text);
    out.push('\n');
}

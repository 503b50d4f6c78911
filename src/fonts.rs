//! The bundled Atkinson Hyperlegible fonts, shared by the window and the PDF
//! handouts, and the check that the content only uses characters they draw.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A style of the bundled family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    pub const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    /// The font file's bytes.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Style::Regular => REGULAR,
            Style::Bold => BOLD,
            Style::Italic => ITALIC,
            Style::BoldItalic => BOLD_ITALIC,
        }
    }

    /// The parsed font (parsed once per process).
    pub fn face(self) -> Option<&'static ttf_parser::Face<'static>> {
        static FACES: OnceLock<[Option<ttf_parser::Face<'static>>; 4]> = OnceLock::new();
        let faces =
            FACES.get_or_init(|| Style::ALL.map(|s| ttf_parser::Face::parse(s.bytes(), 0).ok()));
        faces[self as usize].as_ref()
    }
}

/// The family name to ask for in the window.
pub const FAMILY: &str = "Atkinson Hyperlegible";

pub const REGULAR: &[u8] = include_bytes!("../resources/fonts/AtkinsonHyperlegible-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../resources/fonts/AtkinsonHyperlegible-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../resources/fonts/AtkinsonHyperlegible-Italic.ttf");
pub const BOLD_ITALIC: &[u8] =
    include_bytes!("../resources/fonts/AtkinsonHyperlegible-BoldItalic.ttf");

/// Whether every style of the family has a glyph for `c`. Spaces that layout
/// handles itself (line breaks, tabs) count as drawable.
pub fn can_draw(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t') || drawable().contains(&(c as u32))
}

/// The code points that every style maps to a glyph, read once from the
/// fonts' character maps.
fn drawable() -> &'static HashSet<u32> {
    static SET: OnceLock<HashSet<u32>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut common: Option<HashSet<u32>> = None;
        for style in Style::ALL {
            let mut mapped = HashSet::new();
            if let Some(cmap) = style.face().and_then(|f| f.tables().cmap) {
                for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                    sub.codepoints(|cp| {
                        if sub.glyph_index(cp).is_some_and(|g| g.0 != 0) {
                            mapped.insert(cp);
                        }
                    });
                }
            }
            common = Some(match common {
                None => mapped,
                Some(c) => c.intersection(&mapped).copied().collect(),
            });
        }
        common.unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_bundled_fonts_parse() {
        for style in Style::ALL {
            assert!(style.face().is_some(), "{style:?} does not parse");
        }
    }

    #[test]
    fn french_letters_and_punctuation_are_drawn() {
        for c in "àâäçéèêëîïôöùûüÿœŒÉÀÇ«»’…–—\u{A0}".chars() {
            assert!(can_draw(c), "{c:?} should be drawable");
        }
    }

    #[test]
    fn the_narrow_no_break_space_and_greek_are_not() {
        assert!(!can_draw('\u{202F}'));
        assert!(!can_draw('β'));
    }
}

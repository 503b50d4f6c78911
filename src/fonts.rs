//! The bundled Atkinson Hyperlegible fonts, shared by the window and the PDF
//! handouts, and the check that the content only uses characters they draw.

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
    matches!(c, '\n' | '\r' | '\t') || drawable().contains(c as u32)
}

/// The code points that every style maps to a glyph, read once from the
/// fonts' character maps: one bit a code point. Every character of the
/// content is looked up while it loads, and the window loads it at start,
/// so the lookup is a shift and a mask rather than a hash.
fn drawable() -> &'static Bits {
    static SET: OnceLock<Bits> = OnceLock::new();
    SET.get_or_init(|| {
        let mut common: Option<Bits> = None;
        for style in Style::ALL {
            let mut mapped = Bits::default();
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
                Some(c) => c.and(&mapped),
            });
        }
        common.unwrap_or_default()
    })
}

/// A set of code points, one bit each.
#[derive(Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn insert(&mut self, cp: u32) {
        let word = (cp / 64) as usize;
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << (cp % 64);
    }

    fn contains(&self, cp: u32) -> bool {
        self.0
            .get((cp / 64) as usize)
            .is_some_and(|w| w >> (cp % 64) & 1 == 1)
    }

    /// The code points in both.
    fn and(&self, other: &Bits) -> Bits {
        Bits(self.0.iter().zip(&other.0).map(|(a, b)| a & b).collect())
    }
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
    fn a_code_point_set_holds_what_was_put_in_and_the_common_part_of_two() {
        let mut a = Bits::default();
        let mut b = Bits::default();
        for cp in [0, 63, 64, 0x20AC, 0x1F600] {
            a.insert(cp);
        }
        b.insert(63);
        b.insert(0x20AC);
        assert!(a.contains(0) && a.contains(63) && a.contains(64) && a.contains(0x1F600));
        assert!(!a.contains(1) && !a.contains(65) && !a.contains(0x10_FFFF));
        let both = a.and(&b);
        assert!(both.contains(63) && both.contains(0x20AC));
        assert!(!both.contains(0) && !both.contains(64) && !both.contains(0x1F600));
    }

    #[test]
    fn the_narrow_no_break_space_and_greek_are_not() {
        assert!(!can_draw('\u{202F}'));
        assert!(!can_draw('β'));
    }
}

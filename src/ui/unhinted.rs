//! The bundled fonts as the window loads them: with hinting turned off.
//!
//! Atkinson Hyperlegible is hinted by ttfautohint, whose bytecode is slow
//! to interpret; without it the renderer falls back to skrifa's automatic
//! hinter, which is faster per glyph but analyses the font's letterforms
//! anew for every paragraph iced's software renderer draws (it keeps no
//! hinting state between paragraphs): 45 paragraphs on the first page cost
//! about 3 ms, a fifth of the start-up gap to a bare window. The copies
//! loaded here keep every outline, metric and shaping table, but their
//! `prep` program is replaced by one that switches hinting off (INSTCTRL)
//! and the `fpgm` and `cvt ` tables it would need are dropped, so glyphs
//! are drawn from their outlines, anti-aliased, as on macOS. At the
//! window's sizes (18 px and up) the difference is a slightly softer top
//! on lowercase letters; the layout does not change. The PDF handouts
//! embed the original files.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::fonts::Style;

/// The tables left out: the font program and control values only the
/// hinting used, and the digital signature they would no longer match.
const DROPPED: [&[u8; 4]; 3] = [b"fpgm", b"cvt ", b"DSIG"];

/// The control-value program put in place of the font's: `PUSHB[1] 1 1`,
/// `INSTCTRL`, which (selector 1, value 1) turns glyph hinting off.
const NO_HINTING: [u8; 4] = [0xB1, 1, 1, 0x8E];

/// The styles the window uses: regular and bold (emphasis is bold on
/// screen; italics are only in the PDF handouts, which embed their own).
pub const WINDOW_STYLES: [Style; 2] = [Style::Regular, Style::Bold];

/// The window's styles, unhinted, ready for iced's settings. Borrowed from a
/// process-wide copy, so that iced, which skips fonts it has already
/// loaded from the same address, loads them once however many windows or
/// test simulators ask.
pub fn fonts() -> Vec<Cow<'static, [u8]>> {
    static FONTS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            WINDOW_STYLES
                .iter()
                .map(|style| {
                    let bytes = style.bytes();
                    unhinted(bytes).unwrap_or_else(|| bytes.to_vec())
                })
                .collect()
        })
        .iter()
        .map(|bytes| Cow::Borrowed(bytes.as_slice()))
        .collect()
}

/// A copy of the TrueType font `font` with hinting turned off; `None` when
/// it is not a TrueType font with a `prep` table this can read (then it is
/// loaded as is).
fn unhinted(font: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(font, 4)?);
    // Each kept table: its tag, its data and its checksum (the original's
    // when the data is unchanged).
    let mut tables: Vec<([u8; 4], Cow<'_, [u8]>, u32)> = Vec::with_capacity(count);
    let mut replaced_prep = false;
    for i in 0..count {
        let record = font.get(12 + 16 * i..12 + 16 * (i + 1))?;
        let tag: [u8; 4] = record.get(0..4)?.try_into().ok()?;
        let offset = usize::try_from(u32_at(record, 8)?).ok()?;
        let length = usize::try_from(u32_at(record, 12)?).ok()?;
        let data = font.get(offset..offset.checked_add(length)?)?;
        if DROPPED.contains(&&tag) {
            continue;
        }
        tables.push(match &tag {
            b"prep" => {
                replaced_prep = true;
                let sum = checksum(&NO_HINTING);
                (tag, Cow::Borrowed(NO_HINTING.as_slice()), sum)
            }
            // The whole-font checksum is written last; the table's own
            // checksum counts it as zero.
            b"head" => {
                let mut copy = data.to_vec();
                copy.get_mut(8..12)?.fill(0);
                let sum = checksum(&copy);
                (tag, Cow::Owned(copy), sum)
            }
            _ => (tag, Cow::Borrowed(data), u32_at(record, 4)?),
        });
    }

    if !replaced_prep {
        return None;
    }
    let kept = u16::try_from(tables.len()).ok()?;
    // The binary-search fields of the table directory.
    let power = 1u16.checked_shl(15u32.checked_sub(kept.leading_zeros())?)?;
    let search_range = power.checked_mul(16)?;
    let entry_selector = u16::try_from(power.ilog2()).ok()?;
    let range_shift = kept.checked_mul(16)?.checked_sub(search_range)?;

    let directory = 12 + 16 * tables.len();
    let size = directory
        + tables
            .iter()
            .map(|(_, data, _)| data.len().next_multiple_of(4))
            .sum::<usize>();
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(font.get(0..4)?);
    for field in [kept, search_range, entry_selector, range_shift] {
        out.extend_from_slice(&field.to_be_bytes());
    }
    let mut offset = directory;
    let mut head_at = None;
    for (tag, data, sum) in &tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&sum.to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    // The whole font's checksum: the directory's plus each table's, the
    // tables being padded with zeros to whole words.
    let total = tables.iter().fold(checksum(&out), |total, (_, _, sum)| {
        total.wrapping_add(*sum)
    });
    for (_, data, _) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(total);
        out.get_mut(at + 8..at + 12)?
            .copy_from_slice(&adjustment.to_be_bytes());
    }
    Some(out)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// The OpenType checksum: the sum of big-endian words, the last one padded.
fn checksum(data: &[u8]) -> u32 {
    let words = data.chunks_exact(4);
    let mut last = [0u8; 4];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    words.fold(u32::from_be_bytes(last), |sum, word| {
        sum.wrapping_add(u32::from_be_bytes([word[0], word[1], word[2], word[3]]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(bytes: &[u8]) -> ttf_parser::Face<'_> {
        match ttf_parser::Face::parse(bytes, 0) {
            Ok(face) => face,
            Err(e) => panic!("the font does not parse: {e}"),
        }
    }

    fn window_copy(style: Style) -> Vec<u8> {
        match unhinted(style.bytes()) {
            Some(copy) => copy,
            None => panic!("{style:?} could not be unhinted"),
        }
    }

    #[test]
    fn hinting_is_switched_off_and_everything_else_is_the_same() {
        for style in Style::ALL {
            let original = style.bytes();
            let copy = window_copy(style);
            assert!(copy.len() < original.len());
            let (before, after) = (face(original), face(&copy));
            let raw = after.raw_face();
            for tag in DROPPED {
                assert!(
                    raw.table(ttf_parser::Tag::from_bytes(tag)).is_none(),
                    "{style:?} still has {}",
                    String::from_utf8_lossy(tag)
                );
            }
            let table = |tag: &[u8; 4]| raw.table(ttf_parser::Tag::from_bytes(tag));
            assert_eq!(table(b"prep"), Some(NO_HINTING.as_slice()));
            let original_table =
                |tag: &[u8; 4]| before.raw_face().table(ttf_parser::Tag::from_bytes(tag));
            for tag in [
                b"glyf", b"loca", b"hmtx", b"maxp", b"GSUB", b"GPOS", b"cmap",
            ] {
                assert_eq!(
                    table(tag),
                    original_table(tag),
                    "{}",
                    String::from_utf8_lossy(tag)
                );
            }
            assert_eq!(before.number_of_glyphs(), after.number_of_glyphs());
            assert_eq!(before.units_per_em(), after.units_per_em());
            assert_eq!(before.ascender(), after.ascender());
            for c in "Aaé«»’ ".chars() {
                let glyph = before.glyph_index(c);
                assert_eq!(glyph, after.glyph_index(c), "{c:?}");
                let advance = |f: &ttf_parser::Face<'_>| glyph.and_then(|g| f.glyph_hor_advance(g));
                assert_eq!(advance(&before), advance(&after), "{c:?}");
                let bbox = |f: &ttf_parser::Face<'_>| glyph.and_then(|g| f.glyph_bounding_box(g));
                assert_eq!(bbox(&before), bbox(&after), "{c:?}");
            }
        }
    }

    /// The glyphs of "e" and "x" at the window's body size, rasterised by
    /// the renderer's scaler (swash, as cosmic-text calls it) with hinting
    /// asked for or not.
    fn rasterised(font: &[u8], hint: bool) -> Vec<Vec<u8>> {
        use swash::scale::{Render, ScaleContext, Source};
        let Some(font) = swash::FontRef::from_index(font, 0) else {
            panic!("swash cannot read the font");
        };
        let mut context = ScaleContext::new();
        "ex".chars()
            .map(|c| {
                let mut scaler = context.builder(font).size(18.0).hint(hint).build();
                let glyph = font.charmap().map(c);
                match Render::new(&[Source::Outline]).render(&mut scaler, glyph) {
                    Some(image) => image.data,
                    None => panic!("{c:?} did not render"),
                }
            })
            .collect()
    }

    #[test]
    fn the_renderer_draws_the_window_fonts_unhinted() {
        for style in WINDOW_STYLES {
            // The original is hinted when asked (so this test can tell)...
            let original = style.bytes();
            assert_ne!(
                rasterised(original, true),
                rasterised(original, false),
                "{style:?}"
            );
            // ...the window's copy is drawn from its outlines either way.
            let copy = window_copy(style);
            assert_eq!(
                rasterised(&copy, true),
                rasterised(&copy, false),
                "{style:?}"
            );
            assert_eq!(
                rasterised(&copy, false),
                rasterised(original, false),
                "{style:?}"
            );
        }
    }

    #[test]
    fn the_checksums_add_up() {
        let copy = window_copy(Style::Regular);
        assert_eq!(checksum(&copy), 0xB1B0_AFBA);
        let count = usize::from(u16_at(&copy, 4).unwrap_or_default());
        assert!(count > 10);
        for i in 0..count {
            let record = &copy[12 + 16 * i..12 + 16 * (i + 1)];
            let field = |at| u32_at(record, at).unwrap_or_default() as usize;
            let mut data = copy[field(8)..field(8) + field(12)].to_vec();
            if &record[0..4] == b"head" {
                data[8..12].copy_from_slice(&[0; 4]);
            }
            assert_eq!(checksum(&data), field(4) as u32, "{:?}", &record[0..4]);
        }
    }

    #[test]
    fn what_is_not_a_hinted_truetype_font_is_refused() {
        assert_eq!(unhinted(b""), None);
        assert_eq!(unhinted(b"\0\x01\0\0\0\x09garbage"), None);
        // A copy has a `prep`; the same font without one is left alone.
        let copy = window_copy(Style::Regular);
        let renamed = {
            let mut bytes = copy.clone();
            let count = usize::from(u16_at(&bytes, 4).unwrap_or_default());
            for i in 0..count {
                if &bytes[12 + 16 * i..12 + 16 * i + 4] == b"prep" {
                    bytes[12 + 16 * i..12 + 16 * i + 4].copy_from_slice(b"xxxx");
                }
            }
            bytes
        };
        assert_ne!(renamed, copy);
        assert_eq!(unhinted(&renamed), None);
    }

    #[test]
    fn the_window_fonts_are_loaded_once_from_one_copy() {
        let (first, second) = (fonts(), fonts());
        assert_eq!(first.len(), WINDOW_STYLES.len());
        for (a, b) in first.iter().zip(&second) {
            assert!(matches!((a, b), (Cow::Borrowed(_), Cow::Borrowed(_))));
            assert_eq!(a.as_ptr(), b.as_ptr());
        }
    }
}

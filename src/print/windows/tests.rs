//! The pure parts of Windows printing: where points land, the glyph runs,
//! the DEVMODE wishes, the colours.

use super::spooler::{driver_copies, wish};
use super::*;
use windows_sys::Win32::Graphics::Gdi::{
    DMDUP_SIMPLEX, DMDUP_VERTICAL, DMORIENT_PORTRAIT, DMPAPER_A4,
};

const PRINTER: Device = Device {
    dpi_x: 600.0,
    dpi_y: 600.0,
    offset_x: 100.0,
    offset_y: 120.0,
};

#[test]
fn points_land_past_the_unprintable_margin() {
    // 72 pt is one inch: 600 dots, less the margin the DC starts at.
    assert_eq!(PRINTER.x(72.0), 500);
    assert_eq!(PRINTER.y(72.0), 480);
    assert_eq!(PRINTER.length(0.01), 1);
}

#[test]
fn a_run_draws_the_bundled_glyphs_where_the_layout_measured_them() {
    let text = "Le foie « cesse » d’agir : été";
    let size = 12.0;
    let x = 56.7;
    let run = glyph_run(text, Style::Regular, size, x, &PRINTER);
    assert_eq!(run.glyphs.len(), text.chars().count());
    assert!(run.glyphs.iter().all(|&g| g != 0), "{:?}", run.glyphs);
    let face = Style::Regular.face();
    let e_acute = face.and_then(|f| f.glyph_index('é')).map(|g| g.0);
    assert_eq!(run.glyphs.last().copied(), e_acute);
    // The advances end the run exactly where the layout's width does:
    // no rounding drift along the line.
    let width = lines::width(text, Style::Regular, size);
    let drawn: i32 = run.advances.iter().sum();
    assert_eq!(PRINTER.x(x) + drawn, PRINTER.x(x + width));
}

#[test]
fn a_character_the_font_lacks_is_drawn_as_the_layout_drew_it() {
    let run = glyph_run("a\u{1F600}", Style::Bold, 10.0, 0.0, &PRINTER);
    let question = Style::Bold
        .face()
        .and_then(|f| f.glyph_index('?'))
        .map(|g| g.0);
    assert_eq!(run.glyphs.get(1).copied(), question);
}

#[test]
fn the_devmode_asks_for_a4_portrait_copies_and_long_edge_duplex() {
    let mut devmode = DEVMODEW::default();
    wish(&mut devmode, 3, true);
    assert_eq!(devmode.dmDuplex, DMDUP_VERTICAL);
    assert_eq!(driver_copies(&devmode), 3);
    // SAFETY: the printer half of the union, just written.
    let paper = unsafe { devmode.Anonymous1.Anonymous1 };
    assert_eq!(paper.dmPaperSize, DMPAPER_A4 as i16);
    assert_eq!(paper.dmOrientation, DMORIENT_PORTRAIT as i16);
    wish(&mut devmode, 1, false);
    assert_eq!(devmode.dmDuplex, DMDUP_SIMPLEX);
}

#[test]
fn a_driver_without_copies_makes_one() {
    let devmode = DEVMODEW::default();
    assert_eq!(driver_copies(&devmode), 1);
}

#[test]
fn colours_are_bgr_for_gdi() {
    assert_eq!(colorref(Rgb(0x1b, 0x4f, 0x72)), 0x00_72_4f_1b);
}

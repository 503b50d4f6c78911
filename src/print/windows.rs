//! Printing on Windows through the spooler, with no PDF viewer: the
//! handout's laid-out pages (the same [`Page`]s `handout/pdf.rs` writes as
//! PDF) are drawn on a printer device context with GDI. The bundled fonts
//! are loaded for this process only; text stays text, drawn by glyph index
//! with the layout's own advances, so every line breaks and ends exactly as
//! in the PDF. A4, copies and duplex go in the printer's DEVMODE
//! (`spooler`). Nothing is written to disk: GDI hands the pages to the
//! spooler itself.
//!
//! Every drawing decision is in this file and reads only `Draw` (positions
//! in points from the page's top left, style, size, colour, text): if the
//! layout's page data changes, this file is the one to follow it.

// Win32 is a C API: every call here and in the submodules is `unsafe`. The
// crate denies unsafe code; this module allows it for itself, and each call
// passes only handles it opened, buffers it owns that outlive the call, or
// null where the API documents null.
#![allow(unsafe_code)]

mod spooler;

use std::collections::HashMap;
use std::ptr::{null, null_mut};

use windows_sys::Win32::Foundation::{COLORREF, GetLastError, HANDLE, POINT, RECT};
use windows_sys::Win32::Graphics::Gdi::{
    ALTERNATE, AddFontMemResourceEx, BS_SOLID, CreateDCW, CreateFontIndirectW, CreateSolidBrush,
    DEFAULT_CHARSET, DEVMODEW, DeleteDC, DeleteObject, ETO_GLYPH_INDEX, Ellipse, ExtCreatePen,
    ExtTextOutW, FW_BOLD, FW_NORMAL, FillRect, GetDeviceCaps, GetFontData, GetStockObject, HDC,
    HFONT, HGDIOBJ, LOGBRUSH, LOGFONTW, LOGPIXELSX, LOGPIXELSY, LineTo, MoveToEx, NULL_PEN,
    OUT_TT_ONLY_PRECIS, PHYSICALOFFSETX, PHYSICALOFFSETY, PS_ENDCAP_FLAT, PS_ENDCAP_ROUND,
    PS_GEOMETRIC, PS_JOIN_MITER, PS_JOIN_ROUND, PS_SOLID, PolyPolygon, Polyline,
    RemoveFontMemResourceEx, SelectObject, SetBkMode, SetPolyFillMode, SetTextAlign, SetTextColor,
    TA_BASELINE, TA_LEFT, TRANSPARENT, WINDING,
};
use windows_sys::Win32::Storage::Xps::{AbortDoc, DOCINFOW, EndDoc, EndPage, StartDocW, StartPage};

use super::{PrintError, PrintJob, Queued};
use crate::figure::{Drawing, dashed};
use crate::fonts::{self, Style};
use crate::handout::layout::{Draw, Page, Rgb, lines};
use spooler::{Printer, default_printer, driver_copies, wish};

/// Draws the job's pages on the printer (the settings' one, else the
/// default) and returns the spooler's job id.
pub fn print(job: &PrintJob) -> Result<Queued, PrintError> {
    let pages = &job.layout.0.pages;
    if pages.is_empty() {
        return Err(PrintError::Refused("no page to print".into()));
    }
    let name = match &job.printer {
        Some(name) => name.clone(),
        None => default_printer()?,
    };
    let printer = Printer::open(&name)?;
    if printer.paused()? {
        return Err(PrintError::QueueStopped(name));
    }
    let copies = job.copies.clamp(1, 99);
    let mut devmode = printer.devmode(copies, job.duplex)?;
    // A driver that cannot make that many copies itself is asked for one,
    // and gets the pages that often.
    let rounds = if driver_copies(devmode.get()) >= copies {
        1
    } else {
        wish(devmode.get_mut(), 1, job.duplex);
        copies
    };
    let fonts = PrivateFonts::load()?;
    let mut dc = Dc::create(&name, devmode.get())?;
    let job_id = dc.print(&job.title, pages, rounds)?;
    drop(dc);
    drop(fonts);
    Ok(Queued {
        job_id: job_id.to_string(),
        printer: Some(name),
    })
}

/// NUL-terminated UTF-16, as Win32 takes strings.
fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(std::iter::once(0)).collect()
}

/// The reason Windows gives for the last failed call, in its language.
fn last_error() -> String {
    // SAFETY: reads the calling thread's last-error value.
    let code = unsafe { GetLastError() };
    std::io::Error::from_raw_os_error(code as i32).to_string()
}

/// The four bundled styles, loaded for this process only (not installed,
/// not visible to other programs), unloaded when dropped.
struct PrivateFonts(Vec<HANDLE>);

impl PrivateFonts {
    fn load() -> Result<PrivateFonts, PrintError> {
        let mut loaded = PrivateFonts(Vec::new());
        for style in Style::ALL {
            let bytes = style.bytes();
            let mut count = 0u32;
            // The count is written by GDI although windows-sys declares
            // the pointer const: it is passed from a mutable place.
            let count_out = (&raw mut count).cast_const();
            // SAFETY: the font's bytes are 'static; GDI copies them.
            let handle = unsafe {
                AddFontMemResourceEx(bytes.as_ptr().cast(), bytes.len() as u32, null(), count_out)
            };
            if handle.is_null() {
                return Err(PrintError::Refused(format!(
                    "the bundled font could not be loaded: {}",
                    last_error()
                )));
            }
            loaded.0.push(handle);
        }
        Ok(loaded)
    }
}

impl Drop for PrivateFonts {
    fn drop(&mut self) {
        for handle in &self.0 {
            // SAFETY: handles AddFontMemResourceEx gave, removed once.
            unsafe { RemoveFontMemResourceEx(*handle) };
        }
    }
}

/// Where a point of the page lands on the printer: its resolution, and the
/// margin it cannot print in (the device context starts there).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Device {
    dpi_x: f32,
    dpi_y: f32,
    offset_x: f32,
    offset_y: f32,
}

impl Device {
    fn x(&self, points: f32) -> i32 {
        (points * self.dpi_x / 72.0 - self.offset_x).round() as i32
    }

    fn y(&self, points: f32) -> i32 {
        (points * self.dpi_y / 72.0 - self.offset_y).round() as i32
    }

    /// A length in device units along x, at least one.
    fn length(&self, points: f32) -> i32 {
        ((points * self.dpi_x / 72.0).round() as i32).max(1)
    }
}

/// A run of text as GDI draws it: glyph indices of the bundled font, and
/// each glyph's advance in device units. The advances are the layout's
/// (the font's, at the layout's size) rounded from the run's start, so the
/// rounding never adds up along a line.
#[derive(Debug, Clone, PartialEq)]
struct GlyphRun {
    glyphs: Vec<u16>,
    advances: Vec<i32>,
}

fn glyph_run(text: &str, style: Style, size: f32, x: f32, device: &Device) -> GlyphRun {
    let face = style.face();
    let mut run = GlyphRun {
        glyphs: Vec::with_capacity(text.len()),
        advances: Vec::with_capacity(text.len()),
    };
    let mut pen = x;
    let mut at = device.x(x);
    for c in text.chars() {
        let c = lines::drawable(c);
        run.glyphs
            .push(face.and_then(|f| f.glyph_index(c)).map_or(0, |g| g.0));
        pen += lines::advance(style, c) * size;
        let next = device.x(pen);
        run.advances.push(next - at);
        at = next;
    }
    run
}

/// A colour as GDI takes it (0x00BBGGRR).
fn colorref(rgb: Rgb) -> COLORREF {
    u32::from(rgb.0) | u32::from(rgb.1) << 8 | u32::from(rgb.2) << 16
}

/// A printer device context with the job's settings, deleted when dropped
/// (with the fonts it made).
struct Dc {
    hdc: HDC,
    device: Device,
    fonts: HashMap<(Style, i32), HFONT>,
    /// The font the DC came with, put back before ours are deleted.
    original_font: Option<HGDIOBJ>,
}

impl Dc {
    fn create(name: &str, devmode: &DEVMODEW) -> Result<Dc, PrintError> {
        let driver = wide("WINSPOOL");
        let device = wide(name);
        // SAFETY: NUL-terminated strings and a DEVMODE that outlive the call.
        let hdc = unsafe { CreateDCW(driver.as_ptr(), device.as_ptr(), null(), devmode) };
        if hdc.is_null() {
            return Err(PrintError::Refused(last_error()));
        }
        // SAFETY: a valid DC, read-only queries.
        let caps = |index| unsafe { GetDeviceCaps(hdc, index as i32) } as f32;
        let device = Device {
            dpi_x: caps(LOGPIXELSX),
            dpi_y: caps(LOGPIXELSY),
            offset_x: caps(PHYSICALOFFSETX),
            offset_y: caps(PHYSICALOFFSETY),
        };
        let dc = Dc {
            hdc,
            device,
            fonts: HashMap::new(),
            original_font: None,
        };
        if device.dpi_x <= 0.0 || device.dpi_y <= 0.0 {
            return Err(PrintError::Refused(
                "the printer reports no resolution".into(),
            ));
        }
        Ok(dc)
    }

    /// One spooler job: every page `rounds` times. A failure part-way
    /// cancels the job, so no half handout comes out.
    fn print(&mut self, title: &str, pages: &[Page], rounds: u32) -> Result<i32, PrintError> {
        let title = wide(title);
        let info = DOCINFOW {
            cbSize: std::mem::size_of::<DOCINFOW>() as i32,
            lpszDocName: title.as_ptr(),
            ..Default::default()
        };
        // SAFETY: a valid DC; `info` and the title outlive the call.
        let job = unsafe { StartDocW(self.hdc, &info) };
        if job <= 0 {
            return Err(PrintError::Refused(last_error()));
        }
        let drawn = (0..rounds)
            .flat_map(|_| pages)
            .try_for_each(|page| self.page(page));
        if let Err(error) = drawn {
            // SAFETY: a DC with a document started.
            unsafe { AbortDoc(self.hdc) };
            return Err(error);
        }
        // SAFETY: as above; the spooler now owns the job.
        if unsafe { EndDoc(self.hdc) } <= 0 {
            return Err(PrintError::Refused(last_error()));
        }
        Ok(job)
    }

    fn page(&mut self, page: &Page) -> Result<(), PrintError> {
        // SAFETY: a DC with a document started.
        if unsafe { StartPage(self.hdc) } <= 0 {
            return Err(PrintError::Refused(last_error()));
        }
        // SAFETY: plain state of a valid DC (reset by every StartPage).
        unsafe {
            SetBkMode(self.hdc, TRANSPARENT as i32);
            SetTextAlign(self.hdc, TA_BASELINE | TA_LEFT);
        }
        for draw in &page.draws {
            self.draw(draw)?;
        }
        // SAFETY: as above.
        if unsafe { EndPage(self.hdc) } <= 0 {
            return Err(PrintError::Refused(last_error()));
        }
        Ok(())
    }

    fn draw(&mut self, draw: &Draw) -> Result<(), PrintError> {
        let d = self.device;
        match draw {
            Draw::Text {
                x,
                baseline,
                size,
                style,
                color,
                text,
                ..
            } => {
                self.select_font(*style, *size)?;
                let run = glyph_run(text, *style, *size, *x, &d);
                // SAFETY: glyphs and advances have the same length and
                // outlive the call.
                let ok = unsafe {
                    SetTextColor(self.hdc, colorref(*color));
                    ExtTextOutW(
                        self.hdc,
                        d.x(*x),
                        d.y(*baseline),
                        ETO_GLYPH_INDEX,
                        null(),
                        run.glyphs.as_ptr(),
                        run.glyphs.len() as u32,
                        run.advances.as_ptr(),
                    )
                };
                if ok == 0 {
                    return Err(PrintError::Refused(last_error()));
                }
            }
            Draw::Rect {
                x,
                y,
                width,
                height,
                color,
            } => {
                let rect = RECT {
                    left: d.x(*x),
                    top: d.y(*y),
                    right: d.x(x + width),
                    bottom: d.y(y + height),
                };
                // SAFETY: a brush made and deleted here around the fill.
                unsafe {
                    let brush = CreateSolidBrush(colorref(*color));
                    FillRect(self.hdc, &rect, brush);
                    DeleteObject(brush);
                }
            }
            Draw::Line {
                from,
                to,
                width,
                color,
                dotted: false,
            } => {
                let brush = LOGBRUSH {
                    lbStyle: BS_SOLID,
                    lbColor: colorref(*color),
                    lbHatch: 0,
                };
                let style = (PS_GEOMETRIC | PS_SOLID | PS_ENDCAP_FLAT) as u32;
                // SAFETY: a pen made, selected, put back and deleted here.
                unsafe {
                    let pen = ExtCreatePen(style, d.length(*width) as u32, &brush, 0, null());
                    let old = SelectObject(self.hdc, pen);
                    MoveToEx(self.hdc, d.x(from.0), d.y(from.1), null_mut::<POINT>());
                    LineTo(self.hdc, d.x(to.0), d.y(to.1));
                    SelectObject(self.hdc, old);
                    DeleteObject(pen);
                }
            }
            Draw::Line {
                from,
                to,
                width,
                color,
                dotted: true,
            } => {
                // The PDF's round dots, one every 3 pt, each as wide as
                // the line.
                let r = (d.length(*width) / 2).max(1);
                let length = (to.0 - from.0).hypot(to.1 - from.1);
                let dots = (length / 3.0).floor() as usize;
                // SAFETY: stock pen, and a brush made, selected, put back
                // and deleted here.
                unsafe {
                    let brush = CreateSolidBrush(colorref(*color));
                    let old_brush = SelectObject(self.hdc, brush);
                    let old_pen = SelectObject(self.hdc, GetStockObject(NULL_PEN));
                    for i in 0..=dots {
                        let t = if length > 0.0 {
                            i as f32 * 3.0 / length
                        } else {
                            0.0
                        };
                        let cx = d.x(from.0 + (to.0 - from.0) * t);
                        let cy = d.y(from.1 + (to.1 - from.1) * t);
                        Ellipse(self.hdc, cx - r, cy - r, cx + r + 1, cy + r + 1);
                    }
                    SelectObject(self.hdc, old_pen);
                    SelectObject(self.hdc, old_brush);
                    DeleteObject(brush);
                }
            }
            Draw::Figure {
                x,
                y,
                width,
                height,
                drawing,
                ..
            } => self.figure((*x, *y, *width, *height), drawing)?,
            // Links are for the screen: paper has none.
            Draw::Link { .. } => {}
        }
        Ok(())
    }

    /// A figure's shapes, scaled into its box the way the PDF draws them:
    /// each shape's curves cut into short lines, filled as polygons
    /// (non-zero or even-odd), then outlined with polylines, dashes cut by
    /// hand. Polygons and polylines are what every printer driver draws
    /// (Wine's refused GDI paths with curves).
    fn figure(
        &mut self,
        (x, y, width, height): (f32, f32, f32, f32),
        drawing: &Drawing,
    ) -> Result<(), PrintError> {
        let d = self.device;
        let (sx, sy) = drawing.scales(width, height);
        let at = |(px, py): (f32, f32)| POINT {
            x: d.x(x + px * sx),
            y: d.y(y + py * sy),
        };
        for shape in &drawing.shapes {
            let lines = shape.polylines(16);
            if let Some((r, g, b)) = shape.fill {
                let rings: Vec<&Vec<(f32, f32)>> = lines
                    .iter()
                    .map(|(points, _)| points)
                    .filter(|points| points.len() >= 3)
                    .collect();
                let points: Vec<POINT> = rings
                    .iter()
                    .flat_map(|r| r.iter().map(|p| at(*p)))
                    .collect();
                let counts: Vec<i32> = rings.iter().map(|r| r.len() as i32).collect();
                if !counts.is_empty() {
                    // SAFETY: a brush made, selected, put back and deleted
                    // here; the points and counts outlive the call.
                    let ok = unsafe {
                        let brush = CreateSolidBrush(colorref(Rgb(r, g, b)));
                        let old_brush = SelectObject(self.hdc, brush);
                        let old_pen = SelectObject(self.hdc, GetStockObject(NULL_PEN));
                        SetPolyFillMode(self.hdc, if shape.even_odd { ALTERNATE } else { WINDING });
                        let ok = PolyPolygon(
                            self.hdc,
                            points.as_ptr(),
                            counts.as_ptr(),
                            counts.len() as i32,
                        );
                        SelectObject(self.hdc, old_pen);
                        SelectObject(self.hdc, old_brush);
                        DeleteObject(brush);
                        ok
                    };
                    if ok == 0 {
                        return Err(PrintError::Refused(last_error()));
                    }
                }
            }
            let Some(stroke) = &shape.stroke else {
                continue;
            };
            let scale = sx.min(sy);
            let (r, g, b) = stroke.color;
            let solid = LOGBRUSH {
                lbStyle: BS_SOLID,
                lbColor: colorref(Rgb(r, g, b)),
                lbHatch: 0,
            };
            let ends = if stroke.round {
                PS_ENDCAP_ROUND | PS_JOIN_ROUND
            } else {
                PS_ENDCAP_FLAT | PS_JOIN_MITER
            };
            let style = (PS_GEOMETRIC | PS_SOLID | ends) as u32;
            let width = d.length(stroke.width * scale) as u32;
            let mut pieces: Vec<Vec<(f32, f32)>> = Vec::new();
            for (points, closed) in &lines {
                let mut points = points.clone();
                if *closed && let Some(&first) = points.first() {
                    points.push(first);
                }
                if stroke.dash.is_empty() {
                    pieces.push(points);
                } else {
                    pieces.extend(dashed(&points, &stroke.dash));
                }
            }
            // SAFETY: a pen made, selected, put back and deleted here; the
            // points outlive each call.
            let ok = unsafe {
                let pen = ExtCreatePen(style, width, &solid, 0, null());
                let old_pen = SelectObject(self.hdc, pen);
                let mut ok = 1;
                for piece in pieces.iter().filter(|p| p.len() >= 2) {
                    let points: Vec<POINT> = piece.iter().map(|p| at(*p)).collect();
                    ok &= Polyline(self.hdc, points.as_ptr(), points.len() as i32);
                }
                SelectObject(self.hdc, old_pen);
                DeleteObject(pen);
                ok
            };
            if ok == 0 {
                return Err(PrintError::Refused(last_error()));
            }
        }
        Ok(())
    }

    /// Selects the bundled style at `size` points. The first time, checks
    /// that GDI really picked the bundled file (an installed font of the
    /// same name would have other glyph indices).
    fn select_font(&mut self, style: Style, size: f32) -> Result<(), PrintError> {
        let height = -((size * self.device.dpi_y / 72.0).round() as i32);
        let font = match self.fonts.get(&(style, height)) {
            Some(font) => *font,
            None => {
                let font = create_font(style, height)?;
                self.fonts.insert((style, height), font);
                // SAFETY: a font we made, selected in a valid DC.
                let old = unsafe { SelectObject(self.hdc, font) };
                self.original_font.get_or_insert(old);
                // SAFETY: a null buffer asks for the whole file's size.
                let file = unsafe { GetFontData(self.hdc, 0, 0, null_mut(), 0) };
                if file as usize != style.bytes().len() {
                    return Err(PrintError::Refused(format!(
                        "Windows drew with another font than the bundled {}",
                        fonts::FAMILY
                    )));
                }
                font
            }
        };
        // SAFETY: a font we made, selected in a valid DC.
        unsafe { SelectObject(self.hdc, font) };
        Ok(())
    }
}

impl Drop for Dc {
    fn drop(&mut self) {
        // SAFETY: the DC's own font goes back before ours are deleted; each
        // object and the DC are deleted once.
        unsafe {
            if let Some(original) = self.original_font {
                SelectObject(self.hdc, original);
            }
            for font in self.fonts.values() {
                DeleteObject(*font);
            }
            DeleteDC(self.hdc);
        }
    }
}

/// A font of the bundled family, `height` device units from top to bottom
/// of the em (negative, as LOGFONT says "the em, not the cell").
fn create_font(style: Style, height: i32) -> Result<HFONT, PrintError> {
    let mut face = [0u16; 32];
    for (slot, unit) in face.iter_mut().zip(fonts::FAMILY.encode_utf16().take(31)) {
        *slot = unit;
    }
    let (bold, italic) = match style {
        Style::Regular => (false, false),
        Style::Bold => (true, false),
        Style::Italic => (false, true),
        Style::BoldItalic => (true, true),
    };
    let logfont = LOGFONTW {
        lfHeight: height,
        lfWeight: if bold { FW_BOLD } else { FW_NORMAL } as i32,
        lfItalic: u8::from(italic),
        lfCharSet: DEFAULT_CHARSET,
        lfOutPrecision: OUT_TT_ONLY_PRECIS,
        lfFaceName: face,
        ..Default::default()
    };
    // SAFETY: a LOGFONTW that outlives the call.
    let font = unsafe { CreateFontIndirectW(&logfont) };
    if font.is_null() {
        return Err(PrintError::Refused(last_error()));
    }
    Ok(font)
}

#[cfg(test)]
mod tests;

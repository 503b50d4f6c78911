//! Printing on Windows through the spooler, with no PDF viewer: the
//! handout's laid-out pages (the same [`Page`]s `handout/pdf.rs` writes as
//! PDF) are drawn on a printer device context with GDI. The bundled fonts
//! are loaded for this process only; text stays text, drawn by glyph index
//! with the layout's own advances, so every line breaks and ends exactly as
//! in the PDF. A4, copies and duplex go in the printer's DEVMODE. Nothing is
//! written to disk: GDI hands the pages to the spooler itself.
//!
//! Every drawing decision reads only `Draw` (positions in points from the
//! page's top left, style, size, colour, text): if the layout's page data
//! changes, this file is the one to follow it.

// Win32 is a C API: every call here is `unsafe`. The crate denies unsafe
// code; this module allows it for itself, and each call passes only
// handles it opened, buffers it owns that outlive the call, or null where
// the API documents null.
#![allow(unsafe_code)]

use std::collections::HashMap;
use std::ptr::{null, null_mut};

use windows_sys::Win32::Foundation::{
    COLORREF, ERROR_FILE_NOT_FOUND, ERROR_INVALID_PRINTER_NAME, GetLastError, HANDLE, POINT, RECT,
};
use windows_sys::Win32::Graphics::Gdi::{
    AddFontMemResourceEx, BS_SOLID, CreateDCW, CreateFontIndirectW, CreateSolidBrush,
    DEFAULT_CHARSET, DEVMODEW, DM_COLLATE, DM_COPIES, DM_DUPLEX, DM_IN_BUFFER, DM_ORIENTATION,
    DM_OUT_BUFFER, DM_PAPERSIZE, DMCOLLATE_TRUE, DMDUP_SIMPLEX, DMDUP_VERTICAL, DMORIENT_PORTRAIT,
    DMPAPER_A4, DeleteDC, DeleteObject, ETO_GLYPH_INDEX, Ellipse, ExtCreatePen, ExtTextOutW,
    FW_BOLD, FW_NORMAL, FillRect, GetDeviceCaps, GetFontData, GetStockObject, HDC, HFONT, HGDIOBJ,
    LOGBRUSH, LOGFONTW, LOGPIXELSX, LOGPIXELSY, LineTo, MoveToEx, NULL_PEN, OUT_TT_ONLY_PRECIS,
    PHYSICALOFFSETX, PHYSICALOFFSETY, PS_ENDCAP_FLAT, PS_GEOMETRIC, PS_SOLID,
    RemoveFontMemResourceEx, SelectObject, SetBkMode, SetTextAlign, SetTextColor, TA_BASELINE,
    TA_LEFT, TRANSPARENT,
};
use windows_sys::Win32::Graphics::Printing::{
    ClosePrinter, DocumentPropertiesW, GetDefaultPrinterW, GetPrinterW, OpenPrinterW,
    PRINTER_HANDLE, PRINTER_INFO_2W, PRINTER_STATUS_PAUSED,
};
use windows_sys::Win32::Storage::Xps::{AbortDoc, DOCINFOW, EndDoc, EndPage, StartDocW, StartPage};

use super::{PrintError, PrintJob, Queued};
use crate::fonts::{self, Style};
use crate::handout::layout::{Draw, Page, Rgb, lines};

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
    let devmode = printer.devmode(copies, job.duplex)?;
    // A driver that cannot make copies itself gets the pages that often.
    let rounds = if driver_copies(devmode.get()) >= copies {
        1
    } else {
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

/// The system's default printer.
fn default_printer() -> Result<String, PrintError> {
    let mut len = 0u32;
    // SAFETY: a null buffer asks for the length, written into `len`.
    if unsafe { GetDefaultPrinterW(null_mut(), &mut len) } == 0 {
        // SAFETY: as in `last_error`.
        let code = unsafe { GetLastError() };
        if code == ERROR_FILE_NOT_FOUND || len == 0 {
            return Err(PrintError::NoPrinter);
        }
    }
    let mut buffer = vec![0u16; len as usize];
    // SAFETY: `buffer` holds `len` UTF-16 units, as the call was told.
    if unsafe { GetDefaultPrinterW(buffer.as_mut_ptr(), &mut len) } == 0 {
        return Err(PrintError::NoPrinter);
    }
    let end = buffer.iter().position(|&u| u == 0).unwrap_or(buffer.len());
    Ok(String::from_utf16_lossy(&buffer[..end]))
}

/// An open printer, closed when dropped.
struct Printer {
    handle: PRINTER_HANDLE,
    name: Vec<u16>,
}

impl Printer {
    fn open(name: &str) -> Result<Printer, PrintError> {
        let wide_name = wide(name);
        let mut handle = PRINTER_HANDLE::default();
        // SAFETY: a NUL-terminated name that outlives the call; the handle
        // is written into `handle`; no access defaults.
        if unsafe { OpenPrinterW(wide_name.as_ptr(), &mut handle, null()) } == 0 {
            // SAFETY: as in `last_error`.
            return Err(match unsafe { GetLastError() } {
                ERROR_INVALID_PRINTER_NAME => PrintError::UnknownPrinter(name.to_string()),
                _ => PrintError::Refused(last_error()),
            });
        }
        Ok(Printer {
            handle,
            name: wide_name,
        })
    }

    /// Whether the queue is paused: it would take the job and hold it.
    fn paused(&self) -> Result<bool, PrintError> {
        let mut needed = 0u32;
        // SAFETY: a null buffer of size 0 asks for the size needed.
        unsafe { GetPrinterW(self.handle, 2, null_mut(), 0, &mut needed) };
        if needed == 0 {
            return Err(PrintError::Refused(last_error()));
        }
        // u64s so that the PRINTER_INFO_2W at its start is aligned.
        let mut buffer = vec![0u64; (needed as usize).div_ceil(8)];
        // SAFETY: `buffer` holds at least `needed` bytes.
        let ok = unsafe {
            GetPrinterW(
                self.handle,
                2,
                buffer.as_mut_ptr().cast(),
                needed,
                &mut needed,
            )
        };
        if ok == 0 {
            return Err(PrintError::Refused(last_error()));
        }
        // SAFETY: Windows wrote a PRINTER_INFO_2W at the buffer's start.
        let info = unsafe { &*buffer.as_ptr().cast::<PRINTER_INFO_2W>() };
        Ok(info.Status & PRINTER_STATUS_PAUSED != 0)
    }

    /// The printer's DEVMODE with A4 portrait, the copies and the sides
    /// asked for, as the driver accepted them.
    fn devmode(&self, copies: u32, duplex: bool) -> Result<DevMode, PrintError> {
        // SAFETY: null DEVMODEs and mode 0 ask for the size of the driver's.
        let size = unsafe {
            DocumentPropertiesW(
                null_mut(),
                self.handle,
                self.name.as_ptr(),
                null_mut(),
                null(),
                0,
            )
        };
        if size <= 0 {
            return Err(PrintError::Refused(last_error()));
        }
        let mut wished = DevMode::zeroed(size as usize);
        let mut accepted = DevMode::zeroed(size as usize);
        // SAFETY: `wished` holds `size` bytes, aligned for DEVMODEW.
        let got = unsafe {
            DocumentPropertiesW(
                null_mut(),
                self.handle,
                self.name.as_ptr(),
                wished.as_mut_ptr(),
                null(),
                DM_OUT_BUFFER,
            )
        };
        if got < 0 {
            return Err(PrintError::Refused(last_error()));
        }
        wish(wished.get_mut(), copies, duplex);
        // SAFETY: both buffers hold `size` bytes; the driver merges the
        // wishes into its own settings.
        let merged = unsafe {
            DocumentPropertiesW(
                null_mut(),
                self.handle,
                self.name.as_ptr(),
                accepted.as_mut_ptr(),
                wished.as_mut_ptr(),
                DM_IN_BUFFER | DM_OUT_BUFFER,
            )
        };
        if merged < 0 {
            return Err(PrintError::Refused(last_error()));
        }
        Ok(accepted)
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        // SAFETY: a handle OpenPrinterW gave, closed once.
        unsafe { ClosePrinter(self.handle) };
    }
}

/// A DEVMODEW with the driver's private bytes after it.
struct DevMode(Vec<u64>);

impl DevMode {
    fn zeroed(bytes: usize) -> DevMode {
        let words = bytes.max(std::mem::size_of::<DEVMODEW>()).div_ceil(8);
        DevMode(vec![0; words])
    }

    fn as_mut_ptr(&mut self) -> *mut DEVMODEW {
        self.0.as_mut_ptr().cast()
    }

    fn get(&self) -> &DEVMODEW {
        // SAFETY: the buffer is at least a DEVMODEW, aligned, and all-zero
        // bytes are a valid DEVMODEW.
        unsafe { &*self.0.as_ptr().cast::<DEVMODEW>() }
    }

    fn get_mut(&mut self) -> &mut DEVMODEW {
        // SAFETY: as in `get`.
        unsafe { &mut *self.as_mut_ptr() }
    }
}

/// Writes A4 portrait, the copies (collated) and the sides into a DEVMODE.
fn wish(devmode: &mut DEVMODEW, copies: u32, duplex: bool) {
    devmode.dmFields |= DM_PAPERSIZE | DM_ORIENTATION | DM_COPIES | DM_DUPLEX | DM_COLLATE;
    // SAFETY: the printer half of the union; plain integers either way.
    let paper = unsafe { &mut devmode.Anonymous1.Anonymous1 };
    paper.dmPaperSize = DMPAPER_A4 as i16;
    paper.dmOrientation = DMORIENT_PORTRAIT as i16;
    paper.dmCopies = copies.clamp(1, 99) as i16;
    // Portrait pages turn on their long edge.
    devmode.dmDuplex = if duplex {
        DMDUP_VERTICAL
    } else {
        DMDUP_SIMPLEX
    };
    devmode.dmCollate = DMCOLLATE_TRUE;
}

/// How many copies the driver will make of each page itself.
fn driver_copies(devmode: &DEVMODEW) -> u32 {
    if devmode.dmFields & DM_COPIES == 0 {
        return 1;
    }
    // SAFETY: as in `wish`.
    let copies = unsafe { devmode.Anonymous1.Anonymous1.dmCopies };
    u32::try_from(copies).unwrap_or(1).max(1)
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
            // SAFETY: the font's bytes are 'static; GDI copies them.
            let handle = unsafe {
                AddFontMemResourceEx(
                    bytes.as_ptr().cast(),
                    bytes.len() as u32,
                    null(),
                    &mut count,
                )
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
            // Links are for the screen: paper has none.
            Draw::Link { .. } => {}
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
mod tests {
    use super::*;

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
}

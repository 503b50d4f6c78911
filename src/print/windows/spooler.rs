//! The spooler's side of a Windows print job: which printer, whether its
//! queue is paused, and the DEVMODE that asks it for A4 portrait, the
//! copies and the sides.

use std::ptr::{null, null_mut};

use windows_sys::Win32::Foundation::{
    ERROR_FILE_NOT_FOUND, ERROR_INVALID_PRINTER_NAME, GetLastError,
};
use windows_sys::Win32::Graphics::Gdi::{
    DEVMODEW, DM_COLLATE, DM_COPIES, DM_DUPLEX, DM_IN_BUFFER, DM_ORIENTATION, DM_OUT_BUFFER,
    DM_PAPERSIZE, DMCOLLATE_TRUE, DMDUP_SIMPLEX, DMDUP_VERTICAL, DMORIENT_PORTRAIT, DMPAPER_A4,
};
use windows_sys::Win32::Graphics::Printing::{
    ClosePrinter, DocumentPropertiesW, GetDefaultPrinterW, GetPrinterW, OpenPrinterW,
    PRINTER_HANDLE, PRINTER_INFO_2W, PRINTER_STATUS_PAUSED,
};

use super::{last_error, wide};
use crate::print::PrintError;

/// The system's default printer.
pub(super) fn default_printer() -> Result<String, PrintError> {
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
pub(super) struct Printer {
    handle: PRINTER_HANDLE,
    name: Vec<u16>,
}

impl Printer {
    pub(super) fn open(name: &str) -> Result<Printer, PrintError> {
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
    pub(super) fn paused(&self) -> Result<bool, PrintError> {
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
    pub(super) fn devmode(&self, copies: u32, duplex: bool) -> Result<DevMode, PrintError> {
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
pub(super) struct DevMode(Vec<u64>);

impl DevMode {
    fn zeroed(bytes: usize) -> DevMode {
        let words = bytes.max(std::mem::size_of::<DEVMODEW>()).div_ceil(8);
        DevMode(vec![0; words])
    }

    fn as_mut_ptr(&mut self) -> *mut DEVMODEW {
        self.0.as_mut_ptr().cast()
    }

    pub(super) fn get(&self) -> &DEVMODEW {
        // SAFETY: the buffer is at least a DEVMODEW, aligned, and all-zero
        // bytes are a valid DEVMODEW.
        unsafe { &*self.0.as_ptr().cast::<DEVMODEW>() }
    }

    pub(super) fn get_mut(&mut self) -> &mut DEVMODEW {
        // SAFETY: as in `get`.
        unsafe { &mut *self.as_mut_ptr() }
    }
}

/// Writes A4 portrait, the copies (collated) and the sides into a DEVMODE.
pub(super) fn wish(devmode: &mut DEVMODEW, copies: u32, duplex: bool) {
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
pub(super) fn driver_copies(devmode: &DEVMODEW) -> u32 {
    if devmode.dmFields & DM_COPIES == 0 {
        return 1;
    }
    // SAFETY: as in `wish`.
    let copies = unsafe { devmode.Anonymous1.Anonymous1.dmCopies };
    u32::try_from(copies).unwrap_or(1).max(1)
}

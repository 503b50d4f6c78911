//! The terminal of a Windows program built as a GUI program: the shipped
//! `patient-info.exe` has no console window of its own (it would sit behind
//! the reading window), so a subcommand typed in `cmd` or PowerShell joins
//! the console of the shell that started it to print there. Elsewhere, and
//! when the output is already redirected to a file or a pipe, nothing
//! changes.

/// Makes standard output and error reach the parent's console when they
/// lead nowhere. Call it before printing anything.
pub fn attach_to_parent() {
    #[cfg(windows)]
    windows::attach_to_parent();
}

// The Win32 calls need `unsafe`: the crate otherwise denies it. Each call
// gets only handles Windows gave us or null pointers where the API allows
// them.
#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use windows_sys::Win32::Foundation::{
        GENERIC_READ, GENERIC_WRITE, HANDLE, INVALID_HANDLE_VALUE,
    };
    use windows_sys::Win32::Storage::FileSystem::{
        CreateFileW, FILE_SHARE_READ, FILE_SHARE_WRITE, OPEN_EXISTING,
    };
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_HANDLE,
        STD_OUTPUT_HANDLE, SetStdHandle,
    };

    /// A standard handle that leads nowhere: a GUI program started from a
    /// console gets none. One redirected to a file or a pipe is kept.
    fn missing(which: STD_HANDLE) -> bool {
        // SAFETY: GetStdHandle only reads the process's handle table.
        let handle = unsafe { GetStdHandle(which) };
        handle.is_null() || handle == INVALID_HANDLE_VALUE
    }

    pub fn attach_to_parent() {
        let streams = [STD_OUTPUT_HANDLE, STD_ERROR_HANDLE];
        if !streams.iter().any(|&s| missing(s)) {
            return;
        }
        // SAFETY: no pointers; fails harmlessly when there is no parent
        // console (started from the Start menu or Explorer).
        if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
            return;
        }
        // Rust's standard library asks Windows for the standard handle on
        // every write, so setting it here is enough for `println!`.
        let name: Vec<u16> = "CONOUT$\0".encode_utf16().collect();
        for stream in streams {
            if !missing(stream) {
                continue;
            }
            // SAFETY: `name` is a NUL-terminated UTF-16 string that lives
            // across the call; no security attributes nor template.
            let console: HANDLE = unsafe {
                CreateFileW(
                    name.as_ptr(),
                    GENERIC_READ | GENERIC_WRITE,
                    FILE_SHARE_READ | FILE_SHARE_WRITE,
                    std::ptr::null(),
                    OPEN_EXISTING,
                    0,
                    std::ptr::null_mut(),
                )
            };
            if console != INVALID_HANDLE_VALUE {
                // SAFETY: a handle we just opened, kept open for the
                // process's life.
                unsafe { SetStdHandle(stream, console) };
            }
        }
    }
}

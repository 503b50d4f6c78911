//! The settings file (`settings.ron`): lenient by design. An unknown key or a
//! bad value falls back to its default with a warning naming its line and
//! column; a syntax error costs only the part it is in; nothing in it can
//! keep the program from starting on a waiting-room computer.
//!
//! Except kiosk mode, which fails closed: it is on when the file asks for
//! it, and also when the file cannot be read well enough to know whether it
//! does (see [`read`] and the README's Settings section).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ron::Value;

use crate::Lang;
use crate::files::{self, ReadError};

mod problem;
mod scan;
mod value;

pub use problem::{FolderProblem, SettingsProblem, SettingsWarning};
pub use scan::FlawKind;

/// The smallest countdown the idle warning may show (WCAG 2.2.1 asks for
/// at least 20 seconds to respond); `idle_warning_s` in the table.
pub const MIN_IDLE_WARNING_S: u32 = 20;
/// Text sizes the window offers, in percent; `default_text_size` in the
/// table.
pub const TEXT_SIZES: std::ops::RangeInclusive<u16> = 100..=200;
/// Settings are a few lines; a larger file is refused unread.
pub const MAX_BYTES: u64 = 64 * 1024;

/// One key of the settings file: its name, what fits (for the warning),
/// its limits when it is a number, and how its value is read.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub expected: &'static str,
    pub limits: Option<(u64, u64)>,
    /// Stores the value in the settings; false when it does not fit.
    apply: fn(&mut Settings, &Value) -> bool,
}

/// The warning text of each kind of value.
macro_rules! expected {
    (flag) => {
        "true / false"
    };
    (int($min:literal, $max:literal)) => {
        concat!($min, " – ", $max)
    };
    (lang) => {
        "\"fr\" / \"en\""
    };
    (text) => {
        "\"text\""
    };
    (path) => {
        "\"/a/folder\""
    };
    (phone) => {
        "\"+33 4 72 00 00 00\": digits, spaces, + . - ( )"
    };
    (staff_code) => {
        "\"1234\": 4 – 12 digits"
    };
    (keyboard) => {
        "\"auto\" / \"always\" / \"never\""
    };
    (per_lang) => {
        "\"text\" / { \"fr\": \"texte\", \"en\": \"text\" }"
    };
}

/// The bounds of a number, for [`Key::limits`].
macro_rules! limits {
    () => {
        None
    };
    ($min:literal, $max:literal) => {
        Some(($min, $max))
    };
}

/// Writes the settings once: the struct, its defaults and the table of
/// keys all come from these rows (name: type = default, kind(limits)).
macro_rules! settings_table {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $ty:ty = $default:expr, $kind:ident $(($min:literal, $max:literal))?;
    )*) => {
        /// Every setting, with its value or its default.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Settings {
            $( $(#[doc = $doc])* pub $name: $ty, )*
        }

        impl Default for Settings {
            fn default() -> Self {
                Settings { $( $name: $default, )* }
            }
        }

        /// Every key the settings file may hold, in the order of the
        /// example file.
        pub const KEYS: &[Key] = &[$(
            Key {
                name: stringify!($name),
                expected: expected!($kind $(($min, $max))?),
                limits: limits!($($min, $max)?),
                apply: |s: &mut Settings, v: &Value| match value::$kind(v $(, $min, $max)?) {
                    Some(x) => {
                        s.$name = x;
                        true
                    }
                    None => false,
                },
            },
        )*];
    };
}

settings_table! {
    /// Waiting-room mode: fullscreen, idle reset, no file dialog.
    kiosk: bool = false, flag;
    /// Seconds without input before « Êtes-vous toujours là ? ».
    idle_timeout_s: u32 = 120, int(10, 86400);
    /// Seconds of countdown before the reset; never under 20.
    idle_warning_s: u32 = 30, int(20, 600);
    /// Language at start and after a reset.
    default_language: Lang = Lang::Fr, lang;
    /// Percent, 100 to 200.
    default_text_size: u16 = 100, int(100, 200);
    /// Printed in handout footers.
    clinic_name: Option<String> = None, text;
    /// The clinic's telephone number, as written (digits, spaces, + . - ( )).
    clinic_phone: Option<String> = None, phone;
    /// Content folder to read instead of the built-in copy.
    content_dir: Option<PathBuf> = None, path;
    /// Where PDFs are saved when no dialog is used; the documents folder
    /// when unset.
    export_dir: Option<PathBuf> = None, path;
    /// A print queue name; the system default when unset.
    printer: Option<String> = None, text;
    /// Copies of each printed handout.
    copies: u32 = 1, int(1, 20);
    /// Printing on both sides.
    duplex: bool = false, flag;
    /// Whether « Enregistrer en PDF… » may open a file dialog (never in
    /// kiosk mode).
    allow_save_dialog: bool = true, flag;
    /// Digits a staff member types to leave kiosk mode; kiosk mode cannot be
    /// left from the window without it.
    staff_exit_code: Option<String> = None, staff_code;
    /// The on-screen keyboard of « Rechercher »: shown in kiosk mode and
    /// when the field is tapped (auto), always, or never.
    on_screen_keyboard: OnScreenKeyboard = OnScreenKeyboard::Auto, keyboard;
    /// Said on the kiosk's screen after a print: where the paper comes out.
    /// One text for both languages, or one per language.
    print_pickup_message: PerLang = PerLang::pickup(), per_lang;
}

/// A text the settings give per language (`print_pickup_message`): one
/// text for both (`"…"`), or `{ "fr": "…", "en": "…" }`, where a language
/// left out keeps its default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerLang {
    pub fr: String,
    pub en: String,
}

impl PerLang {
    /// « Votre document sort à l'accueil » / « Your document comes out at
    /// the reception desk ».
    pub fn pickup() -> PerLang {
        PerLang {
            fr: crate::i18n::Label::PickupMessage.get(Lang::Fr).to_string(),
            en: crate::i18n::Label::PickupMessage.get(Lang::En).to_string(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// When « Rechercher » shows its on-screen keyboard
/// (`on_screen_keyboard` in the settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnScreenKeyboard {
    /// In kiosk mode, and when the field is tapped or clicked.
    #[default]
    Auto,
    /// Whenever the search screen is open.
    Always,
    /// Never (a physical keyboard is there).
    Never,
}

/// The settings that apply, and what was ignored on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub settings: Settings,
    /// The file that was read, if any.
    pub path: Option<PathBuf>,
    pub warnings: Vec<SettingsWarning>,
}

/// The settings file in the platform's config folder
/// (`~/.config/patient-info/settings.ron` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("fr", "", "patient-info")
        .map(|d| d.config_dir().join("settings.ron"))
}

/// Finds and reads the settings: `explicit` (from `--settings FILE`), else
/// the platform's config folder, else defaults. Never fails.
pub fn load(explicit: Option<&Path>) -> Loaded {
    match explicit {
        Some(path) => read(path),
        // Anything standing at the usual place is read (and refused if it is
        // a pipe or a folder): only a path with nothing there means « no
        // settings ».
        None => match default_path().filter(|p| p.symlink_metadata().is_ok()) {
            Some(path) => read(&path),
            None => Loaded::default(),
        },
    }
}

/// Reads one settings file. A file that cannot be read at all (missing
/// when it was named, not an ordinary file, over 64 KiB, not UTF-8, refused
/// by the system) gives the defaults with kiosk mode ON: whether it asked
/// for kiosk mode cannot be known, and a waiting-room computer must stay
/// locked. A file that is read keeps every key that can be read.
pub fn read(path: &Path) -> Loaded {
    let place = path.display().to_string();
    let text = files::read_regular(path, MAX_BYTES).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|_| ReadError::System("not UTF-8 text".into()))
    });
    match text {
        Ok(text) => {
            let parsed = parse_located(&text, &place);
            let mut loaded = parsed.loaded;
            if let (Some(dir), Some(at)) = (&loaded.settings.export_dir, parsed.export_dir_at)
                && let Some(problem) = check_folder(dir)
            {
                loaded.warnings.push(SettingsWarning {
                    place: format!("{place}:{}:{}", at.0, at.1),
                    kind: SettingsProblem::ExportDir {
                        path: dir.clone(),
                        problem,
                    },
                });
            }
            loaded.path = Some(path.to_path_buf());
            loaded
        }
        Err(reason) => Loaded {
            settings: Settings {
                kiosk: true,
                ..Settings::default()
            },
            path: None,
            warnings: vec![SettingsWarning {
                place,
                kind: SettingsProblem::Unreadable { reason },
            }],
        },
    }
}

/// Whether a handout could be saved in `dir` now. Writability is tried,
/// not guessed from permission bits: an unnamed temporary file (never
/// visible, gone when closed) is created there.
pub fn check_folder(dir: &Path) -> Option<FolderProblem> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(FolderProblem::Missing),
        Err(e) => Some(FolderProblem::NotWritable(e.to_string())),
        Ok(meta) if !meta.is_dir() => Some(FolderProblem::NotAFolder),
        Ok(_) => tempfile::tempfile_in(dir)
            .err()
            .map(|e| FolderProblem::NotWritable(e.to_string())),
    }
}

/// Parses settings text; `place` names the file in warnings. Pure: the
/// export folder is checked by [`read`].
pub fn parse(text: &str, place: &str) -> Loaded {
    parse_located(text, place).loaded
}

struct Parsed {
    loaded: Loaded,
    /// Line and column of `export_dir`'s value, when it was read.
    export_dir_at: Option<(usize, usize)>,
}

fn parse_located(text: &str, place: &str) -> Parsed {
    let scan = scan::scan(text);
    let at = |byte: usize| {
        let (line, col) = scan::line_col(text, byte);
        format!("{place}:{line}:{col}")
    };
    let mut s = Settings::default();
    let mut warnings = Vec::new();
    let mut warn = |byte: usize, kind: SettingsProblem| {
        warnings.push((
            byte,
            SettingsWarning {
                place: at(byte),
                kind,
            },
        ));
    };
    // Where the file mentions kiosk mode in a part that cannot be read.
    let mut kiosk_unclear: Option<usize> = None;
    let mentions_kiosk = |t: &str| t.to_lowercase().contains("kiosk");

    for flaw in &scan.flaws {
        warn(
            flaw.at,
            SettingsProblem::Syntax {
                flaw: flaw.kind.clone(),
            },
        );
        if mentions_kiosk(flaw.text) {
            kiosk_unclear.get_or_insert(flaw.at);
        }
    }
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    let mut export_dir_at = None;
    for entry in &scan.entries {
        let Some(key) = KEYS.iter().find(|k| k.name == entry.key) else {
            warn(
                entry.key_at,
                SettingsProblem::UnknownKey {
                    key: entry.key.to_string(),
                },
            );
            // `Kiosk: true`, `kiosk_mode: true`: a misspelt kiosk key still
            // asks for it.
            if mentions_kiosk(entry.key) && entry.value.trim() != "false" {
                kiosk_unclear.get_or_insert(entry.key_at);
            }
            continue;
        };
        let is_kiosk = key.name == "kiosk";
        let value = if entry.broken {
            None // the scanner has said why
        } else if entry.value.is_empty() {
            warn(
                entry.value_at,
                SettingsProblem::Syntax {
                    flaw: FlawKind::NoValue,
                },
            );
            None
        } else {
            match ron::from_str::<Value>(entry.value) {
                Ok(v) => Some(v),
                Err(e) => {
                    warn(
                        entry.value_at,
                        SettingsProblem::Syntax {
                            flaw: FlawKind::Value(e.code.to_string()),
                        },
                    );
                    None
                }
            }
        };
        let asks_kiosk = value.as_ref().map(value::unwrap_some) != Some(&Value::Bool(false));
        if let Some(&line) = first_line.get(key.name) {
            warn(
                entry.key_at,
                SettingsProblem::Duplicate {
                    key: key.name.to_string(),
                    first_line: line,
                },
            );
            // A repeat cannot turn kiosk mode off, but can turn it on.
            if is_kiosk && asks_kiosk {
                s.kiosk = true;
            }
            continue;
        }
        first_line.insert(key.name, scan::line_col(text, entry.key_at).0);
        let Some(value) = value else {
            if is_kiosk || mentions_kiosk(entry.value) {
                kiosk_unclear.get_or_insert(entry.value_at);
            }
            continue;
        };
        // `staff_exit_code: 0123` would lose its leading zero as a number:
        // the digits are taken as written.
        if key.name == "staff_exit_code" && entry.value.bytes().all(|b| b.is_ascii_digit()) {
            if value::is_staff_code(entry.value) {
                s.staff_exit_code = Some(entry.value.to_string());
                warn(entry.value_at, SettingsProblem::UnquotedCode);
            } else {
                warn(
                    entry.value_at,
                    SettingsProblem::BadValue {
                        key: key.name.to_string(),
                        expected: key.expected,
                    },
                );
            }
            continue;
        }
        if (key.apply)(&mut s, value::unwrap_some(&value)) {
            if key.name == "export_dir" && s.export_dir.is_some() {
                export_dir_at = Some(scan::line_col(text, entry.value_at));
            }
        } else {
            warn(
                entry.value_at,
                SettingsProblem::BadValue {
                    key: key.name.to_string(),
                    expected: key.expected,
                },
            );
            if is_kiosk {
                kiosk_unclear.get_or_insert(entry.value_at);
            }
        }
    }
    if let Some(byte) = kiosk_unclear
        && !s.kiosk
    {
        s.kiosk = true;
        warn(byte, SettingsProblem::KioskKeptOn);
    }
    // In file order, so that « see above » holds.
    warnings.sort_by_key(|(byte, _)| *byte);
    Parsed {
        loaded: Loaded {
            settings: s,
            path: None,
            warnings: warnings.into_iter().map(|(_, w)| w).collect(),
        },
        export_dir_at,
    }
}

#[cfg(test)]
mod tests;

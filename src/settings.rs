//! The settings file (`settings.ron`): lenient by design. An unknown key or a
//! bad value falls back to its default with a warning; nothing in it can
//! keep the program from starting on a waiting-room computer.

use std::path::{Path, PathBuf};

use ron::Value;

use crate::Lang;

/// The smallest countdown the idle warning may show (WCAG 2.2.1 asks for
/// at least 20 seconds to respond).
pub const MIN_IDLE_WARNING_S: u32 = 20;
/// Text sizes the window offers, in percent.
pub const TEXT_SIZES: std::ops::RangeInclusive<u16> = 100..=200;

/// Every setting, with its value or its default.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Waiting-room mode: fullscreen, idle reset, no file dialog.
    pub kiosk: bool,
    /// Seconds without input before « Êtes-vous toujours là ? ».
    pub idle_timeout_s: u32,
    /// Seconds of countdown before the reset; never under 20.
    pub idle_warning_s: u32,
    pub default_language: Lang,
    /// Percent, 100 to 200.
    pub default_text_size: u16,
    /// Printed in handout footers.
    pub clinic_name: Option<String>,
    /// Content folder to read instead of the built-in copy.
    pub content_dir: Option<PathBuf>,
    /// Where PDFs are saved when no dialog is used; the documents folder
    /// when unset.
    pub export_dir: Option<PathBuf>,
    /// A print queue name; the system default when unset.
    pub printer: Option<String>,
    pub copies: u32,
    pub duplex: bool,
    /// Whether « Enregistrer en PDF… » may open a file dialog (never in
    /// kiosk mode).
    pub allow_save_dialog: bool,
    /// Digits a staff member types to leave kiosk mode; kiosk mode cannot be
    /// left from the window without it.
    pub staff_exit_code: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            kiosk: false,
            idle_timeout_s: 120,
            idle_warning_s: 30,
            default_language: Lang::Fr,
            default_text_size: 100,
            clinic_name: None,
            content_dir: None,
            export_dir: None,
            printer: None,
            copies: 1,
            duplex: false,
            allow_save_dialog: true,
            staff_exit_code: None,
        }
    }
}

/// Something in the settings file that was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsWarning {
    /// The file, and the line when it is known.
    pub place: String,
    pub kind: SettingsProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsProblem {
    /// The file named with `--settings` does not exist or cannot be read.
    Unreadable { reason: String },
    /// The file is not valid RON; every setting keeps its default.
    Syntax { detail: String },
    /// A key the program does not know.
    UnknownKey { key: String },
    /// A value of the wrong kind or out of range; `expected` says what fits.
    BadValue { key: String, expected: &'static str },
}

impl SettingsWarning {
    /// The warning as a staff member reads it.
    pub fn render(&self, lang: Lang) -> String {
        let label = match lang {
            Lang::Fr => "réglage ignoré",
            Lang::En => "setting ignored",
        };
        format!("{}: {label}: {}", self.place, self.kind.message(lang))
    }
}

impl SettingsProblem {
    pub fn message(&self, lang: Lang) -> String {
        use SettingsProblem::*;
        match (self, lang) {
            (Unreadable { reason }, Lang::Fr) => {
                format!(
                    "le fichier de réglages ne peut pas être lu ({reason}) ; les réglages par défaut s'appliquent."
                )
            }
            (Unreadable { reason }, Lang::En) => {
                format!("the settings file cannot be read ({reason}); the default settings apply.")
            }
            (Syntax { detail }, Lang::Fr) => {
                format!(
                    "le fichier n'est pas au format RON ({detail}) ; les réglages par défaut s'appliquent."
                )
            }
            (Syntax { detail }, Lang::En) => {
                format!("the file is not valid RON ({detail}); the default settings apply.")
            }
            (UnknownKey { key }, Lang::Fr) => {
                format!("le réglage `{key}` n'existe pas (faute de frappe ?).")
            }
            (UnknownKey { key }, Lang::En) => format!("there is no setting `{key}` (a typo?)."),
            (BadValue { key, expected }, Lang::Fr) => {
                format!(
                    "la valeur de `{key}` ne convient pas ({expected}) ; la valeur par défaut s'applique."
                )
            }
            (BadValue { key, expected }, Lang::En) => {
                format!("the value of `{key}` does not fit ({expected}); the default applies.")
            }
        }
    }
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
        None => match default_path().filter(|p| p.is_file()) {
            Some(path) => read(&path),
            None => Loaded::default(),
        },
    }
}

/// Reads one settings file; a missing or unreadable file is a warning.
pub fn read(path: &Path) -> Loaded {
    let place = path.display().to_string();
    // Settings are a few lines; refuse anything absurdly large.
    let text = match std::fs::metadata(path) {
        Ok(m) if m.len() > 64 * 1024 => Err("over 64 KiB".to_string()),
        Ok(_) => std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8".to_string())),
        Err(e) => Err(e.to_string()),
    };
    match text {
        Ok(text) => {
            let mut loaded = parse(&text, &place);
            loaded.path = Some(path.to_path_buf());
            loaded
        }
        Err(reason) => Loaded {
            warnings: vec![SettingsWarning {
                place,
                kind: SettingsProblem::Unreadable { reason },
            }],
            ..Loaded::default()
        },
    }
}

/// Parses settings text; `place` names the file in warnings.
pub fn parse(text: &str, place: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let value = match ron::from_str::<Value>(text) {
        Ok(v) => v,
        Err(e) => {
            loaded.warnings.push(SettingsWarning {
                place: format!("{place}:{}:{}", e.span.start.line, e.span.start.col),
                kind: SettingsProblem::Syntax {
                    detail: e.code.to_string(),
                },
            });
            return loaded;
        }
    };
    let map = match value {
        Value::Map(map) => map,
        // `()`: a file with no setting in it.
        Value::Unit => return loaded,
        _ => {
            loaded.warnings.push(SettingsWarning {
                place: place.to_string(),
                kind: SettingsProblem::Syntax {
                    detail: "expected `( key: value, … )`".into(),
                },
            });
            return loaded;
        }
    };
    let s = &mut loaded.settings;
    let mut warnings = Vec::new();
    for (key, value) in map.iter() {
        let Value::String(key) = key else { continue };
        let value = unwrap_some(value);
        let ok = match key.as_str() {
            "kiosk" => set(&mut s.kiosk, as_bool(value)),
            "idle_timeout_s" => set(&mut s.idle_timeout_s, as_int(value, 10, 24 * 3600)),
            "idle_warning_s" => set(
                &mut s.idle_warning_s,
                as_int(value, MIN_IDLE_WARNING_S.into(), 600),
            ),
            "default_language" => set(
                &mut s.default_language,
                as_string(value).and_then(|l| l.parse::<Lang>().ok()),
            ),
            "default_text_size" => set(
                &mut s.default_text_size,
                as_int(
                    value,
                    (*TEXT_SIZES.start()).into(),
                    (*TEXT_SIZES.end()).into(),
                ),
            ),
            "clinic_name" => set_opt(&mut s.clinic_name, value, as_string(value)),
            "content_dir" => set_opt(
                &mut s.content_dir,
                value,
                as_string(value).map(PathBuf::from),
            ),
            "export_dir" => set_opt(
                &mut s.export_dir,
                value,
                as_string(value).map(PathBuf::from),
            ),
            "printer" => set_opt(&mut s.printer, value, as_string(value)),
            "copies" => set(&mut s.copies, as_int(value, 1, 20)),
            "duplex" => set(&mut s.duplex, as_bool(value)),
            "allow_save_dialog" => set(&mut s.allow_save_dialog, as_bool(value)),
            "staff_exit_code" => set_opt(
                &mut s.staff_exit_code,
                value,
                as_string(value).filter(|c| {
                    (4..=12).contains(&c.len()) && c.chars().all(|d| d.is_ascii_digit())
                }),
            ),
            _ => {
                warnings.push(SettingsProblem::UnknownKey { key: key.clone() });
                true
            }
        };
        if !ok {
            warnings.push(SettingsProblem::BadValue {
                key: key.clone(),
                expected: expected(key),
            });
        }
    }
    loaded.warnings = warnings
        .into_iter()
        .map(|kind| SettingsWarning {
            place: place.to_string(),
            kind,
        })
        .collect();
    loaded
}

/// What a key accepts, for the warning.
fn expected(key: &str) -> &'static str {
    match key {
        "kiosk" | "duplex" | "allow_save_dialog" => "true / false",
        "idle_timeout_s" => "10 – 86400",
        "idle_warning_s" => "20 – 600",
        "default_language" => "\"fr\" / \"en\"",
        "default_text_size" => "100 – 200",
        "copies" => "1 – 20",
        "staff_exit_code" => "\"1234\": 4 – 12 digits",
        _ => "text",
    }
}

fn unwrap_some(value: &Value) -> &Value {
    match value {
        Value::Option(Some(inner)) => unwrap_some(inner),
        other => other,
    }
}

fn set<T>(slot: &mut T, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = v;
            true
        }
        None => false,
    }
}

/// An optional setting: `None`, `""` or a missing value clear it.
fn set_opt<T>(slot: &mut Option<T>, raw: &Value, value: Option<T>) -> bool {
    match raw {
        Value::Option(None) | Value::Unit => {
            *slot = None;
            true
        }
        Value::String(s) if s.trim().is_empty() => {
            *slot = None;
            true
        }
        _ => set(slot, value.map(Some)),
    }
}

fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

fn as_int<T: TryFrom<u64>>(v: &Value, min: u64, max: u64) -> Option<T> {
    match v {
        Value::Number(n) => {
            let f = n.into_f64();
            (f.fract() == 0.0 && f >= min as f64 && f <= max as f64)
                .then_some(f as u64)
                .and_then(|n| T::try_from(n).ok())
        }
        _ => None,
    }
}

fn as_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let loaded = parse("()", "s.ron");
        assert_eq!(loaded.settings, Settings::default());
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn every_key_is_read() {
        let text = r#"(
            kiosk: true,
            idle_timeout_s: 90,
            idle_warning_s: 45,
            default_language: "en",
            default_text_size: 150,
            clinic_name: "Centre Les Dentellières",
            content_dir: "/srv/content",
            export_dir: Some("/srv/pdf"),
            printer: "accueil",
            copies: 2,
            duplex: true,
            allow_save_dialog: false,
            staff_exit_code: "2468",
        )"#;
        let loaded = parse(text, "s.ron");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let s = loaded.settings;
        assert!(s.kiosk && s.duplex && !s.allow_save_dialog);
        assert_eq!(
            (
                s.idle_timeout_s,
                s.idle_warning_s,
                s.default_text_size,
                s.copies
            ),
            (90, 45, 150, 2)
        );
        assert_eq!(s.default_language, Lang::En);
        assert_eq!(s.clinic_name.as_deref(), Some("Centre Les Dentellières"));
        assert_eq!(s.content_dir, Some(PathBuf::from("/srv/content")));
        assert_eq!(s.export_dir, Some(PathBuf::from("/srv/pdf")));
        assert_eq!(s.printer.as_deref(), Some("accueil"));
        assert_eq!(s.staff_exit_code.as_deref(), Some("2468"));
    }

    #[test]
    fn a_bad_value_falls_back_to_its_default_with_a_warning() {
        let loaded = parse(
            "(idle_warning_s: 5, copies: \"two\", default_language: \"de\", kiosk: true)",
            "s.ron",
        );
        let s = &loaded.settings;
        assert_eq!(s.idle_warning_s, 30, "a countdown under 20 s is refused");
        assert_eq!(s.copies, 1);
        assert_eq!(s.default_language, Lang::Fr);
        assert!(s.kiosk, "the good values still apply");
        let keys: Vec<String> = loaded
            .warnings
            .iter()
            .filter_map(|w| match &w.kind {
                SettingsProblem::BadValue { key, .. } => Some(key.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(keys.len(), 3);
        for key in ["idle_warning_s", "copies", "default_language"] {
            assert!(keys.iter().any(|k| k == key), "{key}");
        }
    }

    #[test]
    fn an_unknown_key_is_a_warning() {
        let loaded = parse("(kiosque: true)", "s.ron");
        assert_eq!(loaded.settings, Settings::default());
        assert_eq!(
            loaded.warnings[0].kind,
            SettingsProblem::UnknownKey {
                key: "kiosque".into()
            }
        );
        assert!(
            loaded.warnings[0]
                .render(Lang::Fr)
                .contains("le réglage `kiosque` n'existe pas")
        );
    }

    #[test]
    fn a_broken_file_gives_the_defaults_and_says_where() {
        let loaded = parse("(kiosk: true,\n copies: 2", "s.ron");
        assert_eq!(loaded.settings, Settings::default());
        assert!(
            loaded.warnings[0].place.starts_with("s.ron:2:"),
            "{}",
            loaded.warnings[0].place
        );
    }

    #[test]
    fn a_staff_code_must_be_digits() {
        assert_eq!(
            parse("(staff_exit_code: \"12ab\")", "s")
                .settings
                .staff_exit_code,
            None
        );
        assert_eq!(
            parse("(staff_exit_code: \"123\")", "s")
                .settings
                .staff_exit_code,
            None
        );
    }

    #[test]
    fn optional_settings_can_be_cleared() {
        let s = parse("(printer: None, clinic_name: \"\")", "s").settings;
        assert_eq!((s.printer, s.clinic_name), (None, None));
    }

    #[test]
    fn the_shipped_example_is_read_without_warning() {
        let text = include_str!("../resources/settings.example.ron");
        let loaded = parse(text, "settings.example.ron");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let expected = Settings {
            clinic_name: Some("Centre de cancérologie Les Dentellières".into()),
            ..Settings::default()
        };
        assert_eq!(loaded.settings, expected);
    }

    #[test]
    fn a_missing_explicit_file_is_a_warning_not_a_failure() {
        let loaded = load(Some(Path::new("/nonexistent/settings.ron")));
        assert_eq!(loaded.settings, Settings::default());
        assert!(matches!(
            loaded.warnings[0].kind,
            SettingsProblem::Unreadable { .. }
        ));
    }
}

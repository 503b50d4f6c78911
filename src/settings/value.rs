//! How each kind of setting reads its value: `None` when it does not fit.
//! The table in `settings.rs` names one of these per key.

use std::path::PathBuf;

use ron::Value;

use crate::Lang;

/// `true` / `false`.
pub fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

/// A whole number from `min` to `max`.
pub fn int<T: TryFrom<u64>>(v: &Value, min: u64, max: u64) -> Option<T> {
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

/// `"fr"` or `"en"`.
pub fn lang(v: &Value) -> Option<Lang> {
    string(v).and_then(|l| l.parse::<Lang>().ok())
}

/// `"auto"`, `"always"` or `"never"`, in any case.
pub fn keyboard(v: &Value) -> Option<super::OnScreenKeyboard> {
    use super::OnScreenKeyboard::*;
    match string(v)?.to_lowercase().as_str() {
        "auto" => Some(Auto),
        "always" => Some(Always),
        "never" => Some(Never),
        _ => None,
    }
}

/// The pickup message: one text for both languages, or a map from
/// `"fr"` / `"en"` to a text; `None`, `()`, `""` or a language left out
/// keep the default. An unknown language or a value that is not text
/// refuses the whole setting.
pub fn per_lang(v: &Value) -> Option<super::PerLang> {
    let mut out = super::PerLang::pickup();
    let mut set = |lang: Lang, text: &str| match lang {
        Lang::Fr => out.fr = text.to_string(),
        Lang::En => out.en = text.to_string(),
    };
    match v {
        Value::Option(None) | Value::Unit => {}
        Value::String(s) if s.trim().is_empty() => {}
        Value::String(s) => {
            set(Lang::Fr, s.trim());
            set(Lang::En, s.trim());
        }
        Value::Map(map) => {
            for (key, text) in map.iter() {
                let lang = string(key)?.parse::<Lang>().ok()?;
                match unwrap_some(text) {
                    Value::Option(None) | Value::Unit => {}
                    Value::String(s) if s.trim().is_empty() => {}
                    Value::String(s) => set(lang, s.trim()),
                    _ => return None,
                }
            }
        }
        _ => return None,
    }
    Some(out)
}

/// Any text; `None`, `()` or `""` clear it.
pub fn text(v: &Value) -> Option<Option<String>> {
    optional(v, Some)
}

/// A folder; `None`, `()` or `""` clear it.
pub fn path(v: &Value) -> Option<Option<PathBuf>> {
    optional(v, |s| Some(PathBuf::from(s)))
}

/// A telephone number, read leniently: digits, spaces, `+`, dots, hyphens
/// and brackets, with 4 to 20 digits (`+33 4 72 00 00 00`, `04.72.00.00.00`).
/// Runs of spaces become one.
pub fn phone(v: &Value) -> Option<Option<String>> {
    optional(v, |s| {
        let allowed = |c: char| c.is_ascii_digit() || " +.-()\u{a0}".contains(c);
        let digits = s.chars().filter(char::is_ascii_digit).count();
        (s.chars().all(allowed) && (4..=20).contains(&digits))
            .then(|| s.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

/// The staff code: 4 to 12 digits, as a text.
pub fn staff_code(v: &Value) -> Option<Option<String>> {
    optional(v, |s| is_staff_code(&s).then_some(s))
}

pub fn is_staff_code(s: &str) -> bool {
    (4..=12).contains(&s.len()) && s.chars().all(|d| d.is_ascii_digit())
}

/// An optional setting: `None`, `()` or blank text clear it; otherwise the
/// text must be read by `read`.
fn optional<T>(v: &Value, read: impl FnOnce(String) -> Option<T>) -> Option<Option<T>> {
    match v {
        Value::Option(None) | Value::Unit => Some(None),
        Value::String(s) if s.trim().is_empty() => Some(None),
        Value::String(s) => read(s.trim().to_string()).map(Some),
        _ => None,
    }
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

/// `Some(x)` is read as `x`.
pub fn unwrap_some(value: &Value) -> &Value {
    match value {
        Value::Option(Some(inner)) => unwrap_some(inner),
        other => other,
    }
}

//! Every character the interface writes is in the built-in fonts. The
//! window draws with those fonts only (on Linux it lists no system font:
//! src/system_fonts.rs), so a character they lack would show as an empty
//! box. The content is checked by `check`; this checks the interface's own
//! texts: every string and character literal in src/i18n and src/ui.

use std::path::Path;

/// The characters of the string and character literals in `source`,
/// comments left out.
fn literal_chars(source: &str) -> Vec<char> {
    let mut found = Vec::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                // A comment, to the end of the line.
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            if let Some(escaped) = escape(&mut chars) {
                                found.push(escaped);
                            }
                        }
                        c => found.push(c),
                    }
                }
            }
            // A character literal ('x', '\u{…}'); a lifetime ('a) has no
            // closing quote after its one character.
            '\'' => {
                let mut ahead = chars.clone();
                match ahead.next() {
                    Some('\\') => {
                        if let Some(escaped) = escape(&mut ahead)
                            && ahead.next() == Some('\'')
                        {
                            found.push(escaped);
                            chars = ahead;
                        }
                    }
                    Some(c) if ahead.next() == Some('\'') => {
                        found.push(c);
                        chars = ahead;
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    found
}

/// The character an escape stands for (after its backslash), if it is one.
fn escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<char> {
    match chars.next()? {
        'u' => {
            let mut hex = String::new();
            if chars.next()? != '{' {
                return None;
            }
            for c in chars.by_ref() {
                if c == '}' {
                    break;
                }
                hex.push(c);
            }
            char::from_u32(u32::from_str_radix(&hex, 16).ok()?)
        }
        'n' | 't' | 'r' | '0' | '\n' => None,
        c => Some(c),
    }
}

fn rust_files(dir: &Path, into: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn the_literal_scanner_finds_strings_and_characters_but_not_comments() {
    let source = "let a = \"Suivante →\"; // ← a comment\nlet b = '›'; let c = '\\u{2212}';\nfn f<'a>(x: &'a str) {}";
    assert_eq!(
        literal_chars(source).into_iter().collect::<String>(),
        "Suivante →›−"
    );
}

#[test]
fn every_character_the_interface_writes_is_in_the_built_in_fonts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("i18n.rs"), root.join("ui.rs")];
    rust_files(&root.join("i18n"), &mut files);
    rust_files(&root.join("ui"), &mut files);
    assert!(files.len() > 40, "the interface's files: {}", files.len());
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a source file");
        for c in literal_chars(&source) {
            seen += 1;
            // The private use area: iced's own icon font, loaded by iced.
            let icon = ('\u{E000}'..='\u{F8FF}').contains(&c);
            if !c.is_control() && !icon && !patient_info::fonts::can_draw(c) {
                missing.push(format!("{c:?} (U+{:04X}) in {}", c as u32, file.display()));
            }
        }
    }
    assert!(seen > 10_000, "literals read: {seen}");
    missing.dedup();
    assert!(
        missing.is_empty(),
        "not in the built-in fonts:\n{}",
        missing.join("\n")
    );
}

//! Settings tests: every key, bad values, syntax errors that cost only their
//! part, kiosk mode failing closed, hostile files.

use super::*;

fn problems(loaded: &Loaded) -> Vec<SettingsProblem> {
    loaded.warnings.iter().map(|w| w.kind.clone()).collect()
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("no temporary folder: {e}"),
    }
}

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
        clinic_phone: "+33  4 72.00-00 (00)",
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
    assert_eq!(s.clinic_phone.as_deref(), Some("+33 4 72.00-00 (00)"));
    assert_eq!(s.content_dir, Some(PathBuf::from("/srv/content")));
    assert_eq!(s.export_dir, Some(PathBuf::from("/srv/pdf")));
    assert_eq!(s.printer.as_deref(), Some("accueil"));
    assert_eq!(s.staff_exit_code.as_deref(), Some("2468"));
}

#[test]
fn a_bad_value_falls_back_to_its_default_with_a_warning_at_its_place() {
    let loaded = parse(
        "(idle_warning_s: 5,\n copies: \"two\", default_language: \"de\", kiosk: true)",
        "s.ron",
    );
    let s = &loaded.settings;
    assert_eq!(s.idle_warning_s, 30, "a countdown under 20 s is refused");
    assert_eq!(s.copies, 1);
    assert_eq!(s.default_language, Lang::Fr);
    assert!(s.kiosk, "the good values still apply");
    let bad: Vec<(&str, &str)> = loaded
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            SettingsProblem::BadValue { key, .. } => Some((key.as_str(), w.place.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        bad,
        [
            ("idle_warning_s", "s.ron:1:18"),
            ("copies", "s.ron:2:10"),
            ("default_language", "s.ron:2:35")
        ]
    );
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
    assert_eq!(loaded.warnings[0].place, "s.ron:1:2");
    assert!(
        loaded.warnings[0]
            .render(Lang::Fr)
            .contains("le réglage `kiosque` n'existe pas")
    );
}

#[test]
fn a_missing_comma_costs_no_setting() {
    // Yesterday this file gave every default, kiosk mode off.
    let loaded = parse(
        "(\n  kiosk: true\n  copies: 2,\n  staff_exit_code: \"2468\",\n)",
        "s.ron",
    );
    let s = &loaded.settings;
    assert!(s.kiosk);
    assert_eq!(s.copies, 2);
    assert_eq!(s.staff_exit_code.as_deref(), Some("2468"));
    assert_eq!(
        problems(&loaded),
        [SettingsProblem::Syntax {
            flaw: FlawKind::MissingComma
        }]
    );
    assert_eq!(loaded.warnings[0].place, "s.ron:2:14");
}

#[test]
fn a_file_cut_short_keeps_what_it_holds() {
    let loaded = parse("(kiosk: true,\n copies: 2", "s.ron");
    assert!(loaded.settings.kiosk);
    assert_eq!(loaded.settings.copies, 2);
    assert!(
        loaded.warnings[0].place.starts_with("s.ron:2:"),
        "{}",
        loaded.warnings[0].place
    );
}

#[test]
fn an_unclosed_quote_costs_its_own_line_only() {
    let loaded = parse(
        "(clinic_name: \"Centre,\n kiosk: true,\n copies: 3)",
        "s.ron",
    );
    let s = &loaded.settings;
    assert!(s.kiosk);
    assert_eq!((s.copies, s.clinic_name.clone()), (3, None));
    assert_eq!(loaded.warnings[0].place, "s.ron:1:15");
}

#[test]
fn an_unreadable_kiosk_value_turns_kiosk_mode_on() {
    for text in [
        "(kiosk: yes)",
        "(kiosk: \"true\")",
        "(kiosk: tru e)",
        "(kiosk: )",
    ] {
        let loaded = parse(text, "s.ron");
        assert!(loaded.settings.kiosk, "{text}");
        assert!(
            problems(&loaded).contains(&SettingsProblem::KioskKeptOn),
            "{text}: {:?}",
            loaded.warnings
        );
    }
    let off = parse("(kiosk: false, copies: 2)", "s.ron");
    assert!(!off.settings.kiosk && off.warnings.is_empty());
}

#[test]
fn a_garbled_part_that_mentions_kiosk_keeps_kiosk_mode_on() {
    let loaded = parse("(kiosk true, copies: 2)", "s.ron");
    assert!(loaded.settings.kiosk);
    assert_eq!(loaded.settings.copies, 2);
    let on = parse("(printer: \"x, kiosk: true\n)", "s.ron");
    assert!(on.settings.kiosk, "{:?}", on.warnings);
}

#[test]
fn a_misspelt_kiosk_key_still_turns_kiosk_mode_on() {
    for text in ["(Kiosk: true)", "(kiosk_mode: true)", "(KIOSK: 1)"] {
        let loaded = parse(text, "s.ron");
        assert!(loaded.settings.kiosk, "{text}");
        assert!(problems(&loaded).contains(&SettingsProblem::KioskKeptOn));
    }
    assert!(!parse("(Kiosk: false)", "s.ron").settings.kiosk);
}

#[test]
fn a_garbled_part_that_does_not_mention_kiosk_leaves_it_as_written() {
    let loaded = parse("(copies 2, kiosk: false, duplex: true)", "s.ron");
    assert!(!loaded.settings.kiosk);
    assert!(loaded.settings.duplex);
    assert_eq!(
        problems(&loaded),
        [SettingsProblem::Syntax {
            flaw: FlawKind::NotAKey
        }]
    );
    // Comments may mention kiosk mode freely.
    let commented = parse("// kiosk: true would lock it\n(copies: 2)", "s.ron");
    assert!(!commented.settings.kiosk && commented.warnings.is_empty());
}

#[test]
fn a_key_given_twice_is_a_warning_and_the_first_applies() {
    let loaded = parse("(copies: 2,\n copies: 3)", "s.ron");
    assert_eq!(loaded.settings.copies, 2);
    assert_eq!(
        problems(&loaded),
        [SettingsProblem::Duplicate {
            key: "copies".into(),
            first_line: 1
        }]
    );
    assert_eq!(loaded.warnings[0].place, "s.ron:2:2");
    // A repeat never turns kiosk mode off, and may turn it on.
    assert!(parse("(kiosk: true, kiosk: false)", "s").settings.kiosk);
    assert!(parse("(kiosk: false, kiosk: true)", "s").settings.kiosk);
}

#[test]
fn an_unquoted_staff_code_is_taken_as_written_with_a_warning() {
    let loaded = parse("(staff_exit_code: 0123)", "s.ron");
    assert_eq!(loaded.settings.staff_exit_code.as_deref(), Some("0123"));
    assert_eq!(problems(&loaded), [SettingsProblem::UnquotedCode]);
    let short = parse("(staff_exit_code: 123)", "s.ron");
    assert_eq!(short.settings.staff_exit_code, None);
    assert!(matches!(
        problems(&short)[..],
        [SettingsProblem::BadValue { .. }]
    ));
    assert_eq!(
        parse("(staff_exit_code: 12.5)", "s")
            .settings
            .staff_exit_code,
        None
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
fn a_clinic_phone_is_read_leniently_but_not_blindly() {
    let phone = |t: &str| {
        parse(&format!("(clinic_phone: \"{t}\")"), "s")
            .settings
            .clinic_phone
    };
    assert_eq!(phone("04 72 00 00 00").as_deref(), Some("04 72 00 00 00"));
    assert_eq!(phone("04.72.00.00.00").as_deref(), Some("04.72.00.00.00"));
    assert_eq!(
        phone("+33 4 72 00 00 00").as_deref(),
        Some("+33 4 72 00 00 00")
    );
    assert_eq!(phone("appelez le standard"), None);
    assert_eq!(phone("12"), None);
    assert_eq!(phone(""), None);
}

#[test]
fn optional_settings_can_be_cleared() {
    let s = parse("(printer: None, clinic_name: \"\")", "s").settings;
    assert_eq!((s.printer, s.clinic_name), (None, None));
}

#[test]
fn the_shipped_example_is_read_without_warning_and_lists_every_key() {
    let text = include_str!("../../resources/settings.example.ron");
    let loaded = parse(text, "settings.example.ron");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let expected = Settings {
        clinic_name: Some("Centre de cancérologie Les Dentellières".into()),
        ..Settings::default()
    };
    assert_eq!(loaded.settings, expected);
    for key in KEYS {
        assert!(
            text.contains(&format!("\n    {}: ", key.name)),
            "{} is not in the example",
            key.name
        );
    }
}

#[test]
fn the_table_agrees_with_the_limits_the_window_uses() {
    let limits = |name: &str| KEYS.iter().find(|k| k.name == name).and_then(|k| k.limits);
    assert_eq!(
        limits("idle_warning_s").map(|l| l.0),
        Some(u64::from(MIN_IDLE_WARNING_S))
    );
    assert_eq!(
        limits("default_text_size"),
        Some((u64::from(*TEXT_SIZES.start()), u64::from(*TEXT_SIZES.end())))
    );
    assert_eq!(limits("kiosk"), None);
    let names: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
}

#[test]
fn a_missing_explicit_file_is_a_warning_and_keeps_kiosk_mode_on() {
    let loaded = load(Some(Path::new("/nonexistent/settings.ron")));
    assert_eq!(
        loaded.settings,
        Settings {
            kiosk: true,
            ..Settings::default()
        }
    );
    assert_eq!(
        problems(&loaded),
        [SettingsProblem::Unreadable {
            reason: ReadError::Missing
        }]
    );
}

#[test]
fn a_file_that_is_not_text_keeps_kiosk_mode_on() {
    let dir = temp_dir();
    let path = dir.path().join("settings.ron");
    let _ = std::fs::write(&path, b"(kiosk: true, \xff\xfe)");
    let loaded = read(&path);
    assert!(loaded.settings.kiosk);
    assert!(matches!(
        problems(&loaded)[..],
        [SettingsProblem::Unreadable { .. }]
    ));
    // A folder in its place too.
    assert!(read(dir.path()).settings.kiosk);
}

#[cfg(unix)]
#[test]
fn dev_zero_as_the_settings_file_is_refused_without_reading_it() {
    // Yesterday: read until memory ran out (its reported size is 0).
    let loaded = read(Path::new("/dev/zero"));
    assert_eq!(
        problems(&loaded),
        [SettingsProblem::Unreadable {
            reason: ReadError::NotAFile(crate::files::Kind::Device)
        }]
    );
    assert!(loaded.settings.kiosk);
}

/// Runs `read` on a FIFO no one ever writes to. If reading blocks, the
/// guard writes to the FIFO after a while to free the test, which then
/// fails: it must return by itself.
#[cfg(unix)]
#[test]
fn a_named_pipe_as_the_settings_file_is_refused_without_blocking() {
    let dir = temp_dir();
    let fifo = dir.path().join("settings.ron");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    let (done, finished) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = done.send(read(&path));
    });
    let loaded = match finished.recv_timeout(std::time::Duration::from_secs(20)) {
        Ok(loaded) => loaded,
        Err(_) => {
            let _ = std::fs::write(&fifo, b"()");
            panic!("reading a named pipe blocked");
        }
    };
    assert_eq!(
        problems(&loaded),
        [SettingsProblem::Unreadable {
            reason: ReadError::NotAFile(crate::files::Kind::Pipe)
        }]
    );
    assert!(loaded.settings.kiosk);
}

#[test]
fn an_export_folder_that_is_missing_or_a_file_is_named_with_its_line() {
    let dir = temp_dir();
    let settings = dir.path().join("settings.ron");
    let missing = dir.path().join("nowhere");
    let _ = std::fs::write(
        &settings,
        // Debug quoting doubles a Windows path's backslashes, as RON wants.
        format!("(\n  export_dir: {:?},\n)", missing.display().to_string()),
    );
    let loaded = read(&settings);
    assert_eq!(
        problems(&loaded),
        [SettingsProblem::ExportDir {
            path: missing,
            problem: FolderProblem::Missing
        }]
    );
    assert!(loaded.warnings[0].place.ends_with("settings.ron:2:15"));
    let _ = std::fs::write(
        &settings,
        format!("(export_dir: {:?})", settings.display().to_string()),
    );
    assert!(matches!(
        problems(&read(&settings))[..],
        [SettingsProblem::ExportDir {
            problem: FolderProblem::NotAFolder,
            ..
        }]
    ));
    let _ = std::fs::write(
        &settings,
        format!("(export_dir: {:?})", dir.path().display().to_string()),
    );
    assert!(read(&settings).warnings.is_empty());
}

#[cfg(unix)]
#[test]
fn an_export_folder_that_cannot_be_written_to_is_a_warning() {
    // /proc refuses new files even to root.
    let loaded = read_text("(export_dir: \"/proc\")");
    assert!(
        matches!(
            problems(&loaded)[..],
            [SettingsProblem::ExportDir {
                problem: FolderProblem::NotWritable(_),
                ..
            }]
        ),
        "{:?}",
        loaded.warnings
    );
    assert!(
        loaded.warnings[0]
            .render(Lang::En)
            .contains("cannot be written to")
    );
}

#[cfg(unix)]
fn read_text(text: &str) -> Loaded {
    let dir = temp_dir();
    let path = dir.path().join("settings.ron");
    let _ = std::fs::write(&path, text);
    read(&path)
}

#[test]
fn every_problem_reads_in_both_languages() {
    let loaded = parse(
        "(kiosk true,, copies: 0, copies: 1, staff_exit_code: 1234, x: 1",
        "s",
    );
    assert!(loaded.warnings.len() >= 6, "{:?}", loaded.warnings);
    for w in &loaded.warnings {
        for lang in Lang::ALL {
            let text = w.render(lang);
            assert!(text.starts_with("s:1:"), "{text}");
            assert!(text.len() > 20, "{text}");
        }
    }
}

#[test]
fn the_on_screen_keyboard_is_auto_always_or_never() {
    assert_eq!(
        Settings::default().on_screen_keyboard,
        OnScreenKeyboard::Auto
    );
    for (text, expected) in [
        ("auto", OnScreenKeyboard::Auto),
        ("always", OnScreenKeyboard::Always),
        ("never", OnScreenKeyboard::Never),
        (" Never ", OnScreenKeyboard::Never),
    ] {
        let loaded = parse(&format!("(on_screen_keyboard: \"{text}\")"), "s");
        assert!(loaded.warnings.is_empty(), "{text}: {:?}", loaded.warnings);
        assert_eq!(loaded.settings.on_screen_keyboard, expected, "{text}");
    }
}

#[test]
fn a_bad_on_screen_keyboard_value_keeps_auto_with_a_warning_at_its_place() {
    for text in [
        "(\n  on_screen_keyboard: \"sometimes\")",
        "(\n  on_screen_keyboard: true)",
    ] {
        let loaded = parse(text, "s.ron");
        assert_eq!(loaded.settings.on_screen_keyboard, OnScreenKeyboard::Auto);
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        let w = &loaded.warnings[0];
        assert_eq!(w.place, "s.ron:2:23");
        assert_eq!(
            w.kind,
            SettingsProblem::BadValue {
                key: "on_screen_keyboard".into(),
                expected: "\"auto\" / \"always\" / \"never\"",
            }
        );
        assert!(w.render(Lang::Fr).contains("\"always\""));
    }
}

#[test]
fn the_pickup_message_is_one_text_or_one_per_language_with_its_defaults() {
    let default = Settings::default().print_pickup_message;
    assert_eq!(default.get(Lang::Fr), "Votre document sort à l’accueil.");
    assert_eq!(
        default.get(Lang::En),
        "Your document comes out at the reception desk."
    );

    let both = parse(r#"(print_pickup_message: "Accueil, guichet 2")"#, "s");
    assert!(both.warnings.is_empty(), "{:?}", both.warnings);
    let m = both.settings.print_pickup_message;
    assert_eq!(
        (m.get(Lang::Fr), m.get(Lang::En)),
        ("Accueil, guichet 2", "Accueil, guichet 2")
    );

    let each = parse(
        r#"(print_pickup_message: { "fr": "Retirez-le au bureau 3.", "en": "Collect it at desk 3." })"#,
        "s",
    );
    assert!(each.warnings.is_empty(), "{:?}", each.warnings);
    let m = each.settings.print_pickup_message;
    assert_eq!(m.get(Lang::Fr), "Retirez-le au bureau 3.");
    assert_eq!(m.get(Lang::En), "Collect it at desk 3.");

    // One language only: the other keeps its default; "" keeps both.
    let one = parse(r#"(print_pickup_message: { "en": "Desk 3." })"#, "s").settings;
    assert_eq!(one.print_pickup_message.get(Lang::En), "Desk 3.");
    assert_eq!(
        one.print_pickup_message.get(Lang::Fr),
        default.get(Lang::Fr)
    );
    let blank = parse(r#"(print_pickup_message: "")"#, "s").settings;
    assert_eq!(blank.print_pickup_message, default);

    // An unknown language or a number: the default, with a warning.
    for bad in [r#"{ "de": "Schalter 3" }"#, "3", r#"{ "fr": 3 }"#] {
        let loaded = parse(&format!("(print_pickup_message: {bad})"), "s");
        assert_eq!(loaded.settings.print_pickup_message, default, "{bad}");
        assert!(
            matches!(
                problems(&loaded).as_slice(),
                [SettingsProblem::BadValue { key, .. }] if key == "print_pickup_message"
            ),
            "{bad}: {:?}",
            loaded.warnings
        );
    }
}

//! Save-path tests: cancel, no dialog, unwritable folder, existing file,
//! full disk, and the default names.

use super::*;

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|read| {
            read.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("no temporary folder: {e}"),
    }
}

#[test]
fn saving_writes_the_bytes_and_leaves_no_temporary_file() {
    let dir = temp_dir();
    let path = dir.path().join("fiche-fr.pdf");
    assert_eq!(
        save(b"%PDF-1.7 hello", &path, Existing::Refuse),
        Ok(path.clone())
    );
    assert_eq!(fs::read(&path).ok(), Some(b"%PDF-1.7 hello".to_vec()));
    assert_eq!(entries(dir.path()), ["fiche-fr.pdf"]);
}

#[cfg(unix)]
#[test]
fn a_saved_file_can_be_read_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let path = dir.path().join("a.pdf");
    let _ = save(b"x", &path, Existing::Refuse);
    let mode = fs::metadata(&path)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0);
    assert_eq!(mode & 0o044, 0o044, "mode {mode:o}");
}

#[test]
fn with_no_dialog_the_handout_goes_to_the_export_folder_and_says_where() {
    let dir = temp_dir();
    let folder = dir.path().join("Documents");
    let outcome = deliver(b"pdf", Choice::ExportFolder, "fiche-fr.pdf", Some(&folder));
    assert_eq!(
        outcome,
        Ok(Outcome {
            path: folder.join("fiche-fr.pdf"),
            in_export_folder: true
        })
    );
    // A second handout of the same name never replaces the first.
    let again = deliver(b"pdf2", Choice::ExportFolder, "fiche-fr.pdf", Some(&folder));
    assert_eq!(
        again,
        Ok(Outcome {
            path: folder.join("fiche-fr-2.pdf"),
            in_export_folder: true
        })
    );
    assert_eq!(
        fs::read(folder.join("fiche-fr.pdf")).ok(),
        Some(b"pdf".to_vec())
    );
    assert_eq!(entries(&folder), ["fiche-fr-2.pdf", "fiche-fr.pdf"]);
}

#[test]
fn with_no_dialog_and_no_export_folder_the_user_is_told() {
    let outcome = deliver(b"pdf", Choice::ExportFolder, "fiche-fr.pdf", None);
    assert_eq!(outcome, Err(ExportError::NoExportFolder));
}

#[test]
fn the_dialogs_file_is_replaced_because_the_dialog_asked() {
    let dir = temp_dir();
    let path = dir.path().join("fiche.pdf");
    let _ = fs::write(&path, b"old");
    let outcome = deliver(b"new", Choice::File(path.clone()), "fiche-fr.pdf", None);
    assert_eq!(
        outcome,
        Ok(Outcome {
            path: path.clone(),
            in_export_folder: false
        })
    );
    assert_eq!(fs::read(&path).ok(), Some(b"new".to_vec()));
}

#[test]
fn a_name_typed_without_extension_gets_one_and_replaces_nothing() {
    let dir = temp_dir();
    let outcome = deliver(
        b"new",
        Choice::File(dir.path().join("fiche")),
        "x-fr.pdf",
        None,
    );
    assert_eq!(
        outcome,
        Ok(Outcome {
            path: dir.path().join("fiche.pdf"),
            in_export_folder: false
        })
    );
    let again = deliver(
        b"newer",
        Choice::File(dir.path().join("fiche")),
        "x-fr.pdf",
        None,
    );
    assert_eq!(
        again,
        Err(ExportError::Exists(dir.path().join("fiche.pdf")))
    );
    assert_eq!(
        fs::read(dir.path().join("fiche.pdf")).ok(),
        Some(b"new".to_vec())
    );
}

#[test]
fn an_existing_file_is_refused_unless_replacing_was_confirmed() {
    let dir = temp_dir();
    let path = dir.path().join("fiche-fr.pdf");
    let _ = fs::write(&path, b"old");
    assert_eq!(
        save(b"new", &path, Existing::Refuse),
        Err(ExportError::Exists(path.clone()))
    );
    assert_eq!(fs::read(&path).ok(), Some(b"old".to_vec()));
    assert_eq!(entries(dir.path()), ["fiche-fr.pdf"]);
    assert_eq!(save(b"new", &path, Existing::Replace), Ok(path.clone()));
    assert_eq!(fs::read(&path).ok(), Some(b"new".to_vec()));
    let message = ExportError::Exists(path).message(Lang::Fr);
    assert!(message.contains("existe déjà"), "{message}");
}

#[test]
fn a_folder_in_place_of_the_file_is_refused() {
    let dir = temp_dir();
    let path = dir.path().join("fiche.pdf");
    let _ = fs::create_dir(&path);
    assert_eq!(
        save(b"x", &path, Existing::Replace),
        Err(ExportError::IsFolder(path))
    );
}

#[test]
fn a_missing_folder_is_named() {
    let dir = temp_dir();
    let path = dir.path().join("nowhere").join("fiche.pdf");
    assert_eq!(
        save(b"x", &path, Existing::Refuse),
        Err(ExportError::NoFolder(dir.path().join("nowhere")))
    );
    let message = ExportError::NoFolder(dir.path().join("nowhere")).message(Lang::En);
    assert!(message.contains("does not exist"), "{message}");
}

#[test]
fn an_unwritable_folder_gives_a_clear_message_and_no_file() {
    // A folder without write permission; root ignores that, so fall back to
    // /sys, where nobody may create files.
    let dir = temp_dir();
    let locked = dir.path().join("locked");
    let _ = fs::create_dir(&locked);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&locked, fs::Permissions::from_mode(0o555));
    }
    let probe = locked.join("probe");
    let root_like = fs::write(&probe, b"").is_ok();
    let _ = fs::remove_file(&probe);
    let folder = if !root_like {
        locked.clone()
    } else if Path::new("/sys/fs").is_dir() {
        PathBuf::from("/sys/fs")
    } else {
        eprintln!(
            "SKIPPED: running with rights that ignore folder permissions, and no /sys to try instead"
        );
        return;
    };
    let path = folder.join("fiche-fr.pdf");
    let result = save(b"%PDF", &path, Existing::Refuse);
    assert_eq!(result, Err(ExportError::NotWritable(folder.clone())));
    assert!(!path.exists());
    if !root_like {
        assert!(entries(&locked).is_empty());
    }
    let fr = ExportError::NotWritable(folder.clone()).message(Lang::Fr);
    let en = ExportError::NotWritable(folder).message(Lang::En);
    assert!(fr.contains("protégé en écriture"), "{fr}");
    assert!(en.contains("write-protected"), "{en}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&locked, fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_full_disk_leaves_no_partial_file() {
    let dir = temp_dir();
    let path = dir.path().join("fiche-fr.pdf");
    let result = write_atomically(&path, Existing::Refuse, |file| {
        file.write_all(b"%PDF-1.7 the first half")?;
        Err(io::Error::from_raw_os_error(28))
    });
    assert_eq!(result, Err(ExportError::DiskFull(dir.path().to_path_buf())));
    assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));
    let fr = ExportError::DiskFull(dir.path().to_path_buf()).message(Lang::Fr);
    assert!(fr.contains("disque est plein"), "{fr}");
}

#[test]
fn free_names_count_up() {
    assert_eq!(
        numbered(Path::new("/a/fiche-fr.pdf"), 1),
        PathBuf::from("/a/fiche-fr.pdf")
    );
    assert_eq!(
        numbered(Path::new("/a/fiche-fr.pdf"), 3),
        PathBuf::from("/a/fiche-fr-3.pdf")
    );
    assert_eq!(numbered(Path::new("fiche"), 2), PathBuf::from("fiche-2"));
}

#[test]
fn default_names_have_no_spaces_nor_accents() {
    assert_eq!(
        default_file_name("Comprendre la résistance", Lang::Fr, false, Format::Pdf),
        "comprendre-la-resistance-fr.pdf"
    );
    assert_eq!(
        default_file_name(
            "Qu’est-ce que la résistance à un traitement\u{a0}?",
            Lang::Fr,
            true,
            Format::Txt
        ),
        "qu-est-ce-que-la-resistance-a-un-traitement-fr-gros-caracteres.txt"
    );
    assert_eq!(
        default_file_name("Œdème", Lang::En, true, Format::Pdf),
        "oedeme-en-large-print.pdf"
    );
    assert_eq!(
        default_file_name("???", Lang::En, false, Format::Pdf),
        "document-en.pdf"
    );
    let long = default_file_name(&"mot ".repeat(40), Lang::Fr, false, Format::Pdf);
    assert!(long.len() <= 48 + ".pdf".len() + 3, "{long}");
    assert!(!long.contains("--"), "{long}");
}

#[test]
fn the_export_folder_is_the_configured_one_first() {
    assert_eq!(
        export_folder(Some(Path::new("/srv/pdf"))),
        Some(PathBuf::from("/srv/pdf"))
    );
    // Without settings, some folder of the user's (or none on a bare
    // account); never a relative path.
    if let Some(dir) = export_folder(None) {
        assert!(dir.is_absolute(), "{}", dir.display());
    }
}

/// Makes a named pipe with the system's `mkfifo`; `None` (and a SKIPPED
/// line) where there is none.
#[cfg(unix)]
fn fifo(path: &Path) -> Option<()> {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    if made.is_ok_and(|s| s.success()) {
        Some(())
    } else {
        eprintln!("SKIPPED: mkfifo is not available");
        None
    }
}

#[cfg(unix)]
#[test]
fn overwriting_refuses_a_named_pipe_and_leaves_it_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let dir = temp_dir();
    let path = dir.path().join("fiche.pdf");
    let Some(()) = fifo(&path) else { return };
    assert_eq!(
        save(b"%PDF", &path, Existing::Replace),
        Err(ExportError::NotAFile(path.clone()))
    );
    let still = fs::symlink_metadata(&path).map(|m| m.file_type().is_fifo());
    assert!(matches!(still, Ok(true)), "{still:?}");
    assert_eq!(entries(dir.path()), ["fiche.pdf"], "no temporary file left");
    let fr = ExportError::NotAFile(path).message(Lang::Fr);
    assert!(fr.contains("pas un fichier ordinaire"), "{fr}");
}

#[cfg(unix)]
#[test]
fn overwriting_refuses_a_link_and_leaves_both_the_link_and_its_file_alone() {
    let dir = temp_dir();
    let target = dir.path().join("precious.txt");
    let _ = fs::write(&target, b"keep me");
    let link = dir.path().join("fiche.pdf");
    let _ = std::os::unix::fs::symlink(&target, &link);
    assert_eq!(
        save(b"%PDF", &link, Existing::Replace),
        Err(ExportError::NotAFile(link.clone()))
    );
    assert!(fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    assert_eq!(fs::read(&target).ok(), Some(b"keep me".to_vec()));
    // The save dialog's choice is refused the same way.
    let chosen = deliver(b"%PDF", Choice::File(link.clone()), "x.pdf", None);
    assert_eq!(chosen, Err(ExportError::NotAFile(link)));
}

#[cfg(unix)]
#[test]
fn a_device_is_never_replaced_even_when_asked() {
    // /dev/null is a character device; as root the rename would have
    // replaced it. Only the check runs here: /dev is not written to
    // unless the check is gone, and then only as root.
    let meta = fs::symlink_metadata("/dev/null");
    if !meta.is_ok_and(|m| !m.file_type().is_file()) {
        eprintln!("SKIPPED: no /dev/null device here");
        return;
    }
    let dir = temp_dir();
    let link = dir.path().join("null");
    let _ = std::os::unix::fs::symlink("/dev/null", &link);
    assert_eq!(
        save(b"x", &link, Existing::Replace),
        Err(ExportError::NotAFile(link))
    );
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    for mode in [0o600, 0o640, 0o664] {
        let path = dir.path().join(format!("fiche-{mode:o}.pdf"));
        let _ = fs::write(&path, b"old");
        let _ = fs::set_permissions(&path, fs::Permissions::from_mode(mode));
        assert_eq!(save(b"new", &path, Existing::Replace), Ok(path.clone()));
        let now = fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(now.ok(), Some(mode), "{}", path.display());
        assert_eq!(fs::read(&path).ok(), Some(b"new".to_vec()));
    }
}

#[test]
fn display_is_the_english_message() {
    let error = ExportError::DiskFull(PathBuf::from("/srv"));
    assert_eq!(error.to_string(), error.message(Lang::En));
}

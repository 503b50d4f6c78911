//! Embeds the shipped content (`content/<lang>/*.ron`) into the binary, so a
//! single executable works on a waiting-room computer.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=content");
    // Read when the script runs, not when it was compiled: a build script
    // compiled for a copy of the project elsewhere (a shared target folder)
    // would otherwise look for that copy's content, and embed nothing.
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest).join("content");
    let mut entries = Vec::new();
    for lang in ["fr", "en"] {
        let dir = root.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(read) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in read.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ron") {
                println!("cargo:rerun-if-changed={}", path.display());
                let name = entry.file_name().to_string_lossy().into_owned();
                entries.push((lang, name, path));
            }
        }
    }
    // A program without its content is no program: stop the build.
    if entries.is_empty() {
        eprintln!("no content file (*.ron) in {}/fr or /en", root.display());
        std::process::exit(1);
    }
    entries.sort();
    let mut code = String::from("&[\n");
    for (lang, name, path) in entries {
        let _ = writeln!(
            code,
            "    ({lang:?}, {name:?}, include_bytes!({:?}) as &[u8]),",
            path.display().to_string()
        );
    }
    code.push(']');
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("embedded.rs");
    if let Err(e) = fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
    figures(&root);
}

/// The figures' drawings (`content/figures/<id>.svg`), shared by both
/// languages: (id, bytes).
fn figures(root: &Path) {
    let dir = root.join("figures");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries = Vec::new();
    if let Ok(read) = fs::read_dir(&dir) {
        for entry in read.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "svg") {
                println!("cargo:rerun-if-changed={}", path.display());
                if let Some(id) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) {
                    entries.push((id, path));
                }
            }
        }
    }
    entries.sort();
    let mut code = String::from("&[\n");
    for (id, path) in entries {
        let _ = writeln!(
            code,
            "    ({id:?}, include_bytes!({:?}) as &[u8]),",
            path.display().to_string()
        );
    }
    code.push(']');
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("figures.rs");
    if let Err(e) = fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}

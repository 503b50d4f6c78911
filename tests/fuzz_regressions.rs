//! Replays the inputs the fuzz targets once failed on
//! (`fuzz/regressions/<target>/*`), through the same code as the targets
//! (`fuzz/src/lib.rs`), so that a fixed crash stays fixed without the
//! nightly toolchain. Also replays the `content_bytes` seeds: every shipped
//! content file, whose diagnostics must point inside it.

#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::fs;
use std::path::Path;

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 6] = [
    ("content_bytes", harness::content_bytes),
    ("markup", harness::markup),
    ("settings", harness::settings),
    ("line_breaker", harness::line_breaker),
    ("layout", harness::layout),
    ("search", harness::search),
];

#[test]
fn every_input_a_fuzzer_failed_on_passes_now() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for entry in fs::read_dir(&root)? {
        let dir = entry?.path();
        if !dir.is_dir() {
            continue; // the README
        }
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let Some((_, target)) = TARGETS.iter().find(|(t, _)| *t == name) else {
            return Err(format!("{}: no fuzz target of that name", dir.display()).into());
        };
        for input in fs::read_dir(&dir)? {
            let path = input?.path();
            eprintln!("replaying {}", path.display());
            target(&fs::read(&path)?);
            replayed += 1;
        }
    }
    // None yet: see fuzz/regressions/README.md.
    eprintln!("{replayed} inputs replayed");
    Ok(())
}

#[test]
fn the_shipped_content_files_pass_the_content_target() {
    let seeds = harness::content_seeds();
    assert_eq!(seeds.len(), 12, "six files in each language");
    for (name, bytes) in seeds {
        eprintln!("{name}");
        harness::content_bytes(&bytes);
    }
}

#[test]
fn every_target_takes_ordinary_and_empty_inputs() {
    // Ordinary words, a long word, French text with its spaces and marks,
    // and bytes of every value: each target's own checks hold on them.
    let prose = "\u{40}\u{4}Le foie filtre le sang. La [[cirrhose]] *abîme* le foie\u{a0}: \
                 anticonstitutionnellement, chimioembolisation/radiothérapie — 12 % ?"
        .as_bytes()
        .repeat(3);
    let every_byte: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
    for (name, target) in TARGETS {
        for input in [&[][..], b"\0", &prose, &every_byte] {
            eprintln!("{name}: {} bytes", input.len());
            target(input);
        }
    }
}

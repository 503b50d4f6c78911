//! Figures: every drawing problem `check` knows is reported in the SVG
//! file at its line, hides only the figure (the section keeps its text),
//! and a missing file or an empty field points at the tab file. The
//! fixtures are `tests/fixtures/figures/<case>.svg`, each with a comment
//! `expect: <problem> at line N`, placed as a figure in the minimal tree.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use patient_info::content::{self, Block, ContentSource, LoadReport};
use patient_info::{Hidden, Lang, Problem};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

/// The minimal tree with `figure` (a `Figure(…)` block) as the first block
/// of the first section of `basics`, and `svg` as `figures/f.svg`.
fn tree(figure: &str, svg: Option<&[u8]>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fr = dir.path().join("fr");
    fs::create_dir_all(&fr).expect("fr/");
    for entry in fs::read_dir(fixtures().join("minimal/fr")).expect("minimal fixture") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), fr.join(entry.file_name())).expect("copy");
    }
    let basics = fs::read_to_string(fr.join("basics.ron")).expect("basics");
    let basics = basics.replacen(
        "blocks: [",
        &format!("blocks: [\n                {figure}"),
        1,
    );
    fs::write(fr.join("basics.ron"), basics).expect("write basics");
    if let Some(svg) = svg {
        fs::create_dir_all(dir.path().join("figures")).expect("figures/");
        fs::write(dir.path().join("figures/f.svg"), svg).expect("write svg");
    }
    dir
}

const FIGURE: &str = r#"Figure(id: "f", caption: "(1) Le foie.", alt: "Un schéma du foie."),"#;

fn load(dir: &tempfile::TempDir) -> LoadReport {
    content::load(
        &ContentSource::Dir(dir.path().to_path_buf()),
        Lang::Fr,
        today(),
    )
}

fn figures_of(report: &LoadReport) -> usize {
    report
        .library
        .tabs
        .iter()
        .flat_map(|t| &t.sections)
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Figure(_)))
        .count()
}

/// The first section of `basics` is still there, with its text.
fn section_kept(report: &LoadReport) -> bool {
    report
        .library
        .tab("basics")
        .and_then(|t| t.sections.first())
        .is_some_and(|s| {
            s.blocks.iter().any(|b| {
                matches!(
                    b,
                    Block::Paragraph(_) | Block::List(_) | Block::Callout { .. }
                )
            })
        })
}

#[test]
fn a_valid_figure_loads_into_its_section() {
    let svg = fs::read(fixtures().join("figures/good.svg")).expect("good.svg");
    let dir = tree(FIGURE, Some(&svg));
    let report = load(&dir);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    assert_eq!(figures_of(&report), 1);
}

#[test]
fn each_broken_drawing_is_reported_at_its_line_and_hides_only_the_figure() {
    let mut cases = 0;
    for entry in fs::read_dir(fixtures().join("figures")).expect("figures fixtures") {
        let path = entry.expect("entry").path();
        let bytes = fs::read(&path).expect("fixture");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let Some(rest) = text.split("expect: ").nth(1) else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let code = words.next().unwrap_or_default();
        if code == "none" {
            continue;
        }
        let line: usize = words
            .nth(2)
            .and_then(|n| n.parse().ok())
            .expect("at line N");
        cases += 1;
        let dir = tree(FIGURE, Some(&bytes));
        let report = load(&dir);
        let name = path.display();
        let errors: Vec<_> = report.errors().collect();
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let d = errors[0];
        assert_eq!(d.kind.code(), code, "{name}: {d}");
        assert!(d.file.ends_with("figures/f.svg"), "{name}: {d}");
        assert_eq!(d.line, line, "{name}: {d}");
        assert!(
            matches!(&d.hides, Hidden::Figure { figure, .. } if figure == "f"),
            "{name}: {d:?}"
        );
        assert!(
            d.message(Lang::Fr).contains("La figure `f` est masquée"),
            "{name}"
        );
        assert_eq!(figures_of(&report), 0, "{name}: the figure is dropped");
        assert!(section_kept(&report), "{name}: the section keeps its text");
    }
    assert!(cases >= 9, "only {cases} cases");
}

#[test]
fn a_missing_drawing_points_at_the_figure_in_the_tab_file() {
    let dir = tree(FIGURE, None);
    let report = load(&dir);
    let errors: Vec<_> = report.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let d = errors[0];
    assert_eq!(d.kind.code(), "figure-missing");
    assert!(d.file.ends_with("basics.ron"), "{d}");
    assert!(d.line > 0 && d.column > 0, "{d}");
    assert!(d.message(Lang::En).contains("figures/f.svg"), "{d}");
    assert!(section_kept(&report));
}

#[test]
fn a_figure_needs_a_caption_and_an_alt_text() {
    let svg = fs::read(fixtures().join("figures/good.svg")).expect("good.svg");
    for (figure, field) in [
        (
            r#"Figure(id: "f", caption: "", alt: "Un schéma."),"#,
            "caption",
        ),
        (r#"Figure(id: "f", caption: "(1) Le foie."),"#, "alt"),
    ] {
        let dir = tree(figure, Some(&svg));
        let report = load(&dir);
        let errors: Vec<_> = report.errors().collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            matches!(&errors[0].kind, Problem::Figure(p) if p.code() == "figure-empty-field"),
            "{:?}",
            errors[0]
        );
        assert!(errors[0].message(Lang::En).contains(&format!("`{field}`")));
        assert!(errors[0].file.ends_with("basics.ron"));
        assert_eq!(figures_of(&report), 0);
        assert!(section_kept(&report));
    }
}

#[test]
fn the_shipped_figures_are_all_used_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let report = content::load(&ContentSource::Embedded, lang, today());
        let ids: Vec<String> = report
            .library
            .tabs
            .iter()
            .flat_map(|t| &t.sections)
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Figure(f) => Some(f.id.clone()),
                _ => None,
            })
            .collect();
        for id in [
            "liver-blood",
            "resistance-time",
            "cell-escape",
            "mixed-cells",
            "decision-path",
        ] {
            assert!(ids.iter().any(|i| i == id), "{lang:?} lacks {id}");
        }
        assert!(
            !report
                .diagnostics
                .iter()
                .any(|d| matches!(d.kind, Problem::Figure(_))),
            "{:?}",
            report.diagnostics
        );
    }
}

/// Every shipped drawing also renders with an independent renderer
/// (librsvg's `rsvg-convert`), to a non-blank picture.
#[test]
fn every_shipped_drawing_renders_with_rsvg_convert() {
    let probe = std::process::Command::new("rsvg-convert")
        .arg("--version")
        .output();
    if probe.is_err() {
        println!("SKIPPED: rsvg-convert (librsvg2-bin) is not installed");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/figures");
    let out = tempfile::tempdir().expect("temp");
    let mut n = 0;
    for entry in fs::read_dir(&dir).expect("content/figures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "svg") {
            continue;
        }
        n += 1;
        let png = out.path().join("out.png");
        let status = std::process::Command::new("rsvg-convert")
            .args(["-w", "400", "-o"])
            .arg(&png)
            .arg(&path)
            .status()
            .expect("rsvg-convert runs");
        assert!(status.success(), "{} does not render", path.display());
        let bytes = fs::read(&png).expect("png");
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 2000,
            "{}",
            path.display()
        );
    }
    assert!(n >= 5, "only {n} figures");
}

//! The loader never panics, whatever it is fed: arbitrary bytes in any
//! content file, and real files with bytes flipped, cut, doubled or dropped.

use patient_info::Lang;
use patient_info::content::{self, ContentSource, EMBEDDED, FILE_NAMES};
use proptest::prelude::*;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

/// The shipped French files, with `file` replaced by `bytes`.
fn with_file(file: &str, bytes: Vec<u8>) -> ContentSource {
    let mut files: Vec<(Lang, String, Vec<u8>)> = EMBEDDED
        .iter()
        .filter(|(l, f, _)| *l == "fr" && *f != file)
        .map(|(_, f, b)| (Lang::Fr, (*f).to_string(), b.to_vec()))
        .collect();
    files.push((Lang::Fr, file.to_string(), bytes));
    ContentSource::Memory(files)
}

fn shipped(file: &str) -> Vec<u8> {
    EMBEDDED
        .iter()
        .find(|(l, f, _)| *l == "fr" && *f == file)
        .map(|(_, _, b)| b.to_vec())
        .unwrap_or_default()
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Drop(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Drop(i, n)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..400).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let at = |i: usize| i % bytes.len();
    match m {
        Mutation::Flip(i, b) => {
            let i = at(*i);
            bytes[i] ^= b | 1;
        }
        Mutation::Cut(i) => bytes.truncate(at(*i)),
        Mutation::Drop(i, n) => {
            let i = at(*i);
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::Insert(i, b) => {
            let i = at(*i);
            bytes.splice(i..i, b.iter().copied());
        }
        Mutation::Duplicate(i, n) => {
            let i = at(*i);
            let end = (i + n).min(bytes.len());
            let copy = bytes[i..end].to_vec();
            bytes.splice(end..end, copy);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_in_any_file_never_panic(file in prop::sample::select(FILE_NAMES.to_vec()), bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let report = content::load(&with_file(file, bytes), Lang::Fr, today());
        // Whatever happened, the other tabs are still there.
        prop_assert!(report.library.tabs.len() >= 3);
    }

    #[test]
    fn mutated_real_files_never_panic(file in prop::sample::select(FILE_NAMES.to_vec()), mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut bytes = shipped(file);
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let report = content::load(&with_file(file, bytes), Lang::Fr, today());
        for d in &report.diagnostics {
            // Every problem renders in both languages with a place.
            prop_assert!(!d.render(Lang::Fr).is_empty());
            prop_assert!(!d.render(Lang::En).is_empty());
        }
    }

    #[test]
    fn arbitrary_text_with_marks_never_panics(text in "[a-zé *\\[\\]|\"'\\\\\n]{0,80}") {
        let source = format!("Tab(id: \"basics\", title: \"T\", meta: (written_on: \"2026-01-01\", sources: [\"s\"], review: (reviewed_by: \"\", reviewed_on: \"\", next_review: \"\")), sections: [(id: \"a\", title: \"Q ?\", summary: \"{text}\", blocks: [Paragraph(\"{text}\")])])");
        let _ = content::load(&with_file("basics.ron", source.into_bytes()), Lang::Fr, today());
    }
}

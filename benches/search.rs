//! Search over all the embedded content, both languages: one query each
//! (with words that only match with their typos), the worst query (2,000
//! characters, cut to its first words) and the index build, done once per
//! content when the search screen first needs it. Target: a query under
//! 1 ms in release.
//!
//! `cargo bench --bench search`. With `--no-default-features` the release
//! build stops at iced_renderer (pulled in by the iced_test dev-dependency,
//! without a renderer): measured so from a copy without the window's
//! dev-dependencies.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use patient_info::Lang;
use patient_info::content::{self, ContentSource};
use patient_info::search::Index;

fn search(c: &mut Criterion) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let fr = content::load(&ContentSource::Embedded, Lang::Fr, today).library;
    let en = content::load(&ContentSource::Embedded, Lang::En, today).library;
    c.bench_function("index build fr+en", |b| {
        b.iter(|| (Index::new(black_box(&fr)), Index::new(black_box(&en))))
    });
    let (fr_index, en_index) = (Index::new(&fr), Index::new(&en));
    // Each word needs its typo forgiven: the slowest path a query takes.
    c.bench_function("query fr+en with typos", |b| {
        b.iter(|| {
            (
                fr_index.find(black_box("chimioembolisaton cirose"), 12),
                en_index.find(black_box("chemoembolisaton cirosis"), 12),
            )
        })
    });
    c.bench_function("query fr+en one word", |b| {
        b.iter(|| {
            (
                fr_index.find(black_box("immuno"), 12),
                en_index.find(black_box("immuno"), 12),
            )
        })
    });
    let long = "immunotherapy ".repeat(150);
    c.bench_function("query fr+en 2,000 characters", |b| {
        b.iter(|| {
            (
                fr_index.find(black_box(&long), 12),
                en_index.find(black_box(&long), 12),
            )
        })
    });
    // Nothing found: the suggestion is looked for too.
    c.bench_function("query fr+en nothing found", |b| {
        b.iter(|| {
            (
                fr_index.find(black_box("zyrrozee"), 12),
                en_index.find(black_box("zyrrozee"), 12),
            )
        })
    });
}

criterion_group!(benches, search);
criterion_main!(benches);

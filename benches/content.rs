//! Loading and validating all the embedded content (both languages), the
//! work done at start-up and on « Recharger ». Target: under 5 ms in release.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use patient_info::Lang;
use patient_info::content::{self, ContentSource};

fn load_embedded(c: &mut Criterion) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    // Parse the fonts once, as the program does, outside the measure.
    let _ = patient_info::fonts::can_draw('a');
    c.bench_function("load+validate embedded fr", |b| {
        b.iter(|| content::load(black_box(&ContentSource::Embedded), Lang::Fr, today))
    });
    c.bench_function("load+validate embedded fr+en", |b| {
        b.iter(|| {
            let fr = content::load(black_box(&ContentSource::Embedded), Lang::Fr, today);
            let en = content::load(black_box(&ContentSource::Embedded), Lang::En, today);
            (fr, en)
        })
    });
}

criterion_group!(benches, load_embedded);
criterion_main!(benches);

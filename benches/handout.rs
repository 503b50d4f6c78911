//! Making PDF handouts from the embedded content, as a nurse does: one tab
//! (target under 20 ms in release) and the whole tagged booklet (under
//! 30 ms), with the fonts parsed once, outside the measure, as in the
//! program; and a section holding one 200,000-letter word (line breaking
//! is linear: well under a second).

use std::hint::black_box;

use chrono::TimeZone;
use criterion::{Criterion, criterion_group, criterion_main};
use patient_info::Lang;
use patient_info::content::{self, ContentSource, Inline, RichText};
use patient_info::handout::{self, Options, Selection};

fn options(large_print: bool) -> Options {
    let printed_at = chrono::FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 29, 10, 0, 0).single())
        .unwrap_or_else(|| chrono::Local::now().fixed_offset());
    Options {
        large_print,
        clinic: Some("Centre de cancérologie".to_string()),
        clinic_phone: Some("04 78 78 28 28".to_string()),
        printed_at,
    }
}

fn handouts(c: &mut Criterion) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let library = content::load(&ContentSource::Embedded, Lang::Fr, today).library;
    let normal = options(false);
    // Parse the fonts once, as the program does after its first handout.
    let _ = handout::render_pdf(&library, &Selection::All, &normal);

    let tab = Selection::Tab("treatments".to_string());
    c.bench_function("pdf: one tab (fr)", |b| {
        b.iter(|| handout::render_pdf(black_box(&library), &tab, &normal))
    });
    c.bench_function("pdf: whole booklet (fr)", |b| {
        b.iter(|| handout::render_pdf(black_box(&library), &Selection::All, &normal))
    });
    let large = options(true);
    c.bench_function("pdf: whole booklet, large print (fr)", |b| {
        b.iter(|| handout::render_pdf(black_box(&library), &Selection::All, &large))
    });
    c.bench_function("layout only: whole booklet (fr)", |b| {
        b.iter(|| handout::build(black_box(&library), &Selection::All, &normal).map(|h| h.layout()))
    });
    c.bench_function("txt: whole booklet (fr)", |b| {
        b.iter(|| handout::render_text(black_box(&library), &Selection::All, &normal))
    });

    let mut long = library.clone();
    let word: String = "hépatocarcinome".chars().cycle().take(200_000).collect();
    let id = match long.tabs.first_mut().and_then(|t| t.sections.first_mut()) {
        Some(section) => {
            section.summary = RichText(vec![Inline::Text(format!("Avant {word} après."))]);
            section.id.clone()
        }
        None => return,
    };
    let section = Selection::Section(id);
    let mut group = c.benchmark_group("long word");
    group.sample_size(10);
    group.bench_function("pdf: a section with a 200,000-letter word (fr)", |b| {
        b.iter(|| handout::render_pdf(black_box(&long), &section, &normal))
    });
    group.finish();
}

criterion_group!(benches, handouts);
criterion_main!(benches);

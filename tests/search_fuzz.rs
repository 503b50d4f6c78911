//! Search never panics and always answers within its caps, whatever is
//! typed or pasted.

use std::sync::OnceLock;

use patient_info::Lang;
use patient_info::content::{self, ContentSource};
use patient_info::search::Index;
use proptest::prelude::*;

/// The French index, built once for every case.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        Index::new(&content::load(&ContentSource::Embedded, Lang::Fr, today).library)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_unicode_query_answers_within_its_limit(query in any::<String>(), limit in 0usize..20) {
        let found = index().find(&query, limit);
        prop_assert!(found.hits.len() <= limit);
        for hit in &found.hits {
            for span in &hit.excerpt_spans {
                prop_assert!(hit.excerpt.get(span.clone()).is_some());
            }
            for span in &hit.title_spans {
                prop_assert!(hit.title.get(span.clone()).is_some());
            }
        }
        if !found.hits.is_empty() {
            prop_assert!(found.suggestion.is_none());
        }
    }

    #[test]
    fn content_words_mangled_never_panic(
        word in "(cirrhose|immunothérapie|chimioembolisation|foie|traitement)",
        cut in 0usize..20,
        noise in "\\PC{0,4}",
    ) {
        let mut query: String = word.chars().take(cut).collect();
        query.push_str(&noise);
        let index = index();
        let found = index.find(&query, 12);
        prop_assert!(found.hits.len() <= 12);
        // A suggestion, when there is one, finds something.
        if let Some(s) = &found.suggestion {
            prop_assert!(!index.search(s, 12).is_empty());
        }
    }
}

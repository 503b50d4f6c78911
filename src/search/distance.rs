//! How many typos apart two words are, only as far as it matters: the
//! optimal-string-alignment distance (a letter added, missing or changed,
//! or two neighbours swapped, each one typo), bounded.

/// Longest word compared letter by letter; longer ones only equal or not.
const MAX_LEN: usize = 64;

/// The number of typos between `a` and `b` if it is at most `max`, else
/// `None`. Only the cells within `max` of the diagonal are computed, and it
/// stops at the first row that is all over `max`: at most
/// `(2 × max + 1) × len` steps, with no allocation. Words longer than 64
/// letters are only compared for equality.
pub fn within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if max == 0 || n > MAX_LEN || m > MAX_LEN {
        return (a == b).then_some(0);
    }
    let max = max.min(MAX_LEN);
    // Every cell over `max` is stored as `big`: no sum can overflow.
    let big = u8::try_from(max + 1).unwrap_or(u8::MAX);
    // Rows i-2, i-1 and i, in turn; cells never written stay `big`.
    let mut rows = [[big; MAX_LEN + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(max.min(m) + 1) {
        *cell = u8::try_from(j).unwrap_or(big);
    }
    for i in 1..=n {
        let lo = i.saturating_sub(max);
        let hi = (i + max).min(m);
        let [two, prev, cur] = rotate(&mut rows, i);
        // The cell left of the band: the first column, or out of reach.
        let first = lo.max(1);
        cur[first - 1] = if first == 1 && i <= max {
            u8::try_from(i).unwrap_or(big)
        } else {
            big
        };
        let mut least = cur[first - 1];
        for j in first..=hi {
            let change = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j - 1] + change).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(two[j - 2] + 1);
            }
            let v = v.min(big);
            cur[j] = v;
            least = least.min(v);
        }
        if usize::from(least) > max {
            return None;
        }
    }
    let last = rotate(&mut rows, n)[2][m];
    (usize::from(last) <= max).then_some(usize::from(last))
}

/// Rows i-2, i-1 and i of the three kept, by `i` modulo 3.
fn rotate(rows: &mut [[u8; MAX_LEN + 1]; 3], i: usize) -> [&mut [u8; MAX_LEN + 1]; 3] {
    let [r0, r1, r2] = rows;
    match i % 3 {
        0 => [r1, r2, r0],
        1 => [r2, r0, r1],
        _ => [r0, r1, r2],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        within(&a, &b, max)
    }

    /// The full table, for comparison.
    fn reference(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in t[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let c = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (t[i - 1][j - 1] + c)
                    .min(t[i - 1][j] + 1)
                    .min(t[i][j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(t[i - 2][j - 2] + 1);
                }
                t[i][j] = v;
            }
        }
        t[a.len()][b.len()]
    }

    #[test]
    fn each_kind_of_typo_counts_one() {
        assert_eq!(d("cirrhose", "cirrhose", 1), Some(0));
        assert_eq!(d("lenvatinibe", "lenvatinib", 1), Some(1), "added");
        assert_eq!(d("chimioembolisaton", "chimioembolisation", 1), Some(1));
        assert_eq!(d("foie", "foje", 1), Some(1), "changed");
        assert_eq!(d("foie", "fioe", 1), Some(1), "swapped");
        assert_eq!(d("", "ab", 2), Some(2));
        assert_eq!(d("ab", "", 2), Some(2));
    }

    #[test]
    fn beyond_the_bound_there_is_no_distance() {
        assert_eq!(d("cirose", "cirrhose", 1), None);
        assert_eq!(d("cirose", "cirrhose", 2), Some(2));
        assert_eq!(d("foie", "fiso", 0), None);
        assert_eq!(d("abcdef", "badcfe", 2), None, "three swaps");
        assert_eq!(d("abcdef", "badcfe", 3), Some(3));
        assert_eq!(d("kitten", "sitting", 2), None);
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        // The length difference alone says no.
        assert_eq!(d("a", "abcd", 2), None);
    }

    #[test]
    fn the_banded_table_agrees_with_the_full_one_within_the_bound() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "foie",
            "foei",
            "fiore",
            "cirrhose",
            "cirose",
            "cirrhoses",
            "sirose",
            "lenvatinib",
            "lenvatinibe",
            "levantinib",
            "abcdefgh",
            "badcfehg",
            "hgfedcba",
            "aaaa",
            "aaab",
            "ca",
            "abc",
        ];
        for a in words {
            for b in words {
                let full = reference(a, b);
                for max in 0..=4 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(d(a, b, max), want, "{a:?} {b:?} within {max}");
                }
            }
        }
    }

    #[test]
    fn long_words_are_only_equal_or_not() {
        let long: String = "a".repeat(70);
        let other = format!("{}b", "a".repeat(69));
        assert_eq!(d(&long, &long, 1), Some(0));
        assert_eq!(d(&long, &other, 1), None);
    }
}

//! The vocabulary of minutes, as data: the word lists of `src/lexicon/*.tsv` and `*.txt`
//! (one entry a line, `#` comments), turned into sorted, indexed tables by `build.rs`, which
//! rejects duplicates and unknown names. To add a label, a section word, a counter, a title or
//! a surname, add a line to its file (docs/EXTENDING.md).

use crate::model::{Part, Role};

/// The part of the day a time is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Daypart {
    Am,
    Pm,
    Noon,
}

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// The entries of an indexed table whose word starts with `c`, the longest first.
fn starting<'t, T>(
    table: &'t [(&'static str, T)],
    index: &[(char, u16, u16)],
    c: char,
) -> &'t [(&'static str, T)] {
    match index.binary_search_by_key(&c, |&(f, _, _)| f) {
        Ok(k) => &table[index[k].1 as usize..index[k].2 as usize],
        Err(_) => &[],
    }
}

/// Labels starting with `c`, the longest first.
pub fn labels_starting(c: char) -> &'static [(&'static str, Role)] {
    starting(LABELS, LABELS_INDEX, c)
}

/// Section words starting with `c`, the longest first.
pub fn sections_starting(c: char) -> &'static [(&'static str, Part)] {
    starting(SECTIONS, SECTIONS_INDEX, c)
}

/// Titles of office starting with `c`, the longest first.
pub fn titles_starting(c: char) -> &'static [(&'static str, ())] {
    starting(TITLES, TITLES_INDEX, c)
}

pub fn is_title(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| titles_starting(c).iter().any(|(t, _)| *t == s))
}

pub fn is_surname(c: char) -> bool {
    SURNAMES.binary_search(&c).is_ok()
}

/// A line of web-page chrome (`跳到主要內容區塊`).
pub fn is_chrome(line: &str) -> bool {
    CHROME.contains(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_ordered_for_their_lookups() {
        let ls = labels_starting('主');
        assert!(
            ls.iter().position(|(w, _)| *w == "主席裁示")
                < ls.iter().position(|(w, _)| *w == "主席")
        );
        assert!(labels_starting('說')
            .iter()
            .any(|(w, r)| *w == "說明" && *r == Role::Explanation));
        assert!(sections_starting('報')
            .iter()
            .any(|(w, _)| *w == "報告事項"));
        assert!(is_title("司長") && !is_title("司"));
        assert!(is_surname('林') && !is_surname('司'));
        assert!(is_chrome("跳到主要內容區塊"));
        assert_eq!(COUNTERS[0].0.chars().count(), 4);
        assert!(SURNAMES.windows(2).all(|w| w[0] < w[1]));
    }
}

//! Small recognisers over one line or one text: each takes the text from where the thing may
//! start and answers with what it found and how many bytes it used, or `None`. None of them
//! allocates on the way to an answer, and none knows about the tree: where a line goes is for
//! [`crate::build`] to decide.
//!
//! Full-width and half-width forms, and the stray spaces a PDF extraction leaves inside
//! markers (`1 、`, `( 二 )`), are accepted everywhere; callers pass the folded text
//! ([`crate::text::fold`]) and keep the text as written.

pub mod counter;
pub mod date;
pub mod facts;
pub mod label;
pub mod marker;
pub mod money;
pub mod number;
pub mod numeral;
pub mod page;
pub mod section;
pub mod time;
pub mod unit;

pub use counter::{counter, Counter};
pub use label::{label, Label};
pub use marker::{marker, Marker};
pub use section::section;

use crate::text::skip_spaces;

/// Matches `word` at the start of `s`, allowing the letter-spacing of headings (`報 告 事 項`,
/// `說　明`). Returns the bytes used.
pub fn spaced_word(s: &str, word: &str) -> Option<usize> {
    let mut i = 0;
    for (k, w) in word.chars().enumerate() {
        if k > 0 {
            i += skip_spaces(&s[i..]);
        }
        let c = s[i..].chars().next()?;
        if c != w {
            return None;
        }
        i += c.len_utf8();
    }
    Some(i)
}

/// A colon, full or half width, after optional spaces: bytes used.
pub fn colon(s: &str) -> Option<usize> {
    let i = skip_spaces(s);
    let c = s[i..].chars().next()?;
    matches!(c, '：' | ':' | '︰').then(|| i + c.len_utf8())
}

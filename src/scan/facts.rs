//! The facts of a text in one pass: every date, amount and percentage, with where it is.

use super::number::number;
use super::numeral::is_cjk_numeral;
use crate::model::FactValue;
use crate::text::digit;

/// A fact found in a text, with its byte range.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: FactValue,
    /// A weekday written after the date: as written, and 0 = Sunday … 6 = Saturday.
    pub weekday: Option<(String, u8)>,
    /// The year was written, not taken from the context.
    pub explicit_year: bool,
}

pub struct Scanner<'t> {
    pub s: &'t str,
    /// The year for dates written without one: the meeting's (or, when the minutes do not
    /// say, the last year written before). A range or list carries its own year on.
    pub year: u16,
    pub out: Vec<Found>,
}

pub fn scan(text: &str, year: u16) -> Vec<Found> {
    // Read folded (a PDF's U+F98E is 年), at the same offsets as the text as written.
    let folded = crate::text::fold(text);
    let text: &str = &folded;
    let mut sc = Scanner {
        s: text,
        year,
        out: Vec::new(),
    };
    let b = text.as_bytes();
    let mut at = 0;
    let mut prev: Option<char> = None;
    while at < b.len() {
        // Most characters cannot start a number: decide from the bytes which may. Digits are
        // ASCII or EF BC 90–99; Chinese numerals are three bytes from E3 to E9.
        let x = b[at];
        let candidate = matches!(x, b'0'..=b'9' | 0xe3..=0xe9 | 0xef);
        if !candidate {
            let step = match x {
                0..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            }
            .min(b.len() - at);
            prev = if x < 0x80 {
                Some(x as char)
            } else {
                Some('\u{fffd}')
            };
            at += step;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        let numeric = digit(c).is_some();
        let starts_number = (numeric || is_cjk_numeral(c))
            && !prev.is_some_and(|p| {
                digit(p).is_some() || p == '.' || p == ',' || p.is_ascii_alphabetic()
            });
        let starts_cjk_run = !numeric && prev.is_some_and(is_cjk_numeral);
        let mut next = None;
        if c == '百' && text[at..].starts_with("百分之") {
            next = sc.percent(at);
        } else if starts_number && !starts_cjk_run {
            next = sc
                .numeric_date(at)
                .or_else(|| sc.slash_date(at))
                .or_else(|| sc.written_date(at))
                .or_else(|| sc.amount(at))
                .or_else(|| sc.percent(at));
            if next.is_none() {
                // Skip the rest of this number so that 112年 is not read again as 12年.
                if let Some(n) = number(text, at) {
                    if n.end > at {
                        prev = text[..n.end].chars().next_back();
                        at = n.end;
                        continue;
                    }
                }
            }
        }
        match next {
            Some(end) if end > at => {
                prev = text[..end].chars().next_back();
                at = end;
            }
            _ => {
                prev = Some(c);
                at += c.len_utf8();
            }
        }
    }
    crate::text::sort_by_key(&mut sc.out, |f| f.start as u64);
    sc.out
}

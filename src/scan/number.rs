//! Numbers inside running text, for dates and amounts: `4,743.3`, `1 0 1` (digits spaced out by a
//! PDF extraction), `三百`.

use super::numeral::cjk_number;
use crate::text::{digit, skip_spaces};

/// A number as written: value, decimal places, bytes used.
#[derive(Clone, Copy, Debug)]
pub struct Num {
    /// The digits without the decimal point: 4,743.3 is 47433 with scale 1.
    pub mantissa: u64,
    pub scale: u32,
    pub end: usize,
    /// Written in Chinese numerals.
    pub cjk: bool,
    /// Digits only, no separators, no decimals (can be a year, month or day).
    pub plain: bool,
}

impl Num {
    pub fn int(self) -> Option<u32> {
        (self.scale == 0 && self.mantissa <= u32::MAX as u64).then_some(self.mantissa as u32)
    }
}

/// A number at `at`: Arabic (with thousands separators and decimals), digits spaced out by a
/// PDF extraction (`1 0 1` before 年), or Chinese numerals.
pub fn number(s: &str, at: usize) -> Option<Num> {
    // `98 年 2 月 13 日`: a PDF extraction spaces the parts of a date apart.
    let at = at + skip_spaces(&s[at..]);
    let rest = &s[at..];
    let c = rest.chars().next()?;
    if digit(c).is_some() {
        let mut mantissa = 0u64;
        let mut scale = 0u32;
        let mut end = at;
        let mut in_decimals = false;
        let mut plain = true;
        let mut it = rest.char_indices().peekable();
        while let Some((k, c)) = it.next() {
            if let Some(d) = digit(c) {
                mantissa = mantissa.checked_mul(10)?.checked_add(d as u64)?;
                if in_decimals {
                    scale += 1;
                }
                end = at + k + c.len_utf8();
            } else if matches!(c, ',' | '，') && !in_decimals {
                // A thousands separator has exactly three digits after it.
                let after = &rest[k + c.len_utf8()..];
                let three = after
                    .chars()
                    .take(3)
                    .filter(|&c| digit(c).is_some())
                    .count()
                    == 3
                    && after.chars().nth(3).is_none_or(|c| digit(c).is_none());
                if !three {
                    break;
                }
                plain = false;
            } else if matches!(c, '.' | '．') && !in_decimals {
                let next_digit = it.peek().is_some_and(|&(_, n)| digit(n).is_some());
                if !next_digit {
                    break;
                }
                in_decimals = true;
                plain = false;
            } else {
                break;
            }
        }
        // `1 0 1 年`: single digits spaced out, then a date unit.
        if plain && end - at == 1 {
            if let Some(n) = spaced_digits(s, at) {
                return Some(n);
            }
        }
        return Some(Num {
            mantissa,
            scale,
            end,
            cjk: false,
            plain,
        });
    }
    let (v, _, n) = cjk_number(rest)?;
    Some(Num {
        mantissa: v as u64,
        scale: 0,
        end: at + n,
        cjk: true,
        plain: true,
    })
}

fn spaced_digits(s: &str, at: usize) -> Option<Num> {
    let mut v = 0u64;
    let mut end;
    let mut count = 0;
    let mut k = at;
    loop {
        let c = s[k..].chars().next()?;
        let d = digit(c)?;
        v = v * 10 + d as u64;
        count += 1;
        end = k + c.len_utf8();
        let gap = s[end..].chars().take_while(|&c| c == ' ').count();
        let next = s[end + gap..].chars().next();
        if gap == 1 && next.is_some_and(|c| digit(c).is_some()) {
            k = end + gap;
            continue;
        }
        if count > 1 && matches!(s[end + gap..].chars().next(), Some('年' | '月' | '日')) {
            return Some(Num {
                mantissa: v,
                scale: 0,
                end,
                cjk: false,
                plain: true,
            });
        }
        return None;
    }
}

/// `c` after optional spaces; returns the position after it.
pub fn expect(s: &str, at: usize, set: &[char]) -> Option<usize> {
    let at = at + skip_spaces(&s[at..]);
    let c = s[at..].chars().next()?;
    set.contains(&c).then(|| at + c.len_utf8())
}

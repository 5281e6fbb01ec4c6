//! Numerals: Chinese (一二三, 壹貳參, 十一, 一百零五, 一一四) and Arabic (ASCII or full-width),
//! as markers, dates and amounts write them; and numbers written back in a style, for messages.

use crate::text::digit;

/// The two families of Chinese numerals: everyday (一二三) and formal, for cheques and
/// the outermost level of official documents (壹貳參).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CjkSet {
    Plain,
    Formal,
}

pub fn cjk_digit(c: char) -> Option<(u32, CjkSet)> {
    use CjkSet::*;
    Some(match c {
        '〇' | '零' | '○' => (0, Plain),
        '一' => (1, Plain),
        '二' | '兩' => (2, Plain),
        '三' => (3, Plain),
        '四' => (4, Plain),
        '五' => (5, Plain),
        '六' => (6, Plain),
        '七' => (7, Plain),
        '八' => (8, Plain),
        '九' => (9, Plain),
        '壹' | '壱' => (1, Formal),
        '貳' | '贰' | '弍' | '貮' => (2, Formal),
        '參' | '叁' | '叄' | '参' => (3, Formal),
        '肆' => (4, Formal),
        '伍' => (5, Formal),
        '陸' | '陆' => (6, Formal),
        '柒' => (7, Formal),
        '捌' => (8, Formal),
        '玖' => (9, Formal),
        _ => return None,
    })
}

fn cjk_unit(c: char) -> Option<(u32, CjkSet)> {
    use CjkSet::*;
    Some(match c {
        '十' => (10, Plain),
        '百' => (100, Plain),
        '千' => (1000, Plain),
        '拾' => (10, Formal),
        '佰' => (100, Formal),
        '仟' => (1000, Formal),
        _ => return None,
    })
}

/// A character of a Chinese numeral (一, 十, 壹, 拾, 〇 …). Asked of every character of every
/// text when looking for dates and amounts, so it is a bit lookup.
pub fn is_cjk_numeral(c: char) -> bool {
    let u = c as u32;
    if (0x3000..0xa000).contains(&u) {
        let k = (u - 0x3000) as usize;
        NUMERAL_BITS[k / 64] & (1 << (k % 64)) != 0
    } else {
        c == '○'
    }
}

/// Every character [`cjk_digit`] or [`cjk_unit`] knows, for the bitmap below.
const NUMERAL_CHARS: &str =
    "〇零一二兩三四五六七八九壹壱貳贰弍貮參叁叄参肆伍陸陆柒捌玖十百千拾佰仟廿卅";

/// One bit per code point from U+3000 to U+9FFF: set for the numerals.
static NUMERAL_BITS: [u64; 448] = {
    let mut bits = [0u64; 448];
    let b = NUMERAL_CHARS.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // All of them are three-byte UTF-8.
        let u = ((b[i] as u32 & 0x0f) << 12)
            | ((b[i + 1] as u32 & 0x3f) << 6)
            | (b[i + 2] as u32 & 0x3f);
        let k = (u - 0x3000) as usize;
        bits[k / 64] |= 1 << (k % 64);
        i += 3;
    }
    bits
};

/// A Chinese numeral below 10 000 at the start of `s`: `十一` = 11, `二十` = 20, `一百零五` = 105,
/// `拾壹` = 11; also digit by digit as years are often written (`一一四` = 114).
/// Returns the value, the set it was written in and the bytes used.
pub fn cjk_number(s: &str) -> Option<(u32, CjkSet, usize)> {
    let mut total = 0u32;
    let mut pending: Option<u32> = None; // a digit waiting for its unit
    let mut set = None;
    let mut end = 0;
    let mut digits_only = true;
    let mut positional = 0u32; // the same text read digit by digit
    let mut last_unit = u32::MAX;
    for (i, c) in s.char_indices() {
        if let Some((d, st)) = cjk_digit(c) {
            // 兩 is a numeral only before a unit (兩百); on its own it is the word "two of".
            if c == '兩' && !s[i + c.len_utf8()..].starts_with(['百', '千', '十']) {
                break;
            }
            if pending.is_some() && !digits_only {
                break; // 一二 inside 十一二 is not a number
            }
            if d == 0 {
                // 零 only fills a gap (一百零五); as a digit it counts positionally.
                if !digits_only {
                    end = i + c.len_utf8();
                    continue;
                }
            }
            positional = positional.checked_mul(10)?.checked_add(d)?;
            if let Some(p) = pending {
                if digits_only {
                    pending = Some(p * 10 + d);
                }
            } else {
                pending = Some(d);
            }
            set.get_or_insert(st);
            end = i + c.len_utf8();
        } else if let Some(tens) = match c {
            // 廿 and 卅 are twenty and thirty in one character (廿四日, 卅一日).
            '廿' => Some(20),
            '卅' => Some(30),
            _ => None,
        } {
            if pending.is_some() || last_unit <= 10 {
                break;
            }
            digits_only = false;
            total += tens;
            last_unit = 10;
            set.get_or_insert(CjkSet::Plain);
            end = i + c.len_utf8();
        } else if let Some((u, st)) = cjk_unit(c) {
            if u >= last_unit {
                break;
            }
            if digits_only && pending.is_some_and(|p| p >= 10) {
                break; // 一一十 is not a number
            }
            digits_only = false;
            total += pending.take().unwrap_or(1) * u;
            last_unit = u;
            set.get_or_insert(st);
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let set = set?;
    let value = if digits_only {
        positional
    } else {
        total + pending.unwrap_or(0)
    };
    Some((value, set, end))
}

/// An Arabic number at the start of `s` (ASCII or full-width digits, at most `max_digits`).
pub fn arabic_number(s: &str, max_digits: usize) -> Option<(u32, usize)> {
    let mut v = 0u32;
    let mut n = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        match digit(c) {
            Some(d) if n < max_digits => {
                v = v * 10 + d;
                n += 1;
                end = i + c.len_utf8();
            }
            Some(_) => return None,
            None => break,
        }
    }
    (n > 0).then_some((v, end))
}

pub const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
pub const BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";
/// First code point and count of each enclosed series: ①, ⑴, ⒈, ㈠, ㊀.
pub const ENCLOSED: [(u32, u32); 5] = [
    (0x2460, 20),
    (0x2474, 20),
    (0x2488, 20),
    (0x3220, 10),
    (0x3280, 10),
];

pub fn nth_char(set: &str, n: u32) -> String {
    set.chars()
        .nth(n.saturating_sub(1) as usize)
        .filter(|_| n >= 1)
        .map_or_else(|| n.to_string(), String::from)
}

pub fn cjk_string(n: u32, formal: bool) -> String {
    let digits: Vec<char> = if formal {
        "零壹貳參肆伍陸柒捌玖".chars().collect()
    } else {
        "〇一二三四五六七八九".chars().collect()
    };
    let (ten, hundred) = if formal {
        ('拾', '佰')
    } else {
        ('十', '百')
    };
    match n {
        0..=9 => digits[n as usize].to_string(),
        10..=19 => {
            let mut s = String::from(ten);
            if n > 10 {
                s.push(digits[(n - 10) as usize]);
            }
            s
        }
        20..=99 => {
            let mut s = String::new();
            s.push(digits[(n / 10) as usize]);
            s.push(ten);
            if n % 10 != 0 {
                s.push(digits[(n % 10) as usize]);
            }
            s
        }
        100..=999 => {
            let mut s = String::new();
            s.push(digits[(n / 100) as usize]);
            s.push(hundred);
            let rest = n % 100;
            if rest != 0 {
                if rest < 10 {
                    s.push(digits[0]);
                    s.push(digits[rest as usize]);
                } else {
                    s.push(digits[(rest / 10) as usize]);
                    s.push(ten);
                    if rest % 10 != 0 {
                        s.push(digits[(rest % 10) as usize]);
                    }
                }
            }
            s
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numeral_bitmap_agrees_with_the_tables() {
        for u in 0x2000..0xa000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(
                is_cjk_numeral(c),
                cjk_digit(c).is_some() || cjk_unit(c).is_some() || matches!(c, '廿' | '卅'),
                "{c}"
            );
        }
    }

    #[test]
    fn numerals() {
        assert_eq!(cjk_number("十一、").map(|x| x.0), Some(11));
        assert_eq!(cjk_number("二十").map(|x| x.0), Some(20));
        assert_eq!(cjk_number("二十三").map(|x| x.0), Some(23));
        assert_eq!(cjk_number("一百零五").map(|x| x.0), Some(105));
        assert_eq!(cjk_number("一一四年").map(|x| x.0), Some(114));
        assert_eq!(
            cjk_number("拾壹").map(|x| (x.0, x.1)),
            Some((11, CjkSet::Formal))
        );
        assert_eq!(
            cjk_number("叁").map(|x| (x.0, x.1)),
            Some((3, CjkSet::Formal))
        );
        assert_eq!(cjk_number("兩百").map(|x| x.0), Some(200));
        assert_eq!(cjk_number("廿四日").map(|x| x.0), Some(24));
        assert_eq!(cjk_number("卅").map(|x| x.0), Some(30));
        assert_eq!(cjk_number("兩人"), None);
        assert_eq!(cjk_number("一百一十四年").map(|x| x.0), Some(114));
        assert_eq!(arabic_number("１２３", 3), Some((123, 9)));
    }
}

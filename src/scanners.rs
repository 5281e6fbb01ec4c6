//! Small recognisers over one line of text: numerals, numbering markers, agenda counters,
//! labels, section words and page numbers.
//!
//! Every scanner takes the text from where the thing may start and answers with what it found
//! and how many bytes it used, or `None`. None of them allocates. Full-width and half-width
//! forms, and the stray spaces a PDF extraction leaves inside markers (`1 、`, `( 二 )`), are
//! accepted everywhere; the caller keeps the text as written.

/// Spaces a PDF or Word conversion leaves in a line: ASCII, ideographic, no-break and friends.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{feff}'
    )
}

/// Bytes of leading spaces.
pub fn skip_spaces(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !is_space(c))
        .map_or(s.len(), |(i, _)| i)
}

/// Value of an Arabic digit, ASCII or full-width.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The two families of Chinese numerals: everyday (一二三) and formal, for cheques and
/// the outermost level of official documents (壹貳參).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CjkSet {
    Plain,
    Formal,
}

fn cjk_digit(c: char) -> Option<(u32, CjkSet)> {
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
    "〇零一二兩三四五六七八九壹壱貳贰弍貮參叁叄参肆伍陸陆柒捌玖十百千拾佰仟";

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

/// What a numbering marker counts with.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Numeral {
    /// 壹 貳 參
    Formal,
    /// 一 二 三
    Cjk,
    /// 1 2 3
    Arabic,
    /// A B C
    Upper,
    /// a b c
    Lower,
    /// 甲 乙 丙 (heavenly stems)
    Stem,
    /// 子 丑 寅 (earthly branches)
    Branch,
    /// ① ② ③, ⑴ ⑵ ⑶, ⒈ ⒉, ㈠ ㈡, ㊀ ㊁: one character each
    Enclosed,
    /// Ⅰ Ⅱ Ⅲ
    Roman,
    /// 第一章 …, 第一節 …, 第一條 … of a regulation quoted in the minutes (`enclosed` tells which).
    Article,
}

/// How a marker is punctuated. Full-width and half-width are the same punctuation.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Punct {
    /// `一、`
    Comma,
    /// `1.` `1．`
    Dot,
    /// `(一)` `（一）`
    Paren,
    /// `1)` `1）`
    Close,
    /// one enclosed character: `①`, `⑴`
    Bare,
}

/// A marker style: the unit of the numbering hierarchy.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Style {
    pub numeral: Numeral,
    pub punct: Punct,
    /// Which enclosed series (circled ①, parenthesised ⑴, full stop ⒈, ㈠, ㊀): they differ.
    pub enclosed: u8,
}

impl Style {
    /// Two styles that differ only in trailing punctuation (`1、` and `1.`) are one style where
    /// a sequence continues across them (FORMAT.md §2).
    pub fn compatible(self, other: Style) -> bool {
        self.numeral == other.numeral
            && self.enclosed == other.enclosed
            && matches!(self.punct, Punct::Comma | Punct::Dot)
            && matches!(other.punct, Punct::Comma | Punct::Dot)
    }

    /// The usual rank of the style in official documents (壹 > 一 > (一) > 1 > (1) > A > (A) > 甲
    /// > 子), used only to place a sequence that starts in the middle.
    pub fn rank(self) -> u32 {
        let paren = matches!(self.punct, Punct::Paren | Punct::Close) as u32;
        match self.numeral {
            Numeral::Formal => paren,
            Numeral::Cjk => 2 + paren,
            Numeral::Arabic => 4 + paren,
            Numeral::Enclosed => 6,
            Numeral::Upper | Numeral::Roman => 7 + paren,
            Numeral::Lower => 9 + paren,
            Numeral::Stem => 11 + paren,
            Numeral::Branch => 13 + paren,
            // Chapters, sections and articles head the clauses numbered 一、 inside them.
            Numeral::Article => 1 + self.enclosed as u32 / 2,
        }
    }

    /// Writes `ordinal` in this style, for messages ("expected （二）").
    pub fn format(self, ordinal: u32) -> String {
        let n = match self.numeral {
            Numeral::Arabic => ordinal.to_string(),
            Numeral::Cjk => cjk_string(ordinal, false),
            Numeral::Formal => cjk_string(ordinal, true),
            Numeral::Upper | Numeral::Lower => {
                let base = if self.numeral == Numeral::Upper {
                    b'A'
                } else {
                    b'a'
                };
                match ordinal {
                    1..=26 => ((base + ordinal as u8 - 1) as char).to_string(),
                    _ => ordinal.to_string(),
                }
            }
            Numeral::Stem => nth_char(STEMS, ordinal),
            Numeral::Branch => nth_char(BRANCHES, ordinal),
            Numeral::Article => {
                let unit = ["章", "節", "條"][self.enclosed.min(2) as usize];
                return format!("第{}{unit}", cjk_string(ordinal, false));
            }
            Numeral::Roman => char::from_u32(0x2160 + ordinal.saturating_sub(1))
                .filter(|_| (1..=12).contains(&ordinal))
                .map_or_else(|| ordinal.to_string(), String::from),
            Numeral::Enclosed => {
                let base = ENCLOSED[self.enclosed as usize].0;
                char::from_u32(base + ordinal.saturating_sub(1))
                    .filter(|_| ordinal >= 1 && ordinal <= ENCLOSED[self.enclosed as usize].1)
                    .map_or_else(|| ordinal.to_string(), String::from)
            }
        };
        match self.punct {
            Punct::Comma => format!("{n}、"),
            Punct::Dot => format!("{n}."),
            Punct::Paren => format!("（{n}）"),
            Punct::Close => format!("{n}）"),
            Punct::Bare => n,
        }
    }
}

const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";
/// First code point and count of each enclosed series: ①, ⑴, ⒈, ㈠, ㊀.
const ENCLOSED: [(u32, u32); 5] = [
    (0x2460, 20),
    (0x2474, 20),
    (0x2488, 20),
    (0x3220, 10),
    (0x3280, 10),
];

fn nth_char(set: &str, n: u32) -> String {
    set.chars()
        .nth(n.saturating_sub(1) as usize)
        .filter(|_| n >= 1)
        .map_or_else(|| n.to_string(), String::from)
}

fn cjk_string(n: u32, formal: bool) -> String {
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

/// A numbering marker at the start of a line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Marker {
    pub style: Style,
    pub ordinal: u32,
    /// The inserted item's number: `一之一、` is ordinal 1, sub 1.
    pub sub: u32,
    /// Bytes of the marker as written, inner spaces included.
    pub len: usize,
    /// `2.114學年度`: a digit right after the stop may make this a decimal number rather than
    /// a marker. Only the context can tell (does it continue a sequence?).
    pub ambiguous: bool,
}

/// One numeral of a marker: value, kind and bytes used.
fn numeral(s: &str) -> Option<(u32, Numeral, u8, usize)> {
    let c = s.chars().next()?;
    if let Some((v, n)) = arabic_number(s, 3) {
        return Some((v, Numeral::Arabic, 0, n));
    }
    if let Some((v, set, n)) = cjk_number(s) {
        // A year or a long figure written in numerals is not a marker.
        if v == 0 || v > 999 {
            return None;
        }
        let kind = match set {
            CjkSet::Plain => Numeral::Cjk,
            CjkSet::Formal => Numeral::Formal,
        };
        return Some((v, kind, 0, n));
    }
    let len = c.len_utf8();
    if let Some(i) = STEMS.chars().position(|x| x == c) {
        return Some((i as u32 + 1, Numeral::Stem, 0, len));
    }
    if let Some(i) = BRANCHES.chars().position(|x| x == c) {
        return Some((i as u32 + 1, Numeral::Branch, 0, len));
    }
    let latin = |c: char, a: char, fa: char| {
        if (a..=char::from_u32(a as u32 + 25).unwrap()).contains(&c) {
            Some(c as u32 - a as u32 + 1)
        } else if (fa..=char::from_u32(fa as u32 + 25).unwrap()).contains(&c) {
            Some(c as u32 - fa as u32 + 1)
        } else {
            None
        }
    };
    let next_is_letter = s[len..]
        .chars()
        .next()
        .is_some_and(|d| d.is_ascii_alphanumeric());
    if let Some(v) = latin(c, 'A', 'Ａ') {
        return (!next_is_letter).then_some((v, Numeral::Upper, 0, len));
    }
    if let Some(v) = latin(c, 'a', 'ａ') {
        return (!next_is_letter).then_some((v, Numeral::Lower, 0, len));
    }
    let cp = c as u32;
    if (0x2160..=0x216b).contains(&cp) {
        return Some((cp - 0x2160 + 1, Numeral::Roman, 0, len));
    }
    if (0x2170..=0x217b).contains(&cp) {
        return Some((cp - 0x2170 + 1, Numeral::Roman, 0, len));
    }
    None
}

/// An enclosed numeral (①, ⑴, ⒈, ㈠, ㊀ and the circled numbers past 20).
fn enclosed(c: char) -> Option<(u32, u8)> {
    let cp = c as u32;
    for (i, &(base, count)) in ENCLOSED.iter().enumerate() {
        if (base..base + count).contains(&cp) {
            return Some((cp - base + 1, i as u8));
        }
    }
    match cp {
        0x3251..=0x325f => Some((cp - 0x3251 + 21, 0)),
        0x32b1..=0x32bf => Some((cp - 0x32b1 + 36, 0)),
        _ => None,
    }
}

fn open_paren(c: char) -> bool {
    matches!(c, '(' | '（')
}
fn close_paren(c: char) -> bool {
    matches!(c, ')' | '）')
}

/// `之一` after a numeral: the inserted item `一之一、`.
fn insertion(s: &str, kind: Numeral) -> (u32, usize) {
    if let Some(rest) = s.strip_prefix('之') {
        if let Some((v, k, _, n)) = numeral(rest) {
            if k == kind {
                return (v, '之'.len_utf8() + n);
            }
        }
    }
    (0, 0)
}

/// A numbering marker at the start of `s` (decoration already removed).
pub fn marker(s: &str) -> Option<Marker> {
    let first = s.chars().next()?;
    if first == '第' {
        return article(s);
    }
    // Enclosed numerals stand alone; a following 、 or . belongs to them.
    if let Some((ordinal, series)) = enclosed(first) {
        let mut len = first.len_utf8();
        let rest = &s[len..];
        if rest.starts_with(['、', '.', '．']) {
            len += rest.chars().next().unwrap().len_utf8();
        }
        let style = Style {
            numeral: Numeral::Enclosed,
            punct: Punct::Bare,
            enclosed: series,
        };
        return Some(Marker {
            style,
            ordinal,
            sub: 0,
            len,
            ambiguous: false,
        });
    }
    if open_paren(first) {
        let mut i = first.len_utf8();
        i += skip_spaces(&s[i..]);
        let (ordinal, kind, _, n) = numeral(&s[i..])?;
        i += n;
        let (sub, n) = insertion(&s[i..], kind);
        i += n;
        i += skip_spaces(&s[i..]);
        let c = s[i..].chars().next()?;
        if !close_paren(c) {
            return None;
        }
        i += c.len_utf8();
        let style = Style {
            numeral: kind,
            punct: Punct::Paren,
            enclosed: 0,
        };
        return Some(Marker {
            style,
            ordinal,
            sub,
            len: i,
            ambiguous: false,
        });
    }
    let (ordinal, kind, _, n) = numeral(s)?;
    let mut i = n;
    let (sub, n) = insertion(&s[i..], kind);
    i += n;
    let gap = skip_spaces(&s[i..]);
    let c = s[i + gap..].chars().next()?;
    let punct = match c {
        '、' => Punct::Comma,
        '.' | '．' => Punct::Dot,
        ')' | '）' => Punct::Close,
        _ => return None,
    };
    // `1.5` may be a number; `1.5億` is one.
    let mut ambiguous = false;
    if punct == Punct::Dot {
        let after = &s[i + gap + c.len_utf8()..];
        let next = after.chars().next();
        if next.is_some_and(|d| digit(d).is_some()) {
            if kind != Numeral::Arabic || looks_like_quantity(after) {
                return None;
            }
            ambiguous = true;
        }
        if matches!(kind, Numeral::Upper | Numeral::Lower)
            && next.is_some_and(|d| d.is_ascii_alphabetic())
        {
            return None; // U.S., e.g.
        }
    }
    // Letters and stems with a closing bracket alone are too often prose: `A)` is rare in minutes.
    if punct == Punct::Close && matches!(kind, Numeral::Stem | Numeral::Branch) {
        return None;
    }
    // A stem or branch is a marker only with the enumeration comma, a stop or brackets; a
    // plain-word reading is far more common otherwise.
    i += gap + c.len_utf8();
    let style = Style {
        numeral: kind,
        punct,
        enclosed: 0,
    };
    Some(Marker {
        style,
        ordinal,
        sub,
        len: i,
        ambiguous,
    })
}

/// `5億`, `04倍`, `5%`: digits followed by a unit read as a decimal number, not a marker and
/// a text.
fn looks_like_quantity(after: &str) -> bool {
    let rest = after.trim_start_matches(|c: char| digit(c).is_some());
    rest.starts_with([
        '億', '萬', '倍', '%', '％', '元', '公', '平', '人', '件', '個', '小', '分', '秒', '度',
        '兆', '千', '百',
    ])
}

/// `第十條之二　…`, `第四條 …`, `第一章 總則`: the numbering of a regulation's text. It must
/// be followed by a space, the end, or an article's text, and never by 規定 or 所稱 (a sentence
/// that cites an article).
fn article(s: &str) -> Option<Marker> {
    let rest = &s['第'.len_utf8()..];
    let gap = skip_spaces(rest);
    let (ordinal, kind, _, n) = numeral(&rest[gap..])?;
    if !matches!(kind, Numeral::Cjk | Numeral::Arabic) {
        return None;
    }
    let mut i = '第'.len_utf8() + gap + n;
    i += skip_spaces(&s[i..]);
    let unit = s[i..].chars().next()?;
    let which = match unit {
        '章' => 0,
        '節' => 1,
        '條' => 2,
        _ => return None,
    };
    i += unit.len_utf8();
    let (sub, n) = insertion(&s[i..], kind);
    i += n;
    let after = &s[i..];
    let spaced = after.is_empty() || after.starts_with(is_space);
    if !spaced
        || ["規定", "所稱", "至", "及", "、", "，", "修正", "條文"]
            .iter()
            .any(|w| after.trim_start_matches(is_space).starts_with(w))
    {
        return None;
    }
    Some(Marker {
        style: Style {
            numeral: Numeral::Article,
            punct: Punct::Bare,
            enclosed: which,
        },
        ordinal,
        sub,
        len: i,
        ambiguous: false,
    })
}

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

/// Words that count agenda items: `案由一：`, `第一案`, `提案一`, `報告事項一`, `討論事項（二）`.
const COUNTER_WORDS: &[&str] = &[
    "報告事項",
    "討論事項",
    "臨時動議",
    "臨時提案",
    "討論提案",
    "報告案",
    "討論案",
    "提案",
    "議案",
    "案由",
    "報告",
];

/// An agenda counter at the start of `s`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Counter {
    /// The counting word: "案由", "提案", "報告事項", …, or "第案" for `第N案`.
    pub word: &'static str,
    pub ordinal: u32,
    pub len: usize,
}

pub fn counter(s: &str) -> Option<Counter> {
    if !s.starts_with(['第', '報', '討', '臨', '提', '議', '案']) {
        return None;
    }
    // 第一案, 第1案, 第 一 案
    if let Some(rest) = s.strip_prefix('第') {
        let mut i = '第'.len_utf8();
        i += skip_spaces(rest);
        let (ordinal, _, _, n) = numeral(&s[i..])?;
        i += n;
        i += skip_spaces(&s[i..]);
        let rest = &s[i..];
        if !rest.starts_with('案') {
            return None;
        }
        i += '案'.len_utf8();
        if let Some(n) = colon(&s[i..]) {
            i += n;
        }
        return Some(Counter {
            word: "第案",
            ordinal,
            len: i,
        });
    }
    for &word in COUNTER_WORDS {
        let Some(mut i) = spaced_word(s, word) else {
            continue;
        };
        i += skip_spaces(&s[i..]);
        let rest = &s[i..];
        // 提案第一號 / 提案第1案
        let rest_num = rest.strip_prefix('第').unwrap_or(rest);
        let skip_di = rest.len() - rest_num.len();
        let (ordinal, n) = if let Some(m) =
            marker(rest_num).filter(|m| m.style.punct == Punct::Paren && m.sub == 0)
        {
            (m.ordinal, m.len)
        } else {
            let (v, kind, _, n) = numeral(rest_num)?;
            if !matches!(kind, Numeral::Cjk | Numeral::Arabic | Numeral::Formal) {
                return None;
            }
            (v, n)
        };
        i += skip_di + n;
        if skip_di > 0 && s[i..].starts_with(['號', '案']) {
            i += '號'.len_utf8();
        }
        let after = &s[i..];
        if let Some(n) = colon(after) {
            i += n;
        } else if word == "案由" {
            // 案由一 always takes a colon; without one it is prose (案由一覽表).
            return None;
        } else if after
            .chars()
            .next()
            .is_some_and(|c| !is_space(c) && !matches!(c, '〈' | '<' | '《' | '「' | '（' | '('))
        {
            // 提案一 followed by a space, bracket or the end; 提案一些 is prose.
            return None;
        }
        return Some(Counter {
            word,
            ordinal,
            len: i,
        });
    }
    None
}

/// The kind of a labelled field.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Role {
    // Header fields.
    Date,
    Location,
    Chair,
    Recorder,
    Attendees,
    Observers,
    Absent,
    // Labels that hold content.
    Subject,
    Explanation,
    Method,
    Decision,
    Opinion,
    Response,
    Note,
    // Labels that name who.
    Unit,
    Person,
    /// A short line ending in a colon that heads what follows: `委員發言要點：`.
    Other,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Date => "date",
            Role::Location => "location",
            Role::Chair => "chair",
            Role::Recorder => "recorder",
            Role::Attendees => "attendees",
            Role::Observers => "observers",
            Role::Absent => "absent",
            Role::Subject => "subject",
            Role::Explanation => "explanation",
            Role::Method => "method",
            Role::Decision => "decision",
            Role::Opinion => "opinion",
            Role::Response => "response",
            Role::Note => "note",
            Role::Unit => "unit",
            Role::Person => "person",
            Role::Other => "other",
        }
    }

    pub fn is_header(self) -> bool {
        matches!(
            self,
            Role::Date
                | Role::Location
                | Role::Chair
                | Role::Recorder
                | Role::Attendees
                | Role::Observers
                | Role::Absent
        )
    }

    /// Labels under which content (a new numbered series, paragraphs) is nested.
    pub fn holds_content(self) -> bool {
        matches!(
            self,
            Role::Subject
                | Role::Explanation
                | Role::Method
                | Role::Decision
                | Role::Opinion
                | Role::Response
                | Role::Note
                | Role::Other
        )
    }
}

/// Label words, longest first so that `主席裁示` wins over `主席`.
const LABELS: &[(&str, Role)] = &[
    ("上次會議決議事項執行情形", Role::Response),
    ("出席及列席人員", Role::Attendees),
    ("開會日期及時間", Role::Date),
    ("出（列）席人員", Role::Attendees),
    ("出(列)席人員", Role::Attendees),
    ("出列席人員", Role::Attendees),
    ("主席裁示", Role::Decision),
    ("主席指示", Role::Decision),
    ("主席結論", Role::Decision),
    ("主席提示", Role::Decision),
    ("大會決議", Role::Decision),
    ("審查結論", Role::Decision),
    ("會議結論", Role::Decision),
    ("決議事項", Role::Decision),
    ("審查意見", Role::Opinion),
    ("委員意見", Role::Opinion),
    ("與會意見", Role::Opinion),
    ("處理情形", Role::Response),
    ("辦理情形", Role::Response),
    ("執行情形", Role::Response),
    ("回應說明", Role::Response),
    ("報告內容", Role::Explanation),
    ("提案內容", Role::Explanation),
    ("報告單位", Role::Unit),
    ("提案單位", Role::Unit),
    ("主辦單位", Role::Unit),
    ("承辦單位", Role::Unit),
    ("說明單位", Role::Unit),
    ("開會時間", Role::Date),
    ("會議時間", Role::Date),
    ("開會日期", Role::Date),
    ("會議日期", Role::Date),
    ("開會地點", Role::Location),
    ("會議地點", Role::Location),
    ("會議主席", Role::Chair),
    ("紀錄人員", Role::Recorder),
    ("記錄人員", Role::Recorder),
    ("出席人員", Role::Attendees),
    ("出席委員", Role::Attendees),
    ("出席代表", Role::Attendees),
    ("出席單位", Role::Attendees),
    ("與會人員", Role::Attendees),
    ("參加人員", Role::Attendees),
    ("列席人員", Role::Observers),
    ("列席官員", Role::Observers),
    ("列席委員", Role::Observers),
    ("列席單位", Role::Observers),
    ("列席代表", Role::Observers),
    ("請假人員", Role::Absent),
    ("請假委員", Role::Absent),
    ("缺席人員", Role::Absent),
    ("日期時間", Role::Date),
    ("出席者", Role::Attendees),
    ("列席者", Role::Observers),
    ("主持人", Role::Chair),
    ("召集人", Role::Chair),
    ("紀錄人", Role::Recorder),
    ("記錄人", Role::Recorder),
    ("報告人", Role::Person),
    ("提案人", Role::Person),
    ("連署人", Role::Person),
    ("附議人", Role::Person),
    ("日期", Role::Date),
    ("時間", Role::Date),
    ("地點", Role::Location),
    ("主席", Role::Chair),
    ("紀錄", Role::Recorder),
    ("記錄", Role::Recorder),
    ("出席", Role::Attendees),
    ("列席", Role::Observers),
    ("請假", Role::Absent),
    ("缺席", Role::Absent),
    ("案由", Role::Subject),
    ("說明", Role::Explanation),
    ("理由", Role::Explanation),
    ("內容", Role::Explanation),
    ("辦法", Role::Method),
    ("擬辦", Role::Method),
    ("建議", Role::Method),
    ("決定", Role::Decision),
    ("決議", Role::Decision),
    ("裁示", Role::Decision),
    ("指示", Role::Decision),
    ("結論", Role::Decision),
    ("意見", Role::Opinion),
    ("討論", Role::Opinion),
    ("回應", Role::Response),
    ("答覆", Role::Response),
    ("答復", Role::Response),
    ("備註", Role::Note),
    ("附註", Role::Note),
    ("附件", Role::Note),
];

/// A labelled field at the start of `s`: `說明：`, `說　明:`, `決議：照案通過。`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Label {
    /// The label without letter-spacing, e.g. "說明".
    pub word: &'static str,
    pub role: Role,
    /// Bytes of the label and its colon as written.
    pub len: usize,
}

pub fn label(s: &str) -> Option<Label> {
    let c = s.chars().next()?;
    // Quick reject: every listed label starts with one of these characters; then only the
    // labels that start with this one are tried.
    let listed = label_first(c).then(|| {
        labels_starting(c).iter().find_map(|&(word, role)| {
            let n = spaced_word(s, word)?;
            let m = colon(&s[n..])?;
            Some(Label {
                word,
                role,
                len: n + m,
            })
        })
    });
    listed.flatten().or_else(|| qualified_label(s))
}

/// A header field written without a colon, its word spaced out and a wide gap after it, as the
/// Legislative Yuan lays out its minutes: `時　　間　中華民國113年…`, `主　　席　高召集委員振源`.
/// Only header fields, and the caller takes it only in the header.
pub fn gap_label(s: &str) -> Option<Label> {
    let c = s.chars().next()?;
    if !label_first(c) {
        return None;
    }
    labels_starting(c)
        .iter()
        .filter(|(_, role)| role.is_header())
        .find_map(|&(word, role)| {
            let n = spaced_word(s, word)?;
            let rest = &s[n..];
            let gap = skip_spaces(rest);
            let wide = rest[..gap].contains(['\u{3000}', '\t']) || gap >= 2;
            (wide && gap < rest.len()).then_some(Label {
                word,
                role,
                len: n + gap,
            })
        })
}

/// Endings that make a label of whoever says them: `局長指示：`, `縣長裁示：`, `監事會查核意見：`.
const LABEL_ENDINGS: &[(&str, Role)] = &[
    ("裁示", Role::Decision),
    ("指示", Role::Decision),
    ("提示", Role::Decision),
    ("結論", Role::Decision),
    ("決議", Role::Decision),
    ("決定", Role::Decision),
    ("意見", Role::Opinion),
    ("建議", Role::Opinion),
];

/// A label made of a few characters naming who, then one of [`LABEL_ENDINGS`] and a colon.
fn qualified_label(s: &str) -> Option<Label> {
    // 出席董事：, 列席官員：, 請假議員：: who attended, named by what they are.
    for (word, role) in [
        ("出席", Role::Attendees),
        ("列席", Role::Observers),
        ("請假", Role::Absent),
        ("缺席", Role::Absent),
    ] {
        if let Some(rest) = s.strip_prefix(word) {
            let who = rest
                .chars()
                .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            let after: usize = rest.chars().take(who).map(char::len_utf8).sum();
            if (1..=4).contains(&who) {
                if let Some(n) = colon(&rest[after..]) {
                    return Some(Label {
                        word,
                        role,
                        len: word.len() + after + n,
                    });
                }
            }
        }
    }
    let colon_at = s
        .char_indices()
        .take(10)
        .find(|&(_, c)| matches!(c, '：' | ':'))
        .map(|(k, _)| k)?;
    let head = s[..colon_at].trim_end_matches(is_space);
    let chars = head.chars().count();
    if !(3..=9).contains(&chars) || !head.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return None;
    }
    let &(word, role) = LABEL_ENDINGS.iter().find(|(w, _)| head.ends_with(w))?;
    Some(Label {
        word,
        role,
        len: colon_at + s[colon_at..].chars().next()?.len_utf8(),
    })
}

/// The labels that start with `c`, longest first: [`LABELS`] grouped once by first character.
fn labels_starting(c: char) -> &'static [(&'static str, Role)] {
    type ByFirst = Vec<(char, Vec<(&'static str, Role)>)>;
    static BY_FIRST: std::sync::OnceLock<ByFirst> = std::sync::OnceLock::new();
    let table = BY_FIRST.get_or_init(|| {
        let mut t: ByFirst = Vec::new();
        for &(word, role) in LABELS {
            let first = word.chars().next().unwrap_or(' ');
            match t.iter_mut().find(|(f, _)| *f == first) {
                Some((_, v)) => v.push((word, role)),
                None => t.push((first, vec![(word, role)])),
            }
        }
        crate::tree::sort_by_key(&mut t, |(f, _)| *f as u64);
        t
    });
    table
        .binary_search_by_key(&c, |(f, _)| *f)
        .map_or(&[], |k| table[k].1.as_slice())
}

fn label_first(c: char) -> bool {
    (c as u32) >= 0x4e00 && LABEL_FIRST.contains(c)
}

const LABEL_FIRST: &str =
    "參上出開主大審會決委與處辦執回報提承說紀記列請缺日時地召連附案理內擬建裁指結意討答備";

/// What a section of the meeting is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Part {
    Opening,
    PreviousMinutes,
    Report,
    Discussion,
    Election,
    Motion,
    Award,
    Instructions,
    Other,
    Adjourn,
    Appendix,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Opening => "opening",
            Part::PreviousMinutes => "previous-minutes",
            Part::Report => "report",
            Part::Discussion => "discussion",
            Part::Election => "election",
            Part::Motion => "motion",
            Part::Award => "award",
            Part::Instructions => "instructions",
            Part::Other => "other",
            Part::Adjourn => "adjourn",
            Part::Appendix => "appendix",
        }
    }
}

/// The first characters of [`SECTIONS`], sorted: most lines start with none of them.
const SECTION_FIRST: &[char] = &[
    '上', '主', '其', '前', '宣', '專', '工', '提', '報', '散', '業', '歷', '確', '臨', '討', '選',
    '附', '長', '頒',
];

/// Section headings of a meeting, longest first.
const SECTIONS: &[(&str, Part)] = &[
    ("上次會議決議事項辦理情形", Part::PreviousMinutes),
    ("上次會議決定事項辦理情形", Part::PreviousMinutes),
    ("前次會議決議事項辦理情形", Part::PreviousMinutes),
    ("歷次會議決議事項執行情形", Part::PreviousMinutes),
    ("上次會議決議事項執行情形", Part::PreviousMinutes),
    ("宣讀上次會議紀錄", Part::PreviousMinutes),
    ("確認上次會議紀錄", Part::PreviousMinutes),
    ("上次會議紀錄確認", Part::PreviousMinutes),
    ("長官提示事項", Part::Instructions),
    ("主席提示事項", Part::Instructions),
    ("主席結論", Part::Instructions),
    ("主席致詞", Part::Opening),
    ("主席致辭", Part::Opening),
    ("主席報告", Part::Opening),
    ("宣布開會", Part::Opening),
    ("報告事項", Part::Report),
    ("業務報告", Part::Report),
    ("工作報告", Part::Report),
    ("專題報告", Part::Report),
    ("討論事項", Part::Discussion),
    ("討論提案", Part::Discussion),
    ("提案討論", Part::Discussion),
    ("選舉事項", Part::Election),
    ("臨時動議", Part::Motion),
    ("臨時提案", Part::Motion),
    ("其他事項", Part::Other),
    ("報告案", Part::Report),
    ("討論案", Part::Discussion),
    ("散會", Part::Adjourn),
    ("頒獎", Part::Award),
    ("附錄", Part::Appendix),
    ("附件", Part::Appendix),
];

/// A section heading at the start of `s`: the word, then the end of the line, a colon, a
/// bracket (`（略）`, `（下午4時39分）`) or a number (`附錄一`). Returns the part and the bytes of
/// the word.
pub fn section(s: &str) -> Option<(Part, usize)> {
    let first = s.chars().next()?;
    if !SECTION_FIRST.contains(&first) {
        return None;
    }
    SECTIONS.iter().find_map(|&(word, part)| {
        let n = spaced_word(s, word)?;
        let rest = &s[n..];
        let gap = skip_spaces(rest);
        let next = rest[gap..].chars().next();
        let ok = match next {
            None => true,
            Some('：' | ':' | '（' | '(' | '【' | '〔' | '「') => true,
            // 附錄一, 附件1, and 附件　委員意見 (a title after a space); 散會 晚上9點10分.
            Some(c) if part == Part::Appendix => {
                digit(c).is_some() || cjk_digit(c).is_some() || gap > 0
            }
            Some(_) if part == Part::Adjourn => gap > 0,
            Some(_) => false,
        };
        // 附件 followed by a colon is a field (附件：簡報), not the appendix.
        if part == Part::Appendix && colon(rest).is_some() {
            return None;
        }
        ok.then_some((part, n))
    })
}

/// A page number alone on a line: `-1-`, `- 10 -`, `－3－`, `第 2 頁`, `第2頁，共10頁`,
/// `第2頁/共10頁`, `Page 3`, `2 / 10`.
pub fn page_number(s: &str) -> bool {
    let s = s.trim_matches(is_space);
    if s.is_empty() {
        return false;
    }
    let dash = |c: char| matches!(c, '-' | '－' | '—' | '–' | '─' | '‒');
    let inner = s.trim_start_matches(dash).trim_end_matches(dash);
    if inner.len() < s.len() {
        let inner = inner.trim_matches(is_space);
        return arabic_number(inner, 4).is_some_and(|(_, n)| n == inner.len());
    }
    if let Some(rest) = s.strip_prefix('第') {
        let rest = rest.trim_start_matches(is_space);
        if let Some((_, n)) = arabic_number(rest, 4) {
            let rest = rest[n..].trim_start_matches(is_space);
            if let Some(rest) = rest.strip_prefix('頁') {
                let rest = rest.trim_start_matches(|c: char| is_space(c) || "，,/／、".contains(c));
                if rest.is_empty() {
                    return true;
                }
                if let Some(r) = rest.strip_prefix('共') {
                    let r = r.trim_start_matches(is_space);
                    if let Some((_, n)) = arabic_number(r, 4) {
                        return r[n..].trim_matches(is_space) == "頁";
                    }
                }
            }
        }
        return false;
    }
    if let Some(rest) = s.strip_prefix("Page ").or_else(|| s.strip_prefix("page ")) {
        return arabic_number(rest.trim(), 4).is_some_and(|(_, n)| n == rest.trim().len());
    }
    // 2 / 10
    if let Some((a, b)) = s.split_once(['/', '／']) {
        let (a, b) = (a.trim_matches(is_space), b.trim_matches(is_space));
        let num = |x: &str| arabic_number(x, 4).is_some_and(|(_, n)| n == x.len());
        return num(a) && num(b) && !a.is_empty();
    }
    false
}

/// Sentence-ending punctuation: a line that ends with one of these is a finished thought.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':' | '︰'
    )
}

/// Punctuation after which a sentence must go on.
pub fn is_continuing(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '、'
            | '（'
            | '('
            | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '—'
            | '－'
            | '及'
            | '與'
            | '或'
            | '之'
            | '的'
    )
}

/// Characters that cannot start a sentence: a line beginning with one continues the last.
pub fn is_tail_start(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '、'
            | '。'
            | '；'
            | ';'
            | '：'
            | '）'
            | ')'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '％'
            | '%'
    )
}

/// Display width and characters at once, from the bytes: a character below U+1100 is one or two
/// bytes long and one column wide; from U+1100 on it is three or four bytes and two columns.
pub fn width_and_chars(s: &str) -> (usize, usize) {
    let (mut w, mut n) = (0, 0);
    for &b in s.as_bytes() {
        if b & 0xc0 != 0x80 {
            n += 1;
            w += if b < 0xe1 { 1 } else { 2 };
        }
    }
    (w, n)
}

/// Display width: CJK and full-width characters take two columns.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &'static str) -> Option<(Numeral, Punct, u32, &'static str)> {
        marker(s).map(|k| (k.style.numeral, k.style.punct, k.ordinal, &s[..k.len]))
    }

    #[test]
    fn the_numeral_bitmap_agrees_with_the_tables() {
        for u in 0x2000..0xa000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(
                is_cjk_numeral(c),
                cjk_digit(c).is_some() || cjk_unit(c).is_some(),
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
        assert_eq!(cjk_number("兩人"), None);
        assert_eq!(cjk_number("一百一十四年").map(|x| x.0), Some(114));
        assert_eq!(arabic_number("１２３", 3), Some((123, 9)));
    }

    #[test]
    fn markers_of_every_family() {
        use Numeral::*;
        use Punct::*;
        assert_eq!(m("壹、 頒獎"), Some((Formal, Comma, 1, "壹、")));
        assert_eq!(m("叁、討論"), Some((Formal, Comma, 3, "叁、")));
        assert_eq!(m("(壹)總則"), Some((Formal, Paren, 1, "(壹)")));
        assert_eq!(m("壹.報告"), Some((Formal, Dot, 1, "壹.")));
        assert_eq!(m("十三、資安"), Some((Cjk, Comma, 13, "十三、")));
        assert_eq!(m("一.時間"), Some((Cjk, Dot, 1, "一.")));
        assert_eq!(m("（二）其他"), Some((Cjk, Paren, 2, "（二）")));
        assert_eq!(m("( 二 )其他"), Some((Cjk, Paren, 2, "( 二 )")));
        assert_eq!(m("1、 危害"), Some((Arabic, Comma, 1, "1、")));
        assert_eq!(m("1 、危害"), Some((Arabic, Comma, 1, "1 、")));
        assert_eq!(m("3. 請各機關"), Some((Arabic, Dot, 3, "3.")));
        assert_eq!(m("１２．請"), Some((Arabic, Dot, 12, "１２．")));
        assert_eq!(m("(1 ) 已完成"), Some((Arabic, Paren, 1, "(1 )")));
        assert_eq!(m("（10）修正"), Some((Arabic, Paren, 10, "（10）")));
        assert_eq!(m("2) 其次"), Some((Arabic, Close, 2, "2)")));
        assert_eq!(m("A. 作業要點"), Some((Upper, Dot, 1, "A.")));
        assert_eq!(m("(B)補助"), Some((Upper, Paren, 2, "(B)")));
        assert_eq!(m("b.其他"), Some((Lower, Dot, 2, "b.")));
        assert_eq!(m("甲、報告事項"), Some((Stem, Comma, 1, "甲、")));
        assert_eq!(m("（乙）"), Some((Stem, Paren, 2, "（乙）")));
        assert_eq!(m("子、說明"), Some((Branch, Comma, 1, "子、")));
        assert_eq!(m("③補助"), Some((Enclosed, Bare, 3, "③")));
        assert_eq!(m("⑵補助"), Some((Enclosed, Bare, 2, "⑵")));
        assert_eq!(m("Ⅱ、目標"), Some((Roman, Comma, 2, "Ⅱ、")));
        let k = marker("一之一、新增").unwrap();
        assert_eq!(
            (k.ordinal, k.sub, &"一之一、新增"[..k.len]),
            (1, 1, "一之一、")
        );
    }

    #[test]
    fn not_markers() {
        for s in [
            "1.5億元",
            "114年",
            "一般而言",
            "3.04倍",
            "AI 工具",
            "U.S. 政策",
            "(AI)",
            "(草案)",
            "5G",
            "B 級機關",
            "e.g. 例如",
            "甲方同意",
            "(NCCSC)",
            "2025數位",
            "兩人",
        ] {
            assert_eq!(marker(s), None, "{s}");
        }
    }

    #[test]
    fn counters() {
        let c = |s: &'static str| counter(s).map(move |k| (k.word, k.ordinal, &s[..k.len]));
        assert_eq!(c("案由一：本部"), Some(("案由", 1, "案由一：")));
        assert_eq!(c("案由 2: 修正"), Some(("案由", 2, "案由 2:")));
        assert_eq!(c("第一案〈修正〉"), Some(("第案", 1, "第一案")));
        assert_eq!(c("第 3 案：人事"), Some(("第案", 3, "第 3 案：")));
        assert_eq!(c("提案一"), Some(("提案", 1, "提案一")));
        assert_eq!(c("提案二：修正"), Some(("提案", 2, "提案二：")));
        assert_eq!(c("報告事項一"), Some(("報告事項", 1, "報告事項一")));
        assert_eq!(c("討論事項（二）"), Some(("討論事項", 2, "討論事項（二）")));
        assert_eq!(c("提案第一號"), Some(("提案", 1, "提案第一號")));
        assert_eq!(c("案由：修正"), None);
        assert_eq!(c("提案單位：秘書處"), None);
        assert_eq!(c("報告事項"), None);
        assert_eq!(c("第一次會議"), None);
        assert_eq!(c("提案一些"), None);
    }

    #[test]
    fn labels() {
        let l = |s: &'static str| label(s).map(move |k| (k.word, &s[..k.len]));
        assert_eq!(l("說明：本部"), Some(("說明", "說明：")));
        assert_eq!(l("說　明：本部"), Some(("說明", "說　明：")));
        assert_eq!(l("案 由:修正"), Some(("案由", "案 由:")));
        assert_eq!(l("主席裁示：照辦"), Some(("主席裁示", "主席裁示：")));
        assert_eq!(l("主席：林部長"), Some(("主席", "主席：")));
        assert_eq!(
            l("出席及列席人員：侯"),
            Some(("出席及列席人員", "出席及列席人員："))
        );
        assert_eq!(l("決定：洽悉。"), Some(("決定", "決定：")));
        assert_eq!(l("說明本案"), None);
        for (word, _) in LABELS {
            assert!(LABEL_FIRST.contains(word.chars().next().unwrap()), "{word}");
        }
        for (word, _) in SECTIONS {
            assert!(
                SECTION_FIRST.contains(&word.chars().next().unwrap()),
                "{word}"
            );
        }
        assert_eq!(l("主席致詞"), None);
    }

    #[test]
    fn sections() {
        let s = |x: &'static str| section(x).map(move |(p, n)| (p, &x[..n]));
        assert_eq!(s("報告事項"), Some((Part::Report, "報告事項")));
        assert_eq!(s("報 告 事 項"), Some((Part::Report, "報 告 事 項")));
        assert_eq!(s("討論事項（略）"), Some((Part::Discussion, "討論事項")));
        assert_eq!(s("散會（下午4時39分）"), Some((Part::Adjourn, "散會")));
        assert_eq!(s("散會：下午4時30分"), Some((Part::Adjourn, "散會")));
        assert_eq!(s("附錄"), Some((Part::Appendix, "附錄")));
        assert_eq!(s("附錄一"), Some((Part::Appendix, "附錄")));
        assert_eq!(s("附件：簡報"), None);
        assert_eq!(s("報告事項如下"), None);
        assert_eq!(s("散會後"), None);
    }

    #[test]
    fn page_numbers() {
        for s in [
            "-1-",
            "- 10 -",
            "－3－",
            "第 2 頁",
            "第2頁，共10頁",
            "第2頁/共10頁",
            "Page 3",
            "2 / 10",
        ] {
            assert!(page_number(s), "{s}");
        }
        for s in ["1", "-", "第2次", "114/11/20", "1-1", "第二頁"] {
            assert!(!page_number(s), "{s}");
        }
    }

    #[test]
    fn formats_markers() {
        let st = |numeral, punct| Style {
            numeral,
            punct,
            enclosed: 0,
        };
        assert_eq!(st(Numeral::Cjk, Punct::Paren).format(2), "（二）");
        assert_eq!(st(Numeral::Cjk, Punct::Comma).format(13), "十三、");
        assert_eq!(st(Numeral::Formal, Punct::Comma).format(3), "參、");
        assert_eq!(st(Numeral::Arabic, Punct::Dot).format(4), "4.");
        assert_eq!(st(Numeral::Upper, Punct::Dot).format(3), "C.");
        assert_eq!(st(Numeral::Stem, Punct::Comma).format(2), "乙、");
        assert_eq!(st(Numeral::Cjk, Punct::Comma).format(105), "一百〇五、");
    }
}

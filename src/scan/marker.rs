//! Numbering markers at the start of a line: `壹、` `（一）` `1、` `1.` `(1)` `A.` `甲、` `①` `一之一、`
//! `第一條`, with the stray spaces a PDF extraction leaves inside them (`1 、`, `( 二 )`), and `()`
//! whose numeral a web page lost.

use super::numeral::{
    arabic_number, cjk_number, cjk_string, nth_char, CjkSet, BRANCHES, ENCLOSED, STEMS,
};
use crate::model::{Numeral, Punct, Style};
use crate::text::{digit, is_space, skip_spaces};

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
            // `()` stands where `(一)` would.
            Numeral::Cjk | Numeral::Lost => 2 + paren,
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
            Numeral::Lost => String::new(),
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
pub(crate) fn numeral(s: &str) -> Option<(u32, Numeral, u8, usize)> {
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
        // `()`: brackets whose numeral a web page lost, before a text of its own.
        if let Some(c) = s[i..].chars().next().filter(|&c| close_paren(c)) {
            let len = i + c.len_utf8();
            let rest = s[len..].trim_start_matches(is_space);
            if rest
                .chars()
                .next()
                .is_some_and(|c| !close_paren(c) && !matches!(c, '、' | '，' | '。'))
            {
                return Some(Marker {
                    style: Style {
                        numeral: Numeral::Lost,
                        punct: Punct::Paren,
                        enclosed: 0,
                    },
                    ordinal: 0,
                    sub: 0,
                    len,
                    ambiguous: false,
                });
            }
            return None;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &'static str) -> Option<(Numeral, Punct, u32, &'static str)> {
        marker(s).map(|k| (k.style.numeral, k.style.punct, k.ordinal, &s[..k.len]))
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
        assert_eq!(m("()民國三十四年"), Some((Lost, Paren, 0, "()")));
        assert_eq!(m("（ ）國"), Some((Lost, Paren, 0, "（ ）")));
        assert_eq!(m("()"), None);
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

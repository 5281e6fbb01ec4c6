//! Small facts about characters and strings that every stage needs: spaces, punctuation
//! classes, display width, UTF-16 offsets, the folding of look-alike characters, and the one
//! sort the parser uses. A leaf: it imports nothing from the crate but the lexicon's tables.

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

/// A CJK unified ideograph of the basic block.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Sentence-ending punctuation: a line that ends with one of these is a finished thought.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':' | '︰'
    )
}

/// Punctuation (and a few particles) after which a sentence must go on.
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

/// `，` `。` `；` in the text, found by their UTF-8 bytes (EF BC 8C, E3 80 82, EF BC 9B).
pub fn has_clause_punctuation(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| {
        matches!(
            w,
            [0xef, 0xbc, 0x8c] | [0xe3, 0x80, 0x82] | [0xef, 0xbc, 0x9b]
        )
    })
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
    width_and_chars(s).0
}

/// UTF-16 length of a string: offsets in the model count what JavaScript counts.
pub fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// UTF-16 offset of byte offset `at` in `s`.
pub fn utf16_at(s: &str, at: usize) -> u32 {
    utf16_len(&s[..at])
}

/// Converts increasing byte offsets of `s` to UTF-16 offsets in one pass.
pub struct Utf16Cursor<'s> {
    s: &'s [u8],
    byte: usize,
    unit: u32,
}

impl<'s> Utf16Cursor<'s> {
    pub fn new(s: &'s str) -> Self {
        Utf16Cursor {
            s: s.as_bytes(),
            byte: 0,
            unit: 0,
        }
    }

    /// UTF-16 offset of byte offset `at` (a char boundary). Costs the distance from the
    /// last offset asked, so offsets in increasing order (or nearly: facts may overlap) cost
    /// one pass; starting over at 0 would make many overlapping facts quadratic.
    pub fn at(&mut self, at: usize) -> u32 {
        // One unit per UTF-8 lead byte; a four-byte sequence is a surrogate pair.
        let count = |bytes: &[u8]| -> u32 {
            bytes
                .iter()
                .map(|&b| ((b & 0xc0) != 0x80) as u32 + (b >= 0xf0) as u32)
                .sum()
        };
        if at < self.byte {
            self.unit -= count(&self.s[at..self.byte]);
        } else {
            self.unit += count(&self.s[self.byte..at]);
        }
        self.byte = at;
        self.unit
    }
}

/// The character a reader sees in a compatibility ideograph (U+F900–U+FAFF), a Kangxi radical
/// (U+2F00–U+2FD5) or a look-alike a PDF converter emits (`ㄧ` for 一), as NFKC and the
/// lexicon's look-alike list give it; `c` itself otherwise. Every mapping keeps the UTF-8 length
/// (checked when the table is built), so a folded text has the offsets of the text as written.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    if !((0x2e80..0x3200).contains(&u)
        || (0xf900..0xfb00).contains(&u)
        || (0xfe10..0xfe70).contains(&u))
    {
        return c;
    }
    let table = crate::lexicon::FOLD;
    match table.binary_search_by_key(&(u as u16), |&(from, _)| from) {
        Ok(k) => char::from_u32(table[k].1 as u32).unwrap_or(c),
        Err(_) => c,
    }
}

/// Whether [`fold`] may change anything: the characters it folds are U+2E80–U+2FFF (bytes E2
/// BA–BF), U+F900–U+FAFF (EF A4–AB), the small and vertical forms U+FE10–U+FE6F (EF B8–B9), and
/// the look-alikes U+3038 〸 and U+3127 ㄧ.
fn may_fold(s: &str) -> bool {
    // Called on every line and node: a character of three bytes (most of a Chinese text) is
    // stepped over at once, and only E2, E3 and EF lead one that may fold. Continuation bytes
    // are below C0, so a byte of E2 or more is always a lead.
    let b = s.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        let x = b[i];
        if x < 0xe2 {
            i += 1;
            continue;
        }
        if matches!(
            (x, b[i + 1], b[i + 2]),
            (0xe2, 0xba..=0xbf, _)
                | (0xef, 0xa4..=0xab | 0xb8..=0xb9, _)
                | (0xe3, 0x80, 0xb8)
                | (0xe3, 0x84, 0xa7)
        ) {
            return true;
        }
        i += 3;
    }
    false
}

/// `s` with [`fold_char`] applied: what scanners read, so that `⼀、` and `（二）` written with
/// look-alikes are the markers they look like. Same byte length as `s`.
pub fn fold(s: &str) -> std::borrow::Cow<'_, str> {
    if !may_fold(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let out: String = s.chars().map(fold_char).collect();
    debug_assert_eq!(out.len(), s.len());
    std::borrow::Cow::Owned(out)
}

/// Sorts `items` by `key`, keeping equal keys in their order: a stable sort.
///
/// Every sort of the parser goes through here, so that the WebAssembly build carries one
/// instance of the standard library's sort (over `(key, index)` pairs) instead of one per
/// element type, each some kilobytes.
/// `行 政 大 樓 十 樓` → `行政大樓十樓`: a text letter-spaced throughout (as a copy of a PDF
/// that spaced every character gives it) without its spacing; any other text as it is. Spaces
/// between Latin words and digits stay.
pub fn unspaced(s: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = s.chars().collect();
    let han = chars.iter().filter(|&&c| is_han(c)).count();
    let spaced = chars
        .windows(2)
        .filter(|w| is_han(w[0]) && w[1] == ' ')
        .count();
    if han < 3 || spaced * 10 < han * 6 {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (k, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = out.chars().next_back();
            let after = chars[k + 1..].iter().copied().find(|&c| c != ' ');
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if latin(before) && latin(after) && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if items.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut order: Vec<(u64, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (key(t), i as u32))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i as usize].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_key_is_stable() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut sorted = vec![1, 2, 2, 5];
        sort_by_key(&mut sorted, |&k| k);
        assert_eq!(sorted, [1, 2, 2, 5]);
        let mut empty: Vec<u8> = vec![];
        sort_by_key(&mut empty, |&k| k.into());
        assert!(empty.is_empty());
    }

    #[test]
    fn letter_spacing_taken_out() {
        assert_eq!(
            unspaced("行 政 大 樓 十 樓 國 際 會 議 廳"),
            "行政大樓十樓國際會議廳"
        );
        assert_eq!(
            unspaced("100 年 5 月 18 日 上 午 10:00"),
            "100年5月18日上午10:00"
        );
        assert_eq!(
            unspaced("F HOTEL 二 樓 多 功 能 會 議 室"),
            "F HOTEL二樓多功能會議室"
        );
        // Text spaced here and there keeps its spaces.
        assert_eq!(unspaced("陳其邁 市長"), "陳其邁 市長");
        assert_eq!(
            unspaced("主席: 孫文郁 紀錄: 張禹治"),
            "主席: 孫文郁 紀錄: 張禹治"
        );
    }

    #[test]
    fn the_cursor_steps_back() {
        let s = "a甲🎉b乙";
        let mut c = Utf16Cursor::new(s);
        let want = |at: usize| s[..at].encode_utf16().count() as u32;
        for at in [0, 4, 8, 1, 9, 4, 0, s.len()] {
            assert_eq!(c.at(at), want(at), "at {at}");
        }
    }

    #[test]
    fn look_alikes_fold_to_what_they_look_like() {
        // U+F9D1 is the compatibility form of 六, U+2F00 the Kangxi radical one, U+3127 the
        // bopomofo letter that PDF converters emit for 一.
        assert_eq!(fold("\u{f9d1}、\u{2f00}\u{3127}"), "六、一一");
        assert_eq!(fold("一﹑地點"), "一、地點");
        assert_eq!(fold("說明：一、"), "說明：一、");
        assert!(matches!(fold("abc"), std::borrow::Cow::Borrowed(_)));
        for &(from, to) in crate::lexicon::FOLD {
            let (a, b) = (
                char::from_u32(from as u32).unwrap(),
                char::from_u32(to as u32).unwrap(),
            );
            assert_eq!(a.len_utf8(), b.len_utf8(), "{a} → {b}");
            assert!(may_fold(a.encode_utf8(&mut [0; 4])), "{a}");
        }
    }
}

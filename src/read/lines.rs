//! Lines of the input without what the PDF or Markdown conversion added (FORMAT.md §3):
//! indentation, `#` heading marks, `> ` quotation marks, `- ` bullets, `**` wrappers and
//! Markdown escapes. Control characters are dropped the same way.
//!
//! A line keeps a map from its clean text back to the input (`pieces`), so that every node's
//! text can be given as byte ranges of the input, and from there as UTF-16 ranges of the
//! string JavaScript already holds.

use crate::scan::page::page_number;
use crate::text::is_space;
use std::borrow::Cow;

/// A run of the clean text that is a contiguous run of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset in the line's clean text.
    pub clean: u32,
    /// Byte offset in the input.
    pub input: u32,
    pub len: u32,
}

/// How a line's clean text maps onto the input: nearly always one piece, kept inline so that
/// a line costs no allocation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pieces {
    one: Option<Piece>,
    more: Vec<Piece>,
}

impl Pieces {
    fn from_vec(mut v: Vec<Piece>) -> Self {
        if v.len() <= 1 {
            Pieces {
                one: v.pop(),
                more: Vec::new(),
            }
        } else {
            Pieces { one: None, more: v }
        }
    }

    fn single(p: Piece) -> Self {
        Pieces {
            one: Some(p),
            more: Vec::new(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Piece> + '_ {
        self.one.iter().chain(self.more.iter())
    }

    pub fn first(&self) -> Option<&Piece> {
        self.one.as_ref().or(self.more.first())
    }
}

/// What a line is before anyone reads its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Nothing but spaces and decoration.
    Blank,
    /// A Markdown table's separator row, `|---|:--:|`: decoration inside a table.
    TableRule,
    /// A page number alone on its line (`-1-`, `第 2 頁`).
    Page,
    /// Something to read.
    Content,
}

#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: u32,
    pub shape: Shape,
    /// The line as it stands in the input, without its line break.
    pub raw: &'a str,
    /// Byte offset of `raw` in the input.
    pub start: u32,
    /// The clean text: no indentation, heading marks, bullets, `**`, escapes or trailing spaces.
    pub text: Cow<'a, str>,
    /// The clean text with look-alike characters folded (`⼀` read as 一), when that changes
    /// it: what the scanners read. The same length as `text`, so offsets are shared.
    pub folded: Option<String>,
    /// How `text` maps onto the input, in order.
    pub pieces: Pieces,
    /// A form feed ended the line before this one: a page break.
    pub after_form_feed: bool,
    /// Display width of the line's leading spaces (an ideographic space counts two). Word
    /// exports indent by level; the tree uses it only to break ties.
    pub indent: u16,
    /// What a reader of the original file said of the line (see [`crate::parse_with`]): 0 for
    /// nothing, a list level + 1, or page furniture.
    pub hint: u8,
    /// A page run together onto this one line ([`crate::scan::runon`]): nothing in it starts a
    /// line, so nothing in it is read as an item.
    pub run_on: bool,
}

impl Line<'_> {
    /// What the scanners read: the clean text, folded.
    pub fn key(&self) -> &str {
        self.folded.as_deref().unwrap_or(&self.text)
    }

    /// The input byte ranges of `text[from..to]`.
    pub fn input_ranges(&self, from: usize, to: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        let (from, to) = (from as u32, to as u32);
        self.pieces.iter().filter_map(move |p| {
            let a = from.max(p.clean);
            let b = to.min(p.clean + p.len);
            (a < b).then(|| (p.input + a - p.clean, p.input + b - p.clean))
        })
    }

    /// Whether the raw line holds a tab between two pieces of text (a table row).
    pub fn inner_tab(&self) -> bool {
        let t = self.raw.trim_matches(|c| c == ' ' || c == '\u{3000}');
        let t = t.trim_start_matches('\t').trim_end_matches(is_space);
        t.contains('\t')
    }
}

/// Counts of what was dropped, for diagnostics.
#[derive(Clone, Copy, Debug, Default)]
pub struct Dropped {
    pub control: u32,
    pub first_control_line: u32,
}

/// Bytes that may start a line break: \n, \r, VT, FF, and the lead byte of U+2028/U+2029.
static BREAKS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0b] = true;
    t[0x0c] = true;
    t[0xe2] = true;
    t
};

/// Splits `input` into lines. Line breaks are `\n`, `\r\n`, a lone `\r`, form feed, vertical
/// tab and the Unicode line and paragraph separators.
pub fn split(input: &str) -> (Vec<Line<'_>>, Dropped) {
    let bytes = input.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut dropped = Dropped::default();
    let mut start = 0usize;
    let mut number = 0u32;
    let mut form_feed = false;
    // A byte order mark belongs to the encoding, not the text.
    if input.starts_with('\u{feff}') {
        start = 3;
    }
    let mut i = start;
    while i <= bytes.len() {
        // Most bytes cannot break a line: skip to the next that may.
        i += bytes[i..]
            .iter()
            .position(|&b| BREAKS[b as usize])
            .unwrap_or(bytes.len() - i);
        let (brk, next, ff) = if i == bytes.len() {
            (true, i + 1, false)
        } else {
            match bytes[i] {
                b'\n' => (true, i + 1, false),
                b'\r' => (
                    true,
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i + 2
                    } else {
                        i + 1
                    },
                    false,
                ),
                0x0b => (true, i + 1, false),
                0x0c => (true, i + 1, true),
                0xe2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) =>
                {
                    (true, i + 3, false)
                }
                _ => (false, i + 1, false),
            }
        };
        if brk {
            number += 1;
            let raw = &input[start..i];
            lines.push(line(raw, start as u32, number, form_feed, &mut dropped));
            form_feed = ff;
            start = next;
        }
        i = next;
    }
    // A final line break does not open another, empty line.
    if lines.len() > 1 && start > bytes.len() && input.ends_with(['\n', '\r']) {
        if let Some(last) = lines.last() {
            if last.raw.is_empty() {
                lines.pop();
            }
        }
    }
    (lines, dropped)
}

fn line<'a>(
    raw: &'a str,
    start: u32,
    number: u32,
    after_form_feed: bool,
    dropped: &mut Dropped,
) -> Line<'a> {
    let blank = |raw| Line {
        number,
        shape: Shape::Blank,
        raw,
        start,
        text: Cow::Borrowed(""),
        folded: None,
        pieces: Pieces::default(),
        after_form_feed,
        indent: 0,
        hint: 0,
        run_on: false,
    };
    // Control characters are read as if they were not there: the line's shape and decoration
    // are decided on a view without them (`- \x17` is a lone dash, not a bullet), whose offsets
    // are mapped back onto the raw line.
    let (view, controls) = without_controls(raw);
    if controls > 0 {
        dropped.control += controls;
        if dropped.first_control_line == 0 {
            dropped.first_control_line = number;
        }
    }
    let to_raw = |v: usize| {
        if controls == 0 {
            v
        } else {
            raw_offset(raw, v)
        }
    };
    let lead = view.len() - view.trim_start_matches(is_space).len();
    let indent = view[..lead]
        .chars()
        .map(|c| {
            if c == '\t' {
                4
            } else if (c as u32) < 0x1100 {
                1
            } else {
                2
            }
        })
        .sum::<u16>();
    let blank = |raw| Line {
        indent,
        ..blank(raw)
    };
    let trimmed = without_breaks(view[lead..].trim_end_matches(is_space));
    if trimmed.is_empty() {
        return blank(raw);
    }
    let end = to_raw(lead + trimmed.len());
    if page_number(trimmed) {
        let a = to_raw(lead);
        return Line {
            shape: Shape::Page,
            text: Cow::Borrowed(&raw[a..end]),
            pieces: Pieces::single(Piece {
                clean: 0,
                input: start + a as u32,
                len: (end - a) as u32,
            }),
            ..blank(raw)
        };
    }
    let mut at = lead;
    let mut rest = trimmed;
    // Markdown heading marks and list bullets, in any order a converter stacks them.
    loop {
        let before = rest.len();
        let hashes = rest.len() - rest.trim_start_matches('#').len();
        if hashes > 0 && hashes <= 6 {
            let after = &rest[hashes..];
            let gap = after.len() - after.trim_start_matches(is_space).len();
            if gap > 0 || after.is_empty() {
                rest = &after[gap..];
            }
        }
        // `> 時間：…`, `> > > 要找總副召`: a Markdown quotation's marks, a space after each.
        if let Some(after) = rest.strip_prefix('>') {
            let gap = after.len() - after.trim_start_matches(is_space).len();
            if gap > 0 || after.starts_with('>') {
                rest = &after[gap..];
            }
        }
        if let Some(after) = rest.strip_prefix(['-', '*', '+', '•', '·', '‧', '・']) {
            let bullet = rest.chars().next().unwrap();
            let gap = after.len() - after.trim_start_matches(is_space).len();
            // `- ` needs its space; `•` is a bullet glued or not. `**` is bold, not a bullet.
            if (gap > 0 || matches!(bullet, '•' | '·' | '‧' | '・')) && !rest.starts_with("**")
            {
                rest = &after[gap..];
            }
        }
        at += before - rest.len();
        if rest.len() == before {
            break;
        }
    }
    // A Markdown rule or table separator row is decoration only.
    if rest.is_empty() || is_rule(rest) {
        let table = rest.starts_with('|');
        return Line {
            shape: if table {
                Shape::TableRule
            } else {
                Shape::Blank
            },
            ..blank(raw)
        };
    }
    // The controls left inside are dropped (and were counted above).
    let at = to_raw(at);
    let (text, pieces) = inline(
        &raw[at..end],
        start + at as u32,
        number,
        &mut Dropped::default(),
    );
    if text.is_empty() {
        return blank(raw);
    }
    let folded = match crate::text::fold(&text) {
        Cow::Owned(f) => Some(f),
        Cow::Borrowed(_) => None,
    };
    let run_on = crate::scan::runon::run_on(folded.as_deref().unwrap_or(&text));
    Line {
        shape: Shape::Content,
        text,
        folded,
        pieces,
        run_on,
        ..blank(raw)
    }
}

/// Strips what a conversion puts inside a run of text (`**` wrappers, Markdown escapes,
/// control characters) and the spaces at its ends. `s` starts at byte `base` of the input.
/// Returns the clean text and where its pieces are in the input.
pub fn inline<'a>(
    s: &'a str,
    base: u32,
    number: u32,
    dropped: &mut Dropped,
) -> (Cow<'a, str>, Pieces) {
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let s_trim = s[lead..].trim_end_matches(is_space);
    let bytes = s_trim.as_bytes();
    let needs_work = bytes.iter().enumerate().any(|(j, &b)| {
        b == b'*' || b == b'\\' || (b < 0x20 && b != b'\t') || b == 0x7f || c1_control(bytes, j)
    });
    if !needs_work {
        let pieces = if s_trim.is_empty() {
            Pieces::default()
        } else {
            Pieces::single(Piece {
                clean: 0,
                input: base + lead as u32,
                len: s_trim.len() as u32,
            })
        };
        return (Cow::Borrowed(s_trim), pieces);
    }
    let mut text = String::with_capacity(s.len());
    let mut pieces: Vec<Piece> = Vec::new();
    let mut keep = |text: &mut String, from: usize, to: usize| {
        if from >= to {
            return;
        }
        let input = base + from as u32;
        let clean = text.len() as u32;
        match pieces.last_mut() {
            Some(p) if p.input + p.len == input && p.clean + p.len == clean => {
                p.len += (to - from) as u32
            }
            _ => pieces.push(Piece {
                clean,
                input,
                len: (to - from) as u32,
            }),
        }
        text.push_str(&s[from..to]);
    };
    let b = s.as_bytes();
    // Control characters are read as if they were not there: `*\0*` is bold and `\\\0*` an
    // escape, as they would be without the NUL.
    let control = |k: usize| control_len(b, k);
    // Counts the control characters in `b[from..to]`.
    let mut count = |from: usize, to: usize| {
        let mut k = from;
        while k < to {
            match control(k) {
                0 => k += 1, // the `*` or `\\` around them
                n => {
                    dropped.control += 1;
                    if dropped.first_control_line == 0 {
                        dropped.first_control_line = number;
                    }
                    k += n;
                }
            }
        }
    };
    // The first byte at or after `k` that is not a control character.
    let past_controls = |mut k: usize| {
        while k < b.len() && control(k) > 0 {
            k += control(k);
        }
        k
    };
    let mut run = 0;
    let mut j = 0;
    while j < b.len() {
        // (bytes to drop, whether the byte after them is an escaped character to keep). The
        // controls after a `*` or `\\` are looked past only there, so that a long run of them
        // is read once.
        let (skip, escaped) = if control(j) > 0 {
            (control(j), false)
        } else if b[j] == b'*' || b[j] == b'\\' {
            let next = past_controls(j + 1);
            match b.get(next) {
                Some(b'*') if b[j] == b'*' => (next + 1 - j, false),
                Some(c) if b[j] == b'\\' && c.is_ascii_punctuation() => (next - j, true),
                _ => (0, false),
            }
        } else {
            (0, false)
        };
        if skip > 0 {
            count(j, j + skip);
            keep(&mut text, run, j);
            j += skip;
            // An escaped character is kept: step over it so `\*\*` stays two stars.
            if escaped {
                keep(&mut text, j, j + 1);
                j += 1;
            }
            run = j;
        } else {
            j += 1;
        }
    }
    keep(&mut text, run, b.len());
    // Dropping `**` can leave spaces at either end.
    let lead2 = text.len() - text.trim_start_matches(is_space).len();
    let text_trimmed_len = text.trim_end_matches(is_space).len();
    if lead2 > 0 || text_trimmed_len < text.len() {
        let (a, z) = (lead2 as u32, text_trimmed_len as u32);
        pieces = pieces
            .into_iter()
            .filter_map(|p| {
                let s = p.clean.max(a);
                let e = (p.clean + p.len).min(z);
                (s < e).then(|| Piece {
                    clean: s - a,
                    input: p.input + s - p.clean,
                    len: e - s,
                })
            })
            .collect();
        text = text[lead2..text_trimmed_len.max(lead2)].to_string();
    }
    (Cow::Owned(text), Pieces::from_vec(pieces))
}

/// A C1 control character (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`) at byte `j`: what a text
/// decoded with the wrong code page carries (cp1252 read as Latin-1).
fn c1_control(b: &[u8], j: usize) -> bool {
    b[j] == 0xc2 && b.get(j + 1).is_some_and(|c| (0x80..=0x9f).contains(c))
}

/// Bytes of the control character at byte `k` (C0 but tab, DEL, C1), 0 for none.
fn control_len(b: &[u8], k: usize) -> usize {
    if (b[k] < 0x20 && b[k] != b'\t') || b[k] == 0x7f {
        1
    } else if c1_control(b, k) {
        2
    } else {
        0
    }
}

/// The line without its control characters, and how many there were.
fn without_controls(raw: &str) -> (Cow<'_, str>, u32) {
    let b = raw.as_bytes();
    if !(0..b.len()).any(|k| control_len(b, k) > 0) {
        return (Cow::Borrowed(raw), 0);
    }
    let mut out = String::with_capacity(raw.len());
    let (mut count, mut k, mut run) = (0, 0, 0);
    while k < b.len() {
        match control_len(b, k) {
            0 => k += 1,
            n => {
                out.push_str(&raw[run..k]);
                count += 1;
                k += n;
                run = k;
            }
        }
    }
    out.push_str(&raw[run..]);
    (Cow::Owned(out), count)
}

/// The byte of `raw` just after its first `v` bytes that are not control characters: where an
/// offset of [`without_controls`]'s view falls in the raw line.
fn raw_offset(raw: &str, v: usize) -> usize {
    let b = raw.as_bytes();
    let (mut k, mut kept) = (0, 0);
    while kept < v {
        match control_len(b, k) {
            0 => {
                kept += 1;
                k += 1;
            }
            n => k += n,
        }
    }
    k
}

/// The line without the HTML line breaks a Markdown copy ends lines with (`…19:00~21:00<br>`):
/// decoration, like the `**` around a label.
pub fn without_breaks(s: &str) -> &str {
    let mut t = s;
    loop {
        let lower_end = t.len().saturating_sub(6);
        let tail = t.get(lower_end..).unwrap_or(t);
        let cut = ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"]
            .iter()
            .find(|b| tail.ends_with(*b))
            .map(|b| t.len() - b.len());
        match cut {
            Some(k) => t = t[..k].trim_end_matches(is_space),
            None => return t,
        }
    }
}

/// `---`, `***`, `___`, and Markdown table separator rows such as `|---|:--:|`.
fn is_rule(s: &str) -> bool {
    if !s.starts_with(['-', '*', '_', '|']) {
        return false;
    }
    let t: String = s.chars().filter(|c| !is_space(*c)).collect();
    if t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
    {
        return true;
    }
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<(u32, Shape, String)> {
        split(input)
            .0
            .into_iter()
            .map(|l| (l.number, l.shape, l.text.into_owned()))
            .collect()
    }

    #[test]
    fn line_breaks_of_every_kind() {
        let t = texts("a\r\nb\rc\nd\u{2028}e\x0cf\n");
        let got: Vec<&str> = t.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(got, ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(t.last().unwrap().0, 6);
    }

    #[test]
    fn markdown_decoration_is_stripped() {
        let t = texts("### 案由三：本部\n  - (1) 社會\n## **八、主計處**\n- 1、**新知**：114年\n---\n|---|:-:|\n");
        assert_eq!(t[0].2, "案由三：本部");
        assert_eq!(t[1].2, "(1) 社會");
        assert_eq!(t[2].2, "八、主計處");
        assert_eq!(t[3].2, "1、新知：114年");
        assert_eq!(t[4].1, Shape::Blank);
        assert_eq!(t[5].1, Shape::TableRule);
    }

    #[test]
    fn pieces_point_back_into_the_input() {
        let input = "x\n- 1、**新知**：\\_年\u{0}尾";
        let (lines, dropped) = split(input);
        let l = &lines[1];
        assert_eq!(l.text, "1、新知：_年尾");
        let back: String = l
            .input_ranges(0, l.text.len())
            .map(|(a, b)| &input[a as usize..b as usize])
            .collect();
        assert_eq!(back, l.text);
        assert_eq!(dropped.control, 1);
        // A sub-range maps too.
        let from = "1、".len();
        let to = from + "新知".len();
        let part: String = l
            .input_ranges(from, to)
            .map(|(a, b)| &input[a as usize..b as usize])
            .collect();
        assert_eq!(part, "新知");
    }

    #[test]
    fn c1_controls_are_dropped_and_latin1_kept() {
        let input = "一、\u{85}甲\u{9f}乙\u{a0}丙°";
        let (lines, dropped) = split(input);
        assert_eq!(lines[0].text, "一、甲乙\u{a0}丙°");
        assert_eq!(dropped.control, 2);
        let back: String = lines[0]
            .input_ranges(0, lines[0].text.len())
            .map(|(a, b)| &input[a as usize..b as usize])
            .collect();
        assert_eq!(back, lines[0].text);
    }

    #[test]
    fn page_numbers_and_blank_lines() {
        let t = texts("一、甲\n\n- 10 -\n   \n");
        assert_eq!(t[1].1, Shape::Blank);
        assert_eq!(t[2].1, Shape::Page);
        assert_eq!(t[3].1, Shape::Blank);
    }

    #[test]
    fn bom_and_bold_bullets() {
        let t = texts("\u{feff}**粗體**開頭\n* 項目");
        assert_eq!(t[0].2, "粗體開頭");
        assert_eq!(t[1].2, "項目");
    }
}

//! Markers, counters, labels and header fields glued onto the middle of a line by the PDF
//! extraction (`…完竣。二、…`, `說明：一、…`, `主席：林部長宜敬　　紀錄：林怡芬`).

use super::place::continues_style;
use super::{last_unit_field, Builder, Open, LOOKAHEAD};
use crate::model::Numeral;
use crate::read::{classify, Head, LineShape as Shape};
use crate::scan::{self, Marker};
use crate::text::{is_space, skip_spaces};

impl Builder<'_, '_> {
    /// A marker, counter or label glued onto the middle of a line by the PDF extraction:
    /// after a full stop, one that continues an open sequence (`…完竣。二、…`) or a label
    /// (`…。決議：…`); after a colon, a new series too (`說明：一、…`). Never inside brackets.
    /// A second header field after a gap, in the front matter or on a line that holds a header
    /// field itself (`三﹑主席：張慶鴻校長　　紀錄：許瀝尹`, numbered in the body).
    pub(super) fn glued(
        &self,
        i: usize,
        from: usize,
        quoted: bool,
        header_line: bool,
    ) -> Option<usize> {
        let text = self.lines[i].key();
        let field = if self.front.open || header_line {
            header_field_after_gap(text, from)
        } else {
            None
        };
        let mark = self.glued_marker(i, from, quoted);
        match (field, mark) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    pub(super) fn glued_marker(&self, i: usize, from: usize, quoted: bool) -> Option<usize> {
        let text = self.lines[i].key();
        // Inside a quotation a line before opened, nothing is glued until it closes.
        let mut depth = quoted as i32;
        let bytes = text.as_bytes();
        for (k, &b) in bytes.iter().enumerate().skip(from) {
            // Brackets and stops are ( ) : or three bytes led by E3 or EF.
            if !matches!(b, b'(' | b')' | b':' | 0xe3 | 0xef) {
                continue;
            }
            let Some(c) = text[k..].chars().next() else {
                continue;
            };
            let k = k - from;
            match c {
                '「' | '（' | '(' | '『' | '《' | '〈' | '【' => depth += 1,
                '」' | '）' | ')' | '』' | '》' | '〉' | '】' => depth -= 1,
                _ => {}
            }
            let stop = matches!(c, '。' | '；' | '！' | '？');
            let colon = matches!(c, '：' | ':');
            if depth > 0 || !(stop || colon) {
                continue;
            }
            let after = from + k + c.len_utf8();
            let at = after + skip_spaces(&text[after..]);
            if at >= text.len() {
                return None;
            }
            let rest = &text[at..];
            // Only a few characters can open a marker, counter or label.
            if !rest.starts_with(|c: char| {
                c.is_ascii_alphanumeric()
                    || matches!(c, '(' | '（' | '第' | '０'..='９')
                    || (c as u32) >= 0x2160
            }) {
                continue;
            }
            let class = classify(rest);
            let found = match class.head {
                // After a colon, a new series (`說明：一、…`) if its second item comes, on this
                // line or the next: `決議：1.通過，…` alone is the decision's text.
                Head::Marker(m) => {
                    (colon
                        && m.ordinal == 1
                        && m.sub == 0
                        && (rest.contains(&m.style.format(2)) || self.series_follows(i, &m)))
                        || self.continues_open(&m)
                }
                Head::Counter(_) => stop,
                Head::None => {
                    stop && class.label.is_some_and(|l| {
                        l.role.holds_content() && !class.bracketed && l.word.chars().count() >= 2
                    })
                }
            };
            if found {
                return Some(at);
            }
        }
        None
    }

    /// An ambiguous first item (`1 .113年度…`) is one if item 2 of its style is next.
    pub(super) fn series_follows(&self, i: usize, m: &Marker) -> bool {
        m.ordinal == 1
            && self.lines[i + 1..]
                .iter()
                .filter(|l| l.shape == Shape::Content)
                .take(LOOKAHEAD)
                .find_map(|l| match classify(l.key()).head {
                    Head::Marker(n) if n.style == m.style || n.style.compatible(m.style) => {
                        Some(n.ordinal == 2)
                    }
                    _ => None,
                })
                .unwrap_or(false)
    }

    /// Whether a unit field starts at or after byte `from` of line `i`'s text.
    pub(super) fn unit_field_from(&mut self, i: usize, from: usize) -> bool {
        let at = match self.unit_at {
            Some((line, at)) if line == i => at,
            _ => {
                let at = last_unit_field(&self.lines[i].text);
                self.unit_at = Some((i, at));
                at
            }
        };
        at.is_some_and(|k| k >= from)
    }

    pub(super) fn continues_open(&self, m: &Marker) -> bool {
        self.stack.iter().any(|e| match e.open {
            Open::Item(st) => {
                continues_style(st, m.style).0
                    && (m.style.numeral == Numeral::Lost
                        || (m.ordinal == e.ordinal + 1 && m.sub == 0)
                        || (m.ordinal == e.ordinal && m.sub == e.sub + 1))
            }
            _ => false,
        })
    }
}

/// Two header fields laid out on one line, `主席：林部長宜敬　　　紀錄：林怡芬`: a wide gap
/// (two spaces, an ideographic space or a tab) and then a header label, or a single space and a
/// header label with its colon; or, after a full stop, a header label with its colon
/// (`出列席人員:如簽到名冊。主席:吳理事長俊明`).
fn header_field_after_gap(text: &str, from: usize) -> Option<usize> {
    let t = &text[from..];
    let mut it = t.char_indices().peekable();
    while let Some((k, c)) = it.next() {
        if c == '。' {
            let end = k + c.len_utf8();
            let field = scan::label(&t[end..]).filter(|l| l.role.is_header());
            if field.is_some_and(|l| t[end..end + l.len].ends_with(['：', ':'])) {
                return Some(from + end);
            }
            continue;
        }
        if !is_space(c) {
            continue;
        }
        let mut wide = matches!(c, '\u{3000}' | '\t');
        let mut end = k + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if !is_space(d) {
                break;
            }
            wide = true;
            end = j + d.len_utf8();
            it.next();
        }
        // After a single space only a field written with its colon (`鐘校長 長生 紀錄:林美玲`).
        let field = scan::label(&t[end..]).filter(|l| l.role.is_header());
        let colon = field.is_some_and(|l| t[end..end + l.len].ends_with(['：', ':']));
        if k > 0 && field.is_some() && (wide || colon) {
            return Some(from + end);
        }
    }
    None
}

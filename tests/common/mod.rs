//! What the test files share: the nothing-lost check. The input's content is computed here
//! from the input alone, with its own simple reading of the decoration a conversion adds
//! (FORMAT.md §3), so that it can disagree with the parser.
#![allow(dead_code)]

use minutes_outline::{parse, Document};

pub fn space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// A page number alone on its line, as FORMAT.md and the issue list them.
fn page_number(t: &str) -> bool {
    let digits = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    let dashes: &[char] = &['-', '－', '—', '–', '─', '‒'];
    let inner = t.trim_matches(dashes).trim();
    if inner.len() < t.len() && digits(inner) {
        return true;
    }
    if let Some(r) = t.strip_prefix('第') {
        let r: String = r.chars().filter(|c| !space(*c)).collect();
        if let Some((n, rest)) = r.split_once('頁') {
            let rest = rest.trim_start_matches(['，', ',', '/', '／', '、']);
            return digits(n)
                && (rest.is_empty()
                    || rest
                        .strip_prefix('共')
                        .and_then(|x| x.strip_suffix('頁'))
                        .is_some_and(digits));
        }
    }
    if let Some(r) = t.strip_prefix("Page ") {
        return digits(r.trim());
    }
    if let Some((a, b)) = t.split_once(['/', '／']) {
        return digits(a.trim()) && digits(b.trim());
    }
    false
}

/// The input's content: each line without the decoration a conversion adds (indentation,
/// `#` marks, bullets, `**`, Markdown escapes and rules, table pipes) and without page
/// numbers and control characters; spaces dropped.
pub fn content(input: &str) -> String {
    // A CRLF is one line break.
    let input = input
        .strip_prefix('\u{feff}')
        .unwrap_or(input)
        .replace("\r\n", "\n");
    let lines: Vec<&str> = input
        .split(['\n', '\r', '\x0c', '\x0b', '\u{2028}', '\u{2029}'])
        .collect();
    let blank = |k: Option<&&str>| k.is_none_or(|l| l.trim_matches(space).is_empty());
    let mut out = String::new();
    for (k, line) in lines.iter().enumerate() {
        let t = line.trim_matches(space);
        if page_number(t) {
            continue;
        }
        let bare = !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
        if bare && blank(k.checked_sub(1).and_then(|j| lines.get(j))) && blank(lines.get(k + 1)) {
            continue; // a page number between blank lines
        }
        let mut t = t;
        loop {
            let before = t;
            let hashes = t.len() - t.trim_start_matches('#').len();
            if (1..=6).contains(&hashes) && (t[hashes..].starts_with(space) || t.len() == hashes) {
                t = t[hashes..].trim_start_matches(space);
            }
            for b in ['-', '*', '+'] {
                if let Some(r) = t.strip_prefix(b).filter(|r| r.starts_with(space)) {
                    t = r.trim_start_matches(space);
                }
            }
            if let Some(r) = t.strip_prefix(['•', '·', '‧', '・']) {
                t = r.trim_start_matches(space);
            }
            if t == before {
                break;
            }
        }
        let squeezed: String = t.chars().filter(|c| !space(*c)).collect();
        let rule = |c: char| squeezed.len() >= 3 && squeezed.chars().all(|x| x == c);
        if rule('-') || rule('*') || rule('_') {
            continue;
        }
        if squeezed.starts_with('|')
            && squeezed.contains('-')
            && squeezed.chars().all(|c| matches!(c, '|' | '-' | ':'))
        {
            continue;
        }
        let pipe_row = t.starts_with('|') && t.ends_with('|') && t.len() > 2;
        // Left to right, as Markdown reads it: an escape keeps the character it escapes, `**`
        // goes.
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
                out.extend(chars.next().filter(|n| !(pipe_row && *n == '|')));
                continue;
            }
            if c == '*' && chars.peek() == Some(&'*') {
                chars.next();
                continue;
            }
            if (c.is_control() && c != '\t') || space(c) || (pipe_row && c == '|') {
                continue;
            }
            out.push(c);
        }
    }
    out
}

/// What the outline holds: each node's marker and text, and table cells, in document order.
pub fn held(doc: &Document) -> String {
    let mut out = String::new();
    // A table's text is its cells, in order.
    for id in 0..doc.nodes.len() as u32 {
        out.push_str(&doc.marker(id));
        out.push_str(&doc.text(id));
    }
    out.chars().filter(|c| !space(*c)).collect()
}

pub fn assert_nothing_lost(name: &str, input: &str) {
    let doc = parse(input);
    let want = content(input);
    let got = held(&doc);
    if got != want {
        let at = got
            .chars()
            .zip(want.chars())
            .position(|(a, b)| a != b)
            .unwrap_or(got.chars().count().min(want.chars().count()));
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(20))
                .take(40)
                .collect::<String>()
        };
        panic!(
            "{name}: the outline differs from the input's content at character {at}\n  input:   …{}…\n  outline: …{}…",
            around(&want),
            around(&got)
        );
    }
}

/// Whether `a` is `b` with characters left out (both as char sequences).
pub fn subsequence(a: &str, b: &str) -> bool {
    let mut b = b.chars();
    a.chars().all(|c| b.any(|d| d == c))
}

/// Every non-space character of the input but control characters: the most the outline may
/// hold, in this order.
pub fn everything(input: &str) -> String {
    input
        .chars()
        .filter(|c| !(space(*c) || (c.is_control() && *c != '\t')))
        .collect()
}

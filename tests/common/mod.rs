//! What the test files share: the nothing-lost check, and [`check`], every invariant that holds
//! for any input. The input's content is computed here from the input alone, with its own
//! simple reading of the decoration a conversion adds (FORMAT.md §3), so that it can disagree
//! with the parser. The fuzz target (fuzz/fuzz_targets/parse.rs) includes this file too.
#![allow(dead_code)]

use minutes_outline::emit::flat::flatten;
use minutes_outline::tree::{MAX_DEPTH, NONE};
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
    // Control characters are ignored, as the parser ignores them: before anything is read,
    // so that `| |\0` is a table row and `2\x12` a page number. Line breaks and tabs stay.
    let input: String = input
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\t'))
        .collect();
    // A CRLF is one line break.
    let input = input
        .strip_prefix('\u{feff}')
        .unwrap_or(&input)
        .replace("\r\n", "\n");
    let lines: Vec<&str> = input
        .split(['\n', '\r', '\x0c', '\x0b', '\u{2028}', '\u{2029}'])
        .collect();
    let blank = |k: Option<&&str>| k.is_none_or(|l| l.trim_matches(space).is_empty());
    let mut out = String::new();
    for (k, line) in lines.iter().enumerate() {
        let mut t = line.trim_matches(space);
        // A Markdown copy's HTML line breaks at the end of a line are decoration.
        loop {
            let before = t;
            for b in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"] {
                if let Some(r) = t.strip_suffix(b) {
                    t = r.trim_end_matches(space);
                }
            }
            if t == before {
                break;
            }
        }
        if page_number(t) {
            continue;
        }
        loop {
            let before = t;
            let hashes = t.len() - t.trim_start_matches('#').len();
            if (1..=6).contains(&hashes) && (t[hashes..].starts_with(space) || t.len() == hashes) {
                t = t[hashes..].trim_start_matches(space);
            }
            if let Some(r) = t
                .strip_prefix('>')
                .filter(|r| r.starts_with(space) || r.starts_with('>'))
            {
                t = r.trim_start_matches(space);
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
        // A number alone between blank lines is a page number, read as the parser reads it:
        // without decoration. The lines around it are blank only if they hold nothing but
        // spaces.
        let clean = t.replace("**", "");
        let clean = clean.trim_matches(space);
        let bare =
            !clean.is_empty() && clean.len() <= 4 && clean.bytes().all(|b| b.is_ascii_digit());
        if bare && blank(k.checked_sub(1).and_then(|j| lines.get(j))) && blank(lines.get(k + 1)) {
            continue;
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
        panic!("{name}: {}", difference(&want, &got));
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

/// Parses `input` and checks every invariant at once (so that each input is parsed once):
/// - nothing lost, in order, and nothing made up. `exact`: the outline holds exactly the
///   input's content; otherwise (arbitrary text, where a `#` in a table may be content or
///   decoration) at least the content and at most the input;
/// - every node lies inside the input, in a consistent tree no deeper than [`MAX_DEPTH`];
/// - the flat view slices the same texts out of the input's UTF-16;
/// - the JSON model is valid and reads back.
///
/// Returns the document for further checks, or what went wrong.
pub fn check(input: &str, exact: bool) -> Result<Document<'_>, String> {
    let doc = parse(input);
    let got = held(&doc);
    if exact {
        let want = content(input);
        if got != want {
            return Err(difference(&want, &got));
        }
    } else {
        if !subsequence(&content(input), &got) {
            return Err(format!("lost: {:?} holds {:?}", content(input), got));
        }
        if !subsequence(&got, &everything(input)) {
            return Err(format!("made up: {got:?} from {input:?}"));
        }
    }
    let lines = doc.line_count;
    for (id, n) in doc.nodes.iter().enumerate() {
        if !(n.line >= 1 && n.line <= n.end_line && n.end_line <= lines.max(1)) {
            return Err(format!(
                "node {id} lines {}..{} of {lines}",
                n.line, n.end_line
            ));
        }
        if n.label_len as usize > doc.text(id as u32).len() {
            return Err(format!("node {id}: label of {} bytes", n.label_len));
        }
        if n.depth as usize >= MAX_DEPTH {
            return Err(format!("node {id} at depth {}", n.depth));
        }
        let consistent = if n.parent == NONE {
            n.depth == 0
        } else {
            (n.parent as usize) < id && n.depth == doc.nodes[n.parent as usize].depth + 1
        };
        if !consistent {
            return Err(format!("node {id}: parent {} depth {}", n.parent, n.depth));
        }
    }
    let f = flatten(&doc);
    let units: Vec<u16> = input.encode_utf16().collect();
    // Every column of the flat view says what the tree says.
    let kinds = minutes_outline::emit::flat::kind_names();
    let roles = minutes_outline::model::role_names();
    for (id, n) in doc.nodes.iter().enumerate() {
        let parent = if n.parent == NONE {
            -1
        } else {
            n.parent as i32
        };
        let unit = doc.units.of_node[id];
        let unit = if unit == NONE { -1 } else { unit as i32 };
        let role = minutes_outline::emit::json::role_name(n).unwrap_or("");
        let text = doc.text(id as u32);
        let label_len = text[..n.label_len as usize].encode_utf16().count() as u32;
        let row = (
            f.parent[id],
            f.depth[id] as u16,
            kinds[f.kind[id] as usize],
            roles[f.role[id] as usize],
            f.line[id],
            f.end_line[id],
            f.ordinal[id],
            f.unit[id],
            f.label_len[id],
        );
        let want = (
            parent,
            n.depth,
            n.kind.name(),
            role,
            n.line,
            n.end_line,
            n.ordinal,
            unit,
            label_len,
        );
        if row != want {
            return Err(format!(
                "node {id}: the flat view has {row:?}, the tree {want:?}"
            ));
        }
    }
    for id in 0..doc.nodes.len() {
        let mut text = String::new();
        for s in f.text_at[id]..f.marker_at[id + 1] {
            let (a, b) = (
                f.seg_start[s as usize] as usize,
                f.seg_end[s as usize] as usize,
            );
            if !(a <= b && b <= units.len()) {
                return Err(format!("node {id}: segment {a}..{b} of {}", units.len()));
            }
            if f.seg_space[s as usize] == 1 && s > f.text_at[id] {
                text.push(' ');
            }
            text += &String::from_utf16_lossy(&units[a..b]);
        }
        if text != doc.text(id as u32) {
            return Err(format!(
                "node {id}: the flat view gives {text:?}, the tree {:?}",
                doc.text(id as u32)
            ));
        }
    }
    let json = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
    let back: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let outline = back["outline"].as_array().map(Vec::len);
    if outline != Some(doc.roots().count()) {
        return Err(format!(
            "the JSON has {outline:?} top-level nodes, the tree {}",
            doc.roots().count()
        ));
    }
    Ok(doc)
}

/// Where two texts part, with some context: for a failure message.
fn difference(want: &str, got: &str) -> String {
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
    format!(
        "the outline differs from the input's content at character {at}\n  input:   …{}…\n  outline: …{}…",
        around(want),
        around(got)
    )
}

//! Whole documents: every fixture under tests/fixtures/ is parsed and
//! - its outline must equal the reviewed file under tests/expected/ (same path, `.outline`);
//!   run with `BLESS=1` to rewrite them after a deliberate change, then read the diff;
//! - nothing of its content may be lost: every non-space character outside the conversion
//!   decoration of FORMAT.md §3 appears in the outline, in order;
//! - where a hand-made ground truth exists (`.parents`, written without looking at the
//!   parser's output), every numbered line must have the parent it gives.

use minutes_outline::tree::NONE;
use minutes_outline::{outline, parse, Document};
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![PathBuf::from("tests/fixtures")];
    while let Some(d) = dirs.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 2, "fixtures missing");
    out
}

fn expected_path(fixture: &Path) -> PathBuf {
    let rel = fixture.strip_prefix("tests/fixtures").unwrap();
    Path::new("tests/expected")
        .join(rel)
        .with_extension("outline")
}

fn render(doc: &Document) -> String {
    let mut s = outline::render(doc);
    let d = outline::render_diagnostics(doc);
    if !d.is_empty() {
        s.push_str("-- diagnostics\n");
        s.push_str(&d);
    }
    s
}

#[test]
fn outlines_match_the_reviewed_files() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for f in fixtures() {
        let input = fs::read_to_string(&f).unwrap();
        let got = render(&parse(&input));
        let path = expected_path(&f);
        if bless {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &got).unwrap();
            continue;
        }
        let want = fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            failures.push(format!(
                "{}: differs from {} at line {}:\n  got:  {}\n  want: {}",
                f.display(),
                path.display(),
                line + 1,
                got.lines().nth(line).unwrap_or("<end>"),
                want.lines().nth(line).unwrap_or("<end>"),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(BLESS=1 cargo test --test documents rewrites them)",
        failures.join("\n")
    );
}

// ----- nothing lost ----------------------------------------------------------------------

fn space(c: char) -> bool {
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
fn content(input: &str) -> String {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
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
            if (1..=6).contains(&hashes) && t[hashes..].starts_with(space) {
                t = t[hashes..].trim_start_matches(space);
            }
            for b in ["- ", "* ", "+ ", "-\u{3000}"] {
                if let Some(r) = t.strip_prefix(b) {
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
        if squeezed.starts_with('|') && squeezed.chars().all(|c| matches!(c, '|' | '-' | ':')) {
            continue;
        }
        let pipe_row = t.starts_with('|') && t.ends_with('|') && t.len() > 2;
        let t = t.replace("**", "");
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
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
fn held(doc: &Document) -> String {
    let mut out = String::new();
    for id in 0..doc.nodes.len() as u32 {
        let n = doc.node(id);
        out.push_str(&doc.marker(id));
        out.push_str(&doc.text(id));
        if n.table != NONE {
            for row in &doc.tables[n.table as usize].rows {
                for cell in row {
                    out.push_str(&doc.cell(cell));
                }
            }
        }
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

#[test]
fn nothing_is_lost_from_any_fixture() {
    for f in fixtures() {
        assert_nothing_lost(&f.display().to_string(), &fs::read_to_string(&f).unwrap());
    }
}

// ----- ground truth ----------------------------------------------------------------------

/// The first non-space characters of a node as written: its marker, then its text.
fn head(doc: &Document, id: u32, n: usize) -> String {
    let s = format!("{}{}", doc.marker(id), doc.text(id));
    s.chars().filter(|c| !space(*c)).take(n).collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !space(*c)).collect()
}

/// Checks one fixture's `.parents` file; returns (right, total, what went wrong).
fn check_parents(fixture: &Path, truth: &str) -> (usize, usize, Vec<String>) {
    let input = fs::read_to_string(fixture).unwrap();
    let doc = parse(&input);
    let (mut right, mut total, mut wrong) = (0, 0, Vec::new());
    for row in truth
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 4 {
            continue;
        }
        total += 1;
        let line: u32 = cols[0].trim().parse().unwrap();
        let snippet = squeeze(cols[1]);
        let parent_line: u32 = cols[2].trim().parse().unwrap();
        let parent_snippet = squeeze(cols[3]);
        let node = (0..doc.nodes.len() as u32).find(|&id| {
            let n = doc.node(id);
            n.line == line && head(&doc, id, snippet.chars().count()) == snippet
        });
        let Some(node) = node else {
            wrong.push(format!("line {line} {snippet}: no node starts there"));
            continue;
        };
        let p = doc.node(node).parent;
        let ok = if parent_line == 0 {
            p == NONE
        } else {
            p != NONE
                && doc.node(p).line == parent_line
                && head(&doc, p, parent_snippet.chars().count()) == parent_snippet
        };
        if ok {
            right += 1;
        } else {
            let got = if p == NONE {
                "the top level".to_string()
            } else {
                format!("line {} {}", doc.node(p).line, head(&doc, p, 8))
            };
            wrong.push(format!("line {line} {snippet}: parent should be line {parent_line} {parent_snippet}, is {got}"));
        }
    }
    (right, total, wrong)
}

#[test]
fn numbered_lines_get_the_parent_a_careful_reader_gives() {
    let mut right = 0;
    let mut total = 0;
    let mut report = Vec::new();
    for f in fixtures() {
        let truth = f.with_extension("parents");
        let Ok(truth) = fs::read_to_string(&truth) else {
            continue;
        };
        let (r, t, wrong) = check_parents(&f, &truth);
        right += r;
        total += t;
        for w in wrong {
            report.push(format!("{}: {w}", f.display()));
        }
    }
    eprintln!("parents right: {right} of {total}");
    assert!(
        report.is_empty(),
        "{} of {total} wrong:\n{}",
        report.len(),
        report.join("\n")
    );
}

//! Whole documents: every fixture under tests/fixtures/ is parsed and
//! - its outline must equal the reviewed file under tests/expected/ (same path, `.outline`),
//!   and its whole model the snapshot beside it (`.json`, pretty-printed so that a diff reads
//!   field by field); run with `BLESS=1` to rewrite both after a deliberate change, then read
//!   the diff;
//! - nothing of its content may be lost: every non-space character outside the conversion
//!   decoration of FORMAT.md §3 appears in the outline, in order;
//! - where a hand-made ground truth exists (`.parents`, written without looking at the
//!   parser's output), every numbered line must have the parent it gives.

mod common;

use common::{assert_nothing_lost, space};
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

/// Compares `got` with the file at `path` (or rewrites it under `BLESS=1`); says where they
/// part.
fn compare(fixture: &Path, path: &Path, got: &str, bless: bool, failures: &mut Vec<String>) {
    if bless {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, got).unwrap();
        return;
    }
    let want = fs::read_to_string(path).unwrap_or_default();
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        failures.push(format!(
            "{}: differs from {} at line {}:\n  got:  {}\n  want: {}",
            fixture.display(),
            path.display(),
            line + 1,
            got.lines().nth(line).unwrap_or("<end>"),
            want.lines().nth(line).unwrap_or("<end>"),
        ));
    }
}

#[test]
fn outlines_match_the_reviewed_files() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    let mut nodes = 0;
    for f in fixtures() {
        let input = fs::read_to_string(&f).unwrap();
        let doc = parse(&input);
        nodes += doc.nodes.len();
        let path = expected_path(&f);
        compare(&f, &path, &render(&doc), bless, &mut failures);
        let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        compare(
            &f,
            &path.with_extension("json"),
            &json,
            bless,
            &mut failures,
        );
    }
    // An empty snapshot would match an empty outline: the fixtures hold thousands of nodes.
    assert!(nodes > 1000, "{nodes} nodes in all the fixtures");
    assert!(
        failures.is_empty(),
        "{}\n(BLESS=1 cargo test --test documents rewrites them)",
        failures.join("\n")
    );
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

// ----- header and facts against the hand-made .meta.json -----------------------------------

use minutes_outline::model::FactValue;
use serde_json::{json, Value};

fn person_json(p: &minutes_outline::Person) -> Value {
    json!({ "name": p.name.clone().unwrap_or_default(), "title": p.title, "unit": p.unit })
}

/// The expected value with the fields a writer leaves out when the minutes do not say them.
fn person_expected(v: &Value) -> Value {
    json!({ "name": v["name"].as_str().unwrap_or(""), "title": v.get("title"), "unit": v.get("unit") })
}

/// Checks one fixture's header and facts; returns what differs.
fn check_meta(fixture: &Path, expected: &Value) -> Vec<String> {
    let input = fs::read_to_string(fixture).unwrap();
    let doc = parse(&input);
    let m = &doc.meta;
    let got = json!({
        "body": m.body, "title": m.title, "number": m.number, "date": m.date, "weekday": m.weekday,
        "start": m.start, "end": m.end, "location": m.location,
    });
    let mut wrong = Vec::new();
    for key in [
        "body", "title", "number", "date", "weekday", "start", "end", "location",
    ] {
        if let Some(want) = expected.get(key) {
            if &got[key] != want {
                wrong.push(format!("{key}: got {}, want {want}", got[key]));
            }
        }
    }
    for (key, p) in [("chair", &m.chair), ("recorder", &m.recorder)] {
        if let Some(want) = expected.get(key) {
            let g = p.as_ref().map(person_json).unwrap_or(Value::Null);
            if g != person_expected(want) {
                wrong.push(format!("{key}: got {g}, want {}", person_expected(want)));
            }
        }
    }
    for (key, list) in [("attendees", &m.attendees), ("observers", &m.observers)] {
        let Some(want) = expected.get(key).and_then(Value::as_array) else {
            continue;
        };
        if want.len() != list.len() {
            wrong.push(format!(
                "{key}: got {} people, want {}",
                list.len(),
                want.len()
            ));
        }
        for (a, w) in list.iter().zip(want) {
            let mut g = person_json(&minutes_outline::Person {
                name: a.name.clone(),
                title: a.title.clone(),
                unit: a.unit.clone(),
                raw: a.raw.clone(),
            });
            g["status"] = serde_json::to_value(a.status).unwrap();
            let mut e = person_expected(w);
            e["status"] = w["status"].clone();
            if let Some(s) = &a.substitute {
                g["substitute"] = person_json(s);
            }
            if let Some(s) = w.get("substitute") {
                e["substitute"] = person_expected(s);
            }
            if g != e {
                wrong.push(format!("{key} {}: got {g}, want {e}", a.raw));
            }
        }
    }
    // Facts over the whole document, in order: amounts, and dates that name a day.
    let mut amounts = Vec::new();
    let mut dates = Vec::new();
    for id in 0..doc.nodes.len() as u32 {
        let text = doc.text(id);
        for f in doc.facts(id) {
            let written = &text[f.start as usize..f.end as usize];
            match &f.value {
                FactValue::Amount { value, .. } => amounts.push(json!(value)),
                FactValue::Date { from, to } => {
                    // Parts of months and whole months are ranges, not the days listed.
                    let partial = ["底", "旬", "初", "月份"]
                        .iter()
                        .any(|w| written.contains(w))
                        || written.ends_with('月');
                    if !partial {
                        dates.push(json!(minutes_outline::model::iso_range(*from, *to)));
                    }
                }
                FactValue::Percent { .. } => {}
            }
        }
    }
    for (key, got) in [("amounts", amounts), ("dates", dates)] {
        if let Some(want) = expected.get(key) {
            if &Value::Array(got.clone()) != want {
                wrong.push(format!("{key}: got {}, want {want}", Value::Array(got)));
            }
        }
    }
    wrong
}

#[test]
fn headers_and_facts_match_what_a_careful_reader_extracts() {
    let mut report = Vec::new();
    let mut checked = 0;
    for f in fixtures() {
        let Ok(meta) = fs::read_to_string(f.with_extension("meta.json")) else {
            continue;
        };
        checked += 1;
        let expected: Value = serde_json::from_str(&meta).unwrap();
        for w in check_meta(&f, &expected) {
            report.push(format!("{}: {w}", f.display()));
        }
    }
    assert!(checked >= 10, "meta files missing");
    assert!(
        report.is_empty(),
        "{} differences:\n{}",
        report.len(),
        report.join("\n")
    );
}

//! The measure: real minutes of bodies the parser was not written for (`../shared/corpus/`),
//! each with the outline and the header a careful reader draws. Not copied into the project;
//! where `../shared/` is absent this test says so in one line and passes.
//!
//! Scored as `corpus/NOTES.md` says:
//! - **parents**: every row of `NAME.gold` (a line that starts with a numbering marker or an
//!   agenda counter) must be a numbered node of the outline whose nearest *numbered* ancestor
//!   starts on the line the reader gives (labels, headings and unnumbered sections do not
//!   count). A numbered node on a line the reader did not number is an *invented* item and
//!   counts as a miss too, except inside the flattened petition tables NOTES.md masks.
//! - **header**: each field of `NAME.meta.json` (body, title, number, date, start, end,
//!   location, the chair's name and title, the recorder's name) must be exactly the reader's,
//!   `null` included.
//! - **people**: attendees, observers and those absent, by name, as F1 over the corpus.
//!
//! `cargo test --test corpus -- --nocapture` prints a line per document and the totals.

use minutes_outline::model::Status;
use minutes_outline::tree::NONE;
use minutes_outline::{parse, Document};
use serde_json::Value;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The bars of issue 11, checked on the totals.
const PARENTS_BAR: f64 = 0.995;
const HEADER_BAR: f64 = 0.95;
const PEOPLE_BAR: f64 = 0.95;

/// The petition tables (綜理表) NOTES.md masks when scoring: items found inside them are
/// neither right nor invented.
const MASKED: &[(&str, u32, u32)] = &[
    ("tpe-urbanplan-540", 99, 172),
    ("tpe-urbanplan-540", 205, 220),
    ("tpe-urbanplan-575", 190, 328),
];

fn corpus_dir() -> Option<PathBuf> {
    // CORPUS_DIR scores another folder of the same form (a held-out set kept apart).
    let d = std::env::var_os("CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    d.is_dir().then_some(d)
}

/// A node that carries numbering: a marker or an agenda counter.
fn numbered(doc: &Document, id: u32) -> bool {
    !doc.node(id).marker.is_empty()
}

fn numbered_parent(doc: &Document, id: u32) -> u32 {
    let mut p = doc.node(id).parent;
    while p != NONE && !numbered(doc, p) {
        p = doc.node(p).parent;
    }
    if p == NONE {
        0
    } else {
        doc.node(p).line
    }
}

#[derive(Default)]
struct Score {
    parents_right: usize,
    parents_total: usize,
    invented: usize,
    header_right: usize,
    header_total: usize,
    /// People: found and right, found, the reader's.
    people: [usize; 3],
    notes: Vec<String>,
}

fn score_parents(name: &str, doc: &Document, gold: &str, s: &mut Score) {
    let mut first_numbered: HashMap<u32, u32> = HashMap::new();
    for id in 0..doc.nodes.len() as u32 {
        if numbered(doc, id) {
            first_numbered.entry(doc.node(id).line).or_insert(id);
        }
    }
    let mut gold_lines = Vec::new();
    for row in gold.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (Ok(line), Ok(parent)) = (cols[0].parse::<u32>(), cols[1].parse::<u32>()) else {
            continue;
        };
        gold_lines.push(line);
        s.parents_total += 1;
        match first_numbered.get(&line) {
            None => s.notes.push(format!(
                "  l.{line} missed: not a numbered item ({})",
                cols.get(4).unwrap_or(&"")
            )),
            Some(&id) => {
                let got = numbered_parent(doc, id);
                if got == parent {
                    s.parents_right += 1;
                } else {
                    s.notes.push(format!(
                        "  l.{line} parent {got}, reader {parent} ({})",
                        cols.get(4).unwrap_or(&"")
                    ));
                }
            }
        }
    }
    let masked = |line: u32| {
        MASKED
            .iter()
            .any(|&(n, a, b)| n == name && (a..=b).contains(&line))
    };
    let mut invented: Vec<u32> = first_numbered
        .keys()
        .copied()
        .filter(|l| !gold_lines.contains(l) && !masked(*l))
        .collect();
    invented.sort();
    for line in invented {
        let id = first_numbered[&line];
        s.invented += 1;
        s.notes.push(format!(
            "  l.{line} invented: {}{}",
            doc.marker(id),
            doc.text(id).chars().take(20).collect::<String>()
        ));
    }
}

fn score_header(doc: &Document, want: &Value, s: &mut Score) {
    let m = &doc.meta;
    let person = |p: &Option<minutes_outline::Person>, key: &str| -> Value {
        match p {
            None => Value::Null,
            Some(p) => match key {
                "name" => p.name.clone().map_or(Value::Null, Value::String),
                _ => p.title.clone().map_or(Value::Null, Value::String),
            },
        }
    };
    let fields: Vec<(&str, Value, Value)> = vec![
        ("body", want["body"].clone(), m.body.clone().into()),
        ("title", want["title"].clone(), m.title.clone().into()),
        ("number", want["number"].clone(), m.number.into()),
        ("date", want["date"].clone(), m.date.clone().into()),
        ("start", want["start"].clone(), m.start.clone().into()),
        ("end", want["end"].clone(), m.end.clone().into()),
        (
            "location",
            want["location"].clone(),
            m.location.clone().into(),
        ),
        (
            "chair.name",
            want["chair"]["name"].clone(),
            person(&m.chair, "name"),
        ),
        (
            "recorder.name",
            want["recorder"]["name"].clone(),
            person(&m.recorder, "name"),
        ),
    ];
    let mut fields = fields;
    // The chair's title where the reader gives one (or says there is none).
    if want["chair"].get("title").is_some() {
        fields.push((
            "chair.title",
            want["chair"]["title"].clone(),
            person(&m.chair, "title"),
        ));
    }
    for (key, want, got) in fields {
        // A number the reader wrote as a string of digits is that number.
        let want = match &want {
            Value::String(d) if key == "number" && d.chars().all(|c| c.is_ascii_digit()) => {
                d.parse::<u64>().map_or(want.clone(), Value::from)
            }
            _ => want,
        };
        s.header_total += 1;
        if want == got {
            s.header_right += 1;
        } else {
            s.notes.push(format!("  {key}: {got}, reader {want}"));
        }
    }
    // People by name, as multisets per list. A name and its romanisation are one person
    // (readers differ: `巴干.巴萬Bakan Pawa` is 巴干.巴萬 to one, kept whole by another).
    let plain = |n: &str| -> String {
        let t = n.trim_end_matches(|c: char| c.is_ascii_alphabetic() || " .‧·'-".contains(c));
        if t.chars().any(|c| c > '\u{2e80}') {
            t.to_string()
        } else {
            n.to_string()
        }
    };
    let names = |list: &[minutes_outline::Attendee], absent: bool| -> Vec<String> {
        list.iter()
            .filter(|a| (a.status == Status::Absent) == absent)
            .filter_map(|a| a.name.as_deref().map(plain))
            .collect()
    };
    for (key, got) in [
        ("attendees", names(&m.attendees, false)),
        ("observers", names(&m.observers, false)),
        ("absent", {
            let mut v = names(&m.attendees, true);
            v.extend(names(&m.observers, true));
            v
        }),
    ] {
        let reader: Vec<String> = want[key]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(plain)).collect())
            .unwrap_or_default();
        let mut left = reader.clone();
        let mut right = 0;
        let mut extra = Vec::new();
        for g in &got {
            if let Some(k) = left.iter().position(|r| r == g) {
                left.remove(k);
                right += 1;
            } else {
                extra.push(g.clone());
            }
        }
        s.people[0] += right;
        s.people[1] += got.len();
        s.people[2] += reader.len();
        if !extra.is_empty() || !left.is_empty() {
            s.notes.push(format!(
                "  {key}: {right} of {} right; not the reader's: {}; missed: {}",
                reader.len(),
                extra.join("、"),
                left.join("、")
            ));
        }
    }
}

/// What a folder of real minutes scores: the totals, as fractions.
struct Measured {
    documents: usize,
    parents: f64,
    invented: usize,
    header: f64,
    people: f64,
}

/// Scores every document of `dir` (NAME.txt, NAME.gold, NAME.meta.json), printing a line per
/// document and the totals; `CORPUS_VERBOSE=1` prints what differs from the reader.
fn measure(dir: &Path, label: &str) -> Measured {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "gold").then(|| p.file_stem().unwrap().to_string_lossy().into())
        })
        .collect();
    names.sort();
    let mut total = Score::default();
    let verbose = std::env::var_os("CORPUS_VERBOSE").is_some();
    for name in &names {
        let text = fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let gold = fs::read_to_string(dir.join(format!("{name}.gold"))).unwrap();
        let meta: Value = serde_json::from_str(
            &fs::read_to_string(dir.join(format!("{name}.meta.json"))).unwrap(),
        )
        .unwrap();
        let doc = parse(&text);
        let mut s = Score::default();
        score_parents(name, &doc, &gold, &mut s);
        score_header(&doc, &meta, &mut s);
        eprintln!(
            "{name:<28} parents {:>3}/{:<3} invented {:<2} header {:>2}/{:<2} people {}/{}/{}",
            s.parents_right,
            s.parents_total,
            s.invented,
            s.header_right,
            s.header_total,
            s.people[0],
            s.people[1],
            s.people[2]
        );
        if verbose {
            for n in &s.notes {
                eprintln!("{n}");
            }
        }
        total.parents_right += s.parents_right;
        total.parents_total += s.parents_total;
        total.invented += s.invented;
        total.header_right += s.header_right;
        total.header_total += s.header_total;
        for k in 0..3 {
            total.people[k] += s.people[k];
        }
    }
    // Invented items count against the parents: a parser cannot win by numbering every line.
    let parents = total.parents_right as f64 / (total.parents_total + total.invented).max(1) as f64;
    let header = total.header_right as f64 / total.header_total.max(1) as f64;
    let [right, found, reader] = total.people.map(|x| x as f64);
    let (p, r) = (right / found.max(1.0), right / reader.max(1.0));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    eprintln!(
        "{label}: {} documents, parents {}/{} with {} invented = {:.1}%, header {}/{} = {:.1}%, people F1 {:.3} (P {:.3} R {:.3})",
        names.len(),
        total.parents_right,
        total.parents_total,
        total.invented,
        parents * 100.0,
        total.header_right,
        total.header_total,
        header * 100.0,
        f1,
        p,
        r
    );
    Measured {
        documents: names.len(),
        parents,
        invented: total.invented,
        header,
        people: f1,
    }
}

/// The shared corpus: twenty real documents of fifteen bodies, held to issue 11's bars.
#[test]
fn real_minutes_get_the_outline_and_header_a_reader_gives() {
    let Some(dir) = corpus_dir() else {
        eprintln!("corpus: ../shared/corpus is absent, skipped");
        return;
    };
    let m = measure(&dir, "corpus");
    if std::env::var_os("CORPUS_DIR").is_some() {
        return; // another folder is measured, not held to the bars
    }
    assert!(m.documents >= 20, "corpus: {} documents", m.documents);
    assert!(
        m.parents >= PARENTS_BAR,
        "parents {:.1}% < {:.1}%",
        m.parents * 100.0,
        PARENTS_BAR * 100.0
    );
    assert_eq!(m.invented, 0, "items invented outside the masked tables");
    assert!(
        m.header >= HEADER_BAR,
        "header {:.1}% < {:.1}%",
        m.header * 100.0,
        HEADER_BAR * 100.0
    );
    assert!(
        m.people >= PEOPLE_BAR,
        "people F1 {:.3} < {PEOPLE_BAR}",
        m.people
    );
}

/// The set kept in the repository (tests/real: eighteen real excerpts of sixteen bodies, drawn
/// blind by a reader who never ran the parser; first contact scored parents 87.3%, header
/// 79.7%, people F1 0.804 — see tests/real/README.md). Held to what it scores now, less a
/// margin, so that a rule that helps the corpus and hurts these shows: its damaged markers
/// (`196學年度` for `1.96學年度`, `##CONTINUE##六、`) keep it below the corpus' bars.
#[test]
fn real_minutes_kept_in_the_repository_keep_their_scores() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real");
    let m = measure(&dir, "tests/real");
    assert!(m.documents >= 18, "tests/real: {} documents", m.documents);
    assert!(m.parents >= 0.95, "parents {:.1}%", m.parents * 100.0);
    assert!(m.invented <= 1, "{} items invented", m.invented);
    assert!(m.header >= 0.97, "header {:.1}%", m.header * 100.0);
    assert!(m.people >= 0.97, "people F1 {:.3}", m.people);
}

//! Stage 1: what kind of input this is. The parser takes any string; here it notices the
//! inputs that deserve a word to the reader (empty, binary, not Chinese, no numbering), so that
//! a strange document gets a clear diagnostic along with its best-effort outline.

use crate::lines::Dropped;
use crate::model::{Diagnostic, Kind, Severity};
use crate::tree::Document;

#[derive(Clone, Copy, Debug, Default)]
pub struct Shape {
    pub empty: bool,
    pub binary: bool,
    pub cjk: usize,
    pub letters: usize,
}

/// Looks at the input as a whole. Linear, one pass over the characters.
pub fn inspect(input: &str, diagnostics: &mut Vec<Diagnostic>) -> Shape {
    let mut shape = Shape::default();
    let mut nul = 0usize;
    let mut replacement = 0usize;
    let mut chars = 0usize;
    // Byte by byte: a character starts at every byte that is not a continuation byte; CJK
    // ideographs (U+3400–U+9FFF) start with E3 9x–BF or E4–E9.
    let b = input.as_bytes();
    for (k, &x) in b.iter().enumerate() {
        if x & 0xc0 == 0x80 {
            continue;
        }
        chars += 1;
        match x {
            0 => nul += 1,
            b'a'..=b'z' | b'A'..=b'Z' => shape.letters += 1,
            0xe4..=0xe9 => {
                shape.cjk += 1;
                shape.letters += 1;
            }
            0xe3 if b.get(k + 1).is_some_and(|&y| y >= 0x90) => {
                shape.cjk += 1;
                shape.letters += 1;
            }
            0xef if b.get(k + 1) == Some(&0xbf) && b.get(k + 2) == Some(&0xbd) => replacement += 1,
            _ => {}
        }
    }
    // Spaces as the line splitter reads them too: a BOM or a zero-width space is no content.
    shape.empty = input
        .chars()
        .all(|c| c.is_whitespace() || crate::scanners::is_space(c));
    if shape.empty {
        diagnostics.push(Diagnostic::new(
            "empty-input",
            Severity::Error,
            0,
            if input.is_empty() {
                "the input is empty: paste or open the text of some minutes"
            } else {
                "the input holds only spaces and line breaks"
            },
        ));
        return shape;
    }
    // Text decoded from a binary file is full of NULs or replacement characters.
    shape.binary = nul * 100 > chars || replacement * 20 > chars;
    if shape.binary {
        diagnostics.push(Diagnostic::new(
            "binary-input",
            Severity::Error,
            0,
            format!(
                "this does not look like text ({nul} NUL and {replacement} undecodable characters in {chars}); is it a PDF or Word file rather than its text?"
            ),
        ));
    }
    shape
}

pub fn report_dropped(dropped: Dropped, diagnostics: &mut Vec<Diagnostic>) {
    if dropped.control > 0 {
        diagnostics.push(Diagnostic::new(
            "control-characters",
            Severity::Info,
            dropped.first_control_line,
            format!(
                "{} control characters were ignored (first on this line)",
                dropped.control
            ),
        ));
    }
}

/// After parsing: say so when the document has no structure or is not in Chinese.
pub fn report_shape(shape: Shape, doc: &mut Document) {
    if shape.empty || shape.binary {
        return;
    }
    if shape.letters >= 20 && shape.cjk * 5 < shape.letters {
        doc.diagnostics.push(Diagnostic::new(
            "not-chinese",
            Severity::Info,
            0,
            "the text is mostly not Chinese; the parser reads Taiwanese minutes and may miss this document's structure",
        ));
    }
    let numbered = doc
        .nodes
        .iter()
        .any(|n| !n.marker.is_empty() || n.label.is_some() || n.part.is_some());
    if !numbered && !doc.nodes.is_empty() {
        let paragraphs = doc
            .nodes
            .iter()
            .filter(|n| n.kind == Kind::Paragraph)
            .count();
        doc.diagnostics.push(Diagnostic::new(
            "no-structure",
            Severity::Warning,
            0,
            format!("no numbering, labels or sections were found; the outline is {paragraphs} paragraphs in order"),
        ));
    }
}

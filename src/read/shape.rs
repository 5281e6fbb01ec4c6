//! What kind of input this is. The parser takes any string; here it notices the inputs that
//! deserve a word to the reader before anything is built (empty, binary, control characters),
//! and counts what [`crate::review`] needs to say later whether it is Chinese at all.

use super::lines::Dropped;
use crate::model::{Code, Diagnostic, Severity};
use crate::text::is_space;

#[derive(Clone, Copy, Debug, Default)]
pub struct Shape {
    pub empty: bool,
    pub binary: bool,
    pub cjk: usize,
    pub letters: usize,
}

/// Looks at the input as a whole. Linear, one pass over the bytes.
pub fn inspect(input: &str) -> Shape {
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
    shape.empty = input.chars().all(|c| c.is_whitespace() || is_space(c));
    // Text decoded from a binary file is full of NULs or replacement characters.
    shape.binary = !shape.empty && (nul * 100 > chars || replacement * 20 > chars);
    shape
}

/// What the reader should know before reading the outline: nothing to read, not text, control
/// characters dropped.
pub fn diagnostics(input: &str, shape: &Shape, dropped: &Dropped) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if shape.empty {
        out.push(Diagnostic::new(
            Code::EmptyInput,
            Severity::Error,
            0,
            if input.is_empty() {
                "the input is empty: paste or open the text of some minutes"
            } else {
                "the input holds only spaces and line breaks"
            },
        ));
        return out;
    }
    if shape.binary {
        let chars = input.chars().count();
        let nul = input.bytes().filter(|&b| b == 0).count();
        let replacement = input.chars().filter(|&c| c == '\u{fffd}').count();
        out.push(Diagnostic::new(
            Code::BinaryInput,
            Severity::Error,
            0,
            format!(
                "this does not look like text ({nul} NUL and {replacement} undecodable characters in {chars}); is it a PDF or Word file rather than its text?"
            ),
        ));
    }
    if dropped.control > 0 {
        out.push(Diagnostic::new(
            Code::ControlCharacters,
            Severity::Info,
            dropped.first_control_line,
            format!(
                "{} control characters were ignored (first on this line)",
                dropped.control
            ),
        ));
    }
    out
}

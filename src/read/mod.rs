//! Stage 1, reading: what kind of input this is ([`shape`]), its lines without the conversion's
//! decoration ([`lines`]), and what each line starts with ([`classify`]).

pub mod classify;
pub mod lines;
pub mod shape;

pub use classify::{classify, Class, Head};
pub use lines::{Line, Shape as LineShape};

use crate::model::Diagnostic;

/// What the reader of the input hands on: its lines, and what it noticed.
pub struct Read<'a> {
    pub lines: Vec<Line<'a>>,
    pub shape: shape::Shape,
    pub diagnostics: Vec<Diagnostic>,
}

/// The list level (0–9) a line's hint gives, if it gives one.
pub fn list_level(hint: u8) -> Option<u8> {
    (1..=10).contains(&hint).then(|| hint - 1)
}

/// Reads the input. `hints` (one byte per line, may be empty) is what a reader of the original
/// file knew: see [`crate::parse_with`].
pub fn read<'a>(input: &'a str, hints: &[u8]) -> Read<'a> {
    let shape = shape::inspect(input);
    let (mut lines, dropped) = lines::split(input);
    for (line, &h) in lines.iter_mut().zip(hints) {
        line.hint = h;
        // Page furniture (a running header, a footer, a page number) is kept out of the tree.
        if h == crate::HINT_FURNITURE && line.shape == lines::Shape::Content {
            line.shape = lines::Shape::Page;
        }
    }
    let diagnostics = shape::diagnostics(input, &shape, &dropped);
    Read {
        lines,
        shape,
        diagnostics,
    }
}

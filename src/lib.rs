//! Recovers the outline of Taiwanese government meeting minutes (會議紀錄) from flat text: the
//! numbering tree (壹、> 一、> (一) > 1、> (1) > A.), the labelled fields (案由、說明、決定), the
//! meeting's header (date, place, chair, attendees) and the facts inside (dates, amounts,
//! percentages, reporting units), with diagnostics for what it could not understand.
//!
//! ```
//! let doc = minutes_outline::parse("壹、報告事項\n案由一：工作報告。\n決定：洽悉。\n");
//! let first = doc.roots().next().unwrap();
//! assert_eq!(doc.marker(first), "壹、");
//! assert_eq!(doc.text(first), "報告事項");
//! ```
//!
//! The data flows one way, a stage a module, each returning what it makes:
//! [`read`] (lines without conversion decoration, what each starts with) → [`build`] (the tree,
//! in the arena of [`tree`]) → [`header`] (the meeting) → [`facts`] (dates, amounts) →
//! [`units`] (reporting units) → [`review`] (what makes the outline doubtful). They share
//! [`model`] (the public types), [`text`] (characters), [`lexicon`] (the word lists, as data)
//! and [`scan`] (small recognisers). [`emit`] holds the consumers (JSON, flat columns, plain
//! text); the WebAssembly boundary and the CLI are thin layers over [`parse`].

pub mod build;
pub mod emit;
pub mod facts;
// The document readers: natively, and in their own wasm (never in the parser's).
#[cfg(any(not(target_arch = "wasm32"), feature = "formats-wasm"))]
pub mod formats;
pub mod header;
pub mod lexicon;
pub mod model;
pub mod read;
pub mod review;
pub mod scan;
pub mod text;
pub mod tree;
pub mod units;

// The parser's wasm, or (built with `formats-wasm`) the document readers' (src/formats/wasm.rs).
#[cfg(all(target_arch = "wasm32", not(feature = "formats-wasm")))]
mod wasm;

pub use emit::outline;
pub use facts::{Fact, Facts};
pub use model::*;
pub use tree::{Node, NodeId, Span, Tree};
pub use units::Units;

/// A line hint (see [`parse_with`]): the line is page furniture, a running header, footer or
/// page number, kept out of the tree.
pub const HINT_FURNITURE: u8 = 255;

/// The parsed minutes: the tree (which a `Document` derefs to, so `doc.nodes`, `doc.text(id)`
/// and `doc.children(id)` read it) and what the later stages found. Borrows the input.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    pub tree: Tree<'a>,
    pub meta: Meta,
    pub facts: Facts,
    pub units: Units,
    pub diagnostics: Vec<Diagnostic>,
    /// Page-number lines, which carry no content: (line, text).
    pub pages: Vec<(u32, Span)>,
    /// Lines in the input.
    pub line_count: u32,
    /// The first node of the body: those before it are the front matter (title lines, header
    /// fields, web-page chrome), which [`Document::meta`] reads.
    pub body_start: NodeId,
}

impl<'a> std::ops::Deref for Document<'a> {
    type Target = Tree<'a>;
    fn deref(&self) -> &Tree<'a> {
        &self.tree
    }
}

impl Document<'_> {
    /// The facts found in the node's text.
    pub fn facts(&self, id: NodeId) -> &[Fact] {
        self.facts.of(id)
    }

    /// The reporting unit the node belongs to.
    pub fn unit(&self, id: NodeId) -> Option<&str> {
        self.units.of(id)
    }
}

/// Parses minutes text into a [`Document`]. Never fails and never panics: what it cannot
/// understand it keeps as paragraphs and reports in [`Document::diagnostics`].
pub fn parse(input: &str) -> Document<'_> {
    parse_with(input, &[])
}

/// [`parse`], with what a reader of the original file (an `.odt`, `.docx` or PDF) knew about
/// each line of `input`: one byte a line, 0 for nothing, `level + 1` for a list paragraph at
/// list level `level` (0–9), [`HINT_FURNITURE`] for a running header, footer or page number.
/// Lines past the end of `hints` know nothing.
pub fn parse_with<'a>(input: &'a str, hints: &[u8]) -> Document<'a> {
    let read = read::read(input, hints);
    let built = build::build(input, &read.lines);
    let (meta, header_notes) = header::read(&built.tree, built.body_start);
    let (facts, fact_notes) = facts::find(&built.tree, &meta);
    let units = units::assign(&built.tree);
    let review = review::review(
        &built.tree,
        &review::Seen {
            shape: &read.shape,
            meta: &meta,
            body_start: built.body_start,
            bare_numbers: &built.bare_numbers,
        },
    );
    let mut diagnostics = read.diagnostics;
    diagnostics.extend(built.diagnostics);
    diagnostics.extend(header_notes);
    diagnostics.extend(fact_notes);
    diagnostics.extend(review);
    text::sort_by_key(&mut diagnostics, |d| d.line as u64);
    Document {
        tree: built.tree,
        meta,
        facts,
        units,
        diagnostics,
        pages: built.pages,
        line_count: built.line_count,
        body_start: built.body_start,
    }
}

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
//! The data flows through one module per stage, each readable top to bottom:
//! [`normalise`] (what kind of input this is) → [`lines`] (lines without conversion
//! decoration) → [`classify`] (what each line starts with) → [`firstpass`] (the tree, in the
//! arena of [`tree`]) → [`header`] (the meeting's metadata) → [`extract`] (dates, amounts,
//! units). [`model`] is the serialisable data model and [`outline`] a plain-text rendering;
//! the WebAssembly boundary and the CLI are thin layers over [`parse`].

pub mod classify;
pub mod extract;
pub mod firstpass;
pub mod flat;
// The document readers: natively, and in their own wasm (never in the parser's).
#[cfg(any(not(target_arch = "wasm32"), feature = "formats-wasm"))]
pub mod formats;
pub mod header;
pub mod lines;
pub mod model;
pub mod normalise;
pub mod outline;
pub mod scanners;
pub mod tree;

// The parser's wasm, or (built with `formats-wasm`) the document readers' (src/formats/wasm.rs).
#[cfg(all(target_arch = "wasm32", not(feature = "formats-wasm")))]
mod wasm;

pub use model::*;
pub use tree::{Document, Node, NodeId, Span};

/// Parses minutes text into a [`Document`]. Never fails and never panics: what it cannot
/// understand it keeps as paragraphs and reports in [`Document::diagnostics`].
pub fn parse(input: &str) -> Document<'_> {
    let mut doc = Document::new(input);
    let kind = normalise::inspect(input, &mut doc.diagnostics);
    let (lines, dropped) = lines::split(input);
    normalise::report_dropped(dropped, &mut doc.diagnostics);
    firstpass::build(&lines, &mut doc);
    header::read(&mut doc);
    extract::run(&mut doc);
    normalise::report_shape(kind, &mut doc);
    tree::sort_by_key(&mut doc.diagnostics, |d| d.line as u64);
    doc
}

//! Stage 6, a last look at the outline as a whole: what makes it doubtful, said where the
//! reader looks (the component shows warnings first, above the outline). Reads the tree and the
//! meeting; changes nothing.
//!
//! - `not-chinese`: the parser reads Taiwanese minutes; an English text gets a plain outline;
//! - `no-structure`: nothing numbered, labelled or sectioned was found;
//! - `heading-holds-items`: numbered items hang under a line without a number that may not be
//!   a title at all (a name or the tail of a wrapped sentence on its own line);
//! - `top-level-fragments`: paragraphs stand outside every part of a meeting that has parts;
//! - `bare-numbers`: numbers alone on their lines were kept as text, though they may be page
//!   numbers;
//! - `header-unreadable`: the header has fields, but no date could be read from them;
//! - `lines-lost`: a page was run together onto one line (a document-sharing site's copy), so
//!   the parts inside it are not items.

use crate::lexicon;
use crate::model::{Code, Diagnostic, Kind, Meta, Severity};
use crate::read::shape::Shape;
use crate::tree::{NodeId, Tree, NONE};

/// What the review reads besides the tree.
pub struct Seen<'s> {
    pub shape: &'s Shape,
    pub meta: &'s Meta,
    pub body_start: NodeId,
    /// Lines that hold only a number and were kept as text.
    pub bare_numbers: &'s [u32],
    /// Lines that hold a page run together ([`crate::scan::runon`]).
    pub run_on: &'s [u32],
}

pub fn review(tree: &Tree, seen: &Seen) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let shape = seen.shape;
    if shape.empty || shape.binary {
        return out;
    }
    if shape.letters >= 20 && shape.cjk * 5 < shape.letters {
        out.push(Diagnostic::new(
            Code::NotChinese,
            Severity::Warning,
            0,
            "the text is mostly not Chinese; the parser reads Taiwanese minutes and may miss this document's structure",
        ));
    }
    if let Some(&line) = seen.run_on.first() {
        let more = match seen.run_on.len() {
            1 => String::new(),
            n => format!(" (and {} more such lines)", n - 1),
        };
        out.push(Diagnostic::new(
            Code::LinesLost,
            Severity::Warning,
            line,
            format!("this line holds a whole page run together, its line breaks lost in copying{more}: the numbered parts inside it are not shown as items; the original file would give a better outline"),
        ));
    }
    let numbered = tree
        .nodes
        .iter()
        .any(|n| !n.marker.is_empty() || n.label.is_some() || n.part.is_some());
    if !numbered && !tree.nodes.is_empty() {
        let paragraphs = tree
            .nodes
            .iter()
            .filter(|n| n.kind == Kind::Paragraph)
            .count();
        out.push(Diagnostic::new(
            Code::NoStructure,
            Severity::Warning,
            0,
            format!("no numbering, labels or sections were found; the outline is {paragraphs} paragraphs in order"),
        ));
        return out;
    }
    headings(tree, &mut out);
    fragments(tree, seen.body_start, &mut out);
    if let Some(&first) = seen.bare_numbers.first() {
        let n = seen.bare_numbers.len();
        out.push(Diagnostic::new(
            Code::BareNumbers,
            Severity::Warning,
            first,
            format!("{n} line(s) hold only a number (first on this line); they were kept as text, but may be page numbers"),
        ));
    }
    let has_fields = (0..seen.body_start as usize)
        .any(|id| tree.nodes.get(id).is_some_and(|n| n.kind == Kind::Field));
    if has_fields && seen.meta.date.is_none() && seen.meta.start.is_none() {
        let line = tree.nodes.first().map_or(0, |n| n.line);
        out.push(Diagnostic::new(
            Code::HeaderUnreadable,
            Severity::Warning,
            line,
            "the header has fields, but no date of the meeting could be read from them",
        ));
    }
    out
}

/// A heading that holds numbered items and looks like something else: a person's name alone
/// (`王志明`), or the rest of a sentence that the line before left unfinished.
fn headings(tree: &Tree, out: &mut Vec<Diagnostic>) {
    for (id, n) in tree.nodes.iter().enumerate() {
        if n.kind != Kind::Heading {
            continue;
        }
        let holds = tree
            .children(id as NodeId)
            .any(|c| !tree.node(c).marker.is_empty());
        if !holds {
            continue;
        }
        let text = tree.text(id as NodeId);
        let chars: Vec<char> = text.chars().collect();
        let name = (2..=4).contains(&chars.len())
            && lexicon::is_surname(chars[0])
            && crate::scan::unit::unit_name(&text).is_none();
        // The node just before it in document order.
        let after_cut = (id as NodeId).checked_sub(1).is_some_and(|p| {
            let t = tree.text(p);
            t.chars()
                .next_back()
                .is_some_and(|c| crate::text::is_continuing(c) && c != '（')
        });
        if name || after_cut {
            out.push(Diagnostic::new(
                Code::HeadingHoldsItems,
                Severity::Warning,
                n.line,
                format!("the numbered items below are placed under “{text}”, a line without a number that may not be a title"),
            ));
        }
    }
}

/// Paragraphs at the top level of a body whose other top-level nodes are parts of the meeting.
fn fragments(tree: &Tree, body_start: NodeId, out: &mut Vec<Diagnostic>) {
    let mut parts = 0;
    let mut loose: Vec<u32> = Vec::new();
    for id in tree.roots() {
        if id < body_start {
            continue;
        }
        let n = tree.node(id);
        match n.kind {
            Kind::Paragraph | Kind::Heading => loose.push(n.line),
            _ if n.parent == NONE => parts += 1,
            _ => {}
        }
    }
    if parts >= 2 && loose.len() >= 3 {
        out.push(Diagnostic::new(
            Code::TopLevelFragments,
            Severity::Warning,
            loose[0],
            format!("{} paragraphs stand outside every part of the meeting (first on this line); the outline may have lost their place", loose.len()),
        ));
    }
}

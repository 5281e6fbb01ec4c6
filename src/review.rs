//! Stage 6, a last look at the outline as a whole: what makes it doubtful, said where the
//! reader looks (the component shows these first). Reads the tree; changes nothing.

use crate::model::{Code, Diagnostic, Kind, Severity};
use crate::read::shape::Shape;
use crate::tree::Tree;

pub fn review(tree: &Tree, shape: &Shape) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if shape.empty || shape.binary {
        return out;
    }
    if shape.letters >= 20 && shape.cjk * 5 < shape.letters {
        out.push(Diagnostic::new(
            Code::NotChinese,
            Severity::Info,
            0,
            "the text is mostly not Chinese; the parser reads Taiwanese minutes and may miss this document's structure",
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
    }
    out
}

//! The outline as plain text, one node a line, indented by depth: what the CLI prints and
//! what `tests/expected/*.outline` hold for review.
//!
//! ```text
//!    23   agenda  案由一：本部重要會議指（裁）示事項追蹤列管辦理情形案，報請公鑒。 ⟨數位策略司⟩
//!    26     label  決定：
//!    28       item  一、洽悉。
//! ```
//! A unit in ⟨⟩ marks where a node's reporting unit changes from its parent's.

use crate::tree::NONE;
use crate::Document;
use std::fmt::Write;

/// Long texts keep their head and tail, which is where joins and glued markers show.
fn preview(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 48 {
        return text.to_string();
    }
    let head: String = chars[..36].iter().collect();
    let tail: String = chars[chars.len() - 8..].iter().collect();
    format!("{head}…{tail}")
}

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    // Document order is depth-first order: no recursion needed.
    for (id, n) in doc.nodes.iter().enumerate() {
        let id = id as u32;
        let indent = "  ".repeat(n.depth as usize);
        let _ = write!(out, "{:>5} {indent}{:<9} ", n.line, n.kind.name());
        if let Some(t) = n.table.checked_sub(0).filter(|&t| t != NONE) {
            let rows = &doc.tables[t as usize].rows;
            let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
            let first: Vec<String> = rows
                .first()
                .map(|r| r.iter().map(|c| doc.cell(c).into_owned()).collect())
                .unwrap_or_default();
            let _ = write!(out, "{} rows × {cols}: {}", rows.len(), first.join(" | "));
        } else {
            let marker = doc.marker(id);
            out.push_str(&marker);
            out.push_str(&preview(&doc.text(id)));
        }
        let unit = doc.units.of_node[id as usize];
        let parent_unit = if n.parent == NONE {
            NONE
        } else {
            doc.units.of_node[n.parent as usize]
        };
        if unit != parent_unit && unit != NONE {
            let _ = write!(out, " ⟨{}⟩", doc.units.names[unit as usize]);
        }
        out.push('\n');
    }
    out
}

/// The diagnostics, one a line.
pub fn render_diagnostics(doc: &Document) -> String {
    let mut out = String::new();
    for d in &doc.diagnostics {
        let sev = match d.severity {
            crate::model::Severity::Error => "error",
            crate::model::Severity::Warning => "warning",
            crate::model::Severity::Info => "info",
        };
        let _ = writeln!(out, "{:>5} {sev}[{}] {}", d.line, d.code.name(), d.message);
    }
    out
}

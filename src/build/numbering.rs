//! What the numbering says is wrong, as diagnostics: an item that skips or repeats a number, a
//! series that starts in the middle, an agenda counter out of order, a style used at two
//! depths. The outline keeps the numbers as written (a source gap `一、` → `三、` stays).

use super::Builder;
use crate::model::{Code, Diagnostic, Kind, Severity, Style};
use crate::scan::Marker;
use crate::tree::{NodeId, NONE};

impl Builder<'_, '_> {
    /// `m` follows item `before` of its style without continuing it.
    pub(super) fn numbering_slip(&mut self, m: &Marker, written: &str, before: u32, line: u32) {
        let expected = m.style.format(before + 1);
        let (code, what) = if m.ordinal > before + 1 || (m.ordinal == before + 1 && m.sub > 0) {
            (Code::NumberingGap, "skips")
        } else {
            (Code::NumberingRepeat, "repeats or goes back")
        };
        self.diagnostics.push(
            Diagnostic::new(
                code,
                Severity::Warning,
                line,
                format!(
                    "numbering {what}: expected {expected} after {}, found {written}",
                    m.style.format(before)
                ),
            )
            .expected(expected, written),
        );
    }

    /// A new series that starts at `m` rather than at 1.
    pub(super) fn numbering_start(&mut self, m: &Marker, written: &str, line: u32) {
        let expected = m.style.format(1);
        self.diagnostics.push(
            Diagnostic::new(
                Code::NumberingStart,
                Severity::Info,
                line,
                format!("a new series starts at {written} instead of {expected}"),
            )
            .expected(expected, written),
        );
    }

    /// An agenda counter that does not follow the one before.
    pub(super) fn counter_slip(&mut self, before: u32, ordinal: u32, written: &str, line: u32) {
        let code = if ordinal > before + 1 {
            Code::NumberingGap
        } else {
            Code::NumberingRepeat
        };
        self.diagnostics.push(
            Diagnostic::new(
                code,
                Severity::Warning,
                line,
                format!(
                    "agenda numbering: expected item {} after item {before}, found {written}",
                    before + 1
                ),
            )
            .expected((before + 1).to_string(), written),
        );
    }

    /// Counts the numbered ancestors (labels and headings do not count) of a new item under
    /// `parent`, and reports a style that shows up at two such depths.
    pub(super) fn check_style_depth(
        &mut self,
        style: Style,
        parent: NodeId,
        written: &str,
        line: u32,
    ) {
        if parent != NONE && self.tree.node(parent).kind == Kind::Label {
            return; // a label opens its own series (FORMAT.md §2)
        }
        let mut depth = 0u32;
        let mut p = parent;
        while p != NONE {
            let n = self.tree.node(p);
            if !n.marker.is_empty() || matches!(n.kind, Kind::Section | Kind::Appendix) {
                depth += 1;
            }
            p = n.parent;
        }
        match self.style_depth.get(&style) {
            None => {
                self.style_depth.insert(style, (depth, line));
            }
            Some(&(d, first)) if d != depth && first != 0 => {
                self.diagnostics.push(
                    Diagnostic::new(
                        Code::StyleDepth,
                        Severity::Info,
                        line,
                        format!(
                            "{written} is at numbering depth {} here but at depth {} on line {first}",
                            depth + 1,
                            d + 1
                        ),
                    )
                    .expected((d + 1).to_string(), (depth + 1).to_string()),
                );
                // Say it once per style.
                self.style_depth.insert(style, (d, 0));
            }
            _ => {}
        }
    }
}

//! Tables: tab-separated rows (a Word or spreadsheet copy) and Markdown pipe rows.

use super::Builder;
use crate::model::Kind;
use crate::read::lines::{self, Dropped};
use crate::read::{Class, LineShape as Shape};
use crate::scan;
use crate::text::is_space;
use crate::tree::{Span, Table};

impl Builder<'_, '_> {
    // ----- tables --------------------------------------------------------------------------

    /// Adds the line to a table when it is a row of one; true if it was.
    pub(super) fn table_row(&mut self, i: usize, class: &Class) -> bool {
        let line = &self.lines[i];
        let tab = if class.pipe_row {
            false
        } else if line.raw.contains('\t') {
            let continuing = matches!(self.table, Some((_, true)));
            let starts = line.inner_tab()
                && !tab_is_spacing(line.raw)
                && self
                    .lines
                    .get(i + 1)
                    .is_some_and(|l| l.shape == Shape::Content && l.raw.contains('\t'));
            if !(continuing || starts) {
                return false;
            }
            true
        } else {
            return false;
        };
        let node = match self.table {
            Some((node, t)) if t == tab => node,
            _ => {
                if self.front.open {
                    self.end_front();
                }
                let parent = self.top();
                let node = self.add(parent, Kind::Table, line.number);
                self.tree.nodes[node as usize].table = self.tree.tables.len() as u32;
                self.tree.tables.push(Table::default());
                self.table = Some((node, tab));
                node
            }
        };
        self.last = None;
        let mut row = Vec::new();
        if tab {
            // Cells from the raw line: its leading tabs are empty cells, not indentation.
            let mut at = line.start;
            for cell in line.raw.split('\t') {
                let (_, pieces) = lines::inline(cell, at, line.number, &mut Dropped::default());
                row.push(self.cell_spans(pieces.iter().map(|p| (p.input, p.input + p.len))));
                at += cell.len() as u32 + 1;
            }
        } else {
            let text: &str = &line.text;
            let inner = &text[1..text.len() - 1];
            let mut at = 1;
            for cell in inner.split('|') {
                let lead = cell.len() - cell.trim_start_matches(is_space).len();
                let t = cell.trim_matches(is_space);
                let ranges: Vec<(u32, u32)> =
                    line.input_ranges(at + lead, at + lead + t.len()).collect();
                row.push(self.cell_spans(ranges.into_iter()));
                at += cell.len() + 1;
            }
        }
        let t = self.tree.nodes[node as usize].table as usize;
        self.tree.tables[t].rows.push(row);
        let end = self.tree.spans.len() as u32;
        let n = &mut self.tree.nodes[node as usize];
        n.end_line = line.number;
        n.text.end = end;
        true
    }

    /// Adds a cell's spans. They are also the table node's text, cells apart by a space, so
    /// that a table is searched and its dates and amounts found like any text.
    pub(super) fn cell_spans(
        &mut self,
        ranges: impl Iterator<Item = (u32, u32)>,
    ) -> std::ops::Range<u32> {
        let from = self.tree.spans.len() as u32;
        for (start, end) in ranges {
            if start < end {
                let first = self.tree.spans.len() as u32 == from;
                self.tree.spans.push(Span {
                    start,
                    end,
                    space: first,
                });
            }
        }
        from..self.tree.spans.len() as u32
    }
}

/// A tab that only separates a marker or a label from its text (`一、\t時間`), as Word
/// exports do, is spacing rather than a table.
fn tab_is_spacing(raw: &str) -> bool {
    let t = raw.trim_start_matches(is_space);
    let Some((first, _)) = t.split_once('\t') else {
        return false;
    };
    let first = first.trim_end_matches(is_space);
    first.ends_with(['：', ':'])
        || scan::marker(first).is_some_and(|m| m.len == first.len())
        || scan::counter(first).is_some_and(|c| c.len == first.len())
}

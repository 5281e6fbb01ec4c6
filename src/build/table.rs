//! Tables: tab-separated rows (a Word or spreadsheet copy), Markdown pipe rows, and forms a
//! PDF conversion flattened into lines (a 綜理表 of petitions, whose cells hold numbered lists
//! that are no items of the minutes).

use super::Builder;
use crate::lexicon;
use crate::model::Kind;
use crate::read::lines::{self, Dropped};
use crate::read::{Class, Head, LineShape as Shape};
use crate::scan;
use crate::text::is_space;
use crate::tree::{NodeId, Span, Table};

/// How many lines after a table's title its first row must start.
const FORM_LOOKAHEAD: usize = 4;

/// The text with its spaces taken out starts with a form's cell word (`編 號`, `陳情理由`).
fn form_cell(text: &str) -> bool {
    let t: String = text.chars().filter(|&c| !is_space(c)).take(8).collect();
    lexicon::FORM_CELLS.iter().any(|w| t.starts_with(w))
}

impl Builder<'_, '_> {
    /// Whether line `i` names a table whose rows a conversion flattened into lines: a short line
    /// ending with a table's name (`…意見綜理表`), then, within a few lines, rows that start with
    /// a form's cell words.
    fn form_starts(&self, i: usize, class: &Class) -> bool {
        let t = self.lines[i].key();
        class.head == Head::None
            && class.label.is_none()
            && t.chars().count() <= 40
            && lexicon::TABLE_TITLES.iter().any(|w| t.ends_with(w))
            && self.lines[i + 1..]
                .iter()
                .filter(|l| l.shape == Shape::Content)
                .take(FORM_LOOKAHEAD)
                .any(|l| form_cell(l.key()))
    }

    /// Adds line `i` to the flattened form being read, or starts one; true if it did. The form
    /// ends at what plainly is the minutes again: an agenda counter, a section, or an item that
    /// continues a list open before the form.
    pub(super) fn form_row(&mut self, i: usize, class: &Class) -> bool {
        let node = match self.form {
            Some(node) => {
                let ends = match class.head {
                    Head::Counter(_) => true,
                    Head::Marker(m) => self.continues_open(&m),
                    Head::None => class.part.is_some(),
                };
                if ends {
                    self.form = None;
                    return false;
                }
                node
            }
            None if self.form_starts(i, class) => {
                if self.front.open {
                    self.end_front();
                }
                let node = self.new_table(i);
                self.form = Some(node);
                node
            }
            None => return false,
        };
        // Cells are what wide gaps separate.
        let line = &self.lines[i];
        let text: &str = &line.text;
        let mut row = Vec::new();
        for (from, to) in split_wide(text) {
            let ranges: Vec<(u32, u32)> = line.input_ranges(from, to).collect();
            row.push(self.cell_spans(ranges.into_iter()));
        }
        self.push_row(node, i, row);
        true
    }

    fn new_table(&mut self, i: usize) -> NodeId {
        let parent = self.top();
        let node = self.add(parent, Kind::Table, self.lines[i].number);
        self.tree.nodes[node as usize].table = self.tree.tables.len() as u32;
        self.tree.tables.push(Table::default());
        node
    }

    fn push_row(&mut self, node: NodeId, i: usize, row: Vec<std::ops::Range<u32>>) {
        self.last = None;
        let t = self.tree.nodes[node as usize].table as usize;
        self.tree.tables[t].rows.push(row);
        let end = self.tree.spans.len() as u32;
        let n = &mut self.tree.nodes[node as usize];
        n.end_line = self.lines[i].number;
        n.text.end = end;
    }

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

/// The cells of a flattened form's line: byte ranges of the text that two or more spaces (or an
/// ideographic space) set apart.
fn split_wide(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut gap = 0;
    let mut gap_at = 0;
    for (k, c) in text.char_indices() {
        if is_space(c) {
            if gap == 0 {
                gap_at = k;
            }
            gap += if c == ' ' { 1 } else { 2 };
            continue;
        }
        if gap >= 2 {
            if let Some(s) = start.take() {
                out.push((s, gap_at));
            }
        }
        gap = 0;
        if start.is_none() {
            start = Some(k);
        }
    }
    if let Some(s) = start {
        out.push((s, text.trim_end_matches(is_space).len()));
    }
    out
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

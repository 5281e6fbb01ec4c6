//! Stage 4: the outline tree. Walks the lines once, keeping a stack of the items that are open
//! (the chain of ancestors of whatever comes next), and decides for each line where it goes.
//!
//! The rules, from FORMAT.md §2:
//! - the level of a marker style is where it first appears inside its parent, not a table;
//! - a sequence that continues (2 after 1, also from `1、` to `3.`) is siblings, wherever the
//!   previous item is in the stack;
//! - a style that starts again at 1 inside an item is a new, deeper series;
//! - labels (`說明：`, `決議：`) are siblings of each other under their agenda item, and hold
//!   the series that starts below them;
//! - a line without a number that is short and unpunctuated heads the items below it;
//! - text without a marker continues the last item when it was cut by a page break or a hard
//!   line wrap, and is otherwise a paragraph under the innermost open item.

use crate::classify::{classify, Class, Head};
use crate::lines::{self, Dropped, Line, Shape};
use crate::model::{Diagnostic, Kind, Severity};
use crate::scanners::{
    self, is_continuing, is_tail_start, is_terminal, skip_spaces, width, width_and_chars, Marker,
    Numeral, Part, Role, Style,
};
use crate::tree::{Document, NodeId, Span, Table, MAX_DEPTH, NONE};
use std::collections::HashMap;

/// How many lines ahead a label looks to see whether the list before it goes on.
const LOOKAHEAD: usize = 60;

/// What an entry of the stack is, for the rules that look for their like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Marker(Style),
    Counter(&'static str),
    Label,
    Heading,
    Section,
    Appendix,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    node: NodeId,
    open: Open,
    ordinal: u32,
    sub: u32,
    /// A blank line came before the item.
    blank_before: bool,
    /// The item names its reporting unit inline, `（報告單位：…）`.
    unit_field: bool,
    /// Its line's indentation.
    indent: u16,
}

/// Where the last `（報告單位：…）` or the like starts in a line. An item's text is the rest of
/// its line, so it names a unit when one starts at or after it; searching the rest again for
/// each item glued onto a long line would take time quadratic in its length.
fn last_unit_field(text: &str) -> Option<usize> {
    if !text.contains("單位") {
        return None;
    }
    ["報告單位", "提案單位", "主辦單位", "承辦單位"]
        .iter()
        .filter_map(|w| text.rfind(w))
        .max()
}

/// The node a following line of text may continue, and how its last line ended.
#[derive(Clone, Copy, Debug)]
struct Last {
    node: NodeId,
    /// Ends with 。；： and the like.
    terminated: bool,
    /// Ends with ，、（ and the like: the sentence goes on.
    continuing: bool,
    /// The last line has clause punctuation inside: it is running text, not a title.
    prose: bool,
    /// Characters and display width of the last line.
    chars: usize,
    width: usize,
    /// Ends with a Latin letter or digit: a wrapped English word needs a space.
    latin_end: bool,
    /// A header list (出席人員：…) whose names may run over several lines.
    list: bool,
}

struct Builder<'l, 'a> {
    doc: &'l mut Document<'a>,
    lines: &'l [Line<'a>],
    stack: Vec<Entry>,
    /// Still in the header block (title lines and fields, before any agenda).
    header: bool,
    /// Title lines and header fields seen so far.
    titles: u32,
    fields: bool,
    last: Option<Last>,
    /// The width at which the text was hard-wrapped, if it was.
    wrap: Option<Wrap>,
    /// Each line's display width and characters.
    sizes: Vec<(usize, usize)>,
    /// The table being filled and whether its rows are tab- or pipe-separated.
    table: Option<(NodeId, bool)>,
    /// Structural depth where each marker style was first seen, and on which line.
    style_depth: HashMap<Style, (u32, u32)>,
    depth_capped: bool,
    /// [`last_unit_field`] of the line being read: (line index, result).
    unit_at: Option<(usize, Option<usize>)>,
}

pub fn build<'a>(lines: &[Line<'a>], doc: &mut Document<'a>) {
    let sizes: Vec<(usize, usize)> = lines.iter().map(|l| width_and_chars(&l.text)).collect();
    doc.line_count = lines.len() as u32;
    let mut b = Builder {
        wrap: wrap_width(lines, &sizes),
        sizes,
        doc,
        lines,
        stack: Vec::new(),
        header: true,
        titles: 0,
        fields: false,
        last: None,
        table: None,
        style_depth: HashMap::new(),
        depth_capped: false,
        unit_at: None,
    };
    b.run();
}

/// The width hard-wrapped text was cut at: the 95th percentile of line widths, which in a
/// wrapped document is the width of its full lines (in a document of one paragraph a line, it
/// is the longest paragraphs', which no wrapped-looking line reaches).
fn wrap_width(lines: &[Line], sizes: &[(usize, usize)]) -> Option<Wrap> {
    let content = lines
        .iter()
        .zip(sizes)
        .filter(|(l, _)| l.shape == Shape::Content && !l.raw.contains('\t'));
    let mut widths: Vec<usize> = content.clone().map(|(_, s)| s.0).collect();
    let mut chars: Vec<usize> = content.map(|(_, s)| s.1).collect();
    if widths.len() < 6 {
        return None;
    }
    crate::tree::sort_by_key(&mut widths, |&w| w as u64);
    crate::tree::sort_by_key(&mut chars, |&c| c as u64);
    let at = widths.len() * 95 / 100;
    Some(Wrap {
        width: widths[at],
        chars: chars[at],
    })
}

/// Where hard-wrapped text was cut, in display columns and in characters (a converter may
/// have counted either).
#[derive(Clone, Copy, Debug)]
struct Wrap {
    width: usize,
    chars: usize,
}

/// A short line without clause punctuation: a title rather than a sentence.
fn heading_like(text: &str, max_width: usize) -> bool {
    let w = width(text);
    let (Some(first), Some(last)) = (text.chars().next(), text.chars().next_back()) else {
        return false;
    };
    (4..=max_width).contains(&w)
        && !is_terminal(last)
        && !is_continuing(last)
        && !is_tail_start(first)
        && !has_clause_punctuation(text)
        && !ascii_field(text)
}

/// `Apologies: Peter Huang`: a field in English, not a title.
fn ascii_field(text: &str) -> bool {
    let head = text.split([':', '：']).next().unwrap_or("");
    head.len() < text.len()
        && !head.is_empty()
        && head.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ')
}

/// Running text: clause punctuation inside or a full stop at the end.
fn prose(text: &str) -> bool {
    has_clause_punctuation(text) || text.chars().next_back().is_some_and(is_terminal)
}

/// `，` `。` `；` in the text, found by their UTF-8 bytes (EF BC 8C, E3 80 82, EF BC 9B).
fn has_clause_punctuation(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| {
        matches!(
            w,
            [0xef, 0xbc, 0x8c] | [0xe3, 0x80, 0x82] | [0xef, 0xbc, 0x9b]
        )
    })
}

fn ends_terminated(text: &str) -> bool {
    let mut it = text.chars().rev();
    match it.next() {
        Some(c) if is_terminal(c) => true,
        // 。」 and 。） end a sentence too.
        Some('」' | '）' | ')' | '』') => {
            it.next().is_some_and(|c| matches!(c, '。' | '！' | '？'))
        }
        _ => false,
    }
}

impl<'a> Builder<'_, 'a> {
    fn run(&mut self) {
        let lines = self.lines;
        let mut blanks = 0u32;
        let mut page_break = false;
        for (i, line) in lines.iter().enumerate() {
            page_break |= line.after_form_feed;
            match line.shape {
                Shape::Blank => {
                    blanks += 1;
                    self.table = None;
                    continue;
                }
                Shape::TableRule => continue,
                Shape::Page => {
                    self.page(line);
                    page_break = true;
                    self.table = None;
                    continue;
                }
                Shape::Content => {}
            }
            if self.bare_page_number(i) {
                self.page(line);
                page_break = true;
                self.table = None;
                continue;
            }
            let class = classify(&line.text);
            if self.table_row(i, &class) {
                blanks = 0;
                page_break = false;
                continue;
            }
            self.table = None;
            let mut next = self.segment(i, 0, class, blanks, page_break);
            // What a marker glued onto the line opens.
            while let Some(from) = next {
                next = self.segment(i, from, classify(&line.text[from..]), 0, false);
            }
            blanks = 0;
            page_break = false;
        }
    }

    fn page(&mut self, line: &Line) {
        if let Some(p) = line.pieces.first() {
            let span = Span {
                start: p.input,
                end: p.input + p.len,
                space: false,
            };
            self.doc.pages.push((line.number, span));
        }
    }

    /// A number of up to four digits alone between empty lines: a page number from a PDF.
    fn bare_page_number(&self, i: usize) -> bool {
        let t: &str = &self.lines[i].text;
        if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        // Control characters are not there, as everywhere.
        let empty = |j: Option<&Line>| {
            j.is_none_or(|l| {
                l.raw
                    .chars()
                    .all(|c| scanners::is_space(c) || c.is_control())
            })
        };
        empty(i.checked_sub(1).and_then(|j| self.lines.get(j))) && empty(self.lines.get(i + 1))
    }

    // ----- the stack -----------------------------------------------------------------------

    fn top(&self) -> NodeId {
        self.stack.last().map_or(NONE, |e| e.node)
    }

    fn open(&mut self, node: NodeId, open: Open, ordinal: u32, sub: u32) {
        self.stack.push(Entry {
            node,
            open,
            ordinal,
            sub,
            blank_before: false,
            unit_field: false,
            indent: 0,
        });
    }

    /// Adds a node under `parent`, or, past [`MAX_DEPTH`], under the deepest ancestor that
    /// still has room (and says so once).
    fn add(&mut self, parent: NodeId, kind: Kind, line: u32) -> NodeId {
        let mut parent = parent;
        if parent != NONE && self.doc.node(parent).depth as usize + 1 >= MAX_DEPTH {
            while parent != NONE && self.doc.node(parent).depth as usize + 1 >= MAX_DEPTH {
                parent = self.doc.node(parent).parent;
            }
            if let Some(k) = self.stack.iter().position(|e| e.node == parent) {
                self.stack.truncate(k + 1);
            }
            if !self.depth_capped {
                self.depth_capped = true;
                self.doc.diagnostics.push(Diagnostic::new(
                    "depth-limit",
                    Severity::Warning,
                    line,
                    format!("the outline nests deeper than {MAX_DEPTH} levels here; deeper items are kept at level {MAX_DEPTH}"),
                ));
            }
        }
        self.doc.push(parent, kind, line)
    }

    /// Where a numbered item goes: pops the stack to its parent and returns it. `blank` and
    /// `unit` describe the new item (a blank line before it, an inline reporting unit).
    fn place_marker(
        &mut self,
        m: &Marker,
        written: &str,
        line: u32,
        blank: bool,
        unit: bool,
        indent: u16,
    ) -> NodeId {
        let n = self.stack.len();
        let continues = |e: &Entry| {
            (m.ordinal == e.ordinal + 1 && m.sub == 0)
                || (m.ordinal == e.ordinal && m.sub == e.sub + 1)
        };
        // A sequence that continues is siblings, wherever its last item is. When an inner
        // series (under a label) and an outer one both continue, the item goes with the one
        // it resembles: the same inline reporting unit, the same blank line before it, the same
        // indentation; the innermost on a tie.
        let mut best: Option<(usize, u32)> = None;
        for k in (0..n).rev() {
            if let Open::Marker(st) = self.stack[k].open {
                if (st == m.style || st.compatible(m.style)) && continues(&self.stack[k]) {
                    let e = &self.stack[k];
                    let score = 2 * (e.unit_field == unit) as u32
                        + (e.blank_before == blank) as u32
                        + (e.indent == indent) as u32;
                    if best.is_none_or(|(_, s)| score > s) {
                        best = Some((k, score));
                    }
                }
            }
        }
        if let Some((k, _)) = best {
            self.stack.truncate(k);
            return self.top();
        }
        // `1.` `2.` then `三、`: a number in another style that continues the innermost list,
        // where its own style's series would have to go back, is that list's next item.
        if let Some(k) = self
            .stack
            .iter()
            .rposition(|e| matches!(e.open, Open::Marker(_)))
        {
            let e = self.stack[k];
            let own = (0..n)
                .rev()
                .find(|&j| self.stack[j].open == Open::Marker(m.style));
            let backwards = own.is_some_and(|j| m.ordinal < self.stack[j].ordinal);
            if continues(&e) && m.ordinal > 1 && backwards {
                self.stack.truncate(k);
                return self.top();
            }
        }
        if let Some(k) = (0..n)
            .rev()
            .find(|&k| self.stack[k].open == Open::Marker(m.style))
        {
            let e = self.stack[k];
            let between_holder = self.stack[k + 1..]
                .iter()
                .any(|e| matches!(e.open, Open::Label | Open::Heading | Open::Counter(_)));
            let top_rank = match self.stack[n - 1].open {
                Open::Marker(st) => st.rank(),
                _ => 0,
            };
            let fresh = m.ordinal == 1 && m.sub == 0;
            let repeat_of_first = k == n - 1 && e.ordinal == 1 && e.sub == 0;
            // A style starting again at 1 inside an item is a deeper series, unless it would
            // nest an outer style under an inner one with nothing in between.
            if fresh && !repeat_of_first && (between_holder || top_rank <= m.style.rank()) {
                return self.top();
            }
            if m.style.numeral == Numeral::Article {
                // Articles are cited by number, a few of many: no gap to report.
                self.stack.truncate(k);
                return self.top();
            }
            let expected = m.style.format(e.ordinal + 1);
            let (code, what) =
                if m.ordinal > e.ordinal + 1 || (m.ordinal == e.ordinal + 1 && m.sub > 0) {
                    ("numbering-gap", "skips")
                } else {
                    ("numbering-repeat", "repeats or goes back")
                };
            self.doc.diagnostics.push(
                Diagnostic::new(
                    code,
                    Severity::Warning,
                    line,
                    format!(
                        "numbering {what}: expected {expected} after {}, found {written}",
                        m.style.format(e.ordinal)
                    ),
                )
                .expected(expected, written),
            );
            self.stack.truncate(k);
            return self.top();
        }
        if !(m.ordinal == 1 && m.sub == 0) && m.style.numeral != Numeral::Article {
            let expected = m.style.format(1);
            self.doc.diagnostics.push(
                Diagnostic::new(
                    "numbering-start",
                    Severity::Info,
                    line,
                    format!("a new series starts at {written} instead of {expected}"),
                )
                .expected(expected, written),
            );
            // A series that starts in the middle sits where its style usually does: above
            // any open item of a style that is normally deeper.
            while let Some(Open::Marker(st)) = self.stack.last().map(|e| e.open) {
                if st.rank() >= m.style.rank() {
                    self.stack.pop();
                } else {
                    break;
                }
            }
        }
        self.top()
    }

    fn place_counter(
        &mut self,
        word: &'static str,
        ordinal: u32,
        written: &str,
        line: u32,
    ) -> NodeId {
        for k in (0..self.stack.len()).rev() {
            match self.stack[k].open {
                Open::Counter(w) => {
                    let e = self.stack[k];
                    if w == word && ordinal != e.ordinal + 1 {
                        let code = if ordinal > e.ordinal + 1 {
                            "numbering-gap"
                        } else {
                            "numbering-repeat"
                        };
                        self.doc.diagnostics.push(
                            Diagnostic::new(
                                code,
                                Severity::Warning,
                                line,
                                format!("agenda numbering: expected item {} after item {}, found {written}", e.ordinal + 1, e.ordinal),
                            )
                            .expected((e.ordinal + 1).to_string(), written),
                        );
                    }
                    self.stack.truncate(k);
                    return self.top();
                }
                Open::Section | Open::Appendix => break,
                _ => {}
            }
        }
        self.top()
    }

    /// Where a label goes: beside the label it follows (說明 then 決議), else under the open
    /// item it belongs to.
    fn place_label(&mut self, i: usize) -> NodeId {
        for k in (0..self.stack.len()).rev() {
            match self.stack[k].open {
                Open::Label => {
                    self.stack.truncate(k);
                    return self.top();
                }
                Open::Counter(_) | Open::Section | Open::Appendix | Open::Heading => break,
                Open::Marker(_) => {}
            }
        }
        // After the last item of a list (`（三）…` then `結論：`), the label concludes what
        // holds the list, unless the items before had labels of their own or the list goes
        // on after the label's content.
        let indent = self.lines[i].indent;
        while let Some(&top) = self.stack.last() {
            let Open::Marker(style) = top.open else { break };
            if top.ordinal < 2 && top.sub == 0 {
                break;
            }
            // Indented deeper than the item's own line: the label is inside that item.
            if indent > top.indent {
                break;
            }
            if self.previous_sibling_has_label(top.node) || self.list_goes_on(i, style, top.ordinal)
            {
                break;
            }
            self.stack.pop();
        }
        self.top()
    }

    fn previous_sibling_has_label(&self, node: NodeId) -> bool {
        let doc = &*self.doc;
        let parent = doc.node(node).parent;
        let siblings: Box<dyn Iterator<Item = NodeId>> = if parent == NONE {
            Box::new(doc.roots())
        } else {
            Box::new(doc.children(parent))
        };
        let mut prev = NONE;
        for k in siblings {
            if k == node {
                break;
            }
            prev = k;
        }
        prev != NONE && doc.children(prev).any(|c| doc.node(c).kind == Kind::Label)
    }

    /// Whether item `ordinal + 1` of `style` comes in the next lines, before anything that
    /// would close the list (an item of an enclosing series, an agenda item, a section).
    fn list_goes_on(&self, i: usize, style: Style, ordinal: u32) -> bool {
        let outer: Vec<(Style, u32)> = self
            .stack
            .iter()
            .filter_map(|e| match e.open {
                Open::Marker(st) if st != style => Some((st, e.ordinal)),
                _ => None,
            })
            .collect();
        for line in self.lines[i + 1..]
            .iter()
            .filter(|l| l.shape == Shape::Content)
            .take(LOOKAHEAD)
        {
            let class = classify(&line.text);
            match class.head {
                Head::Marker(m)
                    if (m.style == style || m.style.compatible(style))
                        && m.ordinal == ordinal + 1 =>
                {
                    return true;
                }
                // A new series of the same style belongs to the label.
                Head::Marker(m)
                    if (m.style == style || m.style.compatible(style)) && m.ordinal == 1 =>
                {
                    return false;
                }
                Head::Marker(m)
                    if outer
                        .iter()
                        .any(|&(st, o)| st == m.style && m.ordinal == o + 1) =>
                {
                    return false
                }
                Head::Counter(_) => return false,
                Head::None if class.part.is_some() => return false,
                _ => {}
            }
        }
        false
    }

    fn place_heading(&mut self) -> NodeId {
        if let Some(k) = self.stack.iter().rposition(|e| e.open == Open::Heading) {
            self.stack.truncate(k);
        }
        self.top()
    }

    /// Counts the numbered ancestors (labels and headings do not count) of a new item under
    /// `parent`, and reports a style that shows up at two such depths.
    fn check_style_depth(&mut self, style: Style, parent: NodeId, written: &str, line: u32) {
        if parent != NONE && self.doc.node(parent).kind == Kind::Label {
            return; // a label opens its own series (FORMAT.md §2)
        }
        let mut depth = 0u32;
        let mut p = parent;
        while p != NONE {
            let n = self.doc.node(p);
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
                self.doc.diagnostics.push(
                    Diagnostic::new(
                        "style-depth",
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

    // ----- tables --------------------------------------------------------------------------

    /// Adds the line to a table when it is a row of one; true if it was.
    fn table_row(&mut self, i: usize, class: &Class) -> bool {
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
                self.header = false;
                let parent = self.top();
                let node = self.add(parent, Kind::Table, line.number);
                self.doc.nodes[node as usize].table = self.doc.tables.len() as u32;
                self.doc.tables.push(Table::default());
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
                let lead = cell.len() - cell.trim_start_matches(scanners::is_space).len();
                let t = cell.trim_matches(scanners::is_space);
                let ranges: Vec<(u32, u32)> =
                    line.input_ranges(at + lead, at + lead + t.len()).collect();
                row.push(self.cell_spans(ranges.into_iter()));
                at += cell.len() + 1;
            }
        }
        let t = self.doc.nodes[node as usize].table as usize;
        self.doc.tables[t].rows.push(row);
        let end = self.doc.spans.len() as u32;
        let n = &mut self.doc.nodes[node as usize];
        n.end_line = line.number;
        n.text.end = end;
        true
    }

    /// Adds a cell's spans. They are also the table node's text, cells apart by a space, so
    /// that a table is searched and its dates and amounts found like any text.
    fn cell_spans(&mut self, ranges: impl Iterator<Item = (u32, u32)>) -> std::ops::Range<u32> {
        let from = self.doc.spans.len() as u32;
        for (start, end) in ranges {
            if start < end {
                let first = self.doc.spans.len() as u32 == from;
                self.doc.spans.push(Span {
                    start,
                    end,
                    space: first,
                });
            }
        }
        from..self.doc.spans.len() as u32
    }

    // ----- one segment of a line -------------------------------------------------------------

    /// Places `line[from..]` in the tree. Returns where the rest of the line starts when a
    /// marker glued onto it by the PDF extraction opens another item.
    fn segment(
        &mut self,
        i: usize,
        from: usize,
        class: Class,
        blanks: u32,
        page_break: bool,
    ) -> Option<usize> {
        let lines = self.lines;
        let line = &lines[i];
        let text = &line.text[from..];
        let number = line.number;

        // `2.114學年度…` is item 2 only where item 1 is open; otherwise a number.
        let class = match class.head {
            Head::Marker(m)
                if m.ambiguous && !self.continues_open(&m) && !self.series_follows(i, &m) =>
            {
                Class::plain()
            }
            _ => class,
        };
        // `收入明細如下：` after a line cut at a comma is the rest of that sentence; a header
        // field without a colon is one only in the header.
        let class = match class.label {
            Some(l)
                if l.role == Role::Other && self.continues_strongly(text, blanks, page_break) =>
            {
                Class {
                    label: None,
                    ..class
                }
            }
            Some(_) if class.gap_label && !self.header => Class {
                label: None,
                gap_label: false,
                ..class
            },
            _ => class,
        };
        if !class.is_structural() {
            if self.continues(text, blanks, page_break) {
                let node = self.last.unwrap().node;
                // A line taken for a heading that runs on into the next is a paragraph's start.
                if self.doc.node(node).kind == Kind::Heading {
                    self.doc.nodes[node as usize].kind = Kind::Paragraph;
                    if let Some(k) = self.stack.iter().rposition(|e| e.node == node) {
                        self.stack.truncate(k);
                    }
                }
                return self.add_text(node, i, from, true);
            }
            return self.text_line(i, from, text);
        }

        let (node, marker_len) = match class.head {
            Head::Counter(c) => {
                self.header = false;
                let parent = self.place_counter(c.word, c.ordinal, &text[..c.len], number);
                let node = self.add(parent, Kind::Agenda, number);
                let n = &mut self.doc.nodes[node as usize];
                n.counter = Some(c.word);
                n.ordinal = c.ordinal;
                self.open(node, Open::Counter(c.word), c.ordinal, 0);
                (node, c.len)
            }
            Head::Marker(m) => {
                let kind = if class.part == Some(Part::Appendix) {
                    Kind::Appendix
                } else if class.part.is_some() {
                    Kind::Section
                } else {
                    match class.label.map(|l| l.role) {
                        Some(r) if r.is_header() && self.header => Kind::Field,
                        _ => Kind::Item,
                    }
                };
                if kind == Kind::Field {
                    self.fields = true;
                } else {
                    self.header = false;
                }
                let written = &text[..m.len];
                let unit = self.unit_field_from(i, from);
                let parent = self.place_marker(&m, written, number, blanks > 0, unit, line.indent);
                self.check_style_depth(m.style, parent, written, number);
                let node = self.add(parent, kind, number);
                let n = &mut self.doc.nodes[node as usize];
                n.style = Some(m.style);
                n.ordinal = m.ordinal;
                n.sub = m.sub;
                self.open(node, Open::Marker(m.style), m.ordinal, m.sub);
                if let Some(e) = self.stack.last_mut() {
                    e.blank_before = blanks > 0;
                    e.unit_field = unit;
                    e.indent = line.indent;
                }
                (node, m.len)
            }
            Head::None if class.part.is_some() => {
                self.header = false;
                let part = class.part.unwrap_or(Part::Other);
                self.stack.clear();
                let kind = if part == Part::Appendix {
                    Kind::Appendix
                } else {
                    Kind::Section
                };
                let node = self.add(NONE, kind, number);
                let open = if part == Part::Appendix {
                    Open::Appendix
                } else {
                    Open::Section
                };
                self.open(node, open, 0, 0);
                (node, 0)
            }
            Head::None => {
                let Some(label) = class.label else {
                    return self.text_line(i, from, text);
                };
                let node = if label.role.is_header() && self.header {
                    self.stack.clear();
                    self.fields = true;
                    self.add(NONE, Kind::Field, number)
                } else if label.role.holds_content() {
                    self.header = false;
                    let parent = self.place_label(i);
                    let node = self.add(parent, Kind::Label, number);
                    self.open(node, Open::Label, 0, 0);
                    node
                } else {
                    self.header = false;
                    let parent = self.top();
                    self.add(parent, Kind::Field, number)
                };
                (node, 0)
            }
        };
        // The marker as written, then the text.
        let ranges: Vec<(u32, u32)> = line.input_ranges(from, from + marker_len).collect();
        {
            let doc = &mut *self.doc;
            let at = doc.spans.len() as u32;
            for (s, e) in ranges {
                doc.spans.push(Span {
                    start: s,
                    end: e,
                    space: false,
                });
            }
            let end = doc.spans.len() as u32;
            let n = &mut doc.nodes[node as usize];
            n.marker = at..end;
            n.text = end..end;
            n.part = class.part;
            if let Some(l) = class.label {
                n.label = Some((l.word, l.role));
                // `（報告單位：` has its bracket written before the label.
                let bracket = if class.bracketed {
                    text[class.body..].chars().next().map_or(0, char::len_utf8)
                } else {
                    0
                };
                n.label_len = (bracket + l.len) as u32;
            }
        }
        let split = self.add_text(node, i, from + class.body, false);
        // A label without a colon takes the gap after it (`主　　席　`); when another field
        // starts right after the gap (`主席　紀錄：…`), the text ends before the gap, and so must
        // the label.
        if self.doc.nodes[node as usize].label_len > 0 {
            let len = self.doc.text(node).len() as u32;
            let n = &mut self.doc.nodes[node as usize];
            n.label_len = n.label_len.min(len);
        }
        split
    }

    /// A line of text with no marker or label that does not continue the last item.
    fn text_line(&mut self, i: usize, from: usize, text: &str) -> Option<usize> {
        let number = self.lines[i].number;
        if self.header {
            // The title block: issuing body, meeting title, edition, before any field.
            if !self.fields && self.titles < 6 && heading_like(text, 120) {
                self.titles += 1;
                let node = self.add(NONE, Kind::Title, number);
                return self.add_text(node, i, from, false);
            }
            // Among the fields, a short line such as `專門委員　楊雅琳` does not end the header.
            if !(self.fields && heading_like(text, 60)) {
                self.header = false;
            }
        }
        // A line as wide as the wrap is part of a paragraph, not a title.
        let full = self.wrap.is_some_and(|w| width(text) * 10 >= w.width * 9);
        let kind = if heading_like(text, 100) && !full && self.heads_what_follows(i) {
            Kind::Heading
        } else {
            Kind::Paragraph
        };
        let parent = if kind == Kind::Heading {
            self.place_heading()
        } else {
            self.top()
        };
        let node = self.add(parent, kind, number);
        if kind == Kind::Heading {
            self.open(node, Open::Heading, 0, 0);
        }
        self.add_text(node, i, from, false)
    }

    /// Whether the next line is something a title line heads: a new series, an agenda item,
    /// a label, a table, or a paragraph.
    fn heads_what_follows(&self, i: usize) -> bool {
        let Some(next) = self.lines[i + 1..]
            .iter()
            .find(|l| l.shape == Shape::Content)
        else {
            return false;
        };
        if next.raw.contains('\t') {
            return true;
        }
        let class = classify(&next.text);
        match class.head {
            Head::Marker(m) => m.ordinal == 1 && m.sub == 0,
            Head::Counter(_) => true,
            Head::None if class.pipe_row => true,
            Head::None => match (class.label, class.part) {
                (Some(l), _) => l.role.holds_content(),
                (None, Some(_)) => false,
                (None, None) => !heading_like(&next.text, 100),
            },
        }
    }

    // ----- text and continuation -------------------------------------------------------------

    /// Whether a line continues the last by a sign stronger than the look of a cut sentence: the
    /// last ended on a comma, or filled the wrap width.
    fn continues_strongly(&self, text: &str, blanks: u32, page_break: bool) -> bool {
        let Some(last) = self.last else {
            return false;
        };
        let full = self
            .wrap
            .is_some_and(|w| last.width * 10 >= w.width * 9 || last.chars * 10 >= w.chars * 9);
        blanks == 0
            && !page_break
            && !last.terminated
            && (last.continuing || full)
            && self.continues(text, blanks, page_break)
    }

    /// Whether a line of plain text continues the last item rather than starting a paragraph.
    fn continues(&self, text: &str, blanks: u32, page_break: bool) -> bool {
        let Some(last) = self.last else {
            return false;
        };
        let Some(first) = text.chars().next() else {
            return false;
        };
        if is_tail_start(first) {
            return true;
        }
        // The lines of a title block are separate lines, however wide.
        if self.doc.node(last.node).kind == Kind::Title {
            return last.continuing;
        }
        if last.list && !last.terminated && (blanks == 0 || last.continuing) {
            return true; // names of a header list running over lines
        }
        if blanks == 0 && !page_break {
            if last.continuing {
                return true;
            }
            if last.terminated {
                return false;
            }
            // A hard-wrapped line runs to the wrap width; a short one ends its paragraph, unless
            // a sentence was plainly cut: running text without its full stop, then the rest of
            // it (`…請說明落後原因，並` / `於11月中旬前提出加速執行方案。`).
            let full = self
                .wrap
                .is_some_and(|w| last.width * 10 >= w.width * 9 || last.chars * 10 >= w.chars * 9);
            let cut = last.prose && last.chars >= 15 && prose(text) && !heading_like(text, 100);
            return full || cut;
        }
        // Across blank lines or a page break: a sentence cut in the middle (FORMAT.md §3).
        if last.terminated {
            return false;
        }
        if last.continuing {
            return true;
        }
        let this_prose = prose(text);
        (page_break && this_prose && !heading_like(text, 100))
            || (last.prose && last.chars >= 30 && this_prose)
    }

    /// Adds `line[from..]` to the node's text, up to a marker glued onto the line; returns
    /// where that marker starts.
    fn add_text(&mut self, node: NodeId, i: usize, from: usize, joining: bool) -> Option<usize> {
        let lines = self.lines;
        let line = &lines[i];
        let text: &str = &line.text;
        let split = self.glued(text, from);
        let to = split.unwrap_or(text.len());
        let piece = &text[from..to];
        let piece = piece.trim_end_matches(scanners::is_space);
        let to = from + piece.len();
        let first = piece.chars().next();
        // A space where an English word was wrapped, and between the indented lines of a list
        // of people laid out in columns (a name ends where such a line does; a hard wrap may
        // cut a name in two).
        let indented = line.raw.starts_with(scanners::is_space);
        let space = joining
            && (self.last.is_some_and(|l| l.list) && indented
                || (self.last.is_some_and(|l| l.latin_end)
                    && first.is_some_and(|c| c.is_ascii_alphanumeric())));
        for (k, (s, e)) in line.input_ranges(from, to).enumerate() {
            self.doc.add_text(node, s, e, space && k == 0);
        }
        let n = &mut self.doc.nodes[node as usize];
        n.end_line = line.number;
        let last_char = piece.chars().next_back();
        let list = n
            .label
            .is_some_and(|(_, r)| matches!(r, Role::Attendees | Role::Observers | Role::Absent))
            || (joining && self.last.is_some_and(|l| l.list));
        self.last = if matches!(n.kind, Kind::Table) {
            None
        } else if piece.is_empty() && !joining {
            // A label alone (`決定：`) is finished; what follows is its content.
            Some(Last {
                node,
                terminated: true,
                continuing: false,
                prose: false,
                chars: 0,
                width: 0,
                latin_end: false,
                list,
            })
        } else {
            Some(Last {
                node,
                terminated: ends_terminated(piece),
                continuing: last_char.is_some_and(is_continuing),
                prose: prose(piece),
                chars: if piece.len() == text.len() {
                    self.sizes[i].1
                } else {
                    piece.chars().count()
                },
                width: self.sizes[i].0,
                latin_end: last_char.is_some_and(|c| c.is_ascii_alphanumeric()),
                list,
            })
        };
        split
    }

    /// A marker, counter or label glued onto the middle of a line by the PDF extraction:
    /// after a full stop, one that continues an open sequence (`…完竣。二、…`) or a label
    /// (`…。決議：…`); after a colon, a new series too (`說明：一、…`). Never inside brackets.
    fn glued(&self, text: &str, from: usize) -> Option<usize> {
        let field = if self.header {
            header_field_after_gap(text, from)
        } else {
            None
        };
        let mark = self.glued_marker(text, from);
        match (field, mark) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn glued_marker(&self, text: &str, from: usize) -> Option<usize> {
        let mut depth = 0i32;
        let bytes = text.as_bytes();
        for (k, &b) in bytes.iter().enumerate().skip(from) {
            // Brackets and stops are ( ) : or three bytes led by E3 or EF.
            if !matches!(b, b'(' | b')' | b':' | 0xe3 | 0xef) {
                continue;
            }
            let Some(c) = text[k..].chars().next() else {
                continue;
            };
            let k = k - from;
            match c {
                '「' | '（' | '(' | '『' | '《' | '〈' | '【' => depth += 1,
                '」' | '）' | ')' | '』' | '》' | '〉' | '】' => depth -= 1,
                _ => {}
            }
            let stop = matches!(c, '。' | '；' | '！' | '？');
            let colon = matches!(c, '：' | ':');
            if depth > 0 || !(stop || colon) {
                continue;
            }
            let after = from + k + c.len_utf8();
            let at = after + skip_spaces(&text[after..]);
            if at >= text.len() {
                return None;
            }
            let rest = &text[at..];
            // Only a few characters can open a marker, counter or label.
            if !rest.starts_with(|c: char| {
                c.is_ascii_alphanumeric()
                    || matches!(c, '(' | '（' | '第' | '０'..='９')
                    || (c as u32) >= 0x2160
            }) {
                continue;
            }
            let class = classify(rest);
            let found = match class.head {
                Head::Marker(m) => {
                    (colon && m.ordinal == 1 && m.sub == 0) || self.continues_open(&m)
                }
                Head::Counter(_) => stop,
                Head::None => {
                    stop && class.label.is_some_and(|l| {
                        l.role.holds_content() && !class.bracketed && l.word.chars().count() >= 2
                    })
                }
            };
            if found {
                return Some(at);
            }
        }
        None
    }

    /// An ambiguous first item (`1 .113年度…`) is one if item 2 of its style is next.
    fn series_follows(&self, i: usize, m: &Marker) -> bool {
        m.ordinal == 1
            && self.lines[i + 1..]
                .iter()
                .filter(|l| l.shape == Shape::Content)
                .take(LOOKAHEAD)
                .find_map(|l| match classify(&l.text).head {
                    Head::Marker(n) if n.style == m.style || n.style.compatible(m.style) => {
                        Some(n.ordinal == 2)
                    }
                    _ => None,
                })
                .unwrap_or(false)
    }

    /// Whether a unit field starts at or after byte `from` of line `i`'s text.
    fn unit_field_from(&mut self, i: usize, from: usize) -> bool {
        let at = match self.unit_at {
            Some((line, at)) if line == i => at,
            _ => {
                let at = last_unit_field(&self.lines[i].text);
                self.unit_at = Some((i, at));
                at
            }
        };
        at.is_some_and(|k| k >= from)
    }

    fn continues_open(&self, m: &Marker) -> bool {
        self.stack.iter().any(|e| match e.open {
            Open::Marker(st) => {
                (st == m.style || st.compatible(m.style))
                    && ((m.ordinal == e.ordinal + 1 && m.sub == 0)
                        || (m.ordinal == e.ordinal && m.sub == e.sub + 1))
            }
            _ => false,
        })
    }
}

/// Two header fields laid out on one line, `主席：林部長宜敬　　　紀錄：林怡芬`: a wide gap
/// (two spaces, an ideographic space or a tab) and then a header label.
fn header_field_after_gap(text: &str, from: usize) -> Option<usize> {
    let t = &text[from..];
    let mut it = t.char_indices().peekable();
    while let Some((k, c)) = it.next() {
        if !scanners::is_space(c) {
            continue;
        }
        let mut wide = matches!(c, '\u{3000}' | '\t');
        let mut end = k + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if !scanners::is_space(d) {
                break;
            }
            wide = true;
            end = j + d.len_utf8();
            it.next();
        }
        if wide && k > 0 && scanners::label(&t[end..]).is_some_and(|l| l.role.is_header()) {
            return Some(from + end);
        }
    }
    None
}

/// A tab that only separates a marker or a label from its text (`一、\t時間`), as Word
/// exports do, is spacing rather than a table.
fn tab_is_spacing(raw: &str) -> bool {
    let t = raw.trim_start_matches(scanners::is_space);
    let Some((first, _)) = t.split_once('\t') else {
        return false;
    };
    let first = first.trim_end_matches(scanners::is_space);
    first.ends_with(['：', ':'])
        || scanners::marker(first).is_some_and(|m| m.len == first.len())
        || scanners::counter(first).is_some_and(|c| c.len == first.len())
}

//! Stage 2, the outline tree. Walks the lines once, keeping a stack of the items that are open
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
//!
//! [`place`] decides where a numbered line, a label or a heading goes; [`join`] whether a line
//! of text continues the last; [`glue`] finds markers glued onto the middle of a line;
//! [`table`] reads table rows.

mod glue;
mod join;
mod place;
mod table;

use crate::model::{Code, Diagnostic, Kind, Part, Role, Severity, Style};
use crate::read::{classify, Class, Head, Line, LineShape as Shape};
use crate::text::{is_space, width_and_chars};
use crate::tree::{NodeId, Span, Tree, MAX_DEPTH, NONE};
use join::{wrap_width, Last, Wrap};
use std::collections::HashMap;

/// What the builder hands on: the tree, what it found wrong, and the page-number lines it kept
/// out of the tree.
pub struct Built<'a> {
    pub tree: Tree<'a>,
    pub diagnostics: Vec<Diagnostic>,
    /// Page-number lines, which carry no content: (line, text).
    pub pages: Vec<(u32, Span)>,
    /// Lines in the input.
    pub line_count: u32,
}

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

struct Builder<'l, 'a> {
    tree: Tree<'a>,
    diagnostics: Vec<Diagnostic>,
    pages: Vec<(u32, Span)>,
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

pub fn build<'a>(input: &'a str, lines: &[Line<'a>]) -> Built<'a> {
    let sizes: Vec<(usize, usize)> = lines.iter().map(|l| width_and_chars(&l.text)).collect();
    let mut b = Builder {
        wrap: wrap_width(lines, &sizes),
        sizes,
        tree: Tree::new(input),
        diagnostics: Vec::new(),
        pages: Vec::new(),
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
    Built {
        tree: b.tree,
        diagnostics: b.diagnostics,
        pages: b.pages,
        line_count: lines.len() as u32,
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
            let class = classify(line.key());
            if self.table_row(i, &class) {
                blanks = 0;
                page_break = false;
                continue;
            }
            self.table = None;
            let mut next = self.segment(i, 0, class, blanks, page_break);
            // What a marker glued onto the line opens.
            while let Some(from) = next {
                next = self.segment(i, from, classify(&line.key()[from..]), 0, false);
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
            self.pages.push((line.number, span));
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
            j.is_none_or(|l| l.raw.chars().all(|c| is_space(c) || c.is_control()))
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
        if parent != NONE && self.tree.node(parent).depth as usize + 1 >= MAX_DEPTH {
            while parent != NONE && self.tree.node(parent).depth as usize + 1 >= MAX_DEPTH {
                parent = self.tree.node(parent).parent;
            }
            if let Some(k) = self.stack.iter().position(|e| e.node == parent) {
                self.stack.truncate(k + 1);
            }
            if !self.depth_capped {
                self.depth_capped = true;
                self.diagnostics.push(Diagnostic::new(
                    Code::DepthLimit,
                    Severity::Warning,
                    line,
                    format!("the outline nests deeper than {MAX_DEPTH} levels here; deeper items are kept at level {MAX_DEPTH}"),
                ));
            }
        }
        self.tree.push(parent, kind, line)
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
                if self.tree.node(node).kind == Kind::Heading {
                    self.tree.nodes[node as usize].kind = Kind::Paragraph;
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
                let n = &mut self.tree.nodes[node as usize];
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
                let n = &mut self.tree.nodes[node as usize];
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
            let doc = &mut self.tree;
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
        if self.tree.nodes[node as usize].label_len > 0 {
            let len = self.tree.text(node).len() as u32;
            let n = &mut self.tree.nodes[node as usize];
            n.label_len = n.label_len.min(len);
        }
        split
    }
}

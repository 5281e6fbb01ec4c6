//! Stage 2, the outline tree. Walks the lines once, keeping a stack of the items that are open
//! (the chain of ancestors of whatever comes next), and decides for each line where it goes.
//!
//! A line opens a level of the tree only on evidence a reader also uses: a numbering marker,
//! an agenda counter (`討論事項一`), a label (`說明：`) or a section word (`報告事項`). Anything
//! else is text: it continues the last item (a hard wrap, a sentence cut by a page break), or is
//! a paragraph of what is open, or, rarely, a heading of what follows — only when the line
//! after it starts a new series deeper than the item it sits in (FORMAT.md §2).
//!
//! The work is split by concern:
//! - [`front`]: the front matter before the body (title lines, header fields, lists of people
//!   that run on across lines and blank lines, web-page chrome);
//! - [`place`]: where a numbered line, an agenda counter, a label, a section or a heading goes;
//! - [`numbering`]: what the numbering says is wrong (gaps, repeats, a style at two depths);
//! - [`join`]: whether a line of text continues the last, and text that only looks numbered
//!   (a wrapped line of a quotation that starts with `五、`);
//! - [`glue`]: markers glued onto the middle of a line; [`table`]: table rows.

mod front;
mod glue;
mod join;
mod numbering;
mod place;
mod table;

use crate::model::{Code, Diagnostic, Kind, Part, Severity, Style};
use crate::read::{classify, Class, Head, Line, LineShape as Shape};
use crate::scan::numeral::{arabic_number, cjk_number};
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
    /// The first node of the body: the nodes before it are the front matter (title lines,
    /// header fields, web-page chrome).
    pub body_start: NodeId,
    /// Lines alone on their line that hold only a number and were kept as text.
    pub bare_numbers: Vec<u32>,
}

/// How many lines ahead a rule looks to see whether a list goes on.
const LOOKAHEAD: usize = 60;

/// What an entry of the stack is, for the rules that look for their like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    /// A numbered line: an item, a numbered section (`壹、報告事项`), a numbered header field.
    Item(Style),
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
    /// The list level a reader of the original file gave its line, + 1 (0: none known).
    level: u8,
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
    front: front::Front,
    /// The first node of the body, once it started.
    body_start: Option<NodeId>,
    last: Option<Last>,
    /// The width at which the text was hard-wrapped, if it was.
    wrap: Option<Wrap>,
    /// Each line's display width (with its indentation) and characters.
    sizes: Vec<(usize, usize)>,
    /// The table being filled and whether its rows are tab- or pipe-separated.
    table: Option<(NodeId, bool)>,
    /// A form a conversion flattened into lines, being read as a table.
    form: Option<NodeId>,
    /// Structural depth where each marker style was first seen, and on which line.
    style_depth: HashMap<Style, (u32, u32)>,
    depth_capped: bool,
    /// [`last_unit_field`] of the line being read: (line index, result).
    unit_at: Option<(usize, Option<usize>)>,
    bare_numbers: Vec<u32>,
}

pub fn build<'a>(input: &'a str, lines: &[Line<'a>]) -> Built<'a> {
    // A hard wrap cuts lines at the right margin: their indentation counts in their width.
    let sizes: Vec<(usize, usize)> = lines
        .iter()
        .map(|l| {
            let (w, c) = width_and_chars(&l.text);
            (w + l.indent as usize, c)
        })
        .collect();
    let mut b = Builder {
        wrap: wrap_width(lines, &sizes),
        sizes,
        tree: Tree::new(input),
        diagnostics: Vec::new(),
        pages: Vec::new(),
        lines,
        stack: Vec::new(),
        front: front::Front::new(),
        body_start: None,
        last: None,
        table: None,
        form: None,
        style_depth: HashMap::new(),
        depth_capped: false,
        unit_at: None,
        bare_numbers: Vec::new(),
    };
    b.run();
    let count = b.tree.nodes.len() as NodeId;
    Built {
        body_start: b.body_start.unwrap_or(count),
        tree: b.tree,
        diagnostics: b.diagnostics,
        pages: b.pages,
        line_count: lines.len() as u32,
        bare_numbers: b.bare_numbers,
    }
}

/// A number alone: Arabic (up to four digits) or Chinese (up to three numerals, below 1000).
fn lone_number(t: &str) -> bool {
    if let Some((_, n)) = arabic_number(t, 4) {
        return n == t.len();
    }
    cjk_number(t).is_some_and(|(v, _, n)| n == t.len() && v < 1000 && t.chars().count() <= 3)
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
            if self.page_number_alone(i) {
                self.page(line);
                page_break = true;
                self.table = None;
                continue;
            }
            // A page run together is one paragraph: what its text starts with starts no line.
            let class = if line.run_on {
                Class::plain()
            } else {
                classify(line.key())
            };
            if self.table_row(i, &class) || self.form_row(i, &class) {
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

    /// A number alone on its line that a reader skips as a page number: set far in from the
    /// margin (centred or right-aligned, as pdftotext lays out page numbers: `            一`,
    /// `             8`), or alone between empty lines. Otherwise it is text, and noted.
    fn page_number_alone(&mut self, i: usize) -> bool {
        let line = &self.lines[i];
        let t = line.key();
        if !lone_number(t) {
            return false;
        }
        // Control characters are not there, as everywhere.
        let empty = |j: Option<&Line>| {
            j.is_none_or(|l| l.raw.chars().all(|c| is_space(c) || c.is_control()))
        };
        let alone =
            empty(i.checked_sub(1).and_then(|j| self.lines.get(j))) && empty(self.lines.get(i + 1));
        let arabic = t.chars().next().and_then(crate::text::digit).is_some();
        if line.indent >= 8 || (alone && (arabic || !self.front.open)) {
            return true;
        }
        self.bare_numbers.push(line.number);
        false
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
            level: 0,
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
        let class = self.evidence(i, from, class, blanks, page_break);
        if self.front.open {
            if let Some(split) = self.front_segment(i, from, &class, blanks, page_break) {
                return split;
            }
            self.end_front();
        }
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
                let parent = self.place_counter(c.word, c.ordinal, &text[..c.len], number);
                let node = self.add(parent, Kind::Agenda, number);
                let n = &mut self.tree.nodes[node as usize];
                n.counter = Some(c.word);
                n.ordinal = c.ordinal;
                self.open(node, Open::Counter(c.word), c.ordinal, 0);
                (node, c.len)
            }
            Head::Marker(m) => {
                let kind = match class.part {
                    Some(Part::Appendix) => Kind::Appendix,
                    Some(_) => Kind::Section,
                    None => Kind::Item,
                };
                (self.numbered(i, from, &class, m, kind, blanks), m.len)
            }
            Head::None if class.part.is_some() => (self.place_section(i, &class), 0),
            Head::None => {
                let Some(label) = class.label else {
                    return self.text_line(i, from, text);
                };
                let node = if label.role.holds_content() {
                    let parent = self.place_label(i, from + class.body + label.len);
                    let node = self.add(parent, Kind::Label, number);
                    self.open(node, Open::Label, 0, 0);
                    node
                } else {
                    // A unit or a person named inside the body, or a header field there.
                    let parent = self.top();
                    self.add(parent, Kind::Field, number)
                };
                (node, 0)
            }
        };
        self.fill(node, i, from, &class, marker_len)
    }

    /// A numbered line: placed by its marker, opened on the stack.
    fn numbered(
        &mut self,
        i: usize,
        from: usize,
        class: &Class,
        m: crate::scan::Marker,
        kind: Kind,
        blanks: u32,
    ) -> NodeId {
        let line = &self.lines[i];
        let written = &line.text[from..from + m.len];
        let unit = self.unit_field_from(i, from);
        // The list level of a document's automatic numbering is evidence a reader of the file
        // sees: an item sits inside the open item of a shallower level, and never inside one of
        // its own level or a deeper one, whatever its marker says. Between items only: a list
        // under a label (`決定：` / `一、洽悉。`) is the label's, whatever level the document
        // restarted it at, and the marker places it.
        let level = crate::read::list_level(line.hint).filter(|_| from == 0);
        let shallower = level.is_some_and(|l| {
            self.stack
                .last()
                .is_some_and(|e| matches!(e.open, Open::Item(_)) && e.level > 0 && e.level - 1 < l)
        });
        let (mut parent, ordinal) = if shallower {
            let ordinal = if m.style.numeral == crate::model::Numeral::Lost {
                1
            } else {
                m.ordinal
            };
            (self.top(), ordinal)
        } else {
            self.place_marker(&m, written, line.number, blanks > 0, unit, line.indent)
        };
        if let Some(level) = level {
            while let Some(&e) = self.stack.last() {
                if !matches!(e.open, Open::Item(_)) || e.level == 0 || e.level <= level {
                    break;
                }
                self.stack.pop();
                parent = self.top();
            }
        }
        self.check_style_depth(m.style, parent, written, line.number);
        let node = self.add(parent, kind, line.number);
        let n = &mut self.tree.nodes[node as usize];
        n.style = Some(m.style);
        n.ordinal = ordinal;
        n.sub = m.sub;
        self.open(node, Open::Item(m.style), ordinal, m.sub);
        // A list under a label is one the document restarted: its levels do not compare with
        // the items' around it, so it keeps none.
        let under_label =
            self.stack.len() >= 2 && matches!(self.stack[self.stack.len() - 2].open, Open::Label);
        if let Some(e) = self.stack.last_mut() {
            e.blank_before = blanks > 0;
            e.unit_field = unit;
            e.indent = line.indent;
            e.level = if under_label {
                0
            } else {
                level.map_or(0, |l| l + 1)
            };
        }
        let _ = class;
        node
    }

    /// Writes a new node's marker (the first `marker_len` bytes of `line[from..]`), its label
    /// or part, and its text, up to what a glued marker opens; returns where that starts.
    fn fill(
        &mut self,
        node: NodeId,
        i: usize,
        from: usize,
        class: &Class,
        marker_len: usize,
    ) -> Option<usize> {
        let line = &self.lines[i];
        let text = &line.text[from..];
        let ranges: Vec<(u32, u32)> = line.input_ranges(from, from + marker_len).collect();
        {
            let tree = &mut self.tree;
            let at = tree.spans.len() as u32;
            for (s, e) in ranges {
                tree.spans.push(Span {
                    start: s,
                    end: e,
                    space: false,
                });
            }
            let end = tree.spans.len() as u32;
            let n = &mut tree.nodes[node as usize];
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

    /// Whether the text being written is a label's (`說明：` alone, then `決議：`).
    fn last_is_label(&self) -> bool {
        self.last
            .is_some_and(|l| self.tree.node(l.node).kind == Kind::Label)
    }

    /// The class a reader gives the line: what it starts with, unless the context says that
    /// is text after all (see [`join`]).
    fn evidence(
        &mut self,
        i: usize,
        from: usize,
        class: Class,
        blanks: u32,
        page_break: bool,
    ) -> Class {
        let text = &self.lines[i].key()[from..];
        // `2.114學年度…` is item 2 only where item 1 is open; otherwise a number.
        let class = match class.head {
            Head::Marker(m)
                if m.ambiguous && !self.continues_open(&m) && !self.series_follows(i, &m) =>
            {
                Class::plain()
            }
            _ => class,
        };
        if class.is_structural()
            && from == 0
            && self.only_looks_structural(&class, blanks, page_break)
        {
            return Class::plain();
        }
        // `收入明細如下：` after a line cut at a comma is the rest of that sentence; a header
        // field without a colon is one only in the front matter.
        match class.label {
            Some(l)
                if class.head == Head::None
                    && class.part.is_none()
                    && !l.role.is_header()
                    && !self.last_is_label()
                    && self.continues_strongly(text, blanks, page_break) =>
            {
                Class {
                    label: None,
                    ..class
                }
            }
            Some(_) if class.gap_label && !self.front.open => Class {
                label: None,
                gap_label: false,
                ..class
            },
            _ => class,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tree::NONE;

    /// The parent line of the node on each line.
    fn parents(text: &str, hints: &[u8]) -> Vec<u32> {
        let doc = crate::parse_with(text, hints);
        doc.nodes
            .iter()
            .map(|n| {
                if n.parent == NONE {
                    0
                } else {
                    doc.node(n.parent).line
                }
            })
            .collect()
    }

    #[test]
    fn list_levels_from_a_document_are_evidence() {
        // Alone, a second 一、 after 一、 starts the list over beside it; a document that says
        // it is one level deeper puts it inside.
        let text = "壹、報告\n一、甲案\n一、乙案\n二、丙案\n";
        assert_eq!(parents(text, &[]), [0, 1, 1, 1]);
        assert_eq!(parents(text, &[1, 2, 3, 2]), [0, 1, 2, 1]);
        // A list a document restarted at level 0 under a label is the label's.
        let text = "壹、報告\n一、甲案\n決定：\n一、洽悉。\n二、照辦。\n二、乙案\n";
        assert_eq!(parents(text, &[1, 2, 0, 2, 2, 2]), parents(text, &[]));
        assert_eq!(parents(text, &[1, 2, 0, 1, 1, 2]), parents(text, &[]));
        // Furniture is kept out of the tree.
        let doc = crate::parse_with("第 1 頁\n一、甲\n", &[crate::HINT_FURNITURE, 0]);
        assert_eq!(doc.nodes.len(), 1);
        assert_eq!(doc.pages.len(), 1);
    }
}

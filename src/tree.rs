//! The arena the outline lives in: one `Vec` of nodes in document order, linked by indices.
//! Nothing here recurses, so any depth is safe to build and walk.
//!
//! Node text is not copied out of the input: it is a list of [`Span`]s (byte ranges of the
//! input), because the conversion decoration (`**`, bullets) and page-break joins cut it into
//! pieces. [`Tree::text`] puts them together when someone asks.

use crate::model::{Kind, Part, Role, Style};
use std::borrow::Cow;
use std::ops::Range;

pub type NodeId = u32;
/// The absent link.
pub const NONE: u32 = u32::MAX;
/// The deepest nesting the outline keeps; deeper items become siblings at this depth (with a
/// diagnostic). Real minutes stay under 15; the bound keeps every consumer's recursion and
/// JSON nesting (under serde_json's default limit of 128) safe.
pub const MAX_DEPTH: usize = 48;

/// A byte range of the input. `space` asks for a space before it when the text is put
/// together (a line break inside English words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub space: bool,
}

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: Kind,
    /// The numbering as written (`（一）`, `案由一：`), as spans; empty when none.
    pub marker: Range<u32>,
    pub style: Option<Style>,
    /// The counting word of an agenda counter: 案由, 提案, 報告事項, 第案 (for 第N案).
    pub counter: Option<&'static str>,
    pub ordinal: u32,
    /// The inserted item's number (`一之一` is ordinal 1, sub 1).
    pub sub: u32,
    /// The label the text starts with (`說明`, `決議`, `日期`) and its role.
    pub label: Option<(&'static str, Role)>,
    /// Bytes of the label as written at the start of the text, colon included.
    pub label_len: u32,
    /// The part of the meeting a section heading names.
    pub part: Option<Part>,
    /// The node's text after the marker, as spans.
    pub text: Range<u32>,
    /// 1-based lines of the input where the node starts and where its own text ends.
    pub line: u32,
    pub end_line: u32,
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub next_sibling: NodeId,
    pub depth: u16,
    /// Index into [`Tree::tables`] for table nodes.
    pub table: u32,
}

/// A table: rows of cells, each cell a range of [`Tree::spans`].
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub rows: Vec<Vec<Range<u32>>>,
}

/// The outline: nodes in document order (parents before their children), their texts as
/// spans of the input, and the tables' cells. Borrows the input.
#[derive(Clone, Debug)]
pub struct Tree<'a> {
    pub input: &'a str,
    pub nodes: Vec<Node>,
    pub spans: Vec<Span>,
    pub tables: Vec<Table>,
    last_root: NodeId,
}

impl<'a> Tree<'a> {
    pub fn new(input: &'a str) -> Self {
        Tree {
            input,
            nodes: Vec::new(),
            spans: Vec::new(),
            tables: Vec::new(),
            last_root: NONE,
        }
    }

    /// Adds a node as the last child of `parent` (or at the top level with [`NONE`]).
    pub fn push(&mut self, parent: NodeId, kind: Kind, line: u32) -> NodeId {
        let id = self.nodes.len() as NodeId;
        let depth = if parent == NONE {
            0
        } else {
            self.nodes[parent as usize].depth + 1
        };
        let at = self.spans.len() as u32;
        self.nodes.push(Node {
            kind,
            marker: at..at,
            style: None,
            counter: None,
            ordinal: 0,
            sub: 0,
            label: None,
            label_len: 0,
            part: None,
            text: at..at,
            line,
            end_line: line,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            depth,
            table: NONE,
        });
        if parent != NONE {
            let p = &mut self.nodes[parent as usize];
            let prev = p.last_child;
            p.last_child = id;
            if prev == NONE {
                p.first_child = id;
            } else {
                self.nodes[prev as usize].next_sibling = id;
            }
        } else {
            if self.last_root != NONE {
                self.nodes[self.last_root as usize].next_sibling = id;
            }
            self.last_root = id;
        }
        id
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The node's children, or the top-level nodes for [`NONE`].
    pub fn children_of(&self, id: NodeId) -> Siblings<'_, 'a> {
        if id == NONE {
            self.roots()
        } else {
            self.children(id)
        }
    }

    /// Top-level nodes in order.
    pub fn roots(&self) -> Siblings<'_, 'a> {
        Siblings {
            doc: self,
            next: if self.nodes.is_empty() { NONE } else { 0 },
        }
    }

    pub fn children(&self, id: NodeId) -> Siblings<'_, 'a> {
        Siblings {
            doc: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// The text of a run of spans. The first span's `space` is ignored: a text never starts
    /// with one.
    fn join(&self, spans: &Range<u32>) -> Cow<'a, str> {
        let spans = &self.spans[spans.start as usize..spans.end as usize];
        match spans {
            [] => Cow::Borrowed(""),
            [s] => Cow::Borrowed(&self.input[s.start as usize..s.end as usize]),
            _ => {
                let mut out = String::new();
                for (k, s) in spans.iter().enumerate() {
                    if s.space && k > 0 {
                        out.push(' ');
                    }
                    out.push_str(&self.input[s.start as usize..s.end as usize]);
                }
                Cow::Owned(out)
            }
        }
    }

    /// The node's text after its marker, with page breaks and decoration removed.
    pub fn text(&self, id: NodeId) -> Cow<'a, str> {
        self.join(&self.nodes[id as usize].text)
    }

    /// The numbering as written, `""` when none.
    pub fn marker(&self, id: NodeId) -> Cow<'a, str> {
        self.join(&self.nodes[id as usize].marker)
    }

    /// A cell's text.
    pub fn cell(&self, cell: &Range<u32>) -> Cow<'a, str> {
        self.join(cell)
    }

    /// Appends a span of the input to the node's text. The node must be the last one
    /// whose text grew (spans of one node stay contiguous).
    pub fn add_text(&mut self, id: NodeId, start: u32, end: u32, space: bool) {
        debug_assert_eq!(self.nodes[id as usize].text.end as usize, self.spans.len());
        self.spans.push(Span { start, end, space });
        self.nodes[id as usize].text.end += 1;
    }
}

pub struct Siblings<'d, 'a> {
    doc: &'d Tree<'a>,
    next: NodeId,
}

impl Iterator for Siblings<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.doc.nodes[id as usize].next_sibling;
        Some(id)
    }
}

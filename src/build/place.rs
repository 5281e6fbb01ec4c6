//! Where a line goes: the stack rules for numbered items, agenda counters, labels and
//! headings, and the numbering diagnostics they find on the way.

use super::{Builder, Entry, Open, LOOKAHEAD};
use crate::model::{Code, Diagnostic, Kind, Numeral, Severity, Style};
use crate::read::{classify, Head, LineShape as Shape};
use crate::scan::Marker;
use crate::tree::{NodeId, NONE};

impl Builder<'_, '_> {
    /// Where a numbered item goes: pops the stack to its parent and returns it. `blank` and
    /// `unit` describe the new item (a blank line before it, an inline reporting unit).
    pub(super) fn place_marker(
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
            self.diagnostics.push(
                Diagnostic::new(
                    Code::NumberingStart,
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

    pub(super) fn place_counter(
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
                            Code::NumberingGap
                        } else {
                            Code::NumberingRepeat
                        };
                        self.diagnostics.push(
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
    pub(super) fn place_label(&mut self, i: usize) -> NodeId {
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

    pub(super) fn previous_sibling_has_label(&self, node: NodeId) -> bool {
        let doc = &self.tree;
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
    pub(super) fn list_goes_on(&self, i: usize, style: Style, ordinal: u32) -> bool {
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
            let class = classify(line.key());
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

    pub(super) fn place_heading(&mut self) -> NodeId {
        if let Some(k) = self.stack.iter().rposition(|e| e.open == Open::Heading) {
            self.stack.truncate(k);
        }
        self.top()
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

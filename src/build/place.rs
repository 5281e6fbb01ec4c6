//! Where a line goes: the stack rules for numbered items, agenda counters, labels, sections
//! and headings.
//!
//! - A sequence that continues (2 after 1, `一之一` after `一`, `3.` after `2、`) is siblings,
//!   wherever the previous item is in the stack; where two open lists both continue, the item
//!   goes with the one it resembles (its inline unit, a blank line before it, its indentation).
//! - A style that starts again at 1 inside an item is a new, deeper series; the level of a style
//!   is where it first appears inside its parent.
//! - A label goes beside the label it follows (`說明` then `決議`), else under the item it
//!   belongs to; it never sits directly in an item of the style of the series it opens (after
//!   `(1 )報告…`, `主席裁示：` with a new `(1 )…(4)` below it belongs to the report that holds
//!   both).
//! - An unnumbered section word is a part of the meeting, unless the meeting numbers its parts
//!   (`壹、`), when it is a label of the part it sits in (`主席致詞：` inside `壹、頒獎`).

use super::{Builder, Entry, Open, LOOKAHEAD};
use crate::model::{Kind, Numeral, Part, Punct, Style};
use crate::read::{classify, Class, Head, LineShape as Shape};
use crate::scan::Marker;
use crate::tree::{NodeId, NONE};

/// Whether an item of style `m` may continue a list of style `open`: the same style, `1、` and
/// `1.` (FORMAT.md §2), and `()` whose numeral was lost with any bracketed style.
pub(super) fn continues_style(open: Style, m: Style) -> (bool, bool) {
    let lost = |s: Style| s.numeral == Numeral::Lost;
    let exact = open == m
        || (lost(open) && m.punct == Punct::Paren)
        || (lost(m) && open.punct == Punct::Paren);
    (exact || open.compatible(m), exact)
}

impl Builder<'_, '_> {
    /// Where a numbered item goes: pops the stack to its parent and returns it, with the
    /// item's ordinal (a lost numeral takes the one its place gives). `blank` and `unit`
    /// describe the new item (a blank line before it, an inline reporting unit).
    pub(super) fn place_marker(
        &mut self,
        m: &Marker,
        written: &str,
        line: u32,
        blank: bool,
        unit: bool,
        indent: u16,
    ) -> (NodeId, u32) {
        let n = self.stack.len();
        let lost = m.style.numeral == Numeral::Lost;
        let continues = |e: &Entry| {
            lost || (m.ordinal == e.ordinal + 1 && m.sub == 0)
                || (m.ordinal == e.ordinal && m.sub == e.sub + 1)
        };
        // A sequence that continues is siblings, wherever its last item is. When an inner
        // series (under a label) and an outer one both continue, the item goes with the one
        // it resembles: its own style over a compatible one, then the same inline reporting
        // unit, the same blank line before it, the same indentation; the innermost on a tie.
        let mut best: Option<(usize, u32)> = None;
        for k in (0..n).rev() {
            let e = &self.stack[k];
            let Open::Item(st) = e.open else { continue };
            let (ok, exact) = continues_style(st, m.style);
            if !ok || !continues(e) {
                continue;
            }
            let score = 8 * exact as u32
                + 2 * (e.unit_field == unit) as u32
                + (e.blank_before == blank) as u32
                + (e.indent == indent) as u32;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((k, score));
            }
        }
        if let Some((k, _)) = best {
            let ordinal = if lost {
                self.stack[k].ordinal + 1
            } else {
                m.ordinal
            };
            self.stack.truncate(k);
            return (self.top(), ordinal);
        }
        let ordinal = if lost { 1 } else { m.ordinal };
        // A header field holds a value, never items: numbered fields (`一、時間：`…`五、主席：`)
        // that the item does not continue are closed (`壹、報告：` is no part of `五、主席：`).
        while let Some(&top) = self.stack.last() {
            if self.tree.node(top.node).kind != Kind::Field {
                break;
            }
            self.stack.pop();
        }
        let n = self.stack.len();
        // `1.` `2.` then `三、`: a number in another style that continues the innermost list,
        // where its own style's series would have to go back, is that list's next item.
        if let Some(k) = self
            .stack
            .iter()
            .rposition(|e| matches!(e.open, Open::Item(_)))
        {
            let e = self.stack[k];
            let own = (0..n)
                .rev()
                .find(|&j| self.stack[j].open == Open::Item(m.style));
            let backwards = own.is_some_and(|j| m.ordinal < self.stack[j].ordinal);
            if continues(&e) && m.ordinal > 1 && backwards {
                self.stack.truncate(k);
                return (self.top(), ordinal);
            }
        }
        if let Some(k) = (0..n)
            .rev()
            .find(|&k| self.stack[k].open == Open::Item(m.style))
        {
            let e = self.stack[k];
            let between_holder = self.stack[k + 1..]
                .iter()
                .any(|e| matches!(e.open, Open::Label | Open::Heading | Open::Counter(_)));
            // The first numbered line of a part that a label alone on its line announces
            // (`教導主任伍玉成報告：`) starts that part's series, whatever its number (an excerpt
            // that starts at `五、`; numbers that run on across the speakers of a report): it does
            // not close the part to go back to the outer list. A label with its content on its
            // own line (`決議：新竹二日遊。`) announces nothing below it.
            let holder = self.stack[n - 1];
            let announces = match holder.open {
                Open::Heading => true,
                Open::Label => {
                    let h = self.tree.node(holder.node);
                    self.tree.text(holder.node).len() <= h.label_len as usize
                }
                _ => false,
            };
            if announces
                && k < n - 1
                && !self
                    .tree
                    .children(holder.node)
                    .any(|c| !self.tree.node(c).marker.is_empty())
                && m.style.numeral != Numeral::Article
            {
                if !(ordinal == 1 && m.sub == 0) {
                    self.numbering_start(m, written, line);
                }
                return (self.top(), ordinal);
            }
            let top_rank = match self.stack[n - 1].open {
                Open::Item(st) => st.rank(),
                _ => 0,
            };
            let fresh = ordinal == 1 && m.sub == 0;
            // The same style again at 1 right after an item of it, nothing between: the list
            // starts over beside it, not inside it, unless that item introduced a list it has
            // not begun (`…如下：`).
            let introduces = {
                let t = self.tree.text(e.node);
                self.tree.node(e.node).first_child == NONE && t.ends_with(['：', ':'])
            };
            let repeat_of_first = k == n - 1 && !(introduces && e.ordinal > 1);
            // A style starting again at 1 inside an item is a deeper series, unless it would
            // nest an outer style under an inner one with nothing in between.
            if fresh && !repeat_of_first && (between_holder || top_rank <= m.style.rank()) {
                return (self.top(), ordinal);
            }
            if m.style.numeral != Numeral::Article {
                // Articles are cited by number, a few of many: no gap to report.
                self.numbering_slip(m, written, e.ordinal, line);
            }
            self.stack.truncate(k);
            return (self.top(), ordinal);
        }
        if !(ordinal == 1 && m.sub == 0) && m.style.numeral != Numeral::Article {
            self.numbering_start(m, written, line);
            // A series that starts in the middle sits where its style usually does: above
            // any open item of a style that is normally deeper.
            while let Some(Open::Item(st)) = self.stack.last().map(|e| e.open) {
                if st.rank() >= m.style.rank() {
                    self.stack.pop();
                } else {
                    break;
                }
            }
        }
        (self.top(), ordinal)
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
                Open::Counter(w) if w == word => {
                    let before = self.stack[k].ordinal;
                    if ordinal != before + 1 {
                        self.counter_slip(before, ordinal, written, line);
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
    /// item it belongs to. `after` is where the label's line goes on after it (a series may
    /// start there: `說明：一、…`).
    pub(super) fn place_label(&mut self, i: usize, after: usize) -> NodeId {
        for k in (0..self.stack.len()).rev() {
            match self.stack[k].open {
                Open::Label => {
                    self.stack.truncate(k);
                    return self.top();
                }
                Open::Counter(_) | Open::Section | Open::Appendix | Open::Heading => break,
                Open::Item(_) => {}
            }
        }
        // A label that opens a new series never sits directly in an item of that series'
        // style: `(1 )報告…` / `主席裁示：` / `(1 )…(4)`, or `二、獻獎` / `主席致詞：` / `一、…三、`.
        // It belongs to what holds that item.
        if let Some(next) = self.series_after(i, after) {
            let mut popped = false;
            while let Some(&top) = self.stack.last() {
                let Open::Item(st) = top.open else { break };
                // Unless the items of that list carry labels of their own (`一、…` / `決定：確定。`
                // / `二、…` / `決定：` / `一、…二、…`): then this one is the item's too.
                if !continues_style(st, next).0 || self.previous_sibling_has_label(top.node) {
                    break;
                }
                self.stack.pop();
                popped = true;
            }
            if popped {
                return self.top();
            }
        }
        // After the last item of a list (`（三）…` then `結論：`), the label concludes what
        // holds the list, unless the items before had labels of their own or the list goes
        // on after the label's content.
        let indent = self.lines[i].indent;
        while let Some(&top) = self.stack.last() {
            let Open::Item(style) = top.open else { break };
            if top.ordinal < 2 && top.sub == 0 {
                break;
            }
            // A part of the meeting (`貳、…`) holds its labels; so does an item whose text is a
            // title with nothing under it yet (`貳、上次會議待決議事項` / `案名：…`).
            if matches!(style.numeral, Numeral::Formal | Numeral::Stem)
                || (self.tree.node(top.node).first_child == NONE
                    && !self.tree.text(top.node).ends_with(crate::text::is_terminal))
            {
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

    /// The style of the new series a label's content starts with: on its own line
    /// (`說明：一、…`), or as the first numbered line within a few lines after it.
    fn series_after(&self, i: usize, after: usize) -> Option<Style> {
        let fresh = |c: Class| match c.head {
            Head::Marker(m) if m.ordinal <= 1 && m.sub == 0 => Some(Some(m.style)),
            Head::Marker(_) | Head::Counter(_) => Some(None),
            Head::None if c.label.is_some() || c.part.is_some() => Some(None),
            Head::None => None,
        };
        let key = self.lines[i].key();
        let rest = key.get(after..).unwrap_or("");
        let rest = rest.trim_start_matches(crate::text::is_space);
        if !rest.is_empty() {
            return fresh(classify(rest)).flatten();
        }
        self.lines[i + 1..]
            .iter()
            .filter(|l| l.shape == Shape::Content)
            .take(4)
            .find_map(|l| fresh(classify(l.key())))
            .flatten()
    }

    fn previous_sibling_has_label(&self, node: NodeId) -> bool {
        let tree = &self.tree;
        let mut prev = NONE;
        for k in tree.children_of(tree.node(node).parent) {
            if k == node {
                break;
            }
            prev = k;
        }
        prev != NONE
            && tree
                .children(prev)
                .any(|c| tree.node(c).kind == Kind::Label)
    }

    /// Whether item `ordinal + 1` of `style` comes in the next lines, before anything that
    /// would close the list (an item of an enclosing series, an agenda item, a section).
    fn list_goes_on(&self, i: usize, style: Style, ordinal: u32) -> bool {
        let outer: Vec<(Style, u32)> = self
            .stack
            .iter()
            .filter_map(|e| match e.open {
                Open::Item(st) if st != style => Some((st, e.ordinal)),
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

    /// An unnumbered section word (`報告事項`, `散會`, `附錄`, `主席致詞：`).
    pub(super) fn place_section(&mut self, i: usize, class: &Class) -> NodeId {
        let part = class.part.unwrap_or(Part::Other);
        let number = self.lines[i].number;
        // The meeting numbers its parts with the outer styles (壹、, 甲、) or as sections.
        let numbered_parts = self.stack.first().is_some_and(|e| match e.open {
            Open::Item(st) => {
                matches!(st.numeral, Numeral::Formal | Numeral::Stem)
                    || self.tree.node(e.node).kind == Kind::Section
            }
            _ => false,
        });
        if numbered_parts && !matches!(part, Part::Adjourn | Part::Appendix) {
            // The meeting numbers its parts: this one is a label of the part it sits in.
            let label_len = class.body;
            let parent = self.place_label(i, label_len + self.lines[i].key()[label_len..].len());
            let node = self.add(parent, Kind::Label, number);
            self.open(node, Open::Label, 0, 0);
            return node;
        }
        self.stack.clear();
        let (kind, open) = if part == Part::Appendix {
            (Kind::Appendix, Open::Appendix)
        } else {
            (Kind::Section, Open::Section)
        };
        let node = self.add(NONE, kind, number);
        self.open(node, open, 0, 0);
        node
    }

    pub(super) fn place_heading(&mut self) -> NodeId {
        if let Some(k) = self.stack.iter().rposition(|e| e.open == Open::Heading) {
            self.stack.truncate(k);
        }
        self.top()
    }

    /// What a new heading would sit in: the stack below the heading it would replace.
    fn above_heading(&self) -> &[Entry] {
        let end = self
            .stack
            .iter()
            .rposition(|e| e.open == Open::Heading)
            .unwrap_or(self.stack.len());
        &self.stack[..end]
    }

    /// The style of the nearest numbered item a new heading would sit in.
    pub(super) fn open_item_style(&self) -> Option<Style> {
        self.above_heading()
            .iter()
            .rev()
            .find_map(|e| match e.open {
                Open::Item(st) => Some(st),
                _ => None,
            })
    }

    /// Whether an item of this style is open above where a new heading would sit.
    pub(super) fn style_open(&self, style: Style) -> bool {
        self.above_heading()
            .iter()
            .any(|e| matches!(e.open, Open::Item(st) if continues_style(st, style).0))
    }
}

//! The front matter: what comes before the body of the minutes. Title lines (the issuing body,
//! the meeting, the edition, often twice where a web page repeats its breadcrumb), header fields
//! (`日期：…`, `主　席`, `一、時間：…`, a field word alone on its line with its value on the next),
//! lists of people that run on across wrapped lines, blank lines and `單位：姓名` groups until
//! the next field, and web-page chrome (`跳到主要內容區塊`).
//!
//! The body starts at the first line that is evidence of it: an agenda counter, a section, a
//! numbered line that is not a header field, a label that holds content, or running prose.

use super::join::heading_like;
use super::{Builder, Open};
use crate::lexicon;
use crate::model::{Kind, Role};
use crate::read::{Class, Head};
use crate::scan::spaced_word;
use crate::text::{has_clause_punctuation, is_han, is_space};
use crate::tree::{NodeId, NONE};

#[derive(Default)]
pub(super) struct Front {
    /// Still in the front matter.
    pub(super) open: bool,
    titles: u32,
    fields: bool,
    /// A list of people being read: its lines continue until the next field.
    list: Option<NodeId>,
    /// The list began on its label's line (`出席委員：A B C`): a line `職稱：姓名` after it is a
    /// field of its own, not more of the list (as it is after `列席單位、人員：` alone).
    list_inline: bool,
    /// A field word alone on its line (`開會日期`), waiting for its value on the next.
    awaiting: Option<NodeId>,
}

/// A header field word alone on its line, letter-spaced or not (`開會日期`, `主　　席`,
/// `出席`): its role and bytes.
fn bare_field_word(s: &str) -> Option<(&'static str, Role, usize)> {
    let c = s.chars().next()?;
    lexicon::labels_starting(c)
        .iter()
        .filter(|(_, role)| role.is_header())
        .find_map(|&(word, role)| {
            let n = spaced_word(s, word)?;
            s[n..]
                .chars()
                .all(is_space)
                .then_some((word, role, s.len()))
        })
}

/// `資料來源:綜合業務處`, `期數:689`, `layout: page`: a few Chinese characters (or a lowercase
/// key), a colon and a value, in the front matter; a field whose role the lexicon does not know.
/// Returns the bytes of the label.
fn other_field(s: &str) -> Option<usize> {
    // A static site's YAML front matter (`title:  "114年3月 第一次會議紀錄"`, `layout: page`).
    let key = s
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
        .count();
    if key >= 2 && (s[key..].starts_with(": ") || &s[key..] == ":") {
        return Some(key + 1);
    }
    let (k, c) = s
        .char_indices()
        .take(9)
        .find(|&(_, c)| matches!(c, '：' | ':'))?;
    let head = &s[..k];
    let chars = head.chars().count();
    ((2..=8).contains(&chars) && head.chars().all(|c| is_han(c) || is_space(c)) && k + 1 < s.len())
        .then_some(k + c.len_utf8())
}

impl Front {
    pub(super) fn new() -> Front {
        Front {
            open: true,
            ..Front::default()
        }
    }
}

impl Builder<'_, '_> {
    /// Places `line[from..]` if it belongs to the front matter; `None` if the body starts here.
    pub(super) fn front_segment(
        &mut self,
        i: usize,
        from: usize,
        class: &Class,
        blanks: u32,
        page_break: bool,
    ) -> Option<Option<usize>> {
        let lines = self.lines;
        let line = &lines[i];
        let key = &line.key()[from..];
        let text = &line.text[from..];
        let number = line.number;
        // Web-page chrome is no part of anything.
        if from == 0 && lexicon::is_chrome(key.trim_matches(is_space)) {
            let node = self.add(NONE, Kind::Paragraph, number);
            let split = self.add_text(node, i, from, false);
            self.last = None;
            return Some(split);
        }
        let field = class.label.filter(|l| l.role.is_header());
        let bare = (class.head == Head::None && class.label.is_none() && class.part.is_none())
            .then(|| bare_field_word(key))
            .flatten();
        let is_field = field.is_some() || bare.is_some();
        let body = match class.head {
            Head::Counter(_) => true,
            Head::Marker(_) => field.is_none(),
            Head::None => {
                class.part.is_some()
                    || class.pipe_row
                    || class.label.is_some_and(|l| l.role.holds_content())
            }
        };
        if let Some(list) = self.front.list {
            let own_field = self.front.list_inline && other_field(key).is_some();
            if !is_field && !body && !own_field && crate::header::looks_like_people(text) {
                // The names run on: wrapped lines, lines after a blank, `單位：姓名` groups.
                let split = self.add_text(list, i, from, true);
                return Some(split);
            }
            self.front.list = None;
        }
        if let Some(node) = self.front.awaiting.take() {
            if !is_field && !body {
                // The value of a field word that stood alone on its line.
                let split = self.add_text(node, i, from, true);
                if self
                    .tree
                    .node(node)
                    .label
                    .is_some_and(|(_, r)| r.is_people())
                {
                    self.front.list = Some(node);
                    self.front.list_inline = false;
                }
                return Some(split);
            }
        }
        if body {
            return None;
        }
        if let Some(l) = field {
            let node = match class.head {
                Head::Marker(m) => self.numbered(i, from, class, m, Kind::Field, blanks),
                _ => self.add(NONE, Kind::Field, number),
            };
            let marker_len = match class.head {
                Head::Marker(m) => m.len,
                _ => 0,
            };
            self.front.fields = true;
            let split = self.fill(node, i, from, class, marker_len);
            let value_empty = self.tree.text(node).len() <= self.tree.node(node).label_len as usize;
            if l.role.is_people() {
                self.front.list = Some(node);
                self.front.list_inline = !value_empty;
            } else if value_empty {
                self.front.awaiting = Some(node);
            }
            return Some(split);
        }
        if let Some((word, role, len)) = bare {
            let node = self.add(NONE, Kind::Field, number);
            self.front.fields = true;
            let split = self.add_text(node, i, from, false);
            let n = &mut self.tree.nodes[node as usize];
            n.label = Some((word, role));
            n.label_len = len as u32;
            self.front.awaiting = Some(node);
            return Some(split);
        }
        // A title or a field value that wrapped onto the next line.
        if self.last.is_some() && self.continues(text, blanks, page_break) {
            let node = self.last.unwrap().node;
            return Some(self.add_text(node, i, from, true));
        }
        if let Some(len) = other_field(key) {
            let node = self.add(NONE, Kind::Field, number);
            self.front.fields = true;
            let split = self.add_text(node, i, from, false);
            let n = &mut self.tree.nodes[node as usize];
            n.label = Some(("", Role::Other));
            n.label_len = len as u32;
            return Some(split);
        }
        // The title block: issuing body, meeting title, edition; after the fields, only a line
        // that names the minutes (a web page repeats its title below its metadata).
        let names_minutes = ["紀錄", "記錄", "會議", "議事錄", "會報", "決議"]
            .iter()
            .any(|w| text.contains(w));
        if self.front.titles < 8
            && heading_like(text, 120)
            && !has_clause_punctuation(text)
            && (!self.front.fields || names_minutes)
        {
            self.front.titles += 1;
            let node = self.add(NONE, Kind::Title, number);
            return Some(self.add_text(node, i, from, false));
        }
        // Among the fields, a short line such as `專門委員　楊雅琳` does not end the front.
        if self.front.fields && heading_like(text, 60) {
            let node = self.add(NONE, Kind::Paragraph, number);
            return Some(self.add_text(node, i, from, false));
        }
        None
    }

    /// The body starts: what was open in the front closes, but for a numbered series of header
    /// fields (`一、時間：…五、主席：…`), which the body's `六、` continues.
    pub(super) fn end_front(&mut self) {
        self.front.open = false;
        self.front.list = None;
        self.front.awaiting = None;
        self.body_start = Some(self.tree.nodes.len() as NodeId);
        self.stack.retain(|e| matches!(e.open, Open::Item(_)));
    }
}

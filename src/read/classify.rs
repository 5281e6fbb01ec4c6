//! What a line (or the rest of one) starts with. Reads words only; where the line goes in the
//! tree is for [`crate::build`] to decide, with the context it keeps.

use crate::model::{Part, Role};
use crate::scan::label::{bracketed_field, gap_label, heading_label};
use crate::scan::{self, Counter, Label, Marker};
use crate::text::skip_spaces;

/// What opens the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// Nothing: the line is text (or a label or section word, see [`Class`]).
    None,
    Marker(Marker),
    Counter(Counter),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Class {
    pub head: Head,
    /// Byte offset where the node's own text starts, after the head and its spaces.
    pub body: usize,
    /// A label at `body`: `說明：`, `日期：`.
    pub label: Option<Label>,
    /// A section word at `body`: `報告事項`, `散會`, `附錄`.
    pub part: Option<Part>,
    /// A field wrapped in brackets on its own, `（報告單位：數位策略司）`: the label starts
    /// one character in.
    pub bracketed: bool,
    /// A Markdown pipe-table row, `| a | b |`.
    pub pipe_row: bool,
    /// The label has no colon (`主　　席　高召集委員振源`): a header field only in the header.
    pub gap_label: bool,
}

impl Class {
    /// Plain text: nothing opens the line.
    pub fn plain() -> Class {
        Class {
            head: Head::None,
            body: 0,
            label: None,
            part: None,
            bracketed: false,
            pipe_row: false,
            gap_label: false,
        }
    }

    /// A line that starts something in the tree, rather than text that may continue the last.
    pub fn is_structural(&self) -> bool {
        self.head != Head::None || self.label.is_some() || self.part.is_some() || self.pipe_row
    }
}

pub fn classify(text: &str) -> Class {
    let mut class = Class::plain();
    if text.starts_with('|') && text.ends_with('|') && text.len() > 2 {
        class.pipe_row = true;
        return class;
    }
    let head_len = if let Some(c) = scan::counter(text) {
        class.head = Head::Counter(c);
        c.len
    } else if let Some(m) = scan::marker(text) {
        class.head = Head::Marker(m);
        m.len
    } else {
        0
    };
    class.body = head_len + skip_spaces(&text[head_len..]);
    let rest = &text[class.body..];
    if let Some(l) = scan::label(rest) {
        class.label = Some(l);
    } else if let Some((part, _)) = scan::section(rest) {
        class.part = Some(part);
    } else if class.head == Head::None {
        class.label = bracketed_field(rest).or_else(|| heading_label(rest));
        class.bracketed = class.label.is_some_and(|l| l.role != Role::Other);
        if class.label.is_none() {
            class.label = gap_label(rest);
            class.gap_label = class.label.is_some();
        }
    } else if matches!(class.head, Head::Marker(_)) {
        // `一、時間97112612101310`: a numbered header field without its colon.
        class.label = gap_label(rest);
        class.gap_label = class.label.is_some();
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_labels_and_sections() {
        let c = classify("貳、 報告事項");
        assert!(matches!(c.head, Head::Marker(m) if m.ordinal == 2));
        assert_eq!(c.part, Some(Part::Report));
        assert_eq!(&"貳、 報告事項"[c.body..], "報告事項");

        let c = classify("一、時間：113年5月8日");
        assert_eq!(c.label.map(|l| l.role), Some(Role::Date));

        let c = classify("案由一：本部重要會議");
        assert!(matches!(c.head, Head::Counter(k) if k.word == "案由"));
        assert_eq!(c.label, None);

        let c = classify("決定：洽悉。");
        assert_eq!(c.head, Head::None);
        assert_eq!(c.label.map(|l| l.word), Some("決定"));

        let c = classify("（報告單位：數位策略司）");
        assert!(c.bracketed);
        assert_eq!(c.label.map(|l| l.role), Some(Role::Unit));

        let c = classify("| 項目 | 金額 |");
        assert!(c.pipe_row);

        let c = classify("補助電信事業強化行動網路韌性建設");
        assert!(!c.is_structural());
    }
}

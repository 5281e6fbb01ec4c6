//! Whether a line of text continues the last (a hard wrap, a page break in a sentence) or is a
//! paragraph or a heading of its own.

use super::{Builder, Open};
use crate::model::{Kind, Role};
use crate::read::{classify, Head, Line, LineShape as Shape};
use crate::text::{
    has_clause_punctuation, is_continuing, is_space, is_tail_start, is_terminal, width,
};
use crate::tree::{NodeId, NONE};

/// The node a following line of text may continue, and how its last line ended.
#[derive(Clone, Copy, Debug)]
pub(super) struct Last {
    pub(super) node: NodeId,
    /// Ends with 。；： and the like.
    pub(super) terminated: bool,
    /// Ends with ，、（ and the like: the sentence goes on.
    pub(super) continuing: bool,
    /// The last line has clause punctuation inside: it is running text, not a title.
    pub(super) prose: bool,
    /// Characters and display width of the last line.
    pub(super) chars: usize,
    pub(super) width: usize,
    /// Ends with a Latin letter or digit: a wrapped English word needs a space.
    pub(super) latin_end: bool,
    /// A header list (出席人員：…) whose names may run over several lines.
    pub(super) list: bool,
}

/// The width hard-wrapped text was cut at: the 95th percentile of line widths, which in a
/// wrapped document is the width of its full lines (in a document of one paragraph a line, it
/// is the longest paragraphs', which no wrapped-looking line reaches).
pub(super) fn wrap_width(lines: &[Line], sizes: &[(usize, usize)]) -> Option<Wrap> {
    let content = lines
        .iter()
        .zip(sizes)
        .filter(|(l, _)| l.shape == Shape::Content && !l.raw.contains('\t'));
    let mut widths: Vec<usize> = content.clone().map(|(_, s)| s.0).collect();
    let mut chars: Vec<usize> = content.map(|(_, s)| s.1).collect();
    if widths.len() < 6 {
        return None;
    }
    crate::text::sort_by_key(&mut widths, |&w| w as u64);
    crate::text::sort_by_key(&mut chars, |&c| c as u64);
    let at = widths.len() * 95 / 100;
    Some(Wrap {
        width: widths[at],
        chars: chars[at],
    })
}

/// Where hard-wrapped text was cut, in display columns and in characters (a converter may
/// have counted either).
#[derive(Clone, Copy, Debug)]
pub(super) struct Wrap {
    pub(super) width: usize,
    pub(super) chars: usize,
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

impl Builder<'_, '_> {
    /// A line of text with no marker or label that does not continue the last item.
    pub(super) fn text_line(&mut self, i: usize, from: usize, text: &str) -> Option<usize> {
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
    pub(super) fn heads_what_follows(&self, i: usize) -> bool {
        let Some(next) = self.lines[i + 1..]
            .iter()
            .find(|l| l.shape == Shape::Content)
        else {
            return false;
        };
        if next.raw.contains('\t') {
            return true;
        }
        let class = classify(next.key());
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
    pub(super) fn continues_strongly(&self, text: &str, blanks: u32, page_break: bool) -> bool {
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
    pub(super) fn continues(&self, text: &str, blanks: u32, page_break: bool) -> bool {
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
        if self.tree.node(last.node).kind == Kind::Title {
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
    pub(super) fn add_text(
        &mut self,
        node: NodeId,
        i: usize,
        from: usize,
        joining: bool,
    ) -> Option<usize> {
        let lines = self.lines;
        let line = &lines[i];
        let text: &str = &line.text;
        let split = self.glued(text, from);
        let to = split.unwrap_or(text.len());
        let piece = &text[from..to];
        let piece = piece.trim_end_matches(is_space);
        let to = from + piece.len();
        let first = piece.chars().next();
        // A space where an English word was wrapped, and between the indented lines of a list
        // of people laid out in columns (a name ends where such a line does; a hard wrap may
        // cut a name in two).
        let indented = line.raw.starts_with(is_space);
        let space = joining
            && (self.last.is_some_and(|l| l.list) && indented
                || (self.last.is_some_and(|l| l.latin_end)
                    && first.is_some_and(|c| c.is_ascii_alphanumeric())));
        for (k, (s, e)) in line.input_ranges(from, to).enumerate() {
            self.tree.add_text(node, s, e, space && k == 0);
        }
        let n = &mut self.tree.nodes[node as usize];
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
}

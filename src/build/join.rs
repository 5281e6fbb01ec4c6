//! Whether a line of text continues the last (a hard wrap, a page break in a sentence) or is a
//! paragraph or a heading of its own; and when a line that starts like a numbered item is text
//! after all (a wrapped line of a quotation, the rest of a list cut after an enumeration comma).

use super::{Builder, Open};
use crate::model::{Kind, Numeral, Style};
use crate::read::{classify, Class, Head, Line, LineShape as Shape};
use crate::text::{
    has_clause_punctuation, is_continuing, is_space, is_tail_start, is_terminal, width,
};
use crate::tree::NodeId;

/// How many lines a quotation may run before a marker at the start of a line is read as the
/// minutes' own again (an unclosed 「 is more often a typo than a page-long quotation).
const QUOTE_LINES: u32 = 8;

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
    /// The node's text has a 「 or 『 not yet closed, opened this many lines ago (0: none).
    pub(super) quote: u32,
    /// The node's text has an opening bracket （ not yet closed.
    pub(super) bracket: bool,
    /// The node's text separates what it lists with 、 or commas.
    pub(super) separated: bool,
}

/// How the quotation marks and brackets of `piece` change the open counts `(quotes, brackets)`.
fn balance(piece: &str, mut quotes: i32, mut brackets: i32) -> (i32, i32) {
    for c in piece.chars() {
        match c {
            '「' | '『' => quotes += 1,
            '」' | '』' => quotes = (quotes - 1).max(0),
            '（' | '(' => brackets += 1,
            '）' | ')' => brackets = (brackets - 1).max(0),
            _ => {}
        }
    }
    (quotes, brackets)
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
pub(super) fn heading_like(text: &str, max_width: usize) -> bool {
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
                || after_note(text).is_some_and(ends_terminated)
        }
        _ => false,
    }
}

/// The text before a bracketed note that ends it: `…提請討論。` of `…提請討論。（提案單位：…）`.
fn after_note(text: &str) -> Option<&str> {
    let body = text.strip_suffix(['）', ')'])?;
    let open = body.rfind(['（', '('])?;
    // One note, without brackets inside it.
    (!body[open..].contains(['）', ')'])).then(|| text[..open].trim_end_matches(is_space))
}

impl Builder<'_, '_> {
    /// A line of text with no marker or label that does not continue the last item: a
    /// paragraph of what is open, or a heading of what follows.
    pub(super) fn text_line(&mut self, i: usize, from: usize, text: &str) -> Option<usize> {
        let number = self.lines[i].number;
        // A line as wide as the wrap is part of a paragraph, not a title.
        let w = if from == 0 {
            self.sizes[i].0
        } else {
            width(text)
        };
        let full = self.wrap.is_some_and(|wrap| w * 10 >= wrap.width * 9);
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

    /// Whether a short line heads what comes next, as a reader sees it: a new series deeper
    /// than the item the line sits in (never one of the document's outer styles, never a
    /// style already open above it), a table, or, inside a numbered item, a paragraph.
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
        let within = self.open_item_style();
        let class = classify(next.key());
        match class.head {
            Head::Marker(m) => {
                let deeper = match within {
                    Some(st) => m.style.rank() > st.rank(),
                    None => !outer_style(m.style),
                };
                m.ordinal <= 1 && m.sub == 0 && deeper && !self.style_open(m.style)
            }
            Head::Counter(_) => false,
            Head::None if class.pipe_row => true,
            Head::None => match (class.label, class.part) {
                (Some(l), _) => within.is_some() && l.role.holds_content(),
                (None, Some(_)) => false,
                // A paragraph, where blank lines set the line apart: in hard-wrapped text a short
                // line followed by more text is a wrapped sentence, not a title.
                (None, None) => {
                    within.is_some() && !heading_like(&next.text, 100) && self.set_apart(i)
                }
            },
        }
    }

    /// Whether a blank line comes right before or after line `i`.
    fn set_apart(&self, i: usize) -> bool {
        let blank = |j: Option<usize>| {
            j.and_then(|j| self.lines.get(j))
                .is_some_and(|l| l.shape == Shape::Blank)
        };
        blank(i.checked_sub(1)) || blank(Some(i + 1))
    }

    /// A line that starts like a numbered item, a counter or a label, but that a reader reads
    /// as the rest of the text before it: a wrapped line inside a quotation the line before
    /// opened (`…不受附表之限制：...` / `五、閒置或低度利用之公共設施…」辦理`), or, after a line cut
    /// at a comma or an enumeration comma, a "number" that continues no open list
    /// (`61、63、65、67、` / `69、71 號…`).
    pub(super) fn only_looks_structural(
        &self,
        class: &Class,
        blanks: u32,
        page_break: bool,
    ) -> bool {
        let Some(last) = self.last else {
            return false;
        };
        if last.quote > 0 && last.quote <= QUOTE_LINES && blanks <= 1 {
            return true;
        }
        // A cut sentence may go on with `五、`, but not with `壹、`: those number only the
        // agenda's parts (a list of names that ends in `、` before it is just unfinished).
        if last.continuing && blanks == 0 && !page_break {
            if let Head::Marker(m) = class.head {
                return m.style.numeral != crate::model::Numeral::Formal
                    && !self.continues_open(&m);
            }
        }
        false
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
        // `…電力設施用地（供地下電纜使` / `用）計畫案`: the line closes a bracket the last opened.
        if last.bracket && blanks <= 1 && closes_first(text) {
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
        // A line cut at the wrap width, then a blank line a PDF conversion put inside the
        // paragraph (`…多目標臨時使` / `` / `用設置於學校場地…`).
        let full = self
            .wrap
            .is_some_and(|w| last.width * 10 >= w.width * 9 || last.chars * 10 >= w.chars * 9);
        if full && blanks <= 1 && !page_break {
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
        let quoted = joining && self.last.is_some_and(|l| l.node == node && l.quote > 0);
        // Glued markers are found in the folded text, at the same offsets.
        let header_line = self.tree.nodes[node as usize]
            .label
            .is_some_and(|(_, role)| role.is_header());
        let split = (!line.run_on)
            .then(|| self.glued(i, from, quoted, header_line))
            .flatten();
        let to = split.unwrap_or(text.len());
        let piece = &text[from..to];
        let piece = piece.trim_end_matches(is_space);
        let to = from + piece.len();
        let first = piece.chars().next();
        // A space where an English word was wrapped, and between the indented lines of a list
        // of people laid out in columns (a name ends where such a line does; a hard wrap may
        // cut a name in two).
        let list_line = self.last.is_some_and(|l| l.list && l.node == node);
        // Names laid out in columns or set apart by blank lines end where their line does; a
        // hard wrap of a list separated by 、 may cut a name in two.
        let separated = list_line && self.last.is_some_and(|l| l.separated);
        let apart = line.raw.starts_with(is_space)
            || i.checked_sub(1)
                .is_some_and(|j| lines[j].shape != crate::read::LineShape::Content)
            || !separated;
        let space = joining
            && (list_line && apart
                || (self.last.is_some_and(|l| l.latin_end)
                    && first.is_some_and(|c| c.is_ascii_alphanumeric())));
        // Quotations and brackets still open in the node's text.
        let (quotes, brackets, quote_age) = match self.last {
            Some(l) if joining && l.node == node => {
                (l.quote.min(1) as i32, l.bracket as i32, l.quote)
            }
            _ => (0, 0, 0),
        };
        let (quotes, brackets) = balance(piece, quotes, brackets);
        let quote = if quotes > 0 {
            quote_age.max(1) + (quote_age > 0) as u32
        } else {
            0
        };
        for (k, (s, e)) in line.input_ranges(from, to).enumerate() {
            self.tree.add_text(node, s, e, space && k == 0);
        }
        let n = &mut self.tree.nodes[node as usize];
        n.end_line = line.number;
        let last_char = piece.chars().next_back();
        let list = n.label.is_some_and(|(_, r)| r.is_people()) || (joining && list_line);
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
                quote: 0,
                bracket: false,
                separated: false,
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
                quote,
                bracket: brackets > 0,
                separated: separated || piece.contains(['、', '，', ',']),
            })
        };
        split
    }
}

/// The document's outer styles: `壹、` and `甲、` number the parts of a meeting, never what a
/// line without a number heads.
fn outer_style(style: Style) -> bool {
    matches!(style.numeral, Numeral::Formal | Numeral::Stem)
}

/// Whether the text closes a bracket before it opens one: `用）計畫案`.
fn closes_first(text: &str) -> bool {
    text.chars()
        .find(|c| matches!(c, '（' | '(' | '）' | ')'))
        .is_some_and(|c| matches!(c, '）' | ')'))
}

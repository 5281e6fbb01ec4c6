//! The outline as flat columns of numbers, for consumers that hold the input string already
//! (the web component): nodes in document order, each with its parent's index, its kind, and
//! its text as UTF-16 ranges of the input. No string is copied; JavaScript slices its own.
//!
//! Crossing into JavaScript as typed arrays costs about a tenth of a millisecond for
//! thousands of nodes, where building an object per node costs milliseconds
//! (docs/PERFORMANCE.md).

use super::json::role_name;
use crate::model::{role_names, FactValue, Kind, CURRENCIES};
use crate::text::Utf16Cursor;
use crate::tree::NONE;
use crate::Document;

/// Columns, one entry per node unless said otherwise.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flat {
    /// Index of the parent, -1 at the top level.
    pub parent: Vec<i32>,
    pub depth: Vec<u8>,
    /// Index into [`KINDS`].
    pub kind: Vec<u8>,
    /// Index into [`ROLES`], 0 for none.
    pub role: Vec<u8>,
    pub line: Vec<u32>,
    pub end_line: Vec<u32>,
    pub ordinal: Vec<u32>,
    /// Index into the document's units, -1 for none.
    pub unit: Vec<i32>,
    /// UTF-16 length of the label at the start of the text (`說明：`), 0 for none.
    pub label_len: Vec<u32>,
    /// The node's marker is segments `marker_at[i]..text_at[i]`, its text
    /// `text_at[i]..marker_at[i + 1]` (one more entry than nodes).
    pub marker_at: Vec<u32>,
    pub text_at: Vec<u32>,
    /// Segments: UTF-16 `[start, end)` of the input, and 1 where a space goes before it.
    pub seg_start: Vec<u32>,
    pub seg_end: Vec<u32>,
    pub seg_space: Vec<u8>,
    /// Facts: node, kind (0 date, 1 amount, 2 percentage), UTF-16 range in the node's text,
    /// and two numbers: dates as yyyymmdd from and to; amounts as value and currency index
    /// into [`CURRENCIES`]; percentages as value and 0.
    pub fact_node: Vec<u32>,
    pub fact_kind: Vec<u8>,
    pub fact_start: Vec<u32>,
    pub fact_end: Vec<u32>,
    pub fact_a: Vec<f64>,
    pub fact_b: Vec<f64>,
}

/// Kind names, in the order of the `kind` column.
pub fn kind_names() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.name()).collect()
}

fn kind_index(k: Kind) -> u8 {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8
}

pub fn flatten(doc: &Document) -> Flat {
    let n = doc.nodes.len();
    let mut f = Flat {
        parent: Vec::with_capacity(n),
        depth: Vec::with_capacity(n),
        kind: Vec::with_capacity(n),
        role: Vec::with_capacity(n),
        line: Vec::with_capacity(n),
        end_line: Vec::with_capacity(n),
        ordinal: Vec::with_capacity(n),
        unit: Vec::with_capacity(n),
        label_len: Vec::with_capacity(n),
        marker_at: Vec::with_capacity(n + 1),
        text_at: Vec::with_capacity(n),
        ..Flat::default()
    };
    let roles = role_names();
    let role_index = |n: &crate::tree::Node| {
        role_name(n)
            .and_then(|r| roles.iter().position(|&x| x == r))
            .unwrap_or(0) as u8
    };
    let mut cursor = Utf16Cursor::new(doc.input);
    let mut push_segments = |f: &mut Flat, range: &std::ops::Range<u32>| {
        for s in &doc.spans[range.start as usize..range.end as usize] {
            f.seg_start.push(cursor.at(s.start as usize));
            f.seg_end.push(cursor.at(s.end as usize));
            f.seg_space.push(s.space as u8);
        }
    };
    for (id, node) in doc.nodes.iter().enumerate() {
        f.parent.push(if node.parent == NONE {
            -1
        } else {
            node.parent as i32
        });
        f.depth.push(node.depth.min(255) as u8);
        f.kind.push(kind_index(node.kind));
        f.role.push(role_index(node));
        f.line.push(node.line);
        f.end_line.push(node.end_line);
        f.ordinal.push(node.ordinal);
        let unit = doc.units.of_node[id];
        f.unit.push(if unit == NONE { -1 } else { unit as i32 });
        f.marker_at.push(f.seg_start.len() as u32);
        push_segments(&mut f, &node.marker);
        f.text_at.push(f.seg_start.len() as u32);
        push_segments(&mut f, &node.text);
        let facts = doc.facts(id as u32);
        let text = if node.label_len > 0 || !facts.is_empty() {
            Some(doc.text(id as u32))
        } else {
            None
        };
        let mut local = text.as_deref().map(Utf16Cursor::new);
        f.label_len.push(match &mut local {
            Some(c) if node.label_len > 0 => c.at(node.label_len as usize),
            _ => 0,
        });
        for fact in facts {
            let Some(c) = local.as_mut() else { break };
            f.fact_node.push(id as u32);
            f.fact_start.push(c.at(fact.start as usize));
            f.fact_end.push(c.at(fact.end as usize));
            let (kind, a, b) = match &fact.value {
                FactValue::Date { from, to } => (0, from.ymd() as f64, to.ymd() as f64),
                FactValue::Amount { value, currency } => (
                    1,
                    *value as f64,
                    CURRENCIES.iter().position(|c| c == currency).unwrap_or(0) as f64,
                ),
                FactValue::Percent { value } => (2, *value, 0.0),
            };
            f.fact_kind.push(kind);
            f.fact_a.push(a);
            f.fact_b.push(b);
        }
    }
    f.marker_at.push(f.seg_start.len() as u32);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// The flat view's segments, sliced as JavaScript would, give the model's texts.
    #[test]
    fn segments_rebuild_every_text() {
        let input = "數位發展部\n\n- 1、**新知**：114年10月17日辦理 🎉 研討會，計\n\n有國內學員參加。\n案由二：施政重點。（報告單位：數位國際司）\n決定：洽悉。\n";
        let doc = crate::parse(input);
        let f = flatten(&doc);
        let units = utf16(input);
        let slice = |a: u32, b: u32| String::from_utf16(&units[a as usize..b as usize]).unwrap();
        for id in 0..doc.nodes.len() {
            let mut marker = String::new();
            for s in f.marker_at[id]..f.text_at[id] {
                marker += &slice(f.seg_start[s as usize], f.seg_end[s as usize]);
            }
            let mut text = String::new();
            for s in f.text_at[id]..f.marker_at[id + 1] {
                if f.seg_space[s as usize] == 1 && s > f.text_at[id] {
                    text.push(' ');
                }
                text += &slice(f.seg_start[s as usize], f.seg_end[s as usize]);
            }
            assert_eq!(marker, doc.marker(id as u32));
            assert_eq!(text, doc.text(id as u32));
        }
        // The date sits where its text says, counted in UTF-16.
        let k = f.fact_kind.iter().position(|&k| k == 0).unwrap();
        let node = f.fact_node[k] as usize;
        let t = utf16(&doc.text(node as u32));
        let d = String::from_utf16(&t[f.fact_start[k] as usize..f.fact_end[k] as usize]).unwrap();
        assert_eq!(d, "114年10月17日");
        assert_eq!(f.fact_a[k], 20251017.0);
        assert_eq!(kind_names()[f.kind[node] as usize], "item");
        let roles = role_names();
        let label = f
            .role
            .iter()
            .position(|&r| roles[r as usize] == "decision")
            .unwrap();
        assert_eq!(f.label_len[label], 3);
    }

    #[test]
    fn names_are_the_models() {
        assert_eq!(kind_names().len(), Kind::ALL.len());
        let roles = role_names();
        assert_eq!(roles[0], "");
        assert!(roles.contains(&"decision") && roles.contains(&"adjourn"));
        assert!(CURRENCIES.contains(&"TWD"));
    }
}

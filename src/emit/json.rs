//! The model as JSON (the CLI's `--json`) and as JavaScript objects (the `parse` export of the
//! WebAssembly module): nodes nested as `children`, facts and units beside each node.
//!
//! Offsets into text (`at`, `labelLen`) count UTF-16 code units, as JavaScript strings do.

use crate::model::{iso_range, FactValue, SCHEMA_VERSION};
use crate::text::{utf16_at, Utf16Cursor};
use crate::tree::{NodeId, NONE};
use crate::Document;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// The role of a label, or the part of a section.
pub fn role_name(n: &crate::tree::Node) -> Option<&'static str> {
    n.label.map(|(_, r)| r.name()).or(n.part.map(|p| p.name()))
}

struct Facts<'d, 'a> {
    doc: &'d Document<'a>,
    id: NodeId,
    text: &'d str,
    want: u8, // 0 dates, 1 amounts, 2 percentages
}

impl Serialize for Facts<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        // Facts come in order of their start: one pass over the text for all their offsets,
        // where counting from the start for each would be quadratic in a long paragraph.
        let mut cursor = Utf16Cursor::new(self.text);
        for f in self.doc.facts(self.id) {
            let kind = match f.value {
                FactValue::Date { .. } => 0,
                FactValue::Amount { .. } => 1,
                FactValue::Percent { .. } => 2,
            };
            if kind != self.want {
                continue;
            }
            let written = &self.text[f.start as usize..f.end as usize];
            let at = [cursor.at(f.start as usize), cursor.at(f.end as usize)];
            match (&f.value, self.want) {
                (FactValue::Date { from, to }, 0) => seq.serialize_element(&DateOut {
                    text: written,
                    iso: iso_range(*from, *to),
                    from: (from.year != 0).then(|| from.iso()),
                    to: (to.year != 0).then(|| to.iso()),
                    at,
                })?,
                (FactValue::Amount { value, currency }, 1) => {
                    seq.serialize_element(&AmountOut {
                        text: written,
                        value: *value,
                        currency,
                        at,
                    })?
                }
                (FactValue::Percent { value }, 2) => seq.serialize_element(&PercentOut {
                    text: written,
                    value: *value,
                    at,
                })?,
                _ => {}
            }
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct DateOut<'t> {
    text: &'t str,
    iso: String,
    from: Option<String>,
    to: Option<String>,
    at: [u32; 2],
}

#[derive(Serialize)]
struct AmountOut<'t> {
    text: &'t str,
    value: i64,
    currency: &'static str,
    at: [u32; 2],
}

#[derive(Serialize)]
struct PercentOut<'t> {
    text: &'t str,
    value: f64,
    at: [u32; 2],
}

/// One node and, nested, its children. Recursion is bounded by [`crate::tree::MAX_DEPTH`].
struct NodeOut<'d, 'a> {
    doc: &'d Document<'a>,
    id: NodeId,
}

impl Serialize for NodeOut<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let n = doc.node(self.id);
        let text = doc.text(self.id);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("kind", &n.kind)?;
        m.serialize_entry("marker", &doc.marker(self.id))?;
        m.serialize_entry("ordinal", &n.ordinal)?;
        if n.sub != 0 {
            m.serialize_entry("sub", &n.sub)?;
        }
        let style = match (n.style, n.counter) {
            (Some(st), _) => Some(st.format(1)),
            (None, Some(word)) => Some(word.to_string()),
            _ => None,
        };
        m.serialize_entry("style", &style)?;
        // A heading label (`委員發言要點：`) is named by its own words.
        let label = n.label.map(|(w, _)| {
            if w.is_empty() {
                text[..n.label_len as usize]
                    .trim_end_matches(['：', ':'])
                    .to_string()
            } else {
                w.to_string()
            }
        });
        m.serialize_entry("label", &label)?;
        m.serialize_entry("role", &role_name(n))?;
        if n.label_len != 0 {
            m.serialize_entry("labelLen", &utf16_at(&text, n.label_len as usize))?;
        }
        m.serialize_entry("text", &text)?;
        m.serialize_entry("line", &n.line)?;
        m.serialize_entry("endLine", &n.end_line)?;
        m.serialize_entry("depth", &n.depth)?;
        m.serialize_entry("unit", &doc.unit(self.id))?;
        for (key, want) in [("dates", 0), ("amounts", 1), ("percentages", 2)] {
            m.serialize_entry(
                key,
                &Facts {
                    doc,
                    id: self.id,
                    text: &text,
                    want,
                },
            )?;
        }
        if n.table != NONE {
            let rows: Vec<Vec<String>> = doc.tables[n.table as usize]
                .rows
                .iter()
                .map(|r| r.iter().map(|c| doc.cell(c).into_owned()).collect())
                .collect();
            m.serialize_entry("rows", &rows)?;
        }
        m.serialize_entry("children", &Children { doc, id: self.id })?;
        m.end()
    }
}

struct Children<'d, 'a> {
    doc: &'d Document<'a>,
    id: NodeId,
}

impl Serialize for Children<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let ids: Box<dyn Iterator<Item = NodeId>> = if self.id == NONE {
            Box::new(self.doc.roots())
        } else {
            Box::new(self.doc.children(self.id))
        };
        for id in ids {
            seq.serialize_element(&NodeOut { doc: self.doc, id })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Page<'t> {
    line: u32,
    text: &'t str,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("schema", &SCHEMA_VERSION)?;
        m.serialize_entry("meta", &self.meta)?;
        m.serialize_entry(
            "outline",
            &Children {
                doc: self,
                id: NONE,
            },
        )?;
        m.serialize_entry("diagnostics", &self.diagnostics)?;
        m.serialize_entry("units", &self.units.names)?;
        let pages: Vec<Page> = self
            .pages
            .iter()
            .map(|(line, sp)| Page {
                line: *line,
                text: &self.input[sp.start as usize..sp.end as usize],
            })
            .collect();
        m.serialize_entry("pages", &pages)?;
        m.serialize_entry("lines", &self.line_count)?;
        m.serialize_entry("bodyStart", &self.body_start)?;
        m.end()
    }
}
